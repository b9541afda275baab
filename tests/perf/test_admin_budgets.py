"""Query budgets for the admin the editors use every day: the dashboard (/admin/) and the page explorer of
their region (/admin/pages/<region>/), with 30 regions and a few stories, and with 30 regions and 2,000
stories (issue 3, STYLE.md point 8). One budget per view holds for both: nothing costs a query per story.

SLOW SETUP, kept short on purpose (about 30 s on SQLite on an idle 2-core machine, the test database aside):
- the 30 provisioned regions and their people are made once for the module, the stories once per story
  count, each undone afterwards (``rolled_back``);
- the stories go in the way fixtures load (``insert_stories``), not through ``add_child``, which costs
  a dozen queries and a search-index and reference-index task per page;
- in every region one story is approved on to the central step and one or more wait at the regional step,
  through the real workflow API (``save_revision`` + ``Workflow.start``, ``TaskState.approve``), with the
  search and reference index updates off (``index_updates_paused``): every panel has rows.

Each view is fetched once to warm up (first-request caches: content types, site root paths), then counted.
The counts are printed at the end of the module.
"""

from contextlib import contextmanager

import pytest
from django.db.models.signals import post_save
from django.urls import reverse
from modelsearch.signal_handlers import post_save_signal_handler as search_index_on_save
from wagtail.signal_handlers import disable_reference_index_auto_update

from correspondents.chain.provisioning import ensure_central_team, ensure_workflows, provision_region
from correspondents.models import CorrespondentProfile
from demo.generated_content import insert_stories
from stories.models import PracticeStoryPage
from tests import factories
from tests.helpers import rolled_back, text

REGION_COUNT = 30
FEW, MANY = 90, 2000  # stories, spread over the 30 regions and the national story index
# Per view, for every role and both story counts: the counts measured on SQLite and PostgreSQL plus 3.
BUDGETS = {"dashboard": 36, "explorer": 35}
QUERY_COUNTS = {}  # (view, role) -> {story count: queries}


