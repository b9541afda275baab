"""The public search at /zoeken/: finds live pages, never drafts, and any input gives a normal page; the Kennisplein's
facets over the results; the editors' promoted results."""

import datetime
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from core.listing import LISTING_PAGE_SIZE
from correspondents.models import Municipality
from home.models import SiteSettings
from search import views
from search.query import search_words
from stories.models import StoryBuurtmaker
from tests import factories
from tests.helpers import heading, links, soup, text
from tests.perf.test_query_budgets import BUDGETS

pytestmark = pytest.mark.django_db

LONG_QUERY = ("moestuin " * 1200)[:10_000]


@pytest.fixture
def stories(site_tree, region):
    return {
        "live": factories.PracticeStoryPageFactory(
            parent=region,
            title="Moestuin aan de Lek",
            intro="Bewoners kweken samen groente.",
            municipality=Municipality.objects.get(name="Nieuwegein"),
        ),
        "draft": factories.PracticeStoryPageFactory(
            parent=site_tree.stories, title="Moestuin in de maak", live=False, first_published_at=None
        ),
        "other": factories.PracticeStoryPageFactory(parent=site_tree.stories, title="Soep op woensdag"),
    }


def search(client, query):
    response = client.get(reverse("search"), {"q": query})
    assert response.status_code == 200
    return response


def result_titles(response):
    return [a.get_text(strip=True) for a in soup(response).select("main ol a")]


def test_finds_a_live_story_by_a_word_in_its_title(client, stories):
    response = search(client, "moestuin")

    assert heading(response) == "Zoekresultaten"
    assert ("Moestuin aan de Lek", stories["live"].url) in links(response)
    assert "Soep op woensdag" not in result_titles(response)


def test_never_shows_a_draft(client, stories):
    response = search(client, "moestuin")

    assert "Moestuin in de maak" not in text(response)
    assert stories["draft"].url not in [href for _, href in links(response)]


def test_finds_a_story_by_its_municipality(client, stories):
    """The region page links each municipality to a search for its name."""
    response = search(client, "Nieuwegein")

    assert ("Moestuin aan de Lek", stories["live"].url) in links(response)


def test_no_results_says_so(client, stories):
    response = search(client, "zwembad")

    assert "Geen resultaten voor ‘zwembad’." in text(response)


def test_empty_query_shows_the_search_form(client, stories):
    response = search(client, "")

    assert heading(response) == "Zoeken"
    assert soup(response).find("input", attrs={"name": "q"}) is not None
    assert not result_titles(response)


@pytest.mark.parametrize(
    "query",
    [
        LONG_QUERY,
        "?!.,;:()[]{}*&^%$#@~`'\"",
        "'; DROP TABLE wagtailcore_page; --",
        "<script>alert('buurt')</script>",
        '"moestuin',
        "moestuin\x00",
        "   ",
    ],
    ids=["10000 characters", "only punctuation", "sql injection", "script tag", "double quote", "nul byte", "spaces"],
)
def test_any_input_gives_a_normal_page(client, stories, query):
    pages_before = Page.objects.count()

    response = search(client, query)
    html = response.content.decode()

    assert heading(response) in ("Zoekresultaten", "Zoeken")
    assert "<script>alert" not in html
    assert Page.objects.count() == pages_before


def test_script_tag_is_shown_escaped(client, stories):
    response = search(client, "<script>alert('buurt')</script>")

    assert "&lt;script&gt;" in response.content.decode()
    assert soup(response).find("input", attrs={"name": "q"})["value"] == "<script>alert('buurt')</script>"


def test_long_query_is_cut_to_a_reasonable_length(client, stories):
    response = search(client, LONG_QUERY)

    assert len(soup(response).find("input", attrs={"name": "q"})["value"]) <= 200


def test_a_long_query_finds_what_its_words_find(client, stories):
    """A 10,000-character query is searched for as its first different words: here the one word it repeats."""
    found = result_titles(search(client, LONG_QUERY))

    assert found == result_titles(search(client, "moestuin")) == ["Moestuin aan de Lek"]


def test_words_beyond_the_first_ten_are_not_searched_for(client, site_tree):
    factories.PracticeStoryPageFactory(
        parent=site_tree.stories,
        title="Tuinieren in de wijk",
        intro="Bewoners kweken samen groente, delen recepten, koken soep, drinken koffie en planten bomen.",
    )
    # Ten words of the story, and stop words, which are not searched for (PostgreSQL's Dutch search drops them).
    words = "tuinieren in de wijk bewoners kweken samen groente en delen recepten koken soep"

    assert result_titles(search(client, words)) == ["Tuinieren in de wijk"]
    eleven = search(client, f"{words} zwembad")
    assert result_titles(eleven) == ["Tuinieren in de wijk"]
    assert "deel ervan" not in text(eleven)  # the story has all ten words searched for
    # Nine words and a missing one: no page has them all, so the pages with some of them are shown, saying so.
    some = search(client, f"{words.removeprefix('tuinieren ')} zwembad")
    assert "Geen pagina's met al je zoekwoorden samen" in text(some)
    assert "Tuinieren in de wijk" in result_titles(some)


