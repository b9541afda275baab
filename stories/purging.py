"""The purge map: what goes stale when content changes, for the app's page cache (core/pagecache.py) and for a
frontend cache in front of the site (wagtail.contrib.frontend_cache; its backends are configured in settings).

- A **listed page** (a story, a regional news item, a gathering: their apps call ``connect_listed_page``) is
  purged on publish and unpublish with the pages that show it: the home page and every section under it (the
  overviews, the Kennisplein), its ancestors (its region), the search page, sitemap.xml and the one family
  sitemap that lists it (core/sitemaps.py), and what the page's own ``listings_to_purge()`` names: for a story
  its theme hubs, the hubs that pick it, the knowledge pages it builds on and its feeds
  (stories/models/stories.py); for a gathering its theme hubs and calendar files (community/events.py). A new
  version can drop a theme or a knowledge link that the live version had: those pages list it until they are
  purged too. Pages that show cards of other pages say so with ``core.pagecache.depend_on`` (a story depends on
  its theme hubs: "Elders in het land").
- **Everything else that shows on many pages** empties the whole page cache: publishing or unpublishing any
  other page type (a section, theme, region, knowledge page: navigation, facets, cards and breadcrumbs name
  them), moving or deleting any page (its URL changes), and a change to the site settings
  (``SETTINGS_MODELS``) or to a snippet that pages show (``SITE_WIDE_MODELS``). These are rare editorial
  acts; the frontend cache keeps its copies of other pages until they expire (``CACHE_S_MAXAGE``).
- Approved or removed reactions and renditions made in the background purge the pages that show them
  (``purge_pages_and_listings``); a registration purges the gathering's page (``purge_pages``).
"""

from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_save
from django.urls import reverse
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from core import pagecache
from core.sitemaps import section_path

# Models whose rows show on pages that do not name them: a change empties the whole page cache.
SITE_WIDE_MODELS = [
    "stories.Partner",
    "stories.TargetGroup",
    "correspondents.Municipality",
    "correspondents.CorrespondentProfile",
    "wagtailsearchpromotions.SearchPromotion",
    # A password or login on a page or section takes it and its subpages out of every listing (or puts them back).
    "wagtailcore.PageViewRestriction",
]

# Settings: the first page view creates the row with its defaults, which pages already showed; changes count.
SETTINGS_MODELS = ["home.SiteSettings"]

# Page types purged with their listings (connect_listed_page); every other page type empties the page cache.
LISTED_PAGE_TYPES = set()


def frontend_cache_enabled():
    return bool(settings.WAGTAILFRONTENDCACHE)


def connect():
    """Connected by StoriesConfig.ready(), once every app's page types exist."""
    for model in apps.get_models():
        if issubclass(model, Page):
            page_published.connect(invalidate_site_unless_listed, sender=model)
            page_unpublished.connect(invalidate_site_unless_listed, sender=model)
            post_delete.connect(invalidate_site, sender=model)
    post_page_move.connect(invalidate_site)
    for name in SITE_WIDE_MODELS:
        post_save.connect(invalidate_site, sender=apps.get_model(name))
        post_delete.connect(invalidate_site, sender=apps.get_model(name))
    for name in SETTINGS_MODELS:
        post_save.connect(invalidate_site_unless_created, sender=apps.get_model(name))


def connect_listed_page(model):
    """Purge ``model``'s pages with their listings when they are published or unpublished."""
    LISTED_PAGE_TYPES.add(model)
    if hasattr(model, "themes"):
        pre_save.connect(remember_live_links, sender=model)
    page_published.connect(purge_listings, sender=model)
    page_unpublished.connect(purge_listings, sender=model)


def invalidate_site(**kwargs):
    pagecache.invalidate_all()


def invalidate_site_unless_created(created, **kwargs):
    if not created:
        pagecache.invalidate_all()


def invalidate_site_unless_listed(sender, **kwargs):
    if sender not in LISTED_PAGE_TYPES:
        pagecache.invalidate_all()


def remember_live_links(sender, instance, update_fields=None, **kwargs):
    """pre_save of a story or a gathering. Publishing saves the new version over the stored, live one (a full
    save): note the themes (and a story's knowledge pages) of the stored version first, as their pages list it
    until they are purged. The page's listings_to_purge() reads them."""
    if instance.pk is None or update_fields is not None:
        return
    stored = sender.objects.filter(pk=instance.pk)
    instance._live_theme_ids = set(stored.values_list("themes", flat=True)) - {None}
    if hasattr(sender, "knowledge_links"):
        instance._live_knowledge_ids = set(stored.values_list("knowledge_links__knowledge_page", flat=True)) - {None}


def purge_listings(sender, instance, **kwargs):
    """page_published and page_unpublished of a listed page."""
    purge_pages_and_listings([instance])


def purge_pages_and_listings(pages):
    """A change that shows on the pages themselves and on the cards that list them (a publish, their approved
    reactions, a rendition of their image): purge each page and its listings in one batch."""
    batch = PurgeBatch()
    for page in pages:
        batch.add_page(page)
        add_listings(batch, page)
    purge(batch)


def purge_pages(pages):
    """A change that shows on these pages only (a gathering's places left)."""
    batch = PurgeBatch()
    batch.add_pages(pages)
    purge(batch)


def purge(batch):
    """The page cache at once (core/pagecache.py), the frontend cache through Wagtail's task."""
    pagecache.invalidate({urlsplit(url).path for url in batch.urls})
    if frontend_cache_enabled():
        batch.purge()


def add_listings(batch, page):
    """Add the pages that list ``page`` to the purge batch, and the search page, feeds and sitemaps of its site."""
    url_parts = page.get_url_parts(batch)
    if url_parts is None:
        return
    _site_id, root_url, _page_path = url_parts
    home_path = page.path[: 2 * page.steplen]  # the home page is the ancestor right below the tree's root
    listing = Q(pk__in=Page.objects.ancestor_of(page).filter(depth__gt=1).values("pk"))
    listing |= Q(path__startswith=home_path, depth=3)
    paths = [reverse("sitemap"), section_path(page), reverse("search")]

    # The page type knows what else lists it (its theme hubs, feeds, calendar files): ask it.
    if listings_to_purge := getattr(page, "listings_to_purge", None):
        more_listing, more_paths = listings_to_purge()
        listing |= more_listing
        paths += more_paths

    batch.add_pages(Page.objects.live().filter(listing))
    batch.add_urls(root_url + path for path in paths)
