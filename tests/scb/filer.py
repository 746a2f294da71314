"""SCB files built by the tests, in the shapes SCB sends them.

JSON-stat2 as PxWebApi v2 answers: `id` and `size` in the same order,
`dimension.<id>.category.index` (code → position) and `.label`, `value`
row-major with the last dimension fastest and null where SCB has no
figure, `status` (position → symbol) for those, `role` naming time and
metric. CSV as PxWeb exports it: the stub variables' names, then one
column per combination of the heading variables' texts joined by a space
("Sjukpenning 2020"), or all in the stub and one value column.

The table (2020, yearly): Västerås and Surahammar by kön, the six forms,
SCB's Summa (printed rounded) and folkmängd 20–64 år. Surahammar's
printed Summa (748) is not the sum of its rounded parts (127 + 232 + 131
+ 177 + 55 + 25 = 747): the parts are 747,7 unrounded.
"""

import csv
import io
import itertools
import json
from decimal import ROUND_HALF_UP, Decimal

D = Decimal

# SCB labels a region by its name, the code being the category's key.
REGIONER = [("1980", "Västerås"), ("1907", "Surahammar")]
KON = [("1", "män"), ("2", "kvinnor"), ("1+2", "totalt")]
KON_SLUG = {"1": "man", "2": "kvinnor", "1+2": "totalt"}
FORMER = [
    ("sjukpenning", "HE0000A1", "Sjukpenning"),
    ("sjuk_och_aktivitetsersattning", "HE0000A2", "Sjuk- och aktivitetsersättning"),
    ("arbetsloshet", "HE0000A3", "Arbetslöshet"),
    ("arbetsmarknadsatgarder", "HE0000A4", "Arbetsmarknadsåtgärder"),
    ("ekonomiskt_bistand", "HE0000A5", "Ekonomiskt bistånd"),
    ("etableringsersattning", "HE0000A6", "Etableringsersättning"),
]
SUMMA = ("HE0000A7", "Summa helårsekvivalenter")
FOLKMANGD = ("HE0000A8", "Folkmängd 20-64 år")
INNEHALL = [(kod, etikett) for _, kod, etikett in FORMER] + [SUMMA, FOLKMANGD]

# (region, kön) → the six forms (in FORMER's order) and folkmängd.
VARDEN: dict[tuple[str, str], tuple[tuple[Decimal, ...], int]] = {
    (region, kon): (tuple(D(v) for v in former.split()), folkmangd)
    for region, kon, former, folkmangd in [
        ("1980", "1+2", "1905.25 3475.4 2148.1667 3380.6 2071.75 470.3333", 88586),
        ("1980", "2", "1210.5 1980.25 1001.1 1650.3 1000.45 230.1", 43800),
        ("1980", "1", "694.75 1495.15 1147.0667 1730.3 1071.3 240.2333", 44786),
        ("1907", "1+2", "127.4 232.3 130.6 177.4 55.4 24.6", 5229),
        ("1907", "2", "80.2 120.1 60.3 90.2 27.7 12.3", 2550),
        ("1907", "1", "47.2 112.2 70.3 87.2 27.7 12.3", 2679),
    ]
}


def tryckt_summa(region: str, kon: str) -> Decimal:
    """SCB's Summa as printed: the sum of the unrounded parts, rounded."""
    return sum(VARDEN[(region, kon)][0]).quantize(D(1), rounding=ROUND_HALF_UP)


def arsvarde(region: str, kon: str, innehall: str, tid: str):
    former, folkmangd = VARDEN[(region, kon)]
    koder = [kod for _, kod, _ in FORMER]
    if innehall in koder:
        return former[koder.index(innehall)]
    if innehall == SUMMA[0]:
        return tryckt_summa(region, kon)
    return folkmangd


def dimensioner(tider=("2020",), innehall=INNEHALL, regioner=REGIONER, kon=KON) -> list:
    """The table's dimensions as (id, label, [(code, label)]), in SCB's order."""
    return [
        ("Region", "region", list(regioner)),
        ("Kon", "kön", list(kon)),
        ("ContentsCode", "tabellinnehåll", list(innehall)),
        ("Tid", "månad" if "M" in tider[0] else "år", [(t, t) for t in tider]),
    ]


def jsonstat(dims: list, varde=arsvarde, **extra) -> bytes:
    """A PxWebApi v2 json-stat2 dataset; `varde(*codes)` gives each cell (None: missing)."""
    varden, status = [], {}
    for i, koder in enumerate(itertools.product(*[[k for k, _ in kat] for _, _, kat in dims])):
        v = varde(*koder)
        if v is None:
            status[str(i)] = ".."
        # A JSON number, as SCB writes it: "1905.25" reads back exactly.
        varden.append(float(v) if isinstance(v, Decimal) else v)
    data = {
        "version": "2.0",
        "class": "dataset",
        "label": "Helårsekvivalenter 20-64 år efter region, kön, tabellinnehåll och tid",
        "source": "SCB",
        "updated": "2021-03-24T06:00:00Z",
        "id": [d for d, _, _ in dims],
        "size": [len(kat) for _, _, kat in dims],
        "dimension": {
            d: {
                "label": etikett,
                "category": {
                    "index": {k: i for i, (k, _) in enumerate(kat)},
                    "label": dict(kat),
                },
                "extension": {"elimination": d == "Kon"},
            }
            for d, etikett, kat in dims
        },
        "value": varden,
        "role": {"time": ["Tid"], "metric": ["ContentsCode"]},
        **({"status": status} if status else {}),
        **extra,
    }
    return json.dumps(data, ensure_ascii=False).encode()


