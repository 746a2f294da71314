"""`visible_to` for every model, tried by three users (STYLE.md).

For each model: the user with the right role sees the row, a colleague in
the same förbund without that role does not (where the model restricts by
role), and a user of another förbund never does.
"""

import datetime

import pytest

from budget.models import Budgetar, Budgetrad, Intakt, Utfall
from deltagare.models import (
    AnonymaDeltagare,
    Deltagare,
    Forsorjning,
    Inskrivning,
    Stegbedomning,
    VantandeRegistrering,
)
from finsam.atkomst import SYSTEM, atkomst
from finsam.kodlistor import Bedomningstyp, Kon, Roll
from finsam.models import ApiNyckel, Forbund, Medlemskap, Part
from finsam.services.api_nycklar import api_nyckel_skapa
from insatser.models import Insats, Nyckeltal, Steg, Stegskala
from rapporter.models import Rapport
from scb.models import Folkmangd, Helarsekvivalent, Region
from tests.factories import InsatsFactory, PartFactory, UserFactory, anvandare_med_roll, steg


def synlig(model, user, obj) -> bool:
    return model.objects.visible_to(user).filter(pk=obj.pk).exists()


@pytest.fixture
def deltagardata(forbund, insats, samordnare):
    deltagare = Deltagare.objects.create(
        forbund=forbund, referens="AB-1", kon=Kon.KVINNA, fodelsear=1985
    )
    inskrivning = Inskrivning.objects.create(
        deltagare=deltagare, insats=insats, startdatum=datetime.date(2021, 2, 1)
    )
    return {
        Deltagare: deltagare,
        Inskrivning: inskrivning,
        Forsorjning: Forsorjning.objects.create(
            inskrivning=inskrivning, tidpunkt="start", kalla="sjukpenning"
        ),
        Stegbedomning: Stegbedomning.objects.create(
            inskrivning=inskrivning,
            datum=datetime.date(2021, 2, 1),
            typ=Bedomningstyp.START,
            steg=steg(insats, 2),
        ),
    }


@pytest.mark.parametrize("model", [Deltagare, Inskrivning, Forsorjning, Stegbedomning])
def test_personuppgifter_endast_for_insatsens_samordnare(
    model, deltagardata, samordnare, samordnare_annan_insats, chef, styrelse, utomstaende
):
    obj = deltagardata[model]
    assert synlig(model, samordnare, obj)
    # Colleagues without the role in this insats: aggregates only.
    assert not synlig(model, samordnare_annan_insats, obj)
    assert not synlig(model, chef, obj)
    assert not synlig(model, styrelse, obj)
    assert not synlig(model, utomstaende, obj)


def test_admin_ser_inga_personuppgifter(deltagardata):
    admin = UserFactory(username="admin", is_superuser=True, is_staff=True)
    assert not synlig(Deltagare, admin, deltagardata[Deltagare])
    assert not synlig(Inskrivning, admin, deltagardata[Inskrivning])


def test_samordnare_ser_delinsatsernas_deltagare(forbund, insats, samordnare):
    delinsats = InsatsFactory(forbund=forbund, namn="Förrehabilitering", overordnad=insats)
    deltagare = Deltagare.objects.create(forbund=forbund, referens="X", kon="man", fodelsear=1990)
    inskrivning = Inskrivning.objects.create(
        deltagare=deltagare, insats=delinsats, startdatum=datetime.date(2021, 3, 1)
    )
    assert synlig(Inskrivning, samordnare, inskrivning)


def test_samordnare_ser_egen_registrering_utan_inskrivning(
    forbund, samordnare, samordnare_annan_insats
):
    deltagare = Deltagare.objects.create(
        forbund=forbund, referens="NY", kon="man", fodelsear=1990, skapad_av=samordnare
    )
    # Seen through the registration waiting for the samordnare's inskrivning.
    VantandeRegistrering.objects.create(deltagare=deltagare, samordnare=samordnare)
    assert synlig(Deltagare, samordnare, deltagare)
    assert not synlig(Deltagare, samordnare_annan_insats, deltagare)


@pytest.fixture
def forbundsdata(forbund, insats):
    part = PartFactory(forbund=forbund, namn="Västerås stad", typ="kommun", kommunkod="1980")
    struktur = InsatsFactory(forbund=forbund, namn="ASF", inriktning="struktur", matmetod="antal")
    budgetar = Budgetar.objects.create(forbund=forbund, ar=2021, eget_kapital_ingaende=5_000_000)
    rad = Budgetrad.objects.create(budgetar=budgetar, kategori="insatser", namn="ASF", budget=100)
    return {
        Forbund: forbund,
        Part: part,
        Insats: insats,
        Stegskala: insats.stegskala,
        Steg: steg(insats, 1),
        Nyckeltal: Nyckeltal.objects.create(
            insats=struktur,
            namn="Antal företag",
            fran=datetime.date(2021, 1, 1),
            till=datetime.date(2021, 6, 30),
            varde=12,
        ),
        AnonymaDeltagare: AnonymaDeltagare.objects.create(insats=insats, ar=2021, kvinnor=3),
        Budgetar: budgetar,
        Intakt: Intakt.objects.create(budgetar=budgetar, finansiar="stat", belopp=1000),
        Budgetrad: rad,
        Utfall: Utfall.objects.create(rad=rad, datum=datetime.date(2021, 3, 1), belopp=50),
    }


