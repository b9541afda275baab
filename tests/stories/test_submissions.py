""" "Deel je verhaal" (community/submissions.py): the public form, the draft it becomes, the mails, and bad input."""

import io
import struct
import zlib
from pathlib import Path
from smtplib import SMTPException
from unittest import mock

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.test.utils.form_data import nested_form_data, rich_text

from community.submissions import NOT_LISTED, StorySubmission, StorySubmissionPage
from stories.models import PracticeStoryPage
from tests import factories
from tests.helpers import as_person, assert_refused, get_page, heading, post_new_page, soup, text

BuurtwijsImage = get_image_model()
SCRIPT = '<script>alert("buurt")</script>'


# Data --------------------------------------------------------------------------------------------


def png_bytes(width=40, height=30, color="green"):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, "PNG")
    return buffer.getvalue()


def photo(name="soep.png", content=None):
    return SimpleUploadedFile(name, content if content is not None else png_bytes(), content_type="image/png")


def png_claiming_size(width, height):
    """A tiny PNG whose header claims width × height pixels: a decompression bomb for whoever decodes it."""
    data = bytearray(png_bytes(1, 1))
    ihdr = struct.pack(">II", width, height) + bytes(data[24:29])
    data[16:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    return bytes(data)


def answers(municipality, theme, **overrides):
    """Every question answered, as a buurtmaker would; ``overrides`` change or add answers."""
    data = {
        "name": "Fatima El Amrani",
        "email": "fatima@example.org",
        "phone": "06 12345678",
        "role": "bewoner",
        "organisation": "Buurthuis De Boog",
        "neighbourhood": "Batau-Noord",
        "municipality": str(municipality.pk) if municipality else NOT_LISTED,
        "other_municipality": "" if municipality else "Zeewolde",
        "title": "Soep op woensdag",
        "summary": "Hoe een pan soep de buurt weer bij elkaar bracht.",
        "what_we_did": "We kookten elke woensdag soep.\n\nIedereen mocht aanschuiven.",
        "why": "Mensen kenden elkaar niet meer.",
        "worked": "Een vaste dag\n- Bewoners die elkaar uitnodigen",
        "did_not_work": "Flyers in de bus",
        "dilemma_question": "Vragen we de gemeente om geld?",
        "dilemma_considerations": "Geld helpt, maar we wilden het zelf doen.",
        "dilemma_choice": "We begonnen zonder geld.",
        "themes": [str(theme.pk)],
        "consent_publication": "on",
        "consent_contact": "on",
    }
    data.update(overrides)
    return as_person(data)


def with_photo(data, number, file, alt="Bewoners schenken soep in", people="consented", photographer="Sanne"):
    return {
        **data,
        f"photo_{number}": file,
        f"photo_{number}_alt": alt,
        f"photo_{number}_people": people,
        f"photo_{number}_photographer": photographer,
    }


@pytest.fixture
def submission_page(site_tree):
    return factories.StorySubmissionPageFactory(parent=site_tree.home)


@pytest.fixture
def teams(editorial_teams):
    return editorial_teams


@pytest.fixture
def nieuwegein(region):
    return region.municipalities.get(name="Nieuwegein")


@pytest.fixture
def post(client, submission_page, django_capture_on_commit_callbacks):
    """POST the form as a visitor; mails that go out after commit are sent."""

    def post(data, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(submission_page.url, data, **kwargs)

    return post


def error_summary(response):
    summary = soup(response).find(class_="error-summary")
    assert summary is not None, "no error summary at the top of the form"
    return " ".join(summary.get_text(" ").split())


def field_errors(response, name):
    """The errors shown next to a field: the list Django links to it with aria-describedby."""
    page = soup(response)
    field = page.find(attrs={"name": name})
    error_list = page.find(id=f"id_{name}_error")
    assert error_list is not None, f"no error next to {name}"
    assert f"id_{name}_error" in (field.get("aria-describedby") or ""), f"{name} is not described by its error"
    return " ".join(error_list.get_text(" ").split())


def assert_answers_kept(response, data):
    """The re-shown form holds the person's valid answers."""
    page = soup(response)
    assert page.find("input", attrs={"name": "name"})["value"] == data["name"]
    assert page.find("textarea", attrs={"name": "why"}).get_text().strip() == data["why"]
    selected = page.find("select", attrs={"name": "municipality"}).find("option", selected=True)
    assert selected["value"] == data["municipality"]
    checked = [box["value"] for box in page.find_all("input", attrs={"name": "themes"}) if box.has_attr("checked")]
    assert checked == data["themes"]


# The page ----------------------------------------------------------------------------------------


def test_the_central_team_creates_the_page_under_home_once(admin_client, site_tree, region):
    data = nested_form_data(
        {
            "title": "Deel je verhaal",
            "slug": "deel-je-verhaal",
            "intro": rich_text("<p>Vertel het andere buurtmakers.</p>"),
            "privacy_statement": rich_text("<p>Je gegevens blijven bij de redactie.</p>"),
            "thank_you_text": rich_text("<p>Dank je wel! Je hoort snel van ons.</p>"),
        }
    )
    response = post_new_page(admin_client, StorySubmissionPage, site_tree.home, data)
    assert response.status_code == 302
    page = StorySubmissionPage.objects.get()
    assert page.live and page.url == "/deel-je-verhaal/"
    shown = text(get_page(Client(), page))
    assert "Vertel het andere buurtmakers." in shown and "Je gegevens blijven bij de redactie." in shown
    assert "Dank je wel! Je hoort snel van ons." in text(get_page(Client(), page, verstuurd="1"))

    # One per site, and only under the home page.
    assert_refused(post_new_page(admin_client, StorySubmissionPage, site_tree.home, {**data, "slug": "nog-een"}))
    assert not StorySubmissionPage.can_create_at(site_tree.stories) and not StorySubmissionPage.can_create_at(region)


def test_the_form_is_accessible_without_javascript(client, submission_page, region, theme):
    response = client.get(submission_page.url)
    page = soup(response)
    form = page.find("form", class_="submission-form")
    assert form["method"] == "post" and form["enctype"] == "multipart/form-data"
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"})
    # Every field a person fills in has a label; groups of choices are fieldsets with a legend.
    for field in form.find_all(["input", "textarea", "select"]):
        if field.get("type") in ("hidden", "submit") or field.find_parent(class_="form__trap"):
            continue
        assert page.find("label", attrs={"for": field["id"]}), f"{field['name']} has no label"
    legends = [legend.get_text(" ", strip=True) for legend in form.find_all("legend")]
    for legend in ("Over jou", "Waar speelt je verhaal?", "Het dilemma", "Foto 1", "Toestemming"):
        assert legend in legends
    assert "Over welke thema's gaat je verhaal?" in legends  # the theme checkboxes
    # Help texts are linked to their field.
    email = form.find("input", attrs={"name": "email"})
    help_text = page.find(id=email["aria-describedby"])
    assert "bevestiging" in help_text.get_text()
    assert [option.get_text() for option in form.find("select").find_all("option")] == [
        "Kies je gemeente",
        "Nieuwegein",
        "Utrecht",
        "Mijn gemeente staat er niet bij",
    ]
    assert "Wat doen we met je gegevens?" in text(response)
    assert "nooit op de website" in text(response)  # the default privacy statement
    # Strict CSP: no inline script or style.
    assert not [script for script in page.find_all("script") if not script.get("src")]
    assert not page.find(attrs={"style": True}) and not page.find("style")


def test_the_form_page_is_never_cached(client, submission_page):
    response = client.get(submission_page.url)
    cache_control = response["Cache-Control"]
    assert "public" not in cache_control and "no-store" in cache_control and "private" in cache_control


def test_the_form_is_csrf_protected(submission_page, region, theme, nieuwegein):
    client = Client(enforce_csrf_checks=True)
    response = client.post(submission_page.url, answers(nieuwegein, theme))
    assert response.status_code == 403
    assert heading(response) == "Je formulier is verlopen"
    assert not StorySubmission.objects.exists()

    # The same answers with the token of the form the browser was shown are taken.
    token = soup(client.get(submission_page.url)).find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    response = client.post(
        submission_page.url, {**answers(nieuwegein, theme), "csrfmiddlewaretoken": token}, follow=True
    )
    assert "Bedankt, je verhaal is verstuurd" in text(response)
    assert StorySubmission.objects.get().page.title == "Soep op woensdag"


# A submission becomes a draft --------------------------------------------------------------------


def test_a_submission_becomes_a_draft_story_in_the_region(client, post, teams, region, nieuwegein, theme):
    data = with_photo(answers(nieuwegein, theme), 1, photo("soep.png"))
    data = with_photo(data, 2, photo("tafel.png"), alt="Een lange tafel in de zaal", people="no_people")
    response = post(data)

    assert response.status_code == 302
    thanks = client.get(response.url)
    assert "Bedankt, je verhaal is verstuurd" in text(thanks)
    assert "wordt je coach" in text(thanks)
    assert "no-store" in thanks["Cache-Control"]

    story = PracticeStoryPage.objects.get()
    assert story.get_parent().specific == region
    assert (story.title, story.intro) == ("Soep op woensdag", "Hoe een pan soep de buurt weer bij elkaar bracht.")
    assert not story.live and story.owner is None
    assert list(story.themes.all()) == [theme]
    assert story.municipality == nieuwegein
    assert story.get_latest_revision() is not None

    body = story.body
    assert [block.block_type for block in body] == [
        "key_facts",
        "paragraph",
        "paragraph",
        "lessons",
        "dilemma",
        "image",
        "image",
    ]
    assert [(fact["label"], fact["value"]) for fact in body[0].value["facts"]] == [
        ("Buurt", "Batau-Noord"),
        ("Gemeente", "Nieuwegein"),
    ]
    assert body[1].value.source == (
        "<h2>Wat we deden</h2><p>We kookten elke woensdag soep.</p>\n\n<p>Iedereen mocht aanschuiven.</p>"
    )
    assert body[2].value.source.startswith("<h2>Waarom we het zo aanpakten</h2>")
    assert list(body[3].value["worked"]) == ["Een vaste dag", "Bewoners die elkaar uitnodigen"]
    assert list(body[3].value["did_not_work"]) == ["Flyers in de bus"]
    assert body[4].value["question"] == "Vragen we de gemeente om geld?"
    assert body[4].value["considerations"].source == "<p>Geld helpt, maar we wilden het zelf doen.</p>"
    assert body[4].value["choice"].source == "<p>We begonnen zonder geld.</p>"
    assert [block.value["alt_text"] for block in body[5:]] == [
        "Bewoners schenken soep in",
        "Een lange tafel in de zaal",
    ]

    images = [block.value["image"] for block in body[5:]]
    assert {image.collection for image in images} == {region.collection}
    assert [image.people_consent for image in images] == ["consented", "no_people"]
    assert images[0].photographer == "Sanne" and images[0].width == 40 and images[0].uploaded_by_user is None

    submission = StorySubmission.objects.get()
    assert submission.page.pk == story.pk and submission.region.pk == region.pk
    assert (submission.name, submission.email, submission.phone, submission.organisation) == (
        "Fatima El Amrani",
        "fatima@example.org",
        "06 12345678",
        "Buurthuis De Boog",
    )
    assert submission.consent_publication and submission.consent_contact and not submission.mail_failed
    assert set(submission.images.all()) == set(images)

    # The draft is not public.
    assert client.get(region.url + story.slug + "/").status_code == 404


def test_the_editors_of_the_region_and_the_submitter_are_mailed(post, teams, nieuwegein, theme):
    post(answers(nieuwegein, theme))

    by_subject = {message.subject: message for message in mail.outbox}
    assert set(by_subject) == {"Bedankt voor je verhaal", "Nieuwe inzending: Soep op woensdag"}
    editors_mail = by_subject["Nieuwe inzending: Soep op woensdag"]
    assert sorted(editors_mail.to) == sorted([teams.regional_editor.email, teams.second_regional_editor.email])
    assert teams.other_regional_editor.email not in editors_mail.to
    assert teams.central_editor.email not in editors_mail.to
    assert "voor de regio Utrecht" in editors_mail.body and "Word coach" in editors_mail.body
    story = PracticeStoryPage.objects.get()
    assert f"http://testserver/admin/pages/{story.pk}/edit/" in editors_mail.body

    confirmation = by_subject["Bedankt voor je verhaal"]
    assert confirmation.to == ["fatima@example.org"]
    assert "Beste Fatima El Amrani" in confirmation.body
    assert "Een redacteur van de regio Utrecht leest je verhaal en wordt je coach" in confirmation.body


def test_a_municipality_that_is_not_listed_goes_to_the_central_team(post, site_tree, teams, theme):
    post(with_photo(answers(None, theme), 1, photo()))

    story = PracticeStoryPage.objects.get()
    assert story.get_parent().pk == site_tree.stories.pk
    assert story.municipality is None
    assert story.body[0].value["facts"][1]["value"] == "Zeewolde"
    assert story.body[-1].value["image"].collection == Collection.get_first_root_node()
    submission = StorySubmission.objects.get()
    assert submission.region is None and submission.other_municipality == "Zeewolde"
    editors_mail = next(message for message in mail.outbox if message.subject.startswith("Nieuwe inzending"))
    assert sorted(editors_mail.to) == sorted([teams.central_editor.email, teams.second_central_editor.email])
    assert "landelijk, gemeente Zeewolde" in editors_mail.body


def test_a_second_story_with_the_same_title_gets_its_own_address(post, teams, nieuwegein, theme):
    post(answers(nieuwegein, theme, title="Soep op\r\nwoensdag"))  # one line: it is also a mail subject
    post(answers(nieuwegein, theme))
    assert sorted(PracticeStoryPage.objects.values_list("slug", flat=True)) == [
        "soep-op-woensdag",
        "soep-op-woensdag-2",
    ]
    assert set(PracticeStoryPage.objects.values_list("title", flat=True)) == {"Soep op woensdag"}


# HTML and script are text ------------------------------------------------------------------------


def test_html_and_script_in_every_answer_stay_text(client, post, teams, nieuwegein, theme):
    text_fields = [
        "name",
        "role",
        "organisation",
        "neighbourhood",
        "title",
        "summary",
        "what_we_did",
        "why",
        "worked",
        "did_not_work",
        "dilemma_question",
        "dilemma_considerations",
        "dilemma_choice",
    ]
    data = answers(nieuwegein, theme, **{name: f"Soep {SCRIPT} <b onclick=x>vet</b>" for name in text_fields})
    data = with_photo(data, 1, photo(), alt=f"Soep {SCRIPT}", photographer=SCRIPT)
    response = post(data)
    assert response.status_code == 302

    story = PracticeStoryPage.objects.get()
    assert story.title == f"Soep {SCRIPT} <b onclick=x>vet</b>"
    assert "&lt;script&gt;" in story.body[1].value.source

    client.force_login(teams.regional_editor)
    draft = client.get(reverse("wagtailadmin_pages:view_draft", args=[story.pk]))
    assert draft.status_code == 200
    html = draft.content.decode()
    assert SCRIPT not in html and "<b onclick" not in html
    # Only the page's structured data mentions the title, as JSON that escapes "<".
    scripts = [script for script in soup(draft).find_all("script") if "alert" in script.get_text()]
    assert [script["type"] for script in scripts] == ["application/ld+json"]
    assert "<" not in scripts[0].decode_contents()
    assert f"Soep {SCRIPT} <b onclick=x>vet</b>" in text(draft)  # shown as the characters typed

    dashboard = client.get(reverse("wagtailadmin_home"))
    assert SCRIPT not in dashboard.content.decode()
    assert "Soep <script>" in text(dashboard)


# Bad input ---------------------------------------------------------------------------------------


def test_missing_answers_are_listed_at_the_top_and_next_to_each_field(client, submission_page, region, theme):
    response = client.post(submission_page.url, as_person({"name": "Fatima"}))
    assert response.status_code == 200
    summary = error_summary(response)
    for message in (
        "Vul je e-mailadres in, zodat we je kunnen bereiken.",
        "Kies je gemeente.",
        "Geef je verhaal een titel.",
        "Vertel wat jullie deden.",
        "Vertel wat werkte. Eén punt is genoeg.",
        "Vertel tegen welk dilemma je aanliep.",
        "Kies minstens één thema.",
        "Zonder jouw toestemming kunnen we je verhaal niet publiceren.",
    ):
        assert message in summary
    assert field_errors(response, "title") == "Geef je verhaal een titel."
    links = [a["href"] for a in soup(response).find(class_="error-summary").find_all("a")]
    assert "#id_title" in links and "#id_themes" in links
    assert soup(response).find(id="id_themes") is not None
    assert soup(response).find("input", attrs={"name": "name"})["value"] == "Fatima"
    assert not StorySubmission.objects.exists() and not mail.outbox
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        (
            "what_we_did",
            "a" * 100_000,
            "Dit antwoord is te lang: maak het korter dan 5000 tekens (het zijn er nu 100000)",
        ),
        ("title", "t" * 100_000, "Dit is te lang: gebruik hoogstens 200 tekens (het zijn er nu 100000)."),
        ("email", "fatima@", "Dit e-mailadres klopt niet."),
        ("worked", "w" * 301, "Punt 1 is te lang. Gebruik per regel hoogstens 300 tekens"),
    ],
)
def test_a_bad_answer_gets_a_dutch_message_and_the_rest_is_kept(post, teams, nieuwegein, theme, field, value, message):
    data = answers(nieuwegein, theme, **{field: value})
    response = post(data)
    assert response.status_code == 200
    assert message in field_errors(response, field)
    assert message in error_summary(response)
    assert_answers_kept(response, data)
    assert not StorySubmission.objects.exists() and not PracticeStoryPage.objects.exists()


