"""A questionnaire as an XLSForm, or the same sheets in one CSV: read one in, write one out.

XLSForm (xlsform.org) is the spreadsheet format questionnaire tools share,
so a förbund that holds a licence for the national wording loads it itself.
Finsam reads the part it can answer and refuses the rest with the row:

- `survey`: `type` (`select_one <lista>`, `select_multiple <lista>`, `text`),
  `name`, `label` (Swedish), `label::lattlast` (lättläst Swedish),
  `label::<Språk> (<kod>)` for other languages, and `relevant` in the one
  simple form `${fråga} = 'alternativ'` or `selected(${fråga}, 'alternativ')`;
- `choices`: `list_name`, `name`, the same labels, and `varde` (`positiv`,
  `negativ` or `ej_aktuellt`), Finsam's own column;
- `settings`: `form_title` and `form_id` (the questionnaire's kod);
- `indikatorer`, Finsam's own sheet: `name`, `label`, `positiva`
  (`fråga/alternativ` apart by spaces), `extern_kod`, `jamforelse`
  and `jamforelse_kalla`.

The CSV holds the same sheets in one table: its first column, `blad`, names
each row's sheet, and each sheet begins with its own row of column names.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

import openpyxl
from django.core.exceptions import ValidationError

from enkat.models import Enkat, Frageform, Varde
from finsam.export import oskadlig

TYPER = {"select_one": Frageform.SKALA, "select_multiple": Frageform.FLERVAL}
_VILLKOR = (
    re.compile(r"^\$\{(?P<fraga>[\w-]+)\}\s*=\s*'(?P<svar>[\w-]+)'$", re.ASCII),
    re.compile(r"^selected\(\s*\$\{(?P<fraga>[\w-]+)\}\s*,\s*'(?P<svar>[\w-]+)'\s*\)$", re.ASCII),
)
# ASCII, as a kod is a slug: "bemötande" is refused here with its row, not later without.
_KOD = re.compile(r"^[\w-]{1,40}$", re.ASCII)
LATTLAST = "lattlast"
BLADKOLUMN = "blad"


@dataclass
class Alternativ:
    kod: str
    text: str
    varde: str
    text_lattlast: str = ""
    texter: dict[str, str] = field(default_factory=dict)


@dataclass
class Fragedata:
    kod: str
    typ: str
    text: str
    text_lattlast: str = ""
    texter: dict[str, str] = field(default_factory=dict)
    alternativ: list[Alternativ] = field(default_factory=list)
    visa_om: str = ""
    visa_om_svar: str = ""


@dataclass
class Indikatordata:
    kod: str
    namn: str
    positiva: list[tuple[str, str]]
    extern_kod: str = ""
    jamforelse_procent: Decimal | None = None
    jamforelse_kalla: str = ""


@dataclass
class Enkatdata:
    kod: str
    namn: str
    fragor: list[Fragedata]
    indikatorer: list[Indikatordata]


# A questionnaire's sheets: name → its rows, the first naming the columns.
Blad = dict[str, list[list]]


def _rader(blad: Blad, namn: str, krav: bool = True) -> list[tuple[int, dict[str, str]]]:
    """(row number, {column: text}) of a sheet's filled rows; the first row names the columns."""
    if namn not in blad:
        if krav:
            raise ValidationError(f"Filen saknar bladet ”{namn}”.")
        return []
    rader = blad[namn]
    if not rader:
        return []
    kolumner = [str(k or "").strip() for k in rader[0]]
    ut = []
    for nummer, rad in enumerate(rader[1:], start=2):
        # A cell of 0 is a value (a choice named 0), an empty one is not.
        varden = {
            k: str(v).strip()
            for k, v in zip(kolumner, rad, strict=False)
            if k and v is not None and str(v).strip()
        }
        if varden:
            ut.append((nummer, varden))
    return ut


def _las_blad(fil) -> Blad:
    """The sheets of an xlsx, or of a CSV whose first column `blad` names each row's sheet."""
    data = fil.read()
    if data[:2] == b"PK":  # an xlsx is a zip file
        try:
            bok = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as fel:  # openpyxl raises several kinds for a broken file
            raise ValidationError("Filen kan inte läsas som en Excelfil (.xlsx).") from fel
        return {ark.title: [list(r) for r in ark.iter_rows(values_only=True)] for ark in bok}
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as fel:
        raise ValidationError("Filen är varken en Excelfil (.xlsx) eller en CSV i UTF-8.") from fel
    rader = list(
        # Semicolon as a Swedish Excel writes it, else comma; the first row may be `blad` alone.
        csv.reader(
            io.StringIO(text), delimiter=";" if ";" in "".join(text.splitlines()[:2]) else ","
        )
    )
    if not rader or rader[0][:1] != [BLADKOLUMN]:
        raise ValidationError(
            f"En CSV-fil ska börja med kolumnen ”{BLADKOLUMN}” som namnger bladet."
        )
    blad: Blad = {}
    for rad in rader[1:]:
        if rad and rad[0]:
            blad.setdefault(rad[0], []).append(rad[1:])
    return blad


