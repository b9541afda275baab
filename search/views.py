import re

from django.shortcuts import render
from wagtail.models import Page

from stories.models import paginate

MAX_QUERY_LENGTH = 200


def search(request):
    """Full-text search over live, public pages; any input gives a normal page, never an error."""
    query = " ".join(request.GET.get("q", "").replace("\x00", " ").split())[:MAX_QUERY_LENGTH]
    # Search for the words only: quotes and other punctuation break the SQLite FTS5 query parser.
    words = " ".join(re.findall(r"\w+", query))
    results = paginate(request, Page.objects.live().public().specific().search(words)) if words else None
    return render(request, "search/search.html", {"search_query": query, "search_results": results})
