"""No leaks between förbund (issue 13 §6): every model a förbund's users write is one
that `visible_to` scopes, and no role of another förbund sees a single row of it.

The demo förbund (A) holds a row of every model; förbund B has a förbundschef,
a samordnare, a styrelse member and a part key. A model that is neither scoped
nor listed below as outside the förbund fails the test, so a new model must say
who sees it.
"""

import datetime
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile

import demo
from budget.models import Budgetar
from deltagare.atkomstlogg import Handling, logga
from deltagare.logg.manader import manadens_start, senaste_hela_manad
from deltagare.logg.services import logggranskning_hamta
from deltagare.models import Deltagare, Inskrivning
from deltagare.services import (
    deltagare_registrera,
    identitet_ratta,
    inskrivning_felregistrera,
    inskrivning_felregistrering_angra,
)
from deltagare.services.gallring import gallra
from demo.organisation import FORBUND_NAMN
from elegitimation.models import Identifierartyp
from elegitimation.services import inbjudan_skapa
from finsam.api.autentisering import PartNyckelAnvandare
from finsam.atkomst import SYSTEM
from finsam.kodlistor import Roll
from finsam.models import Forbund, Medlemskap
from finsam.querysets import SynligQuerySet
from finsam.services.api_nycklar import api_nyckel_skapa
from finsam.services.organisation import forbund_andra_gallring, forbund_andra_installningar
from insatser.models import Insats
from insatser.services import berattelsebegaran_skapa
from rapporter.services.versioner import rapport_bestall
from registerutdrag.models import Registerutdragsbegaran, Registerutdragsdel
from tests.budget.utfallsfiler import ladda_upp_och_las
from tests.demo.hjalp import kor_seed, snabb_hash
from tests.factories import ForbundFactory, InsatsFactory, PartFactory, anvandare_med_roll
from tests.integritet.hjalp import klockan

pytestmark = pytest.mark.django_db

# Rows that are no förbund's: Django's and the libraries' own (each user's, or
# the administrators'), SCB's reference data, which every förbund reads
# and only an administrator or the system writes (scb.services), and the
# statistics cache's version numbers, which only database triggers write and
# no page, API or admin shows. The identity providers are the installation's,
# added by an administrator; an external identity is its user's own (as a TOTP
# device is); a used assertion's hash only the login writes and reads.
UTANFOR_FORBUNDEN = {
    "elegitimation.Identitetsutgivare",
    "elegitimation.ExternIdentitet",
    "elegitimation.AnvantIntyg",
    "statistik.Dataversion",
    "admin.LogEntry",
    "auth.Permission",
    "auth.Group",
    "auth.User",
    "contenttypes.ContentType",
    "sessions.Session",
    "axes.AccessFailureLog",
    "axes.AccessAttempt",
    "axes.AccessAttemptExpiration",
    "axes.AccessLog",
    "otp_totp.TOTPDevice",
    "finsam.Tvafaktorenhet",
    "scb.Scbimport",
}
DELADE = {"scb.Region", "scb.Helarsekvivalent", "scb.Folkmangd"}


