"""The central team's overview of the plain-language check (core/plainlanguage.py): "Taalniveau" in the admin's
Reports menu.

Every page of a type with a `plain_language_target` (stories, knowledge pages, regional news), live or draft, with
its region, themes, indication, target and distance; the pages furthest from their target first; filters on region
and theme; on top, per region and per theme, the number of pages and the share at or below target.

What is scored is each page's **latest revision**: what an editor last saved (for a live page without unpublished
changes, that is the live text). Its score is stored (`stories.models.LanguageScore`, made by the worker after each
save and after a change of the jargon list: stories/language_scores.py), so once the worker has done its work a
visit reads the pages and the scores of their latest revisions in a fixed number of queries and scores nothing.
Until then a visit scores and stores up to INLINE_LIMIT missing or stale scores itself, shows the rest with their
older score (or not yet) and says how many wait. A page made without a revision, in code, is scored on its own row
on every visit, up to INLINE_LIMIT such pages; the rest are left out and counted in a notice.

Only the central team and administrators see it: the menu item is hidden and the view refuses anyone else.
"""

from collections import defaultdict
from dataclasses import dataclass

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core import plainlanguage
from core.models import jargon
from correspondents.chain.provisioning import EVERY_REGION, edited_regions
from correspondents.regions import region_pages, with_regions
from stories.language_scores import INLINE_LIMIT, checked_page_types, checked_pages, latest_scores, score_contents
from stories.models import ThemeHubPage

PER_PAGE = 50
PAGE_FIELDS = ["pk", "path", "live", "has_unpublished_changes", "content_type_id"]  # a Row's own fields
NATIONAL = "landelijk"


def may_see(user):
    """The central team and administrators (edited_regions: every region)."""
    return edited_regions(user) == EVERY_REGION


@dataclass(slots=True, eq=False)  # one per page: slots keep 10,000 of them light
class Row:
    """A page of the overview: its own row's status and place (PAGE_FIELDS), with its latest revision's title,
    themes and score (stories.models.language.SHOWN)."""

    pk: int
    path: str
    live: bool
    has_unpublished_changes: bool
    content_type_id: int
    title: str
    theme_ids: tuple
    level: str
    target: str
    flesch_douma: float | None
    long_sentences: int
    jargon_hits: int
    deliberately_complex: bool
    themes: tuple = ()  # titles
    distance: int | None = None
    _region: object = None  # with_regions

    def __post_init__(self):
        self.distance = plainlanguage.distance(self.level, self.target)

    @property
    def indication(self):
        return plainlanguage.indication(self.level)

    @property
    def on_target(self):
        return self.distance == 0

    @property
    def page_type(self):
        return ContentType.objects.get_for_id(self.content_type_id).model_class().get_verbose_name()

    @property
    def region(self):
        return self._region

    @property
    def status(self):
        if self.live:
            return "live, met wijzigingen in concept" if self.has_unpublished_changes else "live"
        return "concept"

    @property
    def sort_key(self):
        """Furthest from the target first; then the harder read (lower Flesch-Douma); no indication last."""
        return (self.distance is None, -(self.distance or 0), self.flesch_douma or 0, self.title.lower())


def own_row_scores(terms, limit):
    """{page id: its score's SHOWN values} of at most `limit` checked pages without a revision (made in code, as
    the bench's generated stories), scored on their own rows on every visit: without a revision, nothing to store."""
    compiled = plainlanguage.compile_jargon(terms)
    scores = {}
    for model in checked_page_types():
        pages = model.objects.filter(latest_revision=None).order_by("path")[: max(limit - len(scores), 0)]
        has_themes = any(f.name == "themes" for f in model._meta.get_fields())
        if has_themes:
            pages = pages.prefetch_related("themes")
        pages = list(pages)
        contents = [
            {
                "title": page.title,
                "intro": getattr(page, "intro", ""),
                "body": list(page.body.raw_data) if getattr(page, "body", None) is not None else [],
                "themes": [theme.pk for theme in page.themes.all()] if has_themes else [],
                "plain_language_deliberate": getattr(page, "plain_language_deliberate", False),
                "plain_language_reason": getattr(page, "plain_language_reason", ""),
            }
            for page in pages
        ]
        made = score_contents(model, contents, compiled)
        scores.update((page.pk, score.shown()) for page, score in zip(pages, made, strict=True))
    return scores


