"""The statistics endpoints' query and the schema of API.md's statistics object.

The answer itself is the engine's `som_dict()` (masked for part keys), so
the API shows exactly the figures of the dashboard; the serializers below
only describe it in the OpenAPI document. `tests/statistik/api` checks that
they name the same keys as the engine's answer.
"""

from rest_framework import serializers

from finsam.api.fraga import PeriodFragaSerializer
from finsam.kodlistor import Aldersgrupp, Forsorjningskalla, TidIOffentligForsorjning
from finsam.kodlistor import Utbildningsniva as UtbildningsnivaKoder
from statistik.berakning.deltagare import AVSLUTSORSAKER
from statistik.berakning.period import URVAL
from statistik.berakning.tid import GRUPPER


class InsatsFragaSerializer(PeriodFragaSerializer):
    """`?fran=&till=&urval=`; the engine checks urval, with its own message."""

    urval = serializers.CharField(required=False, default="aktiva")


class KontalSerializer(serializers.Serializer):
    """Antal per kön. För en partnyckel är antal från 1 till förbundets `min_cell` − 1 null,
    och då även `totalt`."""

    kvinnor = serializers.IntegerField(allow_null=True)
    man = serializers.IntegerField(allow_null=True)
    annat = serializers.IntegerField(allow_null=True)
    totalt = serializers.IntegerField(allow_null=True)


class KonsandelSerializer(serializers.Serializer):
    """`antal` av `av` i hela procent (avrundat uppåt vid ,5); `andel` null när `av` är 0.
    För en partnyckel är alla tre null när `antal` eller `av` maskeras."""

    antal = serializers.IntegerField(allow_null=True)
    av = serializers.IntegerField(allow_null=True)
    andel = serializers.IntegerField(allow_null=True)


class AndelPerKonSerializer(serializers.Serializer):
    """Andelen för varje kön. För en partnyckel är alla tre könens värden null när något
    av dem maskeras, eftersom totalen annars skulle avslöja det."""

    kvinnor = KonsandelSerializer()
    man = KonsandelSerializer()
    annat = KonsandelSerializer()


class AndelSerializer(KonsandelSerializer):
    """En andel totalt och uppdelad per kön (`per_kon`)."""

    per_kon = AndelPerKonSerializer()


class EffektKonSerializer(KonsandelSerializer):
    ej_nadda = serializers.IntegerField(allow_null=True)


class EffektPerKonSerializer(serializers.Serializer):
    kvinnor = EffektKonSerializer()
    man = EffektKonSerializer()
    annat = EffektKonSerializer()


class EffektSerializer(EffektKonSerializer):
    """Effekt 6 eller 18 månader: andelen vars steg vid uppföljningen är minst steget vid
    avslut, bland de avslutade med genomförd uppföljning (`av`). `ej_nadda` är de
    avslutade vars uppföljning inte nådde personen; de ingår inte i `av`."""

    per_kon = EffektPerKonSerializer()


def _tabell(namn: str, koder, beskrivning: str) -> type[serializers.Serializer]:
    # One field per code: API.md promises every code, zeros included. Codes
    # such as "-29" are no Python names, so the class is built, not written.
    falt = {str(kod): KontalSerializer() for kod in koder}
    return type(
        f"{namn}Serializer",
        (serializers.Serializer,),
        {**falt, "__doc__": beskrivning, "__module__": __name__},
    )