@pytest.fixture
def forbund_a(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with snabb_hash():
        kor_seed()
    a = Forbund.objects.get(namn=FORBUND_NAMN)
    # What the demo does not write: a report version, a reminder, a part key, an
    # import, a registerutdrag with an insats's part, a gallring run, a change of
    # the gallring period and of a setting, and a month's review of the access log.
    rapport_bestall(dokument=a.rapportdokument.get(), user=SYSTEM)
    insats = Insats.objects.filter(forbund=a).first()
    berattelsebegaran_skapa(
        insats=insats, fran=datetime.date(2026, 1, 1), till=datetime.date(2026, 8, 31), user=SYSTEM
    )
    api_nyckel_skapa(part=a.parter.first(), user=SYSTEM)
    # A samordnare's registration still waiting for an inskrivning, and a rättelse.
    inskriven = Deltagare.objects.filter(forbund=a, inskrivningar__isnull=False).first()
    samordnare = anvandare_med_roll(
        Roll.SAMORDNARE, a, inskriven.inskrivningar.first().insats, username="a-samordnare"
    )
    deltagare_registrera(
        forbund=a, referens="VANTAR-1", kon="kvinna", fodelsear=1990, user=samordnare
    )
    identitet_ratta(
        deltagare=inskriven,
        referens="RÄTTAD-1",
        skal="Felskriven referens",
        user=samordnare,
    )
    # A correction with its history (Korrigering): a felregistrering undone.
    rattad = Inskrivning.objects.filter(insats__forbund=a).ej_felregistrerade().first()
    rattare = anvandare_med_roll(Roll.SAMORDNARE, a, rattad.insats, username="a-rattare")
    inskrivning_felregistrera(inskrivning=rattad, skal="Fel insats", user=rattare)
    inskrivning_felregistrering_angra(inskrivning=rattad, skal="Rätt insats", user=rattare)
    fil = Path(demo.__file__).parent / "exempel" / "utfall-2026-11.csv"
    ladda_upp_och_las(
        Budgetar.objects.get(forbund=a, ar=2026), SimpleUploadedFile(fil.name, fil.read_bytes())
    )
    inskrivning = Inskrivning.objects.filter(insats__forbund=a).first()
    begaran = Registerutdragsbegaran.objects.create(
        forbund=a,
        deltagare=inskrivning.deltagare,
        mottagen=datetime.date(2026, 1, 31),
        frist=datetime.date(2026, 2, 28),
    )
    Registerutdragsdel.objects.create(begaran=begaran, insats=inskrivning.insats)
    gallra(forbund=a)
    inbjudan_skapa(
        forbund=a,
        user=anvandare_med_roll(Roll.FORBUNDSCHEF, a, username="a-inbjudare"),
        fornamn="Ida",
        efternamn="Inbjuden",
        identifierartyp=Identifierartyp.HSA_ID,
        identifierare="SE2321000016-A1B2",
        roll=Roll.STYRELSE,
    )
    forbund_andra_gallring(forbund=a, gallring_ar=6, user=SYSTEM)
    forbund_andra_installningar(forbund=a, min_cell=4, user=SYSTEM)
    # A month's review of the access log, over a read of last month.
    manad = senaste_hela_manad()
    with klockan(manadens_start(manad) + datetime.timedelta(days=3)):
        logga(user=SYSTEM, handling=Handling.LAS, deltagare=Deltagare.objects.filter(forbund=a)[:3])
    logggranskning_hamta(
        user=anvandare_med_roll(Roll.FORBUNDSCHEF, a, username="a-granskare"),
        forbund=a,
        manad=manad,
    )
    return a


@pytest.fixture
def roller_i_b(db):
    b = ForbundFactory(namn="Samordningsförbundet B")
    insats = InsatsFactory(forbund=b, namn="B-teamet")
    nyckel, _ = api_nyckel_skapa(part=PartFactory(forbund=b), user=SYSTEM)
    return {
        "förbundschef": anvandare_med_roll(Roll.FORBUNDSCHEF, b, username="b-chef"),
        "samordnare": anvandare_med_roll(Roll.SAMORDNARE, b, insats, username="b-samordnare"),
        "styrelse": anvandare_med_roll(Roll.STYRELSE, b, username="b-styrelse"),
        "partnyckel": PartNyckelAnvandare(nyckel),
    }


def _a_rader(modell, a: Forbund) -> set:
    """The model's rows that belong to förbund A: what A's users see, or A itself."""
    if modell is Forbund:
        return {a.pk}
    chef = anvandare_med_roll(Roll.FORBUNDSCHEF, a, username=f"a-chef-{modell.__name__}")
    samordnare = anvandare_med_roll(
        Roll.SAMORDNARE, a, *Insats.objects.filter(forbund=a), username=f"a-s-{modell.__name__}"
    )
    # A's own users too: some rows are their writer's alone (a waiting registration).
    anvandare = {chef, samordnare, *(m.user for m in Medlemskap.objects.filter(forbund=a))}
    return {
        pk
        for user in anvandare
        for pk in modell._default_manager.visible_to(user).values_list("pk", flat=True)
    }


def test_inget_forbund_ser_ett_annat_forbunds_rader(forbund_a, roller_i_b):
    oskyddade, tomma, lackor = [], [], []
    for modell in apps.get_models():
        namn = modell._meta.label
        if namn in UTANFOR_FORBUNDEN or namn in DELADE:
            continue
        if not isinstance(modell._default_manager.get_queryset(), SynligQuerySet):
            oskyddade.append(namn)
            continue
        a_rader = _a_rader(modell, forbund_a)
        if not a_rader:
            tomma.append(namn)
            continue
        for roll, user in roller_i_b.items():
            sedda = set(modell._default_manager.visible_to(user).values_list("pk", flat=True))
            if sedda & a_rader:
                lackor.append(f"{namn}: {roll} i B ser {len(sedda & a_rader)} av A:s rader")
    assert oskyddade == [], "Modeller utan visible_to: säg vem som ser dem"
    # Every model is proved on real rows, not on an empty table.
    assert tomma == []
    assert lackor == []


def test_delade_referensdata_ar_desamma_for_alla(forbund_a, roller_i_b):
    """SCB's figures are read alike by every förbund (and changed by none: tests/scb)."""
    for namn in DELADE:
        modell = apps.get_model(namn)
        alla = modell.objects.count()
        assert alla > 0
        for user in roller_i_b.values():
            assert modell.objects.visible_to(user).count() == alla
