"""`manage.py load_demo_content`: the Dutch demo site, loaded once for this module (the command is slowish)."""

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.documents import get_document_model
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    PageLogEntry,
    Revision,
    Site,
    TaskState,
    WorkflowState,
)

from community.events import EventIndexPage, EventPage, EventRegistration
from community.partners import PartnerIndexPage
from community.submissions import StorySubmissionPage
from core.blocks import StoryBodyBlock
from correspondents.models import CorrespondentProfile, Municipality, RegionPage
from demo import demo_content
from home.models import BuurtwijsImage, HomeFeaturedTheme, HomePage, InformationPage
from stories.models import (
    KennispleinPage,
    KnowledgePage,
    Partner,
    PracticeStoryPage,
    Reaction,
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
    WorkflowState,
    TaskState,
    PageLogEntry,
    SearchPromotion,
    Reaction,
    EventRegistration,
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
    # Only the stories on their way through the editorial chain are not live.
    chain_slugs = {spec["slug"] for spec in demo_content.CHAIN_STORIES}
    assert set(Page.objects.filter(depth__gt=1, live=False).values_list("slug", flat=True)) == chain_slugs
    assert StoryKnowledgeLink.objects.exists()
    assert CorrespondentProfile.objects.filter(region__isnull=False).exists()
    statement = InformationPage.objects.live().get(slug="toegankelijkheid")
    assert (statement.url, statement.show_in_menus) == ("/toegankelijkheid/", False)
    assert KennispleinPage.objects.live().get().show_in_menus
    partners = PartnerIndexPage.objects.live().get()  # linked from the footer, not the menu
    assert (partners.url, partners.show_in_menus) == ("/partners/", False)
    share_your_story = StorySubmissionPage.objects.live().get()  # in the main menu
    assert (share_your_story.url, share_your_story.show_in_menus) == ("/deel-je-verhaal/", True)
    assert SearchPromotion.objects.filter(query__query_string="eenzaamheid").count() == 2
    events = EventIndexPage.objects.live().get()
    assert (events.url, events.show_in_menus) == ("/bijeenkomsten/", True)
    upcoming = EventPage.objects.live().upcoming()
    assert upcoming.count() == 3
    assert upcoming.filter(registration_open=True, capacity__isnull=False).count() == 1  # own form, few places
    assert upcoming.exclude(registration_url="").count() == 1
    assert upcoming.exclude(online_url="").count() == 1
    assert EventPage.objects.live().past().count() == 1
    assert EventRegistration.objects.count() == 10


@pytest.mark.django_db
def test_demo_conversation_shows_approved_reactions_and_leaves_one_for_the_utrecht_editors(demo, client):
    story = PracticeStoryPage.objects.get(slug="landelijk-netwerk-buurtmakers")
    page_text = " ".join(client.get(story.url).content.decode().split())

    assert Reaction.objects.filter(page=story, status=Reaction.Status.APPROVED).count() == 2
    assert "Reactie van de redactie" in page_text and "Goede vraag, Youssef." in page_text
    assert Reaction.objects.filter(page__slug="abcd", status=Reaction.Status.APPROVED).exists()
    pending = Reaction.objects.get(status=Reaction.Status.PENDING)
    assert pending.page.slug == "soep-op-woensdag-overvecht"
    assert "Bij ons staat er een pot op tafel" not in client.get(pending.page.url).content.decode()


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
def test_every_demo_story_passes_the_consent_gate(demo):
    """Every story names buurtmakers, so each has a complete consent record; no image lacks its people's consent."""
    problems = {
        story.slug: story.get_latest_revision_as_object().consent_problems()
        for story in PracticeStoryPage.objects.all()
    }

    assert {slug: missing for slug, missing in problems.items() if missing} == {}
    assert not BuurtwijsImage.objects.filter(people_consent=BuurtwijsImage.PeopleConsent.UNKNOWN).exists()


def awaiting_review(username):
    """The slugs of the pages on the user's "awaiting your review" list, with the step they wait at."""
    user = get_user_model().objects.get(username=username)
    return {
        task_state.workflow_state.content_object.slug: task_state.task.name
        for task_state in TaskState.objects.reviewable_by(user)
    }


@pytest.mark.django_db
def test_every_reviewer_finds_the_demo_chain_on_their_dashboard(demo):
    assert awaiting_review("redacteur-utrecht") == {"minibiebs-kanaleneiland": "Regionale redactie"}
    assert awaiting_review("redacteur-groningen") == {"ijsbaan-terug-in-het-dorp": "Regionale redactie"}
    assert awaiting_review("redacteur-rotterdam") == {"fietsles-voor-moeders-zuid": "Regionale redactie"}
    assert awaiting_review("redacteur-brabant") == {"buurtkoelkast-tilburg-noord": "Regionale redactie"}
    assert awaiting_review("redactie") == {
        "taallunch-nieuwegein": "Centrale redactie",
        "bewonersbedrijven-leren-van-elkaar": "Centrale redactie",
    }
    assert awaiting_review("correspondent-utrecht") == {}


@pytest.mark.django_db
def test_demo_chain_was_walked_by_the_demo_users(demo):
    states = {
        state.content_object.slug: state
        for state in WorkflowState.objects.select_related("requested_by", "workflow").prefetch_related(
            "task_states__finished_by"
        )
    }
    first_step = states["taallunch-nieuwegein"].task_states.order_by("started_at").first()
    changes = states["hangplek-houten"].task_states.get()
    draft = Page.objects.get(slug="eerste-buurtfeest-vermeerkwartier")

    assert states["minibiebs-kanaleneiland"].requested_by.username == "correspondent-utrecht"
    assert states["minibiebs-kanaleneiland"].workflow.name == "Redactieketen"
    assert (first_step.status, first_step.finished_by.username) == (TaskState.STATUS_APPROVED, "redacteur-utrecht")
    assert first_step.comment
    assert states["hangplek-houten"].status == WorkflowState.STATUS_NEEDS_CHANGES
    assert (changes.status, changes.finished_by.username) == (TaskState.STATUS_REJECTED, "redacteur-utrecht")
    assert "jongeren" in changes.comment
    assert states["bewonersbedrijven-leren-van-elkaar"].workflow.name == "Centrale redactie"
    assert draft.slug not in states
    assert (draft.live, draft.get_latest_revision().user.username) == (False, "correspondent-utrecht")


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
