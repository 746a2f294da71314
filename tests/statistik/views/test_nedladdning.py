"""CSV and Excel carry the engine's figures: parsed back, every table equals `som_dict()`."""

import csv
import io

import pandas as pd
import pytest
from django.urls import reverse

from finsam.kodlistor import (
    Aldersgrupp,
    Avslutsorsak,
    Forsorjningskalla,
    TidIOffentligForsorjning,
    Utbildningsniva,
)
from statistik.berakning import insats_statistik
from tests.statistik.views.hjalp import FRAN, PERIOD, TILL

pytestmark = pytest.mark.django_db

KON = ["Kvinnor", "Män", "Annat", "Totalt"]
NYCKLAR = ["kvinnor", "man", "annat", "totalt"]
TID = {
    "0-3": "0–3 månader",
    "4-6": "4–6 månader",
    "7-12": "7–12 månader",
    "13-": "13 månader eller mer",
}


def _kodtabeller(s: dict) -> dict[str, dict[str, dict]]:
    """Each per-kön table of the engine's statistics object, keyed by title and row label."""

    def etiketter(lista, tabell):
        return {str(k.label): tabell[str(k)] for k in lista if str(k) in tabell}

    d = s["deltagare"]
    return {
        "Deltagare": {
            "Aktiva": d["aktiva"], "Nya": d["nya"], "Avslutade": d["avslutade"],
            "Anonyma": d["anonyma"], "Aktiva inklusive anonyma": d["aktiva_inklusive_anonyma"],
        },
        "Åldersgrupp vid start": etiketter(Aldersgrupp, s["aldersgrupp"]),
        "Utbildningsnivå": etiketter(Utbildningsniva, s["utbildningsniva"]),
        "Tid i offentlig försörjning före start": etiketter(
            TidIOffentligForsorjning, s["tid_i_offentlig_forsorjning"]
        ),
        "Försörjning vid start": etiketter(Forsorjningskalla, s["forsorjning_vid_start"]),
        "Försörjning vid avslut": etiketter(Forsorjningskalla, s["forsorjning_vid_avslut"]),
        "Avslutsorsak": etiketter(Avslutsorsak, s["avslutsorsak"]),
        "Tid i insats": {TID[k]: v for k, v in s["tid_i_insats"]["grupper"].items()},
    }  # fmt: skip


def _ladda_ned(client, vy, insats):
    svar = client.get(reverse(vy, args=[insats.pk]), PERIOD)
    assert svar.status_code == 200
    return svar


def _csv_avsnitt(innehall: bytes) -> dict[str, list[list[str]]]:
    """The CSV's sections: the head, then each table under its title line."""
    text = innehall.decode("utf-8-sig")
    avsnitt = {}
    for i, block in enumerate(text.split("\r\n\r\n")):
        rader = list(csv.reader(io.StringIO(block.strip("\r\n")), delimiter=";"))
        if i == 0:
            avsnitt["huvud"] = rader
        else:
            avsnitt[rader[0][0]] = rader[1:]
    return avsnitt


