"""The editorial chain through the real admin views: correspondent → regional editors → central team → live.

Every step is what the admin's buttons post: the add/edit form with ``action-submit``, and the workflow
action dialog (``/admin/pages/workflow/action/<page>/<approve|reject>/<task state>/``).
"""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text

from correspondents.chain.provisioning import CENTRAL_TASK, CENTRAL_WORKFLOW, CHAIN_WORKFLOW, REGIONAL_TASK
from correspondents.models import Municipality, RegionPage
from home.models import BuurtwijsImage
from stories.models import PracticeStoryPage
from tests import factories
from tests.helpers import (
    CONSENT,
    STORY_BODY,
    action_dialog,
    admin_text,
    approve,
    assert_refused,
    edit_url,
    get_page,
    heading,
    offered_workflow_actions,
    request_changes,
    resubmit,
    story_form_data,
    submit_new_page,
    text,
    workflow_action,
    workflow_action_url,
)

pytestmark = pytest.mark.django_db

REVIEW_ACTIONS = [("reject", "Wijzigingen vragen"), ("approve", "Goedkeuren"), ("approve", "Goedkeuren met opmerking")]
# At the last step Wagtail names what approving does.
LAST_STEP_ACTIONS = [
    ("reject", "Wijzigingen vragen"),
    ("approve", "Goedkeuren en publiceren"),
    ("approve", "Goedkeuren met opmerking en publiceren"),
]
MISSING_RECORD = "Het verhaal noemt of toont buurtmakers; vul bij Toestemming in: wie toestemming gaf, hoe, wanneer."


@pytest.fixture
def teams(editorial_teams):
    return editorial_teams


@pytest.fixture
def write(client, region, theme):
    """Write a story "Soep op woensdag" as ``user`` under ``parent`` (Utrecht) and submit it; returns the page."""

    def write(user, parent=region, **fields):
        client.force_login(user)
        if parent == region and "municipality" not in fields:
            fields["municipality"] = str(Municipality.objects.get(name="Nieuwegein").pk)
        response = submit_new_page(client, PracticeStoryPage, parent, story_form_data(theme, **fields))
        assert response.status_code == 302, f"the add view answered {response.status_code}"
        return PracticeStoryPage.objects.get(slug=fields.get("slug", "soep-op-woensdag"))

    return write


@pytest.fixture
def act_as(client):
    """``act_as(user, helper, page, ...)``: log in as ``user`` and run a helper from tests/helpers.py."""

    def act_as(user, helper, *args, **kwargs):
        client.force_login(user)
        return helper(client, *args, **kwargs)

    return act_as


def position(page):
    """Where the page stands: (workflow, workflow status, current task, task status)."""
    state = WorkflowState.objects.filter(object_id=str(page.pk)).order_by("-created_at", "-pk").first()
    if state is None:
        return None
    task_state = state.current_task_state
    return (state.workflow.name, state.status, task_state.task.name, task_state.status)


def task_history(page):
    """Every task state of the page's latest workflow, oldest first: (task, status, who finished it, comment)."""
    state = WorkflowState.objects.filter(object_id=str(page.pk)).order_by("-created_at", "-pk").first()
    return [
        (ts.task.name, ts.status, ts.finished_by.get_full_name() if ts.finished_by else None, ts.comment)
        for ts in TaskState.objects.filter(workflow_state=state).order_by("started_at", "pk")
    ]


def is_live(page):
    return PracticeStoryPage.objects.get(pk=page.pk).live


def public_status(page):
    """What an anonymous reader gets at the page's public URL."""
    return Client().get(PracticeStoryPage.objects.get(pk=page.pk).url).status_code


AT_REGIONAL_STEP = (CHAIN_WORKFLOW, "in_progress", REGIONAL_TASK, "in_progress")
AT_CENTRAL_STEP = (CHAIN_WORKFLOW, "in_progress", CENTRAL_TASK, "in_progress")


# The whole chain ---------------------------------------------------------------------------------


