"""Hand-written SQL for the core figures of DOMAIN.md §5: the floor our engine is held to.

PostgreSQL only. One grouped pass per figure family, no correlated
subqueries: aktiva, nya, avslutade and till arbete eller studier per kön
(inskrivningar per insats, unique persons per förbund), and
stegförflyttning among the aktiva. The benchmark checks the engine's
answers against these before it compares their times, so a ratio is
only printed for figures that agree.

The engine computes more than this (tables by age, education,
försörjning, effekt, tid i insats, beläggning): the ratio is ours for
everything over SQL for the core, and says so in docs/skala.md.
"""

from __future__ import annotations

import datetime

from django.db import connection

from finsam.kodlistor import BEDOMNINGAR_UNDER_INSATS, TILL_ARBETE_ELLER_STUDIER

KON = ("kvinna", "man", "annat")
_KOLUMN = {"kvinna": "kvinnor", "man": "man", "annat": "annat"}

# The inskrivningar counted: an insats and its delinsatser (rot = top insats),
# felregistrerade never.
_INSKRIVNINGAR = """
    SELECT i.id, i.deltagare_id, COALESCE(ins.overordnad_id, ins.id) AS rot, d.kon,
           i.startdatum, i.slutdatum, i.avslutsorsak
    FROM deltagare_inskrivning i
    JOIN insatser_insats ins ON ins.id = i.insats_id
    JOIN deltagare_deltagare d ON d.id = i.deltagare_id
    WHERE {omfang} AND i.avslutsorsak <> 'felregistrering'
"""
_AKTIV = "(startdatum <= %(till)s AND (slutdatum IS NULL OR slutdatum >= %(fran)s))"
_NY = "(startdatum BETWEEN %(fran)s AND %(till)s)"
_AVSLUTAD = "(slutdatum BETWEEN %(fran)s AND %(till)s)"

# Built from constants only: no value from outside reaches the SQL text.
_PER_INSATS = f"""
    WITH p AS ({_INSKRIVNINGAR})
    SELECT rot, kon,
           COUNT(*) FILTER (WHERE {_AKTIV}),
           COUNT(*) FILTER (WHERE {_NY}),
           COUNT(*) FILTER (WHERE {_AVSLUTAD}),
           COUNT(*) FILTER (WHERE {_AVSLUTAD} AND avslutsorsak = ANY(%(arbete)s))
    FROM p GROUP BY rot, kon
"""  # noqa: S608
_UNIKA = f"""
    WITH p AS ({_INSKRIVNINGAR})
    SELECT kon,
           COUNT(DISTINCT deltagare_id) FILTER (WHERE {_AKTIV}),
           COUNT(DISTINCT deltagare_id) FILTER (WHERE {_NY}),
           COUNT(DISTINCT deltagare_id) FILTER (WHERE {_AVSLUTAD})
    FROM p GROUP BY kon
"""  # noqa: S608
# First and latest steg per inskrivning in one grouped pass over the bedömningar.
_STEG = f"""
    WITH p AS ({_INSKRIVNINGAR}),
    a AS (SELECT id, rot, kon FROM p WHERE {_AKTIV}),
    b AS (
        SELECT b.inskrivning_id, COUNT(*) AS n,
               (ARRAY_AGG(s.nummer ORDER BY b.datum, b.id))[1] AS forsta,
               (ARRAY_AGG(s.nummer ORDER BY b.datum DESC, b.id DESC))[1] AS senaste
        FROM deltagare_stegbedomning b
        JOIN insatser_steg s ON s.id = b.steg_id
        WHERE b.inskrivning_id IN (SELECT id FROM a)
          AND b.typ = ANY(%(under)s) AND b.datum <= %(till)s
        GROUP BY b.inskrivning_id
    )
    SELECT a.rot, a.kon, COUNT(*) FILTER (WHERE b.senaste > b.forsta), COUNT(*)
    FROM a JOIN b ON b.inskrivning_id = a.id
    WHERE b.n >= 2
    GROUP BY a.rot, a.kon
"""  # noqa: S608


def _omfang(insats_id: int | None, forbund_id: int | None) -> tuple[str, dict]:
    if insats_id is not None:
        return "(ins.id = %(insats)s OR ins.overordnad_id = %(insats)s)", {"insats": insats_id}
    return "ins.forbund_id = %(forbund)s AND ins.inriktning = 'individ'", {"forbund": forbund_id}


def _kor(sql: str, omfang: str, param: dict) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql.replace("{omfang}", omfang), param)
        return cursor.fetchall()


FIGURER = ("aktiva", "nya", "avslutade", "till_arbete_eller_studier", "steg_antal", "steg_av")


def tomma_figurer() -> dict[str, dict[str, int]]:
    return {namn: dict.fromkeys(("kvinnor", "man", "annat"), 0) for namn in FIGURER}


def karnfigurer(
    *, fran: datetime.date, till: datetime.date, insats_id: int | None = None,
    forbund_id: int | None = None,
) -> dict:  # fmt: skip
    """The core figures per rot insats (and unique persons for a förbund), split by kön."""
    omfang, param = _omfang(insats_id, forbund_id)
    param |= {
        "fran": fran, "till": till,
        "arbete": [str(o) for o in TILL_ARBETE_ELLER_STUDIER],
        "under": [str(t) for t in BEDOMNINGAR_UNDER_INSATS],
    }  # fmt: skip
    per_insats: dict[int, dict] = {}
    for rot, kon, aktiva, nya, avslutade, arbete in _kor(_PER_INSATS, omfang, param):
        rad = per_insats.setdefault(rot, tomma_figurer())
        for namn, varde in zip(("aktiva", "nya", "avslutade", "till_arbete_eller_studier"),
                               (aktiva, nya, avslutade, arbete), strict=True):  # fmt: skip
            rad[namn][_KOLUMN[kon]] = varde
    for rot, kon, antal, av in _kor(_STEG, omfang, param):
        rad = per_insats.setdefault(rot, tomma_figurer())
        rad["steg_antal"][_KOLUMN[kon]] = antal
        rad["steg_av"][_KOLUMN[kon]] = av
    svar: dict = {"insatser": per_insats}
    if forbund_id is not None:
        unika = {namn: dict.fromkeys(("kvinnor", "man", "annat"), 0)
                 for namn in ("aktiva", "nya", "avslutade")}  # fmt: skip
        for kon, aktiva, nya, avslutade in _kor(_UNIKA, omfang, param):
            for namn, varde in zip(("aktiva", "nya", "avslutade"), (aktiva, nya, avslutade),
                                   strict=True):  # fmt: skip
                unika[namn][_KOLUMN[kon]] = varde
        svar["unika"] = unika
    return svar


def fran_motorn(statistik) -> dict[str, dict[str, int]]:
    """The same figures from an InsatsStatistik, for the comparison."""
    d = statistik.deltagare
    rad = {"aktiva": d.aktiva, "nya": d.nya, "avslutade": d.avslutade}
    svar = {n: {k: getattr(v, k) for k in ("kvinnor", "man", "annat")} for n, v in rad.items()}
    for namn, andel, falt in (
        ("till_arbete_eller_studier", statistik.till_arbete_eller_studier, "antal"),
        ("steg_antal", statistik.stegforflyttning, "antal"),
        ("steg_av", statistik.stegforflyttning, "av"),
    ):
        svar[namn] = {k: getattr(andel.per_kon[k], falt) for k in ("kvinnor", "man", "annat")}
    return svar
