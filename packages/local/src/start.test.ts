import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/**
 * Runs `pnpm start`'s script (`node --import tsx src/start.ts`: Node itself, with tsx as a loader, so a signal goes
 * straight to the platform rather than through a relay) in memory on a free port, collecting what it prints.
 */
function start(): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/start.ts'], {
    cwd: packageDir,
    env: { ...process.env, PORT: '0', ANTOAN_IN_MEMORY: '1', ANTOAN_SEED: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => text, exit };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; waited < 110_000; waited += 200) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('pnpm start and a normal stop', () => {
  it('prints the web app URL before the rest, and SIGTERM stops it with exit code 0 and no error', async () => {
    const run = start();
    await until(() => run.output().includes('stop with Ctrl-C'), 'the platform to be ready');
    const text = run.output();
    // The URL is the first line after the start-up notes, before the API and the demo users.
    const url = text.indexOf('Web app: http://');
    expect(url).toBeGreaterThan(-1);
    expect(url).toBeLessThan(text.indexOf('ready in'));
    expect(url).toBeLessThan(text.indexOf('API: http://'));
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
    expect(run.output()).toContain('[antoan] stopped');
    expect(run.output()).not.toMatch(/Command failed|could not start|Error/);
  }, 120_000);

  it('a stop that comes during the start waits for it, then stops cleanly with exit code 0', async () => {
    const run = start();
    await until(() => run.output().includes('data in memory'), 'the start to begin');
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(0);
    expect(run.output()).toContain('SIGINT: stopping');
    expect(run.output()).toContain('[antoan] stopped');
    expect(run.output()).not.toContain('Web app:');
  }, 120_000);
});
