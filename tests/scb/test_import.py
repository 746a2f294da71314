"""The import service: what it stores, that it is idempotent, all or nothing, and who may run it."""

import hashlib
import json
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from finsam.atkomst import SYSTEM
from scb.lasning import MAX_STORLEK
from scb.models import Folkmangd, Helarsekvivalent, Region, Scbimport
from scb.services import scb_importera, scb_importera_uppladdad
from tests.factories import UserFactory
from tests.scb.filer import (
    FOLKMANGD,
    INNEHALL,
    MANADER_2020,
    MANADER_2021,
    antal_rader,
    arsvarde,
    dimensioner,
    forvantat_ar_2020,
    jsonstat,
    manadsvarde,
    rader_i_databasen,
    scb_csv,
)

pytestmark = pytest.mark.django_db
D = Decimal
JSON = jsonstat(dimensioner())
CSV = scb_csv(dimensioner(), kod_och_text=True)


def importera(innehall: bytes, filnamn: str = "TAB1386.json", user=SYSTEM):
    return scb_importera(innehall=innehall, filnamn=filnamn, user=user)


def test_jsonstat_lagrar_de_sex_formerna_med_decimaler_och_folkmangd():
    resultat = importera(JSON)
    assert rader_i_databasen() == forvantat_ar_2020()
    # The exact Decimals, read back from the database.
    sjukpenning = Helarsekvivalent.objects.get(
        region__kod="1980", ar=2020, kon="totalt", ersattningsform="arbetsloshet"
    )
    assert (sjukpenning.varde, sjukpenning.manader) == (D("2148.1667"), None)
    assert Folkmangd.objects.get(region__kod="1907", ar=2020, kon="kvinnor").antal == 2550
    assert (resultat.helarsekvivalenter.skapade, resultat.folkmangd.skapade) == (36, 6)
    assert (resultat.uppdaterade, resultat.oforandrade, resultat.regioner_skapade) == (0, 0, 2)
    assert resultat.ej_lagrade == 6  # SCB's Summa, per region and kön
    assert resultat.sammanfattning() == [
        "TAB1386.json: årsvärden för 2020.",
        "Helårsekvivalenter: 36 nya, 0 ändrade, 0 oförändrade.",
        "Folkmängd 20–64 år: 6 nya, 0 ändrade, 0 oförändrade.",
        "Nya regioner: 2.",
        "6 värden för summa, andel eller andra åldrar lagrades inte: Finsam räknar summa "
        "och andel ur de sex ersättningsformerna.",
    ]


def test_nya_regioner_far_filens_namn_och_typ_befintliga_behaller_sitt():
    Region.objects.create(kod="1980", namn="Västerås stad", typ=Region.Typ.KOMMUN)
    dims = dimensioner(regioner=[("1980", "Västerås"), ("19", "Västmanlands län"), ("00", "Riket")])
    importera(jsonstat(dims, lambda r, *k: arsvarde("1980", *k)))
    assert list(Region.objects.values_list("kod", "namn", "typ")) == [
        ("00", "Riket", "riket"),
        ("19", "Västmanlands län", "lan"),
        ("1980", "Västerås stad", "kommun"),
    ]


def test_csv_lagrar_samma_rader_som_jsonstat():
    importera(CSV, "HE0000T02N2.csv")
    assert rader_i_databasen() == forvantat_ar_2020()
    # And the JSON-stat of the same table afterwards changes nothing.
    resultat = importera(JSON)
    assert (resultat.skapade, resultat.uppdaterade, resultat.oforandrade) == (0, 0, 42)


def test_samma_fil_tva_ganger_andrar_ingenting():
    importera(JSON)
    fore = rader_i_databasen()
    ids = set(Helarsekvivalent.objects.values_list("id", flat=True))
    resultat = importera(JSON)
    assert rader_i_databasen() == fore
    assert set(Helarsekvivalent.objects.values_list("id", flat=True)) == ids
    assert (resultat.skapade, resultat.uppdaterade, resultat.oforandrade) == (0, 0, 42)
    assert resultat.regioner_skapade == 0
    assert resultat.sammanfattning()[-1] == "Inget ändrades: värdena fanns redan."


