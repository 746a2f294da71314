"""Reach against need as the page and its downloads show it: tables, the trend and a chart.

The figures are statistik.behov's (those the API answers with); this module
lays them out: a table for the förbund and one per kommun, the förbund's
rate per year, and a bar chart of women's and men's rates per form.
"""

from dataclasses import dataclass

from finsam.kodlistor import Ersattningsform, SCBKon
from finsam.tabeller import DECIMAL, TOMT, Tabellvy, ram, tal
from statistik.behov import Behov, Behovsrad
from statistik.berakning.helarsekvivalenter import FORBUND

FORMNAMN = dict(Ersattningsform.choices)
KONSNAMN = {SCBKon.KVINNOR: "kvinnor", SCBKon.MAN: "män", SCBKon.TOTALT: "totalt"}
FORKLARING = (
    "Deltagare är unika personer med en inskrivning som började året och försörjning vid "
    "start av formen, räknade efter hemkommun; annat kön räknas bara i totalt. Per 1\xa0000 är "
    "deltagare per 1 000 helårsekvivalenter (SCB, 20–64 år)."
)
PAHITTADE = "Påhittade demosiffror"
KOLUMNER = [
    "Helårsekvivalenter",
    *(f"Deltagare {namn}" for namn in KONSNAMN.values()),
    *(f"Per 1\xa0000 {namn}" for namn in KONSNAMN.values()),
]
NEDLADDNINGSKOLUMNER = [
    "År", "SCB-år", "Kommunkod", "Område", "Försörjning", "Kön", "Helårsekvivalenter",
    "Deltagare", "Per 1\xa0000", "Påhittade demosiffror", "Inskrivningar utan hemkommun",
]  # fmt: skip


def _per_form(rader: tuple[Behovsrad, ...]) -> dict[str, dict[str, Behovsrad]]:
    """form → kön → row."""
    per_form: dict[str, dict[str, Behovsrad]] = {}
    for rad in rader:
        per_form.setdefault(rad.forsorjning, {})[rad.kon] = rad
    return per_form


def omradestabell(rader: tuple[Behovsrad, ...], id_: str, rubrik: str) -> Tabellvy:
    """One område (the förbund or a kommun): a row per form, numbers as numbers."""
    data = {}
    for form, per_kon in _per_form(rader).items():
        data[FORMNAMN[form]] = {
            "Helårsekvivalenter": per_kon[SCBKon.TOTALT].helarsekvivalenter,
            **{f"Deltagare {KONSNAMN[k]}": per_kon[k].deltagare for k in KONSNAMN},
            **{f"Per 1\xa0000 {KONSNAMN[k]}": per_kon[k].per_1000 for k in KONSNAMN},
        }
    return Tabellvy(
        id=id_,
        rubrik=rubrik,
        data=ram(data, KOLUMNER),
        radrubrik="Försörjning vid start",
        format={k: DECIMAL for k in KOLUMNER if k.startswith("Per 1\xa0000")},
        kort=rubrik,
    )


def tabeller(behov: Behov) -> list[Tabellvy]:
    """The förbund's table, then each kommun's; none for a förbund without kommuner."""
    if not behov.forbundet:
        return []
    namn = behov.forbundet[0].namn
    ut = [omradestabell(behov.forbundet, "behov-forbundet", f"{namn}, alla kommuner")]
    kommuner: dict[str, list[Behovsrad]] = {}
    for rad in behov.rader:
        kommuner.setdefault(rad.kommun, []).append(rad)
    ut += [
        omradestabell(tuple(rader), f"behov-{kod}", rader[0].namn)
        for kod, rader in kommuner.items()
    ]
    return ut


def trendtabell(serie: list[Behov]) -> Tabellvy:
    """The förbund's deltagare per 1 000 helårsekvivalenter per form and year, by kön."""
    data: dict[str, dict] = {FORMNAMN[f]: {} for f in Ersattningsform.values}
    for behov in serie:
        for form, per_kon in _per_form(behov.forbundet).items():
            for kon, namn in KONSNAMN.items():
                data[FORMNAMN[form]][f"{behov.ar} {namn}"] = per_kon[kon].per_1000
    kolumner = [f"{b.ar} {namn}" for b in serie for namn in KONSNAMN.values()]
    return Tabellvy(
        id="behov-trend",
        rubrik="Deltagare per 1 000 helårsekvivalenter år för år, hela förbundet",
        data=ram(data, kolumner),
        radrubrik="Försörjning vid start",
        forklaring="Året inskrivningarna började; SCB-året för varje år står under tabellen.",
        format={k: DECIMAL for k in kolumner},
        kort="Trend",
    )


