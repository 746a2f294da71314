"""Reads of registerutdrag: the förbundschef's bare list, and the samordnare's work.

The chef's reads return only number, dates and status, selected as values
so nothing else about a request leaves the database. The samordnare's reads
name the person and are logged, under the request's pseudonym (registerutdrag/logg.py).
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.shortcuts import get_object_or_404

from deltagare.atkomstlogg import Handling
from deltagare.models import Deltagare, Inskrivning
from deltagare.selectors import personnummer_maskerade
from finsam.atkomst import atkomst
from finsam.kodlistor import Roll
from finsam.models import Forbund
from registerutdrag.logg import logga_begaran, logga_begaranden
from registerutdrag.models import BegaranQuerySet, Registerutdragsbegaran, Registerutdragsdel

Status = Registerutdragsbegaran.Status
OPPNA = (Status.REGISTRERAD, Status.UNDER_ARBETE)


@dataclass(frozen=True)
class ChefRad:
    """All the förbundschef may know of a request."""

    id: int
    mottagen: datetime.date
    frist: datetime.date
    status: str
    status_text: str

    @property
    def kan_besvaras(self) -> bool:
        return self.status == Status.REGISTRERAD


def _chefens(user, forbund: Forbund):
    if not atkomst(user).har_roll(forbund.pk, Roll.FORBUNDSCHEF):
        return Registerutdragsbegaran.objects.none()
    return Registerutdragsbegaran.objects.visible_to(user).filter(forbund=forbund)


def chefens_begaranden(*, user, forbund: Forbund) -> list[ChefRad]:
    """The förbund's requests, open ones first by frist, then the closed ones."""
    etiketter = dict(Status.choices)
    rader = _chefens(user, forbund).values_list("id", "mottagen", "frist", "status")
    lista = [ChefRad(i, m, f, s, etiketter[s]) for i, m, f, s in rader]
    lista.sort(key=lambda r: (r.status not in OPPNA, r.frist, r.id))
    return lista


def chefens_begaran(*, user, forbund: Forbund, pk: int) -> Registerutdragsbegaran:
    return get_object_or_404(_chefens(user, forbund), pk=pk)


def _samordnarens(user):
    """Requests a samordnare works on: about their deltagare, or registered by them."""
    return Registerutdragsbegaran.objects.filter(
        BegaranQuerySet.for_samordnare_q(atkomst(user)), deltagare__isnull=False
    ).select_related("deltagare")


@dataclass(frozen=True)
class SamordnarRad:
    begaran: Registerutdragsbegaran
    benamning: str
    insatser: int  # the person's insatser
    bidragit: int  # of those, how many have added their part
    min_del_saknas: bool  # the user is samordnare of one that has not

    @property
    def klar(self) -> bool:
        return self.bidragit >= self.insatser


def _rader(user, begaranden: list[Registerutdragsbegaran]) -> list[SamordnarRad]:
    """Each request with how many of the person's insatser have added their part.

    Counts only: a samordnare learns how many other insatser the person is
    in, not which, until the combined extract is produced.
    """
    personens: dict[int, set[int]] = {}
    for deltagare_id, insats_id in Inskrivning.objects.filter(
        deltagare__in={b.deltagare_id for b in begaranden}
    ).values_list("deltagare", "insats"):
        personens.setdefault(deltagare_id, set()).add(insats_id)
    bidrag: dict[int, set[int]] = {}
    for begaran_id, insats_id in Registerutdragsdel.objects.filter(
        begaran__in=begaranden
    ).values_list("begaran", "insats"):
        bidrag.setdefault(begaran_id, set()).add(insats_id)
    egna = atkomst(user).samordnare_insatser
    maskerade = personnummer_maskerade([b.deltagare for b in begaranden], user)
    rader = []
    for b in begaranden:
        insatser, gjorda = personens.get(b.deltagare_id, set()), bidrag.get(b.pk, set())
        rader.append(
            SamordnarRad(
                begaran=b,
                benamning=maskerade.get(b.deltagare_id) or str(b.deltagare),
                insatser=len(insatser),
                bidragit=len(insatser & gjorda),
                min_del_saknas=bool(b.ar_oppen and (insatser & egna) - gjorda),
            )
        )
    return rader


def samordnarens_begaranden(
    *, user, forbund: Forbund, bara_oppna: bool = False
) -> list[SamordnarRad]:
    """The samordnare's requests in the förbund, open first; logged as a read of each person."""
    qs = _samordnarens(user).filter(forbund=forbund)
    if bara_oppna:
        qs = qs.filter(status__in=OPPNA)
    begaranden = sorted(qs, key=lambda b: (not b.ar_oppen, b.frist, b.pk))
    logga_begaranden(user=user, handling=Handling.LAS, begaranden=begaranden)
    return _rader(user, begaranden)


def samordnarens_begaran(*, user, pk: int) -> SamordnarRad:
    """One request the samordnare works on, with its progress; logged. 404 outside reach."""
    begaran = get_object_or_404(_samordnarens(user).select_related("forbund"), pk=pk)
    logga_begaran(user=user, handling=Handling.LAS, begaran=begaran)
    return _rader(user, [begaran])[0]


def oppna_for_deltagare(*, user, deltagare: Deltagare) -> list[Registerutdragsbegaran]:
    """Open requests about a deltagare the user already reads (their page logs that read)."""
    return list(
        _samordnarens(user).filter(Q(deltagare=deltagare), status__in=OPPNA).order_by("frist", "pk")
    )


def antal_oppna(*, user, forbund: Forbund) -> int:
    """How many open requests the samordnare works on: a count, naming nobody."""
    return _samordnarens(user).filter(forbund=forbund, status__in=OPPNA).count()
