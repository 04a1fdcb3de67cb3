import { fromLabelSelectorObject, matchesLabels, parseLabelSelector, SelectorParseError } from './label-selector';

describe('label selectors', () => {
  const labels = { app: 'web', tier: 'frontend', 'app.kubernetes.io/part-of': 'shop' };

  it.each([
    ['app=web', true],
    ['app==web', true],
    ['app!=web', false],
    ['app!=api', true],
    ['missing!=x', true],
    ['app in (web,api)', true],
    ['app in (api)', false],
    ['app notin (api, db)', true],
    ['tier', true],
    ['!tier', false],
    ['!missing', true],
    ['app=web,tier=backend', false],
    ['app.kubernetes.io/part-of=shop,tier in (frontend)', true],
    ['', true],
  ])('%s → %s', (selector, expected) => {
    expect(matchesLabels(parseLabelSelector(selector), labels)).toBe(expected);
  });

  it('rejects an invalid key with the selector text', () => {
    expect(() => parseLabelSelector('a b=c')).toThrow(SelectorParseError);
  });

  it('reads metav1.LabelSelector objects', () => {
    const reqs = fromLabelSelectorObject({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }] });
    expect(matchesLabels(reqs, labels)).toBe(true);
    expect(matchesLabels(reqs, { app: 'web', tier: 'db' })).toBe(false);
    expect(() => fromLabelSelectorObject({ matchExpressions: [{ key: 'a', operator: 'Near' }] })).toThrow('"Near" is not a valid label selector operator');
  });
});
