"""Knowledge: research, theory, history and methods of neighbourhood work, and their overview."""

from django import forms
from django.db import models
from django.db.models import Prefetch, Q, prefetch_related_objects
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.search import index

from core.blocks import ArticleBodyBlock, SourcesBlock
from core.listing import paginate
from core.pages import BasePage, BasePageQuerySet, SectionIndexPage
from core.panels import PlainLanguagePanel
from stories.models.reactions import approved_reaction_count


class KnowledgeQuerySet(BasePageQuerySet):
    def for_listing(self):
        """Live, public knowledge pages with their number of approved reactions and no StreamField body."""
        return self.live().public().defer_streamfields().annotate(reaction_count=approved_reaction_count())


class KnowledgeIndexPage(SectionIndexPage):
    subpage_types = ["stories.KnowledgePage"]
    page_description = "Het overzicht van onderzoek, theorie, geschiedenis en methodes."

    class Meta:
        verbose_name = "overzicht kennis"
        verbose_name_plural = "overzichten kennis"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        pages = KnowledgePage.objects.child_of(self).for_listing().order_by("kind", "title")
        context["knowledge_pages"] = paginate(request, pages.select_related("listing_image"))
        return context


class KnowledgePage(BasePage):
    objects = PageManager.from_queryset(KnowledgeQuerySet)()

    class Kind(models.TextChoices):
        RESEARCH = "research", "onderzoek"
        THEORY = "theory", "theorie"
        HISTORY = "history", "geschiedenis"
        METHOD = "method", "methode"

    kind = models.CharField("soort kennis", max_length=20, choices=Kind.choices)
    intro = models.TextField("inleiding", max_length=600, help_text="Waar gaat deze kennis over? Twee tot vier zinnen.")
    body = StreamField(ArticleBodyBlock(), verbose_name="tekst")
    author_name = models.CharField(
        "auteur", max_length=200, blank=True, help_text="Wie schreef dit stuk of het onderzoek waarover het gaat."
    )
    sources = StreamField(SourcesBlock(), verbose_name="bronnen", blank=True)
    themes = ParentalManyToManyField(
        "stories.ThemeHubPage", verbose_name="thema's", blank=True, related_name="knowledge_pages"
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("kind"),
        FieldPanel("intro"),
        FieldPanel("body"),
        PlainLanguagePanel(),
        FieldPanel("author_name"),
        FieldPanel("sources"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("author_name"),
        index.FilterField("kind"),
    ]

    parent_page_types = ["stories.KnowledgeIndexPage"]
    subpage_types = []
    page_description = "Onderzoek, theorie, geschiedenis of een methode van buurtwerk."
    plain_language_target = "B2"  # knowledge may be harder than a story: core/plainlanguage.py
    # In the Kennisplein, theme hubs and search (stories/facets.py): ?soort= value, label, place in the filter.
    facet_kind = ("kennis", "Kennis", 2)

    class Meta:
        verbose_name = "kennispagina"
        verbose_name_plural = "kennispagina's"

    def listings_to_purge(self):
        """For stories/purging.py, what lists this knowledge page besides its sections: its theme hubs (also those
        of the live version it replaces), the stories that build on it and the hubs that pick it."""
        themes = Q(knowledge_pages=self) | Q(pk__in=getattr(self, "_live_theme_ids", ()))
        listing = Q(pk__in=self.themes.model.objects.filter(themes).values("pk"))
        listing |= Q(pk__in=self.story_links.values("story"))
        listing |= Q(pk__in=self.themes.model.objects.filter(curated_picks__page=self).values("pk"))
        return listing, []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.pk:  # the themes are asked for twice: the theme list and the structured data
            # Only the live, public themes: never a link to a draft.
            live_themes = self.themes.model.objects.live().public()
            prefetch_related_objects([self], Prefetch("themes", queryset=live_themes))
        # Paginated: a method can be applied in hundreds of stories.
        context["story_links"] = paginate(
            request,
            self.story_links.filter(story__live=True, story__view_restrictions__isnull=True)
            .select_related("story")
            .order_by("-story__first_published_at", "-story_id"),
        )
        return context