def test_correspondents_story_goes_live_through_the_regional_and_the_central_step(write, act_as, teams, region):
    story = write(teams.correspondent, **CONSENT)

    assert story.get_parent().pk == region.pk and story.owner == teams.correspondent
    assert position(story) == AT_REGIONAL_STEP
    assert not is_live(story) and public_status(story) == 404

    act_as(teams.regional_editor, approve, story)

    assert position(story) == AT_CENTRAL_STEP
    assert not is_live(story) and public_status(story) == 404

    act_as(teams.central_editor, approve, story)

    assert position(story) == (CHAIN_WORKFLOW, "approved", CENTRAL_TASK, "approved")
    assert task_history(story) == [
        (REGIONAL_TASK, "approved", "Anouk de Wit", ""),
        (CENTRAL_TASK, "approved", "Lies van den Berg", ""),
    ]
    story = PracticeStoryPage.objects.get(pk=story.pk)
    assert story.live and story.live_revision.user == teams.correspondent
    response = get_page(Client(), story)
    assert heading(response) == "Soep op woensdag"
    assert "Hoe een pan soep de buurt weer bij elkaar bracht." in text(response)


@pytest.mark.parametrize("step", ["regional", "central"])
def test_request_for_changes_returns_the_story_and_the_chain_resumes_at_that_step(write, act_as, client, teams, step):
    story = write(teams.correspondent, **CONSENT)
    reviewer = teams.regional_editor if step == "regional" else teams.central_editor
    if step == "central":
        act_as(teams.regional_editor, approve, story)

    act_as(reviewer, request_changes, story, "Graag een zin over wat de gemeente deed.")

    rejecting_task = REGIONAL_TASK if step == "regional" else CENTRAL_TASK
    assert position(story) == (CHAIN_WORKFLOW, "needs_changes", rejecting_task, "rejected")
    assert not is_live(story) and public_status(story) == 404
    # The author sees the request and the reviewer's comment in the editor's status panel.
    client.force_login(teams.correspondent)
    status = admin_text(client.get(edit_url(story)))
    assert f"Wijzigingen aangevraagd door {reviewer.get_full_name()}" in status
    assert 'met opmerking: "Graag een zin over wat de gemeente deed."' in status

    new_intro = "Hoe een pan soep de buurt bij elkaar bracht, met steun van de gemeente."
    response = act_as(
        teams.correspondent, resubmit, story, story_form_data(story.themes.first(), intro=new_intro, **CONSENT)
    )

    assert response.status_code == 302
    # Resumes at the step that asked for changes: an earlier approval stands.
    assert position(story) == (CHAIN_WORKFLOW, "in_progress", rejecting_task, "in_progress")
    approvals_before = [entry for entry in task_history(story) if entry[1] == "approved"]
    assert approvals_before == ([(REGIONAL_TASK, "approved", "Anouk de Wit", "")] if step == "central" else [])

    if step == "regional":
        act_as(teams.regional_editor, approve, story)
    act_as(teams.central_editor, approve, story)

    story = PracticeStoryPage.objects.get(pk=story.pk)
    assert story.live and story.intro == new_intro
    assert [name for name, status, _, _ in task_history(story)].count(REGIONAL_TASK) == (2 if step == "regional" else 1)


def test_approve_with_comment_at_both_steps(write, act_as, teams):
    story = write(teams.correspondent, **CONSENT)

    act_as(teams.regional_editor, approve, story, comment="Mooi verhaal, de quote is sterk.")
    act_as(teams.central_editor, approve, story, comment="Geplaatst, dank!")

    assert is_live(story)
    assert task_history(story) == [
        (REGIONAL_TASK, "approved", "Anouk de Wit", "Mooi verhaal, de quote is sterk."),
        (CENTRAL_TASK, "approved", "Lies van den Berg", "Geplaatst, dank!"),
    ]