def test_not_listed_needs_the_name_of_the_municipality(post, teams, theme):
    data = answers(None, theme, other_municipality="")
    response = post(data)
    assert field_errors(response, "other_municipality") == "Vul in in welke gemeente je verhaal speelt."
    assert_answers_kept(response, data)


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            lambda: photo("verhaal.png", b"Dit is geen foto maar tekst."),
            "Dit bestand is geen foto, of het is beschadigd.",
        ),
        (lambda: photo("../../etc/passwd", b"root:x:0:0:root:/root:/bin/bash\n"), "Dit bestand is geen foto"),
        (lambda: photo("foto.pdf", png_bytes()), "Geen ondersteund afbeeldingsformaat."),
        (lambda: photo("groot.png", png_bytes() + b"\0" * (50 * 1024 * 1024)), "Dit bestand is te groot (50,0"),
        (lambda: photo("bom.png", png_claiming_size(20_000, 20_000)), "Deze afbeelding bevat teveel pixels"),
    ],
    ids=["not-an-image", "passwd", "wrong-extension", "50-MB", "decompression-bomb"],
)
def test_a_bad_photo_gets_a_dutch_message_and_the_rest_is_kept(post, teams, nieuwegein, theme, upload, message):
    data = with_photo(answers(nieuwegein, theme), 1, upload())
    response = post(data)
    assert response.status_code == 200
    assert message in field_errors(response, "photo_1")
    assert "Kies je foto's opnieuw" in error_summary(response)
    assert_answers_kept(response, data)
    assert soup(response).find("input", attrs={"name": "photo_1_alt"})["value"] == "Bewoners schenken soep in"
    assert not StorySubmission.objects.exists() and not BuurtwijsImage.objects.exists()


