"""Every step of a registerutdrag: register, add an insats's part, produce, hand over.

Each step runs in one transaction and writes the access log there, under
the request's own pseudonym (registerutdrag/logg.py says why), so the
chef's registration reads alike in the log whether the person is known or not.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from deltagare.atkomstlogg import Handling, logga
from deltagare.kryptering import uppslagshash
from deltagare.models import Deltagare, Inskrivning
from deltagare.personnummer import tolka
from finsam.atkomst import atkomst
from finsam.datum import manader_senare
from finsam.kodlistor import Roll
from finsam.models import Forbund
from registerutdrag.innehall import utdrag_innehall
from registerutdrag.logg import logga_begaran
from registerutdrag.models import Registerutdragsbegaran, Registerutdragsdel

Status = Registerutdragsbegaran.Status


def frist_for(mottagen: datetime.date) -> datetime.date:
    """One calendar month after receipt (GDPR art. 12.3); the month's last day if shorter."""
    return manader_senare(mottagen, 1)


def _personens_insatser(deltagare: Deltagare) -> set[int]:
    return set(Inskrivning.objects.filter(deltagare=deltagare).values_list("insats_id", flat=True))


def saknade_insatser(begaran: Registerutdragsbegaran) -> set[int]:
    """The person's insatser whose samordnare have not yet added their part."""
    if begaran.deltagare_id is None:
        return set()
    bidragit = set(begaran.delar.values_list("insats_id", flat=True))
    return _personens_insatser(begaran.deltagare) - bidragit


def _hitta(forbund: Forbund, personnummer: str, referens: str) -> Deltagare | None:
    """The person the chef named, if the förbund knows them; the answer never shows it."""
    if personnummer:
        nummer = tolka(personnummer).nummer
        return Deltagare.objects.filter(
            forbund=forbund, personnummer_hash=uppslagshash(nummer)
        ).first()
    # A referens is a samordnare's own label and need not be unique: only one
    # exact match names a person, anything else is treated as unknown.
    traffar = list(Deltagare.objects.filter(forbund=forbund, referens=referens)[:2])
    return traffar[0] if len(traffar) == 1 else None


@transaction.atomic
def begaran_registrera(
    *,
    forbund: Forbund,
    mottagen: datetime.date,
    personnummer: str = "",
    referens: str = "",
    user,
) -> Registerutdragsbegaran:
    """The förbundschef records a request by personnummer or referens.

    Known and unknown persons give the same row, the same log row and the
    same answer; neither the number nor the referens is stored.
    """
    if not atkomst(user).har_roll(forbund.pk, Roll.FORBUNDSCHEF):
        raise PermissionDenied("Endast förbundschefen registrerar begäran här.")
    personnummer, referens = personnummer.strip(), referens.strip()
    if bool(personnummer) == bool(referens):
        raise ValidationError(
            {"personnummer": "Ange antingen personnummer eller referens (inte båda)."}
        )
    try:
        deltagare = _hitta(forbund, personnummer, referens)
    except ValidationError as fel:
        raise ValidationError({"personnummer": fel.messages}) from None
    begaran = _skapa(forbund=forbund, deltagare=deltagare, mottagen=mottagen, user=user)
    logga_begaran(user=user, handling=Handling.UTDRAG_REGISTRERA, begaran=begaran)
    return begaran


@transaction.atomic
def begaran_registrera_for_deltagare(
    *, deltagare: Deltagare, mottagen: datetime.date, user
) -> Registerutdragsbegaran:
    """A samordnare records a request received from one of their own deltagare."""
    if not Deltagare.objects.visible_to(user).filter(pk=deltagare.pk).exists():
        raise PermissionDenied("Deltagaren finns inte bland dina deltagare.")
    begaran = _skapa(forbund=deltagare.forbund, deltagare=deltagare, mottagen=mottagen, user=user)
    logga_begaran(user=user, handling=Handling.UTDRAG_REGISTRERA, begaran=begaran)
    return begaran


def _skapa(*, forbund, deltagare, mottagen, user) -> Registerutdragsbegaran:
    if mottagen > timezone.localdate():
        raise ValidationError({"mottagen": "Mottagningsdagen kan inte ligga i framtiden."})
    return Registerutdragsbegaran.objects.create(
        forbund=forbund,
        deltagare=deltagare,
        mottagen=mottagen,
        frist=frist_for(mottagen),
        registrerad_av=user,
    )


def _las(begaran: Registerutdragsbegaran) -> Registerutdragsbegaran:
    # Locked, so two samordnare saving at once cannot both move the status.
    return Registerutdragsbegaran.objects.select_for_update().get(pk=begaran.pk)


