"""The partners page (community/partners.py): every partner organisation with its logo, website, upcoming gatherings
and stories; one per site, under the home page, linked from every page's footer."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import nested_form_data, rich_text

from community.partners import STORIES_PER_PARTNER, PartnerIndexPage
from tests import factories
from tests.helpers import background_work_done, get_page, heading, links, post_new_page, soup, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner_page(home):
    return home.add_child(
        instance=PartnerIndexPage(
            title="Partners", slug="partners", intro="<p>Met deze organisaties werken we samen.</p>"
        )
    )


@pytest.fixture
def event_index(home):
    return factories.EventIndexPageFactory(parent=home)


def partner_section(response, partner):
    """One partner's part of the page: its <article>."""
    article = soup(response).find("article", attrs={"aria-labelledby": f"partner-{partner.pk}"})
    assert article is not None, f"{partner.name} is not on the page"
    return article


def section_text(response, partner):
    return " ".join(partner_section(response, partner).get_text(" ").split())


def test_lists_every_partner_alphabetically(client, partner_page):
    for name in ("Wijkteam Noord", "de Buurtvaders", "Énergiecoöperatie Zonnig Midden", "Bibliotheek De Boekenbrug"):
        factories.PartnerFactory(name=name)

    response = get_page(client, partner_page)

    assert heading(response) == "Partners"
    assert "Met deze organisaties werken we samen." in text(response)
    names = [h2.get_text(strip=True) for h2 in soup(response).select("article.partner h2")]
    assert names == ["Bibliotheek De Boekenbrug", "de Buurtvaders", "Énergiecoöperatie Zonnig Midden", "Wijkteam Noord"]


def test_shows_logo_description_and_website(client, partner_page):
    with background_work_done():  # the logo is uploaded and the worker has made its renditions
        logo = factories.ImageFactory()
    with_logo = factories.PartnerFactory(
        name="Voedselbank De Brug",
        url="https://www.example.org/de-brug",
        description="Lokale voedselbank die ook doorverwijst naar schuldhulp.",
        logo=logo,
    )
    plain = factories.PartnerFactory(name="Huurdersvereniging De Sleutel", url="", description="", logo=None)

    response = get_page(client, partner_page)

    section = partner_section(response, with_logo)
    logo = section.find("img")
    assert logo["alt"] == "Voedselbank De Brug"
    assert "/original_images/" not in logo["src"] and "/images/" in logo["src"]  # a rendition, never the original
    assert "Lokale voedselbank die ook doorverwijst naar schuldhulp." in section_text(response, with_logo)
    website = section.find("a", href="https://www.example.org/de-brug")
    assert website.get_text(strip=True) == "Naar de website van Voedselbank De Brug"
    assert "noopener" in website["rel"]
    assert partner_section(response, plain).find("img") is None
    assert partner_section(response, plain).find("a") is None


def test_shows_upcoming_live_public_gatherings_of_each_partner(client, partner_page, event_index, region):
    brug, sleutel = factories.PartnerFactory(name="De Brug"), factories.PartnerFactory(name="De Sleutel")
    houten = factories.MunicipalityFactory(region=region, name="Houten")
    start = datetime.datetime(2030, 3, 14, 19, 30, tzinfo=zoneinfo.ZoneInfo("Europe/Amsterdam"))
    soon = factories.EventPageFactory(
        parent=event_index,
        title="Buurtavond over armoede",
        partners=[brug],
        municipality=houten,
        start=start,
        end=start + datetime.timedelta(hours=2),
    )
    factories.EventPageFactory(parent=event_index, title="Alleen met De Sleutel", partners=[sleutel])
    factories.EventPageFactory(
        parent=event_index,
        title="Al geweest",
        partners=[brug],
        start=factories.days_ago(10),
        end=factories.days_ago(10) + datetime.timedelta(hours=2),
    )
    factories.EventPageFactory(parent=event_index, title="Concept", partners=[brug], live=False)
    private = factories.EventPageFactory(parent=event_index, title="Besloten", partners=[brug])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    response = get_page(client, partner_page)

    brug_text = section_text(response, brug)
    assert "Komende bijeenkomsten" in brug_text
    assert "Buurtavond over armoede" in brug_text and "Houten" in brug_text
    assert "donderdag 14 maart 2030, 19.30–21.30 uur" in brug_text and "Buurthuis De Boog, Houten" in brug_text
    for left_out in ("Al geweest", "Concept", "Besloten", "Alleen met De Sleutel"):
        assert left_out not in brug_text
    assert ("Buurtavond over armoede", soon.url) in links(response)
    assert "Alleen met De Sleutel" in section_text(response, sleutel)


