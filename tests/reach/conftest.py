"""Bereik's tests: a beacon as the script sends it, and a reader's clock that can move to tomorrow."""

import datetime
from urllib.parse import urlencode

import pytest
from django.utils import timezone

from tests import factories

CHROME_LINUX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"
READER_IP = "203.0.113.57"


def send_beacon(client, page, event="view", referrer="", campaign="", ip=READER_IP, user_agent=CHROME_LINUX, **headers):
    """POST /bereik/ as navigator.sendBeacon does with URLSearchParams."""
    body = urlencode({"p": page.pk if hasattr(page, "pk") else page, "e": event, "r": referrer, "b": campaign})
    headers = {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "http://testserver", **headers}
    return client.post(
        "/bereik/",
        body,
        content_type="application/x-www-form-urlencoded;charset=UTF-8",
        REMOTE_ADDR=ip,
        HTTP_USER_AGENT=user_agent,
        **headers,
    )


@pytest.fixture
def story(site_tree, theme):
    story = factories.PracticeStoryPageFactory(parent=site_tree.stories, title="Soep op woensdag")
    story.themes.add(theme)
    story.save_revision().publish()
    return story


@pytest.fixture
def clock(monkeypatch):
    """Move the site's clock: ``clock.tomorrow()``; ``clock.at(moment)``."""

    class Clock:
        def at(self, moment):
            monkeypatch.setattr(timezone, "now", lambda: moment)

        def tomorrow(self):
            self.at(timezone.now() + datetime.timedelta(days=1))

    return Clock()
