{{/*
The values this chart reads, as a tree: a map is looked into, "*" takes whatever lies below it.
Anything else an install is given (Argo CD keys not implemented yet, typos) is listed by NOTES.txt.
*/}}
{{- define "flotilla.supportedKeys" -}}
probe: &probe {failureThreshold: "*", initialDelaySeconds: "*", periodSeconds: "*", successThreshold: "*", timeoutSeconds: "*"}
metrics: &metrics
  enabled: "*"
  service: {type: "*", clusterIP: "*", annotations: "*", labels: "*", servicePort: "*", portName: "*"}
  serviceMonitor:
    enabled: "*"
    interval: "*"
    scrapeTimeout: "*"
    honorLabels: "*"
    relabelings: "*"
    metricRelabelings: "*"
    selector: "*"
    scheme: "*"
    tlsConfig: "*"
    namespace: "*"
    additionalLabels: "*"
    annotations: "*"
serviceAccount: &serviceAccount {create: "*", name: "*", annotations: "*", labels: "*", automountServiceAccountToken: "*"}
pdb: &pdb {enabled: "*", labels: "*", annotations: "*", minAvailable: "*", maxUnavailable: "*"}
autoscaling: &autoscaling
  enabled: "*"
  minReplicas: "*"
  maxReplicas: "*"
  targetCPUUtilizationPercentage: "*"
  targetMemoryUtilizationPercentage: "*"
  behavior: "*"
  metrics: "*"
component: &component
  name: "*"
  pdb: *pdb
  replicas: "*"
  image: {repository: "*", tag: "*", imagePullPolicy: "*"}
  imagePullSecrets: "*"
  extraArgs: "*"
  env: "*"
  envFrom: "*"
  extraEnv: "*"
  extraEnvFrom: "*"
  volumes: "*"
  volumeMounts: "*"
  extraVolumes: "*"
  extraVolumeMounts: "*"
  podAnnotations: "*"
  podLabels: "*"
  deploymentAnnotations: "*"
  resources: "*"
  podSecurityContext: "*"
  containerSecurityContext: "*"
  readinessProbe: *probe
  livenessProbe: *probe
  terminationGracePeriodSeconds: "*"
  priorityClassName: "*"
  nodeSelector: "*"
  tolerations: "*"
  affinity: "*"
  revisionHistoryLimit: "*"
  automountServiceAccountToken: "*"
  serviceAccount: *serviceAccount
  metrics: *metrics
values:
  fullnameOverride: "*"
  crds: {install: "*", keep: "*"}
  global:
    image: {repository: "*", tag: "*", imagePullPolicy: "*"}
    imagePullSecrets: "*"
    domain: "*"
    logging: {format: "*", level: "*"}
    otlp: {endpoint: "*"}
    revisionHistoryLimit: "*"
    priorityClassName: "*"
    securityContext: "*"
    nodeSelector: "*"
    tolerations: "*"
    affinity: {podAntiAffinity: "*", nodeAffinity: {type: "*", matchExpressions: "*"}}
    podAnnotations: "*"
    podLabels: "*"
    env: "*"
    networkPolicy: {create: "*", defaultDenyIngress: "*"}
    dashboards: {enabled: "*", namespace: "*", labels: "*", annotations: "*"}
  configs:
    cm: "*"
    params: "*"
    rbac: "*"
    secret:
      createSecret: "*"
      labels: "*"
      annotations: "*"
      githubSecret: "*"
      gitlabSecret: "*"
      bitbucketServerSecret: "*"
      bitbucketUUID: "*"
      gogsSecret: "*"
      azureDevops: {username: "*", password: "*"}
      argocdServerAdminPassword: "*"
      argocdServerAdminPasswordMtime: "*"
      extra: "*"
    repositories: "*"
    repositoriesAnnotations: "*"
    credentialTemplates: "*"
    credentialTemplatesAnnotations: "*"
    clusterCredentials: "*"
    ssh: {create: "*", annotations: "*", knownHosts: "*", extraHosts: "*"}
    tls: {create: "*", annotations: "*", certificates: "*"}
    gpg: {annotations: "*", keys: "*"}
  controller:
    <<: *component
    metrics:
      <<: *metrics
      rules: {enabled: "*", namespace: "*", selector: "*", additionalLabels: "*", annotations: "*", spec: "*"}
    statefulsetAnnotations: "*"
    resourceCustomizations: {volume: "*", mountPath: "*"}
    containerPorts: {metrics: "*"}
    clusterRoleRules: {enabled: "*", rules: "*"}
  server:
    <<: *component
    autoscaling: *autoscaling
    ingress:
      enabled: "*"
      labels: "*"
      annotations: "*"
      ingressClassName: "*"
      hostname: "*"
      path: "*"
      pathType: "*"
      tls: "*"
      extraHosts: "*"
      extraPaths: "*"
      extraRules: "*"
      extraTls: "*"
    containerPorts: {server: "*", metrics: "*"}
    service:
      type: "*"
      annotations: "*"
      labels: "*"
      servicePortHttp: "*"
      servicePortHttps: "*"
      servicePortHttpName: "*"
      servicePortHttpsName: "*"
      nodePortHttp: "*"
      nodePortHttps: "*"
      loadBalancerIP: "*"
      loadBalancerSourceRanges: "*"
      externalIPs: "*"
      externalTrafficPolicy: "*"
      sessionAffinity: "*"
  repoServer:
    <<: *component
    autoscaling: *autoscaling
    containerPorts: {server: "*", metrics: "*"}
    service: {annotations: "*", labels: "*", port: "*", portName: "*"}
  applicationSet:
    <<: *component
    containerPorts: {metrics: "*"}
  notifications:
    <<: *component
    containerPorts: {metrics: "*"}
    enabled: "*"
    argocdUrl: "*"
    cm: {create: "*"}
    context: "*"
    notifiers: "*"
    templates: "*"
    triggers: "*"
    subscriptions: "*"
    secret: {create: "*", labels: "*", annotations: "*", items: "*"}
  redis:
    enabled: "*"
    name: "*"
    pdb: *pdb
    image: {repository: "*", tag: "*", imagePullPolicy: "*"}
    imagePullSecrets: "*"
    extraArgs: "*"
    env: "*"
    podAnnotations: "*"
    podLabels: "*"
    resources: "*"
    containerPorts: {redis: "*"}
    servicePort: "*"
    securityContext: "*"
    containerSecurityContext: "*"
    priorityClassName: "*"
    nodeSelector: "*"
    tolerations: "*"
    affinity: "*"
    terminationGracePeriodSeconds: "*"
    automountServiceAccountToken: "*"
    serviceAccount: *serviceAccount
  redis-ha:
    enabled: "*"
    replicas: "*"
    image: {repository: "*", tag: "*", imagePullPolicy: "*"}
    auth: "*"
    redisPassword: "*"
    existingSecret: "*"
    authKey: "*"
    redis: {masterGroupName: "*", port: "*", config: "*", resources: "*"}
    sentinel: {port: "*", quorum: "*", downAfterMilliseconds: "*", failoverTimeout: "*", resources: "*"}
    hardAntiAffinity: "*"
    affinity: "*"
    nodeSelector: "*"
    tolerations: "*"
  externalRedis:
    host: "*"
    port: "*"
    username: "*"
    password: "*"
    existingSecret: "*"
    tls: {enabled: "*", caSecret: "*", caKey: "*", insecureSkipVerify: "*"}
{{- end -}}

