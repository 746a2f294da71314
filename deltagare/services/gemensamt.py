"""What every deltagare service shares: who may write, conflicts, försörjning."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError

from deltagare.models import Forsorjning, Inskrivning
from finsam.kodlistor import Forsorjningskalla
from finsam.services.validering import Konflikt

# Start data a samordnare records per inskrivning (API.md `inskrivningar` POST).
STARTDATA_FALT = (
    "remitterande_part",
    "utbildningsniva",
    "tid_i_offentlig_forsorjning",
    "utrikes_fodd",
    "hemkommun",
)


def utforande_kommun(insats) -> str:
    """The kommunkod of the insats's utförare when a kommun runs it: a new
    inskrivning's hemkommun unless one is given (issue 17). Empty otherwise
    (only a kommun part has a kommunkod)."""
    return insats.utforare.kommunkod if insats.utforare_id else ""


def las_for_andring(inskrivning: Inskrivning, version: int | None) -> Inskrivning:
    """The inskrivning read again under lock; `Konflikt` if it changed since `version`.

    `version=None` skips the check (trusted set-up, or an API client that
    does not send one).
    """
    aktuell = Inskrivning.objects.select_for_update().get(pk=inskrivning.pk)
    if version is not None and aktuell.version != version:
        raise Konflikt
    return aktuell


def kontrollera_inom_insatsen(inskrivning: Inskrivning) -> None:
    """An inskrivning starts while its insats runs.

    `insats_uppdatera` already refuses an insats slutdatum before an
    inskrivning's start; this is the same rule seen from the inskrivning.
    Called after `full_clean`, so `startdatum` is a date.
    """
    insats = inskrivning.insats
    if inskrivning.startdatum < insats.startdatum:
        raise ValidationError(
            {"startdatum": f"Startdatum kan inte vara före insatsens start ({insats.startdatum})."}
        )
    if insats.slutdatum is not None and inskrivning.startdatum > insats.slutdatum:
        raise ValidationError(
            {"startdatum": f"Startdatum kan inte vara efter insatsens slut ({insats.slutdatum})."}
        )


def forsorjning_spara(
    inskrivning: Inskrivning, tidpunkt: str, kallor: Iterable[str], *, falt: str = ""
) -> None:
    """Add the källor of a new inskrivning, avslut or follow-up.

    Validated here rather than row by row with full_clean: the only rules
    are the code list and uniqueness, and uniqueness holds because each
    tidpunkt is written once (a new inskrivning; an avslut, which cannot
    happen twice, or is replaced whole) and duplicates are dropped. `falt`
    names the input field in a refusal.
    """
    kallor = list(dict.fromkeys(kallor))  # the same källa twice means once
    okanda = [k for k in kallor if k not in Forsorjningskalla.values]
    if okanda:
        raise ValidationError(
            {
                falt or f"forsorjning_vid_{tidpunkt}": (
                    f"Okänd försörjningskälla: {', '.join(map(str, okanda))}."
                )
            }
        )
    Forsorjning.objects.bulk_create(
        Forsorjning(inskrivning=inskrivning, tidpunkt=tidpunkt, kalla=kalla) for kalla in kallor
    )


def forsorjning_ersatt(inskrivning: Inskrivning, tidpunkt: str, kallor: Iterable[str]) -> bool:
    """Replace the källor of one tidpunkt; True if they differ from before."""
    kallor = list(dict.fromkeys(kallor))
    rader = inskrivning.forsorjning.filter(tidpunkt=tidpunkt)
    if set(rader.values_list("kalla", flat=True)) == set(kallor):
        return False
    rader.delete()
    forsorjning_spara(inskrivning, tidpunkt, kallor)
    return True


def krav_skal(skal: str) -> str:
    """A correction says why (Korrigering.skal); the reason, stripped."""
    skal = (skal or "").strip()
    if not skal:
        raise ValidationError({"skal": "Ange skäl till ändringen."})
    if len(skal) > 300:
        raise ValidationError({"skal": "Skälet får vara högst 300 tecken."})
    return skal
