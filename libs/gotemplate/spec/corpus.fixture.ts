// The differential corpus: every case is rendered by Go (the oracle) and by us; outputs must match.
import type { Case } from './oracle.harness';
import { sprigCorpus } from './corpus-sprig.fixture';
import { argoCorpus } from './corpus-argo.fixture';
import { fmtCorpus } from './corpus-fmt.fixture';
import { timeCorpus } from './corpus-time.fixture';

const DATA = {
  name: 'guestbook', s: 'Hello, World', empty: '', n: 3, f: 2.5, big: 1e6, neg: -7, zero: 0, t: true, no: false,
  nul: null, l: ['a', 'b', 'c'], nums: [3, 1, 2], mixed: [1, 'two', null, true, 2.5], el: [], em: {},
  m: { b: 2, a: 1, c: { d: 'deep' } }, str: 'a-b_c d', path: '/a/b/../c.txt', url: 'https://example.com/x?y=1',
  cluster: { name: 'in-cluster', server: 'https://kubernetes.default.svc', metadata: { labels: { env: 'prod', region: 'eu-west-1' } } },
  values: { image: { repository: 'nginx', tag: '1.25' }, replicaCount: 2, service: { port: 80 }, nameOverride: '', fullnameOverride: '' },
  Chart: { Name: 'mychart', Version: '0.1.0+build.1', AppVersion: '1.16.0' }, Release: { Name: 'rel', Namespace: 'default', Service: 'Helm' },
};