{{/* argocd-cmd-params-cm keys a Flotilla service reads (through the env wiring in the workloads). */}}
{{- define "flotilla.paramsRead" -}}
{{- list "create" "annotations" "repo.server" "redis.server"
  "controller.log.level" "server.log.level" "reposerver.log.level" "applicationsetcontroller.log.level" "notificationscontroller.log.level"
  "controller.status.processors" "controller.operation.processors" "controller.self.heal.timeout.seconds" "controller.ignore.normalizer.jq.timeout" "controller.sharding.algorithm"
  "reposerver.parallelism.limit" "applicationsetcontroller.enable.new.git.file.globbing"
  "applicationsetcontroller.enable.scm.providers" "applicationsetcontroller.allowed.scm.providers" "applicationsetcontroller.enable.tokenref.strict.mode" | toJson -}}
{{- end -}}

{{/* Every leaf under a value, one path a line. args: values, path */}}
{{- define "flotilla.leafPaths" -}}
{{- if and (kindIs "map" .values) (gt (len .values) 0) -}}
{{- range $k, $v := .values -}}
{{- include "flotilla.leafPaths" (dict "values" $v "path" (printf "%s.%s" $.path $k)) -}}
{{- end -}}
{{- else -}}
{{- printf "%s\n" .path -}}
{{- end -}}
{{- end -}}

{{/* The paths of values not in spec, one a line. args: values, spec, path */}}
{{- define "flotilla.unusedPaths" -}}
{{- range $k, $v := .values -}}
{{- $p := $k -}}
{{- if $.path }}{{ $p = printf "%s.%s" $.path $k }}{{ end -}}
{{- if not (hasKey $.spec $k) -}}
{{- include "flotilla.leafPaths" (dict "values" $v "path" $p) -}}
{{- else -}}
{{- $s := index $.spec $k -}}
{{- if and (kindIs "map" $s) (kindIs "map" $v) -}}
{{- include "flotilla.unusedPaths" (dict "values" $v "spec" $s "path" $p) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Every value given that the chart does not read, one path a line (configs.params keys no service reads among them). */}}
{{- define "flotilla.unusedValues" -}}
{{- $spec := (include "flotilla.supportedKeys" . | fromYaml).values -}}
{{- include "flotilla.unusedPaths" (dict "values" .Values "spec" $spec "path" "") -}}
{{- $read := include "flotilla.paramsRead" . | fromJsonArray -}}
{{- range $k, $v := .Values.configs.params -}}
{{- if not (has $k $read) -}}
{{- printf "configs.params.%s\n" $k -}}
{{- end -}}
{{- end -}}
{{- end -}}
