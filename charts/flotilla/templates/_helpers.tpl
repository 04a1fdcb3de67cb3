{{/* Object names: the release name (argocd installs as argocd-server, argocd-repo-server ... as Argo CD's chart does). */}}
{{- define "flotilla.fullname" -}}
{{- default .Release.Name .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* <fullname>-<component name>; args: context, component (its values). */}}
{{- define "flotilla.componentName" -}}
{{- printf "%s-%s" (include "flotilla.fullname" .context) .component.name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "flotilla.selectorLabels" -}}
app.kubernetes.io/name: {{ include "flotilla.componentName" . }}
app.kubernetes.io/instance: {{ .context.Release.Name }}
{{- end -}}

{{/* args: context, component (values with .name) */}}
{{- define "flotilla.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .context.Chart.Name .context.Chart.Version | replace "+" "_" }}
{{ include "flotilla.selectorLabels" . }}
app.kubernetes.io/component: {{ .component.name }}
app.kubernetes.io/managed-by: {{ .context.Release.Service }}
app.kubernetes.io/part-of: flotilla
app.kubernetes.io/version: {{ .context.Chart.AppVersion | quote }}
{{- end -}}

{{/* Labels of objects that belong to no one component (ConfigMaps, Secrets). */}}
{{- define "flotilla.commonLabels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: flotilla
{{- end -}}

{{- define "flotilla.serviceAccountName" -}}
{{- if .component.serviceAccount.create -}}
{{- default (include "flotilla.componentName" .) .component.serviceAccount.name -}}
{{- else -}}
{{- default "default" .component.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* The Flotilla image; a component's image.* wins over global.image.*. */}}
{{- define "flotilla.image" -}}
{{- $g := .context.Values.global.image -}}
{{- $i := .component.image | default dict -}}
{{- $repo := $i.repository | default $g.repository -}}
{{- $tag := $i.tag | default $g.tag | default .context.Chart.AppVersion -}}
{{- printf "%s:%v" $repo $tag -}}
{{- end -}}

{{- define "flotilla.imagePullPolicy" -}}
{{- (.component.image | default dict).imagePullPolicy | default .context.Values.global.image.imagePullPolicy -}}
{{- end -}}

{{/* A component's affinity, else global.affinity's presets (podAntiAffinity soft/hard, nodeAffinity). */}}
{{- define "flotilla.affinity" -}}
{{- with .component.affinity -}}
{{- toYaml . -}}
{{- else -}}
{{- $preset := .context.Values.global.affinity | default dict -}}
{{- $name := include "flotilla.componentName" . -}}
{{- if eq (toString $preset.podAntiAffinity) "soft" }}
podAntiAffinity:
  preferredDuringSchedulingIgnoredDuringExecution:
    - weight: 100
      podAffinityTerm:
        labelSelector:
          matchLabels:
            app.kubernetes.io/name: {{ $name }}
        topologyKey: kubernetes.io/hostname
{{- else if eq (toString $preset.podAntiAffinity) "hard" }}
podAntiAffinity:
  preferredDuringSchedulingIgnoredDuringExecution:
    - weight: 100
      podAffinityTerm:
        labelSelector:
          matchLabels:
            app.kubernetes.io/name: {{ $name }}
        topologyKey: topology.kubernetes.io/zone
  requiredDuringSchedulingIgnoredDuringExecution:
    - labelSelector:
        matchLabels:
          app.kubernetes.io/name: {{ $name }}
      topologyKey: kubernetes.io/hostname
{{- end }}
{{- $node := $preset.nodeAffinity | default dict -}}
{{- with $node.matchExpressions }}
{{- if eq (toString $node.type) "soft" }}
nodeAffinity:
  preferredDuringSchedulingIgnoredDuringExecution:
    - weight: 1
      preference:
        matchExpressions:
          {{- toYaml . | nindent 10 }}
{{- else }}
nodeAffinity:
  requiredDuringSchedulingIgnoredDuringExecution:
    nodeSelectorTerms:
      - matchExpressions:
          {{- toYaml . | nindent 10 }}
{{- end }}
{{- end }}
{{- end -}}
{{- end -}}

{{/* Where every service finds Redis: the external one when externalRedis.host is set, else the chart's (redis-ha's headless Service, or redis). */}}
{{- define "flotilla.redisAddress" -}}
{{- if .Values.externalRedis.host -}}
{{- printf "%s:%v" .Values.externalRedis.host .Values.externalRedis.port -}}
{{- else if include "flotilla.redisHaEnabled" . -}}
{{- printf "%s:%v" (include "flotilla.redisHaService" .) (index .Values "redis-ha").redis.port -}}
{{- else -}}
{{- printf "%s-%s:%v" (include "flotilla.fullname" .) .Values.redis.name .Values.redis.servicePort -}}
{{- end -}}
{{- end -}}

{{- define "flotilla.redisSecretName" -}}
{{- default "argocd-redis" .Values.externalRedis.existingSecret -}}
{{- end -}}

{{- define "flotilla.redisHasPassword" -}}
{{- if and .Values.externalRedis.host (or .Values.externalRedis.password .Values.externalRedis.existingSecret) }}true{{ end -}}
{{- end -}}

{{/* The callers' repo-server target: the headless Service's DNS name, so gRPC balances round robin over every replica and re-resolves as they come and go. */}}
{{- define "flotilla.repoServerAddress" -}}
{{- printf "dns:///%s-headless:%v" (include "flotilla.componentName" (dict "context" . "component" .Values.repoServer)) .Values.repoServer.service.port -}}
{{- end -}}

{{/*
Environment from argocd-cmd-params-cm, as Argo CD's chart wires it (optional: a missing key leaves the
service's default). args: context, params: list of "FLOTILLA_VAR=params.key".
*/}}
{{- define "flotilla.paramsEnv" -}}
{{- range .params }}
{{- $pair := splitList "=" . }}
- name: {{ index $pair 0 }}
  valueFrom:
    configMapKeyRef:
      name: argocd-cmd-params-cm
      key: {{ index $pair 1 }}
      optional: true
{{- end }}
{{- end -}}

{{/*
Redis connection env: FLOTILLA_REDIS_URL, with redis-ha the Sentinels and master group, the password
from its Secret as FLOTILLA_REDIS_PASSWORD (env, never arguments or the URL), TLS for an external Redis.
*/}}
{{- define "flotilla.redisEnv" -}}
{{- $ha := index .Values "redis-ha" -}}
{{- if include "flotilla.redisHasPassword" . }}
{{- if .Values.externalRedis.username }}
- name: FLOTILLA_REDIS_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ include "flotilla.redisSecretName" . }}
      key: redis-username
{{- end }}
- name: FLOTILLA_REDIS_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "flotilla.redisSecretName" . }}
      key: redis-password
{{- else if and (include "flotilla.redisHaEnabled" .) $ha.auth }}
- name: FLOTILLA_REDIS_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "flotilla.redisHaSecretName" . }}
      key: {{ $ha.authKey }}
{{- end }}
{{- if .Values.configs.params.create }}
- name: ARGOCD_REDIS_SERVER
  valueFrom:
    configMapKeyRef:
      name: argocd-cmd-params-cm
      key: redis.server
