import { readLocalConfig } from './config';
import { whenAncestorExits } from './lifecycle';
import { startPlatform } from './platform';

// The local platform runs on Node 20; the SDK's notice that future versions need Node 22 is known.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const log = (line: string) => console.log(`[antoan] ${line}`);
// If whoever reads our output has gone, keep shutting down cleanly instead of dying on EPIPE.
process.stdout.on('error', () => {});
process.stderr.on('error', () => {});

try {
  const started = Date.now();
  const config = readLocalConfig();
  log(config.dataDir ? `data in ${config.dataDir}` : 'data in memory (ANTOAN_IN_MEMORY=1)');
  const platform = await startPlatform(config, log);
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  log(`API: ${platform.url}/v1   (health: ${platform.url}/v1/health)`);
  log(`web app: ${platform.url}/   (sign in through the OpenID provider at ${platform.url}/oidc)`);
  if (platform.users.length > 0) {
    log('demo users (get a token: POST /v1/dev/token with the JSON shown):');
    for (const { name, ...claims } of platform.users) log(`  ${name}\n      ${JSON.stringify(claims)}`);
  }
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    await platform.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  whenAncestorExits(() => void shutdown('the process that started the platform exited'));
} catch (error) {
  console.error(`[antoan] could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
