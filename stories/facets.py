"""Faceted browsing: the Kennisplein, the theme hubs and search filter their pages in one way.

A listing is a universe of live, public pages, the kinds of page it shows as cards, and its facets (kind, theme,
region, municipality, year). Each facet reads one GET parameter; a value it does not know is ignored, so every URL
gives a normal page. The count next to a facet value applies every *other* active filter (standard faceting): it
says how many results choosing that value gives. Every facet's counts and the number of results come from one query
(a UNION ALL of GROUP BY queries), and cards are fetched per kind for the current page only, so the number of
queries does not grow with the number of pages.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlencode

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.db.models.functions import ExtractYear
from django.utils.functional import cached_property
from django.utils.text import slugify
from wagtail.models import Page, get_page_models

from core.listing import PkIn, paginate
from core.pages import in_private_section
from correspondents.regions import Municipality, region_pages, with_regions

TOTAL = -1  # FacetedPages.count_all(): the row that counts the filtered pages


@dataclass(frozen=True)
class Kind:
    """A kind of page in faceted listings.

    A page type takes part by declaring ``facet_kind = (value of ?soort=, label, place in the kind filter)`` and
    offering ``objects.for_listing()`` (its live, public pages with what its card shows); its card needs a branch
    in templates/components/listing_card.html. Theme and municipality filters apply to a kind whose model has a
    ``themes`` or ``municipality`` field.
    """

    key: str  # the value of ?soort=
    label: str
    model: type

    @property
    def content_type_id(self):
        return ContentType.objects.get_for_model(self.model).pk

    def field(self, name):
        return next((field for field in self.model._meta.get_fields() if field.name == name), None)

    def listing(self):
        return self.model.objects.for_listing()


@cache
def all_kinds():
    """Every page type that declares a facet_kind, in the order the declarations give."""
    # Declared on the class itself: a subclass of a listed page type is not a kind of its own unless it says so.
    declared = [(model.facet_kind, model) for model in get_page_models() if "facet_kind" in vars(model)]
    return tuple(Kind(key, label, model) for (key, label, _place), model in sorted(declared, key=lambda d: d[0][2]))


@cache
def themed_kinds():
    """The kinds a theme hub lists: those that have themes."""
    return tuple(kind for kind in all_kinds() if kind.field("themes"))


@dataclass
class Option:
    """One value of a facet: ``value`` in the URL, ``key`` what the counts are keyed by."""

    value: str
    label: str
    key: object
    count: int = 0
    selected: bool = False


class Facet:
    """A filter over a Page queryset, read from the GET parameter ``param``."""

    param = ""
    label = ""
    any_label = ""

    def __init__(self, kinds):
        self.kinds = kinds
        self.options = []
        self.selected = None

    def load_options(self, universe):
        """Every value this facet knows (one query at most)."""
        raise NotImplementedError

    def q(self, option):
        """The filter that keeps the pages with this value."""
        raise NotImplementedError

    def count_queries(self, pages):
        """Queries of (option key, number of pages) rows for the given pages, by GROUP BY; FacetedPages runs those of
        every facet as one query. A key may come in more than one row: its numbers add up."""
        raise NotImplementedError

    @property
    def visible_options(self):
        """The values worth offering: those with results, and the chosen one even without."""
        return [option for option in self.options if option.count or option.selected]


class KindFacet(Facet):
    param, label, any_label = "soort", "Soort", "Alle soorten"

    def load_options(self, universe):
        return [Option(kind.key, kind.label, kind.content_type_id) for kind in self.kinds]

    def q(self, option):
        return Q(content_type_id=option.key)

    def count_queries(self, pages):
        return [grouped(pages, "content_type_id")]


class ThemeFacet(Facet):
    param, label, any_label = "thema", "Thema", "Alle thema's"

    def load_options(self, universe):
        themes = (
            apps.get_model("stories", "ThemeHubPage")  # by name: the theme hub's module imports this one
            .objects.live()
            .public()
            .order_by("title")
            .values_list("pk", "slug", "title")
        )
        return [Option(slug, title, pk) for pk, slug, title in themes]

    def q(self, option):
        return with_theme(self.kinds, option.key)

    def count_queries(self, pages):
        return [
            grouped(through.objects.filter(**{f"{source}__in": pages.values("pk")}), target)
            for through, source, target in theme_relations(self.kinds)
        ]


class RegionFacet(Facet):
    """Pages below a region page in the tree (not the region page itself)."""

    param, label, any_label = "regio", "Regio", "Alle regio's"

    def load_options(self, universe):
        self.regions = {region.pk: region for region in region_pages().live().public().order_by("title")}
        return [Option(region.slug, region.title, region.pk) for region in self.regions.values()]

    def q(self, option):
        return below(self.regions[option.key])

    def count_queries(self, pages):
        if not self.regions:
            return []
        region_id = Case(
            *[When(below(region), then=Value(pk)) for pk, region in self.regions.items()], output_field=IntegerField()
        )
        return [grouped(pages.annotate(region_id=region_id), "region_id")]


def below(page):
    """A filter on Page: the descendants of ``page``."""
    return Q(path__startswith=page.path, depth__gt=page.depth)


class MunicipalityFacet(Facet):
    param, label, any_label = "gemeente", "Gemeente", "Alle gemeenten"

    def load_options(self, universe):
        return [Option(slugify(name), name, pk) for pk, name in Municipality.objects.values_list("pk", "name")]

    def q(self, option):
        q = Q(pk__in=[])
        for kind in self.kinds:
            if kind.field("municipality"):
                q |= Q(pk__in=kind.model.objects.filter(municipality_id=option.key).values("pk"))
        return q

    def count_queries(self, pages):
        return [
            grouped(kind.model.objects.filter(pk__in=pages.values("pk"), municipality__isnull=False), "municipality_id")
            for kind in self.kinds
            if kind.field("municipality")
        ]


class YearFacet(Facet):
    """The year of first publication, in the site's time zone; newest year first."""

    param, label, any_label = "jaar", "Jaar", "Alle jaren"

    def load_options(self, universe):
        years = (
            universe.filter(first_published_at__isnull=False)
            .order_by()
            .annotate(year=ExtractYear("first_published_at"))
            .values_list("year", flat=True)
            .distinct()
        )
        return [Option(str(year), str(year), year) for year in sorted(years, reverse=True)]

    def q(self, option):
        return Q(first_published_at__year=option.key)

    def count_queries(self, pages):
        published = pages.filter(first_published_at__isnull=False)
        return [grouped(published.annotate(year=ExtractYear("first_published_at")), "year")]


