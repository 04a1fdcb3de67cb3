import { guestbook } from './app.fixture';
import { applySetSyncPolicy, goDurationFlag, goDurationString, parseGoDuration } from './app-sync-policy.builder';

describe("app set's retry and allow-empty flags", () => {
  it('sets the retry strategy with argocd defaults for the backoff not given', () => {
    const spec = guestbook().spec;
    applySetSyncPolicy(spec, { syncRetryLimit: 3, syncRetryBackoffDuration: '10s' });
    expect(spec.syncPolicy).toEqual({ automated: { prune: true, selfHeal: true }, retry: { limit: 3, backoff: { duration: '10s', maxDuration: '3m0s', factor: 2 } } });
  });

  it('drops the retry strategy with a limit of 0, and the sync policy when nothing is left', () => {
    const spec = guestbook().spec;
    spec.syncPolicy = { retry: { limit: 2 } };
    applySetSyncPolicy(spec, { syncRetryLimit: 0 });
    expect(spec.syncPolicy).toBeUndefined();
    expect(() => applySetSyncPolicy(spec, { syncRetryLimit: -1 })).toThrow('Invalid sync-retry-limit [-1]');
  });

  it('records allow-empty, leaving a manual app manual', () => {
    const spec = guestbook().spec;
    delete spec.syncPolicy;
    applySetSyncPolicy(spec, { allowEmpty: true });
    expect(spec.syncPolicy).toEqual({ automated: { enabled: false, allowEmpty: true } });
  });

  it('reads and prints durations as Go does', () => {
    expect(goDurationFlag('2m')).toBe('2m0s');
    expect(goDurationFlag('1h')).toBe('1h0m0s');
    expect(goDurationFlag('90s')).toBe('1m30s');
    expect(goDurationFlag('1.5s')).toBe('1.5s');
    expect(goDurationFlag('500ms')).toBe('500ms');
    expect(goDurationString(parseGoDuration('1h2m3s'))).toBe('1h2m3s');
    expect(() => goDurationFlag('5')).toThrow('time: missing unit in duration "5"');
    expect(() => goDurationFlag('soon')).toThrow('time: invalid duration "soon"');
  });
});
