"""Purge the frontend cache of every page that lists a story or a regional news item when it is published or
unpublished (wagtail.contrib.frontend_cache; the backends are configured in settings).

Wagtail purges the published page itself. This adds the pages that show it: the home page and every section
under it (the overviews, the Kennisplein), its region, sitemap.xml and the one family sitemap that lists it
(core/sitemaps.py), and what the page's own ``listings_to_purge()`` names: for a story its theme hubs, the hubs
that pick it, the knowledge pages it builds on and the feeds it is in (stories/models/stories.py); for a gathering
its theme hubs and calendar files (community/events.py). A new version can drop a theme or a knowledge link that
the live version had: those pages list the story until they are purged too.
"""

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page

from core.sitemaps import section_path


def purging_enabled():
    return bool(settings.WAGTAILFRONTENDCACHE)


def remember_live_links(sender, instance, update_fields=None, **kwargs):
    """pre_save of a story or a gathering. Publishing saves the new version over the stored, live one (a full
    save): note the themes (and a story's knowledge pages) of the stored version first, as their pages list it
    until they are purged. The page's listings_to_purge() reads them."""
    if instance.pk is None or update_fields is not None or not purging_enabled():
        return
    stored = sender.objects.filter(pk=instance.pk)
    instance._live_theme_ids = set(stored.values_list("themes", flat=True)) - {None}
    if hasattr(sender, "knowledge_links"):
        instance._live_knowledge_ids = set(stored.values_list("knowledge_links__knowledge_page", flat=True)) - {None}


def purge_listings(sender, instance, **kwargs):
    """page_published and page_unpublished of a story or a regional news item."""
    if not purging_enabled():
        return
    batch = PurgeBatch()
    add_listings(batch, instance)
    batch.purge()


def add_listings(batch, page):
    """Add the pages that list ``page`` to the purge batch, and the feeds and sitemaps of its site."""
    url_parts = page.get_url_parts(batch)
    if url_parts is None:
        return
    _site_id, root_url, _page_path = url_parts
    home_path = page.path[: 2 * page.steplen]  # the home page is the ancestor right below the tree's root
    listing = Q(pk__in=Page.objects.ancestor_of(page).filter(depth__gt=1).values("pk"))
    listing |= Q(path__startswith=home_path, depth=3)
    paths = [reverse("sitemap"), section_path(page)]

    # The page type knows what else lists it (its theme hubs, feeds, calendar files): ask it.
    if listings_to_purge := getattr(page, "listings_to_purge", None):
        more_listing, more_paths = listings_to_purge()
        listing |= more_listing
        paths += more_paths

    batch.add_pages(Page.objects.live().filter(listing))
    batch.add_urls(root_url + path for path in paths)


def purge_pages_and_listings(pages):
    """A change that shows on the pages themselves and on the cards that list them (their approved reactions,
    community/reactions.py): purge each page and its listings in one batch."""
    if not purging_enabled():
        return
    batch = PurgeBatch()
    for page in pages:
        batch.add_page(page)
        add_listings(batch, page)
    batch.purge()
