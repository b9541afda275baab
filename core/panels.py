"""The editor's summary of the plain-language check (core/plainlanguage.py), a panel page types add next to their
text: the indication, long sentences and jargon of the page as last saved. The marked sentences are in the preview's
Checks panel (home/wagtail_hooks.py)."""

from wagtail.admin.panels import Panel


class PlainLanguagePanel(Panel):
    def __init__(self, **kwargs):
        kwargs.setdefault("heading", "Taalniveau")
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "components/plain_language_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["report"] = self.instance.plain_language_report()
            return context


class ReachPanel(Panel):
    """Read-only Bereik of the page (its readers, trend and sources), on every page's "Eigenschappen" tab (Wagtail's
    Promote). The numbers come from a floor above (reach), through its template: templates/reach/edit_panel.html
    loads reach_tags."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", "Bereik")
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "reach/edit_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["page"] = self.instance
            context["user"] = self.request.user
            return context
