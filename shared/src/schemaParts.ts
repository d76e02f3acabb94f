import { z } from 'zod';

/** Building blocks shared by every domain's event schemas. */
export const id = z.string().min(1).max(64);
export const token = z.string().min(1).max(512);
export const empty = z.object({}).strict();
