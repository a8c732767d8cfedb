#!/usr/bin/env bash
# Installs a packed n8n-nodes-returns-pack tarball into an n8n user folder exactly as n8n 1.123's
# community-node installer (Settings → Community nodes → Install) lays it out, for a build that is
# not on the npm registry yet:
#   <user folder>/.n8n/nodes/package.json                 {"name": "installed-nodes", "dependencies": {…}}
#   <user folder>/.n8n/nodes/node_modules/<package>/      the tarball, extracted, without its dev and
#                                                         peer dependencies, then `npm install`ed with
#                                                         n8n's flags (no scripts, no bin links, no lock)
# n8n loads it at the next start under `<package name>.<node name>` (n8n-nodes-returns-pack.returnsPack).
#
# Usage: install-community-package.sh <tarball.tgz> [user folder, default $N8N_USER_FOLDER or ~]
set -euo pipefail

tarball="$(cd "$(dirname "${1:?usage: $0 <tarball.tgz> [n8n user folder]}")" && pwd)/$(basename "$1")"
user_folder="${2:-${N8N_USER_FOLDER:-$HOME}}"
nodes="$user_folder/.n8n/nodes"

name="$(tar -xzOf "$tarball" package/package.json | node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(0, "utf8")).name)')"
target="$nodes/node_modules/$name"

mkdir -p "$nodes"
[[ -f "$nodes/package.json" ]] ||
  printf '{\n  "name": "installed-nodes",\n  "private": true,\n  "dependencies": {}\n}\n' >"$nodes/package.json"

rm -rf "$target"
mkdir -p "$target"
tar -xzf "$tarball" -C "$target" --strip-components=1
# n8n drops these before installing: the peer n8n-workflow is n8n's own copy.
node -e '
  const fs = require("fs");
  const file = process.argv[1];
  const { devDependencies, peerDependencies, optionalDependencies, ...pkg } = JSON.parse(fs.readFileSync(file, "utf8"));
  fs.writeFileSync(file, JSON.stringify(pkg, null, 2));
' "$target/package.json"
(cd "$target" && npm install --audit=false --fund=false --bin-links=false --install-strategy=shallow \
  --ignore-scripts=true --package-lock=false --loglevel=error)
node -e '
  const fs = require("fs");
  const [file, target] = process.argv.slice(1);
  const list = JSON.parse(fs.readFileSync(file, "utf8"));
  const { name, version } = JSON.parse(fs.readFileSync(target + "/package.json", "utf8"));
  list.dependencies = { ...list.dependencies, [name]: version };
  fs.writeFileSync(file, JSON.stringify(list, null, 2));
' "$nodes/package.json" "$target"
echo "Installed $name into $target"
