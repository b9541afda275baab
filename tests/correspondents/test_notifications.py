"""The editorial chain's e-mails: exact recipients at every step, driven through the real admin views.

Mails go out when the action's transaction commits; the test database never commits, so every action runs
inside ``django_capture_on_commit_callbacks(execute=True)``.
"""

import logging
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.mail.backends.base import BaseEmailBackend
from django.test import override_settings
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState
from wagtail.test.utils.form_data import rich_text
from wagtail.users.models import UserProfile

from correspondents.chain.provisioning import CENTRAL_TEAM, ensure_workflows, provision_region
from stories.models import PracticeStoryPage
from tests import factories
from tests.core.calibration import STORY_B1, STORY_C1
from tests.helpers import add_url, admin_text, form_errors, story_form_data

pytestmark = pytest.mark.django_db

CONSENT = {"consent_given_by": "Fatima El Amrani", "consent_method": "email", "consent_date": "2024-05-01"}


class BrokenEmailBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("the mail server is down")


@pytest.fixture
def people(home, site_tree, region, other_region):
    """Utrecht's and Groningen's teams, the central team and an administrator, with the workflows in place."""
    correspondents, editors, _ = provision_region(region)
    _, groningen_editors, _ = provision_region(other_region)
    ensure_workflows(home, site_tree.regions)
    central = Group.objects.get(name=CENTRAL_TEAM)
    return SimpleNamespace(
        author=factories.UserFactory(first_name="Joris", last_name="Verbeek", groups=[correspondents]),
        colleague=factories.UserFactory(first_name="Eva", groups=[correspondents]),
        editor=factories.UserFactory(first_name="Anouk", last_name="de Wit", groups=[editors]),
        second_editor=factories.UserFactory(first_name="Bas", last_name="Kok", groups=[editors]),
        former_editor=factories.UserFactory(first_name="Kees", groups=[editors], is_active=False),
        editor_without_email=factories.UserFactory(first_name="Ria", groups=[editors], email=""),
        groningen_editor=factories.UserFactory(first_name="Wubbo", groups=[groningen_editors]),
        central_editor=factories.UserFactory(first_name="Lies", last_name="van den Berg", groups=[central]),
        second_central_editor=factories.UserFactory(first_name="Mark", groups=[central]),
        admin=factories.UserFactory(first_name="Beheer", is_superuser=True, is_staff=True),
    )


@pytest.fixture
def act(client, mailoutbox, django_capture_on_commit_callbacks):
    """POST as ``user`` like the admin does; returns the mails that action sent."""

    def act(user, url, data):
        mailoutbox.clear()
        client.force_login(user)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, data)
        assert response.status_code == 302, f"{url} answered {response.status_code}"
        return list(mailoutbox)

    return act


@pytest.fixture
def chain(act, people, region, theme):
    """The steps of the chain as the admin performs them; each returns the mails it sent."""

    def submit(user, parent=region, **fields):
        data = story_form_data(theme, **CONSENT, **fields)
        data["action-submit"] = "action-submit"
        mails = act(user, add_url(PracticeStoryPage, parent), data)
        return PracticeStoryPage.objects.get(slug=data["slug"]), mails

    def resubmit(user, page):
        data = story_form_data(theme, **CONSENT, slug=page.slug)
        data["action-submit"] = "action-submit"
        return act(user, reverse("wagtailadmin_pages:edit", args=[page.pk]), data)

    def review(user, page, action, comment=""):
        task_state = page.current_workflow_state.current_task_state
        url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
        return act(user, url, {"comment": comment})

    return SimpleNamespace(submit=submit, resubmit=resubmit, review=review)


def recipients(mails):
    """Who got a mail, one entry per mail: a double mail shows."""
    assert all(len(mail.to) == 1 and not mail.cc and not mail.bcc for mail in mails)
    return sorted(mail.to[0] for mail in mails)


def emails(*users):
    return sorted(user.email for user in users)


def mail_to(mails, user):
    [mail] = [mail for mail in mails if mail.to == [user.email]]
    return mail


