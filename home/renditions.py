"""Image renditions are made in the background, never while a reader waits.

``SPECS`` names every set of renditions the site shows. Templates ask for a set by its name
(``{% renditions image "card" … %}``, home/templatetags/rendition_tags.py), the share image and the API too, and
``make_renditions`` makes every set: what a template can show, the task makes.

When they are made (``queue_renditions``, after the commit; each version of an image at most once per
``QUEUED_FOR``): when an image is uploaded or changed (a new focal point changes the crops) and when a page is
published (the images it uses), both in home/signal_handlers.py; and when a page is shown with an image whose
renditions are missing, e.g. after a deploy that added a set.

Until then a page shows the renditions that exist, or a placeholder of the right size (an original is never
public): the page renders at once and never fails, also when the original is missing or broken. Once the task has
made them, the pages that show the image are purged (``stories.purging.purge_pages_and_listings``), as a cache
may keep the version with the placeholder.
"""

import hashlib
import logging
from collections import defaultdict
from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django_tasks import task
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Page, ReferenceIndex

from stories.purging import purge_pages_and_listings

logger = logging.getLogger(__name__)

SPECS = {
    # Story and gathering cards: AVIF and WebP where the browser takes them, JPEG otherwise.
    "card": "fill-{400x225,800x450}|format-{avif,webp,jpeg}",
    # Correspondents' photos.
    "portrait": "fill-{160x160,320x320}|format-{avif,webp,jpeg}",
    # Image blocks in a page's body.
    "body": "max-{480x480,800x800,1200x1200,1600x1600}|format-{avif,webp,jpeg}",
    # Partner logos on the partners page and on a gathering's page.
    "logo": "max-240x120",
    "small_logo": "max-160x60",
    # Facebook, LinkedIn and X show 1.91:1 images; 1200x630 is the size they ask for.
    "share": "fill-1200x630",
    # The API's listing_image (docs/api.md): the larger JPEG of the cards.
    "api_listing": "fill-800x450|format-jpeg",
}
FILTERS = {name: [Filter(spec) for spec in Filter.expand_spec(pattern)] for name, pattern in SPECS.items()}
ALL_FILTERS = list(dict.fromkeys(spec_filter for filters in FILTERS.values() for spec_filter in filters))

# How long a queued image is not queued again: long enough that readers arriving before the worker is done add
# nothing, short enough that a task lost with a stopped worker is queued again by the next reader.
QUEUED_FOR = 15 * 60


def existing_renditions(image, name):
    """{spec: rendition} of the set ``name`` that exist for ``image``, in the set's order: from the prefetched
    renditions (``prefetch_related("…image__renditions")``), else Wagtail's rendition cache, else one query.
    Queues the image when any is missing."""
    wanted = FILTERS[name]
    found = image.find_existing_renditions(*wanted)
    # Found in the database: keep them in the cache for the next request, as Image.get_renditions() does.
    Rendition = image.get_rendition_model()
    from_database = {
        Rendition.construct_cache_key(image, spec_filter.get_cache_key(image), spec_filter.spec): rendition
        for spec_filter, rendition in found.items()
        if not getattr(rendition, "_from_cache", False)
    }
    if from_database:
        Rendition.cache_backend.set_many(from_database)
    if len(found) < len(wanted):
        queue_renditions([image])
    return {spec_filter.spec: found[spec_filter] for spec_filter in wanted if spec_filter in found}


def existing_rendition(image, name):
    """The one rendition of the set ``name`` (a set of one spec), or None until it is made."""
    return next(iter(existing_renditions(image, name).values()), None)


def placeholder_size(image, name):
    """(width, height) of the first rendition of the set, worked out from the image's stored size alone."""
    if not (image.width and image.height):
        return None
    return FILTERS[name][0].get_transform(image).size


def queue_renditions(images):
    """Make every set of renditions of these images in the background, once the current transaction commits."""
    versions = {version_key(image): image.pk for image in images if image.pk}
    if versions:
        transaction.on_commit(partial(_enqueue, versions))


def version_key(image):
    """The image as its renditions see it: its file and its focal point (the crops follow it)."""
    focal_point = (image.focal_point_x, image.focal_point_y, image.focal_point_width, image.focal_point_height)
    version = hashlib.sha256(f"{image.file.name}:{focal_point}".encode()).hexdigest()[:16]
    return f"renditions-queued:{image.pk}:{version}"


def _enqueue(versions):
    new = [image_id for key, image_id in versions.items() if cache.add(key, True, timeout=QUEUED_FOR)]
    if new:
        make_renditions.enqueue(sorted(set(new)))


# Below the default priority: the purges and the search and reference indexes of a publication go first.
@task(priority=-10)
def make_renditions(image_ids):
    """Make the renditions of every set in SPECS that these images lack, then purge the pages that show the images
    that got new ones. An image whose original is missing or broken is logged and left out."""
    made = []
    for image in get_image_model().objects.filter(pk__in=image_ids):
        existing = image.find_existing_renditions(*ALL_FILTERS)
        missing = [spec_filter for spec_filter in ALL_FILTERS if spec_filter not in existing]
        if not missing:
            continue
        try:
            # Files and rows only: the site caches the renditions it shows when it first finds them.
            image.create_renditions(*missing)
        except OSError as error:  # SourceImageIOError (no file), or a file Pillow cannot read
            logger.warning("No renditions for image %s (%s): %s", image.pk, image.file.name, error)
            continue
        made.append(image)
    if made:
        purge_pages_and_listings(pages_showing(made))


def pages_showing(images):
    """The live pages that show these images: the pages that use one (listing, social or body image: Wagtail's
    reference index), and the pages that an object using one names with its ``pages_showing()`` (a correspondent's
    photo, a partner's logo)."""
    references = ReferenceIndex.objects.filter(
        to_content_type=ReferenceIndex._get_base_content_type(get_image_model()),
        to_object_id__in=[str(image.pk) for image in images],
    )
    users = defaultdict(set)  # content type id: primary keys of the objects that use an image
    for content_type_id, object_id in references.values_list("content_type", "object_id").distinct():
        users[content_type_id].add(object_id)
    page_ids = set()
    for content_type_id, object_ids in users.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:  # a model that is gone
            continue
        if issubclass(model, Page):
            page_ids.update(int(object_id) for object_id in object_ids)
            continue
        for user in model.objects.filter(pk__in=object_ids):
            if named_pages := getattr(user, "pages_showing", None):
                page_ids.update(named_pages().values_list("pk", flat=True))
    return Page.objects.live().filter(pk__in=page_ids).specific()
