"""sitemap.xml: a sitemap index, and a sitemap per page family, each in a constant number of queries.

A family is one page type with many pages (stories, themes, regions, ...), named by its plural, or "hoofdpaginas":
the page types with one page each (the home page, the overviews, the Kennisplein). A family's pages are split by id
into sitemaps of at most SITEMAP_SIZE ids each: /sitemap-praktijkverhalen-2.xml holds the live, public stories with
ids 4,000 to 5,999. A page stays in the same sitemap while it lives, however many pages come and go around it, so
publishing it changes (and purges, stories/purging.py) the index and that one sitemap; and no sitemap grows past
SITEMAP_SIZE URLs, far below the protocol's 50,000, so each costs the same on a site of any size. The sitemaps sit
next to sitemap.xml at the root, as the protocol asks of the URLs they list.

Wagtail's own sitemap makes every page a specific object, asks it for its URL and renders a template node per
URL: about a second for 5,000 pages. Here one query reads the URL paths and dates and Python writes the XML. No
page type in this project adds URLs of its own (Wagtail's ``get_sitemap_urls``); one that does needs a family here.
"""

from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Max
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.models import Page, Site, get_page_models

SITEMAP_SIZE = 2000  # ids per sitemap
MAIN_FAMILY = "hoofdpaginas"
XML_START = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
XML_END = "</urlset>\n"


def family_name(model):
    """The sitemap family of a page type: its plural, or MAIN_FAMILY for a type with one page per site."""
    if model is Page or getattr(model, "max_count", None) == 1:
        return MAIN_FAMILY
    return slugify(model._meta.verbose_name_plural)


@cache
def families():
    """{family name: [page models]}, the main family first."""
    grouped = {MAIN_FAMILY: []}
    for model in get_page_models():
        grouped.setdefault(family_name(model), []).append(model)
    return grouped


def family_content_types():
    """{content type id: family name} (content types are cached by Django: no query after the first)."""
    return {
        ContentType.objects.get_for_model(model).pk: name for name, models in families().items() for model in models
    }


def section_path(page):
    """The URL path of the one sitemap that lists ``page``."""
    return reverse("sitemap", kwargs={"family": family_name(page.specific_class), "number": page.pk // SITEMAP_SIZE})


def listed_pages(request):
    """(The live, public pages of the request's site, its Site, its root page's URL path) in three queries."""
    site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
    root = Page.objects.values("path", "url_path").get(pk=site.root_page_id)
    pages = Page.objects.live().public().filter(path__startswith=root["path"])
    return pages, site, root["url_path"]


def last_changed():
    return Coalesce("last_published_at", "latest_revision_created_at")


def index(request):
    """sitemap.xml: the family sitemaps that have pages, each with the last change of its pages."""
    pages, site, _root_path = listed_pages(request)
    rows = (
        pages.order_by()
        .values("content_type_id", number=F("pk") / SITEMAP_SIZE)
        .annotate(last_mod=Max(last_changed()))
        .values_list("content_type_id", "number", "last_mod")
    )
    names = family_content_types()
    sections = {}  # (family, number): the last change of its pages
    for content_type_id, number, last_mod in rows:
        if content_type_id in names:  # not a page type of an app that is gone
            key = (names[content_type_id], number)
            sections[key] = max(filter(None, (sections.get(key), last_mod)), default=None)
    order = list(families())
    sitemaps = [
        {"location": site.root_url + reverse("sitemap", kwargs={"family": name, "number": number}), "last_mod": last}
        for (name, number), last in sorted(sections.items(), key=lambda item: (order.index(item[0][0]), item[0][1]))
    ]
    response = render(request, "sitemap_index.xml", {"sitemaps": sitemaps}, content_type="application/xml")
    response["X-Robots-Tag"] = "noindex, noodp, noarchive"  # as Django's sitemap views say
    return response


def section(request, family, number):
    """One family's live, public pages with ids from number * SITEMAP_SIZE, in id order."""
    if family not in families():
        raise Http404("No such sitemap.")
    pages, site, root_path = listed_pages(request)
    rows = (
        pages.filter(
            content_type__in=[ContentType.objects.get_for_model(model) for model in families()[family]],
            pk__gte=number * SITEMAP_SIZE,
            pk__lt=(number + 1) * SITEMAP_SIZE,
        )
        .order_by("pk")
        .values_list("url_path", last_changed())
    )
    # The page's URL as Wagtail builds it for a page of this site: the site's root URL and the path below its root.
    start = site.root_url + "/"
    urls = "".join(
        f"<url><loc>{escape(start + url_path[len(root_path) :])}</loc>"
        + (f"<lastmod>{last_mod.isoformat(timespec='seconds')}</lastmod>" if last_mod else "")
        + "</url>\n"
        for url_path, last_mod in rows
    )
    if not urls:
        raise Http404("No such sitemap.")
    response = HttpResponse(XML_START + urls + XML_END, content_type="application/xml")
    response["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response