def _texter(rad: dict[str, str]) -> tuple[str, dict[str, str]]:
    """The lättläst label and the other languages' labels of a row."""
    lattlast, andra = "", {}
    for kolumn, text in rad.items():
        if not kolumn.startswith("label::"):
            continue
        sprak = kolumn.removeprefix("label::").strip()
        kod = re.search(r"\(([\w-]+)\)\s*$", sprak)
        sprak = (kod.group(1) if kod else sprak).lower()
        if sprak == LATTLAST:
            lattlast = text
        else:
            andra[sprak] = text
    return lattlast, andra


def _kod(text: str, var: str) -> str:
    if not _KOD.match(text):
        raise ValidationError(
            f"{var}: koden ”{text}” får bara ha bokstäverna a–z, siffror, - och _ "
            "(högst 40 tecken)."
        )
    return text


def las(fil) -> Enkatdata:
    """The questionnaire in an XLSForm file; ValidationError naming the sheet and row."""
    bok = _las_blad(fil)
    installningar = next((rad for _, rad in _rader(bok, "settings", krav=False)), {})
    listor: dict[str, list[Alternativ]] = {}
    for nummer, rad in _rader(bok, "choices"):
        var = f"Bladet choices, rad {nummer}"
        if rad.get("varde") not in Varde.values:
            raise ValidationError(f"{var}: varde ska vara positiv, negativ eller ej_aktuellt.")
        lattlast, texter = _texter(rad)
        listor.setdefault(rad.get("list_name", ""), []).append(
            Alternativ(
                _kod(rad.get("name", ""), var), rad.get("label", ""), rad["varde"], lattlast, texter
            )  # fmt: skip
        )
    fragor: list[Fragedata] = []
    for nummer, rad in _rader(bok, "survey"):
        fragor.append(_fraga(rad, f"Bladet survey, rad {nummer}", listor, fragor))
    if not fragor:
        raise ValidationError("Enkäten har inga frågor.")
    indikatorer = [
        _indikator(rad, f"Bladet indikatorer, rad {nummer}", fragor)
        for nummer, rad in _rader(bok, "indikatorer", krav=False)
    ]
    namn = installningar.get("form_title", "")
    if not namn:
        raise ValidationError("Bladet settings saknar form_title, enkätens namn.")
    return Enkatdata(
        _kod(installningar.get("form_id", ""), "Bladet settings, form_id"), namn, fragor,
        indikatorer,
    )  # fmt: skip


def _fraga(rad: dict, var: str, listor: dict, fore: list[Fragedata]) -> Fragedata:
    typ, _, lista = rad.get("type", "").partition(" ")
    if typ not in (*TYPER, "text"):
        raise ValidationError(
            f"{var}: typen ”{rad.get('type', '')}” stöds inte; använd select_one, "
            "select_multiple eller text."
        )
    if not rad.get("label"):
        raise ValidationError(f"{var}: frågan saknar text (label).")
    lattlast, texter = _texter(rad)
    fraga = Fragedata(
        kod=_kod(rad.get("name", ""), var),
        typ=TYPER.get(typ, Frageform.FRITEXT),
        text=rad["label"],
        text_lattlast=lattlast,
        texter=texter,
    )
    if typ in TYPER:
        if lista.strip() not in listor:
            raise ValidationError(f"{var}: listan ”{lista.strip()}” finns inte på bladet choices.")
        fraga.alternativ = listor[lista.strip()]
    if rad.get("relevant"):
        traff = next((m for r in _VILLKOR if (m := r.match(rad["relevant"]))), None)
        tidigare = {f.kod: f for f in fore}
        if traff is None or traff["fraga"] not in tidigare:
            raise ValidationError(
                f"{var}: villkoret kan inte läsas. Skriv ${{fråga}} = 'alternativ' eller "
                "selected(${fråga}, 'alternativ'), med en fråga som står före."
            )
        if traff["svar"] not in {a.kod for a in tidigare[traff["fraga"]].alternativ}:
            raise ValidationError(f"{var}: villkorets alternativ ”{traff['svar']}” finns inte.")
        fraga.visa_om, fraga.visa_om_svar = traff["fraga"], traff["svar"]
    return fraga


