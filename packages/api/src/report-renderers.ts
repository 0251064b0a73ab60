import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import type { ReportDocument } from './report-documents';

/*
 * The XLSX and PDF renderers: ExcelJS, PDFKit and fontkit, about 1.9 MB bundled. The reports function carries them
 * as a file of their own beside its bundle (`report-renderers.mjs`, built by infra/lib/api-stack.ts), which
 * `report-files.ts` imports on the first file asked for: a JSON answer never loads nor parses them.
 */

/** The report as an XLSX workbook (ExcelJS): one sheet per table, numbers in number cells. */
export async function renderXlsx(document: ReportDocument): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(0);
  for (const table of document.tables) {
    const sheet = workbook.addWorksheet(table.name);
    sheet.addRow([document.title]).font = { bold: true, size: 13 };
    for (const line of document.lines) sheet.addRow([line]);
    sheet.addRow([table.heading]).font = { bold: true };
    sheet.addRow(table.columns).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map((cell) => cell ?? undefined));
    sheet.columns.forEach((column, index) => {
      column.width = index === 0 || index === 1 ? 48 : 16;
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The font file's name beside a function bundle (the reports function ships it there, infra/lib/api-stack.ts). */
export const REPORT_FONT_FILE = 'DejaVuSans.ttf';

let fontBytes: Promise<Buffer> | undefined;
/**
 * DejaVu Sans: every Vietnamese letter with its diacritics, embedded (subset) in each PDF. Read from the
 * `dejavu-fonts-ttf` package where it is installed (tests, local platform), else from beside the bundle.
 */
function vietnameseFont(): Promise<Buffer> {
  fontBytes ??= (async () => {
    let path: string;
    try {
      path = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
    } catch {
      path = fileURLToPath(new URL(REPORT_FONT_FILE, import.meta.url));
    }
    return readFile(path);
  })();
  fontBytes.catch(() => {
    fontBytes = undefined;
  });
  return fontBytes;
}

/** The report as a PDF (PDFKit) with an embedded Vietnamese-capable font, so its text extracts with diacritics. */
export async function renderPdf(document: ReportDocument): Promise<Uint8Array> {
  const font = await vietnameseFont();
  // The font is the document's default from the start: PDFKit then never loads its standard (AFM) fonts, which
  // it reads from its package folder at run time and which a bundle does not carry.
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 40,
    info: { Title: document.title },
    compress: true,
    font: font as unknown as string,
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => pdf.on('end', resolve));
  pdf.fontSize(14).text(document.title);
  pdf.fontSize(9);
  for (const line of document.lines) pdf.text(line);
  for (const table of document.tables) {
    pdf.moveDown();
    pdf.fontSize(11).text(table.heading);
    pdf.fontSize(8);
    const width = (pdf.page.width - 80) / table.columns.length;
    const widths = table.columns.map((_, index) =>
      index === 1 && table.columns.length > 4 ? width * 2.2 : width,
    );
    const scale = (pdf.page.width - 80) / widths.reduce((sum, w) => sum + w, 0);
    const row = (cells: ReadonlyArray<string | number | null>) => {
      const y = pdf.y;
      let x = 40;
      let bottom = y;
      cells.forEach((cell, index) => {
        const w = (widths[index] ?? width) * scale;
        pdf.text(cell === null ? '' : String(cell), x, y, { width: w - 4 });
        bottom = Math.max(bottom, pdf.y);
        x += w;
      });
      pdf.x = 40;
      pdf.y = bottom + 2;
      if (pdf.y > pdf.page.height - 60) pdf.addPage();
    };
    row(table.columns);
    for (const cells of table.rows) row(cells);
  }
  pdf.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