@dataclass(frozen=True)
class Stapel:
    """One bar: women's or men's rate for one form; `bredd` in percent of the plot."""

    text: str
    y: int
    bredd: float
    kvinnor: bool

    @property
    def text_x(self) -> float:
        """The figure's place, just right of the bar."""
        return self.bredd + 1


@dataclass(frozen=True)
class Formgrupp:
    namn: str
    y: int
    staplar: tuple[Stapel, ...]


GRUPPHOJD = 74
# The longest bar's share of the width: its figure fits beside it on a phone too.
STAPEL_MAX = 55


@dataclass(frozen=True)
class Behovsdiagram:
    grupper: tuple[Formgrupp, ...]

    @property
    def hojd(self) -> int:
        return len(self.grupper) * GRUPPHOJD + 4

    @property
    def beskrivning(self) -> str:
        return "; ".join(f"{g.namn}: {', '.join(s.text for s in g.staplar)}" for g in self.grupper)


def behovsdiagram(behov: Behov) -> Behovsdiagram:
    """Women's and men's deltagare per 1 000 helårsekvivalenter per form, the förbund's;
    forms without a rate (no SCB figure) are left out (the table says why)."""
    per_form = _per_form(behov.forbundet)
    varden = [
        per_kon[k].per_1000
        for per_kon in per_form.values()
        for k in (SCBKon.KVINNOR, SCBKon.MAN)
        if per_kon[k].per_1000 is not None
    ]
    storst = max(varden, default=0) or 1
    grupper = []
    for form, per_kon in per_form.items():
        if per_kon[SCBKon.TOTALT].per_1000 is None:
            continue
        y = len(grupper) * GRUPPHOJD
        staplar = tuple(
            Stapel(
                text=f"{KONSNAMN[k]} {_text(per_kon[k].per_1000)}",
                y=y + 22 + i * 24,
                bredd=round(STAPEL_MAX * (per_kon[k].per_1000 or 0) / storst, 2),
                kvinnor=k == SCBKon.KVINNOR,
            )
            for i, k in enumerate((SCBKon.KVINNOR, SCBKon.MAN))
        )
        grupper.append(Formgrupp(FORMNAMN[form], y, staplar))
    return Behovsdiagram(tuple(grupper))


def _text(varde: float | None) -> str:
    return TOMT if varde is None else tal(varde, decimaler=1)


def nedladdningstabeller(serie: list[Behov]) -> list[Tabellvy]:
    """Every year's rows, the förbund's and each kommun's, one long table (as the API's)."""
    data = {}
    for behov in serie:
        for rad in (*behov.forbundet, *behov.rader):
            kod = "" if rad.kommun == FORBUND else rad.kommun
            etikett = f"{behov.ar} {rad.namn} {FORMNAMN[rad.forsorjning]} {KONSNAMN[rad.kon]}"
            data[etikett] = {
                "År": behov.ar,
                "SCB-år": behov.scb_ar,
                "Kommunkod": kod,
                "Område": rad.namn,
                "Försörjning": FORMNAMN[rad.forsorjning],
                "Kön": KONSNAMN[rad.kon],
                "Helårsekvivalenter": rad.helarsekvivalenter,
                "Deltagare": rad.deltagare,
                "Per 1\xa0000": rad.per_1000,
                "Påhittade demosiffror": "Ja" if behov.pahittade else "Nej",
                "Inskrivningar utan hemkommun": behov.utan_hemkommun,
            }
    return [
        Tabellvy(
            id="behov",
            rubrik="Räckvidd mot behov",
            data=ram(data, NEDLADDNINGSKOLUMNER),
            radrubrik="Rad",
            kort="Räckvidd",
        ),
        trendtabell(serie),
    ]
