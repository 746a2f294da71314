#!/usr/bin/env bash
# `make load`: Finsam under load, then under faults, on services of its own.
#
# A PostgreSQL cluster and a redis-server on ports of their own in a
# temporary directory (the shared ones on 5432/6379 and a running CI are
# never touched), gunicorn with two workers, and a Celery worker with beat.
# Three locust runs: a steady one (LAST_TID, five minutes), one with Redis
# restarted and one with PostgreSQL restarted mid-run (LAST_FELTID each).
# After each, tests/last/kontroll.py accounts for every row the run created.
# LAST_KORNINGAR picks runs (default "last redis postgresql"). Exits
# non-zero on any error or unaccounted row; the trap always tears the
# services down.
set -euo pipefail

ROT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROT"
PY=$ROT/.venv/bin/python
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PGPORT=${LAST_PGPORT:-55432}
REDISPORT=${LAST_REDISPORT:-56379}
WEBPORT=${LAST_WEBPORT:-58000}
ANVANDARE=${LAST_ANVANDARE:-50}
TID=${LAST_TID:-5m}
FELTID=${LAST_FELTID:-2m}
# When in a fault run the service goes down, and for how long.
FEL_EFTER=${LAST_FEL_EFTER:-40}
FEL_LANGD=${LAST_FEL_LANGD:-15}

TMP=$(mktemp -d /tmp/finsam-last.XXXXXX)
chmod 755 "$TMP"
mkdir -p "$TMP/media" "$TMP/pg"
# PostgreSQL refuses to run as root: the cluster belongs to the postgres user.
SOM_PG=()
if [ "$(id -u)" = 0 ]; then
    chown postgres "$TMP/pg"
    SOM_PG=(runuser -u postgres --)
fi

export DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/finsam"
export REDIS_URL="redis://127.0.0.1:$REDISPORT/0"
export MEDIA_ROOT="$TMP/media"
export FINSAM_DEMO_PASSWORD="last-demo-losenord"
# A job without a sign of life for 20 s is queued again by the sweeper (beat, each minute).
export FINSAM_JOBB_INAKTUELL_EFTER=20
export LOG_LEVEL=WARNING
export LAST_KATALOG="$TMP"

PIDS=()
stadning() {
    local kod=$?
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    "${SOM_PG[@]}" "$PGBIN/pg_ctl" -D "$TMP/pg/data" -m immediate stop >/dev/null 2>&1 || true
    redis-cli -p "$REDISPORT" shutdown nosave >/dev/null 2>&1 || true
    if [ "$kod" != 0 ]; then
        echo "Loggar i $TMP (behålls efter fel)."
    else
        rm -rf "$TMP"
    fi
    exit "$kod"
}
trap stadning EXIT INT TERM

pg_start() {
    "${SOM_PG[@]}" "$PGBIN/pg_ctl" -D "$TMP/pg/data" -l "$TMP/pg/logg" -w \
        -o "-p $PGPORT -k $TMP/pg -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
}
pg_stopp() { "${SOM_PG[@]}" "$PGBIN/pg_ctl" -D "$TMP/pg/data" -m fast -w stop >/dev/null; }
redis_start() {
    redis-server --port "$REDISPORT" --bind 127.0.0.1 --save "" --appendonly no \
        --daemonize yes --pidfile "$TMP/redis.pid" --logfile "$TMP/redis.logg"
    until redis-cli -p "$REDISPORT" ping >/dev/null 2>&1; do sleep 0.2; done
}
redis_stopp() { redis-cli -p "$REDISPORT" shutdown nosave >/dev/null 2>&1 || true; }

echo "== Tjänster i $TMP: PostgreSQL :$PGPORT, Redis :$REDISPORT, gunicorn :$WEBPORT"
"${SOM_PG[@]}" "$PGBIN/initdb" -D "$TMP/pg/data" -A trust -U postgres >/dev/null
pg_start
"${SOM_PG[@]}" "$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres finsam
redis_start

$PY manage.py migrate --noinput >/dev/null
$PY manage.py seed_demo 2>"$TMP/seed.logg" | tail -1
$PY manage.py last_forbered --antal "$ANVANDARE" --ut "$TMP/konton.json"

"$ROT/.venv/bin/gunicorn" finsam.wsgi --workers 2 --bind "127.0.0.1:$WEBPORT" \
    --timeout 60 --access-logfile "$TMP/access.logg" --error-logfile "$TMP/gunicorn.logg" \
    >"$TMP/gunicorn-ut.logg" 2>&1 &
PIDS+=($!)
"$ROT/.venv/bin/celery" -A finsam worker --beat --concurrency 1 --loglevel WARNING \
    --schedule "$TMP/celerybeat-schedule" >"$TMP/worker.logg" 2>&1 &
PIDS+=($!)
until curl -fs -o /dev/null "http://127.0.0.1:$WEBPORT/konto/logga-in/"; do sleep 0.5; done

RESULTAT=0
RAKNINGAR=()
kor() { # name, run time, fault (none|redis|postgresql)
    local namn=$1 tid=$2 fel=$3
    echo
    echo "== Körning: $namn ($ANVANDARE användare, $tid)"
    LAST_RAKNING="$TMP/rakning-$namn.json" LAST_FEL="$fel" LAST_FEL_EFTER="$FEL_EFTER" \
        LAST_FEL_LANGD="$FEL_LANGD" "$ROT/.venv/bin/locust" \
        -f tests/last/locustfile.py --headless --only-summary --loglevel WARNING \
        -u "$ANVANDARE" -r 10 --run-time "$tid" --stop-timeout 30 \
        --host "http://127.0.0.1:$WEBPORT" --csv "$TMP/$namn" \
        >"$TMP/locust-$namn.logg" 2>&1 &
    local locust=$!
    if [ "$fel" != ingen ]; then
        sleep "$FEL_EFTER"
        echo "   $fel stoppas ($(date -u +%H:%M:%S)) i $FEL_LANGD s"
        if [ "$fel" = redis ]; then redis_stopp; else pg_stopp; fi
        sleep "$FEL_LANGD"
        if [ "$fel" = redis ]; then redis_start; else pg_start; fi
        echo "   $fel startad igen ($(date -u +%H:%M:%S))"
    fi
    wait "$locust" || true
    RAKNINGAR+=("$TMP/rakning-$namn.json")
    $PY tests/last/kontroll.py "$namn" "$TMP/konton.json" "$TMP/${namn}_stats.csv" \
        "${RAKNINGAR[@]}" || RESULTAT=1
}

for korning in ${LAST_KORNINGAR:-last redis postgresql}; do
    case $korning in
        last) kor last "$TID" ingen ;;
        redis | postgresql) kor "$korning" "$FELTID" "$korning" ;;
        *) echo "Okänd körning: $korning" >&2; exit 2 ;;
    esac
done

echo
if [ "$RESULTAT" = 0 ]; then echo "make load: inga fel, varje rad redovisad."; else echo "make load: FEL (se ovan)."; fi
exit "$RESULTAT"