def test_both_steps_offer_approve_approve_with_comment_and_request_changes(write, act_as, client, teams):
    story = write(teams.correspondent, **CONSENT)

    assert act_as(teams.regional_editor, offered_workflow_actions, story) == REVIEW_ACTIONS
    act_as(teams.regional_editor, approve, story)
    assert act_as(teams.central_editor, offered_workflow_actions, story) == LAST_STEP_ACTIONS
    # The dialog of "approve with comment" is Wagtail's own, with a comment field.
    client.force_login(teams.central_editor)
    response = client.get(workflow_action_url(story, "approve"), HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert 'name="comment"' in response.json()["html"]


# The consent gate --------------------------------------------------------------------------------


def image_block(image):
    return ("image", {"image": image.pk, "alt_text": "Bewoners aan tafel", "caption": "", "credit": ""})


UNKNOWN, CONSENTED = BuurtwijsImage.PeopleConsent.UNKNOWN, BuurtwijsImage.PeopleConsent.CONSENTED
NO_DATE = {"consent_given_by": "Fatima El Amrani", "consent_method": "email"}
PHOTO_WITHOUT_CONSENT = "Van de mensen op de foto ‘Straatfeest’ is geen toestemming vastgelegd."

# What the story holds — (where a photo "Straatfeest" is and what its people agreed to, the consent record,
# whether it names a buurtmaker) — and what the regional editor is told is missing.
CONSENT_GAPS = {
    "names a buurtmaker, no record": ((None, None), {}, True, [MISSING_RECORD]),
    "names a buurtmaker, no date": (
        (None, None),
        NO_DATE,
        True,
        ["Het verhaal noemt of toont buurtmakers; vul bij Toestemming in: wanneer."],
    ),
    "photo in the body, consent unknown": (("body", UNKNOWN), CONSENT, True, [PHOTO_WITHOUT_CONSENT]),
    "listing photo, consent unknown": (("listing_image", UNKNOWN), CONSENT, True, [PHOTO_WITHOUT_CONSENT]),
    "photo of people who agreed, no record": (("body", CONSENTED), {}, False, [MISSING_RECORD]),
}


def story_with(theme, photo_place, people_consent, record, names_buurtmaker):
    """The add form of "Soep op woensdag" with a photo, a consent record and a buurtmaker, or without them."""
    photo = people_consent and factories.ImageFactory(title="Straatfeest", people_consent=people_consent)
    body = [*STORY_BODY, image_block(photo)] if photo_place == "body" else STORY_BODY
    data = story_form_data(theme, body=body, **record)
    if photo_place == "listing_image":
        data["listing_image"] = str(photo.pk)
    if not names_buurtmaker:
        data["buurtmakers-TOTAL_FORMS"] = "0"
    return data


@pytest.mark.parametrize("gap", CONSENT_GAPS)
def test_consent_gate_stops_the_regional_step_and_says_what_is_missing(client, act_as, teams, region, theme, gap):
    (photo_place, people_consent), record, names_buurtmaker, problems = CONSENT_GAPS[gap]
    client.force_login(teams.correspondent)
    data = story_with(theme, photo_place, people_consent, record, names_buurtmaker)
    submit_new_page(client, PracticeStoryPage, region, data)
    story = PracticeStoryPage.objects.get(slug="soep-op-woensdag")
    assert position(story) == AT_REGIONAL_STEP

    # "Goedkeuren" opens a dialog that says, in Dutch, what is missing, and offers no way to approve.
    assert act_as(teams.regional_editor, offered_workflow_actions, story) == [
        ("reject", "Wijzigingen vragen"),
        ("approve", "Goedkeuren"),
    ]
    dialog = act_as(teams.regional_editor, action_dialog, story, "approve")
    assert "Nog niet goed te keuren" in dialog
    for problem in problems:
        assert problem in dialog
    assert (
        'name="comment"'
        not in client.get(workflow_action_url(story, "approve"), HTTP_X_REQUESTED_WITH="XMLHttpRequest").json()["html"]
    )

    assert_refused(act_as(teams.regional_editor, workflow_action, story, "approve"))

    assert position(story) == AT_REGIONAL_STEP
    assert task_history(story) == [(REGIONAL_TASK, "in_progress", None, "")]
    assert not is_live(story)


def test_photos_without_people_and_a_complete_record_pass_the_gate(client, act_as, teams, region, theme):
    scenery = factories.ImageFactory(title="Het plein", people_consent=BuurtwijsImage.PeopleConsent.NO_PEOPLE)
    people = factories.ImageFactory(title="Straatfeest", people_consent=BuurtwijsImage.PeopleConsent.CONSENTED)
    data = story_form_data(theme, body=[*STORY_BODY, image_block(scenery), image_block(people)], **CONSENT)
    client.force_login(teams.correspondent)
    submit_new_page(client, PracticeStoryPage, region, {**data, "listing_image": str(people.pk)})
    story = PracticeStoryPage.objects.get(slug="soep-op-woensdag")

    dialog = act_as(teams.regional_editor, action_dialog, story, "approve")
    assert "Nog niet goed te keuren" not in dialog
    act_as(teams.regional_editor, approve, story)

    assert position(story) == AT_CENTRAL_STEP


def test_regional_editor_completes_the_record_then_another_editor_of_the_region_approves(
    write, act_as, client, teams, theme
):
    story = write(teams.correspondent)  # names Fatima El Amrani, no consent record
    assert_refused(act_as(teams.regional_editor, workflow_action, story, "approve"))

    # The editor fills in the record in the editor and saves (a draft revision, the chain goes on).
    client.force_login(teams.regional_editor)
    response = client.post(edit_url(story), story_form_data(theme, **CONSENT))
    assert response.status_code == 302
    assert position(story) == AT_REGIONAL_STEP

    # The latest revision, the one approval publishes, is now the editor's own work.
    assert act_as(teams.regional_editor, offered_workflow_actions, story) == []
    assert_refused(act_as(teams.regional_editor, workflow_action, story, "approve"))
    assert "Nog niet goed te keuren" not in act_as(teams.second_regional_editor, action_dialog, story, "approve")
    act_as(teams.second_regional_editor, approve, story)
    assert position(story) == AT_CENTRAL_STEP
    act_as(teams.central_editor, approve, story)

    story = PracticeStoryPage.objects.get(pk=story.pk)
    assert story.live
    assert (story.consent_given_by, story.consent_method, str(story.consent_date)) == (
        "Fatima El Amrani",
        "email",
        "2024-07-01",
    )


def test_correspondent_completes_the_record_after_a_request_for_changes(write, act_as, teams, theme):
    story = write(teams.correspondent)  # names Fatima El Amrani, no consent record
    act_as(teams.regional_editor, request_changes, story, "Vul de toestemming van Fatima in.")

    act_as(teams.correspondent, resubmit, story, story_form_data(theme, **CONSENT))

    assert position(story) == AT_REGIONAL_STEP
    act_as(teams.regional_editor, approve, story)
    assert position(story) == AT_CENTRAL_STEP


# Nobody approves their own work ------------------------------------------------------------------


def test_regional_editor_cannot_approve_their_own_story_another_editor_can(write, act_as, client, teams):
    story = write(teams.regional_editor, **CONSENT)

    assert position(story) == AT_REGIONAL_STEP
    assert act_as(teams.regional_editor, offered_workflow_actions, story) == []
    assert client.get(workflow_action_url(story, "approve"), HTTP_X_REQUESTED_WITH="XMLHttpRequest").status_code == 403
    assert_refused(client.get(workflow_action_url(story, "approve")))
    assert_refused(act_as(teams.regional_editor, workflow_action, story, "approve"))
    assert_refused(act_as(teams.regional_editor, workflow_action, story, "reject", comment="Zelf afgekeurd"))
    assert position(story) == AT_REGIONAL_STEP

    act_as(teams.second_regional_editor, approve, story)

    assert position(story) == AT_CENTRAL_STEP


def test_central_editor_cannot_approve_at_the_central_step_what_they_submitted(write, act_as, teams):
    story = write(teams.central_editor, **CONSENT)
    act_as(teams.regional_editor, approve, story)

    assert act_as(teams.central_editor, offered_workflow_actions, story) == []
    assert_refused(act_as(teams.central_editor, workflow_action, story, "approve"))
    assert position(story) == AT_CENTRAL_STEP and not is_live(story)

    act_as(teams.second_central_editor, approve, story)

    assert is_live(story)


def test_central_editor_who_last_edited_the_story_cannot_approve_it(write, act_as, client, teams, theme):
    story = write(teams.correspondent, **CONSENT)
    act_as(teams.regional_editor, approve, story)
    client.force_login(teams.central_editor)
    edited_intro = "Hoe een pan soep op woensdag de buurt weer bij elkaar bracht."
    assert client.post(edit_url(story), story_form_data(theme, intro=edited_intro, **CONSENT)).status_code == 302

    assert act_as(teams.central_editor, offered_workflow_actions, story) == []
    assert_refused(act_as(teams.central_editor, workflow_action, story, "approve"))
    assert position(story) == AT_CENTRAL_STEP

    act_as(teams.second_central_editor, approve, story)

    story = PracticeStoryPage.objects.get(pk=story.pk)
    assert story.live and story.intro == edited_intro


# National stories and other regions --------------------------------------------------------------


def test_national_story_goes_through_the_central_teams_one_step_workflow(write, act_as, client, teams, site_tree):
    story = write(teams.central_editor, parent=site_tree.stories, **CONSENT)

    assert position(story) == (CENTRAL_WORKFLOW, "in_progress", CENTRAL_TASK, "in_progress")
    assert [task.name for task in story.current_workflow_state.workflow.tasks] == [CENTRAL_TASK]
    assert act_as(teams.central_editor, offered_workflow_actions, story) == []
    assert_refused(act_as(teams.central_editor, workflow_action, story, "approve"))
    for outsider in (teams.correspondent, teams.regional_editor):
        client.force_login(outsider)
        assert_refused(client.get(edit_url(story)))
        assert_refused(workflow_action(client, story, "approve"))

    act_as(teams.second_central_editor, approve, story)

    assert is_live(story) and public_status(story) == 200
    assert task_history(story) == [(CENTRAL_TASK, "approved", "Mark Visser", "")]


@pytest.mark.parametrize("step", ["regional", "central"])
def test_editor_of_another_region_cannot_act_on_the_story_or_see_the_draft(write, act_as, client, teams, step):
    story = write(teams.correspondent, **CONSENT)
    if step == "central":
        act_as(teams.regional_editor, approve, story)
    before = position(story)
    client.force_login(teams.other_regional_editor)

    assert_refused(client.get(edit_url(story)))
    assert_refused(client.get(reverse("wagtailadmin_pages:view_draft", args=[story.pk])))
    assert client.get(workflow_action_url(story, "approve"), HTTP_X_REQUESTED_WITH="XMLHttpRequest").status_code == 403
    assert_refused(workflow_action(client, story, "approve"))
    assert_refused(workflow_action(client, story, "reject", comment="Niet van ons"))

    assert position(story) == before
    assert not is_live(story)

    # The step's own reviewer opens the same draft and approves it.
    reviewer = teams.regional_editor if step == "regional" else teams.central_editor
    client.force_login(reviewer)
    assert "Soep op woensdag" in admin_text(client.get(edit_url(story)))
    assert heading(client.get(reverse("wagtailadmin_pages:view_draft", args=[story.pk]))) == "Soep op woensdag"
    act_as(reviewer, approve, story)
    assert position(story) == (
        AT_CENTRAL_STEP if step == "regional" else (CHAIN_WORKFLOW, "approved", CENTRAL_TASK, "approved")
    )


def test_a_task_state_of_another_regions_page_cannot_be_approved_through_ones_own_page(
    write, act_as, client, teams, other_region
):
    """The action URL names a page and a task state; Wagtail checks the actions on the page only."""
    utrecht_story = write(teams.correspondent, **CONSENT)
    groningen_story = write(teams.other_correspondent, parent=other_region, slug="soep-in-stad", **CONSENT)
    utrecht_task_state = PracticeStoryPage.objects.get(pk=utrecht_story.pk).current_workflow_task_state
    client.force_login(teams.other_regional_editor)

    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[groningen_story.pk, "approve", utrecht_task_state.pk]),
        {"comment": ""},
    )

    assert_refused(response)
    assert position(utrecht_story) == AT_REGIONAL_STEP
    assert position(groningen_story) == AT_REGIONAL_STEP

    # Through its own task state the same editor approves the Groningen story; Utrecht's stays where it was.
    approve(client, groningen_story)
    assert position(groningen_story) == AT_CENTRAL_STEP
    assert position(utrecht_story) == AT_REGIONAL_STEP


