"""The deltagare endpoints in the OpenAPI document: paths, the 409 and no personnummer out."""

import json

import pytest
from django.core.management import call_command


@pytest.fixture(scope="module")
def schema(django_db_blocker, tmp_path_factory) -> dict:
    fil = tmp_path_factory.mktemp("schema") / "schema.json"
    with django_db_blocker.unblock():
        call_command(
            "spectacular", "--validate", "--fail-on-warn", "--format", "openapi-json", "--file", fil
        )
    return json.loads(fil.read_text())


def test_vagar_och_metoder(schema):
    vagar = schema["paths"]
    assert set(vagar["/api/v1/deltagare/"]) == {"get", "post"}
    assert set(vagar["/api/v1/deltagare/{id}/"]) == {"get"}
    assert set(vagar["/api/v1/deltagare/sok/"]) == {"post"}
    assert set(vagar["/api/v1/inskrivningar/"]) == {"get", "post"}
    assert set(vagar["/api/v1/inskrivningar/{id}/"]) == {"get", "patch"}
    assert set(vagar["/api/v1/inskrivningar/{id}/bedomningar/"]) == {"get", "post"}
    assert set(vagar["/api/v1/inskrivningar/{id}/avslut/"]) == {"post", "delete"}
    assert set(vagar["/api/v1/inskrivningar/{id}/uppfoljningar/"]) == {"get", "post"}
    assert set(vagar["/api/v1/insatser/{id}/anonyma/"]) == {"get", "post"}
    filter_ = {p["name"] for p in vagar["/api/v1/inskrivningar/"]["get"]["parameters"]}
    assert {"insats", "aktiv", "startdatum_fran", "startdatum_till", "page"} <= filter_


def test_konflikt_ar_dokumenterad(schema):
    vagar = schema["paths"]
    for vag, metod in (
        ("/api/v1/inskrivningar/{id}/", "patch"),
        ("/api/v1/inskrivningar/{id}/avslut/", "post"),
        ("/api/v1/inskrivningar/{id}/avslut/", "delete"),
    ):
        assert "409" in vagar[vag][metod]["responses"]
    andring = schema["components"]["schemas"]["PatchedInskrivningAndraRequest"]["properties"]
    assert "version" in andring


def test_personnummer_skrivs_men_visas_aldrig(schema):
    komponenter = schema["components"]["schemas"]
    assert "personnummer" in komponenter["DeltagareRequest"]["properties"]
    assert "personnummer" not in komponenter["Deltagare"]["properties"]
    assert "personnummer_maskerat" in komponenter["Deltagare"]["properties"]
