"""sitemap.xml is a sitemap index of a sitemap per page family (core/sitemaps.py); together they list the live,
public pages, each once. robots.txt keeps crawlers out of the admin and search and points to the index."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from core import sitemaps
from tests import factories

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def xml(client, path, root_tag):
    response = client.get(path)
    assert response.status_code == 200, path
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own response, not untrusted input
    assert root.tag == f"{SITEMAP}{root_tag}"
    return root


def index_locations(client):
    """The sitemaps that sitemap.xml lists."""
    return [entry.findtext(f"{SITEMAP}loc") for entry in xml(client, "/sitemap.xml", "sitemapindex")]


def family_sitemaps(client):
    """{sitemap location: [the page locations it lists]}, for every sitemap in the index."""
    return {
        location: [url.findtext(f"{SITEMAP}loc") for url in xml(client, urlsplit(location).path, "urlset")]
        for location in index_locations(client)
    }


def test_the_sitemaps_list_live_public_pages_only_each_once(client, site_tree, theme, region):
    story = factories.PracticeStoryPageFactory(parent=region, title="Soep op woensdag", themes=[theme])
    draft = factories.PracticeStoryPageFactory(parent=region, title="Concept", themes=[theme], live=False)
    private = factories.PracticeStoryPageFactory(parent=site_tree.stories, title="Besloten", themes=[theme])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="geheim")

    listed = family_sitemaps(client)
    locations = [location for pages in listed.values() for location in pages]

    for page in (site_tree.home, site_tree.stories, site_tree.themes, theme, region, story):
        assert page.get_full_url() in locations
    assert all(location.startswith("http://localhost/") for location in [*listed, *locations])
    assert draft.get_full_url() not in locations
    assert private.get_full_url() not in locations
    assert len(locations) == len(set(locations))
    # A sitemap per page family: the overviews together, stories, themes and regions each on their own, numbered by
    # the ids of their pages (which PostgreSQL does not reuse between tests).
    families = [urlsplit(location).path.rsplit("-", 1)[0] for location in listed]
    assert list(dict.fromkeys(families)) == [
        "/sitemap-hoofdpaginas",
        "/sitemap-regios",
        "/sitemap-themas",
        "/sitemap-praktijkverhalen",
    ]
    for page in (site_tree.home, region, theme, story):
        assert page.get_full_url() in listed["http://localhost" + sitemaps.section_path(page)]
    assert listed["http://localhost" + sitemaps.section_path(story)] == [story.get_full_url()]


def test_index_gives_each_sitemap_the_last_change_of_its_pages(client, site_tree, region):
    older = factories.PracticeStoryPageFactory(parent=region, title="Eerder", last_published_at=factories.days_ago(9))
    newer = factories.PracticeStoryPageFactory(parent=region, title="Later", last_published_at=factories.days_ago(2))
    index = xml(client, "/sitemap.xml", "sitemapindex")

    stories = next(entry for entry in index if entry.findtext(f"{SITEMAP}loc").endswith(sitemaps.section_path(newer)))
    assert sitemaps.section_path(older) == sitemaps.section_path(newer)  # ids of one test are far below SITEMAP_SIZE

    assert stories.findtext(f"{SITEMAP}lastmod") == timezone.localtime(newer.last_published_at).isoformat()
    assert older.last_published_at < newer.last_published_at


def test_a_family_is_split_by_id_and_a_page_stays_in_its_sitemap(client, site_tree, region, monkeypatch):
    """No sitemap holds more than SITEMAP_SIZE ids; a page's sitemap is given by its id, so publishing or
    unpublishing other pages never moves it (and the purge map knows which sitemap to purge)."""
    monkeypatch.setattr(sitemaps, "SITEMAP_SIZE", 2)
    stories = [factories.PracticeStoryPageFactory(parent=region, title=f"Verhaal {n}") for n in range(5)]
    last = stories[-1]

    before = family_sitemaps(client)
    stories[0].unpublish()
    after = family_sitemaps(client)

    story_sitemaps = {location: pages for location, pages in before.items() if "praktijkverhalen" in location}
    assert len(story_sitemaps) >= 3
    assert all(len(pages) <= 2 for pages in before.values())
    assert sorted(page for pages in story_sitemaps.values() for page in pages) == sorted(
        story.get_full_url() for story in stories
    )
    holding_last = f"http://localhost{sitemaps.section_path(last)}"
    assert last.get_full_url() in before[holding_last]
    assert after[holding_last] == before[holding_last]
    assert stories[0].get_full_url() not in [page for pages in after.values() for page in pages]


def test_unknown_and_empty_sitemaps_are_not_found(client, site_tree, region):
    story = factories.PracticeStoryPageFactory(parent=region, title="Soep op woensdag")

    assert client.get(sitemaps.section_path(story)).status_code == 200
    assert client.get("/sitemap-praktijkverhalen-999999.xml").status_code == 404
    assert client.get("/sitemap-onzin-0.xml").status_code == 404


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