def _indikator(rad: dict, var: str, fragor: list[Fragedata]) -> Indikatordata:
    alternativ = {(f.kod, a.kod) for f in fragor for a in f.alternativ}
    positiva = [tuple(par.partition("/")[::2]) for par in rad.get("positiva", "").split()]
    okanda = [f"{f}/{a}" for f, a in positiva if (f, a) not in alternativ]
    if not positiva or okanda:
        raise ValidationError(
            f"{var}: positiva ska vara fråga/alternativ som finns, åtskilda med mellanslag"
            + (f" (finns inte: {', '.join(okanda)})." if okanda else ".")
        )
    try:
        jamforelse = Decimal(rad["jamforelse"].replace(",", ".")) if "jamforelse" in rad else None
    except InvalidOperation as fel:
        raise ValidationError(f"{var}: jamforelse ska vara en andel i procent.") from fel
    return Indikatordata(
        kod=_kod(rad.get("name", ""), var),
        namn=rad.get("label") or rad.get("name", ""),
        positiva=positiva,
        extern_kod=rad.get("extern_kod", ""),
        jamforelse_procent=jamforelse,
        jamforelse_kalla=rad.get("jamforelse_kalla", ""),
    )


def _blad(enkat: Enkat) -> Blad:
    """The questionnaire as XLSForm's sheets, which `las` reads back to the same."""
    sprak = sorted(
        {s for f in enkat.fragor.all() for s in f.texter}
        | {s for f in enkat.fragor.all() for a in f.alternativ.all() for s in a.texter}
    )
    etiketter = ["label", f"label::{LATTLAST}", *(f"label::{s} ({s})" for s in sprak)]

    def texter(o) -> list[str]:
        return [o.text, o.text_lattlast, *(o.texter.get(s, "") for s in sprak)]

    survey = [["type", "name", *etiketter, "relevant"]]
    choices = [["list_name", "name", *etiketter, "varde"]]
    typer = {v: k for k, v in TYPER.items()}
    for f in enkat.fragor.select_related("visa_om").prefetch_related("alternativ"):
        typ = f"{typer[f.typ]} {f.kod}" if f.typ in typer else "text"
        villkor = f"selected(${{{f.visa_om.kod}}}, '{f.visa_om_svar}')" if f.visa_om else ""
        survey.append([typ, f.kod, *texter(f), villkor])
        choices.extend([f.kod, a.kod, *texter(a), a.varde] for a in f.alternativ.all())
    indikatorer = [["name", "label", "positiva", "extern_kod", "jamforelse", "jamforelse_kalla"]]
    for i in enkat.indikatorer.prefetch_related("positiva__fraga"):
        positiva = " ".join(f"{a.fraga.kod}/{a.kod}" for a in i.positiva.all())
        jamforelse = "" if i.jamforelse_procent is None else str(i.jamforelse_procent)
        indikatorer.append([i.kod, i.namn, positiva, i.extern_kod, jamforelse, i.jamforelse_kalla])
    return {
        "survey": survey,
        "choices": choices,
        "settings": [["form_title", "form_id", "version"], [enkat.namn, enkat.kod, enkat.version]],
        "indikatorer": indikatorer,
    }


def skriv(enkat: Enkat) -> bytes:
    """The questionnaire as an XLSForm file (.xlsx)."""
    bok = openpyxl.Workbook()
    bok.remove(bok.active)
    for namn, rader in _blad(enkat).items():
        ark = bok.create_sheet(namn)
        for rad in rader:
            ark.append([oskadlig(v) for v in rad])
    ut = io.BytesIO()
    bok.save(ut)
    return ut.getvalue()


def skriv_csv(enkat: Enkat) -> bytes:
    """The same sheets in one CSV: the column `blad` names each row's sheet, and each sheet
    starts with its own row of column names."""
    ut = io.StringIO()
    skrivare = csv.writer(ut, delimiter=";", lineterminator="\r\n")
    skrivare.writerow([BLADKOLUMN])
    for namn, rader in _blad(enkat).items():
        for rad in rader:
            skrivare.writerow([namn, *(oskadlig(v) for v in rad)])
    return ut.getvalue().encode("utf-8-sig")
