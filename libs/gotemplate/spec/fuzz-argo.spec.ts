// Property test for the Argo functions, printf's formats and time.Time's methods: random strings full of what YAML and
// slugs care about, random data through toYaml/fromYaml, random printf formats over floats and ints,
// rendered by Go (the oracle) and by us.
import { appendFileSync } from 'node:fs';
import fc from 'fast-check';
import { buildOracle, type Case, normalise, runOracle, runOurs } from './oracle.harness';

const RUNS = Number(process.env.GOTEMPLATE_FUZZ_RUNS ?? 1500);
const CHARS = [
  ' ',
  ' ',
  ':',
  '#',
  '-',
  '?',
  '\n',
  '\t',
  '"',
  "'",
  '\\',
  'é',
  'İ',
  '😀',
  '\u0085',
  '\u00a0',
  'y',
  'n',
  'o',
  'N',
  '0',
  '1',
  '9',
  '.',
  ',',
  '!',
  '&',
  '*',
  '[',
  '{',
  '|',
  '>',
  '%',
  '@',
  '`',
  '~',
  '_',
  'a',
  'b',
  'Z',
  'x',
  'e',
  '+',
  '<',
];
const tricky = fc.array(fc.constantFrom(...CHARS), { maxLength: 12 }).map((cs) => cs.join(''));
const long = fc
  .array(fc.oneof(fc.constantFrom('word', 'x', 'a:b', '#', '-'), tricky), { minLength: 10, maxLength: 40 })
  .map((ws) => ws.join(' '));
const str = fc.oneof(tricky, tricky, long);
const scalar = fc.oneof(
  str,
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(str, tie('value'), { maxKeys: 3 }),
  ),
})).value;

// YAML documents built from what go-yaml's YAML 1.1 reading treats specially (fromYaml of arbitrary text
// mostly tests how two parsers word syntax errors, which the corpus checks only by prefix).
const WORDS = [
  'yes',
  'No',
  'on',
  'OFF',
  'y',
  'n',
  '~',
  'null',
  '1_000',
  '0x1F',
  '0o17',
  '017',
  '08',
  '1e3',
  '.5',
  '-.inf',
  '1:20',
  '2001-12-14',
  '12:30',
  '+1',
  '-0',
  '0b101',
  '-0b11',
  '1.0',
  '1.',
  'abc',
  'a b',
  'é',
  'true',
  'False',
  "'q'",
  '"d\\tq"',
  '[1, y]',
  '{a: n}',
  '!!str 5',
  '!!float 3',
  '1e400',
  '12345678901234567890',
  '2001-12-14 21:59:43.10',
  '-',
  'x # c',
  '0.1e+2',
  '+.5',
  '._5',
  '1__0',
  '0_0_1',
  '!x',
  '9223372036854775808',
  '-9223372036854775809',
  '0xFFFFFFFFFFFFFFFF',
];
const KEYS = ['a', 'b', 'y', 'n', '1', '1.5', 'true', 'on', '"q"', '0x10', '-1', '1e3'];
const yamlDoc = fc
  .array(fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(...WORDS), fc.boolean(), fc.constantFrom(...WORDS)), {
    minLength: 1,
    maxLength: 5,
  })
  .map((entries) => entries.map(([k, v, nested, w]) => (nested ? `${k}:\n  - ${v}\n  - k: ${w}` : `${k}: ${v}`)).join('\n'));
const yamlList = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 }).map((ws) => ws.map((w) => `- ${w}`).join('\n'));

const YAML_TEMPLATES = [
  '{{ toYaml .v }}',
  '{{ toYaml . }}',
  '{{ toYaml (list .v .s) }}',
  '{{ fromYaml (toYaml .) | toJson }}',
  '{{ fromYamlArray (toYaml (list .v)) | toJson }}',
];
const NAME_TEMPLATES = [
  '{{ normalize .s }}',
  '{{ slugify .s }}',
  '{{ slugify 8 false .s }}',
  '{{ slugify 5 true .s }}',
  '{{ slugify 0 false .s }}',
];

const piece = fc.oneof(
  fc.constantFrom(
    '%',
    '%',
    '[1]',
    '[2]',
    '[3]',
    '*',
    '.',
    '#',
    '+',
    '-',
    ' ',
    '0',
    '3',
    '12',
    'e',
    'E',
    'f',
    'F',
    'g',
    'G',
    'x',
    'X',
    'b',
    'v',
    'd',
    's',
    'q',
    '|',
  ),
);
const format = fc.array(piece, { minLength: 1, maxLength: 10 }).map((ps) => ps.join(''));
const arg = fc.oneof(
  fc.integer({ min: -20, max: 20 }).map(String),
  fc
    .double({ noNaN: true, noDefaultInfinity: true })
    .map((d) => (Number.isInteger(d) ? `${d}.0` : String(d)))
    .filter((s) => !/e/.test(s) || /e[-+]?\d+$/.test(s)),
  fc.constantFrom('(float64 "NaN")', '(float64 "-Inf")', '"str"', '.v', 'true'),
);
const printf = fc.tuple(format, fc.array(arg, { maxLength: 4 })).map(([f, as]) => `{{ printf ${JSON.stringify(f)} ${as.join(' ')} }}`);

