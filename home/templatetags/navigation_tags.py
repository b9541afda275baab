"""Site navigation for the public templates: main menu, section links, breadcrumb, pagination."""

from django import template
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Site

register = template.Library()


def _site_root(request):
    """The root page of the site serving this request: fetched with the site, which Wagtail keeps on the request."""
    site = Site.find_for_request(request) if request is not None else None
    return site.root_page if site else None


def _sections(request):
    """The live children of the site's root page, fetched once per request (menu and section links share them)."""
    if request is None:
        return []
    if not hasattr(request, "_buurtwijs_sections"):
        root = _site_root(request)
        request._buurtwijs_sections = list(root.get_children().live()) if root is not None else []
    return request._buurtwijs_sections


@register.inclusion_tag("components/main_nav.html", takes_context=True)
def main_navigation(context):
    """The live children of the site's root page that editors marked 'show in menus'."""
    request = context.get("request")
    current = context.get("page")
    items = [
        {
            "title": section.title,
            "url": section.get_url(request),
            "is_current": current is not None and current.pk == section.pk,
            "is_ancestor": current is not None and current.path.startswith(section.path),
        }
        for section in _sections(request)
        if section.show_in_menus
    ]
    return {"items": items}


@register.simple_tag(takes_context=True)
def section_page(context, model_label):
    """The live top-level section of the given type, e.g. {% section_page "stories.StoryIndexPage" as index %}.

    Costs no query beyond the menu's own: it looks among the site root's children the menu already fetched.
    """
    return next(iter(section_pages(context, model_label)), None)


@register.simple_tag(takes_context=True)
def section_pages(context, model_label):
    """Every live top-level page of the given type, in menu order, e.g. the information pages in the footer.

    Costs no query beyond the menu's own, like section_page.
    """
    content_type = ContentType.objects.get_for_model(apps.get_model(model_label))
    return [s for s in _sections(context.get("request")) if s.content_type_id == content_type.pk]


@register.inclusion_tag("components/breadcrumb.html", takes_context=True)
def breadcrumb(context, page):
    """The path from the site's root page down to (not including) the given page."""
    request = context.get("request")
    root = _site_root(request)
    ancestors = []
    if root is not None and page.path.startswith(root.path) and page.depth > root.depth:
        known = page.known_ancestors()  # a page reached by routing has its path in memory
        if not known or known[0].depth > root.depth:
            known = page.get_ancestors()
        ancestors = [
            # A section or region that is not live is named, not linked.
            {
                "title": ancestor.title,
                "url": ancestor.get_url(request) if ancestor.live else None,
                "is_root": ancestor.pk == root.pk,
            }
            for ancestor in known
            if ancestor.depth >= root.depth
        ]
    return {"ancestors": ancestors, "current_title": page.title}


@register.simple_tag
def page_links(page_obj, on_each_side=1, on_ends=1):
    """The page numbers to link to, with None where a run of pages is left out ('…')."""
    paginator = page_obj.paginator
    return [
        None if number == paginator.ELLIPSIS else number
        for number in paginator.get_elided_page_range(page_obj.number, on_each_side=on_each_side, on_ends=on_ends)
    ]