def test_submission_mails_only_the_regional_editors_of_the_pages_region(chain, people):
    story, mails = chain.submit(people.author)

    # Not Groningen's editor, the submitter, a colleague, the central team, the administrator,
    # an inactive editor or one without an e-mail address.
    assert recipients(mails) == emails(people.editor, people.second_editor)
    mail = mail_to(mails, people.editor)
    task = story.current_workflow_state.current_task_state.task
    assert mail.subject == "Ter beoordeling: ‘Soep op woensdag’ (Utrecht)"
    assert mail.from_email == settings.DEFAULT_FROM_EMAIL
    assert mail.body.startswith("Beste Anouk,")
    assert "Joris Verbeek diende praktijkverhaal ‘Soep op woensdag’ in" in mail.body
    assert "Regio: Utrecht" in mail.body
    assert f"Bekijken: http://testserver/admin/pages/workflow/preview/{story.pk}/{task.pk}/" in mail.body
    assert f"Bewerken: http://testserver/admin/pages/{story.pk}/edit/" in mail.body


def test_the_whole_chain_mails_the_central_team_and_then_author_and_regional_editors(chain, people):
    story, _ = chain.submit(people.author)

    mails = chain.review(people.editor, story, "approve", comment="Mooi verhaal, klaar voor landelijk.")

    assert recipients(mails) == emails(people.central_editor, people.second_central_editor)
    mail = mail_to(mails, people.central_editor)
    assert mail.subject == "Goedgekeurd bij ‘Regionale redactie’, nu ter beoordeling: ‘Soep op woensdag’ (Utrecht)"
    assert mail.body.startswith("Beste Lies,")
    assert "Anouk de Wit keurde praktijkverhaal ‘Soep op woensdag’ goed" in mail.body
    assert "Mooi verhaal, klaar voor landelijk." in mail.body

    mails = chain.review(people.central_editor, story, "approve")

    story.refresh_from_db()
    assert story.live
    assert recipients(mails) == emails(people.author, people.editor, people.second_editor)
    mail = mail_to(mails, people.author)
    assert mail.subject == "Gepubliceerd: ‘Soep op woensdag’ (Utrecht)"
    assert mail.body.startswith("Beste Joris,")
    assert "Lies van den Berg keurde praktijkverhaal ‘Soep op woensdag’ goed" in mail.body
    assert f"De pagina staat nu online: {story.get_full_url()}" in mail.body
    assert f"Bewerken: http://testserver/admin/pages/{story.pk}/edit/" in mail.body


def test_changes_requested_at_the_regional_step_reach_the_author_with_the_comment(chain, people):
    story, _ = chain.submit(people.author)

    mails = chain.review(people.editor, story, "reject", comment="Noem ook de gemeente waar het speelt.")

    assert recipients(mails) == emails(people.author)
    [mail] = mails
    assert mail.subject == "Wijzigingen gevraagd: ‘Soep op woensdag’ (Utrecht)"
    assert "Anouk de Wit vraagt om wijzigingen in praktijkverhaal ‘Soep op woensdag’" in mail.body
    assert "Pas de pagina aan en dien haar daarna opnieuw in." in mail.body
    assert "Noem ook de gemeente waar het speelt." in mail.body
    assert f"Bekijken: http://testserver/admin/pages/{story.pk}/view_draft/" in mail.body


def test_changes_requested_reach_both_the_submitter_and_the_pages_owner(chain, people, theme, act, region):
    draft = story_form_data(theme, **CONSENT)
    act(people.author, add_url(PracticeStoryPage, region), draft)
    story = PracticeStoryPage.objects.get(slug="soep-op-woensdag")

    submitted = chain.resubmit(people.second_editor, story)  # a regional editor submits Joris's draft
    mails = chain.review(people.editor, story, "reject", comment="Te lang.")

    assert recipients(submitted) == emails(people.editor)
    assert story.owner == people.author
    assert recipients(mails) == emails(people.author, people.second_editor)


