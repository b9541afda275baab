"""The chain's steps: Wagtail tasks with the rules every step shares (see correspondents/chain/__init__.py)."""

import operator
from functools import reduce

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Exists, Q
from django.db.models.functions import Cast
from django.utils import timezone
from wagtail.models import AbstractGroupApprovalTask, Page, Task, TaskState

from correspondents.regions import RegionPage, region_of


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
            if action_name == "approve" and self.edited_by_reviewer(page, user):
                # A reviewer edited and pressed "Goedkeuren" in one go: the edit view has saved their edit, which
                # makes the version under review theirs. Nothing is approved; admin_hooks.py tells them why.
                return None
            raise PermissionDenied
        if action_name == "approve" and consent_problems_under_review(page):
            raise PermissionDenied("De toestemming is nog niet compleet.")
        return super().on_action(task_state, user, action_name, **kwargs)

    def edited_by_reviewer(self, obj, user):
        """Whether a reviewer of this step, who did not submit the page, wrote its latest revision."""
        latest_revision = obj.get_latest_revision()
        return (
            latest_revision is not None
            and latest_revision.user_id == user.pk
            and obj.current_workflow_state.requested_by_id != user.pk
            and self.user_is_reviewer(obj, user)
        )


def is_own_work(obj, user):
    """Whether the user submitted the page to the workflow or wrote its latest revision (which approval publishes)."""
    workflow_state = obj.current_workflow_state
    latest_revision = obj.get_latest_revision()
    return user.pk in {
        workflow_state and workflow_state.requested_by_id,
        latest_revision and latest_revision.user_id,
    }


def region_has_active_editors(region):
    """Whether the region's editors group has an active member; without one the central team reviews the regional
    step (RegionalApprovalTask), and `manage.py check` warns (checks.py)."""
    return not regions_without_active_editors().filter(pk=region.pk).exists()


def consent_problems_under_review(obj):
    """The consent problems of the latest revision, the one approval publishes: asked of the page types that keep
    a consent record (they have ``consent_problems()``), none for other pages."""
    if not hasattr(obj.specific_class, "consent_problems"):
        return []
    return obj.specific_deferred.get_latest_revision_as_object().consent_problems()


def regions_without_active_editors():
    """The regions whose step falls to the central team: no active member in their editors group."""
    return RegionPage.objects.exclude(editors_group__user__is_active=True)


def central_reviewer_groups():
    """The groups that review the central step (the central team); they also review the regional step of a region
    without an active regional editor."""
    return Group.objects.filter(pk__in=CentralApprovalTask.objects.filter(active=True).values("groups"))


class RegionalApprovalTask(EditorialTaskMixin, Task):
    """First step: the editors of the region the page lives in approve it; editors of other regions cannot.

    A region without an active regional editor does not stall: its step falls to the central team (the central
    step's groups), who are mailed and see it on their dashboard with the reason (mails.py, dashboard.py).
    """

    def reviewer_groups(self, region):
        if region_has_active_editors(region):
            return Group.objects.filter(pk=region.editors_group_id)
        return central_reviewer_groups()

    def user_is_reviewer(self, obj, user):
        if user.is_superuser:
            return True
        region = region_of(obj)
        return bool(region) and self.reviewer_groups(region).filter(user=user).exists()

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
        # Their own regions, and (for the central team) the regions without an active editor: one query.
        fallen_to_user = Q(pk__in=regions_without_active_editors().values("pk")) & Q(
            Exists(central_reviewer_groups().filter(user=user))
        )
        regions = list(RegionPage.objects.filter(Q(editors_group__in=user.groups.all()) | fallen_to_user))
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
        return (
            "De regioredactie van de regio waarin de pagina staat, keurt deze stap goed; heeft de regio geen actieve "
            "regioredacteur, dan doet de centrale redactie het."
        )

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
