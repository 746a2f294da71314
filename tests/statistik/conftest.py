"""Fixtures of the statistics tests."""

import pytest


@pytest.fixture
def med_cache(settings):
    settings.FINSAM_STATISTIK_CACHE = True
    # A cache of its own: the shared Redis would mix these answers with other tests'.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "statistikcache-test",
        }
    }
