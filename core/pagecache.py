"""The page cache: the app keeps the anonymous public responses it would let a CDN keep, so a repeated request
costs a cache lookup instead of a render, with or without a CDN in front.

What is kept: exactly what ``buurtwijs.middleware.PublicCacheControlMiddleware`` marks ``public`` (Wagtail's pages,
search, feeds, calendars, sitemaps for anonymous visitors), with status 200 or 301 and no cookie. Previews,
drafts, pages with a password or a form (CSRF cookie), logged-in visitors (their session cookie skips the cache
altogether, so the userbar is never served from it) and the admin are never kept.

When a kept copy goes stale: every copy depends on *tags*, each the path of a page it shows. Its own path; the
paths a page adds with ``depend_on()`` (a story depends on its theme hubs, whose purge means a story in those
themes changed: "Elders in het land"); and ``*``, the whole site. ``invalidate(paths)`` stamps the tags of these
paths with the current time and ``invalidate_all()`` stamps ``*``; a copy is served only while it was made
after every stamp of its tags. Because the stamp is compared with the moment the render *started*, a render
that read the old content while a publish was committing is never kept as fresh. stories/purging.py (the purge
map) decides what to invalidate on which change; docs/architecture.md, "Caching", lists them.

A deploy that changes how pages look (code, templates, static files) starts afresh: every key carries a fingerprint
of what the process serves (``release_fingerprint``), so copies made by the old release are never served by the new
one; they expire unused.

Copies also expire after ``CACHE_S_MAXAGE`` seconds, as at a CDN: pages that change with time alone (a gathering
that has passed) are never older than that. The ``pages`` cache is shared by every app server (Redis, or files
under var/ without Redis); when it cannot be reached every request is simply rendered.
"""

import hashlib
import time
from pathlib import Path
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.utils.cache import cc_delim_re

CACHE_ALIAS = "pages"
WHOLE_SITE = "*"
STORED_STATUS_CODES = {200, 301}


def page_cache():
    return caches[CACHE_ALIAS]


def depend_on(request, pages):
    """Let the copy of this response go stale when any of these pages is purged too: the page shows a card, a
    title or a list of theirs."""
    if not hasattr(request, "cache_dependencies"):
        request.cache_dependencies = set()
    for page in pages:
        if url := page.get_url(request):
            request.cache_dependencies.add(urlsplit(url).path)


def invalidate(paths):
    """Stamp these paths now, and again when the current transaction commits: a render that started before the
    commit read the old content, and its copy must not count as made after the change."""
    keys = [tag_key(path) for path in paths]
    if keys:
        stamp(keys)
        transaction.on_commit(lambda: stamp(keys))


def invalidate_all():
    invalidate([WHOLE_SITE])


def stamp(keys):
    # A stamp outlives every copy made before it (copies live CACHE_S_MAXAGE seconds).
    page_cache().set_many(dict.fromkeys(keys, time.time()), timeout=settings.CACHE_S_MAXAGE + 60)


def tag_key(path):
    return f"tag:{path}"


class PageCacheMiddleware:
    """Serve and keep anonymous public responses. Place it right after SecurityMiddleware (and WhiteNoise), before
    PublicCacheControlMiddleware: a hit skips sessions, CSRF, authentication and the view, and what is kept is the
    response as PublicCacheControlMiddleware and the security headers middleware left it."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.release = release_fingerprint()

    def __call__(self, request):
        if not may_use_cache(request):
            return self.get_response(request)
        key = entry_key(request, self.release)
        entry = page_cache().get(key)
        if entry is not None and is_fresh(entry):
            return entry["response"]
        started = time.time()
        response = self.get_response(request)
        if is_storable(response):
            ensure_whole_site_stamp()
            tags = {request.path, WHOLE_SITE, *getattr(request, "cache_dependencies", ())}
            entry = {"started": started, "tags": sorted(tags), "response": response}
            page_cache().set(key, entry, timeout=settings.CACHE_S_MAXAGE)
        return response


def may_use_cache(request):
    """Anonymous GET and HEAD requests without a session (a logged-in editor sees the userbar and drafts)."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


def entry_key(request, release):
    # The scheme and host are part of the page (canonical links, feeds); the query string picks the page of a
    # listing or a search. Hashed: a 10,000-character query makes a key of normal length.
    url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return f"page:{release}:" + hashlib.sha256(url.encode()).hexdigest()


SOURCE_SUFFIXES = {".py", ".html", ".txt", ".xml", ".svg"}


def release_fingerprint():
    """A hash of the project's own code and templates and of the static files' manifest (their hashed names): the
    same on every app server of one deploy, different after a deploy that changes any of them. About 200 small
    files, read once per process."""
    base = Path(settings.BASE_DIR)
    folders = [
        Path(app.path)
        for app in apps.get_app_configs()
        if Path(app.path).is_relative_to(base) and "site-packages" not in Path(app.path).parts  # not a .venv inside
    ]
    folders += [Path(folder) for engine in settings.TEMPLATES for folder in engine.get("DIRS", [])]
    files = {path for folder in folders for path in folder.rglob("*") if path.suffix in SOURCE_SUFFIXES}
    files.add(Path(settings.STATIC_ROOT) / "staticfiles.json")  # written by collectstatic in production
    digest = hashlib.sha256()
    for path in sorted(files):
        if path.is_file():
            digest.update(str(path.relative_to(base) if path.is_relative_to(base) else path).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def is_fresh(entry):
    """Made after the last invalidation of each of its tags. The whole-site stamp must be readable: without it
    (the cache was emptied, or could not answer) a stale copy could not be told from a fresh one."""
    stamps = page_cache().get_many([tag_key(tag) for tag in entry["tags"]])
    if tag_key(WHOLE_SITE) not in stamps:
        return False
    return all(stamp < entry["started"] for stamp in stamps.values())


def is_storable(response):
    cache_control = {directive.strip().lower() for directive in cc_delim_re.split(response.get("Cache-Control", ""))}
    return (
        response.status_code in STORED_STATUS_CODES
        and "public" in cache_control
        and not response.cookies
        and not response.streaming
    )


def ensure_whole_site_stamp():
    """A copy is only served while the whole-site stamp exists (see is_fresh): set it once, when a worker starts
    serving, without moving an existing one. It is set again whenever the whole site is invalidated."""
    page_cache().add(tag_key(WHOLE_SITE), 0.0, timeout=None)
