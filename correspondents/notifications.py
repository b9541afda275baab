"""The editorial chain's e-mails, in Dutch, in place of Wagtail's own workflow notifications.

- submitted: a step starts; its reviewers (the region's editors, or the task's groups such as the central team).
- changes_requested: a step was rejected; the author and everyone who approved an earlier step in this run.
- published: the workflow finished; the author and the editors of the page's region.

Nobody is mailed about their own action. Mails go out after the action's transaction commits, so a rolled-back
action mails nobody and a failing mail server cannot undo or block the action: each failed send is logged.
"""

import logging
import re
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.models import AbstractGroupApprovalTask, Page, TaskState, WorkflowState
from wagtail.signals import task_rejected, task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from stories.models import region_of

logger = logging.getLogger("buurtwijs.notifications")

SUBMITTED = "submitted"
CHANGES_REQUESTED = "changes_requested"
PUBLISHED = "published"
# The switch in the user's Wagtail account settings ("Notificaties") that turns each mail off.
PROFILE_FLAGS = {
    SUBMITTED: "submitted_notifications",
    CHANGES_REQUESTED: "rejected_notifications",
    PUBLISHED: "approved_notifications",
}

# Wagtail's own workflow notifiers (wagtail/admin/signal_handlers.py): their signal, sender and dispatch_uid.
WAGTAIL_NOTIFIERS = [
    (task_submitted, TaskState, "group_approval_task_submitted_email_notification"),
    (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification"),
    (workflow_rejected, WorkflowState, "workflow_state_rejected_email_notification"),
    (workflow_approved, WorkflowState, "workflow_state_approved_email_notification"),
]


# Signals -----------------------------------------------------------------------------------------


def connect_signals():
    """Replace Wagtail's workflow mails with ours. Called from CorrespondentsConfig.ready()."""
    for signal, sender, dispatch_uid in WAGTAIL_NOTIFIERS:
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        # "correspondents" precedes "wagtail.admin" in INSTALLED_APPS, so wagtail.admin's ready() connects its
        # notifiers after this runs. Signal.connect() ignores a second receiver under a dispatch_uid that is
        # taken: holding Wagtail's uids with a receiver that does nothing keeps them out, whatever the app order.
        signal.connect(_replaced_by_buurtwijs, sender=sender, dispatch_uid=dispatch_uid)
    task_submitted.connect(on_task_submitted, sender=TaskState, dispatch_uid="buurtwijs_task_submitted_mail")
    task_rejected.connect(on_task_rejected, sender=TaskState, dispatch_uid="buurtwijs_task_rejected_mail")
    # Not page_published: that also fires for an administrator's direct publish and for scheduled publishing.
    # workflow_approved is sent once, when the chain's last step is approved, after the page was published.
    workflow_approved.connect(on_workflow_approved, sender=WorkflowState, dispatch_uid="buurtwijs_published_mail")


def _replaced_by_buurtwijs(sender, **kwargs):
    """Holds the dispatch_uid of one of Wagtail's workflow notifiers; correspondents.notifications mails instead."""


def on_task_submitted(sender, instance, user=None, **kwargs):
    _after_commit(SUBMITTED, instance.workflow_state, instance, user)


def on_task_rejected(sender, instance, user=None, **kwargs):
    _after_commit(CHANGES_REQUESTED, instance.workflow_state, instance, user)


def on_workflow_approved(sender, instance, user=None, **kwargs):
    _after_commit(PUBLISHED, instance, None, user)


def _after_commit(kind, workflow_state, task_state, actor):
    # robust: an error while notifying is logged and never reaches the editor who acted.
    transaction.on_commit(partial(notify, kind, workflow_state, task_state, actor), robust=True)


# Who and what --------------------------------------------------------------------------------------


def notify(kind, workflow_state, task_state, actor):
    """Send the ``kind`` notification about a workflow event on a page to everyone who should get it."""
    if workflow_state.base_content_type_id != ContentType.objects.get_for_model(Page).pk:
        return  # only pages go through the editorial chain
    # Fetched again: the workflow may just have published the page.
    page = Page.objects.get(pk=workflow_state.object_id).specific
    region = region_of(page)
    task = task_state.task.specific if task_state else None
    users = recipients(kind, workflow_state, page, region, task, actor)
    if users:
        send_notification(kind, users, mail_context(kind, workflow_state, task_state, page, region, task, actor))


def recipients(kind, workflow_state, page, region, task, actor):
    """The one place that decides who gets which mail."""
    if kind == SUBMITTED:
        wanted = reviewers(task, region)
    elif kind == CHANGES_REQUESTED:
        earlier_approvers = workflow_state.task_states.filter(status=TaskState.STATUS_APPROVED).values("finished_by")
        wanted = Q(pk__in=author_ids(workflow_state, page)) | Q(pk__in=earlier_approvers)
    else:
        wanted = Q(pk__in=author_ids(workflow_state, page)) | regional_editors(region)
    users = (
        get_user_model()
        .objects.filter(wanted, is_active=True)
        .exclude(email="")
        # Users without a profile keep Wagtail's default: notifications on.
        .exclude(**{f"wagtail_userprofile__{PROFILE_FLAGS[kind]}": False})
    )
    if actor is not None:
        users = users.exclude(pk=actor.pk)
    return list(users.distinct().order_by("pk"))


def reviewers(task, region):
    from correspondents.models import RegionalApprovalTask

    if isinstance(task, RegionalApprovalTask):
        return regional_editors(region)
    if isinstance(task, AbstractGroupApprovalTask):
        return Q(groups__in=task.groups.all())
    return Q(pk__in=[])


def regional_editors(region):
    if region is None or region.editors_group_id is None:
        return Q(pk__in=[])
    return Q(groups=region.editors_group_id)


def author_ids(workflow_state, page):
    """The author: who submitted the page to the workflow, and the page's owner."""
    return {pk for pk in (workflow_state.requested_by_id, page.owner_id) if pk is not None}


def mail_context(kind, workflow_state, task_state, page, region, task, actor):
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    # The approval that started this step, or (published) that finished the workflow.
    approval = (
        workflow_state.task_states.filter(status=TaskState.STATUS_APPROVED, finished_by=actor)
        .select_related("task")
        .order_by("-finished_at", "-pk")
        .first()
        if actor is not None and kind != CHANGES_REQUESTED
        else None
    )
    if kind == SUBMITTED:
        preview_path = reverse("wagtailadmin_pages:workflow_preview", args=[page.pk, task.pk])
    else:
        preview_path = reverse("wagtailadmin_pages:view_draft", args=[page.pk])
    latest_revision = page.get_latest_revision() if kind == PUBLISHED else None
    return {
        "page": page,
        "page_title": page.get_admin_display_title(),
        "page_type": page.specific_class._meta.verbose_name,
        "region_name": region.title if region else "landelijk",
        "actor_name": (actor.get_full_name() or actor.get_username()) if actor else "De redactie",
        "task": task,
        "approval": approval,
        "comment": task_state.comment if kind == CHANGES_REQUESTED else getattr(approval, "comment", ""),
        "resubmitted": kind == SUBMITTED
        and workflow_state.task_states.filter(status=TaskState.STATUS_REJECTED).exists(),
        "author_ids": author_ids(workflow_state, page),
        "scheduled_at": latest_revision and latest_revision.approved_go_live_at,
        "live_url": page.get_full_url() if page.live else "",
        "edit_url": base_url + reverse("wagtailadmin_pages:edit", args=[page.pk]),
        "preview_url": base_url + preview_path,
        "preferences_url": base_url + reverse("wagtailadmin_account") + "#tab-notifications",
    }


# Sending -------------------------------------------------------------------------------------------


def send_notification(kind, users, context):
    """Send one notification to each user, addressed by first name. A failed send is logged, the rest go on."""
    from_email = getattr(settings, "WAGTAILADMIN_NOTIFICATION_FROM_EMAIL", None) or settings.DEFAULT_FROM_EMAIL
    connection = get_connection()
    for user in users:
        user_context = {**context, "recipient": user}
        with translation.override("nl"):
            subject = " ".join(render_to_string(f"correspondents/mail/{kind}_subject.txt", user_context).split())
            body = re.sub(r"\n{3,}", "\n\n", render_to_string(f"correspondents/mail/{kind}.txt", user_context)).strip()
        message = EmailMessage(
            subject,
            body,
            from_email,
            [user.email],
            connection=connection,
            headers={"Auto-Submitted": "auto-generated"},
        )
        try:
            message.send()
        except Exception:
            logger.exception("Mail %r about page %s to %s not sent", kind, context["page"].pk, user.email)
