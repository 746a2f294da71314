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


def K(kvinnor: int = 0, man: int = 0, annat: int = 0) -> dict[str, int]:
    """The per-kön object of API.md, totalt computed."""
    return {"kvinnor": kvinnor, "man": man, "annat": annat, "totalt": kvinnor + man + annat}


def tabell(koder, varden: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    """Every code of the list with zeros, except those given."""
    return {str(kod): varden.get(str(kod), K()) for kod in koder}
