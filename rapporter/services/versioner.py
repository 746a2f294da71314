"""Order a report's versions and publish them (förbundschef).

Every order is a new Rapport row with status koad and the next version
number of its report (förbund, typ, period and insats), queued after commit
through the shared job lifecycle (finsam/jobb.py); rapporter/services/
generering.py builds it.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from finsam.atkomst import som_skapare
from finsam.jobb import jobb_koa
from finsam.models import Forbund
from finsam.services.organisation import krav_forbundschef
from rapporter.models import Rapport, Rapportdokument
from rapporter.services.dokument import rapportdokument_for_period
from scb.selectors import arval


def _ny_version(*, forbund: Forbund, user, **falt) -> Rapport:
    """The next version of the report `falt` names, queued to be built after commit."""
    # One order at a time per förbund, so two cannot take the same version.
    Forbund.objects.select_for_update().filter(pk=forbund.pk).first()
    nyckel = {k: falt[k] for k in ("typ", "fran", "till")}
    senaste = Rapport.objects.filter(
        forbund=forbund, insats=falt.get("insats"), **nyckel
    ).aggregate(v=Max("version"))["v"]
    rapport = Rapport.objects.create(
        forbund=forbund,
        version=(senaste or 0) + 1,
        status=Rapport.Status.KOAD,
        skapad_av=som_skapare(user),
        **falt,
    )
    jobb_koa(rapport)
    return rapport


@transaction.atomic
def rapport_bestall_helarsekvivalenter(*, forbund: Forbund, ar: int, region: str, user) -> Rapport:
    """Order a PDF of the helårsekvivalent tables for a year."""
    krav_forbundschef(user, forbund.pk)
    if ar not in arval():
        raise ValidationError({"ar": f"Det finns inga helårsekvivalenter från SCB för {ar}."})
    return _ny_version(
        forbund=forbund,
        user=user,
        typ=Rapport.Typ.HELARSEKVIVALENTER,
        fran=datetime.date(ar, 1, 1),
        till=datetime.date(ar, 12, 31),
        parametrar={"ar": ar, "region": region},
    )


@transaction.atomic
def rapport_bestall(*, dokument: Rapportdokument, maskera: bool = True, user) -> Rapport:
    """Order a version of a written report (delårsrapport, verksamhetsberättelse).

    `maskera=False` makes a version for the förbundschef and styrelse alone.
    """
    krav_forbundschef(user, dokument.forbund_id)
    return _ny_version(
        forbund=dokument.forbund,
        user=user,
        typ=dokument.typ,
        fran=dokument.fran,
        till=dokument.till,
        insats=dokument.insats,
        dokument=dokument,
        diarienummer=dokument.diarienummer,
        maskerad=maskera,
    )


@transaction.atomic
def rapport_bestall_for_period(
    *,
    forbund: Forbund,
    typ: str,
    fran: datetime.date,
    till: datetime.date,
    insats=None,
    maskera: bool = True,
    user,
) -> Rapport:
    """Order a version for a period (API.md `rapporter` POST): the period's report,
    started from the previous report's texts if it is not written yet."""
    krav_forbundschef(user, forbund.pk)
    dokument = rapportdokument_for_period(
        forbund=forbund, typ=typ, fran=fran, till=till, insats=insats, user=user
    )
    return rapport_bestall(dokument=dokument, maskera=maskera, user=user)


@transaction.atomic
def rapport_publicera(*, rapport: Rapport, publicerad: bool, user) -> Rapport:
    """Publish one finished version, or withdraw it (förbundschef).

    Publishing withdraws every other published version of the same report,
    so the styrelse and the parter always see one (an unmasked one reaches
    the styrelse alone).
    """
    krav_forbundschef(user, rapport.forbund_id)
    rapport = Rapport.objects.select_for_update().get(pk=rapport.pk)
    if publicerad and rapport.status != Rapport.Status.KLAR:
        raise ValidationError(
            {"publicerad": "Endast en färdig rapport kan publiceras. Vänta tills den är klar."}
        )
    if publicerad:
        Rapport.objects.samma_rapport(rapport).exclude(pk=rapport.pk).update(publicerad=False)
    rapport.publicerad = publicerad
    rapport.save(update_fields=["publicerad"])
    return rapport
