"""The plain-language check in the real editor, in Debian's Chromium: the Checks panel names the marked sentences
and words in Dutch, Wagtail's own LIX of the preview equals ours, and axe finds no violation in the marked preview."""

import pytest
from playwright.sync_api import expect
from wagtail.rich_text import RichText

from core.plainlanguage import lix
from stories.models import PracticeStoryPage
from tests.core.calibration import STORY_C1
from tests.e2e.admin import log_in
from tests.e2e.test_accessibility import AXE_OPTIONS, AXE_SOURCE

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_checks_panel_shows_the_dutch_plain_language_checks(demo_site, page, steady_editor):
    story = PracticeStoryPage.objects.live().public().order_by("pk").first()
    story.body = [("paragraph", RichText(f"<p>{STORY_C1}</p>"))]
    story.save_revision()  # a draft: the editor shows it, the live page stays as it was

    log_in(page, demo_site.url, "redactie")
    page.goto(f"{demo_site.url}/admin/pages/{story.pk}/edit/")
    page.evaluate(
        """() => document.addEventListener('w-preview:content', (event) => {
            window.wagtailMetrics = {text: event.detail.content.innerText, lix: event.detail.metrics.lixScore};
        })"""
    )
    page.locator('[data-side-panel-toggle="checks"]').click()
    panel = page.locator('[data-side-panel="checks"]')
    expect(panel.get_by_text("Lange zin (meer dan 20 woorden)").first).to_be_visible(timeout=30_000)
    expect(panel.get_by_text("Moeilijk woord: zelfredzaamheid")).to_be_visible()
    expect(panel.get_by_text("Schrijf liever: zelf kunnen redden")).to_be_visible()
    expect(panel.get_by_text("Bijzinnen gestapeld").first).to_be_visible()

    # Wagtail's LIX of the preview's <main> is ours for the same text.
    page.wait_for_function("() => window.wagtailMetrics !== undefined")
    metrics = page.evaluate("() => window.wagtailMetrics")
    assert "Ter bevordering van de sociale cohesie" in metrics["text"]
    assert lix(metrics["text"]) == pytest.approx(metrics["lix"], abs=1e-9)

    # The preview with its markers, in a tab of its own: no accessibility violation.
    page.goto(f"{demo_site.url}/admin/pages/{story.pk}/edit/preview/")
    expect(page.locator('[data-taalniveau~="lange-zin"]').first).to_be_visible()
    page.evaluate(AXE_SOURCE)
    results = page.evaluate("(options) => axe.run(document, options)", AXE_OPTIONS)
    assert [violation["id"] for violation in results["violations"]] == []

    # The live page has neither the draft's text nor markers.
    page.goto(f"{demo_site.url}{story.url}")
    assert "data-taalniveau" not in page.content()
