"""'Elders in het land' on a story: live, public stories with the same themes from other regions, so practice
travels between regions. Most shared themes first, then newest; at most ELSEWHERE_LIMIT."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction

from stories.models.stories import ELSEWHERE_LIMIT
from tests import factories
from tests.helpers import get_page, soup, story_form_data

pytestmark = pytest.mark.django_db


def elsewhere(response):
    """The titles in the 'Elders in het land' section, in order; None when the section is not there."""
    heading = soup(response).find("h2", string="Elders in het land")
    if heading is None:
        return None
    return [a.get_text(strip=True) for a in heading.find_parent("section").select(".card__title a")]


@pytest.fixture
def stories(site_tree, region, other_region, theme):
    """A story in Utrecht about loneliness and housing, and stories around it."""
    housing = factories.ThemeHubPageFactory(parent=site_tree.themes, title="Wonen")
    poverty = factories.ThemeHubPageFactory(parent=site_tree.themes, title="Armoede")

    def story(title, parent, themes, days):
        return factories.PracticeStoryPageFactory(
            parent=parent, title=title, themes=themes, first_published_at=factories.days_ago(days)
        )

    private = story("Besloten in Groningen", other_region, [theme], 1)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    factories.PracticeStoryPageFactory(
        parent=other_region, title="Concept in Groningen", themes=[theme], live=False, first_published_at=None
    )
    return {
        "utrecht": story("Huiskamer in Utrecht", region, [theme, housing], 30),
        "same_region": story("Ook in Utrecht", region, [theme], 2),
        "both_themes": story("Woongroep in Groningen", other_region, [theme, housing], 40),
        "newest": story("Dorpsbus in Groningen", other_region, [theme], 3),
        "national": story("Landelijk netwerk", site_tree.stories, [housing], 5),
        "oldest": story("Oude aanpak in Groningen", other_region, [theme], 90),
        "other_theme": story("Schulden in Groningen", other_region, [poverty], 4),
        "housing": housing,
    }


def test_regional_story_shows_other_regions_and_national_stories_most_shared_themes_first(client, stories):
    response = get_page(client, stories["utrecht"])

    assert ELSEWHERE_LIMIT == 3
    assert elsewhere(response) == ["Woongroep in Groningen", "Dorpsbus in Groningen", "Landelijk netwerk"]


def test_never_itself_its_own_region_drafts_private_or_other_themes(client, stories):
    response = get_page(client, stories["utrecht"])
    shown = elsewhere(response)

    for title in [
        "Huiskamer in Utrecht",
        "Ook in Utrecht",
        "Concept in Groningen",
        "Besloten in Groningen",
        "Schulden in Groningen",
    ]:
        assert title not in shown


def test_national_story_shows_stories_from_the_regions(client, stories, site_tree, theme):
    national = factories.PracticeStoryPageFactory(
        parent=site_tree.stories, title="Landelijk over eenzaamheid", themes=[theme, stories["housing"]]
    )

    response = get_page(client, national)

    # Both themes first (Utrecht and Groningen alike), then the newest with one; never another national story.
    assert elsewhere(response) == ["Huiskamer in Utrecht", "Woongroep in Groningen", "Ook in Utrecht"]


def test_cards_name_the_region_elsewhere(client, stories):
    response = get_page(client, stories["utrecht"])
    section = soup(response).find("h2", string="Elders in het land").find_parent("section")

    assert "regio Groningen" in section.get_text()
    assert section.find("h3") is not None  # under the section's h2


def test_no_section_when_nothing_elsewhere_shares_a_theme(client, site_tree, region, theme):
    lonely = factories.PracticeStoryPageFactory(parent=region, title="Alleen hier", themes=[theme])

    assert elsewhere(get_page(client, lonely)) is None


def test_queries_do_not_grow_with_the_number_of_stories_elsewhere(client, stories, other_region, theme):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            get_page(client, stories["utrecht"])
        return len(captured)

    get_page(client, stories["utrecht"])
    before = queries()
    for n in range(15):
        factories.PracticeStoryPageFactory(parent=other_region, title=f"Nog een {n}", themes=[theme])

    assert queries() == before


def test_preview_of_a_new_story_shows_stories_elsewhere(admin_client, stories, region, theme):
    """An unsaved page has no id or tree path yet: the editor's preview still shows the section."""
    preview_url = reverse("wagtailadmin_pages:preview_on_add", args=["stories", "practicestorypage", region.pk])
    admin_client.post(preview_url, story_form_data(theme, title="Nieuw in Utrecht", slug="nieuw-in-utrecht"))

    response = admin_client.get(preview_url)

    assert response.status_code == 200
    assert "Nieuw in Utrecht" in response.content.decode()
    # Not from Utrecht, where the new story is being added.
    assert elsewhere(response) == ["Dorpsbus in Groningen", "Woongroep in Groningen", "Oude aanpak in Groningen"]
