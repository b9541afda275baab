"""axe-core over every public page type of the demo site, in Debian's Chromium.

axe-core comes from the `axe-playwright-python` wheel (its bundled `axe.min.js`), injected into each page: nothing
is downloaded at test time. Any violation of the WCAG 2.x A/AA and EN 301 549 rules fails the test, whatever its
impact; "incomplete" results (axe could not decide, a person must check) are printed but do not fail it.
"""

import time
from importlib.resources import files

import pytest
from django.urls import reverse

from community.events import EventIndexPage, EventPage
from correspondents.models import RegionalNewsPage, RegionIndexPage, RegionPage
from home.models import HomePage
from stories.models import (
    KennispleinPage,
    KnowledgeIndexPage,
    KnowledgePage,
    PracticeStoryPage,
    StoryIndexPage,
    ThemeHubPage,
    ThemeIndexPage,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

AXE_SOURCE = files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "EN-301-549"],
    },
    "resultTypes": ["violations", "incomplete"],
}
# Advice outside the standard (heading order, landmarks, one h1, ...): printed, never failed on.
BEST_PRACTICE_OPTIONS = {"runOnly": {"type": "tag", "values": ["best-practice"]}, "resultTypes": ["violations"]}
# The desktop layout and a narrow phone (WCAG 1.4.10 reflow width): contrast and target sizes differ between them.
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "mobiel": {"width": 320, "height": 640}}


def story_with_every_block():
    """The live story whose body uses the most block types, completed with the editors' preview of the others.

    The demo content does not use every block kind; the missing ones are appended (and published) with each
    block's own preview value, so one page shows them all.
    """
    stories = PracticeStoryPage.objects.live().public()
    story = max(stories, key=lambda story: (len({block.block_type for block in story.body}), -story.pk))
    used = {block.block_type for block in story.body}
    for name, child_block in story.body.stream_block.child_blocks.items():
        if name not in used:
            story.body.append((name, child_block.get_preview_value()))
    story.save_revision().publish()
    return story


def public_pages():
    """(name, path) for every public page type and listing state of the demo site."""
    first = {model: model.objects.live().public().first() for model in (ThemeHubPage, KnowledgePage, RegionPage)}
    news = RegionalNewsPage.objects.live().public().first()
    story_index = StoryIndexPage.objects.live().public().first()
    story = story_with_every_block()
    kennisplein = KennispleinPage.objects.live().public().get().url
    event = EventPage.objects.live().public().filter(registration_open=True).upcoming().order_by("start").first()
    pages = [
        ("home", HomePage.objects.live().first().url),
        ("verhalenoverzicht", story_index.url),
        ("verhalenoverzicht, pagina 2", f"{story_index.url}?pagina=2"),
        ("praktijkverhaal met alle bloktypen", story.url),
        ("thema-overzicht", ThemeIndexPage.objects.live().public().first().url),
        ("themahub", first[ThemeHubPage].url),
        ("themahub met filter", f"{first[ThemeHubPage].url}?soort=praktijkverhaal"),
        ("kennisplein", kennisplein),
        ("kennisplein met twee filters", f"{kennisplein}?thema=eenzaamheid&regio=utrecht"),
        # Regional news has no themes: this combination finds nothing.
        ("kennisplein zonder resultaten", f"{kennisplein}?soort=nieuws&thema=armoede"),
        ("kennisoverzicht", KnowledgeIndexPage.objects.live().public().first().url),
        ("kennispagina", first[KnowledgePage].url),
        ("regio-overzicht", RegionIndexPage.objects.live().public().first().url),
        ("regio", first[RegionPage].url),
        ("regionaal nieuws", news.url),
        ("toegankelijkheidsverklaring", "/toegankelijkheid/"),
        ("zoeken met resultaten", "/zoeken/?q=buurt"),
        ("zoeken zonder resultaten", "/zoeken/?q=qwxzvbnmkj"),
        ("zoeken met facet", "/zoeken/?q=buurt&soort=praktijkverhaal"),
        ("zoeken met aanbevolen resultaten", "/zoeken/?q=eenzaamheid"),
        ("zoeken zonder zoekterm", "/zoeken/"),
        ("bijeenkomsten", EventIndexPage.objects.live().public().get().url),
        ("bijeenkomst met aanmelden", event.url),
        ("aanmelden voor een bijeenkomst", f"{event.url}aanmelden/"),
        ("partners", "/partners/"),
        ("deel je verhaal", "/deel-je-verhaal/"),
        ("reageren", reverse("reaction_form", args=[story.pk])),
        ("404", "/deze-pagina-bestaat-niet/"),
    ]
    return pages


