"""Idle timeout: a session lives 30 minutes after the last request."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db


def _session(client) -> Session:
    return Session.objects.get(session_key=client.session.session_key)


def test_sessionen_loper_ut_efter_30_minuter_utan_aktivitet():
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is True


def test_varje_anrop_forlanger_sessionen(client, chef):
    client.force_login(chef)
    session = _session(client)
    session.expire_date = timezone.now() + timedelta(minutes=2)
    session.save()

    assert client.get(reverse("oversikt")).status_code == 200
    kvar = _session(client).expire_date - timezone.now()
    assert timedelta(minutes=29) < kvar <= timedelta(minutes=30)


def test_utgangen_session_kraver_ny_inloggning(client, chef):
    client.force_login(chef)
    session = _session(client)
    session.expire_date = timezone.now() - timedelta(seconds=1)
    session.save()

    svar = client.get(reverse("oversikt"))
    assert svar.status_code == 302
    assert svar.url == f"{reverse('login')}?next=/oversikt/"
