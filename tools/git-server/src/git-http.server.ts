import { spawn } from 'node:child_process';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

export interface GitHttpServerOptions {
  /** Folder holding the repositories; `<url>/<name>.git` serves `<root>/<name>.git` (or `<root>/<name>`). */
  root: string;
  port?: number;
  host?: string;
  /** When set, every request needs HTTP basic auth with these credentials. */
  auth?: { username: string; password: string };
  /** Allow `git push` (receive-pack); off by default. */
  allowPush?: boolean;
  /**
   * Serve HTTPS with this PEM certificate (chain) and key instead of plain HTTP; with `clientCa`,
   * every client must present a certificate that CA signed.
   */
  tls?: { cert: string; key: string; clientCa?: string };
  /** The host name in the returned URL (default: the listening address), e.g. `localhost` for a certificate made for it. */
  urlHost?: string;
  /**
   * Runs before each request is served, while the git client waits for the answer:
   * lets a spec look at the client's processes mid-fetch.
   */
  beforeServe?: (req: IncomingMessage) => void | Promise<void>;
}

export interface GitHttpServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Git's smart HTTP protocol through `git http-backend` (a CGI program): clone, fetch, ls-remote and,
 * when allowed, push — the same protocol GitHub speaks, without a network; over HTTPS when given a certificate.
 */
export async function startGitHttpServer(opts: GitHttpServerOptions): Promise<GitHttpServer> {
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    if (!opts.beforeServe) return serve(req, res, opts);
    Promise.resolve(opts.beforeServe(req)).then(
      () => serve(req, res, opts),
      (err: Error) => res.writeHead(500).end(`beforeServe failed: ${err.message}\n`),
    );
  };
  const server: Server = opts.tls ? createHttpsServer({ cert: opts.tls.cert, key: opts.tls.key, ...(opts.tls.clientCa ? { ca: opts.tls.clientCa, requestCert: true, rejectUnauthorized: true } : {}) }, handler) : createServer(handler);
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return { url: `${opts.tls ? 'https' : 'http'}://${opts.urlHost ?? host}:${port}`, port, stop: () => close(server) };
}

function serve(req: IncomingMessage, res: ServerResponse, opts: GitHttpServerOptions): void {
  if (opts.auth && !authorized(req, opts.auth)) {
    res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="git"' }).end('authentication required\n');
    return;
  }
  const url = new URL(req.url ?? '/', 'http://git');
  const pushing = url.pathname.endsWith('/git-receive-pack') || url.searchParams.get('service') === 'git-receive-pack';
  if (pushing && !opts.allowPush) {
    res.writeHead(403).end('push is not allowed on this server\n');
    return;
  }
  const child = spawn('git', ['http-backend'], {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      GIT_PROJECT_ROOT: opts.root,
      GIT_HTTP_EXPORT_ALL: '1',
      PATH_INFO: decodeURIComponent(url.pathname),
      QUERY_STRING: url.search.slice(1),
      REQUEST_METHOD: req.method ?? 'GET',
      CONTENT_TYPE: req.headers['content-type'] ?? '',
      CONTENT_LENGTH: req.headers['content-length'] ?? '',
      HTTP_CONTENT_ENCODING: req.headers['content-encoding'] ?? '',
      HTTP_GIT_PROTOCOL: (req.headers['git-protocol'] as string | undefined) ?? '',
      REMOTE_USER: opts.auth?.username ?? 'anonymous',
      REMOTE_ADDR: req.socket.remoteAddress ?? '',
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'http.receivepack',
      GIT_CONFIG_VALUE_0: opts.allowPush ? 'true' : 'false',
    },
  });
  req.pipe(child.stdin);
  pipeCgiResponse(child.stdout, res);
  child.on('error', (err) => {
    if (!res.headersSent) res.writeHead(500).end(`git http-backend failed: ${err.message}\n`);
  });
}

/** CGI output is headers, a blank line, then the body; the Status header sets the HTTP status. */
function pipeCgiResponse(out: NodeJS.ReadableStream, res: ServerResponse): void {
  let head = Buffer.alloc(0);
  let inBody = false;
  out.on('data', (chunk: Buffer) => {
    if (inBody) {
      res.write(chunk);
      return;
    }
    head = Buffer.concat([head, chunk]);
    const end = head.indexOf('\r\n\r\n') >= 0 ? head.indexOf('\r\n\r\n') + 4 : head.indexOf('\n\n') >= 0 ? head.indexOf('\n\n') + 2 : -1;
    if (end < 0) return;
    let status = 200;
    const headers: Record<string, string> = {};
    for (const line of head.subarray(0, end).toString().split(/\r?\n/).filter(Boolean)) {
      const i = line.indexOf(':');
      const [name, value] = [line.slice(0, i).trim(), line.slice(i + 1).trim()];
      if (name.toLowerCase() === 'status') status = Number(value.split(' ')[0]);
      else headers[name] = value;
    }
    res.writeHead(status, headers);
    res.write(head.subarray(end));
    inBody = true;
  });
  out.on('end', () => res.end());
}

function authorized(req: IncomingMessage, auth: { username: string; password: string }): boolean {
  const header = req.headers.authorization ?? '';
  if (!header.startsWith('Basic ')) return false;
  return Buffer.from(header.slice(6), 'base64').toString() === `${auth.username}:${auth.password}`;
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
