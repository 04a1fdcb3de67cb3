// Property test: random templates and data, rendered by Go and by us, must agree.
import fc from 'fast-check';
import { buildOracle, type Case, normalise, runOracle, runOurs } from './oracle.harness';

const RUNS = Number(process.env.GOTEMPLATE_FUZZ_RUNS ?? 5000);
const key = fc.constantFrom('a', 'b', 'c', 'name', 'list');
const scalar = fc.oneof(
  fc.string({ maxLength: 6 }), fc.integer({ min: -1000, max: 1000 }), // Integers beyond 2^53 are out: GoInt holds a JS number (see the README's limits).
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Number.isInteger(d) || Math.abs(d) < 2 ** 53),
  fc.boolean(), fc.constant(null), fc.constantFrom(0, 1e6, 2.5, 1e21, 1e-7, -0.5),
);
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(key, tie('value'), { maxKeys: 3 })),
})).value;

const field = fc.array(key, { minLength: 1, maxLength: 3 }).map((ks) => '.' + ks.join('.'));
const literal = fc.oneof(
  fc.integer({ min: -50, max: 50 }).map(String), fc.constantFrom('1.5', '1e6', '0x10', "'a'", 'true', 'false', 'nil'),
  fc.string({ maxLength: 5 }).map((s) => JSON.stringify(s)),
);
const operand = fc.oneof(field, literal, fc.constant('.'), fc.constant('$'));
// keys is left out: Go returns map keys in random order.
const FUNCS = [
  'len', 'index', 'print', 'printf "%v"', 'printf "%d"', 'printf "%s"', 'printf "%q"', 'eq', 'ne', 'lt', 'le', 'and', 'or', 'not', 'html', 'js',
  'urlquery', 'upper', 'lower', 'quote', 'squote', 'default', 'empty', 'toJson', 'toString', 'trim', 'title', 'list', 'dict', 'first',
  'last', 'add', 'sub', 'mul', 'int', 'float64', 'join ","', 'trunc 3', 'indent 2', 'b64enc', 'toPrettyJson', 'coalesce', 'has',
  'contains "a"', 'replace "a" "b"', 'hasKey', 'get', 'uniq', 'compact', 'kindOf', 'typeOf', 'max', 'sortAlpha', 'splitList ","', 'cat',
  'snakecase', 'kebabcase', 'abbrevboth 2 8', 'abbrev 5', 'semverCompare "^1.x || <0.5"', 'semver', 'urlParse', 'urlJoin', 'duration',
  'durationRound', 'toDate "2006-01-02"', 'mustToDate "Jan 2 15:04"', 'dateModify "1h"', 'derivePassword 1 "pin" "p" "u"',
];
const command = fc.oneof(
  operand,
  fc.tuple(fc.constantFrom(...FUNCS), fc.array(operand, { maxLength: 3 })).map(([f, args]) => [f, ...args].join(' ')),
);
const pipeline = fc.array(command, { minLength: 1, maxLength: 3 }).map((cmds) => cmds.join(' | '));
const action = fc.oneof(
  pipeline.map((p) => `{{ ${p} }}`),
  fc.tuple(pipeline, fc.string({ maxLength: 3 })).map(([p, t]) => `{{ if ${p} }}${t}{{ else }}E{{ end }}`),
  fc.tuple(pipeline, pipeline).map(([p, q]) => `{{ range $i, $v := ${p} }}{{ $i }}:{{ ${q} }};{{ else }}none{{ end }}`),
  fc.tuple(pipeline, pipeline).map(([p, q]) => `{{ with ${p} }}{{ ${q} }}{{ end }}`),
  fc.tuple(fc.constantFrom('{{-', '{{'), pipeline, fc.constantFrom('-}}', '}}')).map(([l, p, r]) => ` ${l} ${p} ${r} `),
);
const template = fc.array(fc.oneof(action, fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 4 }).map((xs) => xs.join(''));

describe('gotemplate fuzz (fast-check vs the Go oracle)', () => {
  it(`agrees with Go on ${RUNS} random templates and data`, () => {
    const cases: Case[] = fc.sample(
      fc.record({ text: template, data: fc.dictionary(key, json, { maxKeys: 5 }), ints: fc.boolean() }),
      { numRuns: RUNS, seed: Number(process.env.GOTEMPLATE_FUZZ_SEED ?? 20240501) },
    );
    const want = runOracle(buildOracle(), cases);
    const diffs: string[] = [];
    cases.forEach((c, i) => {
      const ours = JSON.stringify(normalise(runOurs(c), {}));
      const go = JSON.stringify(normalise(want[i], {}));
      if (ours !== go) diffs.push(`${JSON.stringify(c.text)} data=${JSON.stringify(c.data)} ints=${c.ints}\n  go: ${go}\n  ts: ${ours}`);
    });
    console.log(`gotemplate fuzz: ${cases.length} cases, ${diffs.length} differences`);
    expect(diffs.slice(0, 20)).toEqual([]);
  }, 60_000);
});
