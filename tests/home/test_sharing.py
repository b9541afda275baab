"""Sharing: OpenGraph and X cards, canonical URLs, Schema.org Article JSON-LD and share links without scripts."""

import json
from datetime import UTC, datetime
from urllib.parse import quote

import pytest

from stories.models import StoryBuurtmaker
from tests import factories
from tests.helpers import background_work_done, get_page, soup

pytestmark = pytest.mark.django_db

PUBLISHED = datetime(2024, 5, 14, 9, 30, tzinfo=UTC)
UPDATED = datetime(2024, 6, 1, 15, 0, tzinfo=UTC)


def meta(response):
    """The page's <meta property|name=...> tags as a dict of their content."""
    return {
        tag.get("property") or tag.get("name"): tag["content"]
        for tag in soup(response).head.find_all("meta")
        if tag.get("property") or tag.get("name")
    }


def canonical(response):
    return soup(response).head.find("link", rel="canonical")["href"]


def structured_data(response):
    """The page's JSON-LD objects, parsed."""
    return [json.loads(script.string) for script in soup(response).find_all("script", type="application/ld+json")]


def article(response):
    (data,) = structured_data(response)
    return data


def uploaded_image(**kwargs):
    """An image large enough to share (1200x630), whose renditions the background worker has made."""
    with background_work_done():
        return factories.ImageFactory(file__width=1200, file__height=630, **kwargs)


@pytest.fixture
def story(region, theme, site_tree):
    draft_theme = factories.ThemeHubPageFactory(parent=site_tree.themes, title="Concepthema", live=False)
    return factories.PracticeStoryPageFactory(
        parent=region,
        title="Soep & brood: wat werkt?",
        slug="soep-en-brood",
        intro="Hoe een pan soep de buurt weer bij elkaar bracht.",
        listing_summary="Een pan soep bracht de buurt bij elkaar.",
        themes=[theme, draft_theme],
        municipality=region.municipalities.get(name="Nieuwegein"),
        author=factories.CorrespondentProfileFactory(name="Joris Verbeek", region=region),
        listing_image=uploaded_image(title="Lange tafel in de buurtkamer"),
        buurtmakers=[StoryBuurtmaker(name="Fatima El Amrani")],
        first_published_at=PUBLISHED,
        last_published_at=UPDATED,
    )


@pytest.fixture
def knowledge(site_tree, theme):
    return factories.KnowledgePageFactory(
        parent=site_tree.knowledge,
        title="Asset Based Community Development",
        intro="Begin bij wat een buurt al heeft.",
        author_name="John McKnight",
        themes=[theme],
        first_published_at=PUBLISHED,
        last_published_at=UPDATED,
    )


# OpenGraph and X cards ------------------------------------------------------------------------------


def test_story_card_with_a_large_image(client, story):
    response = get_page(client, story)
    tags = meta(response)
    image_url = tags["og:image"]

    assert tags["og:type"] == "article"
    assert tags["og:title"] == tags["twitter:title"] == "Soep & brood: wat werkt?"
    assert tags["og:description"] == tags["twitter:description"] == tags["description"]
    assert tags["description"] == "Een pan soep bracht de buurt bij elkaar."
    assert tags["og:url"] == canonical(response) == "http://localhost/regios/utrecht/soep-en-brood/"
    assert image_url.startswith("http://localhost/media/images/") and ".fill-1200x630" in image_url
    assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")
    assert tags["og:image:alt"] == tags["twitter:image:alt"] == "Lange tafel in de buurtkamer"
    assert tags["twitter:card"] == "summary_large_image"
    assert tags["twitter:image"] == image_url
    assert tags["article:published_time"] == "2024-05-14T11:30:00+02:00"
    assert tags["article:modified_time"] == "2024-06-01T17:00:00+02:00"


def test_the_social_image_wins_over_the_listing_image(client, story):
    story.social_image = uploaded_image(title="Soep in de pan")
    story.save()

    tags = meta(get_page(client, story))

    assert tags["og:image:alt"] == "Soep in de pan"
    assert tags["og:image"] == "http://localhost" + story.social_image.get_rendition("fill-1200x630").url


def test_card_without_an_image_is_a_summary(client, site_tree, theme):
    tags = meta(get_page(client, theme))

    assert tags["og:type"] == "website"
    assert tags["twitter:card"] == "summary"
    assert tags["twitter:title"] == "Eenzaamheid"
    assert not {"og:image", "og:image:alt", "twitter:image", "article:published_time"} & set(tags)


def test_knowledge_page_is_an_article_card(client, knowledge):
    tags = meta(get_page(client, knowledge))

    assert tags["og:type"] == "article"
    assert tags["twitter:card"] == "summary"
    assert tags["article:published_time"] == "2024-05-14T11:30:00+02:00"


def test_canonical_url_never_carries_query_parameters(client, story, knowledge, home):
    for page in (story, knowledge, home):
        response = client.get(page.url, {"pagina": "2", "regio": "utrecht", "utm_source": "nieuwsbrief"})

        assert canonical(response) == meta(response)["og:url"] == page.get_full_url()
        assert "?" not in canonical(response)


# Schema.org JSON-LD -------------------------------------------------------------------------------


