import { rankTargets } from '@antoan/domain';
import { bench, describe } from 'vitest';
import { syntheticFacts } from './targeting-simulation';

const zone = syntheticFacts({ seed: 'bench', firms: 300 });
const city = syntheticFacts({ seed: 'bench', firms: 10_000 });
const options = { seed: '2026-W48', today: '2026-11-23' };

describe('rankTargets', () => {
  bench('a zone: 300 firms, limit 20', () => {
    rankTargets(zone, { ...options, limit: 20 });
  });
  bench('the city: 10,000 firms, limit 50', () => {
    rankTargets(city, { ...options, limit: 50 });
  });
});
