"""Database constraints refuse bad data, with a Swedish message naming the field.

Each case is tried twice: through `full_clean` (what every service runs,
giving the user's message) and straight into the database (the constraint
itself holds even for code that skips validation).
"""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from budget.models import Budgetar, Budgetrad, Intakt
from deltagare.models import Deltagare, Inskrivning, Stegbedomning
from finsam.models import ApiNyckel, Part
from insatser.models import Insats, Nyckeltal, Stegskala
from rapporter.models import Rapport
from tests.factories import ForbundFactory, InsatsFactory, steg

D = datetime.date


def meddelanden(fel: ValidationError) -> str:
    return " ".join(fel.messages)


def vagras(obj, text: str, *, i_databasen: bool = True) -> None:
    with pytest.raises(ValidationError) as fel:
        obj.full_clean()
    assert text in meddelanden(fel.value)
    if i_databasen:
        with pytest.raises(IntegrityError), transaction.atomic():
            obj.save()


@pytest.fixture
def deltagare(forbund):
    return Deltagare.objects.create(forbund=forbund, referens="R1", kon="kvinna", fodelsear=1980)


def test_insats_slut_fore_start(forbund, insats):
    insats.slutdatum = D(2020, 12, 31)
    vagras(insats, "Slutdatum kan inte vara före startdatum.")


def test_insats_negativa_medel_och_mal_over_100(insats):
    insats.tilldelade_medel = -1
    vagras(insats, "Tilldelade medel får inte vara negativa.")
    insats.tilldelade_medel = 0
    insats.mal_arbete_studier = 101
    # The field validator answers first, naming the field, in Swedish.
    vagras(insats, "mindre än eller lika med 100")


def test_delinsats_kan_inte_ha_delinsatser(forbund, insats):
    del1 = InsatsFactory(forbund=forbund, overordnad=insats)
    vagras(
        Insats(
            forbund=forbund,
            namn="Djup",
            startdatum=D(2021, 1, 1),
            overordnad=del1,
            stegskala=insats.stegskala,
        ),
        "En delinsats kan inte ha egna delinsatser.",
        i_databasen=False,
    )


def test_insats_med_part_fran_annat_forbund(forbund, insats):
    annat = ForbundFactory()
    insats.agare = Part.objects.create(forbund=annat, namn="FK", typ="forsakringskassan")
    vagras(insats, "Parten hör till ett annat förbund.", i_databasen=False)


def test_part_kommunkod(forbund):
    vagras(Part(forbund=forbund, namn="Västerås stad", typ="kommun"), "kommunkod med fyra siffror")
    vagras(
        Part(forbund=forbund, namn="FK", typ="forsakringskassan", kommunkod="1980"),
        "andra parter har ingen",
    )


def test_inskrivning_slut_fore_start_och_halvt_avslut(deltagare, insats):
    inskrivning = Inskrivning(
        deltagare=deltagare,
        insats=insats,
        startdatum=D(2021, 5, 1),
        slutdatum=D(2021, 4, 30),
        avslutsorsak="arbete",
    )
    vagras(inskrivning, "Slutdatum kan inte vara före startdatum.")
    utan_orsak = Inskrivning(
        deltagare=deltagare, insats=insats, startdatum=D(2021, 5, 1), slutdatum=D(2021, 6, 1)
    )
    vagras(utan_orsak, "Ett avslut kräver både slutdatum och avslutsorsak.")


def test_en_aktiv_inskrivning_per_insats(deltagare, insats):
    Inskrivning.objects.create(deltagare=deltagare, insats=insats, startdatum=D(2021, 1, 4))
    vagras(
        Inskrivning(deltagare=deltagare, insats=insats, startdatum=D(2021, 3, 1)),
        "Deltagaren är redan aktiv i insatsen.",
    )


def test_strukturinsats_har_inga_deltagare(forbund, deltagare):
    struktur = InsatsFactory(forbund=forbund, inriktning="struktur", matmetod="antal")
    vagras(
        Inskrivning(deltagare=deltagare, insats=struktur, startdatum=D(2021, 1, 4)),
        "En strukturinsats har inga inskrivna deltagare.",
        i_databasen=False,
    )


def test_steg_maste_hora_till_insatsens_stegskala(forbund, deltagare, insats):
    inskrivning = Inskrivning.objects.create(
        deltagare=deltagare, insats=insats, startdatum=D(2021, 1, 4)
    )
    annat_forbunds_insats = InsatsFactory()
    vagras(
        Stegbedomning(
            inskrivning=inskrivning,
            datum=D(2021, 1, 4),
            typ="start",
            steg=steg(annat_forbunds_insats, 3),
        ),
        "Steget finns inte i insatsens stegskala.",
    )
    vagras(
        Stegbedomning(
            inskrivning=inskrivning, datum=D(2021, 1, 3), typ="lopande", steg=steg(insats, 3)
        ),
        "före inskrivningens startdatum",
        i_databasen=False,
    )


@pytest.fixture
def bedomd_inskrivning(deltagare, insats):
    inskrivning = Inskrivning.objects.create(
        deltagare=deltagare, insats=insats, startdatum=D(2021, 1, 4)
    )
    Stegbedomning.objects.create(
        inskrivning=inskrivning, datum=D(2021, 1, 4), typ="start", steg=steg(insats, 2)
    )
    return inskrivning


