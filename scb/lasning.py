"""Reading SCB's table of helårsekvivalenter 20–64 år: a file in, the rows to store out.

Pure: reads bytes, writes nothing. A file that cannot be read, or whose
shape is not the table's, raises a Swedish ValidationError naming what is
wrong, so an import is all or nothing.

Two formats, told apart by their content (a name can lie):

- **JSON-stat2** as PxWebApi v2 answers (table TAB1386, HE0000T02N2):
  `id` and `size` list the dimensions, `dimension.<id>.category.index`
  orders each one's codes and `.label` names them, `value` holds the cells
  row-major (the last dimension varies fastest) with null where SCB has no
  figure, and `status` gives that cell's symbol (`..`).
- **SCB's CSV export** (PxWeb): perhaps a title line, then a header of the
  stub variables' names (`region`, `kön`, `tabellinnehåll`, `månad`) and
  one column per combination of the heading variables (`Sjukpenning
  2020M01`), or everything in the stub and one value column. Comma,
  semicolon or tab; UTF-8 or ISO-8859-1, which SCB sends; decimal point (a
  decimal comma too when the separator is not a comma).

Contents are recognised by their labels, never by SCB's opaque content
codes, tolerant of case, hyphens and spaces. The six ersättningsformer and
folkmängd 20–64 år are kept; SCB's Summa and Andel are not (Finsam computes
them from the six, DOMAIN.md §5), nor other age groups than 20–64 år.

Time is `2020` (a year) or `2020M01` (a month). A year of months is stored
as the mean of the months that have a figure, with their number, so a year
with fewer than twelve is flagged.
"""

import csv
import io
import itertools
import json
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cache, partial

from django.core.exceptions import ValidationError

from finsam.filtext import avkoda, for_stor
from finsam.kodlistor import Ersattningsform, SCBKon
from scb.models import MANADER_PER_AR

MAX_STORLEK = 50 * 1024 * 1024
FYRA_DECIMALER = Decimal("0.0001")
# A varde has 14 digits, 4 of them decimals.
STORSTA_VARDE = Decimal(10) ** 10
STORSTA_FOLKMANGD = 2**31 - 1

# What a cell's contents are, besides one of the six forms.
FOLKMANGD = "folkmangd"
EJ_LAGRAD = "ej_lagrad"  # SCB's Summa (and Andel): Finsam computes them
ANDEL = "andel"  # not stored whatever form it is listed under
MATT = "matt"  # "Helårsekvivalenter" as the measure, the form being elsewhere

# Each form's labels, compacted (see `_kompakt`). The misspelt one is a
# label SCB's table has been seen with.
FORMER: dict[str, str] = {
    "sjukpenning": Ersattningsform.SJUKPENNING,
    "sjukochrehabiliteringspenning": Ersattningsform.SJUKPENNING,
    "sjukochaktivitetsersattning": Ersattningsform.SJUK_OCH_AKTIVITETSERSATTNING,
    "sjukochaktivitetsersersattning": Ersattningsform.SJUK_OCH_AKTIVITETSERSATTNING,
    "sjukersattningochaktivitetsersattning": Ersattningsform.SJUK_OCH_AKTIVITETSERSATTNING,
    "arbetsloshet": Ersattningsform.ARBETSLOSHET,
    "arbetsloshetsersattning": Ersattningsform.ARBETSLOSHET,
    "arbetsmarknadsatgarder": Ersattningsform.ARBETSMARKNADSATGARDER,
    "arbetsmarknadspolitiskaatgarder": Ersattningsform.ARBETSMARKNADSATGARDER,
    "ekonomisktbistand": Ersattningsform.EKONOMISKT_BISTAND,
    "etableringsersattning": Ersattningsform.ETABLERINGSERSATTNING,
}
# SCB's codes for kön; its labels are tried first.
KONSKODER = {"1": SCBKon.MAN, "2": SCBKon.KVINNOR, "1+2": SCBKon.TOTALT}
# The symbols SCB writes where it has no figure.
SAKNAS = frozenset({"", "..", "...", ".", "-", "–", ":", "x", "X"})

