"""Reading JSON-stat2 as SCB's PxWebApi v2 answers (table TAB1386, HE0000T02N2).

`id` and `size` list the dimensions, `dimension.<id>.category.index`
orders each one's codes and `.label` names them, `value` holds the cells
row-major (the last dimension varies fastest) with null where SCB has no
figure, and `status` gives that cell's symbol (`..`).
"""

import itertools
import json
import math
from decimal import Decimal
from functools import partial

from django.core.exceptions import ValidationError

from scb.lasning.insamling import Samlare, beskriv_cell, las_varde
from scb.lasning.klassificering import (
    Kategori,
    cellnyckel,
    dimensionsroll,
    krav_roller,
    las_kategorier,
)


def las_jsonstat(text: str, samlare: Samlare) -> None:
    """Hand each cell of a JSON-stat2 dataset to `samlare`."""
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
    per_dim: list[list[Kategori] | None] = [None] * len(ids)
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
        per_dim[ids.index(dim_id)] = las_kategorier(roll, f"”{namn}”", koder_etiketter)
    krav_roller(roller)

    # The cells in row-major order (the last dimension fastest), as `product` yields them;
    # a dimension left out has one category, so the order is the same without it.
    nyckel = cellnyckel(roller)
    kategorier = itertools.product(*[kat for kat in per_dim if kat is not None])
    for kombination, varde in zip(kategorier, varden, strict=True):
        region, tid, kon, innehall = nyckel(kombination)
        plats = partial(beskriv_cell, region, tid, kon, innehall)
        samlare.lagg_till(region, tid, kon, innehall, las_varde(varde, plats))


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