def test_en_rattad_fil_rattar_och_lamnar_resten():
    importera(JSON)
    # SCB corrects Västerås's sjukpenning (totalt) and Surahammar's folkmängd (män).
    rattad = {("1980", "1+2", "HE0000A1"): D("1906.5"), ("1907", "1", FOLKMANGD[0]): 2680}
    resultat = importera(
        jsonstat(dimensioner(), lambda r, k, i, t: rattad.get((r, k, i), arsvarde(r, k, i, t)))
    )
    assert (resultat.helarsekvivalenter.uppdaterade, resultat.folkmangd.uppdaterade) == (1, 1)
    assert (resultat.helarsekvivalenter.oforandrade, resultat.folkmangd.oforandrade) == (35, 5)
    forvantat = forvantat_ar_2020()
    forvantat["helarsekvivalenter"][("1980", 2020, "totalt", "sjukpenning")] = (D("1906.5"), None)
    forvantat["folkmangd"][("1907", 2020, "man")] = 2680
    assert rader_i_databasen() == forvantat


def test_en_fil_med_annat_ar_lamnar_aren_den_inte_har():
    importera(JSON)
    dims = dimensioner(tider=("2019",))
    importera(jsonstat(dims, lambda r, k, i, t: arsvarde(r, k, i, "2020") + 1))
    assert Helarsekvivalent.objects.filter(ar=2020).count() == 36
    assert Helarsekvivalent.objects.filter(ar=2019).count() == 36
    assert rader_i_databasen()["helarsekvivalenter"][("1907", 2019, "totalt", "sjukpenning")] == (
        D("128.4"),
        None,
    )


def test_folkmangd_i_en_egen_fil():
    bara_former = [i for i in INNEHALL if i != FOLKMANGD]
    resultat = importera(jsonstat(dimensioner(innehall=bara_former)))
    assert (resultat.helarsekvivalenter.skapade, resultat.folkmangd.skapade) == (36, 0)
    resultat = importera(scb_csv(dimensioner(innehall=[FOLKMANGD]), kod_och_text=True), "f.csv")
    assert (resultat.helarsekvivalenter.totalt, resultat.folkmangd.skapade) == (0, 6)
    assert rader_i_databasen() == forvantat_ar_2020()


def test_manader_lagras_som_arsmedel_med_antal_manader():
    dims = dimensioner(
        tider=MANADER_2020 + MANADER_2021, regioner=[("1980", "Västerås")], kon=[("1+2", "totalt")]
    )
    resultat = importera(jsonstat(dims, manadsvarde))
    hek = rader_i_databasen()["helarsekvivalenter"]
    assert hek[("1980", 2020, "totalt", "sjukpenning")] == (D("1902.75"), 12)
    assert hek[("1980", 2020, "totalt", "ekonomiskt_bistand")] == (D("2000"), 11)
    assert hek[("1980", 2021, "totalt", "sjukpenning")] == (D("11.3333"), 3)
    assert rader_i_databasen()["folkmangd"] == {
        ("1980", 2020, "totalt"): 88586,
        ("1980", 2021, "totalt"): 88601,
    }
    assert resultat.ofullstandiga == {2020: 1, 2021: 6}
    rader = resultat.sammanfattning()
    assert "Varje år är medelvärdet av dess månader." in rader
    assert "2021 bygger på färre än 12 månader för 6 värden och är markerat som ofullständigt." in (
        rader
    )
    assert "1 värde saknas hos SCB (markerade .. eller -) och lästes inte in." in rader
    # A later yearly figure for 2021 replaces the mean and its flag.
    arsfil = jsonstat(
        dimensioner(tider=("2021",), regioner=[("1980", "Västerås")], kon=[("1+2", "totalt")])
    )
    importera(arsfil)
    assert rader_i_databasen()["helarsekvivalenter"][("1980", 2021, "totalt", "sjukpenning")] == (
        D("1905.25"),
        None,
    )


# --- Refused files leave nothing behind


