"""The OpenAPI document: valid, complete, and open to anyone with its docs page."""

import json

from django.core.management import call_command
from rest_framework.test import APIClient


def test_schemat_ar_giltigt_och_har_resurserna(db, tmp_path):
    fil = tmp_path / "schema.json"
    # --fail-on-warn turns every drf-spectacular warning into an error.
    call_command(
        "spectacular",
        "--validate",
        "--fail-on-warn",
        "--format",
        "openapi-json",
        "--file",
        str(fil),
    )
    schema = json.loads(fil.read_text())
    sokvagar = schema["paths"]
    assert set(sokvagar["/api/v1/forbund/"]) == {"get", "post"}
    assert set(sokvagar["/api/v1/forbund/{id}/"]) == {"get", "patch"}
    assert set(sokvagar["/api/v1/parter/"]) == {"get", "post"}
    assert set(sokvagar["/api/v1/insatser/"]) == {"get", "post"}
    assert set(sokvagar["/api/v1/insatser/{id}/"]) == {"get", "patch"}
    filter_ = {p["name"] for p in sokvagar["/api/v1/insatser/"]["get"]["parameters"]}
    assert {"forbund", "inriktning", "status", "overordnad", "page", "page_size"} <= filter_
    assert schema["components"]["securitySchemes"]["ApiNyckel"] == {
        "type": "http",
        "scheme": "bearer",
        "description": "Partnyckel (endast läsning) eller personlig nyckel: "
        "`Authorization: Bearer <nyckel>`.",
    }
    assert {"ApiNyckel": []} in sokvagar["/api/v1/insatser/"]["get"]["security"]
    # The delinsatser are shown, never written.
    assert "delinsatser" not in schema["components"]["schemas"]["InsatsRequest"]["properties"]


def test_schema_och_docs_for_alla(db):
    klient = APIClient()
    svar = klient.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert svar.status_code == 200
    assert "/api/v1/insatser/" in svar.json()["paths"]
    docs = klient.get("/api/v1/docs/")
    assert docs.status_code == 200
    html = docs.content.decode()
    # Swagger UI is served from our own static files, never from a CDN.
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()
    # The start script is a file of its own (the CSP refuses inline scripts), and it
    # points Swagger UI at the schema.
    assert '<script src="/api/v1/docs/?script="></script>' in html
    assert "<script>" not in html and "<style>" not in html
    skript = klient.get("/api/v1/docs/?script=")
    assert skript.status_code == 200 and skript["Content-Type"].startswith("application/javascript")
    assert "/api/v1/schema/" in skript.content.decode()


def test_varje_operation_dokumenterar_sina_fel(db):
    schema = (
        APIClient().get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    )
    operationer = [
        (metod.upper(), vag, operation)
        for vag, metoder in schema["paths"].items()
        for metod, operation in metoder.items()
    ]
    assert len(operationer) > 40
    for metod, vag, operation in operationer:
        koder = set(operation["responses"])
        # Every call may lack a key, be refused, be limited, or carry a bad body or query.
        assert {"400", "401", "403", "429"} <= koder, (metod, vag, koder)
        if "{id}" in vag:
            assert "404" in koder, (metod, vag)
        if metod != "GET":
            assert "409" in koder, (metod, vag)
        for kod in koder - {"200", "201", "202", "204"}:
            innehall = operation["responses"][kod]["content"]
            assert list(innehall) == ["application/json"], (metod, vag, kod)
