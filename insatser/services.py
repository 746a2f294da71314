"""Every write of insatser: the insats itself (förbundschef), its narrative (samordnare)
and the request for it (förbundschef)."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from finsam.atkomst import som_skapare
from finsam.kodlistor import PROCESSTRAPPAN, Insatsstatus
from finsam.models import Forbund
from finsam.services.organisation import krav_forbundschef, krav_samordnare
from finsam.services.validering import Konflikt, spara_validerad
from insatser.models import (
    Berattelsebegaran,
    Insats,
    Insatsberattelse,
    Nyckeltal,
    Steg,
    Stegskala,
)

# Fields a förbundschef may set on an insats (API.md `insatser` POST/PATCH).
INSATS_FALT = (
    "namn",
    "inriktning",
    "matmetod",
    "agare",
    "utforare",
    "overordnad",
    "stegskala",
    "startdatum",
    "slutdatum",
    "tilldelade_medel",
    "arsplatser",
    "malgrupp",
    "syfte",
    "mal_arbete_studier",
    "mal_stegforflyttning",
    "mal_effekt_6",
    "mal_effekt_18",
    "mal_aterbetalning_manader",
    "status",
)


def _kontrollera_falt(falt: dict) -> None:
    okanda = set(falt) - set(INSATS_FALT)
    if okanda:
        raise ValidationError(f"Okända fält: {', '.join(sorted(okanda))}.")


def _kontrollera_mot_deltagare(insats: Insats, falt: dict) -> None:
    """Changes that would contradict the deltagare already in the insats."""
    inskrivningar = insats.inskrivningar.all()
    fel = {}
    if falt.get("stegskala", insats.stegskala) != insats.stegskala and inskrivningar.exists():
        # Bedömningar already point at the old ladder's steg.
        fel["stegskala"] = "Stegskalan kan inte bytas när insatsen har deltagare."
    if falt.get("inriktning", insats.inriktning) != insats.inriktning and inskrivningar.exists():
        fel["inriktning"] = "Inriktningen kan inte ändras när insatsen har deltagare."
    slutdatum = falt.get("slutdatum")
    if slutdatum and inskrivningar.filter(startdatum__gt=slutdatum).exists():
        fel["slutdatum"] = "Insatsen har deltagare som skrivits in efter slutdatumet."
    if fel:
        raise ValidationError(fel)


@transaction.atomic
def insats_skapa(*, forbund: Forbund, user, **falt) -> Insats:
    """Create an insats; without a stegskala it gets the förbund's standard one."""
    krav_forbundschef(user, forbund.pk)
    _kontrollera_falt(falt)
    insats = Insats(forbund=forbund, **falt)
    if "stegskala" not in falt:
        insats.stegskala = Stegskala.objects.get(forbund=forbund, ar_standard=True)
    return spara_validerad(insats)


@transaction.atomic
def insats_uppdatera(*, insats: Insats, user, **falt) -> Insats:
    krav_forbundschef(user, insats.forbund_id)
    _kontrollera_falt(falt)
    _kontrollera_mot_deltagare(insats, falt)
    for namn, varde in falt.items():
        setattr(insats, namn, varde)
    return spara_validerad(insats)


@transaction.atomic
def insatsberattelse_spara(
    *,
    insats: Insats,
    fran: datetime.date,
    till: datetime.date,
    text: str,
    version: int | None,
    user,
) -> Insatsberattelse:
    """Write the narrative of an insats for a period (samordnare of the insats).

    `version` is the one the form was opened at (None for a new text);
    `Konflikt` if someone else saved in between.
    """
    krav_samordnare(user, insats)
    berattelse = (
        Insatsberattelse.objects.select_for_update()
        .filter(insats=insats, fran=fran, till=till)
        .first()
    )
    if berattelse is None:
        berattelse = Insatsberattelse(insats=insats, fran=fran, till=till, version=0)
    elif berattelse.version != version:
        raise Konflikt
    berattelse.text = text.strip()
    berattelse.version += 1
    berattelse.andrad_av = som_skapare(user)
    return spara_validerad(berattelse)


@transaction.atomic
def berattelsebegaran_skapa(
    *, insats: Insats, fran: datetime.date, till: datetime.date, user
) -> Berattelsebegaran:
    """Ask the insats's samordnare for its berättelse of a period (förbundschef).

    Asking again for the same period renews the request: the notice shows
    the latest date, and stays one notice.
    """
    krav_forbundschef(user, insats.forbund_id)
    begaran = (
        Berattelsebegaran.objects.select_for_update()
        .filter(insats=insats, fran=fran, till=till)
        .first()
    ) or Berattelsebegaran(insats=insats, fran=fran, till=till)
    begaran.begard = timezone.now()
    begaran.begard_av = som_skapare(user)
    return spara_validerad(begaran)


