"""The purge map: what goes stale when content changes, for the app's page cache (core/pagecache.py) and for a
frontend cache in front of the site (wagtail.contrib.frontend_cache; its backends are configured in settings).

- **A page published or unpublished** (any page type, by the chain, an administrator or scheduled publishing) is
  purged with the pages that list or link it (``purge_pages_and_listings``): its ancestors (its section, its
  region), the home page and every section right below it (the overviews, the Kennisplein), the search page,
  sitemap.xml and the one family sitemap that lists it (core/sitemaps.py), the live pages that link it (Wagtail's
  reference index: rich text, choosers, picks), its own feeds and calendar files (``own_paths()``: a theme's and a
  region's feeds, a gathering's ``.ics``, the story and gathering overviews' feeds), and what the page type's own
  ``listings_to_purge()`` names: for a story its theme hubs, the hubs that pick it, the knowledge pages it builds
  on and its feeds (stories/models/stories.py); for a knowledge page its theme hubs, the stories that build on it
  and the hubs that pick it (stories/models/knowledge.py); for a theme the hubs that name it as related; for a
  gathering its theme hubs and calendar files (community/events.py). A new version can drop a theme or a knowledge
  link that the live version had: those pages list it until they are purged too (``remember_live_version``).
  Pages that show cards of other pages say so with ``core.pagecache.depend_on`` (a story depends on its theme
  hubs: "Elders in het land").
- **A change that every page shows** purges every live page of the site with its feeds, calendar files and
  sitemaps (``purge_site``): a page right below the home page (or the home page) published for the first time,
  renamed (title or slug), unpublished, moved or deleted (the menu and the footer name them), and the same for a
  page type that says ``named_on_cards = True`` (a theme, a region: the cards of the pages about them, which are
  listed everywhere, name them), and any page moved or deleted with pages below it (their addresses change or go).
- **Moved, renamed, deleted**: a move purges the page's listings at its old place and at the new one, and the old
  addresses (Wagtail leaves a redirect there); a slug changed on publish purges the old addresses of the page and
  the pages below it; a deleted page is purged with its listings before it goes.
- **Snippets**: a partner (``NAMED_MODELS``) purges the pages that show it (its ``pages_showing()``: its
  gatherings, its stories, the partners page) with their listings; the site settings (``SETTINGS_MODELS``) and the
  other snippets that pages show without naming them (``SITE_WIDE_MODELS``) empty the whole page cache; the
  frontend cache keeps its copies of those until they expire (``CACHE_S_MAXAGE``).
- Approved or removed reactions and renditions made in the background purge the pages that show them
  (``purge_pages_and_listings``); a registration purges the gathering's page (``purge_pages``).
"""

from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.urls import reverse
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, ReferenceIndex
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move, pre_page_move

from core import pagecache
from core.sitemaps import section_path

# Models whose rows show on pages that do not name them: a change empties the whole page cache.
SITE_WIDE_MODELS = [
    "stories.TargetGroup",
    "correspondents.Municipality",
    "correspondents.CorrespondentProfile",
    "wagtailsearchpromotions.SearchPromotion",
    # A password or login on a page or section takes it and its subpages out of every listing (or puts them back).
    "wagtailcore.PageViewRestriction",
]

# Snippets that know the pages showing them (``pages_showing()``): a change purges those and their listings.
NAMED_MODELS = ["stories.Partner"]

# Settings: the first page view creates the row with its defaults, which pages already showed; changes count.
SETTINGS_MODELS = ["home.SiteSettings"]

# What other pages show of a page that names it: its menu entry, breadcrumb, cards and links.
NAMING_FIELDS = ["title", "slug", "show_in_menus"]

# The depth of the pages right below the home page: the menu and the footer name them on every page.
SECTION_DEPTH = 3


def frontend_cache_enabled():
    return bool(settings.WAGTAILFRONTENDCACHE)


def connect():
    """Connected by StoriesConfig.ready(), once every app's page types exist."""
    for model in apps.get_models():
        if issubclass(model, Page):
            pre_save.connect(remember_live_version, sender=model)
            page_published.connect(purge_published, sender=model)
            page_unpublished.connect(purge_unpublished, sender=model)
    # Deleting a page deletes its base row and those below it, whatever their type: each base row sends this.
    pre_delete.connect(purge_deleted, sender=Page)
    pre_page_move.connect(purge_moved)
    post_page_move.connect(purge_moved)
    page_slug_changed.connect(purge_old_addresses)
    for name in SITE_WIDE_MODELS:
        post_save.connect(invalidate_site, sender=apps.get_model(name))
        post_delete.connect(invalidate_site, sender=apps.get_model(name))
    for name in NAMED_MODELS:
        post_save.connect(purge_pages_showing, sender=apps.get_model(name))
        pre_delete.connect(purge_pages_showing, sender=apps.get_model(name))
    for name in SETTINGS_MODELS:
        post_save.connect(invalidate_site_unless_created, sender=apps.get_model(name))


def invalidate_site(**kwargs):
    pagecache.invalidate_all()


def invalidate_site_unless_created(created, **kwargs):
    if not created:
        pagecache.invalidate_all()


def remember_live_version(sender, instance, update_fields=None, **kwargs):
    """pre_save of a page. Publishing saves the new version over the stored one (a full save): note what the live
    version showed first. Its title, slug and menu entry say whether the pages naming it change (``renamed``); its
    themes (and a story's knowledge pages) list it until they are purged too: listings_to_purge() reads them."""
    if instance.pk is None or update_fields is not None:
        return
    instance._live_version = Page.objects.filter(pk=instance.pk, live=True).values(*NAMING_FIELDS).first()
    stored = sender.objects.filter(pk=instance.pk)
    if hasattr(sender, "themes"):
        instance._live_theme_ids = set(stored.values_list("themes", flat=True)) - {None}
    if hasattr(sender, "knowledge_links"):
        instance._live_knowledge_ids = set(stored.values_list("knowledge_links__knowledge_page", flat=True)) - {None}


