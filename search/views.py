import re

from django.db.models import Q
from django.shortcuts import render
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page

from core.listing import paginate
from stories import facets

MAX_QUERY_LENGTH = 200
# Facets count over the ids of this many best matches: one search query, then GROUP BY counts over those ids.
MAX_RESULTS = 1000


def search(request):
    """Full-text search over live, public pages, with the Kennisplein's facets and the editors' promoted results.

    Any input gives a normal page, never an error.
    """
    query = " ".join(request.GET.get("q", "").replace("\x00", " ").split())[:MAX_QUERY_LENGTH]
    # Search for the words only: quotes and other punctuation break the SQLite FTS5 query parser.
    words = " ".join(re.findall(r"\w+", query))
    context = {"search_query": query, "search_results": None}
    if words:
        # Ranked best match first; only the ids, so the facets and the page of results cost one search.
        matches = Page.objects.live().public().only("pk").search(words)[:MAX_RESULTS]
        ranked_ids = [page.pk for page in matches]
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
            promotions=promoted(query) if results.number == 1 else [],
        )
    return render(request, "search/search.html", context)


def promoted(query):
    """The editors' picks for this query (live, public pages or external links); records the query's hit."""
    search_query = Query.get(query)
    search_query.add_hit()
    return list(
        search_query.editors_picks.filter(
            Q(page__isnull=True) | Q(page__in=Page.objects.live().public())
        ).select_related("page")
    )
