"""`manage.py setup_site` on a database that has only been migrated, as a first deploy has it.

Run it on PostgreSQL too: DATABASE_URL=postgres://… pytest tests/test_setup_site.py.
"""

import io
import re

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from wagtail.models import GroupPagePermission, Page, Revision, Site, WorkflowPage
from wagtail.test.utils.form_data import nested_form_data, rich_text

from correspondents.chain.provisioning import CENTRAL_TEAM
from correspondents.models import Municipality, RegionPage
from home.models import HomePage, InformationPage, SiteSettings
from operations.site_setup import SECTION_MODELS, WELCOME_PAGE_TITLE
from stories.models import PracticeStoryPage
from tests import factories
from tests.helpers import (
    CONSENT,
    approve,
    get_page,
    heading,
    links,
    post_new_page,
    soup,
    story_form_data,
    submit_new_page,
    text,
)

pytestmark = pytest.mark.django_db

SECTION_TITLES = {
    "/": "Buurtwijs",
    "/praktijkverhalen/": "Praktijkverhalen",
    "/themas/": "Thema's",
    "/kennis/": "Kennis",
    "/regios/": "Regio's",
    "/kennisplein/": "Kennisplein",
    "/bijeenkomsten/": "Bijeenkomsten",
    "/partners/": "Partners",
    "/deel-je-verhaal/": "Deel je verhaal",
    "/toegankelijkheid/": "Toegankelijkheid",
    "/privacy/": "Privacyverklaring",
}


def setup_site(**options):
    out = io.StringIO()
    call_command("setup_site", stdout=out, **options)
    return out.getvalue()


def state():
    """What setup_site writes, to compare two runs."""
    return {
        "pages": list(Page.objects.order_by("path").values_list("path", "title", "live", "latest_revision_id")),
        "revisions": Revision.objects.count(),
        "sites": list(Site.objects.values_list("hostname", "port", "site_name", "root_page_id", "is_default_site")),
        "settings": list(SiteSettings.objects.values_list("footer_text")),
        "groups": list(Group.objects.order_by("name").values_list("name", flat=True)),
        "page permissions": GroupPagePermission.objects.count(),
        "workflow pages": list(WorkflowPage.objects.values_list("page_id", "workflow__name")),
    }


def test_a_migrated_database_shows_wagtails_welcome_page_until_setup_site_builds_the_dutch_site():
    assert Page.objects.filter(title=WELCOME_PAGE_TITLE).exists()  # what migrate leaves

    output = setup_site(hostname="https://buurtwijs.example")

    assert not Page.objects.filter(title=WELCOME_PAGE_TITLE).exists()
    site = Site.objects.get()
    assert (site.hostname, site.port, site.site_name, site.root_page.specific_class) == (
        "buurtwijs.example",
        443,
        "Buurtwijs",
        HomePage,
    )
    assert "Created and published: Privacyverklaring (/privacy/)" in output
    client = Client()
    for path, title in SECTION_TITLES.items():
        response = client.get(path)
        assert response.status_code == 200, path
        assert soup(response).html["lang"] == "nl"
        assert heading(response) == title
    # Every section is there, one of each, live.
    for model in SECTION_MODELS.values():
        assert model.objects.live().count() == 1
    # The statements are linked from every page's footer, and say what they are about.
    footer = soup(client.get("/kennis/")).find("footer")
    footer_links = {a.get_text(strip=True): a["href"] for a in footer.find_all("a")}
    assert footer_links["Toegankelijkheid"] == "/toegankelijkheid/"
    assert footer_links["Privacyverklaring"] == "/privacy/"
    privacy = text(client.get("/privacy/"))
    for subject in ("Je verhaal insturen", "Reageren", "Aanmelden voor een bijeenkomst", "Volgen en bereik"):
        assert subject in privacy
    assert "Hoe lang:" in privacy and "verwijderen" in privacy
    assert "[e-mailadres van de redactie]" in privacy  # to complete: no address was given


