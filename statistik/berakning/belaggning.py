"""Beläggning: active deltagare-days in the period ÷ (årsplatser × days in the period)."""

from django.db.models import Count, DateField, F, Sum, Value
from django.db.models.functions import Coalesce, Greatest, Least

from finsam.avrundning import procent
from statistik.berakning.datum import Dagar
from statistik.berakning.fraga import Fraga, Rad, las_summa
from statistik.berakning.objekt import Belaggning
from statistik.berakning.period import Period


class Belaggningsrefs:
    def __init__(self, fraga: Fraga, period: Period) -> None:
        fran = Value(period.fran, output_field=DateField())
        till = Value(period.till, output_field=DateField())
        # Both ends count: an inskrivning that starts and ends on the same day
        # in the period was active one day, so one day is added per inskrivning.
        fraga.alias(
            "dagar_i_period",
            Dagar(Least(Coalesce(F("slutdatum"), till), till), Greatest(F("startdatum"), fran)),
        )
        aktiva = period.population("aktiva")
        self.summa = fraga.lagg_till(Sum("dagar_i_period", filter=aktiva))
        self.antal = fraga.lagg_till(Count("pk", filter=aktiva))
        self.period = period

    def las(self, rad: Rad, arsplatser: int | None) -> Belaggning:
        if not arsplatser:
            return Belaggning(andel=None)
        deltagardagar = las_summa(rad, self.summa) + las_summa(rad, self.antal)
        return Belaggning(andel=procent(deltagardagar, arsplatser * self.period.dagar))
