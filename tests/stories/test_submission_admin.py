""" "Deel je verhaal" for the editors (community/submission_admin.py): the dashboard panel, coaching and deletion."""

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.images import get_image_model
from wagtail.models import Page

from community.submissions import StorySubmission, create_submission, notify_new_submission
from correspondents.models import RegionPage
from stories.models import PracticeStoryPage
from tests import factories
from tests.helpers import admin_text, soup
from tests.stories.test_submissions import photo

BuurtwijsImage = get_image_model()


def submit(municipality, theme, title="Soep op woensdag", name="Fatima El Amrani", photos=1, other=""):
    """A submission as the public form stores it (community.submissions.create_submission)."""
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


def rows(response):
    """The rows of the list of submissions, each as the text a person reads."""
    table = soup(response).find(id="buurtwijs-submission-list")
    return [] if table is None else [" ".join(row.get_text(" ").split()) for row in table.tbody.find_all("tr")]


def today():
    with translation.override("nl"):
        return date_format(timezone.localdate(), "j F Y")


def menu_shows_submissions(response):
    """Whether the admin menu (sidebar props, rendered by JS) offers "Inzendingen"."""
    return '"Inzendingen"' in soup(response).find(id="wagtail-sidebar-props").string


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
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("wagtailadmin_home"))
    assert "Verhaal 4" in panel(response) and "Soep op woensdag" in panel(response)
    assert len(many) == len(one)


def test_the_panel_shows_only_new_submissions_and_links_to_all(
    client, teams, region, theme, utrecht_submission, django_capture_on_commit_callbacks
):
    claimed = submit(region.municipalities.first(), theme, title="Buurtmoestuin")
    claim(client, teams.second_regional_editor, claimed, django_capture_on_commit_callbacks)

    response = dashboard(client, teams.regional_editor)
    assert "Soep op woensdag" in panel(response) and "Buurtmoestuin" not in panel(response)
    [link] = soup(response).find(id="buurtwijs-submissions-section").find_all(href=reverse("stories_submissions"))
    assert link.get_text(strip=True) == "Alle inzendingen, ook die met een coach en de gepubliceerde"


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

    # The coach finds the draft among their own pages and in the list of submissions, and can edit it.
    shown = admin_text(client.get(reverse("wagtailadmin_home")))
    assert "Soep op woensdag" not in panel(client.get(reverse("wagtailadmin_home")))  # no longer new
    assert "Soep op woensdag" in shown
    assert rows(client.get(reverse("stories_submissions"))) == [
        "Soep op woensdag bij de coach Utrecht Fatima El Amrani fatima@example.org Anouk de Wit "
        f"{today()} Inzending en taalniveau · Verwijderen op verzoek"
    ]
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
    utrecht_submission.refresh_from_db()
    assert utrecht_submission.coach is None  # a link followed by a crawler or a prefetch claims nothing


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
    assert response.url == reverse("stories_submissions")
    assert messages_of(response) == [
        "De gegevens, het conceptverhaal en de foto's van Fatima El Amrani zijn verwijderd."
    ]
    assert not StorySubmission.objects.exists()
    assert not Page.objects.filter(pk=page_id).exists()
    assert not BuurtwijsImage.objects.filter(pk__in=image_ids).exists()
    assert "Fatima" not in panel(client.get(reverse("wagtailadmin_home")))
    assert "Er zijn nog geen inzendingen." in admin_text(client.get(reverse("stories_submissions")))


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


# Deleting the draft in Wagtail -------------------------------------------------------------------


def test_deleting_the_draft_in_wagtail_forgets_the_submitter_and_their_photos(
    client, teams, utrecht_submission, django_capture_on_commit_callbacks
):
    page_id = utrecht_submission.page_id
    [image] = utrecht_submission.images.all()
    assert image.file.storage.exists(image.file.name)
    client.force_login(teams.central_editor)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtailadmin_pages:delete", args=[page_id]))
    assert [message.strip() for message in messages_of(response)] == ["Pagina &#x27;Soep op woensdag&#x27; verwijderd."]
    assert not Page.objects.filter(pk=page_id).exists()
    assert not StorySubmission.objects.exists()
    assert not BuurtwijsImage.objects.filter(pk=image.pk).exists()
    assert not image.file.storage.exists(image.file.name)
    assert "Er zijn nog geen inzendingen." in admin_text(client.get(reverse("stories_submissions")))


