#!/bin/sh
# The national benchmark (`make bench-nationell`): for each scale a PostgreSQL
# database of its own, generated once (generera_testdata leaves an existing
# one as it is), then measured into bench/results.json.
# PGBAS names the server; the databases are created there if missing.
# The API is loaded with wrk (Debian's package), installed here when missing;
# matning_nationell starts and stops gunicorn itself, on FINSAM_BENCH_PORT
# (8790 unless set).
set -eu
PY=.venv/bin/python
PGBAS=${PGBAS:-postgres://postgres@127.0.0.1:5432}

if ! command -v wrk >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

kor() {  # skala databas förbund insatser deltagare inskrivningar bedömningar delar
    skala=$1 db=$2
    psql "$PGBAS/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 \
        || psql "$PGBAS/postgres" -qc "CREATE DATABASE $db"
    export DATABASE_URL="$PGBAS/$db"
    $PY manage.py migrate --noinput -v0
    $PY manage.py generera_testdata --forbund "$3" --insatser "$4" --deltagare "$5" \
        --inskrivningar "$6" --bedomningar "$7"
    $PY manage.py matning_nationell --skala "$skala" --ut bench/results.json --delar "$8"
}

# The SCB figures are the same at both scales (every kommun, ten years), so
# their import is measured once, from the national database.
kor 0.1 finsam_nationell_tiondel 80 400 30000 40000 200000 statistik,pdf,api
kor 1 finsam_nationell 80 400 300000 400000 2000000 statistik,pdf,api,scb
