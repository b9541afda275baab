"""The search backend on PostgreSQL: modelsearch's own, which also knows a word that matches as the start of longer
words (search.query.Prefix: "buurt" finds "buurtbewoners"), and scores any of several forms or words with one
ts_rank."""

from django.contrib.postgres.search import SearchQuery, SearchRank
from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend, PostgresSearchQueryCompiler
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.query import Or

from search.query import Prefix


class PrefixPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, Prefix):
            lexeme = Lexeme(query.query_string, invert=invert, prefix=True)
            return SearchQuery(lexeme, search_type="raw", config=config)
        return super().build_tsquery_content(query, config=config, invert=invert)

    def build_tsrank(self, vector, query, config=None, boost=1.0):
        """Any of several forms of a word, or of several words: one ts_rank of them together, where modelsearch
        averages a ts_rank per form. Ranking is most of a search's time on a common word, and a word of the
        query has up to eight forms (search/query.py); a page that has more of them still scores higher."""
        if isinstance(query, Or):
            rank = SearchRank(vector, self.build_tsquery(query, config=config), weights=self.sql_weights)
            return rank * boost if boost != 1.0 else rank
        return super().build_tsrank(vector, query, config=config, boost=boost)


class PrefixPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = PrefixPostgresSearchQueryCompiler


SearchBackend = PrefixPostgresSearchBackend
