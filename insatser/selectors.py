"""Every read of insatser for the pages: scoped to the user, in tree order."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from finsam.atkomst import atkomst
from finsam.kodlistor import Inriktning
from finsam.maskering import OMASKERAT, maskera_kon, min_cell_for
from finsam.models import Forbund
from insatser.models import Berattelsebegaran, Insats, Insatsberattelse, Nyckeltal, Steg


def insatser_i_ordning(insatser: Iterable[Insats]) -> list[Insats]:
    """Insatser in the given order, each delinsats right after its överordnad.

    Sets `indragen` on each: true for a delinsats under its överordnad. A
    delinsats whose överordnad is not in the list (a samordnare of the
    delinsats only) stands on its own at its place in the order.
    """
    insatser = list(insatser)
    ids = {insats.pk for insats in insatser}
    delar: dict[int, list[Insats]] = {}
    for insats in insatser:
        if insats.overordnad_id in ids:
            delar.setdefault(insats.overordnad_id, []).append(insats)
    ordning = []
    for insats in insatser:
        if insats.overordnad_id in ids:
            continue
        insats.indragen = False
        ordning.append(insats)
        for del_ in delar.get(insats.pk, ()):
            del_.indragen = True
            ordning.append(del_)
    return ordning


def insatser_for_forbund(*, user, forbund: Forbund) -> list[Insats]:
    """The förbund's insatser the user can see, delinsatser under their parent."""
    insatser = (
        Insats.objects.visible_to(user)
        .filter(forbund=forbund)
        .select_related("utforare", "overordnad")
    )
    return insatser_i_ordning(insatser)


def samordnarens_insatser(*, user, forbund: Forbund) -> list[Insats]:
    """The insatser (and their delinsatser) the user is samordnare of in the förbund."""
    insatser = (
        Insats.objects.visible_to(user)
        .filter(forbund=forbund, pk__in=atkomst(user).samordnare_insatser)
        .select_related("utforare", "overordnad")
    )
    return insatser_i_ordning(insatser)


def insatsberattelser(*, user, insats: Insats) -> QuerySet[Insatsberattelse]:
    """The insats's narratives, newest period first."""
    return (
        Insatsberattelse.objects.visible_to(user).filter(insats=insats).order_by("-fran", "-till")
    )


def steg_per_stegskala(*, user, stegskala_ids: Iterable[int]) -> dict[int, list[Steg]]:
    """The steg of each stegskala, in ladder order, in one query (for forms' choices)."""
    stegskalor: dict[int, list[Steg]] = {}
    for steg in Steg.objects.visible_to(user).filter(stegskala_id__in=set(stegskala_ids)):
        stegskalor.setdefault(steg.stegskala_id, []).append(steg)
    return stegskalor


@dataclass(frozen=True)
class Nyckeltalsvarde:
    """A nyckeltal as it may be shown: a count of people masked like any count.

    `varde` and the kön counts are None where hidden (masked at `min_cell`).
    The page, the dashboard, the API and the reports all read these.
    """

    id: int
    insats: int
    insatsnamn: str
    namn: str
    fran: datetime.date
    till: datetime.date
    varde: Decimal | None
    raknar_personer: bool
    kvinnor: int | None
    man: int | None
    annat: int | None

    @property
    def period(self) -> str:
        return f"{self.fran.isoformat()} – {self.till.isoformat()}"


def nyckeltal_varden(
    rader: QuerySet[Nyckeltal],
    *,
    min_cell: int,
    fran: datetime.date | None = None,
    till: datetime.date | None = None,
) -> list[Nyckeltalsvarde]:
    """The nyckeltal of `rader` whose own period overlaps [fran, till] (all without them).

    Overlap, not containment: a nyckeltal reported for the delår still shows
    when the chosen period is this year to date; each keeps its own period.
    A people count is masked as maskera_kon masks a row of kön cells, its
    value (the total) with it; other key figures count no one and show as given.
    """
    if fran is not None:
        rader = rader.filter(till__gte=fran)
    if till is not None:
        rader = rader.filter(fran__lte=till)
    varden = []
    for n in rader.select_related("insats").order_by("insats__namn", "insats", "fran", "namn"):
        varde, kon = n.varde, (n.kvinnor, n.man, n.annat)
        if n.raknar_personer:
            *kon, totalt = maskera_kon(*kon, int(n.varde), min_cell)
            varde = None if totalt is None else n.varde
        varden.append(
            Nyckeltalsvarde(
                n.pk,
                n.insats_id,
                n.insats.namn,
                n.namn,
                n.fran,
                n.till,
                varde,
                n.raknar_personer,
                *kon,
            )
        )
    return varden


