"""The bilaga Insatsredovisning (rapporter/block/insatsredovisning.py), per insats.

The period is 2024-01-01 – 2024-06-30. Samordningsteam has six inskrivningar,
all started in the period: four kvinnor still active, two män of whom one
ended in arbete on 2024-05-31. By hand:

| | Kvinnor | Män | Annat | Totalt |
|---|---|---|---|---|
| Aktiva | 4 | 2 | 0 | 6 |
| Nya | 4 | 2 | 0 | 6 |
| Avslutade | 0 | 1 | 0 | 1 |
| Avslutsorsak arbete | 0 | 1 | 0 | 1 |

Masked at min_cell 3 the män's 2 and 1 are hidden, and so is every totalt
beside them (the totalt less the other kön would give them back).
ASF is a struktur insats with two nyckeltal in the period and one before it.
"""

from decimal import Decimal

import pytest

from finsam.kodlistor import Inriktning, Kon
from finsam.maskering import OMASKERAT
from insatser.models import Insatsberattelse, Nyckeltal
from rapporter.block import BLOCK, Underlag
from rapporter.block.insatsredovisning import block as insatsredovisning
from rapporter.models import Avsnittstyp
from tests.factories import InsatsFactory, PartFactory
from tests.rapporter.blockhjalp import blockets_pdf, blockets_sidor
from tests.rapporter.hjalp import sidtexter, textbitar
from tests.statistik.bygg import D, inskriv

pytestmark = pytest.mark.django_db

FRAN, TILL = D(2024, 1, 1), D(2024, 6, 30)


@pytest.fixture
def team(forbund):
    insats = InsatsFactory(
        forbund=forbund,
        namn="Samordningsteam",
        agare=PartFactory(forbund=forbund, namn="Västerås stad"),
        utforare=PartFactory(forbund=forbund, namn="Utbildning och arbetsmarknad"),
        startdatum=D(2020, 1, 1),
        slutdatum=D(2026, 12, 31),
        tilldelade_medel=22_612_634,
        arsplatser=110,
        syfte="Stödja arbetssökande med behov av samordnade insatser.",
        malgrupp="Arbetssökande 16–64 år skrivna i Västerås.",
        mal_stegforflyttning=80,
        mal_effekt_6=80,
    )
    for i in range(4):
        inskriv(insats, kon=Kon.KVINNA, start=D(2024, 1, 10 + i))
    inskriv(insats, kon=Kon.MAN, start=D(2024, 2, 1))
    inskriv(insats, kon=Kon.MAN, start=D(2024, 2, 1), slut=D(2024, 5, 31), orsak="arbete")
    return insats


@pytest.fixture
def asf(forbund):
    insats = InsatsFactory(
        forbund=forbund, namn="ASF", inriktning=Inriktning.STRUKTUR, startdatum=D(2023, 1, 1)
    )
    for namn, fran, till, varde in (
        ("Antal företag", FRAN, TILL, "4"),
        ("Antal anställda", FRAN, TILL, "27.5"),
        ("Antal företag", D(2023, 1, 1), D(2023, 6, 30), "3"),
    ):
        Nyckeltal.objects.create(
            insats=insats, namn=namn, fran=fran, till=till, varde=Decimal(varde)
        )
    return insats


@pytest.fixture
def berattelser(team):
    Insatsberattelse.objects.create(
        insats=team,
        fran=FRAN,
        till=TILL,
        text="Teamet har haft *ett högt tryck*.\n\n## Utmaningar\n\n- Hög personalomsättning",
    )
    # The same insats's narrative of another period is not this report's.
    Insatsberattelse.objects.create(
        insats=team, fran=FRAN, till=D(2024, 8, 31), text="Berättelsen för januari–augusti."
    )


def _underlag(forbund, min_cell=OMASKERAT, insats=None) -> Underlag:
    return Underlag(
        forbund=forbund, typ="delarsrapport", fran=FRAN, till=TILL, insats=insats, min_cell=min_cell
    )


