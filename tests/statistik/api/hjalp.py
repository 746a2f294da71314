"""Helpers of the statistics API tests.

The endpoints' addresses and the period they are asked for, and walking an
answer: every count in it, by its path.
"""

from collections.abc import Iterator

from tests.statistik.bygg import D

FRAN, TILL = D(2024, 1, 1), D(2024, 12, 31)
PERIOD = {"fran": "2024-01-01", "till": "2024-12-31"}


def insats_url(insats) -> str:
    return f"/api/v1/insatser/{insats.pk}/statistik/"


def forbund_url(forbund) -> str:
    return f"/api/v1/forbund/{forbund.pk}/statistik/"

KON = {"kvinnor", "man", "annat", "totalt"}
ANDEL = {"antal", "av", "andel"}
# A share hidden whole: the total and, with it, every kön's share.
DOLD = {"antal": None, "av": None, "andel": None}
DOLD_ANDEL = {**DOLD, "per_kon": {k: DOLD for k in ("kvinnor", "man", "annat")}}


def antal(svar: dict, vag: tuple = ()) -> Iterator[tuple[tuple, int | None]]:
    """Every count of persons: the cells of each K and the antal and av of each share."""
    if isinstance(svar, list):
        for i, rad in enumerate(svar):
            yield from antal(rad, (*vag, i))
        return
    if not isinstance(svar, dict):
        return
    if set(svar) == KON:
        yield from (((*vag, k), svar[k]) for k in sorted(KON))
    elif set(svar) >= ANDEL:
        yield from (((*vag, k), svar[k]) for k in ("antal", "av"))
        # A share's split by kön holds counts of persons too.
        yield from antal(svar.get("per_kon"), (*vag, "per_kon"))
    else:
        for nyckel, varde in svar.items():
            yield from antal(varde, (*vag, nyckel))


def blad(svar, vag: tuple = ()) -> Iterator[tuple[tuple, object]]:
    """Every leaf value of the answer, by its path."""
    if isinstance(svar, dict):
        for nyckel, varde in svar.items():
            yield from blad(varde, (*vag, nyckel))
    elif isinstance(svar, list):
        for i, varde in enumerate(svar):
            yield from blad(varde, (*vag, i))
    else:
        yield vag, svar


def bara_dolt(maskerat: dict, omaskerat: dict) -> None:
    """The masked answer is the member's with some values None, nothing else changed."""
    alla = dict(blad(omaskerat))
    maskerade = dict(blad(maskerat))
    assert maskerade.keys() == alla.keys()
    for vag, varde in maskerade.items():
        assert varde is None or varde == alla[vag], vag
