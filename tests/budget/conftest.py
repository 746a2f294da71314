"""Fixtures of the budget tests: the import tests' budget, and uploads kept out of the checkout."""

import pytest

from tests.budget.utfallsfiler import bygg_importbudget


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Uploaded files go to a temporary directory, which a test may look into."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def importbudget(forbund):
    return bygg_importbudget(forbund)
