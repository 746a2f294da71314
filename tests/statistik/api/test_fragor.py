"""Both endpoints run the same number of queries for 10 and for 1 000 deltagare."""

import itertools

from django.db import connection
from django.test.utils import CaptureQueriesContext

from deltagare.models import AnonymaDeltagare, Deltagare, Forsorjning, Inskrivning, Stegbedomning
from finsam.kodlistor import Kon
from insatser.models import Steg
from tests.factories import InsatsFactory
from tests.hjalp.api import personlig_klient
from tests.statistik.api.hjalp import PERIOD, forbund_url, insats_url
from tests.statistik.bygg import D

_nummer = itertools.count(1)
KONEN = (Kon.KVINNA, Kon.MAN, Kon.ANNAT)


def fyll(insatser, antal: int) -> None:
    """`antal` deltagare spread over `insatser`: active and avslutade, with försörjning
    and bedömningar, in a handful of bulk inserts."""
    personer = Deltagare.objects.bulk_create(
        Deltagare(
            forbund=insatser[0].forbund,
            referens=f"MASS-{next(_nummer)}",
            kon=KONEN[i % 3],
            fodelsear=1960 + i % 40,
        )
        for i in range(antal)
    )
    inskrivningar = Inskrivning.objects.bulk_create(
        Inskrivning(
            deltagare=person,
            insats=insatser[i % len(insatser)],
            startdatum=D(2023, 1 + i % 12, 1),
            slutdatum=D(2024, 1 + i % 12, 15) if i % 2 else None,
            avslutsorsak=("arbete", "studier", "ohalsa")[i % 3] if i % 2 else "",
            utbildningsniva="gymnasium",
            tid_i_offentlig_forsorjning="1_3",
        )
        for i, person in enumerate(personer)
    )
    Forsorjning.objects.bulk_create(
        Forsorjning(inskrivning=inskrivning, tidpunkt=tidpunkt, kalla="sjukpenning")
        for inskrivning in inskrivningar
        for tidpunkt in (("start", "avslut") if inskrivning.slutdatum else ("start",))
    )
    steg = {s.nummer: s for s in Steg.objects.filter(stegskala=insatser[0].stegskala_id)}
    Stegbedomning.objects.bulk_create(
        Stegbedomning(inskrivning=inskrivning, datum=datum, typ=typ, steg=steg[nummer])
        for inskrivning in inskrivningar
        for datum, typ, nummer in (
            (inskrivning.startdatum, "start", 1),
            (D(2024, 1, 10), "lopande", 1 + inskrivning.pk % 4),
        )
    )


def fragor(klient, url: str) -> int:
    with CaptureQueriesContext(connection) as fangade:
        assert klient.get(url, PERIOD).status_code == 200
    return len(fangade)


def test_lika_manga_fragor_for_10_och_1000(forbund, insats, annan_insats, chef, partklient):
    delinsats = InsatsFactory(forbund=forbund, namn="Del", overordnad=insats)
    AnonymaDeltagare.objects.create(insats=insats, ar=2024, kvinnor=4, man=2)
    insatser = [insats, delinsats, annan_insats]
    fyll(insatser, 10)
    klienter = {"chef": personlig_klient(chef), "part": partklient}
    urler = (insats_url(insats), forbund_url(forbund))
    for klient in klienter.values():
        klient.get(urler[0])  # the key's last-used time is written on its first call only
    fa = {(namn, url): fragor(klient, url) for namn, klient in klienter.items() for url in urler}
    fyll(insatser, 990)
    manga = {(namn, url): fragor(klient, url) for namn, klient in klienter.items() for url in urler}
    assert manga == fa
    # The request's savepoint and release, the key, a person's roles (a part
    # key's reach comes with the key), the row (1; before issue 11 the
    # insats resource's viewset also fetched its delinsatser, 2), the
    # förbund's min_cell, then the engine: six queries for an insats, eight
    # for a förbund. Pinned, so a change shows up here.
    assert fa == {
        ("chef", urler[0]): 12,
        ("chef", urler[1]): 13,
        ("part", urler[0]): 11,
        ("part", urler[1]): 12,
    }