def test_consent_gate_holds_when_the_story_changes_after_the_regional_step(write, act_as, teams, theme):
    """After the central step asks for changes the chain resumes there, past the regional step and its gate.

    A photo of people without consent added in that round must still not be published.
    """
    story = write(teams.correspondent, **CONSENT)
    act_as(teams.regional_editor, approve, story)
    act_as(teams.central_editor, request_changes, story, "Graag een foto erbij.")
    photo = factories.ImageFactory(title="Straatfeest", people_consent=BuurtwijsImage.PeopleConsent.UNKNOWN)
    body = [*STORY_BODY, image_block(photo)]
    act_as(teams.correspondent, resubmit, story, story_form_data(theme, body=body, **CONSENT))

    act_as(teams.central_editor, workflow_action, story, "approve")

    assert not is_live(story), "published a photo of people without their consent"


# The regions' own pages --------------------------------------------------------------------------


def region_form_data(title, slug):
    return nested_form_data({"title": title, "slug": slug, "intro": rich_text("<p>Van Enschede tot Almelo.</p>")})


def test_central_team_opens_a_new_region_without_an_administrator(client, act_as, teams, site_tree):
    client.force_login(teams.central_editor)
    submit_new_page(client, RegionPage, site_tree.regions, region_form_data("Twente", "twente"))
    twente = RegionPage.objects.get(slug="twente")
    assert twente.correspondents_group.name == "Correspondenten Twente"  # provisioned when it was created

    # A region's own page is the central team's: a colleague of the writer approves it, nobody else is needed.
    act_as(teams.second_central_editor, approve, twente)

    assert RegionPage.objects.get(pk=twente.pk).live


