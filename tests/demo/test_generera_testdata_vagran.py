"""`generera_testdata` refuses production and a database with a förbund it did not make.

Apart from test_generera_testdata.py, whose generated förbund stay for its whole module.
"""

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from deltagare.models import Deltagare
from finsam.atkomst import SYSTEM
from finsam.models import Forbund
from finsam.services.organisation import forbund_skapa

MINSTA = ["--forbund", "1", "--insatser", "1", "--deltagare", "1", "--inskrivningar", "1",
          "--bedomningar", "1"]  # fmt: skip


@override_settings(FINSAM_PRODUCTION=True)
def test_vagrar_i_produktion(db):
    with pytest.raises(CommandError, match="produktion"):
        call_command("generera_testdata", *MINSTA)
    assert not Forbund.objects.exists()


def test_vagrar_bredvid_ett_riktigt_forbund(db):
    forbund_skapa(namn="Samordningsförbundet Riktigt", user=SYSTEM)
    with pytest.raises(CommandError, match="inte är genererade"):
        call_command("generera_testdata", *MINSTA)
    assert Forbund.objects.count() == 1 and not Deltagare.objects.exists()
