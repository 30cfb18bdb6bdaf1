/** The place-aliases rule table (config/rules/<language>/place-aliases.yaml), validated. */
import { z } from 'zod';
import { loadRuleTable } from '../extract/rules/load.ts';

export const PlaceAliasSchema = z
  .object({
    reason: z.string().min(1),
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)).min(1),
    kind: z.enum(['country', 'city', 'port', 'region', 'other']).optional(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .nullable()
      .optional(),
    of: z
      .string()
      .regex(/^(country:[A-Z]{2}|admin[12]:[A-Z]{2}\.[A-Za-z0-9]+(\.[A-Za-z0-9]+)?)$/)
      .optional(),
    lat: z.number().min(-90).max(90).optional(),
    lon: z.number().min(-180).max(180).optional(),
    caseSensitive: z.boolean().default(false),
    abbreviation: z.boolean().default(false),
    adjectival: z.boolean().default(false),
    dateline: z.boolean().default(false),
    listed: z.boolean().default(true),
  })
  .refine((r) => r.of !== undefined || (r.kind !== undefined && r.country !== undefined), {
    message: 'a place alias needs `of`, or `kind` and `country`',
  });
export type PlaceAlias = z.infer<typeof PlaceAliasSchema>;

/** The aliases of one language folder (default: English). */
export function loadPlaceAliases(dir?: string): PlaceAlias[] {
  return loadRuleTable('place-aliases', PlaceAliasSchema, dir);
}
