"""The OpenAPI document of the budget endpoints: valid, and naming the keys they answer with."""

import pytest
from drf_spectacular.generators import SchemaGenerator

from tests.budget.api.hjalp import budget_url
from tests.hjalp.api import personlig_klient, samma_nycklar

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def schema(django_db_blocker) -> dict:
    with django_db_blocker.unblock():
        return SchemaGenerator().get_schema(request=None, public=True)


def test_budgetens_vagar_och_metoder(schema):
    # The whole document is validated with --fail-on-warn in tests/finsam/api/test_schema.py.
    vagar = schema["paths"]
    assert {v: set(m) for v, m in vagar.items() if v.startswith("/api/v1/budget/")} == {
        "/api/v1/budget/": {"get", "post"},
        "/api/v1/budget/{id}/": {"get"},
        "/api/v1/budget/{id}/rader/": {"get", "post"},
        "/api/v1/budget/{id}/utfall/": {"get", "post"},
        "/api/v1/budget/{id}/sammanstallning/": {"get"},
    }


def test_parametrar_och_beskrivningar_pa_svenska(schema):
    vagar = schema["paths"]
    lista = {p["name"]: p for p in vagar["/api/v1/budget/"]["get"]["parameters"]}
    assert {"forbund", "ar", "page", "page_size"} <= set(lista)
    assert lista["ar"]["description"] == "Budgetåret, t.ex. 2021."
    till = {
        p["name"]: p for p in vagar["/api/v1/budget/{id}/sammanstallning/"]["get"]["parameters"]
    }["till"]
    assert till["schema"] == {"type": "string", "format": "date"}
    assert till["description"].startswith("Utfall till och med detta datum")
    for vag, metoder in vagar.items():
        if vag.startswith("/api/v1/budget/"):
            for metod, operation in metoder.items():
                assert operation.get("description"), (vag, metod)


def test_utfall_tar_ett_eller_en_lista(schema):
    komponenter = schema["components"]["schemas"]
    operation = schema["paths"]["/api/v1/budget/{id}/utfall/"]["post"]
    begaran = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    assert komponenter[begaran.rsplit("/", 1)[1]] == {
        "oneOf": [
            {"$ref": "#/components/schemas/UtfallRequest"},
            {"type": "array", "items": {"$ref": "#/components/schemas/UtfallRequest"}},
        ]
    }
    assert "utfallsimport" not in komponenter["UtfallRequest"]["properties"]


def svarsschema(schema: dict, vag: str) -> dict:
    svar = schema["paths"][vag]["get"]["responses"]["200"]["content"]["application/json"]
    return svar["schema"]


def komponent(schema: dict, del_: dict) -> dict:
    return schema["components"]["schemas"][del_["$ref"].rsplit("/", 1)[1]]


def test_sammanstallningens_schema_foljer_svaret(
    schema, budget, teamrad, utfallen, chef, partklient
):
    vag = "/api/v1/budget/{id}/sammanstallning/"
    # The part key's answer too; an empty kategori and an empty utblick included.
    for klient in (personlig_klient(chef), partklient):
        svar = klient.get(budget_url(budget, "sammanstallning")).json()
        samma_nycklar(svarsschema(schema, vag), svar, schema["components"]["schemas"], vag)


def test_resursernas_schema_har_svarens_nycklar(schema, budget, teamrad, utfallen, chef):
    # The optional model fields are always answered, though the schema does
    # not require them (as for every model resource): the keys must agree.
    klient = personlig_klient(chef)
    detalj = klient.get(budget_url(budget)).json()
    budgetar = komponent(schema, svarsschema(schema, "/api/v1/budget/{id}/"))
    assert set(budgetar["properties"]) == set(detalj)
    intakt = komponent(schema, budgetar["properties"]["intakter"]["items"])
    assert set(intakt["properties"]) == set(detalj["intakter"][0])
    for del_ in ("rader", "utfall"):
        lista = svarsschema(schema, f"/api/v1/budget/{{id}}/{del_}/")
        assert lista["type"] == "array"
        forsta = klient.get(budget_url(budget, del_)).json()[0]
        assert set(komponent(schema, lista["items"])["properties"]) == set(forsta), del_
