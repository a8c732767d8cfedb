import { z } from 'zod';

/** Every list answers in this shape; `next_cursor` is null exactly when `has_more` is false. */
export const Page = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), has_more: z.boolean(), next_cursor: z.string().nullable() });

export type Page<T> = { data: T[]; has_more: boolean; next_cursor: string | null };