def test_changes_requested_at_the_central_step_reach_the_author_and_the_regional_approver(chain, people):
    story, _ = chain.submit(people.author)
    chain.review(people.editor, story, "approve")

    mails = chain.review(people.central_editor, story, "reject", comment="De bron bij de cijfers ontbreekt.")

    assert recipients(mails) == emails(people.author, people.editor)
    assert all("De bron bij de cijfers ontbreekt." in mail.body for mail in mails)
    assert "Pas de pagina aan" in mail_to(mails, people.author).body
    assert "omdat je een eerdere stap van deze beoordeling goedkeurde" in mail_to(mails, people.editor).body

    # Resubmitted, the chain resumes at the central step: the central team hears of it again.
    mails = chain.resubmit(people.author, story)

    assert recipients(mails) == emails(people.central_editor, people.second_central_editor)
    assert mail_to(mails, people.central_editor).subject == "Opnieuw ter beoordeling: ‘Soep op woensdag’ (Utrecht)"


def test_a_national_story_goes_to_the_central_team_and_back_to_its_author(chain, people, site_tree):
    story, mails = chain.submit(people.central_editor, parent=site_tree.stories, slug="landelijk-verhaal")

    assert recipients(mails) == emails(people.second_central_editor)
    mail = mail_to(mails, people.second_central_editor)
    assert mail.subject == "Ter beoordeling: ‘Soep op woensdag’ (landelijk)"
    assert "Regio: landelijk" in mail.body

    mails = chain.review(people.second_central_editor, story, "approve")

    story.refresh_from_db()
    assert story.live
    assert recipients(mails) == emails(people.central_editor)
    assert mails[0].subject == "Gepubliceerd: ‘Soep op woensdag’ (landelijk)"


def test_who_switched_off_submitted_notifications_gets_none(chain, people):
    for user in (people.second_editor, people.second_central_editor):
        UserProfile.objects.create(user=user, submitted_notifications=False)
    story, mails = chain.submit(people.author)

    assert recipients(mails) == emails(people.editor)
    assert recipients(chain.review(people.editor, story, "approve")) == emails(people.central_editor)


def test_who_switched_off_other_notifications_still_gets_submissions(chain, people):
    UserProfile.objects.create(user=people.editor, approved_notifications=False, rejected_notifications=False)
    story, mails = chain.submit(people.author)
    assert recipients(mails) == emails(people.editor, people.second_editor)

    chain.review(people.second_editor, story, "approve")
    mails = chain.review(people.central_editor, story, "approve")

    assert recipients(mails) == emails(people.author, people.second_editor)


@override_settings(EMAIL_BACKEND="tests.correspondents.test_notifications.BrokenEmailBackend")
def test_a_failing_mail_server_loses_no_workflow_action(chain, people, caplog):
    caplog.set_level(logging.ERROR, logger="buurtwijs.mail")

    story, mails = chain.submit(people.author)
    regional = story.current_workflow_state.current_task_state
    chain.review(people.editor, story, "approve")
    central = story.current_workflow_state.current_task_state
    chain.review(people.central_editor, story, "approve")

    regional.refresh_from_db()
    central.refresh_from_db()
    story.refresh_from_db()
    assert regional.status == central.status == TaskState.STATUS_APPROVED
    assert story.live and story.workflow_states.get().status == WorkflowState.STATUS_APPROVED
    assert mails == []
    failures = [record for record in caplog.records if record.name == "buurtwijs.mail"]
    # Two regional editors, two central editors, then the author and the two regional editors.
    assert len(failures) == 7
    assert all(record.exc_info and record.levelno == logging.ERROR for record in failures)
    assert people.editor.email in failures[0].getMessage()


