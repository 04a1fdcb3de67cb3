import { maxSatisfying } from './semver-range';

// Helm's constraint language (Masterminds semver), checked on the versions a chart index lists.
const versions = ['0.1.0', '0.1.5', '0.2.0', '1.0.0', '1.2.0', '1.2.9', '1.3.0-rc.1', '1.10.1', '2.0.0', 'v2.1.0'];

describe('maxSatisfying', () => {
  it.each([
    ['1.2.0', '1.2.0'],
    ['*', 'v2.1.0'],
    ['', 'v2.1.0'],
    ['^1.0.0', '1.10.1'],
    ['^0.1.0', '0.1.5'],
    ['~1.2.0', '1.2.9'],
    ['~1', '1.10.1'],
    ['1.2.x', '1.2.9'],
    ['1.x', '1.10.1'],
    ['>=1.0.0 <1.3.0', '1.2.9'],
    ['>=1.0.0, <1.3.0', '1.2.9'],
    ['>1.2', 'v2.1.0'],
    ['<=1.2', '1.2.9'],
    ['1.0.0 - 1.2.0', '1.2.0'],
    ['<1.0.0 || >=2.0.0 <2.1.0', '2.0.0'],
    ['>=1.3.0-0 <1.4.0', '1.3.0-rc.1'],
    ['!=2.0.0, >=2.0.0', 'v2.1.0'],
    ['~3.0', undefined],
  ])('%s → %s', (constraint, expected) => {
    expect(maxSatisfying(versions, constraint)).toBe(expected);
  });

  it('leaves prereleases out unless the constraint names one', () => {
    expect(maxSatisfying(['1.0.0', '1.1.0-beta.1'], '^1.0.0')).toBe('1.0.0');
    expect(maxSatisfying(['1.1.0-beta.1', '1.1.0-beta.2', '1.1.0-alpha'], '>=1.1.0-alpha')).toBe('1.1.0-beta.2');
  });
});
