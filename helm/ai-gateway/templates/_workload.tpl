{{/*
The resources every service has, shared by the per-component templates (templates/<component>/*.yaml).
Call each with (list $ "<component>").
*/}}

{{/* Environment variables that come from Secrets, per component. */}}
{{- define "aigw.secretEnv" -}}
{{- $root := index . 0 }}
{{- $component := index . 1 }}
{{- if has $component (list "gateway" "routing" "cache") }}
- name: AIGW_INTERNAL_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ include "aigw.internalSecretName" $root }}
      key: {{ $root.Values.internalToken.existingSecretKey }}
{{- if include "aigw.redisUrlFromSecret" $root }}
- name: AIGW_REDIS_URL
  valueFrom:
    secretKeyRef:
      name: {{ $root.Values.redis.external.existingSecret }}
      key: {{ $root.Values.redis.external.existingSecretKey }}
{{- end }}
{{- end }}
{{- if eq $component "gateway" }}
- name: AIGW_DEMO_KEY
  valueFrom:
    secretKeyRef:
      name: {{ include "aigw.demoKeySecretName" $root }}
      key: {{ $root.Values.demoKey.existingSecretKey }}
      optional: true
{{- end }}
{{- if eq $component "cache" }}
- name: AIGW_POSTGRES_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "aigw.postgresSecretName" $root }}
      key: {{ $root.Values.postgresql.existingSecretKey }}
{{- end }}
{{- end }}

{{- define "aigw.deployment" -}}
{{- $root := index . 0 }}
{{- $component := index . 1 }}
{{- $values := index $root.Values $component }}
{{- $name := include "aigw.componentName" . }}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ $name }}
  labels:
    {{- include "aigw.labels" . | nindent 4 }}