const GENERIC = [
  // printing
  '{{.}}', '{{.name}}', '{{.n}} {{.f}} {{.big}} {{.neg}} {{.zero}}', '{{.t}} {{.no}} {{.nul}} {{.missing}}', '{{.l}} {{.mixed}}',
  '{{.el}} {{.em}}', '{{.m}}', '{{.m.c}}', '{{.m.c.d}}', '{{.missing.x}}', '{{ 1 }} {{ 1.0 }} {{ -1 }} {{ 0x1F }} {{ 1e3 }} {{ \'a\' }}',
  '{{ 0o17 }} {{ 0b101 }} {{ 1_000 }} {{ 3.0e-5 }} {{ 123456.5 }} {{ 1234567.0 }}', '{{ "a\\tb" }} {{ `raw\\n` }}', '{{ true }} {{ false }}',
  // printf
  '{{ printf "%d|%5d|%-5d|%05d|%x|%X|%o|%b|%c|%q|%U" 42 42 42 42 255 255 8 5 65 65 65 }}',
  '{{ printf "%s|%10s|%-10s|%.2s|%q|%x|% x|%#q" "héllo" "r" "l" "trunc" "q\\"" "hi" "hi" "bq" }}',
  '{{ printf "%f|%.2f|%5.2f|%e|%E|%g|%G|%.3g|%v|%+.1f" 3.14159 3.14159 3.14159 1234.5678 0.000123 1e21 1e-7 123456.0 2.5 3.0 }}',
  '{{ printf "%t|%v|%+v|%T|%T|%T|%T" true .m .m .n .l .m .s }}', '{{ printf "%v %v %v" .nul .missing .el }}',
  '{{ printf "%d %s" "str" 5 }}', '{{ printf "%d" }}', '{{ printf "%d" 1 2 }}', '{{ printf "%!" }}', '{{ printf "%%|%z" 1 }}',
  '{{ printf "%*d|%-*d|%.*f" 5 1 5 1 2 3.14159 }}', '{{ printf "%v" .mixed }}', '{{ printf "%q" .l }}', '{{ printf "%x" .s }}',
  '{{ printf "%#v" .l }}', '{{ printf "%#v" .m }}', '{{ printf "%06.2f|%+d|% d" 3.14159 5 5 }}', '{{ printf "%s" .nums }}',
  '{{ printf "%d" .nums }}', '{{ printf "%d" .n }}', '{{ printf "%.0f %.1f %.2f" 0.5 0.25 0.125 }}', '{{ printf "%g" 100000.0 }}',
  '{{ print "a" 1 2 "b" .nul }}', '{{ println "a" 1 .t }}', '{{ print }}', '{{ print .l .m }}',
  // control flow
  '{{ if .t }}T{{ end }}', '{{ if .no }}T{{ else }}F{{ end }}', '{{ if .no }}1{{ else if .zero }}2{{ else if .l }}3{{ end }}',
  '{{ if .missing }}x{{ else }}none{{ end }}', '{{ if .em }}x{{ else }}emptymap{{ end }}', '{{ if .nul }}x{{ else }}nul{{ end }}',
  '{{ with .name }}{{ . }}{{ end }}', '{{ with .empty }}x{{ else }}e{{ end }}', '{{ with $x := .m }}{{ $x.a }}{{ end }}',
  '{{ range .l }}[{{ . }}]{{ end }}', '{{ range $i, $e := .l }}{{ $i }}:{{ $e }} {{ end }}', '{{ range $k, $v := .m }}{{ $k }}={{ $v }};{{ end }}',
  '{{ range .el }}x{{ else }}empty{{ end }}', '{{ range .missing }}x{{ else }}none{{ end }}', '{{ range $v := .nums }}{{ $v }}{{ end }}',
  '{{ range .l }}{{ if eq . "b" }}{{ break }}{{ end }}{{ . }}{{ end }}', '{{ range .l }}{{ if eq . "b" }}{{ continue }}{{ end }}{{ . }}{{ end }}',
  '{{ range .s }}{{ end }}', '{{ range .n }}{{ end }}', '{{ range $i, $c := .cluster }}{{ $i }} {{ end }}',
  '{{ $x := 1 }}{{ range .l }}{{ $x = . }}{{ end }}{{ $x }}', '{{ $ }}', '{{ range .l }}{{ $.name }}{{ end }}',
  '{{ $a := "x" }}{{ with .m }}{{ $a }}{{ .a }}{{ end }}', '{{ (.m).a }} {{ (index .m "c").d }}', '{{ ($x := 5) }} {{ $x }}',
  // whitespace and comments
  'a  {{- .n -}}  b', 'a\n{{- /* comment */ -}}\nb', '{{/* c */}}x', 'x {{- "y" }} z', '{{ "a" -}}\n\n  b', '{{- 3 }}',
  // templates
  '{{ define "t1" }}T1:{{ . }}{{ end }}{{ template "t1" .n }}', '{{ define "t2" }}[{{ .a }}]{{ end }}{{ template "t2" .m }}{{ template "t2" }}',
  '{{ block "b" .l }}{{ len . }}{{ end }}', '{{ template "nope" }}', '{{ define "r" }}{{ if . }}{{ . }}{{ template "r" (slice . 1) }}{{ end }}{{ end }}{{ template "r" "abc" }}',
  // comparisons
  '{{ eq .n 3.0 }} {{ eq .name "guestbook" }} {{ eq 1 2 3 1 }} {{ ne 1 2 }} {{ lt 1 2 }} {{ le 2 2 }} {{ gt "b" "a" }} {{ ge 1.5 2.5 }}',
  '{{ eq .n 3 }}', '{{ lt .n 1 }}', '{{ eq .missing .nul }}', '{{ eq .missing "x" }}', '{{ eq .l .l }}', '{{ lt true false }}',
  '{{ eq "a" 1 }}', '{{ eq }}', '{{ eq 1 }}', '{{ and 1 0 2 }} {{ or 0 "" "x" }} {{ and }} {{ or .missing .nul }} {{ not 0 }} {{ not .l }}',
  '{{ and .t .name }} {{ or .no .zero }} {{ and .no (index .l 99) }} {{ or 1 (index .l 99) }}',
  // builtins
  '{{ len .l }} {{ len .m }} {{ len .s }} {{ len "héllo" }}', '{{ len .n }}', '{{ len .nul }}', '{{ len .missing }}',
  '{{ index .l 0 }} {{ index .m "a" }} {{ index .m "zz" }} {{ index .cluster "metadata" "labels" "env" }} {{ index "abc" 1 }}',
  '{{ index .l 5 }}', '{{ index .l 3 }}', '{{ index .l -1 }}', '{{ index .nul 1 }}', '{{ index .n 1 }}', '{{ index .l "x" }}', '{{ index .m 1 }}',
  '{{ html "<a href=\'x\'>&\\"</a>" }} {{ js "<tag> \'q\' \\"d\\" = &" }} {{ urlquery "a b/c?d=é" }} {{ html 1 2 }} {{ html .missing }}',
  '{{ call .n }}', '{{ .n.foo }}', '{{ .s.foo }}', '{{ .nul.foo }}', '{{ .l.foo }}', '{{ .m.a.b }}', '{{ $.m.zz.yy }}', '{{ .m.a 1 }}',
  '{{ 1 2 }}', '{{ .n | .m }}', '{{ "x" | printf "%s-%s" "y" }}', '{{ .l | len }}', '{{ .name | upper | quote }}',
  // sprig strings
  '{{ trim "  x  " }}|{{ upper .s }}|{{ lower .s }}|{{ title "hello wOrld-foo bar_baz" }}|{{ untitle "Hello" }}',
  '{{ replace "o" "0" .s }}|{{ contains "World" .s }}|{{ hasPrefix "He" .s }}|{{ hasSuffix "x" .s }}',
  '{{ trunc 5 .s }}|{{ trunc -5 .s }}|{{ trunc 50 .s }}|{{ trunc 0 .s }}|{{ trunc -50 .s }}',
  '{{ quote "a" 1 .nul .t "b\\"c" }}|{{ squote "a" 1 .nul }}|{{ quote .l }}|{{ quote }}', '{{ cat "a" 1 .nul "b" }}',
  '{{ indent 4 "a\\nb" }}|{{ nindent 2 "x" }}|{{ "a\\nb" | indent 2 }}', '{{ substr 1 3 "hello" }}|{{ substr 0 10 "hi" }}|{{ substr -1 2 "hello" }}',
  '{{ repeat 3 "ab" }}|{{ trimAll "$" "$$a$$" }}|{{ trimSuffix ".txt" "a.txt" }}|{{ trimPrefix "a" "aab" }}|{{ nospace " a b\\tc " }}',
  '{{ initials "first last" }}|{{ swapcase "Hello World" }}|{{ abbrev 5 "hello world" }}|{{ plural "one" "many" 2 }}|{{ plural "one" "many" 1 }}',
  '{{ camelcase "http_server_a" }}|{{ camelcase "_a__b" }}',
  '{{ wrap 5 "hello world again" }}|{{ wrapWith 5 "\\t" "hello world" }}',
  '{{ splitList "," "a,b,,c" }}|{{ splitList "" "abc" }}|{{ split "/" "a/b" }}|{{ (split "/" "a/b")._1 }}|{{ splitn "/" 2 "a/b/c" }}',
  '{{ join "," .l }}|{{ join "-" .mixed }}|{{ join "," .s }}|{{ join "," .nums }}|{{ toStrings .mixed }}|{{ sortAlpha .l }}|{{ sortAlpha .nums }}',
  '{{ toString 1 }}|{{ toString .f }}|{{ toString .l }}|{{ toString .nul }}|{{ atoi "42" }}|{{ atoi "x" }}|{{ int "12" }}|{{ int 3.9 }}|{{ int64 .f }}|{{ float64 "1.5" }}|{{ float64 2 }}',
  '{{ int "0x1F" }}|{{ int "1.0" }}|{{ int "1.5" }}|{{ int .t }}|{{ int .nul }}|{{ float64 "x" }}|{{ toDecimal "777" }}',
  '{{ upper 5 }}', '{{ trunc "3" "abc" }}', '{{ trunc 3 }}', '{{ trunc (add 1 2) "abcdef" }}', '{{ trunc (len .l) "abcdef" }}', '{{ repeat -1 "a" }}',
  // sprig regex
  '{{ regexMatch "^[a-z]+$" "abc" }}|{{ regexMatch "[" "x" }}|{{ regexFind "[0-9]+" "ab12cd34" }}|{{ regexFindAll "[0-9]" "a1b2c3" -1 }}|{{ regexFindAll "[0-9]" "a1b2c3" 2 }}',
  '{{ regexReplaceAll "a(x*)b" "-ab-axxb-" "${1}W" }}|{{ regexReplaceAll "(?P<n>[a-z]+)" "abc 12" "<$n>" }}|{{ regexReplaceAllLiteral "a" "aXa" "$1" }}',
  '{{ regexSplit "z+" "pizza" -1 }}|{{ regexSplit "z+" "pizza" 1 }}|{{ regexQuoteMeta "1.5+x" }}', '{{ mustRegexMatch "[" "x" }}',
  // sprig defaults
  '{{ default "d" .missing }}|{{ default "d" .empty }}|{{ default "d" .name }}|{{ default 5 .zero }}|{{ default "d" .el }}|{{ .missing | default "p" }}',
  '{{ empty .empty }}|{{ empty .l }}|{{ empty .em }}|{{ empty 0 }}|{{ empty .f }}|{{ empty .nul }}|{{ empty .missing }}',
  '{{ coalesce .missing .empty "x" }}|{{ coalesce .nul }}|{{ all 1 "a" .t }}|{{ all 1 "" }}|{{ any 0 "" .l }}|{{ any }}',
  '{{ ternary "yes" "no" .t }}|{{ ternary "yes" "no" (eq .n 4.0) }}', '{{ fail "boom" }}', '{{ ternary 1 2 "x" }}',
  // sprig lists/dicts
  '{{ list 1 "a" .nul .l }}|{{ tuple }}|{{ first .l }}|{{ last .l }}|{{ rest .l }}|{{ initial .l }}|{{ reverse .l }}|{{ first .el }}',
  '{{ append .l "d" }}|{{ prepend .l "z" }}|{{ concat .l .nums (list 9) }}|{{ uniq (list 1 1 "a" "a" 2) }}|{{ without .l "a" "c" }}',
  '{{ has "b" .l }}|{{ has 5 .l }}|{{ has 1 .nul }}|{{ compact (list 0 1 "" "a" .nul) }}|{{ slice .l 1 }}|{{ slice .l 1 2 }}|{{ slice .l }}',
  '{{ chunk 2 (list 1 2 3 4 5) }}|{{ until 3 }}|{{ until -2 }}|{{ untilStep 0 10 3 }}|{{ seq 3 }}|{{ seq 2 5 }}|{{ seq 5 -1 1 }}|{{ seq 0 }}',
  '{{ first .s }}', '{{ append .s "x" }}', '{{ concat .l .s }}',
  '{{ dict "a" 1 "b" "two" }}|{{ dict "x" }}|{{ dict }}|{{ get .m "a" }}|{{ get .m "zz" }}|{{ hasKey .m "a" }}|{{ hasKey .m "q" }}',
  '{{ keys .m | sortAlpha }}|{{ pick .m "a" "zz" }}|{{ omit .m "a" }}|{{ values (dict "a" 1) }}|{{ pluck "a" .m (dict "a" 9) }}',
  '{{ $d := dict "a" 1 }}{{ $_ := set $d "b" 2 }}{{ $d }}{{ $_ := unset $d "a" }}{{ $d }}',
  '{{ merge (dict "a" 1 "n" (dict "x" 1)) (dict "a" 2 "b" 3 "n" (dict "y" 2)) }}|{{ mergeOverwrite (dict "a" 1 "z" 5) (dict "a" 2 "z" "") }}',
  '{{ dig "metadata" "labels" "env" "none" .cluster }}|{{ dig "metadata" "nope" "none" .cluster }}|{{ deepCopy .m }}',
  '{{ keys .l }}', '{{ get .l "a" }}', '{{ set .nul "a" 1 }}', '{{ hasKey (split "/" "a/b") "_0" }}',
  // sprig math
  '{{ add 1 2 3 }}|{{ add1 .n }}|{{ sub 10 .f }}|{{ mul 2 3 4 }}|{{ div 7 2 }}|{{ mod 7 3 }}|{{ max 1 5 3 }}|{{ min 4 2 8 }}|{{ biggest 1 9 }}',
  '{{ add "3" "4" }}|{{ add .t 1 }}|{{ add .nul 1 }}|{{ add 1.9 1.9 }}|{{ sub -1 -2 }}|{{ div 1 0 }}', '{{ mod 1 0 }}',
  '{{ addf 1.1 2.2 }}|{{ add1f 1.5 }}|{{ subf 5 1.5 }}|{{ mulf 1.5 3 }}|{{ divf 10 4 }}|{{ maxf 1 2.5 }}|{{ minf 1 2.5 }}',
  '{{ floor 1.7 }}|{{ ceil 1.2 }}|{{ round 3.14159 2 }}|{{ round 2.5 0 }}|{{ round 1.2345 3 0.4 }}|{{ floor "-2.5" }}',
  // sprig encoding / crypto
  '{{ b64enc "héllo" }}|{{ b64dec "aMOpbGxv" }}|{{ b64dec "!!" }}|{{ b32enc "hi" }}|{{ b32dec "NBUQ====" }}',
  '{{ sha1sum "abc" }}|{{ sha256sum "" }}|{{ adler32sum "Wikipedia" }}',
  '{{ toJson .m }}|{{ toJson .l }}|{{ toJson .s }}|{{ toJson .f }}|{{ toJson .big }}|{{ toJson .nul }}|{{ toJson 1e21 }}|{{ toJson 0.0000001 }}',
  '{{ toJson "<&>" }}|{{ toRawJson "<&>" }}|{{ toJson (list 1 "a" (dict "k" .nul)) }}|{{ toJson .em }}|{{ toJson .el }}|{{ toJson 3 }}',
  '{{ toPrettyJson .cluster }}', '{{ toPrettyJson .el }}{{ toPrettyJson .em }}', '{{ (fromJson "{\\"a\\":[1,2]}").a }}|{{ fromJson "bad" }}|{{ fromJson "1" }}',
  '{{ $j := fromJson `{"x":{"y":1.5}}` }}{{ $j.x.y }}', '{{ toJson (fromJson "[1,\\"x\\",null]") }}',
  // paths, reflection
  '{{ base .path }}|{{ dir .path }}|{{ clean .path }}|{{ ext .path }}|{{ isAbs .path }}|{{ base "" }}|{{ dir "x" }}|{{ clean "a//b/./c/.." }}',
  '{{ typeOf .n }}|{{ typeOf .s }}|{{ typeOf .l }}|{{ typeOf .m }}|{{ typeOf 1 }}|{{ typeOf (add 1 1) }}|{{ typeOf .nul }}|{{ typeOf (splitList "," "a") }}',
  '{{ kindOf .n }}|{{ kindOf .l }}|{{ kindOf .m }}|{{ kindOf 1 }}|{{ kindIs "string" .s }}|{{ typeIs "float64" .n }}|{{ deepEqual .l .l }}',
  // env (enabled in the corpus on both sides? the oracle always has it)
  '{{ hello }}',
];