@pytest.mark.parametrize(
    "model",
    [
        Forbund,
        Part,
        Insats,
        Stegskala,
        Steg,
        Nyckeltal,
        AnonymaDeltagare,
        Budgetar,
        Intakt,
        Budgetrad,
        Utfall,
    ],
)
def test_forbundets_sammanstallda_data_for_alla_medlemmar(
    model, forbundsdata, chef, samordnare, styrelse, utomstaende, forbund
):
    obj = forbundsdata[model]
    for medlem in (chef, samordnare, styrelse):
        assert synlig(model, medlem, obj), medlem
    assert not synlig(model, utomstaende, obj)
    assert synlig(model, _partanvandare(forbundsdata[Part]), obj)


def _partanvandare(part):
    from finsam.api.autentisering import PartNyckelAnvandare

    nyckel, _ = api_nyckel_skapa(part=part, user=SYSTEM)
    return PartNyckelAnvandare(nyckel)


def test_partnyckel_ser_inte_annat_forbund(forbund, annat_forbund, insats):
    partanvandare = _partanvandare(PartFactory(forbund=annat_forbund))
    assert not synlig(Insats, partanvandare, insats)
    assert not synlig(Forbund, partanvandare, forbund)


def test_medlemskap_hanteras_av_forbundschefen(chef, samordnare, styrelse, utomstaende):
    medlemskap = Medlemskap.objects.get(user=samordnare)
    assert synlig(Medlemskap, chef, medlemskap)
    assert not synlig(Medlemskap, styrelse, medlemskap)
    assert not synlig(Medlemskap, samordnare, medlemskap)
    assert not synlig(Medlemskap, utomstaende, medlemskap)


def test_personlig_nyckel_syns_for_agaren_partnyckel_for_chefen(
    forbund, chef, samordnare, styrelse, utomstaende
):
    personlig, _ = api_nyckel_skapa(anvandare=samordnare, user=SYSTEM)
    partnyckel, _ = api_nyckel_skapa(part=PartFactory(forbund=forbund), user=SYSTEM)
    assert synlig(ApiNyckel, samordnare, personlig)
    assert not synlig(ApiNyckel, chef, personlig)
    assert synlig(ApiNyckel, chef, partnyckel)
    assert not synlig(ApiNyckel, styrelse, partnyckel)
    assert not synlig(ApiNyckel, utomstaende, partnyckel)


def test_rapport_opublicerad_endast_for_forbundschef(forbund, chef, styrelse, utomstaende):
    kwargs = dict(
        forbund=forbund,
        typ="delarsrapport",
        fran=datetime.date(2021, 1, 1),
        till=datetime.date(2021, 8, 31),
    )
    utkast = Rapport.objects.create(**kwargs, status="klar")
    publicerad = Rapport.objects.create(**kwargs, version=2, status="klar", publicerad=True)
    assert synlig(Rapport, chef, utkast)
    assert not synlig(Rapport, styrelse, utkast)
    assert synlig(Rapport, styrelse, publicerad)
    assert not synlig(Rapport, utomstaende, publicerad)


@pytest.mark.parametrize("model", [Region, Helarsekvivalent, Folkmangd])
def test_scb_data_for_alla_inloggade_med_roll(model, chef, styrelse):
    region = Region.objects.create(kod="1980", namn="Västerås", typ="kommun")
    obj = {
        Region: region,
        Helarsekvivalent: Helarsekvivalent.objects.create(
            region=region, ar=2020, kon="totalt", ersattningsform="sjukpenning", varde=1905
        ),
        Folkmangd: Folkmangd.objects.create(region=region, ar=2020, kon="totalt", antal=88586),
    }[model]
    assert synlig(model, chef, obj)
    assert synlig(model, styrelse, obj)
    utan_roll = UserFactory(username="utan-roll")
    assert not synlig(model, utan_roll, obj)


def test_anonym_anvandare_ser_ingenting(forbundsdata):
    from django.contrib.auth.models import AnonymousUser

    for model, obj in forbundsdata.items():
        assert not synlig(model, AnonymousUser(), obj), model


def test_atkomst_cachas_per_anvandarobjekt(samordnare, insats, django_assert_num_queries):
    with django_assert_num_queries(2):
        atkomst(samordnare)
    with django_assert_num_queries(0):
        assert atkomst(samordnare).samordnare_insatser == {insats.pk}
    assert atkomst(samordnare).har_roll(insats.forbund_id, Roll.SAMORDNARE)


def test_insats_i_annat_forbund_ger_ingen_atkomst(deltagardata, insats, annat_forbund):
    """A samordnare role in förbund B linked (by mistake) to förbund A's insats."""
    fel_kopplad = anvandare_med_roll(Roll.SAMORDNARE, annat_forbund, username="fel-kopplad")
    Medlemskap.objects.get(user=fel_kopplad).insatser.add(insats)
    assert atkomst(fel_kopplad).samordnare_insatser == frozenset()
    for model, obj in deltagardata.items():
        assert not synlig(model, fel_kopplad, obj), model
