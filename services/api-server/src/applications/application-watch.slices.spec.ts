// Watch's first listing goes out in slices (so a UI's first tiles leave before 10,000 apps are
// checked and encoded); a change arriving meanwhile must not be overtaken by the older ADDED of the
// same app still to come, so it is held until the listing ends.
import type { Application } from '@flotilla/api-types';
import { ApplicationStreamsService } from './application-streams.service';
import type { ApplicationWatchSource, WatchEventType } from './application-watch.source';

type Listener = (type: WatchEventType, app: Application) => void;
const app = (i: number, rv: number): Application =>
  ({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name: `app-${String(i).padStart(4, '0')}`, namespace: 'argocd', resourceVersion: String(rv) }, spec: { project: 'default', destination: {} } });

it('holds a change made during the first listing until the listing has sent the older state', async () => {
  let listener: Listener = () => undefined;
  const apps = Array.from({ length: 1000 }, (_, i) => app(i, 1));
  const source = { subscribe: (l: Listener) => ((listener = l), Promise.resolve(() => undefined)), list: () => [...apps].reverse() } as unknown as ApplicationWatchSource;
  const service = new ApplicationStreamsService(undefined as never, source, undefined as never, undefined as never, undefined as never, undefined as never, 1000);
  const sent: { type: string; name: string; rv: string }[] = [];
  const controller = new AbortController();
  const sink = {
    signal: controller.signal,
    send: (m: { type: string; application: Application }) => {
      sent.push({ type: m.type, name: m.application.metadata.name, rv: m.application.metadata.resourceVersion ?? '' });
      // After the first slice, app-0900 changes: its ADDED (resourceVersion 1) has not gone out yet.
      if (sent.length === 1) setImmediate(() => listener('MODIFIED', app(900, 2)));
      if (sent.length === 1001) setImmediate(() => controller.abort());
    },
  };
  const ctx = { can: () => true } as never;
  await service.watch(ctx, { projects: [], selector: '', resourceVersion: '', name: '' }, sink);
  expect(sent).toHaveLength(1001);
  expect(sent.slice(0, 1000).map((s) => s.name)).toEqual(apps.map((a) => a.metadata.name));
  expect(sent[1000]).toEqual({ type: 'MODIFIED', name: 'app-0900', rv: '2' });
});