def renamed(page):
    """Whether other pages name ``page`` differently after this publish: it was not live, or has a new title or
    slug, or went into or out of the menu. Without a note of the live version (not saved through Page.save), assume
    so."""
    live_version = getattr(page, "_live_version", None)
    return live_version is None or any(live_version[field] != getattr(page, field) for field in NAMING_FIELDS)


def shown_everywhere(page):
    """Whether every page names ``page``: the home page and the pages right below it (menu, footer), and the page
    types whose name the cards of their pages show (a theme, a region)."""
    return page.depth <= SECTION_DEPTH or getattr(page, "named_on_cards", False)


def purge_published(sender, instance, **kwargs):
    """page_published of any page type."""
    if shown_everywhere(instance) and renamed(instance):
        purge_site(instance)
    else:
        purge_pages_and_listings([instance])


def purge_unpublished(sender, instance, **kwargs):
    """page_unpublished of any page type."""
    if shown_everywhere(instance):
        purge_site(instance)
    else:
        purge_pages_and_listings([instance])


def purge_deleted(sender, instance, **kwargs):
    """pre_delete of a page's base row, while it and what lists it still exist."""
    purge_at_its_place(instance.specific_deferred)


def purge_moved(sender, instance, **kwargs):
    """pre_page_move and post_page_move: the page and its listings at its old place, then at its new one."""
    purge_at_its_place(instance.specific_deferred)


def purge_at_its_place(page):
    """A page with pages below it, or one named everywhere, purges the site; else the page and its listings."""
    if page.numchild or shown_everywhere(page):
        purge_site(page)
    elif page.live:
        purge_pages_and_listings([page])


def purge_old_addresses(sender, instance, instance_before, **kwargs):
    """page_slug_changed (after the commit): the old addresses of the page and the live pages below it."""
    url_parts = instance_before.get_url_parts()
    if url_parts is None:
        return
    _site_id, root_url, old_path = url_parts
    below = Page.objects.live().filter(path__startswith=instance.path, depth__gt=instance.depth)
    batch = PurgeBatch()
    batch.add_url(root_url + old_path)
    for url_path in below.values_list("url_path", flat=True):
        batch.add_url(root_url + old_path + url_path[len(instance.url_path) :])
    purge(batch)


def purge_pages_showing(sender, instance, **kwargs):
    """post_save and pre_delete of a snippet in NAMED_MODELS."""
    purge_pages_and_listings(list(instance.pages_showing().live().specific(defer=True)))


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


def purge_site(page):
    """A change that every page of ``page``'s site shows: empty the page cache, and purge every live page of the
    site, its feeds, calendar files and sitemaps, and ``page`` with its listings, from the frontend cache."""
    pagecache.invalidate_all()
    if not frontend_cache_enabled():
        return
    batch = PurgeBatch()
    batch.add_page(page)
    add_listings(batch, page)
    url_parts = page.get_url_parts(batch)
    if url_parts is not None:
        home_path = page.path[: 2 * page.steplen]
        pages = list(Page.objects.live().filter(path__startswith=home_path).specific(defer=True))
        batch.add_pages(pages)
        paths = {reverse("sitemap"), reverse("search")}
        for listed in pages:
            paths.add(section_path(listed))
            if own_paths := getattr(listed, "own_paths", None):
                paths.update(own_paths())
        batch.add_urls(url_parts[1] + path for path in sorted(paths))
    batch.purge()


def purge(batch):
    """The page cache at once (core/pagecache.py), the frontend cache through Wagtail's task."""
    pagecache.invalidate({urlsplit(url).path for url in batch.urls})
    if frontend_cache_enabled():
        batch.purge()


def linking_pages(page):
    """The pages that link ``page``, by Wagtail's reference index (rich text, page choosers, inline links)."""
    page_type = ReferenceIndex._get_base_content_type(Page)
    references = ReferenceIndex.objects.filter(
        to_content_type=page_type, to_object_id=str(page.pk), base_content_type=page_type
    )
    return {int(object_id) for object_id in references.values_list("object_id", flat=True)}


def add_listings(batch, page):
    """Add the pages that list or link ``page`` to the purge batch, and its own feeds and calendar files, and the
    search page and sitemaps of its site."""
    url_parts = page.get_url_parts(batch)
    if url_parts is None:
        return
    _site_id, root_url, _page_path = url_parts
    home_path = page.path[: 2 * page.steplen]  # the home page is the ancestor right below the tree's root
    listing = Q(pk__in=Page.objects.ancestor_of(page).filter(depth__gt=1).values("pk"))
    listing |= Q(path__startswith=home_path, depth=SECTION_DEPTH)
    listing |= Q(pk__in=linking_pages(page))
    paths = [reverse("sitemap"), section_path(page), reverse("search")]
    if own_paths := getattr(page, "own_paths", None):
        paths += own_paths()

    # The page type knows what else lists it (its theme hubs, feeds, calendar files): ask it.
    if listings_to_purge := getattr(page, "listings_to_purge", None):
        more_listing, more_paths = listings_to_purge()
        listing |= more_listing
        paths += more_paths

    batch.add_pages(Page.objects.live().filter(listing).exclude(pk=page.pk))
    batch.add_urls(root_url + path for path in paths)
