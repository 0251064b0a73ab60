import type { Evidence } from '@antoan/db';

/** Evidence as the API shows it: the object key and the hash stay server-side details. */
export const evidenceView = ({ objectKey: _key, ...evidence }: Evidence) => evidence;