def test_databasen_vagrar_ny_stegskala_nar_bedomningar_finns(forbund, bedomd_inskrivning):
    insats = bedomd_inskrivning.insats
    insats.stegskala = Stegskala.objects.create(forbund=forbund, namn="SKAPA")
    with (
        pytest.raises(IntegrityError, match="Steget finns inte i insatsens stegskala"),
        transaction.atomic(),
    ):
        insats.save()


def test_databasen_vagrar_flytt_till_insats_med_annan_stegskala(forbund, bedomd_inskrivning):
    skapa = Stegskala.objects.create(forbund=forbund, namn="SKAPA")
    annan = InsatsFactory(forbund=forbund, stegskala=skapa)
    bedomd_inskrivning.insats = annan
    with (
        pytest.raises(IntegrityError, match="Steget finns inte i insatsens stegskala"),
        transaction.atomic(),
    ):
        bedomd_inskrivning.save()
    # A move to an insats on the same ladder is fine.
    bedomd_inskrivning.insats = InsatsFactory(forbund=forbund)
    bedomd_inskrivning.save()


def test_en_startbedomning_per_inskrivning(deltagare, insats):
    inskrivning = Inskrivning.objects.create(
        deltagare=deltagare, insats=insats, startdatum=D(2021, 1, 4)
    )
    Stegbedomning.objects.create(
        inskrivning=inskrivning, datum=D(2021, 1, 4), typ="start", steg=steg(insats, 2)
    )
    vagras(
        Stegbedomning(
            inskrivning=inskrivning, datum=D(2021, 2, 4), typ="start", steg=steg(insats, 3)
        ),
        "Inskrivningen har redan en bedömning av den typen.",
    )
    # Löpande bedömningar may be many.
    for manad in (2, 3):
        Stegbedomning(
            inskrivning=inskrivning, datum=D(2021, manad, 1), typ="lopande", steg=steg(insats, 3)
        ).full_clean()


def test_unikt_personnummer_per_forbund(forbund):
    kwargs = dict(
        personnummer_hash="a" * 64,
        personnummer_krypterat="token",
        kon="man",
        fodelsear=1985,
    )
    Deltagare.objects.create(forbund=forbund, **kwargs)
    vagras(Deltagare(forbund=forbund, **kwargs), "Personnumret är redan registrerat i förbundet.")
    # The same person may be known to another förbund.
    Deltagare(forbund=ForbundFactory(), **kwargs).full_clean()


def test_deltagare_kraver_personnummer_eller_referens(forbund):
    # A hash without its encrypted number (or the reverse) is half an identity.
    vagras(
        Deltagare(forbund=forbund, personnummer_hash="b" * 64, kon="man", fodelsear=1985),
        "Ange personnummer eller en referens.",
    )
    vagras(
        Deltagare(forbund=forbund, kon="man", fodelsear=1985),
        "Ange personnummer eller en referens.",
    )


def test_samtycke_aterkallas_inte_fore_det_lamnades(forbund, insats):
    deltagare = Deltagare.objects.create(forbund=forbund, referens="R", kon="man", fodelsear=1985)
    for samtycke in (D(2021, 3, 1), None):
        vagras(
            Inskrivning(
                deltagare=deltagare,
                insats=insats,
                startdatum=D(2021, 3, 1),
                samtycke_datum=samtycke,
                samtycke_aterkallat=D(2021, 2, 1),
            ),
            "Samtycket kan inte återkallas före det lämnades, eller utan att ha lämnats.",
        )


def test_belopp_far_inte_vara_negativa(forbund):
    budgetar = Budgetar.objects.create(forbund=forbund, ar=2021)
    vagras(Intakt(budgetar=budgetar, finansiar="stat", belopp=-5), "får inte vara negativt")
    vagras(
        Budgetrad(budgetar=budgetar, kategori="insatser", namn="X", budget=10, prognos=-1),
        "Budget, prognos och utblick får inte vara negativa.",
    )


def test_budgetar_ett_per_ar(forbund):
    Budgetar.objects.create(forbund=forbund, ar=2021)
    vagras(Budgetar(forbund=forbund, ar=2021), "Förbundet har redan en budget för det året.")


def test_nyckeltal_och_rapport_period(insats):
    vagras(
        Nyckeltal(insats=insats, namn="Företag", fran=D(2021, 6, 1), till=D(2021, 1, 1), varde=1),
        "Periodens slut kan inte vara före dess början.",
    )
    vagras(
        Rapport(
            forbund=insats.forbund, typ="delarsrapport", fran=D(2021, 8, 31), till=D(2021, 1, 1)
        ),
        "Periodens slut kan inte vara före dess början.",
    )


def test_opublicerbar_rapport_innan_klar(forbund):
    vagras(
        Rapport(
            forbund=forbund,
            typ="delarsrapport",
            fran=D(2021, 1, 1),
            till=D(2021, 8, 31),
            publicerad=True,
        ),
        "Endast en färdig rapport kan publiceras.",
    )


def test_api_nyckel_tillhor_part_eller_anvandare(forbund):
    part = Part.objects.create(forbund=forbund, namn="FK", typ="forsakringskassan")
    vagras(
        ApiNyckel(typ="personlig", prefix="fsu_x", hash="c" * 64, part=part),
        "En partnyckel tillhör en part, en personlig nyckel en användare.",
    )
