// Listens to the Sentinels' +switch-master for one master group, so clients still connected to the
// old master (now a replica, or about to be one) move at once instead of writing where it is lost.
// ioredis' own failoverDetector is not used: a +switch-master that arrives while a client is already
// reconnecting (the master died) aborts that reconnection and leaves the client ended for good.
import { Redis, RedisOptions } from 'ioredis';
import type { Logger } from 'pino';

export class SentinelFailoverListener {
  private readonly subscribers: Redis[];

  constructor(
    options: RedisOptions,
    private readonly logger: Logger,
    onSwitch: (to: string) => void,
  ) {
    const name = options.name;
    this.subscribers = (options.sentinels ?? []).map((sentinel) => {
      const sub = new Redis({
        host: sentinel.host,
        port: sentinel.port,
        username: options.sentinelUsername,
        password: options.sentinelPassword,
        tls: options.enableTLSForSentinelMode ? options.sentinelTLS : undefined,
        maxRetriesPerRequest: null,
        retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
      });
      // The client's own connection reports Redis' state; a Sentinel that is away is only less news.
      sub.on('error', () => undefined);
      sub.on('message', (_channel: string, message: string) => {
        const [master, , , host, port] = message.split(' ');
        if (master !== name) return;
        this.logger.info(`redis: Sentinel ${sentinel.host}:${sentinel.port} switched master ${name} to ${host}:${port}`);
        onSwitch(`${host}:${port}`);
      });
      sub.subscribe('+switch-master').catch(() => undefined);
      return sub;
    });
  }

  close(): void {
    for (const sub of this.subscribers) sub.disconnect();
  }
}
