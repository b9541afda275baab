"""sitemap.xml lists the live, public pages; robots.txt keeps crawlers out of the admin and search and points to it."""

import xml.etree.ElementTree as ET

import pytest
from wagtail.models import PageViewRestriction

from tests import factories

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own response, not untrusted input
    assert root.tag == f"{SITEMAP}urlset"
    return [url.findtext(f"{SITEMAP}loc") for url in root.findall(f"{SITEMAP}url")]


def test_sitemap_lists_live_public_pages_only(client, site_tree, theme, region):
    story = factories.PracticeStoryPageFactory(parent=region, title="Soep op woensdag", themes=[theme])
    draft = factories.PracticeStoryPageFactory(parent=region, title="Concept", themes=[theme], live=False)
    private = factories.PracticeStoryPageFactory(parent=site_tree.stories, title="Besloten", themes=[theme])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="geheim")

    locations = sitemap_locations(client)

    for page in (site_tree.home, site_tree.stories, site_tree.themes, theme, region, story):
        assert page.get_full_url() in locations
    assert all(location.startswith("http://localhost/") for location in locations)
    assert draft.get_full_url() not in locations
    assert private.get_full_url() not in locations
    assert len(locations) == len(set(locations))


def test_robots_txt(client, home):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Allow: /" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /zoeken/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_robots_txt_sitemap_follows_the_request_host(client, home):
    response = client.get("/robots.txt", HTTP_HOST="www.buurtwijs.nl", secure=True)

    assert "Sitemap: https://www.buurtwijs.nl/sitemap.xml" in response.content.decode().splitlines()
