import { build } from 'esbuild';
import { cdkBuildOptions, functionsDir } from './bundling/esbuild';

const name = process.argv[2]!;
const r = await build({
  ...cdkBuildOptions,
  entryPoints: [`${functionsDir}/${name}/index.ts`],
  outfile: `/tmp/an/${name}.mjs`,
  metafile: true,
});
const out = Object.values(r.metafile.outputs)[0]!;
for (const [file, { bytesInOutput }] of Object.entries(out.inputs))
  if (!file.includes('node_modules') && bytesInOutput > 0) console.log(file, bytesInOutput);
// who imports client-dynamodb
const inputs = r.metafile.inputs;
for (const [file, info] of Object.entries(inputs))
  for (const imp of info.imports)
    if (/lib-dynamodb|client-dynamodb\/dist-es\/index/.test(imp.path) && !file.includes('node_modules'))
      console.log('IMPORTER', file, '->', imp.path);
