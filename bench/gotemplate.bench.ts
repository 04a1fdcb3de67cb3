// @flotilla/gotemplate throughput: executions/second for a typical ApplicationSet template and a
// Helm chart's _helpers.tpl, parsing once (renderTemplate's cache) and executing many times.
// Run: SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register bench/gotemplate.bench.ts
import { renderTemplate, Template, withGoInts } from '../libs/gotemplate/src';

const APPSET = `metadata:
  name: '{{ .cluster.name }}-{{ .app | lower | trunc 20 }}'
  labels:
{{- range $k, $v := .cluster.metadata.labels }}
    {{ $k }}: {{ $v | quote }}
{{- end }}
spec:
  project: {{ default "default" .project }}
  source:
    repoURL: https://github.com/example/apps.git
    path: 'apps/{{ .app }}/{{ index .cluster.metadata.labels "env" }}'
    targetRevision: {{ if eq (index .cluster.metadata.labels "env") "prod" }}main{{ else }}HEAD{{ end }}
  destination:
    server: '{{ .cluster.server }}'
    namespace: {{ .app | replace "_" "-" | lower }}
`;

const HELPERS = `{{- define "c.name" -}}{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}{{- end }}
{{- define "c.fullname" -}}
{{- if .Values.fullnameOverride }}{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}{{- end }}{{- end }}{{- end }}
{{- define "c.chart" -}}{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}{{- end }}
{{- define "c.ingress.apiVersion" -}}
{{- if semverCompare ">=1.19-0" .Capabilities.KubeVersion.GitVersion -}}networking.k8s.io/v1
{{- else if semverCompare ">=1.14-0" .Capabilities.KubeVersion.GitVersion -}}networking.k8s.io/v1beta1
{{- else -}}extensions/v1beta1{{- end }}
{{- end }}
{{- define "c.selectorLabels" -}}
app.kubernetes.io/name: {{ include "c.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}
{{- define "c.labels" -}}
helm.sh/chart: {{ include "c.chart" . }}
{{ include "c.selectorLabels" . }}
{{- if .Chart.AppVersion }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}
apiVersion: {{ include "c.ingress.apiVersion" . }}
metadata:
  name: {{ include "c.fullname" . }}
  labels:
    {{- include "c.labels" . | nindent 4 }}
spec:
  replicas: {{ .Values.replicaCount }}
  selector:
    matchLabels:
      {{- include "c.selectorLabels" . | nindent 6 }}
`;

function bench(label: string, fn: () => string, ms = 2000): void {
  for (let i = 0; i < 500; i++) fn();
  let n = 0;
  const start = process.hrtime.bigint();
  const end = start + BigInt(ms) * 1_000_000n;
  while (process.hrtime.bigint() < end) {
    for (let i = 0; i < 100; i++) fn();
    n += 100;
  }
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`${label.padEnd(44)} ${Math.round(n / secs).toLocaleString('en-US').padStart(10)} executions/s`);
}

const cluster = { name: 'prod-eu', server: 'https://10.0.0.1:6443', metadata: { labels: { env: 'prod', region: 'eu-west-1', tier: 'gold' } } };
bench('ApplicationSet template (renderTemplate)', () => renderTemplate(APPSET, { cluster, app: 'Guest_Book' }));

// Helm's include: execute a named template of the same set and return its output.
const include = { fn: (name: string, data: unknown) => helm.lookup(name)!.execute(data), params: ['string', 'interface {}'] };
const helm: Template = Template.parse('_helpers.tpl', HELPERS, { funcs: { include } });
const values = withGoInts({
  Values: { nameOverride: '', fullnameOverride: '', replicaCount: 2 },
  Chart: { Name: 'mychart', Version: '0.1.0+build.1', AppVersion: '1.16.0' },
  Release: { Name: 'rel', Namespace: 'default', Service: 'Helm' },
  Capabilities: { KubeVersion: { GitVersion: 'v1.29.4+k3s1' } },
});
bench('Helm _helpers.tpl (parsed once, include)', () => helm.execute(values));
const t0 = process.hrtime.bigint();
for (let i = 0; i < 1000; i++) Template.parse('_helpers.tpl', HELPERS, { funcs: { include } });
console.log(`${'Helm _helpers.tpl parse (uncached)'.padEnd(44)} ${Math.round(1000 / (Number(process.hrtime.bigint() - t0) / 1e9)).toLocaleString('en-US').padStart(10)} parses/s`);