@contextmanager
def index_updates_paused(model):
    """Saves of ``model`` without the search-index and reference-index updates Wagtail runs after each save."""
    post_save.disconnect(search_index_on_save, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.connect(search_index_on_save, sender=model)


def person(region, group, role):
    user = factories.UserFactory(groups=[group])
    factories.CorrespondentProfileFactory(user=user, region=region, role=role, name=user.get_full_name())
    return user


def build_regions():
    """The site tree and workflows, 30 provisioned regions with a correspondent and an editor each, a central editor."""
    tree = factories.create_site_tree()
    chain, _central = ensure_workflows(tree.home, tree.regions)
    central_editor = factories.UserFactory(groups=[ensure_central_team(tree.home)])
    regions, writers, editors = [], {}, {}
    for n in range(REGION_COUNT):
        region = factories.RegionPageFactory(parent=tree.regions, title=f"Regio {n:02}")
        correspondents_group, editors_group, _ = provision_region(region)
        writers[region.pk] = person(region, correspondents_group, CorrespondentProfile.Role.CORRESPONDENT)
        editors[region.pk] = person(region, editors_group, CorrespondentProfile.Role.REGIONAL_EDITOR)
        regions.append(region)
    return {
        "tree": tree,
        "chain": chain,
        "regions": regions,
        "writers": writers,
        "editors": editors,
        "central editor": central_editor,
    }


def add_stories(base, story_count):
    """``story_count`` stories, a third of them drafts; in every region some of them in the chain."""
    regions, writers, editors = base["regions"], base["writers"], base["editors"]
    parents = [*regions, base["tree"].stories]
    stories = {parent.pk: [] for parent in parents}
    for n in range(story_count):
        parent = parents[n % len(parents)]
        stories[parent.pk].append(
            PracticeStoryPage(
                title=f"Verhaal {n}",
                slug=f"verhaal-{n}",
                intro="Hoe bewoners hun buurt weer leerden kennen.",
                owner=writers.get(parent.pk, base["central editor"]),
                live=n % 3 != 0,
                has_unpublished_changes=n % 3 == 0,
                first_published_at=None if n % 3 == 0 else factories.days_ago(n % 400),
            )
        )
    insert_stories([(story, {"parent": parent}) for parent in parents for story in stories[parent.pk]])

    # The first story of every third region (the first region's included) stays a draft; the next goes on to
    # the central step; then one story (in the first region with 2,000 stories: ten) waits at the regional step.
    with index_updates_paused(PracticeStoryPage):
        for index, region in enumerate(regions):
            writer, editor = writers[region.pk], editors[region.pk]
            waiting = 10 if index == 0 and story_count == MANY else 1
            for position, story in enumerate(stories[region.pk][1 : waiting + 2]):
                story.save_revision(user=writer)
                state = base["chain"].start(story, writer)
                if position == 0:
                    state.current_task_state.approve(user=editor)
    return stories


@pytest.fixture(scope="module")
def regions(django_db_setup, django_db_blocker):
    with rolled_back(django_db_blocker):
        yield build_regions()


@pytest.fixture(scope="module", params=[FEW, MANY], ids=["few stories", "2000 stories"])
def site(request, regions, django_db_blocker):
    with rolled_back(django_db_blocker):
        stories = add_stories(regions, request.param)
        region, last_region = regions["regions"][0], regions["regions"][-1]
        yield {
            "story count": request.param,
            "region": region,
            "people": {
                "correspondent": regions["writers"][region.pk],
                "regional editor": regions["editors"][region.pk],
                "central editor": regions["central editor"],
            },
            "expected": {  # what each person must see, so that an empty page cannot pass for a cheap one
                "dashboard": {
                    "correspondent": ["Nieuw verhaal", "Concept", "Bij de regioredactie", "Bij de centrale redactie"],
                    "regional editor": ["Wacht op jouw beoordeling", stories[region.pk][2].title],
                    "central editor": ["Wacht op de centrale redactie", stories[last_region.pk][1].title],
                },
                "explorer": {
                    role: [stories[region.pk][1].title, stories[region.pk][2].title]
                    for role in ("correspondent", "regional editor")
                },
            },
        }


@pytest.fixture(scope="module", autouse=True)
def print_counts(request):
    yield
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if not QUERY_COUNTS or reporter is None or capture is None:
        return
    with capture.global_and_fixture_disabled():
        reporter.write_line("")
        reporter.write_sep("-", f"admin queries with {REGION_COUNT} regions")
        reporter.write_line(f"{'view':<12}{'role':<18}{f'{FEW} stories':>12}{f'{MANY} stories':>14}{'budget':>8}")
        for (view, role), counts in QUERY_COUNTS.items():
            cells = f"{counts.get(FEW, '-'):>12}{counts.get(MANY, '-'):>14}"
            reporter.write_line(f"{view:<12}{role:<18}{cells}{BUDGETS[view]:>8}")


# The explorer asks can_delete() and can_unpublish() for every listed page; home.models.LeafPagePermissionTester
# answers both without a query for pages without children, so the explorer's cost does not grow with the stories.


@pytest.mark.django_db
@pytest.mark.parametrize(
    "view, role",
    [
        ("dashboard", "correspondent"),
        ("dashboard", "regional editor"),
        ("dashboard", "central editor"),
        ("explorer", "correspondent"),
        ("explorer", "regional editor"),
    ],
)
def test_admin_view_costs_the_same_queries_however_many_stories(
    client, site, view, role, django_assert_max_num_queries
):
    client.force_login(site["people"][role])
    url = (
        reverse("wagtailadmin_home")
        if view == "dashboard"
        else reverse("wagtailadmin_explore", args=[site["region"].pk])
    )
    assert client.get(url).status_code == 200  # warm-up

    captured = None
    try:
        with django_assert_max_num_queries(BUDGETS[view]) as captured:
            response = client.get(url)
    finally:
        if captured is not None:
            QUERY_COUNTS.setdefault((view, role), {})[site["story count"]] = len(captured)

    assert response.status_code == 200
    shown = text(response)
    for expected in site["expected"][view][role]:
        assert expected in shown, f"the {view} of the {role} does not show {expected!r}"
