{{/*
Shared names and labels. Selectors use only aigw.selectorLabels (name, instance, component): the
chart version label changes on every upgrade and Deployment selectors are immutable.
*/}}

{{- define "aigw.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "aigw.fullname" -}}
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

{{- define "aigw.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The name of one component's resources, e.g. <release>-ai-gateway-routing. Call with (list $ "routing"). */}}
{{- define "aigw.componentName" -}}
{{- $root := index . 0 }}
{{- printf "%s-%s" (include "aigw.fullname" $root) (index . 1) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels on every resource. Call with (list $ "routing"). */}}
{{- define "aigw.labels" -}}
{{- $root := index . 0 }}
helm.sh/chart: {{ include "aigw.chart" $root }}
{{ include "aigw.selectorLabels" . }}
app.kubernetes.io/version: {{ $root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ $root.Release.Service }}
app.kubernetes.io/part-of: {{ include "aigw.name" $root }}
{{- with $root.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* The labels selectors match on: never the chart or the version. Call with (list $ "routing"). */}}
{{- define "aigw.selectorLabels" -}}
{{- $root := index . 0 }}
app.kubernetes.io/name: {{ include "aigw.name" $root }}
app.kubernetes.io/instance: {{ $root.Release.Name }}
app.kubernetes.io/component: {{ index . 1 }}
{{- end }}

{{/* The container port of each service (shared/DESIGN.md). */}}
{{- define "aigw.port" -}}
{{- $ports := dict "gateway" 8080 "routing" 8081 "cache" 8082 "billing" 8083 "scaler" 8084 "simulator" 8090 }}
{{- get $ports . }}
{{- end }}

{{/* The Maven module (and image name) of each component. */}}
{{- define "aigw.module" -}}
{{- $modules := dict "gateway" "gateway-service" "routing" "routing-service" "cache" "cache-service" "billing" "billing-service" "scaler" "scaler-service" "simulator" "provider-simulator" }}
{{- get $modules . }}
{{- end }}

{{/* The image of a component. Call with (list $ "routing"). */}}
{{- define "aigw.image" -}}
{{- $root := index . 0 }}
{{- $component := index . 1 }}
{{- $values := index $root.Values $component }}
{{- $repository := default (printf "%s/%s" $root.Values.image.repositoryPrefix (include "aigw.module" $component)) $values.image.repository }}
{{- $tag := default (default $root.Chart.AppVersion $root.Values.image.tag) $values.image.tag }}
{{- if $root.Values.image.registry }}
{{- printf "%s/%s:%s" $root.Values.image.registry $repository $tag }}
{{- else }}
{{- printf "%s:%s" $repository $tag }}
{{- end }}
{{- end }}

{{/* The in-cluster base URL of a component. Call with (list $ "routing"). */}}
{{- define "aigw.url" -}}
{{- printf "http://%s:%s" (include "aigw.componentName" .) (include "aigw.port" (index . 1)) }}
{{- end }}

{{/* Secret holding the internal token and the demo key. */}}
{{- define "aigw.internalSecretName" -}}
{{- default (include "aigw.componentName" (list . "internal")) .Values.internalToken.existingSecret }}
{{- end }}

{{- define "aigw.demoKeySecretName" -}}
{{- default (include "aigw.componentName" (list . "internal")) .Values.demoKey.existingSecret }}
{{- end }}

{{/* Secret holding the PostgreSQL password. */}}
{{- define "aigw.postgresSecretName" -}}
{{- default (include "aigw.componentName" (list . "postgresql")) .Values.postgresql.existingSecret }}
{{- end }}

{{/* Secret holding the provider API keys, if any. */}}
{{- define "aigw.providersSecretName" -}}
{{- default (include "aigw.componentName" (list . "providers")) .Values.providers.existingSecret }}
{{- end }}

{{- define "aigw.postgresHost" -}}
{{- if .Values.postgresql.bundled.enabled }}
{{- include "aigw.componentName" (list . "postgresql") }}
{{- else }}
{{- required "postgresql.external.host is required when postgresql.bundled.enabled is false" .Values.postgresql.external.host }}
{{- end }}
{{- end }}

{{- define "aigw.postgresPort" -}}
{{- if .Values.postgresql.bundled.enabled }}5432{{ else }}{{ .Values.postgresql.external.port }}{{ end }}
{{- end }}

{{- define "aigw.postgresDatabase" -}}
{{- if .Values.postgresql.bundled.enabled }}{{ .Values.postgresql.bundled.database }}{{ else }}{{ .Values.postgresql.external.database }}{{ end }}
{{- end }}

{{- define "aigw.postgresUser" -}}
{{- if .Values.postgresql.bundled.enabled }}{{ .Values.postgresql.bundled.user }}{{ else }}{{ .Values.postgresql.external.user }}{{ end }}
{{- end }}

{{- define "aigw.postgresJdbcUrl" -}}
{{- $url := printf "jdbc:postgresql://%s:%s/%s" (include "aigw.postgresHost" .) (include "aigw.postgresPort" .) (include "aigw.postgresDatabase" .) }}
{{- with .Values.postgresql.external.parameters }}{{ $url = printf "%s?%s" $url . }}{{ end }}
{{- $url }}
{{- end }}

{{/* AIGW_REDIS_URL as a plain value, when it holds no secret. */}}
{{- define "aigw.redisUrl" -}}
{{- if .Values.redis.bundled.enabled }}
{{- printf "redis://%s:6379" (include "aigw.componentName" (list . "redis")) }}
{{- else }}
{{- .Values.redis.external.url }}
{{- end }}
{{- end }}

{{/* Whether AIGW_REDIS_URL comes from a Secret (external Redis with a password). */}}
{{- define "aigw.redisUrlFromSecret" -}}
{{- if and (not .Values.redis.bundled.enabled) .Values.redis.external.existingSecret }}true{{ end }}
{{- end }}

{{/* Whether the scaler sets the replicas of a component. Call with (list $ "routing"). */}}
{{- define "aigw.scalerManages" -}}
{{- $root := index . 0 }}
{{- if and $root.Values.scaler.enabled (has (index . 1) $root.Values.scaler.targets) }}true{{ end }}
{{- end }}

{{- define "aigw.scalerServiceAccountName" -}}
{{- if .Values.scaler.serviceAccount.create }}
{{- default (include "aigw.componentName" (list . "scaler")) .Values.scaler.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.scaler.serviceAccount.name }}
{{- end }}
{{- end }}
