"""`insatser/{id}/enkat/?fran=&till=`: the deltagarenkät's results, aggregates only."""

from rest_framework import serializers

from enkat.resultat import Andel, Enkatresultat


def _andel(a: Andel) -> dict | None:
    """A share as numbers; None where no answer may be shown."""
    if not a.giltiga:
        return None
    ki = a.intervall
    return {
        "positiva": a.positiva,
        "giltiga": a.giltiga,
        "andel": a.procent,
        "ki_lag": ki[0] if ki else None,
        "ki_hog": ki[1] if ki else None,
    }


def enkat_som_dict(r: Enkatresultat) -> dict:
    return {
        "kod": r.kod,
        "namn": r.namn,
        "svar": r.svar,
        "utelamnade_matningar": r.utelamnade,
        "indikatorer": [
            {
                "kod": i.kod,
                "namn": i.namn,
                "extern_kod": i.extern_kod or None,
                "totalt": _andel(i.totalt),
                "kvinnor": _andel(i.kvinnor),
                "man": _andel(i.man),
                "ej_aktuellt": i.ej_aktuellt if i.totalt.giltiga else None,
                "jamforelse_procent": i.jamforelse_procent,
                "per_matning": [
                    {
                        "fran": m.fran,
                        "tillfalle": m.tillfalle,
                        "resultat": None if a is None else _andel(a),
                    }
                    for m, a in zip(r.matningar, i.trend, strict=True)
                ],  # fmt: skip
            }
            for i in r.indikatorer
        ],
        "matningar": [
            {"tillfalle": m.tillfalle, "fran": m.fran, "till": m.till} for m in r.matningar
        ],
        "fordelningar": [
            {
                "kod": f.kod,
                "text": f.text,
                "svarande": f.svarande,
                "alternativ": [
                    {
                        "kod": kod,
                        "text": text,
                        "antal": antal if f.svarande else None,
                        "ej_aktuellt": kod in f.ej_aktuellt,
                    }
                    for kod, text, antal in f.alternativ
                ],  # fmt: skip
            }
            for f in r.fordelningar
        ],
    }


class EnkatandelSerializer(serializers.Serializer):
    positiva = serializers.IntegerField()
    giltiga = serializers.IntegerField()
    andel = serializers.IntegerField(help_text="Procent, avrundat till heltal.")
    ki_lag = serializers.IntegerField(allow_null=True, help_text="95 % Wilson, procent.")
    ki_hog = serializers.IntegerField(allow_null=True)


class EnkatmatningsandelSerializer(serializers.Serializer):
    fran = serializers.DateField()
    tillfalle = serializers.CharField()
    resultat = EnkatandelSerializer(allow_null=True, help_text="null: räknas inte.")


class EnkatindikatorSerializer(serializers.Serializer):
    kod = serializers.CharField()
    namn = serializers.CharField()
    extern_kod = serializers.CharField(allow_null=True)
    totalt = EnkatandelSerializer(allow_null=True)
    kvinnor = EnkatandelSerializer(allow_null=True)
    man = EnkatandelSerializer(allow_null=True)
    ej_aktuellt = serializers.IntegerField(allow_null=True)
    jamforelse_procent = serializers.FloatField(allow_null=True)
    per_matning = EnkatmatningsandelSerializer(many=True)


class EnkatmatningSerializer(serializers.Serializer):
    tillfalle = serializers.CharField()
    fran = serializers.DateField()
    till = serializers.DateField()


class EnkatalternativSerializer(serializers.Serializer):
    kod = serializers.CharField()
    text = serializers.CharField()
    antal = serializers.IntegerField(allow_null=True)
    ej_aktuellt = serializers.BooleanField()


class EnkatfordelningSerializer(serializers.Serializer):
    kod = serializers.CharField()
    text = serializers.CharField()
    svarande = serializers.IntegerField()
    alternativ = EnkatalternativSerializer(many=True)


class EnkatresultatSerializer(serializers.Serializer):
    kod = serializers.CharField()
    namn = serializers.CharField()
    svar = serializers.IntegerField()
    utelamnade_matningar = serializers.IntegerField()
    indikatorer = EnkatindikatorSerializer(many=True)
    matningar = EnkatmatningSerializer(many=True)
    fordelningar = EnkatfordelningSerializer(many=True)
