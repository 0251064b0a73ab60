import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { bundle } from '../bundling/esbuild';

/**
 * The reports function renders XLSX and PDF from its own bundle: ExcelJS and PDFKit are bundled (no
 * node_modules on Lambda) and the font is read from beside the bundle, where CDK copies it. Built with CDK's
 * esbuild settings into a folder with no node_modules, run in a fresh Node process.
 */
it('renders XLSX and PDF from a bundle with nothing installed beside it but the font', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'antoan-report-files-'));
  const built = await bundle(
    {
      source: "export { renderPdf, renderXlsx } from '@antoan/api/report-files';",
      name: 'render',
    },
    dir,
  );
  expect(built.packages.has('exceljs')).toBe(true);
  expect(built.packages.has('pdfkit')).toBe(true);
  // The file infra/lib/api-stack.ts ships beside the reports bundle (`filesBesideBundleOf`).
  const font = createRequire(import.meta.resolve('@antoan/api/report-files')).resolve(
    'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  );
  copyFileSync(font, join(dir, 'render', 'DejaVuSans.ttf'));
  const script = join(dir, 'render', 'run.mjs');
  writeFileSync(
    script,
    `import { renderPdf, renderXlsx } from ${JSON.stringify(pathToFileURL(built.file).href)};
const document = { title: 'Công ty Đức Thịnh', fileName: 'x', lines: ['Năm 2026'],
  tables: [{ name: 'Tong hop', heading: 'Tổng hợp', columns: ['Chỉ tiêu', 'Số liệu'], rows: [['Người lao động', 1234]] }] };
const xlsx = Buffer.from(await renderXlsx(document));
const pdf = Buffer.from(await renderPdf(document));
process.stdout.write(JSON.stringify({ xlsx: xlsx.subarray(0, 4).toString('latin1'), workbook: xlsx.includes('xl/workbook.xml'),
  pdf: pdf.subarray(0, 5).toString('latin1'), font: /DejaVuSans/.test(pdf.toString('latin1')) }));`,
  );
  const output = execFileSync(process.execPath, ['--no-warnings', script], {
    cwd: dir,
    env: { PATH: process.env.PATH },
  });
  expect(JSON.parse(output.toString())).toEqual({
    xlsx: 'PK\u0003\u0004',
    workbook: true,
    pdf: '%PDF-',
    font: true,
  });
}, 60_000);