def test_region_renamed_through_the_chain_renames_its_team(client, act_as, teams, region):
    client.force_login(teams.central_editor)
    resubmit(client, region, region_form_data("Utrecht en Eemland", region.slug))
    while RegionPage.objects.get(pk=region.pk).workflow_in_progress:
        act_as(teams.admin, approve, region)  # whoever may approve: this test is about what publishing does

    region = RegionPage.objects.get(pk=region.pk)
    assert region.live and region.title == "Utrecht en Eemland"
    assert region.correspondents_group.name == "Correspondenten Utrecht en Eemland"
    assert region.editors_group.name == "Regioredactie Utrecht en Eemland"
    assert region.collection.name == "Regio Utrecht en Eemland"


# Edit and approve in one go -----------------------------------------------------------------------

EDIT_NOT_APPROVED = (
    "Je wijziging is opgeslagen, maar niet goedgekeurd: de versie ter beoordeling is nu ook van jou, en niemand keurt "
    "eigen werk goed. Iemand anders van de stap ‘{step}’ moet deze versie nu beoordelen: goedkeuren, of met "
    "‘Wijzigingen vragen’ met jouw wijziging terugsturen naar de auteur."
)


def edit_and_approve(client, page, data):
    """What the editor posts when a reviewer changes the page and presses "Goedkeuren" without saving first."""
    return client.post(
        edit_url(page), {**data, "action-workflow-action": "true", "workflow-action-name": "approve"}, follow=True
    )