def test_a_photo_needs_a_description_and_an_answer_about_people(post, teams, nieuwegein, theme):
    data = with_photo(answers(nieuwegein, theme), 2, photo(), alt="", people="")
    response = post(data)
    assert field_errors(response, "photo_2_alt") == "Vertel wat er op foto 2 te zien is."
    assert "Vertel of er mensen herkenbaar op foto 2 staan" in error_summary(response)
    assert not BuurtwijsImage.objects.exists()


def test_a_photo_named_like_a_path_is_stored_inside_the_media_folder(post, teams, nieuwegein, theme):
    post(with_photo(answers(nieuwegein, theme), 1, photo("../../etc/passwd.png")))
    image = BuurtwijsImage.objects.get()
    assert image.file.name.startswith("original_images/") and ".." not in image.file.name
    assert Path(image.file.path).resolve().is_relative_to(Path(settings.MEDIA_ROOT).resolve())


# Spam --------------------------------------------------------------------------------------------


def test_a_filled_honeypot_pretends_success_and_stores_nothing(client, post, teams, nieuwegein, theme):
    response = post(with_photo({**answers(nieuwegein, theme), "homepage": "https://spam.example"}, 1, photo()))
    assert response.status_code == 302
    assert "Bedankt, je verhaal is verstuurd" in text(client.get(response.url))
    assert not StorySubmission.objects.exists() and not PracticeStoryPage.objects.exists()
    assert not BuurtwijsImage.objects.exists() and not mail.outbox

    # The same answers with the honeypot left empty, as a person leaves it, are stored.
    assert post(with_photo(answers(nieuwegein, theme), 1, photo())).status_code == 302
    assert PracticeStoryPage.objects.get().title == "Soep op woensdag" and BuurtwijsImage.objects.count() == 1


