from django import forms
from django.conf import settings
from django.db import models
from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from home.models import BasePage
from stories.blocks import ArticleBodyBlock
from stories.forms import RegionalPageForm
from stories.models import INTRO_FEATURES, PracticeStoryPage, with_regions


class RegionIndexPage(BasePage):
    intro = RichTextField("inleiding", features=INTRO_FEATURES, blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["correspondents.RegionPage"]
    max_count = 1
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
    # Set by correspondents.provisioning, never by hand: the region's own editorial team.
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

    parent_page_types = ["correspondents.RegionIndexPage"]
    subpage_types = ["stories.PracticeStoryPage", "correspondents.RegionalNewsPage"]
    page_description = "Een regio met een eigen redactie van correspondenten; hun verhalen en nieuws staan hieronder."

    class Meta:
        verbose_name = "regio"
        verbose_name_plural = "regio's"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories = PracticeStoryPage.objects.for_listing().descendant_of(self)
        context["stories"] = with_regions(stories[:6])
        context["news"] = (
            RegionalNewsPage.objects.child_of(self)
            .live()
            .public()
            .defer_streamfields()
            .order_by("-first_published_at")[:4]
        )
        context["correspondents"] = (
            self.correspondents.select_related("photo").prefetch_related("photo__renditions").order_by("role", "name")
        )
        context["municipalities"] = self.municipalities.annotate(
            story_count=models.Count("stories", filter=models.Q(stories__live=True))
        ).order_by("name")
        return context


class RegionalNewsPage(BasePage):
    intro = models.TextField("inleiding", max_length=600, help_text="Waar gaat dit bericht over? Twee tot drie zinnen.")
    body = StreamField(ArticleBodyBlock(), verbose_name="tekst")
    municipality = models.ForeignKey(
        "correspondents.Municipality",
        verbose_name="gemeente",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news",
    )
    author = models.ForeignKey(
        "correspondents.CorrespondentProfile",
        verbose_name="auteur",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("municipality", widget=forms.Select),
        FieldPanel("author"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    base_form_class = RegionalPageForm
    parent_page_types = ["correspondents.RegionPage"]
    subpage_types = []
    page_description = "Een kort nieuwsbericht uit de regio."

    class Meta:
        verbose_name = "regionaal nieuws"
        verbose_name_plural = "regionaal nieuws"

    @cached_property
    def region(self):
        return RegionPage.objects.ancestor_of(self).first()


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