- name: FLOTILLA_REDIS_URL
  value: "redis://$(ARGOCD_REDIS_SERVER)"
{{- else }}
- name: FLOTILLA_REDIS_URL
  value: {{ printf "redis://%s" (include "flotilla.redisAddress" .) | quote }}
{{- end }}
{{- if include "flotilla.redisHaEnabled" . }}
- name: FLOTILLA_REDIS_SENTINELS
  value: {{ include "flotilla.redisHaSentinels" . | quote }}
- name: FLOTILLA_REDIS_SENTINEL_MASTER
  value: {{ $ha.redis.masterGroupName | quote }}
{{- end }}
{{- $tls := .Values.externalRedis.tls | default dict -}}
{{- if and .Values.externalRedis.host $tls.enabled }}
- name: FLOTILLA_REDIS_TLS
  value: "true"
{{- if $tls.caSecret }}
- name: FLOTILLA_REDIS_TLS_CA_FILE
  value: {{ printf "/etc/flotilla/redis-tls/%s" $tls.caKey | quote }}
{{- end }}
{{- if $tls.insecureSkipVerify }}
- name: FLOTILLA_REDIS_TLS_INSECURE_SKIP_VERIFY
  value: "true"
{{- end }}
{{- end }}
{{- end -}}

{{/* The external Redis' CA certificate, mounted where FLOTILLA_REDIS_TLS_CA_FILE points. */}}
{{- define "flotilla.redisTlsVolumeMounts" -}}
{{- $tls := .Values.externalRedis.tls | default dict -}}
{{- if and .Values.externalRedis.host $tls.enabled $tls.caSecret }}
- name: redis-tls-ca
  mountPath: /etc/flotilla/redis-tls
  readOnly: true
{{- end }}
{{- end -}}

{{- define "flotilla.redisTlsVolumes" -}}
{{- $tls := .Values.externalRedis.tls | default dict -}}
{{- if and .Values.externalRedis.host $tls.enabled $tls.caSecret }}
- name: redis-tls-ca
  secret:
    secretName: {{ $tls.caSecret }}
    items:
      - key: {{ $tls.caKey }}
        path: {{ $tls.caKey }}
{{- end }}
{{- end -}}

