"""Who may do what where (docs/architecture.md, "The editorial chain"): a permission matrix, role × action × place.

Read MATRIX as a table: a row per action, a column per place. The places are four stories:

- "own draft in R": a never-published story in Utrecht (R) that the person under test wrote and submits;
- "R": a live story in Utrecht written by a correspondent of Utrecht (not the person under test);
- "other region": a live story in Groningen written by Groningen's correspondent;
- "national": a live story under "Praktijkverhalen" written by another central editor.

The actions, checked through Wagtail's own permission API (what the admin's views ask) unless noted:

- view draft: GET the admin's "view draft" of the story (a real request);
- add: add a page next to it (``can_add_subpage`` on its parent);
- edit: open and save the editor; submit: submit it to its workflow from the editor;
- approve regional / central step: "approve" is among the step's actions once the writer submitted it (the
  regional step approved by another editor of the region for the central one);
- publish directly, unpublish, delete; move: move it to another section (another region, or into R).

"Add" in Wagtail is "create pages and edit your own": correspondents edit their own stories only; a regional
editor edits every page in R. Nobody but the administrator publishes directly; nobody approves their own work.
Edges that matter most are also tried through the real admin views at the end of this module.
"""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, WorkflowState

from correspondents.models import RegionalNewsPage
from stories.models import KnowledgePage, PracticeStoryPage, ThemeHubPage
from tests import factories
from tests.helpers import (
    CONSENT,
    add_url,
    assert_refused,
    edit_url,
    get_page,
    heading,
    post_new_page,
    story_form_data,
)

pytestmark = pytest.mark.django_db

Y, N, NA = "yes", "no", "n/a"
PLACES = ("own draft in R", "R", "other region", "national")
ACTIONS = (
    "view draft",
    "add",
    "edit",
    "submit",
    "approve regional step",
    "approve central step",
    "publish directly",
    "unpublish",
    "delete",
    "move",
)

# fmt: off
MATRIX = {
    #                             own draft in R   R    other region  national
    "correspondent of R": {
        "view draft":             (Y,              N,   N,            N),
        "add":                    (Y,              Y,   N,            N),
        "edit":                   (Y,              N,   N,            N),
        "submit":                 (Y,              N,   N,            N),
        "approve regional step":  (N,              N,   N,            NA),
        "approve central step":   (N,              N,   N,            N),
        "publish directly":       (N,              N,   N,            N),
        "unpublish":              (NA,             N,   N,            N),
        "delete":                 (Y,              N,   N,            N),  # their own drafts, never live pages
        "move":                   (N,              N,   N,            N),
    },
    "regional editor of R": {
        "view draft":             (Y,              Y,   N,            N),
        "add":                    (Y,              Y,   N,            N),
        "edit":                   (Y,              Y,   N,            N),
        "submit":                 (Y,              Y,   N,            N),
        "approve regional step":  (N,              Y,   N,            NA),
        "approve central step":   (N,              N,   N,            N),
        "publish directly":       (N,              N,   N,            N),
        "unpublish":              (NA,             N,   N,            N),
        "delete":                 (Y,              N,   N,            N),  # drafts only
        "move":                   (N,              N,   N,            N),
    },
    "central editor": {
        "view draft":             (Y,              Y,   Y,            Y),
        "add":                    (Y,              Y,   Y,            Y),
        "edit":                   (Y,              Y,   Y,            Y),
        "submit":                 (Y,              Y,   Y,            Y),
        "approve regional step":  (N,              N,   N,            NA),
        "approve central step":   (N,              Y,   Y,            Y),
        "publish directly":       (N,              N,   N,            N),
        "unpublish":              (NA,             N,   N,            N),
        "delete":                 (Y,              N,   N,            N),  # drafts only: no publish permission
        "move":                   (Y,              N,   N,            N),  # drafts only, likewise
    },
    "administrator": {
        "view draft":             (Y,              Y,   Y,            Y),
        "add":                    (Y,              Y,   Y,            Y),
        "edit":                   (Y,              Y,   Y,            Y),
        "submit":                 (Y,              Y,   Y,            Y),
        "approve regional step":  (N,              Y,   Y,            NA),  # not their own work
        "approve central step":   (N,              Y,   Y,            Y),
        "publish directly":       (Y,              Y,   Y,            Y),
        "unpublish":              (NA,             Y,   Y,            Y),
        "delete":                 (Y,              Y,   Y,            Y),
        "move":                   (Y,              Y,   Y,            Y),
    },
}
# fmt: on

ROLES = {
    "correspondent of R": "correspondent",
    "regional editor of R": "regional_editor",
    "central editor": "central_editor",
    "administrator": "admin",
}


@pytest.fixture
def teams(editorial_teams):
    return editorial_teams


