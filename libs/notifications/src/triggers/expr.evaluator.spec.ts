import { CompiledExpr, ExprEvalError, ExprSyntaxError } from './expr.evaluator';

const NOW = new Date('2024-05-01T12:00:00Z');

const app = {
  metadata: { name: 'guestbook', labels: { env: 'prod' }, deletionTimestamp: null },
  spec: { destination: { server: 'https://kubernetes.default.svc' } },
  status: {
    sync: { status: 'Synced', revision: 'abc123' },
    health: { status: 'Healthy', lastTransitionTime: '2024-05-01T11:58:00Z' },
    conditions: [{ type: 'SyncError', message: 'boom' }],
    operationState: {
      phase: 'Succeeded',
      startedAt: '2024-05-01T11:50:00Z',
      finishedAt: '2024-05-01T11:57:00Z',
      syncResult: { revision: 'abc123' },
    },
  },
};
const bare = { metadata: { name: 'fresh' }, status: { health: { status: 'Degraded' } } };

const run = (source: string, subject: unknown = app) => CompiledExpr.compile(source).evaluate({ vars: { app: subject }, now: () => NOW });

describe('expr evaluator', () => {
  it.each<[string, unknown, unknown]>([
    // Argo CD's catalog triggers, as users paste them.
    ["app.status.operationState != nil and app.status.operationState.phase in ['Succeeded']", app, true],
    ["app.status.operationState != nil and app.status.operationState.phase in ['Succeeded']", bare, false],
    ["app.status.operationState.phase in ['Error', 'Failed']", app, false],
    ["app.status.operationState.phase in ['Error', 'Failed']", bare, false],
    ["app.status.health.status == 'Degraded'", bare, true],
    ["app.status.health.status == 'Degraded'", app, false],
    ["app.status.sync.status == 'Unknown'", app, false],
    ['app.metadata.deletionTimestamp != nil', app, false],
    ['true', app, true],
    ['time.Now().Sub(time.Parse(app.status.operationState.startedAt)).Minutes() >= 5', app, true],
    ['time.Now().Sub(time.Parse(app.status.operationState.startedAt)).Minutes() >= 15', app, false],
    [
      "app.status.operationState != nil and app.status.operationState.phase in ['Succeeded'] and app.status.health.status == 'Healthy' and !time.Parse(app.status.health.lastTransitionTime).Before(time.Parse(app.status.operationState.finishedAt))",
      app,
      true,
    ],
    ['app.status.operationState?.syncResult?.revision', app, 'abc123'],
    ['app.status.operationState?.syncResult?.revision', bare, null],
    // Operators and precedence.
    ['1 + 2 * 3 == 7', app, true],
    ['not false and false', app, false],
    ['!(1 > 2) || false', app, true],
    ['false or true and false', app, false],
    ["'abc' matches '^a.c$'", app, true],
    ["app.metadata.name contains 'book'", app, true],
    ["app.metadata.name startsWith 'guest' && app.metadata.name endsWith 'book'", app, true],
    ["app.metadata.name not in ['a', 'b']", app, true],
    ["'env' in app.metadata.labels", app, true],
    ['len(app.status.conditions) == 1 and len(app.metadata.name) == 9', app, true],
    ["app.status.conditions[0].type == 'SyncError'", app, true],
    ["app.status.conditions[5]?.type ?? 'none'", app, 'none'],
    ["app.metadata['labels'].env == \"prod\"", app, true],
    ['app.status.sync.status == nil ? 1 : 2', app, 2],
    ["upper('a') + lower('B') + trim(' c ')", app, 'Abc'],
    ['time.Now().Sub(time.Parse(app.status.operationState.startedAt)) > 5 * time.Minute', app, true],
    ['time.Parse("2024-05-01T11:50:00.123456789+02:00").Unix()', app, 1714557000],
    ['3 % 2 == 1 and 2 ** 3 == 8 and -1 < 0', app, true],
    ['[1, 2] == [1, 2] and {a: 1}.a == 1', app, true],
  ])('%s', (source, subject, expected) => {
    expect(run(source, subject)).toEqual(expected);
  });

  it('reads a missing field anywhere in a chain as nil', () => {
    expect(run('app.status.operationState.syncResult.revision', bare)).toBeNull();
    expect(run('app.nothing.at.all == nil', bare)).toBe(true);
  });

  it.each<[string, RegExp]>([
    ["app.status.phase in ['Error'", /expected "," or "\]" but found end of expression \(column 29\)/],
    ['app.status ==', /unexpected end of expression \(column 14\)/],
    ["app.status.health.status = 'x'", /unexpected character "=" \(column 26\)/],
    ["'unterminated", /unterminated string \(column 1\)/],
    ['', /empty expression/],
    ['a b', /unexpected token "b" \(column 3\)/],
  ])('rejects %j with a located syntax error', (source, message) => {
    expect(() => CompiledExpr.compile(source)).toThrow(ExprSyntaxError);
    expect(() => CompiledExpr.compile(source)).toThrow(message);
  });

  it.each<[string, RegExp]>([
    ['time.Parse(app.status.operationState.startedAt)', /time.Parse expects an RFC 3339 string, got nil/],
    ["time.Parse('yesterday')", /not an RFC 3339 time/],
    ["app.status.health.status and true", /expected bool/],
    ['app.status.health.status > 1', /invalid operation: string > number/],
    ['time.Now().Foo()', /has no method Foo/],
    ['nope()', /nope is not a function/],
  ])('fails %j at run time with an ExprEvalError', (source, message) => {
    const evaluate = () => run(source, bare);
    expect(evaluate).toThrow(ExprEvalError);
    expect(evaluate).toThrow(message);
  });

  it('knows which Application fields an expression reads', () => {
    const expr = CompiledExpr.compile("app.status.operationState != nil and app.status.operationState.phase in ['Succeeded']");
    expect(expr.readsPath('app', 'status', 'operationState')).toBe(true);
    expect(CompiledExpr.compile("app.status.health.status == 'Degraded'").readsPath('app', 'status', 'operationState')).toBe(false);
    expect(CompiledExpr.compile('time.Now().Sub(time.Parse(app.status.operationState.startedAt)).Minutes() > 1').readsPath('app', 'status', 'operationState')).toBe(true);
  });
});