@transaction.atomic
def insats_avsluta(*, insats: Insats, slutdatum: datetime.date, user) -> Insats:
    """Close an insats: status avslutad from `slutdatum`.

    Refused while deltagare are still active in it or a delinsats still
    runs: their figures would otherwise continue after the insats ended.
    """
    krav_forbundschef(user, insats.forbund_id)
    if insats.status == Insatsstatus.AVSLUTAD:
        raise ValidationError("Insatsen är redan avslutad.")
    fel = {}
    if slutdatum < insats.startdatum:
        fel["slutdatum"] = "Slutdatum kan inte vara före startdatum."
    elif insats.inskrivningar.filter(slutdatum__isnull=True).exists():
        fel["slutdatum"] = (
            "Insatsen har aktiva deltagare. Samordnaren behöver avsluta deras inskrivningar först."
        )
    elif insats.delinsatser.exclude(status=Insatsstatus.AVSLUTAD).exists():
        fel["slutdatum"] = "Avsluta först insatsens delinsatser."
    if fel:
        raise ValidationError(fel)
    return insats_uppdatera(
        insats=insats, slutdatum=slutdatum, status=Insatsstatus.AVSLUTAD, user=user
    )


@transaction.atomic
def stegskala_skapa(*, forbund: Forbund, namn: str, steg: list[str], user) -> Stegskala:
    """A new ladder with its steg, numbered from 1 in the order given.

    Empty names are dropped (a form has spare rows); at least two steg are
    needed, since stegförflyttning is movement between steps.
    """
    krav_forbundschef(user, forbund.pk)
    namnen = [s.strip() for s in steg if s and s.strip()]
    if len(namnen) < 2:
        raise ValidationError({"steg": "En stegskala behöver minst två steg."})
    if len({s.casefold() for s in namnen}) != len(namnen):
        raise ValidationError({"steg": "Två steg kan inte ha samma namn."})
    skala = spara_validerad(Stegskala(forbund=forbund, namn=namn.strip()))
    for nummer, stegnamn in enumerate(namnen, start=1):
        spara_validerad(Steg(stegskala=skala, nummer=nummer, namn=stegnamn))
    return skala


KON_FALT = ("kvinnor", "man", "annat")


def _nyckeltalets_varde(
    *, varde: Decimal | None, raknar_personer: bool, kon: dict[str, int | None]
) -> tuple[Decimal, dict[str, int | None]]:
    """The value to store, and the kön counts: a people count is the sum of its kön."""
    if not raknar_personer:
        if varde is None:
            raise ValidationError({"varde": "Ange värdet."})
        return varde, dict.fromkeys(KON_FALT)
    saknade = {falt: "Ange antalet." for falt in KON_FALT if kon.get(falt) is None}
    if saknade:
        raise ValidationError(saknade)
    return Decimal(sum(kon[falt] for falt in KON_FALT)), kon


@transaction.atomic
def nyckeltal_spara(
    *,
    insats: Insats,
    namn: str,
    fran: datetime.date,
    till: datetime.date,
    varde: Decimal | None = None,
    raknar_personer: bool = False,
    kvinnor: int | None = None,
    man: int | None = None,
    annat: int | None = None,
    nyckeltal: Nyckeltal | None = None,
    user,
) -> Nyckeltal:
    """Add a key figure to a struktur insats, or change `nyckeltal` (one of its own).

    A nyckeltal that counts people is given as kvinnor, män and annat and its
    value is their sum; any `varde` given with it is not used.
    """
    krav_forbundschef(user, insats.forbund_id)
    if nyckeltal is None:
        nyckeltal = Nyckeltal(insats=insats)
    elif nyckeltal.insats_id != insats.pk:
        raise ValidationError("Nyckeltalet hör till en annan insats.")
    varde, kon = _nyckeltalets_varde(
        varde=varde,
        raknar_personer=raknar_personer,
        kon={"kvinnor": kvinnor, "man": man, "annat": annat},
    )
    nyckeltal.namn = namn.strip()
    nyckeltal.fran = fran
    nyckeltal.till = till
    nyckeltal.varde = varde
    nyckeltal.raknar_personer = raknar_personer
    for falt, antal in kon.items():
        setattr(nyckeltal, falt, antal)
    return spara_validerad(nyckeltal)


def stegskala_skapa_processtrappan(*, forbund: Forbund) -> Stegskala:
    """A new förbund's default stegskala, Processtrappan (DOMAIN.md §4).

    Called by `finsam.signaler.forbund_skapat` (insatser/apps.py), inside
    `forbund_skapa`'s transaction.
    """
    skala = Stegskala.objects.create(forbund=forbund, namn="Processtrappan", ar_standard=True)
    Steg.objects.bulk_create(
        Steg(stegskala=skala, nummer=nummer, namn=namn)
        for nummer, namn in enumerate(PROCESSTRAPPAN, start=1)
    )
    return skala
