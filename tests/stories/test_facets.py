"""The Kennisplein: one faceted overview of every live, public story, knowledge page and regional news item.

A known data set (DATA) is checked for every filter combination: the titles shown, newest first, and the count
shown next to every facet value, which applies every *other* active filter. The expected values come from plain
Python over DATA (expected()), independent of stories.facets.
"""

import datetime
import itertools
import re
from collections import Counter
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import nested_form_data, rich_text

from core.listing import LISTING_PAGE_SIZE
from stories.models import KennispleinPage
from tests import factories
from tests.helpers import get_page, heading, links, post_new_page, rolled_back, soup, text

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def at(*args):
    return datetime.datetime(*args, tzinfo=AMSTERDAM)


@dataclass(frozen=True)
class Item:
    title: str
    kind: str  # praktijkverhaal, kennis or nieuws
    region: str | None  # region slug
    municipality: str | None  # municipality slug
    themes: tuple
    published: datetime.datetime  # local time in Amsterdam

    @property
    def year(self):
        return str(self.published.year)

    def values(self, param):
        """The values this item has for a facet's GET parameter."""
        return {
            "soort": [self.kind],
            "thema": list(self.themes),
            "regio": [self.region] if self.region else [],
            "gemeente": [self.municipality] if self.municipality else [],
            "jaar": [self.year],
        }[param]


# Two items sit on either side of New Year in Amsterdam: in UTC both fall in 2023.
DATA = [
    Item("Soep in Overvecht", "praktijkverhaal", "utrecht", "utrecht", ("eenzaamheid",), at(2024, 3, 1, 12)),
    Item(
        "Moestuin in Nieuwegein", "praktijkverhaal", "utrecht", "nieuwegein", ("eenzaamheid", "wonen"), at(2023, 6, 1)
    ),
    Item(
        "Dorpsbus rijdt weer", "praktijkverhaal", "groningen", "westerkwartier", ("eenzaamheid",), at(2024, 1, 1, 0, 30)
    ),
    Item("Landelijk netwerk", "praktijkverhaal", None, None, ("armoede",), at(2023, 12, 31, 23, 30)),
    Item("Huurders praten mee", "praktijkverhaal", "groningen", "westerkwartier", ("wonen", "armoede"), at(2022, 5, 1)),
    Item("Eenzaamheid onderzocht", "kennis", None, None, ("eenzaamheid",), at(2023, 2, 1)),
    Item("Schaarste", "kennis", None, None, ("armoede", "wonen"), at(2024, 5, 1)),
    Item("Buurtkamer verhuist", "nieuws", "utrecht", "nieuwegein", (), at(2024, 2, 1)),
    Item("Ijsbaan open", "nieuws", "groningen", None, (), at(2023, 9, 1)),
]
KINDS = ["praktijkverhaal", "kennis", "nieuws"]
THEMES = ["eenzaamheid", "wonen", "armoede"]
REGIONS = ["utrecht", "groningen"]
MUNICIPALITIES = ["utrecht", "nieuwegein", "westerkwartier"]
YEARS = ["2022", "2023", "2024"]


def expected(selection, params):
    """Titles (newest first) and {param: {value: count}} for the facets ``params``, computed from DATA."""

    def passes(item, skip=None):
        return all(item_has(item, param, value) for param, value in selection.items() if param != skip and value)

    titles = [item.title for item in sorted(DATA, key=lambda item: item.published, reverse=True) if passes(item)]
    counts = {}
    for param in params:
        counter = Counter(value for item in DATA if passes(item, skip=param) for value in item.values(param))
        if selection.get(param):
            counter.setdefault(selection[param], 0)
        counts[param] = dict(counter)
    return titles, counts


def item_has(item, param, value):
    return value in item.values(param)


@pytest.fixture(scope="module")
def data(django_db_setup, django_db_blocker):
    with rolled_back(django_db_blocker):
        yield create_data()


