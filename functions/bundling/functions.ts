import { REPORT_RENDERERS_FILE } from '@antoan/api/report-files';
import type { AwsClient } from './esbuild';

/** THE REPORT RENDERERS BUDGET: the file beside the reports bundle (ExcelJS, PDFKit, fontkit and our renderers). */
export const REPORT_RENDERERS_BUDGET_BYTES = 1900 * 1024;

/**
 * Every Lambda function, the AWS clients it needs (its floor), and a request it can answer without reaching
 * AWS (API functions: a route of their own without a token, or health).
 */
export const lambdaFunctions: ReadonlyArray<{
  name: string;
  clients: readonly AwsClient[];
  request?: { method: string; path: string };
  /**
   * A budget above the 100 KB every function should meet, with its reason (a library only this function needs). The
   * test holds the function to it, so it cannot grow further unnoticed.
   */
  overBudget?: { bytes: number; reason: string };
  /**
   * A module built into a file of its own beside the bundle (`bundlesBesideOf` in infra/lib/api-stack.ts) and
   * imported only when a request needs it; counted apart from the bundle, against its own named budget.
   */
  besideBundle?: { file: string; import: string; budget: { bytes: number; reason: string } };
}> = [
  { name: 'health', clients: [], request: { method: 'GET', path: '/v1/health' } },
  { name: 'templates', clients: [], request: { method: 'GET', path: '/v1/templates' } },
  { name: 'zones', clients: ['dynamodb'], request: { method: 'GET', path: '/v1/zones' } },
  { name: 'enterprises', clients: ['dynamodb'], request: { method: 'GET', path: '/v1/enterprises/e-1' } },
  {
    name: 'assessments',
    clients: ['dynamodb'],
    request: { method: 'GET', path: '/v1/enterprises/e-1/assessments' },
  },
  {
    name: 'submissions',
    clients: ['dynamodb'],
    request: { method: 'POST', path: '/v1/enterprises/e-1/assessments/a-1/submit' },
    overBudget: {
      bytes: 105 * 1024,
      reason:
        'issue 13 (open): the bilingual field messages merged from main (each schema message carries its Vietnamese) took submissions from 99 KB to 100.6 KB over the floor; its scoring and submission transaction are the rest. Trimming it back under 100 KB is left open',
    },
  },
  {
    name: 'evidence',
    clients: ['dynamodb', 's3'],
    request: { method: 'GET', path: '/v1/enterprises/e-1/evidence' },
  },
  {
    name: 'confirmations',
    clients: ['dynamodb', 's3'],
    request: { method: 'POST', path: '/v1/enterprises/e-1/evidence/v-1/confirm' },
  },
  {
    name: 'notifications',
    clients: ['dynamodb'],
    request: { method: 'GET', path: '/v1/enterprises/e-1/notifications' },
  },
  {
    name: 'accidents',
    clients: ['dynamodb'],
    request: { method: 'GET', path: '/v1/enterprises/e-1/accidents' },
  },
  {
    name: 'inspections',
    clients: ['dynamodb'],
    request: { method: 'GET', path: '/v1/enterprises/e-1/inspections' },
    overBudget: {
      bytes: 107 * 1024,
      reason:
        'issue 13 (open): the photo routes left for inspection-photos, so no S3 client here (132 KB over the S3 floor before, 100.2 KB over the DynamoDB floor after the split, 102.0 KB after the bilingual field errors grew the shared body checks, 103.8 KB after strict query decoding and the secrets reader). What is over 100 KB is code every API function carries (token and body checks, field messages, table keys) on top of recording itself (scoring, findings and photo checks, gap actions, the target refresh)',
    },
  },
  {
    name: 'inspection-photos',
    clients: ['dynamodb', 's3'],
    request: { method: 'POST', path: '/v1/enterprises/e-1/inspection-photos/v-1/confirm' },
  },
  { name: 'dashboards', clients: ['dynamodb'], request: { method: 'GET', path: '/v1/zones/z-1/dashboard' } },
  { name: 'targets', clients: ['dynamodb'], request: { method: 'GET', path: '/v1/targets' } },
  { name: 'providers', clients: ['dynamodb'], request: { method: 'GET', path: '/v1/providers' } },
  {
    name: 'reviews',
    clients: ['dynamodb'],
    request: { method: 'GET', path: '/v1/zones/z-1/evidence-review' },
  },
  { name: 'docs', clients: [], request: { method: 'GET', path: '/v1/docs' } },
  {
    name: 'actions',
    clients: ['dynamodb'],
    request: { method: 'GET', path: '/v1/enterprises/e-1/actions' },
  },
  { name: 'audit', clients: ['dynamodb'], request: { method: 'GET', path: '/v1/enterprises/e-1/audit' } },
  {
    name: 'reports',
    clients: ['dynamodb'],
    request: { method: 'GET', path: '/v1/reports/annual?year=2026' },
    besideBundle: {
      file: REPORT_RENDERERS_FILE,
      import: '@antoan/api/report-renderers',
      budget: {
        bytes: REPORT_RENDERERS_BUDGET_BYTES,
        reason:
          'the XLSX and PDF files are made in the function: ExcelJS and PDFKit (with fontkit and their dependencies), about 1.9 MB bundled; Lambda has no node_modules to load them from, so they are built into a file beside the bundle that only a file request imports (a JSON answer never loads it)',
      },
    },
    overBudget: {
      bytes: 105 * 1024,
      reason:
        "issue 13 (open): 96–98 KB over the floor once the renderers moved beside the bundle; the third session's hardening every API function carries (strict query decoding, the secrets reader, Vietnamese field messages) added about 4 KB. Its own code is the Appendix II rules and documents (about 25 KB). Trimming the shared request checks (cursor sealing only in the functions that page) is left open",
    },
  },
  { name: 'users', clients: ['dynamodb', 'cognito'], request: { method: 'GET', path: '/v1/users' } },
  { name: 'backfill', clients: ['dynamodb'] },
  { name: 'evidence-verify', clients: ['dynamodb', 's3'] },
  { name: 'reminders', clients: ['dynamodb', 'ses'] },
];