const HELPERS = `{{/* Expand the name of the chart. */}}
{{- define "mychart.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- define "mychart.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}
{{- define "mychart.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- define "mychart.selectorLabels" -}}
app.kubernetes.io/name: {{ template "mychart.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}
{{- define "mychart.labels" -}}
helm.sh/chart: {{ template "mychart.chart" . }}
{{ template "mychart.selectorLabels" . }}
{{- if .Chart.AppVersion }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}
metadata:
  name: {{ template "mychart.fullname" . }}
  labels:
    {{- template "mychart.labels" . }}
spec:
  replicas: {{ .Values.replicaCount }}
  image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
  port: {{ .Values.service.port | int }}
`;

const APPSET = `metadata:
  name: '{{ .cluster.name }}-{{ .name | lower | trunc 20 }}'
  labels:
{{- range $k, $v := .cluster.metadata.labels }}
    {{ $k }}: {{ $v | quote }}
{{- end }}
spec:
  project: {{ default "default" .project }}
  source:
    path: 'apps/{{ .name }}/{{ index .cluster.metadata.labels "env" }}'
    targetRevision: {{ if eq (index .cluster.metadata.labels "env") "prod" }}main{{ else }}HEAD{{ end }}
  destination:
    server: '{{ .cluster.server }}'
    namespace: {{ .name | replace "_" "-" | lower }}-{{ .n }}
`;

