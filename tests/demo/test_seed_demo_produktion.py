import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from finsam.models import Forbund


@override_settings(FINSAM_PRODUCTION=True)
def test_seed_demo_vagrar_i_produktion(db):
    with pytest.raises(CommandError, match="seed_demo får inte köras i produktion"):
        call_command("seed_demo")
    assert not Forbund.objects.exists()
