"""The top floor's models: the home page, the site's own information pages and settings, and the image model.

The image model is Wagtail's and every floor uses it through get_image_model() or the string
"home.BuurtwijsImage" (WAGTAILIMAGES_IMAGE_MODEL); it lives here because its migrations do.
"""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Orderable
from wagtail.search import index

from core.blocks import ArticleBodyBlock
from core.listing import live_pages_in_order
from core.pages import INTRO_FEATURES, BasePage
from correspondents.regions import RegionPage, with_regions
from stories.models import PracticeStoryPage, ThemeHubPage


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


class HomePage(BasePage):
    intro = RichTextField("welkomsttekst", features=INTRO_FEATURES, blank=True)

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

    @property
    def shows_privacy_receipt(self):
        """The privacy statement (the slug manage.py setup_site gives it) ends with Bereik's receipt: what reach
        counting stores and for how long, written from reach's models (templates/reach/receipt.html)."""
        return self.slug == "privacy"


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
