"""`manage.py load_demo_content`: the Dutch demo site, loaded once for this module (the command is slowish)."""

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.documents import get_document_model
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page, Revision, Site

from correspondents.models import CorrespondentProfile, Municipality, RegionPage
from home.models import BuurtwijsImage, HomeFeaturedTheme, HomePage
from stories.blocks import StoryBodyBlock
from stories.models import (
    KnowledgePage,
    Partner,
    PracticeStoryPage,
    StoryBuurtmaker,
    StoryKnowledgeLink,
    TargetGroup,
    ThemeCuratedPick,
    ThemeHubPage,
)
from tests.helpers import heading, rolled_back

COUNTED = [
    Page,
    Revision,
    BuurtwijsImage,
    get_document_model(),
    TargetGroup,
    Partner,
    Municipality,
    get_user_model(),
    Group,
    CorrespondentProfile,
    StoryKnowledgeLink,
    StoryBuurtmaker,
    ThemeCuratedPick,
    HomeFeaturedTheme,
    Collection,
    GroupPagePermission,
    GroupCollectionPermission,
    Site,
]


def counts():
    return {model.__name__: model.objects.count() for model in COUNTED}


@dataclass
class DemoRuns:
    after_first: dict
    after_second: dict


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo content, loaded twice; rolled back after this module's tests."""
    with rolled_back(django_db_blocker):
        call_command("load_demo_content", verbosity=0)
        after_first = counts()
        call_command("load_demo_content", verbosity=0)
        yield DemoRuns(after_first=after_first, after_second=counts())


@pytest.mark.django_db
def test_second_run_creates_nothing(demo):
    assert demo.after_second == demo.after_first


@pytest.mark.django_db
def test_demo_site_has_the_promised_content(demo):
    assert Site.objects.get(is_default_site=True).root_page.specific_class is HomePage
    assert RegionPage.objects.live().count() >= 4
    assert ThemeHubPage.objects.live().count() >= 8
    assert PracticeStoryPage.objects.live().count() >= 30
    assert KnowledgePage.objects.live().count() >= 8
    assert not Page.objects.filter(depth__gt=1, live=False).exists()
    assert StoryKnowledgeLink.objects.exists()
    assert CorrespondentProfile.objects.filter(region__isnull=False).exists()


@pytest.mark.django_db
def test_demo_stories_use_every_story_block(demo):
    used = {block.block_type for story in PracticeStoryPage.objects.all() for block in story.body}

    assert used == set(StoryBodyBlock.base_blocks)


@pytest.mark.django_db
def test_every_demo_page_renders_with_its_title(demo, client):
    failures = []
    for page in Page.objects.live().filter(depth__gt=1).specific():
        response = client.get(page.url)
        if response.status_code != 200:
            failures.append(f"{page.url}: {response.status_code}")
        elif heading(response) != page.title:
            failures.append(f"{page.url}: h1 {heading(response)!r}, title {page.title!r}")

    assert not failures


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("settings_module", "debug"),
    [("buurtwijs.settings.production", False), ("buurtwijs.settings.production", True), ("elsewhere.settings", False)],
)
def test_refuses_production_settings(settings_module, debug):
    pages_before = Page.objects.count()

    # One override for both: a nested override_settings reads SETTINGS_MODULE as None.
    with override_settings(SETTINGS_MODULE=settings_module, DEBUG=debug), pytest.raises(CommandError, match="refuses"):
        call_command("load_demo_content", verbosity=0)

    assert Page.objects.count() == pages_before
