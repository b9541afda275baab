"""What the page editor refuses, in Dutch, and that a refused story is not created."""

import pytest
from wagtail.test.utils.form_data import rich_text

from correspondents.models import Municipality
from stories.models import PracticeStoryPage
from tests.helpers import add_url, form_errors, get_page, post_new_page, soup, story_form_data, text

pytestmark = pytest.mark.django_db

NOT_CREATED = "De pagina kon niet aangemaakt worden vanwege validatiefouten."
CTA_MESSAGE = "Kies een pagina op Buurtwijs of vul een link in, niet allebei."


def assert_not_created(response):
    assert response.status_code == 200  # the form again, with its errors
    assert NOT_CREATED in response.content.decode()
    assert not PracticeStoryPage.objects.exists()


def call_to_action(**links):
    return {"title": "Zelf aan de slag?", "text": "", "button_label": "Lees meer", "page": "", "url": "", **links}


def test_period_cannot_end_before_it_starts(admin_client, site_tree, theme):
    data = story_form_data(theme, period_start="2024-03-01", period_end="2024-02-01")

    response = post_new_page(admin_client, PracticeStoryPage, site_tree.stories, data)

    assert_not_created(response)
    assert form_errors(response) == ["De einddatum ligt vóór de begindatum."]


def test_regional_story_form_accepts_only_the_regions_municipalities(admin_client, region, other_region):
    response = admin_client.get(add_url(PracticeStoryPage, region))

    municipalities = response.context["form"].fields["municipality"].queryset
    assert [municipality.name for municipality in municipalities] == ["Nieuwegein", "Utrecht"]


def test_regional_story_editor_is_offered_only_the_regions_municipalities(admin_client, region, other_region):
    """What the editor sees: a list of the region's municipalities, not a chooser of every one in the country."""
    response = admin_client.get(add_url(PracticeStoryPage, region))

    options = soup(response).select("select[name=municipality] option")
    offered = [option.get_text(strip=True) for option in options if option["value"]]
    assert offered == ["Nieuwegein", "Utrecht"], "the editor is not offered a list of the region's municipalities"


def test_regional_story_refuses_a_municipality_of_another_region(admin_client, region, other_region, theme):
    westerkwartier = Municipality.objects.get(name="Westerkwartier")

    response = post_new_page(
        admin_client, PracticeStoryPage, region, story_form_data(theme, municipality=str(westerkwartier.pk))
    )

    assert_not_created(response)
    assert form_errors(response) == ["Selecteer een geldige keuze. Deze keuze is niet beschikbaar."]

    # The same story with a municipality of the region is published, and says where it happened.
    nieuwegein = Municipality.objects.get(name="Nieuwegein")
    response = post_new_page(
        admin_client, PracticeStoryPage, region, story_form_data(theme, municipality=str(nieuwegein.pk))
    )
    assert response.status_code == 302
    assert "Nieuwegein" in text(get_page(admin_client, PracticeStoryPage.objects.get(municipality=nieuwegein)))


def test_national_story_may_name_any_municipality(admin_client, site_tree, region, other_region, theme):
    westerkwartier = Municipality.objects.get(name="Westerkwartier")

    post_new_page(
        admin_client, PracticeStoryPage, site_tree.stories, story_form_data(theme, municipality=westerkwartier.pk)
    )

    assert PracticeStoryPage.objects.get().municipality == westerkwartier


@pytest.mark.parametrize(
    "url",
    ["https://www.dailymotion.com/video/x7tgad0", "https://www.youtube.com/channel/UC123", "https://example.org/a.mp4"],
)
def test_video_must_be_on_youtube_or_vimeo(admin_client, site_tree, theme, url):
    body = [("video", {"url": url, "title": "Onze buurt", "caption": ""})]

    response = post_new_page(admin_client, PracticeStoryPage, site_tree.stories, story_form_data(theme, body=body))

    assert_not_created(response)
    assert form_errors(response) == ["Gebruik een link naar een video op YouTube of Vimeo."]


@pytest.mark.parametrize("url", ["https://youtu.be/aqz-KE-bpKQ", "https://vimeo.com/76979871"])
def test_video_on_youtube_or_vimeo_is_accepted(admin_client, site_tree, theme, url):
    body = [("video", {"url": url, "title": "Onze buurt", "caption": ""})]

    post_new_page(admin_client, PracticeStoryPage, site_tree.stories, story_form_data(theme, body=body))

    assert PracticeStoryPage.objects.get().body[0].value["url"] == url


def test_call_to_action_needs_a_page_or_a_link(admin_client, site_tree, theme):
    body = [("call_to_action", call_to_action())]

    response = post_new_page(admin_client, PracticeStoryPage, site_tree.stories, story_form_data(theme, body=body))

    assert_not_created(response)
    assert form_errors(response) == [CTA_MESSAGE, CTA_MESSAGE]


def test_call_to_action_cannot_have_both_a_page_and_a_link(admin_client, site_tree, theme):
    body = [("call_to_action", call_to_action(page=str(theme.pk), url="https://www.example.org/"))]

    response = post_new_page(admin_client, PracticeStoryPage, site_tree.stories, story_form_data(theme, body=body))

    assert_not_created(response)
    assert form_errors(response) == [CTA_MESSAGE, CTA_MESSAGE]


def test_call_to_action_to_a_page_is_accepted(admin_client, site_tree, theme):
    body = [
        ("paragraph", rich_text("<p>Meer lezen?</p>")),
        ("call_to_action", call_to_action(page=str(theme.pk))),
    ]

    post_new_page(admin_client, PracticeStoryPage, site_tree.stories, story_form_data(theme, body=body))

    assert PracticeStoryPage.objects.get().body[1].value["page"].specific == theme
