"""The search backend on PostgreSQL: modelsearch's own, which also knows a word that matches as the start of longer
words (search.query.Prefix: "buurt" finds "buurtbewoners")."""

from django.contrib.postgres.search import SearchQuery
from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend, PostgresSearchQueryCompiler
from modelsearch.backends.database.postgres.query import Lexeme

from search.query import Prefix


class PrefixPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, Prefix):
            lexeme = Lexeme(query.query_string, invert=invert, prefix=True)
            return SearchQuery(lexeme, search_type="raw", config=config)
        return super().build_tsquery_content(query, config=config, invert=invert)


class PrefixPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = PrefixPostgresSearchQueryCompiler


SearchBackend = PrefixPostgresSearchBackend
