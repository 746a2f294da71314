"""Every read of deltagare data, scoped to the user and written to the access log.

A function here that returns a deltagare's data logs it (one row per
deltagare, `deltagare.atkomstlogg.logga`) before it returns, so no page or
API answer shows someone without a trace. Outside reach is 404.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import F, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from deltagare.atkomstlogg import Handling, logga
from deltagare.kryptering import uppslagshash
from deltagare.lagesbild import (
    UPPFOLJNINGAR,
    ManaderEfter,
    foljs_upp,
    med_lagesbild,
    uppfoljning_gjord,
)
from deltagare.models import (
    AnonymaDeltagare,
    Deltagare,
    Inskrivning,
    Korrigering,
    Stegbedomning,
    VantandeRegistrering,
)
from deltagare.personnummer import maskera as _maskera_nummer
from deltagare.personnummer import tolka
from finsam.kryptering import dekryptera
from finsam.maskering import maskera_kon, min_cell_for
from insatser.models import Insats

URVAL = ("aktiva", "avslutade", "alla")
# Sort keys a list may be ordered by (a user's choice, so never raw input).
SORTERINGAR = {
    "start": "startdatum",
    "-start": "-startdatum",
    "slut": "slutdatum",
    "-slut": "-slutdatum",
    "referens": "deltagare__referens",
    "-referens": "-deltagare__referens",
    # Annotated by `lagesbild.med_lagesbild`; the unknown last either way.
    "steg": F("aktuellt_steg_nummer").asc(nulls_last=True),
    "-steg": F("aktuellt_steg_nummer").desc(nulls_last=True),
    "uppfoljning": F("nasta_uppfoljning").asc(nulls_last=True),
    "-uppfoljning": F("nasta_uppfoljning").desc(nulls_last=True),
}
PER_SIDA = 25


def _inskrivningar(user) -> QuerySet[Inskrivning]:
    return Inskrivning.objects.visible_to(user).select_related("deltagare", "insats")


def inskrivningar_sida(
    *, user, insats: Insats, urval: str = "aktiva", sortering: str = "-start", sida=1
) -> Page:
    """One page of the insats's inskrivningar (its delinsatser included), logged.

    Each with where it stands (`lagesbild.med_lagesbild`): current steg,
    whether a bedömning is due, the next follow-up.
    """
    qs = med_lagesbild(
        _inskrivningar(user).filter(Q(insats=insats) | Q(insats__overordnad=insats)),
        timezone.localdate(),
    )
    if urval == "aktiva":
        qs = qs.filter(slutdatum__isnull=True)
    elif urval == "avslutade":
        qs = qs.filter(slutdatum__isnull=False)
    qs = qs.order_by(SORTERINGAR.get(sortering, "-startdatum"), "-id")
    sidan = Paginator(qs, PER_SIDA).get_page(sida)
    logga(user=user, handling=Handling.LAS, deltagare=[i.deltagare for i in sidan], insats=insats)
    return sidan


def deltagare_hamta(*, user, pk: int) -> Deltagare:
    """A deltagare with their inskrivningar and bedömningar (the timeline), logged."""
    bedomningar = Stegbedomning.objects.select_related("steg").order_by("datum", "id")
    deltagare = get_object_or_404(
        Deltagare.objects.visible_to(user).prefetch_related(
            Prefetch(
                "inskrivningar",
                queryset=_inskrivningar(user)
                .select_related("insats__stegskala", "remitterande_part")
                .prefetch_related(
                    Prefetch("bedomningar", queryset=bedomningar),
                    "forsorjning",
                    "uppfoljningar",
                    Prefetch(
                        "korrigeringar",
                        queryset=Korrigering.objects.select_related("av").order_by(
                            "tidpunkt", "id"
                        ),
                    ),
                )
                .order_by("-startdatum"),
            ),
            "rattelser",
        ),
        pk=pk,
    )
    logga(user=user, handling=Handling.LAS, deltagare=deltagare)
    return deltagare


def inskrivning_hamta(*, user, pk: int) -> Inskrivning:
    """One inskrivning within the user's reach, logged."""
    inskrivning = get_object_or_404(_inskrivningar(user).select_related("insats__stegskala"), pk=pk)
    logga(
        user=user, handling=Handling.LAS, deltagare=inskrivning.deltagare, insats=inskrivning.insats
    )
    return inskrivning


def bedomning_hamta(*, user, pk: int) -> Stegbedomning:
    """One bedömning within the user's reach, with its inskrivning, logged."""
    bedomning = get_object_or_404(
        Stegbedomning.objects.visible_to(user).select_related(
            "steg", "inskrivning__deltagare", "inskrivning__insats__stegskala"
        ),
        pk=pk,
    )
    inskrivning = bedomning.inskrivning
    logga(
        user=user, handling=Handling.LAS, deltagare=inskrivning.deltagare, insats=inskrivning.insats
    )
    return bedomning


def deltagare_sok(*, user, personnummer: str = "", referens: str = "") -> list[Deltagare]:
    """Deltagare within reach matching a personnummer (exactly) or a referens (in part).

    The personnummer is compared by its keyed hash; it is never stored or
    logged as searched for. A malformed number raises ValidationError.
    """
    synliga = Deltagare.objects.visible_to(user)
    if personnummer:
        try:
            nummer = tolka(personnummer)
        except ValidationError as fel:
            raise ValidationError({"personnummer": fel.messages}) from None
        # Only where the user holds consent: after withdrawing it the
        # samordnare can no longer find the person by number.
        traffar = [
            d
            for d in synliga.filter(personnummer_hash=uppslagshash(nummer.nummer))
            if identitet_synlig(d, user)
        ]
    elif referens.strip():
        traffar = list(synliga.filter(referens__icontains=referens.strip()).order_by("referens"))
    else:
        traffar = []
    logga(user=user, handling=Handling.SOK, deltagare=traffar)
    return traffar


