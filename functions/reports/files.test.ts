import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { bundle } from '../bundling/esbuild';
import { lambdaFunctions } from '../bundling/functions';

/**
 * The reports function renders XLSX and PDF with ExcelJS and PDFKit built into a file beside its bundle (no
 * node_modules on Lambda), imported on the first file asked for, and the font read from beside the bundle, where
 * CDK copies it. Built with CDK's esbuild settings into a folder with nothing else in it, run in a fresh Node
 * process through `sendReport`, the code the report routes answer with.
 */
it('answers XLSX and PDF from a bundle whose renderers are a file beside it, with nothing installed but the font', async () => {
  const beside = lambdaFunctions.find(({ name }) => name === 'reports')?.besideBundle;
  if (!beside) throw new Error('the reports function has no renderers beside its bundle');
  const dir = mkdtempSync(join(tmpdir(), 'antoan-report-files-'));
  const [answer, renderers] = await Promise.all([
    bundle(
      {
        source: `import { Hono } from 'hono';
import { sendReport } from '@antoan/api/report-files';
const document = { title: 'Công ty Đức Thịnh', fileName: 'bao-cao', lines: ['Năm 2026'],
  tables: [{ name: 'Tong hop', heading: 'Tổng hợp', columns: ['Chỉ tiêu', 'Số liệu'], rows: [['Người lao động', 1234]] }] };
export const app = new Hono().get('/:format', (c) => sendReport(c, c.req.param('format'), { json: true }, () => document));`,
        name: 'reports',
      },
      dir,
    ),
    bundle({ import: beside.import, name: 'reports', file: beside.file }, dir),
  ]);
  // The answering code carries neither library: they are in the file beside it.
  expect(answer.packages.has('exceljs')).toBe(false);
  expect(answer.packages.has('pdfkit')).toBe(false);
  expect(renderers.packages.has('exceljs')).toBe(true);
  expect(renderers.packages.has('pdfkit')).toBe(true);
  // The file infra/lib/api-stack.ts ships beside the reports bundle (`filesBesideBundleOf`).
  const font = createRequire(import.meta.resolve('@antoan/api/report-files')).resolve(
    'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  );
  copyFileSync(font, join(dir, 'reports', 'DejaVuSans.ttf'));
  const script = join(dir, 'run.mjs');
  writeFileSync(
    script,
    `const { app } = await import(${JSON.stringify(pathToFileURL(answer.file).href)});
const json = await app.request('/json');
const xlsx = await app.request('/xlsx');
const pdf = await app.request('/pdf');
const xlsxBytes = Buffer.from(await xlsx.arrayBuffer());
const pdfBytes = Buffer.from(await pdf.arrayBuffer());
process.stdout.write(JSON.stringify({ json: await json.json(), xlsxType: xlsx.headers.get('content-type'),
  xlsx: xlsxBytes.subarray(0, 4).toString('latin1'), workbook: xlsxBytes.includes('xl/workbook.xml'),
  pdfName: pdf.headers.get('content-disposition'), pdf: pdfBytes.subarray(0, 5).toString('latin1'),
  font: /DejaVuSans/.test(pdfBytes.toString('latin1')) }));`,
  );
  const output = execFileSync(process.execPath, ['--no-warnings', script], {
    cwd: dir,
    env: { PATH: process.env.PATH },
  });
  expect(JSON.parse(output.toString())).toEqual({
    json: { json: true },
    xlsxType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    xlsx: 'PK\u0003\u0004',
    workbook: true,
    pdfName: 'attachment; filename="bao-cao.pdf"',
    pdf: '%PDF-',
    font: true,
  });
}, 60_000);