def test_stop_words_are_left_out_unless_the_query_has_nothing_else(client, stories):
    assert search_words("de moestuin van het dorp", 10) == ["moestuin", "dorp"]
    assert search_words("van de", 10) == ["van", "de"]
    assert result_titles(search(client, "de moestuin aan de Lek")) == ["Moestuin aan de Lek"]


# Facets over the search results --------------------------------------------------------------------


@pytest.fixture
def buurt(site_tree, region, other_region, theme):
    """Pages that all say 'buurtkamer', of every kind, in both regions and nationally, over two years."""
    housing = factories.ThemeHubPageFactory(parent=site_tree.themes, title="Wonen")
    at = timezone.make_aware

    def story(title, parent, themes, published):
        return factories.PracticeStoryPageFactory(
            parent=parent,
            title=title,
            intro="Een buurtkamer voor iedereen.",
            themes=themes,
            first_published_at=published,
        )

    return {
        "utrecht": story("Buurtkamer in Overvecht", region, [theme], at(datetime.datetime(2024, 3, 1))),
        "groningen": story("Buurtkamer in het dorp", other_region, [theme, housing], at(datetime.datetime(2023, 5, 1))),
        "national": story("Buurtkamers in het land", site_tree.stories, [housing], at(datetime.datetime(2024, 6, 1))),
        "knowledge": factories.KnowledgePageFactory(
            parent=site_tree.knowledge,
            title="Waarom de buurtkamer werkt",
            themes=[theme],
            first_published_at=at(datetime.datetime(2023, 8, 1)),
        ),
        "news": factories.RegionalNewsPageFactory(
            parent=region,
            title="Buurtkamer verhuist",
            intro="De buurtkamer zit voortaan in de bibliotheek.",
            first_published_at=at(datetime.datetime(2024, 1, 15)),
        ),
        "housing": housing,
    }


def search_with(client, **params):
    response = client.get(reverse("search"), params)
    assert response.status_code == 200
    return response


def facet_counts(response):
    """{select name: {value: count}} of the filter form, "Alle …" left out."""
    return {
        select["name"]: {
            option["value"]: int(re.search(r"\((\d+) resulta", option.get_text()).group(1))
            for option in select.find_all("option")
            if option["value"]
        }
        for select in soup(response).select("form.facets select")
    }


def test_search_shows_the_kennisplein_facets_with_counts(client, buurt):
    response = search_with(client, q="buurtkamer")

    assert facet_counts(response) == {
        "soort": {"praktijkverhaal": 3, "kennis": 1, "nieuws": 1},
        "thema": {"eenzaamheid": 3, "wonen": 2},
        "regio": {"utrecht": 2, "groningen": 1},
        "jaar": {"2024": 3, "2023": 2},
    }
    assert soup(response).select_one("form.facets input[type=hidden][name=q]")["value"] == "buurtkamer"


def test_facet_counts_apply_the_other_filters(client, buurt):
    response = search_with(client, q="buurtkamer", thema="eenzaamheid", jaar="2024")

    assert sorted(result_titles(response)) == ["Buurtkamer in Overvecht"]
    assert facet_counts(response) == {
        "soort": {"praktijkverhaal": 1},
        "thema": {"eenzaamheid": 1, "wonen": 1},
        "regio": {"utrecht": 1},
        "jaar": {"2024": 1, "2023": 2},
    }


def test_filtering_keeps_the_ranking_order(client, buurt):
    ranked = result_titles(search_with(client, q="buurtkamer"))

    filtered = result_titles(search_with(client, q="buurtkamer", soort="praktijkverhaal"))

    assert filtered == [title for title in ranked if title in filtered]
    assert sorted(filtered) == ["Buurtkamer in Overvecht", "Buurtkamer in het dorp", "Buurtkamers in het land"]


def test_region_filter_keeps_pages_below_the_region(client, buurt):
    response = search_with(client, q="buurtkamer", regio="utrecht")

    assert sorted(result_titles(response)) == ["Buurtkamer in Overvecht", "Buurtkamer verhuist"]


def test_removing_a_filter_keeps_the_query(client, buurt):
    response = search_with(client, q="buurtkamer", soort="kennis", regio="utrecht")

    assert ("Soort: Kennis , filter weghalen ×", "/zoeken/?q=buurtkamer&regio=utrecht") in links(response)
    assert ("Regio: Utrecht , filter weghalen ×", "/zoeken/?q=buurtkamer&soort=kennis") in links(response)


