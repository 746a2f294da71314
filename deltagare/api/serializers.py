"""Deltagare, inskrivningar, bedömningar, avslut and anonyma over the API (API.md bodies).

Serializers shape data and check types only; every rule (who may write,
dates, the ladder, duplicates) is the services' (deltagare/services/), so the
pages and the API answer with the same Swedish messages. No field here ever
gives out a full personnummer: it is write-only, and answers carry the
masked form at most.
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from deltagare.models import UPPFOLJNINGSTYPER, Deltagare, Forsorjning, Inskrivning, Uppfoljning
from deltagare.selectors import personnummer_maskerade
from finsam.api.serializers import KroppSerializer, TjanstSerializer
from finsam.kodlistor import Avslutsorsak, Bedomningstyp, Forsorjningskalla, Sysselsattning

_KALLOR = list(Forsorjningskalla.values)


class ForsorjningFalt(serializers.ListField):
    # An inskrivning's försörjningskällor at one tidpunkt, as a list of codes
    # in code-list order. Read from `forsorjning` (prefetched on lists).

    child = serializers.ChoiceField(choices=Forsorjningskalla.choices)

    def __init__(self, tidpunkt: str, **kwargs):
        self.tidpunkt = tidpunkt
        super().__init__(**kwargs)

    def get_attribute(self, instance: Inskrivning) -> list[str]:
        kallor = [f.kalla for f in instance.forsorjning.all() if f.tidpunkt == self.tidpunkt]
        return sorted(kallor, key=_KALLOR.index)


class StegnummerFalt(serializers.IntegerField):
    # The step's number in the insats's stegskala, both ways: the service
    # looks the number up in the right ladder.

    def get_attribute(self, instance) -> int:
        return instance.steg.nummer


class DeltagareSerializer(TjanstSerializer):
    """En deltagare, med personnummer och samtycke eller med referens, kön och födelseår.

    `personnummer` skrivs men visas aldrig; svaret har högst `personnummer_maskerat`
    (`19850312-****`). Med personnummer härleds kön och födelseår ur numret.
    """

    personnummer = serializers.CharField(
        write_only=True,
        required=False,
        allow_blank=True,
        max_length=20,
        help_text="10 eller 12 siffror, med eller utan - eller +. Kräver samtycke_datum.",
    )
    samtycke_datum = serializers.DateField(
        write_only=True,
        required=False,
        allow_null=True,
        help_text=(
            "Datum för skriftligt samtycke. Samtycket gäller en insats: det sparas på "
            "deltagarens nästa inskrivning (som kan ange ett eget)."
        ),
    )
    ny_person = serializers.BooleanField(
        write_only=True,
        required=False,
        default=False,
        help_text=(
            "Sätts när en referens som redan används gäller en annan person; utan den "
            "svarar registreringen 409 med `samma_person_fraga: true`."
        ),
    )
    personnummer_maskerat = serializers.SerializerMethodField(
        help_text="Födelsedatum och fyra stjärnor; null utan personnummer eller samtycke."
    )
    har_identitet = serializers.BooleanField(read_only=True)

    class Meta:
        model = Deltagare
        fields = [
            "id",
            "forbund",
            "personnummer",
            "personnummer_maskerat",
            "samtycke_datum",
            "referens",
            "ny_person",
            "kon",
            "fodelsear",
            "har_identitet",
            "pseudonym",
        ]
        # Derived from the personnummer when there is one; the service asks
        # for them otherwise.
        extra_kwargs = {"kon": {"required": False}, "fodelsear": {"required": False}}

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_personnummer_maskerat(self, deltagare: Deltagare) -> str | None:
        maskerade = self.context.get("personnummer_maskerade")
        if maskerade is None:
            maskerade = personnummer_maskerade([deltagare], self.context["request"].user)
        return maskerade.get(deltagare.pk)


class DeltagareSokSerializer(KroppSerializer):
    """Sök en deltagare på personnummer (exakt) eller referens (del av).

    Sökningen är ett POST så att personnumret aldrig hamnar i en adress eller logg.
    """

    personnummer = serializers.CharField(
        write_only=True, required=False, allow_blank=True, max_length=20
    )
    referens = serializers.CharField(required=False, allow_blank=True, max_length=50)

    def validate(self, attrs: dict) -> dict:
        if not (attrs.get("personnummer") or attrs.get("referens", "").strip()):
            raise serializers.ValidationError("Ange personnummer eller referens.")
        return attrs


class InskrivningSerializer(TjanstSerializer):
    """En deltagares inskrivning i en insats, med startuppgifter och avslut.

    `version` ökar vid varje ändring; skicka den med en ändring för att
    upptäcka att någon annan har sparat under tiden (409).
    """

    forsorjning_vid_start = ForsorjningFalt(Forsorjning.Tidpunkt.START)
    forsorjning_vid_avslut = ForsorjningFalt(Forsorjning.Tidpunkt.AVSLUT, read_only=True)
    aktiv = serializers.BooleanField(source="ar_aktiv", read_only=True)
    # Declared so the schema shows that they are blank ("") while active;
    # DRF drops `allow_blank` from read-only model fields.
    avslutsorsak = serializers.ChoiceField(
        choices=Avslutsorsak.choices, allow_blank=True, read_only=True
    )
    sysselsattning_vid_avslut = serializers.ChoiceField(
        choices=Sysselsattning.choices, allow_blank=True, read_only=True
    )

    class Meta:
        model = Inskrivning
        fields = [
            "id",
            "deltagare",
            "insats",
            "startdatum",
            "remitterande_part",
            "utbildningsniva",
            "tid_i_offentlig_forsorjning",
            "forsorjning_vid_start",
            "utrikes_fodd",
            "hemkommun",
            "samtycke_datum",
            "samtycke_aterkallat",
            "aktiv",
            "slutdatum",
            "avslutsorsak",
            "forsorjning_vid_avslut",
            "sysselsattning_vid_avslut",
            "version",
        ]
        read_only_fields = ["slutdatum", "samtycke_aterkallat", "version"]
        # The model has defaults, but API.md asks the caller to state them.
        extra_kwargs = {
            "utbildningsniva": {"required": True},
            "tid_i_offentlig_forsorjning": {"required": True},
        }


class InskrivningAndraSerializer(InskrivningSerializer):
    """Ändring av startuppgifter. Med `version` nekas ändringen (409) om någon annan har
    sparat inskrivningen sedan den versionen lästes.
    """

    version = serializers.IntegerField(
        required=False,
        min_value=1,
        help_text="Versionen som ändringen bygger på; utelämnas den görs ingen kontroll.",
    )

    class Meta(InskrivningSerializer.Meta):
        # An inskrivning stays with its deltagare and insats; a mistake there
        # is a felregistrering and a new inskrivning.
        # Consent is withdrawn, never rewritten (the samordnare's page).
        read_only_fields = [
            "deltagare",
            "insats",
            "slutdatum",
            "samtycke_datum",
            "samtycke_aterkallat",
        ]


class StegbedomningSerializer(KroppSerializer):
    """En daterad bedömning på insatsens stegskala; `steg` är stegets nummer i skalan."""

    id = serializers.IntegerField(read_only=True)
    datum = serializers.DateField()
    typ = serializers.ChoiceField(choices=Bedomningstyp.choices)
    steg = StegnummerFalt(min_value=1)
    steg_namn = serializers.CharField(source="steg.namn", read_only=True)


class AvslutSerializer(KroppSerializer):
    """Avslut av en inskrivning. Med `version` nekas avslutet (409) om inskrivningen har
    ändrats sedan den versionen lästes.
    """

    slutdatum = serializers.DateField()
    avslutsorsak = serializers.ChoiceField(choices=Avslutsorsak.choices)
    forsorjning_vid_avslut = serializers.ListField(
        child=serializers.ChoiceField(choices=Forsorjningskalla.choices)
    )
    sysselsattning = serializers.ChoiceField(choices=Sysselsattning.choices)
    steg = serializers.IntegerField(
        required=False,
        min_value=1,
        help_text="Steget vid avslut; skrivs som en stegbedömning av typen avslut.",
    )
    version = serializers.IntegerField(required=False, min_value=1)


class AteroppnaSerializer(KroppSerializer):
    """Återöppna en avslutad inskrivning. `orsak` sparas i inskrivningens ändringshistorik."""

    orsak = serializers.CharField(max_length=300)
    version = serializers.IntegerField(required=False, min_value=1)


class UppfoljningSerializer(KroppSerializer):
    """En uppföljning 6 eller 18 månader efter avslut: genomförd eller kunde inte nås.

    En genomförd uppföljning har `steg` (stegets nummer i insatsens stegskala) och
    kan ha `forsorjning` (flera källor) och `sysselsattning` vid uppföljningen.
    """

    id = serializers.IntegerField(read_only=True)
    typ = serializers.ChoiceField(choices=[(t.value, t.label) for t in UPPFOLJNINGSTYPER])
    datum = serializers.DateField()
    utfall = serializers.ChoiceField(choices=Uppfoljning.Utfall.choices)
    steg = serializers.IntegerField(required=False, allow_null=True, min_value=1)
    forsorjning = serializers.ListField(
        child=serializers.ChoiceField(choices=Forsorjningskalla.choices), required=False
    )
    sysselsattning = serializers.ChoiceField(
        choices=Sysselsattning.choices, required=False, allow_blank=True
    )


class AnonymaSerializer(KroppSerializer):
    """Antal deltagare som inte registreras individuellt, per år och kön (ersätter årets antal)."""

    ar = serializers.IntegerField()
    kvinnor = serializers.IntegerField(min_value=0)
    man = serializers.IntegerField(min_value=0)
    annat = serializers.IntegerField(min_value=0)


class AnonymaSvarSerializer(serializers.Serializer):
    """Anonyma deltagare ett år. För en partnyckel är antal från 1 till förbundets
    `min_cell` − 1 null, och då även `totalt`.
    """

    ar = serializers.IntegerField()
    kvinnor = serializers.IntegerField(allow_null=True)
    man = serializers.IntegerField(allow_null=True)
    annat = serializers.IntegerField(allow_null=True)
    totalt = serializers.IntegerField(allow_null=True)
