import * as grpc from '@grpc/grpc-js';
import { connect } from 'node:net';
import { ApiServerHarness, appManifest, call, startApiServer } from '../testing/api-server.harness';

interface RawAnswer {
  status: number;
  body: string;
  /** Body bytes the client had handed to the socket when the answer came (or the connection ended). */
  bytesSent: number;
  ms: number;
}

/**
 * POSTs a declared body of `size` bytes in 64 KiB writes, the way an attacker's client would, and
 * stops sending as soon as an answer arrives: an answer before the last byte proves the server
 * did not wait for (or read) the whole body.
 */
function rawPost(port: number, path: string, size: number, headers: Record<string, string> = {}): Promise<RawAnswer> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let bytesSent = 0;
    let answer = '';
    let settled = false;
    const finish = (): void => {
      if (settled) return;
      settled = true;
      socket.destroy();
      const match = /^HTTP\/1\.1 (\d{3})/.exec(answer);
      if (!match) return reject(new Error(`no HTTP answer after ${bytesSent} bytes: ${JSON.stringify(answer.slice(0, 200))}`));
      resolve({ status: Number(match[1]), body: bodyOf(answer), bytesSent, ms: Date.now() - started });
    };
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString('latin1');
      if (complete(answer)) finish();
    });
    socket.on('end', finish);
    socket.on('close', finish);
    socket.on('error', () => (answer ? finish() : undefined));
    const extra = Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    const head = `POST ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: ${size}\r\n${extra}\r\n`;
    const body = jsonBody(size);
    const pump = (): void => {
      while (!settled && !answer && bytesSent < size) {
        const piece = body.subarray(bytesSent, Math.min(bytesSent + 64 * 1024, size));
        bytesSent += piece.length;
        if (!socket.write(piece)) return void socket.once('drain', pump);
      }
    };
    socket.once('connect', () => {
      socket.write(head);
      pump();
    });
  });
}

const MIB = 1024 * 1024;

const bodies = new Map<number, Buffer>();

/** A JSON Application of exactly `size` bytes, costly to parse: many small objects, as an attacker would send. */
function jsonBody(size: number): Buffer {
  const known = bodies.get(size);
  if (known) return known;
  const head = '{"metadata":{"name":"flood"},"spec":{"info":[';
  const unit = '{"name":"n","value":"v"},';
  const tail = '{}]}}';
  const units = Math.floor((size - head.length - tail.length) / unit.length);
  const pad = ' '.repeat(size - head.length - tail.length - units * unit.length);
  const body = Buffer.from(head + unit.repeat(units) + pad + tail);
  bodies.set(size, body);
  return body;
}

const headEnd = (answer: string): number => answer.indexOf('\r\n\r\n');
const chunked = (answer: string): boolean => /\r\ntransfer-encoding: chunked\r\n/i.test(answer.slice(0, headEnd(answer) + 2));

/** Whether the whole answer (content-length or chunked) has arrived. */
function complete(answer: string): boolean {
  const end = headEnd(answer);
  if (end < 0) return false;
  if (chunked(answer)) return answer.endsWith('\r\n0\r\n\r\n');
  const length = /\r\ncontent-length: (\d+)/i.exec(answer.slice(0, end + 2));
  return !!length && answer.length - end - 4 >= Number(length[1]);
}

function bodyOf(answer: string): string {
  let rest = answer.slice(headEnd(answer) + 4);
  if (!chunked(answer)) return rest;
  let body = '';
  for (let size = parseInt(rest, 16); size > 0; size = parseInt(rest, 16)) {
    const start = rest.indexOf('\r\n') + 2;
    body += rest.slice(start, start + size);
    rest = rest.slice(start + size + 2);
  }
  return body;
}

describe('REST request bodies (the api-server process)', () => {
  let api: ApiServerHarness;

  beforeAll(async () => {
    api = await startApiServer();
    await api.login();
  }, 90_000);
  afterAll(() => api?.stop());

  it('refuses 15 MiB unauthenticated POSTs before reading them, while an authenticated GET stays fast', async () => {
    // Four attackers, each starting a new 15 MiB POST as soon as the last one is refused.
    let attacking = true;
    const answers: RawAnswer[] = [];
    const attacker = async (): Promise<void> => {
      while (attacking) answers.push(await rawPost(api.port, '/api/v1/applications', 15 * MIB));
    };
    const attackers = Array.from({ length: 4 }, attacker);
    const latencies: number[] = [];
    for (let i = 0; i < 8; i++) {
      const started = Date.now();
      const res = await api.rest('/api/v1/applications');
      latencies.push(Date.now() - started);
      expect(res.status).toBe(200);
      await new Promise((r) => setTimeout(r, 50));
    }
    attacking = false;
    await Promise.all(attackers);
    process.stdout.write(
      `authenticated GET under attack: max ${Math.max(...latencies)} ms (${latencies.join(', ')}); ` +
        `${answers.length} attack POSTs, slowest refused after ${Math.max(...answers.map((a) => a.ms))} ms, ` +
        `at most ${Math.max(...answers.map((a) => a.bytesSent))} of ${15 * MIB} bytes sent\n`,
    );
    expect(answers.length).toBeGreaterThanOrEqual(4);
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(JSON.parse(answer.body)).toEqual({ error: 'no session information', code: 16, message: 'no session information' });
      expect(answer.bytesSent).toBeLessThan(15 * MIB);
    }
    // Generous bounds for a loaded 2-core machine; before the fix each took seconds.
    expect(Math.max(...latencies)).toBeLessThan(1500);
    expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(3000);
  }, 60_000);

  it('refuses a login body over the 64 KiB limit with 413 naming the limit', async () => {
    const body = JSON.stringify({ username: 'admin', password: 'x'.repeat(100 * 1024) });
    const res = await api.rest('/api/v1/session', { method: 'POST', body, token: null });
    expect(res.status).toBe(413);
    expect((await res.json()).message).toBe('request body is larger than 64 KiB, the limit for /session.SessionService/Create');
    // Declared too large, it is refused without a byte read.
    const raw = await rawPost(api.port, '/api/v1/session', 15 * MIB);
    expect(raw.status).toBe(413);
    expect(raw.bytesSent).toBeLessThan(15 * MIB);
  });

  it('still takes an authenticated body of a few MiB', async () => {
    const app = appManifest('big', { info: [{ name: 'notes', value: 'x'.repeat(2 * MIB) }] });
    const res = await api.rest('/api/v1/applications?validate=false', { method: 'POST', body: JSON.stringify(app) });
    expect(res.status).toBe(200);
    expect((await res.json()).metadata.name).toBe('big');
  });

  it('keeps grpc-js bounding gRPC messages at 4 MiB, refused as the length prefix arrives', async () => {
    const big = { application: { json: JSON.stringify(appManifest('huge', { info: [{ name: 'n', value: 'x'.repeat(5 * MIB) }] })) } };
    await expect(call(api.clients.applications, 'Create', big)).rejects.toMatchObject({ code: grpc.status.RESOURCE_EXHAUSTED });
  });
});