def insatsens_nyckeltal(
    *, user, insats: Insats, fran: datetime.date | None = None, till: datetime.date | None = None
) -> list[Nyckeltalsvarde]:
    """An insats's nyckeltal as the user may see them (`min_cell_for`)."""
    return nyckeltal_varden(
        Nyckeltal.objects.visible_to(user).filter(insats=insats),
        min_cell=min_cell_for(user, insats.forbund, insats),
        fran=fran,
        till=till,
    )


def nyckeltal_for_period(
    *, user, forbund: Forbund, fran: datetime.date, till: datetime.date
) -> list[Nyckeltalsvarde]:
    """The förbund's struktur insatser's nyckeltal in the period, for the dashboard.

    The dashboard is for those who see the förbund unmasked (`min_cell_for`).
    """
    return nyckeltal_varden(
        Nyckeltal.objects.visible_to(user).filter(
            insats__forbund=forbund, insats__inriktning=Inriktning.STRUKTUR
        ),
        min_cell=min_cell_for(user, forbund),
        fran=fran,
        till=till,
    )


def insats_med_omaskerade_tal(*, user, pk: int) -> Insats:
    """The insats, if the user may see its figures unmasked; otherwise 404 (not 403).

    The pages of an insats's figures (statistics, kalkyl, deltagarenkät) show
    real figures only. Where the one rule (`min_cell_for`) gives a user an
    insats masked, as a part key would see it (a samordnare and another
    team's insats), its figures are read over the API, where parter read them
    (DOMAIN.md §6), and the page answers 404.
    """
    insats = get_object_or_404(Insats.objects.visible_to(user), pk=pk)
    if min_cell_for(user, insats.forbund, insats) != OMASKERAT:
        raise Http404
    return insats


def samordnarens_insats(*, user, pk: int) -> Insats:
    """An insats the user is samordnare of, or 404."""
    if pk not in atkomst(user).samordnare_insatser:
        raise Http404
    return get_object_or_404(Insats.objects.select_related("stegskala"), pk=pk)


@dataclass(frozen=True)
class Berattelsestatus:
    insats: Insats
    skriven: bool
    begard: datetime.datetime | None  # when the förbundschef last asked for it


def berattelsestatus(
    *, insatser: Iterable[Insats], fran: datetime.date, till: datetime.date
) -> list[Berattelsestatus]:
    """For each insats: is its berättelse for exactly [fran, till] written, and was it asked for."""
    insatser = list(insatser)
    ids = [insats.pk for insats in insatser]
    skrivna = set(
        Insatsberattelse.objects.filter(insats__in=ids, fran=fran, till=till)
        .exclude(text="")
        .values_list("insats_id", flat=True)
    )
    begarda = dict(
        Berattelsebegaran.objects.filter(insats__in=ids, fran=fran, till=till).values_list(
            "insats_id", "begard"
        )
    )
    return [
        Berattelsestatus(insats, insats.pk in skrivna, begarda.get(insats.pk))
        for insats in insatser
    ]


def oppna_berattelsebegaranden(*, user, forbund: Forbund) -> QuerySet[Berattelsebegaran]:
    """The requests the samordnare still has to answer: no berättelse with text for
    exactly the requested period yet."""
    return (
        Berattelsebegaran.objects.visible_to(user)
        .filter(insats__forbund=forbund, insats__in=atkomst(user).samordnare_insatser)
        .exclude(
            Exists(
                Insatsberattelse.objects.filter(
                    insats=OuterRef("insats"), fran=OuterRef("fran"), till=OuterRef("till")
                ).exclude(text="")
            )
        )
        .select_related("insats")
        .order_by("fran", "insats__namn")
    )
