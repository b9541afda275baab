"""A reader and an editor in a real browser, on the demo content that `make run` serves."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_reader_goes_from_home_through_a_theme_to_a_story(demo_site, page):
    page.goto(demo_site.url)
    expect(page).to_have_title(re.compile("Buurtwijs"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Buurtwijs")

    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Thema's").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thema's")

    page.get_by_role("main").get_by_role("link", name="Eenzaamheid").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Eenzaamheid")

    story_link = page.locator(".story-card .card__link").first
    story_title = story_link.inner_text()
    story_link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(story_title)
    expect(page.get_by_role("heading", name="In het kort")).to_be_visible()
    expect(page.get_by_role("complementary", name="In het kort")).to_contain_text("Eenzaamheid")


def test_keyboard_user_skips_to_the_content(demo_site, page):
    page.goto(demo_site.url)
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Naar de inhoud")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("main#inhoud")).to_be_focused()


def test_reader_searches_from_the_header(demo_site, page):
    page.goto(demo_site.url)
    page.get_by_role("searchbox", name="Zoek op Buurtwijs").fill("eenzaamheid")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Zoekresultaten")
    expect(page.locator(".search-result__title").first).to_be_visible()


def test_correspondent_logs_in_to_the_dutch_editor(demo_site, page):
    page.goto(f"{demo_site.url}/admin/")
    page.get_by_label("Gebruikersnaam").fill("correspondent-utrecht")
    page.get_by_label("Wachtwoord").fill("buurtwijs-demo")
    page.get_by_role("button", name="Inloggen").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Buurtwijs")
    expect(page.get_by_role("link", name="Pagina's").first).to_be_visible()
