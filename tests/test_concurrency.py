"""Two people at one page: concurrent saves, page locks, and a review while the page changes.

What Wagtail does, read in wagtail/admin/views/pages/edit.py and wagtail/models/workflows.py:
- A save from the edit form always adds a revision; an out-of-date form is refused only for the
  editor's background autosave (JSON), never for a person pressing "Opslaan". So neither save is lost: the
  later one is the latest revision, the earlier one stays in the history.
- A locked page refuses everyone's save but the lock holder's ("De pagina kan niet worden opgeslagen
  omdat deze is vergrendeld."). A page in review is locked in the same way for everyone but its reviewers.
- Approving does not approve a fixed revision: the task state keeps the revision that was submitted, and
  finishing the workflow publishes the page's latest revision (wagtail.workflows.publish_workflow_state;
  ours, correspondents.chain.publishing, does the same). A reviewer's fix made while a colleague had the review
  open is therefore published with the approval, not dropped.
"""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from wagtail.models import Revision, TaskState

from correspondents.chain.provisioning import CENTRAL_TASK
from correspondents.models import Municipality
from stories.models import PracticeStoryPage
from tests.helpers import (
    CONSENT,
    add_url,
    admin_text,
    approve,
    edit_url,
    get_page,
    soup,
    story_form_data,
    submit_new_page,
    text,
)

LOCKED = "De pagina kan niet worden opgeslagen omdat deze is vergrendeld."
IS_POSTGRESQL = connection.vendor == "postgresql"


@pytest.fixture
def teams(editorial_teams):
    return editorial_teams


@pytest.fixture
def story_data(theme):
    """The edit form of the story "Soep op woensdag" in Utrecht; keyword arguments change fields."""

    def story_data(**fields):
        municipality = str(Municipality.objects.get(name="Nieuwegein").pk)
        return story_form_data(theme, municipality=municipality, **fields)

    return story_data


@pytest.fixture
def draft(teams, region, story_data):
    """A draft story by Utrecht's correspondent, saved through the add view and never submitted."""
    client = Client()
    client.force_login(teams.correspondent)
    response = client.post(add_url(PracticeStoryPage, region), story_data())
    assert response.status_code == 302, f"the add view answered {response.status_code}"
    return PracticeStoryPage.objects.get(slug="soep-op-woensdag")


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def open_editor(client, page):
    """GET the edit view as a browser tab does; returns the hidden revision fields the form will post back."""
    response = client.get(edit_url(page))
    assert response.status_code == 200, f"the edit view answered {response.status_code}"
    form = soup(response)
    return {
        name: form.find("input", {"name": name})["value"]
        for name in ("loaded_revision_id", "loaded_revision_created_at")
    }


def save(client, page, data):
    """Press "Opslaan" (save draft) in the editor."""
    return client.post(edit_url(page), data)


def revisions(page):
    """(author's full name, intro) of every revision of the page, oldest first."""
    return [
        (revision.user.get_full_name() if revision.user else None, revision.content["intro"])
        for revision in Revision.page_revisions.filter(object_id=str(page.pk)).order_by("created_at", "pk")
    ]


def history_text(client, page):
    response = client.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    assert response.status_code == 200, f"the history view answered {response.status_code}"
    return admin_text(response)


def latest(page):
    return PracticeStoryPage.objects.get(pk=page.pk).get_latest_revision_as_object()


# Two editors save at once ------------------------------------------------------------------------


@pytest.mark.django_db
def test_saves_from_two_editors_with_the_same_version_open_both_become_revisions(teams, draft, story_data):
    anouk, bas = logged_in(teams.regional_editor), logged_in(teams.second_regional_editor)
    anouk_form, bas_form = open_editor(anouk, draft), open_editor(bas, draft)
    assert anouk_form == bas_form  # both opened the same version

    assert save(anouk, draft, {**story_data(intro="Anouks versie van de intro."), **anouk_form}).status_code == 302
    # Bas's form is out of date now; the editor warns him while he types, but pressing "Opslaan" saves.
    assert save(bas, draft, {**story_data(intro="Bas' versie van de intro."), **bas_form}).status_code == 302

    assert revisions(draft) == [
        ("Joris Verbeek", "Hoe een pan soep de buurt weer bij elkaar bracht."),
        ("Anouk de Wit", "Anouks versie van de intro."),
        ("Bas Kok", "Bas' versie van de intro."),
    ]
    assert latest(draft).intro == "Bas' versie van de intro."
    history = history_text(anouk, draft)
    assert "Anouk de Wit" in history and "Bas Kok" in history and "Joris Verbeek" in history


