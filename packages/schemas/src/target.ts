import { VSIC_CODE_PATTERN } from '@antoan/domain';
import * as v from 'valibot';
import { id, listQueryEntries } from './common';

/** `GET /v1/targets?zoneId=&sectorCode=&limit=&cursor=` query. `sectorCode` is a VSIC code or prefix from the division on. */
export const targetsQuerySchema = v.strictObject({
  zoneId: v.optional(id('zoneId')),
  sectorCode: v.optional(
    v.pipe(
      v.string(),
      v.regex(
        VSIC_CODE_PATTERN,
        'sectorCode is a VSIC 2018 code or prefix from the division on: a letter and 2–5 digits, such as F41 or C2410',
      ),
    ),
  ),
  limit: listQueryEntries.limit,
  /** The next page: the `nextCursor` of the previous one. */
  cursor: listQueryEntries.cursor,
});
export type TargetsQuery = v.InferOutput<typeof targetsQuerySchema>;
