"""The world of the permission matrix: the demo förbund, its eight callers, and a row of each kind.

The demo (seed_demo) gives förbund A its insatser, deltagare, budgets and
report; what it does not write is added here. Every row a URL names is A's
and sits in the insats "Samordningsteam", so one row per kind decides
whether each caller reaches it.
"""

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

import demo
from budget.models import Budgetar, Budgetrad
from deltagare.atkomstlogg import Handling, logga
from deltagare.logg.manader import manadens_start, senaste_hela_manad
from deltagare.models import Deltagare, Stegbedomning
from deltagare.services import deltagare_registrera
from demo.organisation import FORBUND_NAMN
from elegitimation.models import Identifierartyp
from elegitimation.services import inbjudan_skapa
from enkat.models import Matning
from finsam.atkomst import SYSTEM
from finsam.kodlistor import Roll
from finsam.models import Forbund, Medlemskap, Uppdrag
from finsam.services.api_nycklar import api_nyckel_skapa
from insatser.models import Insats
from rapporter.services.versioner import rapport_bestall
from registerutdrag.models import Registerutdragsbegaran, Registerutdragsdel
from tests.budget.utfallsfiler import ladda_upp_och_las
from tests.demo.hjalp import kor_seed, snabb_hash
from tests.factories import ForbundFactory, InsatsFactory, anvandare_med_roll
from tests.integritet.hjalp import klockan

# The callers, in the order of every row of the tables:
# A anonymous, S samordnare of the insats, K samordnare of another insats,
# C förbundschef, B styrelse, U förbundschef of another förbund, P part key,
# N personal key. U is the other förbund's strongest role: if it reaches
# nothing of A's, its weaker roles do not either (tests/integritet proves
# the same row by row). N is the samordnare's own key: the only role that
# reaches identities, so it shows a key carries exactly its user's reach.
AKTORER = "ASKCBUPN"
INSATS = "Samordningsteam"
ANNAN_INSATS = "ALL-IN"  # no inskrivning of the deltagare below


@dataclass
class Varld:
    forbund: Forbund
    objekt: dict[str, int | str]  # the rows URLs and bodies name, by kind
    klienter: dict[str, Client] = field(default_factory=dict)


def _klient(*, user=None, nyckel: str | None = None) -> Client:
    # Django's test client skips CSRF checks: the matrix asks who may write,
    # not whether the token is there (tests/finsam covers CSRF).
    if nyckel is not None:
        return Client(HTTP_AUTHORIZATION=f"Bearer {nyckel}")
    klient = Client()
    if user is not None:
        klient.force_login(user)
    return klient


