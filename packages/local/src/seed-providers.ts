import { type AppDeps, registerProvider } from '@antoan/api';
import { getProvider } from '@antoan/db';

/** Fictional licensed providers of OSH services; one licence has lapsed, so the demo shows `unlicensed_provider`. */
export const demoProviders = [
  {
    id: 'prov-huanluyen-tn',
    name: 'Trung tâm Huấn luyện An toàn Tây Nam (hư cấu)',
    taxCode: '1800900001',
    services: ['training'] as const,
    licenceNo: 'HL-DEMO-001',
    validFrom: '2024-01-01',
    validUntil: '2028-12-31',
  },
  {
    id: 'prov-ytelaodong-ct',
    name: 'Phòng khám Y tế Lao động Sông Hậu (hư cấu)',
    taxCode: '1800900002',
    services: ['health_exam'] as const,
    licenceNo: 'YT-DEMO-002',
    validFrom: '2023-06-01',
    validUntil: '2028-05-31',
  },
  {
    id: 'prov-quantrac-mk',
    name: 'Công ty Quan trắc Môi trường Mekong (hư cấu)',
    taxCode: '1800900003',
    services: ['monitoring'] as const,
    licenceNo: 'QT-DEMO-003',
    validFrom: '2021-01-01',
    validUntil: '2024-12-31',
  },
  {
    id: 'prov-kiemdinh-cl',
    name: 'Trung tâm Kiểm định Kỹ thuật Cửu Long (hư cấu)',
    taxCode: '1800900004',
    services: ['equipment_inspection', 'training'] as const,
    licenceNo: 'KD-DEMO-004',
    validFrom: '2025-03-01',
    validUntil: '2030-02-28',
  },
];

/** Registers the demo providers through the same use case as `POST /v1/providers`; a rerun writes nothing. */
export async function seedDemoProviders(deps: AppDeps): Promise<number> {
  let added = 0;
  for (const { id, services, ...licence } of demoProviders) {
    if (await getProvider(deps.db, id)) continue;
    const result = await registerProvider(deps, {
      id,
      licence: { ...licence, services: [...services] },
      actor: 'seed',
    });
    if (result.ok) added++;
  }
  return added;
}