def test_filters_that_exclude_everything_offer_to_remove_them(client, buurt):
    response = search_with(client, q="buurtkamer", soort="kennis", regio="utrecht")

    assert "Geen resultaten voor ‘buurtkamer’ met deze filters." in text(response)
    assert ("zoek zonder filters", "/zoeken/?q=buurtkamer") in links(response)
    assert soup(response).select_one("form.facets") is not None


def test_bad_filter_values_are_ignored_in_search(client, buurt):
    plain = search_with(client, q="buurtkamer")

    response = search_with(client, q="buurtkamer", soort="<b>", thema="'; --", regio="\x00", jaar="abc", pagina="x")

    assert result_titles(response) == result_titles(plain)
    assert not soup(response).select(".active-filters")


def test_search_pagination_keeps_query_and_filters(client, buurt, site_tree):
    for n in range(LISTING_PAGE_SIZE + 1):
        factories.PracticeStoryPageFactory(parent=site_tree.stories, title=f"Buurtkamer {n}")

    response = search_with(client, q="buurtkamer", soort="praktijkverhaal")
    next_link = soup(response).find("a", rel="next")["href"]

    assert parse_qs(urlsplit(next_link).query) == {"q": ["buurtkamer"], "soort": ["praktijkverhaal"], "pagina": ["2"]}
    second = client.get(next_link)
    assert len(result_titles(second)) == 16 - LISTING_PAGE_SIZE
    assert "16 resultaten voor ‘buurtkamer’, pagina 2 van 2" in text(second)


def test_a_page_past_the_last_gives_the_last(client, buurt, site_tree):
    for n in range(LISTING_PAGE_SIZE + 1):
        factories.PracticeStoryPageFactory(parent=site_tree.stories, title=f"Buurtkamer {n}")

    response = search_with(client, q="buurtkamer", pagina="99999")

    assert "18 resultaten voor ‘buurtkamer’, pagina 2 van 2" in text(response)
    assert len(result_titles(response)) == 18 - LISTING_PAGE_SIZE


def test_only_the_best_matches_are_counted(client, buurt, monkeypatch):
    monkeypatch.setattr(views, "MAX_RESULTS", 2)

    response = search_with(client, q="buurtkamer")

    assert len(result_titles(response)) == 2
    assert "de resultaten, filters en aantallen gaan over de 2 best passende pagina's" in text(response)
    assert sum(facet_counts(response)["soort"].values()) == 2


def test_search_queries_do_not_grow_with_the_number_of_matches(client, buurt, site_tree, region):
    def queries(**params):
        with CaptureQueriesContext(connection) as captured:
            search_with(client, **params)
        return len(captured)

    search_with(client, q="buurtkamer")
    before = (queries(q="buurtkamer"), queries(q="buurtkamer", thema="eenzaamheid", regio="utrecht"))
    for n in range(10):
        factories.PracticeStoryPageFactory(parent=region, title=f"Buurtkamer {n}", themes=[buurt["housing"]])
        factories.KnowledgePageFactory(parent=site_tree.knowledge, title=f"Buurtkamer kennis {n}")
    after = (queries(q="buurtkamer"), queries(q="buurtkamer", thema="eenzaamheid", regio="utrecht"))

    # One query per page type among the results shown: more matches can mean fewer types on the first page.
    assert after[0] <= before[0] and after[1] <= before[1]


# What search finds ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("Taalcafé", "Taalcafé op dinsdag"),  # title
        ("voorleesochtend", "Taalcafé op dinsdag"),  # intro
        ("soepketel", "Taalcafé op dinsdag"),  # body
        ("Azzouzi", "Taalcafé op dinsdag"),  # a buurtmaker
        ("Wijkteam Noord", "Taalcafé op dinsdag"),  # a buurtmaker's organisation
        ("Nieuwegein", "Taalcafé op dinsdag"),  # the municipality
        ("Bourdieu", "Sociaal kapitaal"),  # a knowledge page's author
        ("bibliotheek", "Buurtkamer verhuist"),  # regional news intro
    ],
)
def test_search_covers_titles_intros_bodies_buurtmakers_and_municipalities(client, site_tree, region, query, title):
    story = factories.PracticeStoryPageFactory(
        parent=region,
        title="Taalcafé op dinsdag",
        intro="Elke week een voorleesochtend voor ouders.",
        municipality=Municipality.objects.get(name="Nieuwegein"),
        body__0__paragraph__value="<p>Na afloop gaat de soepketel rond.</p>",
        buurtmakers=[StoryBuurtmaker(name="Fatima Azzouzi", role="bewoner", organisation="Wijkteam Noord")],
    )
    # Published as the editor does: the factory saves the buurtmakers after the page, so after it was indexed.
    story.save_revision().publish()
    factories.KnowledgePageFactory(parent=site_tree.knowledge, title="Sociaal kapitaal", author_name="Pierre Bourdieu")
    factories.RegionalNewsPageFactory(
        parent=region, title="Buurtkamer verhuist", intro="De buurtkamer zit voortaan in de bibliotheek."
    )

    assert title in result_titles(search(client, query))