def _ren(text: str) -> str:
    return text.replace("\xa0", " ")


def _tabell(redovisning, namn: str):
    return next(t for t in redovisning.tabeller if t.id.endswith(f"-{namn}"))


def test_registrerat_som_block():
    assert BLOCK[Avsnittstyp.INSATSREDOVISNING] is insatsredovisning


def test_fakta_tabeller_och_berattelse(forbund, team, asf, berattelser):
    sammanhang = insatsredovisning(_underlag(forbund))
    asf_, r = sammanhang["insatser"]
    assert (asf_.insats, r.insats) == (asf, team)
    assert [(namn, _ren(varde)) for namn, varde in r.fakta] == [
        ("Inriktning", "Individinriktad"),
        ("Ägare", "Västerås stad"),
        ("Utförare", "Utbildning och arbetsmarknad"),
        ("Insatsens tid", "1 januari 2020 – 31 december 2026"),
        ("Årsplatser", "110"),
        ("Tilldelade medel", "22 612 634 kr"),
    ]
    assert [_ren(m) for m in r.mal] == [
        "Stegförflyttning: minst 80 %",
        "Effekt 6 månader: minst 80 %",
    ]
    # The insats page's tables, in its order, their anchors naming the insats.
    assert [t.id for t in r.tabeller][:3] == [
        f"{team.pk}-deltagare",
        f"{team.pk}-aldersgrupp",
        f"{team.pk}-utbildningsniva",
    ]
    deltagare = {rad.rubrik: rad.celler for rad in _tabell(r, "deltagare").rader}
    assert deltagare["Aktiva"] == ["4", "2", "0", "6"]
    assert deltagare["Nya"] == ["4", "2", "0", "6"]
    assert deltagare["Avslutade"] == ["0", "1", "0", "1"]
    assert [(s.etikett, s.text) for s in r.konsdiagram.staplar] == [
        ("Kvinnor", "4"),
        ("Män", "2"),
        ("Annat", "0"),
    ]
    assert r.nyckeltal == []
    assert "<em>ett högt tryck</em>" in r.berattelse
    assert "<h6>Utmaningar</h6>" in r.berattelse
    # The struktur insats: nyckeltal of the period, no tables, no berättelse.
    assert [(n.namn, n.period, _ren(n.varde)) for n in asf_.nyckeltal] == [
        ("Antal anställda", "2024-01-01 – 2024-06-30", "27,50"),
        ("Antal företag", "2024-01-01 – 2024-06-30", "4"),
    ]
    assert (asf_.tabeller, asf_.konsdiagram, asf_.berattelse) == ([], None, None)


def _overst(sida) -> str:
    """The text that stands highest on the page."""
    return max(textbitar(sida), key=lambda bit: bit.y).text


def test_pdf_en_sida_per_insats(forbund, team, asf, berattelser):
    lasare = blockets_pdf("insatsredovisning", insatsredovisning(_underlag(forbund)))
    sidor = [_ren(" ".join(s.split())) for s in sidtexter(lasare)]
    text = " ".join(sidor)
    # ASF first (by name) under the section's heading, then Samordningsteam at
    # the top of a page of its own.
    assert _overst(lasare.pages[0]) == "Avsnitt"
    assert "ASF" in sidor[0] and "Samordningsteam" not in sidor[0]
    assert [i for i, sida in enumerate(lasare.pages) if _overst(sida) == "Samordningsteam"] == [1]
    for vantat in (
        "Redovisad period 1 januari 2024 – 30 juni 2024 Inriktning Strukturövergripande",
        "Antal anställda 2024-01-01 – 2024-06-30 27,50",
        "Antal företag 2024-01-01 – 2024-06-30 4",
        "Ingen berättelse är skriven för perioden.",
        "Ägare Västerås stad",
        "Utförare Utbildning och arbetsmarknad",
        "Insatsens tid 1 januari 2020 – 31 december 2026",
        "Årsplatser 110",
        "Tilldelade medel 22 612 634 kr",
        "Stödja arbetssökande med behov av samordnade insatser.",
        "Arbetssökande 16–64 år skrivna i Västerås.",
        "Stegförflyttning: minst 80 %",
        "Aktiva 4 2 0 6",
        "Nya 4 2 0 6",
        "Avslutade 0 1 0 1",
        "Arbete 0 1 0 1",
        "Teamet har haft ett högt tryck.",
        "Utmaningar",
        "Hög personalomsättning",
    ):
        assert vantat in text, vantat
    assert "2023-01-01" not in text  # the nyckeltal of another period
    assert "Berättelsen för januari–augusti." not in text
    assert text.count("Ingen berättelse är skriven för perioden.") == 1


