import { isIsoDate, isPeriod } from '@antoan/domain';
import * as v from 'valibot';
import { said } from './messages';

/** A lone UTF-16 surrogate: with the `u` flag a well-formed pair is one code point and does not match. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** True when `text` is well-formed Unicode (no lone surrogate), so it can be stored, encoded and sent back. */
export const isWellFormed = (text: string): boolean => !LONE_SURROGATE.test(text);

/** The check every string of the API passes: no lone UTF-16 surrogate. */
export const wellFormed = () =>
  v.check<string, string>(isWellFormed, 'must be well-formed Unicode text (no lone surrogate)');

/** A string of at most `max` characters, well-formed Unicode: the base of every text field. */
export const text = (max: number) =>
  v.pipe(v.string(), wellFormed(), v.maxLength(max, `must be at most ${max} characters`));

/** The format of every record id and item id: 1–64 letters, digits, `-` or `_`. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** A record or item id (`ID_PATTERN`). */
export const id = (label: string) =>
  v.pipe(v.string(), v.regex(ID_PATTERN, `${label} is 1–64 letters, digits, - or _`));

/**
 * The path parameters of the API by name, each with its format. The API checks every `:param` of every route
 * against this table before anything else runs (404 when it does not match); a name not listed here gets
 * `ID_PATTERN`. A new kind of id is one line here.
 */
export const PATH_PARAMS: Record<string, RegExp> = {
  eid: ID_PATTERN,
  aid: ID_PATTERN,
  vid: ID_PATTERN,
  zid: ID_PATTERN,
  tid: ID_PATTERN,
  acid: ID_PATTERN,
  pid: ID_PATTERN,
  rid: ID_PATTERN,
  iid: ID_PATTERN,
  nid: ID_PATTERN,
  /** A user: a Cognito `sub` (UUID) or a local demo user name. */
  uid: /^[A-Za-z0-9_.@-]{1,128}$/,
  /** A template version: 1–999999. */
  ver: /^[1-9]\d{0,5}$/,
  year: /^\d{4}$/,
  period: /^\d{4}(-(H[12]|Q[1-4]))?$/,
};

/** Item ids a record may never be keyed by: they name parts of every JavaScript object, not items. */
const RESERVED_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

/**
 * An object keyed by item id (`answers`, `findings`) with 1–`max` entries. Every key must be an item id, and
 * `__proto__`, `prototype` and `constructor` are refused as unknown items (Valibot's `record` would silently drop them).
 */
export const itemRecord = <T extends v.GenericSchema>(label: string, value: T, max: number) =>
  v.pipe(
    v.custom<Record<string, unknown>>(
      (input) => typeof input === 'object' && input !== null && !Array.isArray(input),
      `${label} is an object keyed by item id`,
    ),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      for (const key of Object.keys(dataset.value)) {
        if (!RESERVED_KEYS.has(key)) continue;
        addIssue({
          message: `no item ${key}: unknown item`,
          path: [{ type: 'object', origin: 'key', input: dataset.value, key, value: dataset.value[key] }],
        });
      }
    }),
    v.record(id('item id'), value),
    v.check((record) => Object.keys(record).length > 0, `${label} must contain at least one item`),
    v.check((record) => Object.keys(record).length <= max, `at most ${max} ${label} per request`),
  );

/** What a refused cursor is told, here and where the API opens one. */
export const cursorNotIssued = {
  vi: 'cursor không phải do hệ thống cấp cho danh sách này',
  en: 'cursor is not one this service issued',
};

/** The `limit` and `cursor` entries every list query has; lists with filters add theirs. */
export const listQueryEntries = {
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(
        /^\d{1,3}$/,
        said('limit phải là số nguyên từ 1 đến 200', 'limit must be a whole number, 1–200'),
      ),
      v.transform(Number),
      v.minValue(1, said('limit phải từ 1 trở lên', 'limit must be at least 1')),
      v.maxValue(200, said('limit tối đa là 200', 'limit must be at most 200')),
    ),
    '50',
  ),
  /** Opaque and signed by the API, which checks it before anything reads it. */
  cursor: v.optional(
    v.pipe(v.string(), v.regex(/^[A-Za-z0-9_.-]{1,2048}$/, said(cursorNotIssued.vi, cursorNotIssued.en))),
  ),
};

