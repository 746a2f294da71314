"""Login by e-legitimation decided, and the förbundschef's invitations.

One decision for SAML and OIDC alike (`inloggning_avgor`): the protocol's
own checks (signature, issuer, audience, time) are done before it, by
pysaml2 or Authlib; here the assurance level, the person and the role.
Every refusal is a `Nekad` with the Swedish sentence the person is shown,
and it leaves nothing behind: no user, no identity, no session.
"""

import datetime
import hashlib
import logging
import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from elegitimation.identifierare import identifierarnyckel, visningsform
from elegitimation.models import AnvantIntyg, ExternIdentitet, Identitetsutgivare, Inbjudan
from finsam.atkomst import atkomst
from finsam.kodlistor import Roll
from finsam.models import Forbund
from finsam.services.organisation import (
    krav_forbundschef,
    medlemskap_kontrollera_insatser,
    medlemskap_lagg_till,
)
from finsam.services.validering import spara_validerad
from finsam.tillit import LAGSTA_GODTAGNA, NIVA_FOR_URI

logg = logging.getLogger("finsam.inloggning")

INBJUDAN_GILTIG_DAGAR = 30
# The clocks of Finsam and an IdP may differ this much: SAML's accepted_time_diff,
# the ID token's leeway, and how long past its end a used assertion is kept.
KLOCKSKILLNAD_SEKUNDER = 120

OKAND_PERSON = "Du har inget konto i Finsam – kontakta ditt samordningsförbund."


class Nekad(PermissionDenied):
    """A login refused: `text` is what the person reads, `orsak` what the log says."""

    def __init__(self, text: str, orsak: str):
        super().__init__(orsak)
        self.text = text
        self.orsak = orsak


@dataclass(frozen=True)
class Inloggad:
    user: object
    niva: int


def tillitsniva(utgivare: Identitetsutgivare, uri: str | None) -> int:
    """The level an assertion's context URI stands for, if this IdP may assert it."""
    if not uri or uri not in utgivare.tillitsnivaer or uri not in NIVA_FOR_URI:
        raise Nekad(
            f"{utgivare.namn} intygade ingen tillitsnivå som Finsam godtar. "
            "Logga in med en e-legitimation på tillitsnivå 3, till exempel SITHS eID eller BankID.",
            "okänd tillitsnivå",
        )
    niva = NIVA_FOR_URI[uri]
    if niva < LAGSTA_GODTAGNA:
        raise Nekad(
            "Din e-legitimation har för låg tillitsnivå för Finsam. "
            "Logga in med en e-legitimation på tillitsnivå 3, till exempel SITHS eID eller BankID.",
            "för låg tillitsnivå",
        )
    return niva


@transaction.atomic
def inloggning_avgor(*, utgivare: Identitetsutgivare, identifierare: str | None, uri: str | None):
    """Who signs in, at which level; binds the person's open invitations.

    A first login creates the user from the oldest open invitation; every
    open invitation for the same identifier (another förbund's, a new role)
    gives its role, on this login or the next.

    Raises `Nekad` for a level Finsam does not take, an identifier missing
    or malformed, and a person neither known nor invited.
    """
    niva = tillitsniva(utgivare, uri)
    typ = utgivare.identifierartyp
    try:
        nyckel = identifierarnyckel(typ, identifierare or "")
    except ValidationError:
        raise Nekad(
            f"{utgivare.namn} skickade ingen giltig identifierare för dig. "
            "Kontakta ditt samordningsförbund.",
            "identifierare saknas eller är ogiltig",
        ) from None
    nu = timezone.now()
    # Locked first: two first logins at once wait for each other here.
    oppna = [
        inbjudan
        for inbjudan in Inbjudan.objects.filter(identifierartyp=typ, nyckel=nyckel)
        .oppna()
        .select_for_update()
        .select_related("skapad_av", "forbund")
        .order_by("skapad")
        if _inbjudaren_far_bjuda_in(inbjudan)
    ]
    identitet = _identitet(utgivare=utgivare, typ=typ, nyckel=nyckel)
    if identitet is None:
        identitet = _ny_anvandare(utgivare=utgivare, typ=typ, nyckel=nyckel, oppna=oppna)
    if not identitet.user.is_active:
        raise Nekad(
            "Ditt konto i Finsam är inaktiverat. Kontakta ditt samordningsförbund.", "inaktiv"
        )
    for inbjudan in oppna:
        _bind(inbjudan, identitet.user, nu)
    identitet.senast_inloggad = nu
    identitet.save(update_fields=["senast_inloggad"])
    return Inloggad(user=identitet.user, niva=niva)


def _identitet(*, utgivare, typ: str, nyckel: str) -> ExternIdentitet | None:
    """The person's identity through this IdP; else the same person known through
    another IdP, linked to this one too: one person, one account, and one
    deactivation that holds whichever e-legitimation they use."""
    kanda = ExternIdentitet.objects.select_related("user").filter(
        identifierartyp=typ, nyckel=nyckel
    )
    identitet = kanda.filter(utgivare=utgivare).first()
    if identitet is None and (annan := kanda.order_by("skapad").first()) is not None:
        identitet = ExternIdentitet.objects.create(
            user=annan.user, utgivare=utgivare, identifierartyp=typ, nyckel=nyckel
        )
        logg.info("Användare %s kopplad till utgivare %s.", annan.user_id, utgivare.pk)
    return identitet