const NOTIFICATION = `{{if eq .app.status.operationState.phase "Running"}} Sync is in progress.{{end}}
{{if eq .app.status.operationState.phase "Succeeded"}} Sync succeeded.{{end}}
Application {{.app.metadata.name}} sync is {{.app.status.sync.status}}.
{{range $c := .app.status.conditions}}
  * {{$c.message}}
{{end}}
{{- range $index, $r := .app.status.operationState.syncResult.resources -}}
{{- if not $index }}[{{ else }},{{ end }}{"kind":{{ $r.kind | toJson }},"name":{{ $r.name | quote }}}
{{- end }}]`;

const APP = {
  app: {
    metadata: { name: 'guestbook' },
    status: {
      operationState: { phase: 'Succeeded', syncResult: { resources: [{ kind: 'Service', name: 'a' }, { kind: 'Deployment', name: 'b' }] } },
      sync: { status: 'Synced' },
      conditions: [{ message: 'one' }, { message: 'two <x>' }],
    },
  },
};

const PARSE_ERRORS = [
  '{{', '{{ .a', '{{ .a }', '{{ end }}', '{{ else }}', '{{ if }}{{ end }}', '{{ if .a }}', '{{ range .a }}{{ else }}{{ else }}{{ end }}',
  '{{ nosuchfunc }}', '{{ $x }}', '{{ $x := 1 }}{{ $y }}', '{{ .a | 1 }}', '{{ "unterminated }}', '{{ `raw }}', "{{ 'ab' }}",
  '{{ 1a }}', '{{ 0x }}', '{{ ( .a }}', '{{ .a ) }}', '{{ define "x" }}{{ end }}{{ define "x" }}y{{ end }}{{ define "x" }}z{{ end }}',
  '{{ break }}', '{{ continue }}', '{{ range .a }}{{ break 1 }}{{ end }}', '{{ template x }}', '{{ with $a, $b := .x }}{{ end }}',
  '{{ range $a, $b, $c := .x }}{{ end }}', '{{ /* unclosed }}', '{{ /* c */ x }}', '{{ .a.b. }}', '{{ "a".b }}', '{{ 1.b }}',
  '{{ # }}', '{{ .a := 1 }}', '{{ $x = 1 }}', '{{ :a }}', '{{ nil.a }}', '{{ 99999999999999999999 }}', '{{ 1.2.3 }}',
  'line1\nline2 {{ if .a }}\n{{ .b', '{{ if .a }}\n{{ else if }}{{ end }}', '{{ block "b" }}x{{ end }}', '{{ -}}', '{{ 1e999 }}',
  '{{ "\\q" }}', '{{ .a\n| upper }}', '{{ $ := 1 }}', '{{ range $i := .x }}{{ end }}{{ $i }}', '{{ print (1 }}',
];