def test_wagtails_own_workflow_mails_are_off(chain, people):
    """Every event of the chain sends Buurtwijs's Dutch mails and nothing else: none of Wagtail's own (which would
    also reach the administrator, the submitter and the actor, under Wagtail's own subjects)."""

    def sent(mails):
        assert recipients(mails)  # one recipient per mail
        for mail in mails:
            assert mail.from_email == settings.DEFAULT_FROM_EMAIL
            [user] = [user for user in vars(people).values() if user.email == mail.to[0]]
            assert mail.body.startswith(f"Beste {user.first_name},"), mail.body
        return sorted((mail.to[0], mail.subject) for mail in mails)

    def each(users, subject):
        return sorted((user.email, subject) for user in users)

    story, mails = chain.submit(people.author)
    assert sent(mails) == each([people.editor, people.second_editor], "Ter beoordeling: ‘Soep op woensdag’ (Utrecht)")

    mails = chain.review(people.editor, story, "approve")
    assert sent(mails) == each(
        [people.central_editor, people.second_central_editor],
        "Goedgekeurd bij ‘Regionale redactie’, nu ter beoordeling: ‘Soep op woensdag’ (Utrecht)",
    )

    mails = chain.review(people.central_editor, story, "reject", comment="De bron ontbreekt.")
    assert sent(mails) == each([people.author, people.editor], "Wijzigingen gevraagd: ‘Soep op woensdag’ (Utrecht)")

    mails = chain.resubmit(people.author, story)
    assert sent(mails) == each(
        [people.central_editor, people.second_central_editor], "Opnieuw ter beoordeling: ‘Soep op woensdag’ (Utrecht)"
    )

    mails = chain.review(people.central_editor, story, "approve")
    assert sent(mails) == each(
        [people.author, people.editor, people.second_editor], "Gepubliceerd: ‘Soep op woensdag’ (Utrecht)"
    )
    story.refresh_from_db()
    assert story.live


# The plain-language check in the chain: advice for the reviewer, never a block; "bewust complexer" with a reason.

C1_BODY = [("paragraph", rich_text(f"<p>{STORY_C1}</p>"))]
B1_BODY = [("paragraph", rich_text(f"<p>{STORY_B1}</p>"))]


def test_the_submitted_mail_carries_the_indication_and_the_flagged_sentences(chain, people):
    story, mails = chain.submit(
        people.author,
        body=C1_BODY,
        plain_language_deliberate="on",
        plain_language_reason="Vaktekst voor beleidsmakers.",
    )
    body = mail_to(mails, people.editor).body
    assert "Taalniveau (een advies, geen beslissing): waarschijnlijk hoger, doel B1." in body
    assert "Bewust complexer, volgens de schrijver: Vaktekst voor beleidsmakers." in body
    assert "- Ter bevordering van de sociale cohesie" in body
    assert "Lange zin: 40 woorden" in body

    # A plain story: the indication, no sentences.
    plain, mails = chain.submit(people.author, body=B1_BODY, slug="soep-op-woensdag-2", title="Soep, eenvoudig")
    body = mail_to(mails, people.editor).body
    assert "waarschijnlijk B1, doel B1" in body and "\n- " not in body


def test_the_reviewer_sees_the_report_and_can_still_approve(chain, people, client):
    story, _ = chain.submit(
        people.author, body=C1_BODY, plain_language_deliberate="on", plain_language_reason="Vaktekst."
    )
    task_state = story.current_workflow_state.current_task_state
    client.force_login(people.editor)

    dialog = client.get(reverse("wagtailadmin_pages:workflow_action", args=[story.pk, "approve", task_state.pk]))

    text = admin_text(dialog)
    assert "Taalniveau: waarschijnlijk hoger (doel: B1)" in text
    assert "Bewust complexer" in text and "volgens de schrijver: Vaktekst." in text
    assert "Zinnen om naar te kijken" in text and "Bijzinnen gestapeld" in text
    chain.review(people.editor, story, "approve")  # never blocked by the language level
    story.refresh_from_db()
    assert story.current_workflow_state.current_task_state.task.name == "Centrale redactie"


def test_bewust_complexer_needs_a_reason(client, people, region, theme):
    client.force_login(people.author)
    data = story_form_data(theme, **CONSENT, plain_language_deliberate="on", plain_language_reason=" ")
    response = client.post(reverse("wagtailadmin_pages:add", args=["stories", "practicestorypage", region.pk]), data)
    assert response.status_code == 200
    assert "Schrijf kort waarom deze tekst bewust complexer is." in form_errors(response)
    data["plain_language_reason"] = "Vaktekst."  # positive control
    response = client.post(reverse("wagtailadmin_pages:add", args=["stories", "practicestorypage", region.pk]), data)
    assert response.status_code == 302