# A dimension's role, from its id or label (compacted).
ROLLER: dict[str, str] = {
    "region": "region",
    "kommun": "region",
    "kon": "kon",
    "alder": "alder",
    "aldersgrupp": "alder",
    "contentscode": "innehall",
    "tabellinnehall": "innehall",
    "innehall": "innehall",
    "ersattningsform": "innehall",
    "ersattning": "innehall",
    "tid": "tid",
    "ar": "tid",
    "manad": "tid",
    "period": "tid",
}
ROLLNAMN = {
    "region": "region",
    "kon": "kön",
    "alder": "ålder",
    "innehall": "tabellinnehåll (ersättningsform)",
    "tid": "tid (år eller månad)",
}

_TID = re.compile(r"(\d{4})(?:M(\d{2}))?")
_REGION = re.compile(r"(\d{4}|\d{2})(?:\s+-\s+|\s+)(.+)")
_REGIONKOD = re.compile(r"\d{4}|\d{2}")
_KOD_OCH_TEXT = re.compile(r"(\S+) - (.+)")  # PxWeb's "UseCodesAndTexts": "1980 - Västerås"
_ALDER = re.compile(r"\d{2}\s*[-–—]\s*\d{2}\s*år", re.IGNORECASE)
_ALDER_20_64 = re.compile(r"20\s*[-–—]\s*64")
_RUBRIK_TID = re.compile(
    r"(?:(?P<fore>\d{4}(?:M\d{2})?)\s+(?P<text1>.+)|(?P<text2>.+?)\s+(?P<efter>\d{4}(?:M\d{2})?))"
)
_TAL = re.compile(r"[-+]?\d+(?:[.,]\d+)?")


@dataclass(frozen=True)
class Helarsekvivalentrad:
    region: str
    ar: int
    kon: str
    ersattningsform: str
    varde: Decimal
    # Months averaged; None for a yearly figure.
    manader: int | None


@dataclass(frozen=True)
class Folkmangdrad:
    region: str
    ar: int
    kon: str
    antal: int


@dataclass(frozen=True)
class Scblasning:
    helarsekvivalenter: tuple[Helarsekvivalentrad, ...]
    folkmangd: tuple[Folkmangdrad, ...]
    # Each region's name as the file gives it ("" where it gives only the code).
    regioner: dict[str, str]
    # Cells SCB marks as missing (`..`, `-`, null): not stored.
    saknade: int
    # Figures of SCB's Summa and Andel and of other age groups: not stored.
    ej_lagrade: int
    manadsdata: bool

    @property
    def ofullstandiga(self) -> dict[int, int]:
        """Per year, how many of its figures average fewer than twelve months."""
        per_ar: Counter[int] = Counter()
        for rad in self.helarsekvivalenter:
            if rad.manader is not None and rad.manader < MANADER_PER_AR:
                per_ar[rad.ar] += 1
        return dict(sorted(per_ar.items()))


def las_scb(innehall: bytes, filnamn: str = "") -> Scblasning:
    """The rows of an SCB file of helårsekvivalenter, JSON-stat2 or CSV."""
    if len(innehall) > MAX_STORLEK:
        raise ValidationError(for_stor(len(innehall), MAX_STORLEK))
    andelse = filnamn.rsplit(".", 1)[-1].lower() if "." in filnamn else ""
    if andelse in ("xlsx", "xls") or innehall.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise ValidationError(
            "Excel-filer kan inte läsas. Hämta tabellen från SCB som JSON-stat2 eller CSV."
        )
    text = _avkoda(innehall)
    if not text.strip():
        raise ValidationError("Filen är tom.")
    start = text.lstrip()
    if start.startswith(("CHARSET", "AXIS-VERSION")) or andelse == "px":
        raise ValidationError(
            "PC-Axis-filer (.px) kan inte läsas. Hämta tabellen från SCB som JSON-stat2 eller CSV."
        )
    samlare = _Samlare()
    if start.startswith(("{", "[")):
        _las_jsonstat(start, samlare)
    else:
        _las_csv(text, samlare)
    return samlare.lasning()


# --- Text


def _avkoda(innehall: bytes) -> str:
    return avkoda(
        innehall,
        kodningar=("utf-8-sig", "cp1252", "latin-1"),
        fel=(
            "Filen kunde inte läsas som text. Den är kanske inte en JSON- eller CSV-fil från "
            "SCB, eller så är den skadad."
        ),
    )