def create_data():
    """DATA as pages, plus what must never show: a draft, a private story, other page types."""
    tree = factories.create_site_tree()
    regions = {
        "utrecht": factories.RegionPageFactory(parent=tree.regions, title="Utrecht"),
        "groningen": factories.RegionPageFactory(parent=tree.regions, title="Groningen"),
    }
    municipalities = {
        "utrecht": factories.MunicipalityFactory(region=regions["utrecht"], name="Utrecht"),
        "nieuwegein": factories.MunicipalityFactory(region=regions["utrecht"], name="Nieuwegein"),
        "westerkwartier": factories.MunicipalityFactory(region=regions["groningen"], name="Westerkwartier"),
        "zeist": factories.MunicipalityFactory(region=regions["utrecht"], name="Zeist"),
    }
    themes = {
        slug: factories.ThemeHubPageFactory(parent=tree.themes, title=slug.capitalize(), slug=slug) for slug in THEMES
    }
    pages = {}
    for item in DATA:
        parent = regions[item.region] if item.region else tree.stories
        fields = {"title": item.title, "first_published_at": item.published}
        if item.kind == "praktijkverhaal":
            pages[item.title] = factories.PracticeStoryPageFactory(
                parent=parent,
                municipality=municipalities.get(item.municipality),
                themes=[themes[slug] for slug in item.themes],
                **fields,
            )
        elif item.kind == "kennis":
            pages[item.title] = factories.KnowledgePageFactory(
                parent=tree.knowledge, themes=[themes[slug] for slug in item.themes], **fields
            )
        else:
            pages[item.title] = factories.RegionalNewsPageFactory(
                parent=parent, municipality=municipalities.get(item.municipality), **fields
            )
    factories.PracticeStoryPageFactory(
        parent=regions["utrecht"],
        title="Concept over eenzaamheid",
        themes=[themes["eenzaamheid"]],
        live=False,
        first_published_at=None,
    )
    private = factories.PracticeStoryPageFactory(
        parent=tree.stories, title="Besloten verhaal", themes=[themes["eenzaamheid"]]
    )
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    kennisplein = factories.KennispleinPageFactory(parent=tree.home)
    return {"tree": tree, "themes": themes, "regions": regions, "pages": pages, "kennisplein": kennisplein}


# What the page shows --------------------------------------------------------------------------------


def result_titles(response):
    return [a.get_text(strip=True) for a in soup(response).select(".mixed-listing .card__title a")]


def shown_counts(response):
    """{select name: {value: count}} of the filter form's options, "Alle …" left out."""
    counts = {}
    for select in soup(response).select("form.facets select"):
        options = {}
        for option in select.find_all("option"):
            if option["value"]:
                match = re.search(r"\((\d+) resulta(at|ten)\)$", option.get_text(strip=True))
                assert match, f"option {option.get_text()!r} shows no count"
                options[option["value"]] = int(match.group(1))
        counts[select["name"]] = options
    return counts


def chosen(response):
    return {
        select["name"]: (select.find("option", selected=True) or {"value": ""})["value"]
        for select in soup(response).select("form.facets select")
    }


def params_of(selection):
    return {param: value for param, value in selection.items() if value}


KENNISPLEIN_FACETS = ["soort", "thema", "regio", "jaar"]
COMBINATIONS = [
    dict(zip(KENNISPLEIN_FACETS, values, strict=True))
    for values in itertools.product([""] + KINDS, [""] + THEMES, [""] + REGIONS, [""] + YEARS)
]


@pytest.mark.django_db
@pytest.mark.parametrize("selection", COMBINATIONS, ids=lambda s: "-".join(v or "alle" for v in s.values()))
def test_every_filter_combination_shows_the_right_pages_and_counts(client, data, selection):
    titles, counts = expected(selection, KENNISPLEIN_FACETS)

    response = get_page(client, data["kennisplein"], **params_of(selection))

    assert result_titles(response) == titles
    assert shown_counts(response) == counts
    assert chosen(response) == selection
    if titles:
        assert f"{len(titles)} resulta{'at' if len(titles) == 1 else 'ten'}" in text(response)
    else:
        assert "Geen resultaten met deze filters." in text(response)


def test_the_combinations_cover_empty_and_full_results():
    """The data set is rich enough: some combinations find nothing, some one page, the unfiltered one all."""
    sizes = {len(expected(selection, [])[0]) for selection in COMBINATIONS}

    assert 0 in sizes and 1 in sizes and len(DATA) in sizes


@pytest.mark.django_db
def test_without_filters_everything_public_is_listed_newest_first(client, data):
    response = get_page(client, data["kennisplein"])

    assert heading(response) == "Kennisplein"
    assert result_titles(response) == [
        "Schaarste",
        "Soep in Overvecht",
        "Buurtkamer verhuist",
        "Dorpsbus rijdt weer",
        "Landelijk netwerk",
        "Ijsbaan open",
        "Moestuin in Nieuwegein",
        "Eenzaamheid onderzocht",
        "Huurders praten mee",
    ]
    assert "Concept over eenzaamheid" not in text(response)
    assert "Besloten verhaal" not in text(response)