def _krav_samordnare_for_personen(begaran: Registerutdragsbegaran, user) -> set[int]:
    """The person's insatser the user is samordnare of; refused if none."""
    egna = (
        _personens_insatser(begaran.deltagare) & atkomst(user).samordnare_insatser
        if begaran.deltagare_id
        else set()
    )
    if not egna:
        raise PermissionDenied("Endast samordnare i personens insatser arbetar med begäran.")
    return egna


def _krav_oppen(begaran: Registerutdragsbegaran) -> None:
    if not begaran.ar_oppen:
        raise ValidationError("Begäran är redan avslutad.")


@transaction.atomic
def del_lagg_till(*, begaran: Registerutdragsbegaran, user) -> list[Registerutdragsdel]:
    """Record that the user's insatser's data are part of the extract (one row per insats)."""
    begaran = _las(begaran)
    egna = _krav_samordnare_for_personen(begaran, user)
    _krav_oppen(begaran)
    nya = sorted(egna & saknade_insatser(begaran))
    if not nya:
        raise ValidationError("Din del är redan tillagd.")
    delar = [
        Registerutdragsdel.objects.create(begaran=begaran, insats_id=i, bidragit_av=user)
        for i in nya
    ]
    if begaran.status == Status.REGISTRERAD:
        begaran.status = Status.UNDER_ARBETE
        begaran.save(update_fields=["status"])
    logga_begaran(user=user, handling=Handling.UTDRAG_DEL, begaran=begaran)
    return delar


@transaction.atomic
def utdrag_skapa(*, begaran: Registerutdragsbegaran, user) -> dict:
    """The combined extract, once every insats of the person has added its part.

    Reads the person's data across all their insatser directly: the parts
    recorded by each insats's samordnare are what make this one reading legitimate.
    """
    begaran = _las(begaran)
    _krav_samordnare_for_personen(begaran, user)
    if begaran.status == Status.BESVARAD:
        raise ValidationError("Begäran är redan besvarad.")
    if saknade_insatser(begaran):
        raise ValidationError(
            "Samordnarna i alla personens insatser har inte lagt till sin del än."
        )
    logga_begaran(user=user, handling=Handling.UTDRAG_SKAPA, begaran=begaran)
    # The extract reads all of the person's data: logged under the person too,
    # so "who has read X?" (the log's search) finds it. The samordnare knows
    # the person already, and the förbundschef may search the log for them.
    logga(user=user, handling=Handling.UTDRAG_SKAPA, deltagare=begaran.deltagare)
    if begaran.utdrag_skapat is None:
        begaran.utdrag_skapat = timezone.now()
        begaran.save(update_fields=["utdrag_skapat"])
    return utdrag_innehall(begaran)


@transaction.atomic
def begaran_lamna(*, begaran: Registerutdragsbegaran, user) -> Registerutdragsbegaran:
    """The extract has been handed to the person: the request is done."""
    begaran = _las(begaran)
    _krav_samordnare_for_personen(begaran, user)
    _krav_oppen(begaran)
    if begaran.utdrag_skapat is None:
        raise ValidationError("Skapa utdraget innan du markerar det som lämnat.")
    return _avsluta(begaran, Status.LAMNAD, Handling.UTDRAG_LAMNA, user)


@transaction.atomic
def begaran_besvara(*, begaran: Registerutdragsbegaran, user) -> Registerutdragsbegaran:
    """The förbundschef closes a request no samordnare has started on.

    Offered for every request still *Registrerad*, known person or not, so
    the button says nothing; the chef uses it after telling the person that
    the förbund's insatser hold nothing about them.
    """
    begaran = _las(begaran)
    if not atkomst(user).har_roll(begaran.forbund_id, Roll.FORBUNDSCHEF):
        raise PermissionDenied("Endast förbundschefen besvarar begäran här.")
    if begaran.status != Status.REGISTRERAD:
        raise ValidationError("Endast en begäran som ingen har börjat arbeta med kan besvaras här.")
    return _avsluta(begaran, Status.BESVARAD, Handling.UTDRAG_BESVARA, user)


def _avsluta(begaran: Registerutdragsbegaran, status: str, handling: str, user):
    begaran.status = status
    begaran.avslutad = timezone.localdate()
    begaran.avslutad_av = user
    begaran.save(update_fields=["status", "avslutad", "avslutad_av"])
    logga_begaran(user=user, handling=handling, begaran=begaran)
    return begaran
