import datetime

import pytest
from django.core.exceptions import ValidationError

from deltagare.personnummer import kontrollsiffra, maskera, normalisera, tolka
from finsam.kodlistor import Kon

IDAG = datetime.date(2025, 6, 1)


@pytest.mark.parametrize(
    ("text", "nummer", "kon", "fodelsear"),
    [
        # Skatteverket's well-known example numbers.
        ("19121212-1212", "191212121212", Kon.MAN, 1912),
        ("191212121212", "191212121212", Kon.MAN, 1912),
        ("121212+1212", "191212121212", Kon.MAN, 1912),
        ("811218-9876", "198112189876", Kon.MAN, 1981),
        ("8112189876", "198112189876", Kon.MAN, 1981),
        # Check digit by hand: 8,5,0,3,1,2,2,4,2 weighted 2,1,2,... gives
        # 7+5+0+3+2+2+4+4+4 = 31, so 9; serial digit 2 is even: kvinna.
        ("850312-2429", "198503122429", Kon.KVINNA, 1985),
        # Without "+" a ten-digit number is the youngest possible: 2012.
        ("121212-1212", "201212121212", Kon.MAN, 2012),
        # A samordningsnummer: day 03 + 60 = 63.
        ("701063-2391", "197010632391", Kon.MAN, 1970),
        ("  811218-9876 ", "198112189876", Kon.MAN, 1981),
    ],
)
def test_giltiga_nummer(text, nummer, kon, fodelsear):
    pnr = tolka(text, idag=IDAG)
    assert pnr.nummer == nummer
    assert pnr.kon == kon
    assert pnr.fodelsear == fodelsear
    assert normalisera(text, idag=IDAG) == nummer


def test_samordningsnummer_har_verkligt_fodelsedatum():
    pnr = tolka("701063-2391", idag=IDAG)
    assert pnr.ar_samordningsnummer
    assert pnr.fodelsedatum == datetime.date(1970, 10, 3)
    assert not tolka("811218-9876", idag=IDAG).ar_samordningsnummer


def test_tiosiffrigt_nummer_fran_i_ar_efter_dagens_datum_ar_hundra_ar_aldre():
    # 250602 is tomorrow's date in 2025: the person must be born in 1925.
    siffror = "250602123"
    text = f"{siffror[:6]}-{siffror[6:]}{kontrollsiffra(siffror)}"
    assert tolka(text, idag=IDAG).fodelsear == 1925
    assert tolka(text, idag=datetime.date(2025, 6, 2)).fodelsear == 2025


def test_kontrollsiffra_enligt_luhn():
    assert kontrollsiffra("811218987") == 6
    assert kontrollsiffra("121212121") == 2
    assert kontrollsiffra("701063239") == 1


def test_maskera():
    assert maskera("850312-2429", idag=IDAG) == "19850312-****"
    assert maskera("198112189876") == "19811218-****"


@pytest.mark.parametrize(
    ("text", "meddelande"),
    [
        ("811218-9875", "Kontrollsiffran stämmer inte."),
        ("19121212-1213", "Kontrollsiffran stämmer inte."),
        ("850230-2420", "Ogiltigt datum i personnumret."),
        ("851312-2420", "Ogiltigt datum i personnumret."),
        ("850300-2420", "Ogiltigt datum i personnumret."),
        ("19850332-2420", "Ogiltigt datum i personnumret."),
        # Day 92 is 32 + 60: no samordningsnummer either.
        ("850392-2420", "Ogiltigt datum i personnumret."),
        ("20990101-0000", "Födelsedatumet i personnumret ligger i framtiden."),
        ("19121212+1212", "Plustecken används bara i den tiosiffriga formen (ÅÅMMDD+NNNN)."),
        ("81121-9876", "Personnumret ska skrivas med 10 eller 12 siffror"),
        ("811218--9876", "Personnumret ska skrivas med 10 eller 12 siffror"),
        ("8112189876a", "Personnumret ska skrivas med 10 eller 12 siffror"),
        ("", "Personnumret ska skrivas med 10 eller 12 siffror"),
    ],
)
def test_ogiltiga_nummer_ger_svenskt_fel_utan_numret(text, meddelande):
    with pytest.raises(ValidationError) as fel:
        tolka(text, idag=IDAG)
    assert fel.value.messages[0].startswith(meddelande)
    siffror = "".join(c for c in text if c.isdigit())
    if siffror:
        assert siffror[-4:] not in fel.value.messages[0]