@pytest.mark.django_db
def test_counts_read_as_words_in_the_select(client, data):
    response = get_page(client, data["kennisplein"], thema="wonen")
    options = [o.get_text(strip=True) for o in soup(response).select("select[name=soort] option")]

    assert options == ["Alle soorten", "Praktijkverhaal (2 resultaten)", "Kennis (1 resultaat)"]


@pytest.mark.django_db
def test_each_card_names_its_kind(client, data):
    response = get_page(client, data["kennisplein"], jaar="2024")
    kinds = [p.get_text(strip=True) for p in soup(response).select(".mixed-listing .listing-kind")]

    assert kinds == ["Kennis", "Praktijkverhaal", "Regionaal nieuws", "Praktijkverhaal"]


@pytest.mark.django_db
def test_story_cards_show_their_region_and_municipality(client, data):
    response = get_page(client, data["kennisplein"], soort="praktijkverhaal", regio="groningen")
    card = soup(response).select(".mixed-listing .story-card")[0]

    assert "Westerkwartier" in card.get_text() and "regio Groningen" in card.get_text()


# Bad input ------------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"thema": "bestaat-niet"},
        {"regio": "<script>alert(1)</script>"},
        {"soort": "evenement"},
        {"jaar": "abc"},
        {"jaar": "1999"},
        {"jaar": "99999999999999999999"},
        {"gemeente": "utrecht"},  # not a facet of the Kennisplein
        {"thema": "' OR 1=1 --", "regio": "\x00", "pagina": "-3"},
        {"thema": "x" * 10_000},
    ],
    ids=[
        "unknown theme",
        "html",
        "unknown kind",
        "not a year",
        "year without pages",
        "huge year",
        "other facet",
        "sql",
        "long",
    ],
)
def test_bad_filter_values_are_ignored(client, data, params):
    response = get_page(client, data["kennisplein"], **params)

    assert result_titles(response) == expected({}, [])[0]
    assert chosen(response) == {"soort": "", "thema": "", "regio": "", "jaar": ""}
    assert not soup(response).select(".active-filters")
    assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.django_db
def test_a_bad_value_next_to_a_good_one_keeps_the_good_one(client, data):
    response = get_page(client, data["kennisplein"], thema="bestaat-niet", regio="utrecht")

    assert result_titles(response) == ["Soep in Overvecht", "Buurtkamer verhuist", "Moestuin in Nieuwegein"]
    assert chosen(response)["regio"] == "utrecht"


# Links: shareable, removable, paginated -------------------------------------------------------------


def query_of(href):
    return {key: values[-1] for key, values in parse_qs(urlsplit(href).query).items()}


@pytest.mark.django_db
def test_active_filters_each_link_to_the_page_without_them(client, data):
    page = data["kennisplein"]
    response = get_page(client, page, soort="praktijkverhaal", thema="eenzaamheid", jaar="2024")
    removers = {" ".join(a.get_text(" ").split()): a["href"] for a in soup(response).select(".active-filters__list a")}

    assert removers == {
        "Soort: Praktijkverhaal , filter weghalen ×": f"{page.url}?thema=eenzaamheid&jaar=2024",
        "Thema: Eenzaamheid , filter weghalen ×": f"{page.url}?soort=praktijkverhaal&jaar=2024",
        "Jaar: 2024 , filter weghalen ×": f"{page.url}?soort=praktijkverhaal&thema=eenzaamheid",
        "Alle filters weghalen": page.url,
    }
    follow = client.get(removers["Jaar: 2024 , filter weghalen ×"])
    assert result_titles(follow) == ["Soep in Overvecht", "Dorpsbus rijdt weer", "Moestuin in Nieuwegein"]


@pytest.mark.django_db
def test_no_results_offers_to_remove_the_filters(client, data):
    page = data["kennisplein"]
    response = get_page(client, page, soort="nieuws", thema="armoede")

    assert "Geen resultaten met deze filters." in text(response)
    assert ("bekijk alles zonder filters", page.url) in links(response)
    assert ("Soort: Regionaal nieuws , filter weghalen ×", f"{page.url}?thema=armoede") in links(response)


