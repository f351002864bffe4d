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

/** Take the wire copy's newer version into the story made from it: the version the editor saw. */
export const TakeWireVersionInput = z.strictObject({
  wireVersion: z.number({ error: 'Wire version must be a whole number' }).int('Wire version must be a whole number').min(0),
});
