"""The public search at /zoeken/: finds live pages, never drafts, and any input gives a normal page."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from correspondents.models import Municipality
from tests import factories
from tests.helpers import heading, links, soup, text

pytestmark = pytest.mark.django_db

LONG_QUERY = ("moestuin " * 1200)[:10_000]


@pytest.fixture
def stories(site_tree, region):
    return {
        "live": factories.PracticeStoryPageFactory(
            parent=region,
            title="Moestuin aan de Lek",
            intro="Bewoners kweken samen groente.",
            municipality=Municipality.objects.get(name="Nieuwegein"),
        ),
        "draft": factories.PracticeStoryPageFactory(
            parent=site_tree.stories, title="Moestuin in de maak", live=False, first_published_at=None
        ),
        "other": factories.PracticeStoryPageFactory(parent=site_tree.stories, title="Soep op woensdag"),
    }


def search(client, query):
    response = client.get(reverse("search"), {"q": query})
    assert response.status_code == 200
    return response


def result_titles(response):
    return [a.get_text(strip=True) for a in soup(response).select("main ol a")]


def test_finds_a_live_story_by_a_word_in_its_title(client, stories):
    response = search(client, "moestuin")

    assert heading(response) == "Zoekresultaten"
    assert ("Moestuin aan de Lek", stories["live"].url) in links(response)
    assert "Soep op woensdag" not in result_titles(response)


def test_never_shows_a_draft(client, stories):
    response = search(client, "moestuin")

    assert "Moestuin in de maak" not in text(response)
    assert stories["draft"].url not in [href for _, href in links(response)]


def test_finds_a_story_by_its_municipality(client, stories):
    """The region page links each municipality to a search for its name."""
    response = search(client, "Nieuwegein")

    assert ("Moestuin aan de Lek", stories["live"].url) in links(response)


def test_no_results_says_so(client, stories):
    response = search(client, "zwembad")

    assert "Geen resultaten voor ‘zwembad’." in text(response)


def test_empty_query_shows_the_search_form(client, stories):
    response = search(client, "")

    assert heading(response) == "Zoeken"
    assert soup(response).find("input", attrs={"name": "q"}) is not None
    assert not result_titles(response)


@pytest.mark.parametrize(
    "query",
    [
        LONG_QUERY,
        "?!.,;:()[]{}*&^%$#@~`'\"",
        "'; DROP TABLE wagtailcore_page; --",
        "<script>alert('buurt')</script>",
        '"moestuin',
        "moestuin\x00",
        "   ",
    ],
    ids=["10000 characters", "only punctuation", "sql injection", "script tag", "double quote", "nul byte", "spaces"],
)
def test_any_input_gives_a_normal_page(client, stories, query):
    pages_before = Page.objects.count()

    response = search(client, query)
    html = response.content.decode()

    assert heading(response) in ("Zoekresultaten", "Zoeken")
    assert "<script>alert" not in html
    assert Page.objects.count() == pages_before


def test_script_tag_is_shown_escaped(client, stories):
    response = search(client, "<script>alert('buurt')</script>")

    assert "&lt;script&gt;" in response.content.decode()
    assert soup(response).find("input", attrs={"name": "q"})["value"] == "<script>alert('buurt')</script>"


def test_long_query_is_cut_to_a_reasonable_length(client, stories):
    response = search(client, LONG_QUERY)

    assert len(soup(response).find("input", attrs={"name": "q"})["value"]) <= 200
