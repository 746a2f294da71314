"""Follow-ups that tell where people went (issue 14 §2)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from deltagare.lagesbild import med_lagesbild
from deltagare.models import Inskrivning, Stegbedomning, Uppfoljning
from deltagare.selectors import uppfoljningar_forfallna, uppfoljningar_kommande
from deltagare.services import (
    inskrivning_avsluta,
    inskrivning_skapa,
    stegbedomning_lagg_till,
    stegbedomning_ta_bort,
    uppfoljning_registrera,
)
from finsam.atkomst import SYSTEM

D = datetime.date


@pytest.fixture
def avslutad(inskrivning):
    inskrivning_avsluta(
        inskrivning=inskrivning, slutdatum=D(2025, 6, 30), avslutsorsak="arbete", user=SYSTEM
    )
    return inskrivning


def test_genomford_uppfoljning_med_steg_forsorjning_och_sysselsattning(avslutad, samordnare):
    uppfoljning = uppfoljning_registrera(
        inskrivning=avslutad,
        typ="uppfoljning_6",
        datum=D(2026, 1, 5),
        utfall="genomford",
        steg_nummer=6,
        forsorjning=["lon", "ekonomiskt_bistand", "lon"],
        sysselsattning="forvarvsarbete",
        user=samordnare,
    )
    assert (uppfoljning.utfall, uppfoljning.sysselsattning) == ("genomford", "forvarvsarbete")
    bedomning = Stegbedomning.objects.get()
    assert (bedomning.typ, bedomning.datum, bedomning.steg.nummer) == (
        "uppfoljning_6",
        D(2026, 1, 5),
        6,
    )
    assert sorted(avslutad.forsorjning.values_list("tidpunkt", "kalla")) == [
        ("uppfoljning_6", "ekonomiskt_bistand"),
        ("uppfoljning_6", "lon"),
    ]


@pytest.mark.parametrize(
    ("start", "slut", "typ", "forfaller"),
    [
        (D(2025, 3, 1), D(2025, 8, 31), "uppfoljning_6", D(2026, 2, 28)),
        (D(2023, 3, 1), D(2023, 8, 31), "uppfoljning_6", D(2024, 2, 29)),
        (D(2022, 3, 1), D(2022, 8, 31), "uppfoljning_18", D(2024, 2, 29)),
    ],
)
def test_uppfoljning_forfaller_pa_manadens_sista_dag(
    en_deltagare, insats, samordnare, start, slut, typ, forfaller
):
    # The list shows the clamped date (28 or 29 February) and calls it
    # förfallen that day; the due list must agree, not wait until March.
    inskrivning = inskrivning_skapa(
        deltagare=en_deltagare, insats=insats, startdatum=start, user=SYSTEM
    )
    inskrivning_avsluta(inskrivning=inskrivning, slutdatum=slut, avslutsorsak="arbete", user=SYSTEM)

    def av_typen(uppfoljningar):
        return [u.forfaller for u in uppfoljningar if u.typ == typ]

    dagen_fore = forfaller - datetime.timedelta(days=1)
    assert av_typen(uppfoljningar_forfallna(user=samordnare, insats=insats, idag=dagen_fore)) == []
    assert av_typen(uppfoljningar_kommande(user=samordnare, insats=insats, idag=dagen_fore)) == [
        forfaller
    ]
    assert av_typen(uppfoljningar_forfallna(user=samordnare, insats=insats, idag=forfaller)) == [
        forfaller
    ]


@pytest.mark.parametrize("avslutsorsak", ["felregistrering", "avliden"])
def test_ingen_uppfoljning_efter_felregistrering_eller_dodsfall(
    inskrivning, insats, samordnare, avslutsorsak
):
    inskrivning_avsluta(
        inskrivning=inskrivning, slutdatum=D(2025, 6, 30), avslutsorsak=avslutsorsak, user=SYSTEM
    )
    idag = D(2027, 1, 1)
    assert not uppfoljningar_forfallna(user=samordnare, insats=insats, idag=idag)
    assert med_lagesbild(Inskrivning.objects.all(), idag).get().nasta_uppfoljning is None


def test_kunde_inte_nas_stanger_uppfoljningen(avslutad, samordnare, insats):
    idag = D(2026, 2, 1)
    assert [u.typ for u in uppfoljningar_forfallna(user=samordnare, insats=insats, idag=idag)] == [
        "uppfoljning_6"
    ]
    uppfoljning_registrera(
        inskrivning=avslutad,
        typ="uppfoljning_6",
        datum=D(2026, 1, 5),
        utfall="kunde_inte_nas",
        user=samordnare,
    )
    assert not uppfoljningar_forfallna(user=samordnare, insats=insats, idag=idag)
    assert not Stegbedomning.objects.exists()


@pytest.mark.parametrize(
    ("argument", "falt", "meddelande"),
    [
        ({"utfall": "genomford"}, "steg", "Ange steg"),
        ({"utfall": "kunde_inte_nas", "steg_nummer": 3}, "utfall", "inte kunde nås"),
        ({"utfall": "kunde_inte_nas", "forsorjning": ["lon"]}, "utfall", "inte kunde nås"),
        ({"utfall": "kanske"}, "utfall", "Välj om"),
        ({"utfall": "genomford", "typ": "lopande", "steg_nummer": 3}, "typ", "Välj uppföljning"),
        ({"utfall": "genomford", "steg_nummer": 3, "datum": D(2025, 6, 1)}, "datum", "före"),
        (
            {"utfall": "genomford", "steg_nummer": 3, "forsorjning": ["arv"]},
            "forsorjning",
            "Okänd försörjningskälla",
        ),
    ],
)
def test_felaktig_uppfoljning_skrivs_inte(avslutad, argument, falt, meddelande):
    indata = {"typ": "uppfoljning_18", "datum": D(2026, 11, 30), **argument}
    with pytest.raises(ValidationError) as fel:
        uppfoljning_registrera(inskrivning=avslutad, user=SYSTEM, **indata)
    assert meddelande in fel.value.message_dict[falt][0]
    assert not Uppfoljning.objects.exists()
    assert not Stegbedomning.objects.exists()


def test_aktiv_inskrivning_foljs_inte_upp(inskrivning):
    with pytest.raises(ValidationError, match="inte avslutad"):
        uppfoljning_registrera(
            inskrivning=inskrivning,
            typ="uppfoljning_6",
            datum=D(2026, 1, 5),
            utfall="kunde_inte_nas",
            user=SYSTEM,
        )


def test_uppfoljning_en_gang_per_typ(avslutad):
    uppfoljning_registrera(
        inskrivning=avslutad,
        typ="uppfoljning_6",
        datum=D(2026, 1, 5),
        utfall="kunde_inte_nas",
        user=SYSTEM,
    )
    with pytest.raises(ValidationError, match="redan registrerad"):
        stegbedomning_lagg_till(
            inskrivning=avslutad,
            datum=D(2026, 1, 6),
            typ="uppfoljning_6",
            steg_nummer=4,
            user=SYSTEM,
        )


def test_bedomning_av_uppfoljningstyp_ar_en_genomford_uppfoljning(avslutad):
    bedomning = stegbedomning_lagg_till(
        inskrivning=avslutad, datum=D(2026, 1, 6), typ="uppfoljning_6", steg_nummer=4, user=SYSTEM
    )
    uppfoljning = Uppfoljning.objects.get()
    assert (uppfoljning.typ, uppfoljning.datum, uppfoljning.utfall) == (
        "uppfoljning_6",
        D(2026, 1, 6),
        "genomford",
    )
    # Removing the bedömning removes the follow-up it stands for.
    stegbedomning_ta_bort(bedomning=bedomning, skal="Fel person", user=SYSTEM)
    assert not Uppfoljning.objects.exists()


def test_endast_insatsens_samordnare_far_folja_upp(avslutad, chef, samordnare_annan_insats):
    for user in (chef, samordnare_annan_insats):
        with pytest.raises(PermissionDenied):
            uppfoljning_registrera(
                inskrivning=avslutad,
                typ="uppfoljning_6",
                datum=D(2026, 1, 5),
                utfall="kunde_inte_nas",
                user=user,
            )
