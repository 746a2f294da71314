"""What SCB's labels and codes mean: the ersättningsformer, folkmängd, kön, region, ålder and tid.

Contents are recognised by their labels, never by SCB's opaque content
codes, tolerant of case, hyphens and spaces. The six ersättningsformer and
folkmängd 20–64 år are kept; SCB's Summa and Andel are not (Finsam computes
them from the six, DOMAIN.md §5), nor other age groups than 20–64 år.

A dimension (JSON-stat) or column (CSV) gets a role from its name, each of
its categories what it means for that role, and a cell its key (region,
tid, kön, contents) from its categories: both readers share this.
"""

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from django.core.exceptions import ValidationError

from finsam.kodlistor import Ersattningsform, SCBKon
from scb.models import MANADER_PER_AR

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

TID = re.compile(r"(\d{4})(?:M(\d{2}))?")
_REGION = re.compile(r"(\d{4}|\d{2})(?:\s+-\s+|\s+)(.+)")
_REGIONKOD = re.compile(r"\d{4}|\d{2}")
KOD_OCH_TEXT = re.compile(r"(\S+) - (.+)")  # PxWeb's "UseCodesAndTexts": "1980 - Västerås"
_ALDER = re.compile(r"\d{2}\s*[-–—]\s*\d{2}\s*år", re.IGNORECASE)
_ALDER_20_64 = re.compile(r"20\s*[-–—]\s*64")


def _kompakt(text: str) -> str:
    """Casefolded, without accents, and only letters, digits and +: "Sjuk- och X" ~ "sjuk och x"."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(t for t in text if (t.isalnum() and t.isascii()) or t == "+")


def dimensionsroll(*namn: str) -> str | None:
    """The role of a dimension or column from its id or label, or None."""
    for n in namn:
        if roll := ROLLER.get(_kompakt(n)):
            return roll
    return None


def klassa_innehall(etikett: str) -> str | None:
    """One of the six forms, FOLKMANGD, EJ_LAGRAD (Summa), ANDEL, MATT, or None if unknown."""
    text = KOD_OCH_TEXT.fullmatch(etikett.strip())
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
    m = TID.fullmatch(text.strip())
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


@dataclass(frozen=True)
class Kategori:
    """A category of a dimension, read once: the cells of its slice share it."""

    kod: str
    etikett: str
    varde: object  # what it means for the dimension's role
    lagras: bool = True


def las_kategorier(roll: str, namn: str, koder_etiketter: list[tuple[str, str]]) -> list[Kategori]:
    """The categories of a dimension with what they mean for its role; errors name `namn`."""
    if roll == "region":
        return [Kategori(k, e, las_region(k, e)) for k, e in koder_etiketter]
    if roll == "tid":
        return [Kategori(k, e, las_tid(k if TID.fullmatch(k) else e)) for k, e in koder_etiketter]
    if roll == "kon":
        return [Kategori(k, e, _kon(k, e)) for k, e in koder_etiketter]
    if roll == "alder":
        kategorier = [
            Kategori(k, e, None, lagras=_alder_ar_20_64(e) or _alder_ar_20_64(k))
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
        kategorier.append(Kategori(kod, etikett, klass))
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


def krav_roller(roller: list[str]) -> None:
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


def cellnyckel(roller: list[str]) -> Callable[[tuple[Kategori, ...]], tuple]:
    """A cell's region, tid, kön and contents from its categories (one per dimension, in `roller`).

    The positions are found once: a national file has a million cells.
    """
    region, tid = roller.index("region"), roller.index("tid")
    kon = roller.index("kon") if "kon" in roller else None
    alder = roller.index("alder") if "alder" in roller else None
    innehall = [i for i, r in enumerate(roller) if r == "innehall"]

    def nyckel(kategorier: tuple[Kategori, ...]) -> tuple:
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
