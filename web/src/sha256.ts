/**
 * The SHA-256 of a file, as 64 lower-case hex characters, computed in the browser (Web Crypto) so the server can
 * check that what reached storage is exactly what the person chose.
 * @example await sha256Hex(new Blob(['abc'])) // 'ba7816bf…f20015ad'
 */
export async function sha256Hex(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
