"""Two-factor authentication (TOTP): required of the central team and administrators in production, open to all."""

import logging
import time
from base64 import b32decode

import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests import factories
from tests.helpers import heading, soup, text

pytestmark = pytest.mark.django_db

PASSWORD = "wachtwoord"  # tests.factories.UserFactory's
WRONG_CODE_TEXT = "Deze code klopt niet"


@pytest.fixture
def required(settings):
    settings.BUURTWIJS_REQUIRE_2FA = True


def code(key, steps_ahead=0):
    """What the authenticator app shows now, or ``steps_ahead`` periods of 30 seconds later (a code is used once)."""
    totp = TOTP(key)
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"


def log_in(client, user):
    """Log in with the password through Wagtail's login form and follow where the admin sends the editor."""
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": user.username, "password": PASSWORD, "next": reverse("wagtailadmin_home")},
        follow=True,
    )


def landed_on(response):
    return response.redirect_chain[-1][0].split("?")[0] if response.redirect_chain else response.request["PATH_INFO"]


def setup_key(response):
    """The key shown under the QR code, as an editor would type it into the app."""
    return b32decode(soup(response).find("figcaption").find("code").get_text().replace(" ", ""))


def set_up(client):
    """Open the setup page, read the key, confirm with the app's code; the key is returned."""
    next_url = reverse("wagtailadmin_home")
    page = client.get(reverse("two_factor_setup"))
    key = setup_key(page)
    response = client.post(reverse("two_factor_setup"), {"code": code(key), "next": next_url})
    assert response.status_code == 302 and response.url == next_url
    return key


def test_a_central_editor_must_set_up_two_factor_before_using_the_admin(client, central_editor, required):
    response = log_in(client, central_editor)

    assert landed_on(response) == reverse("two_factor_setup")
    assert heading(response) == "Tweestapsverificatie"
    shown = text(response)
    assert "Voor de centrale redactie en beheerders is tweestapsverificatie verplicht" in shown
    assert "Scan in die app deze QR-code" in shown
    assert soup(response).find("figure").find("svg") is not None  # the QR code, drawn in the page itself
    # Every admin page sends the editor back here.
    for url in (reverse("wagtailadmin_home"), reverse("wagtailadmin_explore_root"), reverse("wagtailimages:index")):
        blocked = client.get(url)
        assert blocked.status_code == 302 and blocked.url.startswith(reverse("two_factor_setup"))
    # What the setup page itself loads stays reachable (a redirected icon sprite would paste the page in twice).
    assert client.get(reverse("wagtailadmin_sprite")).status_code == 200
    assert client.get(reverse("wagtailadmin_javascript_catalog")).status_code == 200

    key = setup_key(response)
    wrong = client.post(reverse("two_factor_setup"), {"code": "000000"})
    assert WRONG_CODE_TEXT in text(wrong)
    assert client.get(reverse("wagtailadmin_home")).status_code == 302
    time.sleep(1.1)  # after a wrong code the device waits a second before it takes the next (django-otp throttle)

    confirmed = client.post(reverse("two_factor_setup"), {"code": code(key), "next": reverse("wagtailadmin_home")})

    assert confirmed.url == reverse("wagtailadmin_home")
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert dashboard.status_code == 200
    assert "Tweestapsverificatie staat aan" in text(dashboard)


def test_after_setup_every_login_asks_for_the_code(client, central_editor, required):
    log_in(client, central_editor)
    key = set_up(client)
    client.logout()

    response = log_in(client, central_editor)

    assert landed_on(response) == reverse("two_factor_verify")
    assert heading(response) == "Code invullen"
    assert soup(response).find("input", attrs={"name": "code", "autocomplete": "one-time-code"}) is not None
    blocked = client.get(reverse("wagtailadmin_account"))
    assert blocked.status_code == 302 and blocked.url.startswith(reverse("two_factor_verify"))

    wrong = client.post(reverse("two_factor_verify"), {"code": "000000", "next": reverse("wagtailadmin_home")})
    assert wrong.status_code == 200
    assert WRONG_CODE_TEXT in text(wrong)
    assert client.get(reverse("wagtailadmin_home")).status_code == 302
    # Guessing is slow: right after a wrong code even the right one is refused, for a second, then two, four...
    too_soon = client.post(reverse("two_factor_verify"), {"code": code(key, steps_ahead=1)})
    assert "Te veel verkeerde codes achter elkaar. Wacht even en probeer het opnieuw." in text(too_soon)
    time.sleep(1.1)

    # The code of the setup cannot be used twice; the app's next code works.
    right = client.post(
        reverse("two_factor_verify"), {"code": code(key, steps_ahead=1), "next": reverse("wagtailadmin_account")}
    )

    assert right.url == reverse("wagtailadmin_account")
    assert client.get(reverse("wagtailadmin_account")).status_code == 200


