"""Budget years, rader and utfall over the API (API.md bodies), and the sammanställning's schema.

Serializers shape data and check types only; every rule (who may write,
negative amounts, the year of an utfall, a rad of another budget, accounts
used twice) is the services' (budget/services/), so the pages and
the API answer with the same Swedish messages. The sammanställning is the
engine's `som_dict()`; its serializers below only describe it in the
OpenAPI document, and `tests/budget/api` checks that they name the same keys.
"""

import datetime

from django.utils import timezone
from rest_framework import serializers

from budget.models import Budgetar, Budgetrad, Intakt, Utfall
from budget.sammanstallning import standarddatum
from budget.services import BUDGETAR_FALT, BUDGETRAD_FALT
from finsam.api.fraga import DATUM_FEL, PeriodFragaSerializer
from finsam.api.serializers import SynligRelation, TjanstSerializer
from finsam.kodlistor import Budgetkategori


class IntaktSerializer(TjanstSerializer):
    """En intäkt under året från en finansiär; `part` anger vilken part som betalar
    (stat: Försäkringskassan, region, kommun)."""

    class Meta:
        model = Intakt
        fields = ["finansiar", "part", "belopp"]


class BudgetarSerializer(TjanstSerializer):
    """Ett förbunds budget för ett kalenderår, i hela kronor.

    `intakter_utblick_1` och `intakter_utblick_2` är de väntade intäkterna de två
    följande åren (för utblicken); `kommentar` är förbundschefens kommentar till
    budget mot utfall.
    """

    intakter = IntaktSerializer(many=True)

    class Meta:
        model = Budgetar
        # The fields the services write, so the API accepts exactly those.
        fields = ["id", "forbund", "ar", "intakter", *BUDGETAR_FALT]
        # The model starts eget kapital at 0, but API.md asks the caller to state it.
        extra_kwargs = {"eget_kapital_ingaende": {"required": True}}


class PrognosFalt(serializers.IntegerField):
    # Written as given (empty: the rad follows its budget); read as the
    # prognos in effect, the figure the sammanställning counts with.

    def get_attribute(self, instance: Budgetrad) -> int:
        return instance.prognos_eller_budget


class BudgetradSerializer(TjanstSerializer):
    """En rad i budgeten, i en kategori och eventuellt knuten till en insats (hela kronor).

    Utan `prognos` följer prognosen budgeten, och svaret visar då budgeten som prognos.
    `konto` är ekonomisystemets konton för raden, åtskilda med komma (`4010, 4011`);
    ett konto hör till högst en rad under året.
    """

    prognos = PrognosFalt(
        required=False,
        allow_null=True,
        help_text="Beräknad kostnad för året; utan värde samma som budgeten.",
    )

    class Meta:
        model = Budgetrad
        fields = ["id", *BUDGETRAD_FALT]


class UtfallSerializer(TjanstSerializer):
    """Ett utfall: ett belopp bokat på en budgetrad ett datum under budgetåret.

    Beloppet får vara negativt (en kreditering). `utfallsimport` är importen från
    ekonomisystemet som utfallet kom med, null för ett utfall som registrerats för hand.
    """

    # The rad's budget year is read with it: the service checks the date against it.
    rad = SynligRelation(queryset=Budgetrad.objects.select_related("budgetar"))

    class Meta:
        model = Utfall
        fields = ["id", "rad", "datum", "belopp", "utfallsimport"]
        read_only_fields = ["utfallsimport"]
        # The API's wording for a bad date (finsam.api.fraga), rather than DRF's "YYYY-MM-DD".
        extra_kwargs = {"datum": {"error_messages": {"invalid": DATUM_FEL}}}


class SammanstallningFragaSerializer(PeriodFragaSerializer):
    """`?till=`: inom budgetåret (`context["ar"]`); utan värde dagens datum inom året."""

    # The period's `till`, with its message for a bad date; no `fran`, as
    # the utfall are always summed from the start of the budget year.
    fran = None

    def validate_till(self, till: datetime.date) -> datetime.date:
        ar = self.context["ar"]
        if till.year != ar:
            raise serializers.ValidationError(f"Ange ett datum i budgetåret {ar}.")
        return till

    def validate(self, attrs: dict) -> dict:
        if "till" not in attrs:
            attrs["till"] = standarddatum(self.context["ar"], timezone.localdate())
        return attrs


class BudgetsummaSerializer(serializers.Serializer):
    """Summan av rader: budget, utfall till och med `till`, förbrukning (utfall ÷ budget
    i hela procent, null när budgeten är 0), prognos och utblick (en tom utblick på en
    rad räknas som 0; null när ingen rad har någon utblick)."""

    budget = serializers.IntegerField()
    utfall = serializers.IntegerField()
    forbrukning = serializers.IntegerField(allow_null=True)
    prognos = serializers.IntegerField()
    utblick_1 = serializers.IntegerField(allow_null=True)
    utblick_2 = serializers.IntegerField(allow_null=True)


class BudgetradsbeloppSerializer(BudgetsummaSerializer):
    """En budgetrad i sammanställningen; utblicken är null där ingen planerats."""

    id = serializers.IntegerField()
    namn = serializers.CharField()
    insats = serializers.IntegerField(allow_null=True)
    utblick_1 = serializers.IntegerField(allow_null=True)
    utblick_2 = serializers.IntegerField(allow_null=True)


class KategorisummaSerializer(serializers.Serializer):
    """En kategori med sina rader (i den ordning de lades till) och deras summa."""

    kategori = serializers.ChoiceField(choices=Budgetkategori.choices)
    rader = BudgetradsbeloppSerializer(many=True)
    summa = BudgetsummaSerializer()


class BudgetOchPrognosSerializer(serializers.Serializer):
    """Med budgeten respektive prognosen som årets kostnader."""

    budget = serializers.IntegerField()
    prognos = serializers.IntegerField()


class UtblicksarSerializer(serializers.Serializer):
    """Ett kommande år: väntade intäkter, planerade kostnader (radernas utblick), resultat
    och eget kapital vid årets slut. Det första året börjar från det egna kapital som
    prognosen ger; utan årets intäkter är resultat och eget kapital null."""

    ar = serializers.IntegerField()
    intakter = serializers.IntegerField(allow_null=True)
    kostnader = serializers.IntegerField()
    resultat = serializers.IntegerField(allow_null=True)
    eget_kapital_utgaende = serializers.IntegerField(allow_null=True)


class SammanstallningSerializer(serializers.Serializer):
    """Budget och utfall för budgetåret med utfall till och med `till`, i hela kronor.

    Kategorierna kommer i ordningen insatser, styrelsen, administration, också när
    de saknar rader. Resultat = intäkter − kostnader; eget kapital vid årets slut =
    eget kapital vid årets början + resultat, med budgeten respektive prognosen som
    kostnader.
    """

    forbund = serializers.IntegerField()
    ar = serializers.IntegerField()
    till = serializers.DateField()
    intakter = serializers.IntegerField()
    eget_kapital_ingaende = serializers.IntegerField()
    kategorier = KategorisummaSerializer(many=True)
    totalt = BudgetsummaSerializer()
    resultat = BudgetOchPrognosSerializer()
    eget_kapital_utgaende = BudgetOchPrognosSerializer()
    utblick = UtblicksarSerializer(many=True)
    kommentar = serializers.CharField(allow_blank=True)
