"""Writing the kalkyl's assumptions: the förbundschef's, all or nothing."""

from django.core.exceptions import ValidationError
from django.db import transaction

from finsam.atkomst import som_skapare
from finsam.kodlistor import Forsorjningskalla
from finsam.models import Forbund
from finsam.services.organisation import krav_forbundschef
from finsam.services.validering import spara_validerad
from kalkyl.models import Antagandeandring, Antaganden, Forsorjningskostnad
from kalkyl.visning import kronor

# What a year of a försörjning costs, per källa: (kr per person and year, aktör, källa).
Kostnader = dict[str, tuple[int, str, str]]


@transaction.atomic
def antaganden_spara(
    *, forbund: Forbund, ar: int, kostnader: Kostnader, user, **falt
) -> Antaganden:
    """Create or replace the förbund's assumptions for `ar`.

    `falt` are Antaganden's own fields (varaktighet, tillskrivning, the value
    of work and the income change with their sources). Values the chef saves
    are the förbund's own, no longer the demo's examples.
    """
    krav_forbundschef(user, forbund.pk)
    okanda = set(kostnader) - set(Forsorjningskalla.values)
    if okanda:
        raise ValidationError(f"Okänd försörjning: {', '.join(sorted(okanda))}.")
    antaganden = Antaganden.objects.filter(forbund=forbund, ar=ar).first() or Antaganden(
        forbund=forbund, ar=ar
    )
    fore = som_text(antaganden) if antaganden.pk else None
    antaganden.exempel = falt.pop("exempel", False)
    for namn, varde in falt.items():
        setattr(antaganden, namn, varde)
    antaganden.andrad_av = som_skapare(user)
    spara_validerad(antaganden)
    antaganden.kostnader.all().delete()
    for kalla, (kostnad, aktor, kalla_text) in kostnader.items():
        try:
            spara_validerad(
                Forsorjningskostnad(
                    antaganden=antaganden,
                    kalla=kalla,
                    kostnad_per_ar=kostnad,
                    aktor=aktor,
                    kalla_text=kalla_text,
                )
            )
        except ValidationError as fel:
            namn = Forsorjningskalla(kalla).label
            raise ValidationError(f"{namn}: {' '.join(fel.messages)}") from fel
    _spara_andringar(antaganden, fore, user)
    return antaganden


def som_text(antaganden: Antaganden) -> dict[str, str]:
    """Every assumption as the page shows it, by what the history calls it."""
    text = {
        "Effektens varaktighet": f"{antaganden.varaktighet_ar} år",
        "Andel som tillskrivs insatsen": f"{antaganden.tillskrivning_procent}\xa0%",
        "Värdet av en person i arbete": kronor(antaganden.produktionsvarde_per_ar),
        "Värdet av en person i arbete, källa": antaganden.produktionsvarde_kalla,
        "Individens inkomstförändring": kronor(antaganden.inkomstforandring_per_ar),
        "Individens inkomstförändring, källa": antaganden.inkomstforandring_kalla,
        "Exempelvärden": "ja" if antaganden.exempel else "nej",
    }
    for k in antaganden.kostnader.all():
        namn = k.get_kalla_display()
        text |= {
            namn: kronor(k.kostnad_per_ar),
            f"{namn}, betalas av": k.get_aktor_display(),
            f"{namn}, källa": k.kalla_text,
        }
    return text


def _spara_andringar(antaganden: Antaganden, fore: dict[str, str] | None, user) -> None:
    """Keep what changed with who and when; a new year is one row, its creation."""
    av = som_skapare(user)
    if fore is None:
        Antagandeandring.objects.create(
            forbund=antaganden.forbund, ar=antaganden.ar, falt="Antagandena", till="skapade", av=av
        )
        return
    efter = som_text(antaganden)
    Antagandeandring.objects.bulk_create(
        Antagandeandring(
            forbund=antaganden.forbund,
            ar=antaganden.ar,
            falt=falt,
            fran=fore.get(falt, ""),
            till=efter.get(falt, ""),
            av=av,
        )
        for falt in dict.fromkeys([*fore, *efter])
        if fore.get(falt, "") != efter.get(falt, "")
    )


def antaganden_forslag(forbund: Forbund, ar: int) -> Antaganden | None:
    """The assumptions to start a year from: the year's own, else the latest before it."""
    return Antaganden.objects.filter(forbund=forbund, ar__lte=ar).order_by("-ar").first()
