import { isVsicCode, profileFlags } from '@antoan/domain';
import * as v from 'valibot';
import { count, id, nameText, wellFormed } from './common';

/** A Vietnamese tax code: 10 digits, or 10 digits, a dash and 3 digits for a branch. */
export const TAX_CODE_PATTERN = /^\d{10}(-\d{3})?$/;

const workforceSchema = v.strictObject({
  women: count(),
  minors: count(),
  disabled: count(),
  elderly: count(),
  hazardous: count(),
});

/** `POST /v1/enterprises` body. */
export const createEnterpriseSchema = v.pipe(
  v.strictObject({
    taxCode: v.pipe(
      v.string(),
      v.regex(TAX_CODE_PATTERN, 'taxCode is 10 digits, or 10 digits-3 digits for a branch'),
    ),
    name: nameText(300),
    zoneId: id('zoneId'),
    sectorCode: v.pipe(
      v.string(),
      v.check(
        isVsicCode,
        'sectorCode is a VSIC 2018 code: a section letter and 2–5 digits, such as F41 or C2410',
      ),
    ),
    headcount: count(1, 1_000_000),
    workforce: v.optional(workforceSchema),
    strictEquipmentCount: v.optional(count(0, 100_000)),
    flags: v.optional(
      v.pipe(
        v.array(v.picklist(profileFlags, `each flag is one of ${profileFlags.join(', ')}`)),
        v.check((flags) => new Set(flags).size === flags.length, 'flags must not repeat'),
      ),
    ),
    contactEmail: v.optional(
      v.pipe(
        v.string(),
        wellFormed(),
        v.trim(),
        v.email('contactEmail is an e-mail address'),
        v.maxLength(254),
      ),
    ),
  }),
  v.forward(
    v.check(
      (input) =>
        input.workforce === undefined ||
        Object.values(input.workforce).every((groupSize) => groupSize <= input.headcount),
      'no workforce group can be larger than headcount',
    ),
    ['workforce'],
  ),
);
export type CreateEnterpriseInput = v.InferOutput<typeof createEnterpriseSchema>;
