"""Search ranking on a small Dutch corpus, and Dutch stemming on PostgreSQL (SEARCH_CONFIG "dutch"); on SQLite,
the search backend ranks as modelsearch's own does, in one query.

Runs on SQLite (FTS5) and on PostgreSQL: `DATABASE_URL=postgres://… pytest tests/search/test_ranking.py`.
"""

import pytest
from django.db import connection
from django.urls import reverse
from modelsearch.backends import get_search_backend
from wagtail.models import Page

from tests import factories
from tests.helpers import soup

pytestmark = pytest.mark.django_db


def result_titles(query, client):
    response = client.get(reverse("search"), {"q": query})
    assert response.status_code == 200
    return [a.get_text(strip=True) for a in soup(response).select("main ol.search-results h3 a")]


@pytest.fixture
def corpus(site_tree, region):
    """Stories that say 'moestuin' in the title, only in the intro, only deep in the body, or not at all."""
    parent = site_tree.stories
    factories.PracticeStoryPageFactory(
        parent=parent,
        title="Een buurt vol groen",
        intro="Bewoners van de Kanaalstraat legden samen tuinen aan tussen de flats.",
        body__0__paragraph__value="<p>Later kwam er ook een moestuin bij de school.</p>",
    )
    factories.PracticeStoryPageFactory(
        parent=parent,
        title="De moestuin van de Kanaalstraat",
        intro="Hoe een moestuin buren bij elkaar bracht.",
        body__0__paragraph__value="<p>Elke zaterdag wieden ze samen in de moestuin.</p>",
    )
    factories.PracticeStoryPageFactory(
        parent=parent,
        title="Oogstfeest in Overvecht",
        intro="Na de zomer vierde de wijk de oogst uit de moestuin.",
        body__0__paragraph__value="<p>Er was soep voor iedereen.</p>",
    )
    factories.PracticeStoryPageFactory(
        parent=parent,
        title="Taalcafé in de bibliotheek",
        intro="Elke dinsdag oefenen buurtbewoners Nederlands.",
        body__0__paragraph__value="<p>Vrijwilligers schenken koffie.</p>",
    )
    factories.KnowledgePageFactory(
        parent=site_tree.knowledge,
        title="Wat de buurt bindt",
        intro="Onderzoek naar ontmoeten in de buurt.",
        body__0__paragraph__value="<p>Ontmoetingsplekken maken het verschil.</p>",
    )


def test_best_match_comes_first(client, corpus):
    titles = result_titles("moestuin", client)

    assert titles[0] == "De moestuin van de Kanaalstraat"
    assert set(titles) == {"De moestuin van de Kanaalstraat", "Oogstfeest in Overvecht", "Een buurt vol groen"}
    assert "Taalcafé in de bibliotheek" not in titles


def test_every_word_must_match(client, corpus):
    assert result_titles("moestuin soep", client) == ["Oogstfeest in Overvecht"]


def test_dutch_stemming_finds_the_singular_for_the_plural(client, corpus):
    """'buurten' finds pages that only say 'buurt': PostgreSQL's Dutch dictionary stems both to 'buurt'."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite FTS5 has no Dutch stemmer; stemming is the PostgreSQL backend's SEARCH_CONFIG 'dutch'")

    titles = result_titles("buurten", client)

    assert "Wat de buurt bindt" in titles
    assert "Een buurt vol groen" in titles


@pytest.fixture
def sqlite_backends():
    """modelsearch's own SQLite backend and ours (the configured one, search/sqlite_backend.py), over one index."""
    if connection.vendor != "sqlite":
        pytest.skip("search/sqlite_backend.py is the search backend on SQLite only")
    theirs, ours = get_search_backend("modelsearch.backends.database"), get_search_backend()
    assert type(ours).__name__ == "RankedSQLiteSearchBackend" and type(theirs).__name__ == "SQLiteSearchBackend"
    return theirs, ours


@pytest.mark.parametrize("query", ["moestuin", "buurt", "moestuin soep", "Kanaalstraat"])
def test_sqlite_ranks_as_modelsearch_does_in_one_query(corpus, sqlite_backends, query, django_assert_num_queries):
    theirs, ours = sqlite_backends
    pages = Page.objects.live()
    expected = list(theirs.search(query, pages).annotate_score("score"))
    assert expected, "the corpus has matches for every query"

    with django_assert_num_queries(2):  # the ranked ids, then the pages
        found = list(ours.search(query, pages).annotate_score("score"))

    assert [(page.pk, page.score) for page in found] == [(page.pk, page.score) for page in expected]
    assert ours.search(query, pages).count() == len(expected)
    assert [page.pk for page in ours.search(query, pages)[1:]] == [page.pk for page in expected[1:]]


def test_autocomplete_finds_the_start_of_a_word(corpus):
    """The admin's choosers search as the editor types: the last word is a prefix."""
    assert "De moestuin van de Kanaalstraat" in [page.title for page in Page.objects.live().autocomplete("Kanaalstr")]