def _kompakt(text: str) -> str:
    """Casefolded, without accents, and only letters, digits and +: "Sjuk- och X" ~ "sjuk och x"."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(t for t in text if (t.isalnum() and t.isascii()) or t == "+")


# --- What a label means


def dimensionsroll(*namn: str) -> str | None:
    """The role of a dimension or column from its id or label, or None."""
    for n in namn:
        if roll := ROLLER.get(_kompakt(n)):
            return roll
    return None


def klassa_innehall(etikett: str) -> str | None:
    """One of the six forms, FOLKMANGD, EJ_LAGRAD (Summa), ANDEL, MATT, or None if unknown."""
    text = _KOD_OCH_TEXT.fullmatch(etikett.strip())
    text = text[2] if text else etikett
    # "Sjukpenning, antal", "Folkmängd 20-64 år (personer)": the form is what comes first.
    text = re.sub(r"\(.*?\)", " ", text).split(",")[0]
    k = _kompakt(_ALDER.sub(" ", text))
    if not k:
        return None
    if k.startswith("andel"):
        return ANDEL
    if k.startswith(("folkmangd", "befolkning")):
        return FOLKMANGD
    if k.startswith("summa") or "totalt" in k or k.startswith("samtliga"):
        return EJ_LAGRAD
    if k in FORMER:
        return FORMER[k]
    if "helarsekvivalent" in k:
        return MATT
    return None


def klassa_kon(kod: str, etikett: str) -> str | None:
    k = _kompakt(etikett)
    if "totalt" in k or ("man" in k and "kvinn" in k) or k in ("badakonen", "samtliga", "alla"):
        return SCBKon.TOTALT
    if k.startswith("kvinn"):
        return SCBKon.KVINNOR
    if k == "man":  # "män", compacted
        return SCBKon.MAN
    return KONSKODER.get(kod.strip()) or KONSKODER.get(etikett.strip())


def las_tid(text: str) -> tuple[int, int | None]:
    """`2020` → (2020, None), `2020M01` → (2020, 1)."""
    m = _TID.fullmatch(text.strip())
    if m is None or (m[2] is not None and not 1 <= int(m[2]) <= MANADER_PER_AR):
        raise ValidationError(
            f"Tiden ”{text}” känns inte igen. Filen ska ha år (2020) eller månader (2020M01)."
        )
    return int(m[1]), int(m[2]) if m[2] else None


def las_region(kod: str, etikett: str) -> tuple[str, str]:
    """A region's SCB code and name: key `1980` with label "1980 Västerås" or "Västerås"."""
    etikett = etikett.strip()
    m = _REGION.fullmatch(etikett)
    if _REGIONKOD.fullmatch(kod.strip()):
        kod = kod.strip()
        namn = m[2] if m and m[1] == kod else ("" if etikett == kod else etikett)
    elif m:
        kod, namn = m[1], m[2]
    elif _REGIONKOD.fullmatch(etikett):
        kod, namn = etikett, ""
    elif _kompakt(etikett) == "riket":
        kod, namn = "00", etikett
    else:
        raise ValidationError(
            f"Regionen ”{etikett or kod}” har ingen kommunkod (fyra siffror), länskod (två) "
            "eller rikets kod 00. Hämta tabellen med regionernas koder."
        )
    return kod, namn.strip()


def _alder_ar_20_64(etikett: str) -> bool:
    return bool(_ALDER_20_64.search(etikett))


def _las_varde(varde, plats: Callable[[], str]) -> Decimal | None:
    """A cell's figure; None where SCB marks it missing. `plats` says where, for a message."""
    if varde is None:
        return None
    tal = None
    if isinstance(varde, int | Decimal) and not isinstance(varde, bool):
        tal = Decimal(varde)
    elif isinstance(varde, float) and math.isfinite(varde):
        tal = Decimal(repr(varde))
    elif isinstance(varde, str):
        text = re.sub(r"\s", "", varde).replace("\u2212", "-")
        if text in SAKNAS:
            return None
        if _TAL.fullmatch(text):
            tal = Decimal(text.replace(",", "."))
    if tal is None:
        raise ValidationError(f"Värdet ”{varde}” {plats()} är inget tal.")
    if tal < 0:
        raise ValidationError(f"Värdet {_text(tal)} {plats()} är negativt.")
    return tal