def grouped(queryset, field):
    """A query of (value of field, number of rows) rows: GROUP BY field."""
    return queryset.order_by().values_list(field).annotate(n=Count("pk"))


def theme_relations(kinds):
    """(through model, field to the page, field to the theme) of each kind that has themes."""
    for kind in kinds:
        field = kind.field("themes")
        if field:
            yield field.remote_field.through, field.m2m_field_name(), field.m2m_reverse_field_name()


def with_theme(kinds, theme_id):
    """A filter on Page: the pages of these kinds that have this theme."""
    q = Q(pk__in=[])
    for through, source, target in theme_relations(kinds):
        q |= Q(pk__in=through.objects.filter(**{target: theme_id}).values(source))
    return q


class FacetedPages:
    """The pages of ``universe`` that pass the filters chosen in ``params`` (a QueryDict), with the facets' counts.

    ``keep`` holds other GET parameters that links and the form must keep (search keeps ``q``).
    """

    def __init__(self, params, universe, facets, kinds=None, keep=None):
        self.kinds = kinds = kinds or all_kinds()
        self.keep = keep or {}
        self.facets = [facet_class(kinds) for facet_class in facets]
        for facet in self.facets:
            facet.options = facet.load_options(universe)
            chosen = params.get(facet.param, "")
            facet.selected = next((option for option in facet.options if option.value == chosen), None)
            if facet.selected:
                facet.selected.selected = True
        self.active_facets = [facet for facet in self.facets if facet.selected]
        self.canonical_querystring = self.querystring()
        self.pages = universe.filter(*[facet.q(facet.selected) for facet in self.active_facets])
        self.count = self.count_all(universe)

    def count_all(self, universe):
        """Count every facet's options and the filtered pages (returned) in one query: the UNION ALL of the facets'
        GROUP BY queries, each row tagged with its facet's place in self.facets (TOTAL: the filtered pages)."""
        queries = [grouped(self.pages.annotate(key=Value(0)), "key").annotate(facet=Value(TOTAL))]
        for place, facet in enumerate(self.facets):
            others = universe.filter(*[f.q(f.selected) for f in self.active_facets if f is not facet])
            queries += [rows.annotate(facet=Value(place)) for rows in facet.count_queries(others)]
        counts = defaultdict(Counter)
        for key, number, place in queries[0].union(*queries[1:], all=True):
            counts[place][key] += number
        for place, facet in enumerate(self.facets):
            for option in facet.options:
                option.count = counts[place][option.key]
        return counts[TOTAL][0]

    def querystring(self, without=None, **extra):
        """'?…' for the current filters, one facet left out, with extra parameters; '' when there are none."""
        params = {**self.keep}
        params.update({f.param: f.selected.value for f in self.active_facets if f is not without})
        params.update(extra)
        return f"?{urlencode(params)}" if params else ""

    @cached_property
    def active(self):
        """The chosen filters, each with the query string that removes it."""
        return [
            {"label": facet.label, "value": facet.selected.label, "remove": self.querystring(without=facet)}
            for facet in self.active_facets
        ]

    @property
    def clear_querystring(self):
        return f"?{urlencode(self.keep)}" if self.keep else ""

    def newest_first(self, request):
        """The current page (?pagina=) of the filtered pages, newest first, as specific pages ready for cards."""
        newest = self.pages.order_by("-first_published_at", "-pk").values_list("pk", "content_type_id")
        rows = paginate(request, newest, count=self.count)
        rows.object_list = self.cards(list(rows.object_list))
        self.canonical_querystring = self.querystring(**({"pagina": rows.number} if rows.number > 1 else {}))
        return rows

    def cards(self, rows):
        """The specific pages for (pk, content type id) rows, in that order: one listing query per kind present.

        Each page gets ``listing_kind`` (its Kind) and, like with_regions(), its region.
        """
        ids_by_type = {}
        for pk, content_type_id in rows:
            ids_by_type.setdefault(content_type_id, []).append(pk)
        pages = {}
        for kind in self.kinds:
            ids = ids_by_type.get(kind.content_type_id)
            if ids:
                for page in kind.listing().filter(pk__in=ids):
                    page.listing_kind = kind
                    pages[page.pk] = page
        region_facet = next((facet for facet in self.facets if isinstance(facet, RegionFacet)), None)
        ordered = [pages[pk] for pk, _ in rows if pk in pages]
        return with_regions(ordered, regions=region_facet.regions.values() if region_facet else None)


def universe_of(kinds):
    """Every live, public page of these kinds."""
    return (
        Page.objects.live()
        .exclude(in_private_section())
        .filter(content_type_id__in=[kind.content_type_id for kind in kinds])
    )


def kennisplein(params):
    """Everything public: stories, knowledge and regional news, by kind, theme, region and year."""
    facets = [KindFacet, ThemeFacet, RegionFacet, YearFacet]
    return FacetedPages(params, universe_of(all_kinds()), facets)


def theme_hub(params, theme):
    """The stories, knowledge pages and gatherings of one theme, by region, municipality and kind."""
    kinds = themed_kinds()
    universe = universe_of(kinds).filter(with_theme(kinds, theme.pk))
    facets = [RegionFacet, MunicipalityFacet, KindFacet]
    return FacetedPages(params, universe, facets, kinds=kinds)


def search_results(params, page_ids, query):
    """The pages found by a search (their ids, any page type), by kind, theme, region and year; keeps ?q=."""
    universe = Page.objects.filter(PkIn(page_ids))  # found among live, public pages already
    return FacetedPages(params, universe, [KindFacet, ThemeFacet, RegionFacet, YearFacet], keep={"q": query})
