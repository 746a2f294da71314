"""The engine's result objects as tables: one shape for the page, the CSV and the Excel file.

Nothing here computes a figure: every number is read from an `InsatsStatistik`
or `ForbundStatistik` (statistik.berakning). pandas lays the per-kön tables
out (code rows × kön columns) so the page and both downloads show the same
cells; the page then writes them in sv-SE form (`21 551`, `33 %`, `15,2`).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

import pandas as pd
from django.utils import numberformat

from finsam.kodlistor import (
    KON_KOLUMNER,
    Aldersgrupp,
    Avslutsorsak,
    Forsorjningskalla,
    TidIOffentligForsorjning,
    Utbildningsniva,
)
from insatser.models import Insats, Nyckeltal
from statistik.berakning.objekt import Andel, ForbundStatistik, InsatsStatistik, Kontal, Tabell

KONSRUBRIKER = {"kvinnor": "Kvinnor", "man": "Män", "annat": "Annat", "totalt": "Totalt"}
TOMT = "–"

TID_I_INSATS = {
    "0-3": "0–3 månader",
    "4-6": "4–6 månader",
    "7-12": "7–12 månader",
    "13-": "13 månader eller mer",
}

# How a cell is written on the page; CSV and Excel keep the plain number.
TAL, PROCENT, DECIMAL = "tal", "procent", "decimal"


def saknas(varde) -> bool:
    """None, or pandas' missing value in a nullable column."""
    return varde is None or varde is pd.NA or (isinstance(varde, float) and pd.isna(varde))


def tal(varde: int | float | Decimal | None, decimaler: int = 0) -> str:
    """A number in sv-SE form: `21 551`, `15,2`, `−555`; a dash for a missing value."""
    if saknas(varde):
        return TOMT
    text = numberformat.format(
        varde,
        decimal_sep=",",
        decimal_pos=decimaler,
        grouping=3,
        thousand_sep="\xa0",
        force_grouping=True,
    )
    # sv-SE writes a minus sign (−), not a hyphen, before a negative amount.
    return text.replace("-", "\u2212", 1)


def procent(varde: int | None) -> str:
    """An integer share: `33 %` (a no-break space keeps the sign with the number)."""
    return TOMT if saknas(varde) else f"{tal(varde)}\xa0%"


def andel_text(andel: Andel) -> str:
    """A share with its denominator beside it (DOMAIN.md §5): `33 % (4 av 12)`."""
    return f"{procent(andel.andel)} ({tal(andel.antal)} av {tal(andel.av)})"


def celltext(varde, format_: str = TAL) -> str:
    if isinstance(varde, Andel):
        return andel_text(varde)
    if format_ == PROCENT:
        return procent(varde)
    if format_ == DECIMAL:
        return tal(varde, decimaler=1)
    return tal(varde)


@dataclass
class Rad:
    rubrik: str
    celler: list[str]
    url: str = ""
    typ: str = ""  # what kind of row, where a table mixes them (a heading, a sum)


@dataclass
class Tabellvy:
    """One table: an id for anchors and sheet order, a caption, and its data.

    `format` names how each column is written on the page (default a count);
    `radformat` overrides that for a row, where one table mixes kinds.
    """

    id: str
    rubrik: str
    data: pd.DataFrame
    radrubrik: str = ""
    forklaring: str = ""
    format: dict[str, str] = field(default_factory=dict)
    radformat: dict[str, str] = field(default_factory=dict)
    lankar: dict[str, str] = field(default_factory=dict)
    kort: str = ""  # an Excel sheet name holds at most 31 characters
    radtyper: list[str] = field(default_factory=list)  # `Rad.typ` of each row, in order

    @property
    def bladnamn(self) -> str:
        return (self.kort or self.rubrik)[:31]

    @property
    def kolumner(self) -> list[str]:
        return [str(k) for k in self.data.columns]

    @property
    def rader(self) -> list[Rad]:
        rader = []
        typer = iter(self.radtyper)
        for rubrik, varden in self.data.iterrows():
            celler = [
                celltext(v, self.radformat.get(rubrik) or self.format.get(k, TAL))
                for k, v in varden.items()
            ]
            typ = next(typer, "")
            rader.append(Rad(str(rubrik), celler, self.lankar.get(rubrik, ""), typ))
        return rader


def _ram(rader: dict[str, dict], kolumner: Iterable[str]) -> pd.DataFrame:
    # Int64 keeps whole numbers whole and lets a missing value stay empty.
    return pd.DataFrame.from_dict(rader, orient="index", columns=list(kolumner))


