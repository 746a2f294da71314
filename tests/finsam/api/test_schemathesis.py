"""An outside client fuzzes the API from our own OpenAPI document, on the demo data.

Schemathesis reads `/api/v1/schema/`, and for every operation generates
valid and invalid requests (a fixed seed, a bounded number each), sent with
a förbundschef's, a samordnare's and a part's key. Every answer must be no
server error, have a status code and a content type the document lists for
the operation, and a body its schema describes, errors included.
"""

import json

import pytest
import schemathesis
from django.contrib.auth import get_user_model
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from budget.models import Budgetar
from deltagare.models import Inskrivning
from finsam.atkomst import SYSTEM
from finsam.models import Forbund, Part
from finsam.services.api_nycklar import api_nyckel_skapa
from finsam.wsgi import application
from rapporter.models import Rapport
from tests.demo.hjalp import kor_seed, snabb_hash

# The document `/api/v1/schema/` serves, built without a request: serving it
# would open a transaction (ATOMIC_REQUESTS) before any test may use the database.
SCHEMA = schemathesis.openapi.from_dict(
    json.loads(OpenApiJsonRenderer().render(SchemaGenerator().get_schema(public=True)))
)
SCHEMA.app = application
OPERATIONER = [resultat.ok() for resultat in SCHEMA.get_all_operations()]
KONTROLLER = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# Bounded, and the same examples every run: a failure here is reproducible.
EXEMPEL_PER_OPERATION = 12


@pytest.fixture(scope="module")
def utan_anslutningsstangning():
    # Schemathesis calls the WSGI application itself, not through Django's
    # test client, so Django would close the database connection after each
    # request, and with it the test's transaction. The test client keeps it
    # open the same way.
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, utan_anslutningsstangning):
    """The demo förbund with a key for each kind of caller, and the ids of its rows."""
    with django_db_blocker.unblock(), snabb_hash(), transaction.atomic():
        kor_seed()
        anvandare = get_user_model().objects
        forbund = Forbund.objects.get(namn__startswith="Samordningsförbundet")
        samordnare = anvandare.get(username="samordnare")
        inskrivning = Inskrivning.objects.visible_to(samordnare).order_by("pk").first()
        nycklar = {
            "forbundschef": api_nyckel_skapa(anvandare=anvandare.get(username="chef"), user=SYSTEM),
            "samordnare": api_nyckel_skapa(anvandare=samordnare, user=SYSTEM),
            "part": api_nyckel_skapa(
                part=Part.objects.filter(forbund=forbund).first(), user=SYSTEM
            ),
        }
        # A path's `{id}` is a real row, so that operations get past their 404.
        idn = {
            "budget": Budgetar.objects.filter(forbund=forbund).latest("ar").pk,
            "forbund": forbund.pk,
            "insatser": inskrivning.insats_id,
            "inskrivningar": inskrivning.pk,
            "parter": Part.objects.filter(forbund=forbund).first().pk,
            "deltagare": inskrivning.deltagare_id,
            "rapporter": getattr(Rapport.objects.filter(forbund=forbund).first(), "pk", 1),
        }
        yield {roll: nyckel for roll, (_, nyckel) in nycklar.items()}, idn
        transaction.set_rollback(True)


def _resurs(operation) -> str:
    return operation.path.removeprefix("/api/v1/").split("/")[0]


@pytest.mark.parametrize("roll", ["forbundschef", "samordnare", "part"])
@pytest.mark.parametrize("operation", OPERATIONER, ids=lambda operation: operation.label)
def test_svaren_foljer_dokumentet(demo, db, roll, operation):
    nycklar, idn = demo
    vagparametrar = {"id": idn[_resurs(operation)]} if "{id}" in operation.path else None
    fall = st.one_of(
        operation.as_strategy(generation_mode=lage, path_parameters=vagparametrar)
        for lage in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
    )

    @settings(
        max_examples=EXEMPEL_PER_OPERATION,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(fall=fall)
    def prova(fall):
        fall.call_and_validate(
            headers={"Authorization": f"Bearer {nycklar[roll]}"}, checks=KONTROLLER
        )

    prova()
