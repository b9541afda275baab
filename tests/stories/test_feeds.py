"""RSS and Atom feeds: all stories, per theme and per region; only live, public stories, newest first."""

import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import pytest
from django.utils.dateparse import parse_datetime
from wagtail.models import PageViewRestriction

from stories.feeds import FEED_SIZE
from tests import factories
from tests.helpers import get_page, heading, soup

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
DC_CREATOR = "{http://purl.org/dc/elements/1.1/}creator"


@pytest.fixture
def other_theme(site_tree):
    return factories.ThemeHubPageFactory(parent=site_tree.themes, title="Armoede")


@pytest.fixture
def stories(site_tree, theme, other_theme, region, other_region):
    """Three live stories in different places and themes, a draft and a private story that must never show."""
    author = factories.CorrespondentProfileFactory(name="Joris Verbeek", region=region)
    soep = factories.PracticeStoryPageFactory(
        parent=region,
        title="Soep op woensdag",
        listing_summary="Een pan soep bracht de buurt bij elkaar.",
        themes=[theme],
        author=author,
        first_published_at=factories.days_ago(3),
    )
    wandelen = factories.PracticeStoryPageFactory(
        parent=other_region,
        title="Wandelen met de buurt",
        themes=[theme, other_theme],
        first_published_at=factories.days_ago(1),
    )
    buurtfonds = factories.PracticeStoryPageFactory(
        parent=site_tree.stories, title="Het buurtfonds", themes=[other_theme], first_published_at=factories.days_ago(2)
    )
    factories.PracticeStoryPageFactory(
        parent=region, title="Concept", themes=[theme, other_theme], live=False, first_published_at=None
    )
    private = factories.PracticeStoryPageFactory(
        parent=region, title="Besloten verhaal", themes=[theme, other_theme], first_published_at=factories.days_ago(0)
    )
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="geheim")
    return {"soep": soep, "wandelen": wandelen, "buurtfonds": buurtfonds}


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return response


def rss(client, url):
    """The channel of an RSS 2.0 feed, after checking its structure and content type."""
    response = fetch(client, url)
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own response, not untrusted input
    assert root.tag == "rss"
    assert root.get("version") == "2.0"
    channels = root.findall("channel")
    assert len(channels) == 1
    channel = channels[0]
    for required in ("title", "link", "description"):
        assert channel.findtext(required), f"the channel has no {required}"
    for item in channel.findall("item"):
        for required in ("title", "link", "description", "pubDate", "guid", DC_CREATOR):
            assert item.findtext(required), f"an item has no {required}"
    return channel


def atom(client, url):
    """The root of an Atom 1.0 feed, after checking its structure and content type."""
    response = fetch(client, url)
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own response, not untrusted input
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert root.findtext(f"{ATOM}{required}"), f"the feed has no {required}"
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == f"http://testserver{url}"
    for entry in root.findall(f"{ATOM}entry"):
        for required in ("id", "title", "updated", "published", "summary"):
            assert entry.findtext(f"{ATOM}{required}"), f"an entry has no {required}"
        assert entry.findtext(f"{ATOM}author/{ATOM}name")
        assert entry.find(f"{ATOM}link[@rel='alternate']").get("href")
    return root


def rss_items(channel):
    return [(item.findtext("title"), item.findtext("link")) for item in channel.findall("item")]


def atom_entries(root):
    return [
        (entry.findtext(f"{ATOM}title"), entry.find(f"{ATOM}link[@rel='alternate']").get("href"))
        for entry in root.findall(f"{ATOM}entry")
    ]


def expected(*stories):
    """(title, absolute URL) of each story, in the given order."""
    return [(story.title, story.get_full_url()) for story in stories]


def test_all_stories_rss(client, stories):
    channel = rss(client, "/feeds/verhalen/rss/")

    assert channel.findtext("title") == "Buurtwijs — praktijkverhalen"
    assert channel.findtext("link") == "http://localhost/praktijkverhalen/"
    assert channel.findtext("language") == "nl"
    assert rss_items(channel) == expected(stories["wandelen"], stories["buurtfonds"], stories["soep"])
    assert all(link.startswith("http://localhost/") for _, link in rss_items(channel))


