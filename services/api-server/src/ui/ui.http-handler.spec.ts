// The UI's static handler over a build in a temp dir, through a real HTTP server: files by exact name
// only (a traversal gets the app's index.html, never a file outside the build), gzip when asked,
// HEAD without a body, a missing hashed asset is a 404, and the API's paths are never taken.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { findUiDir, UiAssets } from './ui-assets.store';
import { isUiRequest, serveUi } from './ui.http-handler';

const INDEX = '<!doctype html><html><body><div id="root"></div><script src="/assets/index-abc.js"></script></body></html>';
const JS = `console.log(${JSON.stringify('x'.repeat(4000))});`;

let dir: string;
let server: Server;
let base: string;

const get = (path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> =>
  new Promise((resolve, reject) => {
    // node:http, not fetch: fetch normalises `..` out of the path before sending it.
    const req = request(`${base}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ui-assets-'));
  mkdirSync(join(dir, 'assets'));
  mkdirSync(join(dir, '.vite'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'assets', 'index-abc.js'), JS);
  writeFileSync(join(dir, '.vite', 'manifest.json'), '{}');
  writeFileSync(join(tmpdir(), 'ui-assets-outside.txt'), 'secret');
  const assets = new UiAssets(dir);
  server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (isUiRequest(req, path)) serveUi(assets, req, res, path);
    else res.writeHead(418).end('api');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
  rmSync(join(tmpdir(), 'ui-assets-outside.txt'), { force: true });
});

describe('the web UI handler', () => {
  it('answers a page path with index.html, revalidated, and a hashed asset cached for good', async () => {
    const page = await get('/applications/argocd/guestbook?view=tree');
    expect(page.status).toBe(200);
    expect(page.body.toString()).toBe(INDEX);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['x-frame-options']).toBe('sameorigin');
    const js = await get('/assets/index-abc.js');
    expect(js.body.toString()).toBe(JS);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toContain('immutable');
  });

  it('gzips when the browser accepts it, and HEAD has the headers without the body', async () => {
    const js = await get('/assets/index-abc.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(js.headers['content-encoding']).toBe('gzip');
    expect(js.body.length).toBeLessThan(JS.length / 10);
    expect(gunzipSync(js.body).toString()).toBe(JS);
    const head = await get('/assets/index-abc.js', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(Number(head.headers['content-length'])).toBe(JS.length);
    expect(head.body.length).toBe(0);
  });

  it('serves nothing outside the build: traversals, encoded or not, get the app page', async () => {
    for (const path of ['/../ui-assets-outside.txt', '/%2e%2e/ui-assets-outside.txt', '/assets/..%2f..%2fui-assets-outside.txt', '/.vite/manifest.json']) {
      const res = await get(path);
      expect({ path, body: res.body.toString() }).toEqual({ path, body: path.startsWith('/assets/') ? 'not found\n' : INDEX });
    }
  });

  it('answers a missing hashed asset with 404 (a stale tab asks for last build’s chunk), not the page', async () => {
    const res = await get('/assets/index-old.js');
    expect(res.status).toBe(404);
  });

  it('leaves the API its paths and methods', async () => {
    for (const path of ['/api/v1/applications', '/api', '/auth/login', '/swagger.json', '/healthz'])
      expect({ path, status: (await get(path)).status }).toEqual({ path, status: 418 });
    const post = await get('/applications', {}, 'POST');
    expect(post.status).toBe(418);
  });

  it('knows a build by its manifest: a source tree with index.html alone is not one', () => {
    const source = mkdtempSync(join(tmpdir(), 'ui-source-'));
    writeFileSync(join(source, 'index.html'), INDEX);
    expect(findUiDir([source, dir])).toBe(dir);
    expect(findUiDir([source])).toBeUndefined();
    rmSync(source, { recursive: true, force: true });
  });
});
