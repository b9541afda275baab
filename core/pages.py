"""Page basics: the abstract pages every page type builds on, and the rules they share."""

from http import HTTPMethod

from django.db import models
from django.db.models.functions import Length, Substr
from django.http import Http404
from django.utils.html import strip_tags
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager, PagePermissionTester, PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.search import index

from core import plainlanguage
from core.models import jargon
from core.panels import ReachPanel

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


def in_private_section():
    """A filter on pages: those with a view restriction (password, login, groups) on themselves or an ancestor.

    The pages Wagtail's PageQuerySet.private_q() finds, as a subquery: Wagtail's fetches every restriction with a
    query of its own each time it is asked, so each .public() listing on a page cost one more query.
    """
    restrictions = PageViewRestriction.objects.filter(
        page__path=Substr(models.OuterRef("path"), 1, Length("page__path"))
    )
    return models.Q(models.Exists(restrictions))


class BasePageQuerySet(PageQuerySet):
    def private_q(self):
        return in_private_section()  # and so public() and not_public() cost no query of their own


BasePageManager = PageManager.from_queryset(BasePageQuerySet)


class BasePage(Page):
    """Fields every public page shares: how it looks in listings and when shared; and routing and view restrictions
    in a fixed number of queries, however deep the page lies."""

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
        ),
        ReachPanel(),
    ]
    search_fields = Page.search_fields + [index.SearchField("listing_summary")]

    objects = BasePageManager()
    # A page is read: any other method gets 405 with "Allow: GET, HEAD" (Wagtail's default also allows DELETE, PUT,
    # PATCH, POST and OPTIONS, which scanners report). A page with a form of its own adds POST.
    allowed_http_methods = [HTTPMethod.GET, HTTPMethod.HEAD]
    # The foreign keys the page's own template shows, fetched with the page when it is served (route()): the share
    # image here; a page type adds its own.
    select_related_when_served = ["listing_image", "social_image"]

    class Meta:
        abstract = True

    def permissions_for_user(self, user):
        return LeafPagePermissionTester(user, self)

    def route(self, request, path_components):
        """Wagtail's routing, with every page on the path fetched in one query instead of two queries per level.

        Walks down the path as Wagtail does (a child of the page before, by slug); a page whose type routes on its
        own (RoutablePageMixin) is handed the rest of the path, and only the page served is fetched as its type.
        As in Wagtail, the pages on the way need not be live, and each page knows its parent (get_parent(), the
        breadcrumb) without a query.
        """
        if not path_components:
            return super().route(request, path_components)
        candidates = Page.objects.filter(
            path__startswith=self.path,
            depth__gt=self.depth,
            depth__lte=self.depth + len(path_components),
            slug__in=path_components,
        )
        candidates = list(candidates)
        parent = self
        for level, slug in enumerate(path_components, start=1):
            page = next(
                (
                    page
                    for page in candidates
                    if page.slug == slug and page.depth == parent.depth + 1 and page.path.startswith(parent.path)
                ),
                None,
            )
            if page is None:
                raise Http404
            page._cached_parent_obj = parent  # as Wagtail's route does: treebeard's get_parent() takes it
            if level == len(path_components) or getattr(page.specific_class, "route", None) not in PLAIN_ROUTES:
                return specific_for_serving(page).route(request, path_components[level:])
            parent = page

    def known_ancestors(self):
        """This page's ancestors that are in memory already, from the highest down to its parent: routing fetches
        those on the path (see route()), treebeard's get_parent() keeps the parent it fetched. Empty for a page in a
        listing or a preview."""
        ancestors, page = [], self
        while "_cached_parent_obj" in vars(page):
            page = page._cached_parent_obj
            ancestors.insert(0, page)
        return ancestors

    def get_view_restrictions(self):
        """The view restrictions on this page and its ancestors, in one query where Wagtail's takes two, when the
        ancestors are known (routing fetched them) and none of them is an alias (an alias answers to its source's
        restrictions: Wagtail's own method resolves those)."""
        on_path = [*self.known_ancestors(), self]
        if on_path[0].depth != 2 or any(page.alias_of_id for page in on_path):  # the tree's root (1) is no alias
            return super().get_view_restrictions()
        steplen = self.steplen
        return PageViewRestriction.objects.filter(
            page__path__in=[self.path[:end] for end in range(steplen, len(self.path) + 1, steplen)]
        )

    # The language level the page type's text aims at ("B1", "B2"); None: not checked (core/plainlanguage.py).
    plain_language_target = None

    def plain_language_text(self):
        """What a reader reads of this page: see page_text."""
        return page_text(self.title, getattr(self, "intro", ""), getattr(self, "body", None))

    def plain_language_report(self, jargon_terms=None):
        """The plain-language report on this page's text, or None for a page type that is not checked."""
        if not self.plain_language_target:
            return None
        terms = jargon() if jargon_terms is None else jargon_terms
        report = plainlanguage.score(self.plain_language_text(), terms, self.plain_language_target)
        if getattr(self, "plain_language_deliberate", False):
            report.deliberately_complex = getattr(self, "plain_language_reason", "")
        return report

    def submitted_plain_language_report(self):
        """The report on the page's latest revision: what a reviewer is asked to approve."""
        return self.get_latest_revision_as_object().plain_language_report()

    def serve_preview(self, request, mode_name):
        """The preview, with the plain-language check's markers in <main> for the editor's Checks panel
        (home/wagtail_hooks.py). Only here: a live page is the same for everyone and is cached."""
        response = super().serve_preview(request, mode_name)
        if not self.plain_language_target or response.status_code != 200 or not hasattr(response, "render"):
            return response
        terms = jargon()
        response.render()
        html = response.content.decode(response.charset)
        response.content = plainlanguage.mark_html(html, self.plain_language_report(terms), terms)
        return response

    @property
    def summary(self):
        """The text shown for this page in listings."""
        return self.listing_summary or self.search_description or strip_tags(getattr(self, "intro", ""))


def page_text(title, intro, body):
    """What a reader reads of a page, one paragraph a line: title, introduction (rich text or plain) and the text of
    the body's blocks (a StreamValue or None): rich text line by line, as a reader sees its headings, paragraphs and
    list items; other blocks by Wagtail's searchable text (quotes, captions). Also for a revision's content
    (stories/language_report.py)."""
    parts = [title, *plainlanguage.plain_text(str(intro or "")).splitlines()]
    for block in body or ():
        source = getattr(block.value, "source", None)  # rich text: a heading or list item ends its own line
        if source is not None:
            parts += plainlanguage.plain_text(source).splitlines()
        else:
            parts += block.block.get_searchable_content(block.value)
    return "\n".join(" ".join(str(part).split()) for part in parts if part and str(part).strip())


PLAIN_ROUTES = (Page.route, BasePage.route)  # the page types BasePage.route walks through without asking them


def specific_for_serving(page):
    """``page.specific`` with the foreign keys its type names in select_related_when_served, in one query."""
    model = page.specific_class
    if model is None or not hasattr(model, "select_related_when_served"):
        return page.specific
    specific = model._default_manager.select_related(*model.select_related_when_served).get(pk=page.pk)
    for name, value in vars(page).items():  # what else the page knows (its parent), as Page.specific copies it
        vars(specific).setdefault(name, value)
    return specific


class SectionIndexPage(BasePage):
    """A section's overview right below the home page (stories, themes, knowledge, regions, gatherings,
    partners): a title, an optional introduction and a listing, rendered by extending section_index_page.html."""

    intro = RichTextField("inleiding", features=INTRO_FEATURES, blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    max_count = 1

    class Meta:
        abstract = True
