import * as v from 'valibot';
import { nameText } from './common';

/** `POST /v1/zones` body. */
export const createZoneSchema = v.strictObject({
  code: v.pipe(
    v.string(),
    v.regex(/^[A-Z0-9][A-Z0-9-]{0,31}$/, 'code is 1–32 upper-case letters, digits or dashes, such as TN1'),
  ),
  name: nameText(200),
});
export type CreateZoneInput = v.InferOutput<typeof createZoneSchema>;

/** A zone as the API returns it. */
export const zoneSchema = v.strictObject({ id: v.string(), code: v.string(), name: v.string() });
export type ZoneView = v.InferOutput<typeof zoneSchema>;