def test_maskerat_som_for_en_partnyckel(forbund, team):
    [r] = insatsredovisning(_underlag(forbund, min_cell=3))["insatser"]
    deltagare = {rad.rubrik: rad.celler for rad in _tabell(r, "deltagare").rader}
    assert deltagare["Aktiva"] == ["4", "–", "0", "–"]
    assert deltagare["Avslutade"] == ["0", "–", "0", "–"]
    assert [s.text for s in r.konsdiagram.staplar] == ["4", "–", "0"]
    text = " ".join(blockets_sidor("insatsredovisning", insatsredovisning(_underlag(forbund, 3))))
    assert "Aktiva 4 – 0 –" in text
    assert "Avslutade 0 – 0 –" in text
    assert "Aktiva 4 2 0 6" not in text


def test_en_insats_ensam(forbund, team, asf):
    """A verksamhetsberättelse of one insats has that insats alone; without one, every
    insats that ran in the period, delinsatser after their överordnad."""
    assert [r.insats for r in insatsredovisning(_underlag(forbund, insats=asf))["insatser"]] == [
        asf
    ]
    delinsats = InsatsFactory(forbund=forbund, namn="Arbetsträning", overordnad=team)
    InsatsFactory(forbund=forbund, namn="Slutade 2023", slutdatum=D(2023, 12, 31))
    InsatsFactory(forbund=forbund, namn="Börjar i juli", startdatum=D(2024, 7, 1))
    alla = insatsredovisning(_underlag(forbund))["insatser"]
    assert [r.insats for r in alla] == [asf, team, delinsats]
    assert ("Delinsatser", "Arbetsträning") in alla[1].fakta
    assert ("Delinsats av", "Samordningsteam") in alla[2].fakta
    # Under its överordnad a delinsats shows its deltagare and results only (its
    # people are in the överordnad's tables); alone, in its own report, every table.
    assert [t.id for t in alla[2].tabeller] == [
        f"{delinsats.pk}-deltagare",
        f"{delinsats.pk}-resultat",
    ]
    assert len(alla[1].tabeller) > 2 and not alla[1].under_overordnad
    ensam = insatsredovisning(_underlag(forbund, insats=delinsats))["insatser"][0]
    assert [t.id.split("-", 1)[1] for t in ensam.tabeller] == [
        t.id.split("-", 1)[1] for t in alla[1].tabeller
    ]


def test_nyckeltal_som_raknar_personer_maskeras_som_antal(forbund, asf):
    Nyckeltal.objects.create(
        insats=asf, namn="Deltagare i nätverksträffar", fran=FRAN, till=TILL, varde=24,
        raknar_personer=True, kvinnor=20, man=2, annat=2,
    )  # fmt: skip

    def traffar(min_cell):
        r = insatsredovisning(_underlag(forbund, min_cell=min_cell, insats=asf))["insatser"][0]
        return next(_ren(n.varde) for n in r.nyckeltal if n.namn.startswith("Deltagare"))

    assert traffar(OMASKERAT) == "24 (kvinnor 20, män 2, annat 2)"
    # The version for parter: the small cells hidden, and the total with them.
    assert traffar(3) == "– (kvinnor 20, män –, annat –)"
