"""Images are served as <picture>: AVIF and WebP sources and a JPEG fallback, each with a srcset; width and height
set (no layout shift); lazy unless the image is the first thing a visitor sees; renditions prefetched in listings."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image

from tests import factories
from tests.helpers import get_page, soup

pytestmark = pytest.mark.django_db

CARD_SIZES = "(min-width: 64em) 22rem, (min-width: 40em) 45vw, 100vw"


def photo(**kwargs):
    """A landscape photo, large enough for every rendition the templates ask for."""
    return factories.ImageFactory(file__width=1600, file__height=900, **kwargs)


def srcset_widths(srcset):
    """The width descriptors of a srcset ("a.jpg 400w, b.jpg 800w" gives [400, 800])."""
    return [int(candidate.split()[1].rstrip("w")) for candidate in srcset.split(",")]


def assert_picture(picture, widths, sizes):
    """AVIF, then WebP, then the JPEG <img> fallback, each offering ``widths``; the img carries the smallest."""
    sources = picture.find_all("source")
    assert [source["type"] for source in sources] == ["image/avif", "image/webp"]
    for source, extension in zip(sources, (".avif", ".webp"), strict=True):
        assert srcset_widths(source["srcset"]) == widths
        assert all(candidate.split()[0].endswith(extension) for candidate in source["srcset"].split(","))
        assert source["sizes"] == sizes
    img = picture.find("img")
    assert img["src"].endswith(".jpg")
    assert srcset_widths(img["srcset"]) == widths
    assert img["sizes"] == sizes
    assert int(img["width"]) == widths[0]
    return img


@pytest.fixture
def stories(site_tree, theme):
    """Three stories about ``theme`` with a listing image each, the newest first."""
    return [
        factories.PracticeStoryPageFactory(
            parent=site_tree.stories,
            title=f"Verhaal {n}",
            themes=[theme],
            listing_image=photo(),
            first_published_at=factories.days_ago(n),
        )
        for n in range(3)
    ]


def test_story_cards_show_a_picture_in_three_formats_lazily(client, site_tree, stories):
    cards = soup(get_page(client, site_tree.stories)).select(".story-card")

    assert len(cards) == 3
    for card in cards:
        img = assert_picture(card.select_one(".card__image picture"), [400, 800], CARD_SIZES)
        assert (img["width"], img["height"]) == ("400", "225")
        assert img["alt"] == ""  # decorative: the title next to it names the story
        assert img["loading"] == "lazy" and img["fetchpriority"] == "auto"


def test_the_first_story_on_the_home_page_loads_first(client, site_tree, stories):
    images = soup(get_page(client, site_tree.home)).select(".story-card img")

    assert [(img["loading"], img["fetchpriority"]) for img in images] == [
        ("eager", "high"),
        ("lazy", "auto"),
        ("lazy", "auto"),
    ]


def test_image_block_shows_a_picture_with_its_alt_text(client, site_tree, theme):
    image = photo(title="Koffieochtend")
    story = factories.PracticeStoryPageFactory(
        parent=site_tree.stories,
        themes=[theme],
        body=[("image", {"image": image, "alt_text": "Bewoners drinken koffie aan een lange tafel", "caption": ""})],
    )

    figure = soup(get_page(client, story)).select_one("figure.figure")

    img = assert_picture(figure.find("picture"), [480, 800, 1200, 1600], "(min-width: 48em) 44rem, 100vw")
    assert (img["width"], img["height"]) == ("480", "270")
    assert img["alt"] == "Bewoners drinken koffie aan een lange tafel"
    assert img["loading"] == "lazy"
    assert "figure__image" in img["class"]


def test_correspondent_photo_is_a_small_picture(client, region):
    factories.CorrespondentProfileFactory(region=region, name="Joris Verbeek", photo=photo())

    card = soup(get_page(client, region)).select_one(".person-card")

    img = assert_picture(card.find("picture"), [160, 320], "5.5rem")
    assert (img["width"], img["height"]) == ("160", "160")
    assert img["alt"] == "" and img["loading"] == "lazy"


def test_renditions_are_encoded_as_avif_webp_and_jpeg(client, site_tree, stories):
    get_page(client, site_tree.stories)

    image = stories[0].listing_image
    formats = {}
    for rendition in image.renditions.all():
        with rendition.file.open("rb") as file, Image.open(file) as encoded:
            formats[rendition.filter_spec] = (encoded.format, encoded.size)
    assert formats == {
        "fill-400x225|format-avif": ("AVIF", (400, 225)),
        "fill-400x225|format-webp": ("WEBP", (400, 225)),
        "fill-400x225|format-jpeg": ("JPEG", (400, 225)),
        "fill-800x450|format-avif": ("AVIF", (800, 450)),
        "fill-800x450|format-webp": ("WEBP", (800, 450)),
        "fill-800x450|format-jpeg": ("JPEG", (800, 450)),
    }


def story_index_queries(client, site_tree):
    get_page(client, site_tree.stories)  # renders once, so every rendition exists
    cache.clear()  # Wagtail also keeps renditions in the cache: the listing must find them without it
    with CaptureQueriesContext(connection) as queries:
        get_page(client, site_tree.stories)
    return len(queries)


@pytest.mark.usefixtures("render_every_time")
def test_story_index_costs_the_same_queries_for_3_and_12_cards(client, site_tree, theme):
    def add_stories(count):
        for _ in range(count):
            factories.PracticeStoryPageFactory(parent=site_tree.stories, themes=[theme], listing_image=photo())

    add_stories(3)
    with_3 = story_index_queries(client, site_tree)
    add_stories(9)
    with_12 = story_index_queries(client, site_tree)

    assert len(soup(client.get(site_tree.stories.url)).select(".story-card picture")) == 12
    assert with_12 == with_3
