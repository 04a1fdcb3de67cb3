// A Redis master, a replica and three Sentinels as real processes on free ports in a temp dir, as
// the chart's redis-ha runs them: for specs that fail the master over under a running service.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from '../net/free-port';

export interface SentinelGroupOptions {
  /** The master group name (Argo CD's chart: argocd). */
  master?: string;
  /** requirepass/masterauth of the Redis servers, auth-pass of the Sentinels. */
  password?: string;
}

export interface SentinelGroup {
  readonly master: string;
  readonly sentinels: { host: string; port: number }[];
  /** FLOTILLA_REDIS_* for a service that connects through these Sentinels. */
  readonly env: Record<string, string>;
  /** The port of the server the Sentinels call master now. */
  masterPort(): Promise<number>;
  /** One command to one server or Sentinel, on its own short-lived connection. */
  command(port: number, args: string[], auth?: boolean): Promise<string>;
  /** SENTINEL FAILOVER; resolves once the Sentinels name a new master. */
  failover(): Promise<number>;
  /** SIGKILL of the master, as a node dying; resolves once the Sentinels name a new master. */
  killMaster(): Promise<number>;
  stop(): Promise<void>;
}

const REDIS_SERVER = process.env.REDIS_SERVER_BIN ?? 'redis-server';

export async function startSentinelGroup(opts: SentinelGroupOptions = {}): Promise<SentinelGroup> {
  const master = opts.master ?? 'argocd';
  const dir = mkdtempSync(join(tmpdir(), 'flotilla-sentinel-'));
  const procs = new Map<number, ChildProcess>();
  const logs: string[] = [];
  const start = (port: number, args: string[]): ChildProcess => {
    const child = spawn(REDIS_SERVER, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (c: Buffer) => logs.push(`[${port}] ${c.toString()}`));
    child.stderr?.on('data', (c: Buffer) => logs.push(`[${port}] ${c.toString()}`));
    procs.set(port, child);
    return child;
  };
  const auth = opts.password ? ['--requirepass', opts.password, '--masterauth', opts.password] : [];
  const server = (port: number, extra: string[] = []) =>
    start(port, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--dbfilename', `dump-${port}.rdb`, ...auth, ...extra]);
  const command = (port: number, args: string[], withAuth = true) => redisCommand(port, withAuth && opts.password ? opts.password : undefined, args);

  const [primary, replica] = [await freePort(), await freePort()];
  server(primary);
  server(replica, ['--replicaof', '127.0.0.1', String(primary)]);
  const sentinelPorts = [await freePort(), await freePort(), await freePort()];
  for (const port of sentinelPorts) {
    const conf = join(dir, `sentinel-${port}.conf`);
    writeFileSync(
      conf,
      [
        `port ${port}`,
        'bind 127.0.0.1',
        `dir ${dir}`,
        `sentinel monitor ${master} 127.0.0.1 ${primary} 2`,
        `sentinel down-after-milliseconds ${master} 1000`,
        `sentinel failover-timeout ${master} 10000`,
        `sentinel parallel-syncs ${master} 1`,
        ...(opts.password ? [`sentinel auth-pass ${master} ${opts.password}`] : []),
        '',
      ].join('\n'),
    );
    start(port, [conf, '--sentinel']);
  }
  const stop = async (): Promise<void> => {
    await Promise.all([...procs.values()].map((p) => kill(p, 'SIGTERM')));
    rmSync(dir, { recursive: true, force: true });
  };
  const masterPort = async (): Promise<number> => {
    const reply = await command(sentinelPorts[0], ['SENTINEL', 'get-master-addr-by-name', master], false);
    return Number(reply.split('\n')[1]);
  };
  const until = async (what: string, check: () => Promise<boolean>, ms = 20_000): Promise<void> => {
    const deadline = Date.now() + ms;
    while (!(await check().catch(() => false))) {
      if (Date.now() > deadline) throw new Error(`sentinel group: timed out waiting for ${what}\n${logs.join('').slice(-4000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const newMaster = async (old: number): Promise<number> => {
    // Every Sentinel agrees on the new master, and it accepts writes.
    await until(`a master other than ${old}`, async () => {
      const ports = await Promise.all(sentinelPorts.map((p) => command(p, ['SENTINEL', 'get-master-addr-by-name', master], false)));
      const now = Number(ports[0].split('\n')[1]);
      return now !== old && ports.every((r) => Number(r.split('\n')[1]) === now) && (await command(now, ['ROLE'])).startsWith('master');
    });
    return masterPort();
  };
  try {
    await until('the replica to sync and every Sentinel to see it and the others', async () => {
      const info = await command(replica, ['INFO', 'replication']);
      if (!info.includes('master_link_status:up')) return false;
      const views = await Promise.all(sentinelPorts.map((p) => command(p, ['SENTINEL', 'master', master], false)));
      return views.every((v) => /num-slaves\n1\n/.test(v) && /num-other-sentinels\n2\n/.test(v));
    });
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    master,
    sentinels: sentinelPorts.map((port) => ({ host: '127.0.0.1', port })),
    env: {
      FLOTILLA_REDIS_SENTINELS: sentinelPorts.map((p) => `127.0.0.1:${p}`).join(','),
      FLOTILLA_REDIS_SENTINEL_MASTER: master,
      ...(opts.password ? { FLOTILLA_REDIS_PASSWORD: opts.password } : {}),
    },
    masterPort,
    command,
    failover: async () => {
      const old = await masterPort();
      await command(sentinelPorts[0], ['SENTINEL', 'failover', master], false);
      return newMaster(old);
    },
    killMaster: async () => {
      const old = await masterPort();
      const proc = procs.get(old);
      if (!proc) throw new Error(`no process listens on the master's port ${old}`);
      await kill(proc, 'SIGKILL');
      procs.delete(old);
      return newMaster(old);
    },
    stop,
  };
}

async function kill(proc: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  proc.kill(signal);
  await exited;
}

/** One command on its own connection; the reply flattened to lines (arrays and bulk strings alike). */
async function redisCommand(port: number, password: string | undefined, args: string[]): Promise<string> {
  const redis = new Redis({ host: '127.0.0.1', port, password, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 3000 });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    const reply = await redis.call(args[0], ...args.slice(1));
    return flatten(reply).join('\n');
  } finally {
    redis.disconnect();
  }
}

const flatten = (reply: unknown): string[] => (Array.isArray(reply) ? reply.flatMap(flatten) : [String(reply)]);
