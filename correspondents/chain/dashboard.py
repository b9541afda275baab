"""The editors' dashboards on /admin/: what a correspondent, a regional editor and the central team see first.

- "Jouw concepten en verhalen in de redactieketen": the user's own drafts and pages in the chain, with where
  each stands (and the reviewer's comment when changes were asked), plus "Nieuw verhaal" in their region.
- "Wacht op jouw beoordeling": the tasks the user reviews, except the central step; for a regional editor
  exactly their region's pages at the regional step; for the central team also the regional step of a region
  without an active regional editor, saying so.
- "Wacht op de centrale redactie": every page at the central step, oldest first, with its region.

They replace Wagtail's "Awaiting your review" and "Your pages and snippets in a workflow" panels, which
list the same tasks and pages again (and spend several queries per item). Each panel costs a constant
number of queries, however many stories and regions there are: pages, regions and workflow states are
fetched in bulk, never per item.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef, Prefetch, Q
from django.db.models.functions import Cast
from django.template.loader import get_template
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import (
    AbstractGroupApprovalTask,
    Page,
    PagePermissionTester,
    TaskState,
    WorkflowState,
    get_default_page_content_type,
)

from correspondents.chain.tasks import (
    CentralApprovalTask,
    EditorialTaskMixin,
    RegionalApprovalTask,
    is_own_work,
    regions_without_active_editors,
)
from correspondents.regions import RegionPage, with_regions

# Wagtail's own panels that ours replace (wagtail/admin/views/home.py).
REPLACED_PANELS = {"workflow_objects_to_moderate", "user_objects_in_workflow_moderation"}
# A dashboard is not an archive: beyond these, the page explorer is the place to look.
MAX_ITEMS = 50
NATIONAL = "landelijk"


@hooks.register("construct_homepage_panels")
def editorial_dashboard(request, panels):
    panels[:] = [panel for panel in panels if getattr(panel, "name", None) not in REPLACED_PANELS]
    panels.extend([ReviewPanel(), CentralReviewPanel(), OwnPagesPanel()])


class DashboardPanel(Component):
    """A panel that renders nothing when it has nothing to say to this user."""

    def render_html(self, parent_context=None):
        context = self.get_context_data(parent_context)
        if not context["shown"]:
            return ""
        return get_template(self.template_name).render(context)


# Own pages ---------------------------------------------------------------------------------------


class OwnPagesPanel(DashboardPanel):
    name = "buurtwijs_own_pages"
    template_name = "correspondents/dashboard/own_pages.html"
    order = 120

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        regions = regions_user_writes_for(user)
        pages = with_regions(own_pages_in_progress(user)[: MAX_ITEMS + 1], inclusive=True)
        items = [{"page": page, "region": region_name(page), **page_status(page)} for page in pages[:MAX_ITEMS]]
        return {
            "shown": bool(items or regions),
            "items": items,
            "more": len(pages) > MAX_ITEMS,
            "regions": regions,
        }


def regions_user_writes_for(user):
    """The regions in which the user may add stories: through their region's groups or their profile."""
    if not user.is_active:
        return []
    candidates = RegionPage.objects.filter(
        Q(correspondents_group__in=user.groups.all())
        | Q(editors_group__in=user.groups.all())
        | Q(correspondents__user=user)
    ).distinct()
    if user.is_superuser:
        # An administrator may add everywhere; only their own regions (if any) are worth a button.
        return list(candidates.order_by("title"))
    return [region for region in candidates.order_by("title") if region.permissions_for_user(user).can_add_subpage()]


def own_pages_in_progress(user):
    """The user's pages that are not live or have unpublished changes, and pages they submitted to the chain."""
    page_content_type = get_default_page_content_type()
    submitted_by_user = WorkflowState.objects.active().filter(
        base_content_type=page_content_type,
        object_id=Cast(OuterRef("pk"), output_field=CharField()),
        requested_by=user,
    )
    return (
        Page.objects.filter(
            Q(owner=user, live=False) | Q(owner=user, has_unpublished_changes=True) | Exists(submitted_by_user)
        )
        .exclude(depth=1)
        .prefetch_related(
            Prefetch(
                "_workflow_states",
                queryset=WorkflowState.objects.active().select_related(
                    "current_task_state__task", "current_task_state__finished_by"
                ),
                to_attr="_current_workflow_states",
            )
        )
        .order_by("-latest_revision_created_at", "-pk")
    )


def step_name(task):
    task_class = task.specific_class
    if task_class is not None and issubclass(task_class, RegionalApprovalTask):
        return "de regioredactie"
    if task_class is not None and issubclass(task_class, CentralApprovalTask):
        return "de centrale redactie"
    return task.name


def page_status(page):
    """Where a page stands in the chain, in Dutch: a label, whether it asks the author to act, a comment."""
    workflow_state = page.current_workflow_state  # prefetched: no query
    task_state = workflow_state and workflow_state.current_task_state
    if task_state is None:
        label = "Gepubliceerd, met wijzigingen in concept" if page.live else "Concept"
        return {"status": label, "needs_action": False}
    if workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return {
            "status": "Wijzigingen gevraagd",
            "needs_action": True,
            "step": step_name(task_state.task),
            "reviewer": task_state.finished_by,
            "comment": task_state.comment,
        }
    return {
        "status": f"Bij {step_name(task_state.task)}",
        "needs_action": False,
        "note": "een wijziging van het gepubliceerde verhaal" if page.live else "",
    }


