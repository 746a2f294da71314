"""The engine runs a fixed number of queries, whatever the number of deltagare."""

import datetime

import pytest

from deltagare.models import Deltagare, Forsorjning, Inskrivning, Stegbedomning
from finsam.kodlistor import Kon
from insatser.models import Steg
from statistik.berakning import forbund_statistik, insats_statistik
from tests.factories import InsatsFactory
from tests.statistik.bygg import D, anonyma

FRAN, TILL = D(2024, 1, 1), D(2024, 12, 31)
# One grouped query each: the inskrivning tables, försörjning, anonyma,
# stegförflyttning, effekt and the tid i insats days.
INSATS_FRAGOR = 6
# The same, plus the list of insatser and the unique persons.
FORBUND_FRAGOR = INSATS_FRAGOR + 2


def bygg(forbund, insatser, antal: int) -> None:
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


@pytest.fixture(params=[10, 1000])
def manga(request, forbund, insats, annan_insats):
    delinsats = InsatsFactory(forbund=forbund, namn="Delinsats", overordnad=insats)
    bygg(forbund, [insats, delinsats, annan_insats], request.param)
    return request.param


def test_insats_statistik_fast_antal_fragor(manga, insats, django_assert_num_queries):
    with django_assert_num_queries(INSATS_FRAGOR):
        s = insats_statistik(insats=insats, fran=FRAN, till=TILL)
    assert s.deltagare.aktiva.totalt > 0


def test_forbund_statistik_fast_antal_fragor(manga, forbund, django_assert_num_queries):
    with django_assert_num_queries(FORBUND_FRAGOR):
        f = forbund_statistik(forbund=forbund, fran=FRAN, till=TILL)
    assert len(f.insatser) == 2
    # Every deltagare is one person with one inskrivning: the förbund's
    # unique persons equal the insatser's inskrivningar summed.
    assert f.deltagare.aktiva.totalt == sum(s.deltagare.aktiva.totalt for s in f.insatser)
