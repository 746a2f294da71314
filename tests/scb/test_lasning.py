"""Reading SCB's files (pure): JSON-stat2 and CSV give the same rows, by hand-computed values."""

import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from scb.lasning import las_scb
from scb.lasning.insamling import Scblasning
from scb.lasning.klassificering import klassa_innehall
from tests.scb.filer import (
    FOLKMANGD,
    FORMER,
    INNEHALL,
    MANADER_2020,
    MANADER_2021,
    SUMMA,
    VARDEN,
    arsvarde,
    dimensioner,
    forvantat_ar_2020,
    jsonstat,
    manadsvarde,
    scb_csv,
)

D = Decimal


def som_rader(lasning: Scblasning) -> dict:
    return {
        "helarsekvivalenter": {
            (r.region, r.ar, r.kon, r.ersattningsform): (r.varde, r.manader)
            for r in lasning.helarsekvivalenter
        },
        "folkmangd": {(r.region, r.ar, r.kon): r.antal for r in lasning.folkmangd},
    }


def test_jsonstat_arsvarden_med_decimaler():
    lasning = las_scb(jsonstat(dimensioner()), "TAB1386.json")
    assert som_rader(lasning) == forvantat_ar_2020()
    # Decimals as SCB wrote them, not through a float.
    hek = som_rader(lasning)["helarsekvivalenter"]
    assert hek[("1980", 2020, "totalt", "arbetsloshet")] == (D("2148.1667"), None)
    assert hek[("1980", 2020, "man", "etableringsersattning")] == (D("240.2333"), None)
    assert lasning.regioner == {"1980": "Västerås", "1907": "Surahammar"}
    # 2 regions × 3 kön: one Summa each, not stored.
    assert (lasning.saknade, lasning.ej_lagrade, lasning.manadsdata) == (0, 6, False)


@pytest.mark.parametrize(
    "fil",
    [
        # PxWebApi v2's default pivot: contents and time in the heading, comma, point.
        scb_csv(dimensioner(), kod_och_text=True),
        # Everything in the stub, semicolon and decimal comma, a title and a
        # footnote, ISO-8859-1 as SCB sends CSV.
        scb_csv(
            dimensioner(),
            heading=(),
            avgransare=";",
            kod_och_text=True,
            titel="Helårsekvivalenter 20-64 år efter region, kön, tabellinnehåll och år",
            fotnot="Källa: SCB, Helårsekvivalenter; uppgifterna för 2020 är slutliga.",
            kodning="latin-1",
        ),
        # Tab-separated with the time alone in the heading ("2020").
        scb_csv(dimensioner(), heading=("Tid",), avgransare="\t", kod_och_text=True),
    ],
    ids=["bred-komma", "lang-semikolon-latin1", "tabb-tid-i-huvudet"],
)
def test_csv_ger_samma_rader_som_jsonstat(fil):
    lasning = las_scb(fil, "HE0000T02N2.csv")
    assert som_rader(lasning) == som_rader(las_scb(jsonstat(dimensioner())))
    assert lasning.regioner == {"1980": "Västerås", "1907": "Surahammar"}
    assert lasning.ej_lagrade == 6


def test_regionens_kod_i_etiketten_som_i_scbs_webbexport():
    dims = dimensioner(regioner=[("1980", "1980 Västerås"), ("1907", "1907 Surahammar")])
    for fil in (jsonstat(dims), scb_csv(dims)):
        lasning = las_scb(fil)
        assert lasning.regioner == {"1980": "Västerås", "1907": "Surahammar"}
        assert som_rader(lasning) == forvantat_ar_2020()


def test_tryckt_summa_som_skiljer_sig_fran_de_avrundade_delarna_lagras_inte():
    """Surahammar: parts 127,4 + 232,3 + 130,6 + 177,4 + 55,4 + 24,6 = 747,7; printed Summa 748.

    The rounded parts make 127 + 232 + 131 + 177 + 55 + 25 = 747: neither is stored, the
    six parts are, unrounded, so Finsam's Summa is 747,7.
    """
    lasning = las_scb(jsonstat(dimensioner()))
    delar = [r.varde for r in lasning.helarsekvivalenter if (r.region, r.kon) == ("1907", "totalt")]
    assert len(delar) == 6
    assert sum(delar) == D("747.7")
    # Only the six forms: no row for SCB's Summa (748) anywhere.
    assert {r.ersattningsform for r in lasning.helarsekvivalenter} == {f for f, _, _ in FORMER}
    assert len(lasning.helarsekvivalenter) == 2 * 3 * 6


