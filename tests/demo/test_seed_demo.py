import datetime
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.db.models import Count, Q, Sum

import demo
from budget.models import Budgetar, Utfall
from budget.services import utfallsimport_starta
from deltagare.kryptering import uppslagshash
from deltagare.models import (
    AnonymaDeltagare,
    Deltagare,
    Forsorjning,
    Inskrivning,
    Stegbedomning,
    Uppfoljning,
)
from deltagare.personnummer import tolka
from demo.deltagarplan import planera
from demo.kalkyl import EXEMPEL
from demo.organisation import FORBUND_NAMN
from demo.seed import slump
from finsam.atkomst import SYSTEM, atkomst
from finsam.kodlistor import TILL_ARBETE_ELLER_STUDIER, Avslutsorsak, Roll
from finsam.kryptering import dekryptera
from finsam.models import Forbund
from insatser.models import Insats, Insatsberattelse
from kalkyl.models import Antaganden
from rapporter.services.dokument import rapportdokument_skapa
from scb.models import Folkmangd, Helarsekvivalent, Region
from tests.budget.utfallsfiler import ladda_upp_och_las
from tests.demo.hjalp import kor_seed, snabb_hash

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def forbund(demo):
    return Forbund.objects.get(namn=FORBUND_NAMN)


def ogonblicksbild() -> dict:
    """Every row of every model (auto-created many-to-many tables too)."""
    return {
        modell._meta.label: list(modell._default_manager.order_by("pk").values())
        for modell in apps.get_models(include_auto_created=True)
    }


def test_andra_korningen_andrar_ingenting(demo):
    fore = ogonblicksbild()
    with snabb_hash():
        ut = kor_seed()
    assert ogonblicksbild() == fore
    assert "inget nytt" in ut
    assert "Demodata inlästa." in demo


def test_andra_korningen_behaller_andrade_losenord(demo):
    chef = User.objects.get(username="chef")
    chef.set_password("chefens-eget-losenord")
    chef.save()
    with snabb_hash():
        kor_seed()
    chef.refresh_from_db()
    assert chef.check_password("chefens-eget-losenord")


def test_sammanfattning(demo, forbund):
    assert f"Demoförbund: {FORBUND_NAMN} (id {forbund.pk})." in demo
    assert "Deltagare: 300," in demo
    assert "Budgetår: 2025, 2026." in demo


def test_parter(forbund):
    assert sorted(forbund.parter.values_list("namn", "typ", "kommunkod")) == [
        ("Arbetsförmedlingen", "arbetsformedlingen", ""),
        ("Försäkringskassan", "forsakringskassan", ""),
        ("Hallstahammars kommun", "kommun", "1961"),
        ("Region Västmanland", "region", ""),
        ("Surahammars kommun", "kommun", "1907"),
        ("Västerås stad", "kommun", "1980"),
    ]


def test_insatstradet(forbund):
    insatser = Insats.objects.filter(forbund=forbund)
    trad = {
        i.namn: sorted(i.delinsatser.values_list("namn", flat=True))
        for i in insatser.filter(overordnad__isnull=True)
    }
    assert trad == {
        "Samordningsteam": [],
        "Arbetsrehabteamet": ["Arbetslivsinriktad rehabilitering", "Förrehabilitering"],
        "ALL-IN": ["Du och ditt liv", "En väg in", "Hälsoskola för arbete", "Vägen vidare"],
        "ASF": [],
    }
    team = insatser.get(namn="Samordningsteam")
    assert (team.inriktning, team.arsplatser, team.mal_arbete_studier) == ("individ", 60, 35)
    asf = insatser.get(namn="ASF")
    assert (asf.inriktning, asf.matmetod) == ("struktur", "antal")
    per_halvar = asf.nyckeltal.values("fran", "till").annotate(n=Count("id")).order_by("fran")
    assert [(r["fran"], r["till"], r["n"]) for r in per_halvar] == [
        (datetime.date(2025, 1, 1), datetime.date(2025, 6, 30), 4),
        (datetime.date(2025, 7, 1), datetime.date(2025, 12, 31), 4),
        (datetime.date(2026, 1, 1), datetime.date(2026, 6, 30), 4),
    ]
    assert set(asf.nyckeltal.values_list("namn", flat=True)) == {
        "Antal företag",
        "Antal anställda",
        "Deltagare i företagsutbildning",
        "Deltagare i nätverksträffar",
    }
    # The people count is split by kön, its value their sum.
    traffar = asf.nyckeltal.filter(raknar_personer=True).order_by("fran")
    assert [(n.varde, n.kvinnor, n.man, n.annat) for n in traffar] == [
        (41, 22, 17, 2), (46, 26, 19, 1), (58, 31, 24, 3),
    ]  # fmt: skip


