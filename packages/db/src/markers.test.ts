import { beforeAll, expect, inject, it } from 'vitest';
import type { DbContext } from './client';
import { createTestDb } from './local';
import { hasMarker, setMarker } from './markers';

let ctx: DbContext;
beforeAll(async () => {
  ctx = await createTestDb(inject('dynamoEndpoint'));
});

it('remembers a completed one-time step', async () => {
  expect(await hasMarker(ctx, 'seed-v1')).toBe(false);
  await setMarker(ctx, 'seed-v1', '2026-11-28T00:00:00.000Z');
  expect(await hasMarker(ctx, 'seed-v1')).toBe(true);
  expect(await hasMarker(ctx, 'seed-v2')).toBe(false);
});
