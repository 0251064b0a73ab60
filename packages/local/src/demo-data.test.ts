import { listEnterprisesInZone, listZones } from '@antoan/db';
import { createTestDb } from '@antoan/db/local';
import { isHighRiskSector, isVsicCode } from '@antoan/domain';
import { describe, expect, inject, it } from 'vitest';
import { demoEnterprises, demoUsers, demoZones } from './demo-data';
import { seedDemoData } from './seed';

describe('demo data', () => {
  const enterprises = demoEnterprises();

  it('has the 8 Cần Thơ zones and at least 200 valid, varied enterprises', () => {
    expect(demoZones.map((z) => z.name)).toContain('KCN Bắc Ô Môn');
    expect(demoZones).toHaveLength(8);
    expect(enterprises.length).toBeGreaterThanOrEqual(200);
    expect(new Set(enterprises.map((e) => e.taxCode)).size).toBe(enterprises.length);
    for (const e of enterprises) {
      expect(e.taxCode).toMatch(/^\d{10}$/);
      expect(isVsicCode(e.sectorCode)).toBe(true);
      expect(e.highRisk).toBe(isHighRiskSector(e.sectorCode));
      expect(e.headcount).toBeGreaterThanOrEqual(1);
      for (const size of Object.values(e.workforce)) expect(size).toBeLessThanOrEqual(e.headcount);
    }
    expect(enterprises.some((e) => e.highRisk)).toBe(true);
    expect(enterprises.some((e) => !e.highRisk)).toBe(true);
    expect(enterprises.some((e) => e.headcount >= 1000)).toBe(true);
    expect(enterprises.some((e) => e.headcount < 50)).toBe(true);
  });

  it('has a zone of at least 30 firms on both schedules, managed by a demo zone manager (the zone view)', () => {
    const tn1 = enterprises.filter((e) => e.zoneId === 'zone-tn1');
    expect(tn1.length).toBeGreaterThanOrEqual(30);
    expect(tn1.filter((e) => e.highRisk).length).toBeGreaterThan(0);
    expect(tn1.filter((e) => !e.highRisk).length).toBeGreaterThan(0);
    expect(demoUsers(enterprises).find((u) => u.sub === 'zm-tranoc')?.zoneIds).toContain('zone-tn1');
  });

  it('is the same on every machine', () => {
    expect(demoEnterprises()).toEqual(enterprises);
  });

  it('has a demo user for every role, each pointing at seeded data', () => {
    const users = demoUsers(enterprises);
    expect(new Set(users.map((u) => u.role))).toEqual(
      new Set(['authority', 'inspector', 'zone_manager', 'enterprise']),
    );
    const zoneIds = new Set(demoZones.map((z) => z.id));
    for (const user of users) {
      for (const id of user.zoneIds ?? []) expect(zoneIds.has(id)).toBe(true);
      if (user.enterpriseId) expect(enterprises.some((e) => e.id === user.enterpriseId)).toBe(true);
    }
  });

  it('seeds through the access functions once, and is a no-op on the next start', async () => {
    const db = await createTestDb(inject('dynamoEndpoint'));
    expect(await seedDemoData(db)).toMatchObject({ seeded: true, zones: 8 });
    expect(await seedDemoData(db)).toMatchObject({ seeded: false });
    expect((await listZones(db, { limit: 50 })).items).toHaveLength(8);
    const inTraNoc = await listEnterprisesInZone(db, { zoneId: 'zone-tn1', limit: 200 });
    expect(inTraNoc.items.length).toBe(enterprises.filter((e) => e.zoneId === 'zone-tn1').length);
    // The seed also writes the oversight demo (assessments, accidents, inspections, the priority index).
  }, 120_000);
});