def _kontabell(
    id_: str, rubrik: str, tabell: Tabell, etiketter: dict[str, str], radrubrik: str, **kw
) -> Tabellvy:
    rader = {etiketter.get(kod, kod): kontal.som_dict() for kod, kontal in tabell.items()}
    data = _ram(rader, KON_KOLUMNER).astype("Int64").rename(columns=KONSRUBRIKER)
    return Tabellvy(id_, rubrik, data, radrubrik=radrubrik, **kw)


def _etiketter(kodlista) -> dict[str, str]:
    return {str(kod): str(kod.label) for kod in kodlista}


def insats_tabeller(statistik: InsatsStatistik, insats: Insats) -> list[Tabellvy]:
    """Every table of DOMAIN.md §5 for one insats, in the order of the page."""
    d = statistik.deltagare
    deltagare: Tabell = {
        "Aktiva": d.aktiva,
        "Nya": d.nya,
        "Avslutade": d.avslutade,
        "Anonyma": d.anonyma,
        "Aktiva inklusive anonyma": d.aktiva_inklusive_anonyma,
    }
    urval = statistik.urval
    resultat = _ram(
        {
            "Till arbete eller studier": _andel(
                statistik.till_arbete_eller_studier, insats.mal_arbete_studier
            ),
            "Stegförflyttning": _andel(statistik.stegforflyttning, insats.mal_stegforflyttning),
            "Effekt 6 månader": _andel(statistik.effekt_6_manader, None),
            "Effekt 18 månader": _andel(statistik.effekt_18_manader, None),
        },
        ["Antal", "Av", "Andel (%)", "Mål (%)"],
    ).astype("Int64")
    andelar = {
        "Till arbete eller studier": statistik.till_arbete_eller_studier,
        "Stegförflyttning": statistik.stegforflyttning,
        "Effekt 6 månader": statistik.effekt_6_manader,
        "Effekt 18 månader": statistik.effekt_18_manader,
    }
    median = statistik.tid_i_insats.median_manader
    # A median in tenths beside a share in whole per cent: one object column keeps each as it is.
    ovrigt = pd.DataFrame(
        {
            "Värde": pd.Series(
                [None if median is None else float(median), statistik.belaggning.andel],
                index=["Tid i insats, median (månader)", "Beläggning (%)"],
                dtype=object,
            )
        }
    )
    return [
        _kontabell(
            "deltagare",
            "Deltagare",
            deltagare,
            {},
            "Deltagare",
            forklaring="Inskrivningar i insatsen och dess delinsatser. Anonyma räknas per år.",
        ),
        _kontabell(
            "aldersgrupp",
            "Åldersgrupp vid start",
            statistik.aldersgrupp,
            _etiketter(Aldersgrupp),
            "Åldersgrupp",
            forklaring=f"Urval: {urval}.",
        ),
        _kontabell(
            "utbildningsniva",
            "Utbildningsnivå",
            statistik.utbildningsniva,
            _etiketter(Utbildningsniva),
            "Utbildningsnivå",
            forklaring=f"Urval: {urval}.",
        ),
        _kontabell(
            "tid_i_offentlig_forsorjning",
            "Tid i offentlig försörjning före start",
            statistik.tid_i_offentlig_forsorjning,
            _etiketter(TidIOffentligForsorjning),
            "Tid",
            kort="Tid i offentlig försörjning",
            forklaring=f"Urval: {urval}.",
        ),
        _kontabell(
            "forsorjning_vid_start",
            "Försörjning vid start",
            statistik.forsorjning_vid_start,
            _etiketter(Forsorjningskalla),
            "Försörjning",
            forklaring=f"Urval: {urval}. Flera källor kan gälla samma deltagare.",
        ),
        _kontabell(
            "forsorjning_vid_avslut",
            "Försörjning vid avslut",
            statistik.forsorjning_vid_avslut,
            _etiketter(Forsorjningskalla),
            "Försörjning",
            forklaring="Avslutade under perioden. Flera källor kan gälla samma deltagare.",
        ),
        _kontabell(
            "avslutsorsak",
            "Avslutsorsak",
            statistik.avslutsorsak,
            _etiketter(Avslutsorsak),
            "Avslutsorsak",
            forklaring="Avslutade under perioden. Felregistreringar räknas inte.",
        ),
        _avslutsorsak_andel(statistik),
        _kontabell(
            "tid_i_insats",
            "Tid i insats",
            statistik.tid_i_insats.grupper,
            TID_I_INSATS,
            "Tid",
            forklaring="Avslutade under perioden, från start till avslut.",
        ),
        Tabellvy(
            "resultat",
            "Till arbete eller studier, stegförflyttning och effekt",
            resultat,
            radrubrik="Resultat",
            kort="Resultat",
            forklaring=(
                "Andel av namnaren (Av). Stegförflyttning gäller urvalet, "
                "effekt de avslutade med uppföljning efter 6 eller 18 månader."
            ),
            format={"Andel (%)": PROCENT, "Mål (%)": PROCENT},
        ),
        _andelar_per_kon(andelar),
        Tabellvy(
            "tid_och_belaggning",
            "Tid i insats och beläggning",
            ovrigt,
            radrubrik="Mått",
            radformat={"Tid i insats, median (månader)": DECIMAL, "Beläggning (%)": PROCENT},
        ),
    ]


