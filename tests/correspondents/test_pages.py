"""Regions and regional news: served at their URL, showing what a reader expects, creatable in the admin."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from correspondents.chain.provisioning import provision_region
from correspondents.models import CorrespondentProfile, Municipality, RegionalNewsPage, RegionIndexPage, RegionPage
from tests import factories
from tests.helpers import approve, get_page, heading, links, post_new_page, submit_new_page, text

pytestmark = pytest.mark.django_db


def test_region_index_lists_the_regions(client, region, other_region, site_tree):
    response = get_page(client, site_tree.regions)

    assert heading(response) == "Regio's"
    assert {("Utrecht", region.url), ("Groningen", other_region.url)} <= set(links(response))


def test_region_shows_its_stories_news_correspondents_and_municipalities(client, region, other_region):
    nieuwegein = Municipality.objects.get(name="Nieuwegein")
    story = factories.PracticeStoryPageFactory(parent=region, title="Moestuin aan de Lek", municipality=nieuwegein)
    factories.PracticeStoryPageFactory(parent=region, municipality=nieuwegein)
    factories.PracticeStoryPageFactory(parent=region, municipality=nieuwegein, live=False, first_published_at=None)
    news = factories.RegionalNewsPageFactory(parent=region, title="Buurtkamer verhuisd")
    factories.CorrespondentProfileFactory(region=region, name="Joris Verbeek")
    factories.CorrespondentProfileFactory(
        region=region, name="Anouk de Wit", role=CorrespondentProfile.Role.REGIONAL_EDITOR
    )
    factories.CorrespondentProfileFactory(region=other_region, name="Wubbo Smit")

    response = get_page(client, region)
    page_text = text(response)

    assert heading(response) == "Utrecht"
    assert ("Moestuin aan de Lek", story.url) in links(response)
    assert ("Buurtkamer verhuisd", news.url) in links(response)
    assert "Joris Verbeek" in page_text and "Anouk de Wit" in page_text
    assert "Regioredacteur" in page_text
    assert "Wubbo Smit" not in page_text
    assert "Nieuwegein 2 verhalen" in page_text  # the draft does not count
    assert "Utrecht 0 verhalen" in page_text
    assert "Westerkwartier" not in page_text


def test_regional_news_shows_its_text(client, region):
    news = factories.RegionalNewsPageFactory(
        parent=region,
        title="Buurtkamer verhuisd",
        intro="De buurtkamer zit voortaan in de oude bibliotheek.",
        body__0__paragraph__value="<p>Iedereen is welkom op de open dag.</p>",
    )

    response = get_page(client, news)
    page_text = text(response)

    assert heading(response) == "Buurtkamer verhuisd"
    assert "De buurtkamer zit voortaan in de oude bibliotheek." in page_text
    assert "Iedereen is welkom op de open dag." in page_text
    assert news.region == region


def test_superuser_creates_the_region_index(admin_client, home):
    data = nested_form_data({"title": "Regio's", "slug": "regios", "intro": rich_text("<p>Overal in het land.</p>")})

    response = post_new_page(admin_client, RegionIndexPage, home, data)

    assert response.status_code == 302
    page = RegionIndexPage.objects.get()
    assert page.live and page.title == "Regio's" and page.get_parent().pk == home.pk


def test_superuser_creates_a_region(admin_client, site_tree):
    data = nested_form_data(
        {"title": "Twente", "slug": "twente", "intro": rich_text("<p>Van Enschede tot Almelo.</p>")}
    )

    response = post_new_page(admin_client, RegionPage, site_tree.regions, data)

    assert response.status_code == 302
    region = RegionPage.objects.get(slug="twente")
    assert region.live and "Van Enschede tot Almelo." in region.intro
    # Creating the region opens its editorial team: no developer or shell needed.
    assert region.correspondents_group.name == "Correspondenten Twente"
    assert region.editors_group.name == "Regioredactie Twente"
    assert region.collection.name == "Regio Twente"


def test_publishing_a_renamed_region_renames_its_team(admin_client, region):
    provision_region(region)
    data = nested_form_data({"title": "Utrecht en Eemland", "slug": region.slug, "intro": rich_text(region.intro)})
    data["action-publish"] = "action-publish"

    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[region.pk]), data)

    assert response.status_code == 302
    region.refresh_from_db()
    assert region.title == "Utrecht en Eemland"
    assert region.correspondents_group.name == "Correspondenten Utrecht en Eemland"
    assert region.editors_group.name == "Regioredactie Utrecht en Eemland"
    assert region.collection.name == "Regio Utrecht en Eemland"


def news_form_data(author):
    return nested_form_data(
        {
            "title": "Buurtkamer verhuisd",
            "slug": "buurtkamer-verhuisd",
            "intro": "De buurtkamer zit voortaan in de oude bibliotheek.",
            "body": streamfield([("paragraph", rich_text("<p>Iedereen is welkom.</p>"))]),
            "municipality": Municipality.objects.get(name="Nieuwegein").pk,
            "author": author.pk,
        }
    )


def test_central_editor_writes_regional_news_that_goes_live_through_the_chain(client, editorial_teams, region):
    teams = editorial_teams
    author = factories.CorrespondentProfileFactory(region=region, name="Joris Verbeek")
    client.force_login(teams.central_editor)

    response = submit_new_page(client, RegionalNewsPage, region, news_form_data(author))

    assert response.status_code == 302
    news = RegionalNewsPage.objects.get(slug="buurtkamer-verhuisd")
    assert not news.live and news.owner == teams.central_editor
    client.force_login(teams.regional_editor)
    approve(client, news)
    client.force_login(teams.second_central_editor)  # the writer does not approve their own work
    approve(client, news)

    news = RegionalNewsPage.objects.get(slug="buurtkamer-verhuisd")
    assert news.live and news.region == region
    assert news.municipality.name == "Nieuwegein" and news.author == author
    assert news.body[0].block_type == "paragraph"
    assert heading(get_page(client, news)) == "Buurtkamer verhuisd"


def test_central_editors_publish_button_saves_regional_news_as_a_draft(client, editorial_teams, region):
    author = factories.CorrespondentProfileFactory(region=region, name="Joris Verbeek")
    client.force_login(editorial_teams.central_editor)

    response = post_new_page(client, RegionalNewsPage, region, news_form_data(author))

    assert response.status_code == 302
    news = RegionalNewsPage.objects.get(slug="buurtkamer-verhuisd")
    assert not news.live and news.last_published_at is None
    assert news.get_latest_revision().user == editorial_teams.central_editor
    assert not news.workflow_states.exists()  # nothing submitted either
