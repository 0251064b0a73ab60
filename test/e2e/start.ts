import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root, where `pnpm start` is typed. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** A `pnpm start` running as a child process, as a newcomer would run it. */
export interface StartedPlatform {
  url: string;
  output: () => string;
  process: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Runs `pnpm start` with `env` and waits for the line that prints the API's URL. */
export function pnpmStart(env: Record<string, string>): Promise<StartedPlatform> {
  const child = spawn('pnpm', ['start'], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: 'pipe' });
  let output = '';
  const exited = () =>
    new Promise<number | null>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
      child.once('exit', (code) => resolve(code));
    });
  /** Signals pnpm, then waits until DynamoDB Local no longer answers: the platform has really stopped. */
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    const wait = exited();
    child.kill(signal);
    const code = await wait;
    const dynamo = output.match(/DynamoDB Local at (http:\/\/127\.0\.0\.1:\d+)/)?.[1];
    for (let tries = 0; dynamo && tries < 100; tries++) {
      if (
        await fetch(dynamo).then(
          () => false,
          () => true,
        )
      )
        break;
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    return code;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`pnpm start did not print its URL in 90 s:\n${output}`));
    }, 90_000);
    const onData = (chunk: Buffer) => {
      output += String(chunk);
      const match = output.match(/API: (http:\/\/localhost:\d+)\/v1/);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ url: match[1], output: () => output, process: child, stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`pnpm start exited with ${code}:\n${output}`));
    });
  });
}

/** Asks the local issuer for a token with these claims. */
export async function devToken(url: string, claims: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${url}/v1/dev/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(claims),
  });
  if (response.status !== 200) throw new Error(`dev token: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}
