""" "Deel je verhaal" for the editors (stories/submission_admin.py): the dashboard panel, coaching and deletion."""

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Page

from stories.models import PracticeStoryPage
from stories.submissions import StorySubmission, create_submission, notify_new_submission
from tests import factories
from tests.helpers import admin_text, soup

BuurtwijsImage = get_image_model()


def submit(municipality, theme, title="Soep op woensdag", name="Fatima El Amrani", photos=1, other=""):
    """A submission as the public form stores it (stories.submissions.create_submission)."""
    from tests.stories.test_submissions import photo

    data = {
        "name": name,
        "email": "fatima@example.org",
        "phone": "",
        "role": "bewoner",
        "organisation": "",
        "neighbourhood": "Batau-Noord",
        "municipality": str(municipality.pk) if municipality else "anders",
        "other_municipality": other,
        "title": title,
        "summary": "Hoe een pan soep de buurt weer bij elkaar bracht.",
        "what_we_did": "We kookten soep.",
        "why": "Mensen kenden elkaar niet meer.",
        "worked": ["Een vaste dag"],
        "did_not_work": [],
        "dilemma_question": "Vragen we de gemeente om geld?",
        "dilemma_considerations": "Geld helpt.",
        "dilemma_choice": "",
        "themes": [theme],
        "consent_publication": True,
        "consent_contact": True,
        "photos": [
            {"file": photo(f"foto{n}.png"), "alt_text": "Soep", "people_consent": "no_people", "photographer": ""}
            for n in range(photos)
        ],
    }
    return create_submission(data)


@pytest.fixture
def teams(editorial_teams):
    return editorial_teams


@pytest.fixture
def utrecht_submission(teams, region, theme):
    return submit(region.municipalities.get(name="Nieuwegein"), theme)


def dashboard(client, user):
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response


def panel(response):
    section = soup(response).find(id="buurtwijs-submissions-section")
    return None if section is None else " ".join(section.get_text(" ").split())


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def claim(client, user, submission, django_capture_on_commit_callbacks):
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(reverse("stories_submission_claim", args=[submission.pk]))


# Dashboard ---------------------------------------------------------------------------------------


def test_the_regions_editors_see_the_submission_on_their_dashboard(client, teams, utrecht_submission):
    shown = panel(dashboard(client, teams.regional_editor))
    assert "Nieuwe inzendingen" in shown
    assert "Soep op woensdag" in shown and "Fatima El Amrani" in shown and "fatima@example.org" in shown
    assert "Word coach" in shown

    assert "Soep op woensdag" in panel(dashboard(client, teams.central_editor))
    other = panel(dashboard(client, teams.other_regional_editor))
    assert other is not None and "Soep op woensdag" not in other and "Er zijn geen nieuwe inzendingen." in other
    assert panel(dashboard(client, teams.correspondent)) is None


def test_the_panel_costs_the_same_number_of_queries_for_one_or_many_submissions(client, teams, region, theme):
    nieuwegein = region.municipalities.get(name="Nieuwegein")
    submit(nieuwegein, theme)
    client.force_login(teams.regional_editor)
    client.get(reverse("wagtailadmin_home"))  # warm up
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("wagtailadmin_home"))
    for number in range(5):
        submit(nieuwegein, theme, title=f"Verhaal {number}")
    claimed = StorySubmission.objects.first()
    claimed.coach = teams.second_regional_editor
    claimed.save()
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("wagtailadmin_home"))
    assert "Verhaal 4" in panel(response) and "Bas Kok" in panel(response)
    assert len(many) == len(one)


# Claim as coach ----------------------------------------------------------------------------------


def test_a_regional_editor_claims_a_submission_as_coach(
    client, teams, utrecht_submission, django_capture_on_commit_callbacks
):
    response = claim(client, teams.regional_editor, utrecht_submission, django_capture_on_commit_callbacks)

    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert messages_of(response) == [
        "Je bent nu coach van ‘Soep op woensdag’. Fatima El Amrani krijgt een e-mail met jouw naam."
    ]
    utrecht_submission.refresh_from_db()
    assert utrecht_submission.coach == teams.regional_editor and utrecht_submission.claimed_at
    assert Page.objects.get(pk=utrecht_submission.page_id).owner == teams.regional_editor
    [message] = mail.outbox
    assert message.to == ["fatima@example.org"] and message.subject == "Je verhaal heeft een coach"
    assert "Anouk de Wit van de redactie van Buurtwijs is de coach van je verhaal ‘Soep op woensdag’" in message.body

    # The coach finds the draft among their own pages and can edit it.
    shown = admin_text(client.get(reverse("wagtailadmin_home")))
    assert "Anouk de Wit" in panel(client.get(reverse("wagtailadmin_home")))
    assert "Soep op woensdag" in shown
    assert client.get(reverse("wagtailadmin_pages:edit", args=[utrecht_submission.page_id])).status_code == 200


