"""Write a report (förbundschef): its period, diarienummer, logotyp and sections.

A new report starts from the förbund's previous report of the same type (its
sections and texts, as a draft to rewrite), or from rapporter/avsnitt.py's
sections for a first one. Every save of a text carries the version it was
opened at; a stale one raises `Konflikt` (409, input kept).
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from finsam.atkomst import som_skapare
from finsam.models import Forbund
from finsam.services.organisation import krav_forbundschef
from finsam.services.validering import Konflikt, spara_validerad
from rapporter.avsnitt import STANDARDAVSNITT
from rapporter.logotyp import logotyp_las
from rapporter.models import Avsnittstyp, Rapportavsnitt, Rapportdokument, Rapporttyp


def _kontrollera_insats(forbund: Forbund, typ: str, insats) -> None:
    if insats is None:
        return
    if typ != Rapporttyp.VERKSAMHETSBERATTELSE:
        raise ValidationError(
            {"insats": "Endast en verksamhetsberättelse kan gälla en enda insats."}
        )
    if insats.forbund_id != forbund.pk:
        raise ValidationError({"insats": "Insatsen hör inte till förbundet."})


@transaction.atomic
def rapportdokument_skapa(
    *,
    forbund: Forbund,
    typ: str,
    fran: datetime.date,
    till: datetime.date,
    diarienummer: str = "",
    insats=None,
    user,
) -> Rapportdokument:
    """Start a report for a period, from the previous report's sections and texts."""
    krav_forbundschef(user, forbund.pk)
    if typ not in STANDARDAVSNITT:
        raise ValidationError({"typ": "Välj delårsrapport eller verksamhetsberättelse."})
    _kontrollera_insats(forbund, typ, insats)
    forra = (
        Rapportdokument.objects.filter(forbund=forbund, typ=typ, till__lt=till)
        .order_by("-till", "insats_id")
        .first()
    )
    dokument = spara_validerad(
        Rapportdokument(
            forbund=forbund,
            typ=typ,
            fran=fran,
            till=till,
            insats=insats,
            diarienummer=diarienummer.strip(),
            logotyp=forra.logotyp if forra else None,
            logotyp_typ=forra.logotyp_typ if forra else "",
            andrad_av=som_skapare(user),
        )
    )
    if forra is not None:
        avsnitt = [(a.typ, a.rubrik, a.text) for a in forra.avsnitt.all()]
    else:
        avsnitt = [(t, rubrik, "") for t, rubrik in STANDARDAVSNITT[typ]]
    Rapportavsnitt.objects.bulk_create(
        Rapportavsnitt(dokument=dokument, ordning=i, typ=t, rubrik=rubrik, text=text)
        for i, (t, rubrik, text) in enumerate(avsnitt, start=1)
    )
    return dokument


def rapportdokument_for_period(
    *, forbund: Forbund, typ: str, fran: datetime.date, till: datetime.date, insats=None, user
) -> Rapportdokument:
    """The period's report, started now if it does not exist yet."""
    _kontrollera_insats(forbund, typ, insats)
    befintligt = Rapportdokument.objects.filter(
        forbund=forbund, typ=typ, fran=fran, till=till, insats=insats
    ).first()
    return befintligt or rapportdokument_skapa(
        forbund=forbund, typ=typ, fran=fran, till=till, insats=insats, user=user
    )


def _las_dokument(dokument: Rapportdokument, version: int | None) -> Rapportdokument:
    aktuellt = Rapportdokument.objects.select_for_update().get(pk=dokument.pk)
    if version is not None and aktuellt.version != version:
        raise Konflikt
    return aktuellt


