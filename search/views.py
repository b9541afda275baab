from django.shortcuts import render
from wagtail.models import Page

from stories.models import paginate

MAX_QUERY_LENGTH = 200


def search(request):
    """Full-text search over live, public pages; any input gives a normal page, never an error."""
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    results = None
    if query:
        results = paginate(request, Page.objects.live().public().specific().search(query))
    return render(request, "search/search.html", {"search_query": query, "search_results": results})
