"""Listing helpers that every floor uses: one page of a list, and pages in a chosen order."""

from django.core.paginator import Paginator

from core.pages import in_private_section

LISTING_PAGE_SIZE = 12


def paginate(request, queryset, per_page=LISTING_PAGE_SIZE, count=None):
    """One page of a listing; a missing or bad ?pagina= gives the first or last page, never an error.

    ``count``: the number of items, if the caller counted them already (else the paginator counts with a query).
    """
    paginator = Paginator(queryset, per_page)
    if count is not None:
        paginator.count = count
    return paginator.get_page(request.GET.get("pagina"))


def live_pages_in_order(queryset, page_ids):
    """The live, public pages among page_ids, in that order, in a constant number of queries."""
    pages = {page.pk: page for page in queryset.filter(pk__in=page_ids).live().exclude(in_private_section())}
    return [pages[page_id] for page_id in page_ids if page_id in pages]