# Promoted results ----------------------------------------------------------------------------------


@pytest.fixture
def promotions(site_tree, theme, stories):
    query = Query.get("eenzaamheid")
    draft = factories.PracticeStoryPageFactory(
        parent=site_tree.stories, title="Nog niet af", live=False, first_published_at=None
    )
    SearchPromotion.objects.create(query=query, page=theme, description="Alles over eenzaamheid.", sort_order=0)
    SearchPromotion.objects.create(query=query, page=draft, sort_order=1)
    SearchPromotion.objects.create(
        query=query,
        external_link_url="https://www.example.org/eenzaamheid",
        external_link_text="Landelijk steunpunt",
        sort_order=2,
    )
    return query


def promoted(response):
    section = soup(response).find("h2", string="Aanbevolen door de redactie")
    if section is None:
        return None
    return [(a.get_text(strip=True), a["href"]) for a in section.find_parent("section").find_all("a")]


def test_editors_picks_show_above_the_results(client, promotions, theme):
    response = search(client, "Eenzaamheid")

    assert promoted(response) == [
        ("Eenzaamheid", theme.url),
        ("Landelijk steunpunt", "https://www.example.org/eenzaamheid"),
    ]
    assert "Alles over eenzaamheid." in text(response)
    html = response.content.decode()
    assert html.index("Aanbevolen door de redactie") < html.index('id="resultaten"')


def test_editors_picks_show_even_without_other_results(client, promotions):
    response = search(client, "eenzaamheid")

    assert promoted(response)[0][0] == "Eenzaamheid"


def test_no_picks_for_other_queries_or_later_pages(client, promotions, stories, site_tree):
    for n in range(LISTING_PAGE_SIZE + 1):
        factories.PracticeStoryPageFactory(parent=site_tree.stories, title=f"Eenzaamheid {n}")

    assert promoted(search(client, "moestuin")) is None
    assert promoted(search_with(client, q="eenzaamheid", pagina="2")) is None
    assert promoted(search_with(client, q="eenzaamheid")) is not None


def test_search_records_the_query_hit(client, promotions):
    search(client, "eenzaamheid")
    search(client, "Eenzaamheid ")

    assert Query.objects.get(query_string="eenzaamheid").hits == 2


def test_search_records_the_hits_of_a_query_never_searched_before(client, promotions):
    assert not Query.objects.filter(query_string="moestuin").exists()

    search(client, "moestuin")
    search(client, "Moestuin")

    assert Query.objects.get(query_string="moestuin").hits == 2


def test_central_editors_manage_search_promotions(client, central_editor, theme):
    client.force_login(central_editor)

    response = client.post(
        reverse("wagtailsearchpromotions:add"),
        {
            "query_string": "soep",
            "editors_picks-TOTAL_FORMS": "1",
            "editors_picks-INITIAL_FORMS": "0",
            "editors_picks-MIN_NUM_FORMS": "0",
            "editors_picks-MAX_NUM_FORMS": "1000",
            "editors_picks-0-page": str(theme.pk),
            "editors_picks-0-external_link_url": "",
            "editors_picks-0-external_link_text": "",
            "editors_picks-0-description": "Begin hier.",
            "editors_picks-0-ORDER": "0",
            "editors_picks-0-DELETE": "",
        },
    )

    assert response.status_code == 302
    assert [(p.query.query_string, p.page_id) for p in SearchPromotion.objects.all()] == [("soep", theme.pk)]


def test_the_first_search_ever_for_a_query_stays_within_the_search_budget(client, stories):
    """The page cache never saw it and Wagtail's hit counter has no row for it: counting costs 3 queries, not 10."""
    SiteSettings.for_site(stories["live"].get_site())  # as setup_site leaves every real site: not this search's cost
    for cache in caches.all():
        cache.clear()

    with CaptureQueriesContext(connection) as first:
        response = search(client, "moestuin")

    assert "Moestuin" in " ".join(result_titles(response))
    assert Query.objects.get(query_string="moestuin").hits == 1
    assert len(first) <= BUDGETS["search"], "\n".join(q["sql"][:120] for q in first.captured_queries)