def test_a_form_sent_too_fast_is_refused_with_every_answer_kept(post, teams, nieuwegein, theme):
    data = answers(nieuwegein, theme)
    response = post(as_person(data, seconds_ago=0))
    assert "Dat ging wel erg snel." in error_summary(response)
    assert_answers_kept(response, data)
    assert not StorySubmission.objects.exists()

    # The same answers after the time a person takes to write them are taken.
    assert post(data).status_code == 302
    assert StorySubmission.objects.get().page.title == "Soep op woensdag"


def test_too_many_submissions_from_one_address_get_a_dutch_429(post, settings, teams, nieuwegein, theme):
    settings.PUBLIC_FORM_RATE_LIMITS = {**settings.PUBLIC_FORM_RATE_LIMITS, "story_submission": (2, 3600)}
    for _ in range(2):
        assert post(answers(nieuwegein, theme)).status_code == 302
    response = post(answers(nieuwegein, theme))
    assert response.status_code == 429
    assert "je hebt dit formulier vaak verstuurd" in text(response)
    assert "Probeer het over 60 minuten opnieuw" in text(response)
    assert StorySubmission.objects.count() == 2


# Nothing is lost ---------------------------------------------------------------------------------


def test_a_failing_mail_server_leaves_the_submission_stored_and_flagged(client, post, teams, nieuwegein, theme):
    with mock.patch(
        "django.core.mail.backends.locmem.EmailBackend.send_messages", side_effect=SMTPException("mail is down")
    ):
        response = post(with_photo(answers(nieuwegein, theme), 1, photo()))

    assert response.status_code == 302
    submission = StorySubmission.objects.get()
    assert submission.mail_failed and submission.page is not None and submission.images.count() == 1

    client.force_login(teams.regional_editor)
    dashboard = client.get(reverse("wagtailadmin_home"))
    row = soup(dashboard).find(attrs={"data-submission": str(submission.pk)})
    assert "E-mail mislukt" in row.get_text()


def media_files():
    root = Path(settings.MEDIA_ROOT)
    return {path for path in root.rglob("*") if path.is_file()} if root.exists() else set()


def test_a_crash_half_way_leaves_nothing_behind(post, teams, nieuwegein, theme):
    files_before = media_files()
    with (
        mock.patch.object(PracticeStoryPage, "save_revision", side_effect=RuntimeError("crash")),
        pytest.raises(RuntimeError),
    ):
        post(with_photo(with_photo(answers(nieuwegein, theme), 1, photo()), 2, photo("tweede.png")))

    assert not PracticeStoryPage.objects.exists()
    assert not BuurtwijsImage.objects.exists()
    assert not StorySubmission.objects.exists()
    assert media_files() == files_before
    assert not mail.outbox