def test_rss_item_fields(client, stories, theme):
    channel = rss(client, "/feeds/verhalen/rss/")
    soep = channel.findall("item")[2]
    wandelen = channel.findall("item")[0]

    assert soep.findtext("description") == "Een pan soep bracht de buurt bij elkaar."
    assert soep.findtext(DC_CREATOR) == "Joris Verbeek"
    assert parsedate_to_datetime(soep.findtext("pubDate")) == stories["soep"].first_published_at.replace(microsecond=0)
    assert [c.text for c in soep.findall("category")] == ["Eenzaamheid"]
    assert wandelen.findtext(DC_CREATOR) == "Centrale redactie"
    assert wandelen.findtext("description") == stories["wandelen"].intro
    assert [c.text for c in wandelen.findall("category")] == ["Armoede", "Eenzaamheid"]


def test_all_stories_atom(client, stories):
    root = atom(client, "/feeds/verhalen/atom/")

    assert root.findtext(f"{ATOM}title") == "Buurtwijs — praktijkverhalen"
    assert root.findtext(f"{ATOM}subtitle")
    assert atom_entries(root) == expected(stories["wandelen"], stories["buurtfonds"], stories["soep"])
    soep = root.findall(f"{ATOM}entry")[2]
    assert soep.findtext(f"{ATOM}summary") == "Een pan soep bracht de buurt bij elkaar."
    assert soep.findtext(f"{ATOM}author/{ATOM}name") == "Joris Verbeek"
    assert parse_datetime(soep.findtext(f"{ATOM}published")) == stories["soep"].first_published_at
    assert [c.get("term") for c in soep.findall(f"{ATOM}category")] == ["Eenzaamheid"]


def test_theme_feeds_list_only_that_theme(client, stories, theme, other_theme):
    channel = rss(client, f"/feeds/themas/{theme.slug}/rss/")
    assert channel.findtext("title") == "Buurtwijs — praktijkverhalen over Eenzaamheid"
    assert channel.findtext("link") == theme.get_full_url()
    assert rss_items(channel) == expected(stories["wandelen"], stories["soep"])

    root = atom(client, f"/feeds/themas/{other_theme.slug}/atom/")
    assert root.findtext(f"{ATOM}title") == "Buurtwijs — praktijkverhalen over Armoede"
    assert atom_entries(root) == expected(stories["wandelen"], stories["buurtfonds"])


def test_region_feeds_list_only_that_region(client, stories, region, other_region):
    channel = rss(client, f"/feeds/regios/{region.slug}/rss/")
    assert channel.findtext("title") == "Buurtwijs — praktijkverhalen uit regio Utrecht"
    assert channel.findtext("link") == region.get_full_url()
    assert rss_items(channel) == expected(stories["soep"])

    root = atom(client, f"/feeds/regios/{other_region.slug}/atom/")
    assert root.findtext(f"{ATOM}title") == "Buurtwijs — praktijkverhalen uit regio Groningen"
    assert atom_entries(root) == expected(stories["wandelen"])


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_drafts_and_private_stories_never_appear(client, stories, theme, region, kind):
    for url in (
        f"/feeds/verhalen/{kind}/",
        f"/feeds/themas/{theme.slug}/{kind}/",
        f"/feeds/regios/{region.slug}/{kind}/",
    ):
        content = fetch(client, url).content.decode()
        assert "Concept" not in content
        assert "Besloten verhaal" not in content


def test_empty_feed_is_valid(client, site_tree, theme):
    assert rss_items(rss(client, f"/feeds/themas/{theme.slug}/rss/")) == []
    assert atom_entries(atom(client, "/feeds/verhalen/atom/")) == []


