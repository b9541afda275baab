"""Themes: the themes overview, a theme hub (the editors' intro and picks, and everything tagged with the theme,
filtered by stories/facets.py) and its curated picks."""

from django import forms
from django.db import models
from django.db.models import Q
from django.urls import reverse
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.listing import live_pages_in_order
from core.pages import INTRO_FEATURES, BasePage, SectionIndexPage
from stories import facets


class ThemeIndexPage(SectionIndexPage):
    subpage_types = ["stories.ThemeHubPage"]
    page_description = "Het overzicht van alle thema's."

    class Meta:
        verbose_name = "overzicht thema's"
        verbose_name_plural = "overzichten thema's"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["themes"] = themes = list(ThemeHubPage.objects.child_of(self).live().public().order_by("title"))
        counts = live_story_counts()
        for theme in themes:
            theme.story_count = counts.get(theme.pk, 0)
        return context


def live_story_counts():
    """{theme id: its number of live stories}: one GROUP BY over the (story, theme) rows of the live stories. A count
    annotated on the themes joined every story's row to every theme's columns (half a second at 10,000 stories)."""
    story_themes = ThemeHubPage.stories.through  # PracticeStoryPage.themes: (practicestorypage, themehubpage) rows
    live = story_themes.objects.filter(practicestorypage__in=Page.objects.live().values("pk"))
    return dict(live.order_by().values_list("themehubpage").annotate(n=models.Count("pk")))


class ThemeHubPage(BasePage):
    intro = RichTextField("inleiding van de redactie", features=INTRO_FEATURES + ["ol", "ul"])
    related_themes = ParentalManyToManyField(
        "self", verbose_name="verwante thema's", blank=True, symmetrical=False, related_name="+"
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        InlinePanel("curated_picks", label="Keuze van de redactie", heading="Keuze van de redactie", max_num=6),
        FieldPanel("related_themes", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    api_fields = ["intro", "listing_image", "related_themes"]

    parent_page_types = ["stories.ThemeIndexPage"]
    subpage_types = []
    page_description = (
        "Een thema: inleiding van de redactie, uitgelichte verhalen en alle verhalen en kennis over dit thema."
    )

    # The cards and pages about it name it (stories/purging.py): renaming or unpublishing it purges every page.
    named_on_cards = True

    class Meta:
        verbose_name = "thema"
        verbose_name_plural = "thema's"

    def own_paths(self):
        """For stories/purging.py: the theme's feeds."""
        return [reverse("feeds:theme_rss", args=[self.slug]), reverse("feeds:theme_atom", args=[self.slug])]

    def listings_to_purge(self):
        """For stories/purging.py, what lists this theme besides its sections: the hubs that name it as related."""
        return Q(pk__in=ThemeHubPage.objects.filter(related_themes=self).values("pk")), []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["listing"] = listing = facets.theme_hub(request.GET, self)
        context["results"] = results = listing.newest_first(request)
        if results.number == 1 and not listing.active:  # the picks head the first page of the unfiltered listing
            context["curated_picks"] = live_pages_in_order(
                Page.objects.specific().defer_streamfields(), [pick.page_id for pick in self.curated_picks.all()]
            )
        context["related"] = self.related_themes.live().public().order_by("title")
        return context


class ThemeCuratedPick(Orderable):
    theme = ParentalKey(ThemeHubPage, on_delete=models.CASCADE, related_name="curated_picks")
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="verhaal of kennispagina", on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("page", page_type=["stories.PracticeStoryPage", "stories.KnowledgePage"])]

    class Meta(Orderable.Meta):
        verbose_name = "keuze van de redactie"
        verbose_name_plural = "keuzes van de redactie"
