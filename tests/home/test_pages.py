"""The home page: served at /, shows the newest stories, featured themes and regions; creatable in the admin."""

import pytest
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from home.models import HomePage
from tests import factories
from tests.helpers import get_page, heading, links, post_new_page, text

pytestmark = pytest.mark.django_db


def test_home_page_is_served_at_the_site_root(client, home):
    assert home.url == "/"

    response = get_page(client, home)

    assert response.context["page"] == home
    assert heading(response) == "Buurtwijs"
    assert "Verhalen van buurtmakers uit heel Nederland." in text(response)


def test_home_page_shows_newest_stories_featured_themes_and_regions(client, site_tree, region, theme):
    old = factories.PracticeStoryPageFactory(
        parent=site_tree.stories, title="Oud", first_published_at=factories.days_ago(30)
    )
    stories = [
        factories.PracticeStoryPageFactory(parent=region, title=f"Nieuw {n}", first_published_at=factories.days_ago(n))
        for n in range(1, 7)
    ]
    factories.HomeFeaturedThemeFactory(home=site_tree.home, theme=theme)

    response = get_page(client, site_tree.home)
    page_links = links(response)

    assert all((story.title, story.url) in page_links for story in stories)
    assert (old.title, old.url) not in page_links  # only the six newest
    assert ("Eenzaamheid", theme.url) in page_links
    assert ("Utrecht", region.url) in page_links


def test_superuser_creates_the_home_page(admin_client, db):
    root = Page.get_first_root_node()
    data = nested_form_data(
        {
            "title": "Buurtwijs",
            "slug": "buurtwijs",
            "intro": rich_text("<p>Welkom bij Buurtwijs.</p>"),
            "featured_themes": inline_formset([]),
        }
    )

    response = post_new_page(admin_client, HomePage, root, data)

    assert response.status_code == 302
    home = HomePage.objects.get()
    assert home.live and home.get_parent().pk == root.pk
    assert "Welkom bij Buurtwijs." in home.intro
