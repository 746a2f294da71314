"""The dashboard (`/statistik/`): key figures, charts, a row per insats and the budget panel.

Everything is read from one `ForbundStatistik` and the `Sammanstallning` of
the period's last year; the cells are written as finsam.tabeller does.
"""

from dataclasses import dataclass, field
from functools import cached_property

from budget.sammanstallning import Belopp, Sammanstallning
from budget.tabeller import nyckeltal as budget_nyckeltal
from finsam.avrundning import tkr
from finsam.kodlistor import KON_KOLUMNER, Inriktning
from finsam.tabeller import PROCENT, Tabellvy, procent, ram, tal
from insatser.models import Insats
from insatser.selectors import Nyckeltalsvarde
from kalkyl.visning import aterbetalning_mot_mal
from statistik.berakning.objekt import Andel, ForbundStatistik, Kontal, Nyckeltal, Tabell
from statistik.jamforelse import (
    Jamforelse,
    forandring_andel,
    forandring_antal,
    periodtext,
)
from statistik.tabeller import KONSRUBRIKER, andel_mot_mal, kontabell, varde_text


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


def diagram(
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


# The cards: unique persons (a person in two insatser counts once) ...
PERSONER = (
    ("Aktiva personer inklusive anonyma", "aktiva_inklusive_anonyma"),
    ("Nya personer", "nya"),
    ("Avslutade personer", "avslutade"),
)
# ... and results, whose denominators are inskrivningar; the names say which,
# so "Avslutade personer 125" and "45 av 142 avslutade inskrivningar" are not
# read as one figure that disagrees with itself.
RESULTAT = (
    ("Till arbete eller studier", "till_arbete_eller_studier", "avslutade inskrivningar"),
    ("Stegförflyttning", "stegforflyttning", "inskrivningar med minst två bedömningar"),
)


@dataclass(frozen=True)
class Nyckelfigur:
    namn: str
    varde: str
    detalj: str
    jamforelser: tuple[Jamforelse, ...] = ()


@dataclass
class Oversikt:
    """What the dashboard shows, all read from one `ForbundStatistik` and, where the
    förbund has a budget for the period's last year, its `Sammanstallning`."""

    statistik: ForbundStatistik
    nyckeltal: list[Nyckeltalsvarde]
    insatser: dict[int, Insats]
    urls: dict[int, str]
    budget: Sammanstallning | None = None
    # Yardsticks by label ("Föregående period"): the same engine's key figures.
    jamforelser: dict[str, Nyckeltal] = field(default_factory=dict)
    # Each top insats's återbetalningstid (samhällsekonomisk kalkyl) by pk; empty
    # without assumptions, and then no column.
    aterbetalning: dict[int, int | None] = field(default_factory=dict)

    @cached_property
    def budget_per_insats(self) -> dict[int, Belopp]:
        if self.budget is None:
            return {}
        rot_av = {pk: i.overordnad_id or pk for pk, i in self.insatser.items()}
        return self.budget.per_insats(rot_av)

    @property
    def budgetnyckeltal(self) -> list[tuple[str, str]]:
        return [] if self.budget is None else budget_nyckeltal(self.budget)

    @property
    def budget_per_kategori(self) -> Tabellvy | None:
        """Budget, utfall and förbrukning per kategori and in total, in tkr."""
        if self.budget is None:
            return None
        delar = [(k.namn, k.summa) for k in self.budget.kategorier] + [
            ("Totalt", self.budget.totalt)
        ]
        rader = {
            namn: {"Budget (tkr)": tkr(b.budget), "Utfall (tkr)": tkr(b.utfall),
                   "Förbrukning (%)": b.forbrukning}
            for namn, b in delar
        }  # fmt: skip
        return Tabellvy(
            "budget_per_kategori",
            f"Budget och utfall {self.budget.ar} t.o.m. {self.budget.till.isoformat()}",
            ram(rader, ["Budget (tkr)", "Utfall (tkr)", "Förbrukning (%)"]).astype("Int64"),
            radrubrik="Kategori",
            format={"Förbrukning (%)": PROCENT},
        )

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
        return kontabell(
            "forbund_deltagare",
            "Förbundets deltagare per kön",
            rader,
            {},
            "Deltagare",
            forklaring="Unika personer: den som deltar i flera insatser räknas en gång.",
        )

    @property
    def nyckelfigurer(self) -> list[Nyckelfigur]:
        """The cards at the top: each figure, its split by kön and its yardsticks."""
        figurer = []
        for namn, falt in PERSONER:
            k = getattr(self.statistik.deltagare, falt)
            jamforelser = tuple(
                Jamforelse(
                    etikett,
                    periodtext(s.fran, s.till),
                    tal(getattr(s.deltagare, falt).totalt),
                    forandring_antal(k.totalt, getattr(s.deltagare, falt).totalt),
                )
                for etikett, s in self.jamforelser.items()
            )
            figurer.append(Nyckelfigur(namn, tal(k.totalt), _konsfordelning(k), jamforelser))
        for namn, falt, namnare in RESULTAT:
            a = getattr(self.statistik, falt)
            jamforelser = tuple(
                Jamforelse(
                    etikett,
                    periodtext(s.fran, s.till),
                    procent(getattr(s, falt).andel),
                    forandring_andel(a, getattr(s, falt)),
                )
                for etikett, s in self.jamforelser.items()
            )
            detalj = f"{tal(a.antal)} av {tal(a.av)} {namnare}; {_konsandelar(a)}"
            figurer.append(Nyckelfigur(namn, procent(a.andel), detalj, jamforelser))
        return figurer

    @property
    def konsdiagram(self) -> Diagram:
        k = self.statistik.deltagare.aktiva_inklusive_anonyma
        return diagram(
            "diagram-kon",
            "Aktiva inklusive anonyma per kön",
            [(KONSRUBRIKER[n], getattr(k, n), tal(getattr(k, n)), None) for n in KON_KOLUMNER[:3]],
        )

    @property
    def resultatdiagram(self) -> Diagram:
        varden = []
        for s in self.statistik.insatser:
            mal = self.insatser[s.insats].mal_arbete_studier
            text = andel_mot_mal(s.till_arbete_eller_studier, mal)
            varden.append((s.namn, s.till_arbete_eller_studier.andel, text, mal))
        return diagram("diagram-arbete-studier", "Till arbete eller studier per insats (%)", varden)

    @cached_property
    def strukturinsatser(self) -> list[Insats]:
        """The top struktur insatser, by name: followed up by nyckeltal, not deltagare."""
        return sorted(
            (
                i
                for i in self.insatser.values()
                if i.inriktning == Inriktning.STRUKTUR and i.overordnad_id is None
            ),
            key=lambda i: (i.namn, i.pk),
        )

    def _strukturens_nyckeltal(self) -> dict[int, str]:
        """Per top struktur insats, each nyckeltal's latest value in the period, as text.

        The latest, not a sum: a key figure such as antal företag is a level,
        and periods of it cannot be added up.
        """
        senaste: dict[int, dict[str, Nyckeltalsvarde]] = {}
        for n in sorted(self.nyckeltal, key=lambda n: (n.fran, n.till)):
            insats = self.insatser.get(n.insats)
            rot = (insats.overordnad_id if insats else None) or n.insats
            senaste.setdefault(rot, {})[n.namn] = n
        return {
            rot: "; ".join(f"{namn} {varde_text(n)}" for namn, n in per_namn.items())
            for rot, per_namn in senaste.items()
        }

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
                "Till arbete eller studier": andel_mot_mal(
                    s.till_arbete_eller_studier, insats.mal_arbete_studier
                ),
                "Stegförflyttning": andel_mot_mal(s.stegforflyttning, insats.mal_stegforflyttning),
                "Beläggning": s.belaggning.andel,
            }
            if self.budget is not None:
                belopp = self.budget_per_insats.get(s.insats)
                rader[s.namn]["Budgetförbrukning"] = None if belopp is None else belopp.forbrukning
            if self.aterbetalning:
                rader[s.namn]["Återbetalningstid"] = aterbetalning_mot_mal(
                    self.aterbetalning.get(s.insats), insats.mal_aterbetalning_manader
                )
        kolumner = list(next(iter(rader.values()), {})) or ["Nyckeltal"]
        radtyper = [""] * len(rader)
        # A struktur insats has no deltagare to count: its row is one text
        # across the columns (a "text" row), its nyckeltal, instead of zeros.
        nyckeltal = self._strukturens_nyckeltal()
        for insats in self.strukturinsatser:
            text = nyckeltal.get(insats.pk, "Inga nyckeltal under perioden.")
            rader[insats.namn] = dict.fromkeys(kolumner, "") | {kolumner[0]: text}
            radtyper.append("text")
        return Tabellvy(
            "per_insats",
            "Per insats",
            ram(rader, kolumner).astype(object),
            radrubrik="Insats",
            forklaring=(
                "Inskrivningar per insats med delinsatser. Andelar med nämnaren inom parentes. "
                "Budgetförbrukning är utfallet i procent av budgeten för insatsens budgetrader. "
                "Återbetalningstid är den samhällsekonomiska kalkylens för alla offentliga "
                "finanser, med insatsens mål där det finns. "
                "Strukturinsatser följs upp med nyckeltal: varje nyckeltals senaste värde "
                "under perioden, och för dem som räknar personer fördelningen på kön."
            ),
            format={
                "Beläggning": PROCENT,
                "Budgetförbrukning": PROCENT,
            },
            lankar={self.insatser[pk].namn: url for pk, url in self.urls.items()},
            radtyper=radtyper,
        )


def _konsandelar(andel: Andel) -> str:
    per_kon = andel.per_kon or {}
    return ", ".join(
        f"{KONSRUBRIKER[n].lower()} {procent(per_kon[n].andel if n in per_kon else None)}"
        for n in KON_KOLUMNER[:3]
    )


def _konsfordelning(k: Kontal) -> str:
    return ", ".join(f"{KONSRUBRIKER[n].lower()} {tal(getattr(k, n))}" for n in KON_KOLUMNER[:3])
