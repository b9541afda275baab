"""Groups, page permissions and image collections for the editorial teams.

Everything here is idempotent: running it again repairs what is missing and changes nothing else.
Permissions are granted on section roots only, never page by page, so the admin stays fast.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from correspondents.chain.tasks import CentralApprovalTask, RegionalApprovalTask
from correspondents.regions import RegionIndexPage, RegionPage, region_pages

CENTRAL_TEAM = "Centrale redactie"
CHAIN_WORKFLOW = "Redactieketen"
CENTRAL_WORKFLOW = "Centrale redactie"
REGIONAL_TASK = "Regionale redactie"
CENTRAL_TASK = "Centrale redactie"
IMAGE_PERMISSIONS = {"add_buurtwijsimage", "change_buurtwijsimage", "choose_image"}
DOCUMENT_PERMISSIONS = {"add_document", "change_document", "choose_document"}
CENTRAL_MODEL_PERMISSIONS = {
    "stories": ["targetgroup", "partner"],
    "correspondents": ["municipality", "correspondentprofile"],
    "wagtailsearchpromotions": ["searchpromotion"],  # promoted search results
    "search": ["synonymgroup"],  # words that mean the same to readers
    "core": ["jargonterm"],  # words the plain-language check flags, with plainer ones
    "follows": ["edition"],  # the newsletter's editions (Volg de buurt)
}


EVERY_REGION = "all"


def edited_regions(user):
    """EVERY_REGION for administrators and the central team, else the regions whose editors the user is among: where
    they coach submissions and moderate reactions. Worked out once per user object, as the admin asks many times
    while drawing one page."""
    if not hasattr(user, "_edited_regions"):
        if not user.is_active:
            user._edited_regions = []
        elif user.is_superuser or user.groups.filter(name=CENTRAL_TEAM).exists():
            user._edited_regions = EVERY_REGION
        else:
            user._edited_regions = list(region_pages().filter(editors_group__in=user.groups.all()))
    return user._edited_regions


def admin_access():
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


def grant_pages(group, page, permission_types):
    for permission_type in permission_types:
        if not GroupPagePermission.objects.filter(
            group=group, page=page, permission__codename=f"{permission_type}_page"
        ).exists():
            GroupPagePermission.objects.create(group=group, page=page, permission_type=permission_type)


def grant_collection(group, collection, codenames):
    for permission in Permission.objects.filter(codename__in=codenames):
        GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=permission)


@transaction.atomic
def ensure_central_team(home_page):
    """The central editorial team: edits the whole site, manages snippets and settings.

    No `publish` permission: whoever holds it can publish directly and skip the chain. The team
    publishes by approving the chain's last step (see correspondents/chain/publishing.py).
    """
    group, _ = Group.objects.get_or_create(name=CENTRAL_TEAM)
    group.permissions.add(admin_access())
    for app_label, models in CENTRAL_MODEL_PERMISSIONS.items():
        for model in models:
            group.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label=app_label,
                    codename__in=[f"{a}_{model}" for a in ("add", "change", "delete")],
                )
            )
    group.permissions.add(*Permission.objects.filter(content_type__app_label="home", codename="change_sitesettings"))
    grant_pages(group, home_page, ["add", "change", "lock"])
    # No publish, bulk delete or unlock (of another's lock): each acts outside the chain (checks.py warns of them).
    GroupPagePermission.objects.filter(
        group=group, permission__codename__in=["publish_page", "bulk_delete_page", "unlock_page"]
    ).delete()
    grant_collection(group, Collection.get_first_root_node(), IMAGE_PERMISSIONS | DOCUMENT_PERMISSIONS)
    return group


@transaction.atomic
def provision_region(region):
    """Create or repair the region's two groups, their page permissions and its image collection."""
    correspondents = _named_group(region.correspondents_group, f"Correspondenten {region.title}")
    editors = _named_group(region.editors_group, f"Regioredactie {region.title}")
    collection = region.collection
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=f"Regio {region.title}")
    elif collection.name != f"Regio {region.title}":
        collection.name = f"Regio {region.title}"
        collection.save(update_fields=["name"])

    for group in (correspondents, editors):
        group.permissions.add(admin_access())
        grant_collection(group, collection, IMAGE_PERMISSIONS)
        grant_collection(group, Collection.get_first_root_node(), {"choose_image", "choose_document"})
    grant_pages(correspondents, region, ["add"])
    grant_pages(editors, region, ["add", "change"])

    if (region.correspondents_group, region.editors_group, region.collection) != (correspondents, editors, collection):
        region.correspondents_group, region.editors_group, region.collection = correspondents, editors, collection
        # Not region.save(): a plain field update must not create a revision or touch the page's timestamps.
        type(region).objects.filter(pk=region.pk).update(
            correspondents_group=correspondents, editors_group=editors, collection=collection
        )
    return correspondents, editors, collection


def _named_group(group, name):
    if group is None:
        group, _ = Group.objects.get_or_create(name=name)
    elif group.name != name:
        group.name = name
        group.save(update_fields=["name"])
    return group


@transaction.atomic
def ensure_workflows(home_page, region_index):
    """ "Redactieketen" (regional, then central step) on the regions, "Centrale redactie" everywhere else."""
    central_team = ensure_central_team(home_page)
    regional_task, _ = RegionalApprovalTask.objects.get_or_create(name=REGIONAL_TASK)
    central_task, _ = CentralApprovalTask.objects.get_or_create(name=CENTRAL_TASK)
    central_task.groups.add(central_team)
    for task in (regional_task, central_task):
        if not task.active:
            task.active = True
            task.save(update_fields=["active"])

    chain = _workflow(CHAIN_WORKFLOW, [regional_task, central_task])
    central = _workflow(CENTRAL_WORKFLOW, [central_task])
    WorkflowPage.objects.update_or_create(page=home_page, defaults={"workflow": central})
    if region_index is not None:
        WorkflowPage.objects.update_or_create(page=region_index, defaults={"workflow": chain})
    return chain, central


def _workflow(name, tasks):
    workflow, _ = Workflow.objects.get_or_create(name=name, defaults={"active": True})
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    if [wt.task_id for wt in workflow.workflow_tasks.order_by("sort_order")] != [task.pk for task in tasks]:
        workflow.workflow_tasks.all().delete()
        for sort_order, task in enumerate(tasks):
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=sort_order)
    return workflow


def home_page_types():
    """The home page's type, asked of the tree: the page type the regions index is placed under."""
    return tuple(RegionIndexPage.allowed_parent_page_models())


def needs_workflows(page):
    """A new home page or regions index: the pages the two workflows are assigned to."""
    return isinstance(page, home_page_types() + (RegionIndexPage,))


def provision_all():
    """Repair or recreate the workflows, the central team and every region's team. Idempotent."""
    home_page = Page.objects.type(*home_page_types()).order_by("path").first()
    if home_page is not None:
        ensure_workflows(home_page, RegionIndexPage.objects.order_by("path").first())
    regions = list(RegionPage.objects.order_by("path"))
    for region in regions:
        provision_region(region)
    return home_page, regions
