"""Search ranking on a small Dutch corpus, and Dutch stemming on PostgreSQL (SEARCH_CONFIG "dutch").

Runs on SQLite (FTS5) and on PostgreSQL: `DATABASE_URL=postgres://… pytest tests/search/test_ranking.py`.
"""

import pytest
from django.db import connection
from django.urls import reverse

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
