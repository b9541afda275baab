"""What can be followed, and what a page offers to follow.

A target is a theme, a region, a municipality or everything; its ``key`` ("thema-12", "regio-3", "gemeente-5",
"alles") is its identity in ``Follow.key``. A theme hub offers its theme, a region page its region, a story its
municipality and its themes, a knowledge page its themes.
"""

from dataclasses import dataclass, field

from correspondents.regions import Municipality, RegionPage
from follows.models import Follow
from stories.models import KnowledgePage, PracticeStoryPage, ThemeHubPage

EVERYTHING = Follow.EVERYTHING


@dataclass(frozen=True)
class Target:
    key: str
    label: str
    fields: dict = field(default_factory=dict, compare=False, hash=False)  # the Follow's foreign key


def theme_target(theme):
    return Target(f"thema-{theme.pk}", f"Thema {theme.title}", {"theme": theme})


def region_target(region):
    return Target(f"regio-{region.pk}", f"Regio {region.title}", {"region": region})


def municipality_target(municipality):
    return Target(f"gemeente-{municipality.pk}", f"Gemeente {municipality.name}", {"municipality": municipality})


EVERYTHING_TARGET = Target(EVERYTHING, "Alles van Buurtwijs", {})


def targets_of(page):
    """What this (specific) page offers to follow, in the order shown; [] for a page that offers nothing."""
    if isinstance(page, ThemeHubPage):
        return [theme_target(page)]
    if isinstance(page, RegionPage):
        return [region_target(page)]
    if not isinstance(page, PracticeStoryPage | KnowledgePage):
        return []
    themes = list(page.themes.live().public().order_by("title"))
    if isinstance(page, PracticeStoryPage) and page.municipality_id:
        return [municipality_target(page.municipality), *map(theme_target, themes)]
    if isinstance(page, KnowledgePage) and not themes:
        return [EVERYTHING_TARGET]  # knowledge without a theme: follow everything new
    return [theme_target(theme) for theme in themes]


def target_for_key(key):
    """The target with this key, or None when it does not exist (any more)."""
    if key == EVERYTHING:
        return EVERYTHING_TARGET
    kind, _, pk = key.partition("-")
    if not pk.isdigit():
        return None
    if kind == "thema":
        theme = ThemeHubPage.objects.live().public().filter(pk=pk).first()
        return theme and theme_target(theme)
    if kind == "regio":
        region = RegionPage.objects.live().public().filter(pk=pk).first()
        return region and region_target(region)
    if kind == "gemeente":
        municipality = Municipality.objects.filter(pk=pk).first()
        return municipality and municipality_target(municipality)
    return None


def all_targets():
    """Everything one can follow, for the preference page: (group label, [targets])."""
    return [
        ("Thema's", [theme_target(theme) for theme in ThemeHubPage.objects.live().public().order_by("title")]),
        ("Regio's", [region_target(region) for region in RegionPage.objects.live().public().order_by("title")]),
        ("Gemeenten", [municipality_target(m) for m in Municipality.objects.order_by("name")]),
        ("Alles", [EVERYTHING_TARGET]),
    ]
