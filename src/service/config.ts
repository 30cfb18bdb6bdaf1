import { z } from 'zod';

/** `service:` section, read by `serve` only. Owned by the service. */
export const ServiceConfigSchema = z.object({}).passthrough();
export type ServiceConfig = z.infer<typeof ServiceConfigSchema>;