def _text(tal: Decimal) -> str:
    return format(tal, "f").replace(".", ",")


# --- Collecting the cells


@dataclass(frozen=True)
class _Kategori:
    """A category of a dimension, read once: the cells of its slice share it."""

    kod: str
    etikett: str
    varde: object  # what it means for the dimension's role
    lagras: bool = True


class _Samlare:
    """The cells of a file, by key, checked for duplicates; then the rows to store."""

    def __init__(self) -> None:
        self.varden: dict[tuple, Decimal] = {}
        self.regioner: dict[str, str] = {}
        self.saknade = 0
        self.ej_lagrade = 0

    def lagg_till(
        self,
        region: tuple[str, str],
        tid: tuple[int, int | None],
        kon: str,
        innehall: str,
        varde: Decimal | None,
    ) -> None:
        if innehall == EJ_LAGRAD:
            if varde is not None:
                self.ej_lagrade += 1
            return
        if varde is None:
            self.saknade += 1
            return
        kod, namn = region
        if namn or kod not in self.regioner:
            self.regioner[kod] = namn
        nyckel = (kod, *tid, kon, innehall)
        tidigare = self.varden.setdefault(nyckel, varde)
        if tidigare != varde:
            raise ValidationError(
                f"Filen har två olika värden för {_beskriv(nyckel)}: "
                f"{_text(tidigare)} och {_text(varde)}."
            )

    def lasning(self) -> Scblasning:
        if not self.varden:
            raise ValidationError(
                "Filen innehåller inga helårsekvivalenter eller folkmängd 20–64 år att importera"
                + (
                    f" ({self.saknade} {'värde' if self.saknade == 1 else 'värden'} saknas)."
                    if self.saknade
                    else "."
                )
            )
        manader = {nyckel[2] is not None for nyckel in self.varden}
        if len(manader) > 1:
            raise ValidationError(
                "Filen blandar år (2020) och månader (2020M01). Importera dem i var sin fil."
            )
        manadsdata = manader == {True}
        per_ar: dict[tuple, list[Decimal]] = defaultdict(list)
        for (region, ar, _manad, kon, innehall), varde in self.varden.items():
            per_ar[(region, ar, kon, innehall)].append(varde)
        hek, folk = [], []
        for (region, ar, kon, innehall), varden in per_ar.items():
            medel = sum(varden) / len(varden)
            if innehall == FOLKMANGD:
                folk.append(Folkmangdrad(region, ar, kon, _antal(medel, manadsdata, region, ar)))
                continue
            if medel >= STORSTA_VARDE:
                raise ValidationError(
                    f"Värdet {_text(medel)} för {_beskriv((region, ar, None, kon, innehall))} "
                    "är orimligt stort."
                )
            hek.append(
                Helarsekvivalentrad(
                    region,
                    ar,
                    kon,
                    innehall,
                    medel.quantize(FYRA_DECIMALER, rounding=ROUND_HALF_UP),
                    len(varden) if manadsdata else None,
                )
            )
        return Scblasning(
            helarsekvivalenter=tuple(hek),
            folkmangd=tuple(folk),
            regioner=self.regioner,
            saknade=self.saknade,
            ej_lagrade=self.ej_lagrade,
            manadsdata=manadsdata,
        )


def _antal(medel: Decimal, manadsdata: bool, region: str, ar: int) -> int:
    antal = medel.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    # A year's folkmängd is a count; only a mean of months may need rounding.
    if not manadsdata and antal != medel:
        raise ValidationError(f"Folkmängden {_text(medel)} för {region} {ar} är inget heltal.")
    if antal > STORSTA_FOLKMANGD:
        raise ValidationError(f"Folkmängden {_text(medel)} för {region} {ar} är orimligt stor.")
    return int(antal)


def _beskriv(nyckel: tuple) -> str:
    region, ar, manad, kon, innehall = nyckel
    tid = f"{ar}M{manad:02d}" if manad else str(ar)
    if innehall in Ersattningsform.values:
        vad = Ersattningsform(innehall).label.lower()
    else:
        vad = "folkmängd" if innehall == FOLKMANGD else "summa eller andel"
    return f"region {region}, {tid}, {SCBKon(kon).label.lower()}, {vad}"


