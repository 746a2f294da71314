"""Mål och måluppfyllelse (rapporter/block/mal.py): each insats's mål against its results.

The period is 2024-01-01 – 2024-06-30. Samordningsteam has the mål
stegförflyttning 80 %, till arbete eller studier 40 % and effekt 6 månader
50 %, none for 18 månader.

| | kön | start | slut | orsak | bedömningar (steg) | upp? | effekt 6 |
|---|---|---|---|---|---|---|---|
| P1 | k | 01-10 | 05-31 | arbete | start 2, avslut 4, uppf. 6 mån 4 | ja | 4 ≥ 4 ja |
| P2 | k | 02-01 | 06-15 | arbete | start 3, avslut 3, uppf. 6 mån 2 | nej | 2 < 3 nej |
| P3 | m | 01-15 | 04-30 | studier | start 1, löpande 1 | nej | – |
| P4 | m | 01-20 | 03-31 | ohälsa | start 2, avslut 3 | ja | – |
| P5 | k | 03-01 | – | | start 4, löpande 4 | nej | – |

Stegförflyttning: 2 of the 5 with two bedömningar = 40 % (mål 80 %: not reached).
Till arbete eller studier: P1, P2, P3 of the 4 avslutade = 75 % (mål 40 %: reached).
Effekt 6 månader: P1 of P1, P2 = 50 % (mål 50 %: reached, the share equals it).
Effekt 18 månader: nobody followed up.
Every denominator is under ten, so each sentence says one person moves the share
by 100 ÷ av percentage points (rounded down) or more.
"""

import dataclasses

import pytest

from finsam.kodlistor import Inriktning, Kon
from finsam.maskering import OMASKERAT
from rapporter.block import BLOCK, Underlag
from rapporter.block.mal import MATT, resultat
from rapporter.block.mal import block as mal
from rapporter.models import Avsnittstyp
from statistik.berakning.objekt import Andel
from tests.factories import InsatsFactory
from tests.rapporter.blockhjalp import blockets_sidor
from tests.statistik.bygg import D, inskriv

pytestmark = pytest.mark.django_db

FRAN, TILL = D(2024, 1, 1), D(2024, 6, 30)
S, LOP, AVS, U6 = "start", "lopande", "avslut", "uppfoljning_6"

STEG = (
    "40 % gjorde en stegförflyttning (2 av 5 inskrivningar med minst två bedömningar; "
    "mål 80 %): målet är inte uppnått. Underlaget är litet: en person ändrar andelen med "
    "20 procentenheter eller mer."
)
ARBETE = (
    "75 % gick till arbete eller studier (3 av 4 avslutade; mål 40 %): målet är uppnått. "
    "Underlaget är litet: en person ändrar andelen med 25 procentenheter eller mer."
)
EFFEKT_6 = (
    "50 % låg sex månader efter avslut kvar på samma steg eller högre (1 av 2 avslutade med "
    "uppföljning efter 6 månader; mål 50 %): målet är uppnått. Underlaget är litet: en person "
    "ändrar andelen med 50 procentenheter eller mer."
)
EFFEKT_18 = "Kan inte beräknas: inga avslutade med uppföljning efter 18 månader under perioden."


@pytest.fixture
def team(forbund):
    insats = InsatsFactory(
        forbund=forbund,
        namn="Samordningsteam",
        mal_stegforflyttning=80,
        mal_arbete_studier=40,
        mal_effekt_6=50,
    )
    kvinna, man = Kon.KVINNA, Kon.MAN
    inskriv(  # P1
        insats, kon=kvinna, start=D(2024, 1, 10), slut=D(2024, 5, 31), orsak="arbete",
        bedomningar=((D(2024, 1, 10), S, 2), (D(2024, 5, 31), AVS, 4), (D(2024, 11, 30), U6, 4)),
    )  # fmt: skip
    inskriv(  # P2
        insats, kon=kvinna, start=D(2024, 2, 1), slut=D(2024, 6, 15), orsak="arbete",
        bedomningar=((D(2024, 2, 1), S, 3), (D(2024, 6, 15), AVS, 3), (D(2024, 12, 15), U6, 2)),
    )  # fmt: skip
    inskriv(  # P3
        insats, kon=man, start=D(2024, 1, 15), slut=D(2024, 4, 30), orsak="studier",
        bedomningar=((D(2024, 1, 15), S, 1), (D(2024, 3, 1), LOP, 1)),
    )  # fmt: skip
    inskriv(  # P4
        insats, kon=man, start=D(2024, 1, 20), slut=D(2024, 3, 31), orsak="ohalsa",
        bedomningar=((D(2024, 1, 20), S, 2), (D(2024, 3, 31), AVS, 3)),
    )  # fmt: skip
    inskriv(  # P5
        insats, kon=kvinna, start=D(2024, 3, 1),
        bedomningar=((D(2024, 3, 1), S, 4), (D(2024, 5, 1), LOP, 4)),
    )  # fmt: skip
    return insats


