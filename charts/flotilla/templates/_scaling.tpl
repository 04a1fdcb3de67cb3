{{/*
API versions by what the cluster serves: policy/v1 and autoscaling/v2 from 1.21 and 1.23, the beta
versions before (1.20, the real cluster here). Asked by group/version: `helm template`'s own API
list (no cluster) has the versions but not their kinds.
*/}}
{{- define "flotilla.pdbApiVersion" -}}
{{- if .Capabilities.APIVersions.Has "policy/v1" -}}
policy/v1
{{- else -}}
policy/v1beta1
{{- end -}}
{{- end -}}

{{- define "flotilla.hpaApiVersion" -}}
{{- if .Capabilities.APIVersions.Has "autoscaling/v2" -}}
autoscaling/v2
{{- else -}}
autoscaling/v2beta2
{{- end -}}
{{- end -}}

{{/* A component's PodDisruptionBudget when its pdb.enabled; args: context, component. */}}
{{- define "flotilla.pdb" -}}
{{- $pdb := .component.pdb | default dict -}}
{{- if $pdb.enabled }}
apiVersion: {{ include "flotilla.pdbApiVersion" .context }}
kind: PodDisruptionBudget
metadata:
  name: {{ include "flotilla.componentName" . }}
  namespace: {{ .context.Release.Namespace }}
  labels:
    {{- include "flotilla.labels" . | nindent 4 }}
    {{- with $pdb.labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  {{- with $pdb.annotations }}
  annotations:
    {{- range $key, $value := . }}
    {{ $key }}: {{ $value | quote }}
    {{- end }}
  {{- end }}
spec:
  {{- if ne (toString $pdb.maxUnavailable) "" }}
  maxUnavailable: {{ $pdb.maxUnavailable }}
  {{- else }}
  minAvailable: {{ $pdb.minAvailable | default 0 }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "flotilla.selectorLabels" . | nindent 6 }}
{{- end }}
{{- end -}}

{{/* A Deployment's HorizontalPodAutoscaler when its autoscaling.enabled; args: context, component. */}}
{{- define "flotilla.hpa" -}}
{{- $as := .component.autoscaling | default dict -}}
{{- if $as.enabled }}
apiVersion: {{ include "flotilla.hpaApiVersion" .context }}
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "flotilla.componentName" . }}
  namespace: {{ .context.Release.Namespace }}
  labels:
    {{- include "flotilla.labels" . | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "flotilla.componentName" . }}
  minReplicas: {{ $as.minReplicas }}
  maxReplicas: {{ $as.maxReplicas }}
  metrics:
  {{- with $as.metrics }}
    {{- toYaml . | nindent 4 }}
  {{- else }}
    {{- range $resource, $target := dict "memory" $as.targetMemoryUtilizationPercentage "cpu" $as.targetCPUUtilizationPercentage }}
    {{- if $target }}
    - type: Resource
      resource:
        name: {{ $resource }}
        target:
          type: Utilization
          averageUtilization: {{ $target }}
    {{- end }}
    {{- end }}
  {{- end }}
  {{- with $as.behavior }}
  behavior:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end }}
{{- end -}}
