import re

from django.db import connection, transaction
from django.db.models import F, Q
from django.shortcuts import render
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from core.listing import paginate
from stories import facets

MAX_QUERY_LENGTH = 200
# The words searched for, at most: each is one more term to match and score on every page that has it.
MAX_QUERY_WORDS = 10
# Facets count over the ids of this many best matches: one search query, then GROUP BY counts over those ids.
MAX_RESULTS = 1000


def search(request):
    """Full-text search over live, public pages, with the Kennisplein's facets and the editors' promoted results.

    Any input gives a normal page, never an error, at the cost of a normal search: the query is cut to
    MAX_QUERY_LENGTH characters and its first MAX_QUERY_WORDS different words, and the facets and the pages of
    results come from the ids of the MAX_RESULTS best matches (a page number past the last gives the last page).
    """
    query = cut(" ".join(request.GET.get("q", "").replace("\x00", " ").split()), MAX_QUERY_LENGTH)
    # Search for the words only: quotes and other punctuation break the SQLite FTS5 query parser.
    words = list(dict.fromkeys(word.lower() for word in re.findall(r"\w+", query)))[:MAX_QUERY_WORDS]
    context = {"search_query": query, "search_results": None}
    if words:
        private = Page.objects.private_q()
        ranked_ids = best_match_ids(Page.objects.live().exclude(private), " ".join(words), MAX_RESULTS)
        capped = len(ranked_ids) == MAX_RESULTS
        listing = facets.search_results(request.GET, ranked_ids, query)
        if listing.active:
            kept = set(listing.pages.values_list("pk", flat=True))
            ranked_ids = [pk for pk in ranked_ids if pk in kept]
        results = paginate(request, ranked_ids)
        found = Page.objects.filter(pk__in=results.object_list).specific().defer_streamfields()
        pages = {page.pk: page for page in found}
        results.object_list = [pages[pk] for pk in results.object_list if pk in pages]
        context.update(
            search_results=results,
            listing=listing,
            capped=capped,
            max_results=MAX_RESULTS,
            promotions=promoted(query, private) if results.number == 1 else [],
        )
    return render(request, "search/search.html", context)


def cut(text, length):
    """``text`` cut to at most ``length`` characters, at a space if it has one: no half word is searched for."""
    if len(text) <= length:
        return text
    return text[: length + 1].rsplit(" ", 1)[0] if " " in text[:length] else text[:length]


def best_match_ids(queryset, words, limit):
    """The ids of the pages of ``queryset`` that match ``words``, best first, at most ``limit``: one query, and no
    pages made (a thousand pages take longer to make than to find)."""
    results = queryset.search(words)[:limit]
    if hasattr(results, "ranked"):  # SQLite: the backend ranks the ids in one query (search/sqlite_backend.py)
        return [pk for pk, _score in results.ranked()]
    with transaction.atomic(), connection.cursor() as cursor:  # PostgreSQL: ranked in one query too
        # Plan it for a database in memory or on SSD, as PostgreSQL's documentation advises for them: with the
        # default random_page_cost of 4 the planner matches every row of the search index rather than use its GIN
        # index (search/migrations/0001), three times slower for a word in a third of 10,000 stories.
        cursor.execute("SET LOCAL random_page_cost = 1.1")
        return list(results.get_queryset().values_list("pk", flat=True))


def promoted(query, private):
    """The editors' picks for this query (live, public pages or external links); counts the query's hit."""
    query_string = normalise_query_string(query)
    count_hit(query_string)
    return list(
        SearchPromotion.objects.filter(query__query_string=query_string)
        .filter(Q(page__isnull=True) | Q(page__in=Page.objects.live().exclude(private)))
        .select_related("page")
    )


def count_hit(query_string):
    """Wagtail's Query.add_hit() in one UPDATE when the query was searched before today (it reads twice first)."""
    today = timezone.now().date()
    if not QueryDailyHits.objects.filter(query__query_string=query_string, date=today).update(hits=F("hits") + 1):
        Query.get(query_string).add_hit(date=today)
