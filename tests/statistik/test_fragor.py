"""The engine runs a fixed number of queries, whatever the number of deltagare."""

import pytest

from statistik.berakning import forbund_nyckeltal, forbund_statistik, insats_statistik
from tests.factories import InsatsFactory
from tests.statistik.bygg import D, bygg_manga

FRAN, TILL = D(2024, 1, 1), D(2024, 12, 31)
# One grouped query each: the inskrivning tables, försörjning, anonyma,
# stegförflyttning, effekt and the tid i insats days.
INSATS_FRAGOR = 6
# The same, plus the list of insatser and the unique persons.
FORBUND_FRAGOR = INSATS_FRAGOR + 2
# The list of insatser, the deltagare counts with avslutsorsak, anonyma,
# stegförflyttning and the unique persons.
NYCKELTAL_FRAGOR = 5


@pytest.fixture(params=[10, 1000])
def manga(request, forbund, insats, annan_insats):
    delinsats = InsatsFactory(forbund=forbund, namn="Delinsats", overordnad=insats)
    bygg_manga(forbund, [insats, delinsats, annan_insats], request.param)
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


def test_forbund_nyckeltal_ar_forbundsstatistikens(manga, forbund, django_assert_num_queries):
    """The dashboard's yardsticks are exactly the förbund statistics' key figures."""
    with django_assert_num_queries(NYCKELTAL_FRAGOR):
        nyckeltal = forbund_nyckeltal(forbund=forbund, fran=FRAN, till=TILL)
    hela = forbund_statistik(forbund=forbund, fran=FRAN, till=TILL)
    assert (nyckeltal.forbund, nyckeltal.fran, nyckeltal.till) == (hela.forbund, FRAN, TILL)
    assert nyckeltal.deltagare.som_dict() == hela.deltagare.som_dict()
    for falt in ("till_arbete_eller_studier", "stegforflyttning"):
        assert getattr(nyckeltal, falt).som_dict() == getattr(hela, falt).som_dict()