@pytest.mark.skipif(not IS_POSTGRESQL, reason="two threads saving at once need PostgreSQL (SQLite locks the file)")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_editors_saving_the_same_page_at_the_same_moment_lose_neither_revision(teams, draft, story_data):
    editors = {"Anouk de Wit": teams.regional_editor, "Bas Kok": teams.second_regional_editor}
    clients = {name: logged_in(user) for name, user in editors.items()}
    forms = {name: open_editor(client, draft) for name, client in clients.items()}
    start = threading.Barrier(len(editors))
    statuses = {}

    def press_save(name):
        try:
            start.wait(timeout=10)
            data = {**story_data(intro=f"De intro van {name}."), **forms[name]}
            statuses[name] = save(clients[name], draft, data).status_code
        finally:
            connection.close()  # each thread has its own connection

    threads = [threading.Thread(target=press_save, args=(name,)) for name in editors]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert statuses == {"Anouk de Wit": 302, "Bas Kok": 302}
    saved = revisions(draft)
    assert saved[0] == ("Joris Verbeek", "Hoe een pan soep de buurt weer bij elkaar bracht.")
    assert sorted(saved[1:]) == [("Anouk de Wit", "De intro van Anouk de Wit."), ("Bas Kok", "De intro van Bas Kok.")]
    assert latest(draft).intro == saved[-1][1]  # whoever saved last holds the latest revision
    history = history_text(clients["Anouk de Wit"], draft)
    assert "Anouk de Wit" in history and "Bas Kok" in history


# Page locks ----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_locked_page_refuses_another_editors_save_and_stays_as_it_was(teams, draft, story_data):
    lies, anouk = logged_in(teams.central_editor), logged_in(teams.regional_editor)
    anouk_form = open_editor(anouk, draft)
    response = lies.post(reverse("wagtailadmin_pages:lock", args=[draft.pk]))
    assert response.status_code == 302
    assert PracticeStoryPage.objects.get(pk=draft.pk).locked_by == teams.central_editor

    response = save(anouk, draft, {**story_data(intro="Anouk probeert het toch."), **anouk_form})

    assert response.status_code == 200  # the form again, with the message
    assert LOCKED in admin_text(response)
    assert latest(draft).intro == "Hoe een pan soep de buurt weer bij elkaar bracht."
    assert len(revisions(draft)) == 1
    # The lock holder still saves; after unlocking, so does everyone else.
    assert save(lies, draft, {**story_data(intro="Lies' versie."), **open_editor(lies, draft)}).status_code == 302
    assert lies.post(reverse("wagtailadmin_pages:unlock", args=[draft.pk])).status_code == 302
    assert save(anouk, draft, {**story_data(intro="Anouks versie."), **open_editor(anouk, draft)}).status_code == 302
    assert [intro for _, intro in revisions(draft)][1:] == ["Lies' versie.", "Anouks versie."]


@pytest.mark.django_db
def test_a_page_in_review_refuses_its_authors_save(teams, region, story_data):
    joris = logged_in(teams.correspondent)
    response = submit_new_page(joris, PracticeStoryPage, region, story_data(**CONSENT))
    assert response.status_code == 302
    story = PracticeStoryPage.objects.get(slug="soep-op-woensdag")

    response = save(joris, story, story_data(intro="Nog snel iets veranderen.", **CONSENT))

    assert LOCKED in admin_text(response)
    assert latest(story).intro == "Hoe een pan soep de buurt weer bij elkaar bracht."
    # The step's reviewer saves the same change.
    anouk = logged_in(teams.regional_editor)
    assert save(anouk, story, story_data(intro="Nog snel iets veranderen.", **CONSENT)).status_code == 302
    assert latest(story).intro == "Nog snel iets veranderen."


# A review while the page changes -------------------------------------------------------------------


@pytest.mark.django_db
def test_approving_after_a_colleague_edited_the_page_publishes_the_edit_and_keeps_both_revisions(
    teams, region, story_data
):
    joris = logged_in(teams.correspondent)
    submit_new_page(joris, PracticeStoryPage, region, story_data(**CONSENT))
    story = PracticeStoryPage.objects.get(slug="soep-op-woensdag")
    approve(logged_in(teams.regional_editor), story)
    submitted = story.get_latest_revision()
    # Lies opens the central review; meanwhile Mark, also a central reviewer, corrects the intro and saves.
    lies, mark = logged_in(teams.central_editor), logged_in(teams.second_central_editor)
    task_state = PracticeStoryPage.objects.get(pk=story.pk).current_workflow_task_state
    assert task_state.task.name == CENTRAL_TASK and task_state.revision == submitted
    data = story_data(intro="Hoe een pan soep de buurt weer samenbracht.", **CONSENT)
    assert save(mark, story, {**data, **open_editor(mark, story)}).status_code == 302

    # Lies approves the review she opened before Mark's save.
    response = lies.post(reverse("wagtailadmin_pages:workflow_action", args=[story.pk, "approve", task_state.pk]))
    assert response.status_code == 302 and response.url == edit_url(story)

    story.refresh_from_db()
    assert story.live
    assert text(get_page(Client(), story)).count("Hoe een pan soep de buurt weer samenbracht.") >= 1
    assert story.live_revision == story.get_latest_revision() != submitted
    assert story.live_revision.user == teams.second_central_editor
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_APPROVED
    assert TaskState.objects.get(pk=task_state.pk).revision == submitted  # the record of what was submitted
    assert revisions(story) == [
        ("Joris Verbeek", "Hoe een pan soep de buurt weer bij elkaar bracht."),
        ("Mark Visser", "Hoe een pan soep de buurt weer samenbracht."),
    ]
