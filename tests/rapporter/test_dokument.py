"""Writing a report (issue 12 §2): sections from seed 002's order or the previous report,
versioned saves, reordering, and only the förbundschef writes."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from PIL import Image

from finsam.services.validering import Konflikt
from rapporter.avsnitt import STANDARDAVSNITT, standardperiod
from rapporter.models import Avsnittstyp, Rapporttyp
from rapporter.selectors import rapportens_insatser
from rapporter.services.dokument import (
    avsnitt_flytta,
    avsnitt_lagg_till,
    avsnitt_spara,
    avsnitt_ta_bort,
    rapportdokument_andra,
    rapportdokument_for_period,
    rapportdokument_skapa,
)
from tests.factories import InsatsFactory

pytestmark = pytest.mark.django_db

D = datetime.date
DELAR = Rapporttyp.DELARSRAPPORT


def _skapa(forbund, chef, ar=2026, **kw):
    return rapportdokument_skapa(
        forbund=forbund,
        typ=kw.pop("typ", DELAR),
        fran=D(ar, 1, 1),
        till=D(ar, 8, 31),
        user=chef,
        **kw,
    )


def _rubriker(dokument) -> list[tuple[str, str]]:
    return [(a.typ, a.rubrik) for a in dokument.avsnitt.all()]


def _bild(format_: str, storlek=(40, 20)) -> bytes:
    ut = io.BytesIO()
    Image.new("RGB", storlek, (10, 80, 160)).save(ut, format_)
    return ut.getvalue()


def test_standardperioder():
    idag = D(2026, 12, 2)
    assert standardperiod(DELAR, idag) == (D(2026, 1, 1), D(2026, 8, 31))
    assert standardperiod(Rapporttyp.VERKSAMHETSBERATTELSE, idag) == (
        D(2025, 1, 1),
        D(2025, 12, 31),
    )


def test_forsta_rapporten_foljer_seed_002s_ordning(forbund, chef):
    dokument = _skapa(forbund, chef, diarienummer=" 2026/12-SFV ")
    assert dokument.diarienummer == "2026/12-SFV"
    assert _rubriker(dokument) == [(t.value, r) for t, r in STANDARDAVSNITT[DELAR]]
    assert _rubriker(dokument)[0] == ("text", "Sammanfattning")
    assert _rubriker(dokument)[-1] == ("insatsredovisning", "Bilaga Insatsredovisning")
    assert [a.ordning for a in dokument.avsnitt.all()] == list(range(1, 11))


def test_nasta_rapport_borjar_fran_forra_texterna(forbund, chef):
    forra = _skapa(forbund, chef, ar=2025, diarienummer="2025/7")
    rapportdokument_andra(
        dokument=forra, diarienummer="2025/7", version=1, user=chef, logotyp=_bild("PNG")
    )
    sammanfattning = forra.avsnitt.get(rubrik="Sammanfattning")
    avsnitt_spara(
        avsnitt=sammanfattning,
        rubrik="Sammanfattning",
        text="Året i korthet.",
        version=1,
        user=chef,
    )
    avsnitt_lagg_till(dokument=forra, typ="text", rubrik="Jämställdhet", user=chef)

    ny = _skapa(forbund, chef, ar=2026)
    assert _rubriker(ny) == _rubriker(forra)
    assert ny.avsnitt.get(rubrik="Sammanfattning").text == "Året i korthet."
    assert ny.diarienummer == ""  # a new report is a new ärende
    forra.refresh_from_db()
    assert bytes(ny.logotyp) == bytes(forra.logotyp) and ny.logotyp_typ == "image/png"
    # The draft is a copy: editing it leaves last year's report as it was.
    avsnitt_spara(
        avsnitt=ny.avsnitt.get(rubrik="Sammanfattning"),
        rubrik="Sammanfattning",
        text="Nytt.",
        version=1,
        user=chef,
    )
    assert forra.avsnitt.get(rubrik="Sammanfattning").text == "Året i korthet."


def test_en_rapport_per_period_och_svenska_fel(forbund, chef, insats, annat_forbund):
    _skapa(forbund, chef)
    with pytest.raises(ValidationError) as fel:
        _skapa(forbund, chef)
    assert "Förbundet har redan en sådan rapport för perioden." in str(fel.value)
    with pytest.raises(ValidationError) as fel:
        _skapa(forbund, chef, ar=2027, insats=insats)
    assert "Endast en verksamhetsberättelse kan gälla en enda insats." in str(fel.value)
    annans = InsatsFactory(forbund=annat_forbund)
    with pytest.raises(ValidationError) as fel:
        _skapa(forbund, chef, typ=Rapporttyp.VERKSAMHETSBERATTELSE, insats=annans)
    assert "Insatsen hör inte till förbundet." in str(fel.value)
    with pytest.raises(ValidationError) as fel:
        rapportdokument_skapa(
            forbund=forbund, typ=DELAR, fran=D(2026, 9, 1), till=D(2026, 1, 1), user=chef
        )
    assert "Periodens slut kan inte vara före dess början." in str(fel.value)


def test_verksamhetsberattelse_for_en_insats_och_for_alla(forbund, chef, insats):
    alla = _skapa(forbund, chef, typ=Rapporttyp.VERKSAMHETSBERATTELSE)
    en = _skapa(forbund, chef, typ=Rapporttyp.VERKSAMHETSBERATTELSE, insats=insats)
    assert alla.pk != en.pk and en.insats == insats
    assert [t for t, _ in _rubriker(en)] == ["text", "mal", "insatsredovisning"]
    # The API's way in finds the same report rather than a second one.
    assert (
        rapportdokument_for_period(
            forbund=forbund,
            typ=Rapporttyp.VERKSAMHETSBERATTELSE,
            fran=D(2026, 1, 1),
            till=D(2026, 8, 31),
            insats=insats,
            user=chef,
        )
        == en
    )


def test_inaktuell_sparning_ger_konflikt_och_skriver_inget(forbund, chef):
    avsnitt = _skapa(forbund, chef).avsnitt.first()
    avsnitt_spara(avsnitt=avsnitt, rubrik="Sammanfattning", text="Första.", version=1, user=chef)
    with pytest.raises(Konflikt):
        avsnitt_spara(
            avsnitt=avsnitt, rubrik="Sammanfattning", text="Gammal flik.", version=1, user=chef
        )
    avsnitt.refresh_from_db()
    assert (avsnitt.text, avsnitt.version) == ("Första.", 2)
    with pytest.raises(ValidationError) as fel:
        avsnitt_spara(avsnitt=avsnitt, rubrik="  ", text="x", version=2, user=chef)
    assert "Ange en rubrik för avsnittet." in str(fel.value)


def test_ett_beraknat_block_far_ny_rubrik_men_ingen_text(forbund, chef):
    block = _skapa(forbund, chef).avsnitt.get(typ=Avsnittstyp.BUDGET)
    avsnitt_spara(
        avsnitt=block,
        rubrik="Budget och utfall t.o.m. augusti",
        text="ignoreras",
        version=1,
        user=chef,
    )
    block.refresh_from_db()
    assert (block.rubrik, block.text) == ("Budget och utfall t.o.m. augusti", "")


def test_flytta_lagg_till_och_ta_bort(forbund, chef):
    dokument = _skapa(forbund, chef)
    forsta, andra = dokument.avsnitt.all()[:2]
    avsnitt_flytta(avsnitt=andra, steg=-1, user=chef)
    assert [a.rubrik for a in dokument.avsnitt.all()[:2]] == [andra.rubrik, forsta.rubrik]
    # At the top, moving up leaves everything where it is.
    avsnitt_flytta(avsnitt=andra, steg=-1, user=chef)
    assert dokument.avsnitt.first().pk == andra.pk
    sista = dokument.avsnitt.last()
    avsnitt_flytta(avsnitt=sista, steg=1, user=chef)
    assert dokument.avsnitt.last().pk == sista.pk

    nytt = avsnitt_lagg_till(dokument=dokument, typ=Avsnittstyp.KOMMUNER, user=chef)
    assert (nytt.ordning, nytt.rubrik) == (11, "Länets kommuner")
    with pytest.raises(ValidationError):
        avsnitt_lagg_till(dokument=dokument, typ="bilder", user=chef)
    avsnitt_ta_bort(avsnitt=nytt, user=chef)
    assert dokument.avsnitt.count() == 10


def test_logotyp_kodas_om_och_daliga_filer_avvisas(forbund, chef):
    dokument = _skapa(forbund, chef)
    # A PNG with trailing bytes (a polyglot's payload) comes back clean.
    png = _bild("PNG") + b"<script>alert(1)</script>"
    dokument = rapportdokument_andra(
        dokument=dokument, diarienummer="1", version=1, user=chef, logotyp=png
    )
    assert dokument.logotyp_typ == "image/png"
    assert b"<script>" not in bytes(dokument.logotyp)
    assert Image.open(io.BytesIO(bytes(dokument.logotyp))).size == (40, 20)
    jpeg = rapportdokument_andra(
        dokument=dokument, diarienummer="1", version=2, user=chef, logotyp=_bild("JPEG")
    )
    assert jpeg.logotyp_typ == "image/jpeg"
    for fil, meddelande in (
        (b"inte en bild", "Logotypen måste vara en PNG- eller JPEG-bild."),
        (_bild("GIF"), "Logotypen måste vara en PNG- eller JPEG-bild."),
        (b"\x89PNG" + b"0" * (1024 * 1024), "Logotypen får vara högst 1 MB."),
    ):
        with pytest.raises(ValidationError) as fel:
            rapportdokument_andra(
                dokument=dokument, diarienummer="2", version=3, user=chef, logotyp=fil
            )
        assert meddelande in str(fel.value)
    dokument.refresh_from_db()
    assert (dokument.diarienummer, dokument.logotyp_typ, dokument.version) == ("1", "image/jpeg", 3)
    utan = rapportdokument_andra(
        dokument=dokument, diarienummer="1", version=3, user=chef, ta_bort_logotyp=True
    )
    assert (utan.logotyp, utan.logotyp_typ) == (None, "")


def test_endast_forbundschefen_skriver(forbund, chef, styrelse, samordnare, utomstaende):
    dokument = _skapa(forbund, chef)
    avsnitt = dokument.avsnitt.first()
    for user in (styrelse, samordnare, utomstaende):
        with pytest.raises(PermissionDenied):
            _skapa(forbund, user, ar=2030)
        with pytest.raises(PermissionDenied):
            avsnitt_spara(avsnitt=avsnitt, rubrik="x", text="x", version=1, user=user)
        with pytest.raises(PermissionDenied):
            avsnitt_ta_bort(avsnitt=avsnitt, user=user)
        with pytest.raises(PermissionDenied):
            avsnitt_flytta(avsnitt=avsnitt, steg=1, user=user)
        with pytest.raises(PermissionDenied):
            rapportdokument_andra(dokument=dokument, diarienummer="x", version=1, user=user)
    avsnitt.refresh_from_db()
    assert (avsnitt.version, avsnitt.ordning, dokument.avsnitt.count()) == (1, 1, 10)


def test_rapportens_insatser_ar_de_som_pagick_med_delinsatser_efter_sin_overordnade(
    forbund, insats
):
    """The one rule the page's reminders and the PDF's bilaga share."""
    InsatsFactory(forbund=forbund, namn="Delinsats", overordnad=insats)
    InsatsFactory(forbund=forbund, namn="Slutade", slutdatum=D(2024, 12, 31))
    InsatsFactory(forbund=forbund, namn="Senare", startdatum=D(2025, 9, 1))
    InsatsFactory(forbund=forbund, namn="Sista dagen", startdatum=D(2025, 8, 31))
    InsatsFactory(forbund=forbund, namn="Alfa, första dagen", slutdatum=D(2025, 1, 1))
    namn = [
        i.namn
        for i in rapportens_insatser(forbund=forbund, fran=D(2025, 1, 1), till=D(2025, 8, 31))
    ]
    assert namn == ["Alfa, första dagen", "Samordningsteam", "Delinsats", "Sista dagen"]
    assert rapportens_insatser(
        forbund=forbund, fran=D(2025, 1, 1), till=D(2025, 8, 31), insats=insats
    ) == [insats]