@pytest.fixture
def places(teams, site_tree, region, other_region):
    """The three stories that are not the person's own: (story, its writer, who approves its regional step)."""
    writers = {"R": teams.colleague, "other region": teams.other_correspondent, "national": teams.second_central_editor}
    parents = {"R": region, "other region": other_region, "national": site_tree.stories}
    approvers = {"R": teams.second_regional_editor, "other region": teams.other_regional_editor, "national": None}
    stories = {}
    for place, writer in writers.items():
        stories[place] = factories.PracticeStoryPageFactory(parent=parents[place], owner=writer)
        stories[place].save_revision(user=writer)
    return {place: (stories[place], writers[place], approvers[place]) for place in writers}


def fresh(page):
    return Page.objects.get(pk=page.pk).specific


def move_destination(place, region, other_region):
    return other_region if place in {"own draft in R", "R"} else region


def view_draft(user, page):
    client = Client()
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    if response.status_code == 200:
        return True
    assert_refused(response)
    return False


def can_approve(user, page, task_name):
    task_state = fresh(page).current_workflow_task_state
    if task_state is None or task_state.task.name != task_name:
        return NA
    return "approve" in [name for name, _label, _modal in task_state.task.specific.get_actions(fresh(page), user)]


def allowed_actions(user, pages, region, other_region):
    """What ``user`` may do with each place's story: {action: (own draft in R, R, other region, national)}."""
    cells = {action: {} for action in ACTIONS}
    for place, (page, _writer, _approver) in pages.items():
        page = fresh(page)
        perms = page.permissions_for_user(user)
        cells["view draft"][place] = view_draft(user, page)
        cells["add"][place] = page.get_parent().permissions_for_user(user).can_add_subpage()
        cells["edit"][place] = perms.can_edit()
        cells["submit"][place] = perms.can_edit() and perms.can_submit_for_moderation()
        cells["publish directly"][place] = perms.can_publish()
        cells["unpublish"][place] = perms.can_unpublish() if page.live else NA
        cells["delete"][place] = perms.can_delete()
        cells["move"][place] = perms.can_move_to(move_destination(place, region, other_region))

    for page, writer, _approver in pages.values():
        page = fresh(page)
        page.get_workflow().start(page, writer)
    for place, (page, _writer, approver) in pages.items():
        cells["approve regional step"][place] = can_approve(user, page, "Regionale redactie")
        if approver:
            task_state = fresh(page).current_workflow_task_state
            task_state.task.specific.on_action(task_state, approver, "approve")
    for place, (page, _writer, _approver) in pages.items():
        cells["approve central step"][place] = can_approve(user, page, "Centrale redactie")

    return {
        action: tuple(Y if cell is True else N if cell is False else cell for cell in (by_place[p] for p in PLACES))
        for action, by_place in cells.items()
    }


def as_table(matrix):
    width = max(len(action) for action in ACTIONS)
    lines = [" " * width + "  " + "  ".join(f"{place:>14}" for place in PLACES)]
    lines += [f"{action:<{width}}  " + "  ".join(f"{cell:>14}" for cell in matrix[action]) for action in ACTIONS]
    return "\n".join(lines)


@pytest.mark.parametrize("role", MATRIX)
def test_permission_matrix(role, teams, places, region, other_region):
    user = getattr(teams, ROLES[role])
    own_draft = factories.PracticeStoryPageFactory(
        parent=region, title="Eigen concept", live=False, first_published_at=None, last_published_at=None, owner=user
    )
    own_draft.save_revision(user=user)
    pages = {"own draft in R": (own_draft, user, teams.second_regional_editor), **places}

    actual = allowed_actions(user, pages, region, other_region)

    assert actual == MATRIX[role], f"{role}, expected:\n{as_table(MATRIX[role])}\nactual:\n{as_table(actual)}"


# The same edges through the real admin views ------------------------------------------------------


def test_correspondents_publish_button_saves_a_draft_and_starts_nothing(client, teams, region, theme):
    client.force_login(teams.correspondent)

    response = post_new_page(client, PracticeStoryPage, region, story_form_data(theme, **CONSENT))

    assert response.status_code == 302
    story = PracticeStoryPage.objects.get(slug="soep-op-woensdag")
    assert not story.live and story.last_published_at is None
    assert not WorkflowState.objects.filter(object_id=str(story.pk)).exists()


