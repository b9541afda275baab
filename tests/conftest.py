"""Fixtures for the site tree and the people who edit it. Helpers for pages and the admin: tests/helpers.py."""

import pytest
from django.core.cache import caches

from correspondents.chain.provisioning import ensure_central_team
from correspondents.models import RegionPage
from stories.models import ThemeHubPage
from tests import factories


@pytest.fixture(autouse=True)
def empty_caches():
    """Each test starts with empty caches: database ids repeat between tests, and Wagtail caches renditions by
    image id, so a rendition of an earlier test's image would otherwise be served for this test's image."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def render_every_time(settings):
    """No page cache (core/pagecache.py): for tests that count what a render costs, or that change content behind
    the purge map's back (factories save pages without publishing them)."""
    settings.CACHES = {**settings.CACHES, "pages": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


@pytest.fixture
def home(db):
    """A HomePage as the root of the default Site, in place of Wagtail's welcome page."""
    return factories.create_home()


@pytest.fixture
def site_tree(home) -> factories.SiteTree:
    """The sections under the home page, as in "The page tree" of docs/architecture.md."""
    return factories.create_site_tree(home)


@pytest.fixture
def theme(site_tree) -> ThemeHubPage:
    return factories.ThemeHubPageFactory(parent=site_tree.themes, title="Eenzaamheid")


@pytest.fixture
def region(site_tree) -> RegionPage:
    """The region Utrecht with two municipalities."""
    region = factories.RegionPageFactory(parent=site_tree.regions, title="Utrecht")
    factories.MunicipalityFactory(region=region, name="Utrecht")
    factories.MunicipalityFactory(region=region, name="Nieuwegein")
    return region


@pytest.fixture
def other_region(site_tree) -> RegionPage:
    region = factories.RegionPageFactory(parent=site_tree.regions, title="Groningen")
    factories.MunicipalityFactory(region=region, name="Westerkwartier")
    return region


@pytest.fixture
def central_editor(home):
    """A member of the central editorial team: edits the whole site, publishes by approving the chain's last step."""
    return factories.UserFactory(groups=[ensure_central_team(home)])


@pytest.fixture
def editorial_teams(site_tree, region, other_region) -> factories.EditorialTeams:
    """Utrecht's and Groningen's teams, two central editors and an administrator, with the workflows in place."""
    return factories.create_editorial_teams(site_tree, region, other_region)
