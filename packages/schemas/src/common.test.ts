import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { count, groupDigits, itemRecord, nameText, PATH_PARAMS } from './common';
import { isHeaderSafeFileName, requestEvidenceUploadSchema } from './evidence';
import { createInspectionSchema } from './inspection';

describe('shared schemas', () => {
  it('text refuses lone surrogates but keeps well-formed pairs', () => {
    expect(v.is(nameText(10), 'a\ud800')).toBe(false);
    expect(v.is(nameText(10), '\udc00b')).toBe(false);
    expect(v.is(nameText(10), 'a😀')).toBe(true);
  });

  it('counts are bounded', () => {
    expect(v.is(count(), 1_000_000)).toBe(true);
    expect(v.is(count(), 1_000_001)).toBe(false);
    expect(v.is(count(0, 10), 11)).toBe(false);
    expect(v.is(count(), 2 ** 53)).toBe(false);
  });

  it('bounds read as English groups digits would, without Intl at load', () => {
    for (const n of [0, 7, 999, 1_000, 12_345, 100_000_000, 1_000_000_000_000_000]) {
      expect(groupDigits(n)).toBe(n.toLocaleString('en'));
      expect(groupDigits(n, '.')).toBe(n.toLocaleString('vi'));
    }
    expect(v.safeParse(count(), 1_000_001).issues?.[0]?.message).toBe('must be at most 1,000,000');
  });

  it('item records refuse prototype names and keys that are not item ids, at the key', () => {
    const schema = itemRecord('answers', v.string(), 3);
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const result = v.safeParse(schema, JSON.parse(`{"${key}":"x"}`));
      expect(result.success, key).toBe(false);
      expect(result.issues?.[0]?.path?.map((segment) => segment.key)).toEqual([key]);
    }
    expect(v.is(schema, { 'I-1-1': 'x' })).toBe(true);
    expect(v.is(schema, { 'I 1': 'x' })).toBe(false);
    expect(v.is(schema, {})).toBe(false);
    expect(v.is(schema, { a: 'x', b: 'x', c: 'x', d: 'x' })).toBe(false);
    expect(v.is(schema, ['x'])).toBe(false);
    expect(
      v.is(createInspectionSchema, {
        conductedOn: '2026-11-20',
        templateId: 't',
        templateVersion: 1,
        findings: JSON.parse('{"__proto__":"compliant"}'),
      }),
    ).toBe(false);
  });

  it('path parameter formats', () => {
    expect(PATH_PARAMS.eid?.test('ent-001')).toBe(true);
    expect(PATH_PARAMS.eid?.test('a'.repeat(65))).toBe(false);
    expect(PATH_PARAMS.eid?.test('ENT#x')).toBe(false);
  });
});

describe('evidence file names', () => {
  it('can always be sent back in Content-Disposition', () => {
    expect(isHeaderSafeFileName('Biên bản huấn luyện 2026.pdf')).toBe(true);
    expect(isHeaderSafeFileName('ảnh 😀.png')).toBe(true);
    for (const bad of [
      'a\ud800.pdf',
      'a\u0000.pdf',
      'a\r\nSet-Cookie: x.pdf',
      'a\u0085.pdf',
      'invoice\u202Efdp.exe',
    ]) {
      expect(isHeaderSafeFileName(bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it('are refused at the upload request', () => {
    const upload = {
      kind: 'osh_plan',
      fileName: 'a\u0007.pdf',
      contentType: 'application/pdf',
      size: 10,
      sha256: 'a'.repeat(64),
      issuedOn: '2026-01-02',
    };
    const result = v.safeParse(requestEvidenceUploadSchema, upload);
    expect(result.success).toBe(false);
    expect(result.issues?.[0]?.path?.[0]?.key).toBe('fileName');
    expect(v.is(requestEvidenceUploadSchema, { ...upload, fileName: 'ok.pdf' })).toBe(true);
  });
});