def test_csv_ar_motorns_siffror(client, chef, liten_insats):
    client.force_login(chef)
    svar = _ladda_ned(client, "statistik_insats_csv", liten_insats)
    assert svar["Content-Type"] == "text/csv; charset=utf-8"
    assert svar["Content-Disposition"] == (
        'attachment; filename="statistik-samordningsteam-2024-01-01-2024-06-30.csv"'
    )
    assert svar.content.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for UTF-8
    avsnitt = _csv_avsnitt(svar.content)
    assert avsnitt["huvud"] == [
        ["Insats", "Samordningsteam"],
        ["Period", "2024-01-01 – 2024-06-30"],
        ["Urval", "Aktiva"],
    ]
    s = insats_statistik(insats=liten_insats, fran=FRAN, till=TILL).som_dict()
    for rubrik, vantade in _kodtabeller(s).items():
        huvud, *rader = avsnitt[rubrik]
        assert huvud[1:] == KON, rubrik
        assert {r[0]: {k: int(v) for k, v in zip(NYCKLAR, r[1:], strict=True)} for r in rader} == (
            vantade
        ), rubrik
    _, *resultat = avsnitt["Till arbete eller studier, stegförflyttning och effekt"]
    rader = {r[0]: r[1:] for r in resultat}
    for rubrik, nyckel, mal in (
        ("Till arbete eller studier", "till_arbete_eller_studier", "40"),
        ("Stegförflyttning", "stegforflyttning", "60"),
    ):
        andel = s[nyckel]
        assert rader[rubrik] == [str(andel[k]) for k in ("antal", "av", "andel")] + [mal, ""]
    assert rader["Effekt 18 månader"] == ["0", "0", "", "", "0"]
    _, *ovrigt = avsnitt["Tid i insats och beläggning"]
    # Swedish decimal comma: 2.8 months is written 2,8.
    assert dict(ovrigt) == {
        "Tid i insats, median (månader)": f"{s['tid_i_insats']['median_manader']}".replace(
            ".", ","
        ),
        "Beläggning (%)": str(s["belaggning"]["andel"]),
    }
    assert dict(ovrigt)["Tid i insats, median (månader)"] == "2,8"


def test_excel_ar_motorns_siffror(client, chef, liten_insats):
    client.force_login(chef)
    svar = _ladda_ned(client, "statistik_insats_excel", liten_insats)
    assert svar["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert svar["Content-Disposition"].endswith('-2024-01-01-2024-06-30.xlsx"')
    blad = pd.read_excel(io.BytesIO(svar.content), sheet_name=None, index_col=0)
    assert blad["Om"].to_dict()["Värde"] == {
        "Insats": "Samordningsteam", "Period": "2024-01-01 – 2024-06-30", "Urval": "Aktiva"
    }  # fmt: skip
    s = insats_statistik(insats=liten_insats, fran=FRAN, till=TILL).som_dict()
    kort = {"Tid i offentlig försörjning före start": "Tid i offentlig försörjning"}
    for rubrik, vantade in _kodtabeller(s).items():
        tabell = blad[kort.get(rubrik, rubrik)]
        assert list(tabell.columns) == KON, rubrik
        fatt = {
            rad: {n: int(tabell.loc[rad, k]) for n, k in zip(NYCKLAR, KON, strict=True)}
            for rad in tabell.index
        }
        assert fatt == vantade, rubrik
    resultat = blad["Resultat"]
    assert (
        int(resultat.loc["Till arbete eller studier", "Andel (%)"])
        == (s["till_arbete_eller_studier"]["andel"])
    )
    assert int(resultat.loc["Stegförflyttning", "Av"]) == s["stegforflyttning"]["av"]
    assert pd.isna(resultat.loc["Effekt 6 månader", "Andel (%)"])
    ovrigt = blad["Tid i insats och beläggning"]["Värde"]
    assert ovrigt["Tid i insats, median (månader)"] == pytest.approx(2.8)
    assert ovrigt["Beläggning (%)"] == s["belaggning"]["andel"] == 70


def test_nedladdningarna_foljer_urvalet(client, chef, liten_insats):
    client.force_login(chef)
    svar = client.get(
        reverse("statistik_insats_csv", args=[liten_insats.pk]), {**PERIOD, "urval": "nya"}
    )
    avsnitt = _csv_avsnitt(svar.content)
    assert avsnitt["huvud"][2] == ["Urval", "Nya"]
    s = insats_statistik(insats=liten_insats, fran=FRAN, till=TILL, urval="nya").som_dict()
    _, *rader = avsnitt["Utbildningsnivå"]
    totalt = {r[0]: int(r[4]) for r in rader}
    assert totalt["Gymnasium"] == s["utbildningsniva"]["gymnasium"]["totalt"] == 1
