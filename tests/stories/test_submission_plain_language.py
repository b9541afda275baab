""" "Deel je verhaal" and plain language (issue 16, point 4): the public form gives a gentle tip, nothing more is
stored, and the coach sees the language-level report of the submitted story (community/submission_admin.py)."""

import pytest
from django.urls import reverse
from wagtail.models import Revision

from community.submissions import StorySubmission, StorySubmissionForm
from stories.models import PracticeStoryPage
from tests import factories
from tests.helpers import admin_text, soup
from tests.stories.test_submissions import answers

HINT = "Tip: korte zinnen lezen makkelijker."
LONG_SENTENCE = (
    "Omdat veel mensen in de wijk die al jaren naast elkaar wonen elkaar eigenlijk helemaal niet meer kenden en "
    "er ook bijna nergens meer een plek was waar je zomaar even kon binnenlopen voor een praatje, besloten we "
    "met een paar buren om elke woensdag in het buurthuis soep te koken voor iedereen die maar wilde komen."
)


@pytest.fixture
def submission_page(site_tree):
    return factories.StorySubmissionPageFactory(parent=site_tree.home)


@pytest.fixture
def long_submission(client, submission_page, editorial_teams, region, theme, django_capture_on_commit_callbacks):
    """A story sent through the public form whose main answer is one long sentence."""
    nieuwegein = region.municipalities.get(name="Nieuwegein")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(submission_page.url, answers(nieuwegein, theme, what_we_did=LONG_SENTENCE))
    assert response.status_code == 302
    return StorySubmission.objects.get()


def coaching(client, user, submission):
    client.force_login(user)
    return client.get(reverse("stories_submission", args=[submission.pk]))


def test_the_public_form_gives_a_gentle_tip_next_to_the_story_questions(client, submission_page, region, theme):
    page = soup(client.get(submission_page.url))
    story_group = next(
        fieldset for fieldset in page.find_all("fieldset") if fieldset.legend.get_text(strip=True) == "Je verhaal"
    )
    hint = story_group.find(class_="submission-form__hint")
    assert hint is not None and hint.get_text().startswith(HINT)
    assert "je coach helpt je" in hint.get_text()
    assert page.find("textarea", attrs={"name": "what_we_did"}).find_parent("fieldset") is story_group
    # Static text only: no script of its own, and only in the one group.
    assert sum(HINT in fieldset.get_text() for fieldset in page.find_all("fieldset")) == 1
    assert not [script for script in page.find_all("script") if not script.get("src")]


def test_the_coach_sees_the_language_level_of_a_long_sentence_submission(client, editorial_teams, long_submission):
    response = coaching(client, editorial_teams.regional_editor, long_submission)
    assert response.status_code == 200
    shown = admin_text(response)
    assert "Fatima El Amrani" in shown and "fatima@example.org" in shown and "Utrecht" in shown
    assert "Taalniveau van het verhaal" in shown
    assert "Taalniveau: waarschijnlijk" in shown and "(doel: B1)" in shown
    assert "Lange zinnen (meer dan 20 woorden): 1" in shown
    assert "Zinnen om naar te kijken" in shown
    assert "Omdat veel mensen in de wijk" in shown and "Lange zin: " in shown
    assert "Dit is een indicatie, geen oordeel" in shown
    # The same report the editor's panel and the reviewer show, from the shared template.
    assert soup(response).find("section", class_="plain-language-report") is not None

    # Reached from the list and the dashboard.
    listing = soup(client.get(reverse("stories_submissions")))
    assert listing.find("a", string="Inzending en taalniveau")["href"] == response.request["PATH_INFO"]
    dashboard = soup(client.get(reverse("wagtailadmin_home")))
    assert dashboard.find(id="buurtwijs-submissions-section").find("a", string="Inzending en taalniveau")


def test_only_who_may_coach_the_submission_sees_it(client, editorial_teams, long_submission):
    # Positive controls: the region's editor (above) and the central team.
    assert "Lange zin" in admin_text(coaching(client, editorial_teams.central_editor, long_submission))
    for user in (editorial_teams.other_regional_editor, editorial_teams.correspondent):
        response = coaching(client, user, long_submission)
        assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
        shown = admin_text(client.get(response.url))
        assert "Alleen de regioredactie van Utrecht of de centrale redactie" in shown
        assert "Fatima El Amrani" not in shown


def test_the_tip_and_the_report_store_nothing(client, editorial_teams, long_submission):
    assert {field.name for field in StorySubmission._meta.concrete_fields} == {
        "id",
        "created_at",
        "page",
        "region",
        "name",
        "email",
        "phone",
        "role",
        "organisation",
        "other_municipality",
        "consent_publication",
        "consent_contact",
        "coach",
        "claimed_at",
        "mail_failed",
    }
    assert not [name for name in StorySubmissionForm().fields if "plain" in name or "hint" in name]
    draft = PracticeStoryPage.objects.get(pk=long_submission.page_id)
    assert not draft.plain_language_deliberate and draft.plain_language_reason == ""
    revisions = Revision.objects.count()
    coaching(client, editorial_teams.regional_editor, long_submission)
    assert Revision.objects.count() == revisions
    assert StorySubmission.objects.count() == 1


def test_a_submission_whose_draft_is_gone_has_no_report(client, editorial_teams, long_submission):
    long_submission.page = None  # as after a failed cascade: the view still answers in Dutch
    long_submission.save(update_fields=["page"])
    shown = admin_text(coaching(client, editorial_teams.regional_editor, long_submission))
    assert "Het conceptverhaal van deze inzending bestaat niet meer." in shown
    assert "Taalniveau:" not in shown
