"""The page gates (finsam/grindar.py): the right user in, a colleague and an outsider 404."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore
from django.http import Http404, HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from finsam.grindar import chefsvy
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@chefsvy
def vy(request, forbund, pk):
    return HttpResponse(f"{forbund.namn} {pk}")


def _begaran(user):
    request = RequestFactory().get("/hantering/")
    request.user = user
    request.session = SessionStore()
    return request


def test_forbundschefen_far_sidan_med_sitt_forbund(chef, forbund):
    svar = vy(_begaran(chef), pk=7)
    assert svar.content.decode() == "Samordningsförbundet Västerås 7"


@pytest.mark.parametrize("anvandare", ["samordnare", "styrelse"])
def test_andra_roller_far_404(request, anvandare, forbund):
    with pytest.raises(Http404):
        vy(_begaran(request.getfixturevalue(anvandare)), pk=7)


def test_chef_i_ett_annat_forbund_far_bara_sitt_eget(utomstaende, forbund):
    svar = vy(_begaran(utomstaende), pk=7)
    assert svar.content.decode() == "Samordningsförbundet Sala 7"


def test_admin_utan_roll_far_404(db):
    with pytest.raises(Http404):
        vy(_begaran(UserFactory(username="admin", is_superuser=True)), pk=7)


def test_utloggad_skickas_till_inloggningen():
    svar = vy(_begaran(AnonymousUser()), pk=7)
    assert svar.status_code == 302
    assert svar.url == f"{reverse('login')}?next=/hantering/"
