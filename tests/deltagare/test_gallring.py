"""Gallring (DOMAIN.md §2): who is gallrad, what is removed and kept, the run log, the command."""

import datetime
import logging
from io import StringIO
from unittest import mock

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils import timezone

from deltagare.models import (
    Deltagare,
    Forsorjning,
    Gallringskorning,
    Inskrivning,
    Korrigering,
    Stegbedomning,
)
from deltagare.services import (
    deltagare_registrera,
    inskrivning_avsluta,
    inskrivning_felregistrera,
    inskrivning_felregistrering_angra,
    inskrivning_skapa,
    stegbedomning_lagg_till,
)
from deltagare.services.gallring import (
    gallra,
    gallra_alla,
    gallring_forhandsvisning,
    gallringsurval,
)
from deltagare.services.identitet import UTAN_PERSONNUMMER, identitet_ta_bort
from deltagare.tasks import gallra_task
from finsam.atkomst import SYSTEM
from finsam.datum import ar_senare
from finsam.kodlistor import Avslutsorsak, Kon
from tests.factories import InsatsFactory
from tests.personer import PNR, PNR_MAN, D

pytestmark = pytest.mark.django_db

# The run date of these tests; the förbund keeps the default period, five years.
PER = D(2030, 6, 1)


def _person(forbund, *, personnummer=None, referens=""):
    if personnummer:
        return deltagare_registrera(
            forbund=forbund, personnummer=personnummer, samtycke_datum=D(2021, 1, 2), user=SYSTEM
        )
    return deltagare_registrera(
        forbund=forbund, referens=referens, kon=Kon.ANNAT, fodelsear=1970, user=SYSTEM
    )


START = D(2021, 2, 1)


def _inskriven(deltagare, insats, *, slut=None, start=START) -> Inskrivning:
    inskrivning = inskrivning_skapa(
        deltagare=deltagare,
        insats=insats,
        startdatum=start,
        forsorjning_vid_start=["sjukpenning"],
        user=SYSTEM,
    )
    if slut:
        inskrivning_avsluta(
            inskrivning=inskrivning,
            slutdatum=slut,
            avslutsorsak=Avslutsorsak.ARBETE,
            forsorjning_vid_avslut=["lon"],
            sysselsattning="forvarvsarbete",
            user=SYSTEM,
        )
    return inskrivning


@pytest.fixture
def personer(forbund, insats, annan_insats) -> dict[str, Deltagare]:
    """One person per case, named by what a run on PER should do to them."""
    p = {
        # Latest avslut six years before PER: gallrad.
        "sex_ar": _person(forbund, personnummer=PNR),
        # Exactly five years: the period has passed on the day, gallrad.
        "precis_fem_ar": _person(forbund, referens="R-FEM"),
        # Four years: not yet.
        "fyra_ar": _person(forbund, personnummer=PNR_MAN),
        # Avslutad long ago in one insats, still active in another: never.
        "aktiv_i_annan": _person(forbund, referens="R-AKTIV"),
        # Avslutad long ago, then again four years ago: the latest counts, not yet.
        "senaste_avslutet_raknas": _person(forbund, referens="R-SENAST"),
        # Only a felregistrerad inskrivning long ago: it has a slutdatum, gallrad.
        "felregistrerad": _person(forbund, referens="R-FEL"),
        # Registered, never enrolled, seven years ago: gallrad from the registration.
        "aldrig_inskriven_gammal": _person(forbund, referens="R-GAMMAL"),
        # Registered, never enrolled, three years ago: not yet.
        "aldrig_inskriven_ny": _person(forbund, referens="R-NY"),
    }
    _inskriven(p["sex_ar"], insats, slut=D(2024, 5, 31))
    _inskriven(p["precis_fem_ar"], insats, slut=D(2025, 6, 1))
    _inskriven(p["fyra_ar"], insats, slut=D(2026, 6, 1))
    _inskriven(p["aktiv_i_annan"], insats, slut=D(2021, 6, 1))
    _inskriven(p["aktiv_i_annan"], annan_insats, start=D(2022, 1, 1))
    _inskriven(p["senaste_avslutet_raknas"], insats, slut=D(2021, 6, 1))
    _inskriven(p["senaste_avslutet_raknas"], annan_insats, slut=D(2026, 6, 1))
    inskrivning_felregistrera(
        inskrivning=_inskriven(p["felregistrerad"], insats, start=D(2021, 3, 1)), user=SYSTEM
    )
    for namn, dag in (
        ("aldrig_inskriven_gammal", D(2023, 5, 1)),
        ("aldrig_inskriven_ny", D(2027, 5, 1)),
    ):
        skapad = timezone.make_aware(datetime.datetime.combine(dag, datetime.time(12)))
        Deltagare.objects.filter(pk=p[namn].pk).update(skapad=skapad)
    return p


