"""Images are served as <picture>: AVIF and WebP sources and a JPEG fallback, each with a srcset; width and height
set (no layout shift); lazy unless the image is the first thing a visitor sees; renditions prefetched in listings.

The renditions are made in the background (home/renditions.py): when an image is uploaded or changed, when a page
that uses it is published, or when a reader first sees it. Until then the page shows a placeholder of the same size,
fast and without fail, and once they are made the pages that show the image are purged.
"""

from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image
from wagtail.images.rect import Rect

from community.partners import PartnerIndexPage
from home.renditions import ALL_FILTERS, make_renditions
from stories.models import PracticeStoryPage
from tests import factories
from tests.helpers import background_work_done, get_page, post_new_page, soup, story_form_data, text
from tests.test_caching import purged  # noqa: F401 -- a fixture

pytestmark = pytest.mark.django_db

CARD_SIZES = "(min-width: 64em) 22rem, (min-width: 40em) 45vw, 100vw"
BODY_SIZES = "(min-width: 48em) 44rem, 100vw"
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def photo(width=1600, height=900, **kwargs):
    """A landscape photo, large enough for every rendition the templates ask for (the cards need 800x450), just
    uploaded: the worker has not made its renditions yet."""
    return factories.ImageFactory(file__width=width, file__height=height, **kwargs)


def uploaded_photo(**kwargs):
    """A photo whose renditions the worker has made."""
    with background_work_done():
        return photo(**kwargs)


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


def assert_placeholder(img, width, height):
    """An empty image of the size the rendition will have: nothing to download, the original never shown."""
    assert "image-pending" in img["class"]
    assert img["src"].startswith("data:image/svg+xml,")
    assert (img["width"], img["height"]) == (str(width), str(height))
    assert not img.get("srcset")
    assert img.find_parent("picture") is None or not img.find_parent("picture").find_all("source")


