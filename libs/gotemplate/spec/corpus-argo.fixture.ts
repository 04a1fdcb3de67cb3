// Corpus cases for the functions Argo CD adds to ApplicationSet Go templates (normalize, slugify,
// toYaml, fromYaml, fromYamlArray); the oracle registers Go equivalents of Argo's (oracle/argo.go).
import type { Case } from './oracle.harness';

const NAMES = [
  'My_App',
  'in-cluster',
  'Straße.Ünïcode',
  '--a..b--',
  'İstanbul',
  'KELVIN\u212a',
  '😀emoji😀x',
  'a'.repeat(260) + '-b',
  '.x.',
  'UPPER.lower-123',
  'tab\there',
  'x'.repeat(252) + '.-y',
  '',
];

const NAME_CASES = [
  ...NAMES.map((n) => `{{ normalize ${JSON.stringify(n)} }}|{{ slugify ${JSON.stringify(n)} }}`),
  '{{ slugify 10 false "abc.-def-ghi" }}|{{ slugify 10 true "abc.-def-ghi" }}|{{ slugify 0 false "abc" }}|{{ slugify 0 true "abc" }}',
  '{{ slugify 5 "Hello World" }}|{{ slugify 3 "ab-cd" }}|{{ slugify 4 "abcdefgh" }}|{{ slugify 2 true "a-b-c" }}|{{ slugify 5 false "a.b.c.d" }}',
  '{{ slugify 20 true "x" "ignored" "My App" }}|{{ slugify }}|{{ slugify "only-name" }}|{{ slugify 100 false "Long-Name-With.Dots" }}',
  '{{ slugify .name }}|{{ .name | slugify 8 false }}|{{ normalize .name }}|{{ normalize .cluster }}',
  '{{ slugify 2.0 "x" }}',
  '{{ slugify .f "x" }}',
  '{{ slugify -1 false "x" }}',
  '{{ slugify -1 true "abc" }}',
  '{{ slugify 5 "yes" "x" }}',
  '{{ slugify 5 true 7 }}',
  '{{ slugify .nul }}',
  '{{ slugify .missing }}',
  '{{ normalize 5 }}',
  '{{ normalize }}',
  '{{ slugify (int64 5) "abcdefgh" }}',
];

const LONG = 'aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp qqqq rrrr ssss tttt uuuu';

const STRINGS = [
  'yes',
  'Yes',
  'on',
  'OFF',
  'y',
  'n',
  'N',
  'true',
  'null',
  '~',
  '',
  '1.0',
  '1',
  '-1',
  '+1',
  '0x1F',
  '0o17',
  '017',
  '08',
  '1_000',
  '1e3',
  '.5',
  '.inf',
  '-.Inf',
  '.nan',
  '1:20',
  '12:30:45.5',
  '2001-12-14',
  '2001-12-14T21:59:43.10-05:00',
  '2001-1-2 3:4:5',
  '2001-13-40',
  '12345-01-01',
  'a: b',
  'a:b',
  '- x',
  '-x',
  '? q',
  ':x',
  'x #y',
  'x#y',
  '#c',
  ' lead',
  'trail ',
  'tab\there',
  'a\u0085b',
  '😀',
  'é',
  '\u00a0x',
  '@at',
  '`tick',
  "it's",
  'say "hi"',
  'back\\slash',
  '---',
  '...x',
  '<<',
  '=',
  'line1\nline2',
  'line1\nline2\n',
  'x\n\n',
  '\n',
  '\nlead',
  ' \nx',
  'x \ny',
  'x\n y',
  'a\u2028b',
  '\u0007bell',
  LONG,
  `"${LONG}"`,
  `${LONG}\n${LONG}`,
  'k'.repeat(90) + ' ' + 'v'.repeat(10),
  'a'.repeat(75) + '  b  c',
  'a'.repeat(81) + ' b',
];