def test_the_address_comes_from_the_base_url_and_the_statements_name_who_to_mail(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://www.buurtwijs.example"

    setup_site(organisation="Stichting Buurtwijs", contact_email="privacy@buurtwijs.example")

    site = Site.objects.get()
    assert (site.hostname, site.port, site.root_url) == ("www.buurtwijs.example", 443, "https://www.buurtwijs.example")
    privacy = Client().get("/privacy/")
    assert ("privacy@buurtwijs.example", "mailto:privacy@buurtwijs.example") in links(privacy)
    assert "Stichting Buurtwijs beheert Buurtwijs" in text(privacy)
    assert "[" not in str(InformationPage.objects.get(slug="privacy").body).replace("[termijn", "")


def test_a_second_run_changes_nothing_and_leaves_what_the_editors_changed():
    setup_site(hostname="buurtwijs.example")
    privacy = InformationPage.objects.get(slug="privacy")
    privacy.title = "Privacy en cookies"
    privacy.save_revision().publish()
    site_settings = SiteSettings.objects.get()
    site_settings.footer_text = "Van de redactie."
    site_settings.save()
    before = state()

    output = setup_site(hostname="buurtwijs.example")

    assert state() == before
    assert "Site already set up; nothing changed." in output
    # Positive control: a section that was deleted comes back, and only that.
    Page.objects.get(url_path="/buurtwijs/kennisplein/").delete()
    output = setup_site(hostname="buurtwijs.example")
    assert "Created and published: Kennisplein (/kennisplein/)" in output
    after = state()
    assert sorted(row[1:3] for row in after["pages"]) == sorted(row[1:3] for row in before["pages"])
    assert after["revisions"] == before["revisions"]  # the deleted section's revision went with it


def locations(sitemap):
    return re.findall(r"<loc>([^<]*)</loc>", sitemap.content.decode())


def test_sitemap_and_feeds_carry_the_configured_host(client):
    setup_site(hostname="https://buurtwijs.example")
    story_index = Page.objects.get(url_path="/buurtwijs/praktijkverhalen/")
    story = factories.PracticeStoryPageFactory(parent=story_index, title="Soep op woensdag", slug="soep")
    story.save_revision().publish()

    family_sitemaps = locations(client.get("/sitemap.xml"))
    assert family_sitemaps and all(url.startswith("https://buurtwijs.example/") for url in family_sitemaps)
    page_urls = [url for sitemap in family_sitemaps for url in locations(client.get(sitemap[25:]))]
    assert "https://buurtwijs.example/praktijkverhalen/soep/" in page_urls
    assert "https://buurtwijs.example/privacy/" in page_urls
    assert not [url for url in page_urls if "localhost" in url or "testserver" in url]
    feed = client.get("/feeds/verhalen/rss/").content.decode()
    assert "<link>https://buurtwijs.example/praktijkverhalen/soep/</link>" in feed
    assert "localhost" not in feed


def test_a_correspondents_story_walks_the_chain_to_live_on_the_site_setup_site_built(client):
    setup_site(hostname="https://buurtwijs.example")
    admin = factories.UserFactory(is_superuser=True, is_staff=True)
    central_editor = factories.UserFactory(groups=[Group.objects.get(name=CENTRAL_TEAM)])
    regions_index = Page.objects.get(url_path="/buurtwijs/regios/")
    themes_index = Page.objects.get(url_path="/buurtwijs/themas/")

    # The administrator opens a region in the admin: it gets its team at once.
    client.force_login(admin)
    region_data = nested_form_data({"title": "Utrecht", "slug": "utrecht", "intro": rich_text("")})
    response = post_new_page(client, RegionPage, regions_index, region_data)
    assert response.status_code == 302
    utrecht = RegionPage.objects.get(slug="utrecht")
    theme = factories.ThemeHubPageFactory(parent=themes_index, title="Eenzaamheid")
    theme.save_revision().publish()
    municipality = Municipality.objects.create(name="Nieuwegein", region=utrecht)
    correspondent = factories.UserFactory(groups=[utrecht.correspondents_group])
    regional_editor = factories.UserFactory(groups=[utrecht.editors_group])

    client.force_login(correspondent)
    response = submit_new_page(
        client, PracticeStoryPage, utrecht, story_form_data(theme, municipality=str(municipality.pk), **CONSENT)
    )
    assert response.status_code == 302
    story = PracticeStoryPage.objects.get(slug="soep-op-woensdag")
    assert Client().get("/regios/utrecht/soep-op-woensdag/").status_code == 404

    client.force_login(regional_editor)
    approve(client, story)
    assert not PracticeStoryPage.objects.get(pk=story.pk).live
    client.force_login(central_editor)
    approve(client, story)

    story = PracticeStoryPage.objects.get(pk=story.pk)
    assert story.live and story.full_url == "https://buurtwijs.example/regios/utrecht/soep-op-woensdag/"
    response = get_page(Client(), story)
    assert heading(response) == "Soep op woensdag"
