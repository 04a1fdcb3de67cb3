import { deletePaths, jqCompare } from './delete-paths';
import type { JqPath } from './jq-evaluator';

// Expected results are what jq 1.7 prints for `delpaths(PATHS)` on the same input.
const cases: [string, unknown, JqPath[], unknown][] = [
  ['a field', { a: 1, b: 2 }, [['a']], { b: 2 }],
  ['a nested field, leaving its siblings', { a: { b: 1, c: 2 } }, [['a', 'b']], { a: { c: 2 } }],
  ['a missing field is no error', { a: 1 }, [['x', 'y']], { a: 1 }],
  ['through null is no error', { a: null }, [['a', 'b']], { a: null }],
  ['two items by their original indices, in any order', { l: ['x0', 'x1', 'x2', 'x3'] }, [['l', 0], ['l', 2]], { l: ['x1', 'x3'] }],
  ['the same, given backwards', { l: ['x0', 'x1', 'x2', 'x3'] }, [['l', 2], ['l', 0]], { l: ['x1', 'x3'] }],
  ['a negative index counts from the end', { l: ['x0', 'x1', 'x2'] }, [['l', -1]], { l: ['x0', 'x1'] }],
  ['one item named twice goes once', { l: ['x0', 'x1', 'x2', 'x3'] }, [['l', -1], ['l', 3]], { l: ['x0', 'x1', 'x2'] }],
  ['a slice', { l: ['x0', 'x1', 'x2', 'x3'] }, [['l', { start: 1, end: 3 }]], { l: ['x0', 'x3'] }],
  ['an open slice', { l: ['x0', 'x1', 'x2'] }, [['l', { start: 1, end: null }]], { l: ['x0'] }],
  ['a parent with its children', { a: { b: { c: 1 } }, d: 1 }, [['a', 'b', 'c'], ['a']], { d: 1 }],
  ['fields of items, then items', { l: [{ n: 'a', v: 1 }, { n: 'b', v: 2 }] }, [['l', 1], ['l', 0, 'v']], { l: [{ n: 'a' }] }],
  ['an index past the end is no error', { l: ['x0'] }, [['l', 5]], { l: ['x0'] }],
  ['the whole document is never deleted', { a: 1 }, [[]], { a: 1 }],
];

describe('deletePaths (jq delpaths)', () => {
  it.each(cases)('%s', (_name, doc, paths, expected) => {
    deletePaths(doc, paths);
    expect(doc).toEqual(expected);
  });
});

describe('jqCompare', () => {
  it('orders values as jq sorts them', () => {
    const values = [{ a: 1 }, ['a'], 'b', 'a', 2, -1, true, false, null];
    expect([...values].sort(jqCompare)).toEqual([null, false, true, -1, 2, 'a', 'b', ['a'], { a: 1 }]);
    expect([['a', 0, 'x'], ['a'], ['a', 0]].sort(jqCompare)).toEqual([['a'], ['a', 0], ['a', 0, 'x']]);
  });
});
