"""Taking part, in Debian's Chromium: a buurtmaker tells their story through "Deel je verhaal" and a reader reacts
on a story, each first making a mistake. The forms and their error states have no axe-core violations; the
reaction shows on the story once the central team approved it in the admin.

The forms refuse a post sent sooner than PUBLIC_FORM_MIN_SECONDS after they were shown (core/antispam.py),
so the test waits that long before its first submit, as a person typing would.
"""

import io

import pytest
from django.conf import settings
from PIL import Image
from playwright.sync_api import expect

from community.reaction_admin import moderation_url
from community.submissions import StorySubmission
from stories.models import PracticeStoryPage, Reaction
from tests.e2e.admin import log_in
from tests.e2e.test_accessibility import AXE_OPTIONS, describe, run_axe

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def axe_context(browser):
    """Pages into which the test may inject axe-core past the site's Content-Security-Policy."""
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900}, bypass_csp=True)
    yield context
    context.close()


def wait_like_a_person(page):
    page.wait_for_timeout(settings.PUBLIC_FORM_MIN_SECONDS * 1000 + 500)


def assert_no_axe_violations(page, name):
    violations = describe([(name, page.url, run_axe(page, AXE_OPTIONS))], "violations")
    assert not violations, "axe-core violations:\n" + violations


def photo_file():
    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), (200, 120, 40)).save(buffer, "JPEG")
    return {"name": "soep.jpg", "mimeType": "image/jpeg", "buffer": buffer.getvalue()}


def test_a_buurtmaker_shares_their_story(demo_site, axe_context):
    page = axe_context.new_page()
    page.goto(f"{demo_site.url}/deel-je-verhaal/")
    assert_no_axe_violations(page, "deel je verhaal")

    page.get_by_label("Je naam").fill("Fatima Azzouzi")
    page.get_by_label("Je e-mailadres").fill("fatima-at-example.nl")  # a typo
    page.get_by_label("In welke buurt of wijk?").fill("Overvecht")
    page.get_by_label("In welke gemeente?").select_option(label="Utrecht")
    page.get_by_label("Geef je verhaal een titel").fill("Soep op woensdag")
    page.get_by_label("Waar gaat je verhaal over?").fill("Elke woensdag koken bewoners samen soep in het buurthuis.")
    page.get_by_label("Wat deden jullie?").fill("We begonnen met tien bewoners en één grote pan.")
    page.get_by_label("Waarom pakten jullie het zo aan?").fill("Samen eten is de makkelijkste manier om te praten.")
    page.get_by_label("Wat werkte?").fill("Vaste dag\nIedereen neemt iets mee")
    page.get_by_label("Tegen welk dilemma liep je aan?").fill("Vragen we subsidie, of blijven we het zelf doen?")
    page.get_by_label("Wat sprak ervoor, en wat ertegen?").fill("Geld maakt het makkelijker, maar ook minder van ons.")
    page.get_by_label("Eenzaamheid").check()
    page.locator("input[name=photo_1]").set_input_files(photo_file())
    page.locator("#id_photo_1_alt").fill("Bewoners schenken soep in het buurthuis")
    page.locator("input[name=photo_1_people][value=consented]").check()
    page.get_by_label("Ik geef toestemming om mijn verhaal", exact=False).check()
    page.get_by_label("Ik vind het goed dat een redacteur", exact=False).check()
    wait_like_a_person(page)
    page.get_by_role("button", name="Verstuur je verhaal").click()

    # Told what is wrong, with every other answer still there; only the photo must be chosen again.
    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("Dit e-mailadres klopt niet")
    expect(page.get_by_label("Je naam")).to_have_value("Fatima Azzouzi")
    expect(page.get_by_label("Wat werkte?")).to_have_value("Vaste dag\nIedereen neemt iets mee")
    expect(page.get_by_label("Eenzaamheid")).to_be_checked()
    assert_no_axe_violations(page, "deel je verhaal met fouten")
    summary.get_by_role("link", name="Dit e-mailadres klopt niet", exact=False).click()
    expect(page.get_by_label("Je e-mailadres")).to_be_focused()

    page.get_by_label("Je e-mailadres").fill("fatima@example.nl")
    page.locator("input[name=photo_1]").set_input_files(photo_file())
    page.get_by_role("button", name="Verstuur je verhaal").click()

    expect(page.get_by_role("heading", name="Bedankt, je verhaal is verstuurd")).to_be_visible()
    assert_no_axe_violations(page, "deel je verhaal verstuurd")
    submission = StorySubmission.objects.get(email="fatima@example.nl")
    draft = submission.page.specific
    assert (draft.title, draft.live, draft.get_parent().title) == ("Soep op woensdag", False, "Utrecht")
    assert [block.block_type for block in draft.body].count("image") == 1


def test_a_reader_reacts_and_sees_the_reaction_after_moderation(demo_site, axe_context, browser):
    stories = PracticeStoryPage.objects.live().public().order_by("pk")
    story = next(story for story in stories if story.body.first_block_by_name("dilemma"))
    reader = axe_context.new_page()
    reader.goto(f"{demo_site.url}{story.url}")
    reader.get_by_role("link", name="Reageer", exact=False).click()
    assert_no_axe_violations(reader, "reactieformulier")

    reader.get_by_label("Je naam").fill("Henk Bosman")
    reader.get_by_label("Je e-mailadres").fill("henk@example.nl")
    wait_like_a_person(reader)
    reader.get_by_role("button", name="Verstuur je reactie").click()  # without a reaction

    expect(reader.locator(".error-summary")).to_be_visible()
    expect(reader.get_by_label("Je naam")).to_have_value("Henk Bosman")
    assert_no_axe_violations(reader, "reactieformulier met fouten")
    reader.get_by_label("Je reactie").fill("Wij vroegen subsidie <b>en</b> hielden de regie zelf.")
    reader.get_by_role("button", name="Verstuur je reactie").click()
    expect(reader.get_by_role("heading", name="Bedankt voor je reactie")).to_be_visible()
    reader.goto(f"{demo_site.url}{story.url}")
    expect(reader.get_by_text("Wij vroegen subsidie")).to_have_count(0)  # not before the editors read it

    # The central team approves it in the admin.
    reaction = Reaction.objects.get(email="henk@example.nl")
    editor_context = browser.new_context(locale="nl-NL")
    editor = editor_context.new_page()
    log_in(editor, demo_site.url, "redactie")
    editor.goto(f"{demo_site.url}{moderation_url('approve', [reaction], '/admin/')}")
    editor.get_by_role("button", name="Ja, goedkeuren").click()
    expect(editor.locator(".messages")).to_contain_text("goedgekeurd")
    editor_context.close()

    # A reader's browser may keep the page for max-age (60 s); someone arriving later gets the new version.
    later = browser.new_context(locale="nl-NL", bypass_csp=True).new_page()
    later.goto(f"{demo_site.url}{story.url}")
    shown = later.locator(f"#reactie-{reaction.pk}")
    expect(shown).to_contain_text("Henk Bosman")
    expect(shown).to_contain_text("Wij vroegen subsidie <b>en</b> hielden de regie zelf.")  # text, not markup
    assert shown.locator("b").count() == 0
    assert_no_axe_violations(later, "praktijkverhaal met reacties")
    later.context.close()