/** `?limit=&cursor=` of every list: limit 1–200, default 50. */
export const listQuerySchema = v.strictObject(listQueryEntries);
export type ListQuery = v.InferOutput<typeof listQuerySchema>;

/** No query parameter at all: what a route that declares no query schema accepts. */
export const noQuerySchema = v.strictObject({});

/** The years a period may name: the platform's records start in 2000; far-future years are typing mistakes. */
export const PERIOD_YEARS = { min: 2000, max: 2100 } as const;

/**
 * A period (`YYYY`, `YYYY-H1|H2`, `YYYY-Q1…Q4`) of a year from 2000 to 2100, so that the period before or after it
 * always exists.
 */
export const periodText = () =>
  v.pipe(
    v.string(),
    v.check(isPeriod, 'period is YYYY, YYYY-H1, YYYY-H2 or YYYY-Q1…YYYY-Q4, such as 2026-H2'),
    v.check((text) => {
      const year = Number(text.slice(0, 4));
      return year >= PERIOD_YEARS.min && year <= PERIOD_YEARS.max;
    }, `period is of a year from ${PERIOD_YEARS.min} to ${PERIOD_YEARS.max}`),
  );

/** The years a date may be in: old certificates go back decades, nothing is dated past 2100. */
export const DATE_YEARS = { min: 1900, max: 2100 } as const;

/** True for a `YYYY-MM-DD` date from 1900 to 2100 (so that adding a year or a period to it stays a date). */
export const isBoundedDate = (text: string): boolean => {
  const year = Number(text.slice(0, 4));
  return isIsoDate(text) && year >= DATE_YEARS.min && year <= DATE_YEARS.max;
};

/** A `YYYY-MM-DD` date from 1900 to 2100. */
export const dateText = (label: string) =>
  v.pipe(
    v.string(),
    v.check(
      isBoundedDate,
      said(
        `${label} phải là ngày dạng YYYY-MM-DD, từ năm ${DATE_YEARS.min} đến ${DATE_YEARS.max}`,
        `${label} is a date, YYYY-MM-DD, from ${DATE_YEARS.min} to ${DATE_YEARS.max}`,
      ),
    ),
  );

/** A non-empty, trimmed line of text of at most `max` characters. */
export const nameText = (max: number) =>
  v.pipe(
    v.string(),
    wellFormed(),
    v.trim(),
    v.minLength(1, said('Không được để trống', 'must not be empty')),
    v.maxLength(max, said(`Tối đa ${max} ký tự`, `must be at most ${max} characters`)),
  );

/**
 * `1000000` as `1,000,000` (English) or, with `'.'`, `1.000.000` (Vietnamese), for messages built at module load.
 * Not `toLocaleString`: the first `Intl` use in a process loads ICU data, tens of milliseconds of every cold start
 * that builds these schemas.
 */
export const groupDigits = (n: number, separator: ',' | '.' = ','): string =>
  String(n).replace(/\B(?=(\d{3})+(?!\d))/g, separator);

/** The largest count any body may carry, unless its field says less (people, equipment, workers covered). */
export const MAX_COUNT = 1_000_000;

/** A whole number from `min` to `max` (default `MAX_COUNT`): every number of a body is bounded. */
export const count = (min = 0, max = MAX_COUNT) =>
  v.pipe(
    v.number(),
    v.integer(said('Phải là số nguyên', 'must be a whole number')),
    v.minValue(min, said(`Phải từ ${min} trở lên`, `must be at least ${min}`)),
    v.maxValue(max, said(`Tối đa ${groupDigits(max, '.')}`, `must be at most ${groupDigits(max)}`)),
  );
