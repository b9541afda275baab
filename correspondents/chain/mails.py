"""The editorial chain's e-mails, in Dutch, in place of Wagtail's own workflow notifications.

- submitted: a step starts; its reviewers (the region's editors, or the task's groups such as the central team; the
  central team for the regional step of a region without an active regional editor, told why).
- changes_requested: a step was rejected; the author and everyone who approved an earlier step in this run.
- published: the workflow finished; the author and the editors of the page's region.

Nobody is mailed about their own action. Mails go out after the action's transaction commits, so a rolled-back
action mails nobody and a failing mail server cannot undo or block the action: each failed send is logged
(core/mail.py, the site's one mail path).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.models import AbstractGroupApprovalTask, Page, TaskState

from core.mail import message, send_after_commit
from correspondents.chain.tasks import RegionalApprovalTask, region_has_active_editors
from correspondents.regions import region_of

SUBMITTED = "submitted"
CHANGES_REQUESTED = "changes_requested"
PUBLISHED = "published"
# The switch in the user's Wagtail account settings ("Notificaties") that turns each mail off.
PROFILE_FLAGS = {
    SUBMITTED: "submitted_notifications",
    CHANGES_REQUESTED: "rejected_notifications",
    PUBLISHED: "approved_notifications",
}


# Who and what ---------------------------------------------------------------------------------------


def send_chain_mail(kind, workflow_state, task_state, actor):
    """After the commit, mail everyone who should hear of this workflow event (core.mail: failures are logged)."""
    send_after_commit(lambda: chain_messages(kind, workflow_state, task_state, actor))


def chain_messages(kind, workflow_state, task_state, actor):
    """The ``kind`` notification about a workflow event on a page, one message per person who should get it."""
    if workflow_state.base_content_type_id != ContentType.objects.get_for_model(Page).pk:
        return []  # only pages go through the editorial chain
    # Fetched again: the workflow may just have published the page.
    page = Page.objects.get(pk=workflow_state.object_id).specific
    region = region_of(page)
    task = task_state.task.specific if task_state else None
    users = recipients(kind, workflow_state, page, region, task, actor)
    if not users:
        return []
    context = mail_context(kind, workflow_state, task_state, page, region, task, actor)
    return [personal_message(kind, user, context) for user in users]


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
    if isinstance(task, RegionalApprovalTask):
        return Q(groups__in=task.reviewer_groups(region)) if region else Q(pk__in=[])
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
        "region": region,
        "region_name": region.title if region else "landelijk",
        "actor_name": (actor.get_full_name() or actor.get_username()) if actor else "De redactie",
        "task": task,
        "approval": approval,
        # The regional step fell to the central team: say why, and how to change it.
        "without_regional_editors": kind == SUBMITTED
        and isinstance(task, RegionalApprovalTask)
        and region is not None
        and not region_has_active_editors(region),
        "comment": task_state.comment if kind == CHANGES_REQUESTED else getattr(approval, "comment", ""),
        "resubmitted": kind == SUBMITTED
        and workflow_state.task_states.filter(status=TaskState.STATUS_REJECTED).exists(),
        "author_ids": author_ids(workflow_state, page),
        # Advice only: the plain-language check never blocks a step (core/plainlanguage.py).
        "plain_language": page.specific.submitted_plain_language_report()
        if kind == SUBMITTED and hasattr(page.specific, "submitted_plain_language_report")
        else None,
        "scheduled_at": latest_revision and latest_revision.approved_go_live_at,
        "live_url": page.get_full_url() if page.live else "",
        "edit_url": base_url + reverse("wagtailadmin_pages:edit", args=[page.pk]),
        "preview_url": base_url + preview_path,
        "preferences_url": base_url + reverse("wagtailadmin_account") + "#tab-notifications",
    }


def personal_message(kind, user, context):
    """One notification, addressed to the user by first name, in Dutch."""
    from_email = getattr(settings, "WAGTAILADMIN_NOTIFICATION_FROM_EMAIL", None) or settings.DEFAULT_FROM_EMAIL
    user_context = {**context, "recipient": user}
    with translation.override("nl"):
        subject = " ".join(render_to_string(f"correspondents/mail/{kind}_subject.txt", user_context).split())
        return message(
            f"correspondents/mail/{kind}.txt",
            subject,
            [user.email],
            user_context,
            from_email=from_email,
            headers={"Auto-Submitted": "auto-generated"},
        )
