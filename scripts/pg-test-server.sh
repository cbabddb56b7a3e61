#!/usr/bin/env bash
# Starts a throwaway PostgreSQL on loopback for the PostgreSQL half of the test suite and prints
# its URL on the last line. Usage: scripts/pg-test-server.sh start DIR PORT [durable] | stop DIR
# Tests run it without fsync (a throwaway cluster); `durable` (npm run bench) keeps PostgreSQL's durability (fsync) with 2 GB of shared buffers.
# initdb refuses to run as root, so as root the cluster belongs to the "postgres" system user.
set -euo pipefail
cmd=${1:?start|stop}; dir=${2:?data dir}; port=${3:-55432}; mode=${4:-fast}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
[ -n "$bin" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "$cmd" in
  start)
    mkdir -p "$dir"; [ "$(id -u)" = 0 ] && chown postgres "$dir"
    if [ ! -f "$dir/PG_VERSION" ]; then as_pg "$bin/initdb" -D "$dir" -U nhiemvu --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null; fi
    fast="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    # durable (the bench): PostgreSQL's safe defaults, with shared buffers sized for a million tasks
    # (~1.5 GB of table and indexes; the default 128 MB sends most reads to the kernel's cache).
    [ "$mode" = durable ] && fast="-c shared_buffers=2GB"
    as_pg "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir $fast -c max_connections=200" start >/dev/null
    echo "postgres://nhiemvu@127.0.0.1:$port/postgres"
    ;;
  stop)
    [ -f "$dir/postmaster.pid" ] && as_pg "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null || true
    ;;
esac
