"""The chain's signal handlers, connected by CorrespondentsConfig.ready(): our Dutch mails in place of Wagtail's
workflow mails, and a region's team renamed with its region."""

from wagtail.models import TaskState, WorkflowState
from wagtail.signals import (
    page_published,
    task_rejected,
    task_submitted,
    workflow_approved,
    workflow_rejected,
    workflow_submitted,
)

from correspondents.chain.mails import CHANGES_REQUESTED, PUBLISHED, SUBMITTED, send_chain_mail
from correspondents.chain.provisioning import provision_region
from correspondents.regions import RegionPage

# Wagtail's own workflow notifiers (wagtail/admin/signal_handlers.py): their signal, sender and dispatch_uid.
WAGTAIL_NOTIFIERS = [
    (task_submitted, TaskState, "group_approval_task_submitted_email_notification"),
    (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification"),
    (workflow_rejected, WorkflowState, "workflow_state_rejected_email_notification"),
    (workflow_approved, WorkflowState, "workflow_state_approved_email_notification"),
]


def connect():
    for signal, sender, dispatch_uid in WAGTAIL_NOTIFIERS:
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        # "correspondents" precedes "wagtail.admin" in INSTALLED_APPS, so wagtail.admin's ready() connects its
        # notifiers after this runs. Signal.connect() ignores a second receiver under a dispatch_uid that is
        # taken: holding Wagtail's uids with a receiver that does nothing keeps them out, whatever the app order.
        signal.connect(replaced_by_buurtwijs, sender=sender, dispatch_uid=dispatch_uid)
    task_submitted.connect(on_task_submitted, sender=TaskState, dispatch_uid="buurtwijs_task_submitted_mail")
    task_rejected.connect(on_task_rejected, sender=TaskState, dispatch_uid="buurtwijs_task_rejected_mail")
    # Not page_published: that also fires for an administrator's direct publish and for scheduled publishing.
    # workflow_approved is sent once, when the chain's last step is approved, after the page was published.
    workflow_approved.connect(on_workflow_approved, sender=WorkflowState, dispatch_uid="buurtwijs_published_mail")
    # However a region is published (directly or by approving the chain), its team follows its title.
    page_published.connect(rename_region_team, sender=RegionPage, dispatch_uid="buurtwijs_rename_region_team")


def replaced_by_buurtwijs(sender, **kwargs):
    """Holds the dispatch_uid of one of Wagtail's workflow notifiers; correspondents/chain/mails.py mails instead."""


def on_task_submitted(sender, instance, user=None, **kwargs):
    send_chain_mail(SUBMITTED, instance.workflow_state, instance, user)


def on_task_rejected(sender, instance, user=None, **kwargs):
    send_chain_mail(CHANGES_REQUESTED, instance.workflow_state, instance, user)


def on_workflow_approved(sender, instance, user=None, **kwargs):
    send_chain_mail(PUBLISHED, instance, None, user)


def rename_region_team(sender, instance, **kwargs):
    provision_region(instance)