def _andel(andel: Andel, mal: int | None) -> dict[str, int | None]:
    return {"Antal": andel.antal, "Av": andel.av, "Andel (%)": andel.andel, "Mål (%)": mal}


def _avslutsorsak_andel(statistik: InsatsStatistik) -> Tabellvy:
    """Each avslutsorsak's count (totalt) beside its share of the avslutade."""
    etiketter = _etiketter(Avslutsorsak)
    andelar = statistik.avslutsorsak_andel
    rader = {
        etiketter.get(kod, kod): {"Antal": kontal.totalt, "Andel (%)": andelar[kod]}
        for kod, kontal in statistik.avslutsorsak.items()
    }
    return Tabellvy(
        "avslutsorsak_andel",
        "Avslutsorsak, andel av de avslutade",
        _ram(rader, ["Antal", "Andel (%)"]).astype("Int64"),
        radrubrik="Avslutsorsak",
        kort="Avslutsorsak andel",
        forklaring="Avslutade under perioden, totalt. Andel av alla avslutade.",
        format={"Andel (%)": PROCENT},
    )


def _andelar_per_kon(andelar: dict[str, Andel]) -> Tabellvy:
    """The shares split by kön: a row each for the share, its antal and its av.

    Three rows per share keep every cell a plain number for CSV and Excel,
    with the denominator beside the share as DOMAIN.md §5 asks.
    """
    rader: dict[str, dict] = {}
    radformat = {}
    for namn, andel in andelar.items():
        per_kon = andel.per_kon or {}
        for falt, rubrik in (
            ("andel", f"{namn} (%)"),
            ("antal", f"{namn}, antal"),
            ("av", f"{namn}, av"),
        ):
            rader[rubrik] = {
                **{
                    k: getattr(per_kon[k], falt) if k in per_kon else None for k in KON_KOLUMNER[:3]
                },
                "totalt": getattr(andel, falt),
            }
        radformat[f"{namn} (%)"] = PROCENT
    data = _ram(rader, KON_KOLUMNER).astype("Int64").rename(columns=KONSRUBRIKER)
    return Tabellvy(
        "resultat_per_kon",
        "Resultat per kön",
        data,
        radrubrik="Resultat",
        kort="Resultat per kön",
        forklaring="Andel i procent, med antal och namnare (av) för varje kön.",
        radformat=radformat,
    )


# --- The dashboard ---------------------------------------------------------------


@dataclass
class Stapel:
    etikett: str
    text: str
    y: int
    bredd: float  # per cent of the drawing's bar area
    mal: float | None = None  # where the goal line stands, per cent of the bar area


@dataclass
class Diagram:
    """A horizontal bar chart drawn as inline SVG; the same data follows as a table."""

    id: str
    rubrik: str
    beskrivning: str
    staplar: list[Stapel]

    @property
    def hojd(self) -> int:
        return len(self.staplar) * STAPELAVSTAND + 8


STAPELAVSTAND = 32


def _diagram(
    id_: str, rubrik: str, varden: list[tuple[str, int | None, str, int | None]]
) -> Diagram:
    """Bars scaled to the largest value (at least 1, or 100 for shares with goals)."""
    storst = max([v or 0 for _, v, _, _ in varden] + [m or 0 for *_, m in varden] + [1])
    staplar = [
        Stapel(
            etikett=etikett,
            text=text,
            y=i * STAPELAVSTAND + 4,
            bredd=round(100 * (v or 0) / storst, 1),
            mal=None if mal is None else round(100 * mal / storst, 1),
        )
        for i, (etikett, v, text, mal) in enumerate(varden)
    ]
    beskrivning = "; ".join(f"{etikett}: {text}" for etikett, _, text, _ in varden)
    return Diagram(id_, rubrik, beskrivning, staplar)