def messages_shown(response):
    return [str(message) for message in response.context["messages"]]


@pytest.mark.parametrize("at_central_step", [False, True])
def test_reviewer_who_edits_and_approves_in_one_go_is_told_their_edit_is_saved_and_who_approves_now(
    write, act_as, client, teams, theme, at_central_step
):
    story = write(teams.correspondent, **CONSENT)
    reviewer, colleague, step = teams.regional_editor, teams.second_regional_editor, REGIONAL_TASK
    if at_central_step:
        act_as(teams.regional_editor, approve, story)
        reviewer, colleague, step = teams.central_editor, teams.second_central_editor, CENTRAL_TASK
    edited_intro = "Hoe een pan soep op woensdag de buurt weer bij elkaar bracht."

    client.force_login(reviewer)
    response = edit_and_approve(client, story, story_form_data(theme, intro=edited_intro, **CONSENT))

    # Back in the editor of the story, with the explanation; not the dashboard's "geen toegang".
    assert response.redirect_chain[-1] == (edit_url(story), 302)
    shown = messages_shown(response)
    assert EDIT_NOT_APPROVED.format(step=step) in shown
    assert "Sorry, je hebt geen toegang tot dit gedeelte." not in shown
    story = PracticeStoryPage.objects.get(pk=story.pk)
    assert story.get_latest_revision().user == reviewer
    assert story.get_latest_revision_as_object().intro == edited_intro
    assert position(story) == (AT_CENTRAL_STEP if at_central_step else AT_REGIONAL_STEP)
    assert act_as(reviewer, offered_workflow_actions, story) == []

    # A colleague approves the edited version.
    act_as(colleague, approve, story)
    if at_central_step:
        story = PracticeStoryPage.objects.get(pk=story.pk)
        assert story.live and story.intro == edited_intro
    else:
        assert position(story) == AT_CENTRAL_STEP


def test_reviewer_who_only_saves_an_edit_is_not_told_about_approving(write, client, teams, theme):
    """The control: the message belongs to "Goedkeuren"; a plain save of the same edit stays quiet (the browser test
    tests/e2e/test_editorial_chain.py also approves from the editor without an edit)."""
    story = write(teams.correspondent, **CONSENT)
    client.force_login(teams.regional_editor)

    response = client.post(
        edit_url(story), story_form_data(theme, intro="Een nieuwe inleiding.", **CONSENT), follow=True
    )

    assert not any("niet goedgekeurd" in message for message in messages_shown(response))
    assert position(story) == AT_REGIONAL_STEP
