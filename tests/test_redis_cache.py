"""Redis as the shared cache (REDIS_URL), and a Redis outage that empties the cache instead of taking the site down."""

import os
import socket
import time

import pytest
from django.contrib.auth.models import Permission
from django.contrib.sessions.backends.cached_db import KEY_PREFIX as SESSION_KEY_PREFIX
from django.core.cache import caches
from django.urls import reverse

from buurtwijs.cache import redis_caches
from tests import factories
from tests.helpers import background_work_done, get_page, heading, soup, text

# One worker runs these tests one after another (make test uses pytest-xdist): they share the local Redis server.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("local-redis")]

# A database of its own on the local Redis server; the tests delete only the keys they wrote.
LOCAL_REDIS = "redis://127.0.0.1:6379/11"
PASSWORD = "wachtwoord"


def local_redis_running():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.2).close()
    except OSError:
        return False
    return True


# Skipped without a local Redis, unless BUURTWIJS_TEST_REDIS=required (CI): then they run, and fail without one.
needs_local_redis = pytest.mark.skipif(
    os.environ.get("BUURTWIJS_TEST_REDIS") != "required" and not local_redis_running(),
    reason="no Redis server at 127.0.0.1:6379",
)


@pytest.fixture
def use_redis(settings):
    """Configure the caches and sessions as base.py does when REDIS_URL is ``url``."""

    def use_redis(url):
        settings.CACHES = redis_caches(url)
        settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

    return use_redis


@pytest.fixture
def silent_server():
    """A server that accepts connections and never answers: every read from it times out."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        yield f"redis://127.0.0.1:{server.getsockname()[1]}/0"


@pytest.fixture
def editor():
    user = factories.UserFactory(first_name="Noor", last_name="Visser", password=PASSWORD)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def log_in(client, user):
    """Log in through the admin's login form, as a person does; returns the dashboard it leads to."""
    response = client.post(reverse("wagtailadmin_login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302, "the login form was refused"
    return client.get(response.url)


def story_with_photo(site_tree):
    return factories.PracticeStoryPageFactory(
        parent=site_tree.stories, title="Koffie op dinsdag", **factories.story_body("paragraph", "image")
    )


@needs_local_redis
def test_values_sessions_and_renditions_live_in_redis(use_redis, client, editor, site_tree):
    use_redis(LOCAL_REDIS)
    default, renditions = caches["default"], caches["renditions"]
    default.clear()  # database 11 is this test's own
    try:
        default.set("buurt", {"naam": "Lombok", "verhalen": [1, 2]})
        renditions.set("buurt", "een rendition")
        assert default.get("buurt") == {"naam": "Lombok", "verhalen": [1, 2]}
        assert renditions.get("buurt") == "een rendition", "each use has its own key prefix"
        assert default.add("teller", 1) and default.incr("teller", 2) == 3
        assert default.get_many(["teller", "onbekend"]) == {"teller": 3}

        log_in(client, editor)
        session = default.get(SESSION_KEY_PREFIX + client.cookies["sessionid"].value)
        assert session["_auth_user_id"] == str(editor.pk)

        story = story_with_photo(site_tree)
        with background_work_done():  # the first view queues the photo's renditions; the worker makes them
            assert heading(get_page(client, story)) == "Koffie op dinsdag"
        get_page(client, story)
        redis = default._cache.get_client()
        assert redis.keys("renditions:*wagtail-rendition-*"), "the next view did not cache the renditions in Redis"
    finally:
        default.clear()


@pytest.mark.parametrize("outage", ["refused", "silent"])
def test_a_redis_outage_leaves_pages_and_logins_working(outage, use_redis, silent_server, client, editor, site_tree):
    use_redis("redis://127.0.0.1:1/0" if outage == "refused" else silent_server)
    story = story_with_photo(site_tree)

    started = time.monotonic()
    page = get_page(client, story)
    dashboard = log_in(client, editor)
    after_login = get_page(client, story)
    elapsed = time.monotonic() - started

    assert heading(page) == "Koffie op dinsdag"
    assert "Bewoners drinken koffie aan een lange tafel" in [img.get("alt") for img in soup(page).find_all("img")]
    assert dashboard.status_code == 200 and "Noor" in text(dashboard)
    assert after_login.wsgi_request.user == editor, "the session was kept in the database"
    # Each cache (default, renditions) waits for one timeout (0.5 s), then leaves Redis alone for a while.
    assert elapsed < 3, f"took {elapsed:.1f} s"
