"""The engine's result objects as tables: one shape for the page, the CSV and the Excel file.

Nothing here computes a figure: every number is read from an `InsatsStatistik`
or `ForbundStatistik` (statistik.berakning). pandas lays the per-kön tables
out (code rows × kön columns) so the page and both downloads show the same
cells; the page then writes them in sv-SE form (finsam.tabeller).
"""

import pandas as pd

from finsam.export import Huvud
from finsam.kodlistor import (
    KON_KOLUMNER,
    Aldersgrupp,
    Avslutsorsak,
    Forsorjningskalla,
    TidIOffentligForsorjning,
    Utbildningsniva,
)
from finsam.tabeller import (
    DECIMAL,
    PROCENT,
    Tabellvy,
    andel_av,
    procent,
    ram,
    tal,
    tal_som_angivet,
)
from insatser.models import Insats
from insatser.selectors import Nyckeltalsvarde
from statistik.berakning.objekt import Andel, InsatsStatistik, Kontal, Tabell
from statistik.forms import URVALSNAMN

KONSRUBRIKER = {"kvinnor": "Kvinnor", "man": "Män", "annat": "Annat", "totalt": "Totalt"}

# The results of DOMAIN.md §5 that an insats sets a mål for: (name, the
# statistics' field, the insats's mål field). The resultat table and the
# reports' Mål och måluppfyllelse read this one list.
RESULTAT_MED_MAL = (
    ("Till arbete eller studier", "till_arbete_eller_studier", "mal_arbete_studier"),
    ("Stegförflyttning", "stegforflyttning", "mal_stegforflyttning"),
    ("Effekt 6 månader", "effekt_6_manader", "mal_effekt_6"),
    ("Effekt 18 månader", "effekt_18_manader", "mal_effekt_18"),
)

TID_I_INSATS = {
    "0-3": "0–3 månader",
    "4-6": "4–6 månader",
    "7-12": "7–12 månader",
    "13-": "13 månader eller mer",
}


def andel_text(andel: Andel) -> str:
    """A share with its denominator beside it (DOMAIN.md §5): `33 % (4 av 12)`."""
    return andel_av(andel.andel, andel.antal, andel.av)


def andel_mot_mal(andel: Andel, mal: int | None) -> str:
    """A share with its denominator and, where the insats has one, its goal."""
    text = andel_text(andel)
    return text if mal is None else f"{text}, mål {procent(mal)}"


def kontabell(
    id_: str, rubrik: str, tabell: Tabell, etiketter: dict[str, str], radrubrik: str, **kw
) -> Tabellvy:
    rader = {etiketter.get(kod, kod): kontal.som_dict() for kod, kontal in tabell.items()}
    data = ram(rader, KON_KOLUMNER).astype("Int64").rename(columns=KONSRUBRIKER)
    return Tabellvy(id_, rubrik, data, radrubrik=radrubrik, **kw)


def nyckeltalets_kontal(n: Nyckeltalsvarde) -> Kontal:
    """A people count as every count split by kön; a masked total stays hidden."""
    return Kontal(n.kvinnor, n.man, n.annat, None if n.varde is None else int(n.varde))


def varde_text(n: Nyckeltalsvarde) -> str:
    """The value as written in sv-SE, a people count with its split by kön."""
    text = tal_som_angivet(n.varde)
    if not n.raknar_personer:
        return text
    k = nyckeltalets_kontal(n)
    kon = ", ".join(f"{KONSRUBRIKER[f].lower()} {tal(getattr(k, f))}" for f in KON_KOLUMNER[:3])
    return f"{text} ({kon})"