def test_correspondent_opens_only_their_own_pages_in_their_own_region(client, teams, region, other_region, theme):
    own = factories.PracticeStoryPageFactory(parent=region, live=False, owner=teams.correspondent)
    colleagues = factories.PracticeStoryPageFactory(parent=region, live=False, owner=teams.colleague)
    elsewhere = factories.PracticeStoryPageFactory(parent=other_region, live=False, owner=teams.other_correspondent)
    client.force_login(teams.correspondent)

    assert client.get(edit_url(own)).status_code == 200
    assert heading(client.get(edit_url(own))) == f"Bewerk Praktijkverhaal: {own.title}"
    assert_refused(client.get(edit_url(colleagues)))
    assert_refused(client.get(edit_url(elsewhere)))
    assert_refused(client.get(reverse("wagtailadmin_pages:view_draft", args=[elsewhere.pk])))
    assert_refused(post_new_page(client, PracticeStoryPage, other_region, story_form_data(theme, slug="elders")))
    assert not PracticeStoryPage.objects.filter(slug="elders").exists()


@pytest.mark.parametrize(
    ("section", "model"),
    [("stories", PracticeStoryPage), ("themes", ThemeHubPage), ("knowledge", KnowledgePage)],
)
def test_only_the_central_team_adds_pages_in_the_national_sections(client, teams, site_tree, section, model):
    parent = getattr(site_tree, section)
    for user in (teams.correspondent, teams.regional_editor):
        client.force_login(user)
        assert_refused(client.get(add_url(model, parent)))

    client.force_login(teams.central_editor)
    assert client.get(add_url(model, parent)).status_code == 200
    title = {"stories": "Praktijkverhaal", "themes": "Thema", "knowledge": "Kennispagina"}[section]
    assert heading(client.get(add_url(model, parent))) == f"Nieuw: {title}"


def test_regional_news_add_view_is_open_in_the_own_region_only(client, teams, region, other_region):
    client.force_login(teams.correspondent)

    assert client.get(add_url(RegionalNewsPage, region)).status_code == 200
    assert heading(client.get(add_url(RegionalNewsPage, region))) == "Nieuw: Regionaal nieuws"
    assert_refused(client.get(add_url(RegionalNewsPage, other_region)))


def test_central_editors_publish_button_on_a_live_page_saves_a_draft(client, teams, site_tree, theme):
    story = factories.PracticeStoryPageFactory(parent=site_tree.stories, title="Buurtbudget", themes=[theme])
    client.force_login(teams.central_editor)
    data = story_form_data(theme, title="Buurtbudget herzien", slug=story.slug, **CONSENT)

    response = client.post(edit_url(story), {**data, "action-publish": "action-publish"})

    assert response.status_code == 302
    story = PracticeStoryPage.objects.get(pk=story.pk)
    assert story.live and story.title == "Buurtbudget"  # the live page is untouched
    assert story.has_unpublished_changes
    assert story.get_latest_revision_as_object().title == "Buurtbudget herzien"
    assert not WorkflowState.objects.filter(object_id=str(story.pk)).exists()


def test_administrator_publishes_directly(client, teams, site_tree, theme):
    client.force_login(teams.admin)

    post_new_page(client, PracticeStoryPage, site_tree.stories, story_form_data(theme, **CONSENT))

    assert PracticeStoryPage.objects.get(slug="soep-op-woensdag").live


@pytest.mark.parametrize("role", ["correspondent", "regional_editor", "central_editor"])
def test_nobody_but_the_administrator_unpublishes_or_deletes_a_live_story(client, teams, region, role):
    story = factories.PracticeStoryPageFactory(parent=region, owner=getattr(teams, role))
    client.force_login(getattr(teams, role))

    assert_refused(client.get(reverse("wagtailadmin_pages:unpublish", args=[story.pk])))
    assert_refused(client.post(reverse("wagtailadmin_pages:unpublish", args=[story.pk])))
    assert_refused(client.post(reverse("wagtailadmin_pages:delete", args=[story.pk])))

    assert PracticeStoryPage.objects.get(pk=story.pk).live
    assert heading(get_page(Client(), story)) == story.title

    # The administrator does both.
    client.force_login(teams.admin)
    assert client.post(reverse("wagtailadmin_pages:unpublish", args=[story.pk])).status_code == 302
    assert heading(Client().get(story.url)) == "Deze pagina bestaat niet (meer)"
    assert client.post(reverse("wagtailadmin_pages:delete", args=[story.pk])).status_code == 302
    assert not PracticeStoryPage.objects.filter(pk=story.pk).exists()


def test_correspondent_deletes_their_own_draft_but_cannot_move_it_out_of_the_region(
    client, teams, region, other_region
):
    draft = factories.PracticeStoryPageFactory(parent=region, live=False, owner=teams.correspondent)
    client.force_login(teams.correspondent)

    assert_refused(client.post(reverse("wagtailadmin_pages:move_confirm", args=[draft.pk, other_region.pk])))
    assert PracticeStoryPage.objects.get(pk=draft.pk).get_parent().pk == region.pk

    response = client.post(reverse("wagtailadmin_pages:delete", args=[draft.pk]))

    assert response.status_code == 302
    assert not PracticeStoryPage.objects.filter(pk=draft.pk).exists()
