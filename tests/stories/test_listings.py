"""Story listings: newest first, in pages of LISTING_PAGE_SIZE, each story with its region."""

import pytest

from core.listing import LISTING_PAGE_SIZE
from correspondents.regions import with_regions
from stories.models import PracticeStoryPage
from tests import factories
from tests.helpers import get_page, soup

pytestmark = pytest.mark.django_db


def listed_titles(response, stories):
    """The titles of ``stories`` linked from the page, in the order the page shows them."""
    urls = {story.url: story.title for story in stories}
    titles = [urls[a["href"]] for a in soup(response).find_all("a", href=True) if a["href"] in urls]
    return list(dict.fromkeys(titles))


@pytest.fixture
def theme_stories(site_tree, theme):
    """One more story than fits on a page, "Verhaal 1" the newest; plus a draft and a story on another theme."""
    stories = [
        factories.PracticeStoryPageFactory(
            parent=site_tree.stories, title=f"Verhaal {n}", themes=[theme], first_published_at=factories.days_ago(n)
        )
        for n in range(LISTING_PAGE_SIZE + 1, 0, -1)
    ]
    other_theme = factories.ThemeHubPageFactory(parent=site_tree.themes, title="Wonen")
    stories.append(
        factories.PracticeStoryPageFactory(parent=site_tree.stories, title="Ander thema", themes=[other_theme])
    )
    stories.append(
        factories.PracticeStoryPageFactory(
            parent=site_tree.stories, title="Concept", themes=[theme], live=False, first_published_at=None
        )
    )
    return stories


def test_theme_hub_lists_its_stories_newest_first(client, theme, theme_stories):
    response = get_page(client, theme)

    assert listed_titles(response, theme_stories) == [f"Verhaal {n}" for n in range(1, LISTING_PAGE_SIZE + 1)]


def test_theme_hub_second_page_has_the_oldest_story(client, theme, theme_stories):
    response = get_page(client, theme, pagina=2)

    assert listed_titles(response, theme_stories) == [f"Verhaal {LISTING_PAGE_SIZE + 1}"]


@pytest.mark.parametrize(("pagina", "first_title"), [("abc", "Verhaal 1"), ("-1", "Verhaal 13"), ("999", "Verhaal 13")])
def test_theme_hub_bad_page_number_gives_a_normal_page(client, theme, theme_stories, pagina, first_title):
    response = get_page(client, theme, pagina=pagina)

    assert listed_titles(response, theme_stories)[0] == first_title


def test_story_index_lists_national_and_regional_stories(client, site_tree, region):
    stories = [
        factories.PracticeStoryPageFactory(
            parent=site_tree.stories, title="Landelijk", first_published_at=factories.days_ago(2)
        ),
        factories.PracticeStoryPageFactory(
            parent=region, title="Uit Utrecht", first_published_at=factories.days_ago(1)
        ),
    ]

    response = get_page(client, site_tree.stories)

    assert listed_titles(response, stories) == ["Uit Utrecht", "Landelijk"]


def test_with_regions_attaches_each_storys_region_in_one_query(
    site_tree, region, other_region, django_assert_num_queries
):
    factories.PracticeStoryPageFactory(parent=site_tree.stories, title="Landelijk")
    factories.PracticeStoryPageFactory(parent=region, title="Uit Utrecht")
    factories.PracticeStoryPageFactory(parent=other_region, title="Uit Groningen")
    stories = list(PracticeStoryPage.objects.order_by("title"))

    with django_assert_num_queries(1):
        regions = {story.title: story.region for story in with_regions(stories)}

    assert regions == {"Landelijk": None, "Uit Groningen": other_region, "Uit Utrecht": region}


def test_region_of_a_story_outside_a_listing(site_tree, region):
    assert factories.PracticeStoryPageFactory(parent=region).region == region
    assert factories.PracticeStoryPageFactory(parent=site_tree.stories).region is None