def _inbjudaren_far_bjuda_in(inbjudan: Inbjudan) -> bool:
    """An invitation is worth its maker's authority now: a förbundschef who has
    left the role or Finsam hands out no roles through old invitations."""
    inbjudare = inbjudan.skapad_av
    return inbjudare.is_active and atkomst(inbjudare).har_roll(
        inbjudan.forbund_id, Roll.FORBUNDSCHEF
    )


def _ny_anvandare(*, utgivare, typ: str, nyckel: str, oppna: list) -> ExternIdentitet:
    if not oppna:
        aterkallad = Inbjudan.objects.filter(
            identifierartyp=typ, nyckel=nyckel, aterkallad__isnull=False
        ).exists()
        raise Nekad(OKAND_PERSON, "återkallad inbjudan" if aterkallad else "okänd person")
    inbjudan = oppna[0]
    User = get_user_model()
    anvandare = User(
        username=_anvandarnamn(),
        first_name=inbjudan.fornamn,
        last_name=inbjudan.efternamn,
        email=inbjudan.email,
    )
    # An e-legitimation is the way in: no password opens this account.
    anvandare.set_unusable_password()
    anvandare.save()
    logg.info("Ny användare %s ur inbjudan %s.", anvandare.pk, inbjudan.pk)
    return ExternIdentitet.objects.create(
        user=anvandare, utgivare=utgivare, identifierartyp=typ, nyckel=nyckel
    )


def _bind(inbjudan: Inbjudan, anvandare, nu) -> None:
    """The invitation's role (and a samordnare's insatser) for the user, given as
    its maker gives a role on the users' page; the invitation used."""
    medlemskap_lagg_till(
        anvandare=anvandare,
        forbund=inbjudan.forbund,
        roll=inbjudan.roll,
        insatser=inbjudan.insatser.all(),
        user=inbjudan.skapad_av,
    )
    inbjudan.anvand = nu
    inbjudan.anvandare = anvandare
    inbjudan.save(update_fields=["anvand", "anvandare"])
    logg.info("Inbjudan %s bunden till användare %s.", inbjudan.pk, anvandare.pk)


def _anvandarnamn() -> str:
    """A username nobody types: an e-legitimation user never signs in with it."""
    return f"e-{secrets.token_hex(6)}"


def intyg_forbruka(*, utgivare: str, intygs_id: str, galler_till: datetime.datetime) -> None:
    """Accept an assertion id once: a second time it is a replay and refused."""
    nu = timezone.now()
    AnvantIntyg.objects.filter(galler_till__lt=nu).delete()
    nyckel = hashlib.sha256(f"{utgivare}\n{intygs_id}".encode()).hexdigest()
    try:
        with transaction.atomic():
            # Kept as long as pysaml2 would still take it: its lifetime plus the skew.
            AnvantIntyg.objects.create(
                nyckel=nyckel,
                galler_till=max(galler_till, nu)
                + datetime.timedelta(seconds=KLOCKSKILLNAD_SEKUNDER),
            )
    except IntegrityError:
        raise Nekad(
            "Inloggningen har redan använts. Logga in på nytt.", "återanvänt intyg"
        ) from None


@transaction.atomic
def inbjudan_skapa(
    *,
    forbund: Forbund,
    user,
    fornamn: str,
    efternamn: str,
    email: str = "",
    identifierartyp: str,
    identifierare: str,
    roll: str,
    insatser=(),
) -> Inbjudan:
    krav_forbundschef(user, forbund.pk)
    insatser = list(insatser)
    medlemskap_kontrollera_insatser(forbund=forbund, roll=roll, insatser=insatser)
    try:
        nyckel = identifierarnyckel(identifierartyp, identifierare)
    except ValidationError as e:
        raise ValidationError({"identifierare": e.messages}) from None
    # Within the förbund only: whether another förbund invited the person, or
    # whether they have an account, is not this förbundschef's to learn. An
    # account gets the role on its next e-ID login.
    samma = Inbjudan.objects.filter(forbund=forbund, identifierartyp=identifierartyp, nyckel=nyckel)
    if samma.oppna().exists():
        raise ValidationError(
            {"identifierare": "Personen har redan en öppen inbjudan. Återkalla den först."}
        )
    inbjudan = spara_validerad(
        Inbjudan(
            forbund=forbund,
            roll=roll,
            fornamn=fornamn.strip(),
            efternamn=efternamn.strip(),
            email=email.strip(),
            identifierartyp=identifierartyp,
            nyckel=nyckel,
            visas=visningsform(identifierartyp, identifierare),
            giltig_till=timezone.localdate() + datetime.timedelta(days=INBJUDAN_GILTIG_DAGAR),
            skapad_av=user,
        )
    )
    inbjudan.insatser.set(insatser)
    return inbjudan


@transaction.atomic
def inbjudan_aterkalla(*, inbjudan: Inbjudan, user) -> None:
    """Withdraw an invitation not yet used; the row stays, as history."""
    krav_forbundschef(user, inbjudan.forbund_id)
    if inbjudan.anvand is not None:
        raise ValidationError(
            "Inbjudan är redan använd. Ta bort personens roll under Användare i stället."
        )
    if inbjudan.aterkallad is None:
        inbjudan.aterkallad = timezone.now()
        inbjudan.aterkallad_av = user
        inbjudan.save(update_fields=["aterkallad", "aterkallad_av"])
