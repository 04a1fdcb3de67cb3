import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { MetricsRegistry } from '../observability';
import type { ReadinessChecks } from './readiness.checks';

export interface OpsServer {
  readonly port: number;
  close(): Promise<void>;
}

/** /healthz (the process answers), /readyz (every readiness check passes), /metrics (Prometheus). */
export async function startOpsServer(opts: { port: number; host?: string; readiness: ReadinessChecks; metrics: MetricsRegistry; logger: Logger }): Promise<OpsServer> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405).end();
    if (path === '/healthz') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    if (path === '/readyz') {
      return void opts.readiness.run().then((result) => {
        const body = result.ready ? 'ok' : result.failures.map((f) => `${f.name}: ${f.message}`).join('\n');
        res.writeHead(result.ready ? 200 : 503, { 'content-type': 'text/plain' }).end(body);
      });
    }
    if (path === '/metrics') {
      return void opts.metrics.text().then(
        (text) => res.writeHead(200, { 'content-type': opts.metrics.contentType }).end(text),
        (err: Error) => {
          opts.logger.error({ err }, `collecting metrics failed: ${err.message}`);
          res.writeHead(500).end(err.message);
        },
      );
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '0.0.0.0', () => (server.off('error', reject), resolve()));
  });
  return { port: (server.address() as AddressInfo).port, close: () => closeServer(server) };
}

function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((r) => server.close(() => r()));
  server.closeAllConnections();
  return closed;
}
