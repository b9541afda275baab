"""Bereik in a real browser: a reader opens a story, reads it to the end and follows a knowledge link; the script
(a static file under the production Content-Security-Policy, no inline code) reports it, and the central team's
report shows one reader, one "uitgelezen" and one "van verhaal naar kennis". No cookie is set on the reader's
device and nothing is written to its storage."""

import time

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from reach.models import DailyReach
from stories.models import PracticeStoryPage, StoryKnowledgeLink
from tests.e2e.admin import log_in
from tests.e2e.test_csp import REPORT_VIOLATIONS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# A reader's Chromium: the headless browser's own User-Agent says "HeadlessChrome", which Bereik skips as a robot.
READER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"


def wait_for(condition, seconds=10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


def readers(page_id, source=None):
    rows = DailyReach.objects.filter(page_id=page_id)
    if source:
        rows = rows.filter(source=source)
    return sum(row.readers for row in rows), sum(row.finished for row in rows)


def test_a_read_to_the_end_and_a_click_to_knowledge_show_in_the_report(demo_site, browser):
    link = (
        StoryKnowledgeLink.objects.filter(story__live=True, knowledge_page__live=True).select_related("story").first()
    )
    story, knowledge = PracticeStoryPage.objects.get(pk=link.story_id), link.knowledge_page
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900}, user_agent=READER_AGENT)
    reader = context.new_page()
    violations = []
    reader.add_init_script(REPORT_VIOLATIONS)
    reader.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))

    response = reader.goto(f"{demo_site.url}{story.url}")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert "public" in response.headers["cache-control"]
    assert wait_for(lambda: readers(story.pk) == (1, 0))

    reader.locator("[data-bereik-einde]").scroll_into_view_if_needed()
    assert wait_for(lambda: readers(story.pk) == (1, 1), seconds=12)  # after three seconds on screen

    reader.locator(f'a[href="{knowledge.url}"]').first.click()
    expect(reader).to_have_url(f"{demo_site.url}{knowledge.url}")
    assert wait_for(lambda: readers(knowledge.pk, f"kennis:{link.relation}") == (1, 0))
    assert violations == []
    assert context.cookies() == []
    assert reader.evaluate("() => localStorage.length + sessionStorage.length") == 0
    context.close()

    editor_context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    editor = editor_context.new_page()
    log_in(editor, demo_site.url, "redactie")
    editor.goto(f"{demo_site.url}{reverse('reach_report')}")
    row = editor.locator(f'#bereik-pages tr[data-page="{story.pk}"] td')
    expect(row.nth(1)).to_have_text("1")  # som van dagelijkse lezers
    expect(row.nth(3)).to_have_text("1")  # uitgelezen
    bridge = editor.locator("#bereik-bridge tbody tr")
    expect(bridge).to_have_count(1)
    expect(bridge.locator("td").nth(1)).to_have_text("1")
    editor_context.close()


def test_a_newsletter_link_counts_as_newsletter_and_leaves_a_clean_address(demo_site, browser):
    story = PracticeStoryPage.objects.live().first()
    context = browser.new_context(locale="nl-NL", user_agent=READER_AGENT)
    reader = context.new_page()
    reader.goto(f"{demo_site.url}{story.url}?bron=nieuwsbrief")
    expect(reader).to_have_url(f"{demo_site.url}{story.url}")  # the script removed "bron" from the address bar
    assert wait_for(lambda: readers(story.pk, "nieuwsbrief") == (1, 0))
    context.close()
