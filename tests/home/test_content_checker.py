"""Wagtail's content checker for editors, in Dutch: the page editor's Checks panel and the preview's userbar."""

import json

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.admin.userbar import ContentCheckerItem

from home.wagtail_hooks import BuurtwijsContentChecker, use_buurtwijs_content_checker
from tests import factories
from tests.helpers import edit_url, get_page, soup, story_form_data

pytestmark = pytest.mark.django_db

ADDED_RULES = {"image-alt", "image-redundant-alt"}


def axe_configuration(response):
    script = soup(response).find("script", id="checker-axe-configuration")
    assert script is not None, "no content checker configuration on the page"
    return json.loads(script.string)


def english_messages():
    with translation.override("en"):
        return {
            rule: {key: str(text) for key, text in message.items()}
            for rule, message in ContentCheckerItem.axe_messages.items()
        }


def assert_dutch_for_every_rule(configuration):
    rules = configuration["options"]["runOnly"]
    messages = configuration["messages"]
    english = english_messages()

    assert set(ContentCheckerItem.axe_run_only) | ADDED_RULES <= set(rules)
    # The rest are the plain-language check's (tests/core/test_plain_language_editor.py).
    assert all(
        rule.startswith("taalniveau-") for rule in set(rules) - set(ContentCheckerItem.axe_run_only) - ADDED_RULES
    )
    for rule in rules:
        assert messages[rule]["error_name"] and messages[rule]["help_text"], f"{rule} has no message"
        assert messages[rule] != english.get(rule), f"{rule} speaks English"
    assert messages["heading-order"] == {
        "error_name": "Verkeerd gebruik kopniveaus",
        "help_text": "Voorkom dat er niveaus worden overgeslagen",
    }
    assert messages["image-alt"]["error_name"] == "Afbeelding zonder alternatieve tekst"


@pytest.fixture
def story(region, theme):
    return factories.PracticeStoryPageFactory(parent=region, title="Soep op woensdag", themes=[theme])


def test_wagtails_dutch_translation_covers_its_own_rules():
    english = english_messages()
    with translation.override("nl"):
        for rule, message in ContentCheckerItem.axe_messages.items():
            assert str(message["error_name"]) != english[rule]["error_name"], rule
            assert str(message["help_text"]) != english[rule]["help_text"], rule


def test_checks_panel_in_the_page_editor_checks_in_dutch(client, central_editor, story):
    client.force_login(central_editor)

    response = client.get(edit_url(story))

    assert response.status_code == 200
    configuration = axe_configuration(response)
    assert configuration["context"]["include"] == ["main"]
    assert_dutch_for_every_rule(configuration)


def test_preview_runs_the_checker_in_dutch(client, central_editor, story, theme):
    client.force_login(central_editor)
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[story.pk])
    assert client.post(preview_url, story_form_data(theme)).json()["is_valid"]

    response = client.get(preview_url, {"in_preview_panel": "true"})

    assert response.status_code == 200
    assert soup(response).find("h1").get_text(strip=True) == "Soep op woensdag"
    assert_dutch_for_every_rule(axe_configuration(response))


def test_live_pages_carry_no_userbar_whoever_looks(client, central_editor, story):
    """A live page is the same for everyone, so a shared cache may keep it: the checker lives in the preview."""
    for logged_in in (False, True):
        if logged_in:
            client.force_login(central_editor)
        response = get_page(client, story)
        assert soup(response).find("wagtail-userbar") is None
        assert soup(response).find("script", id="checker-axe-configuration") is None


def test_the_hook_replaces_wagtails_checker_once():
    items = [ContentCheckerItem(in_editor=True)]
    use_buurtwijs_content_checker(None, items, None)
    use_buurtwijs_content_checker(None, items, None)

    assert [type(item) for item in items] == [BuurtwijsContentChecker]
    assert items[0].in_editor
