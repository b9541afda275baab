"""Search and social metadata for the public templates: description, share image, absolute URLs and
Schema.org JSON-LD for articles (practice stories, knowledge pages, regional news)."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from wagtail.models import Site

from correspondents.regions import RegionalNewsPage
from home.renditions import existing_rendition
from stories.models import KnowledgePage, PracticeStoryPage, ThemeHubPage

register = template.Library()

SITE_NAME = "Buurtwijs"
DESCRIPTION_LENGTH = 300
# Page types that are articles, with their Schema.org type.
ARTICLE_TYPES = {PracticeStoryPage: "Article", KnowledgePage: "Article", RegionalNewsPage: "NewsArticle"}
# What Django's json_script escapes: "</script>" or "<!--" in a title must stay text inside the <script> element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def page_description(page):
    """The description for search engines and shared links: the search description, else the listing summary."""
    if not page:
        return ""
    return page.search_description or Truncator(getattr(page, "summary", "")).chars(DESCRIPTION_LENGTH)


@register.simple_tag
def share_image(page):
    """The rendition shown when the page is shared: its social image, else its listing image; None without one,
    and until the background task has made it (home/renditions.py)."""
    image = (getattr(page, "social_image", None) or getattr(page, "listing_image", None)) if page else None
    if image is None:
        return None
    return existing_rendition(image, "share")


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """An absolute URL on the site's own host (as canonical URLs are), for media and static paths."""
    return _absolute_url(context.get("request"), url)


@register.filter
def is_article(page):
    return type(page) in ARTICLE_TYPES


@register.simple_tag(takes_context=True)
def structured_data(context, page, image=None):
    """A <script type="application/ld+json"> with the page's Schema.org Article, or nothing for other pages.

    ``image`` is the page's share_image rendition, so the card and the article name the same picture.
    """
    if type(page) not in ARTICLE_TYPES:
        return ""
    data = article_data(context.get("request"), page, image)
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308 -- escaped above


def article_data(request, page, image):
    url = page.get_full_url(request)
    published = page.first_published_at
    data = {
        "@context": "https://schema.org",
        "@type": ARTICLE_TYPES[type(page)],
        "headline": page.title,
        "description": page_description(page),
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "inLanguage": "nl",
        "datePublished": published,
        "dateModified": page.last_published_at or published,
        "author": _author(request, page),
        "publisher": _organisation(request),
    }
    if image is not None:
        data["image"] = {
            "@type": "ImageObject",
            "url": _absolute_url(request, image.url),
            "width": image.width,
            "height": image.height,
        }
    if hasattr(page, "themes"):
        # By primary key: in the editor's preview the themes are the form's, not yet in the database.
        themes = ThemeHubPage.objects.filter(pk__in=[theme.pk for theme in page.themes.all()])
        data["about"] = [
            {"@type": "Thing", "name": theme.title, "url": theme.get_full_url(request)}
            for theme in themes.live().public().order_by("title")
        ]
    municipality = getattr(page, "municipality", None)
    if municipality is not None:
        data["contentLocation"] = {
            "@type": "AdministrativeArea",
            "name": municipality.name,
            "containedInPlace": {"@type": "Country", "name": "Nederland"},
        }
    return {key: value for key, value in data.items() if value not in (None, "")}


def _author(request, page):
    """A correspondent or a knowledge page's named author is a Person; otherwise the central team wrote it."""
    if hasattr(page, "author_id"):  # a correspondent's profile (stories, regional news)
        name = page.author.name if page.author_id else ""
    else:  # a named author, as on knowledge pages
        name = getattr(page, "author_name", "")
    return {"@type": "Person", "name": name} if name else _organisation(request)


def _organisation(request):
    site_url = _site_root_url(request)
    return {
        "@type": "Organization",
        "@id": f"{site_url}/#organisatie",
        "name": SITE_NAME,
        "url": f"{site_url}/",
        "logo": {"@type": "ImageObject", "url": _absolute_url(request, static("img/favicon.svg"))},
    }


def _site_root_url(request):
    site = Site.find_for_request(request) if request is not None else None
    if site is not None:
        return site.root_url
    return request.build_absolute_uri("/").rstrip("/") if request is not None else ""


def _absolute_url(request, url):
    if not url or not url.startswith("/") or url.startswith("//"):
        return url  # already absolute (media on a CDN), or nothing to do
    return _site_root_url(request) + url