def _ren(text: str) -> str:
    """sv-SE numbers keep their sign with a no-break space; the test writes a space."""
    return text.replace("\xa0", " ")


def _underlag(forbund, min_cell=OMASKERAT, insats=None) -> Underlag:
    return Underlag(
        forbund=forbund, typ="delarsrapport", fran=FRAN, till=TILL, insats=insats, min_cell=min_cell
    )


def test_registrerat_som_block():
    assert BLOCK[Avsnittstyp.MAL] is mal


def test_malen_mot_resultaten_i_ord(forbund, team):
    sammanhang = mal(_underlag(forbund))
    [m] = sammanhang["insatser"]
    assert m.insats == team
    rader = {r.matt.namn: r for r in m.resultat}
    assert list(rader) == [
        "Stegförflyttning",
        "Till arbete eller studier",
        "Effekt 6 månader",
        "Effekt 18 månader",
    ]
    steg = rader["Stegförflyttning"]
    assert (steg.andel.antal, steg.andel.av, steg.andel.andel, steg.mal) == (2, 5, 40, 80)
    assert [(_ren(r.mening), r.uppnatt) for r in rader.values()] == [
        (STEG, False),
        (ARBETE, True),
        (EFFEKT_6, True),
        (EFFEKT_18, None),
    ]
    # The chart: a bar per result on a scale to 100 %, its mål a line.
    staplar = [(s.etikett, s.bredd, s.mal, _ren(s.text)) for s in m.diagram.staplar]
    assert staplar == [
        ("Stegförflyttning", 40.0, 80.0, "40 % (mål 80 %)"),
        ("Till arbete eller studier", 75.0, 40.0, "75 % (mål 40 %)"),
        ("Effekt 6 månader", 50.0, 50.0, "50 % (mål 50 %)"),
        ("Effekt 18 månader", 0.0, None, "inget underlag"),
    ]
    assert _ren(m.diagram.beskrivning).startswith("Stegförflyttning: 40 % (mål 80 %); Till arbete")


def test_pdf_har_meningarna_och_diagrammet(forbund, team):
    [sida] = blockets_sidor("mal", mal(_underlag(forbund)), "Mål och måluppfyllelse")
    assert "Mål och måluppfyllelse" in sida
    assert "Samordningsteam" in sida
    for mening in (STEG, ARBETE, EFFEKT_6, EFFEKT_18):
        assert mening in sida
    # The chart's labels are text in the PDF, as the figures are.
    assert "40 % (mål 80 %)" in sida
    assert "inget underlag" in sida


def test_maskerat_sager_att_siffran_inte_visas(forbund, team):
    """With min_cell 3 every share here gives back a person: 2 of 5 (antal 2), 3 of 4
    (one did not), 1 of 2; none is shown, none judged."""
    sammanhang = mal(_underlag(forbund, min_cell=3))
    [m] = sammanhang["insatser"]
    dold = (
        "Siffran visas inte: den skulle kunna peka ut enskilda personer "
        "(antal under 3 redovisas inte)."
    )
    assert [(_ren(r.mening), r.uppnatt) for r in m.resultat] == [
        (f"{dold} Målet 80 % kan inte bedömas.", None),
        (f"{dold} Målet 40 % kan inte bedömas.", None),
        (f"{dold} Målet 50 % kan inte bedömas.", None),
        (EFFEKT_18, None),
    ]
    assert [_ren(s.text) for s in m.diagram.staplar][:2] == [
        "visas inte (mål 80 %)",
        "visas inte (mål 40 %)",
    ]
    [sida] = blockets_sidor("mal", sammanhang)
    assert f"{dold} Målet 80 % kan inte bedömas." in sida
    for siffror in ("2 av 5", "3 av 4", "1 av 2", "40 % gjorde", "75 % gick"):
        assert siffror not in sida


