"""The plain-language check in the chain: advice for the regional editor in the "submitted" mail and the approve
dialog, never a block; the correspondent's "bewust complexer" with a reason, which the reviewer sees."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text

from tests.core.calibration import STORY_B1, STORY_C1
from tests.correspondents.test_notifications import CONSENT, act, chain, mail_to, people  # noqa: F401 (fixtures)
from tests.helpers import admin_text, form_errors, story_form_data

pytestmark = pytest.mark.django_db

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
