"""The jämställdhetsanalys as the page shows it: tables of Swedish text and the difference chart.

The figures are the analysis objects' (statistik.jamstalldhet.analys); this
module only writes them the sv-SE way (`34,5 %`, `19,9–52,7`, `−15,2`) and
places the chart's marks.
"""

from dataclasses import dataclass

from finsam.kodlistor import Ersattningsform
from finsam.tabeller import TOMT, Tabellvy, ram, tal
from statistik.jamstalldhet.analys import Utfall
from statistik.jamstalldhet.prov import Andelsskattning, Skillnad, p_text
from statistik.jamstalldhet.representation import Representationer

MINUS = "\u2212"


def procent_text(varde: float | None) -> str:
    return TOMT if varde is None else f"{tal(varde, decimaler=1)}\xa0%"


def intervall_text(lag: float | None, hog: float | None) -> str:
    return TOMT if lag is None else f"{tal(lag, decimaler=1)}–{tal(hog, decimaler=1)}"


def skillnad_text(varde: float | None) -> str:
    if varde is None:
        return TOMT
    tecken = "+" if varde > 0 else MINUS if varde < 0 else "±"
    return f"{tecken}{tal(abs(varde), decimaler=1)}"


def _andel(a: Andelsskattning) -> str:
    if a.av is None:
        return TOMT
    return f"{procent_text(a.andel)} ({tal(a.antal)} av {tal(a.av)})"


def _ki(skattning: Andelsskattning | Skillnad) -> str:
    return intervall_text(skattning.ki_lag, skattning.ki_hog)


@dataclass(frozen=True)
class _Tabell:
    """What names a table, shared by the page's table and the download's."""

    id: str
    rubrik: str
    radrubrik: str
    kort: str
    forklaring: str

    def vy(self, rader: dict[str, dict], *, med_forklaring: bool = True) -> Tabellvy:
        return Tabellvy(
            id=self.id,
            rubrik=self.rubrik,
            data=ram(rader, next(iter(rader.values())).keys()),
            radrubrik=self.radrubrik,
            forklaring=self.forklaring if med_forklaring else "",
            kort=self.kort,
        )


UTFALL = _Tabell(
    "jamstalldhet-utfall",
    "Kvinnor och män per mått",
    "Mått",
    "Kvinnor och män",
    "Andel i procent med antal av underlaget, 95 % konfidensintervall (Wilson; inget under "
    "fem personer), skillnaden kvinnor − män med 95 % intervall (Newcombe) och p-värde "
    "(Fishers exakta test). Annat kön visas men jämförs inte för sig.",
)
REPRESENTATION = _Tabell(
    "jamstalldhet-representation",
    "Representation per ersättningsform",
    "Försörjning vid start",
    "Representation",
    "Kvinnors andel av deltagarna som började med försörjning av formen, mot kvinnors andel "
    "av helårsekvivalenterna i förbundets kommuner. Båda av kvinnor och män: SCB redovisar "
    "inget annat kön.",
)
FORMNAMN = dict(Ersattningsform.choices)


def utfallstabell(utfall: tuple[Utfall, ...]) -> Tabellvy:
    return UTFALL.vy(
        {
            u.namn: {
                "Kvinnor": _andel(u.jamforelse.kvinnor),
                "95 % KI kvinnor": _ki(u.jamforelse.kvinnor),
                "Män": _andel(u.jamforelse.man),
                "95 % KI män": _ki(u.jamforelse.man),
                "Skillnad (procentenheter)": skillnad_text(u.jamforelse.skillnad.procentenheter),
                "95 % KI skillnad": _ki(u.jamforelse.skillnad),
                "p-värde": TOMT if u.jamforelse.p_varde is None else p_text(u.jamforelse.p_varde),
                # Shown, never compared on its own (too few to say anything).
                "Annat kön": _andel(u.annat),
            }
            for u in utfall
        }
    )


def representationstabell(representationer: Representationer) -> Tabellvy:
    scb = f"SCB {representationer.scb_ar}" if representationer.scb_ar else "SCB"
    return REPRESENTATION.vy(
        {
            FORMNAMN[r.forsorjning]: {
                "Kvinnor bland deltagarna": procent_text(r.andel_kvinnor_deltagare),
                "Deltagare (kvinnor + män)": TOMT
                if r.deltagare.kvinnor is None
                else tal(r.deltagare.kvinnor + r.deltagare.man),
                f"Kvinnor bland helårsekvivalenterna ({scb})": procent_text(
                    r.andel_kvinnor_helarsekvivalenter
                ),
            }
            for r in representationer.rader
        }
    )


