"""``{% renditions image "card" sizes="…" alt="" … %}``: an image as one of the named sets of home/renditions.py.

A set of several formats is a <picture> (AVIF, WebP, then the JPEG <img>, each with a srcset), a set of one spec an
<img>. Only renditions that exist are shown, so rendering never waits for image processing and never fails: until
the background task has made them (the tag queues it), the <img> is a placeholder of the same size with the same
attributes, which the stylesheet tints (.image-pending).
"""

from urllib.parse import quote

from django import template
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.images.models import Picture

from home.renditions import FILTERS, existing_renditions, placeholder_size

register = template.Library()


@register.simple_tag
def renditions(image, name, **attrs):
    if not image:
        return ""
    if name not in FILTERS:
        raise template.TemplateSyntaxError(f"No set of renditions named {name!r} in home/renditions.py")
    found = existing_renditions(image, name)
    if not found:
        pending = placeholder(image, name, attrs)
        return format_html("<picture>{}</picture>", pending) if len(FILTERS[name]) > 1 else pending
    if len(FILTERS[name]) == 1:
        return next(iter(found.values())).img_tag(attrs)
    found, attrs = distinct_widths(found), dict(attrs)
    if len(found) == len({file_format(rendition) for rendition in found.values()}):
        attrs.pop("sizes", None)  # one width per format: no srcset to choose from (Wagtail writes none)
    return Picture(found, attrs).__html__()


def file_format(rendition):
    return rendition.file.name.rsplit(".", 1)[-1]


def distinct_widths(found):
    """{spec: rendition} with one rendition per format and width: an original smaller than the set's sizes gives
    renditions of the same width, and a srcset may name a width only once."""
    kept, seen = {}, set()
    for spec, rendition in found.items():
        if (file_format(rendition), rendition.width) not in seen:
            seen.add((file_format(rendition), rendition.width))
            kept[spec] = rendition
    return kept


def placeholder(image, name, attrs):
    """An empty image of the size the first rendition will have: the page keeps its layout until it is there."""
    attrs = {**attrs, "class": " ".join(filter(None, [attrs.get("class"), "image-pending"]))}
    attrs.setdefault("alt", image.default_alt_text)
    attrs.pop("sizes", None)  # nothing to choose from yet
    size = placeholder_size(image, name)
    if size:
        width, height = size
        attrs.update(width=width, height=height)
        svg = f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {width} {height}'/>"
    else:
        svg = "<svg xmlns='http://www.w3.org/2000/svg'/>"
    attrs["src"] = "data:image/svg+xml," + quote(svg)
    return mark_safe(f"<img{flatatt(attrs)}>")  # noqa: S308 -- flatatt escapes every attribute
