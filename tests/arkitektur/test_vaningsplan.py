"""The floor plan (STYLE.md, README "Arkitektur"): an app imports only from the floors below it.

Read from the code's own import statements (module level, inside
functions and under TYPE_CHECKING alike), so a new arrow up or sideways
fails here before anyone draws the house. The project's URL modules are
the composition, the one place allowed to know every app.
"""

import ast
from pathlib import Path

import pytest
from django.conf import settings

ROT = Path(settings.BASE_DIR)

# Ground first. Apps on one floor do not import each other.
VANINGAR = {
    "finsam": 0,
    "scb": 1,
    "insatser": 1,
    "deltagare": 2,
    "budget": 2,
    "hantering": 2,
    "enkat": 2,
    "kalkyl": 3,
    "registerutdrag": 3,
    "elegitimation": 3,  # an invitation's personnummer is checked as a deltagare's is
    "statistik": 4,  # the dashboard shows each insats's kalkyl
    "rapporter": 5,
    "demo": 6,  # seeds every floor, the reports' texts too
}
# Composition: the project's URL configuration includes every app's urls.
SAMMANFOGNING = {"finsam/urls.py", "finsam/api/urls.py"}
STORST_MODUL = 600


def _moduler():
    for app in VANINGAR:
        for fil in sorted((ROT / app).rglob("*.py")):
            relativ = fil.relative_to(ROT).as_posix()
            if "/migrations/" not in relativ:
                yield app, relativ, fil


def _importerade_appar(fil: Path) -> set[str]:
    appar = set()
    for nod in ast.walk(ast.parse(fil.read_text(encoding="utf-8"))):
        if isinstance(nod, ast.Import):
            namn = [alias.name for alias in nod.names]
        elif isinstance(nod, ast.ImportFrom) and nod.level == 0 and nod.module:
            namn = [nod.module]
        else:
            continue
        appar |= {n.split(".")[0] for n in namn} & VANINGAR.keys()
    return appar


def test_varje_app_har_en_vaning():
    installerade = {app.split(".")[0] for app in settings.INSTALLED_APPS}
    egna = {p.name for p in ROT.iterdir() if (p / "apps.py").exists()}
    assert egna == VANINGAR.keys() == egna & installerade


def test_ingen_app_importerar_uppat_eller_at_sidan():
    fel = [
        f"{relativ} → {annan}"
        for app, relativ, fil in _moduler()
        if relativ not in SAMMANFOGNING
        for annan in _importerade_appar(fil)
        if annan != app and VANINGAR[annan] >= VANINGAR[app]
    ]
    assert fel == []


@pytest.mark.parametrize("app", VANINGAR)
def test_ingen_modul_over_600_rader(app):
    langa = {
        relativ: antal
        for a, relativ, fil in _moduler()
        if a == app and (antal := len(fil.read_text(encoding="utf-8").splitlines())) > STORST_MODUL
    }
    assert langa == {}
