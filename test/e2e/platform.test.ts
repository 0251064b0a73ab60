import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { devToken, pnpmStart, type StartedPlatform } from './start';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('pnpm start (in memory, with demo data)', () => {
  let platform: StartedPlatform;
  afterAll(async () => {
    await platform?.stop();
  });

  it('serves health, and a demo token lists zones and reads an enterprise', async () => {
    platform = await pnpmStart({ PORT: '0', ANTOAN_IN_MEMORY: '1' });
    expect(await (await fetch(`${platform.url}/v1/health`)).json()).toEqual({ status: 'ok' });

    const users = (await (await fetch(`${platform.url}/v1/dev/users`)).json()) as {
      items: Array<{ name: string; role: string; enterpriseId?: string; zoneIds?: string[] }>;
    };
    const claimsOf = (role: string) => {
      const user = users.items.find((u) => u.role === role);
      if (!user) throw new Error(`no demo user with role ${role}`);
      const { name: _name, ...claims } = user;
      return claims;
    };
    expect(new Set(users.items.map((u) => u.role))).toEqual(
      new Set(['authority', 'inspector', 'zone_manager', 'enterprise']),
    );
    const claims = claimsOf('zone_manager');
    const token = await devToken(platform.url, claims);
    const zones = (await (await fetch(`${platform.url}/v1/zones`, { headers: bearer(token) })).json()) as {
      items: Array<{ id: string }>;
    };
    expect(zones.items.map((z) => z.id)).toEqual(claims.zoneIds);

    const officerClaims = claimsOf('enterprise');
    const response = await fetch(`${platform.url}/v1/enterprises/${officerClaims.enterpriseId}`, {
      headers: bearer(await devToken(platform.url, officerClaims)),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      id: officerClaims.enterpriseId,
      highRisk: expect.any(Boolean),
    });
    expect(platform.output()).toMatch(/seeded 8 zones and \d+ enterprises/);
  });

  it('stops every child process on SIGTERM', async () => {
    const dynamo = platform.output().match(/DynamoDB Local at (http:\/\/127\.0\.0\.1:\d+)/)?.[1];
    const s3 = platform.output().match(/S3 server at (http:\/\/127\.0\.0\.1:\d+)/)?.[1];
    expect(dynamo && s3).toBeDefined();
    // The web app's address comes first, before the API and the demo users.
    const text = platform.output();
    expect(text.indexOf('Web app: http://localhost:')).toBeGreaterThan(-1);
    expect(text.indexOf('Web app: http://localhost:')).toBeLessThan(text.indexOf('demo users'));
    // A normal stop is a success: exit code 0, and no "Command failed" from pnpm. Each script execs its child, so
    // pnpm's signal reaches Node, which stops the platform before pnpm exits.
    expect(await platform.stop('SIGTERM')).toBe(0);
    expect(platform.output()).not.toContain('Command failed');
    expect(platform.output()).toContain('[antoan] stopped');
    await expect
      .poll(
        () =>
          fetch(`${dynamo}`).then(
            () => 'up',
            () => 'down',
          ),
        { timeout: 15_000 },
      )
      .toBe('down');
    await expect
      .poll(
        () =>
          fetch(`${s3}`).then(
            () => 'up',
            () => 'down',
          ),
        { timeout: 15_000 },
      )
      .toBe('down');
    await expect
      .poll(() =>
        fetch(`${platform.url}/v1/health`).then(
          () => 'up',
          () => 'down',
        ),
      )
      .toBe('down');
  });
});

describe('pnpm start (data on disk, ANTOAN_SEED=0)', () => {
  it('keeps data across a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'antoan-e2e-'));
    try {
      const first = await pnpmStart({ PORT: '0', ANTOAN_DATA_DIR: dataDir, ANTOAN_SEED: '0' });
      const token = await devToken(first.url, { sub: 'a', role: 'authority' });
      const created = await fetch(`${first.url}/v1/zones`, {
        method: 'POST',
        headers: { ...bearer(token), 'Content-Type': 'application/json' },
        body: JSON.stringify({ code: 'KEEP', name: 'Kept zone' }),
      });
      expect(created.status).toBe(201);
      expect(first.output()).not.toMatch(/seeded/);
      await first.stop();

      const second = await pnpmStart({ PORT: '0', ANTOAN_DATA_DIR: dataDir, ANTOAN_SEED: '0' });
      try {
        const token2 = await devToken(second.url, { sub: 'a', role: 'authority' });
        const zones = (await (await fetch(`${second.url}/v1/zones`, { headers: bearer(token2) })).json()) as {
          items: Array<{ code: string }>;
        };
        expect(zones.items.map((z) => z.code)).toEqual(['KEEP']);
      } finally {
        await second.stop();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
