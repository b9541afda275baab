"""The home app's signal handlers, connected by HomeConfig.ready(): make an image's renditions in the background
when it is uploaded or changed, and those of the images a page uses when it is published (home/renditions.py)."""

from django.db.models.signals import post_save
from wagtail.images import get_image_model
from wagtail.models import ReferenceIndex
from wagtail.signals import page_published

from home.renditions import queue_renditions


def connect():
    post_save.connect(image_saved, sender=get_image_model())
    page_published.connect(page_published_with_images)


def image_saved(sender, instance, raw=False, **kwargs):
    """A new image, a new file or a new focal point (which moves the crops): queue_renditions makes what is
    missing and leaves an unchanged image alone."""
    if not raw:
        queue_renditions([instance])


def page_published_with_images(sender, instance, **kwargs):
    """The images the published page uses, read from the page itself as Wagtail's reference index reads them: the
    index may not be up to date yet (the worker updates it)."""
    Image = get_image_model()
    image_type = ReferenceIndex._get_base_content_type(Image).pk
    references = ReferenceIndex._extract_references_from_object(instance)
    image_ids = {object_id for content_type_id, object_id, *_paths in references if content_type_id == image_type}
    if image_ids:
        queue_renditions(Image.objects.filter(pk__in=image_ids))
