#!/usr/bin/env bash
# Installs the real n8n the end-to-end test runs against into <repo>/.n8n-runtime, outside the npm
# workspaces so that its ~1.7 GB tree never enters the lockfile. Idempotent: a finished install is
# reused. n8n 1.123.50 is the last 1.123.x that runs on Node 20 (later trees pull isolated-vm 6).
set -euo pipefail

N8N_VERSION="1.123.50"
repo_root="$(cd "$(dirname "$0")/../../.." && pwd)"
runtime="${N8N_RUNTIME_DIR:-$repo_root/.n8n-runtime}"
marker="$runtime/.installed-$N8N_VERSION"

if [[ -f "$marker" && -x "$runtime/node_modules/.bin/n8n" ]]; then
  echo "n8n $N8N_VERSION already installed in $runtime"
  exit 0
fi

mkdir -p "$runtime"
# n8n-nodes-base asks for xlsx by a URL outside the registry, which cannot install here: pin the
# registry release instead.
cat >"$runtime/package.json" <<JSON
{
  "name": "n8n-runtime",
  "private": true,
  "dependencies": { "n8n": "$N8N_VERSION" },
  "overrides": { "xlsx": "0.18.5" }
}
JSON

echo "Installing n8n $N8N_VERSION into $runtime (a few minutes on a fresh machine)…"
cd "$runtime"
for attempt in 1 2 3; do
  if npm install --no-audit --no-fund --loglevel=error; then
    touch "$marker"
    echo "n8n $N8N_VERSION installed"
    exit 0
  fi
  echo "npm install failed (attempt $attempt); retrying in 20 s" >&2
  sleep 20
done
echo "Could not install n8n $N8N_VERSION into $runtime" >&2
exit 1
