"""Create förbund, parter, users and memberships (roles)."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import models, transaction

from finsam.atkomst import SYSTEM, atkomst, glom_atkomst, som_skapare
from finsam.kodlistor import Roll
from finsam.models import Forbund, Gallringsandring, Medlemskap, Part
from finsam.services.validering import spara_validerad
from finsam.signaler import forbund_skapat

User = get_user_model()


def krav_forbundschef(user, forbund_id: int) -> None:
    """Refuse unless the user is förbundschef of the förbund."""
    if user is SYSTEM:
        return
    if not atkomst(user).har_roll(forbund_id, Roll.FORBUNDSCHEF):
        raise PermissionDenied("Endast förbundschefen får göra detta.")


def krav_samordnare(user, insats: models.Model) -> None:
    """Refuse unless the user is samordnare of the insats (or of its överordnad).

    `insats` is an insatser.Insats (the core names no feature).
    """
    if user is SYSTEM:
        return
    if insats.pk not in atkomst(user).samordnare_insatser:
        raise PermissionDenied("Endast samordnare för insatsen får göra detta.")


@transaction.atomic
def forbund_skapa(*, namn: str, user, **installningar) -> Forbund:
    """Create a förbund (admin only); it is given its default stegskala Processtrappan.

    The stegskala is insatser's: insatser/apps.py connects
    `insatser.services.stegskala_skapa_processtrappan` to `forbund_skapat`,
    sent here in the same transaction.
    """
    if user is not SYSTEM and not user.is_superuser:
        raise PermissionDenied("Endast administratörer får skapa förbund.")
    forbund = spara_validerad(Forbund(namn=namn.strip(), **installningar))
    forbund_skapat.send(sender=Forbund, forbund=forbund)
    return forbund


@transaction.atomic
def forbund_andra_gallring(*, forbund: Forbund, gallring_ar: int, user) -> Forbund:
    """Set the förbund's gallring period (DOMAIN.md §2), förbundschef only.

    The change is kept with who and when, old and new value
    (`Gallringsandring`): a shorter period removes identities sooner, for
    good. Setting the value it already has changes and records nothing.
    """
    krav_forbundschef(user, forbund.pk)
    # Locked, so two changes at once each record the value they replaced.
    aktuell = Forbund.objects.select_for_update().get(pk=forbund.pk)
    fran_ar = aktuell.gallring_ar
    aktuell.gallring_ar = gallring_ar
    spara_validerad(aktuell)
    if aktuell.gallring_ar != fran_ar:
        Gallringsandring.objects.create(
            forbund=aktuell, av=som_skapare(user), fran_ar=fran_ar, till_ar=aktuell.gallring_ar
        )
    return aktuell


@transaction.atomic
def part_skapa(*, forbund: Forbund, namn: str, typ: str, kommunkod: str = "", user) -> Part:
    krav_forbundschef(user, forbund.pk)
    return spara_validerad(Part(forbund=forbund, namn=namn.strip(), typ=typ, kommunkod=kommunkod))


@transaction.atomic
def medlemskap_lagg_till(
    *, anvandare, forbund: Forbund, roll: str, insatser=(), user
) -> Medlemskap:
    """Give `anvandare` a role in a förbund; for samordnare, add their insatser.

    Adding a role the user already has only adds the insatser named.
    """
    krav_forbundschef(user, forbund.pk)
    insatser = list(insatser)
    medlemskap_kontrollera_insatser(forbund=forbund, roll=roll, insatser=insatser)
    medlemskap = Medlemskap.objects.filter(user=anvandare, forbund=forbund, roll=roll).first()
    if medlemskap is None:
        medlemskap = spara_validerad(Medlemskap(user=anvandare, forbund=forbund, roll=roll))
    if insatser:
        medlemskap.insatser.add(*insatser)
    glom_atkomst(anvandare)
    return medlemskap


def medlemskap_kontrollera_insatser(*, forbund: Forbund, roll: str, insatser) -> None:
    """Only a samordnare is tied to insatser, and only to its own förbund's."""
    if insatser and roll != Roll.SAMORDNARE:
        raise ValidationError({"insatser": "Endast samordnare knyts till insatser."})
    if any(insats.forbund_id != forbund.pk for insats in insatser):
        raise ValidationError({"insatser": "Insatsen hör till ett annat förbund."})