def bygg_varld() -> Varld:
    """Förbund A and B, the callers and the rows; the caller points MEDIA_ROOT at a
    temporary folder first (the world uploads a file and orders a report)."""
    with snabb_hash():
        kor_seed()
    a = Forbund.objects.get(namn=FORBUND_NAMN)
    insats = Insats.objects.get(forbund=a, namn=INSATS)
    annan = Insats.objects.get(forbund=a, namn=ANNAN_INSATS)
    struktur = Insats.objects.filter(forbund=a, nyckeltal__isnull=False).first()
    samordnare = Medlemskap.objects.get(forbund=a, roll=Roll.SAMORDNARE).user
    chef = Medlemskap.objects.get(forbund=a, roll=Roll.FORBUNDSCHEF).user
    styrelse = Medlemskap.objects.get(forbund=a, roll=Roll.STYRELSE).user
    kollega = anvandare_med_roll(Roll.SAMORDNARE, a, annan, username="kollega")
    b = ForbundFactory(namn="Samordningsförbundet B")
    InsatsFactory(forbund=b)  # so U's pages of its own förbund have a row to show
    utomstaende = anvandare_med_roll(Roll.FORBUNDSCHEF, b, username="utomstaende")
    part = a.parter.first()
    partnyckel, partnyckel_klartext = api_nyckel_skapa(part=part, user=SYSTEM)
    personlig, personlig_klartext = api_nyckel_skapa(anvandare=samordnare, user=SYSTEM)

    # A person whose one inskrivning is in the insats, going on, with a bedömning.
    deltagare = (
        Deltagare.objects.filter(forbund=a, inskrivningar__insats=insats)
        .exclude(inskrivningar__insats__in=Insats.objects.exclude(pk=insats.pk))
        .filter(inskrivningar__slutdatum__isnull=True, inskrivningar__bedomningar__isnull=False)
        .first()
    )
    inskrivning = deltagare.inskrivningar.get()
    bedomning = Stegbedomning.objects.filter(inskrivning=inskrivning).first()
    begaran = Registerutdragsbegaran.objects.create(
        forbund=a,
        deltagare=deltagare,
        mottagen=datetime.date(2026, 1, 31),
        frist=datetime.date(2026, 2, 28),
    )
    Registerutdragsdel.objects.create(begaran=begaran, insats=insats)
    dokument = a.rapportdokument.get()
    rapport = rapport_bestall(dokument=dokument, user=SYSTEM)
    budgetar = Budgetar.objects.get(forbund=a, ar=2026)
    exempel = Path(demo.__file__).parent / "exempel" / "utfall-2026-11.csv"
    utfallsimport, _ = ladda_upp_och_las(
        budgetar, SimpleUploadedFile(exempel.name, exempel.read_bytes())
    )
    # A read in the last whole month, so its review of the access log opens.
    manad = senaste_hela_manad()
    with klockan(manadens_start(manad) + datetime.timedelta(days=3)):
        logga(user=SYSTEM, handling=Handling.LAS, deltagare=[deltagare])
    # The demo's measurements of the insats: a closed one with answers, and the open one.
    oppen = Matning.objects.get(insats=insats, till__gte=timezone.localdate())
    inbjudan = inbjudan_skapa(
        forbund=a,
        user=chef,
        fornamn="Ida",
        efternamn="Inbjuden",
        identifierartyp=Identifierartyp.HSA_ID,
        identifierare="SE2321000016-A1B2",
        roll=Roll.STYRELSE,
    )
    objekt = {
        "inbjudan": inbjudan.pk,
        "insats": insats.pk,
        "enkat": oppen.enkat_id,
        "matning": Matning.objects.filter(insats=insats, svar__isnull=False).first().pk,
        "matning_nyckel": oppen.nyckel,
        "strukturinsats": struktur.pk,
        "nyckeltal": struktur.nyckeltal.first().pk,
        "deltagare": deltagare.pk,
        "inskrivning": inskrivning.pk,
        "bedomning": bedomning.pk,
        "begaran": begaran.pk,
        "dokument": dokument.pk,
        "avsnitt": dokument.avsnitt.first().pk,
        "rapport": rapport.pk,
        "budgetar": budgetar.pk,
        "budgetrad": Budgetrad.objects.filter(budgetar=budgetar).first().pk,
        "utfallsimport": utfallsimport.pk,
        "forbund": a.pk,
        "part": part.pk,
        "uppdrag": Uppdrag.objects.filter(forbund=a).first().pk,
        "partnyckel": partnyckel.pk,
        "personlig_nyckel": personlig.pk,
        "anvandare": styrelse.pk,
        "medlemskap": Medlemskap.objects.get(user=styrelse).pk,
        "ar": manad.year,
        "manad": manad.month,
        # For bodies: a steg of the insats's scale, a person waiting for an
        # inskrivning (the samordnare's own registration), and today.
        "steg": insats.stegskala.steg.order_by("nummer").last().nummer,
        "vantande": deltagare_registrera(
            forbund=a, referens="VANTAR-1", kon="kvinna", fodelsear=1990, user=samordnare
        ).pk,
        "idag": timezone.localdate().isoformat(),
    }
    klienter = {
        "A": _klient(),
        "S": _klient(user=samordnare),
        "K": _klient(user=kollega),
        "C": _klient(user=chef),
        "B": _klient(user=styrelse),
        "U": _klient(user=utomstaende),
        "P": _klient(nyckel=partnyckel_klartext),
        "N": _klient(nyckel=personlig_klartext),
    }
    return Varld(forbund=a, objekt=objekt, klienter=klienter)