// Times anywhere from year 1 to 9999 in fixed zones, and what templates do with them (not UnixMicro or
// UnixNano, which pass 2^53 there: see the README's limits).
const pad = (n: number, w: number): string => String(n).padStart(w, '0');
const stamp = fc
  .tuple(
    fc.integer({ min: 1, max: 9999 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
    fc.integer({ min: 0, max: 86399 }),
    fc.integer({ min: 0, max: 999_999_999 }),
    fc.constantFrom('Z', '+00:00', '-03:30', '+14:00', '+05:45'),
  )
  .map(
    ([y, mo, d, s, ns, z]) =>
      `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(Math.floor(s / 3600), 2)}:${pad(Math.floor(s / 60) % 60, 2)}:${pad(s % 60, 2)}.${pad(ns, 9)}${z}`,
  );
const dur = fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.constantFrom(0, 1, -1, 1e9, 36e11, 864e11, 7e9, 25200e9, 9e15, -9e15));
const TIME_METHODS = ['Year', 'Month', 'Day', 'YearDay', 'Weekday', 'Hour', 'Nanosecond', 'Unix', 'UnixMilli', 'UTC', 'Location', 'IsZero'];
const timeCall = fc.oneof(
  fc.constantFrom(...TIME_METHODS),
  dur.map((d) => `Add ${d}`),
  dur.map((d) => `Truncate ${d}`),
  dur.map((d) => `Round ${d}`),
  fc
    .tuple(fc.integer({ min: -30, max: 30 }), fc.integer({ min: -30, max: 30 }), fc.integer({ min: -400, max: 400 }))
    .map(([y, m, d]) => `AddDate ${y} ${m} ${d}`),
  fc.constantFrom('Format "Mon Jan _2 15:04:05.000 MST -07:00 2006 002"', 'Format "3:04PM .999999999 Z0700"'),
);
const DURATION_CALLS = [
  '',
  '.Hours',
  '.Minutes',
  '.Seconds',
  '.Milliseconds',
  '.Abs',
  '.Round 3600000000000',
  '.Truncate 7000000000',
  '.Round 1000',
];
const timeTemplate = fc.oneof(
  fc.tuple(stamp, timeCall).map(([t, m]) => `{{ (mustToDate "2006-01-02T15:04:05.999999999Z07:00" "${t}").${m} }}`),
  fc
    .tuple(stamp, stamp, fc.constantFrom(...DURATION_CALLS))
    .map(
      ([a, b, m]) =>
        `{{ ((mustToDate "2006-01-02T15:04:05.999999999Z07:00" "${a}").Sub (mustToDate "2006-01-02T15:04:05.999999999Z07:00" "${b}"))${m} }}`,
    ),
);

describe('gotemplate fuzz: Argo functions, printf formats and time methods (fast-check vs the Go oracle)', () => {
  it(`agrees with Go on ${RUNS} random cases`, () => {
    const gen = fc.oneof(
      fc.record({ text: fc.constantFrom(...YAML_TEMPLATES), data: fc.record({ v: json, s: str }) }),
      fc.record({ text: fc.constantFrom(...NAME_TEMPLATES), data: fc.record({ s: str }) }),
      fc.record({
        text: fc.constant('{{ fromYaml .s | toJson }}|{{ fromYamlArray .s | toJson }}'),
        data: fc.record({ s: fc.oneof(yamlDoc, yamlList) }),
      }),
      fc.record({ text: printf, data: fc.record({ v: scalar }) }),
      fc.record({ text: timeTemplate, data: fc.constant({}) }),
    );
    const sample = fc.sample(gen, { numRuns: RUNS, seed: Number(process.env.GOTEMPLATE_FUZZ_SEED ?? 20261208) });
    // Syntax errors in YAML are worded by libyaml on one side and the yaml package on the other.
    const cases: Case[] = sample.map((c) => ({ ...c, argo: true, errorUpTo: 'error converting YAML to JSON: yaml: ' }));
    const want = runOracle(buildOracle(), cases);
    const diffs: string[] = [];
    cases.forEach((c, i) => {
      const ours = JSON.stringify(normalise(runOurs(c), c));
      const go = JSON.stringify(normalise(want[i], c));
      if (ours !== go) diffs.push(`${JSON.stringify(c.text)} data=${JSON.stringify(c.data)}\n  go: ${go}\n  ts: ${ours}`);
      if (ours !== go && process.env.GOTEMPLATE_FUZZ_DUMP)
        appendFileSync(process.env.GOTEMPLATE_FUZZ_DUMP, JSON.stringify({ c, go, ours }) + '\n');
    });
    console.log(`gotemplate argo/printf/time fuzz: ${cases.length} cases, ${diffs.length} differences`);
    expect(diffs.slice(0, 20)).toEqual([]);
  }, 60_000);
});
