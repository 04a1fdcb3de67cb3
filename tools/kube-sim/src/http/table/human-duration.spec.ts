import { humanDuration, since } from './human-duration';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe('humanDuration (kube duration.HumanDuration, what every AGE column shows)', () => {
  it.each([
    [0, '0s'],
    [45 * s, '45s'],
    [119 * s, '119s'],
    [2 * m, '2m'],
    [2 * m + 5 * s, '2m5s'],
    [9 * m + 59 * s, '9m59s'],
    [10 * m + 30 * s, '10m'],
    [15 * m, '15m'],
    [179 * m, '179m'],
    [3 * h, '3h'],
    [3 * h + 20 * m, '3h20m'],
    [7 * h + 59 * m, '7h59m'],
    [8 * h + 30 * m, '8h'],
    [47 * h, '47h'],
    [49 * h, '2d1h'],
    [2 * d + 5 * h, '2d5h'],
    [7 * d, '7d'],
    [8 * d + 2 * h, '8d'],
    [45 * d, '45d'],
    [367 * d, '367d'],
    [2 * 365 * d, '2y'],
    [2 * 365 * d + 100 * d, '2y100d'],
    [8 * 365 * d + 2 * h, '8y'],
  ])('%d ms reads %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });

  it('tolerates clocks up to two seconds apart, then says <invalid>', () => {
    expect(humanDuration(-1500)).toBe('0s');
    expect(humanDuration(-1999)).toBe('0s');
    expect(humanDuration(-2000)).toBe('<invalid>');
    expect(humanDuration(-5 * m)).toBe('<invalid>');
  });

  it('prints <unknown> for an unset or zero timestamp, like translateTimestampSince', () => {
    const now = Date.parse('2026-01-01T12:00:00Z');
    expect(since('2026-01-01T11:59:15Z', now)).toBe('45s');
    expect(since(undefined, now)).toBe('<unknown>');
    expect(since('0001-01-01T00:00:00Z', now)).toBe('<unknown>');
  });
});
