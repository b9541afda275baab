"""The theme hub: the editors' intro and picks, then one list of every story and knowledge page with the theme,
newest first, filterable by region, municipality and kind, with counts; related themes.

Uses the Kennisplein's data set (tests/stories/test_facets.py) and checks every filter combination of every theme.
"""

import itertools

import pytest

from tests import factories
from tests.helpers import get_page, heading, links, rolled_back, soup, text
from tests.stories.test_facets import (
    DATA,
    MUNICIPALITIES,
    REGIONS,
    THEMES,
    chosen,
    create_data,
    expected,
    params_of,
    query_of,
    result_titles,
    shown_counts,
)

HUB_FACETS = ["regio", "gemeente", "soort"]
HUB_KINDS = ["praktijkverhaal", "kennis"]


@pytest.fixture(scope="module")
def data(django_db_setup, django_db_blocker):
    with rolled_back(django_db_blocker):
        yield create_data()


COMBINATIONS = [
    (theme, dict(zip(HUB_FACETS, values, strict=True)))
    for theme in THEMES
    for values in itertools.product([""] + REGIONS, [""] + MUNICIPALITIES, [""] + HUB_KINDS)
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("theme", "selection"),
    COMBINATIONS,
    ids=[f"{theme}-" + "-".join(v or "alle" for v in selection.values()) for theme, selection in COMBINATIONS],
)
def test_every_filter_combination_of_every_theme(client, data, theme, selection):
    titles, counts = expected({"thema": theme, **selection}, HUB_FACETS)

    response = get_page(client, data["themes"][theme], **params_of(selection))

    assert result_titles(response) == titles
    assert shown_counts(response) == counts
    assert chosen(response) == selection


def test_the_combinations_cover_empty_and_full_results():
    sizes = {len(expected({"thema": theme, **selection}, [])[0]) for theme, selection in COMBINATIONS}

    assert 0 in sizes and 1 in sizes and max(sizes) == 4


@pytest.mark.django_db
def test_hub_mixes_stories_and_knowledge_newest_first(client, data):
    response = get_page(client, data["themes"]["eenzaamheid"])

    assert heading(response) == "Eenzaamheid"
    assert "Wat we weten over dit thema, volgens de redactie." in text(response)
    assert result_titles(response) == [
        "Soep in Overvecht",
        "Dorpsbus rijdt weer",
        "Moestuin in Nieuwegein",
        "Eenzaamheid onderzocht",
    ]
    assert [p.get_text(strip=True) for p in soup(response).select(".mixed-listing .listing-kind")] == [
        "Praktijkverhaal",
        "Praktijkverhaal",
        "Praktijkverhaal",
        "Kennis",
    ]
    assert "Concept over eenzaamheid" not in text(response) and "Besloten verhaal" not in text(response)


@pytest.mark.django_db
def test_municipality_filter_offers_only_municipalities_with_stories_on_the_theme(client, data):
    response = get_page(client, data["themes"]["armoede"])
    options = [o.get_text(strip=True) for o in soup(response).select("select[name=gemeente] option")]

    assert options == ["Alle gemeenten", "Westerkwartier (1 resultaat)"]


@pytest.mark.django_db
def test_the_filters_are_region_municipality_and_kind(client, data):
    response = get_page(client, data["themes"]["wonen"])
    form = soup(response).select_one("form.facets")

    assert [label.get_text(strip=True) for label in form.find_all("label")] == ["Regio", "Gemeente", "Soort"]
    assert form.find("h3").get_text(strip=True) == "Filters"
    assert [o["value"] for o in form.select("select[name=soort] option")] == ["", "praktijkverhaal", "kennis"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [{"soort": "nieuws"}, {"gemeente": "zeist"}, {"gemeente": "bestaat-niet"}, {"regio": "x" * 5000}, {"jaar": "2024"}],
    ids=["kind not on hubs", "municipality without stories", "unknown municipality", "long", "not a hub facet"],
)
def test_bad_or_unknown_values_are_ignored_or_find_nothing(client, data, params):
    response = get_page(client, data["themes"]["eenzaamheid"], **params)

    if params.get("gemeente") == "zeist":
        # A real municipality, just without stories on this theme: chosen, no results, and it says so.
        assert result_titles(response) == []
        assert "Geen resultaten met deze filters." in text(response)
        assert chosen(response)["gemeente"] == "zeist"
    else:
        assert result_titles(response) == expected({"thema": "eenzaamheid"}, [])[0]
        assert chosen(response) == {"regio": "", "gemeente": "", "soort": ""}


@pytest.mark.django_db
def test_filtered_hub_links_back_to_the_whole_theme(client, data):
    theme = data["themes"]["eenzaamheid"]
    response = get_page(client, theme, regio="utrecht", gemeente="nieuwegein")

    assert result_titles(response) == ["Moestuin in Nieuwegein"]
    assert ("Regio: Utrecht , filter weghalen ×", f"{theme.url}?gemeente=nieuwegein") in links(response)
    assert ("Gemeente: Nieuwegein , filter weghalen ×", f"{theme.url}?regio=utrecht") in links(response)
    assert ("Alle filters weghalen", theme.url) in links(response)


@pytest.mark.django_db
def test_picks_show_on_the_unfiltered_first_page_only(client, data):
    theme = data["themes"]["wonen"]
    factories.ThemeCuratedPickFactory(theme=theme, page=data["pages"]["Schaarste"])

    unfiltered = get_page(client, theme)
    filtered = get_page(client, theme, soort="praktijkverhaal")

    assert "Keuze van de redactie" in text(unfiltered)
    assert "Keuze van de redactie" not in text(filtered)


@pytest.mark.django_db
def test_related_themes_stay(client, data):
    theme = data["themes"]["wonen"]
    theme.related_themes = [data["themes"]["armoede"]]
    theme.save()

    response = get_page(client, theme, regio="groningen")

    assert ("Armoede", data["themes"]["armoede"].url) in links(response)


@pytest.mark.django_db
def test_hub_pagination_keeps_the_filters(client, data):
    theme, region = data["themes"]["wonen"], data["regions"]["groningen"]
    for n in range(14, 0, -1):
        factories.PracticeStoryPageFactory(
            parent=region, title=f"Verhaal {n}", themes=[theme], first_published_at=factories.days_ago(n)
        )

    response = get_page(client, theme, regio="groningen", soort="praktijkverhaal")
    second = client.get(soup(response).find("a", rel="next")["href"])

    assert query_of(soup(response).find("a", rel="next")["href"]) == {
        "regio": "groningen",
        "soort": "praktijkverhaal",
        "pagina": "2",
    }
    assert result_titles(second) == ["Verhaal 13", "Verhaal 14", "Huurders praten mee"]
    assert soup(second).find("link", rel="canonical")["href"] == (
        f"{theme.full_url}?regio=groningen&soort=praktijkverhaal&pagina=2"
    )


@pytest.mark.django_db
def test_data_set_has_news_that_hubs_never_show(client, data):
    news_titles = {item.title for item in DATA if item.kind == "nieuws"}
    shown = set()
    for theme in THEMES:
        shown |= set(result_titles(get_page(client, data["themes"][theme])))

    assert news_titles and not news_titles & shown


@pytest.mark.django_db
def test_a_theme_without_pages_says_so_and_offers_no_filters(client, data):
    theme = factories.ThemeHubPageFactory(parent=data["tree"].themes, title="Sport")

    response = get_page(client, theme)

    assert "Er zijn nog geen verhalen over dit thema." in text(response)
    assert soup(response).select_one("form.facets") is None
