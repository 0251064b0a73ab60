import * as v from 'valibot';

/** The `limit` and `cursor` entries every list query has; lists with filters add theirs. */
export const listQueryEntries = {
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d+$/, 'limit must be a whole number'),
      v.transform(Number),
      v.minValue(1, 'limit must be at least 1'),
      v.maxValue(200, 'limit must be at most 200'),
    ),
    '50',
  ),
  cursor: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(2048))),
};

/** `?limit=&cursor=` of every list: limit 1–200, default 50. */
export const listQuerySchema = v.strictObject(listQueryEntries);
export type ListQuery = v.InferOutput<typeof listQuerySchema>;

/** A non-empty, trimmed line of text of at most `max` characters. */
export const nameText = (max: number) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1, 'must not be empty'),
    v.maxLength(max, `must be at most ${max} characters`),
  );

/** A whole number ≥ `min`. */
export const count = (min = 0) =>
  v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(min, `must be at least ${min}`));
