import { describe, expect, it } from 'vitest';
import { query } from './api';
import { matchPath } from './router';

describe('matchPath', () => {
  it('gives the decoded parameters of a matching path', () => {
    expect(matchPath('/enterprises/:eid/assessments/:aid', '/enterprises/ent-001/assessments/01ABC')).toEqual(
      {
        eid: 'ent-001',
        aid: '01ABC',
      },
    );
    expect(matchPath('/zones/:zid', '/zones/zone%20tn1/')).toEqual({ zid: 'zone tn1' });
  });

  it('does not match a longer or shorter path', () => {
    expect(matchPath('/zones/:zid', '/zones')).toBeNull();
    expect(matchPath('/zones/:zid', '/zones/a/b')).toBeNull();
  });
});

describe('query', () => {
  it('keeps only the entries that have a value', () => {
    expect(query({ period: '2026-H2', zoneId: '', cursor: null, limit: 25, sector: undefined })).toBe(
      '?period=2026-H2&limit=25',
    );
    expect(query({})).toBe('');
  });
});