def _beskriv_cell(region: tuple[str, str], tid: tuple, kon: str, innehall: str) -> str:
    return f"för {_beskriv((region[0], *tid, kon, innehall))}"


def _pa_rad(nummer: int, kolumn: str) -> str:
    return f"på rad {nummer}, kolumnen ”{kolumn}”"


def _kategorier(roll: str, namn: str, koder_etiketter: list[tuple[str, str]]) -> list[_Kategori]:
    """The categories of a dimension with what they mean for its role; errors name `namn`."""
    if roll == "region":
        return [_Kategori(k, e, las_region(k, e)) for k, e in koder_etiketter]
    if roll == "tid":
        return [_Kategori(k, e, las_tid(k if _TID.fullmatch(k) else e)) for k, e in koder_etiketter]
    if roll == "kon":
        return [_Kategori(k, e, _kon(k, e)) for k, e in koder_etiketter]
    if roll == "alder":
        kategorier = [
            _Kategori(k, e, None, lagras=_alder_ar_20_64(e) or _alder_ar_20_64(k))
            for k, e in koder_etiketter
        ]
        if not any(k.lagras for k in kategorier):
            raise ValidationError(
                "Filen har inga uppgifter för åldern 20–64 år (bara "
                + ", ".join(k.etikett for k in kategorier)
                + ")."
            )
        return kategorier
    kategorier = []
    for kod, etikett in koder_etiketter:
        klass = klassa_innehall(etikett)
        if klass is None:
            raise ValidationError(okant_innehall(etikett, namn))
        kategorier.append(_Kategori(kod, etikett, klass))
    return kategorier


def _kon(kod: str, etikett: str) -> str:
    kon = klassa_kon(kod, etikett)
    if kon is None:
        raise ValidationError(
            f"Könet ”{etikett}” känns inte igen. Filen ska ha män, kvinnor och totalt "
            "(SCB:s koder 1, 2 och 1+2)."
        )
    return kon


def okant_innehall(etikett: str, namn: str) -> str:
    kanda = ", ".join(Ersattningsform.labels)
    return (
        f"”{etikett}” i {namn} är ingen ersättningsform som importen känner igen. "
        f"Kända: {kanda}, samt Folkmängd 20–64 år och SCB:s Summa och Andel (som inte lagras)."
    )


def _krav_roller(roller: list[str]) -> None:
    for roll in ("region", "innehall", "tid"):
        if roll not in roller:
            raise ValidationError(
                f"Filen saknar {ROLLNAMN[roll]}. Hämta tabellen HE0000T02N2 (TAB1386) med region, "
                "kön, tabellinnehåll och tid."
            )
    for roll in ("region", "kon", "alder", "tid"):
        if roller.count(roll) > 1:
            raise ValidationError(f"Filen har {ROLLNAMN[roll]} mer än en gång.")


@cache
def _innehall(klasser: tuple[str, ...]) -> str:
    """What a cell holds from its contents dimensions' labels (a form may sit beside the measure).

    Andel and folkmängd are the measure whatever form they are listed under
    (folkmängd under "Totalt" too); then Summa; otherwise the form.
    "Helårsekvivalenter" alone names no form.
    """
    if ANDEL in klasser:
        return EJ_LAGRAD
    for klass in (FOLKMANGD, EJ_LAGRAD):
        if klass in klasser:
            return klass
    former = {k for k in klasser if k != MATT}
    if len(former) != 1:
        raise ValidationError(
            "Filen anger inte vilken ersättningsform värdena gäller."
            if not former
            else "Filen anger två olika ersättningsformer för samma värde."
        )
    return former.pop()


