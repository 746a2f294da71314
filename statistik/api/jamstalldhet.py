"""`insatser/{id}/jamstalldhet/` and `forbund/{id}/jamstalldhet/`: the answer and its schema.

The answer is built from the same engine objects as the statistics
(`insats_statistik`, `forbund_statistik`), analysed by statistik.jamstalldhet
and masked for part keys by its rule, so it can never disagree with them.
"""

import datetime

from django.http import Http404
from rest_framework import serializers

from finsam.api.fraga import standardperiod
from finsam.atkomst import atkomst
from finsam.kodlistor import Ersattningsform
from finsam.maskering import min_cell_for
from finsam.models import Forbund
from insatser.models import Insats
from statistik.api.behov import pahittade_demosiffror_falt
from statistik.jamstalldhet.analys import (
    MATT,
    Jamstalldhetsanalys,
    Utfall,
    forbundets_analys,
    insatsens_analys,
)
from statistik.jamstalldhet.prov import Andelsskattning


def insats_jamstalldhet_las(
    *, user, insats: Insats, fran: datetime.date | None = None, till: datetime.date | None = None
) -> dict:
    """The insats's jämställdhetsanalys (urval aktiva) for an insats the caller was given."""
    fran, till = standardperiod(fran, till)
    return _svar(insatsens_analys(insats, fran, till, min_cell_for(user, insats.forbund, insats)))


def forbund_jamstalldhet_las(
    *, user, forbund: Forbund, fran: datetime.date | None = None, till: datetime.date | None = None
) -> dict:
    """The förbund's, for its members and part keys only (as its statistics)."""
    if forbund.pk not in atkomst(user).forbund:
        raise Http404
    fran, till = standardperiod(fran, till)
    return _svar(forbundets_analys(forbund, fran, till, min_cell_for(user, forbund)))


def _svar(analys: Jamstalldhetsanalys) -> dict:
    return {
        "fran": analys.fran.isoformat(),
        "till": analys.till.isoformat(),
        "utfall": [_utfall(u) for u in analys.utfall],
        "scb_ar": analys.representationer.scb_ar,
        "pahittade_demosiffror": analys.representationer.pahittade,
        "representation": [
            {
                "forsorjning": r.forsorjning,
                "andel_kvinnor_deltagare": r.andel_kvinnor_deltagare,
                "andel_kvinnor_helarsekvivalenter": r.andel_kvinnor_helarsekvivalenter,
            }
            for r in analys.representationer.rader
        ],
    }


def _utfall(utfall: Utfall) -> dict:
    j = utfall.jamforelse
    return {
        "matt": utfall.matt,
        "kvinnor": _andel(j.kvinnor),
        "man": _andel(j.man),
        "skillnad": {
            "procentenheter": j.skillnad.procentenheter,
            "ki_lag": j.skillnad.ki_lag,
            "ki_hog": j.skillnad.ki_hog,
        },
        "p_varde": j.p_varde,
        "sakerstalld": j.sakerstalld,
        "fler_behovs": j.fler_behovs,
        "utlatande": j.utlatande,
    }


def _andel(a: Andelsskattning) -> dict:
    return {"antal": a.antal, "av": a.av, "andel": a.andel, "ki_lag": a.ki_lag, "ki_hog": a.ki_hog}


# The schema of the answer, for the OpenAPI document (tests/statistik/api checks
# that it names the answer's keys).


class AndelsskattningSerializer(serializers.Serializer):
    """`antal` av `av`; `andel` och 95 % Wilsonintervall i procent med en decimal.
    Intervallet är null under fem personer; allt är null när raden är dold."""

    antal = serializers.IntegerField(allow_null=True)
    av = serializers.IntegerField(allow_null=True)
    andel = serializers.FloatField(allow_null=True)
    ki_lag = serializers.FloatField(allow_null=True)
    ki_hog = serializers.FloatField(allow_null=True)


class SkillnadSerializer(serializers.Serializer):
    """Kvinnor − män i procentenheter med Newcombes 95 % intervall (hybrid score)."""

    procentenheter = serializers.FloatField(allow_null=True)
    ki_lag = serializers.FloatField(allow_null=True)
    ki_hog = serializers.FloatField(allow_null=True)


class JamstalldhetsutfallSerializer(serializers.Serializer):
    """Ett mått, kvinnor mot män. För en partnyckel är hela raden null (utom `matt` och
    `utlatande`) när ett antal är maskerat, i måttet eller, för förbundet, i någon insats."""

    matt = serializers.ChoiceField(choices=list(MATT))
    kvinnor = AndelsskattningSerializer()
    man = AndelsskattningSerializer()
    skillnad = SkillnadSerializer()
    p_varde = serializers.FloatField(
        allow_null=True, help_text="Fishers exakta test, tvåsidigt, tre decimaler."
    )
    sakerstalld = serializers.BooleanField(allow_null=True, help_text="`p_varde` under 0,05.")
    fler_behovs = serializers.IntegerField(
        allow_null=True,
        help_text="Ungefär hur många fler deltagare som behövs för att se en skillnad av "
        "samma storlek (80 % styrka); null när den redan är säkerställd eller saknas.",
    )
    utlatande = serializers.CharField(help_text="Slutsatsen i klartext.")


class RepresentationSerializer(serializers.Serializer):
    """Kvinnors andel (procent, en decimal) av deltagarna som började med försörjning av
    formen och av helårsekvivalenterna i förbundets kommuner år `scb_ar`."""

    forsorjning = serializers.ChoiceField(choices=Ersattningsform.choices)
    andel_kvinnor_deltagare = serializers.FloatField(allow_null=True)
    andel_kvinnor_helarsekvivalenter = serializers.FloatField(allow_null=True)


class JamstalldhetSerializer(serializers.Serializer):
    fran = serializers.DateField()
    till = serializers.DateField()
    utfall = JamstalldhetsutfallSerializer(many=True)
    scb_ar = serializers.IntegerField(
        allow_null=True,
        help_text="SCB-året som jämförs: periodens sista år, eller det senaste året före "
        "med siffror för alla förbundets kommuner; null när inget finns.",
    )
    pahittade_demosiffror = pahittade_demosiffror_falt()
    representation = RepresentationSerializer(many=True)
