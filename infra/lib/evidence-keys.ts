/**
 * Key prefixes in the evidence bucket, as `packages/storage` writes them: evidence files under
 * `enterprises/<eid>/evidence/<vid>` (`objectKey`), rejected ones under `quarantine/` (`QUARANTINE_PREFIX`),
 * verified ones moved under `verified/` (`VERIFIED_PREFIX`), out of reach of their upload form.
 * Grants, lifecycle rules and the upload notification are scoped by them.
 */
export const evidenceKeyPrefixes = {
  evidence: 'enterprises/',
  quarantine: 'quarantine/',
  verified: 'verified/',
} as const;
