"""Every read is logged once per deltagare; lists cost a fixed number of queries;
no answer ever holds a full personnummer."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from deltagare.models import Atkomstlogg
from deltagare.services import (
    anonyma_registrera,
    deltagare_registrera,
    inskrivning_skapa,
    stegbedomning_lagg_till,
)
from finsam.atkomst import SYSTEM
from tests.deltagare.api.hjalp import inga_personnummer
from tests.factories import InsatsFactory
from tests.personer import PNR, D


def lasningar() -> list[tuple]:
    return list(
        Atkomstlogg.objects.filter(handling="las")
        .order_by("id")
        .values_list("deltagare_pseudonym", "insats", "user__username", "vag")
    )


def skriv_in_flera(forbund, insats, antal: int, start: int = 0) -> list:
    deltagare = []
    for nr in range(start, start + antal):
        person = deltagare_registrera(
            forbund=forbund, referens=f"R-{nr:03}", kon="man", fodelsear=1980, user=SYSTEM
        )
        inskrivning = inskrivning_skapa(
            deltagare=person,
            insats=insats,
            startdatum=D(2025, 1, 1),
            forsorjning_vid_start=["lon", "studiemedel"],
            user=SYSTEM,
        )
        stegbedomning_lagg_till(
            inskrivning=inskrivning, datum=D(2025, 1, 2), typ="start", steg_nummer=1, user=SYSTEM
        )
        deltagare.append(person)
    return deltagare


class TestEnRadPerDeltagarePerLasning:
    def test_deltagarlistans_sida(self, forbund, insats, klient):
        personer = skriv_in_flera(forbund, insats, 3)
        svar = klient.get("/api/v1/deltagare/", {"page_size": 2})
        assert svar.status_code == 200
        # Only the two on the page were shown, so only they are logged.
        assert lasningar() == [
            (p.pseudonym, None, "samordnare", "/api/v1/deltagare/") for p in personer[:2]
        ]

    def test_inskrivningslistan_loggar_med_insats(self, forbund, insats, klient):
        personer = skriv_in_flera(forbund, insats, 3)
        klient.get("/api/v1/inskrivningar/")
        assert sorted(lasningar()) == sorted(
            (p.pseudonym, insats.pk, "samordnare", "/api/v1/inskrivningar/") for p in personer
        )

    def test_samma_person_tva_ganger_pa_en_sida_loggas_en_gang(self, forbund, insats, klient):
        delinsats = InsatsFactory(forbund=forbund, namn="Del", overordnad=insats)
        (person,) = skriv_in_flera(forbund, insats, 1)
        inskrivning_skapa(deltagare=person, insats=delinsats, startdatum=D(2025, 2, 1), user=SYSTEM)
        svar = klient.get("/api/v1/inskrivningar/")
        assert svar.json()["count"] == 2
        # Seen in two insatser at once: one row, tied to neither.
        assert lasningar() == [(person.pseudonym, None, "samordnare", "/api/v1/inskrivningar/")]

    def test_en_sida_med_flera_insatser_loggas_i_en_sats(self, forbund, insats, klient):
        """Two persons in the insats and one in its delinsats: three rows, each with
        the insats the person was seen in, written by a single INSERT."""
        delinsats = InsatsFactory(forbund=forbund, namn="Del", overordnad=insats)
        i_insatsen = skriv_in_flera(forbund, insats, 2)
        (i_delen,) = skriv_in_flera(forbund, delinsats, 1, start=10)
        with CaptureQueriesContext(connection) as fragor:
            assert klient.get("/api/v1/inskrivningar/").json()["count"] == 3
        skrivningar = [
            f
            for f in fragor.captured_queries
            if f["sql"].startswith('INSERT INTO "deltagare_atkomstlogg"')
        ]
        assert len(skrivningar) == 1
        url = "/api/v1/inskrivningar/"
        assert sorted(lasningar()) == sorted(
            [(p.pseudonym, insats.pk, "samordnare", url) for p in i_insatsen]
            + [(i_delen.pseudonym, delinsats.pk, "samordnare", url)]
        )

    def test_detaljer(self, klient, inskriven, identifierad, insats):
        stegbedomning_lagg_till(
            inskrivning=inskriven, datum=D(2025, 3, 2), typ="start", steg_nummer=1, user=SYSTEM
        )
        stegbedomning_lagg_till(
            inskrivning=inskriven, datum=D(2025, 4, 2), typ="lopande", steg_nummer=2, user=SYSTEM
        )
        for url, insats_id in (
            (f"/api/v1/deltagare/{identifierad.pk}/", None),
            (f"/api/v1/inskrivningar/{inskriven.pk}/", insats.pk),
            (f"/api/v1/inskrivningar/{inskriven.pk}/bedomningar/", insats.pk),
        ):
            fore = len(lasningar())
            assert klient.get(url).status_code == 200
            assert lasningar()[fore:] == [(identifierad.pseudonym, insats_id, "samordnare", url)]

    def test_aggregat_loggas_inte(self, insats, klient, inskriven):
        anonyma_registrera(insats=insats, ar=2025, kvinnor=3, man=3, annat=0, user=SYSTEM)
        assert klient.get(f"/api/v1/insatser/{insats.pk}/anonyma/").status_code == 200
        assert lasningar() == []


class TestFragor:
    @pytest.mark.parametrize("url", ["/api/v1/deltagare/", "/api/v1/inskrivningar/"])
    def test_lika_manga_fragor_for_5_som_30_rader(self, forbund, insats, klient, url):
        skriv_in_flera(forbund, insats, 5)
        klient.get(url)  # the key's last-used time is written on its first call only
        with CaptureQueriesContext(connection) as fem:
            assert len(klient.get(url).json()["results"]) == 5
        skriv_in_flera(forbund, insats, 25, start=5)
        with CaptureQueriesContext(connection) as trettio:
            assert len(klient.get(url).json()["results"]) == 30
        assert len(trettio) == len(fem)
        # The request's savepoint and its release, the key, the user's reach
        # (roles, insatser), the count, the page, its försörjning
        # (inskrivningar only) and one insert into the log: pinned, so a
        # change shows up here.
        assert len(fem) == {"/api/v1/deltagare/": 8, "/api/v1/inskrivningar/": 9}[url]


def test_inget_svar_innehaller_personnumret(forbund, insats, klient):
    """Every endpoint, its writes and its refusals, searched for any form of the number."""
    ny_deltagare = {"forbund": forbund.pk, "personnummer": PNR, "samtycke_datum": "2025-02-01"}
    registrerad = klient.post("/api/v1/deltagare/", ny_deltagare, format="json")
    d = registrerad.json()["id"]
    inskriven = klient.post(
        "/api/v1/inskrivningar/",
        {
            "deltagare": d,
            "insats": insats.pk,
            "startdatum": "2025-03-01",
            "utbildningsniva": "okand",
            "tid_i_offentlig_forsorjning": "okand",
            "forsorjning_vid_start": ["okand"],
        },
        format="json",
    )
    i = inskriven.json()["id"]
    avslut = {
        "slutdatum": "2025-09-01",
        "avslutsorsak": "arbete",
        "forsorjning_vid_avslut": ["lon"],
        "sysselsattning": "forvarvsarbete",
    }
    anrop = [
        ("post", "/api/v1/deltagare/sok/", {"personnummer": PNR}, 200),
        ("get", "/api/v1/deltagare/", None, 200),
        ("get", f"/api/v1/deltagare/{d}/", None, 200),
        ("get", "/api/v1/inskrivningar/", None, 200),
        ("get", f"/api/v1/inskrivningar/{i}/", None, 200),
        ("patch", f"/api/v1/inskrivningar/{i}/", {"utrikes_fodd": False}, 200),
        (
            "post",
            f"/api/v1/inskrivningar/{i}/bedomningar/",
            {"datum": "2025-03-02", "typ": "start", "steg": 1},
            201,
        ),
        ("get", f"/api/v1/inskrivningar/{i}/bedomningar/", None, 200),
        ("post", f"/api/v1/inskrivningar/{i}/avslut/", avslut, 200),
        ("post", f"/api/v1/inskrivningar/{i}/avslut/", avslut, 400),
        # Registered again: answered as a new person (no oracle), still no number.
        ("post", "/api/v1/deltagare/", ny_deltagare, 201),
    ]
    assert (registrerad.status_code, inskriven.status_code) == (201, 201)
    inga_personnummer(registrerad)
    inga_personnummer(inskriven)
    for metod, url, data, status in anrop:
        svar = getattr(klient, metod)(url, data, format="json")
        assert svar.status_code == status, (url, svar.json())
        inga_personnummer(svar)
