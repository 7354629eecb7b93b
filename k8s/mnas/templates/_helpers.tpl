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

{{- define "mnas.postgresHost" -}}
{{- if .Values.postgresDeploy -}}{{ include "mnas.fullname" . }}-postgres{{- else -}}{{ .Values.postgresHost }}{{- end -}}
{{- end -}}

{{- define "mnas.rabbitmqHost" -}}
{{- if .Values.rabbitmqDeploy -}}{{ include "mnas.fullname" . }}-rabbitmq{{- else -}}{{ .Values.rabbitmqHost }}{{- end -}}
{{- end -}}

{{/* Where the credentials live: the named existing Secret, or the chart's own. */}}
{{- define "mnas.postgresSecret" -}}
{{- if .Values.postgresExistingSecret -}}{{ .Values.postgresExistingSecret }}{{- else -}}{{ include "mnas.fullname" . }}-credentials{{- end -}}
{{- end -}}
{{- define "mnas.postgresSecretKey" -}}
{{- if .Values.postgresExistingSecret -}}{{ .Values.postgresExistingSecretKey }}{{- else -}}postgres-password{{- end -}}
{{- end -}}
{{- define "mnas.rabbitmqSecret" -}}
{{- if .Values.rabbitmqExistingSecret -}}{{ .Values.rabbitmqExistingSecret }}{{- else -}}{{ include "mnas.fullname" . }}-credentials{{- end -}}
{{- end -}}
{{- define "mnas.rabbitmqSecretKey" -}}
{{- if .Values.rabbitmqExistingSecret -}}{{ .Values.rabbitmqExistingSecretKey }}{{- else -}}rabbitmq-password{{- end -}}
{{- end -}}

{{/* A password from values, else the one an earlier install stored, else a new random one: call with (list $ "postgres-password" .Values.postgresPassword). */}}
{{- define "mnas.password" -}}
{{- $root := index . 0 -}}{{- $key := index . 1 -}}{{- $given := index . 2 -}}
{{- if $given -}}{{ $given }}{{- else -}}
{{- $existing := lookup "v1" "Secret" $root.Release.Namespace (printf "%s-credentials" (include "mnas.fullname" $root)) -}}
{{- if and $existing (hasKey $existing.data $key) -}}{{ index $existing.data $key | b64dec }}{{- else -}}{{ randAlphaNum 32 }}{{- end -}}
{{- end -}}
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
- name: MNAS_TRANSPORT__RABBITMQ__PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "mnas.rabbitmqSecret" . }}
      key: {{ include "mnas.rabbitmqSecretKey" . }}
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

{{- define "mnas.volumes" -}}
- name: settings
  configMap:
    name: {{ include "mnas.fullname" . }}-settings
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
