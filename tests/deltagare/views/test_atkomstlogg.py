"""Each page view logs exactly one row per deltagare it shows, and nothing for the rest."""

import pytest
from django.urls import reverse

from deltagare.models import Atkomstlogg
from deltagare.services import deltagare_registrera, inskrivning_avsluta, inskrivning_skapa
from finsam.atkomst import SYSTEM
from finsam.datum import manader_senare
from tests.factories import InsatsFactory
from tests.personer import D

pytestmark = pytest.mark.django_db


def _sidvisningar(user) -> list[tuple]:
    return list(
        Atkomstlogg.objects.filter(user=user)
        .order_by("id")
        .values_list("handling", "deltagare_pseudonym", "insats_id", "vag")
    )


def _tre_deltagare(forbund, insats) -> list:
    personer = []
    for nummer in range(3):
        deltagare = deltagare_registrera(
            forbund=forbund, referens=f"R-{nummer}", kon="annat", fodelsear=1980, user=SYSTEM
        )
        inskrivning_skapa(deltagare=deltagare, insats=insats, startdatum=D(2025, 1, 2), user=SYSTEM)
        personer.append(deltagare)
    return personer


def test_listan_loggar_en_rad_per_deltagare_pa_sidan(inloggad, samordnare, forbund, insats):
    personer = _tre_deltagare(forbund, insats)
    # A person with a second inskrivning, in a delinsats, is still one row.
    delinsats = InsatsFactory(forbund=forbund, overordnad=insats)
    inskrivning_skapa(
        deltagare=personer[0], insats=delinsats, startdatum=D(2025, 2, 1), user=SYSTEM
    )
    url = reverse("deltagare:lista", kwargs={"insats_pk": insats.pk})
    assert inloggad.get(url).status_code == 200
    rader = _sidvisningar(samordnare)
    assert sorted(rader) == sorted(("las", p.pseudonym, insats.pk, url) for p in personer)


def test_tom_flik_loggar_inget(inloggad, samordnare, forbund, insats):
    _tre_deltagare(forbund, insats)
    url = reverse("deltagare:lista", kwargs={"insats_pk": insats.pk})
    inloggad.get(url, {"urval": "avslutade"})
    assert _sidvisningar(samordnare) == []


@pytest.mark.parametrize("namn", ["sida", "startuppgifter", "avsluta", "felregistrera"])
def test_en_deltagares_sidor_loggar_en_rad(inloggad, samordnare, inskriven, namn):
    pk = inskriven.deltagare_id if namn == "sida" else inskriven.pk
    url = reverse(f"deltagare:{namn}", kwargs={"pk": pk})
    assert inloggad.get(url).status_code == 200
    rader = _sidvisningar(samordnare)
    assert [(h, p, v) for h, p, _i, v in rader] == [("las", inskriven.deltagare.pseudonym, url)]


def test_uppfoljningar_loggar_varje_person_en_gang(inloggad, samordnare, forbund, insats):
    idag = D.today()
    personer = _tre_deltagare(forbund, insats)
    for deltagare in personer[:2]:
        inskrivning = deltagare.inskrivningar.get()
        # Old enough for both the 6- and the 18-month follow-up: two rows in the list.
        inskrivning_avsluta(
            inskrivning=inskrivning,
            slutdatum=max(manader_senare(idag, -19), inskrivning.startdatum),
            avslutsorsak="arbete",
            user=SYSTEM,
        )
    url = reverse("deltagare:uppfoljningar", kwargs={"insats_pk": insats.pk})
    svar = inloggad.get(url)
    assert len(svar.context["rader"]) == 4
    rader = _sidvisningar(samordnare)
    assert sorted(p for _h, p, _i, _v in rader) == sorted(p.pseudonym for p in personer[:2])


@pytest.mark.parametrize("namn", ["deltagare:registrera", "insats_anonyma", "insats_berattelse"])
def test_sidor_utan_deltagare_loggar_inget(inloggad, samordnare, insats, inskriven, namn):
    nyckel = "insats_pk" if namn.startswith("deltagare:") else "pk"
    assert inloggad.get(reverse(namn, kwargs={nyckel: insats.pk})).status_code == 200
    assert _sidvisningar(samordnare) == []


def test_bedomning_loggar_andringen(inloggad, samordnare, inskriven):
    prefix = f"b{inskriven.pk}"
    inloggad.post(
        reverse("deltagare:bedomning", kwargs={"pk": inskriven.pk}),
        {f"{prefix}-datum": "2025-03-01", f"{prefix}-typ": "start", f"{prefix}-steg": 2},
    )
    handlingar = [h for h, *_ in _sidvisningar(samordnare)]
    # The inskrivning read to check reach, then the change itself.
    assert handlingar == ["las", "bedomning"]


@pytest.mark.parametrize(
    ("steg", "forvantat"),
    [(4, [("bedomning", 1), ("las", 1)]), (99, [("las", 1)])],
    ids=["sparad", "vagrad"],
)
def test_en_rad_per_lasning_och_andring_i_samma_begaran(
    inloggad, samordnare, inskriven, steg, forvantat
):
    # The view reads the inskrivning, writes, and reads the timeline again to
    # swap it in: still one row per read and one per change.
    prefix = f"b{inskriven.pk}"
    inloggad.post(
        reverse("deltagare:bedomning", kwargs={"pk": inskriven.pk}),
        {f"{prefix}-datum": "2025-05-15", f"{prefix}-typ": "lopande", f"{prefix}-steg": steg},
        HTTP_HX_REQUEST="true",
    )
    rader = Atkomstlogg.objects.filter(user=samordnare).values_list("handling", flat=True)
    assert sorted((h, list(rader).count(h)) for h in set(rader)) == forvantat