def test_a_photo_an_editor_used_elsewhere_stays_when_the_draft_goes(
    client, teams, site_tree, theme, utrecht_submission, django_capture_on_commit_callbacks
):
    [image] = utrecht_submission.images.all()
    other_story = factories.PracticeStoryPageFactory(parent=site_tree.stories, themes=[theme], listing_image=image)
    client.force_login(teams.central_editor)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("wagtailadmin_pages:delete", args=[utrecht_submission.page_id]))

    assert not StorySubmission.objects.exists()
    other_story.refresh_from_db()
    assert other_story.listing_image == image  # nothing lost on the page that reuses it
    assert image.file.storage.exists(image.file.name)


def test_deleting_a_region_forgets_the_submitters_of_its_drafts(client, teams, region, utrecht_submission):
    client.force_login(teams.admin)
    client.post(reverse("wagtailadmin_pages:delete", args=[region.pk]))
    assert not RegionPage.objects.filter(pk=region.pk).exists()
    assert not StorySubmission.objects.exists() and not BuurtwijsImage.objects.exists()


# All submissions ---------------------------------------------------------------------------------


@pytest.fixture
def four_submissions(teams, region, theme, utrecht_submission, django_capture_on_commit_callbacks, client):
    """Utrecht: new (Soep op woensdag), coached, published (its mail failed); and a national one."""
    nieuwegein = region.municipalities.get(name="Nieuwegein")
    coached = submit(nieuwegein, theme, title="Buurtmoestuin", name="Kees Jansen")
    claim(client, teams.second_regional_editor, coached, django_capture_on_commit_callbacks)
    published = submit(nieuwegein, theme, title="Repair Café", name="Ans de Vries")
    claim(client, teams.regional_editor, published, django_capture_on_commit_callbacks)
    PracticeStoryPage.objects.get(pk=published.page_id).save_revision().publish()
    StorySubmission.objects.filter(pk=published.pk).update(mail_failed=True)
    submit(None, theme, title="Zwerfafval", name="Tom Bos", other="Zeewolde")
    client.logout()


def test_editors_find_every_submission_they_may_coach_in_the_list(client, teams, four_submissions):
    client.force_login(teams.regional_editor)
    assert menu_shows_submissions(client.get(reverse("wagtailadmin_home")))
    response = client.get(reverse("stories_submissions"))
    assert rows(response) == [
        f"Repair Café E-mail mislukt: neem zelf contact op met de inzender gepubliceerd Utrecht Ans de Vries "
        f"fatima@example.org Anouk de Wit {today()} Inzending en taalniveau · Verwijderen op verzoek",
        f"Buurtmoestuin bij de coach Utrecht Kees Jansen fatima@example.org Bas Kok {today()} "
        "Inzending en taalniveau · Verwijderen op verzoek",
        f"Soep op woensdag nieuw Utrecht Fatima El Amrani fatima@example.org nog niemand {today()} "
        "Inzending en taalniveau · Verwijderen op verzoek",
    ]

    # The published story's submitter can be forgotten from here.
    published = StorySubmission.objects.get(name="Ans de Vries")
    table = soup(response).find(id="buurtwijs-submission-list")
    row = table.find("tr", attrs={"data-submission": str(published.pk)})
    delete_url = row.find("a", string="Verwijderen op verzoek")["href"]
    response = client.post(delete_url, follow=True)
    assert "De gegevens van Ans de Vries zijn verwijderd." in admin_text(response)
    assert "Ans de Vries" not in " ".join(rows(response))
    assert PracticeStoryPage.objects.filter(title="Repair Café", live=True).exists()

    client.force_login(teams.central_editor)
    shown = rows(client.get(reverse("stories_submissions")))
    assert [row.split(" ")[0] for row in shown] == ["Zwerfafval", "Buurtmoestuin", "Soep"]
    assert "landelijk (Zeewolde) Tom Bos" in shown[0]


