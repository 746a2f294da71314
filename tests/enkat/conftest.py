"""Measurements with known answers (test_resultat.py tells their figures)."""

import pytest

from tests.enkat.bygg import D, exempelenkat, matning, svara


@pytest.fixture
def matningar(forbund, insats):
    enkat = exempelenkat(forbund)
    a = matning(insats, enkat)
    svara(a, 8, kon="kvinna", bemotande="mycket_bra", hjalp=["praktik", "kurs"])
    svara(a, 2, kon="kvinna", bemotande="varken_eller")
    svara(a, 5, kon="man", bemotande="ganska_bra")
    svara(a, 5, kon="man", bemotande="ganska_daligt")
    svara(a, 1, kon="man", bemotande="vet_inte")
    b = matning(insats, enkat, fran=D(2026, 3, 20))
    svara(b, 4, kon="kvinna", bemotande="mycket_bra")
    return a, b
