"""Page basics: the abstract pages every page type builds on, and the rules they share."""

from django.db import models
from django.utils.html import strip_tags
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, PagePermissionTester
from wagtail.search import index

INTRO_FEATURES = ["bold", "italic", "link"]


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


class SectionIndexPage(BasePage):
    """A section's overview right below the home page (stories, themes, knowledge, regions, gatherings,
    partners): a title, an optional introduction and a listing, rendered by extending section_index_page.html."""

    intro = RichTextField("inleiding", features=INTRO_FEATURES, blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    max_count = 1

    class Meta:
        abstract = True