def test_an_administrator_cannot_use_the_admin_without_two_factor(client, home, required):
    admin = factories.UserFactory(is_superuser=True)

    response = log_in(client, admin)

    assert landed_on(response) == reverse("two_factor_setup")
    blocked = client.get(reverse("wagtailusers_users:index"))
    assert blocked.status_code == 302 and blocked.url.startswith(reverse("two_factor_setup"))

    set_up(client)  # with two-factor set up, the same page opens
    users = client.get(reverse("wagtailusers_users:index"))
    assert users.status_code == 200 and admin.username in text(users)


def test_a_correspondent_is_not_forced_but_can_turn_two_factor_on(client, editorial_teams, required):
    correspondent = editorial_teams.correspondent

    response = log_in(client, correspondent)

    assert landed_on(response) == reverse("wagtailadmin_home")
    account = client.get(reverse("wagtailadmin_account"))
    assert soup(account).find("a", string="Tweestapsverificatie")["href"] == reverse("two_factor_setup")
    setup_page = client.get(reverse("two_factor_setup"))
    assert "Voor de centrale redactie" not in text(setup_page)
    assert "Met tweestapsverificatie is je wachtwoord alleen niet genoeg" in text(setup_page)

    key = set_up(client)
    client.logout()

    assert landed_on(log_in(client, correspondent)) == reverse("two_factor_verify")
    client.post(reverse("two_factor_verify"), {"code": code(key, steps_ahead=1)})
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_a_correspondent_can_turn_two_factor_off_but_not_with_the_password_alone(client, editorial_teams):
    correspondent = editorial_teams.correspondent
    log_in(client, correspondent)
    key = set_up(client)
    client.logout()
    log_in(client, correspondent)

    refused = client.post(reverse("two_factor_setup"), {"action": "disable"})

    assert refused.url.startswith(reverse("two_factor_verify"))
    assert TOTPDevice.objects.filter(user=correspondent).exists()

    client.post(reverse("two_factor_verify"), {"code": code(key, steps_ahead=1)})
    turned_off = client.post(reverse("two_factor_setup"), {"action": "disable"}, follow=True)

    assert "Tweestapsverificatie staat uit" in text(turned_off)
    assert not TOTPDevice.objects.filter(user=correspondent, confirmed=True).exists()
    client.logout()
    assert landed_on(log_in(client, correspondent)) == reverse("wagtailadmin_home")


def test_the_central_team_cannot_turn_required_two_factor_off(client, central_editor, required):
    log_in(client, central_editor)
    set_up(client)

    page = client.get(reverse("two_factor_setup"))
    client.post(reverse("two_factor_setup"), {"action": "disable"})

    assert "Tweestapsverificatie staat aan" in text(page)
    assert soup(page).find("button", string="Tweestapsverificatie uitzetten") is None
    assert TOTPDevice.objects.filter(user=central_editor, confirmed=True).exists()


def test_without_the_requirement_the_central_team_logs_in_with_the_password(client, central_editor):
    # Development and the demo: BUURTWIJS_REQUIRE_2FA is off unless the environment turns it on.
    assert landed_on(log_in(client, central_editor)) == reverse("wagtailadmin_home")


def test_a_refused_code_is_logged(client, central_editor, required, caplog):
    caplog.set_level(logging.INFO, logger="buurtwijs.auth")
    log_in(client, central_editor)
    set_up(client)
    client.logout()
    log_in(client, central_editor)

    client.post(reverse("two_factor_verify"), {"code": "000000"})

    assert f"Two-factor code refused: username={central_editor.username} ip=127.0.0.1" in caplog.text
