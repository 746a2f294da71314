"""The staff's pages, files and API: the same figures everywhere (test_resultat.py)."""

import io
import re

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from enkat.models import Matning
from enkat.services import svar_spara
from finsam.atkomst import SYSTEM
from finsam.services.api_nycklar import api_nyckel_skapa
from tests.enkat.bygg import exempelenkat, matning, svara
from tests.factories import PartFactory
from tests.hjalp.api import med_nyckel, personlig_klient
from tests.rapporter.hjalp import sidtexter

pytestmark = pytest.mark.django_db

MARS = {"fran": "2026-03-01", "till": "2026-03-31"}


def test_samordnaren_oppnar_ratter_och_tar_bort_en_matning(client, samordnare, forbund, insats):
    enkat = exempelenkat(forbund)
    client.force_login(samordnare)
    url = reverse("enkat_insats", args=[insats.pk])
    fel = client.post(url, {"enkat": enkat.pk, "tillfalle": "vid_avslut", "fran": "2026-03-31",
                            "till": "2026-03-01"})  # fmt: skip
    assert fel.status_code == 400
    assert "Periodens slut kan inte vara före dess början." in fel.content.decode()
    assert not Matning.objects.exists()
    svar = client.post(url, {"enkat": enkat.pk, "tillfalle": "vid_avslut",
                             "fran": "2026-03-01", "till": "2026-03-31"})  # fmt: skip
    ny = Matning.objects.get()
    assert svar["Location"] == reverse("enkat_matning", args=[ny.pk])
    text = client.get(svar["Location"]).content.decode()
    assert f"/e/{ny.nyckel}/" in text and "<svg" in text and "Inga svar än." in text
    # Closed early: a new end date.
    client.post(svar["Location"], {"fran": "2026-03-01", "till": "2026-03-10"})
    ny.refresh_from_db()
    assert str(ny.till) == "2026-03-10"
    # Opened by mistake, nobody has answered: it goes.
    client.post(reverse("enkat_matning_radera", args=[ny.pk]))
    assert not Matning.objects.exists()


def test_en_matning_med_svar_tas_inte_bort_och_fa_svar_visas_inte(client, chef, matningar):
    _, b = matningar  # four answers
    client.force_login(chef)
    text = client.get(reverse("enkat_matning", args=[b.pk])).content.decode()
    assert "Färre än 5 svar hittills: så få visas inte." in text
    svar = client.post(reverse("enkat_matning_radera", args=[b.pk]), follow=True)
    assert "Mätningen har svar och kan inte tas bort; stäng den i stället." in svar.content.decode()
    assert Matning.objects.filter(pk=b.pk).exists()


def test_sidan_filen_och_statistiksidan_visar_samma_tal(client, styrelse, insats, matningar):
    client.force_login(styrelse)
    text = client.get(reverse("enkat_insats", args=[insats.pk]), MARS).content.decode()
    rad = re.search(r'<th scope="row">Bra bemötande</th>(.*?)</tr>', text, re.S).group(1)
    assert re.findall(r"<td[^>]*>(.*?)</td>", rad) == [
        "65\xa0% (13 av 20)", "43–82\xa0%", "80\xa0% (8 av 10)", "50\xa0% (5 av 10)", "1", "–",
    ]  # fmt: skip
    assert "21 svar räknas; 1 mätning med färre än 5 svar räknas inte." in text
    # The styrelse reads; only the chef and the samordnare open measurements.
    assert "Öppna en mätning" not in text
    assert client.post(reverse("enkat_insats", args=[insats.pk]), {}).status_code == 404
    # The Excel file: numbers as numbers, from pieces of at least ten answers (A has 20).
    fil = client.get(reverse("enkat_insats_excel", args=[insats.pk]), MARS)
    blad = openpyxl.load_workbook(io.BytesIO(fil.content))["Indikatorer"]
    rubriker = [c.value for c in blad[1]]
    rad = next(r for r in blad.iter_rows(values_only=True) if r[0] == "Bra bemötande")
    varden = dict(zip(rubriker, rad, strict=True))
    assert (varden["Positiva"], varden["Giltiga"], varden["Andel (%)"]) == (13, 20, 65)
    assert (varden["Intervall från (%)"], varden["Intervall till (%)"]) == (43, 82)
    # Beside the insats's own results.
    statistik = client.get(
        reverse("statistik_insats", args=[insats.pk]), {"period": "egen", **MARS}
    ).content.decode()
    assert "Vad deltagarna säger" in statistik and "65\xa0% (13 av 20)" in statistik


def test_api_for_chefen_och_en_partnyckel(chef, forbund, insats, matningar):
    url = f"/api/v1/insatser/{insats.pk}/enkat/"
    (data,) = personlig_klient(chef).get(url, MARS).json()
    bemotande = next(i for i in data["indikatorer"] if i["kod"] == "bemotande")
    assert bemotande["totalt"] == {"positiva": 13, "giltiga": 20, "andel": 65, "ki_lag": 43,
                                   "ki_hog": 82}  # fmt: skip
    assert bemotande["kvinnor"]["andel"] == 80
    assert bemotande["per_matning"][1] == {"fran": "2026-03-20", "tillfalle": "vid_avslut",
                                           "resultat": None}  # fmt: skip
    assert (data["svar"], data["utelamnade_matningar"]) == (21, 1)
    # A part key with a min_cell above the piece's 20 answers sees nothing of it.
    forbund.min_cell = 21
    forbund.save()
    nyckel = api_nyckel_skapa(part=PartFactory(forbund=forbund), user=SYSTEM)[1]
    (data,) = med_nyckel(nyckel).get(url, MARS).json()
    bemotande = next(i for i in data["indikatorer"] if i["kod"] == "bemotande")
    assert bemotande["totalt"] is None and bemotande["kvinnor"] is None