def test_story_article(client, story, theme):
    response = get_page(client, story)
    data = article(response)

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Article"
    assert data["headline"] == "Soep & brood: wat werkt?"
    assert data["description"] == "Een pan soep bracht de buurt bij elkaar."
    assert data["datePublished"] == "2024-05-14T09:30:00Z"
    assert data["dateModified"] == "2024-06-01T15:00:00Z"
    assert data["inLanguage"] == "nl"
    assert data["url"] == data["mainEntityOfPage"]["@id"] == canonical(response)
    assert data["mainEntityOfPage"]["@type"] == "WebPage"
    assert data["author"] == {"@type": "Person", "name": "Joris Verbeek"}
    assert data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["name"] == "Buurtwijs"
    assert data["publisher"]["url"] == "http://localhost/"
    assert data["publisher"]["logo"]["url"] == "http://localhost/static/img/favicon.svg"
    assert data["image"] == {"@type": "ImageObject", "url": meta(response)["og:image"], "width": 1200, "height": 630}
    assert data["about"] == [{"@type": "Thing", "name": "Eenzaamheid", "url": theme.get_full_url()}]  # no draft theme
    assert data["contentLocation"]["@type"] == "AdministrativeArea"
    assert data["contentLocation"]["name"] == "Nieuwegein"


def test_story_by_the_central_team_is_by_the_organisation(client, site_tree):
    story = factories.PracticeStoryPageFactory(parent=site_tree.stories, title="Het buurtfonds")

    data = article(get_page(client, story))

    assert data["author"]["@type"] == "Organization"
    assert data["author"]["name"] == "Buurtwijs"
    assert "contentLocation" not in data and "image" not in data
    assert data["about"] == []


def test_knowledge_article_names_its_author(client, knowledge, theme):
    data = article(get_page(client, knowledge))

    assert data["@type"] == "Article"
    assert data["headline"] == "Asset Based Community Development"
    assert data["author"] == {"@type": "Person", "name": "John McKnight"}
    assert data["about"] == [{"@type": "Thing", "name": "Eenzaamheid", "url": theme.get_full_url()}]
    assert "contentLocation" not in data


def test_knowledge_article_without_author_is_by_the_organisation(client, knowledge):
    knowledge.author_name = ""
    knowledge.save_revision().publish()

    assert article(get_page(client, knowledge))["author"]["name"] == "Buurtwijs"


def test_regional_news_is_a_news_article(client, region):
    news = factories.RegionalNewsPageFactory(
        parent=region,
        title="Buurtkamer verhuist",
        municipality=region.municipalities.get(name="Utrecht"),
        author=factories.CorrespondentProfileFactory(name="Anouk de Wit", region=region),
    )

    response = get_page(client, news)
    data = article(response)

    assert meta(response)["og:type"] == "article"
    assert (data["@type"], data["headline"]) == ("NewsArticle", "Buurtkamer verhuist")
    assert data["author"] == {"@type": "Person", "name": "Anouk de Wit"}
    assert data["contentLocation"]["name"] == "Utrecht"
    assert "about" not in data


def test_a_title_cannot_break_out_of_the_json(client, site_tree):
    title = "</script><script>alert(1)</script> & <!-- soep"
    story = factories.PracticeStoryPageFactory(parent=site_tree.stories, title=title, listing_summary="<b>vet</b>")

    response = get_page(client, story)
    html = response.content.decode()
    data = article(response)

    assert data["headline"] == title
    assert data["description"] == "<b>vet</b>"
    assert "<script>alert(1)" not in html
    assert "\\u003C/script\\u003E" in html
    scripts = [(script.get("type"), script.get("src")) for script in soup(response).find_all("script")]
    assert scripts == [("application/ld+json", None), (None, "/static/js/bereik.js")]  # and Bereik's own file


def test_pages_that_are_not_articles_have_no_json_ld(client, site_tree, theme, region):
    for page in (site_tree.home, site_tree.stories, theme, region):
        assert structured_data(get_page(client, page)) == []


# Share links ---------------------------------------------------------------------------------------


def share_links(response):
    """The share component's links as {accessible name: href}."""
    share = soup(response).find("aside", class_="share")
    assert share is not None, "the page has no share links"
    return {" ".join(a.get_text(" ").split()): a["href"] for a in share.find_all("a")}


def test_share_links_are_url_encoded_and_say_what_they_do(client, story):
    response = get_page(client, story)
    url = quote(story.get_full_url(), safe="")
    title = quote("Soep & brood: wat werkt?", safe="")

    assert share_links(response) == {
        "Deel op Facebook": f"https://www.facebook.com/sharer/sharer.php?u={url}",
        "Deel op LinkedIn": f"https://www.linkedin.com/sharing/share-offsite/?url={url}",
        "Deel op WhatsApp": f"https://wa.me/?text={title}%20{url}",
        "Deel op X": f"https://x.com/intent/post?url={url}&text={title}",
        "Deel per E-mail": f"mailto:?subject={title}&body={url}",
    }
    assert title == "Soep%20%26%20brood%3A%20wat%20werkt%3F"
    # Nothing is loaded from the services until a reader clicks; the one script is Bereik's, from this site.
    assert [script["src"] for script in soup(response).find_all("script", src=True)] == ["/static/js/bereik.js"]
    assert not soup(response).find_all("iframe")


def test_knowledge_pages_can_be_shared_too(client, knowledge):
    response = get_page(client, knowledge)

    links = share_links(response)
    assert set(links) == {"Deel op Facebook", "Deel op LinkedIn", "Deel op WhatsApp", "Deel op X", "Deel per E-mail"}
    assert links["Deel op Facebook"].endswith(quote(knowledge.get_full_url(), safe=""))
    assert soup(response).find(id="delen-kop").get_text(strip=True) == "Deel deze kennis"