spec:
  {{- /* replicas are left out when an HPA or the scaler owns them, so an upgrade does not reset them */}}
  {{- if not (or $values.autoscaling.enabled (include "aigw.scalerManages" .)) }}
  replicas: {{ $values.replicaCount }}
  {{- end }}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      {{- include "aigw.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "aigw.selectorLabels" . | nindent 8 }}
        {{- with $values.podLabels }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      annotations:
        checksum/config: {{ include (print $root.Template.BasePath "/" $component "/configmap.yaml") $root | sha256sum }}
        {{- with $values.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      {{- with $root.Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- if eq $component "scaler" }}
      serviceAccountName: {{ include "aigw.scalerServiceAccountName" $root }}
      {{- else }}
      automountServiceAccountToken: false
      {{- end }}
      securityContext:
        {{- toYaml $root.Values.podSecurityContext | nindent 8 }}
      terminationGracePeriodSeconds: {{ $values.terminationGracePeriodSeconds | default 30 }}
      containers:
        - name: {{ include "aigw.module" $component }}
          image: {{ include "aigw.image" . | quote }}
          imagePullPolicy: {{ $root.Values.image.pullPolicy }}
          securityContext:
            {{- toYaml $root.Values.containerSecurityContext | nindent 12 }}
          ports:
            - name: http
              containerPort: {{ include "aigw.port" $component }}
              protocol: TCP
          envFrom:
            - configMapRef:
                name: {{ $name }}
            {{- if and (eq $component "routing") (or $root.Values.providers.apiKeys $root.Values.providers.existingSecret) }}
            - secretRef:
                name: {{ include "aigw.providersSecretName" $root }}
            {{- end }}
          env:
            {{- include "aigw.secretEnv" . | nindent 12 }}
            - name: JAVA_TOOL_OPTIONS
              value: {{ $values.javaToolOptions | default "" | quote }}
          startupProbe:
            httpGet:
              path: /actuator/health/liveness
              port: http
            periodSeconds: 5
            failureThreshold: {{ $root.Values.probes.startupFailureThreshold }}
          livenessProbe:
            httpGet:
              path: /actuator/health/liveness
              port: http
            periodSeconds: {{ $root.Values.probes.periodSeconds }}
            timeoutSeconds: {{ $root.Values.probes.timeoutSeconds }}
            failureThreshold: {{ $root.Values.probes.livenessFailureThreshold }}
          readinessProbe:
            httpGet:
              path: /actuator/health/readiness
              port: http
            periodSeconds: {{ $root.Values.probes.periodSeconds }}
            timeoutSeconds: {{ $root.Values.probes.timeoutSeconds }}
            failureThreshold: {{ $root.Values.probes.readinessFailureThreshold }}
          {{- with $values.resources }}
          resources:
            {{- toYaml . | nindent 12 }}
          {{- end }}
          volumeMounts:
            # readOnlyRootFilesystem: the JVM, Netty and the embedding runtime write only here
            - name: tmp
              mountPath: /tmp
            {{- if and (eq $component "routing") $root.Values.routing.catalog }}
            # Spring Boot reads ./config/application.yml (the image's working dir is /app) on top of
            # the built-in configuration
            - name: catalog
              mountPath: /app/config
              readOnly: true
            {{- end }}
      volumes:
        - name: tmp
          emptyDir: {}
        {{- if and (eq $component "routing") $root.Values.routing.catalog }}
        - name: catalog
          configMap:
            name: {{ include "aigw.componentName" (list $root "routing-catalog") }}
        {{- end }}
      {{- with $values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $values.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $values.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $values.topologySpreadConstraints }}
      topologySpreadConstraints:
        {{- toYaml . | nindent 8 }}
      {{- end }}
{{- end }}

{{- define "aigw.service" -}}
{{- $root := index . 0 }}
{{- $component := index . 1 }}
{{- $values := index $root.Values $component }}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "aigw.componentName" . }}
  labels:
    {{- include "aigw.labels" . | nindent 4 }}
  {{- with $values.service.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  type: {{ $values.service.type }}
  selector:
    {{- include "aigw.selectorLabels" . | nindent 4 }}
  ports:
    - name: http
      port: {{ include "aigw.port" $component }}
      targetPort: http
      protocol: TCP
{{- end }}

{{- define "aigw.pdb" -}}
{{- $root := index . 0 }}
{{- $component := index . 1 }}
{{- $values := index $root.Values $component }}
{{- if $values.podDisruptionBudget.enabled }}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "aigw.componentName" . }}
  labels:
    {{- include "aigw.labels" . | nindent 4 }}
spec:
  {{- if $values.podDisruptionBudget.minAvailable }}
  minAvailable: {{ $values.podDisruptionBudget.minAvailable }}
  {{- else }}
  maxUnavailable: {{ $values.podDisruptionBudget.maxUnavailable | default 1 }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "aigw.selectorLabels" . | nindent 6 }}
{{- end }}
{{- end }}

{{- define "aigw.hpa" -}}
{{- $root := index . 0 }}
{{- $component := index . 1 }}
{{- $values := index $root.Values $component }}
{{- if $values.autoscaling.enabled }}
{{- if include "aigw.scalerManages" . }}
{{- fail (printf "%s.autoscaling.enabled: the scaler sets the replicas of %s (scaler.targets); an HPA would fight it. Remove it from scaler.targets or turn the HPA off." $component $component) }}
{{- end }}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "aigw.componentName" . }}
  labels:
    {{- include "aigw.labels" . | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "aigw.componentName" . }}
  minReplicas: {{ $values.autoscaling.minReplicas }}
  maxReplicas: {{ $values.autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ $values.autoscaling.targetCPUUtilizationPercentage }}
{{- end }}
{{- end }}

{{- define "aigw.serviceMonitor" -}}
{{- $root := index . 0 }}
{{- if $root.Values.serviceMonitor.enabled }}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ include "aigw.componentName" . }}
  labels:
    {{- include "aigw.labels" . | nindent 4 }}
    {{- with $root.Values.serviceMonitor.labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  selector:
    matchLabels:
      {{- include "aigw.selectorLabels" . | nindent 6 }}
  endpoints:
    - port: http
      path: /actuator/prometheus
      interval: {{ $root.Values.serviceMonitor.interval }}
      scrapeTimeout: {{ $root.Values.serviceMonitor.scrapeTimeout }}
{{- end }}
{{- end }}

{{/* The non-secret environment of a component; the extra keys come from <component>.env. */}}
{{- define "aigw.configMap" -}}
{{- $root := index . 0 }}
{{- $component := index . 1 }}
{{- $values := index $root.Values $component }}
{{- $data := index . 2 }}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "aigw.componentName" . }}
  labels:
    {{- include "aigw.labels" . | nindent 4 }}
data:
  {{- range $key, $value := $data }}
  {{ $key }}: {{ $value | quote }}
  {{- end }}
  {{- range $key, $value := $values.env }}
  {{ $key }}: {{ $value | quote }}
  {{- end }}
{{- end }}
