"""The chain's admin hooks: a new region gets its team, a new home page or regions index the workflows."""

from django.contrib import messages
from django.shortcuts import redirect
from wagtail import hooks
from wagtail.models import Page, TaskState

from correspondents.chain.provisioning import needs_workflows, provision_all, provision_region
from correspondents.chain.tasks import EditorialTaskMixin
from correspondents.regions import RegionPage


@hooks.register("after_create_page")
def provision_editorial_teams(request, page):
    """A new region gets its editorial team at once; a new home or regions index gets the workflows.

    A region's published rename renames its team: see signal_handlers.py (page_published).
    """
    if isinstance(page, RegionPage):
        provision_region(page)
    elif needs_workflows(page):
        provision_all()


@hooks.register("after_delete_page")
def keep_region_team(request, page):
    """A deleted region's groups and collection stay, so no account loses its history; say so."""
    if isinstance(page, RegionPage):
        kept = [f"‘{group.name}’" for group in (page.correspondents_group, page.editors_group) if group]
        if kept:
            messages.info(
                request,
                f"De groepen {' en '.join(kept)} en de beeldbankcollectie van {page.title} blijven bestaan, "
                "zodat de accounts en hun geschiedenis bewaard blijven. Verwijder ze zo nodig onder "
                "Instellingen → Groepen en Instellingen → Collecties.",
            )


@hooks.register("after_edit_page")
def explain_edit_not_approved(request, page):
    """A reviewer who edits and presses "Goedkeuren" in one go: their edit is saved, but now the version under
    review is theirs and nobody approves their own work (tasks.py: EditorialTaskMixin.on_action approves nothing).
    Say so in Dutch and stay in the editor, in place of Wagtail's bare "geen toegang"."""
    if not (request.POST.get("action-workflow-action") and request.POST.get("workflow-action-name") == "approve"):
        return None
    page = Page.objects.get(pk=page.pk)  # the workflow state as it is now
    task_state = page.current_workflow_task_state
    if task_state is None or task_state.status != TaskState.STATUS_IN_PROGRESS:
        return None  # approved
    task = task_state.task.specific
    if not (isinstance(task, EditorialTaskMixin) and task.edited_by_reviewer(page, request.user)):
        return None
    messages.warning(
        request,
        f"Je wijziging is opgeslagen, maar niet goedgekeurd: de versie ter beoordeling is nu ook van jou, en niemand "
        f"keurt eigen werk goed. Iemand anders van de stap ‘{task.name}’ moet deze versie nu beoordelen: goedkeuren, "
        "of met ‘Wijzigingen vragen’ met jouw wijziging terugsturen naar de auteur.",
    )
    return redirect("wagtailadmin_pages:edit", page.pk)