def test_vilka_insatser(forbund, team):
    """The förbund's individinriktade top insatser that ran in the period; one insats alone
    when the report is of one."""
    utan_mal = InsatsFactory(forbund=forbund, namn="ALL-IN", startdatum=D(2024, 6, 30))
    InsatsFactory(forbund=forbund, namn="Slutade 2023", slutdatum=D(2023, 12, 31))
    InsatsFactory(forbund=forbund, namn="Börjar i juli", startdatum=D(2024, 7, 1))
    asf = InsatsFactory(forbund=forbund, namn="ASF", inriktning=Inriktning.STRUKTUR)
    delinsats = InsatsFactory(forbund=forbund, namn="Förrehabilitering", overordnad=team)
    namn = [m.insats.namn for m in mal(_underlag(forbund))["insatser"]]
    assert namn == ["ALL-IN", "Samordningsteam"]
    # An insats without mål and without deltagare: results without a verdict.
    [m, _] = mal(_underlag(forbund))["insatser"]
    assert [_ren(r.mening) for r in m.resultat] == [
        "Kan inte beräknas: inga inskrivningar med minst två bedömningar under perioden.",
        "Kan inte beräknas: inga avslutade under perioden.",
        "Kan inte beräknas: inga avslutade med uppföljning efter 6 månader under perioden.",
        EFFEKT_18,
    ]
    assert [m.insats for m in mal(_underlag(forbund, insats=delinsats))["insatser"]] == [delinsats]
    assert [m.insats for m in mal(_underlag(forbund, insats=utan_mal))["insatser"]] == [utan_mal]
    # A struktur insats alone has no deltagare results: the block says so.
    endast_asf = mal(_underlag(forbund, insats=asf))
    assert endast_asf["insatser"] == []
    [sida] = blockets_sidor("mal", endast_asf)
    assert "ASF är en strukturövergripande insats och följs upp med nyckeltal" in sida


def test_inget_mal_ger_ingen_dom(forbund, team):
    team.mal_stegforflyttning = None
    team.save()
    [m] = mal(_underlag(forbund))["insatser"]
    assert _ren(m.resultat[0].mening) == (
        "40 % gjorde en stegförflyttning (2 av 5 inskrivningar med minst två bedömningar). "
        "Insatsen har inget mål för detta. Underlaget är litet: en person ändrar andelen "
        "med 20 procentenheter eller mer."
    )
    assert m.resultat[0].uppnatt is None
    assert m.diagram.staplar[0].mal is None


def test_ingen_insats_under_perioden(forbund):
    sammanhang = mal(dataclasses.replace(_underlag(forbund)))
    assert sammanhang["insatser"] == []
    [sida] = blockets_sidor("mal", sammanhang)
    assert "Inga individinriktade insatser pågick under perioden." in sida


def test_tio_eller_fler_ar_inget_litet_underlag():
    """From ten in the denominator one person moves the share ten points or less."""
    assert _ren(resultat(MATT[1], Andel(4, 10, 40), 40, OMASKERAT).mening) == (
        "40 % gick till arbete eller studier (4 av 10 avslutade; mål 40 %): målet är uppnått."
    )
    assert _ren(resultat(MATT[1], Andel(3, 9, 33), 40, OMASKERAT).mening) == (
        "33 % gick till arbete eller studier (3 av 9 avslutade; mål 40 %): målet är inte "
        "uppnått. Underlaget är litet: en person ändrar andelen med 11 procentenheter eller mer."
    )
