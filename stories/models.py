from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from home.models import BasePage
from stories.blocks import ArticleBodyBlock, SourcesBlock, StoryBodyBlock
from stories.forms import RegionalPageForm

LISTING_PAGE_SIZE = 12
ELSEWHERE_LIMIT = 3  # "Elders in het land" on a story: one row of cards
INTRO_FEATURES = ["bold", "italic", "link"]


def paginate(request, queryset, per_page=LISTING_PAGE_SIZE):
    """One page of a listing; a missing or bad ?pagina= gives the first or last page, never an error."""
    return Paginator(queryset, per_page).get_page(request.GET.get("pagina"))


def region_of(page, inclusive=False):
    """The region section a page lies in (or, inclusive, is); None for national pages."""
    from correspondents.models import RegionPage

    return RegionPage.objects.ancestor_of(page, inclusive=inclusive).first()


def region_pages():
    """Every region page, with just what region lookups and region links need."""
    from correspondents.models import RegionPage

    return RegionPage.objects.only("id", "title", "slug", "path", "url_path", "depth")


def with_regions(pages, inclusive=False, regions=None):
    """Attach each page's region_of() as ``_region``, in one query instead of one tree lookup per page.

    ``regions``: the region pages, if the caller already has them (then no query at all).
    """
    pages = list(pages)
    if regions is None:
        regions = list(region_pages())
    for page in pages:
        page._region = next(
            (r for r in regions if page.path.startswith(r.path) and (inclusive or page.path != r.path)), None
        )
    return pages


def live_pages_in_order(queryset, page_ids):
    """The live, public pages among page_ids, in that order, in a constant number of queries."""
    pages = {page.pk: page for page in queryset.filter(pk__in=page_ids).live().public()}
    return [pages[page_id] for page_id in page_ids if page_id in pages]


class StoryQuerySet(PageQuerySet):
    def for_listing(self):
        """Live, public stories, newest first, with what a story card shows and no StreamField body."""
        return (
            self.live()
            .public()
            .defer_streamfields()
            .select_related("listing_image", "municipality", "author")
            .prefetch_related("themes", "listing_image__renditions")
            .annotate(reaction_count=reactions.approved_count())  # stories.reactions, imported at the end
            .order_by("-first_published_at", "-pk")
        )


StoryManager = PageManager.from_queryset(StoryQuerySet)


class KnowledgeQuerySet(PageQuerySet):
    def for_listing(self):
        """Live, public knowledge pages with their number of approved reactions and no StreamField body."""
        return self.live().public().defer_streamfields().annotate(reaction_count=reactions.approved_count())


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


class StoryIndexPage(BasePage):
    intro = RichTextField("inleiding", features=INTRO_FEATURES, blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.PracticeStoryPage"]
    max_count = 1
    page_description = "Het overzicht van alle praktijkverhalen; landelijke verhalen staan hieronder."

    class Meta:
        verbose_name = "overzicht praktijkverhalen"
        verbose_name_plural = "overzichten praktijkverhalen"

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
    municipality = models.ForeignKey(
        "correspondents.Municipality",
        verbose_name="gemeente",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
        help_text="De gemeente waar het verhaal zich afspeelt.",
    )
    author = models.ForeignKey(
        "correspondents.CorrespondentProfile",
        verbose_name="auteur",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
        help_text="Laat leeg als de centrale redactie het verhaal schreef.",
    )
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
    consent_method = models.CharField("hoe", max_length=20, choices=ConsentMethod.choices, blank=True)
    consent_date = models.DateField("wanneer", null=True, blank=True)

    objects = StoryManager()

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
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

    class Meta:
        verbose_name = "praktijkverhaal"
        verbose_name_plural = "praktijkverhalen"

    def clean(self):
        super().clean()
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
        from wagtail.images import get_image_model

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
        stories = PracticeStoryPage.objects.for_listing().exclude(pk=self.pk)
        if own_region:
            stories = stories.exclude(path__startswith=own_region.path)
        else:
            in_a_region = models.Q(pk__in=[])
            for region in regions:
                in_a_region |= models.Q(path__startswith=region.path, depth__gt=region.depth)
            stories = stories.filter(in_a_region)
        # The filter on themes comes before the annotation, so Count() counts the shared themes only.
        stories = (
            stories.filter(themes__in=[theme.pk for theme in self.themes.all()])
            .annotate(shared_themes=models.Count("themes"))
            .order_by("-shared_themes", "-first_published_at", "-pk")
        )
        return with_regions(stories[:limit], regions=regions)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["knowledge_links"] = self.knowledge_links.filter(
            knowledge_page__live=True, knowledge_page__view_restrictions__isnull=True
        ).select_related("knowledge_page")
        context["stories_elsewhere"] = self.stories_elsewhere()
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


class ThemeIndexPage(BasePage):
    intro = RichTextField("inleiding", features=INTRO_FEATURES, blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.ThemeHubPage"]
    max_count = 1
    page_description = "Het overzicht van alle thema's."

    class Meta:
        verbose_name = "overzicht thema's"
        verbose_name_plural = "overzichten thema's"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["themes"] = (
            ThemeHubPage.objects.child_of(self)
            .live()
            .public()
            .select_related("listing_image")
            .annotate(story_count=models.Count("stories", filter=models.Q(stories__live=True)))
            .order_by("title")
        )
        return context


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

    class Meta:
        verbose_name = "thema"
        verbose_name_plural = "thema's"

    def get_context(self, request, *args, **kwargs):
        from stories import facets

        context = super().get_context(request, *args, **kwargs)
        context["listing"] = listing = facets.theme_hub(request.GET, self)
        context["results"] = listing.newest_first(request)
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


class KnowledgeIndexPage(BasePage):
    intro = RichTextField("inleiding", features=INTRO_FEATURES, blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.KnowledgePage"]
    max_count = 1
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

    class Meta:
        verbose_name = "kennispagina"
        verbose_name_plural = "kennispagina's"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Paginated: a method can be applied in hundreds of stories.
        context["story_links"] = paginate(
            request,
            self.story_links.filter(story__live=True, story__view_restrictions__isnull=True)
            .select_related("story")
            .order_by("-story__first_published_at", "-story_id"),
        )
        return context


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
        from stories import facets

        context = super().get_context(request, *args, **kwargs)
        context["listing"] = listing = facets.kennisplein(request.GET)
        context["results"] = listing.newest_first(request)
        return context


# The community parts keep their models in their own modules; importing them here registers them with Django.
from stories import events, partners, reactions, submissions  # noqa: E402, F401
