from django.db import models
from django.utils.html import strip_tags
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Orderable, Page, PagePermissionTester
from wagtail.search import index

from stories.blocks import ArticleBodyBlock


class BuurtwijsImage(AbstractImage):
    """An image with the credit and the consent of the people it shows."""

    class PeopleConsent(models.TextChoices):
        NO_PEOPLE = "no_people", "Er staan geen herkenbare mensen op"
        CONSENTED = "consented", "De mensen op de foto gaven toestemming voor publicatie"
        UNKNOWN = "unknown", "Toestemming is (nog) niet gevraagd"

    photographer = models.CharField(
        "fotograaf",
        max_length=120,
        blank=True,
        help_text="Naam van de fotograaf; wordt bij de foto vermeld als 'Foto: <naam>'.",
    )
    people_consent = models.CharField(
        "toestemming van wie erop staat",
        max_length=20,
        choices=PeopleConsent.choices,
        default=PeopleConsent.UNKNOWN,
        help_text="Herkenbare mensen moeten toestemming geven voordat de foto gepubliceerd wordt.",
    )

    admin_form_fields = Image.admin_form_fields + ("photographer", "people_consent")

    class Meta(AbstractImage.Meta):
        verbose_name = "afbeelding"
        verbose_name_plural = "afbeeldingen"
        permissions = [("choose_image", "Can choose image")]


class BuurtwijsRendition(AbstractRendition):
    image = models.ForeignKey(BuurtwijsImage, related_name="renditions", on_delete=models.CASCADE)

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class LeafPagePermissionTester(PagePermissionTester):
    """Wagtail's page permission rules, answered without a query where the page row already tells.

    The page explorer asks can_delete and can_unpublish for every listed page; Wagtail's versions query
    the page's descendants and its workflow lock each time, so a section's explorer cost grew with
    the number of stories in it.
    """

    def can_delete(self, ignore_bulk=False):
        if self.page.numchild or not self.user.is_active or self.user.is_superuser or self.page_is_root:
            return super().can_delete(ignore_bulk)
        # A leaf page: "the page and its descendants" is the page itself.
        if "change" in self.permissions:
            return "publish" in self.permissions or not self.page.live
        if "add" in self.permissions:
            return self.page.owner_id == self.user.pk and ("publish" in self.permissions or not self.page.live)
        return False

    def can_unpublish(self):
        # Only publishers may unpublish: decide that before Wagtail looks up the workflow lock.
        if not self.user.is_active or not (self.user.is_superuser or "publish" in self.permissions):
            return False
        return super().can_unpublish()


class BasePage(Page):
    """Fields every public page shares: how it looks in listings and when shared."""

    listing_summary = models.TextField(
        "samenvatting voor overzichten",
        max_length=300,
        blank=True,
        help_text="Eén of twee zinnen voor overzichten en zoekresultaten. Leeg: de inleiding wordt gebruikt.",
    )
    listing_image = models.ForeignKey(
        "home.BuurtwijsImage",
        verbose_name="afbeelding voor overzichten",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    social_image = models.ForeignKey(
        "home.BuurtwijsImage",
        verbose_name="afbeelding bij delen",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Wordt getoond als de pagina gedeeld wordt op sociale media. Leeg: de overzichtsafbeelding.",
    )

    promote_panels = Page.promote_panels + [
        MultiFieldPanel(
            [FieldPanel("listing_summary"), FieldPanel("listing_image"), FieldPanel("social_image")],
            heading="Overzichten en delen",
        )
    ]
    search_fields = Page.search_fields + [index.SearchField("listing_summary")]

    class Meta:
        abstract = True

    def permissions_for_user(self, user):
        return LeafPagePermissionTester(user, self)

    @property
    def summary(self):
        """The text shown for this page in listings."""
        return self.listing_summary or self.search_description or strip_tags(getattr(self, "intro", ""))


class HomePage(BasePage):
    intro = RichTextField("welkomsttekst", features=["bold", "italic", "link"], blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        InlinePanel("featured_themes", label="Uitgelichte thema's"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "stories.StoryIndexPage",
        "stories.ThemeIndexPage",
        "stories.KnowledgeIndexPage",
        "correspondents.RegionIndexPage",
        "stories.KennispleinPage",
        "stories.EventIndexPage",
        "stories.PartnerIndexPage",
        "stories.StorySubmissionPage",
        "home.InformationPage",
    ]
    max_count = 1
    page_description = "De voorpagina van Buurtwijs."

    class Meta:
        verbose_name = "homepagina"
        verbose_name_plural = "homepagina's"

    def get_context(self, request, *args, **kwargs):
        from correspondents.models import RegionPage
        from stories.models import PracticeStoryPage, ThemeHubPage, live_pages_in_order, with_regions

        context = super().get_context(request, *args, **kwargs)
        context["latest_stories"] = with_regions(PracticeStoryPage.objects.for_listing()[:6])
        context["featured_themes"] = live_pages_in_order(
            ThemeHubPage.objects.all(), [pick.theme_id for pick in self.featured_themes.all()]
        )
        context["regions"] = RegionPage.objects.live().public().order_by("title")
        return context


class HomeFeaturedTheme(Orderable):
    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_themes")
    # A plain page link keeps the home app free of a migration dependency on the stories app.
    theme = models.ForeignKey("wagtailcore.Page", verbose_name="thema", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("theme", page_type="stories.ThemeHubPage")]

    class Meta(Orderable.Meta):
        verbose_name = "uitgelicht thema"
        verbose_name_plural = "uitgelichte thema's"


class InformationPage(BasePage):
    """A page of the central team about the site itself: the accessibility statement, a privacy statement.

    Linked from every page's footer; shows when it was last updated.
    """

    intro = models.TextField("inleiding", max_length=600, blank=True, help_text="Waar gaat deze pagina over?")
    body = StreamField(ArticleBodyBlock(), verbose_name="tekst")

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    page_description = (
        "Een pagina over de website zelf, zoals de toegankelijkheidsverklaring of de privacyverklaring. "
        "Staat onderaan elke pagina."
    )

    class Meta:
        verbose_name = "informatiepagina"
        verbose_name_plural = "informatiepagina's"


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    facebook_group_url = models.URLField("Facebookgroep", blank=True)
    x_url = models.URLField("X (Twitter)", blank=True)
    linkedin_url = models.URLField("LinkedIn", blank=True)
    newsletter_url = models.URLField("aanmelden voor de nieuwsbrief", blank=True)
    footer_text = models.TextField(
        "tekst onderaan elke pagina",
        blank=True,
        help_text="Bijvoorbeeld wie Buurtwijs maakt en hoe je de redactie bereikt.",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("facebook_group_url"), FieldPanel("x_url"), FieldPanel("linkedin_url")], heading="Sociale media"
        ),
        FieldPanel("newsletter_url"),
        FieldPanel("footer_text"),
    ]

    class Meta:
        verbose_name = "website-instellingen"
