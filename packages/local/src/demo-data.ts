import type { Enterprise, Zone } from '@antoan/db';
import { isHighRiskSector, selfInspectionStatus } from '@antoan/domain';
import type { DemoUser } from './dev-routes';

/** Cần Thơ's industrial zones (names from the city plan). Ids are stable so demo links keep working. */
export const demoZones: Array<Omit<Zone, 'createdAt'>> = [
  { id: 'zone-tn1', code: 'TN1', name: 'KCN Trà Nóc 1' },
  { id: 'zone-tn2', code: 'TN2', name: 'KCN Trà Nóc 2' },
  { id: 'zone-hp1', code: 'HP1', name: 'KCN Hưng Phú 1' },
  { id: 'zone-hp2a', code: 'HP2A', name: 'KCN Hưng Phú 2A' },
  { id: 'zone-hp2b', code: 'HP2B', name: 'KCN Hưng Phú 2B' },
  { id: 'zone-tnot', code: 'TNOT', name: 'KCN Thốt Nốt' },
  { id: 'zone-om', code: 'OM', name: 'KCN Ô Môn' },
  { id: 'zone-bom', code: 'BOM', name: 'KCN Bắc Ô Môn' },
];

/** Sectors seen in Cần Thơ's zones, with a typical size, share of women and machine count. */
const sectors = [
  { code: 'C1020', trade: 'Chế biến Thủy sản', size: 600, women: 0.65, machines: 4 },
  { code: 'C1061', trade: 'Xay xát Lương thực', size: 120, women: 0.3, machines: 3 },
  { code: 'C1104', trade: 'Nước giải khát', size: 250, women: 0.4, machines: 5 },
  { code: 'C1410', trade: 'May mặc', size: 900, women: 0.8, machines: 1 },
  { code: 'C1610', trade: 'Chế biến Gỗ', size: 150, women: 0.25, machines: 3 },
  { code: 'C2012', trade: 'Phân bón Hóa chất', size: 200, women: 0.2, machines: 6 },
  { code: 'C2220', trade: 'Nhựa Bao bì', size: 180, women: 0.45, machines: 4 },
  { code: 'C2395', trade: 'Vật liệu Xây dựng', size: 160, women: 0.1, machines: 8 },
  { code: 'C2410', trade: 'Thép', size: 350, women: 0.08, machines: 12 },
  { code: 'C2511', trade: 'Kết cấu Thép', size: 140, women: 0.1, machines: 9 },
  { code: 'C2821', trade: 'Cơ khí Nông nghiệp', size: 110, women: 0.12, machines: 7 },
  { code: 'D3510', trade: 'Nhiệt điện', size: 400, women: 0.1, machines: 20 },
  { code: 'F4100', trade: 'Xây dựng', size: 220, women: 0.1, machines: 10 },
  { code: 'F4312', trade: 'Nền móng Công trình', size: 90, women: 0.05, machines: 6 },
  { code: 'G4663', trade: 'Thương mại Vật tư', size: 45, women: 0.35, machines: 1 },
  { code: 'H5210', trade: 'Kho vận', size: 80, women: 0.2, machines: 4 },
  { code: 'M6920', trade: 'Kế toán Tư vấn', size: 12, women: 0.6, machines: 0 },
  { code: 'J6201', trade: 'Phần mềm', size: 40, women: 0.35, machines: 0 },
] as const;

const brands = [
  'Mê Kông',
  'Tây Đô',
  'Cửu Long',
  'Phong Điền',
  'Cái Răng',
  'Ninh Kiều',
  'Bình Thủy',
  'Hậu Giang',
  'Sông Hậu',
  'Phương Nam',
  'An Bình',
  'Đại Phát',
  'Thịnh Vượng',
  'Hòa Hiệp',
  'Việt Thắng',
  'Minh Phú',
];
const forms = ['Công ty TNHH', 'Công ty Cổ phần', 'Công ty TNHH MTV'];

/** A small deterministic generator (mulberry32), so the demo is the same on every machine. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The element at `index`, wrapping around; lists here are never empty. */
function pick<T>(list: readonly T[], index: number): T {
  const item = list[index % list.length];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** `count` fictional enterprises spread over the demo zones, with VSIC sectors, headcounts and workforce groups. */
export function demoEnterprises(count = 240, createdAt = '2026-01-05T00:00:00.000Z'): Enterprise[] {
  const next = random(2026);
  return Array.from({ length: count }, (_, index) => {
    const sector = pick(sectors, Math.floor(next() * sectors.length));
    const zone = pick(demoZones, index);
    // Sizes spread from a tenth to three times the sector's typical size.
    const headcount = Math.max(5, Math.round(sector.size * (0.1 + next() * 2.9)));
    const share = (ratio: number) => Math.min(headcount, Math.round(headcount * ratio));
    const number = String(index + 1).padStart(3, '0');
    const enterprise: Enterprise = {
      id: `ent-${number}`,
      taxCode: `18000${String(10_000 + index * 37).padStart(5, '0')}`,
      name: `${pick(forms, index)} ${sector.trade} ${pick(brands, Math.floor(next() * brands.length))} ${number}`,
      zoneId: zone.id,
      // The profile shows it without reading the zone (see createEnterprise).
      zoneName: zone.name,
      sectorCode: sector.code,
      highRisk: isHighRiskSector(sector.code),
      headcount,
      workforce: {
        women: share(sector.women * (0.8 + next() * 0.4)),
        minors: next() < 0.08 ? Math.min(headcount, 1 + Math.floor(next() * 3)) : 0,
        disabled: next() < 0.25 ? share(0.01 + next() * 0.02) : 0,
        elderly: next() < 0.4 ? share(0.02 + next() * 0.05) : 0,
        hazardous: isHighRiskSector(sector.code) || sector.machines > 3 ? share(0.2 + next() * 0.4) : 0,
      },
      createdAt,
      selfCheckDueOn: selfInspectionStatus({
        highRisk: isHighRiskSector(sector.code),
        today: createdAt.slice(0, 10),
        registeredOn: createdAt.slice(0, 10),
      }).dueOn,
    };
    const machines = Math.round(sector.machines * (headcount / sector.size));
    if (sector.machines > 0) enterprise.strictEquipmentCount = machines;
    return enterprise;
  });
}

/** Demo users for every role, shown by `GET /v1/dev/users` and printed at start. */
export function demoUsers(enterprises: readonly Enterprise[]): DemoUser[] {
  const firms = enterprises.filter((e) => e.zoneId === 'zone-tn1').slice(0, 3);
  return [
    { sub: 'authority-demo', name: 'Sở Nội vụ TP. Cần Thơ', role: 'authority' },
    { sub: 'inspector-demo', name: 'Thanh tra lao động', role: 'inspector' },
    {
      sub: 'zm-tranoc',
      name: 'Ban quản lý KCN Trà Nóc',
      role: 'zone_manager',
      zoneIds: ['zone-tn1', 'zone-tn2'],
    },
    {
      sub: 'zm-hungphu',
      name: 'Ban quản lý KCN Hưng Phú',
      role: 'zone_manager',
      zoneIds: ['zone-hp1', 'zone-hp2a', 'zone-hp2b'],
    },
    ...firms.map((firm) => ({
      sub: `officer-${firm.id}`,
      name: firm.name,
      role: 'enterprise' as const,
      enterpriseId: firm.id,
    })),
  ];
}
