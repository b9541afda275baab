import operator
from functools import reduce

from django import forms
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import AbstractGroupApprovalTask, Page, Task, TaskState
from wagtail.search import index

from home.models import BasePage
from stories.blocks import ArticleBodyBlock
from stories.forms import RegionalPageForm
from stories.models import INTRO_FEATURES, PracticeStoryPage, region_of, with_regions


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
    api_fields = ["intro", "listing_image", "municipalities"]

    parent_page_types = ["correspondents.RegionIndexPage"]
    subpage_types = ["stories.PracticeStoryPage", "correspondents.RegionalNewsPage"]
    page_description = "Een regio met een eigen redactie van correspondenten; hun verhalen en nieuws staan hieronder."

    class Meta:
        verbose_name = "regio"
        verbose_name_plural = "regio's"

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
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.RelatedFields("municipality", [index.SearchField("name")]),
    ]

    base_form_class = RegionalPageForm
    parent_page_types = ["correspondents.RegionPage"]
    subpage_types = []
    page_description = "Een kort nieuwsbericht uit de regio."

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


class EditorialTaskMixin:
    """Shared rules of the editorial chain's steps: nobody approves their own work, and no story passes
    a step while its consent record is incomplete."""

    def user_is_reviewer(self, obj, user):
        raise NotImplementedError

    def get_actions(self, obj, user):
        if not self.user_is_reviewer(obj, user) or is_own_work(obj, user):
            return []
        if consent_problems_under_review(obj):
            # "Goedkeuren" opens a dialog that says what is missing (get_template_for_action) and cannot approve.
            return [("reject", "Wijzigingen vragen", True), ("approve", "Goedkeuren", True)]
        return [
            ("reject", "Wijzigingen vragen", True),
            ("approve", "Goedkeuren", False),
            ("approve", "Goedkeuren met opmerking", True),
        ]

    def get_template_for_action(self, action):
        return "correspondents/workflow/approve_modal.html" if action == "approve" else ""

    def user_can_access_editor(self, obj, user):
        return self.user_is_reviewer(obj, user)

    def locked_for_user(self, obj, user):
        return not self.user_is_reviewer(obj, user)

    def on_action(self, task_state, user, action_name, **kwargs):
        # The admin offers only get_actions(); this also guards every other way in.
        page = task_state.workflow_state.content_object
        if action_name not in {name for name, _label, _modal in self.get_actions(page, user)}:
            raise PermissionDenied
        if action_name == "approve" and consent_problems_under_review(page):
            raise PermissionDenied("De toestemming is nog niet compleet.")
        return super().on_action(task_state, user, action_name, **kwargs)


EVERY_REGION = "all"


def edited_regions(user):
    """EVERY_REGION for administrators and the central team, else the regions whose editors the user is among: where
    they coach submissions and moderate reactions. Worked out once per user object, as the admin asks many times
    while drawing one page."""
    from correspondents.provisioning import CENTRAL_TEAM
    from stories.models import region_pages

    if not hasattr(user, "_edited_regions"):
        if not user.is_active:
            user._edited_regions = []
        elif user.is_superuser or user.groups.filter(name=CENTRAL_TEAM).exists():
            user._edited_regions = EVERY_REGION
        else:
            user._edited_regions = list(region_pages().filter(editors_group__in=user.groups.all()))
    return user._edited_regions


def is_own_work(obj, user):
    """Whether the user submitted the page to the workflow or wrote its latest revision (which approval publishes)."""
    workflow_state = obj.current_workflow_state
    latest_revision = obj.get_latest_revision()
    return user.pk in {
        workflow_state and workflow_state.requested_by_id,
        latest_revision and latest_revision.user_id,
    }


def consent_problems_under_review(obj):
    """The consent problems of the latest story revision, the one approval publishes (none for other pages)."""
    if not issubclass(obj.specific_class, PracticeStoryPage):
        return []
    return obj.specific_deferred.get_latest_revision_as_object().consent_problems()


class RegionalApprovalTask(EditorialTaskMixin, Task):
    """First step: the editors of the region the page lives in approve it; editors of other regions cannot."""

    def user_is_reviewer(self, obj, user):
        if user.is_superuser:
            return True
        region = region_of(obj)
        return bool(region and region.editors_group_id and user.groups.filter(pk=region.editors_group_id).exists())

    def start(self, workflow_state, user=None):
        if region_of(workflow_state.content_object):
            return super().start(workflow_state, user=user)
        # A region page itself, or the regions index: no regional editors above it, so only the central team
        # reviews. A skipped step moves the workflow on at once, and nobody is asked to review it.
        return TaskState.objects.create(
            workflow_state=workflow_state,
            task=self,
            revision=workflow_state.content_object.get_latest_revision(),
            status=TaskState.STATUS_SKIPPED,
            finished_at=timezone.now(),
        )

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return states
        regions = RegionPage.objects.filter(editors_group__in=user.groups.all())
        if not regions:
            return TaskState.objects.none()
        in_regions = reduce(operator.or_, (Q(path__startswith=region.path) for region in regions))
        page_ids = Page.objects.filter(in_regions).annotate(id_text=Cast("pk", models.CharField())).values("id_text")
        return states.filter(
            workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
            workflow_state__object_id__in=page_ids,
        )

    @classmethod
    def get_description(cls):
        return "De regioredactie van de regio waarin de pagina staat, keurt deze stap goed."

    class Meta:
        verbose_name = "goedkeuring door de regioredactie"
        verbose_name_plural = "goedkeuringen door de regioredactie"


class CentralApprovalTask(EditorialTaskMixin, AbstractGroupApprovalTask):
    """The central editorial team's step; approving the last step publishes the page."""

    def user_is_reviewer(self, obj, user):
        return user.is_superuser or self._user_in_groups(user)

    @classmethod
    def get_description(cls):
        return "Leden van de gekozen groepen keuren deze stap goed; wie zelf indiende, kan niet goedkeuren."

    class Meta:
        verbose_name = "goedkeuring door de centrale redactie"
        verbose_name_plural = "goedkeuringen door de centrale redactie"