@pytest.mark.parametrize(
    ("url", "known"),
    [
        ("/feeds/themas/bestaat-niet/rss/", "/feeds/themas/eenzaamheid/rss/"),
        ("/feeds/themas/bestaat-niet/atom/", "/feeds/themas/eenzaamheid/atom/"),
        ("/feeds/regios/bestaat-niet/rss/", "/feeds/regios/utrecht/rss/"),
        ("/feeds/regios/bestaat-niet/atom/", "/feeds/regios/utrecht/atom/"),
        ("/feeds/themas/utrecht/rss/", "/feeds/regios/utrecht/rss/"),  # a region's slug is not a theme
        ("/feeds/regios/eenzaamheid/atom/", "/feeds/themas/eenzaamheid/atom/"),  # nor a theme's slug a region
    ],
)
def test_unknown_slug_is_404(client, stories, theme, region, url, known):
    response = client.get(url)

    assert response.status_code == 404
    assert heading(response) == "Deze pagina bestaat niet (meer)"
    # The feed of a theme or region that does exist (for a slug in the wrong place: its own feed) lists its story.
    listed = rss_items(rss(client, known)) if known.endswith("/rss/") else atom_entries(atom(client, known))
    assert (stories["soep"].title, stories["soep"].get_full_url()) in listed


def test_draft_theme_has_no_feed(client, site_tree, region):
    draft = factories.ThemeHubPageFactory(parent=site_tree.themes, title="Wonen", live=False)
    story = factories.PracticeStoryPageFactory(parent=region, title="Samen wonen", themes=[draft])

    response = client.get(f"/feeds/themas/{draft.slug}/rss/")

    assert response.status_code == 404
    assert heading(response) == "Deze pagina bestaat niet (meer)"
    # Published, the same theme has its feed, with its story.
    draft.save_revision().publish()
    channel = rss(client, f"/feeds/themas/{draft.slug}/rss/")
    assert channel.findtext("title") == "Buurtwijs — praktijkverhalen over Wonen"
    assert rss_items(channel) == expected(story)


def test_feed_holds_the_newest_stories(client, site_tree, theme):
    for n in range(FEED_SIZE + 2, 0, -1):
        factories.PracticeStoryPageFactory(
            parent=site_tree.stories, title=f"Verhaal {n}", themes=[theme], first_published_at=factories.days_ago(n)
        )

    titles = [title for title, _ in rss_items(rss(client, "/feeds/verhalen/rss/"))]

    assert titles == [f"Verhaal {n}" for n in range(1, FEED_SIZE + 1)]


def test_pages_link_to_their_feeds(client, stories, site_tree, theme, region):
    def alternates(page):
        return {link["href"] for link in soup(get_page(client, page)).find_all("link", rel="alternate")}

    assert alternates(site_tree.home) == {"/feeds/verhalen/rss/", "/feeds/verhalen/atom/"}
    assert f"/feeds/themas/{theme.slug}/rss/" in alternates(theme)
    assert f"/feeds/themas/{theme.slug}/atom/" in alternates(theme)
    assert f"/feeds/regios/{region.slug}/rss/" in alternates(region)
    assert f"/feeds/regios/{region.slug}/atom/" in alternates(region)


# Query budget ------------------------------------------------------------------------------------

FEED_QUERY_BUDGET = 6  # the page it is about, site root paths, the stories, their themes (+ restriction checks)


@pytest.mark.parametrize("count", [3, 30])
@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feed_query_budget_holds_at_any_size(
    client, site_tree, theme, region, django_assert_max_num_queries, count, kind
):
    author = factories.CorrespondentProfileFactory(region=region)
    other_theme = factories.ThemeHubPageFactory(parent=site_tree.themes, title="Armoede")
    for n in range(count):
        factories.PracticeStoryPageFactory(
            parent=region, themes=[theme, other_theme], author=author, first_published_at=factories.days_ago(n)
        )

    for url in (
        f"/feeds/verhalen/{kind}/",
        f"/feeds/themas/{theme.slug}/{kind}/",
        f"/feeds/regios/{region.slug}/{kind}/",
    ):
        with django_assert_max_num_queries(FEED_QUERY_BUDGET):
            content = fetch(client, url).content
        assert content.count(b"Correspondent") == min(count, FEED_SIZE)
