"""The correspondents app in the admin: correspondents and municipalities here; the chain's admin hooks and
dashboards register themselves when their modules load."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from correspondents.chain import admin_hooks, dashboard  # noqa: F401
from correspondents.regions import CorrespondentProfile, Municipality


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
