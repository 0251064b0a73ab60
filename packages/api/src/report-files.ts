import type { AppContext } from './deps';
import type { ReportDocument } from './report-documents';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The renderers' file beside the reports bundle, built from `report-renderers.ts` (infra/lib/api-stack.ts). */
export const REPORT_RENDERERS_FILE = 'report-renderers.mjs';

type Renderers = typeof import('./report-renderers');

let renderers: Promise<Renderers> | undefined;

/**
 * The XLSX and PDF renderers, imported on the first file asked for. From source (tests, the local platform) that is
 * `report-renderers.ts`; from a bundle, the file built beside it. The specifier is computed, so esbuild leaves the
 * import as it is instead of inlining ExcelJS and PDFKit into the bundle, where every cold start, JSON answers
 * included, would load and parse them.
 */
export function reportRenderers(): Promise<Renderers> {
  const fromSource = import.meta.url.endsWith('.ts');
  const file = new URL(fromSource ? './report-renderers.ts' : `./${REPORT_RENDERERS_FILE}`, import.meta.url);
  renderers ??= import(file.href) as Promise<Renderers>;
  renderers.catch(() => {
    renderers = undefined;
  });
  return renderers;
}

/** Answers with the report as JSON, or as a file to download in the asked format. */
export async function sendReport(
  c: AppContext,
  format: 'json' | 'xlsx' | 'pdf',
  report: object,
  document: () => ReportDocument,
): Promise<Response> {
  if (format === 'json') return c.json(report);
  const laidOut = document();
  const { renderPdf, renderXlsx } = await reportRenderers();
  const body = format === 'xlsx' ? await renderXlsx(laidOut) : await renderPdf(laidOut);
  return c.body(body as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': format === 'xlsx' ? XLSX_TYPE : 'application/pdf',
    'Content-Disposition': `attachment; filename="${laidOut.fileName}.${format}"`,
    'Cache-Control': 'no-store',
  });
}
