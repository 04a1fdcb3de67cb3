import { guestbook } from './app.fixture';
import { parseResourceFilters } from './app-resources.printer';
import { defaultWaitFor, waitConditions } from './app-wait.conditions';

describe('app wait conditions', () => {
  const all = defaultWaitFor({});

  it('waits for sync, health and operation when no flag is given', () => {
    expect(all).toEqual({ sync: true, health: true, operation: true });
    expect(waitConditions(guestbook(), all)).toEqual({ ready: true, operationInProgress: false });
  });

  it('is not ready while the app is out of sync or unhealthy', () => {
    const app = guestbook();
    app.status!.health = { status: 'Progressing' };
    expect(waitConditions(app, all).ready).toBe(false);
    expect(waitConditions(app, { sync: true }).ready).toBe(true);
    app.status!.sync!.status = 'OutOfSync';
    expect(waitConditions(app, { sync: true }).ready).toBe(false);
  });

  it('treats a requested, running, or not-yet-reconciled operation as in progress', () => {
    const requested = guestbook({ operation: { sync: { revision: 'HEAD' } } });
    expect(waitConditions(requested, all)).toEqual({ ready: false, operationInProgress: true });

    const running = guestbook();
    running.status!.operationState = { ...running.status!.operationState!, phase: 'Running', finishedAt: undefined };
    expect(waitConditions(running, all).operationInProgress).toBe(true);

    const unreconciled = guestbook();
    unreconciled.status!.reconciledAt = '2024-05-01T10:00:01Z';
    expect(waitConditions(unreconciled, all).operationInProgress).toBe(true);
  });

  it('checks only the selected resources when --resource is given', () => {
    const app = guestbook();
    app.status!.health = { status: 'Degraded' };
    app.status!.resources![1].health = { status: 'Degraded' };
    expect(waitConditions(app, { health: true }).ready).toBe(false);
    expect(waitConditions(app, { health: true }, parseResourceFilters(['apps:Deployment:guestbook-ui'])).ready).toBe(true);
  });

  it('can wait for suspended or degraded instead of healthy', () => {
    const app = guestbook();
    app.status!.health = { status: 'Degraded' };
    expect(waitConditions(app, { degraded: true }).ready).toBe(true);
    expect(waitConditions(app, { suspended: true }).ready).toBe(false);
  });
});
