"""The Bereik report's filters: period, region, theme, correspondent, page type."""

from django import forms
from django.db.models import Q
from wagtail.models import get_page_models

from community.events import EventPage
from correspondents.regions import CorrespondentProfile, RegionalNewsPage, region_pages
from reach.report import DEFAULT_PERIOD, PERIODS
from stories.models import KnowledgePage, PracticeStoryPage, ThemeHubPage


def page_type_choices():
    models = [model for model in get_page_models() if model._meta.app_label != "wagtailcore"]
    choices = [(f"{model._meta.app_label}.{model._meta.model_name}", model._meta.verbose_name) for model in models]
    return [("", "Alle soorten"), *sorted(choices, key=lambda choice: str(choice[1]))]


class ReachFilters(forms.Form):
    periode = forms.TypedChoiceField(
        label="Periode",
        choices=list(PERIODS.items()),
        coerce=int,
        required=False,
        empty_value=DEFAULT_PERIOD,
        initial=DEFAULT_PERIOD,
    )
    # Every region is a valid choice: a regional editor who asks for another region is refused (views.py), not
    # shown an empty report.
    regio = forms.ModelChoiceField(
        region_pages().order_by("title"), label="Regio", required=False, empty_label="Alle regio's"
    )
    thema = forms.ModelChoiceField(
        ThemeHubPage.objects.order_by("title"), label="Thema", required=False, empty_label="Alle thema's"
    )
    correspondent = forms.ModelChoiceField(
        CorrespondentProfile.objects.all(), label="Correspondent", required=False, empty_label="Iedereen"
    )
    soort = forms.ChoiceField(label="Soort pagina", required=False, choices=page_type_choices)

    def __init__(self, *args, scope, **kwargs):
        super().__init__(*args, **kwargs)
        if scope.regions:
            self.fields["correspondent"].queryset = CorrespondentProfile.objects.filter(region__in=scope.regions)
        elif not scope.everything:
            del self.fields["regio"], self.fields["correspondent"]

    @property
    def days(self):
        return (self.is_bound and self.is_valid() and self.cleaned_data.get("periode")) or DEFAULT_PERIOD

    @property
    def region(self):
        """The region asked for, whatever the other filters say: a region outside the reader's scope is refused
        even in a form that is otherwise invalid."""
        if not self.is_bound or "regio" not in self.fields:
            return None
        try:
            return self.fields["regio"].clean(self.data.get("regio"))
        except forms.ValidationError:
            return None

    def filter(self, pages):
        """These pages narrowed to the chosen region, theme, correspondent and page type."""
        if not self.is_bound or not self.is_valid():
            return pages
        data = self.cleaned_data
        if region := data.get("regio"):
            pages = pages.filter(path__startswith=region.path)
        if theme := data.get("thema"):
            pages = pages.filter(
                Q(pk=theme.pk)
                | Q(pk__in=PracticeStoryPage.objects.filter(themes=theme).values("pk"))
                | Q(pk__in=KnowledgePage.objects.filter(themes=theme).values("pk"))
                | Q(pk__in=EventPage.objects.filter(themes=theme).values("pk"))
            )
        if correspondent := data.get("correspondent"):
            pages = pages.filter(
                Q(pk__in=PracticeStoryPage.objects.filter(author=correspondent).values("pk"))
                | Q(pk__in=RegionalNewsPage.objects.filter(author=correspondent).values("pk"))
            )
        if kind := data.get("soort"):
            app_label, model_name = kind.split(".")
            pages = pages.filter(content_type__app_label=app_label, content_type__model=model_name)
        return pages