AldersgruppTabell = _tabell("AldersgruppTabell", Aldersgrupp, "Ålder vid start, per kön.")
UtbildningsnivaTabell = _tabell(
    "UtbildningsnivaTabell", UtbildningsnivaKoder, "Utbildningsnivå, per kön."
)
TidIOffentligForsorjningTabell = _tabell(
    "TidIOffentligForsorjningTabell",
    TidIOffentligForsorjning,
    "Tid i offentlig försörjning före insatsen, per kön.",
)
ForsorjningTabell = _tabell(
    "ForsorjningTabell",
    Forsorjningskalla,
    "Försörjningskällor, per kön; en deltagare kan ha flera, så summan kan bli större.",
)
AvslutsorsakTabell = _tabell("AvslutsorsakTabell", AVSLUTSORSAKER, "Avslutsorsak, per kön.")
AvslutsorsakAndel = type(
    "AvslutsorsakAndelSerializer",
    (serializers.Serializer,),
    {
        **{str(kod): serializers.IntegerField(allow_null=True) for kod in AVSLUTSORSAKER},
        "__doc__": (
            "Varje avslutsorsaks andel av de avslutade (totalt) i hela procent, avrundat "
            "uppåt vid ,5; null när inga avslutats eller när antalet maskeras för en partnyckel."
        ),
        "__module__": __name__,
    },
)
TidsgruppTabell = _tabell(
    "TidsgruppTabell", (kod for kod, _ in GRUPPER), "Tid i insats i hela månader, per kön."
)


class DeltagarblockSerializer(serializers.Serializer):
    """Aktiva, nya och avslutade; anonyma räknas för sig och ingår i `aktiva_inklusive_anonyma`."""

    aktiva = KontalSerializer()
    nya = KontalSerializer()
    avslutade = KontalSerializer()
    anonyma = KontalSerializer()
    aktiva_inklusive_anonyma = KontalSerializer()


class TidIInsatsSerializer(serializers.Serializer):
    """De avslutades tid från start till slut. Medianen är null för en partnyckel när de
    avslutade är färre än `min_cell`."""

    median_manader = serializers.FloatField(allow_null=True)
    grupper = TidsgruppTabell()


class BelaggningSerializer(serializers.Serializer):
    """Aktiva deltagardagar ÷ (årsplatser × periodens dagar) i procent; null utan årsplatser
    och, för en partnyckel, när de aktiva är färre än `min_cell`."""

    andel = serializers.IntegerField(allow_null=True)


class InsatsStatistikSerializer(serializers.Serializer):
    """Insatsens statistik (dess delinsatser ingår) för perioden `fran`–`till`.

    Ålder, utbildningsnivå, tid i offentlig försörjning och försörjning vid
    start gäller urvalet; avslutsorsak, försörjning vid avslut och tid i
    insats gäller de avslutade.
    """

    insats = serializers.IntegerField()
    fran = serializers.DateField()
    till = serializers.DateField()
    urval = serializers.ChoiceField(choices=URVAL)
    deltagare = DeltagarblockSerializer()
    aldersgrupp = AldersgruppTabell()
    utbildningsniva = UtbildningsnivaTabell()
    tid_i_offentlig_forsorjning = TidIOffentligForsorjningTabell()
    forsorjning_vid_start = ForsorjningTabell()
    forsorjning_vid_avslut = ForsorjningTabell()
    forsorjning_vid_uppfoljning_6 = ForsorjningTabell()
    forsorjning_vid_uppfoljning_18 = ForsorjningTabell()
    avslutsorsak = AvslutsorsakTabell()
    avslutsorsak_andel = AvslutsorsakAndel()
    till_arbete_eller_studier = AndelSerializer()
    stegforflyttning = AndelSerializer()
    effekt_6_manader = EffektSerializer()
    effekt_18_manader = EffektSerializer()
    tid_i_insats = TidIInsatsSerializer()
    belaggning = BelaggningSerializer()


class ForbundInsatsStatistikSerializer(InsatsStatistikSerializer):
    """En insats statistik i förbundets sammanställning (urval aktiva)."""

    namn = serializers.CharField()


class ForbundStatistikSerializer(serializers.Serializer):
    """Förbundets deltagare räknade som unika personer, och varje individinriktad insats
    (med sina delinsatser) för sig.

    `till_arbete_eller_studier` och `stegforflyttning` gäller inskrivningarna i alla
    insatserna tillsammans (summan av insatsernas antal och nämnare). För en partnyckel
    är de null när någon insats andel maskeras."""

    forbund = serializers.IntegerField()
    fran = serializers.DateField()
    till = serializers.DateField()
    deltagare = DeltagarblockSerializer()
    till_arbete_eller_studier = AndelSerializer()
    stegforflyttning = AndelSerializer()
    insatser = ForbundInsatsStatistikSerializer(many=True)