@transaction.atomic
def rapportdokument_andra(
    *,
    dokument: Rapportdokument,
    diarienummer: str,
    version: int | None,
    user,
    logotyp: bytes | None = None,
    ta_bort_logotyp: bool = False,
) -> Rapportdokument:
    """Change the diarienummer, and upload or remove the logotyp."""
    krav_forbundschef(user, dokument.forbund_id)
    dokument = _las_dokument(dokument, version)
    dokument.diarienummer = diarienummer.strip()
    if logotyp is not None:
        dokument.logotyp, dokument.logotyp_typ = logotyp_las(logotyp)
    elif ta_bort_logotyp:
        dokument.logotyp, dokument.logotyp_typ = None, ""
    dokument.version += 1
    dokument.andrad_av = som_skapare(user)
    return spara_validerad(dokument)


@transaction.atomic
def avsnitt_spara(
    *, avsnitt: Rapportavsnitt, rubrik: str, text: str, version: int | None, user
) -> Rapportavsnitt:
    """Save a section's heading and (for a text section) its text."""
    krav_forbundschef(user, avsnitt.dokument.forbund_id)
    aktuellt = Rapportavsnitt.objects.select_for_update().get(pk=avsnitt.pk)
    if version is not None and aktuellt.version != version:
        raise Konflikt
    if not rubrik.strip():
        raise ValidationError({"rubrik": "Ange en rubrik för avsnittet."})
    aktuellt.rubrik = rubrik.strip()
    if aktuellt.typ == Avsnittstyp.TEXT:
        aktuellt.text = text.strip()
    aktuellt.version += 1
    aktuellt.andrad_av = som_skapare(user)
    return spara_validerad(aktuellt)


@transaction.atomic
def avsnitt_lagg_till(
    *, dokument: Rapportdokument, typ: str, rubrik: str = "", user
) -> Rapportavsnitt:
    """Add a section at the end: a text, or a computed block by its type."""
    krav_forbundschef(user, dokument.forbund_id)
    dokument = _las_dokument(dokument, None)
    if typ not in Avsnittstyp.values:
        raise ValidationError({"typ": "Välj vilket slags avsnitt som ska läggas till."})
    sist = dokument.avsnitt.aggregate(m=Max("ordning"))["m"] or 0
    return spara_validerad(
        Rapportavsnitt(
            dokument=dokument,
            ordning=sist + 1,
            typ=typ,
            rubrik=rubrik.strip() or Avsnittstyp(typ).label,
            andrad_av=som_skapare(user),
        )
    )


@transaction.atomic
def avsnitt_ta_bort(*, avsnitt: Rapportavsnitt, user) -> None:
    """Remove a section; the versions already built keep it in their PDF."""
    krav_forbundschef(user, avsnitt.dokument.forbund_id)
    _las_dokument(avsnitt.dokument, None)
    avsnitt.delete()


@transaction.atomic
def avsnitt_flytta(*, avsnitt: Rapportavsnitt, steg: int, user) -> None:
    """Move a section one place up (`steg=-1`) or down (`steg=1`); at an end, nothing moves."""
    krav_forbundschef(user, avsnitt.dokument.forbund_id)
    # Locking the report serialises moves, so two cannot swap the same pair.
    _las_dokument(avsnitt.dokument, None)
    avsnitt = Rapportavsnitt.objects.get(pk=avsnitt.pk)
    grannar = Rapportavsnitt.objects.filter(dokument_id=avsnitt.dokument_id)
    granne = (
        grannar.filter(ordning__lt=avsnitt.ordning).order_by("-ordning")
        if steg < 0
        else grannar.filter(ordning__gt=avsnitt.ordning).order_by("ordning")
    ).first()
    if granne is None:
        return
    # Through a free place: (dokument, ordning) is unique at every statement.
    fri = (grannar.aggregate(m=Max("ordning"))["m"] or 0) + 1
    plats, granne_plats = avsnitt.ordning, granne.ordning
    Rapportavsnitt.objects.filter(pk=avsnitt.pk).update(ordning=fri)
    Rapportavsnitt.objects.filter(pk=granne.pk).update(ordning=plats)
    Rapportavsnitt.objects.filter(pk=avsnitt.pk).update(ordning=granne_plats)
