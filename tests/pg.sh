#!/bin/sh
# pg.sh — a throwaway PostgreSQL server for the store tests: initdb and
# pg_ctl on a unix socket inside DIR, no TCP, trust auth, fsync off.
#   sh tests/pg.sh start DIR [DB...]   databases dyad and DB... (DIR's parent must be reachable by the
#                              server's user, e.g. a mktemp -d of its own)
#                              prints the connection URL (exit 77: no server
#                              binaries here, the caller skips)
#   sh tests/pg.sh stop DIR
# The server refuses to run as root, so as root it runs as the `postgres`
# user the Debian package creates.
cmd=$1; dir=$2
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: pg.sh start|stop DIR" >&2; exit 2; }

bin=${PG_BIN:-}
if [ -z "$bin" ]; then
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && { bin=$d; break; }
  done
fi
if [ -z "$bin" ] && command -v initdb >/dev/null 2>&1; then
  bin=$(dirname "$(command -v initdb)")
fi
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ] || [ ! -x "$bin/pg_ctl" ]; then
  echo "pg.sh: no PostgreSQL server binaries (initdb, pg_ctl); install the postgresql package" >&2
  exit 77
fi

as_pg() {
  if [ "$(id -u)" = 0 ]; then
    if command -v runuser >/dev/null 2>&1; then runuser -u postgres -- "$@"
    else su postgres -s /bin/sh -c "$(printf '%s ' "$@")"; fi
  else
    "$@"
  fi
}

case "$cmd" in
start)
  mkdir -p "$dir" || exit 1
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || { echo "pg.sh: running as root and there is no postgres user" >&2; exit 77; }
    chown postgres "$dir"
  fi
  as_pg "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 \
      --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { echo "pg.sh: initdb failed:" >&2; tail -n 5 "$dir/initdb.log" >&2; exit 1; }
  as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-k $dir -c listen_addresses= -c fsync=off -c full_page_writes=off -c synchronous_commit=off" \
      start >/dev/null 2>&1 \
    || { echo "pg.sh: server did not start:" >&2; tail -n 5 "$dir/server.log" >&2; exit 1; }
  shift 2
  for db in dyad "$@"; do
    as_pg "$bin/createdb" -h "$dir" -U postgres "$db" \
      || { echo "pg.sh: createdb $db failed" >&2; exit 1; }
  done
  echo "postgresql://postgres@/dyad?host=$dir"
  ;;
stop)
  [ -d "$dir/data" ] && as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1
  rm -rf "$dir"
  ;;
*) echo "usage: pg.sh start|stop DIR" >&2; exit 2 ;;
esac
