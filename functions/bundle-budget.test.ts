import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type Bundle, bundle, floorSource } from './bundling/esbuild';
import { lambdaFunctions } from './bundling/functions';

/**
 * THE BUNDLE BUDGET: a function's bundle may exceed its floor (Hono plus the same AWS clients, built the same way)
 * by at most 100 KB of our own code and libraries. The published checklist (legal text shipped as JSON data, about
 * 73 KB minified) is counted apart, in the functions that read a template.
 */
export const BUNDLE_BUDGET_BYTES = 100 * 1024;

const floors = new Map<string, Promise<Bundle>>();
const floorOf = (clients: readonly string[]) => {
  const key = clients.join('+') || 'hono';
  let floor = floors.get(key);
  if (!floor) {
    floor = bundle({
      source: floorSource(clients as Parameters<typeof floorSource>[0]),
      name: `floor-${key}`,
    });
    floors.set(key, floor);
  }
  return floor;
};

it('holds every function of the functions folder to the budget', () => {
  const folders = readdirSync(fileURLToPath(new URL('.', import.meta.url)), { withFileTypes: true })
    .filter(
      (entry) =>
        entry.isDirectory() && existsSync(fileURLToPath(new URL(`${entry.name}/index.ts`, import.meta.url))),
    )
    .map((entry) => entry.name);
  expect(lambdaFunctions.map(({ name }) => name).sort()).toEqual(folders.sort());
});

describe('bundle budget: each function ≤ its floor + 100 KB, built with the esbuild settings of CDK', () => {
  it.each(lambdaFunctions)(
    '$name',
    async ({ name, clients, overBudget, besideBundle }) => {
      const [own, floor] = await Promise.all([bundle({ entry: `${name}/index.ts` }), floorOf(clients)]);
      const ours = own.bytes - own.templateDataBytes - floor.bytes;
      expect(
        ours,
        `${name}: ${own.bytes} bytes, floor ${floor.bytes}, template data ${own.templateDataBytes}${overBudget ? `; over budget: ${overBudget.reason}` : ''}`,
      ).toBeLessThanOrEqual(overBudget?.bytes ?? BUNDLE_BUDGET_BYTES);
      // Only the functions that touch files carry the S3 client, only the daily job SES, and no function a
      // client it does not use.
      expect(own.packages.has('@aws-sdk/client-s3'), `${name} and the S3 client`).toBe(
        clients.includes('s3'),
      );
      expect(own.packages.has('@aws-sdk/client-sesv2'), `${name} and SES`).toBe(clients.includes('ses'));
      expect(own.packages.has('@aws-sdk/client-dynamodb'), `${name} and DynamoDB`).toBe(
        clients.includes('dynamodb'),
      );
      expect(own.packages.has('@aws-sdk/client-cognito-identity-provider'), `${name} and Cognito`).toBe(
        clients.includes('cognito'),
      );
      if (besideBundle) {
        // The file beside the bundle is held to its own named budget, and what it carries is not in the bundle.
        const beside = await bundle({ import: besideBundle.import, name, file: besideBundle.file });
        expect(
          beside.bytes,
          `${name}/${besideBundle.file}: ${besideBundle.budget.reason}`,
        ).toBeLessThanOrEqual(besideBundle.budget.bytes);
        expect(beside.packages.size, `${name}/${besideBundle.file} carries libraries`).toBeGreaterThan(0);
        expect([...beside.packages].filter((pkg) => own.packages.has(pkg))).toEqual([]);
      }
    },
    60_000,
  );
});
