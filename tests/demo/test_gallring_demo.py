"""Gallring on the demo data, six years after its last avslut (issue 13 §1).

Identities are really removed, and the statistics JSON of every insats (and
of the förbund) is byte for byte what it was before.
"""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Max

from deltagare.models import Deltagare, Gallringskorning, Inskrivning, Stegbedomning
from demo.organisation import FORBUND_NAMN
from finsam.datum import ar_senare
from finsam.models import Forbund
from insatser.models import Insats
from tests.hjalp.api import personlig_klient

pytestmark = pytest.mark.django_db


def _statistik(klient, forbund: Forbund) -> dict[str, bytes]:
    """Every statistics answer of the förbund: per insats, period and urval, and the förbund's."""
    perioder = [
        {},  # the default: this year to date
        {"fran": "2025-01-01", "till": "2025-12-31"},
        {"fran": "2025-01-01", "till": "2026-10-31"},
        {"fran": "2026-01-01", "till": "2026-06-30"},
    ]
    svar = {}
    for insats in Insats.objects.filter(forbund=forbund).order_by("pk"):
        for period in perioder:
            for urval in ("aktiva", "nya", "avslutade"):
                fraga = {**period, "urval": urval}
                r = klient.get(f"/api/v1/insatser/{insats.pk}/statistik/", fraga)
                assert r.status_code == 200, r.content
                svar[f"insats {insats.pk} {sorted(fraga.items())}"] = r.content
    for period in perioder:
        r = klient.get(f"/api/v1/forbund/{forbund.pk}/statistik/", period)
        assert r.status_code == 200, r.content
        svar[f"förbund {sorted(period.items())}"] = r.content
    return svar


def test_gallring_sex_ar_efter_sista_avslutet(demo):
    forbund = Forbund.objects.get(namn=FORBUND_NAMN)
    klient = personlig_klient(get_user_model().objects.get(username="chef"))
    sista_avslut = Inskrivning.objects.filter(insats__forbund=forbund).aggregate(Max("slutdatum"))[
        "slutdatum__max"
    ]
    per = ar_senare(sista_avslut, 6)
    avslutade = Deltagare.objects.filter(forbund=forbund).exclude(
        inskrivningar__slutdatum__isnull=True
    )
    aktiva = Deltagare.objects.filter(forbund=forbund, inskrivningar__slutdatum__isnull=True)
    med_identitet_fore = avslutade.filter(personnummer_hash__isnull=False).count()
    alla_fore = Deltagare.objects.filter(forbund=forbund).count()
    inskrivningar_fore = Inskrivning.objects.filter(insats__forbund=forbund).count()
    bedomningar_fore = Stegbedomning.objects.filter(inskrivning__insats__forbund=forbund).count()
    aktiva_fore = set(aktiva.values_list("pk", "personnummer_hash", "referens"))
    assert med_identitet_fore > 0 and aktiva_fore
    fore = _statistik(klient, forbund)

    ut = StringIO()
    call_command("gallra", "--per", per.isoformat(), "--forbund", str(forbund.pk), stdout=ut)

    gallrade = avslutade.distinct().count()
    assert ut.getvalue().strip().splitlines()[-1] == f"Gallrade {gallrade} deltagare."
    assert Gallringskorning.objects.get(forbund=forbund).antal == gallrade
    # Identities really gone: no personnummer, no referens among the avslutade.
    assert not avslutade.filter(personnummer_hash__isnull=False).exists()
    assert not avslutade.exclude(personnummer_krypterat="").exists()
    assert not avslutade.exclude(referens="").exists()
    assert not avslutade.filter(gallrad__isnull=True).exists()
    # The active keep theirs; nothing is deleted.
    assert set(aktiva.values_list("pk", "personnummer_hash", "referens")) == aktiva_fore
    assert Deltagare.objects.filter(forbund=forbund).count() == alla_fore
    assert Inskrivning.objects.filter(insats__forbund=forbund).count() == inskrivningar_fore
    assert (
        Stegbedomning.objects.filter(inskrivning__insats__forbund=forbund).count()
        == bedomningar_fore
    )

    efter = _statistik(klient, forbund)
    assert efter.keys() == fore.keys()
    for nyckel, innehall in fore.items():
        assert efter[nyckel] == innehall, nyckel

    # A second run removes nothing more.
    ut = StringIO()
    call_command("gallra", "--per", per.isoformat(), "--forbund", str(forbund.pk), stdout=ut)
    assert ut.getvalue().strip().splitlines()[-1] == "Gallrade 0 deltagare."
    print(
        f"\nDemo: {alla_fore} deltagare, {gallrade} gallrade per {per} "
        f"({med_identitet_fore} med personnummer), {len(aktiva_fore)} aktiva kvar, "
        f"{len(fore)} statistiksvar oförändrade."
    )