GALLRAS = {"sex_ar", "precis_fem_ar", "felregistrerad", "aldrig_inskriven_gammal"}


def _gallrade(personer) -> set[str]:
    gallrade = set(Deltagare.objects.filter(gallrad__isnull=False).values_list("pk", flat=True))
    return {namn for namn, d in personer.items() if d.pk in gallrade}


def test_vem_som_gallras(forbund, personer):
    korning = gallra(forbund=forbund, per=PER)
    assert _gallrade(personer) == GALLRAS
    assert korning.antal == len(GALLRAS)


def test_ett_ar_langre_gallringstid_skjuter_upp(forbund, personer):
    forbund.gallring_ar = 6
    forbund.save()
    gallra(forbund=forbund, per=PER)
    # Six years: the one avslutad exactly five years before is not due yet.
    assert _gallrade(personer) == GALLRAS - {"precis_fem_ar"}


def test_identiteten_tas_bort_och_resten_finns_kvar(forbund, insats, personer):
    d = personer["sex_ar"]
    stegbedomning_lagg_till(
        inskrivning=d.inskrivningar.get(),
        datum=D(2021, 3, 1),
        typ="start",
        steg_nummer=2,
        user=SYSTEM,
    )
    inskrivning_felregistrera(inskrivning=d.inskrivningar.get(), skal="Fel person", user=SYSTEM)
    inskrivning_felregistrering_angra(
        inskrivning=d.inskrivningar.get(), skal="Rätt person ändå", user=SYSTEM
    )
    fore = Deltagare.objects.get(pk=d.pk)
    inskrivningar = list(Inskrivning.objects.filter(deltagare=d).values())
    forsorjning = list(Forsorjning.objects.filter(inskrivning__deltagare=d).values())
    bedomningar = list(Stegbedomning.objects.filter(inskrivning__deltagare=d).values())
    assert fore.personnummer_hash and fore.personnummer_krypterat
    assert Inskrivning.objects.get(deltagare=d).samtycke_datum == D(2021, 1, 2)

    gallra(forbund=forbund, per=PER)

    efter = Deltagare.objects.get(pk=d.pk)
    assert efter.personnummer_krypterat == ""
    assert efter.personnummer_hash is None
    assert efter.referens == ""
    assert efter.gallrad is not None
    assert not efter.har_identitet
    assert (efter.kon, efter.fodelsear, efter.pseudonym, efter.skapad) == (
        fore.kon,
        fore.fodelsear,
        fore.pseudonym,
        fore.skapad,
    )
    # The inskrivning keeps everything but its consent details.
    assert list(Inskrivning.objects.filter(deltagare=d).values()) == [
        {**i, "samtycke_datum": None, "samtycke_aterkallat": None} for i in inskrivningar
    ]
    assert list(Forsorjning.objects.filter(inskrivning__deltagare=d).values()) == forsorjning
    assert list(Stegbedomning.objects.filter(inskrivning__deltagare=d).values()) == bedomningar
    # The corrections' history stays, without the free-text reasons.
    assert list(
        Korrigering.objects.filter(inskrivning__deltagare=d)
        .order_by("id")
        .values_list("typ", "skal")
    ) == [("felregistrerad", ""), ("felregistrering_angrad", "")]
    # A referens-only deltagare loses the referens, the only thing that named them.
    assert Deltagare.objects.get(pk=personer["precis_fem_ar"].pk).referens == ""
    # Those not due keep everything.
    kvar = Deltagare.objects.get(pk=personer["fyra_ar"].pk)
    assert kvar.personnummer_hash and kvar.personnummer_krypterat and kvar.gallrad is None
    assert Deltagare.objects.get(pk=personer["aktiv_i_annan"].pk).referens == "R-AKTIV"


def test_andra_korningen_tar_inte_bort_mer(forbund, personer):
    forsta = gallra(forbund=forbund, per=PER)
    gallrad_vid = dict(Deltagare.objects.values_list("pk", "gallrad"))
    andra = gallra(forbund=forbund, per=PER)
    assert (forsta.antal, andra.antal) == (len(GALLRAS), 0)
    assert dict(Deltagare.objects.values_list("pk", "gallrad")) == gallrad_vid
    assert Gallringskorning.objects.filter(forbund=forbund).count() == 2


def test_i_satser_gallras_allt(forbund, personer):
    korning = gallra(forbund=forbund, per=PER, batch=1)
    assert korning.antal == len(GALLRAS)
    assert _gallrade(personer) == GALLRAS


def test_aktiv_gallras_aldrig_hur_lang_tid_som_helst(forbund, personer):
    gallra(forbund=forbund, per=D(2099, 1, 1))
    assert _gallrade(personer) == set(personer) - {"aktiv_i_annan"}