const TO_YAML = [
  '{{ toYaml . }}',
  '{{ toYaml .cluster }}',
  '{{ toYaml .l }}',
  '{{ toYaml .m }}',
  '{{ toYaml .n }}|{{ toYaml .f }}|{{ toYaml .t }}|{{ toYaml .nul }}|{{ toYaml .missing }}|{{ toYaml .s }}',
  '{{ toYaml 3 }}|{{ toYaml 1e21 }}|{{ toYaml 0.000001 }}|{{ toYaml 1234567.5 }}|{{ toYaml 100000000000000000000.0 }}|{{ toYaml -0.0 }}|{{ toYaml 12345678901234567890.0 }}',
  '{{ toYaml (dict "replicas" (add 1 2) "ratio" (divf 1 4) "n" (int64 7) "s" (toString 5) "b" (eq 1 1)) }}',
  '{{ toYaml (list (list 1 2) (list) (dict) (dict "a" (list (dict "b" 1)))) }}',
  '{{ toYaml (dict "a10" 1 "a9" 2 "a09" 3 "A" 4 "_" 5 "b" 6 "1" 7 "10" 8 "2" 9 "a0" 10 "a00" 11 "ä" 12 "a-1" 13 "y" 14 "n" 15) }}',
  '{{ toYaml (divf 1 0) }}',
  '{{ toYaml (now | date "2006") | len }}',
  '{{ toYaml (toDate "2006-01-02" "2020-03-04") }}',
  '{{ toYaml (semver "1.2.3") }}',
  '{{ toYaml (b64dec "aGk=") }}',
  // encoding/json leaves NEL raw; go-yaml folds it in values and cannot take it (or a key past 1024) in a key.
  '{{ toYaml (dict "k" "a \\u0085\\u0085 b" "l" (list "x\\u0085y")) }}',
  '{{ toYaml (dict "v" "x\\u0085" "a\\u0085b" 1) }}',
  '{{ toYaml (dict (repeat 1100 "x") 1) }}',
  '{{ toYaml (dict (repeat 1022 "x") 1 (repeat 1023 "y") 2) }}',
  '{{ toYaml (dict "a" "1\\u0085\\u0085" "b\\u0085\\u0085c" 2) }}',
  // a tab next to a NEL: encoding/json escapes the tab, so go-yaml folds only the NEL
  '{{ toYaml (dict "k" "a:\\u0085\\tb" "l" " -\\t\\u0085bn") }}|{{ fromYaml (toYaml (dict "s" " -\\t\\u0085bn")) | toJson }}',
  '{{ toYaml (list .strs) }}',
  '{{ toYaml .strs }}',
  '{{ toYaml (dict "k" .strs) }}',
  '{{ toYaml .keys }}',
  '{{ toYaml (dict "outer" (dict "inner" .strs)) }}',
];

const YAML_DOCS = [
  'a: 1',
  'a: 1\nb: yes\nc: 1_000\nd: 0x10\ne: 1:20\nf: 2001-12-14\n1.5: x\ntrue: y\n2: two',
  'a: [1, 2.5, "3", on, null, ~]',
  'list:\n- a\n- b: c',
  '',
  'null',
  '# only a comment',
  '- 1\n- 2',
  '3',
  'abc',
  'true',
  'a: .inf',
  'a: &x {b: 1}\nc: *x',
  'base: &b {x: 1, y: 2}\nd:\n  <<: *b\n  y: 3',
  'a: 1\na: 2',
  '---\na: 1\n---\nb: 2',
  'a: |\n  text\n  more\nb: >\n  folded\n  line',
  "a: 'single ''q'''\nb: \"esc\\t\\u00e9\"",
  'a: !!str 3\nb: 12345678901234567890\nc: 0.1e1',
  'a: 0o17\nb: 017\nc: 08\nd: -0b101\ne: +12\nf: 1e400\ng: .5\nh: 2001-12-14t21:59:43.10-05:00',
  'nested:\n  deep:\n    list: [a, {b: [c]}]',
  'a: 1.10\nb: 1.0\nc: 100000000.0',
];

