"""The Content-Security-Policy in a real browser: public pages and the Wagtail admin (dashboard, page editor,
its preview panel and "view draft" with the userbar) run without a single violation in Chromium's console, and
the public policy does block an injected inline script.

Chromium logs every violation to the console ("Refused to ... because it violates the following Content
Security Policy directive"); a `securitypolicyviolation` listener in every frame logs them too.
"""

import pytest
from playwright.sync_api import expect

from stories.models import PracticeStoryPage
from tests.e2e.admin import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
});
"""


@pytest.fixture
def violations(page):
    """Every CSP violation the page (or one of its frames) reports, as console text."""
    found = []

    def collect(message):
        if "Content Security Policy" in message.text:
            found.append(message.text)

    page.add_init_script(REPORT_VIOLATIONS)
    page.on("console", collect)
    return found


def story_with_a_video():
    """A live demo story, with a video block added (and published) if it has none."""
    story = PracticeStoryPage.objects.live().public().first()
    if not any(block.block_type == "video" for block in story.body):
        story.body.append(("video", story.body.stream_block.child_blocks["video"].get_preview_value()))
        story.save_revision().publish()
    return story


def settle(page):
    """Loaded, and a moment for scripts to run. (Not "network idle": a video frame may wait on the internet.)"""
    page.wait_for_load_state("load")
    page.wait_for_timeout(1000)


def test_public_pages_run_without_csp_violations(demo_site, page, violations):
    story = story_with_a_video()
    for path, status in (("/", 200), (story.url, 200), ("/zoeken/?q=buurt", 200), ("/bestaat-niet/", 404)):
        response = page.goto(f"{demo_site.url}{path}")
        assert response.status == status
        assert "object-src 'none'" in response.headers["content-security-policy"]
        settle(page)
    # The story page was the real test: its video frame and its JSON-LD (data, not script) are allowed.
    page.goto(f"{demo_site.url}{story.url}")
    video = page.locator(".video iframe")
    video.scroll_into_view_if_needed()  # the frame loads lazily
    assert page.locator('script[type="application/ld+json"]').count() >= 1
    settle(page)
    assert violations == []


def test_the_public_policy_blocks_an_injected_inline_script(demo_site, page, violations):
    """The check above can fail: a script that slipped into a public page would not run, and would be reported."""
    page.goto(demo_site.url)
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.injected = true;";
            document.body.append(script);
        }"""
    )
    settle(page)
    assert page.evaluate("() => window.injected") is None
    assert any("script-src" in violation for violation in violations), violations


def test_the_admin_runs_without_csp_violations(demo_site, page, violations, steady_editor):
    story = story_with_a_video()
    log_in(page, demo_site.url, "beheerder")  # a superuser: the dashboard also checks for a newer Wagtail
    dashboard = page.goto(f"{demo_site.url}/admin/")
    assert "script-src 'self' 'unsafe-inline'" in dashboard.headers["content-security-policy"]
    settle(page)
    assert violations == [], "dashboard"

    # The page editor: inline panels and date widgets bring inline scripts, Draftail inline styles.
    page.goto(f"{demo_site.url}/admin/pages/{story.pk}/edit/")
    page.get_by_role("button", name="Voeg Buurtmakers in dit verhaal toe").click()
    page.get_by_label("Gestopt op").click()
    page.keyboard.press("Escape")
    settle(page)
    assert violations == [], "page editor"

    # The preview panel: the public page with the userbar, in a frame of the admin.
    page.get_by_role("button", name="Toon/verberg voorvertoning").click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", level=1)).to_have_text(story.title, timeout=20_000)
    expect(preview.locator(".video iframe")).to_have_count(1)
    settle(page)
    assert violations == [], "preview panel"

    # The same preview in a tab of its own, and the draft with the userbar opened.
    page.goto(f"{demo_site.url}/admin/pages/{story.pk}/edit/preview/")
    expect(page.get_by_role("heading", level=1)).to_have_text(story.title)
    page.goto(f"{demo_site.url}/admin/pages/{story.pk}/view_draft/")
    page.locator("wagtail-userbar").get_by_role("button").first.click()
    settle(page)
    assert violations == [], "preview and draft"
