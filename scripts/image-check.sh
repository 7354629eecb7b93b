#!/usr/bin/env bash
# Checks a built image the way the chart runs it: non-root, read-only root filesystem, no network, writable /tmp and
# /data only. Runs the engine check, a three-child campaign with real training on the image's own datasets, and the
# API's health endpoints.   scripts/image-check.sh IMAGE   (e.g. mnas:0.1.0, built with `make image`)
set -euo pipefail
cd "$(dirname "$0")/.."
image=${1:?usage: scripts/image-check.sh IMAGE}
run=(docker run --rm --read-only --tmpfs /tmp --tmpfs /data:uid=10001,exec)

echo "image-check: engine"
"${run[@]}" --network none "$image" check --steps 5

echo "image-check: a three-child campaign"
spec=$(mktemp -d)
trap 'rm -rf "$spec"; docker rm -f mnas-image-check >/dev/null 2>&1 || true' EXIT
cp docs/demo-campaign.yaml "$spec/"
chmod -R a+rX "$spec"
"${run[@]}" --network none -v "$spec:/spec:ro" "$image" search --spec /spec/demo-campaign.yaml --children 3 --minibatch 2 \
  | tee "$spec/search.log"
grep -q "children done 3, failed 0" "$spec/search.log"

echo "image-check: the API's health endpoints"
port=${MNAS_IMAGE_CHECK_PORT:-18080}
docker run -d --name mnas-image-check --network host --read-only --tmpfs /tmp --tmpfs /data:uid=10001 "$image" \
  api --set "api.listen=http://127.0.0.1:$port" >/dev/null
for _ in $(seq 1 30); do
  curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break
  sleep 1
done
curl -fsS "http://127.0.0.1:$port/healthz"; echo
curl -fsS "http://127.0.0.1:$port/readyz"; echo
echo "image-check: $image passed"