def test_bara_avrundade_delar_och_en_avvikande_summa():
    """Printed whole numbers, as in a delårsrapport: the parts are kept as printed."""
    avrundat = {"HE0000A1": 127, "HE0000A2": 232, "HE0000A3": 131, "HE0000A4": 177,
                "HE0000A5": 55, "HE0000A6": 25, SUMMA[0]: 748, FOLKMANGD[0]: 5229}  # fmt: skip
    dims = dimensioner(regioner=[("1907", "Surahammar")], kon=[("1+2", "totalt")])
    lasning = las_scb(jsonstat(dims, lambda r, k, i, t: avrundat[i]))
    assert sum(r.varde for r in lasning.helarsekvivalenter) == 747
    assert [r.antal for r in lasning.folkmangd] == [5229]


@pytest.mark.parametrize(
    ("etikett", "form"),
    [
        ("sjukpenning", "sjukpenning"),
        ("SJUKPENNING", "sjukpenning"),
        ("Sjuk och aktivitetsersättning", "sjuk_och_aktivitetsersattning"),
        ("Sjuk-och aktivitets-ersättning", "sjuk_och_aktivitetsersattning"),
        ("Sjuk- och aktivitetsersersättning", "sjuk_och_aktivitetsersattning"),
        ("Arbetslöshetsersättning", "arbetsloshet"),
        ("Arbetsmarknadspolitiska åtgärder", "arbetsmarknadsatgarder"),
        ("Arbetsmarknads­åtgärder", "arbetsmarknadsatgarder"),  # a soft hyphen
        ("ekonomiskt  bistånd", "ekonomiskt_bistand"),
        ("Etableringsersättning, antal", "etableringsersattning"),
        ("HE0000A6 - Etableringsersättning", "etableringsersattning"),
        ("Folkmängd 20–64 år", "folkmangd"),
        ("Folkmängd", "folkmangd"),
        ("Summa helårsekvivalenter", "ej_lagrad"),
        ("Totalt", "ej_lagrad"),
        ("Andel av befolkningen 20-64 år, procent", "andel"),
        ("Helårsekvivalenter", "matt"),
        ("Bostadsbidrag", None),
    ],
)
def test_innehall_kanns_igen_pa_etiketten(etikett, form):
    assert klassa_innehall(etikett) == form


def test_ersattningsform_som_egen_dimension_bredvid_matet():
    """A form dimension beside the measure: folkmängd is the measure whatever form it is under."""
    dims = [
        ("Region", "region", [("1980", "Västerås")]),
        ("Ersattningsform", "ersättningsform", [("10", "Sjukpenning"), ("99", "Totalt")]),
        ("ContentsCode", "tabellinnehåll", [("A", "Helårsekvivalenter"), ("B", "Folkmängd")]),
        ("Tid", "år", [("2020", "2020")]),
    ]
    celler = {("10", "A"): 1905.25, ("99", "A"): 13452, ("10", "B"): 88586, ("99", "B"): 88586}
    lasning = las_scb(jsonstat(dims, lambda r, f, c, t: celler[(f, c)]))
    assert som_rader(lasning) == {
        "helarsekvivalenter": {("1980", 2020, "totalt", "sjukpenning"): (D("1905.25"), None)},
        "folkmangd": {("1980", 2020, "totalt"): 88586},
    }


def test_kon_med_scbs_koder_och_utan_kon():
    # Codes only (1, 2, 1+2) where the labels say nothing.
    dims = dimensioner(kon=[("1", "1"), ("2", "2"), ("1+2", "1+2")])
    assert som_rader(las_scb(jsonstat(dims))) == forvantat_ar_2020()
    # "män och kvinnor" is SCB's total.
    dims = dimensioner(kon=[("1+2", "män och kvinnor")])
    assert {r.kon for r in las_scb(jsonstat(dims)).helarsekvivalenter} == {"totalt"}
    # No kön dimension: the total.
    dims = [d for d in dimensioner() if d[0] != "Kon"]
    lasning = las_scb(jsonstat(dims, lambda r, i, t: arsvarde(r, "1+2", i, t)))
    assert {r.kon for r in lasning.helarsekvivalenter} == {"totalt"}


def test_bara_aldern_20_64_lagras():
    dims = dimensioner(kon=[("1+2", "totalt")], regioner=[("1980", "Västerås")])
    dims.insert(2, ("Aldersgrupp", "ålder", [("20-64", "20-64 år"), ("20-65", "20-65 år")]))
    lasning = las_scb(jsonstat(dims, lambda r, k, a, i, t: arsvarde(r, k, i, t) + (a == "20-65")))
    assert sum(r.varde for r in lasning.helarsekvivalenter) == sum(VARDEN[("1980", "1+2")][0])
    assert [r.antal for r in lasning.folkmangd] == [88586]
    # 20–65 år: 8 values; 20–64 år: its Summa.
    assert lasning.ej_lagrade == 9


