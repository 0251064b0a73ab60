import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type AppDeps, createApp, runDailyJobs } from '@antoan/api';
import { createLocalIssuer, type LocalIssuer } from '@antoan/api/local-issuer';
import { createDbContext, ensureTable } from '@antoan/db';
import { type DynamoLocal, startDynamoLocal } from '@antoan/db/local';
import { vietnamDate } from '@antoan/domain';
import { createEvidenceStore } from '@antoan/storage';
import { type S3Local, startS3Local } from '@antoan/storage/local';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { serve } from '@hono/node-server';
import { ulid } from 'ulid';
import type { LocalConfig } from './config';
import { demoEnterprises, demoUsers } from './demo-data';
import { type DemoUser, devRoutes } from './dev-routes';
import { seedDemoData } from './seed';
import { seedDemoEvidence } from './seed-evidence';
import { seedDemoReports } from './seed-reports';
import { mountWebApp } from './web';

export const LOCAL_TABLE = 'antoan';
export const LOCAL_BUCKET = 'antoan-evidence';

/** A running local platform: API, DynamoDB Local, the S3 server and the token issuer. */
export interface Platform {
  url: string;
  dynamo: DynamoLocal;
  s3: S3Local;
  issuer: LocalIssuer;
  users: DemoUser[];
  stop(): Promise<void>;
}

/** Starts everything `pnpm start` runs; tests start it the same way with `{ port: 0, dataDir: undefined }`. */
export async function startPlatform(
  config: LocalConfig,
  log: (line: string) => void = () => {},
): Promise<Platform> {
  const stack: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const step of stack.reverse()) await step().catch(() => {});
    stack.length = 0;
  };
  try {
    if (config.dataDir) {
      await mkdir(join(config.dataDir, 'dynamodb'), { recursive: true });
      await mkdir(join(config.dataDir, 's3'), { recursive: true });
    }
    const [dynamo, s3] = await Promise.all([
      startDynamoLocal(config.dataDir ? { dataDir: join(config.dataDir, 'dynamodb') } : {}),
      startS3Local({ dataDir: config.dataDir && join(config.dataDir, 's3') }),
    ]);
    stack.push(dynamo.stop, s3.stop);
    log(`DynamoDB Local at ${dynamo.endpoint}, S3 server at ${s3.endpoint}`);

    const dynamoClient = new DynamoDBClient(dynamo.clientConfig);
    await ensureTable(dynamoClient, LOCAL_TABLE);
    dynamoClient.destroy();
    const s3Client = new S3Client(s3.clientConfig);
    await s3Client.send(new CreateBucketCommand({ Bucket: LOCAL_BUCKET })).catch((error: Error) => {
      if (error.name !== 'BucketAlreadyOwnedByYou' && error.name !== 'BucketAlreadyExists') throw error;
    });
    stack.push(async () => s3Client.destroy());

    const db = createDbContext(LOCAL_TABLE, dynamo.clientConfig);
    let users: DemoUser[] = [];
    if (config.seed) {
      const seeded = await seedDemoData(db);
      users = demoUsers(demoEnterprises());
      log(
        seeded.seeded
          ? `seeded ${seeded.zones} zones and ${seeded.enterprises} enterprises`
          : 'demo data already present',
      );
    }

    const issuer = await createLocalIssuer();
    const deps: AppDeps = {
      db,
      evidence: createEvidenceStore({ client: s3Client, bucket: LOCAL_BUCKET }),
      verifyToken: issuer.verifyToken,
      now: () => new Date(),
      newId: ulid,
    };
    if (config.seed) {
      const evidence = await seedDemoEvidence(deps);
      if (evidence.seeded) log(`uploaded and verified ${evidence.files} demo evidence files`);
      const reports = await seedDemoReports(deps);
      if (reports.seeded) log(`seeded two years of report figures (${reports.files} more evidence files)`);
    }
    // On AWS an EventBridge schedule runs the reminder job daily; here it runs at start and every 24 hours.
    const reminders = async () => {
      const run = await runDailyJobs(deps, vietnamDate(deps.now()));
      log(
        `daily jobs for ${run.reminders.today}: ${run.reminders.written} new reminders (${run.reminders.alreadySent} already sent), ` +
          `${run.refreshedForExpiry} priorities refreshed for expired proof, ${run.reranked.rewritten} of ${run.reranked.read} target entries re-ranked`,
      );
    };
    await reminders();
    const daily = setInterval(
      () => void reminders().catch((error) => log(`reminders failed: ${error}`)),
      86_400_000,
    );
    daily.unref();
    stack.push(async () => clearInterval(daily));
    const app = createApp(deps, { extraRoutes: [devRoutes(issuer, () => users)] });
    mountWebApp(app, log);
    const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const started = serve({ fetch: app.fetch, port: config.port, hostname: '127.0.0.1' }, () =>
        resolve(started),
      );
      started.once('error', reject);
    });
    stack.push(
      () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          if ('closeAllConnections' in server) server.closeAllConnections();
        }),
    );
    const { port } = server.address() as AddressInfo;
    // The web app posts evidence straight to the S3 server, which is another origin.
    await s3.allowBrowserOrigins(LOCAL_BUCKET, [`http://localhost:${port}`, `http://127.0.0.1:${port}`]);
    return { url: `http://localhost:${port}`, dynamo, s3, issuer, users, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
