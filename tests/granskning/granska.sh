#!/usr/bin/env bash
# `make audit`: bandit over Finsam's code, pip-audit over the installed
# Python packages and npm audit over the front-end packages. Each must run
# and find nothing of medium severity or above (bandit) or no known
# vulnerability (pip-audit, npm audit at high). A tool that cannot reach its
# vulnerability data fails the target and says so: a check that did not run
# is not a pass.
set -uo pipefail

ROT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROT"
VENV=$ROT/.venv/bin
UT=$(mktemp -d /tmp/finsam-granskning.XXXXXX)
trap 'rm -rf "$UT"' EXIT
FEL=0

echo "== bandit (Finsams kod; medel och hög allvarlighet)"
if "$VENV/bandit" -c pyproject.toml -r . -q --severity-level medium >"$UT/bandit" 2>&1; then
    grep -E "Low:|Medium:|High:" "$UT/bandit" | head -3
    echo "bandit: inga fynd av medel eller hög allvarlighet."
else
    cat "$UT/bandit"
    echo "bandit: FEL, fynd ovan."
    FEL=1
fi

echo
echo "== pip-audit (installerade Python-paket)"
"$VENV/pip-audit" --local --progress-spinner off >"$UT/pip-audit" 2>&1
kod=$?
# pip-audit only lists a package it could not look up; here that fails the target.
ej=$(grep -c "could not be audited" "$UT/pip-audit")
if [ "$kod" != 0 ]; then
    grep -v "could not be audited" "$UT/pip-audit"
    echo "pip-audit: FEL, sårbarheter ovan."
    FEL=1
fi
if [ "$ej" != 0 ]; then
    echo "pip-audit: KUNDE INTE GRANSKA $ej paket: sårbarhetsdata saknas härifrån."
    echo "  pip-audit läser dem från pypi.org/pypi/<paket>/<version>/json; en PyPI-spegel"
    echo "  utan dem svarar 404 (så här i december 2026). Kör make audit där pypi.org nås."
    FEL=1
elif [ "$kod" = 0 ]; then
    echo "pip-audit: inga kända sårbarheter."
fi

echo
echo "== npm audit (front-end-paket, hög allvarlighet)"
if npm audit --omit=dev --audit-level=high >"$UT/npm" 2>&1; then
    tail -3 "$UT/npm"
    echo "npm audit: inga sårbarheter av hög allvarlighet."
elif grep -q "audit endpoint returned an error" "$UT/npm"; then
    grep -m1 "npm warn audit" "$UT/npm"
    echo "npm audit: KUNDE INTE GRANSKA: npm-registrets granskningstjänst svarar inte härifrån."
    FEL=1
else
    tail -20 "$UT/npm"
    echo "npm audit: FEL, sårbarheter ovan."
    FEL=1
fi

echo
if [ "$FEL" = 0 ]; then echo "make audit: inga fynd."; else echo "make audit: FEL eller ej granskat (se ovan)."; fi
exit "$FEL"
