import { z } from 'zod';

/** `alerts:` section. Owned by the alerts stage. */
export const AlertsConfigSchema = z
  .object({
    channels: z.array(z.object({ name: z.string(), type: z.string() }).passthrough()).default([]),
    rules: z.array(z.object({ name: z.string() }).passthrough()).default([]),
  })
  .strict();
export type AlertsConfig = z.infer<typeof AlertsConfigSchema>;
