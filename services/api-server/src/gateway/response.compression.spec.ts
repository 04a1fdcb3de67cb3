// A gzipped stream must not cost a turn of the event loop per frame: a watch writes its first 200 apps
// in one turn, and a busy api-server (still encoding the next ones) has few turns to spare.
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGunzip } from 'node:zlib';
import { FlushingGzip } from './response.compression';

const FRAMES = 500;
const frame = (i: number): string => `data: {"result":{"type":"ADDED","application":{"metadata":{"name":"app-${i}"}}}}\n\n`;

let server: Server;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

it('delivers frames written in one turn after that turn, however busy the following turns are', async () => {
  let turns = 0;
  let received = 0;
  let stop = false;
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'content-encoding': 'gzip' });
    const zip = new FlushingGzip(res);
    for (let i = 0; i < FRAMES; i++) zip.write(frame(i));
    // Every later turn is busy for a while, as when the stream goes on encoding the rest of a listing.
    const busy = (): void => {
      turns++;
      const until = performance.now() + 2;
      while (performance.now() < until);
      if (!stop) setImmediate(busy);
      else zip.end();
    };
    setImmediate(busy);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const turnsToAll = await new Promise<number>((resolve, reject) => {
    get({ host: '127.0.0.1', port, path: '/' }, (res) => {
      const unzip = res.pipe(createGunzip());
      let text = '';
      unzip.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        received = text.split('\n\n').length - 1;
        if (received === FRAMES && !stop) {
          stop = true;
          resolve(turns);
        }
      });
      unzip.on('error', reject);
    }).on('error', reject);
  });
  expect(received).toBe(FRAMES);
  // One zlib job per frame needed about a turn each (hundreds); batched, a handful suffices.
  expect(turnsToAll).toBeLessThan(50);
});

it('reports what is buffered and ends with every frame written, including the last text', async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-encoding': 'gzip' });
    const zip = new FlushingGzip(res);
    zip.write('one\n');
    zip.write('two\n');
    expect(zip.buffered).toBe(8);
    zip.end('three\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const body = await new Promise<string>((resolve, reject) => {
    get({ host: '127.0.0.1', port, path: '/' }, (res) => {
      let text = '';
      res
        .pipe(createGunzip())
        .on('data', (c: Buffer) => (text += c.toString()))
        .on('end', () => resolve(text))
        .on('error', reject);
    }).on('error', reject);
  });
  expect(body).toBe('one\ntwo\nthree\n');
});
