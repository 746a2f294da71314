"""Add one finished rapport and one utfallsimport to a demo database: run inside `manage.py shell`.

The demo has neither, so without this a migration of their tables would be
checked on empty tables. Written with the ORM of 786f2e8's models.
"""

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

from finsam.models import Budgetar, Forbund, Utfallsimport
from rapporter.models import Rapport

chef = get_user_model().objects.get(username="chef")
forbund = Forbund.objects.get()
rapport = Rapport(
    forbund=forbund,
    typ="helarsekvivalenter",
    fran="2020-01-01",
    till="2020-12-31",
    status="klar",
    progress=100,
    parametrar={"ar": 2020, "region": "19"},
    publicerad=True,
    skapad_av=chef,
)
rapport.fil.save("helarsekvivalenter.pdf", ContentFile(b"%PDF-1.7 migrering"), save=False)
rapport.storlek, rapport.sha256 = 18, "0" * 64
rapport.save()
utfallsimport = Utfallsimport(
    budgetar=Budgetar.objects.get(forbund=forbund, ar=2026),
    filnamn="utfall.csv",
    storlek=11,
    sha256="1" * 64,
    status="fel",
    fel="Filen saknar rubrikraden.",
    skapad_av=chef,
)
utfallsimport.fil.save("utfall.csv", ContentFile(b"Konto;Belopp"), save=False)
utfallsimport.save()
