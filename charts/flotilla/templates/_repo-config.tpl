{{/* The repo-server's configuration ConfigMaps in Argo CD's layout (configs.ssh, configs.tls, configs.gpg). */}}

{{/* "true" when argocd-ssh-known-hosts-cm is made: create, and some known hosts to write (empty leaves ssh its own). */}}
{{- define "flotilla.sshKnownHosts" -}}
{{- $ssh := .Values.configs.ssh -}}
{{- if and $ssh.create (or (trim ($ssh.knownHosts | default "")) (trim ($ssh.extraHosts | default ""))) }}true{{ end -}}
{{- end -}}