const MISSING = ['{{ .a }}', '{{ .a.b }}', '{{ index . "a" }}', '{{ .m.z }}', '{{ if .a }}x{{ end }}', '{{ default "d" .a }}'];

export function corpus(): Case[] {
  const cases: Case[] = [];
  for (const text of GENERIC) cases.push({ text, data: DATA });
  for (const text of GENERIC.slice(0, 60)) cases.push({ text, data: DATA, ints: true });
  cases.push({ name: '_helpers.tpl', text: HELPERS, data: { Values: DATA.values, Chart: DATA.Chart, Release: DATA.Release }, ints: true });
  cases.push({ name: '_helpers.tpl', text: HELPERS, data: { Values: { ...DATA.values, fullnameOverride: 'override-name-that-is-long' }, Chart: DATA.Chart, Release: { ...DATA.Release, Name: 'mychart-rel' } } });
  cases.push({ text: APPSET, data: DATA }, { text: APPSET, data: { ...DATA, project: 'p', name: 'My_App' } });
  cases.push({ name: 'on-sync', text: NOTIFICATION, data: APP });
  for (const text of PARSE_ERRORS) cases.push({ text, data: DATA });
  for (const mk of ['default', 'invalid', 'zero', 'error'] as const) {
    for (const text of MISSING) cases.push({ text, data: { m: {} }, missingKey: mk });
  }
  cases.push({ text: '{{ .a }}', data: null, missingKey: 'error' }, { text: '{{ . }}', data: null }, { text: '[[ .name ]] {{ x }}', data: DATA, delims: ['[[', ']]'] });
  cases.push({ text: '<% .name %>', data: DATA, delims: ['<%', '%>'] }, { text: '{{ upper "x" }}', data: {}, noSprig: true });
  cases.push({ text: '{{ slice "abcd" 1 3 }} {{ slice .l 1 2 }}', data: DATA, noSprig: true }, { text: '{{ slice .l 2 1 }}', data: DATA, noSprig: true });
  cases.push({ text: '{{ uuidv4 }} {{ randAlphaNum 8 }} {{ randAlpha 4 }} {{ randNumeric 3 }}', data: {}, shape: true });
  cases.push({ text: '{{ now | date "2006" }} {{ date "2006-01-02" 0 }} {{ htmlDate 86400 }}', data: {}, ints: true, shape: true });
  cases.push({ text: '{{ date "Mon Jan 2 15:04:05 MST 2006 .000 PM 3 pm _2" 1700000000 }}', data: {} });
  cases.push({ text: '{{ date "2006-01-02T15:04:05Z07:00" .t }}', data: { t: 1700000000 }, ints: true });
  cases.push(...sprigCorpus(), ...argoCorpus(), ...fmtCorpus(), ...timeCorpus());
  return cases;
}