def _cellnyckel(roller: list[str]) -> Callable[[tuple[_Kategori, ...]], tuple]:
    """A cell's region, tid, kön and contents from its categories (one per dimension, in `roller`).

    The positions are found once: a national file has a million cells.
    """
    region, tid = roller.index("region"), roller.index("tid")
    kon = roller.index("kon") if "kon" in roller else None
    alder = roller.index("alder") if "alder" in roller else None
    innehall = [i for i, r in enumerate(roller) if r == "innehall"]

    def nyckel(kategorier: tuple[_Kategori, ...]) -> tuple:
        if alder is not None and not kategorier[alder].lagras:  # another age group
            vad = EJ_LAGRAD
        else:
            vad = _innehall(tuple(kategorier[i].varde for i in innehall))
        return (
            kategorier[region].varde,
            kategorier[tid].varde,
            # A file without kön is SCB's total (the dimension eliminated).
            SCBKon.TOTALT if kon is None else kategorier[kon].varde,
            vad,
        )

    return nyckel


# --- JSON-stat2


def _las_jsonstat(text: str, samlare: _Samlare) -> None:
    try:
        data = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as fel:
        raise ValidationError(
            f"Filen kunde inte läsas som JSON (rad {fel.lineno}, tecken {fel.colno}). "
            "Den kan vara ofullständig eller skadad."
        ) from fel
    except RecursionError as fel:
        raise ValidationError("Filen kunde inte läsas som JSON: den är för djupt nästlad.") from fel
    if not isinstance(data, dict) or data.get("class") != "dataset":
        raise ValidationError(
            "Filen är inget JSON-stat2-dataset (”class”: ”dataset” saknas). Hämta tabellen från "
            "SCB:s PxWebApi v2 i formatet json-stat2."
        )
    ids, storlek, dimensioner = data.get("id"), data.get("size"), data.get("dimension")
    if (
        not isinstance(ids, list)
        or not isinstance(storlek, list)
        or not isinstance(dimensioner, dict)
        or len(ids) != len(storlek)
        or not all(isinstance(i, str) and i in dimensioner for i in ids)
        or not all(isinstance(s, int) and not isinstance(s, bool) and s > 0 for s in storlek)
    ):
        raise ValidationError(
            "JSON-stat-filen har fel form: ”id”, ”size” och ”dimension” hör inte ihop."
        )
    antal = math.prod(storlek)
    varden = _jsonstat_varden(data.get("value"), antal)

    roll_i_fil = data.get("role") if isinstance(data.get("role"), dict) else {}
    roller: list[str] = []
    # Per dimension its categories; None for one that does not split the figures.
    per_dim: list[list[_Kategori] | None] = [None] * len(ids)
    for dim_id, dim_storlek in zip(ids, storlek, strict=True):
        dim = dimensioner[dim_id]
        namn = str(dim.get("label") or dim_id) if isinstance(dim, dict) else dim_id
        koder_etiketter = _jsonstat_kategorier(dim, dim_id, dim_storlek)
        roll = dimensionsroll(dim_id, namn)
        if roll is None:
            if dim_id in (roll_i_fil.get("time") or ()):
                roll = "tid"
            elif dim_id in (roll_i_fil.get("metric") or ()):
                roll = "innehall"
            elif dim_id in (roll_i_fil.get("geo") or ()):
                roll = "region"
        if roll is None:
            if dim_storlek > 1:
                raise ValidationError(
                    f"Filen har dimensionen ”{namn}” med {dim_storlek} värden, som importen inte "
                    "känner igen. Hämta tabellen med region, kön, ålder, tabellinnehåll och tid."
                )
            continue  # one category: it does not split the figures
        roller.append(roll)
        per_dim[ids.index(dim_id)] = _kategorier(roll, f"”{namn}”", koder_etiketter)
    _krav_roller(roller)

    # The cells in row-major order (the last dimension fastest), as `product` yields them;
    # a dimension left out has one category, so the order is the same without it.
    nyckel = _cellnyckel(roller)
    kategorier = itertools.product(*[kat for kat in per_dim if kat is not None])
    for kombination, varde in zip(kategorier, varden, strict=True):
        region, tid, kon, innehall = nyckel(kombination)
        plats = partial(_beskriv_cell, region, tid, kon, innehall)
        samlare.lagg_till(region, tid, kon, innehall, _las_varde(varde, plats))


