"""Listing helpers that every floor uses: one page of a list, pages in a chosen order, a long list of ids in SQL."""

import json

from django.core.paginator import Paginator
from django.db.models import BooleanField, F, Func

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


class PkIn(Func):
    """``filter(PkIn(ids))``: the rows whose primary key is in ``ids``, a long list of ids as one SQL parameter.

    Django's ``pk__in=ids`` prepares a literal list of a thousand ids one by one each time a query that holds it is
    built: milliseconds, in every facet's count. PostgreSQL gets ``pk = ANY(array)`` (an index scan), SQLite a JSON
    array (json_each).
    """

    output_field = BooleanField()

    def __init__(self, ids):
        super().__init__(F("pk"))
        self.ids = list(ids)

    def as_sql(self, compiler, connection):
        column, params = compiler.compile(self.source_expressions[0])
        sql = f"{column} IN (SELECT value FROM json_each(%s))"  # noqa: S608 -- a compiled column; the ids: a parameter
        return sql, [*params, json.dumps(self.ids)]

    def as_postgresql(self, compiler, connection):
        column, params = compiler.compile(self.source_expressions[0])
        return f"{column} = ANY(%s::bigint[])", [*params, self.ids]
