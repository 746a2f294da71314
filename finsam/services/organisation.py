"""Create förbund, parter, users and memberships (roles)."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import models, transaction

from finsam.atkomst import SYSTEM, atkomst, glom_atkomst, som_skapare
from finsam.kodlistor import Roll
from finsam.models import Forbund, Gallringsandring, Installningsandring, Medlemskap, Part
from finsam.services.validering import spara_validerad
from finsam.signaler import forbund_skapat, part_kontrolleras, personnummer_stangs_av

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


# The settings the förbundschef changes besides the gallring period, with
# how a value is written in their history.
INSTALLNINGAR = ("min_cell", "personnummer_tillatet", "organisationsnummer")


def _som_text(varde) -> str:
    if isinstance(varde, bool):
        return "på" if varde else "av"
    return str(varde) if varde != "" else "–"


@transaction.atomic
def forbund_andra_installningar(
    *, forbund: Forbund, user, gallring_ar: int | None = None, **installningar
) -> Forbund:
    """Change the förbund's settings (`INSTALLNINGAR`, `gallring_ar`), förbundschef only.

    Each changed value is kept with who and when (`Installningsandring`;
    the gallring period in its own `Gallringsandring`). min_cell is never
    below 3 and the organisationsnummer is Luhn checked (the model's
    validators). Personnummer are only switched off when no deltagare has
    one stored: the apps holding identities refuse through
    `personnummer_stangs_av`, giving the count.
    """
    krav_forbundschef(user, forbund.pk)
    okanda = set(installningar) - set(INSTALLNINGAR)
    if okanda:
        raise TypeError(f"Okända inställningar: {', '.join(sorted(okanda))}")
    aktuell = Forbund.objects.select_for_update().get(pk=forbund.pk)
    fore = {falt: getattr(aktuell, falt) for falt in INSTALLNINGAR}
    for falt, varde in installningar.items():
        setattr(aktuell, falt, varde.strip() if isinstance(varde, str) else varde)
    aktuell.full_clean()
    if fore["personnummer_tillatet"] and not aktuell.personnummer_tillatet:
        personnummer_stangs_av.send(sender=Forbund, forbund=aktuell)
    aktuell.save()
    av = som_skapare(user)
    for falt in INSTALLNINGAR:
        if getattr(aktuell, falt) != fore[falt]:
            Installningsandring.objects.create(
                forbund=aktuell,
                av=av,
                falt=Forbund._meta.get_field(falt).verbose_name,
                fran=_som_text(fore[falt]),
                till=_som_text(getattr(aktuell, falt)),
            )
    if gallring_ar is not None:
        aktuell = forbund_andra_gallring(forbund=aktuell, gallring_ar=gallring_ar, user=user)
    return aktuell


def _part_spara(part: Part) -> Part:
    """Validate (the model, then the apps above through `part_kontrolleras`), then save."""
    part.full_clean()
    part_kontrolleras.send(sender=Part, part=part)
    part.save()
    return part


@transaction.atomic
def part_skapa(*, forbund: Forbund, namn: str, typ: str, kommunkod: str = "", user) -> Part:
    """Add a part to the förbund; a kommun's code must be one of SCB's kommuner in Finsam."""
    krav_forbundschef(user, forbund.pk)
    return _part_spara(
        Part(forbund=forbund, namn=namn.strip(), typ=typ, kommunkod=kommunkod.strip())
    )


@transaction.atomic
def part_andra(*, part: Part, namn: str, typ: str, kommunkod: str = "", user) -> Part:
    krav_forbundschef(user, part.forbund_id)
    part.namn, part.typ, part.kommunkod = namn.strip(), typ, kommunkod.strip()
    return _part_spara(part)


def part_anvands_av(part: Part) -> list[str]:
    """What refers to the part, as "insatser (2)": every relation, so a new one is counted too.

    A model referring through several fields (an insats's ägare and
    utförare) is counted once per row, in one query.
    """
    villkor: dict[type[models.Model], models.Q] = {}
    for relation in Part._meta.related_objects:
        modell = relation.related_model
        villkor[modell] = villkor.get(modell, models.Q()) | models.Q(**{relation.field.name: part})
    anvandning = []
    for modell, q in villkor.items():
        antal = modell._base_manager.filter(q).distinct().count()
        if antal:
            anvandning.append(f"{modell._meta.verbose_name_plural} ({antal})")
    return anvandning


@transaction.atomic
def part_ta_bort(*, part: Part, user) -> None:
    """Remove a part added by mistake; one that anything refers to stays.

    Insatser, inskrivningar, uppdrag and API keys name their part: removing
    it would rewrite history (or, for keys, silently revoke them).
    """
    krav_forbundschef(user, part.forbund_id)
    anvandning = part_anvands_av(part)
    if anvandning:
        raise ValidationError(
            f"{part.namn} kan inte tas bort eftersom parten används: {', '.join(anvandning)}. "
            "Ändra namnet i stället om parten har bytt namn."
        )
    part.delete()


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
