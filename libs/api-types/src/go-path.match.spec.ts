import { BadPatternError, goPathMatch } from './go-path.match';

describe('goPathMatch (Go path.Match)', () => {
  it.each([
    ['apps/*', 'apps/guestbook', true],
    ['apps/*', 'apps/guestbook/overlays', false],
    ['apps/*', 'apps', false],
    ['*', 'apps', true],
    ['apps/?uestbook', 'apps/guestbook', true],
    ['apps/?', 'apps//', false],
    ['apps/[a-c]*', 'apps/billing', true],
    ['apps/[^a-c]*', 'apps/billing', false],
    ['apps/[!a]*', 'apps/!x', true],
    ['apps/\\*', 'apps/*', true],
    ['apps/\\*', 'apps/x', false],
    ['apps/a.b', 'apps/axb', false],
    ['apps/(x)+', 'apps/(x)+', true],
    ['apps/[z-a]', 'apps/q', false],
  ])('%s against %s is %s', (pattern, name, matches) => {
    expect(goPathMatch(pattern, name)).toBe(matches);
  });

  it.each(['apps/[', 'apps/[]', 'apps/[a-]', 'apps/\\', 'apps/[-a]'])('rejects the malformed pattern %s', (pattern) => {
    expect(() => goPathMatch(pattern, 'apps/x')).toThrow(BadPatternError);
  });
});