def med_synlig_identitet(deltagare: Iterable[Deltagare], user) -> set[int]:
    """The ids of those deltagare whose identity the user has consent to see.

    Consent is per inskrivning (DOMAIN.md §2): the samordnare sees the
    personnummer through an inskrivning of theirs with consent not
    withdrawn, or through their own registration waiting for one. Two
    queries for a whole list.
    """
    ids = [d.pk for d in deltagare if d.personnummer_krypterat]
    if not ids:
        return set()
    med_samtycke = Inskrivning.objects.visible_to(user).filter(
        deltagare_id__in=ids, samtycke_datum__isnull=False, samtycke_aterkallat__isnull=True
    )
    vantande = VantandeRegistrering.objects.visible_to(user).filter(
        deltagare_id__in=ids, samtycke_datum__isnull=False
    )
    return {
        *med_samtycke.values_list("deltagare_id", flat=True),
        *vantande.values_list("deltagare_id", flat=True),
    }


def identitet_synlig(deltagare: Deltagare, user) -> bool:
    return deltagare.pk in med_synlig_identitet([deltagare], user)


def personnummer_visa(deltagare: Deltagare, user) -> str:
    """The full number, for the samordnare's own deltagare page only; "" without consent."""
    if not identitet_synlig(deltagare, user):
        return ""
    return dekryptera(deltagare.personnummer_krypterat)


def personnummer_maskerade(deltagare: Iterable[Deltagare], user) -> dict[int, str]:
    """`19850312-****` per deltagare id where the user has consent: what lists and the API show."""
    deltagare = list(deltagare)
    synliga = med_synlig_identitet(deltagare, user)
    return {
        d.pk: _maskera_nummer(dekryptera(d.personnummer_krypterat))
        for d in deltagare
        if d.pk in synliga
    }


@dataclass(frozen=True)
class Uppfoljning:
    inskrivning: Inskrivning
    typ: str  # Bedomningstyp.UPPFOLJNING_6 or _18
    forfaller: datetime.date


# *Uppföljningar att göra* also shows what falls due this many days ahead.
KOMMANDE_DAGAR = 30


def _att_gora(user, insats: Insats, till: datetime.date) -> list[Uppfoljning]:
    """Follow-ups of the insats falling due on or before `till`, not yet recorded, by date.

    A follow-up recorded as kunde inte nås is closed too: it is not due for ever.
    """
    avslutade = _inskrivningar(user).filter(
        Q(insats=insats) | Q(insats__overordnad=insats), foljs_upp()
    )
    att_gora = []
    for typ, manader in UPPFOLJNINGAR:
        # Filtered on the date itself, as the list computes it: `till` less
        # N months differs where the day is clamped (31 August + 6 months
        # is 28 February, but 28 February − 6 months is 28 August).
        for inskrivning in (
            avslutade.annotate(forfaller=ManaderEfter(F("slutdatum"), manader))
            .filter(forfaller__lte=till)
            .exclude(uppfoljning_gjord(typ))
        ):
            att_gora.append(
                Uppfoljning(inskrivning=inskrivning, typ=typ, forfaller=inskrivning.forfaller)
            )
    att_gora.sort(key=lambda u: u.forfaller)
    return att_gora


def _loggade(user, insats: Insats, uppfoljningar: list[Uppfoljning]) -> list[Uppfoljning]:
    personer = {u.inskrivning.deltagare_id: u.inskrivning.deltagare for u in uppfoljningar}
    logga(user=user, handling=Handling.LAS, deltagare=personer.values(), insats=insats)
    return uppfoljningar


def uppfoljningar_forfallna(*, user, insats: Insats, idag: datetime.date) -> list[Uppfoljning]:
    """Avslutade inskrivningar whose 6- or 18-month follow-up is due and not yet recorded."""
    return _loggade(user, insats, _att_gora(user, insats, idag))


def uppfoljningar_kommande(*, user, insats: Insats, idag: datetime.date) -> list[Uppfoljning]:
    """The follow-ups falling due in the coming `KOMMANDE_DAGAR` days."""
    till = idag + datetime.timedelta(days=KOMMANDE_DAGAR)
    kommande = [u for u in _att_gora(user, insats, till) if u.forfaller > idag]
    return _loggade(user, insats, kommande)


def uppfoljningar_antal(*, user, insats: Insats, idag: datetime.date) -> tuple[int, int]:
    """(due, coming in `KOMMANDE_DAGAR` days) for *Mina insatser*: counts, so not logged."""
    alla = _att_gora(user, insats, idag + datetime.timedelta(days=KOMMANDE_DAGAR))
    forfallna = sum(1 for u in alla if u.forfaller <= idag)
    return forfallna, len(alla) - forfallna


@dataclass(frozen=True)
class AnonymaAr:
    """One år of an insats's anonyma; a count is None where it is masked."""

    ar: int
    kvinnor: int | None
    man: int | None
    annat: int | None
    totalt: int | None


def anonyma_lista(*, user, insats: Insats) -> list[AnonymaAr]:
    """The insats's anonyma per år, readable by every member and part key of its förbund.

    A part key gets counts from 1 to `min_cell - 1` as None (API.md), and
    then the total too: with one count hidden, the total less the others
    would give it away.
    """
    rader = AnonymaDeltagare.objects.visible_to(user).filter(insats=insats).order_by("ar")
    min_cell = min_cell_for(user, insats.forbund, insats)
    resultat = []
    for rad in rader:
        resultat.append(
            AnonymaAr(rad.ar, *maskera_kon(rad.kvinnor, rad.man, rad.annat, rad.totalt, min_cell))
        )
    return resultat
