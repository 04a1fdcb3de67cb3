{{/* redis-ha: Redis with Sentinel, as Argo CD's chart names its values (redis-ha.*). */}}

{{/* Enabled and not replaced by an external Redis. */}}
{{- define "flotilla.redisHaEnabled" -}}
{{- if and (index .Values "redis-ha").enabled (not .Values.externalRedis.host) }}true{{ end -}}
{{- end -}}

{{/* <fullname>-redis-ha: the headless Service whose DNS names the pods. */}}
{{- define "flotilla.redisHaService" -}}
{{- printf "%s-redis-ha" (include "flotilla.fullname" .) | trunc 56 | trimSuffix "-" -}}
{{- end -}}

{{- define "flotilla.redisHaStatefulSet" -}}
{{- printf "%s-server" (include "flotilla.redisHaService" .) -}}
{{- end -}}

{{/* The pods' stable names, <statefulset>-<n>.<service>.<namespace>.svc, which Sentinel announces. */}}
{{- define "flotilla.redisHaPodHost" -}}
{{- printf "%s-%d.%s.%s.svc" (include "flotilla.redisHaStatefulSet" .context) (int .index) (include "flotilla.redisHaService" .context) .context.Release.Namespace -}}
{{- end -}}

{{/* FLOTILLA_REDIS_SENTINELS: every pod's Sentinel, host:port, comma-separated. */}}
{{- define "flotilla.redisHaSentinels" -}}
{{- $ha := index .Values "redis-ha" -}}
{{- $list := list -}}
{{- range $i := until (int $ha.replicas) -}}
{{- $list = append $list (printf "%s:%v" (include "flotilla.redisHaPodHost" (dict "context" $ "index" $i)) $ha.sentinel.port) -}}
{{- end -}}
{{- join "," $list -}}
{{- end -}}

{{/* The Secret holding the Redis password when redis-ha.auth is on: existingSecret, else the chart's. */}}
{{- define "flotilla.redisHaSecretName" -}}
{{- $ha := index .Values "redis-ha" -}}
{{- default (include "flotilla.redisHaService" .) $ha.existingSecret -}}
{{- end -}}

{{/* redis-ha.image.*, falling back to redis.image.* (one Redis image for both). */}}
{{- define "flotilla.redisHaImage" -}}
{{- $i := (index .Values "redis-ha").image | default dict -}}
{{- printf "%s:%v" ($i.repository | default .Values.redis.image.repository) ($i.tag | default .Values.redis.image.tag) -}}
{{- end -}}
