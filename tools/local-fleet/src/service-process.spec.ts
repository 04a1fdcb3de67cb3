import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceProcess } from './service-process';

// `npm start` supervises its services: one that dies on its own (kill -9, a crash) comes back, with
// a console line saying so and where its log is; stop() and kill() from the fleet itself are final.

// A stand-in service: answers /readyz on FLOTILLA_OPS_PORT and exits with code 1 when asked for
// /crash. With CRASH_AFTER_FIRST set, every run after the first exits with code 1 at once.
const FAKE_SERVICE = `
const { existsSync, writeFileSync } = require('node:fs');
const marker = process.env.RUN_MARKER;
if (process.env.CRASH_AFTER_FIRST && existsSync(marker)) process.exit(1);
writeFileSync(marker, String(process.pid));
require('node:http')
  .createServer((req, res) => (req.url === '/crash' ? process.exit(1) : res.end('ok')))
  .listen(Number(process.env.FLOTILLA_OPS_PORT), '127.0.0.1');
`;

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

async function until<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('ServiceProcess supervision', () => {
  let dir: string;
  let service: ServiceProcess | undefined;
  const lines: string[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'service-process-spec-'));
    writeFileSync(join(dir, 'fake-service.js'), FAKE_SERVICE);
    lines.length = 0;
  });

  afterEach(async () => {
    await service?.stop();
    service?.closeLog();
    rmSync(dir, { recursive: true, force: true });
  });

  const supervised = async (env: Record<string, string>, backoff: { initialDelayMs: number; maxDelayMs: number }): Promise<ServiceProcess> => {
    const opsPort = await freePort();
    return new ServiceProcess({
      name: 'app-controller',
      entry: join(dir, 'fake-service.js'),
      env: { FLOTILLA_OPS_PORT: String(opsPort), RUN_MARKER: join(dir, 'ran'), ...env },
      opsPort,
      logFile: join(dir, 'app-controller.log'),
      supervise: { log: (line) => lines.push(line), ...backoff },
    });
  };

  it('brings a process killed with SIGKILL back and says so; stop() ends it for good', async () => {
    service = await supervised({}, { initialDelayMs: 100, maxDelayMs: 1000 });
    await service.start();
    const first = service.pid!;
    process.kill(first, 'SIGKILL');

    await until('a new process', () => service!.running && service!.pid !== first);
    expect(lines).toEqual([`app-controller was killed by SIGKILL; restarting in 0.1s (see ${join(dir, 'app-controller.log')})`]);
    await until('the new process to answer /readyz', () => fetch(`http://127.0.0.1:${service!.opts.opsPort}/readyz`).then((r) => r.ok, () => false));

    // The fleet's own stop is not a crash: nothing restarts it.
    await service.stop();
    await new Promise((r) => setTimeout(r, 400));
    expect(service.running).toBe(false);
    expect(lines).toHaveLength(1);
  }, 60_000);

  it('doubles the delay for a process that keeps exiting at once, up to the maximum', async () => {
    service = await supervised({ CRASH_AFTER_FIRST: '1' }, { initialDelayMs: 100, maxDelayMs: 400 });
    await service.start();
    await fetch(`http://127.0.0.1:${service.opts.opsPort}/crash`).catch(() => undefined);

    await until('five restarts announced', () => lines.length >= 5);
    const delays = lines.map((l) => /exited with code 1; restarting in ([\d.]+)s/.exec(l)?.[1]);
    expect(delays.slice(0, 5)).toEqual(['0.1', '0.2', '0.4', '0.4', '0.4']);
  }, 60_000);
});