def _jsonstat_varden(varden, antal: int) -> list:
    if isinstance(varden, list):
        if len(varden) != antal:
            raise ValidationError(
                f"JSON-stat-filen har {len(varden)} värden men dimensionerna (”size”) ger "
                f"{antal}. Filen kan vara ofullständig."
            )
        return varden
    if isinstance(varden, dict):  # JSON-stat's sparse form: {"index": value}
        lista: list = [None] * antal
        for nyckel, varde in varden.items():
            if not (nyckel.isdigit() and int(nyckel) < antal):
                raise ValidationError(
                    f"JSON-stat-filen har ett värde på plats {nyckel}, utanför dimensionerna."
                )
            lista[int(nyckel)] = varde
        return lista
    raise ValidationError("JSON-stat-filen saknar värden (”value”).")


def _jsonstat_kategorier(dim, dim_id: str, storlek: int) -> list[tuple[str, str]]:
    """A dimension's (code, label) in index order, checked against its size."""
    fel = ValidationError(
        f"JSON-stat-filens dimension ”{dim_id}” har fel form: kategoriernas index stämmer inte "
        "med ”size”."
    )
    kategori = dim.get("category") if isinstance(dim, dict) else None
    if not isinstance(kategori, dict):
        raise fel
    index, etiketter = kategori.get("index"), kategori.get("label") or {}
    if not isinstance(etiketter, dict):
        raise fel
    if index is None and len(etiketter) == 1:
        koder = list(etiketter)
    elif isinstance(index, list):
        koder = index
    elif isinstance(index, dict):
        platser = sorted(index.items(), key=lambda kv: kv[1])
        if [p for _, p in platser] != list(range(len(platser))):
            raise fel
        koder = [k for k, _ in platser]
    else:
        raise fel
    if len(koder) != storlek or len(set(koder)) != len(koder):
        raise fel
    return [(str(k), str(etiketter.get(k, k))) for k in koder]


# --- CSV


def _las_csv(text: str, samlare: _Samlare) -> None:
    rader = _csv_rader(text)
    huvudrad, huvud, data = _csv_huvud(rader)
    roller: list[str] = []
    stub: list[tuple[int, str, str]] = []
    vardekolumner: list[tuple[int, str]] = []
    for i, rubrik in enumerate(huvud):
        roll = dimensionsroll(rubrik)
        if roll is None:
            vardekolumner.append((i, rubrik))
        else:
            stub.append((i, roll, rubrik))
            roller.append(roll)
    stubroller = set(roller)
    if not vardekolumner:
        raise ValidationError(
            "Filen har inga kolumner med värden. SCB:s CSV ska ha kolumner för region, kön, "
            "tabellinnehåll och tid (till exempel ”Sjukpenning 2020”)."
        )
    # Each value column's own part of the key: its contents and/or its time.
    kolumner: list[tuple[int, tuple[_Kategori, ...]]] = []
    if {"innehall", "tid"} <= stubroller:
        if len(vardekolumner) > 1:
            raise ValidationError(_okanda_kolumner([r for _, r in vardekolumner[:-1]]))
        kolumner.append((vardekolumner[0][0], ()))
    else:
        egna = [r for r in ("innehall", "tid") if r not in stubroller]
        roller.extend(egna)
        for i, rubrik in vardekolumner:
            kolumner.append((i, _csv_kolumn(rubrik, egna)))
    _krav_roller(roller)
    nyckel = _cellnyckel(roller)

    tolkade: dict[tuple[str, str], _Kategori] = {}
    for nummer, celler in data:
        if len(celler) != len(huvud):
            raise ValidationError(
                f"Rad {nummer} har {len(celler)} kolumner men rubrikraden (rad {huvudrad}) har "
                f"{len(huvud)}. Filen kan vara ofullständig."
            )
        radens = []
        for i, roll, rubrik in stub:
            cell = celler[i].strip()
            kategori = tolkade.get((roll, cell))
            if kategori is None:
                kod, etikett = _kod_och_text(cell, roll)
                kategori = _kategorier(roll, f"kolumnen ”{rubrik}”", [(kod, etikett)])[0]
                tolkade[(roll, cell)] = kategori
            radens.append(kategori)
        for i, egna in kolumner:
            region, tid, kon, innehall = nyckel((*radens, *egna))
            varde = _las_varde(celler[i], partial(_pa_rad, nummer, huvud[i]))
            samlare.lagg_till(region, tid, kon, innehall, varde)


