from wagtail.admin.forms import WagtailAdminPageForm


class RegionalPageForm(WagtailAdminPageForm):
    """Offers only the municipalities of the region a page is placed in (all of them for national pages)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from correspondents.models import RegionPage

        parent = self.parent_page or (self.instance.get_parent() if self.instance.pk else None)
        region = RegionPage.objects.ancestor_of(parent, inclusive=True).first() if parent else None
        if region and "municipality" in self.fields:
            self.fields["municipality"].queryset = region.municipalities.all()
            self.fields["municipality"].help_text = f"Een gemeente in de regio {region.title}."
