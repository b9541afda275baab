"""Regions and their people: the regions index, a region's section page and news, its municipalities and
correspondents, and "which region is this page in?" (region_of, region_pages, with_regions).

A region page names its editorial team (groups and image collection, set by correspondents/chain/provisioning.py).
What a region page shows of the floors above (its newest stories, the number of stories per municipality) comes
from the stories floor's template tags: see templates/correspondents/region_page.html.
"""

from django import forms
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from core.blocks import ArticleBodyBlock
from core.pages import INTRO_FEATURES, BasePage, BasePageQuerySet, SectionIndexPage
from core.panels import PlainLanguagePanel


def region_of(page, inclusive=False):
    """The region section a page lies in (or, inclusive, is); None for national pages."""
    return RegionPage.objects.ancestor_of(page, inclusive=inclusive).first()


def region_pages():
    """Every region page, with just what region lookups and region links need."""
    return RegionPage.objects.only("id", "title", "slug", "path", "url_path", "depth", "live")


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


def municipality_field(related_name, **kwargs):
    """The municipality a page is about (a story, a news item, a gathering); optional, and emptied, not deleted,
    when the municipality goes."""
    return models.ForeignKey(
        "correspondents.Municipality",
        verbose_name="gemeente",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name=related_name,
        **kwargs,
    )


def author_field(related_name, **kwargs):
    """The correspondent who wrote a page; optional, and emptied, not deleted, when the profile goes."""
    return models.ForeignKey(
        "correspondents.CorrespondentProfile",
        verbose_name="auteur",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name=related_name,
        **kwargs,
    )


class RegionalPageForm(WagtailAdminPageForm):
    """The admin form of pages placed in a region (stories, news): it offers only the municipalities of the region
    the page is placed in (all of them for national pages)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        parent = self.parent_page or (self.instance.get_parent() if self.instance.pk else None)
        region = region_of(parent, inclusive=True) if parent else None
        if region and "municipality" in self.fields:
            self.fields["municipality"].queryset = region.municipalities.all()
            self.fields["municipality"].help_text = f"Een gemeente in de regio {region.title}."


class RegionIndexPage(SectionIndexPage):
    subpage_types = ["correspondents.RegionPage"]
    page_description = "Het overzicht van de regio's met hun eigen redactie."

    class Meta:
        verbose_name = "overzicht regio's"
        verbose_name_plural = "overzichten regio's"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["regions"] = (
            RegionPage.objects.child_of(self).live().public().select_related("listing_image").order_by("title")
        )
        return context


class RegionPage(BasePage):
    intro = RichTextField("inleiding", features=INTRO_FEATURES)
    # Set by correspondents/chain/provisioning.py, never by hand: the region's own editorial team.
    correspondents_group = models.ForeignKey(
        "auth.Group", null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    editors_group = models.ForeignKey(
        "auth.Group", null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection", null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    api_fields = ["intro", "listing_image", "municipalities"]

    parent_page_types = ["correspondents.RegionIndexPage"]
    subpage_types = ["stories.PracticeStoryPage", "correspondents.RegionalNewsPage"]
    page_description = "Een regio met een eigen redactie van correspondenten; hun verhalen en nieuws staan hieronder."

    # The cards of its stories and news name it (stories/purging.py): renaming or unpublishing it purges every page.
    named_on_cards = True

    class Meta:
        verbose_name = "regio"
        verbose_name_plural = "regio's"

    def own_paths(self):
        """For stories/purging.py: the region's feeds."""
        return [reverse("feeds:region_rss", args=[self.slug]), reverse("feeds:region_atom", args=[self.slug])]

    def with_content_json(self, content):
        # The editorial team belongs to the region, not to one revision: publishing an older revision
        # must not take it away. Keep what provisioning stored on the page.
        page = super().with_content_json(content)
        page.correspondents_group_id = self.correspondents_group_id
        page.editors_group_id = self.editors_group_id
        page.collection_id = self.collection_id
        return page

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["news"] = RegionalNewsPage.objects.child_of(self).for_listing().order_by("-first_published_at")[:4]
        context["correspondents"] = (
            self.correspondents.select_related("photo").prefetch_related("photo__renditions").order_by("role", "name")
        )
        return context


