"""Security headers: a Content-Security-Policy without inline script on public pages (the same for every visitor,
so shared caches may keep them), a looser one for the Wagtail admin, nosniff, Referrer-Policy, Permissions-Policy,
and in production HSTS and secure, HttpOnly cookies."""

import json
import os
import subprocess
import sys
from urllib.parse import urlsplit

import pytest
from django.conf import settings as django_settings
from django.http import HttpResponse
from django.template import engines
from django.test import RequestFactory, override_settings
from django.urls import reverse

from buurtwijs.security import ContentSecurityPolicyMiddleware
from tests import factories
from tests.helpers import soup

pytestmark = pytest.mark.django_db

PUBLIC_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
DISABLED_FEATURES = ["camera", "microphone", "geolocation", "payment", "usb"]


def policy(response, header="Content-Security-Policy"):
    """The policy as {directive: [sources]}."""
    directives = [part.split() for part in response[header].split(";")]
    return {directive[0]: directive[1:] for directive in directives}


def permissions(response):
    return {item.split("=")[0].strip(): item.split("=")[1] for item in response["Permissions-Policy"].split(",")}


def assert_common_headers(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    features = permissions(response)
    for feature in DISABLED_FEATURES:
        assert features[feature] == "()", feature


@pytest.fixture
def story(site_tree, theme):
    """A live story with every kind of block, a video among them."""
    return factories.PracticeStoryPageFactory(parent=site_tree.stories, themes=[theme], **factories.full_story_body())


def test_a_public_story_has_every_header_and_a_policy_without_nonce(client, story):
    response = client.get(story.url)
    assert response.status_code == 200
    assert policy(response) == PUBLIC_POLICY
    assert_common_headers(response)
    # The same header for everyone: the page stays cacheable by a shared cache.
    assert "s-maxage=600" in response["Cache-Control"]
    assert client.get(story.url)["Content-Security-Policy"] == response["Content-Security-Policy"]
    assert "Strict-Transport-Security" not in response  # production only, below


def test_a_public_story_needs_nothing_the_policy_forbids(client, story):
    """No inline script (JSON-LD is data, not script), no inline style, no event handler attributes, and the
    video frame comes from an allowed player."""
    page = soup(client.get(story.url))
    for script in page.find_all("script"):
        assert script.get("src") or script.get("type") == "application/ld+json", script
    assert page.find("style") is None
    assert page.select("[style]") == []
    assert [tag.name for tag in page.find_all(True) if any(attr.startswith("on") for attr in tag.attrs)] == []
    frames = page.find_all("iframe")
    assert frames, "the story has a video"
    for frame in frames:
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(frame["src"]))
        assert origin in PUBLIC_POLICY["frame-src"]


def test_search_and_404_have_the_public_policy(client, site_tree):
    for url, status in ((reverse("search"), 200), ("/bestaat-niet/", 404)):
        response = client.get(url, {"q": "buurt"})
        assert response.status_code == status
        assert policy(response) == PUBLIC_POLICY
        assert_common_headers(response)


def test_the_admin_has_its_own_policy_with_inline_script_and_style(client, home):
    client.force_login(factories.UserFactory(is_superuser=True))
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert policy(response) == {
        **PUBLIC_POLICY,
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "frame-src": ["'self'", *PUBLIC_POLICY["frame-src"]],
        "connect-src": ["'self'", "https://releases.wagtail.org"],
    }
    assert_common_headers(response)


def test_the_login_page_has_the_admin_policy(client, home):
    response = client.get(reverse("wagtailadmin_login"))
    assert "'unsafe-inline'" in policy(response)["script-src"]
    assert "nonce" not in response["Content-Security-Policy"]


def test_a_template_that_uses_the_nonce_gets_it_in_the_header_and_is_never_shared():
    template = engines["django"].from_string("{% load csp %}{% script %}window.buurtwijs = 1;{% endscript %}")

    def view(request):
        return HttpResponse(template.render({}, request))

    response = ContentSecurityPolicyMiddleware(view)(RequestFactory().get("/"))
    nonce = soup(response).find("script")["nonce"]
    assert len(nonce) >= 22
    assert policy(response)["script-src"] == ["'self'", f"'nonce-{nonce}'"]
    assert response["Cache-Control"] == "private"


# Production ---------------------------------------------------------------------------------------

PRODUCTION_SECURITY_SETTINGS = [
    "DEBUG",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY",
    "PERMISSIONS_POLICY",
]


@pytest.fixture(scope="module")
def production_values():
    """The security settings as buurtwijs.settings.production computes them, in a process of their own (it
    changes lists it shares with the base settings)."""
    code = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{name: getattr(settings, name) for name in {PRODUCTION_SECURITY_SETTINGS!r}}}))"
    )
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SECURE_", "SESSION_", "CSRF_", "REDIS_", "DJANGO_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="buurtwijs.settings.production",
        SECRET_KEY="production-like-test-key-" + "x" * 40,
        ALLOWED_HOSTS="testserver",
        DATABASE_URL="postgres://buurtwijs@127.0.0.1:5432/buurtwijs",
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], env=env, cwd=django_settings.BASE_DIR, capture_output=True, text=True, check=True
    )
    values = json.loads(result.stdout)
    values["SECURE_PROXY_SSL_HEADER"] = tuple(values["SECURE_PROXY_SSL_HEADER"])
    return values


@pytest.fixture
def production(production_values):
    with override_settings(**production_values):
        yield production_values


HTTPS = {"HTTP_X_FORWARDED_PROTO": "https"}


def test_production_sends_hsts_for_a_year_with_subdomains(client, story, production):
    assert production["DEBUG"] is False
    response = client.get(story.url, **HTTPS)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert policy(response) == PUBLIC_POLICY
    assert_common_headers(response)


def test_production_redirects_plain_http_to_https(client, story, production):
    response = client.get(story.url)
    assert response.status_code == 301
    assert response.url == f"https://testserver{story.url}"


def test_production_cookies_are_secure_and_httponly(client, home, production):
    factories.UserFactory(username="redacteur", password="Wachtwoord-2026!", is_superuser=True)
    login_form = client.get(reverse("wagtailadmin_login"), **HTTPS)
    csrf_cookie = login_form.cookies["csrftoken"]
    assert csrf_cookie["secure"] and csrf_cookie["httponly"]
    # The admin carries its token in the page, where its scripts read it, not only in the cookie.
    assert soup(login_form).find("input", {"name": "csrfmiddlewaretoken"})["value"]

    response = client.post(
        reverse("wagtailadmin_login"), {"username": "redacteur", "password": "Wachtwoord-2026!"}, **HTTPS
    )
    assert response.status_code == 302, "the login failed"
    session_cookie = response.cookies["sessionid"]
    assert session_cookie["secure"] and session_cookie["httponly"]
    assert session_cookie["samesite"] == "Lax"
