"""Public pages answer the methods they take and refuse the rest with 405 and an Allow header, before the CSRF check
(buurtwijs/middleware.py: PageMethodMiddleware; core/pages.py: BasePage.allowed_http_methods)."""

import pytest
from django.test import Client
from django.urls import reverse

from tests import factories
from tests.helpers import text

pytestmark = pytest.mark.django_db

OTHER_METHODS = ["options", "delete", "put", "patch"]


@pytest.fixture
def browser():
    """A client that checks CSRF tokens, as a real browser request is checked."""
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def pages(site_tree):
    event_index = factories.EventIndexPageFactory(parent=site_tree.home)
    return {
        "story": factories.PracticeStoryPageFactory(parent=site_tree.stories, title="Soep op woensdag"),
        "intake": factories.StorySubmissionPageFactory(parent=site_tree.home),
        "event": factories.EventPageFactory(parent=event_index, title="Buurtavond", registration_open=True),
    }


@pytest.mark.parametrize("method", [*OTHER_METHODS, "post"])
def test_a_page_without_a_form_is_only_read(browser, pages, method):
    story = pages["story"].url

    refused = getattr(browser, method)(story)

    assert refused.status_code == 405
    assert refused["Allow"] == "GET, HEAD"
    # Positive control: the same page is read with GET and HEAD.
    assert "Soep op woensdag" in text(browser.get(story))
    assert browser.head(story).status_code == 200


@pytest.mark.parametrize("method", OTHER_METHODS)
def test_a_page_with_a_form_also_takes_post_and_checks_its_csrf_token(browser, pages, method):
    for form_url in [pages["intake"].url, pages["event"].url + "aanmelden/"]:
        refused = getattr(browser, method)(form_url)
        assert (refused.status_code, refused["Allow"]) == (405, "GET, HEAD, POST"), form_url

        # POST is taken, so it reaches the CSRF check: without a token, 403; the form itself is shown to a GET.
        assert browser.post(form_url, {}).status_code == 403
        assert "<form" in browser.get(form_url).content.decode()


def test_search_is_only_read(browser, site_tree):
    refused = browser.options(reverse("search"))

    assert (refused.status_code, refused["Allow"]) == (405, "GET, HEAD")
    assert "Zoeken" in text(browser.get(reverse("search"), {"q": "soep"}))