def _csv_rader(text: str) -> list[tuple[int, list[str]]]:
    """The rows with their line numbers, split on the separator the file uses.

    The first separator that splits the header and the rows after it into
    the same number of columns wins; semicolon and tab first, since a
    decimal comma splits rows on comma too.
    """
    bast, bast_poang, citatfel = None, (0, 0), None
    for avgransare in (";", "\t", ","):
        try:
            rader = _dela(text, avgransare)
        except csv.Error as fel:  # a quote is not closed, or the separator is another
            citatfel = citatfel or fel
            continue
        bredder = Counter(len(c) for _, c in rader[:50] if len(c) > 1)
        if len(bredder) == 1:
            return rader
        if bredder:
            bredd, antal = bredder.most_common(1)[0]
            if (antal, bredd) > bast_poang:
                bast, bast_poang = rader, (antal, bredd)
    if bast is not None:
        return bast
    if citatfel is not None:
        raise ValidationError(
            'Filen kunde inte läsas som CSV: ett citattecken (") avslutas inte rätt. '
            "Filen kan vara ofullständig."
        ) from citatfel
    raise ValidationError(
        "Filen kunde inte läsas som CSV: den har bara en kolumn. Kolumnerna ska vara åtskilda "
        "med komma, semikolon eller tabb."
    )


def _dela(text: str, avgransare: str) -> list[tuple[int, list[str]]]:
    lasare = csv.reader(io.StringIO(text, newline=""), delimiter=avgransare, strict=True)
    return [(lasare.line_num, celler) for celler in lasare]


def _csv_huvud(rader) -> tuple[int, list[str], list[tuple[int, list[str]]]]:
    """The header (the first row of several columns, after any title) and the rows after it.

    The data end at the first blank row; after it SCB may add footnotes, one
    column each, but no more values.
    """
    start = next(i for i, (_, celler) in enumerate(rader) if len(celler) > 1)
    huvudrad, huvud = rader[start]
    data: list[tuple[int, list[str]]] = []
    efter_data = False
    for nummer, celler in rader[start + 1 :]:
        if not "".join(celler).strip():
            efter_data = efter_data or bool(data)
        elif not efter_data:
            data.append((nummer, celler))
        elif len(celler) > 1:
            raise ValidationError(
                f"Filen har värden på rad {nummer}, efter en tom rad. Ta bort den tomma raden."
            )
    if not data:
        raise ValidationError("Filen har bara en rubrikrad och inga värden.")
    return huvudrad, [h.strip() for h in huvud], data


def _kod_och_text(cell: str, roll: str) -> tuple[str, str]:
    """A stub cell as (code, label): "1980 - Västerås" with codes and texts, else the cell twice."""
    if m := _KOD_OCH_TEXT.fullmatch(cell):
        if roll == "tid":
            return m[1], m[1]
        return m[1], m[2] if roll != "region" else f"{m[1]} {m[2]}"
    return cell, cell


def _csv_kolumn(rubrik: str, egna: list[str]) -> tuple[_Kategori, ...]:
    """A value column's contents and/or time from its header ("Sjukpenning 2020")."""
    namn = f"kolumnen ”{rubrik}”"
    if egna == ["tid"]:
        if not _TID.fullmatch(rubrik):
            raise ValidationError(_okanda_kolumner([rubrik]))
        return tuple(_kategorier("tid", namn, [(rubrik, rubrik)]))
    if egna == ["innehall"]:
        return tuple(_kategorier("innehall", namn, [(rubrik, rubrik)]))
    m = _RUBRIK_TID.fullmatch(rubrik)
    if m is None:
        raise ValidationError(_okanda_kolumner([rubrik]))
    tid, etikett = (m["fore"], m["text1"]) if m["fore"] else (m["efter"], m["text2"])
    return (
        *_kategorier("innehall", namn, [(etikett, etikett)]),
        *_kategorier("tid", namn, [(tid, tid)]),
    )


def _okanda_kolumner(rubriker: list[str]) -> str:
    return (
        "Kolumnen "
        + ", ".join(f"”{r}”" for r in rubriker)
        + " känns inte igen. SCB:s CSV ska ha kolumner för region, kön, tabellinnehåll och tid "
        "(till exempel ”Sjukpenning 2020”)."
    )