def test_saknade_varden_lagras_inte_och_raknas():
    def varde(r, k, i, t):
        if (r, k, i) in {("1907", "1", "HE0000A6"), ("1907", "2", "HE0000A6")}:
            return None  # SCB: ".." (too few to show)
        return arsvarde(r, k, i, t)

    for fil in (jsonstat(dimensioner(), varde), scb_csv(dimensioner(), varde, kod_och_text=True)):
        lasning = las_scb(fil)
        assert lasning.saknade == 2
        assert len(lasning.helarsekvivalenter) == 34
        assert ("1907", 2020, "man", "etableringsersattning") not in som_rader(lasning)[
            "helarsekvivalenter"
        ]


def test_sparsamt_jsonstat_med_varden_som_objekt():
    dims = dimensioner(regioner=[("1980", "Västerås")], kon=[("1+2", "totalt")])
    data = json.loads(jsonstat(dims, lambda *k: None))
    data["value"] = {"0": 1905.25, "7": 88586}
    data.pop("status")
    lasning = las_scb(json.dumps(data).encode())
    assert som_rader(lasning) == {
        "helarsekvivalenter": {("1980", 2020, "totalt", "sjukpenning"): (D("1905.25"), None)},
        "folkmangd": {("1980", 2020, "totalt"): 88586},
    }
    # Five forms missing; the Summa is not stored anyway.
    assert lasning.saknade == 5


# --- Months


def test_manader_blir_arets_medelvarde_med_antal_manader():
    dims = dimensioner(
        tider=MANADER_2020 + MANADER_2021,
        regioner=[("1980", "Västerås")],
        kon=[("1+2", "totalt")],
    )
    csv_fil = scb_csv(dims, manadsvarde, heading=("Tid",), kod_och_text=True)
    for fil in (jsonstat(dims, manadsvarde), csv_fil):
        lasning = las_scb(fil)
        hek = som_rader(lasning)["helarsekvivalenter"]
        assert lasning.manadsdata
        assert hek[("1980", 2020, "totalt", "sjukpenning")] == (D("1902.75"), 12)
        assert hek[("1980", 2020, "totalt", "etableringsersattning")] == (D("2402.75"), 12)
        # July missing: the mean of 11 months, flagged.
        assert hek[("1980", 2020, "totalt", "ekonomiskt_bistand")] == (D("2000"), 11)
        # 2021: (10 + 11 + 13) / 3 = 11,3333… over three months.
        assert hek[("1980", 2021, "totalt", "sjukpenning")] == (D("11.3333"), 3)
        assert hek[("1980", 2021, "totalt", "arbetsloshet")] == (D("13.3333"), 3)
        # Folkmängd: 88 586 all year; (88 600 + 88 601 + 88 603) / 3 = 88 601,33 → 88 601.
        assert som_rader(lasning)["folkmangd"] == {
            ("1980", 2020, "totalt"): 88586,
            ("1980", 2021, "totalt"): 88601,
        }
        assert lasning.saknade == 1
        assert lasning.ofullstandiga == {2020: 1, 2021: 6}


# --- Refused


def _fel(innehall: bytes, filnamn: str = "") -> str:
    with pytest.raises(ValidationError) as fel:
        las_scb(innehall, filnamn)
    return " ".join(fel.value.messages)


def test_tom_fil():
    assert _fel(b"") == "Filen är tom."
    assert _fel(b" \r\n ") == "Filen är tom."


