"""The partners page: every partner organisation (the ``stories.Partner`` snippet) with what Buurtwijs does with it.

Each partner shows its logo, what it does, a link to its website, its upcoming gatherings and the newest stories it
took part in. The page costs the same number of queries however many partners, gatherings and stories there are:
everything per partner is prefetched.
"""

import unicodedata

from django.db.models import Prefetch

from community.events import EventPage
from core.pages import SectionIndexPage
from stories.models import Partner, PracticeStoryPage

STORIES_PER_PARTNER = 5  # the newest; a partner of many stories would otherwise fill the page


def alphabetical(name):
    """Sort key for names as a reader expects them, the same on every database: case and accents do not count
    ("Energiecoöperatie" sorts with "Energiecooperatie", "de Wit" with "De Wit")."""
    without_accents = "".join(
        character for character in unicodedata.normalize("NFKD", name) if not unicodedata.combining(character)
    )
    return without_accents.casefold(), name


def partners_for_page():
    """Every partner, alphabetically, with its logo's renditions, its upcoming live gatherings (as
    ``upcoming_events``) and its newest live stories (as ``recent_stories``, at most one more than are shown: the
    template tells when there are more)."""
    events = (
        EventPage.objects.live()
        .public()
        .upcoming()
        .defer_streamfields()
        .select_related("municipality")
        .order_by("start", "pk")
    )
    stories = (
        PracticeStoryPage.objects.live()
        .public()
        .defer_streamfields()
        .select_related("municipality")
        .order_by("-first_published_at", "-pk")
    )
    partners = Partner.objects.select_related("logo").prefetch_related(
        "logo__renditions",
        Prefetch("events", queryset=events, to_attr="upcoming_events"),
        Prefetch("stories", queryset=stories[: STORIES_PER_PARTNER + 1], to_attr="recent_stories"),
    )
    return sorted(partners, key=lambda partner: alphabetical(partner.name))


class PartnerIndexPage(SectionIndexPage):
    subpage_types = []
    page_description = (
        "Alle partnerorganisaties op één pagina, met hun bijeenkomsten en verhalen. "
        "Partners voeg je toe onder Snippets → Partnerorganisaties."
    )

    class Meta:
        app_label = "stories"  # tables and migrations stayed with the stories app
        verbose_name = "partnerpagina"
        verbose_name_plural = "partnerpagina's"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partners"] = partners_for_page()
        context["stories_per_partner"] = STORIES_PER_PARTNER
        return context