def test_a_second_claim_is_refused(client, teams, utrecht_submission, django_capture_on_commit_callbacks):
    claim(client, teams.regional_editor, utrecht_submission, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    client.get(reverse("wagtailadmin_home"))  # shows (and so clears) the first claim's message

    response = claim(client, teams.second_regional_editor, utrecht_submission, django_capture_on_commit_callbacks)
    assert messages_of(response) == ["Anouk de Wit is al coach van ‘Soep op woensdag’."]
    utrecht_submission.refresh_from_db()
    assert utrecht_submission.coach == teams.regional_editor
    assert not mail.outbox


def test_editors_of_another_region_cannot_claim(client, teams, utrecht_submission, django_capture_on_commit_callbacks):
    response = claim(client, teams.other_regional_editor, utrecht_submission, django_capture_on_commit_callbacks)
    assert messages_of(response) == [
        "Alleen de regioredactie van Utrecht of de centrale redactie kan deze inzending oppakken."
    ]
    utrecht_submission.refresh_from_db()
    assert utrecht_submission.coach is None and not mail.outbox

    response = claim(client, teams.correspondent, utrecht_submission, django_capture_on_commit_callbacks)
    assert "Alleen de regioredactie van Utrecht" in messages_of(response)[0]


def test_the_central_team_coaches_national_submissions_and_may_claim_any(
    client, teams, theme, utrecht_submission, django_capture_on_commit_callbacks
):
    national = submit(None, theme, title="Buurtmoestuin", other="Zeewolde")
    assert "Buurtmoestuin" not in panel(dashboard(client, teams.regional_editor))
    response = claim(client, teams.regional_editor, national, django_capture_on_commit_callbacks)
    assert messages_of(response) == ["Alleen de centrale redactie kan deze landelijke inzending oppakken."]

    claim(client, teams.central_editor, national, django_capture_on_commit_callbacks)
    claim(client, teams.second_central_editor, utrecht_submission, django_capture_on_commit_callbacks)
    assert StorySubmission.objects.get(pk=national.pk).coach == teams.central_editor
    assert StorySubmission.objects.get(pk=utrecht_submission.pk).coach == teams.second_central_editor


def test_claiming_needs_a_post(client, teams, utrecht_submission):
    client.force_login(teams.regional_editor)
    assert client.get(reverse("stories_submission_claim", args=[utrecht_submission.pk])).status_code == 405


def test_a_failing_mail_to_the_submitter_flags_the_submission(
    client, teams, utrecht_submission, django_capture_on_commit_callbacks
):
    from smtplib import SMTPException
    from unittest import mock

    with mock.patch("django.core.mail.backends.locmem.EmailBackend.send_messages", side_effect=SMTPException):
        claim(client, teams.regional_editor, utrecht_submission, django_capture_on_commit_callbacks)
    utrecht_submission.refresh_from_db()
    assert utrecht_submission.coach == teams.regional_editor and utrecht_submission.mail_failed


# Delete on request -------------------------------------------------------------------------------


def test_deleting_on_request_removes_the_personal_data_the_draft_and_its_photos(client, teams, utrecht_submission):
    page_id = utrecht_submission.page_id
    image_ids = list(utrecht_submission.images.values_list("pk", flat=True))
    assert len(image_ids) == 1
    client.force_login(teams.regional_editor)
    url = reverse("stories_submission_delete", args=[utrecht_submission.pk])

    confirm = client.get(url)
    shown = admin_text(confirm)
    assert "Inzending verwijderen op verzoek" in shown
    assert "de gegevens van de inzender: naam, e-mailadres en toestemmingen" in shown
    assert "het conceptverhaal ‘Soep op woensdag’" in shown and "de foto die bij de inzending" in shown
    assert "Ja, verwijder" in shown

    response = client.post(url)
    assert response.url == reverse("wagtailadmin_home")
    assert messages_of(response) == [
        "De gegevens, het conceptverhaal en de foto's van Fatima El Amrani zijn verwijderd."
    ]
    assert not StorySubmission.objects.exists()
    assert not Page.objects.filter(pk=page_id).exists()
    assert not BuurtwijsImage.objects.filter(pk__in=image_ids).exists()
    assert "Fatima" not in panel(client.get(reverse("wagtailadmin_home")))


def test_deleting_on_request_keeps_a_story_that_was_published(client, teams, utrecht_submission):
    story = PracticeStoryPage.objects.get(pk=utrecht_submission.page_id)
    story.save_revision().publish()
    client.force_login(teams.central_editor)
    url = reverse("stories_submission_delete", args=[utrecht_submission.pk])
    assert "is gepubliceerd geweest en blijft staan" in admin_text(client.get(url))

    response = client.post(url)
    assert messages_of(response) == [
        "De gegevens van Fatima El Amrani zijn verwijderd.",
        "Het verhaal ‘Soep op woensdag’ is gepubliceerd geweest en blijft staan. "
        "Haal het offline of pas het aan als de inzender daarom vraagt.",
    ]
    assert not StorySubmission.objects.exists()
    assert PracticeStoryPage.objects.filter(pk=story.pk, live=True).exists()
    assert BuurtwijsImage.objects.count() == 1


def test_only_the_regions_editors_and_the_central_team_may_delete(client, teams, utrecht_submission):
    client.force_login(teams.other_regional_editor)
    url = reverse("stories_submission_delete", args=[utrecht_submission.pk])
    for response in (client.get(url), client.post(url)):
        assert "Alleen de regioredactie van Utrecht" in messages_of(response)[0]
    assert StorySubmission.objects.filter(pk=utrecht_submission.pk).exists()


def test_a_submission_notifies_nobody_when_the_region_has_no_editors(region, theme, django_capture_on_commit_callbacks):
    region.editors_group = None
    type(region).objects.filter(pk=region.pk).update(editors_group=None)
    factories.UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        submission = submit(region.municipalities.first(), theme)
        notify_new_submission(submission)
    assert [message.subject for message in mail.outbox] == ["Bedankt voor je verhaal"]