def test_demoanvandarnas_roller_och_losenord(forbund):
    chef, samordnare, styrelse = (
        User.objects.get(username=n) for n in ("chef", "samordnare", "styrelse")
    )
    assert atkomst(chef).roller == {forbund.pk: frozenset({Roll.FORBUNDSCHEF})}
    assert atkomst(styrelse).roller == {forbund.pk: frozenset({Roll.STYRELSE})}
    assert atkomst(samordnare).roller == {forbund.pk: frozenset({Roll.SAMORDNARE})}
    # Named for two insatser; their delinsatser come with them.
    assert set(
        Insats.objects.filter(id__in=atkomst(samordnare).samordnare_insatser).values_list(
            "namn", flat=True
        )
    ) == {
        "Samordningsteam",
        "Arbetsrehabteamet",
        "Förrehabilitering",
        "Arbetslivsinriktad rehabilitering",
    }
    for user in (chef, samordnare, styrelse):
        assert user.check_password(settings.FINSAM_DEMO_PASSWORD)
    # The samordnare sees their own deltagare and no one else's.
    synliga = Inskrivning.objects.visible_to(samordnare)
    assert synliga.exists()
    assert not synliga.filter(insats__namn__in=["En väg in", "Vägen vidare"]).exists()
    assert not Deltagare.objects.visible_to(chef).exists()


def test_deltagare_enligt_planen(forbund):
    plan = planera(slump("deltagare"))
    assert Deltagare.objects.filter(forbund=forbund).count() == len(plan) == 300
    assert sorted(
        Deltagare.objects.exclude(referens="").values_list("referens", flat=True)
    ) == sorted(p.referens for p in plan if p.referens)
    assert Inskrivning.objects.filter(insats__forbund=forbund).count() == sum(
        len(p.inskrivningar) for p in plan
    )


def test_planen_ar_deterministisk():
    assert planera(slump("deltagare")) == planera(slump("deltagare"))
    assert planera(slump("deltagare")) != planera(slump("annat"))


def test_personnummer_lagras_bara_krypterat(forbund):
    nummer = [p.personnummer for p in planera(slump("deltagare")) if p.personnummer]
    assert 120 <= len(nummer) <= 220
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM deltagare_deltagare")
        rader = cursor.fetchall()
    assert len(rader) == 300
    radtext = " ".join(str(varde) for rad in rader for varde in rad)
    for pnr in nummer:
        for form in (pnr, pnr[2:], f"{pnr[:8]}-{pnr[8:]}", f"{pnr[2:8]}-{pnr[8:]}"):
            assert form not in radtext
    med_nummer = Deltagare.objects.filter(personnummer_hash__isnull=False)
    assert med_nummer.count() == len(nummer)
    for deltagare in med_nummer:
        klartext = tolka(dekryptera(deltagare.personnummer_krypterat))
        assert deltagare.personnummer_hash == uppslagshash(klartext.nummer)
        assert (deltagare.kon, deltagare.fodelsear) == (klartext.kon, klartext.fodelsear)
        # Consent is per inskrivning, and each of the person's has one.
        assert not deltagare.inskrivningar.filter(samtycke_datum__isnull=True).exists()
    assert {tolka(dekryptera(d.personnummer_krypterat)).nummer for d in med_nummer} == set(nummer)


def test_realistisk_spridning(forbund):
    inskrivningar = Inskrivning.objects.filter(insats__forbund=forbund)
    giltiga = inskrivningar.ej_felregistrerade()
    avslutade = giltiga.filter(slutdatum__isnull=False)
    assert 0.4 <= avslutade.count() / giltiga.count() <= 0.65
    till_arbete = avslutade.filter(avslutsorsak__in=TILL_ARBETE_ELLER_STUDIER).count()
    assert 0.25 <= till_arbete / avslutade.count() <= 0.35
    assert 1 <= inskrivningar.filter(avslutsorsak=Avslutsorsak.FELREGISTRERING).count() <= 20
    assert set(inskrivningar.values_list("deltagare__kon", flat=True)) == {"kvinna", "man", "annat"}
    assert inskrivningar.filter(startdatum__lt=datetime.date(2025, 1, 1)).count() == 0
    assert inskrivningar.filter(slutdatum__gt=datetime.date(2026, 10, 31)).count() == 0
    bedomningar = Stegbedomning.objects.filter(inskrivning__insats__forbund=forbund)
    typer = dict(bedomningar.values_list("typ").annotate(n=Count("id")))
    assert typer["start"] > 0.7 * giltiga.count()
    assert typer["lopande"] > 0 and typer["avslut"] > 0 and typer["uppfoljning_6"] > 0
    # Follow-ups tell where people went, and some could not be reached.
    uppfoljningar = Uppfoljning.objects.filter(inskrivning__insats__forbund=forbund)
    utfall = dict(uppfoljningar.values_list("utfall").annotate(n=Count("id")))
    assert utfall["genomford"] == typer["uppfoljning_6"] + typer.get("uppfoljning_18", 0)
    assert utfall["kunde_inte_nas"] > 0
    assert not uppfoljningar.filter(utfall="genomford", sysselsattning="").exists()
    assert (
        Forsorjning.objects.filter(
            inskrivning__insats__forbund=forbund, tidpunkt="uppfoljning_6"
        ).count()
        >= utfall["genomford"] // 2
    )
    antal_kallor = inskrivningar.annotate(
        n=Count("forsorjning", filter=Q(forsorjning__tidpunkt="start"))
    ).values_list("n", flat=True)
    assert set(antal_kallor) == {1, 2}
    # Every inskrivning has a hemkommun, most in Västerås (by folkmängd).
    hemkommuner = dict(inskrivningar.values_list("hemkommun").annotate(n=Count("id")))
    assert set(hemkommuner) == {"1980", "1961", "1907"}
    assert hemkommuner["1980"] > hemkommuner["1961"] + hemkommuner["1907"]
    assert AnonymaDeltagare.objects.filter(insats__forbund=forbund).count() == 4


