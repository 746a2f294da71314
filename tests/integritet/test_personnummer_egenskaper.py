"""Property-based proofs for personnummer and samordningsnummer (hypothesis).

The expected values are computed here from the definition (Skatteverket:
date, serial, Luhn digit; samordningsnummer = day + 60; `+` from the
100th birthday), independently of `deltagare.personnummer`.
"""

import calendar
import datetime
from dataclasses import dataclass

import pytest
from django.core.exceptions import ValidationError
from hypothesis import example, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from deltagare.personnummer import maskera, normalisera, tolka
from finsam.kodlistor import Kon

D = datetime.date

# More examples than the default 100: the date space is large and the
# interesting edges (100th birthday, day + 60) are narrow. No deadline: a
# slow CI machine is not a failure.
INSTALLNING = hypothesis_settings(max_examples=300, deadline=None)


def luhn_giltig(tio: str) -> bool:
    """The Luhn check over ten digits, weights 2,1,2,… from the left."""
    summa = 0
    for i, tecken in enumerate(tio):
        varde = int(tecken) * (2 - i % 2)
        summa += varde - 9 if varde > 9 else varde
    return summa % 10 == 0


@dataclass(frozen=True)
class Fall:
    idag: datetime.date
    fodd: datetime.date
    samordning: bool
    lopnummer: int
    tolv: str  # the expected normalised form

    @property
    def tio(self) -> str:
        return self.tolv[2:]

    @property
    def hundra_ar(self) -> bool:
        """Turned 100 by `idag`: the ten-digit form then takes `+`."""
        f, i = self.fodd, self.idag
        return (f.year + 100, f.month, f.day) <= (i.year, i.month, i.day)

    def former(self) -> list[str]:
        """Every way of writing the number that must be accepted."""
        tecken = "+" if self.hundra_ar else "-"
        former = [
            self.tolv,
            f"{self.tolv[:8]}-{self.tolv[8:]}",
            f"{self.tio[:6]}{tecken}{self.tio[6:]}",
        ]
        if not self.hundra_ar:
            former.append(self.tio)
        return former


@st.composite
def fall(draw) -> Fall:
    idag = draw(st.dates(datetime.date(2000, 1, 1), datetime.date(2035, 12, 31)))
    fodd = draw(st.dates(datetime.date(1900, 1, 1), idag))
    samordning = draw(st.booleans())
    lopnummer = draw(st.integers(0, 999))
    dag = fodd.day + (60 if samordning else 0)
    nio = f"{fodd:%y%m}{dag:02d}{lopnummer:03d}"
    kontroll = next(c for c in "0123456789" if luhn_giltig(nio + c))
    return Fall(idag, fodd, samordning, lopnummer, f"{fodd.year:04d}{nio[2:]}{kontroll}")


@INSTALLNING
@given(fall())
def test_varje_giltigt_nummer_godtas_i_alla_former_och_blir_samma_tolv_siffror(f):
    for text in f.former():
        assert normalisera(text, idag=f.idag) == f.tolv, text
        assert normalisera(f" {text} ", idag=f.idag) == f.tolv


@INSTALLNING
@given(fall())
def test_kon_fodelsear_och_fodelsedatum_harleds(f):
    pnr = tolka(f.tolv, idag=f.idag)
    # The serial's last digit: odd for men, even for women.
    assert pnr.kon == (Kon.MAN if f.lopnummer % 2 else Kon.KVINNA)
    assert pnr.fodelsear == f.fodd.year
    assert pnr.fodelsedatum == f.fodd
    assert pnr.ar_samordningsnummer is f.samordning


@INSTALLNING
@given(fall())
# Found by Hypothesis: born on the leap day 2000, whose `+` form is a day 1900 lacked.
@example(Fall(D(2000, 2, 29), D(2000, 2, 29), False, 0, "200002290005"))
def test_tiosiffrigt_utan_plus_ar_den_yngsta_mojliga_personen(f):
    """Without `+` a ten-digit number never means someone 100 or older."""
    if f.hundra_ar:
        assert tolka(f.tio, idag=f.idag).fodelsear == f.fodd.year + 100
    elif (f.fodd.month, f.fodd.day) == (2, 29) and not calendar.isleap(f.fodd.year - 100):
        # With `+`, 000229 is 29 February 1900, a day that never was: refused.
        with pytest.raises(ValidationError, match="Ogiltigt datum"):
            tolka(f"{f.tio[:6]}+{f.tio[6:]}", idag=f.idag)
    else:
        assert tolka(f"{f.tio[:6]}+{f.tio[6:]}", idag=f.idag).fodelsear == f.fodd.year - 100


@INSTALLNING
@given(fall())
def test_plus_godtas_inte_i_tolvsiffrig_form(f):
    with pytest.raises(ValidationError) as fel:
        tolka(f"{f.tolv[:8]}+{f.tolv[8:]}", idag=f.idag)
    assert fel.value.code == "format"


@INSTALLNING
@given(fall())
def test_maskera_visar_bara_datumdelen(f):
    for text in f.former():
        maskerat = maskera(text, idag=f.idag)
        # The date, then nothing of the serial or the check digit.
        assert maskerat == f"{f.tolv[:8]}-****"


def _utan_siffror(fel: ValidationError) -> bool:
    return not any(tecken.isdigit() for meddelande in fel.messages for tecken in meddelande)


@INSTALLNING
@given(fall(), st.integers(0, 9), st.integers(1, 9), st.booleans())
def test_en_andrad_siffra_vagras_utan_att_numret_syns(f, plats, tillagg, tolvsiffrig):
    """Luhn catches every single-digit change of the ten digits it covers.

    The century (the 12-digit form's first two digits) is outside the check,
    so it cannot be proven wrong and is left out here.
    """
    tio = f.tio
    andrad = tio[:plats] + str((int(tio[plats]) + tillagg) % 10) + tio[plats + 1 :]
    tecken = "+" if f.hundra_ar else "-"
    text = (
        f"{f.tolv[:2]}{andrad[:6]}-{andrad[6:]}"
        if tolvsiffrig
        else f"{andrad[:6]}{tecken}{andrad[6:]}"
    )
    with pytest.raises(ValidationError) as fel:
        tolka(text, idag=f.idag)
    assert fel.value.code in {"kontrollsiffra", "datum"}
    # Neither the changed number nor the real one is in the message.
    assert _utan_siffror(fel.value)
    for form in (text, andrad, f.tolv, f.tio):
        assert form not in str(fel.value)


@INSTALLNING
@given(st.text(alphabet="0123456789-+ ", max_size=16))
def test_godtycklig_inmatning_ger_ett_nummer_eller_ett_svenskt_fel(text):
    """No input makes the parser crash or echo itself back."""
    try:
        pnr = tolka(text, idag=datetime.date(2025, 6, 1))
    except ValidationError as fel:
        assert fel.code in {"format", "datum", "kontrollsiffra"}
        siffror = "".join(t for t in text if t.isdigit())
        if len(siffror) >= 4:
            assert siffror not in str(fel)
            assert siffror[-4:] not in str(fel)
    else:
        assert len(pnr.nummer) == 12
        assert luhn_giltig(pnr.nummer[2:])
