"""The beacon: POST /bereik/ from reach/static/js/bereik.js, once when a page is visible ("view") and once when the
end of a story has been on screen for a few seconds ("end").

Public pages stay cacheable (by the page cache and a CDN), so counting cannot happen while a page is served: the
script reports afterwards, to this never-cached URL. The answer is always empty: 204 with ``Cache-Control:
no-store``, no cookie; 400 for a body that is not a beacon. Nothing is counted (still 204) for a reader who asked
not to be tracked, an editor, a prefetch, a crawler, another site's form, a page that does not exist or is not live,
or a network over its rate limit (``PUBLIC_FORM_RATE_LIMITS["reach"]``, counted per keyed hash of the network; when
the cache is down nobody is limited).

A beacon costs at most three queries: the page with the day's salt and, coming from a story, the kind of knowledge
link (one query, subqueries); the reader's mark for today (an INSERT … ON CONFLICT DO NOTHING, or an UPDATE for
"end"); the day's count (an INSERT … ON CONFLICT DO UPDATE). Only the first beacon of a day adds the salt.
"""

import secrets
from urllib.parse import urlsplit

from django.db import connection
from django.db.models import OuterRef, Subquery
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import Page, Site

from core.antispam import rate_limited
from reach.models import DailyReach, DaySalt, ReaderMark
from reach.sources import classify, internal_path
from reach.visitors import network_key, skip_reason, visitor_key
from stories.models import StoryKnowledgeLink

VIEW = "view"
END = "end"
MAX_BODY = 1024  # bytes; a beacon is under 200
MAX_FIELD = 300
MAX_PAGE_ID = 2**31 - 1
RATE_SCOPE = "reach"


def answer(status=204):
    response = HttpResponse(status=status)
    add_never_cache_headers(response)  # no-store: nothing of this answer may be kept, not by a browser either
    return response


@csrf_exempt  # carries no person's action; another site's form is refused by its Origin below
def beacon(request):
    if request.method != "POST":
        return answer(400)
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return answer(400)
    if length > MAX_BODY:
        return answer(400)
    data = parse(request)
    if data is None:
        return answer(400)
    if (
        skip_reason(request)
        or not same_origin(request)
        or rate_limited(request, RATE_SCOPE, log=False, client=network_key(request))
    ):
        return answer()
    record(request, **data)
    return answer()


def parse(request):
    """The beacon's fields, or None when the body is not a beacon."""
    try:
        fields = request.POST
    except Exception:  # a body Django cannot read as a form: not a beacon
        return None
    page_id, event = fields.get("p", ""), fields.get("e", "")
    referrer, campaign = fields.get("r", ""), fields.get("b", "")
    if not page_id.isascii() or not page_id.isdigit() or not 0 < int(page_id) <= MAX_PAGE_ID:
        return None
    if event not in (VIEW, END) or len(referrer) > MAX_FIELD or len(campaign) > MAX_FIELD:
        return None
    return {"page_id": int(page_id), "event": event, "referrer": referrer.strip(), "campaign": campaign.strip()}


def same_origin(request):
    """A browser says where a request comes from; a beacon comes from a page of this site."""
    site = request.META.get("HTTP_SEC_FETCH_SITE")
    if site is not None and site != "same-origin":
        return False
    origin = request.META.get("HTTP_ORIGIN")
    return origin is None or urlsplit(origin).netloc == request.get_host()


def record(request, page_id, event, referrer, campaign):
    """Count one beacon. Returns the source it was counted under, or None when nothing was counted."""
    today = timezone.localdate()
    pages = Page.objects.filter(
        pk=page_id, live=True, depth__gt=1
    ).annotate(  # not the tree's root
        salt=Subquery(DaySalt.objects.filter(day=today).values("secret")[:1])
    )
    if path := internal_path(referrer):
        links = StoryKnowledgeLink.objects.filter(
            knowledge_page=OuterRef("pk"), story__live=True, story__url_path=site_url_path(request, path)
        )
        pages = pages.annotate(relation=Subquery(links.values("relation")[:1]))
    row = pages.values(*(["salt", "relation"] if path else ["salt"])).first()
    if row is None:
        return None
    key = visitor_key(request, row["salt"] or day_salt(today))
    source = classify(referrer, campaign, row.get("relation"))
    day = connection.ops.adapt_datefield_value(today)
    if event == VIEW:
        new_reader = insert_mark(day, page_id, key)
        add_to_count(day, page_id, source, views=1, readers=int(new_reader))
    elif ReaderMark.objects.filter(day=today, page_id=page_id, visitor=key, finished=False).update(finished=True):
        add_to_count(day, page_id, source, finished=1)
    return source


def site_url_path(request, path):
    """Wagtail's url_path of the page at this path of the site (site root paths come from Wagtail's cache)."""
    roots = Site.get_site_root_paths()
    host = request.get_host().split(":")[0]
    root = next((root for root in roots if urlsplit(root.root_url).hostname == host), roots[0] if roots else None)
    return (root.root_path if root else "/") + path.lstrip("/")


def day_salt(day):
    """The day's salt, made by the first beacon of the day (or by reach/rotation.py at midnight)."""
    salt, _ = DaySalt.objects.get_or_create(day=day, defaults={"secret": secrets.token_hex(32)})
    return salt.secret


def insert_mark(day, page_id, key):
    """Mark this reader for this page today; False when they were marked already."""
    table = connection.ops.quote_name(ReaderMark._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (day, page_id, visitor, finished) VALUES (%s, %s, %s, %s) "  # noqa: S608
            "ON CONFLICT DO NOTHING",
            [day, page_id, key, False],
        )
        return cursor.rowcount == 1


def add_to_count(day, page_id, source, views=0, readers=0, finished=0):
    table = connection.ops.quote_name(DailyReach._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (day, page_id, source, views, readers, finished) "  # noqa: S608
            "VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (day, page_id, source) DO UPDATE SET "
            f"views = {table}.views + excluded.views, readers = {table}.readers + excluded.readers, "
            f"finished = {table}.finished + excluded.finished",
            [day, page_id, source, views, readers, finished],
        )
