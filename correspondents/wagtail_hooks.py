from django.contrib import messages
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from correspondents import dashboard  # noqa: F401
from correspondents.models import CorrespondentProfile, Municipality, RegionIndexPage, RegionPage
from correspondents.provisioning import provision_all, provision_region
from home.models import HomePage


@hooks.register("after_create_page")
def provision_editorial_teams(request, page):
    """A new region gets its editorial team at once; a new home or regions index gets the workflows.

    A region's published rename renames its team: see CorrespondentsConfig.ready (page_published).
    """
    if isinstance(page, RegionPage):
        provision_region(page)
    elif isinstance(page, HomePage | RegionIndexPage):
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


@modeladmin_register
class CorrespondentProfileAdmin(ModelAdmin):
    model = CorrespondentProfile
    menu_label = "Correspondenten"
    menu_icon = "group"
    menu_order = 250
    add_to_settings_menu = False
    list_display = ("name", "role", "region", "user")
    list_filter = ("region", "role")
    search_fields = ("name", "bio")
    ordering = ("name",)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("region", "user")


class MunicipalityViewSet(SnippetViewSet):
    model = Municipality
    icon = "site"
    menu_label = "Gemeenten"
    list_display = ["name", "region"]
    list_filter = ["region"]
    ordering = ["name"]


register_snippet(MunicipalityViewSet)
