import pytest

from tests.budget.seed002 import bygg_budget_2021


@pytest.fixture
def budget_2021(forbund):
    return bygg_budget_2021(forbund)
