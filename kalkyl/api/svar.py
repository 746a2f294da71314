"""`insatser/{id}/kalkyl/?fran=&till=`: the kalkyl as API.md's shape, and its schema."""

from rest_framework import serializers

from kalkyl.berakning import Kalkyl
from kalkyl.models import VARAKTIGHETER, Aktor


def kalkyl_som_dict(k: Kalkyl) -> dict:
    a = k.underlag.antaganden
    return {
        "kostnad": k.kostnad,
        "antaganden": None if a is None else _antaganden(k),
        "per_aktor": [
            {
                "aktor": r.aktor,
                "kostnad": r.kostnad,
                "forandring_per_ar": r.forandring_per_ar,
                "aterbetalningstid_manader": r.aterbetalningstid_manader,
            }
            for r in k.per_aktor
        ],
        "aterbetalningstid_manader": k.aterbetalningstid_manader,
        "netto_1_ar": k.netto_1_ar,
        "netto_5_ar": k.netto_5_ar,
        "produktionsvarde_per_ar": k.produktionsvarde_per_ar,
        "inkomstforandring_individ_per_ar": k.inkomstforandring_individ_per_ar,
        "kanslighet": [
            {
                "varaktighet_ar": r.varaktighet_ar,
                "tillskrivning_procent": r.tillskrivning_procent,
                "aterbetalningstid_manader": r.aterbetalningstid_manader,
                "netto_5_ar": r.netto_5_ar,
            }
            for r in k.kanslighet
        ],
        "orsak": k.orsak or None,
    }


def _antaganden(k: Kalkyl) -> dict:
    a = k.underlag.antaganden
    return {
        "ar": a.ar,
        "exempel": a.exempel,
        "varaktighet_ar": a.varaktighet_ar,
        "tillskrivning_procent": a.tillskrivning_procent,
        "produktionsvarde_per_ar": a.produktionsvarde_per_ar,
        "inkomstforandring_per_ar": a.inkomstforandring_per_ar,
        "andelar": {aktor: float(andel) for aktor, andel in k.underlag.andelar.items()},
        "andelar_fran_intakter": k.underlag.andelar_fran_intakter,
        "kostnader": [
            {"forsorjning": kalla, "kostnad_per_ar": kostnad, "aktor": aktor or None}
            for kalla, (kostnad, aktor) in sorted(k.underlag.kostnader.items())
        ],
    }


class KostnadSerializer(serializers.Serializer):
    forsorjning = serializers.CharField()
    kostnad_per_ar = serializers.IntegerField(help_text="Kronor per person och år.")
    aktor = serializers.ChoiceField(choices=Aktor.choices, allow_null=True)


class AntagandenSerializer(serializers.Serializer):
    """Förbundets antaganden för periodens sista år (eller senaste året före)."""

    ar = serializers.IntegerField()
    exempel = serializers.BooleanField(help_text="Sant för demodatans exempelvärden.")
    varaktighet_ar = serializers.ChoiceField(choices=VARAKTIGHETER)
    tillskrivning_procent = serializers.IntegerField()
    produktionsvarde_per_ar = serializers.IntegerField()
    inkomstforandring_per_ar = serializers.IntegerField()
    andelar = serializers.DictField(
        child=serializers.FloatField(),
        help_text="Varje aktörs andel av kostnaden: dess andel av förbundets intäkter "
        "åren, annars lagens ½, ¼ och ¼.",
    )
    andelar_fran_intakter = serializers.BooleanField()
    kostnader = KostnadSerializer(many=True)


class AktorsradSerializer(serializers.Serializer):
    aktor = serializers.ChoiceField(choices=Aktor.choices)
    kostnad = serializers.IntegerField(help_text="Aktörens andel av insatsens kostnad, kr.")
    forandring_per_ar = serializers.IntegerField(
        allow_null=True, help_text="Minskade utgifter per år, tillskriven andel, kr."
    )
    aterbetalningstid_manader = serializers.IntegerField(allow_null=True)


class KanslighetSerializer(serializers.Serializer):
    varaktighet_ar = serializers.IntegerField()
    tillskrivning_procent = serializers.IntegerField()
    aterbetalningstid_manader = serializers.IntegerField(allow_null=True)
    netto_5_ar = serializers.IntegerField(allow_null=True)


class KalkylSerializer(serializers.Serializer):
    """Insatsens samhällsekonomiska kalkyl. Belopp i hela kronor; återbetalningstid i hela
    månader, avrundat uppåt. `aterbetalningstid_manader` är null när den inte kan beräknas,
    och `orsak` säger varför."""

    kostnad = serializers.IntegerField(help_text="Insatsens utfall under perioden, kr.")
    antaganden = AntagandenSerializer(allow_null=True)
    per_aktor = AktorsradSerializer(many=True)
    aterbetalningstid_manader = serializers.IntegerField(allow_null=True)
    netto_1_ar = serializers.IntegerField(allow_null=True)
    netto_5_ar = serializers.IntegerField(allow_null=True)
    produktionsvarde_per_ar = serializers.IntegerField(allow_null=True)
    inkomstforandring_individ_per_ar = serializers.IntegerField(allow_null=True)
    kanslighet = KanslighetSerializer(many=True)
    orsak = serializers.CharField(allow_null=True)
