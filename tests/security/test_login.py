"""Login throttling (django-axes) on username and address together, its Dutch lockout page, and the login log."""

import logging
from datetime import timedelta

import pytest
from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt
from django.urls import reverse

from tests import factories
from tests.helpers import soup, text

pytestmark = pytest.mark.django_db

ATTACKER = "203.0.113.66"
EDITOR_ADDRESS = "198.51.100.7"
LOCKOUT_TEXT = "Te veel mislukte pogingen om met deze gebruikersnaam in te loggen"


DATABASE_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
CACHE_HANDLER = "buurtwijs.auth_security.ResilientAxesCacheHandler"


@pytest.fixture
def use_handler(settings):
    """Switch axes' counter; axes keeps one handler instance, so it is rebuilt now and after the test."""

    def use(handler):
        settings.AXES_HANDLER = handler
        AxesProxyHandler.get_implementation(force=True)

    yield use
    settings.AXES_HANDLER = DATABASE_HANDLER
    AxesProxyHandler.get_implementation(force=True)


@pytest.fixture(params=[DATABASE_HANDLER, CACHE_HANDLER])
def handler(request, use_handler):
    """Every test runs with the database (no Redis) and with the cache (Redis in production) as the counter."""
    use_handler(request.param)
    return request.param


@pytest.fixture
def editor(handler):
    return factories.UserFactory(username="lies", password="juist-wachtwoord")


def log_in(client, username, password, address, **headers):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password, "next": reverse("wagtailadmin_home")},
        REMOTE_ADDR=address,
        **headers,
    )


def logged_in(response):
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def fail_until_locked_out(client, username, address, **headers):
    """Four wrong passwords get Wagtail's own answer; the fifth locks the username out from that address."""
    for _ in range(4):
        response = log_in(client, username, "fout", address, **headers)
        assert response.status_code == 200
        assert "komen niet overeen" in text(response)
    response = log_in(client, username, "fout", address, **headers)
    assert response.status_code == 429
    assert LOCKOUT_TEXT in text(response)


def test_five_failures_lock_that_username_out_from_that_address_with_a_dutch_login_page(client, editor):
    fail_until_locked_out(client, "lies", ATTACKER)

    response = log_in(client, "lies", "juist-wachtwoord", ATTACKER)

    assert response.status_code == 429
    assert LOCKOUT_TEXT in text(response)
    assert "Probeer het over 15 minuten opnieuw" in text(response)
    # The login page itself, ready for the next try, with the username kept.
    form = soup(response).find("form", class_="login-form")
    assert form.find("input", attrs={"name": "username"})["value"] == "lies"
    assert form.find("input", attrs={"name": "password"})
    assert client.get(reverse("wagtailadmin_home")).status_code == 302  # not logged in

    # The same login from the editor's own address goes through.
    assert logged_in(log_in(client, "lies", "juist-wachtwoord", EDITOR_ADDRESS))
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_a_locked_out_username_still_logs_in_from_another_address(client, editor):
    fail_until_locked_out(client, "lies", ATTACKER)

    assert logged_in(log_in(client, "lies", "juist-wachtwoord", EDITOR_ADDRESS))


def test_another_username_still_logs_in_from_the_blocked_address(client, editor):
    factories.UserFactory(username="mark", password="ander-wachtwoord")
    fail_until_locked_out(client, "lies", ATTACKER)

    assert logged_in(log_in(client, "mark", "ander-wachtwoord", ATTACKER))


def test_a_successful_login_resets_the_count(client, editor):
    for _ in range(4):
        log_in(client, "lies", "fout", EDITOR_ADDRESS)
    assert logged_in(log_in(client, "lies", "juist-wachtwoord", EDITOR_ADDRESS))
    client.logout()
    for _ in range(4):
        log_in(client, "lies", "fout", EDITOR_ADDRESS)

    assert logged_in(log_in(client, "lies", "juist-wachtwoord", EDITOR_ADDRESS))


def test_the_lockout_ends_after_the_cool_off(client):
    # The database handler counts attempts younger than the cool-off; age them as fifteen minutes would.
    factories.UserFactory(username="lies", password="juist-wachtwoord")
    fail_until_locked_out(client, "lies", ATTACKER)
    assert log_in(client, "lies", "juist-wachtwoord", ATTACKER).status_code == 429

    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=16))

    assert logged_in(log_in(client, "lies", "juist-wachtwoord", ATTACKER))


def test_a_forged_forwarded_for_header_does_not_escape_the_lockout(client, editor):
    fail_until_locked_out(client, "lies", ATTACKER, HTTP_X_FORWARDED_FOR="192.0.2.1")

    response = log_in(client, "lies", "juist-wachtwoord", ATTACKER, HTTP_X_FORWARDED_FOR="192.0.2.99")

    assert response.status_code == 429
    assert LOCKOUT_TEXT in text(response)
    assert "_auth_user_id" not in client.session
    # From the editor's own address the same forged header is no obstacle: the address is what counts.
    assert logged_in(log_in(client, "lies", "juist-wachtwoord", EDITOR_ADDRESS, HTTP_X_FORWARDED_FOR="192.0.2.99"))


def test_behind_a_trusted_proxy_the_address_it_appended_counts(client, editor, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    # The client put a forged address in front; the proxy appended the real one.
    fail_until_locked_out(client, "lies", proxy, HTTP_X_FORWARDED_FOR=f"192.0.2.1, {ATTACKER}")

    locked = log_in(client, "lies", "juist-wachtwoord", proxy, HTTP_X_FORWARDED_FOR=f"192.0.2.2, {ATTACKER}")
    assert locked.status_code == 429
    # The editor reaches the site through the same proxy, from her own address.
    assert logged_in(log_in(client, "lies", "juist-wachtwoord", proxy, HTTP_X_FORWARDED_FOR=EDITOR_ADDRESS))


def test_failed_throttled_and_successful_logins_are_logged_without_the_password(client, editor, caplog):
    caplog.set_level(logging.INFO, logger="buurtwijs.auth")

    log_in(client, "lies", "geheim-fout-wachtwoord", ATTACKER)
    log_in(client, "lies", "juist-wachtwoord", EDITOR_ADDRESS)

    auth_records = [record.getMessage() for record in caplog.records if record.name == "buurtwijs.auth"]
    assert auth_records == [
        f"Login failed: username=lies ip={ATTACKER}",
        f"Login succeeded: username=lies ip={EDITOR_ADDRESS}",
    ]
    assert "geheim-fout-wachtwoord" not in caplog.text
    assert "juist-wachtwoord" not in caplog.text

    fail_until_locked_out(client, "lies", "203.0.113.67")
    assert "Login throttled: username=lies ip=203.0.113.67" in caplog.text


def test_a_redis_outage_pauses_the_throttle_but_not_the_login(client, settings, use_handler, caplog):
    # Nothing listens on port 1: every cache call fails as it would while Redis is down.
    settings.CACHES = {
        "default": {
            "BACKEND": "buurtwijs.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.3, "socket_timeout": 0.5},
        }
    }
    use_handler(CACHE_HANDLER)
    factories.UserFactory(username="lies", password="juist-wachtwoord")

    wrong = log_in(client, "lies", "fout", ATTACKER)

    assert wrong.status_code == 200
    assert "komen niet overeen" in text(wrong)
    assert f"Login failure not counted, the cache is unreachable: ip={ATTACKER}" in caplog.text
    assert logged_in(log_in(client, "lies", "juist-wachtwoord", EDITOR_ADDRESS))
