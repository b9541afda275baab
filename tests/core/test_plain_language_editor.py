"""The plain-language check in the editor: rules in the Checks panel, markers in the preview only, a summary on the
edit view."""

import pytest
from django.urls import reverse
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import rich_text

from core.models import JargonTerm
from tests import factories
from tests.core.calibration import STORY_B1, STORY_C1
from tests.helpers import edit_url, get_page, soup, story_form_data
from tests.home.test_content_checker import axe_configuration

pytestmark = pytest.mark.django_db

C1_BODY = [("paragraph", rich_text(f"<p>{STORY_C1}</p>"))]


@pytest.fixture
def story(region, theme):
    return factories.PracticeStoryPageFactory(parent=region, title="Soep op woensdag", themes=[theme])


def preview(client, story, theme, body):
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[story.pk])
    assert client.post(preview_url, story_form_data(theme, body=body)).json()["is_valid"]
    return client.get(preview_url, {"in_preview_panel": "true"})


def test_the_checks_panel_knows_each_flag_and_jargon_word_in_dutch(client, central_editor, story):
    JargonTerm.objects.create(term="buurtkamer", suggestion="huiskamer van de buurt")
    client.force_login(central_editor)

    configuration = axe_configuration(client.get(edit_url(story)))

    messages, rules = configuration["messages"], {rule["id"]: rule for rule in configuration["spec"]["rules"]}
    assert messages["taalniveau-lange-zin"]["error_name"] == "Lange zin (meer dan 20 woorden)"
    assert messages["taalniveau-woord-buurtkamer"] == {
        "error_name": "Moeilijk woord: buurtkamer",
        "help_text": "Schrijf liever: huiskamer van de buurt",
    }
    assert messages["taalniveau-woord-zelfredzaamheid"]["help_text"] == "Schrijf liever: zelf kunnen redden"
    assert rules["taalniveau-woord-buurtkamer"]["selector"] == '[data-taalniveau-woord="buurtkamer"]'
    assert {"taalniveau-lange-zin", "taalniveau-woord-buurtkamer"} <= set(configuration["options"]["runOnly"])


def test_preview_carries_the_markers_and_the_live_page_does_not(client, central_editor, story, theme):
    client.force_login(central_editor)

    response = preview(client, story, theme, C1_BODY)

    main = soup(response).find("main")
    long_sentences = main.select('[data-taalniveau~="lange-zin"]')
    assert [" ".join(span.get_text().split()[:3]) for span in long_sentences] == [
        "Ter bevordering van",
        "De integrale benadering,",
    ]
    assert [span.get_text() for span in main.select('[data-taalniveau-woord="doelgroep"]')] == ["doelgroep"]
    assert main.select('[data-taalniveau-woord="zelfredzaamheid"]')
    assert not soup(response).find("header").select("[data-taalniveau], [data-taalniveau-woord]")
    # Nothing but the markers is added: no style, no script (the CSP is the same).
    markers = main.select("[data-taalniveau], [data-taalniveau-woord]")
    assert all(marker.name == "span" and len(marker.attrs) == 1 for marker in markers)
    assert "style=" not in str(main) and str(main).count("<script") == 0

    # The same text, published: the public page (fresh, then from the page cache) has no markers.
    story.body = [("paragraph", RichText(f"<p>{STORY_C1}</p>"))]
    story.save_revision().publish()
    client.logout()
    for _ in range(2):
        live = get_page(client, story)
        assert live.status_code == 200
        assert "Ter bevordering van de sociale cohesie" in live.content.decode()
        assert "data-taalniveau" not in live.content.decode()


def test_a_plain_story_has_no_sentence_markers(client, central_editor, story, theme):
    client.force_login(central_editor)
    response = preview(client, story, theme, [("paragraph", rich_text(f"<p>{STORY_B1}</p>"))])
    assert "data-taalniveau=" not in response.content.decode()


def test_the_edit_view_shows_a_summary(client, central_editor, story, theme):
    client.force_login(central_editor)
    client.post(edit_url(story), story_form_data(theme, body=C1_BODY))

    response = client.get(edit_url(story))

    report = soup(response).find("section", class_="plain-language-report")
    text = " ".join(report.get_text(" ").split())
    assert "Taalniveau: waarschijnlijk hoger (doel: B1)" in text
    assert "Lange zinnen (meer dan 20 woorden): 2" in text
    assert "Moeilijke woorden uit de woordenlijst:" in text
    assert "Dit is een indicatie, geen oordeel" in text


def test_the_summary_of_an_empty_new_story_says_there_is_no_text_yet(client, central_editor, region):
    client.force_login(central_editor)
    response = client.get(reverse("wagtailadmin_pages:add", args=["stories", "practicestorypage", region.pk]))
    assert response.status_code == 200
    assert "Er is nog geen tekst om te beoordelen" in " ".join(soup(response).get_text(" ").split())


def test_a_heading_and_list_items_in_rich_text_are_read_as_lines_of_their_own():
    from core.pages import page_text
    from stories.models import PracticeStoryPage

    rich_text = "<h2>Wat we deden</h2><p>Omdat het kon.</p><ul><li>Soep</li><li>Brood</li></ul>"
    body = PracticeStoryPage._meta.get_field("body").stream_block.to_python([{"type": "paragraph", "value": rich_text}])

    lines = page_text("Titel", "<p>Inleiding.</p>", body).splitlines()

    assert lines == ["Titel", "Inleiding.", "Wat we deden", "Omdat het kon.", "Soep", "Brood"]
