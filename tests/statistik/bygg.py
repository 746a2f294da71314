"""Builds statistics test data directly with the models (fast; the constraints still hold)."""

import datetime
import itertools

from deltagare.models import AnonymaDeltagare, Deltagare, Forsorjning, Inskrivning, Stegbedomning
from finsam.kodlistor import Kon
from insatser.models import Insats, Steg

D = datetime.date
_referens = itertools.count(1)


def deltagare(forbund, kon: str = Kon.KVINNA, fodelsear: int = 1980) -> Deltagare:
    return Deltagare.objects.create(
        forbund=forbund, referens=f"REF-{next(_referens)}", kon=kon, fodelsear=fodelsear
    )


def inskriv(
    insats: Insats,
    *,
    kon: str = Kon.KVINNA,
    fodelsear: int = 1980,
    start: datetime.date,
    slut: datetime.date | None = None,
    orsak: str = "",
    utbildning: str = "okand",
    tid_off: str = "okand",
    vid_start: tuple[str, ...] = (),
    vid_avslut: tuple[str, ...] = (),
    bedomningar: tuple[tuple[datetime.date, str, int], ...] = (),
    person: Deltagare | None = None,
) -> Inskrivning:
    """One inskrivning with its försörjning and bedömningar (datum, typ, steg nummer)."""
    if slut and not orsak:
        orsak = "annan"
    inskrivning = Inskrivning.objects.create(
        deltagare=person or deltagare(insats.forbund, kon, fodelsear),
        insats=insats,
        startdatum=start,
        slutdatum=slut,
        avslutsorsak=orsak,
        utbildningsniva=utbildning,
        tid_i_offentlig_forsorjning=tid_off,
    )
    Forsorjning.objects.bulk_create(
        [Forsorjning(inskrivning=inskrivning, tidpunkt="start", kalla=k) for k in vid_start]
        + [Forsorjning(inskrivning=inskrivning, tidpunkt="avslut", kalla=k) for k in vid_avslut]
    )
    steg = {s.nummer: s for s in Steg.objects.filter(stegskala=insats.stegskala_id)}
    Stegbedomning.objects.bulk_create(
        [
            Stegbedomning(inskrivning=inskrivning, datum=datum, typ=typ, steg=steg[nr])
            for datum, typ, nr in bedomningar
        ]
    )
    return inskrivning


def anonyma(insats: Insats, ar: int, kvinnor: int = 0, man: int = 0, annat: int = 0) -> None:
    AnonymaDeltagare.objects.create(insats=insats, ar=ar, kvinnor=kvinnor, man=man, annat=annat)


def E(antal: int, av: int, andel: int | None, ej_nadda: int = 0, **per_kon: tuple) -> dict:
    """An effekt as the API writes it: a share (A) with `ej_nadda` beside it, in total and
    per kön; a kön's tuple is (antal, av, andel) or (antal, av, andel, ej_nadda)."""
    svar = A(antal, av, andel, **{k: v[:3] for k, v in per_kon.items()})
    svar["ej_nadda"] = ej_nadda
    for k, rad in svar["per_kon"].items():
        rad["ej_nadda"] = (*per_kon.get(k, ()), 0, 0, 0, 0)[3]
    return svar


def K(kvinnor: int = 0, man: int = 0, annat: int = 0) -> dict[str, int]:
    """The per-kön object of API.md, totalt computed."""
    return {"kvinnor": kvinnor, "man": man, "annat": annat, "totalt": kvinnor + man + annat}


def tabell(koder, varden: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    """Every code of the list with zeros, except those given."""
    return {str(kod): varden.get(str(kod), K()) for kod in koder}


def bygg_manga(forbund, insatser, antal: int) -> None:
    """`antal` deltagare spread over `insatser`, with försörjning and bedömningar."""
    kon = [Kon.KVINNA, Kon.MAN, Kon.ANNAT]
    personer = Deltagare.objects.bulk_create(
        Deltagare(forbund=forbund, referens=f"M-{i}", kon=kon[i % 3], fodelsear=1960 + i % 40)
        for i in range(antal)
    )
    inskrivningar = []
    for i, person in enumerate(personer):
        start = D(2023, 6, 1) + datetime.timedelta(days=i % 300)
        avslutad = i % 2 == 0
        inskrivningar.append(
            Inskrivning(
                deltagare=person,
                insats=insatser[i % len(insatser)],
                startdatum=start,
                slutdatum=start + datetime.timedelta(days=100 + i % 200) if avslutad else None,
                avslutsorsak=["arbete", "studier", "ohalsa", "annan"][i % 4] if avslutad else "",
                utbildningsniva="gymnasium",
            )
        )
    inskrivningar = Inskrivning.objects.bulk_create(inskrivningar)
    steg = {s.nummer: s for s in Steg.objects.filter(stegskala=insatser[0].stegskala_id)}
    Forsorjning.objects.bulk_create(
        Forsorjning(inskrivning=ins, tidpunkt="start", kalla=k)
        for ins in inskrivningar
        for k in ("sjukpenning", "ekonomiskt_bistand")
    )
    Stegbedomning.objects.bulk_create(
        Stegbedomning(
            inskrivning=ins, datum=ins.startdatum + datetime.timedelta(days=d), typ=t, steg=s
        )
        for i, ins in enumerate(inskrivningar)
        for d, t, s in ((0, "start", steg[2]), (30, "lopande", steg[1 + i % 6]))
    )
    for insats in insatser:
        anonyma(insats, 2024, kvinnor=1)


def A(antal: int, av: int, andel: int | None, **per_kon: tuple) -> dict:
    """A share as the API writes it; per_kon gives each kön's (antal, av, andel), default 0 of 0."""
    kon = {k: per_kon.get(k, (0, 0, None)) for k in ("kvinnor", "man", "annat")}
    return {
        "antal": antal,
        "av": av,
        "andel": andel,
        "per_kon": {k: {"antal": n, "av": a, "andel": p} for k, (n, a, p) in kon.items()},
    }