def insatsens_huvud(statistik: InsatsStatistik) -> Huvud:
    """The head of an insats's CSV and Excel file: which insats, period and urval."""
    return [
        ("Insats", statistik.namn),
        ("Period", f"{statistik.fran.isoformat()} – {statistik.till.isoformat()}"),
        ("Urval", URVALSNAMN[statistik.urval]),
    ]


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
    resultat = ram(
        {
            namn: _andel(getattr(statistik, falt), getattr(insats, malfalt))
            for namn, falt, malfalt in RESULTAT_MED_MAL
        },
        ["Antal", "Av", "Andel (%)", "Mål (%)", "Ej nådda"],
    ).astype("Int64")
    andelar = {namn: getattr(statistik, falt) for namn, falt, _ in RESULTAT_MED_MAL}
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
        kontabell(
            "deltagare",
            "Deltagare",
            deltagare,
            {},
            "Deltagare",
            forklaring="Inskrivningar i insatsen och dess delinsatser. Anonyma räknas per år.",
        ),
        kontabell(
            "aldersgrupp",
            "Åldersgrupp vid start",
            statistik.aldersgrupp,
            _etiketter(Aldersgrupp),
            "Åldersgrupp",
            forklaring=f"Urval: {urval}.",
        ),
        kontabell(
            "utbildningsniva",
            "Utbildningsnivå",
            statistik.utbildningsniva,
            _etiketter(Utbildningsniva),
            "Utbildningsnivå",
            forklaring=f"Urval: {urval}.",
        ),
        kontabell(
            "tid_i_offentlig_forsorjning",
            "Tid i offentlig försörjning före start",
            statistik.tid_i_offentlig_forsorjning,
            _etiketter(TidIOffentligForsorjning),
            "Tid",
            kort="Tid i offentlig försörjning",
            forklaring=f"Urval: {urval}.",
        ),
        kontabell(
            "forsorjning_vid_start",
            "Försörjning vid start",
            statistik.forsorjning_vid_start,
            _etiketter(Forsorjningskalla),
            "Försörjning",
            forklaring=f"Urval: {urval}. Flera källor kan gälla samma deltagare.",
        ),
        kontabell(
            "forsorjning_vid_avslut",
            "Försörjning vid avslut",
            statistik.forsorjning_vid_avslut,
            _etiketter(Forsorjningskalla),
            "Försörjning",
            forklaring="Avslutade under perioden. Flera källor kan gälla samma deltagare.",
        ),
        *(
            kontabell(
                f"forsorjning_vid_uppfoljning_{manader}",
                f"Försörjning vid uppföljning {manader} månader",
                getattr(statistik, f"forsorjning_vid_uppfoljning_{manader}"),
                _etiketter(Forsorjningskalla),
                "Försörjning",
                kort=f"Försörjning {manader} mån",
                forklaring=(
                    f"Avslutade under perioden med genomförd uppföljning {manader} månader "
                    "efter avslut. Flera källor kan gälla samma deltagare."
                ),
            )
            for manader in (6, 18)
        ),
        kontabell(
            "avslutsorsak",
            "Avslutsorsak",
            statistik.avslutsorsak,
            _etiketter(Avslutsorsak),
            "Avslutsorsak",
            forklaring="Avslutade under perioden. Felregistreringar räknas inte.",
        ),
        _avslutsorsak_andel(statistik),
        kontabell(
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
                "Andel av nämnaren (Av). Stegförflyttning gäller urvalet, "
                "effekt de avslutade med genomförd uppföljning efter 6 eller 18 månader. "
                "Ej nådda: uppföljningar där personen inte kunde nås, utanför nämnaren."
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
    # Only effekt has follow-ups that could not reach the person.
    return {
        "Antal": andel.antal,
        "Av": andel.av,
        "Andel (%)": andel.andel,
        "Mål (%)": mal,
        "Ej nådda": getattr(andel, "ej_nadda", None),
    }


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
        ram(rader, ["Antal", "Andel (%)"]).astype("Int64"),
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
    data = ram(rader, KON_KOLUMNER).astype("Int64").rename(columns=KONSRUBRIKER)
    return Tabellvy(
        "resultat_per_kon",
        "Resultat per kön",
        data,
        radrubrik="Resultat",
        kort="Resultat per kön",
        forklaring="Andel i procent, med antal och nämnare (av) för varje kön.",
        radformat=radformat,
    )