def _trasig_json() -> bytes:
    return JSON[: len(JSON) // 2]


def _fel_storlek() -> bytes:
    data = json.loads(JSON)
    data["value"].pop()
    return json.dumps(data).encode()


TRASIGA = {
    "avbruten JSON": (_trasig_json, "ofullständig"),
    "size stämmer inte med value": (_fel_storlek, "har 47 värden men dimensionerna"),
    "CSV utan väntade kolumner": (lambda: b"Kommunnamn;Antal\nVasteras;12\n", "känns inte igen"),
    "okänd ersättningsform": (
        lambda: jsonstat(dimensioner(innehall=[*INNEHALL, ("X", "Bostadsbidrag")]), lambda *k: 1),
        "”Bostadsbidrag” i ”tabellinnehåll” är ingen ersättningsform",
    ),
    "tom fil": (lambda: b"", "Filen är tom."),
    "avbruten CSV": (lambda: CSV[:-30], "Filen kan vara ofullständig."),
}


@pytest.mark.parametrize("fall", TRASIGA, ids=list(TRASIGA))
def test_trasig_fil_avvisas_och_lamnar_ingenting(fall):
    bygg, meddelande = TRASIGA[fall]
    with pytest.raises(ValidationError) as fel:
        importera(bygg())
    assert meddelande in " ".join(fel.value.messages)
    assert antal_rader() == (0, 0, 0)


@pytest.mark.parametrize("fall", TRASIGA, ids=list(TRASIGA))
def test_trasig_fil_andrar_inte_det_som_fanns(fall):
    importera(JSON)
    fore, antal = rader_i_databasen(), antal_rader()
    with pytest.raises(ValidationError):
        importera(TRASIGA[fall][0]())
    assert (rader_i_databasen(), antal_rader()) == (fore, antal)


def test_fel_mitt_i_skrivningen_lamnar_ingenting(monkeypatch):
    """All or nothing also when the database fails after the first rows are written."""

    def fallerar(*args, **kwargs):
        raise RuntimeError("databasen svarar inte")

    monkeypatch.setattr(Folkmangd.objects, "bulk_create", fallerar)
    with pytest.raises(RuntimeError):
        importera(JSON)
    assert antal_rader() == (0, 0, 0)


def test_ny_region_utan_namn_avvisas():
    dims = dimensioner(regioner=[("1980", "1980")])
    with pytest.raises(ValidationError, match="Regionen 1980 finns inte i Finsam och filen anger"):
        importera(jsonstat(dims, lambda r, *k: arsvarde("1980", *k)))
    assert antal_rader() == (0, 0, 0)
    # Known to Finsam, the code alone is enough.
    Region.objects.create(kod="1980", namn="Västerås", typ=Region.Typ.KOMMUN)
    assert importera(jsonstat(dims, lambda r, *k: arsvarde("1980", *k))).skapade == 21


# --- Who may import


def test_admin_far_importera_och_importen_sparas(db):
    admin = UserFactory(username="admin", is_superuser=True)
    importera(JSON, user=admin)
    assert antal_rader() == (2, 36, 6)
    rad = Scbimport.objects.get()
    assert (rad.importerad_av, rad.av, rad.filnamn, rad.sha256) == (
        admin,
        "admin",
        "TAB1386.json",
        hashlib.sha256(JSON).hexdigest(),
    )
    assert (rad.helarsekvivalenter_nya, rad.folkmangd_nya, rad.regioner_nya) == (36, 6, 2)
    # The same file again changes nothing, and says so in its own row.
    importera(JSON, user=admin)
    assert Scbimport.objects.count() == 2
    assert Scbimport.objects.first().helarsekvivalenter_nya == 0


def test_systemets_import_sparas_utan_anvandare():
    importera(JSON)
    rad = Scbimport.objects.get()
    assert (rad.importerad_av, rad.av) == (None, "systemet")


@pytest.mark.parametrize("anvandare", ["chef", "utomstaende", "styrelse", "samordnare"])
def test_ingen_i_ett_forbund_far_importera(request, anvandare):
    """SCB's figures are every förbund's: a förbundschef of one förbund once changed
    the andel every other förbund's pages, PDF and part-key API showed (issue 13)."""
    with pytest.raises(PermissionDenied, match="Endast administratörer får importera SCB-data"):
        importera(JSON, user=request.getfixturevalue(anvandare))
    assert antal_rader() == (0, 0, 0)
    assert not Scbimport.objects.exists()


def test_en_trasig_fil_lamnar_ingen_importrad():
    with pytest.raises(ValidationError):
        importera(JSON[: len(JSON) // 2])
    assert not Scbimport.objects.exists()


def test_anvandare_utan_roll_far_inte_importera(db):
    with pytest.raises(PermissionDenied):
        importera(JSON, user=UserFactory(username="ny"))
    assert antal_rader() == (0, 0, 0)


class _StorFil:
    """An upload over the limit whose bytes must never be read."""

    name = "TAB1386.json"
    size = MAX_STORLEK + 1

    def read(self):
        raise AssertionError("filen lästes")


def test_for_stor_uppladdning_nekas_innan_den_lases():
    with pytest.raises(ValidationError) as fel:
        scb_importera_uppladdad(fil=_StorFil(), user=SYSTEM)
    meddelande = "Filen är för stor (50,0 MB). Den får vara högst 50 MB."
    assert fel.value.message_dict == {"fil": [meddelande]}
    assert not Helarsekvivalent.objects.exists()
