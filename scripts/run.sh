#!/usr/bin/env bash
# `npm start`: installs what is missing, builds, migrates, seeds an empty database with demo data,
# and runs the API with its workers in one process on embedded defaults (SQLite, private Redis, outbox).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f .env ] && { set -a; . ./.env; set +a; }
bash scripts/ensure-deps.sh
echo "› building"
npx nest build >/dev/null
exec node dist/src/main.js
