import { resolve } from 'node:path';
import { createAntoanApp } from '../lib/app';
import { repoRoot } from '../lib/paths';

// cdk.json runs this file from infra/, where pnpm finds tsx and esbuild; the CLI runs at the repository root
// and may pass its output directory relative to it.
const outdir = process.env.CDK_OUTDIR;
createAntoanApp(outdir === undefined ? {} : { outdir: resolve(repoRoot, outdir) }).app.synth();
