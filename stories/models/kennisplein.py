"""The Kennisplein: one overview of everything public, filtered by stories/facets.py."""

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from core.pages import INTRO_FEATURES, BasePage
from stories import facets


class KennispleinPage(BasePage):
    """One overview of everything public (stories, knowledge, regional news), filtered with stories.facets."""

    intro = RichTextField("inleiding", features=INTRO_FEATURES, blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1
    page_description = (
        "Eén overzicht van alle praktijkverhalen, kennis en regionaal nieuws, "
        "te filteren op soort, thema, regio en jaar."
    )

    class Meta:
        verbose_name = "Kennisplein"
        verbose_name_plural = "Kennispleinen"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["listing"] = listing = facets.kennisplein(request.GET)
        context["results"] = listing.newest_first(request)
        return context
