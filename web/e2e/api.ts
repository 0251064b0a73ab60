/** Calls the platform's API directly, as a test fixture does: to pick data or change it behind the page's back. */
export async function devToken(webUrl: string, claims: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${webUrl}/v1/dev/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(claims),
  });
  if (!response.ok) throw new Error(`dev token: HTTP ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

export async function apiGet<T>(webUrl: string, token: string, path: string): Promise<T> {
  const response = await fetch(`${webUrl}/v1${path}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** POST or PATCH `body` as JSON to the API with `token`; the answer's JSON, or an error naming the status and body. */
export async function apiSend<T>(
  webUrl: string,
  method: 'POST' | 'PATCH',
  token: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await fetch(`${webUrl}/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export async function apiPatch(webUrl: string, token: string, path: string, body: unknown, ifMatch: string) {
  const response = await fetch(`${webUrl}/v1${path}`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'If-Match': ifMatch },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`PATCH ${path}: HTTP ${response.status}`);
}

/**
 * A small but real PDF: header, one empty page, cross-reference table and `%%EOF`; with a `title` in its document
 * information, so each file has its own hash.
 */
export function smallPdf(title?: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
    ...(title === undefined ? [] : [`<< /Title (${title.replace(/[()\\]/g, '')}) >>`]),
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  const info = title === undefined ? '' : ' /Info 4 0 R';
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${info} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