const FROM_YAML = [
  ...YAML_DOCS.map((d) => `{{ fromYaml ${JSON.stringify(d)} }}`),
  ...YAML_DOCS.map((d) => `{{ fromYamlArray ${JSON.stringify(d)} }}`),
  ...YAML_DOCS.map((d) => `{{ fromYaml ${JSON.stringify(d)} | toJson }}`),
  '{{ (fromYaml "a: 1").a | typeOf }}|{{ (fromYaml "a: 1").a }}|{{ index (fromYamlArray "- 2") 0 | typeOf }}|{{ (fromYaml "a: {b: c}").a.b }}',
  '{{ $v := fromYaml (toYaml .cluster) }}{{ $v.metadata.labels.env }}|{{ toYaml (fromYaml "z: 1\\na: [x]") }}|{{ fromYamlArray (toYaml .l) | len }}',
];

// Malformed YAML: go-yaml words syntax errors as libyaml does, we as the yaml package does (errorUpTo).
const BAD_YAML = [
  'a: [',
  'a: b: c',
  'a:\n  - x\n - y',
  '- a\nb: c',
  'a: "x',
  "a: 'x",
  'a: {b',
  '\tA: 1',
  'a: @x',
  'a: `x',
  'key: value\n  bad: indent',
  'a:\n\tb: 1',
  '[1, 2',
];

// Malformed in ways both name alike, or not malformed for go-yaml.
const ODD_YAML = [
  'a: -.inf\na: 1',
  'on: .nan\ntrue: 2',
  '!e_',
  'a: !foo\nb: !bar 3',
  'a: *nope',
  'a: !!int x',
  'a: !!float 3\nb: !!int "4"\nc: !!bool yes\nd: !!str 5',
  '{a: 1}}',
  '? a\n? b',
  '%YAML 1.1\n---\na: 1',
  '- [a, b]\n- {c: d}\n-',
];

const DATA = {
  name: 'Guestbook_UI.v2',
  cluster: 'https://Kubernetes.Default.svc:443',
  f: 3,
  nul: null,
  n: 3,
  s: 'str',
  t: true,
  l: ['a', 'b'],
  m: { b: 2, a: 1 },
  strs: STRINGS,
  keys: Object.fromEntries(STRINGS.map((s, i) => [s, i])),
};

// A billion laughs: go-yaml stops once aliases make up too much of what it decoded; and a self-reference.
const BOMB = [
  'a: &a [x, x, x, x, x, x, x, x, x, x]',
  ...'bcdefghi'.split('').map(
    (c, i) =>
      `${c}: &${c} [${Array(10)
        .fill('*' + 'abcdefgh'[i])
        .join(', ')}]`,
  ),
].join('\n');
const ALIASES = [
  BOMB,
  'a: &a [1, *a]',
  'a: &a {b: *a}',
  'a: &x [1, 2]\nb: [*x, *x, *x]',
  'base: &b {x: 1}\nlist: &l [{y: 2}, *b]\nm:\n  <<: *l\n  z: 3',
];

export function argoCorpus(): Case[] {
  const cluster = { name: 'in-cluster', server: 'https://kubernetes.default.svc', metadata: { labels: { env: 'prod', 'region-1': 'eu' } } };
  return [
    ...NAME_CASES.map((text) => ({ text, data: DATA, argo: true })),
    ...TO_YAML.map((text) => ({ text, data: { ...DATA, cluster }, argo: true })),
    ...TO_YAML.slice(0, 6).map((text) => ({ text, data: { ...DATA, cluster }, ints: true, argo: true })),
    ...FROM_YAML.map((text) => ({ text, data: { ...DATA, cluster }, argo: true })),
    ...BAD_YAML.map((d) => ({
      text: `{{ fromYaml ${JSON.stringify(d)} }}`,
      data: {},
      argo: true,
      errorUpTo: 'error converting YAML to JSON: yaml: ',
    })),
    ...BAD_YAML.map((d) => ({
      text: `{{ fromYamlArray ${JSON.stringify(d)} }}`,
      data: {},
      argo: true,
      errorUpTo: 'error converting YAML to JSON: yaml: ',
    })),
    ...ALIASES.map((d) => ({ text: `{{ fromYaml ${JSON.stringify(d)} | toJson | len }}`, data: {}, argo: true })),
    ...ODD_YAML.map((d) => ({
      text: `{{ fromYaml ${JSON.stringify(d)} }}|{{ fromYamlArray ${JSON.stringify(d)} }}`,
      data: {},
      argo: true,
    })),
  ];
}
