"""The chain's admin hooks: a new region gets its team, a new home page or regions index the workflows."""

from django.contrib import messages
from wagtail import hooks

from correspondents.chain.provisioning import needs_workflows, provision_all, provision_region
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
