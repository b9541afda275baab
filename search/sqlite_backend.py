"""The search backend on SQLite: modelsearch's, with one fix for its ranking, and words that match as the start of
longer words (search.query.Prefix), as on PostgreSQL (search/postgres_backend.py).

modelsearch 1.3 ranks SQLite results with a correlated subquery: for every match it runs the full-text query again
to find that match's score, so a word in 5,000 pages costs 5,000 full-text queries (2.3 s at 5,000 stories, 26 s at
10,000). Here one full-text query scores the matches and returns their ids best first; the objects are then
fetched by id. Same score, same tie-break (highest id first), so the same results in the same order. Unranked and
negated searches are modelsearch's own. Needs SQLite with FTS5, as modelsearch's own SQLite backend does.
"""

from django.db.models import CharField, IntegerField
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite.query import Lexeme, MatchExpression, SearchQueryExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks

from search.query import Prefix


class RankedMixin:
    """For a query compiler of modelsearch's SQLite backend (search or autocomplete)."""

    def build_search_query_content(self, query, config=None):
        """Also a word that matches as the start of longer words (search.query.Prefix: "buurt" finds
        "buurtbewoners")."""
        if isinstance(query, Prefix):
            return SearchQueryExpression(Lexeme(query.query_string, prefix=True), config=config)
        return super().build_search_query_content(query, config=config)

    def ranked(self, config, start, stop):
        """[(object id, score)] of the matches in the queryset, best first, sliced; None if this is no ranked
        search (then modelsearch's own search() answers)."""
        query = normalize(self.query)
        if not self.order_by_relevance or isinstance(query, MatchAll | Not):
            return None
        match = MatchExpression(self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config))
        object_ids = self.queryset.order_by().values(object_id=Cast("pk", CharField()))
        rows = (
            SQLiteFTSIndexEntry.objects.filter(match)
            .filter(
                index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model),
                index_entry__object_id__in=object_ids,
            )
            .annotate(score=self._build_rank_expression(self.get_search_vectors(), config))
            .order_by("score", Cast("index_entry__object_id", IntegerField()).desc())  # bm25: lower is better
            .values_list("index_entry__object_id", "score")
        )
        to_pk = self.queryset.model._meta.pk.to_python
        return [(to_pk(object_id), score) for object_id, score in rows[start:stop]]


class RankedSQLiteSearchQueryCompiler(RankedMixin, SQLiteSearchQueryCompiler):
    pass


class RankedSQLiteAutocompleteQueryCompiler(RankedMixin, SQLiteAutocompleteQueryCompiler):
    pass


class RankedSQLiteSearchResults(SQLiteSearchResults):
    def ranked(self):
        compiler = self.query_compiler
        return compiler.ranked(compiler.get_config(self.backend), self.start, self.stop)

    def _do_search(self):
        ranked = self.ranked()
        if ranked is None:
            return super()._do_search()
        compiler = self.query_compiler
        objects = compiler.queryset.in_bulk([pk for pk, _score in ranked])
        results = []
        for pk, score in ranked:
            if obj := objects.get(pk):
                if self._score_field:
                    setattr(obj, self._score_field, score)
                results.append(obj)
        return results


class RankedSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = RankedSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = RankedSQLiteAutocompleteQueryCompiler
    results_class = RankedSQLiteSearchResults


SearchBackend = RankedSQLiteSearchBackend