def language_rows(regions, theme_titles):
    """(A Row for every checked page with a score, the number of pages whose score is still being made, the number
    of pages without a revision left unscored), in a fixed number of queries once the scores are stored (see the
    module's docstring)."""
    terms = jargon()
    pages = checked_pages()
    own = list(pages.order_by("path").values_list(*PAGE_FIELDS, "latest_revision_id"))
    revision_ids = [latest_revision_id for *_, latest_revision_id in own]
    scores, waiting = latest_scores(pages, revision_ids, terms, limit=INLINE_LIMIT)
    without_revision = revision_ids.count(None)
    unrevised = own_row_scores(terms, INLINE_LIMIT) if without_revision else {}  # a limit of their own
    rows = []
    for *fields, latest_revision_id in own:
        shown = scores.get(latest_revision_id) if latest_revision_id else unrevised.get(fields[0])
        if shown is None:  # waiting for its first score, or made in code after the pages were read
            continue
        row = Row(*fields, *shown)
        row.theme_ids = tuple(pk for pk in row.theme_ids if pk in theme_titles)  # not a theme deleted since
        row.themes = tuple(sorted(theme_titles[pk] for pk in row.theme_ids))
        rows.append(row)
    rows.sort(key=lambda row: row.sort_key)
    return with_regions(rows, regions=regions), waiting, without_revision - len(unrevised)


def summary(rows, key_names):
    """[(name, pages, pages with an indication, share at or below target in %)] for each key of key_names(row)."""
    counts = defaultdict(lambda: [0, 0, 0])
    for row in rows:
        for name in key_names(row):
            count = counts[name]
            count[0] += 1
            if row.distance is not None:
                count[1] += 1
                count[2] += row.on_target
    return [
        (name, pages, scored, round(100 * on_target / scored) if scored else None)
        for name, (pages, scored, on_target) in sorted(counts.items(), key=lambda item: item[0].lower())
    ]


class LanguageFilters(forms.Form):
    regio = forms.ChoiceField(label="Regio", required=False)
    thema = forms.ChoiceField(label="Thema", required=False)

    def __init__(self, data, regions, theme_titles):
        super().__init__(data)
        invalid = {"invalid_choice": "Kies een {} uit de lijst."}
        self.fields["regio"].choices = [("", "Alle regio's"), (NATIONAL, "Landelijk")] + [
            (str(region.pk), region.title) for region in regions
        ]
        self.fields["regio"].error_messages = {"invalid_choice": invalid["invalid_choice"].format("regio")}
        self.fields["thema"].choices = [("", "Alle thema's")] + sorted(
            ((str(pk), title) for pk, title in theme_titles.items()), key=lambda choice: choice[1].lower()
        )
        self.fields["thema"].error_messages = {"invalid_choice": invalid["invalid_choice"].format("thema")}

    def apply(self, rows):
        if not self.is_valid():
            return rows
        region, theme = self.cleaned_data["regio"], self.cleaned_data["thema"]
        if region == NATIONAL:
            rows = [row for row in rows if row.region is None]
        elif region:
            rows = [row for row in rows if row.region is not None and str(row.region.pk) == region]
        if theme:
            rows = [row for row in rows if int(theme) in row.theme_ids]
        return rows


def language_level(request):
    if not may_see(request.user):
        raise PermissionDenied
    regions = sorted(region_pages(), key=lambda region: region.title.lower())
    theme_titles = dict(ThemeHubPage.objects.values_list("pk", "title"))
    filters = LanguageFilters(request.GET, regions, theme_titles)
    rows, waiting, unscored = language_rows(regions, theme_titles)
    rows = filters.apply(rows)
    context = {
        "filters": filters,
        "by_region": summary(rows, lambda row: [row.region.title if row.region else "Landelijk"]),
        "by_theme": summary(rows, lambda row: row.themes or ["Zonder thema"]),
        "page": Paginator(rows, PER_PAGE).get_page(request.GET.get("p")),
        "total": len(rows),
        "waiting": waiting,
        "unscored": unscored,
        "disclaimer": plainlanguage.DISCLAIMER,
    }
    return TemplateResponse(request, "stories/admin/language_level.html", context)


class LanguageLevelMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see(request.user)


@hooks.register("register_reports_menu_item")
def register_language_level_menu_item():
    return LanguageLevelMenuItem(
        "Taalniveau", reverse("stories_language_level"), name="taalniveau", icon_name="doc-full", order=1300
    )


@hooks.register("register_admin_urls")
def register_language_level_url():
    return [path("taalniveau/", language_level, name="stories_language_level")]
