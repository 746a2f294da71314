"""Reading SCB's CSV export (PxWeb).

Perhaps a title line, then a header of the stub variables' names
(`region`, `kön`, `tabellinnehåll`, `månad`) and one column per
combination of the heading variables (`Sjukpenning 2020M01`), or
everything in the stub and one value column. Comma, semicolon or tab;
UTF-8 or ISO-8859-1, which SCB sends; decimal point (a decimal comma too
when the separator is not a comma).
"""

import csv
import io
import re
from collections import Counter
from functools import partial

from django.core.exceptions import ValidationError

from scb.lasning.insamling import Samlare, las_varde
from scb.lasning.klassificering import (
    KOD_OCH_TEXT,
    TID,
    Kategori,
    cellnyckel,
    dimensionsroll,
    krav_roller,
    las_kategorier,
)

_RUBRIK_TID = re.compile(
    r"(?:(?P<fore>\d{4}(?:M\d{2})?)\s+(?P<text1>.+)|(?P<text2>.+?)\s+(?P<efter>\d{4}(?:M\d{2})?))"
)


def las_csv(text: str, samlare: Samlare) -> None:
    """Hand each value cell of SCB's CSV to `samlare`."""
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
    kolumner: list[tuple[int, tuple[Kategori, ...]]] = []
    if {"innehall", "tid"} <= stubroller:
        if len(vardekolumner) > 1:
            raise ValidationError(_okanda_kolumner([r for _, r in vardekolumner[:-1]]))
        kolumner.append((vardekolumner[0][0], ()))
    else:
        egna = [r for r in ("innehall", "tid") if r not in stubroller]
        roller.extend(egna)
        for i, rubrik in vardekolumner:
            kolumner.append((i, _csv_kolumn(rubrik, egna)))
    krav_roller(roller)
    nyckel = cellnyckel(roller)

    tolkade: dict[tuple[str, str], Kategori] = {}
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
                kategori = las_kategorier(roll, f"kolumnen ”{rubrik}”", [(kod, etikett)])[0]
                tolkade[(roll, cell)] = kategori
            radens.append(kategori)
        for i, egna in kolumner:
            region, tid, kon, innehall = nyckel((*radens, *egna))
            varde = las_varde(celler[i], partial(_pa_rad, nummer, huvud[i]))
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
    if m := KOD_OCH_TEXT.fullmatch(cell):
        if roll == "tid":
            return m[1], m[1]
        return m[1], m[2] if roll != "region" else f"{m[1]} {m[2]}"
    return cell, cell


def _csv_kolumn(rubrik: str, egna: list[str]) -> tuple[Kategori, ...]:
    """A value column's contents and/or time from its header ("Sjukpenning 2020")."""
    namn = f"kolumnen ”{rubrik}”"
    if egna == ["tid"]:
        if not TID.fullmatch(rubrik):
            raise ValidationError(_okanda_kolumner([rubrik]))
        return tuple(las_kategorier("tid", namn, [(rubrik, rubrik)]))
    if egna == ["innehall"]:
        return tuple(las_kategorier("innehall", namn, [(rubrik, rubrik)]))
    m = _RUBRIK_TID.fullmatch(rubrik)
    if m is None:
        raise ValidationError(_okanda_kolumner([rubrik]))
    tid, etikett = (m["fore"], m["text1"]) if m["fore"] else (m["efter"], m["text2"])
    return (
        *las_kategorier("innehall", namn, [(etikett, etikett)]),
        *las_kategorier("tid", namn, [(tid, tid)]),
    )


def _okanda_kolumner(rubriker: list[str]) -> str:
    return (
        "Kolumnen "
        + ", ".join(f"”{r}”" for r in rubriker)
        + " känns inte igen. SCB:s CSV ska ha kolumner för region, kön, tabellinnehåll och tid "
        "(till exempel ”Sjukpenning 2020”)."
    )


def _pa_rad(nummer: int, kolumn: str) -> str:
    return f"på rad {nummer}, kolumnen ”{kolumn}”"
