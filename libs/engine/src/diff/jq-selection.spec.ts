import type { JqEvaluator, JqPathsResult } from './jq-evaluator';
import { deleteJqSelection } from './jq-selection';

/** Answers every expression the same way, as a real jq would for one kind of outcome. */
const answering = (result: JqPathsResult): JqEvaluator => ({ paths: () => result });

describe('deleteJqSelection', () => {
  it('deletes what jq selects', () => {
    const doc = { spec: { replicas: 3, paused: false } };
    expect(deleteJqSelection(doc, '.spec.replicas', answering({ ok: true, paths: [['spec', 'replicas']] }))).toBeUndefined();
    expect(doc).toEqual({ spec: { paused: false } });
  });

  it.each([
    ['compile', 'syntax error, unexpected INVALID_CHARACTER', 'ignoreDifferences jqPathExpression ".a |||" is not valid jq: syntax error'],
    ['path', 'Invalid path expression', 'ignoreDifferences jqPathExpression ".a |||" does not select paths: Invalid path expression'],
    ['timeout', 'jq did not finish within 1000 ms', 'ignoreDifferences jqPathExpression ".a |||" timed out: jq did not finish within 1000 ms'],
    ['unavailable', 'jq aborted', 'ignoreDifferences jqPathExpression ".a |||" could not be evaluated: jq aborted'],
  ] as const)('reports a %s failure, naming the expression and what jq said, and deletes nothing', (kind, message, warning) => {
    const doc = { a: 1 };
    expect(deleteJqSelection(doc, '.a |||', answering({ ok: false, kind, message }))).toContain(warning);
    expect(doc).toEqual({ a: 1 });
  });

  it('skips a failure on this document only, as Argo does (e.g. iterating over a list it lacks)', () => {
    const doc = { spec: {} };
    expect(deleteJqSelection(doc, '.spec.initContainers[]', answering({ ok: false, kind: 'runtime', message: 'Cannot iterate over null (null)' }))).toBeUndefined();
    expect(doc).toEqual({ spec: {} });
  });

  it('refuses to delete the whole object', () => {
    const doc = { a: 1 };
    expect(deleteJqSelection(doc, '.', answering({ ok: true, paths: [[]] }))).toMatch(/selects the whole object/);
    expect(doc).toEqual({ a: 1 });
  });

  it('says so when the component has no jq', () => {
    expect(deleteJqSelection({ a: 1 }, '.a', undefined)).toMatch(/was not evaluated/);
  });
});