@dataclass
class Oversikt:
    """What the dashboard shows, all read from one `ForbundStatistik`."""

    statistik: ForbundStatistik
    nyckeltal: list[Nyckeltal]
    insatser: dict[int, Insats]
    urls: dict[int, str]

    @property
    def deltagare(self) -> Tabellvy:
        d = self.statistik.deltagare
        rader: Tabell = {
            "Aktiva inklusive anonyma": d.aktiva_inklusive_anonyma,
            "Aktiva": d.aktiva,
            "Anonyma": d.anonyma,
            "Nya": d.nya,
            "Avslutade": d.avslutade,
        }
        return _kontabell(
            "forbund_deltagare",
            "Förbundets deltagare per kön",
            rader,
            {},
            "Deltagare",
            forklaring="Unika personer: den som deltar i flera insatser räknas en gång.",
        )

    @property
    def nyckelfigurer(self) -> list[tuple[str, str, str]]:
        """(name, the figure, its split by kön) for the cards at the top."""
        d = self.statistik.deltagare
        personer = [
            (namn, tal(k.totalt), _konsfordelning(k))
            for namn, k in (
                ("Aktiva inklusive anonyma", d.aktiva_inklusive_anonyma),
                ("Nya", d.nya),
                ("Avslutade", d.avslutade),
            )
        ]
        resultat = [
            (namn, procent(a.andel), f"{tal(a.antal)} av {tal(a.av)} {namnare}; {_konsandelar(a)}")
            for namn, a, namnare in (
                (
                    "Till arbete eller studier",
                    self.statistik.till_arbete_eller_studier,
                    "avslutade inskrivningar",
                ),
                (
                    "Stegförflyttning",
                    self.statistik.stegforflyttning,
                    "inskrivningar med minst två bedömningar",
                ),
            )
        ]
        return personer + resultat

    @property
    def konsdiagram(self) -> Diagram:
        k = self.statistik.deltagare.aktiva_inklusive_anonyma
        return _diagram(
            "diagram-kon",
            "Aktiva inklusive anonyma per kön",
            [(KONSRUBRIKER[n], getattr(k, n), tal(getattr(k, n)), None) for n in KON_KOLUMNER[:3]],
        )

    @property
    def resultatdiagram(self) -> Diagram:
        varden = []
        for s in self.statistik.insatser:
            mal = self.insatser[s.insats].mal_arbete_studier
            text = andel_text(s.till_arbete_eller_studier)
            if mal is not None:
                text += f", mål {procent(mal)}"
            varden.append((s.namn, s.till_arbete_eller_studier.andel, text, mal))
        return _diagram(
            "diagram-arbete-studier", "Till arbete eller studier per insats (%)", varden
        )

    @property
    def per_insats(self) -> Tabellvy:
        rader = {}
        for s in self.statistik.insatser:
            insats = self.insatser[s.insats]
            k = s.deltagare.aktiva_inklusive_anonyma
            rader[s.namn] = {
                "Aktiva inkl. anonyma": k.totalt,
                "Kvinnor": k.kvinnor,
                "Män": k.man,
                "Annat": k.annat,
                "Nya": s.deltagare.nya.totalt,
                "Avslutade": s.deltagare.avslutade.totalt,
                "Till arbete eller studier": s.till_arbete_eller_studier,
                "Mål arbete/studier": insats.mal_arbete_studier,
                "Stegförflyttning": s.stegforflyttning,
                "Mål stegförflyttning": insats.mal_stegforflyttning,
                "Beläggning": s.belaggning.andel,
            }
        kolumner = list(next(iter(rader.values()), {})) or ["Aktiva inkl. anonyma"]
        return Tabellvy(
            "per_insats",
            "Per insats",
            _ram(rader, kolumner).astype(object),
            radrubrik="Insats",
            forklaring=(
                "Inskrivningar per insats med delinsatser. Andelar med namnaren inom parentes."
            ),
            format={
                "Mål arbete/studier": PROCENT,
                "Mål stegförflyttning": PROCENT,
                "Beläggning": PROCENT,
            },
            lankar={s.namn: self.urls[s.insats] for s in self.statistik.insatser},
        )


def _konsandelar(andel: Andel) -> str:
    per_kon = andel.per_kon or {}
    return ", ".join(
        f"{KONSRUBRIKER[n].lower()} {procent(per_kon[n].andel if n in per_kon else None)}"
        for n in KON_KOLUMNER[:3]
    )


def _konsfordelning(k: Kontal) -> str:
    return ", ".join(f"{KONSRUBRIKER[n].lower()} {tal(getattr(k, n))}" for n in KON_KOLUMNER[:3])
