#!/usr/bin/env bash
# `npm run bench [-- options]`: installs what is missing (PostgreSQL too for --db postgres), builds the
# app whose dist/ entry points the bench starts, and runs bench/bench.ts. Options: see bench/bench.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ " $* " == *" postgres "* ]]; then bash scripts/ensure-deps.sh --postgres; else bash scripts/ensure-deps.sh; fi
echo "› building"
npx nest build >/dev/null
export TZ=UTC
exec node --max-old-space-size=4096 bench/run-ts.js bench/bench.ts "$@"
