import * as v from 'valibot';
import { id } from './common';

/** `POST /v1/dev/token` body (local platform only). */
export const devTokenSchema = v.pipe(
  v.strictObject({
    sub: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_.@-]{1,128}$/, 'sub is 1–128 letters, digits, _ . @ or -')),
    role: v.picklist(['enterprise', 'zone_manager', 'inspector', 'authority']),
    enterpriseId: v.optional(id('enterpriseId')),
    zoneIds: v.optional(v.pipe(v.array(id('zone id')), v.maxLength(50))),
  }),
  v.forward(
    v.check(
      (input) => input.role !== 'enterprise' || input.enterpriseId !== undefined,
      'the enterprise role needs enterpriseId',
    ),
    ['enterpriseId'],
  ),
  v.forward(
    v.check(
      (input) => input.role !== 'zone_manager' || (input.zoneIds?.length ?? 0) > 0,
      'the zone_manager role needs at least one zone id',
    ),
    ['zoneIds'],
  ),
);
export type DevTokenInput = v.InferOutput<typeof devTokenSchema>;
