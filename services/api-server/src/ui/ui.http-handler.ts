// Serves the web UI on the API's port as Argo CD's server does: its files by name, and index.html for
// every other page path so the single-page app's deep links load. /api/* never falls through to it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { UiAsset, UiAssets } from './ui-assets.store';

/** Paths that are the API's, answered by the gateway even when nothing matches there. */
const API_PREFIXES = ['/api/', '/auth/', '/swagger', '/healthz', '/metrics'];

export function isUiRequest(req: IncomingMessage, path: string): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (path === '/api' || API_PREFIXES.some((p) => path.startsWith(p))) return false;
  // gRPC-web and API clients never ask for pages.
  return !String(req.headers['content-type'] ?? '').startsWith('application/grpc');
}

export function serveUi(assets: UiAssets, req: IncomingMessage, res: ServerResponse, path: string): void {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    decoded = path;
  }
  const file = assets.file(decoded);
  // A missing file with an extension is a 404 (a stale chunk), any other path is a page of the app.
  if (!file && /\.[a-z0-9]+$/i.test(decoded) && decoded.startsWith('/assets/')) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
    return;
  }
  send(file ?? assets.index, req, res);
}

function send(asset: UiAsset, req: IncomingMessage, res: ServerResponse): void {
  const gzip = asset.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const body = gzip ? asset.gzip : asset.body;
  res.writeHead(200, {
    'content-type': asset.contentType,
    'content-length': body.length,
    'cache-control': asset.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
    ...(asset.contentType.startsWith('text/html') ? { 'x-frame-options': 'sameorigin', 'content-security-policy': "frame-ancestors 'self';" } : {}),
    ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : { vary: 'accept-encoding' }),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
