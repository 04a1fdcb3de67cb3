import { normalizeBooleanFlags } from './boolean-flags';

describe('normalizeBooleanFlags', () => {
  it("rewrites cobra's --flag=false/true for known boolean flags", () => {
    expect(normalizeBooleanFlags(['app', 'delete', 'x', '--cascade=false', '--yes=true'])).toEqual(['app', 'delete', 'x', '--no-cascade', '--yes']);
  });
  it('leaves value flags alone', () => {
    expect(normalizeBooleanFlags(['--revision=true', '--label=a=b'])).toEqual(['--revision=true', '--label=a=b']);
  });
});