def test_shows_the_newest_live_stories_of_each_partner(client, partner_page, site_tree, theme):
    busy, quiet = factories.PartnerFactory(name="Wijkteam Noord"), factories.PartnerFactory(name="Repair Café")
    stories = [
        factories.PracticeStoryPageFactory(
            parent=site_tree.stories,
            title=f"Verhaal {n}",
            themes=[theme],
            partners=[busy],
            first_published_at=factories.days_ago(n),
        )
        for n in range(STORIES_PER_PARTNER + 2)
    ]
    factories.PracticeStoryPageFactory(
        parent=site_tree.stories, title="Concept", themes=[theme], partners=[busy, quiet], live=False
    )
    only = factories.PracticeStoryPageFactory(
        parent=site_tree.stories, title="Spullen repareren", themes=[theme], partners=[quiet]
    )

    response = get_page(client, partner_page)

    busy_links = [title for title, _href in links_in(response, busy)]
    assert busy_links == ["Naar de website van Wijkteam Noord"] + [s.title for s in stories[:STORIES_PER_PARTNER]]
    assert f"Dit zijn de nieuwste {STORIES_PER_PARTNER} verhalen met Wijkteam Noord." in section_text(response, busy)
    quiet_text = section_text(response, quiet)
    assert "Spullen repareren" in quiet_text and "Concept" not in quiet_text and "nieuwste" not in quiet_text
    assert ("Spullen repareren", only.url) in links_in(response, quiet)


def links_in(response, partner):
    """Every link in one partner's part of the page, as (text, href), in order."""
    return [
        (" ".join(a.get_text(" ").split()), a.get("href")) for a in partner_section(response, partner).find_all("a")
    ]


def test_without_partners_says_so(client, partner_page):
    response = get_page(client, partner_page)

    assert "Er staan nog geen partners op Buurtwijs." in text(response)


def fill(event_index, site_tree, theme, partner_count, per_partner, first=0):
    for n in range(first, first + partner_count):
        partner = factories.PartnerFactory(logo=factories.ImageFactory())
        for m in range(per_partner):
            factories.EventPageFactory(parent=event_index, title=f"Bijeenkomst {n}-{m}", partners=[partner])
            factories.PracticeStoryPageFactory(
                parent=site_tree.stories, title=f"Verhaal {n}-{m}", themes=[theme], partners=[partner]
            )


def test_costs_the_same_queries_with_few_and_many_partners(
    client, partner_page, event_index, site_tree, theme, django_assert_max_num_queries
):
    fill(event_index, site_tree, theme, partner_count=1, per_partner=1)
    with background_work_done():  # warm up: the worker makes the logo renditions the first view queued
        client.get(partner_page.url)
    with django_assert_max_num_queries(100) as few:
        client.get(partner_page.url)

    fill(event_index, site_tree, theme, partner_count=8, per_partner=STORIES_PER_PARTNER + 2, first=1)
    with background_work_done():
        client.get(partner_page.url)
    with django_assert_max_num_queries(100) as many:
        response = client.get(partner_page.url)

    assert len(soup(response).select("article.partner")) == 9
    assert "Bijeenkomst 8-6" in text(response)
    assert len(many) == len(few), "the partners page costs a query per partner, gathering or story"


# The page in the tree and the footer -------------------------------------------------------------


def test_superuser_creates_the_one_partners_page(admin_client, home):
    data = nested_form_data({"title": "Partners", "slug": "partners", "intro": rich_text("<p>Samen sterk.</p>")})

    response = post_new_page(admin_client, PartnerIndexPage, home, data)

    assert response.status_code == 302
    page = PartnerIndexPage.objects.get(slug="partners")
    assert page.live and page.get_parent().pk == home.pk
    assert PartnerIndexPage.can_create_at(home) is False  # one partners page per site
    assert not PartnerIndexPage.can_create_at(factories.StoryIndexPageFactory(parent=home))


def test_every_page_links_to_the_partners_page_in_its_footer(client, partner_page, site_tree):
    response = get_page(client, site_tree.stories)

    footer = soup(response).find("footer")
    assert footer.find("a", href=partner_page.url).get_text(strip=True) == "Partners"
    search_footer = soup(client.get(reverse("search"))).find("footer")
    assert search_footer.find("a", href=partner_page.url) is not None
