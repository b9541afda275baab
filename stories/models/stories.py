"""Practice stories: the story page, its buurtmakers and knowledge links, the stories overview, and the
snippets a story names (target groups, partners)."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Q, prefetch_related_objects
from django.urls import reverse
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from core.blocks import StoryBodyBlock
from core.listing import paginate
from core.pagecache import depend_on
from core.pages import BasePage, BasePageQuerySet, SectionIndexPage
from core.panels import PlainLanguagePanel
from correspondents.regions import (
    RegionalPageForm,
    author_field,
    municipality_field,
    region_of,
    region_pages,
    with_regions,
)
from stories.models.knowledge import KnowledgePage
from stories.models.reactions import approved_reaction_count
from stories.models.themes import ThemeHubPage

ELSEWHERE_LIMIT = 3  # "Elders in het land" on a story: one row of cards


def live_themes():
    """A page's themes as its page and its card show them: only the live, public ones (never a link to a draft)."""
    return Prefetch("themes", queryset=ThemeHubPage.objects.live().public())


class StoryQuerySet(BasePageQuerySet):
    def for_listing(self):
        """Live, public stories, newest first, with what a story card shows and no StreamField body."""
        return (
            self.live()
            .public()
            .defer_streamfields()
            .select_related("listing_image", "municipality", "author")
            .prefetch_related(live_themes(), "listing_image__renditions")
            .annotate(reaction_count=approved_reaction_count())
            .order_by("-first_published_at", "-pk")
        )


StoryManager = PageManager.from_queryset(StoryQuerySet)


