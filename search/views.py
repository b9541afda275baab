from contextlib import contextmanager
from difflib import get_close_matches

from django.core.cache import cache
from django.db import IntegrityError, connection, transaction
from django.db.models import F, Q
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from core.listing import PkIn, paginate
from search.models import synonyms
from search.query import all_words, any_word, search_words, words_of
from stories import facets

MAX_QUERY_LENGTH = 200
# The words searched for, at most: each is one more term to match and score on every page that has it.
MAX_QUERY_WORDS = 10
# Facets count over the ids of this many best matches: one search query, then GROUP BY counts over those ids.
MAX_RESULTS = 1000
# Fewer pages than this with the words as whole words: search for longer words that start with them too, when the
# query has at most PREFIX_WORDS words. A longer query that finds nothing as whole words goes straight to some of its
# words, which match as starts of longer words too: one search less for the most expensive queries.
FEW_RESULTS = 5
PREFIX_WORDS = 3
MIN_TITLE_MATCH = 3  # characters of a query before titles that hold it come first
VOCABULARY_CACHE_KEY = "search:vocabulary"
VOCABULARY_SECONDS = 60 * 60


@require_safe
def search(request):
    """Full-text search over live, public pages, with the Kennisplein's facets and the editors' promoted results.

    The query is read as Dutch (search/query.py): parts of compounds, synonyms, separable verbs. When no page has
    every word, the pages with some of them are shown, and the page says so; when none has any, it suggests the
    nearest words the site uses ("Bedoelde je ...?"). Pages whose title is the query, or holds it, come first.

    Any input gives a normal page, never an error, at the cost of a normal search: the query is cut to
    MAX_QUERY_LENGTH characters and its first MAX_QUERY_WORDS different words (stop words left out), and the facets
    and the pages of results come from the ids of the MAX_RESULTS best matches (a page number past the last gives
    the last page).
    """
    query = cut(" ".join(request.GET.get("q", "").replace("\x00", " ").split()), MAX_QUERY_LENGTH)
    words = search_words(query, MAX_QUERY_WORDS)
    context = {"search_query": query, "search_results": None}
    if words:
        private = Page.objects.private_q()
        pages = Page.objects.live().exclude(private)
        ranked_ids, some_words = matching_ids(pages, words)
        ranked_ids = titles_first(ranked_ids, query)
        capped = len(ranked_ids) == MAX_RESULTS
        listing = facets.search_results(request.GET, ranked_ids, query)
        if listing.active:
            kept = set(listing.pages.values_list("pk", flat=True))
            ranked_ids = [pk for pk in ranked_ids if pk in kept]
        results = paginate(request, ranked_ids)
        found = Page.objects.filter(pk__in=results.object_list).specific().defer_streamfields()
        pages_by_id = {page.pk: page for page in found}
        results.object_list = [pages_by_id[pk] for pk in results.object_list if pk in pages_by_id]
        context.update(
            search_results=results,
            listing=listing,
            capped=capped,
            max_results=MAX_RESULTS,
            some_words=some_words,
            suggestion=suggestion(words) if not ranked_ids or some_words else None,
            promotions=promoted(query, private) if results.number == 1 else [],
        )
    return render(request, "search/search.html", context)


def cut(text, length):
    """``text`` cut to at most ``length`` characters, at a space if it has one: no half word is searched for."""
    if len(text) <= length:
        return text
    return text[: length + 1].rsplit(" ", 1)[0] if " " in text[:length] else text[:length]


def matching_ids(pages, words):
    """(The ids of the pages that match, best first, at most MAX_RESULTS; whether they have only some of the words):
    all the words as whole words; if that finds fewer than FEW_RESULTS pages, also as the start of longer words (for
    at most PREFIX_WORDS words); if that finds nothing, some of the words."""
    known_synonyms = synonyms()
    with planned_for_search():
        ranked_ids = best_match_ids(pages, all_words(words, known_synonyms, prefixes=False))
        if len(ranked_ids) < FEW_RESULTS and len(words) <= PREFIX_WORDS:
            ranked_ids = best_match_ids(pages, all_words(words, known_synonyms))
        if ranked_ids or len(words) == 1:
            return ranked_ids, False
        ranked_ids = best_match_ids(pages, any_word(words))
        return ranked_ids, bool(ranked_ids)


@contextmanager
def planned_for_search():
    """PostgreSQL: plan the searches for a database in memory or on SSD, as its documentation advises for them. With
    the default random_page_cost of 4 the planner matches every row of the search index rather than use its GIN
    index (search/migrations/0001), three times slower for a word in a third of 10,000 stories."""
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL random_page_cost = 1.1")
        yield


def best_match_ids(queryset, search_query):
    """The ids of the pages of ``queryset`` that match ``search_query``, best first, at most MAX_RESULTS: one query,
    and no pages made (a thousand pages take longer to make than to find)."""
    results = queryset.search(search_query)[:MAX_RESULTS]
    if hasattr(results, "ranked"):  # SQLite: the backend ranks the ids in one query (search/sqlite_backend.py)
        return [pk for pk, _score in results.ranked()]
    return list(results.get_queryset().values_list("pk", flat=True))  # PostgreSQL: ranked in one query too


def titles_first(ranked_ids, query):
    """The ids with the pages titled ``query`` first, then those whose title holds it, each in the order of rank: a
    reader who types a title finds that page on top, whatever the full-text score of longer pages."""
    if not ranked_ids or len(query) < MIN_TITLE_MATCH:
        return ranked_ids
    titles = dict(Page.objects.filter(PkIn(ranked_ids), title__icontains=query).values_list("pk", "title"))
    exact = query.casefold()

    def group(pk):
        if pk not in titles:
            return 2
        return 0 if titles[pk].casefold() == exact else 1

    return sorted(ranked_ids, key=group)  # a stable sort: the rank stays the order within each group


def suggestion(words):
    """The query with each word the site does not use replaced by the nearest one it does ("bedoelde je ...?"), or
    None when there is nothing to suggest."""
    known = vocabulary()
    corrected = [
        word if word in known or word.isdigit() else next(iter(get_close_matches(word, known, 1, 0.75)), word)
        for word in words
    ]
    return " ".join(corrected) if corrected != words else None


def vocabulary():
    """The words of the titles of the live pages, the site's own words for what it is about; cached a while (a
    page published since may be missing from the suggestions, never from the results)."""
    words = cache.get(VOCABULARY_CACHE_KEY)
    if words is None:
        titles = Page.objects.live().exclude(depth=1).values_list("title", flat=True)
        words = sorted({word for title in titles for word in words_of(title, None) if len(word) > 2})
        cache.set(VOCABULARY_CACHE_KEY, words, VOCABULARY_SECONDS)
    return words


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
    """Wagtail's Query.add_hit() in one UPDATE when the query was searched before today, else in three queries
    (Wagtail's takes ten: two get_or_create's in savepoints, then the UPDATE). A first hit that races another
    request's first hit of the same query is dropped rather than failing the search."""
    today = timezone.now().date()
    todays_hits = QueryDailyHits.objects.filter(query__query_string=query_string, date=today)
    if todays_hits.update(hits=F("hits") + 1):
        return
    try:
        query = Query.objects.filter(query_string=query_string).first() or Query.objects.create(
            query_string=query_string
        )
        QueryDailyHits.objects.create(query=query, date=today, hits=1)
    except IntegrityError:
        todays_hits.update(hits=F("hits") + 1)