{{/*
The pod template every Flotilla service shares. args:
  context, component (values), service (flotilla-<service>), env (rendered YAML list),
  ports (list of dict name/port), opsPort, liveness (bool), mounts (dict mountPath -> volume name),
  checksums (bool: roll pods when the ConfigMaps change), extraMounts/extraVolumes (rendered YAML lists).
*/}}
{{- define "flotilla.podTemplate" -}}
{{- $ctx := .context -}}
{{- $c := .component -}}
metadata:
  annotations:
    checksum/cmd-params: {{ include (print $ctx.Template.BasePath "/configs/argocd-cmd-params-cm.yaml") $ctx | sha256sum }}
    {{- with (mergeOverwrite (deepCopy ($ctx.Values.global.podAnnotations | default dict)) ($c.podAnnotations | default dict)) }}
    {{- range $key, $value := . }}
    {{ $key }}: {{ $value | quote }}
    {{- end }}
    {{- end }}
  labels:
    {{- include "flotilla.labels" . | nindent 4 }}
    {{- with (mergeOverwrite (deepCopy ($ctx.Values.global.podLabels | default dict)) ($c.podLabels | default dict)) }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  serviceAccountName: {{ include "flotilla.serviceAccountName" . }}
  automountServiceAccountToken: {{ $c.automountServiceAccountToken }}
  {{- with ($c.imagePullSecrets | default $ctx.Values.global.imagePullSecrets) }}
  imagePullSecrets:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with ($c.priorityClassName | default $ctx.Values.global.priorityClassName) }}
  priorityClassName: {{ . }}
  {{- end }}
  {{- with ($c.podSecurityContext | default $ctx.Values.global.securityContext) }}
  securityContext:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $c.terminationGracePeriodSeconds }}
  terminationGracePeriodSeconds: {{ . }}
  {{- end }}
  containers:
    - name: {{ $c.name }}
      image: {{ include "flotilla.image" . }}
      imagePullPolicy: {{ include "flotilla.imagePullPolicy" . }}
      command: [{{ printf "flotilla-%s" .service | quote }}]
      {{- with $c.extraArgs }}
      args:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      env:
        - name: FLOTILLA_NAMESPACE
          valueFrom:
            fieldRef:
              fieldPath: metadata.namespace
        {{- include "flotilla.redisEnv" $ctx | trim | nindent 8 }}
        {{- with (($ctx.Values.global.otlp | default dict).endpoint) }}
        - name: OTEL_EXPORTER_OTLP_ENDPOINT
          value: {{ . | quote }}
        {{- end }}
        {{- .env | trim | nindent 8 }}
        {{- with $ctx.Values.global.env }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
        {{- with ($c.env | default $c.extraEnv) }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      {{- with ($c.envFrom | default $c.extraEnvFrom) }}
      envFrom:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      ports:
        {{- range .ports }}
        - name: {{ .name }}
          containerPort: {{ .port }}
          protocol: TCP
        {{- end }}
      readinessProbe:
        httpGet:
          path: /readyz
          port: {{ .opsPort }}
        {{- with $c.readinessProbe }}
        initialDelaySeconds: {{ .initialDelaySeconds }}
        periodSeconds: {{ .periodSeconds }}
        timeoutSeconds: {{ .timeoutSeconds }}
        successThreshold: {{ .successThreshold }}
        failureThreshold: {{ .failureThreshold }}
        {{- end }}
      {{- if .liveness }}
      livenessProbe:
        httpGet:
          path: /healthz
          port: {{ .opsPort }}
        {{- with $c.livenessProbe }}
        initialDelaySeconds: {{ .initialDelaySeconds }}
        periodSeconds: {{ .periodSeconds }}
        timeoutSeconds: {{ .timeoutSeconds }}
        {{- /* Kubernetes requires 1 for a liveness probe. */}}
        successThreshold: 1
        failureThreshold: {{ .failureThreshold }}
        {{- end }}
      {{- end }}
      {{- with $c.resources }}
      resources:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $c.containerSecurityContext }}
      securityContext:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      volumeMounts:
        {{- range $path, $volume := .mounts }}
        - name: {{ $volume }}
          mountPath: {{ $path }}
        {{- end }}
        {{- with (include "flotilla.redisTlsVolumeMounts" $ctx | trim) }}
        {{- . | nindent 8 }}
        {{- end }}
        {{- with .extraMounts }}
        {{- . | trim | nindent 8 }}
        {{- end }}
        {{- with ($c.volumeMounts | default $c.extraVolumeMounts) }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
  volumes:
    {{- range $volume := (values .mounts | uniq | sortAlpha) }}
    - name: {{ $volume }}
      emptyDir: {}
    {{- end }}
    {{- with (include "flotilla.redisTlsVolumes" $ctx | trim) }}
    {{- . | nindent 4 }}
    {{- end }}
    {{- with .extraVolumes }}
    {{- . | trim | nindent 4 }}
    {{- end }}
    {{- with ($c.volumes | default $c.extraVolumes) }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  {{- with ($c.nodeSelector | default $ctx.Values.global.nodeSelector) }}
  nodeSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with ($c.tolerations | default $ctx.Values.global.tolerations) }}
  tolerations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with (include "flotilla.affinity" . | trim) }}
  affinity:
    {{- . | nindent 4 }}
  {{- end }}
{{- end -}}