class RegionalNewsQuerySet(BasePageQuerySet):
    def for_listing(self):
        """Live, public news items without their StreamField body."""
        return self.live().public().defer_streamfields()


class RegionalNewsPage(BasePage):
    intro = models.TextField("inleiding", max_length=600, help_text="Waar gaat dit bericht over? Twee tot drie zinnen.")
    body = StreamField(ArticleBodyBlock(), verbose_name="tekst")
    municipality = municipality_field("news")
    author = author_field("news")

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        PlainLanguagePanel(),
        FieldPanel("municipality", widget=forms.Select),
        FieldPanel("author"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.RelatedFields("municipality", [index.SearchField("name")]),
    ]

    objects = PageManager.from_queryset(RegionalNewsQuerySet)()
    select_related_when_served = [*BasePage.select_related_when_served, "municipality", "author"]

    base_form_class = RegionalPageForm
    parent_page_types = ["correspondents.RegionPage"]
    subpage_types = []
    page_description = "Een kort nieuwsbericht uit de regio."
    plain_language_target = "B1"  # core/plainlanguage.py
    # In the Kennisplein, theme hubs and search (stories/facets.py): ?soort= value, label, place in the filter.
    facet_kind = ("nieuws", "Regionaal nieuws", 3)

    class Meta:
        verbose_name = "regionaal nieuws"
        verbose_name_plural = "regionaal nieuws"

    @cached_property
    def region(self):
        return region_of(self)


class Municipality(index.Indexed, models.Model):
    name = models.CharField("naam", max_length=100, unique=True)
    region = models.ForeignKey(
        RegionPage, verbose_name="regio", on_delete=models.CASCADE, related_name="municipalities"
    )

    panels = [FieldPanel("name"), FieldPanel("region")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("region")]

    class Meta:
        ordering = ["name"]
        verbose_name = "gemeente"
        verbose_name_plural = "gemeenten"

    def __str__(self):
        return self.name


class CorrespondentProfile(models.Model):
    class Role(models.TextChoices):
        CORRESPONDENT = "correspondent", "correspondent"
        REGIONAL_EDITOR = "regional_editor", "regioredacteur"

    name = models.CharField("naam", max_length=120)
    photo = models.ForeignKey(
        "home.BuurtwijsImage", verbose_name="foto", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    bio = models.TextField(
        "korte bio", max_length=600, blank=True, help_text="Twee of drie zinnen, in de derde persoon."
    )
    # SET_NULL: deleting a region must not delete (or be blocked by) the people who wrote for it.
    region = models.ForeignKey(
        RegionPage, verbose_name="regio", null=True, on_delete=models.SET_NULL, related_name="correspondents"
    )
    role = models.CharField("rol", max_length=20, choices=Role.choices, default=Role.CORRESPONDENT)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="account",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="correspondent_profile",
        help_text="Het account waarmee deze persoon inlogt.",
    )
    public_email = models.EmailField("openbaar e-mailadres", blank=True)
    website_url = models.URLField("website", blank=True)
    linkedin_url = models.URLField("LinkedIn", blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        FieldPanel("region"),
        FieldPanel("role"),
        FieldPanel("user"),
        FieldPanel("public_email"),
        FieldPanel("website_url"),
        FieldPanel("linkedin_url"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "correspondent"
        verbose_name_plural = "correspondenten"

    def __str__(self):
        return f"{self.name} ({self.get_role_display()})"

    def pages_showing(self):
        """The pages with this person's card (and photo): their region's page."""
        return Page.objects.filter(pk=self.region_id)
