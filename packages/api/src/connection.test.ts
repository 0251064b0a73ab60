import { connect, type Socket } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from './body';
import { callers, createTestApi, type TestApi } from './test-support';

let api: TestApi;
let server: ReturnType<typeof serve>;
let port: number;
beforeAll(async () => {
  api = await createTestApi();
  await new Promise<void>((resolve) => {
    server = serve({ fetch: api.app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      port = info.port;
      resolve();
    });
  });
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** One kept-alive socket: writes raw requests and reads raw responses, as a browser or an HTTP client reuses it. */
async function openSocket(): Promise<{ socket: Socket; received: () => string; closed: Promise<void> }> {
  const socket = connect(port, '127.0.0.1');
  let data = '';
  socket.setEncoding('latin1');
  socket.on('data', (chunk: string) => {
    data += chunk;
  });
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  socket.on('error', () => {});
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  return { socket, received: () => data, closed };
}

/** Waits until `count` responses' status lines have arrived, or the socket closed, or 10 s passed. */
async function statusLines(
  conn: Awaited<ReturnType<typeof openSocket>>,
  count: number,
): Promise<{ statuses: number[]; text: string }> {
  const parse = () => [...conn.received().matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((match) => Number(match[1]));
  const deadline = Date.now() + 10_000;
  let closed = false;
  void conn.closed.then(() => {
    closed = true;
  });
  while (parse().length < count && !closed && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { statuses: parse(), text: conn.received() };
}

const health = 'GET /v1/health HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n';
const request = (head: string[], body: string) =>
  `${[...head, 'Host: x', 'Connection: keep-alive', `Content-Length: ${Buffer.byteLength(body)}`].join('\r\n')}\r\n\r\n${body}`;

describe('a kept-alive connection after an early refusal', () => {
  let token: string;
  beforeAll(async () => {
    token = await api.token(callers.authority);
  });

  const cases = () => [
    {
      name: '413 (a body over 256 KB, refused from its Content-Length)',
      status: 413,
      raw: request(
        ['POST /v1/zones HTTP/1.1', `Authorization: Bearer ${token}`, 'Content-Type: application/json'],
        `{"code":"${'A'.repeat(MAX_BODY_BYTES + 10)}"}`,
      ),
    },
    {
      name: '415 (not JSON)',
      status: 415,
      raw: request(
        ['POST /v1/zones HTTP/1.1', `Authorization: Bearer ${token}`, 'Content-Type: text/plain'],
        'x'.repeat(50_000),
      ),
    },
    {
      name: '401 (no token, body not read)',
      status: 401,
      raw: request(
        ['POST /v1/zones HTTP/1.1', 'Content-Type: application/json'],
        `{"a":"${'b'.repeat(100_000)}"}`,
      ),
    },
    {
      name: '413 (a chunked body that grows over 256 KB)',
      status: 413,
      raw: [
        'POST /v1/zones HTTP/1.1',
        `Authorization: Bearer ${token}`,
        'Content-Type: application/json',
        'Host: x',
        'Connection: keep-alive',
        'Transfer-Encoding: chunked',
        '',
        '',
      ]
        .join('\r\n')
        .concat(
          Array.from({ length: 5 }, () => `${(70_000).toString(16)}\r\n${'c'.repeat(70_000)}\r\n`).join(''),
          '0\r\n\r\n',
        ),
    },
  ];

  it('answers the next request on the same socket (the refused body is drained)', async () => {
    for (const { name, status, raw } of cases()) {
      const conn = await openSocket();
      conn.socket.write(raw);
      conn.socket.write(health);
      const { statuses } = await statusLines(conn, 2);
      expect(statuses, name).toEqual([status, 200]);
      conn.socket.destroy();
    }
  });

  it('a body too large to drain gets Connection: close, and the socket ends cleanly after the answer', async () => {
    const conn = await openSocket();
    const size = 8 * 1024 * 1024;
    conn.socket.write(
      [
        'POST /v1/zones HTTP/1.1',
        `Authorization: Bearer ${token}`,
        'Content-Type: application/json',
        'Host: x',
        'Connection: keep-alive',
        `Content-Length: ${size}`,
        '',
        '',
      ].join('\r\n'),
    );
    conn.socket.write('x'.repeat(64 * 1024));
    const { statuses, text } = await statusLines(conn, 1);
    expect(statuses).toEqual([413]);
    expect(text.toLowerCase()).toContain('connection: close');
    conn.socket.destroy();
  });
});
