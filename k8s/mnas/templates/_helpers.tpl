{{/* The prefix of every object's name: the release's name, followed by -mnas unless it names mnas already (trimmed
to fit a DNS label). */}}
{{- define "mnas.fullname" -}}
{{- if contains "mnas" .Release.Name -}}{{ .Release.Name | trunc 56 | trimSuffix "-" }}
{{- else -}}{{ printf "%s-mnas" .Release.Name | trunc 56 | trimSuffix "-" }}{{- end -}}
{{- end -}}

{{- define "mnas.labels" -}}
app.kubernetes.io/name: mnas
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* Selector labels of one component: call with (list $ "api"). */}}
{{- define "mnas.selector" -}}
{{- $root := index . 0 -}}
app.kubernetes.io/name: mnas
app.kubernetes.io/instance: {{ $root.Release.Name }}
app.kubernetes.io/component: {{ index . 1 }}
{{- end -}}

{{- define "mnas.serviceAccountName" -}}
{{- if .Values.serviceAccountName -}}{{ .Values.serviceAccountName }}{{- else -}}{{ include "mnas.fullname" . }}{{- end -}}
{{- end -}}

{{/* The ServiceAccount of the silos (controllers and workers): the one the Role's pod rights are bound to. */}}
{{- define "mnas.siloServiceAccountName" -}}
{{- if .Values.siloServiceAccountName -}}{{ .Values.siloServiceAccountName }}{{- else -}}{{ include "mnas.fullname" . }}-silo{{- end -}}
{{- end -}}

{{- define "mnas.postgresHost" -}}
{{- if .Values.postgresDeploy -}}{{ include "mnas.fullname" . }}-postgres{{- else -}}{{ .Values.postgresHost }}{{- end -}}
{{- end -}}

{{/* Where the credentials live: the named existing Secret, or the chart's own. */}}
{{- define "mnas.postgresSecret" -}}
{{- if .Values.postgresExistingSecret -}}{{ .Values.postgresExistingSecret }}{{- else -}}{{ include "mnas.fullname" . }}-credentials{{- end -}}
{{- end -}}
{{- define "mnas.postgresSecretKey" -}}
{{- if .Values.postgresExistingSecret -}}{{ .Values.postgresExistingSecretKey }}{{- else -}}postgres-password{{- end -}}
{{- end -}}

{{/* A password from values, else the one an earlier install stored, else a new random one: call with (list $ "postgres-password" .Values.postgresPassword). */}}
{{- define "mnas.password" -}}
{{- $root := index . 0 -}}{{- $key := index . 1 -}}{{- $given := index . 2 -}}
{{- if $given -}}{{ $given }}{{- else -}}
{{- $existing := lookup "v1" "Secret" $root.Release.Namespace (printf "%s-credentials" (include "mnas.fullname" $root)) -}}
{{- if and $existing (hasKey $existing.data $key) -}}{{ index $existing.data $key | b64dec }}{{- else -}}{{ randAlphaNum 32 }}{{- end -}}
{{- end -}}
{{- end -}}

{{/* The non-secret settings, as the JSON settings file (configmap.yaml; the migrations' own copy in
migrations-job.yaml). */}}
{{- define "mnas.settings" -}}
{{- $settings := dict
  "data_directory" "/data"
  "dataset_cache" "/opt/mnas/datasets"
  "max_attempts" .Values.maxAttempts
  "worker" (dict "trainer" .Values.workerTrainer "simulated_seconds" .Values.workerSimulatedSeconds)
  "management" (dict "listen" (printf "http://0.0.0.0:%v" .Values.managementPort))
  "api" (dict "listen" (printf "http://0.0.0.0:%v" .Values.apiPort) "rate_limit_per_minute" .Values.apiRateLimitPerMinute "max_body_bytes" .Values.apiMaxBodyBytes)
  "store" (dict "kind" "postgres" "postgres" (dict "schema" .Values.postgresSchema "command_timeout" .Values.postgresCommandTimeout))
  "cluster" (dict "membership" "postgres" "id" .Values.clusterId "service_id" .Values.clusterServiceId "silo_port" .Values.siloPort "gateway_port" .Values.gatewayPort "probe_timeout_seconds" .Values.clusterProbeTimeoutSeconds "missed_probes_limit" .Values.clusterMissedProbesLimit "shutdown_seconds" .Values.clusterShutdownSeconds)
}}
{{- $settings | toPrettyJson }}
{{- end -}}

{{/* The environment of every Mnas container: the settings file, and the credentials from Secrets (never the ConfigMap). */}}
{{- define "mnas.env" -}}
- name: MNAS_CONFIG
  value: /etc/mnas/settings.json
- name: HOME
  value: /tmp
- name: MNAS_POSTGRES_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "mnas.postgresSecret" . }}
      key: {{ include "mnas.postgresSecretKey" . }}
- name: MNAS_STORE__POSTGRES__CONNECTION_STRING
  value: "Host={{ include "mnas.postgresHost" . }};Port={{ .Values.postgresPort }};Database={{ .Values.postgresDatabase }};Username={{ .Values.postgresUser }};Password=$(MNAS_POSTGRES_PASSWORD)"
{{- end -}}

{{/* The pod labels of a silo: the Kubernetes hosting of the cluster (cluster.kubernetes) finds the cluster's pods by
them, and they must carry cluster.service_id and cluster.id. */}}
{{- define "mnas.siloLabels" -}}
orleans/serviceId: {{ .Values.clusterServiceId | quote }}
orleans/clusterId: {{ .Values.clusterId | quote }}
{{- end -}}

