"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

Playwright's sync API runs an event loop in the test thread, so `make test-browser` sets
DJANGO_ALLOW_ASYNC_UNSAFE for the test's own (synchronous) database access.
"""

import pytest
from django.core.management import call_command
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium tries, and fails, to reach the internet.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def demo_site(live_server):
    """The live server with the Dutch demo content, as `make run` shows it."""
    call_command("load_demo_content", verbosity=0)
    return live_server


@pytest.fixture
def steady_editor(settings):
    """The page editor without background saves, for browser tests that save pages.

    The live server shares the in-memory SQLite test database's one connection among its request threads, so
    Wagtail's autosave (every half second after a change) and editing-session pings, racing the editor's own
    "save" or "submit" request, can make it fail. Switched off here; everything else is the real editor.
    """
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL = 10 * 60 * 1000  # milliseconds
    return settings
