"""Query budgets for the admin the editors use every day: the dashboard (/admin/) and the page explorer of
their region (/admin/pages/<region>/), with 30 regions and a few stories, and with 30 regions and 2,000
stories (docs/architecture.md, "Tests and query budgets"). One budget per view holds for both, and each view
costs the same with both: nothing costs a query per story.

One test does the whole comparison: it makes the 30 regions and 90 stories, measures every view for every role,
adds stories up to 2,000, measures again and compares.

SLOW SETUP, kept short on purpose (about 30 s on SQLite on an idle 2-core machine, the test database aside):
- the 30 provisioned regions and their people are made once, and the stories of the small size stay when the
  site grows to the large one;
- the stories go in the way fixtures load (``insert_stories``), not through ``add_child``, which costs
  a dozen queries and a search-index and reference-index task per page;
- in every region one story is approved on to the central step and one or more wait at the regional step,
  through the real workflow API (``save_revision`` + ``Workflow.start``, ``TaskState.approve``), with the
  search and reference index updates off (``index_updates_paused``): every panel has rows.

Each view is fetched with empty caches, once to warm up (first-request caches: content types, site root paths),
then counted. The counts are printed at the end of the module.
"""

from contextlib import contextmanager

import pytest
from django.core.cache import caches
from django.db import connection
from django.db.models.signals import post_save
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from modelsearch.signal_handlers import post_save_signal_handler as search_index_on_save
from wagtail.models import WorkflowState
from wagtail.signal_handlers import disable_reference_index_auto_update

from correspondents.chain.provisioning import ensure_central_team, ensure_workflows, provision_region
from correspondents.models import CorrespondentProfile
from demo.generated_content import insert_stories
from stories.models import PracticeStoryPage
from tests import factories
from tests.helpers import text

REGION_COUNT = 30
FEW, MANY = 90, 2000  # stories, spread over the 30 regions and the national story index
# Per view, for every role and both story counts: the counts measured on SQLite and PostgreSQL plus 3.
BUDGETS = {"dashboard": 39, "explorer": 35}  # the dashboard: 36 since Bereik's panel (one query)
QUERY_COUNTS = {}  # (view, role) -> {story count: queries}, for the table printed at the end of the module only


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


def add_stories(base, stories, story_count):
    """Stories up to ``story_count``, numbered on from those in ``stories`` ({parent pk: [story]}, filled in place),
    a third of them drafts; in every region some of them in the chain."""
    regions, writers, editors = base["regions"], base["writers"], base["editors"]
    parents = [*regions, base["tree"].stories]
    for parent in parents:
        parent.refresh_from_db()  # insert_stories() asks each parent for its last child
    new_stories = []
    for n in range(sum(len(children) for children in stories.values()), story_count):
        parent = parents[n % len(parents)]
        story = PracticeStoryPage(
            title=f"Verhaal {n}",
            slug=f"verhaal-{n}",
            intro="Hoe bewoners hun buurt weer leerden kennen.",
            owner=writers.get(parent.pk, base["central editor"]),
            live=n % 3 != 0,
            has_unpublished_changes=n % 3 == 0,
            first_published_at=None if n % 3 == 0 else factories.days_ago(n % 400),
        )
        stories.setdefault(parent.pk, []).append(story)
        new_stories.append((story, {"parent": parent}))
    insert_stories(new_stories)

    # The first story of every third region (the first region's included) stays a draft; the next goes on to
    # the central step; then one story (in the first region with 2,000 stories: ten) waits at the regional step.
    with index_updates_paused(PracticeStoryPage):
        for index, region in enumerate(regions):
            writer, editor = writers[region.pk], editors[region.pk]
            waiting = 10 if index == 0 and story_count == MANY else 1
            for position, story in enumerate(stories[region.pk][1 : waiting + 2]):
                if story.latest_revision_id is not None:
                    continue  # in the chain since a smaller size
                story.save_revision(user=writer)
                state = base["chain"].start(story, writer)
                if position == 0:
                    state.current_task_state.approve(user=editor)
    return stories


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


VIEWS = [
    ("dashboard", "correspondent"),
    ("dashboard", "regional editor"),
    ("dashboard", "central editor"),
    ("explorer", "correspondent"),
    ("explorer", "regional editor"),
]


def measure(base, stories):
    """{(view, role): the queries the view costs}, each fetched with empty caches, once to warm up and then
    counted; each must show what that person needs to see, so that an empty page cannot pass for a cheap one."""
    region, last_region = base["regions"][0], base["regions"][-1]
    people = {
        "correspondent": base["writers"][region.pk],
        "regional editor": base["editors"][region.pk],
        "central editor": base["central editor"],
    }
    expected = {
        "dashboard": {
            "correspondent": ["Nieuw verhaal", "Concept", "Bij de regioredactie", "Bij de centrale redactie"],
            "regional editor": ["Wacht op jouw beoordeling", stories[region.pk][2].title],
            "central editor": ["Wacht op de centrale redactie", stories[last_region.pk][1].title],
        },
        "explorer": {
            role: [stories[region.pk][1].title, stories[region.pk][2].title]
            for role in ("correspondent", "regional editor")
        },
    }
    story_count = sum(len(children) for children in stories.values())
    queries = {}
    for view, role in VIEWS:
        for cache in caches.all():
            cache.clear()
        client = Client()
        client.force_login(people[role])
        url = reverse("wagtailadmin_home") if view == "dashboard" else reverse("wagtailadmin_explore", args=[region.pk])
        assert client.get(url).status_code == 200  # warm-up
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        shown = text(response)
        for text_shown in expected[view][role]:
            assert text_shown in shown, f"with {story_count} stories, the {view} of the {role} misses {text_shown!r}"
        queries[(view, role)] = captured.captured_queries
    return queries


@pytest.mark.django_db
def test_admin_views_cost_the_same_queries_however_many_stories():
    base, stories = build_regions(), {}
    add_stories(base, stories, FEW)
    assert PracticeStoryPage.objects.count() == FEW
    few = measure(base, stories)

    add_stories(base, stories, MANY)
    assert PracticeStoryPage.objects.count() == MANY
    # As if made at this size: in every region one story at the central step, one waiting (ten in the first).
    assert WorkflowState.objects.count() == 2 * REGION_COUNT + 9
    many = measure(base, stories)

    QUERY_COUNTS.update({key: {FEW: len(few[key]), MANY: len(many[key])} for key in VIEWS})
    over_budget = [
        f"the {view} of the {role} costs {len(queries[(view, role)])} queries with {count} stories, over its budget "
        f"of {BUDGETS[view]}:\n" + "\n".join(query["sql"] for query in queries[(view, role)])
        for count, queries in ((FEW, few), (MANY, many))
        for view, role in VIEWS
        if len(queries[(view, role)]) > BUDGETS[view]
    ]
    assert not over_budget, "\n\n".join(over_budget)
    per_story = [
        f"the {view} of the {role} costs {len(many[(view, role)])} queries with {MANY} stories "
        f"and {len(few[(view, role)])} with {FEW}"
        for view, role in VIEWS
        if len(many[(view, role)]) != len(few[(view, role)])
    ]
    assert not per_story, "something costs a query per story:\n" + "\n".join(per_story)
