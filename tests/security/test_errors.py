"""With DEBUG off nothing leaks: a failing view gives the Dutch 500 page, even with the database down, and an
unknown address the Dutch 404 page; neither shows a traceback or the error."""

from unittest import mock

import pytest
from django.conf import settings
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client

from stories.models import PracticeStoryPage
from tests import factories
from tests.helpers import heading, text

pytestmark = pytest.mark.django_db

SECRET_DETAIL = "wachtwoord=hunter2 in /srv/buurtwijs/stories/models.py"


@pytest.fixture
def visitor():
    """A browser: the test client hands the view's exception to the test unless told to answer like a server."""
    return Client(raise_request_exception=False)


def assert_dutch_500(response):
    assert response.status_code == 500
    assert heading(response) == "Er ging iets mis"
    assert "Probeer het over een paar minuten opnieuw" in text(response)
    body = response.content.decode()
    for leak in ("Traceback", "OperationalError", "RuntimeError", SECRET_DETAIL, str(settings.BASE_DIR)):
        assert leak not in body
    assert response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_view_that_raises_gives_the_dutch_500_page(visitor, site_tree, caplog):
    story = factories.PracticeStoryPageFactory(parent=site_tree.stories)
    assert settings.DEBUG is False
    with mock.patch.object(PracticeStoryPage, "serve", side_effect=RuntimeError(SECRET_DETAIL)):
        response = visitor.get(story.url)
    assert_dutch_500(response)
    # The error goes to the log for the developers instead.
    assert any(SECRET_DETAIL in str(record.exc_info[1]) for record in caplog.records if record.exc_info)


def test_the_500_page_renders_with_the_database_down(visitor, site_tree, caplog):
    url = site_tree.stories.url
    with mock.patch.object(
        BaseDatabaseWrapper, "ensure_connection", side_effect=OperationalError(f"could not connect: {SECRET_DETAIL}")
    ) as database:
        response = visitor.get(url)
    assert database.called, "the request never reached the database"
    assert_dutch_500(response)
    assert any(isinstance(record.exc_info[1], OperationalError) for record in caplog.records if record.exc_info)


def test_an_unknown_address_gives_the_dutch_404_page(visitor, site_tree):
    response = visitor.get("/verhalen/bestaat-niet/")
    assert response.status_code == 404
    assert heading(response) == "Deze pagina bestaat niet (meer)"
    assert "Traceback" not in response.content.decode()
    # A story that is there, at its address, is served.
    story = factories.PracticeStoryPageFactory(parent=site_tree.stories, title="Soep op woensdag")
    assert heading(visitor.get(story.url)) == "Soep op woensdag"


def test_a_form_post_too_large_to_read_gives_the_dutch_400_page(site_tree, caplog):
    """More form text than DATA_UPLOAD_MAX_MEMORY_SIZE (photos do not count) is refused before any view runs."""
    browser = Client(enforce_csrf_checks=True)  # the CSRF check is what reads the post first
    browser.cookies["csrftoken"] = "a" * 32

    intake = factories.StorySubmissionPageFactory(parent=site_tree.home)  # a page that takes a POST
    response = browser.post(intake.url, {"tekst": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)})

    assert response.status_code == 400
    assert heading(response) == "Dit verzoek konden we niet verwerken"
    assert "Maak je antwoorden korter en probeer het opnieuw." in text(response)


def test_a_form_posted_without_a_valid_csrf_token_gives_the_dutch_403_page(site_tree, caplog):
    intake = factories.StorySubmissionPageFactory(parent=site_tree.home)  # a page that takes a POST
    response = Client(enforce_csrf_checks=True).post(intake.url, {"naam": "Fatima"})

    assert response.status_code == 403
    assert heading(response) == "Je formulier is verlopen"
    assert "laad de pagina opnieuw en verstuur het formulier nog een keer" in text(response)
    assert "CSRF" not in text(response)
