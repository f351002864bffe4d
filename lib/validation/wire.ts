import { z } from 'zod';

/** An agency the admin gives an ingest token to. */
export const WireSourceInput = z.strictObject({
  name: z
    .string({ error: 'Name the agency' })
    .trim()
    .min(1, 'Name the agency')
    .max(100, 'The name must be at most 100 characters'),
});

/** The Wire queue's search box and filter. */
export const WireQueueQuery = z.object({
  q: z.string().trim().max(200).catch(''),
});
