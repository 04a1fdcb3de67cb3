{{/* NetworkPolicies (global.networkPolicy, as Argo CD's chart names it). */}}

{{/*
One component's ingress policy. args: context, component (values with .name), rules (list of dict:
port, and from: "any" or a list of peer selectors as matchLabels maps).
*/}}
{{- define "flotilla.networkPolicy" -}}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "flotilla.componentName" . }}
  namespace: {{ .context.Release.Namespace }}
  labels:
    {{- include "flotilla.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "flotilla.selectorLabels" . | nindent 6 }}
  policyTypes:
    - Ingress
  ingress:
    {{- range .rules }}
    - ports:
        - port: {{ .port }}
          protocol: TCP
      {{- if ne (toString .from) "any" }}
      from:
        {{- range .from }}
        - podSelector:
            matchLabels:
              {{- toYaml . | nindent 14 }}
        {{- end }}
      {{- end }}
    {{- end }}
{{- end -}}