@dataclass(frozen=True)
class Markering:
    """One outcome's difference on the chart: x positions in percent of the plot's width."""

    namn: str
    text: str
    y: int
    punkt: float
    fran: float
    till: float


RADHOJD = 62


@dataclass(frozen=True)
class Skillnadsdiagram:
    markeringar: tuple[Markering, ...]

    @property
    def axel(self) -> int:
        """Where the zero line ends and the scale's labels begin."""
        return len(self.markeringar) * RADHOJD + 8

    @property
    def hojd(self) -> int:
        return self.axel + 22


def skillnadsdiagram(utfall: tuple[Utfall, ...]) -> Skillnadsdiagram:
    """The difference kvinnor − män and its interval per outcome, on −100 … +100
    procentenheter; outcomes without a difference are left out (the table says why)."""
    markeringar: list[Markering] = []
    for u in utfall:
        s = u.jamforelse.skillnad
        if s.procentenheter is None:
            continue
        markeringar.append(
            Markering(
                namn=u.namn,
                text=f"{skillnad_text(s.procentenheter)} ({intervall_text(s.ki_lag, s.ki_hog)})",
                y=len(markeringar) * RADHOJD + 8,
                punkt=_x(s.procentenheter),
                fran=_x(s.ki_lag),
                till=_x(s.ki_hog),
            )
        )
    return Skillnadsdiagram(tuple(markeringar))


def _x(procentenheter: float) -> float:
    return round(50 + procentenheter / 2, 2)


def nedladdningstabeller(
    utfall: tuple[Utfall, ...], representationer: Representationer
) -> list[Tabellvy]:
    """The same figures for CSV and Excel: numbers as numbers, a column each."""
    rader = {}
    for u in utfall:
        j = u.jamforelse
        rad = {}
        for kon, a in (("Kvinnor", j.kvinnor), ("Män", j.man)):
            rad |= {
                f"{kon} antal": a.antal,
                f"{kon} av": a.av,
                f"{kon} andel (%)": a.andel,
                f"{kon} KI låg": a.ki_lag,
                f"{kon} KI hög": a.ki_hog,
            }
        rader[u.namn] = rad | {
            "Skillnad (procentenheter)": j.skillnad.procentenheter,
            "Skillnad KI låg": j.skillnad.ki_lag,
            "Skillnad KI hög": j.skillnad.ki_hog,
            "p-värde": j.p_varde,
            "Säkerställd": {True: "Ja", False: "Nej", None: ""}[j.sakerstalld],
            "Slutsats": j.utlatande,
            "Annat kön antal": u.annat.antal,
            "Annat kön av": u.annat.av,
            "Annat kön andel (%)": u.annat.andel,
        }
    representation = {
        FORMNAMN[r.forsorjning]: {
            "Deltagare kvinnor": r.deltagare.kvinnor,
            "Deltagare män": r.deltagare.man,
            "Kvinnor bland deltagarna (%)": r.andel_kvinnor_deltagare,
            "Helårsekvivalenter kvinnor": r.helarsekvivalenter_kvinnor,
            "Helårsekvivalenter män": r.helarsekvivalenter_man,
            "Kvinnor bland helårsekvivalenterna (%)": r.andel_kvinnor_helarsekvivalenter,
        }
        for r in representationer.rader
    }
    return [
        UTFALL.vy(rader, med_forklaring=False),
        REPRESENTATION.vy(representation, med_forklaring=False),
    ]


KONSORD = {"kvinna": "kvinnor", "man": "män", "annat": "annat kön"}


def median_tid_text(median_tid: dict) -> str:
    """`Median tid i insats: kvinnor 5,6 månader, män 4,1 månader.`; empty without figures."""
    delar = [
        f"{KONSORD[kon]} {tal(varde, decimaler=1)} månader"
        for kon, varde in median_tid.items()
        if varde is not None
    ]
    return f"Median tid i insats för de avslutade: {', '.join(delar)}." if delar else ""
