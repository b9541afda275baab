from wagtail.admin.forms import WagtailAdminPageForm


class RegionalPageForm(WagtailAdminPageForm):
    """Offers only the municipalities of the region a page is placed in (all of them for national pages)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from stories.models import region_of

        parent = self.parent_page or (self.instance.get_parent() if self.instance.pk else None)
        region = region_of(parent, inclusive=True) if parent else None
        if region and "municipality" in self.fields:
            self.fields["municipality"].queryset = region.municipalities.all()
            self.fields["municipality"].help_text = f"Een gemeente in de regio {region.title}."