def region_name(page):
    return page._region.title if page._region else NATIONAL


# Tasks to review ---------------------------------------------------------------------------------


class ReviewPanel(DashboardPanel):
    """Every task the user reviews except the central step (which has its own panel)."""

    name = "buurtwijs_review"
    template_name = "correspondents/dashboard/review.html"
    order = 100
    heading = "Wacht op jouw beoordeling"
    empty_text = "Er wacht niets op jouw beoordeling."
    show_step = True

    def task_states(self, user):
        central = ContentType.objects.get_for_model(CentralApprovalTask)
        return TaskState.objects.reviewable_by(user).exclude(task__content_type=central)

    def always_shown(self, user):
        """Regional editors see the panel even when it is empty: then nothing waits for them."""
        return RegionPage.objects.filter(editors_group__in=user.groups.all()).exists()

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
            return {"shown": False}
        on_pages = Q(workflow_state__base_content_type=get_default_page_content_type())
        states = list(
            self.task_states(user)
            .filter(on_pages, status=TaskState.STATUS_IN_PROGRESS)
            .select_related("task", "workflow_state", "workflow_state__requested_by")
            .order_by("started_at", "pk")[: MAX_ITEMS + 1]
        )
        items = review_items(user, states[:MAX_ITEMS])
        return {
            "shown": bool(items) or self.always_shown(user),
            "panel_id": self.name.replace("_", "-"),
            "heading": self.heading,
            "empty_text": self.empty_text,
            "items": items,
            "more": len(states) > MAX_ITEMS,
            "show_step": self.show_step,
        }


class CentralReviewPanel(ReviewPanel):
    """The central step, for the central team: everything waiting there, oldest first, with its region."""

    name = "buurtwijs_central_review"
    order = 110
    heading = "Wacht op de centrale redactie"
    empty_text = "Er wacht niets op de centrale redactie."
    show_step = False

    def central_tasks(self, user):
        tasks = CentralApprovalTask.objects.filter(active=True)
        if not user.is_superuser:
            tasks = tasks.filter(groups__in=user.groups.all())
        return tasks.distinct()

    def task_states(self, user):
        return TaskState.objects.filter(task__in=self.central_tasks(user).values("pk"))

    def always_shown(self, user):
        return user.is_superuser or self.central_tasks(user).exists()


def review_items(user, task_states):
    """The rows of a review panel: each task state with its page, region and the links that work for this user."""
    pages = Page.objects.select_related("latest_revision").in_bulk(
        [int(state.workflow_state.object_id) for state in task_states]
    )
    with_regions(pages.values(), inclusive=True)
    regional = ContentType.objects.get_for_model(RegionalApprovalTask)
    at_regional_step = {state.pk for state in task_states if state.task.content_type_id == regional.pk}
    # The regions whose regional step the central team reviews; one query, only when there is a regional step.
    fallen = set(regions_without_active_editors().values_list("pk", flat=True)) if at_regional_step else set()
    items = []
    for state in task_states:
        page = pages.get(int(state.workflow_state.object_id))
        if page is None:
            continue
        workflow_state = state.workflow_state
        page._current_workflow_states = [workflow_state]  # so that is_own_work() needs no query
        items.append(
            {
                "page": page,
                "region": region_name(page),
                "task_state": state,
                "step": step_name(state.task),
                "why": fallen_to_central_note(page)
                if state.pk in at_regional_step and getattr(page._region, "pk", None) in fallen
                else "",
                "submitted_by": workflow_state.requested_by,
                "submitted_at": workflow_state.created_at,
                "opens_editor": can_open_editor(user, page, state.task),
                # Wagtail's task preview refuses whoever the task offers no action, such as the page's author.
                "can_preview": page.is_previewable() and not is_own_work(page, user),
            }
        )
    return items


def fallen_to_central_note(page):
    return f"{page._region.title} heeft geen actieve regioredacteur: de centrale redactie beoordeelt deze stap."


def can_open_editor(user, page, task):
    """Whether the edit view lets the user in: by page permission, or as a reviewer of the page's current task.

    Wagtail's edit view also admits a user the page's current task lets in (``user_can_access_editor``); our
    two steps, like Wagtail's group approval, let in exactly their reviewers, and every task state on this
    dashboard is one the user reviews. Checked here from cached permissions, without a query per page.
    """
    if user.is_superuser:
        return True
    # The tester itself, not page.permissions_for_user(): a page class overriding that would cost a query
    # per (non-specific) page here. Only the permission set is read, which is the same either way.
    permissions = PagePermissionTester(user, page).permissions
    if "change" in permissions or ("add" in permissions and page.owner_id == user.pk):
        return True
    task_class = task.specific_class
    return task_class is not None and issubclass(task_class, EditorialTaskMixin | AbstractGroupApprovalTask)
