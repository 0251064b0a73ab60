import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build } from 'esbuild';

/** The repository's functions folder. */
export const functionsDir = dirname(dirname(fileURLToPath(import.meta.url)));

/**
 * The esbuild settings CDK's NodejsFunction passes for `AntoanFunction` (infra/lib/antoan-function.ts):
 * `--bundle --platform=node --target=node22 --format=esm --minify --main-fields=module,main` and the
 * createRequire banner; no externals, because `bundleAwsSDK: true` clears CDK's default `@aws-sdk/*`.
 * Keep the two in step: a change there is a change here.
 */
export const cdkBuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  minify: true,
  mainFields: ['module', 'main'],
  external: [],
  banner: {
    js: "import{createRequire as __antoanRequire}from'node:module';const require=__antoanRequire(import.meta.url);",
  },
  logLevel: 'silent',
} satisfies BuildOptions;

/** The AWS clients a function may carry. */
export type AwsClient = 'dynamodb' | 's3' | 'ses' | 'cognito';

/** What each client costs to import and build, as the floor bundle does it. */
const floorImports: Record<AwsClient, string> = {
  dynamodb:
    "import{DynamoDBClient}from'@aws-sdk/client-dynamodb';import{DynamoDBDocumentClient}from'@aws-sdk/lib-dynamodb';DynamoDBDocumentClient.from(new DynamoDBClient({}));",
  s3: "import{S3Client}from'@aws-sdk/client-s3';import{createPresignedPost}from'@aws-sdk/s3-presigned-post';import{getSignedUrl}from'@aws-sdk/s3-request-presigner';new S3Client({});globalThis.__p=[createPresignedPost,getSignedUrl];",
  ses: "import{SESv2Client}from'@aws-sdk/client-sesv2';new SESv2Client({});",
  cognito:
    "import{CognitoIdentityProviderClient}from'@aws-sdk/client-cognito-identity-provider';new CognitoIdentityProviderClient({});",
};

/**
 * The floor for a function: Hono on Lambda plus the same AWS clients, built at load, answering "ok".
 * What a function carries beyond this is ours to cut.
 */
export function floorSource(clients: readonly AwsClient[]): string {
  return [
    "import{Hono}from'hono';import{handle}from'hono/aws-lambda';",
    ...clients.map((client) => floorImports[client]),
    "export const handler=handle(new Hono().all('*',(c)=>c.text('ok')));",
  ].join('\n');
}

/** A built bundle: where it is and how many bytes it has. */
export interface Bundle {
  file: string;
  bytes: number;
  /** Bytes of published checklist data (legal text as JSON, `packages/templates/data`) in the bundle. */
  templateDataBytes: number;
  /** The npm packages the bundle carries code from. */
  packages: ReadonlySet<string>;
}

/**
 * Builds `entry` (relative to the functions folder) or a source string as CDK would, into `outDir/<name>/index.mjs`;
 * or a module (`import`, a package path such as `@antoan/api/report-renderers`) into `outDir/<name>/<file>`, as
 * the API stack builds the files beside a bundle (`bundlesBesideOf` in infra/lib/api-stack.ts).
 */
export async function bundle(
  input:
    | { entry: string }
    | { source: string; name: string }
    | { import: string; name: string; file: string },
  outDir: string = mkdtempSync(join(tmpdir(), 'antoan-bundle-')),
): Promise<Bundle> {
  const name = 'entry' in input ? dirname(input.entry) : input.name;
  const outfile = join(outDir, name, 'file' in input ? input.file : 'index.mjs');
  const result = await build({
    ...cdkBuildOptions,
    ...('entry' in input
      ? { entryPoints: [join(functionsDir, input.entry)] }
      : 'import' in input
        ? { entryPoints: [createRequire(join(functionsDir, 'package.json')).resolve(input.import)] }
        : { stdin: { contents: input.source, resolveDir: functionsDir, loader: 'js' } }),
    outfile,
    metafile: true,
  });
  const output = Object.values(result.metafile.outputs)[0];
  if (!output) throw new Error(`esbuild wrote nothing for ${name}`);
  let templateDataBytes = 0;
  const packages = new Set<string>();
  for (const [path, input] of Object.entries(output.inputs)) {
    if (input.bytesInOutput === 0) continue;
    if (path.includes('packages/templates/data/')) templateDataBytes += input.bytesInOutput;
    const inPackage = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules)/);
    if (inPackage?.[1]) packages.add(inPackage[1]);
  }
  return { file: outfile, bytes: output.bytes, templateDataBytes, packages };
}

/** Writes `contents` to a fresh temporary file and returns its path. */
export function tempFile(name: string, contents: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'antoan-')), name);
  writeFileSync(file, contents);
  return file;
}
