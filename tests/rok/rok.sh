#!/usr/bin/env bash
# `make rok`: the production processes started natively, and a smoke test through gunicorn.
#
# The commands of docker-compose.yml, unchanged: `gunicorn -c drift/gunicorn.conf.py
# finsam.wsgi`, `celery -A finsam worker`, `celery -A finsam beat`, with
# FINSAM_PRODUCTION=1 and the static files collected as the Dockerfile does.
# Change both together. They run against the local PostgreSQL, in a database
# of their own made anew each run (ROK_DB, default finsam_rok; the shared
# `finsam` is never touched), and the local Redis on a db number of their own
# (ROK_REDIS, default db 5). Then: /halsa/ answers 200 through the
# container's own probe (drift/halsoprov.py); the sign-in page, the API's
# documentation and every static file they link answer; an API call with a
# key answers; a report ordered through the API is made klar by the worker
# (broker and worker work); the worker's and beat's compose health checks
# pass. The trap stops every process and drops the database; any failure
# fails the target, with the processes' logs printed.
set -euo pipefail

ROT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROT"
BIN=$ROT/.venv/bin
PY=$BIN/python
# libpq's own variables, read by createdb, dropdb and psycopg alike.
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=${ROK_DB:-finsam_rok}
PORT=${ROK_PORT:-8765}
BAS="http://127.0.0.1:$PORT"
# Seconds to wait for the web process to be healthy and for the report.
VANTA=${ROK_VANTA:-60}
START=$SECONDS

TMP=$(mktemp -d /tmp/finsam-rok.XXXXXX)
nyckel() { $PY -c "import secrets; print(secrets.token_urlsafe(50))"; }