def samordnare_insatser(*, forbund: Forbund, ids) -> list[models.Model]:
    """The förbund's insatser with these ids, refusing ids it does not have."""
    ids = [int(i) for i in ids]
    funna = list(forbund.insatser.filter(id__in=ids))
    saknas = sorted(set(ids) - {i.id for i in funna})
    if saknas:
        raise ValidationError(
            {"insatser": f"Förbundet har ingen insats med id {', '.join(map(str, saknas))}."}
        )
    return funna


# No 0/O, 1/l/I: a generated password is read off the screen and typed.
_LOSENORDSTECKEN = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def losenord_generera() -> str:
    """A random 16-character password (about 94 bits), in groups of four to read aloud."""
    tecken = "".join(secrets.choice(_LOSENORDSTECKEN) for _ in range(16))
    return "-".join(tecken[i : i + 4] for i in range(0, 16, 4))


@transaction.atomic
def anvandare_skapa(
    *,
    forbund: Forbund,
    username: str,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    losenord: str | None = None,
    roll: str,
    insatser=(),
    user,
) -> tuple:
    """Create a user with a role in the förbund (the förbundschef's own users).

    Without `losenord` one is generated. Returns the user and the password
    to show once, or None when the förbundschef chose it: it is never stored
    in clear text anywhere.
    """
    krav_forbundschef(user, forbund.pk)
    username = username.strip()
    email = email.strip()
    fel = {}
    if not username:
        fel["username"] = "Ange ett användarnamn."
    elif User.objects.filter(username__iexact=username).exists():
        # Usernames are global: whose it is stays unsaid (another förbund's user).
        fel["username"] = "Användarnamnet är upptaget. Välj ett annat."
    if email:
        try:
            validate_email(email)
        except ValidationError:
            fel["email"] = "Ange en giltig e-postadress."
    if roll not in Roll.values:
        fel["roll"] = "Välj en roll i listan."
    anvandare = User(
        username=username,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        email=email,
    )
    visas = None
    if not losenord:
        losenord = visas = losenord_generera()
    try:
        validate_password(losenord, anvandare)
    except ValidationError as e:
        fel["losenord"] = e.messages
    if fel:
        raise ValidationError(fel)
    anvandare.set_password(losenord)
    spara_validerad(anvandare)
    medlemskap_lagg_till(
        anvandare=anvandare, forbund=forbund, roll=roll, insatser=insatser, user=user
    )
    return anvandare, visas


@transaction.atomic
def medlemskap_ta_bort(*, medlemskap: Medlemskap, user) -> None:
    """Take a role away; the förbund always keeps a förbundschef.

    A förbundschef cannot remove their own förbundschef role: they would
    lock themselves out of the very page, and nobody might be left to undo it.
    """
    krav_forbundschef(user, medlemskap.forbund_id)
    if medlemskap.roll == Roll.FORBUNDSCHEF:
        if user is not SYSTEM and medlemskap.user_id == user.pk:
            raise ValidationError(
                "Du kan inte ta bort din egen roll som förbundschef. "
                "Be en annan förbundschef eller en administratör."
            )
        andra = Medlemskap.objects.filter(
            forbund_id=medlemskap.forbund_id, roll=Roll.FORBUNDSCHEF
        ).exclude(pk=medlemskap.pk)
        if not andra.exists():
            raise ValidationError("Förbundet måste ha minst en förbundschef.")
    anvandare = medlemskap.user
    medlemskap.delete()
    glom_atkomst(anvandare)
