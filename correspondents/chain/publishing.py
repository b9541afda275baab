"""What happens when the editorial chain's last step is approved."""


def publish_approved_revision(workflow_state, user=None):
    """Publish the approved revision.

    The approver's right to do so was checked by the task (CentralApprovalTask); Wagtail's own check
    would ask for the plain `publish` permission, which nobody but an administrator holds, because
    anyone holding it could publish directly and skip the chain.
    """
    workflow_state.content_object.get_latest_revision().publish(user=user, skip_permission_checks=True)
