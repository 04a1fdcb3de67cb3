import { IncomingMessage } from 'node:http';
import { get } from 'node:https';
import { KubeSim, startKubeSim } from '../kube-sim';

// kube-apiserver ends a watch after its timeoutSeconds (apiserver/pkg/endpoints/handlers/watch.go,
// serveWatch: the timeout channel returns from the handler) and sends bookmarks only while the watch
// is open; ending one watch never takes the server down.
let sim: KubeSim;

beforeAll(async () => {
  // Over TLS the end of a response completes later than the timer that ends it: with a bookmark due
  // every millisecond one always falls in between.
  sim = await startKubeSim({ name: 'watch-lifecycle', tls: true, watch: { bookmarkIntervalMs: 1 } });
});
afterAll(async () => {
  await sim.stop();
});

/** Sends a GET (a watch, say) and resolves with the JSON lines of the answer once the server ends it. */
function getLines(path: string): Promise<Array<Record<string, unknown>>> {
  return new Promise((resolve, reject) => {
    const req = get(`${sim.url}${path}`, { headers: { Authorization: `Bearer ${sim.adminToken}` }, ca: Buffer.from(sim.caData, 'base64') }, (res: IncomingMessage) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve(text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>)));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

describe('watch lifecycle', () => {
  it('ends bookmarked watches at their timeout without writing after the end', async () => {
    // Before: a bookmark written after the timeout ended the response threw ERR_STREAM_WRITE_AFTER_END
    // outside any request, which Jest reports here and which stopped a standalone kube-sim.
    const watches = Array.from({ length: 20 }, () => getLines('/api/v1/namespaces/default/configmaps?watch=1&allowWatchBookmarks=true&timeoutSeconds=1'));
    for (const lines of await Promise.all(watches)) expect(lines.some((l) => l.type === 'BOOKMARK')).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(await getLines('/version')).toEqual([expect.objectContaining({ major: '1' })]);
  });
});