def _tal(v, decimalkomma: bool) -> str:
    if v is None:
        return ".."
    text = format(v, "f") if isinstance(v, Decimal) else str(v)
    return text.replace(".", ",") if decimalkomma else text


def scb_csv(
    dims: list,
    varde=arsvarde,
    *,
    heading=("ContentsCode", "Tid"),
    avgransare=",",
    kod_och_text=False,
    titel: str | None = None,
    fotnot: str | None = None,
    kodning="utf-8",
) -> bytes:
    """PxWeb's CSV: stub columns named by the variables, heading combinations as columns.

    `kod_och_text` writes stub cells as "1980 - Västerås" (UseCodesAndTexts);
    otherwise the texts. With everything in the stub there is one value column.
    """
    stub = [d for d in dims if d[0] not in heading]
    huvud_dims = [d for d in dims if d[0] in heading]
    ordning = [d[0] for d in dims]
    ut = io.StringIO()
    skrivare = csv.writer(ut, delimiter=avgransare, quoting=csv.QUOTE_NONNUMERIC)
    if titel:
        skrivare.writerow([titel])
        skrivare.writerow([])
    kolumner = list(itertools.product(*[kat for _, _, kat in huvud_dims]))
    # Without a heading variable the one value column is named by the table's contents.
    rubriker = (
        [" ".join(e for _, e in kombination) for kombination in kolumner]
        if huvud_dims
        else ["Helårsekvivalenter 20-64 år"]
    )
    skrivare.writerow([etikett for _, etikett, _ in stub] + rubriker)
    for rad in itertools.product(*[kat for _, _, kat in stub]):
        celler = [f"{k} - {e}" if kod_och_text else e for k, e in rad]
        for kombination in kolumner:
            koder = {d[0]: k for d, (k, _) in zip(stub, rad, strict=True)}
            koder |= {d[0]: k for d, (k, _) in zip(huvud_dims, kombination, strict=True)}
            celler.append(_tal(varde(*(koder[d] for d in ordning)), avgransare != ","))
        # Numbers unquoted, as PxWeb writes them.
        ut.write(avgransare.join(_citera(c, i < len(stub)) for i, c in enumerate(celler)))
        ut.write("\r\n")
    if fotnot:
        ut.write("\r\n" + f'"{fotnot}"' + "\r\n")
    return ut.getvalue().encode(kodning)


def _citera(cell: str, text: bool) -> str:
    return f'"{cell}"' if text else cell


# Months of 2020 and three of 2021, for Västerås totalt.
MANADER_2020 = tuple(f"2020M{m:02d}" for m in range(1, 13))
MANADER_2021 = ("2021M01", "2021M02", "2021M03")
FORMKODER = [kod for _, kod, _ in FORMER]


def manadsvarde(region, kon, innehall, tid):
    """By hand: 2020's months average exactly; 2021 has three months."""
    ar, manad = int(tid[:4]), int(tid[5:])
    if innehall == FOLKMANGD[0]:
        return {2020: 88586, 2021: [88600, 88601, 88603][manad - 1] if manad <= 3 else None}[ar]
    if innehall == SUMMA[0]:
        return 99999
    i = FORMKODER.index(innehall)
    if ar == 2020:
        if innehall == "HE0000A5" and manad == 7:
            return None  # ekonomiskt bistånd: July missing
        # 1900 + 0,5 per month: the mean is 1900 + 5,5 × 0,5 = 1902,75 (+ 100 per form).
        return D(1900 + 100 * i) + D("0.5") * (manad - 1) if innehall != "HE0000A5" else D(2000)
    return [D(10), D(11), D(13)][manad - 1] + i


def rader_i_databasen() -> dict:
    """Every stored figure by key: (region, år, kön, form) → (värde, månader) and folkmängd."""
    from scb.models import Folkmangd, Helarsekvivalent

    hek = {
        (h.region.kod, h.ar, h.kon, h.ersattningsform): (h.varde, h.manader)
        for h in Helarsekvivalent.objects.select_related("region")
    }
    folk = {
        (f.region.kod, f.ar, f.kon): f.antal for f in Folkmangd.objects.select_related("region")
    }
    return {"helarsekvivalenter": hek, "folkmangd": folk}


def forvantat_ar_2020() -> dict:
    """What the yearly table is, by hand: the six forms unrounded, no Summa, folkmängd."""
    hek = {}
    folk = {}
    for (region, kon), (former, folkmangd) in VARDEN.items():
        for (form, _, _), v in zip(FORMER, former, strict=True):
            hek[(region, 2020, KON_SLUG[kon], form)] = (v, None)
        folk[(region, 2020, KON_SLUG[kon])] = folkmangd
    return {"helarsekvivalenter": hek, "folkmangd": folk}


def antal_rader() -> tuple[int, int, int]:
    from scb.models import Folkmangd, Helarsekvivalent, Region

    return Region.objects.count(), Helarsekvivalent.objects.count(), Folkmangd.objects.count()