@pytest.fixture
def stories(site_tree, theme):
    """Three stories about ``theme`` with a listing image each, the newest first."""
    return [
        factories.PracticeStoryPageFactory(
            parent=site_tree.stories,
            title=f"Verhaal {n}",
            themes=[theme],
            listing_image=uploaded_photo(width=800, height=450),
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
    image = uploaded_photo(title="Koffieochtend")
    story = factories.PracticeStoryPageFactory(
        parent=site_tree.stories,
        themes=[theme],
        body=[("image", {"image": image, "alt_text": "Bewoners drinken koffie aan een lange tafel", "caption": ""})],
    )

    figure = soup(get_page(client, story)).select_one("figure.figure")

    img = assert_picture(figure.find("picture"), [480, 800, 1200, 1600], BODY_SIZES)
    assert (img["width"], img["height"]) == ("480", "270")
    assert img["alt"] == "Bewoners drinken koffie aan een lange tafel"
    assert img["loading"] == "lazy"
    assert "figure__image" in img["class"]


def test_correspondent_photo_is_a_small_picture(client, region):
    factories.CorrespondentProfileFactory(region=region, name="Joris Verbeek", photo=uploaded_photo())

    card = soup(get_page(client, region)).select_one(".person-card")

    img = assert_picture(card.find("picture"), [160, 320], "5.5rem")
    assert (img["width"], img["height"]) == ("160", "160")
    assert img["alt"] == "" and img["loading"] == "lazy"


def test_an_upload_gets_every_rendition_the_templates_show_encoded_as_avif_webp_and_jpeg():
    image = uploaded_photo()

    formats = {}
    for rendition in image.renditions.all():
        with rendition.file.open("rb") as file, Image.open(file) as encoded:
            formats[rendition.filter_spec] = (encoded.format, encoded.size)
    assert set(formats) == {spec_filter.spec for spec_filter in ALL_FILTERS}
    assert {spec: formats[spec] for spec in formats if spec.startswith("fill-400x225|")} == {
        "fill-400x225|format-avif": ("AVIF", (400, 225)),
        "fill-400x225|format-webp": ("WEBP", (400, 225)),
        "fill-400x225|format-jpeg": ("JPEG", (400, 225)),
    }
    assert formats["max-1600x1600|format-avif"] == ("AVIF", (1600, 900))
    assert formats["fill-1200x630"] == ("JPEG", (1200, 630))


def test_a_page_shows_placeholders_until_the_renditions_are_made_then_the_pictures(client, site_tree, theme):
    image = photo(title="Koffieochtend")  # uploaded, and the worker has not come round yet
    story = factories.PracticeStoryPageFactory(
        parent=site_tree.stories,
        title="Koffie in de buurtkamer",
        themes=[theme],
        listing_image=image,
        body=[("image", {"image": image, "alt_text": "Bewoners drinken koffie aan een lange tafel", "caption": ""})],
    )

    with background_work_done():  # the first reader queues what is missing; the worker makes it
        first_index = get_page(client, site_tree.stories)
        first_story = get_page(client, story)

    card = soup(first_index).select_one(".story-card .card__image")
    assert_placeholder(card.find("img"), 400, 225)
    assert card.find("img")["alt"] == ""
    figure = soup(first_story).select_one("figure.figure")
    assert_placeholder(figure.find("img"), 480, 270)
    assert figure.find("img")["alt"] == "Bewoners drinken koffie aan een lange tafel"
    assert "og:image" not in first_story.content.decode()  # no share image yet: a link shared now has none
    for response in (first_index, first_story):
        assert "/original_images/" not in response.content.decode()  # originals are never public

    # Positive control: once the worker is done, the same pages show the pictures.
    assert_picture(soup(get_page(client, site_tree.stories)).select_one(".story-card picture"), [400, 800], CARD_SIZES)
    later = get_page(client, story)
    assert_picture(soup(later).select_one("figure.figure picture"), [480, 800, 1200, 1600], BODY_SIZES)
    assert 'property="og:image"' in later.content.decode()


def test_a_new_focal_point_gets_new_crops(client, site_tree, stories):
    image = stories[0].listing_image
    before = soup(get_page(client, site_tree.stories)).select_one(".story-card img")["src"]

    with background_work_done():
        image.set_focal_point(Rect(0, 0, 200, 200))
        image.save()

    after = soup(get_page(client, site_tree.stories)).select_one(".story-card img")["src"]
    assert after != before and after.endswith(".jpg")  # a rendition of the new crop, not a placeholder


def test_publishing_a_page_makes_the_renditions_of_its_images(admin_client, region, theme):
    image = photo()  # uploaded, and the worker has not come round yet
    municipality = region.municipalities.get(name="Nieuwegein")
    data = story_form_data(theme, listing_image=str(image.pk), municipality=str(municipality.pk))
    assert not image.renditions.exists()

    with background_work_done():
        response = post_new_page(admin_client, PracticeStoryPage, region, data)

    assert response.status_code == 302, "the add view refused the story"
    assert PracticeStoryPage.objects.get(listing_image=image).live
    assert image.renditions.count() == len(ALL_FILTERS)


@pytest.mark.parametrize("damage", ["missing", "not an image"])
def test_a_missing_or_broken_original_never_breaks_a_page(client, site_tree, theme, damage, caplog):
    image = photo()
    if damage == "missing":
        image.file.storage.delete(image.file.name)
    else:
        with image.file.storage.open(image.file.name, "wb") as file:
            file.write(b"geen foto")
    story = factories.PracticeStoryPageFactory(parent=site_tree.stories, themes=[theme], listing_image=image)

    with background_work_done():  # the worker tries, logs and gives up
        first = get_page(client, site_tree.stories)
    later = get_page(client, story)

    assert_placeholder(soup(first).select_one(".story-card img"), 400, 225)
    assert_placeholder(soup(get_page(client, site_tree.stories)).select_one(".story-card img"), 400, 225)
    assert story.title in text(later)
    assert f"No renditions for image {image.pk}" in caplog.text
    assert not image.renditions.exists()


def test_renditions_made_in_the_background_purge_the_pages_that_show_the_image(
    purged,  # noqa: F811 -- the fixture
    site_tree,
    region,
    theme,
):
    # Each image is uploaded and shown before the worker comes round: pages may be cached with placeholders.
    image, portrait, logo, unrelated = (factories.ImageFactory() for _ in range(4))
    story = factories.PracticeStoryPageFactory(parent=region, slug="soep", themes=[theme], listing_image=image)
    factories.CorrespondentProfileFactory(region=region, photo=portrait)
    partner_page = site_tree.home.add_child(instance=PartnerIndexPage(title="Partners", slug="partners"))
    event_index = factories.EventIndexPageFactory(parent=site_tree.home)
    event = factories.EventPageFactory(parent=event_index, partners=[factories.PartnerFactory(logo=logo)])
    purged()

    make_renditions.enqueue([unrelated.pk])
    assert unrelated.renditions.exists()
    assert purged() == set(), "an image that no page shows purges nothing"

    make_renditions.enqueue([image.pk])
    assert {story.full_url, region.full_url, site_tree.stories.full_url, theme.full_url} <= purged()

    make_renditions.enqueue([portrait.pk])
    assert region.full_url in purged()

    make_renditions.enqueue([logo.pk])
    assert {event.full_url, partner_page.full_url} <= purged()

    make_renditions.enqueue([image.pk, portrait.pk, logo.pk])
    assert purged() == set(), "renditions that were there already purge nothing"


def story_index_queries(client, site_tree):
    get_page(client, site_tree.stories)  # warm up
    cache.clear()  # Wagtail also keeps renditions in the cache: the listing must find them without it
    with CaptureQueriesContext(connection) as queries:
        get_page(client, site_tree.stories)
    return len(queries)


@pytest.mark.usefixtures("render_every_time")
@pytest.mark.parametrize("renditions_made", [True, False], ids=["pictures", "placeholders"])
def test_story_index_costs_the_same_queries_for_3_and_12_cards(client, site_tree, theme, renditions_made):
    def add_stories(count):
        for _ in range(count):
            image = factories.ImageFactory()
            if renditions_made:
                make_renditions.enqueue([image.pk])
            factories.PracticeStoryPageFactory(parent=site_tree.stories, themes=[theme], listing_image=image)

    add_stories(3)
    with_3 = story_index_queries(client, site_tree)
    add_stories(9)
    with_12 = story_index_queries(client, site_tree)

    cards = soup(client.get(site_tree.stories.url)).select(".story-card picture")
    assert len(cards) == 12
    assert all(bool(card.find_all("source")) == renditions_made for card in cards)
    assert with_12 == with_3


def test_templates_show_images_only_through_the_named_sets():
    """Wagtail's own image tags would make renditions while the reader waits, and the background task would not
    know their sizes: every template uses {% renditions image "name" %} (home/renditions.py)."""
    wagtail_tags = ("{% image ", "{% picture ", "{% srcset_image ", "wagtailimages_tags")
    offenders = [
        str(path.relative_to(TEMPLATES))
        for path in TEMPLATES.rglob("*.html")
        if any(tag in path.read_text() for tag in wagtail_tags)
    ]
    assert offenders == []
    assert "{% renditions " in (TEMPLATES / "components" / "story_card.html").read_text()  # the check finds tags
