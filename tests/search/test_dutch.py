"""The search reads Dutch (search/query.py): parts and joined forms of compounds, plurals, synonyms the central team
keeps, separable verbs; pages with some of the words when none has all of them; "bedoelde je ...?" for a typing
error; and a page whose title is the query on top."""

import pytest
from django.urls import reverse

from search.models import SynonymGroup
from tests import factories
from tests.helpers import soup, text

pytestmark = pytest.mark.django_db


def search(client, query):
    response = client.get(reverse("search"), {"q": query})
    assert response.status_code == 200
    return response


def result_titles(response):
    return [a.get_text(strip=True) for a in soup(response).select("main ol a")]


def story(parent, title, body):
    return factories.PracticeStoryPageFactory(
        parent=parent, title=title, intro="Zo ging het.", body__0__paragraph__value=f"<p>{body}</p>"
    )


@pytest.fixture
def stories(site_tree, region):
    return {
        "houses": story(region, "Open deuren in de wijk", "De buurthuizen van Overvecht gaan 's avonds open."),
        "apart": story(region, "Eten met de straat", "Elke vrijdag samen koken voor wie wil aanschuiven."),
        "verb": story(region, "Een schoon plein", "Op zaterdag ruimen we met twintig bewoners het plein op."),
        "centre": story(region, "Taalles om de hoek", "Het wijkcentrum geeft elke dinsdag taalles."),
        "other": story(site_tree.stories, "Soep op woensdag", "Een pan soep en een praatje."),
    }


def test_the_first_part_of_a_compound_finds_the_compound_in_its_plural(client, stories):
    assert "Open deuren in de wijk" in result_titles(search(client, "buurt"))  # (and every page about Buurtwijs)
    # The compound itself, also where the page has only its plural (s -> z, which no stemmer undoes).
    found = result_titles(search(client, "buurthuis"))
    assert "Open deuren in de wijk" in found
    assert "Soep op woensdag" not in found
    assert result_titles(search(client, "zwembad")) == []


def test_words_a_page_writes_apart_are_found_typed_as_one(client, stories):
    assert result_titles(search(client, "samenkoken")) == ["Eten met de straat"]
    assert result_titles(search(client, "samen koken")) == ["Eten met de straat"]


def test_a_separable_verb_finds_the_sentence_that_splits_it(client, stories):
    assert result_titles(search(client, "opruimen")) == ["Een schoon plein"]
    assert result_titles(search(client, "plein opruimen")) == ["Een schoon plein"]


def test_synonyms_the_central_team_keeps_find_each_other(client, stories, central_editor):
    assert "Taalles om de hoek" not in result_titles(search(client, "buurtkantoor"))
    client.force_login(central_editor)
    response = client.post(
        reverse("wagtailsnippets_search_synonymgroup:add"), {"words": "Buurtkantoor, wijkcentrum"}, follow=True
    )
    assert response.status_code == 200
    assert SynonymGroup.objects.filter(words="buurtkantoor, wijkcentrum").exists()
    client.logout()

    assert result_titles(search(client, "buurtkantoor")) == ["Taalles om de hoek"]  # the search page was purged
    assert result_titles(search(client, "wijkcentrum")) == ["Taalles om de hoek"]

    SynonymGroup.objects.filter(words="buurtkantoor, wijkcentrum").delete()
    assert result_titles(search(client, "buurtkantoor")) == []


def test_a_synonym_group_needs_two_words_and_says_so_in_dutch(client, central_editor):
    client.force_login(central_editor)
    response = client.post(reverse("wagtailsnippets_search_synonymgroup:add"), {"words": "buurthuis"})

    assert response.status_code == 200
    assert "Geef minstens twee woorden, gescheiden door een komma." in text(response)
    assert 'value="buurthuis"' in response.content.decode()  # what was typed stays
    assert not SynonymGroup.objects.filter(words__startswith="buurthuis").exclude(words__contains=",").exists()


def test_only_the_central_team_keeps_the_synonyms(client, editorial_teams):
    correspondent = editorial_teams.correspondent
    client.force_login(correspondent)
    refused = client.post(reverse("wagtailsnippets_search_synonymgroup:add"), {"words": "kinderen, kids"})
    assert refused.status_code in (302, 403)
    assert not SynonymGroup.objects.filter(words="kinderen, kids").exists()

    client.force_login(editorial_teams.central_editor)  # positive control
    client.post(reverse("wagtailsnippets_search_synonymgroup:add"), {"words": "kinderen, kids"})
    assert SynonymGroup.objects.filter(words="kinderen, kids").exists()


def test_pages_with_some_of_the_words_when_none_has_all(client, stories):
    response = search(client, "soep zwembad")

    assert result_titles(response) == ["Soep op woensdag"]
    assert "Geen pagina's met al je zoekwoorden samen. Dit zijn de pagina's met een deel ervan." in text(response)

    all_words = search(client, "soep praatje")  # positive control: both words on one page, no notice
    assert result_titles(all_words) == ["Soep op woensdag"]
    assert "deel ervan" not in text(all_words)


def test_a_typing_error_gets_a_suggestion_that_finds_the_page(client, stories):
    response = search(client, "taalles hoekk")  # "hoek" is a word of a title
    suggestion = soup(response).find("a", string="taalles hoek")
    assert "Bedoelde je" in text(response)
    assert suggestion is not None

    assert result_titles(client.get(suggestion["href"])) == ["Taalles om de hoek"]
    assert "Bedoelde je" not in text(search(client, "taalles"))  # positive control: nothing to correct


def test_a_page_titled_as_the_query_comes_first(client, site_tree, region, theme):
    hub = factories.ThemeHubPageFactory(parent=site_tree.themes, title="Armoede", intro="Over armoede.")
    story(region, "Schulden en schaamte", "Armoede, armoede en nog eens armoede: in Overvecht is armoede overal.")
    story(region, "Armoede in de wijk", "Wat armoede met bewoners doet.")

    titles = result_titles(search(client, "armoede"))

    assert titles[0] == hub.title
    assert titles[1] == "Armoede in de wijk"  # the title holds the query
    assert "Schulden en schaamte" in titles