{{/* What a silo (controller or worker) adds to the environment: the pod's identity from the downward API, which the
Kubernetes hosting (cluster.kubernetes) reads, and the address other silos and the API reach it on. */}}
{{- define "mnas.siloEnv" -}}
- name: POD_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
- name: POD_NAMESPACE
  valueFrom:
    fieldRef:
      fieldPath: metadata.namespace
- name: POD_IP
  valueFrom:
    fieldRef:
      fieldPath: status.podIP
- name: ORLEANS_SERVICE_ID
  valueFrom:
    fieldRef:
      fieldPath: metadata.labels['orleans/serviceId']
- name: ORLEANS_CLUSTER_ID
  valueFrom:
    fieldRef:
      fieldPath: metadata.labels['orleans/clusterId']
- name: MNAS_CLUSTER__ADVERTISED_ADDRESS
  valueFrom:
    fieldRef:
      fieldPath: status.podIP
- name: MNAS_CLUSTER__KUBERNETES
  value: "true"
{{- end -}}

{{/* The ports of a silo: silo-to-silo traffic, the API's connections, and the management port. */}}
{{- define "mnas.siloPorts" -}}
{{- $ports := list (int .Values.siloPort) (int .Values.gatewayPort) (int .Values.managementPort) -}}
{{- if ne (len ($ports | uniq)) 3 -}}
{{- fail (printf "siloPort (%v), gatewayPort (%v) and managementPort (%v) must differ" .Values.siloPort .Values.gatewayPort .Values.managementPort) -}}
{{- end -}}
- name: silo
  containerPort: {{ .Values.siloPort }}
- name: gateway
  containerPort: {{ .Values.gatewayPort }}
{{ include "mnas.managementPort" . }}
{{- end -}}

{{/* A stopping silo hands its grains over within cluster.shutdown_seconds; the pod's grace period must outlast it,
or the kubelet kills the silo in the middle of its handover. Call with (list $ "controllerTerminationGraceSeconds"). */}}
{{- define "mnas.terminationGrace" -}}
{{- $root := index . 0 -}}{{- $name := index . 1 -}}
{{- $grace := int (index $root.Values $name) -}}
{{- if le $grace (int $root.Values.clusterShutdownSeconds) -}}
{{- fail (printf "%s (%d) must be greater than clusterShutdownSeconds (%d): a stopping silo needs that long to hand its grains over" $name $grace (int $root.Values.clusterShutdownSeconds)) -}}
{{- end -}}
{{ $grace }}
{{- end -}}

{{- define "mnas.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .Values.runAsUser }}
runAsGroup: {{ .Values.runAsGroup }}
fsGroup: {{ .Values.fsGroup }}
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "mnas.containerSecurityContext" -}}
runAsNonRoot: true
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop: ["ALL"]
{{- end -}}

{{- define "mnas.volumeMounts" -}}
- name: settings
  mountPath: /etc/mnas
  readOnly: true
- name: data
  mountPath: /data
- name: tmp
  mountPath: /tmp
{{- if .Values.campaignFilesClaim }}
- name: campaign-files
  mountPath: /data/campaigns
{{- end }}
{{- end -}}

{{/* The volumes of every Mnas pod; the settings come from the release's ConfigMap, or the one named: call with
(list $ "name") for another. */}}
{{- define "mnas.volumes" -}}
{{- $root := . -}}{{- $settings := "" -}}
{{- if kindIs "slice" . -}}{{- $root = index . 0 -}}{{- $settings = index . 1 -}}
{{- else -}}{{- $settings = printf "%s-settings" (include "mnas.fullname" .) -}}{{- end -}}
{{- with $root -}}
- name: settings
  configMap:
    name: {{ $settings }}
- name: data
  emptyDir:
    sizeLimit: {{ .Values.dataVolumeSize }}
- name: tmp
  emptyDir: {}
{{- if .Values.campaignFilesClaim }}
- name: campaign-files
  persistentVolumeClaim:
    claimName: {{ .Values.campaignFilesClaim }}
{{- end }}
{{- end -}}
{{- end -}}

{{/* Every long-running Mnas container serves /healthz, /readyz and /metrics on its management port
(management.listen): the port, the probes on it (controllers and workers; the API probes its own port), and the
annotations that let a Prometheus-style scraper find /metrics. */}}
{{- define "mnas.managementPort" -}}
- name: management
  containerPort: {{ .Values.managementPort }}
{{- end -}}

{{- define "mnas.managementProbes" -}}
livenessProbe:
  httpGet:
    path: /healthz
    port: management
  timeoutSeconds: 3
  initialDelaySeconds: 5
  periodSeconds: 20
  failureThreshold: 3
readinessProbe:
  httpGet:
    path: /readyz
    port: management
  # A dependency that does not answer takes /readyz up to 5 s to report.
  timeoutSeconds: 6
  periodSeconds: 10
  failureThreshold: 3
{{- end -}}

{{- define "mnas.metricsAnnotations" -}}
{{- if .Values.metricsAnnotations }}
prometheus.io/scrape: "true"
prometheus.io/port: {{ .Values.managementPort | quote }}
prometheus.io/path: /metrics
{{- end }}
{{- end -}}