@pytest.mark.django_db
def test_the_filter_form_is_a_plain_get_form_with_labelled_selects(client, data):
    response = get_page(client, data["kennisplein"])
    form = soup(response).select_one("form.facets")

    assert form["method"] == "get" and form["action"] == data["kennisplein"].url
    assert form.find(["h2"]).get_text(strip=True) == "Filters"
    for select in form.find_all("select"):
        label = form.find("label", attrs={"for": select["id"]})
        assert label is not None, f"select {select['name']} has no label"
    assert [label.get_text(strip=True) for label in form.find_all("label")] == ["Soort", "Thema", "Regio", "Jaar"]
    assert form.find("button", attrs={"type": "submit"}).get_text(strip=True) == "Filters toepassen"


@pytest.mark.django_db
def test_headings_are_in_order(client, data):
    response = get_page(client, data["kennisplein"], thema="eenzaamheid")
    levels = [int(h.name[1]) for h in soup(response).select("main h1, main h2, main h3, main h4")]

    assert levels[0] == 1
    assert all(later - earlier <= 1 for earlier, later in itertools.pairwise(levels))


@pytest.mark.django_db
def test_canonical_url_names_the_filters(client, data):
    page = data["kennisplein"]
    response = get_page(client, page, jaar="2023", thema="wonen", onbekend="x")

    assert soup(response).find("link", rel="canonical")["href"] == f"{page.full_url}?thema=wonen&jaar=2023"
    assert soup(response).title.get_text() == "Kennisplein: Wonen, 2023 | Buurtwijs"


# Pagination -----------------------------------------------------------------------------------------


@pytest.fixture
def many_stories(data):
    """Fourteen recent stories about housing in Groningen, "Verhaal 1" the newest: with DATA, two pages."""
    for n in range(LISTING_PAGE_SIZE + 2, 0, -1):
        factories.PracticeStoryPageFactory(
            parent=data["regions"]["groningen"],
            title=f"Verhaal {n}",
            themes=[data["themes"]["wonen"]],
            first_published_at=factories.days_ago(n),
        )
    return data["kennisplein"]


@pytest.mark.django_db
def test_pagination_links_keep_the_filters(client, many_stories):
    response = get_page(client, many_stories, thema="wonen", regio="groningen")
    next_link = soup(response).find("a", rel="next")

    assert query_of(next_link["href"]) == {"thema": "wonen", "regio": "groningen", "pagina": "2"}
    second = client.get(next_link["href"])
    assert result_titles(second) == ["Verhaal 13", "Verhaal 14", "Huurders praten mee"]
    assert chosen(second) == {"soort": "", "thema": "wonen", "regio": "groningen", "jaar": ""}
    assert "15 resultaten, pagina 2 van 2" in text(second)
    previous = soup(second).find("a", rel="prev")
    assert query_of(previous["href"]) == {"thema": "wonen", "regio": "groningen"}


@pytest.mark.usefixtures("render_every_time")
@pytest.mark.django_db
def test_queries_do_not_grow_with_the_number_of_pages(client, data):
    """Each kind on the page costs its own listing queries: DATA's first page already shows all three kinds."""

    def queries(**params):
        with CaptureQueriesContext(connection) as captured:
            get_page(client, data["kennisplein"], **params)
        return len(captured)

    get_page(client, data["kennisplein"])  # warm the content type and site caches
    before = {"none": queries(), "two": queries(thema="wonen", regio="groningen")}
    for n in range(20):
        theme, region = data["themes"]["wonen"], data["regions"]["groningen"]
        factories.PracticeStoryPageFactory(parent=region, title=f"Extra {n}", themes=[theme])
        factories.KnowledgePageFactory(parent=data["tree"].knowledge, themes=[theme])
        factories.RegionalNewsPageFactory(parent=region)
    after = {"none": queries(), "two": queries(thema="wonen", regio="groningen")}

    assert after == before


# The page type --------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_superuser_creates_the_kennisplein_under_the_home_page_once(admin_client, data):
    home = data["tree"].home
    data["kennisplein"].delete()
    form = nested_form_data({"title": "Kennisplein", "slug": "kennisplein", "intro": rich_text("<p>Alles.</p>")})

    response = post_new_page(admin_client, KennispleinPage, home, form)

    assert response.status_code == 302
    page = KennispleinPage.objects.get(slug="kennisplein")
    assert page.live and page.get_parent().specific == home
    assert not KennispleinPage.can_create_at(home)
