"""The page tree of docs/architecture.md: each page type only where it makes sense, and the admin refuses the rest."""

import pytest
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data

from correspondents.models import RegionalNewsPage, RegionPage
from home.models import HomePage
from stories.models import KnowledgePage, PracticeStoryPage, StoryIndexPage, ThemeHubPage
from tests.helpers import assert_refused, post_new_page

pytestmark = pytest.mark.django_db

ALLOWED = [
    (PracticeStoryPage, "stories"),
    (PracticeStoryPage, "region"),
    (RegionalNewsPage, "region"),
    (RegionPage, "regions"),
    (ThemeHubPage, "themes"),
    (KnowledgePage, "knowledge"),
]

REFUSED = [
    ("a story under the theme index", PracticeStoryPage, "themes"),
    ("a story under the home page", PracticeStoryPage, "home"),
    ("a region under the story index", RegionPage, "stories"),
    ("a second story index", StoryIndexPage, "home"),
    ("a second home page", HomePage, "root"),
    ("regional news under the story index", RegionalNewsPage, "stories"),
    ("regional news under the region index", RegionalNewsPage, "regions"),
    ("a theme under the knowledge index", ThemeHubPage, "knowledge"),
    ("a knowledge page under a region", KnowledgePage, "region"),
]


def parent_page(site_tree, region, name):
    if name == "region":
        return region
    if name == "root":
        return Page.get_first_root_node()
    return getattr(site_tree, name)


@pytest.mark.parametrize(("model", "parent_name"), ALLOWED)
def test_page_type_can_be_created_where_the_design_puts_it(site_tree, region, model, parent_name):
    assert model.can_create_at(parent_page(site_tree, region, parent_name))


@pytest.mark.parametrize(("case", "model", "parent_name"), REFUSED, ids=[case for case, *_ in REFUSED])
def test_admin_refuses_a_page_type_outside_its_place(admin_client, site_tree, region, case, model, parent_name):
    parent = parent_page(site_tree, region, parent_name)
    pages_before = Page.objects.count()

    response = post_new_page(admin_client, model, parent, nested_form_data({"title": "Verkeerd", "slug": "verkeerd"}))

    assert not model.can_create_at(parent)
    assert_refused(response)
    assert Page.objects.count() == pages_before
    assert not Page.objects.filter(slug="verkeerd").exists()
