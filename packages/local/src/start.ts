import { readLocalConfig } from './config';
import { whenAncestorExits } from './lifecycle';
import { type Platform, startPlatform } from './platform';

// The local platform runs on Node 20; the SDK's notice that future versions need Node 22 is known.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const log = (line: string) => console.log(`[antoan] ${line}`);
// If whoever reads our output has gone, keep shutting down cleanly instead of dying on EPIPE.
process.stdout.on('error', () => {});
process.stderr.on('error', () => {});

// A stop is a normal end (exit 0), whenever it comes: Ctrl-C, SIGTERM, or the process that started us going away.
// The handlers are in place before anything starts, so a stop during the start waits for it and then stops it,
// instead of killing Node half-way and leaving DynamoDB Local behind (and pnpm printing "Command failed").
let platform: Platform | undefined;
let stopRequested: string | undefined;
let stopping = false;
const shutdown = async (reason: string) => {
  stopRequested ??= reason;
  if (stopping || !platform) return;
  stopping = true;
  log(`${reason}: stopping`);
  await platform.stop();
  log('stopped');
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGHUP', () => void shutdown('SIGHUP'));
whenAncestorExits(() => void shutdown('the process that started the platform exited'));

try {
  const started = Date.now();
  const config = readLocalConfig();
  log(config.dataDir ? `data in ${config.dataDir}` : 'data in memory (ANTOAN_IN_MEMORY=1)');
  platform = await startPlatform(config, log);
  if (stopRequested !== undefined) await shutdown(stopRequested);
  // The address people open comes first, on a line of its own; then what else runs, and who can sign in.
  console.log(`\n  Web app: ${platform.url}/\n`);
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  log(`sign in through the OpenID provider at ${platform.url}/oidc (the web app sends you there)`);
  log(`API: ${platform.url}/v1   (health: ${platform.url}/v1/health)`);
  if (platform.users.length > 0) {
    log('demo users (get a token: POST /v1/dev/token with the JSON shown):');
    for (const { name, ...claims } of platform.users) log(`  ${name}\n      ${JSON.stringify(claims)}`);
  }
  log('stop with Ctrl-C');
} catch (error) {
  console.error(`[antoan] could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
