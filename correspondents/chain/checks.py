"""System checks of the chain (`manage.py check`, so also `check --deploy` and every migrate): warnings for a setup
in which a page could skip the chain or a story could wait for nobody.

- A group holds ``publish``, ``bulk_delete`` or ``unlock`` on a page: its members publish, delete or take over a
  page outside the chain (only administrators, as superusers, may).
- A region has no active regional editor: its regional step falls to the central team (tasks.py), which works,
  but the region should get an editor.
- A region page lies outside the "Redactieketen" workflow (another workflow assigned on it, or none above it).
"""

from django.core.checks import Warning, register
from django.db import DatabaseError
from wagtail.models import GroupPagePermission

from correspondents.chain.provisioning import CHAIN_WORKFLOW
from correspondents.chain.tasks import region_has_active_editors
from correspondents.regions import RegionPage

CHAIN_BYPASSING_PERMISSIONS = ["publish_page", "bulk_delete_page", "unlock_page"]


@register()
def chain_cannot_be_bypassed(app_configs, **kwargs):
    try:
        return [*_bypassing_groups(), *_regions_that_stall()]
    except DatabaseError:  # not migrated yet, or no database to ask: nothing to check
        return []


def _bypassing_groups():
    grants = GroupPagePermission.objects.filter(permission__codename__in=CHAIN_BYPASSING_PERMISSIONS).select_related(
        "group", "page", "permission"
    )
    return [
        Warning(
            f"Group '{grant.group.name}' holds '{grant.permission.codename}' on '{grant.page.title}' "
            f"(page {grant.page_id}): its members can act outside the editorial chain.",
            hint="Remove that page permission in Settings > Groups; only administrators (superusers) need it.",
            obj=grant.group,
            id="correspondents.W001",
        )
        for grant in grants
    ]


def _regions_that_stall():
    warnings = []
    for region in RegionPage.objects.select_related("editors_group").order_by("path"):
        if not region_has_active_editors(region):
            warnings.append(
                Warning(
                    f"Region '{region.title}' has no active regional editor: the central team reviews its stories.",
                    hint=f"Add an active user to the group 'Regioredactie {region.title}'.",
                    obj=region,
                    id="correspondents.W002",
                )
            )
        workflow = region.get_workflow()
        if workflow is None or workflow.name != CHAIN_WORKFLOW:
            warnings.append(
                Warning(
                    f"Region '{region.title}' is not under the workflow '{CHAIN_WORKFLOW}' "
                    f"but under {f'{workflow.name!r}' if workflow else 'none'}.",
                    hint="Run `manage.py provision_editorial_teams`, or remove the workflow assigned to the region.",
                    obj=region,
                    id="correspondents.W003",
                )
            )
    return warnings
