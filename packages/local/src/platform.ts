import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  type AppDeps,
  type AppEnv,
  allRoutes,
  createApp,
  createIssuerVerifier,
  runDailyJobs,
} from '@antoan/api';
import { createLocalIssuer, generateSigningKey, type LocalIssuer } from '@antoan/api/local-issuer';
import { LocalUserStore } from '@antoan/api/local-users';
import { createDbContext, ensureTable } from '@antoan/db';
import { type DynamoLocal, startDynamoLocal } from '@antoan/db/local';
import { vietnamDate } from '@antoan/domain';
import { createEvidenceStore } from '@antoan/storage';
import { type S3Local, startS3Local } from '@antoan/storage/local';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import type { JWK } from 'jose';
import { ulid } from 'ulid';
import type { LocalConfig } from './config';
import { loadCursorKey } from './cursor-key';
import { demoEnterprises, demoUsers } from './demo-data';
import { type DemoUser, devRoutes } from './dev-routes';
import { loginRoutes } from './login-page';
import { createLocalOidc, LOCAL_WEB_CLIENT_ID, type LocalOidc, OIDC_MOUNT } from './oidc';
import { seedDemoData } from './seed';
import { seedDemoEvidence } from './seed-evidence';
import { seedDemoReports } from './seed-reports';
import { upgradeLocalData } from './upgrade';
import { mountWebApp } from './web';

export const LOCAL_TABLE = 'antoan';
export const LOCAL_BUCKET = 'antoan-evidence';

/** A running local platform: API, DynamoDB Local, the S3 server and the OpenID provider. */
export interface Platform {
  url: string;
  dynamo: DynamoLocal;
  s3: S3Local;
  /** Mints dev tokens with the provider's key, issuer and audience (`POST /v1/dev/token`). */
  issuer: LocalIssuer;
  oidc: LocalOidc;
  /** The provider's accounts: the demo users and everyone invited through `POST /v1/users`. */
  accounts: LocalUserStore;
  users: DemoUser[];
  stop(): Promise<void>;
}

/** The OpenID provider's signing key, kept in `.data/` so a restart does not sign everyone out. */
async function loadSigningKey(dataDir: string | undefined): Promise<JWK> {
  if (!dataDir) return generateSigningKey();
  const file = join(dataDir, 'oidc-signing-key.json');
  const stored = await readFile(file, 'utf8').catch(() => null);
  if (stored !== null) return JSON.parse(stored) as JWK;
  const key = await generateSigningKey();
  await writeFile(file, JSON.stringify(key), { mode: 0o600 });
  return key;
}

/** The web app's sign-in settings, as `/auth-config.json` gives them (on AWS, a file the deployment writes). */
export interface AuthConfig {
  authority: string;
  clientId: string;
}

/** A demo user as an account of the local provider, under its fixed id. */
const demoAccount = (user: DemoUser) => ({
  id: user.sub,
  email: `${user.sub}@demo.antoan.example`,
  name: user.name,
  role: user.role,
  zoneIds: [...(user.zoneIds ?? [])],
  ...(user.enterpriseId === undefined ? {} : { enterpriseId: user.enterpriseId }),
  enabled: true,
  createdAt: '2026-01-05T00:00:00.000Z',
});

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

    // Listen first: the provider's issuer URL, and so every token, names the port.
    let serveRequest = (_req: IncomingMessage, res: ServerResponse) => {
      res.writeHead(503, { 'Retry-After': '1' }).end();
    };
    const server = createServer((req, res) => serveRequest(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, '127.0.0.1', () => resolve());
    });
    stack.push(
      () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    );
    const { port } = server.address() as AddressInfo;
    const url = `http://localhost:${port}`;
    const webOrigins = [url, `http://127.0.0.1:${port}`, 'http://localhost:5173'];

    const db = createDbContext(LOCAL_TABLE, dynamo.clientConfig);
    // .data/ from an older version lacks counters and index entries newer code keeps: rebuild them.
    await upgradeLocalData(db, vietnamDate(new Date()), log);
    const accounts = await LocalUserStore.open(config.dataDir && join(config.dataDir, 'users.json'));
    let users: DemoUser[] = [];
    if (config.seed) {
      const seeded = await seedDemoData(db);
      users = demoUsers(demoEnterprises());
      await accounts.ensureAccounts(users.map(demoAccount));
      log(
        seeded.seeded
          ? `seeded ${seeded.zones} zones and ${seeded.enterprises} enterprises`
          : 'demo data already present',
      );
    }

    const auth: AuthConfig = { authority: `${url}${OIDC_MOUNT}`, clientId: LOCAL_WEB_CLIENT_ID };
    const signingKey = await loadSigningKey(config.dataDir);
    const issuer = await createLocalIssuer({ issuer: auth.authority, audience: auth.clientId, signingKey });
    const oidc = createLocalOidc({ issuer: auth.authority, webOrigins, signingKey, users: accounts });
    const deps: AppDeps = {
      db,
      evidence: createEvidenceStore({ client: s3Client, bucket: LOCAL_BUCKET }),
      // As on AWS: the issuer's JWKS fetched over HTTP, its issuer, the client id as audience, token_use.
      verifyToken: createIssuerVerifier({ issuer: auth.authority, audience: auth.clientId }),
      users: accounts,
      now: () => new Date(),
      newId: ulid,
      // A fresh secret per start: the week's random picks cannot be computed outside the platform.
      targetingDrawSecret: randomBytes(32).toString('hex'),
    };
    // Cursors are signed; the key lives in the data directory like the data (in memory with ANTOAN_IN_MEMORY).
    const cursorKey = await loadCursorKey(config.dataDir);
    if (cursorKey) deps.cursorKey = cursorKey;
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
    const app = createApp(deps, {
      routes: allRoutes(),
      extraRoutes: [
        devRoutes(issuer, () => users),
        loginRoutes(oidc.provider, accounts),
        new Hono<AppEnv>().get('/auth-config.json', (c) =>
          c.json(auth, 200, { 'Cache-Control': 'no-cache' }),
        ),
      ],
    });
    mountWebApp(app, log);
    const serveApp = getRequestListener(app.fetch);
    serveRequest = (req, res) => {
      if (!oidc.handle(req, res)) void serveApp(req, res);
    };
    // The web app posts evidence straight to the S3 server, which is another origin.
    await s3.allowBrowserOrigins(LOCAL_BUCKET, webOrigins.slice(0, 2));
    return { url, dynamo, s3, issuer, oidc, accounts, users, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