# What each block kind renders: the story page must show them all, or the test checks less than it claims.
EXPECTED_ON_PAGE = {
    "praktijkverhaal met alle bloktypen": (
        ".rich-text",
        ".pull-quote",
        ".figure",
        ".video iframe",
        ".key-facts",
        ".cta",
        ".document",
        ".dilemma",
        ".lessons",
        ".share",
        "#elders",
    ),
    "zoeken met resultaten": (".search-result__title", "form.facets select"),
    "themahub met filter": ("form.facets select", ".active-filters", ".mixed-listing .card"),
    "kennisplein": ("form.facets select", ".mixed-listing .story-card"),
    "kennisplein met twee filters": (".active-filters", ".mixed-listing .card"),
    "kennisplein zonder resultaten": (".no-results", ".active-filters"),
    "zoeken met facet": (".search-result__title", ".active-filters"),
    "zoeken met aanbevolen resultaten": (".promotions a",),
    "zoeken zonder resultaten": (".no-results",),
}


def run_axe(page, options):
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=AXE_SOURCE)
    return page.evaluate("options => axe.run(document, options)", options)


def describe(results, kind):
    lines = []
    for name, url, outcome in results:
        for rule in outcome[kind]:
            lines.append(f"{name} ({url}): {rule['id']} [{rule.get('impact') or '-'}] {rule['help']}")
            for node in rule["nodes"]:
                lines.append(f"    {' '.join(str(t) for t in node['target'])}")
                summary = (node.get("failureSummary") or "").replace("\n", " ")
                if summary:
                    lines.append(f"        {summary[:300]}")
    return "\n".join(lines)


def serve_third_parties_offline(page, site_url):
    """Answer every request that leaves the live server (the video player) with a small, valid page."""

    def stub(route):
        route.fulfill(
            status=200,
            content_type="text/html; charset=utf-8",
            body='<!doctype html><html lang="nl"><title>Extern</title><main><p>Externe inhoud</p></main></html>',
        )

    page.route(lambda url: not url.startswith(site_url), stub)


@pytest.fixture
def axe_page(browser):
    """A page that lets the test inject axe-core: the site's Content-Security-Policy allows no inline script
    (tests/e2e/test_csp.py checks the policy itself)."""
    context = browser.new_context(locale="nl-NL", viewport=VIEWPORTS["desktop"], bypass_csp=True)
    yield context.new_page()
    context.close()


def test_every_public_page_type_has_no_axe_violations(demo_site, axe_page):
    page = axe_page
    started = time.monotonic()
    serve_third_parties_offline(page, demo_site.url)
    pages = public_pages()
    results, advice = [], []
    for viewport_name, viewport in VIEWPORTS.items():
        page.set_viewport_size(viewport)
        for name, path in pages:
            url = f"{demo_site.url}{path}"
            response = page.goto(url)
            expected_status = 404 if name == "404" else 200
            assert response.status == expected_status, f"{name}: {url} gave HTTP {response.status}"
            for selector in EXPECTED_ON_PAGE.get(name, ()):
                assert page.locator(selector).count(), f"{name}: {url} shows no {selector}"
            results.append((f"{name}, {viewport_name}", url, run_axe(page, AXE_OPTIONS)))
            if viewport_name == "desktop":
                advice.append((name, url, run_axe(page, BEST_PRACTICE_OPTIONS)))

    incomplete = describe(results, "incomplete")
    violations = describe(results, "violations")
    engine = results[0][2]["testEngine"]["version"]
    print(f"\naxe-core {engine}: {len(pages)} pages x {len(VIEWPORTS)} viewports in {time.monotonic() - started:.1f}s")
    print("Best practice, outside WCAG (not failed on):\n" + (describe(advice, "violations") or "    none"))
    print("Needs review (axe 'incomplete'):\n" + (incomplete or "    none"))
    print("Violations:\n" + (violations or "    none"))
    assert not violations, "axe-core violations:\n" + violations


def test_kennisplein_filters_work_by_keyboard_without_javascript(demo_site, browser):
    """A plain form: choose with the keyboard, submit, and the URL holds the filters; focus stays visible."""
    context = browser.new_context(locale="nl-NL", java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{demo_site.url}{KennispleinPage.objects.live().get().url}")

    page.focus("#filter-thema")
    outline = page.eval_on_selector("#filter-thema", "el => getComputedStyle(el).outlineStyle")
    page.select_option("#filter-thema", "eenzaamheid")
    page.select_option("#filter-regio", "utrecht")
    page.focus("button.facets__submit")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert outline == "solid"
    assert "thema=eenzaamheid" in page.url and "regio=utrecht" in page.url
    assert page.locator(".active-filters__remove").count() == 2
    context.close()
