"""Helpers of the budget API tests: the endpoints' addresses."""

import datetime

D = datetime.date


def budget_url(budgetar=None, del_: str = "") -> str:
    if budgetar is None:
        return "/api/v1/budget/"
    return f"/api/v1/budget/{budgetar.pk}/{del_ + '/' if del_ else ''}"
