{{/* A component's ServiceAccount; args: context, component. */}}
{{- define "flotilla.serviceAccount" -}}
{{- if .component.serviceAccount.create }}
apiVersion: v1
kind: ServiceAccount
automountServiceAccountToken: {{ .component.serviceAccount.automountServiceAccountToken }}
metadata:
  name: {{ include "flotilla.serviceAccountName" . }}
  namespace: {{ .context.Release.Namespace }}
  labels:
    {{- include "flotilla.labels" . | nindent 4 }}
    {{- with .component.serviceAccount.labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  {{- with .component.serviceAccount.annotations }}
  annotations:
    {{- range $key, $value := . }}
    {{ $key }}: {{ $value | quote }}
    {{- end }}
  {{- end }}
{{- end }}
{{- end -}}

{{/* The Service in front of a component's /metrics; args: context, component, port (the container's ops port). */}}
{{- define "flotilla.metricsService" -}}
{{- if .component.metrics.enabled }}
{{- $svc := .component.metrics.service }}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "flotilla.componentName" . }}-metrics
  namespace: {{ .context.Release.Namespace }}
  labels:
    {{- /* Named apart from the component's own Service, so a ServiceMonitor selects this one only. */}}
    {{- include "flotilla.labels" . | replace (printf "app.kubernetes.io/name: %s\n" (include "flotilla.componentName" .)) (printf "app.kubernetes.io/name: %s-metrics\n" (include "flotilla.componentName" .)) | nindent 4 }}
    {{- with $svc.labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  {{- with $svc.annotations }}
  annotations:
    {{- range $key, $value := . }}
    {{ $key }}: {{ $value | quote }}
    {{- end }}
  {{- end }}
spec:
  type: {{ $svc.type }}
  {{- with $svc.clusterIP }}
  clusterIP: {{ . }}
  {{- end }}
  ports:
    - name: {{ $svc.portName }}
      protocol: TCP
      port: {{ $svc.servicePort | default .port }}
      targetPort: metrics
  selector:
    {{- include "flotilla.selectorLabels" . | nindent 4 }}
{{- end }}
{{- end -}}

{{/* A namespace Role and its RoleBinding to the component's ServiceAccount; args: context, component, rules (YAML). */}}
{{- define "flotilla.role" -}}
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: {{ include "flotilla.componentName" . }}
  namespace: {{ .context.Release.Namespace }}
  labels:
    {{- include "flotilla.labels" . | nindent 4 }}
rules:
  {{- .rules | nindent 2 }}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: {{ include "flotilla.componentName" . }}
  namespace: {{ .context.Release.Namespace }}
  labels:
    {{- include "flotilla.labels" . | nindent 4 }}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: {{ include "flotilla.componentName" . }}
subjects:
  - kind: ServiceAccount
    name: {{ include "flotilla.serviceAccountName" . }}
    namespace: {{ .context.Release.Namespace }}
{{- end -}}

{{/* A ClusterRole and its ClusterRoleBinding; args: context, component, rules (YAML). */}}
{{- define "flotilla.clusterRole" -}}
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: {{ include "flotilla.componentName" . }}-{{ .context.Release.Namespace }}
  labels:
    {{- include "flotilla.labels" . | nindent 4 }}
rules:
  {{- .rules | nindent 2 }}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: {{ include "flotilla.componentName" . }}-{{ .context.Release.Namespace }}
  labels:
    {{- include "flotilla.labels" . | nindent 4 }}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: {{ include "flotilla.componentName" . }}-{{ .context.Release.Namespace }}
subjects:
  - kind: ServiceAccount
    name: {{ include "flotilla.serviceAccountName" . }}
    namespace: {{ .context.Release.Namespace }}
{{- end -}}


{{/* A Prometheus Operator ServiceMonitor for the metrics Service, when the cluster serves the kind; args: context, component. */}}
{{- define "flotilla.serviceMonitor" -}}
{{- $m := .component.metrics -}}
{{- $sm := $m.serviceMonitor | default dict -}}
{{- if and $m.enabled $sm.enabled (.context.Capabilities.APIVersions.Has "monitoring.coreos.com/v1") }}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ include "flotilla.componentName" . }}
  namespace: {{ $sm.namespace | default .context.Release.Namespace }}
  labels:
    {{- include "flotilla.labels" . | nindent 4 }}
    {{- with $sm.selector }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
    {{- with $sm.additionalLabels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  {{- with $sm.annotations }}
  annotations:
    {{- range $key, $value := . }}
    {{ $key }}: {{ $value | quote }}
    {{- end }}
  {{- end }}
spec:
  endpoints:
    - port: {{ $m.service.portName }}
      path: /metrics
      {{- with $sm.interval }}
      interval: {{ . }}
      {{- end }}
      {{- with $sm.scrapeTimeout }}
      scrapeTimeout: {{ . }}
      {{- end }}
      honorLabels: {{ $sm.honorLabels | default false }}
      {{- with $sm.relabelings }}
      relabelings:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $sm.metricRelabelings }}
      metricRelabelings:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $sm.scheme }}
      scheme: {{ . }}
      {{- end }}
      {{- with $sm.tlsConfig }}
      tlsConfig:
        {{- toYaml . | nindent 8 }}
      {{- end }}
  namespaceSelector:
    matchNames:
      - {{ .context.Release.Namespace }}
  selector:
    matchLabels:
      app.kubernetes.io/name: {{ include "flotilla.componentName" . }}-metrics
      app.kubernetes.io/instance: {{ .context.Release.Name }}
{{- end }}
{{- end -}}