@register_snippet
class TargetGroup(models.Model):
    name = models.CharField("naam", max_length=80, unique=True, help_text="Bijvoorbeeld 'ouderen' of 'jongeren'.")

    panels = [FieldPanel("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = "doelgroep"
        verbose_name_plural = "doelgroepen"

    def __str__(self):
        return self.name


@register_snippet
class Partner(index.Indexed, models.Model):
    name = models.CharField("naam", max_length=150, unique=True)
    url = models.URLField("website", blank=True)
    description = models.TextField("omschrijving", blank=True)
    logo = models.ForeignKey(
        "home.BuurtwijsImage", verbose_name="logo", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [FieldPanel("name"), FieldPanel("url"), FieldPanel("description"), FieldPanel("logo")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = "partnerorganisatie"
        verbose_name_plural = "partnerorganisaties"

    def __str__(self):
        return self.name

    def pages_showing(self):
        """The pages with this partner's name or logo: its gatherings and stories, and the partners page, a section
        right below the home page (purging the home page purges its sections: stories.purging.add_listings)."""
        named_by = Q(pk__in=self.events.values("pk")) | Q(pk__in=self.stories.values("pk"))
        return Page.objects.filter(named_by | Q(depth=2))


class StoryIndexPage(SectionIndexPage):
    subpage_types = ["stories.PracticeStoryPage"]
    page_description = "Het overzicht van alle praktijkverhalen; landelijke verhalen staan hieronder."

    class Meta:
        verbose_name = "overzicht praktijkverhalen"
        verbose_name_plural = "overzichten praktijkverhalen"

    @staticmethod
    def own_paths():
        """For stories/purging.py: the feeds of all stories."""
        return [reverse("feeds:stories_rss"), reverse("feeds:stories_atom")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories = paginate(request, PracticeStoryPage.objects.for_listing())
        stories.object_list = with_regions(stories.object_list)
        context["stories"] = stories
        return context


class PracticeStoryPage(BasePage):
    intro = models.TextField(
        "inleiding", max_length=600, help_text="Waar gaat dit verhaal over? Twee tot vier zinnen, in gewone taal."
    )
    body = StreamField(StoryBodyBlock(), verbose_name="verhaal")
    themes = ParentalManyToManyField(
        "stories.ThemeHubPage",
        verbose_name="thema's",
        related_name="stories",
        help_text="Kies één of meer thema's.",
    )
    municipality = municipality_field("stories", help_text="De gemeente waar het verhaal zich afspeelt.")
    author = author_field("stories", help_text="Laat leeg als de centrale redactie het verhaal schreef.")
    period_start = models.DateField("begonnen op", null=True, blank=True, help_text="Wanneer begon de aanpak?")
    period_end = models.DateField("gestopt op", null=True, blank=True, help_text="Leeg als de aanpak nog loopt.")
    target_groups = ParentalManyToManyField(TargetGroup, verbose_name="doelgroepen", blank=True, related_name="stories")
    partners = ParentalManyToManyField(Partner, verbose_name="partners", blank=True, related_name="stories")

    class ConsentMethod(models.TextChoices):
        WRITTEN = "written", "schriftelijk (formulier of brief)"
        EMAIL = "email", "per e-mail"
        VERBAL = "verbal", "mondeling, vastgelegd door de correspondent"

    consent_given_by = models.CharField(
        "toestemming gegeven door",
        max_length=300,
        blank=True,
        help_text="Wie gaven toestemming om genoemd of getoond te worden? Bijvoorbeeld 'Henk Bosman, Fatima Azzouzi'.",
    )
    plain_language_deliberate = models.BooleanField(
        "bewust complexer",
        default=False,
        help_text="Vink aan als deze tekst bewust moeilijker is dan taalniveau B1; de redactie ziet je reden.",
    )
    plain_language_reason = models.TextField(
        "waarom complexer", blank=True, help_text="Bijvoorbeeld: ‘vaktekst voor opbouwwerkers, met hun eigen termen’."
    )
    consent_method = models.CharField("hoe", max_length=20, choices=ConsentMethod.choices, blank=True)
    consent_date = models.DateField("wanneer", null=True, blank=True)

    objects = StoryManager()
    select_related_when_served = [*BasePage.select_related_when_served, "municipality", "author"]

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        PlainLanguagePanel(),
        MultiFieldPanel(
            [FieldPanel("plain_language_deliberate"), FieldPanel("plain_language_reason")], heading="Taalniveau"
        ),
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                # A dropdown, not the snippet chooser: that would offer every municipality in the country.
                FieldPanel("municipality", widget=forms.Select),
                FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")], heading="Periode"),
                FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
                FieldPanel("partners"),
            ],
            heading="Over de praktijk",
        ),
        InlinePanel("buurtmakers", label="Buurtmakers in dit verhaal", heading="Buurtmakers"),
        MultiFieldPanel(
            [FieldPanel("consent_given_by"), FieldRowPanel([FieldPanel("consent_method"), FieldPanel("consent_date")])],
            heading="Toestemming",
            help_text="Nodig als het verhaal buurtmakers noemt of mensen toont: "
            "zonder keurt de regioredactie het niet goed.",
        ),
        FieldPanel("author"),
        InlinePanel("knowledge_links", label="Kennis waarop dit verhaal voortbouwt", heading="Kennis"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.RelatedFields("buurtmakers", [index.SearchField("name"), index.SearchField("organisation")]),
        index.RelatedFields("municipality", [index.SearchField("name")]),
        index.FilterField("municipality"),
    ]
    # The read-only API for partners (buurtwijs/api.py writes the related ones); no consent record.
    api_fields = ["intro", "themes", "region", "municipality", "buurtmakers", "author", "listing_image", "body"]

    base_form_class = RegionalPageForm
    parent_page_types = ["stories.StoryIndexPage", "correspondents.RegionPage"]
    subpage_types = []
    page_description = "Een verhaal uit de praktijk: wat buurtmakers deden, wat werkte en wat niet."
    plain_language_target = "B1"  # stories and the intake's drafts: core/plainlanguage.py
    # In the Kennisplein, theme hubs and search (stories/facets.py): ?soort= value, label, place in the filter.
    facet_kind = ("praktijkverhaal", "Praktijkverhaal", 1)

    class Meta:
        verbose_name = "praktijkverhaal"
        verbose_name_plural = "praktijkverhalen"

    def clean(self):
        super().clean()
        if self.plain_language_deliberate and not self.plain_language_reason.strip():
            raise ValidationError({"plain_language_reason": "Schrijf kort waarom deze tekst bewust complexer is."})
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": "De einddatum ligt vóór de begindatum."})

    @property
    def region(self):
        if not hasattr(self, "_region"):
            self._region = region_of(self)
        return self._region

    def consent_problems(self):
        """What is missing before a story that names or shows people may pass the regional step, in Dutch."""
        images = self.images_used()
        problems = [
            f"Van de mensen op de foto ‘{image.title}’ is geen toestemming vastgelegd."
            for image in images
            if image.people_consent == image.PeopleConsent.UNKNOWN
        ]
        shows_people = any(image.people_consent == image.PeopleConsent.CONSENTED for image in images)
        if self.buurtmakers.exists() or shows_people:
            missing = [
                label
                for label, value in (
                    ("wie toestemming gaf", self.consent_given_by),
                    ("hoe", self.consent_method),
                    ("wanneer", self.consent_date),
                )
                if not value
            ]
            if missing:
                missing_text = ", ".join(missing)
                problems.insert(0, f"Het verhaal noemt of toont buurtmakers; vul bij Toestemming in: {missing_text}.")
        return problems

    def images_used(self):
        """The listing, social and body images of this story."""
        image_ids = {self.listing_image_id, self.social_image_id} | {
            block.value["image"].pk for block in self.body if block.block_type == "image" and block.value["image"]
        }
        image_ids.discard(None)
        return list(get_image_model().objects.filter(pk__in=image_ids).order_by("title"))

    @property
    def author_name(self):
        return self.author.name if self.author else "Centrale redactie"

    def stories_elsewhere(self, limit=ELSEWHERE_LIMIT):
        """Live, public stories that share a theme with this one, from other regions: most shared themes first.

        For a regional story, every story outside its region (national ones too); for a national story, the
        stories of any region. A constant number of queries.
        """
        regions = list(region_pages())
        own_region = next((r for r in regions if self.path.startswith(r.path) and self.path != r.path), None)
        self._region = own_region  # what self.region would look up again
        candidates = PracticeStoryPage.objects.live().public().exclude(pk=self.pk)
        if own_region:
            candidates = candidates.exclude(path__startswith=own_region.path)
        else:
            in_a_region = models.Q(pk__in=[])
            for region in regions:
                in_a_region |= models.Q(path__startswith=region.path, depth__gt=region.depth)
            candidates = candidates.filter(in_a_region)
        own_themes = {theme.pk for theme in self.themes.all()}
        # The best few are chosen on ids alone, in a subquery: the card's joins and reaction count, made for every
        # story that shares a theme, made this the dearest query of a story at 10,000 stories. The filter on themes
        # comes before the annotation, so Count() counts the shared themes only.
        best = (
            candidates.filter(themes__in=own_themes)
            .annotate(shared_themes=models.Count("themes"))
            .order_by("-shared_themes", "-first_published_at", "-pk")
            .values("pk")[:limit]
        )
        stories = PracticeStoryPage.objects.for_listing().filter(pk__in=best)
        # The same order again, on the few cards (their themes are prefetched).
        return with_regions(
            sorted(
                stories,
                key=lambda story: (
                    -len(own_themes & {theme.pk for theme in story.themes.all()}),
                    -story.first_published_at.timestamp(),
                    -story.pk,
                ),
            ),
            regions=regions,
        )

    def listings_to_purge(self):
        """For stories/purging.py, what lists this story besides its sections: its theme hubs (also those of the live
        version it replaces), the hubs that pick it, the knowledge pages it builds on, and its feeds."""
        themes = ThemeHubPage.objects.live().filter(Q(stories=self) | Q(pk__in=getattr(self, "_live_theme_ids", ())))
        picked_by = ThemeHubPage.objects.filter(curated_picks__page=self)
        knowledge = KnowledgePage.objects.filter(
            Q(story_links__story=self) | Q(pk__in=getattr(self, "_live_knowledge_ids", ()))
        )
        listing = Q(pk__in=themes.values("pk")) | Q(pk__in=picked_by.values("pk")) | Q(pk__in=knowledge.values("pk"))
        paths = StoryIndexPage.own_paths()
        for theme in themes.only("slug").distinct():
            paths += theme.own_paths()
        if region := region_of(self):
            paths += region.own_paths()
        return listing, paths

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.pk:  # the themes are asked for three times: the facts, "Elders in het land", the structured data
            prefetch_related_objects([self], live_themes())
        # In the editors' order; links without one (made outside the editor) by age, the same on every database.
        context["knowledge_links"] = (
            self.knowledge_links.filter(knowledge_page__live=True, knowledge_page__view_restrictions__isnull=True)
            .select_related("knowledge_page")
            .order_by("sort_order", "pk")
        )
        context["stories_elsewhere"] = self.stories_elsewhere()
        # "Elders in het land" changes with every story in these themes: their hubs are purged with each of them.
        depend_on(request, self.themes.all())
        return context


class StoryBuurtmaker(Orderable):
    story = ParentalKey(PracticeStoryPage, on_delete=models.CASCADE, related_name="buurtmakers")
    name = models.CharField("naam", max_length=120)
    role = models.CharField("rol", max_length=120, blank=True, help_text="Bijvoorbeeld 'bewoner' of 'opbouwwerker'.")
    organisation = models.CharField("organisatie", max_length=150, blank=True)

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("role"), FieldPanel("organisation")])]

    class Meta(Orderable.Meta):
        verbose_name = "buurtmaker"
        verbose_name_plural = "buurtmakers"

    def __str__(self):
        return self.name


class StoryKnowledgeLink(Orderable):
    """A story builds on a knowledge page; entered once on the story, shown on both pages."""

    class Relation(models.TextChoices):
        APPLIES_METHOD = "applies_method", "past deze methode toe"
        BUILDS_ON_RESEARCH = "builds_on_research", "bouwt voort op dit onderzoek"
        IN_TRADITION = "in_tradition", "staat in deze traditie"

    story = ParentalKey(PracticeStoryPage, on_delete=models.CASCADE, related_name="knowledge_links")
    knowledge_page = models.ForeignKey(
        "stories.KnowledgePage", verbose_name="kennispagina", on_delete=models.CASCADE, related_name="story_links"
    )
    relation = models.CharField("soort verband", max_length=30, choices=Relation.choices)

    panels = [PageChooserPanel("knowledge_page"), FieldPanel("relation")]

    class Meta(Orderable.Meta):
        verbose_name = "kennisverwijzing"
        verbose_name_plural = "kennisverwijzingen"