# Production settings, with secrets made for this run only.
export FINSAM_PRODUCTION=1
SECRET_KEY=$(nyckel)
FINSAM_HMAC_KEY=$(nyckel)
FINSAM_FIELD_KEY=$($PY -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())")
export SECRET_KEY FINSAM_HMAC_KEY FINSAM_FIELD_KEY
export ALLOWED_HOSTS=127.0.0.1,localhost
export DATABASE_URL="postgres://$PGUSER@$PGHOST:$PGPORT/$DB"
export REDIS_URL=${ROK_REDIS:-redis://127.0.0.1:6379/5}
export MEDIA_ROOT="$TMP/media"
export LOG_LEVEL=WARNING
# drift/gunicorn.conf.py and drift/halsoprov.py read where to listen and where to ask.
export FINSAM_BIND="127.0.0.1:$PORT" FINSAM_HALSA_ADRESS="127.0.0.1:$PORT" WEB_CONCURRENCY=2

PIDS=()
stadning() {
    local kod=$?
    # Every step of the clean-up runs, whatever fails in it.
    set +e
    for pid in ${SAMLA:-} "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    if [ "$kod" != 0 ]; then
        for logg in "$TMP"/*.logg; do
            [ -f "$logg" ] || continue
            echo "--- $(basename "$logg") (sista raderna)"
            tail -n 40 "$logg"
        done
    fi
    PGOPTIONS="-c client_min_messages=warning" dropdb --if-exists --force "$DB"
    redis-cli -u "$REDIS_URL" flushdb >/dev/null 2>&1
    rm -rf "$TMP"
    if [ "$kod" = 0 ]; then
        echo "make rok: klart på $((SECONDS - START)) s."
    else
        echo "make rok: FEL (se ovan)." >&2
    fi
    exit "$kod"
}
trap stadning EXIT
trap 'exit 1' INT TERM

fel() { echo "make rok: $*" >&2; exit 1; }
# curl through the proxy's eyes: production redirects plain HTTP to HTTPS.
fraga() { curl -sS --max-time 30 -H "X-Forwarded-Proto: https" "$@"; }
json() { $PY -c "import json, sys; print(json.load(sys.stdin)$1)"; }
lever() {
    for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null || fel "en process har avslutats"; done
}

echo "== Databas $DB, Redis $REDIS_URL, gunicorn $BAS"
PGOPTIONS="-c client_min_messages=warning" dropdb --if-exists --force "$DB"
createdb "$DB"
redis-cli -u "$REDIS_URL" flushdb >/dev/null
# As the Dockerfile does: compressed files named by content, production's
# storage; the slower step, so beside the migrations.
$PY manage.py collectstatic --noinput --verbosity 0 >"$TMP/collectstatic.logg" 2>&1 &
SAMLA=$!
$PY manage.py migrate --noinput >"$TMP/migrate.logg"
wait "$SAMLA" || fel "collectstatic misslyckades"
echo "   migrerad och statiska filer samlade ($((SECONDS - START)) s)"

# The commands of docker-compose.yml's web, worker and beat.
"$BIN/gunicorn" -c drift/gunicorn.conf.py finsam.wsgi >"$TMP/web.logg" 2>&1 &
PIDS+=($!)
"$BIN/celery" -A finsam worker --loglevel=INFO >"$TMP/worker.logg" 2>&1 &
PIDS+=($!)
"$BIN/celery" -A finsam beat --loglevel=INFO --schedule "$TMP/celerybeat-schedule" \
    >"$TMP/beat.logg" 2>&1 &
PIDS+=($!)

# Healthy as Docker would see it: database, cache and broker from inside the web process.
for _ in $(seq "$VANTA"); do
    $PY drift/halsoprov.py >"$TMP/halsa.svar" 2>&1 && break
    lever
    sleep 1
done
$PY drift/halsoprov.py >"$TMP/halsa.svar" 2>&1 || fel "/halsa/ svarar inte 200: $(cat "$TMP/halsa.svar")"
echo "   /halsa/: $(cat "$TMP/halsa.svar") ($((SECONDS - START)) s)"

# The sign-in page and the API's documentation, and every file they link
# from the collected static files (WhiteNoise, hashed names only).
for sida in /konto/logga-in/ /api/v1/docs/; do
    kod=$(fraga -o "$TMP/sida.html" -w '%{http_code}' "$BAS$sida")
    [ "$kod" = 200 ] || fel "$sida svarade $kod"
    filer=$(grep -oE "/static/[^\"' )]+" "$TMP/sida.html" | sort -u)
    [ -n "$filer" ] || fel "$sida länkar inga statiska filer"
    for fil in $filer; do
        kod=$(fraga -o /dev/null -w '%{http_code}' "$BAS$fil")
        [ "$kod" = 200 ] || fel "$fil (från $sida) svarade $kod"
    done
    echo "   $sida och dess $(wc -w <<<"$filer") statiska filer: 200"
done

# A förbundschef with a personal key, as an installation starts (README: Första installation).
forbund=$($PY manage.py skapa_forbund "Rökprovets samordningsförbund" | tail -n1)
$PY manage.py skapa_anvandare rokchef --forbund "$forbund" --roll forbundschef >/dev/null
api_nyckel=$($PY manage.py skapa_api_nyckel --user rokchef --namn "make rok" | tail -n1)
auth=(-H "Authorization: Bearer $api_nyckel")

kod=$(fraga "${auth[@]}" -o "$TMP/forbund.json" -w '%{http_code}' "$BAS/api/v1/forbund/$forbund/")
[ "$kod" = 200 ] || fel "API:t svarade $kod på förbundet"
namn=$(json '["namn"]' <"$TMP/forbund.json")
[ "$namn" = "Rökprovets samordningsförbund" ] || fel "API:t gav förbundet $namn"
echo "   API med nyckel: förbund $forbund"

# A report ordered through the API: web queues it in Redis, the worker makes the PDF.
ar=$(date +%Y)
kod=$(fraga "${auth[@]}" -H "Content-Type: application/json" -o "$TMP/bestallning.json" \
    -w '%{http_code}' -X POST "$BAS/api/v1/rapporter/" \
    -d "{\"forbund\": $forbund, \"typ\": \"delarsrapport\", \"fran\": \"$ar-01-01\", \"till\": \"$ar-08-31\"}")
[ "$kod" = 202 ] || fel "beställningen svarade $kod: $(cat "$TMP/bestallning.json")"
rapport=$(json '["id"]' <"$TMP/bestallning.json")
status=
for _ in $(seq "$VANTA"); do
    fraga "${auth[@]}" -o "$TMP/rapport.json" "$BAS/api/v1/rapporter/$rapport/"
    status=$(json '["status"]' <"$TMP/rapport.json")
    [ "$status" = klar ] && break
    [ "$status" = fel ] && fel "rapporten blev fel: $(json '["fel"]' <"$TMP/rapport.json")"
    lever
    sleep 1
done
[ "$status" = klar ] || fel "rapporten blev inte klar på $VANTA s (status $status)"
typ=$(fraga "${auth[@]}" -o "$TMP/rapport.pdf" -w '%{content_type}' \
    "$BAS/api/v1/rapporter/$rapport/pdf/")
[ "$typ" = application/pdf ] && head -c 5 "$TMP/rapport.pdf" | grep -q '%PDF-' \
    || fel "rapportens PDF saknas (svar $typ)"
echo "   rapport $rapport klar i workern: $(stat -c %s "$TMP/rapport.pdf") byte PDF"

# The worker's and beat's health checks of docker-compose.yml, as there: the
# worker answers a ping through the broker, beat has written its schedule.
lever
"$BIN/celery" -A finsam inspect ping --destination "celery@$(hostname)" --timeout 10 \
    >"$TMP/ping.logg" 2>&1 || fel "workern svarar inte på ping"
find "$TMP" -name 'celerybeat-schedule*' -mmin -10 | grep -q . || fel "beat har inte skrivit sitt schema"
echo "   worker och beat friska"
