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
    {{- include "flotilla.labels" . | nindent 4 }}
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