def test_avbruten_json():
    fil = jsonstat(dimensioner())
    assert "ofullständig" in _fel(fil[: len(fil) // 2], "TAB1386.json")


def test_jsonstat_dar_size_inte_stammer_med_value():
    data = json.loads(jsonstat(dimensioner()))
    data["value"] = data["value"][:-1]
    assert _fel(json.dumps(data).encode()) == (
        "JSON-stat-filen har 47 värden men dimensionerna (”size”) ger 48. "
        "Filen kan vara ofullständig."
    )
    data = json.loads(jsonstat(dimensioner()))
    del data["dimension"]["Region"]["category"]["index"]["1907"]
    assert "dimension ”Region” har fel form" in _fel(json.dumps(data).encode())


def test_json_som_inte_ar_ett_dataset():
    assert "inget JSON-stat2-dataset" in _fel(b'{"tabell": []}')
    assert "inget JSON-stat2-dataset" in _fel(b"[1, 2, 3]")


def test_csv_utan_vantade_kolumner():
    assert "Kolumnen ”Namn” känns inte igen" in _fel("Namn,Värde\nVästerås,12\n".encode())
    assert "saknar region" in _fel(b'"k\xc3\xb6n","Sjukpenning 2020"\n"m\xc3\xa4n",1\n')
    assert "bara en kolumn" in _fel(b"Helarsekvivalenter\n12\n")


def test_avbruten_csv():
    fil = scb_csv(dimensioner(), kod_och_text=True)
    # Cut inside the last row: it has too few columns.
    assert "Filen kan vara ofullständig" in _fel(fil[:-30])
    # Cut inside a quoted cell.
    assert "citattecken" in _fel(fil[: fil.index(b'"1907 - Surahammar"') + 5])


def test_okand_ersattningsform():
    dims = dimensioner(innehall=[*INNEHALL, ("HE0000B1", "Bostadsbidrag")])
    fel = _fel(jsonstat(dims, lambda *k: 1))
    assert fel.startswith("”Bostadsbidrag” i ”tabellinnehåll” är ingen ersättningsform")
    assert "Sjukpenning, Sjuk- och aktivitetsersättning, Arbetslöshet" in fel
    assert "”Bostadsbidrag” i kolumnen ”Bostadsbidrag 2020” är ingen ersättningsform" in _fel(
        scb_csv(dims, lambda *k: 1, kod_och_text=True)
    )


def test_region_utan_kod():
    fel = _fel(scb_csv(dimensioner()))  # UseTexts: "Västerås" without its code
    assert fel.startswith("Regionen ”Västerås” har ingen kommunkod")


def test_ar_och_manader_blandas_inte():
    dims = dimensioner(tider=("2020", "2021M01"))
    assert "blandar år (2020) och månader (2020M01)" in _fel(jsonstat(dims, lambda *k: 1))


def test_okand_tid_och_okant_kon():
    assert "Tiden ”2020K1” känns inte igen" in _fel(
        jsonstat(dimensioner(tider=("2020K1",)), lambda *k: 1)
    )
    assert "Könet ”okänt” känns inte igen" in _fel(
        jsonstat(dimensioner(kon=[("9", "okänt")]), lambda *k: 1)
    )


def test_negativt_varde_och_text_i_stallet_for_tal():
    assert _fel(jsonstat(dimensioner(), lambda *k: -1)) == (
        "Värdet -1 för region 1980, 2020, män, sjukpenning är negativt."
    )
    assert _fel(scb_csv(dimensioner(), lambda *k: "tolv", kod_och_text=True)) == (
        "Värdet ”tolv” på rad 2, kolumnen ”Sjukpenning 2020” är inget tal."
    )


def test_tva_olika_varden_for_samma_nyckel():
    dims = dimensioner(regioner=[("1980", "Västerås"), ("1980 ", "Västerås igen")])
    assert "två olika värden för region 1980, 2020, män, sjukpenning" in _fel(
        jsonstat(dims, lambda r, *k: 1 if r == "1980" else 2)
    )


def test_okand_dimension_med_flera_varden():
    dims = dimensioner()
    dims.insert(1, ("Fodelseregion", "födelseregion", [("1", "Sverige"), ("2", "Utrikes")]))
    assert "dimensionen ”födelseregion” med 2 värden" in _fel(jsonstat(dims, lambda *k: 1))


def test_excel_och_px_avvisas():
    assert "Excel-filer kan inte läsas" in _fel(b"PK\x03\x04...", "tabell.xlsx")
    assert "PC-Axis-filer" in _fel(b'CHARSET="ANSI";\nAXIS-VERSION="2010";', "tabell.px")


def test_csv_med_bara_rubrikrad_eller_varden_efter_en_tom_rad():
    huvud = "region,kön,Sjukpenning 2020\n"
    assert _fel(huvud.encode()) == "Filen har bara en rubrikrad och inga värden."
    fel = _fel(f"{huvud}1980,1,5\n\n1907,1,6\n".encode())
    assert fel == "Filen har värden på rad 4, efter en tom rad. Ta bort den tomma raden."


def test_bara_saknade_varden():
    assert _fel(jsonstat(dimensioner(), lambda *k: None)) == (
        "Filen innehåller inga helårsekvivalenter eller folkmängd 20–64 år att importera "
        "(42 värden saknas)."
    )