def test_budget(forbund):
    b2025, b2026 = Budgetar.objects.filter(forbund=forbund).order_by("ar")
    # Staten half, regionen a quarter, kommunerna a quarter by folkmängd
    # 20–64 år: 3 000 000 × 88 586 / 102 502 = 2 592 710,3 and so on.
    assert dict(b2025.intakter.values_list("part__namn", "belopp")) == {
        "Försäkringskassan": 6_000_000,
        "Region Västmanland": 3_000_000,
        "Västerås stad": 2_592_710,
        "Hallstahammars kommun": 254_249,
        "Surahammars kommun": 153_041,
    }
    assert set(b2025.rader.values_list("kategori", flat=True)) == {
        "insatser",
        "styrelsen",
        "administration",
    }
    assert set(b2025.rader.filter(insats__isnull=False).values_list("insats__namn", flat=True)) == {
        "Samordningsteam",
        "Arbetsrehabteamet",
        "ALL-IN",
        "ASF",
    }
    manader = {
        b.ar: [d.month for d in Utfall.objects.filter(rad__budgetar=b).dates("datum", "month")]
        for b in (b2025, b2026)
    }
    assert manader == {2025: list(range(1, 13)), 2026: list(range(1, 11))}
    # 2026 starts from 2025's actual result.
    kostnader_2025 = Utfall.objects.filter(rad__budgetar=b2025).aggregate(s=Sum("belopp"))["s"]
    assert b2026.eget_kapital_ingaende == (
        b2025.eget_kapital_ingaende + 12_000_000 - kostnader_2025
    )


def test_scb_data(demo):
    assert Region.objects.get(kod="1980").typ == "kommun"
    assert Region.objects.get(kod="00").typ == "riket"
    # 18 rows in the file, six ersättningsformer each; SCB's, not made up.
    assert Helarsekvivalent.objects.filter(pahittad=False).count() == 18 * 6
    # Made up for the demo's kommuner: 2021–2025 (SCB lags a year), three kön, six forms.
    pahittade = Helarsekvivalent.objects.filter(pahittad=True)
    assert set(pahittade.values_list("region__kod", flat=True)) == {"1980", "1961", "1907"}
    assert pahittade.count() == 3 * 5 * 3 * 6
    assert sorted(pahittade.values_list("ar", flat=True).distinct()) == list(range(2021, 2026))
    rad = {
        r.kon: r.varde
        for r in pahittade.filter(region__kod="1980", ar=2025, ersattningsform="sjukpenning")
    }
    assert rad["kvinnor"] + rad["man"] == rad["totalt"]
    assert 0.6 < rad["kvinnor"] / rad["totalt"] < 0.7
    assert (
        Helarsekvivalent.objects.get(
            region__kod="1980", ar=2020, kon="totalt", ersattningsform="sjukpenning"
        ).varde
        == 1905
    )
    # The four riket rows by kön have no folkmängd in the source.
    assert Folkmangd.objects.count() == 14
    assert not Folkmangd.objects.filter(region__kod="00", kon="kvinnor").exists()
    assert Folkmangd.objects.get(region__kod="1980", ar=2020, kon="totalt").antal == 88586


def _utfall(budgetar, **filter) -> int:
    return Utfall.objects.filter(rad__budgetar=budgetar, **filter).aggregate(s=Sum("belopp"))["s"]


