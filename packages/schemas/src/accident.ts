import * as v from 'valibot';
import { count, isBoundedDate, nameText } from './common';

const TIMESTAMP_PATTERN = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A full ISO 8601 timestamp with its offset (`2026-11-20T08:30:00+07:00` or `…Z`), turned into UTC. */
const timestamp = (label: string) =>
  v.pipe(
    v.string(),
    v.check((text) => {
      const match = TIMESTAMP_PATTERN.exec(text);
      return match?.[1] !== undefined && isBoundedDate(match[1]) && !Number.isNaN(Date.parse(text));
    }, `${label} is a timestamp with its offset, such as 2026-11-20T08:30:00+07:00 or 2026-11-20T01:30:00Z`),
    v.transform((text) => new Date(text).toISOString()),
  );

/** `POST /v1/enterprises/{eid}/accidents` body. A fatal accident has at least one death; the others none. */
export const createAccidentSchema = v.pipe(
  v.strictObject({
    occurredAt: timestamp('occurredAt'),
    severity: v.picklist(['fatal', 'serious', 'minor'], 'severity is fatal, serious or minor'),
    victims: count(1, 10_000),
    fatalities: count(0, 10_000),
    cause: nameText(500),
    description: nameText(4000),
  }),
  v.forward(
    v.check((input) => input.fatalities <= input.victims, 'fatalities cannot be more than victims'),
    ['fatalities'],
  ),
  v.forward(
    v.check(
      (input) => (input.severity === 'fatal') === input.fatalities > 0,
      'a fatal accident has at least one fatality, and only a fatal accident has any',
    ),
    ['fatalities'],
  ),
);
export type CreateAccidentInput = v.InferOutput<typeof createAccidentSchema>;