def test_correspondents_and_other_regions_editors_do_not_see_the_submissions(client, teams, four_submissions):
    client.force_login(teams.other_regional_editor)
    assert menu_shows_submissions(client.get(reverse("wagtailadmin_home")))
    response = client.get(reverse("stories_submissions"))
    assert rows(response) == [] and "Er zijn nog geen inzendingen." in admin_text(response)

    client.force_login(teams.correspondent)
    assert not menu_shows_submissions(client.get(reverse("wagtailadmin_home")))
    response = client.get(reverse("stories_submissions"), follow=True)
    assert response.redirect_chain == [(reverse("wagtailadmin_home"), 302)]
    assert "Sorry, je hebt geen toegang tot dit gedeelte." in admin_text(response)
    assert "Fatima" not in admin_text(response) and panel(response) is None


def test_the_list_costs_the_same_number_of_queries_for_two_or_ten_submissions(
    client, teams, region, theme, django_capture_on_commit_callbacks
):
    nieuwegein = region.municipalities.get(name="Nieuwegein")
    url = reverse("stories_submissions")

    def count_queries():
        client.force_login(teams.regional_editor)
        client.get(url)  # warm up
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        return len(queries), response

    for number in range(2):
        submit(nieuwegein, theme, title=f"Verhaal {number}", photos=0)
    few, _response = count_queries()
    for number in range(2, 10):
        submission = submit(nieuwegein, theme, title=f"Verhaal {number}", photos=0)
        if number % 2:
            claim(client, teams.second_regional_editor, submission, django_capture_on_commit_callbacks)
    many, response = count_queries()
    assert len(rows(response)) == 10 and "Bas Kok" in " ".join(rows(response))
    assert many == few


# Who hears of a new submission --------------------------------------------------------------------


def new_submission_mail(region, theme, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        submission = submit(region.municipalities.first(), theme)
        notify_new_submission(submission)
    [message] = [message for message in mail.outbox if message.subject.startswith("Nieuwe inzending")]
    return message


def test_a_region_without_editors_passes_submissions_to_the_central_team(
    teams, region, theme, django_capture_on_commit_callbacks
):
    RegionPage.objects.filter(pk=region.pk).update(editors_group=None)
    region.refresh_from_db()
    message = new_submission_mail(region, theme, django_capture_on_commit_callbacks)
    assert sorted(message.to) == sorted([teams.central_editor.email, teams.second_central_editor.email])


def test_a_region_whose_editors_cannot_be_reached_passes_submissions_to_the_central_team(
    teams, region, theme, django_capture_on_commit_callbacks
):
    type(teams.regional_editor).objects.filter(pk=teams.regional_editor.pk).update(is_active=False)
    type(teams.regional_editor).objects.filter(pk=teams.second_regional_editor.pk).update(email="")
    message = new_submission_mail(region, theme, django_capture_on_commit_callbacks)
    assert sorted(message.to) == sorted([teams.central_editor.email, teams.second_central_editor.email])

    type(teams.regional_editor).objects.filter(pk=teams.regional_editor.pk).update(is_active=True)
    mail.outbox.clear()
    message = new_submission_mail(region, theme, django_capture_on_commit_callbacks)
    assert message.to == [teams.regional_editor.email]


# A draft moved to another region -----------------------------------------------------------------


def test_a_draft_moved_to_another_region_goes_to_that_regions_editors(
    client, teams, other_region, utrecht_submission, django_capture_on_commit_callbacks
):
    client.force_login(teams.central_editor)
    move = reverse("wagtailadmin_pages:move_confirm", args=[utrecht_submission.page_id, other_region.pk])
    response = client.post(move)
    assert messages_of(response)[0].startswith("Pagina &#x27;Soep op woensdag&#x27; is verplaatst.")

    assert "Soep op woensdag" not in panel(dashboard(client, teams.regional_editor))
    assert rows(client.get(reverse("stories_submissions"))) == []
    response = claim(client, teams.regional_editor, utrecht_submission, django_capture_on_commit_callbacks)
    assert "Alleen de regioredactie van Groningen" in messages_of(response)[0]

    shown = panel(dashboard(client, teams.other_regional_editor))
    assert "Soep op woensdag" in shown and "Groningen" in shown
    response = claim(client, teams.other_regional_editor, utrecht_submission, django_capture_on_commit_callbacks)
    assert messages_of(response)[0].startswith("Je bent nu coach van ‘Soep op woensdag’.")
    assert StorySubmission.objects.get().coach == teams.other_regional_editor