def _importera_exempelfil(forbund, namn: str, capture):
    """Preview and import one of demo/exempel/ into 2026; its preview and the kronor it added."""
    fil = Path(demo.__file__).parent / "exempel" / namn
    budgetar = Budgetar.objects.get(forbund=forbund, ar=2026)
    fore = _utfall(budgetar)
    utfallsimport, granskning = ladda_upp_och_las(
        budgetar, SimpleUploadedFile(fil.name, fil.read_bytes())
    )
    assert granskning.fel == () and granskning.okanda_konton == ()
    with capture(execute=True):
        utfallsimport_starta(utfallsimport=utfallsimport, user=SYSTEM)
    return granskning, _utfall(budgetar) - fore


def test_exempelfilen_importeras_i_demons_budget(
    forbund, settings, tmp_path, django_capture_on_commit_callbacks
):
    """The README's sample export fits the demo's konton: no errors, every krona lands."""
    settings.MEDIA_ROOT = tmp_path
    _, tillagt = _importera_exempelfil(
        forbund, "utfall-2026-11.csv", django_capture_on_commit_callbacks
    )
    # Summed per rad and month, then rounded: 273 658 + 268 905 + 221 460 + 80 125
    # + 20 833 + 98 411 + 14 580 + 9 217 (10 416,50 − 1 200) = 987 189.
    assert tillagt == 987_189


def test_den_roriga_huvudboken_importeras_och_varnar_for_oktobers_handinmatade_utfall(
    forbund, settings, tmp_path, django_capture_on_commit_callbacks
):
    """A ledger export as it comes (cp1252, title rows, sums, "kr"): previewed, then imported."""
    settings.MEDIA_ROOT = tmp_path
    # The demo posts October by hand: 1 079 685 kr (issue 14).
    budgetar = Budgetar.objects.get(forbund=forbund, ar=2026)
    assert _utfall(budgetar, datum__month=10, utfallsimport__isnull=True) == 1_079_685
    granskning, tillagt = _importera_exempelfil(
        forbund, "huvudbok-2026-10.csv", django_capture_on_commit_callbacks
    )
    assert granskning.noteringar == (
        "Rad 1–5 hoppades över: rubrikrader före kolumnnamnen.",
        "Rad 9 hoppades över: summaraden ”Summa konto 4010–4011”.",
        "Rad 19 hoppades över: summaraden ”Summa”.",
    )
    assert [h.varning for h in granskning.for_hand] == [
        "Oktober 2026: 1\xa0079\xa0685\xa0kr utfall är redan inmatat för hand; "
        "importen lägger till, den ersätter inte."
    ]
    # Per rad and day, then rounded: 270 590 (228 940 + 41 650,20) + 265 310 + 218 775
    # + 79 480 + 20 833 + 97 906 + 14 580 + 10 417 − 1 250 = 976 641
    # (the file's own Summa row: 976 640,70 kr).
    assert granskning.summa == tillagt == 976_641


def test_forra_arets_delarsrapport_ar_skriven(demo, forbund):
    """The chef's first delårsrapport starts from last year's texts, as a real förbund's would."""
    assert "Rapporter: 1 med skrivna texter." in demo
    forra = forbund.rapportdokument.get()
    assert (forra.typ, forra.fran, forra.till, forra.diarienummer) == (
        "delarsrapport",
        datetime.date(2025, 1, 1),
        datetime.date(2025, 8, 31),
        "2025/14",
    )
    texter = {a.rubrik: a.text for a in forra.avsnitt.filter(typ="text")}
    assert texter["Sammanfattning"].startswith("Förbundet har under delåret")
    assert "## Vision" in texter["Syftet med samordningsförbundets verksamhet"]
    ny = rapportdokument_skapa(
        forbund=forbund,
        typ="delarsrapport",
        fran=datetime.date(2026, 1, 1),
        till=datetime.date(2026, 8, 31),
        user=SYSTEM,
    )
    assert {a.rubrik: a.text for a in ny.avsnitt.filter(typ="text")} == texter
    # Two insatser have written their berättelse for last year's period; the others not.
    skrivna = Insatsberattelse.objects.filter(
        insats__forbund=forbund, fran=forra.fran, till=forra.till
    )
    assert sorted(b.insats.namn for b in skrivna) == ["Arbetsrehabteamet", "Samordningsteam"]
    # This year's: one written, so the chef's new report shows who still has to.
    arets = Insatsberattelse.objects.filter(insats__forbund=forbund, fran=ny.fran, till=ny.till)
    assert [b.insats.namn for b in arets] == ["Samordningsteam"]


def test_kalkylantagandena_ar_exempel(forbund):
    antaganden = Antaganden.objects.filter(forbund=forbund)
    assert sorted(antaganden.values_list("ar", flat=True)) == [2025, 2026]
    assert all(a.exempel for a in antaganden)
    sjukpenning = antaganden.get(ar=2025).kostnader.get(kalla="sjukpenning")
    assert (sjukpenning.aktor, sjukpenning.kalla_text) == ("staten", EXEMPEL)
