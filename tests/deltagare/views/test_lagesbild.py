"""The samordnare's overview (issue 14 §7): current steg, due bedömning, next follow-up, counts."""

import datetime

import pytest
from django.urls import reverse

from deltagare.services import (
    deltagare_registrera_i_insats,
    inskrivning_avsluta,
    stegbedomning_lagg_till,
    uppfoljning_registrera,
)
from finsam.datum import manader_senare

pytestmark = pytest.mark.django_db

IDAG = datetime.date.today()


def _person(insats, user, referens, start, *, steg=None, slut=None):
    inskrivning = deltagare_registrera_i_insats(
        insats=insats,
        startdatum=start,
        referens=referens,
        kon="man",
        fodelsear=start.year - 40,
        utbildningsniva="okand",
        tid_i_offentlig_forsorjning="okand",
        user=user,
    )
    for datum, nummer in steg or ():
        stegbedomning_lagg_till(
            inskrivning=inskrivning, datum=datum, typ="lopande", steg_nummer=nummer, user=user
        )
    if slut:
        inskrivning_avsluta(
            inskrivning=inskrivning, slutdatum=slut, avslutsorsak="annan", user=user
        )
    return inskrivning


@pytest.fixture
def personer(insats, samordnare):
    ar_sedan = manader_senare(IDAG, -12)
    return {
        # Active, bedömd a week ago at steg 3: no flag.
        "A": _person(insats, samordnare, "A-1", ar_sedan, steg=[(IDAG - datetime.timedelta(7), 3)]),
        # Active, last bedömd half a year ago at steg 2: needs one.
        "B": _person(insats, samordnare, "B-1", ar_sedan, steg=[(manader_senare(IDAG, -6), 2)]),
        # Avslutad 6 months and 10 days ago: the 6-month follow-up is due.
        "C": _person(
            insats,
            samordnare,
            "C-1",
            ar_sedan,
            slut=manader_senare(IDAG, -6) - datetime.timedelta(10),
        ),
        # Avslutad 6 months less 10 days ago: due in 10 days.
        "D": _person(
            insats,
            samordnare,
            "D-1",
            ar_sedan,
            slut=manader_senare(IDAG, -6) + datetime.timedelta(10),
        ),
    }


def _rader(client, insats, **fragor):
    svar = client.get(reverse("deltagare:lista", kwargs={"insats_pk": insats.pk}), fragor)
    assert svar.status_code == 200
    return [
        (i.deltagare.referens, i.aktuellt_steg_nummer, i.behover_bedomning, i.uppfoljning_forfaller)
        for i in svar.context["sida"]
    ]


def test_listan_visar_steg_flagga_och_nasta_uppfoljning(client, insats, samordnare, personer):
    client.force_login(samordnare)
    c_slut, d_slut = personer["C"].slutdatum, personer["D"].slutdatum
    assert _rader(client, insats, urval="alla", sortering="referens") == [
        ("A-1", 3, False, None),
        ("B-1", 2, True, None),
        ("C-1", None, False, manader_senare(c_slut, 6)),
        ("D-1", None, False, manader_senare(d_slut, 6)),
    ]
    # Sorted by steg (unknown last) and by next follow-up (none last).
    assert [r[0] for r in _rader(client, insats, urval="alla", sortering="steg")][:2] == [
        "B-1",
        "A-1",
    ]
    assert [r[0] for r in _rader(client, insats, urval="alla", sortering="uppfoljning")][:2] == [
        "C-1",
        "D-1",
    ]
    html = client.get(
        reverse("deltagare:lista", kwargs={"insats_pk": insats.pk}), {"urval": "alla"}
    ).content.decode()
    assert "Behöver bedömning" in html
    assert "6 månader, förfallen" in html


def test_registrerad_uppfoljning_tar_bort_nasta(client, insats, samordnare, personer):
    uppfoljning_registrera(
        inskrivning=personer["C"],
        typ="uppfoljning_6",
        datum=IDAG,
        utfall="kunde_inte_nas",
        user=samordnare,
    )
    client.force_login(samordnare)
    rader = dict((r[0], r[3]) for r in _rader(client, insats, urval="avslutade"))
    # Next is the 18-month one.
    assert rader["C-1"] == manader_senare(personer["C"].slutdatum, 18)


def test_uppfoljningssidan_visar_kommande(client, insats, samordnare, personer):
    client.force_login(samordnare)
    svar = client.get(reverse("deltagare:uppfoljningar", kwargs={"insats_pk": insats.pk}))
    assert [r["benamning"] for r in svar.context["rader"]] == ["C-1"]
    assert [namn for _, namn in svar.context["kommande"]] == ["D-1"]
    assert "Kommande 30 dagar" in svar.content.decode()


def test_mina_insatser_raknar_uppfoljningar(client, insats, samordnare, personer):
    client.force_login(samordnare)
    html = client.get(reverse("mina_insatser")).content.decode()
    assert "<strong>1 att göra nu</strong>, 1 inom 30 dagar" in html
