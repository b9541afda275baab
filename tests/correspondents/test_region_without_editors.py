"""A region without an active regional editor does not stall: its regional step falls to the central team, who are
mailed and see it on their dashboard, each time with the reason (correspondents/chain/tasks.py)."""

import pytest
from django.urls import reverse

from correspondents.chain.provisioning import CENTRAL_TASK, REGIONAL_TASK
from correspondents.models import Municipality
from stories.models import PracticeStoryPage
from tests.helpers import (
    CONSENT,
    add_url,
    admin_text,
    approve,
    offered_workflow_actions,
    soup,
    story_form_data,
    workflow_action,
)

pytestmark = pytest.mark.django_db

REASON = "Utrecht heeft geen actieve regioredacteur: de centrale redactie beoordeelt deze stap."


@pytest.fixture
def submit(client, mailoutbox, django_capture_on_commit_callbacks, editorial_teams, region, theme):
    """The correspondent of Utrecht submits a story; returns it and the mails the submit sent."""

    def submit():
        client.force_login(editorial_teams.correspondent)
        data = story_form_data(theme, municipality=str(Municipality.objects.get(name="Nieuwegein").pk), **CONSENT)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(add_url(PracticeStoryPage, region), {**data, "action-submit": "action-submit"})
        assert response.status_code == 302
        return PracticeStoryPage.objects.get(slug="soep-op-woensdag"), list(mailoutbox)

    return submit


def step(page):
    task_state = PracticeStoryPage.objects.get(pk=page.pk).current_workflow_task_state
    return task_state.task.name if task_state else None


def review_rows(client, user):
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    section = soup(response).find("section", id="buurtwijs-review-section")
    return [" ".join(row.get_text(" ").split()) for row in section.select("tbody tr")] if section else []


def leave_utrecht_without_editors(teams):
    for editor in (teams.regional_editor, teams.second_regional_editor):
        editor.is_active = False
        editor.save(update_fields=["is_active"])


def test_with_an_active_regional_editor_the_central_team_is_not_asked_at_the_regional_step(
    client, submit, editorial_teams
):
    """The control: the regional step is the region's, not the central team's."""
    story, mails = submit()

    assert step(story) == REGIONAL_TASK
    assert {address for mail in mails for address in mail.to} == {
        editorial_teams.regional_editor.email,
        editorial_teams.second_regional_editor.email,
    }
    client.force_login(editorial_teams.central_editor)
    assert offered_workflow_actions(client, story) == []
    assert review_rows(client, editorial_teams.central_editor) == []
    assert any("Soep op woensdag" in row for row in review_rows(client, editorial_teams.regional_editor))


def test_without_an_active_regional_editor_the_central_team_reviews_the_regional_step_and_is_told_why(
    client, submit, editorial_teams
):
    teams = editorial_teams
    leave_utrecht_without_editors(teams)

    story, mails = submit()

    assert step(story) == REGIONAL_TASK
    recipients = {address for mail in mails for address in mail.to}
    assert recipients == {teams.central_editor.email, teams.second_central_editor.email}
    body = mails[0].body
    assert "omdat de regio Utrecht geen actieve regioredacteur heeft" in body
    assert "Regioredactie Utrecht" in body  # the group to put an editor in
    # The dashboard says the same, next to the story.
    rows = review_rows(client, teams.central_editor)
    assert len(rows) == 1 and "Soep op woensdag" in rows[0] and REASON in rows[0]
    # The editors of another region are not asked.
    assert review_rows(client, teams.other_regional_editor) == []
    client.force_login(teams.other_regional_editor)
    workflow_action(client, story, "approve")
    assert step(story) == REGIONAL_TASK

    client.force_login(teams.central_editor)
    assert "Goedkeuren" in admin_text(client.get(reverse("wagtailadmin_pages:edit", args=[story.pk])))
    approve(client, story)
    assert step(story) == CENTRAL_TASK
    # A colleague passes the central step, as a central team does.
    client.force_login(teams.second_central_editor)
    approve(client, story)
    assert PracticeStoryPage.objects.get(pk=story.pk).live


def test_the_step_returns_to_the_region_once_it_has_an_active_editor_again(client, submit, editorial_teams):
    teams = editorial_teams
    leave_utrecht_without_editors(teams)
    story, _ = submit()
    client.force_login(teams.central_editor)
    assert [name for name, _label in offered_workflow_actions(client, story)] == ["reject", "approve", "approve"]

    teams.regional_editor.is_active = True
    teams.regional_editor.save(update_fields=["is_active"])

    assert offered_workflow_actions(client, story) == []
    assert review_rows(client, teams.central_editor) == []
    rows = review_rows(client, teams.regional_editor)
    assert len(rows) == 1 and REASON not in rows[0]