def test_en_annan_insats_samordnare_ser_inte_resultaten(client, samordnare_annan_insats, insats):
    client.force_login(samordnare_annan_insats)
    assert client.get(reverse("enkat_insats", args=[insats.pk])).status_code == 404


def test_papperssvar_kraver_personal(forbund, insats, samordnare):
    """A paper form keyed in afterwards: staff of the insats, also after it closed."""
    m = matning(insats, exempelenkat(forbund))
    with pytest.raises(PermissionDenied):
        svar_spara(matning=m, svar={}, kon="man", aldersband="55_", kalla="papper",
                   idag=m.till, user=None)  # fmt: skip
    svar_spara(matning=m, svar={"bemotande": ["ganska_bra"]}, kon="man", aldersband="55_",
               kalla="papper", idag=m.till, user=samordnare)  # fmt: skip
    assert m.svar.get().kalla == "papper"


def _pdftext(svar) -> str:
    return " ".join(" ".join(sidtexter(PdfReader(io.BytesIO(svar.content)))).split())


def test_affisch_papper_och_inmatning(client, samordnare, styrelse, forbund, insats):
    idag = timezone.localdate()
    m = matning(insats, exempelenkat(forbund), fran=idag, till=idag)
    client.force_login(samordnare)
    text = _pdftext(client.get(reverse("enkat_affisch", args=[m.pk])))
    assert "Vad tycker du om Samordningsteam?" in text
    assert f"/e/{m.nyckel}/" in text.replace(" ", "")  # the address may break anywhere
    text = _pdftext(client.get(reverse("enkat_papper", args=[m.pk])))
    assert "Hur har du blivit bemött i insatsen?" in text
    assert "Svara bara om du kryssade ”Hjälp med kontakter med myndigheter” i fråga 4." in text
    assert "Vill du berätta något mer?" not in text  # free text is off
    # Keyed in while it is open, by its samordnare; undone once.
    url = reverse("enkat_papperssvar", args=[m.pk])
    svar = client.post(url, {"fraga_bemotande": "ganska_bra", "fraga_hjalp": ["kurs", "praktik"],
                             "kon": "man"})  # fmt: skip
    assert svar.status_code == 302
    post = m.svar.get()
    assert (post.kalla, post.kon, post.aldersband) == ("papper", "man", "vill_inte_svara")
    assert sorted(post.rader.values_list("alternativ__kod", flat=True)) == [
        "ganska_bra", "kurs", "praktik",
    ]  # fmt: skip
    assert "Formuläret är tomt: inget att mata in." in client.post(url, {}).content.decode()
    # A show-if question answered without its condition: refused, nothing stored.
    fel = client.post(url, {"fraga_myndigheter": "ja"})
    assert fel.status_code == 400
    assert "”Har det blivit lättare att ha kontakt med myndigheterna?” ställs inte" in (
        fel.content.decode()
    )
    client.post(reverse("enkat_papperssvar_angra", args=[m.pk]))
    assert not m.svar.exists()
    # The styrelse reads the measurement, but keys nothing in.
    client.force_login(styrelse)
    assert client.get(url).status_code == 404


def test_filerna_tar_bara_med_minst_tio_svar(client, chef, forbund, insats):
    m = matning(insats, exempelenkat(forbund))
    svara(m, 9, bemotande="mycket_bra")
    client.force_login(chef)
    sida = client.get(reverse("enkat_insats", args=[insats.pk]), MARS).content.decode()
    assert "100\xa0% (9 av 9)" in sida  # five are enough on the page
    fil = client.get(reverse("enkat_insats_csv", args=[insats.pk]), MARS).content.decode(
        "utf-8-sig"
    )
    rad = next(r for r in fil.splitlines() if r.startswith("Bra bemötande"))
    assert rad.split(";")[1:4] == ["", "", ""]  # nine are too few for a file


def test_en_stangd_matning_med_svar_andras_inte(client, samordnare, insats, matningar):
    """Its figures are shown: a late answer would be the difference, one person's."""
    a, _ = matningar
    client.force_login(samordnare)
    svar = client.post(reverse("enkat_matning", args=[a.pk]),
                       {"fran": "2026-03-01", "till": "2030-12-31"})  # fmt: skip
    assert "Mätningen har stängt och har svar: den kan inte öppnas igen." in svar.content.decode()
    svar = client.post(reverse("enkat_papperssvar", args=[a.pk]), {"kon": "man"})
    assert "Mätningen är stängd: pappersformulär matas in medan den är öppen." in (
        svar.content.decode()
    )
    a.refresh_from_db()
    assert (str(a.till), a.svar.count()) == ("2026-03-31", 21)