def test_bara_det_egna_forbundet(forbund, annat_forbund, personer):
    insats_b = InsatsFactory(forbund=annat_forbund)
    i_b = _person(annat_forbund, referens="B-1")
    _inskriven(i_b, insats_b, slut=D(2021, 6, 1))
    gallra(forbund=forbund, per=PER)
    assert Deltagare.objects.get(pk=i_b.pk).gallrad is None
    korningar = gallra_alla(per=PER)
    assert [k.antal for k in korningar if k.forbund_id == annat_forbund.pk] == [1]
    assert Deltagare.objects.get(pk=i_b.pk).referens == ""


def test_korningen_loggas_med_antal_aldrig_identiteter(forbund, personer, caplog):
    with caplog.at_level(logging.INFO, logger="deltagare.services.gallring"):
        korning = gallra(forbund=forbund, per=PER)
    assert (korning.forbund, korning.per, korning.gallring_ar, korning.antal, korning.av) == (
        forbund,
        PER,
        5,
        len(GALLRAS),
        None,
    )
    assert f"{len(GALLRAS)} deltagare gallrade" in caplog.text
    for d in personer.values():
        assert str(d.pseudonym) not in caplog.text
        assert d.referens not in caplog.text or not d.referens
    assert PNR not in caplog.text


def test_forhandsvisningen_visar_nasta_korning(forbund, insats, annan_insats, personer):
    visning = gallring_forhandsvisning(forbund=forbund, per=PER)
    assert visning.antal == len(GALLRAS)
    assert visning.utan_inskrivning == 1
    # sex_ar, precis_fem_ar and felregistrerad were enrolled in `insats`.
    assert visning.per_insats == [(insats.namn, 3)]
    gallra(forbund=forbund, per=PER)
    assert gallring_forhandsvisning(forbund=forbund, per=PER).antal == 0


def test_bara_forbundschefen_eller_systemet_kor(forbund, samordnare, chef):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        gallra(forbund=forbund, user=samordnare)
    assert gallra(forbund=forbund, user=chef).av == chef


def test_identitet_ta_bort_tar_en_lista(forbund, personer):
    d = personer["fyra_ar"]
    assert identitet_ta_bort(deltagare=[d]) == 1
    assert identitet_ta_bort(deltagare=[d]) == 0
    assert Deltagare.objects.get(pk=d.pk).personnummer_hash is None


def test_varje_personnummerfalt_toms():
    # Gallring and withdrawn consent both clear these: a new field must be here.
    falt = {f.name for f in Deltagare._meta.fields if f.name.startswith("personnummer")}
    assert set(UTAN_PERSONNUMMER) == falt


def test_urvalet_ar_ett_queryset_utan_aggregat(forbund, personer):
    # It is re-applied inside the UPDATE; an aggregate there would not work.
    assert gallringsurval(forbund=forbund, per=PER).count() == len(GALLRAS)


def test_skottdag():
    assert ar_senare(D(2032, 2, 29), -5) == D(2027, 2, 28)
    assert ar_senare(D(2031, 3, 1), -5) == D(2026, 3, 1)


def test_kommandot_sista_raden(forbund, personer):
    ut = StringIO()
    call_command("gallra", "--per", PER.isoformat(), stdout=ut)
    rader = ut.getvalue().strip().splitlines()
    assert rader[-1] == f"Gallrade {len(GALLRAS)} deltagare."
    ut = StringIO()
    call_command("gallra", "--per", PER.isoformat(), "--forbund", str(forbund.pk), stdout=ut)
    assert ut.getvalue().strip().splitlines()[-1] == "Gallrade 0 deltagare."


def test_kommandot_felaktiga_argument(forbund):
    with pytest.raises(CommandError, match="Ogiltigt datum"):
        call_command("gallra", "--per", "2030-13-01", stdout=StringIO())
    with pytest.raises(CommandError, match="inget förbund"):
        call_command("gallra", "--forbund", str(forbund.pk + 100), stdout=StringIO())


def test_schemat_kor_uppgiften_varje_dag():
    from celery.schedules import crontab

    post = settings.CELERY_BEAT_SCHEDULE["gallring"]
    assert post["task"] == "deltagare.tasks.gallra_task"
    assert isinstance(post["schedule"], crontab)
    assert post["schedule"].hour == {2}


def test_uppgiften_anropar_tjansten(forbund, personer):
    idag = gallring_forhandsvisning(forbund=forbund).antal
    with mock.patch("deltagare.tasks.gallra_alla", wraps=gallra_alla) as tjanst:
        assert gallra_task.delay().get() == idag
    tjanst.assert_called_once_with()
    assert Gallringskorning.objects.filter(forbund=forbund).count() == 1
