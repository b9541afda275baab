"""The moderation queue for reactions (community/reactions.py) in the Wagtail admin, under "Reacties".

The central editorial team moderates every reaction; a region's editors (RegionPage.editors_group) only the
reactions on pages in their region; nobody else sees the queue. Approve, reject and mark as spam are Wagtail bulk
actions, so they work on one reaction (the buttons in its row) and on a selection alike, each with a confirmation
page. The edit view adds or changes the editors' response.
"""

import operator
from functools import reduce

import django_filters
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.http import urlencode
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, Panel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.widgets.button import Button
from wagtail.models import Page
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, EditView, HistoryView, IndexView, SnippetViewSet, UsageView

from community.reactions import moderate, purge_after_commit
from correspondents.chain.provisioning import CENTRAL_TEAM, EVERY_REGION, edited_regions
from correspondents.regions import RegionPage, region_pages, with_regions
from stories.models import Reaction


def in_regions(regions, prefix="page__"):
    """A filter on pages (or, with the prefix, on what points at them): those below one of the regions."""
    return reduce(operator.or_, (Q(**{f"{prefix}path__startswith": region.path}) for region in regions), Q(pk__in=[]))


def reactions_for(user):
    """The reactions the user may see and moderate."""
    regions = edited_regions(user)
    if regions == EVERY_REGION:
        return Reaction.objects.all()
    if not regions:
        return Reaction.objects.none()
    return Reaction.objects.filter(in_regions(regions))


def moderates(user, reaction):
    """Whether the reaction is among reactions_for(user), without a query once its page is loaded."""
    regions = edited_regions(user)
    if regions == EVERY_REGION:
        return True
    return any(reaction.page.path.startswith(region.path) for region in regions)


def shown_pages(reactions):
    """The pages that show one of these reactions (the approved ones): what to purge when they go."""
    return {reaction.page_id: reaction.page for reaction in reactions if reaction.status == Reaction.Status.APPROVED}


class ReactionPermissionPolicy(BasePermissionPolicy):
    """Moderators view and change reactions; the central team may also delete them; nobody adds one here."""

    def user_has_permission(self, user, action):
        regions = edited_regions(user)
        if action in {"view", "change"}:
            return bool(regions)
        if action == "delete":
            return regions == EVERY_REGION
        return False

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and moderates(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if any(self.user_has_permission(user, action) for action in actions):
            return reactions_for(user)
        return Reaction.objects.none()

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        central = Q(is_superuser=True) | Q(groups__name=CENTRAL_TEAM)
        if set(actions) & {"view", "change"}:
            editor_groups = RegionPage.objects.filter(editors_group__isnull=False).values("editors_group")
            return users.filter(central | Q(groups__in=editor_groups)).distinct()
        if "delete" in actions:
            return users.filter(central).distinct()
        return users.none()


# The queue -----------------------------------------------------------------------------------------


def reacted_pages(request):
    """The pages with reactions the user moderates, for the page filter."""
    return Page.objects.filter(pk__in=reactions_for(request.user).values("page")).order_by("title")


def regions_to_filter(request):
    regions = edited_regions(request.user)
    return (
        region_pages().order_by("title")
        if regions == EVERY_REGION
        else region_pages().filter(pk__in=[region.pk for region in regions]).order_by("title")
    )


class ReactionFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label="Status", choices=Reaction.Status.choices, empty_label="Alle")
    page = django_filters.ModelChoiceFilter(label="Pagina", queryset=reacted_pages, empty_label="Alle pagina's")
    region = django_filters.ModelChoiceFilter(
        label="Regio", queryset=regions_to_filter, method="filter_region", empty_label="Alle regio's"
    )

    class Meta:
        model = Reaction
        fields = ["status", "page", "region"]

    def filter_region(self, queryset, name, value):
        return queryset.filter(in_regions([value])) if value else queryset


def moderation_url(action, reactions, next_url):
    """The admin's bulk action URL (confirmation, then the action) for these reactions."""
    url = reverse("wagtail_bulk_action", args=[Reaction._meta.app_label, Reaction._meta.model_name, action])
    return f"{url}?{urlencode([('id', reaction.pk) for reaction in reactions] + [('next', next_url)])}"


class ReactionIndexView(IndexView):
    def get_base_queryset(self):
        return reactions_for(self.request.user).select_related("page")

    def paginate_queryset(self, queryset, page_size):
        paginator, page, object_list, is_paginated = super().paginate_queryset(queryset, page_size)
        object_list = list(object_list)
        with_regions([reaction.page for reaction in object_list])  # the region column, without a query per row
        return paginator, page, object_list, is_paginated

    def get_list_buttons(self, instance):
        next_url = self.request.get_full_path()
        buttons = [
            Button(label, url=moderation_url(action, [instance], next_url), icon_name=icon, priority=priority)
            for action, label, icon, priority in MODERATION_BUTTONS
            if instance.status != STATUS_AFTER[action]
        ]
        return buttons + super().get_list_buttons(instance)


def region_title(reaction):
    region = reaction.page._region
    return region.title if region else "Landelijk"


def excerpt(reaction):
    return reaction.text if len(reaction.text) <= 120 else reaction.text[:120] + "…"


class ReactionSummaryPanel(Panel):
    """What the reader wrote and where, read-only above the editors' response."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "stories/admin/reaction_summary_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["reaction"] = self.instance
            context["region"] = with_regions([self.instance.page])[0]._region
            return context


class ReactionEditView(EditView):
    def get_queryset(self):  # another region's reaction is not found
        return reactions_for(self.request.user).select_related("page")

    def save_instance(self):
        instance = super().save_instance()
        if "editorial_response" in self.form.changed_data and instance.status == Reaction.Status.APPROVED:
            purge_after_commit([instance.page])
        return instance


class ReactionDeleteView(DeleteView):
    def get_queryset(self):
        return reactions_for(self.request.user).select_related("page")

    def delete_action(self):
        pages = shown_pages([self.object])
        with transaction.atomic():
            super().delete_action()
            purge_after_commit(pages.values())  # a reaction taken down leaves the cached page too


class ReactionHistoryView(HistoryView):
    def get_base_object_queryset(self):  # another region's reaction is not found
        return reactions_for(self.request.user)


class ReactionUsageView(UsageView):
    def get_base_object_queryset(self):
        return reactions_for(self.request.user)


register_permission_policy(Reaction, ReactionPermissionPolicy(Reaction))


class ReactionViewSet(SnippetViewSet):
    model = Reaction
    icon = "comment"
    menu_label = "Reacties"
    menu_name = "reactions"
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    index_view_class = ReactionIndexView
    edit_view_class = ReactionEditView
    delete_view_class = ReactionDeleteView
    history_view_class = ReactionHistoryView
    usage_view_class = ReactionUsageView
    filterset_class = ReactionFilterSet
    list_per_page = 50
    list_display = [
        "name",  # the title column: links to the edit view, with the moderation buttons
        Column("text", label="Reactie", accessor=excerpt),
        Column("page", label="Pagina", accessor=lambda reaction: reaction.page.title),
        Column("region", label="Regio", accessor=region_title),
        Column("status", label="Status", accessor="get_status_display"),
        DateColumn("created_at", label="Geplaatst op"),
    ]
    panels = [ReactionSummaryPanel(heading="De reactie"), FieldPanel("editorial_response")]

    def register_chooser_viewset(self):
        """Nothing links to a reaction, so there is no chooser: it would list every reaction to any editor."""


register_snippet(ReactionViewSet)


# Approve, reject, mark as spam, delete -------------------------------------------------------------


class ListingSelectionMixin:
    """Selecting all in the listing (id=all) means what the listing shows: the user's reactions, filtered as the
    listing was. Wagtail's script sends the listing's query string (its filters) along with id=all."""

    def get_all_objects_in_listing_query(self, parent_id):
        filters = ReactionFilterSet(self.request.GET, queryset=reactions_for(self.request.user), request=self.request)
        if not filters.is_valid():  # a filter the user may not use: select nothing rather than more
            return Reaction.objects.none().values_list("pk", flat=True)
        return filters.qs.values_list("pk", flat=True)

    @classmethod
    def get_queryset(cls, model, object_ids):
        return list(Reaction.objects.filter(pk__in=object_ids).select_related("page"))


class ModerationBulkAction(ListingSelectionMixin, SnippetBulkAction):
    """Give the chosen reactions one status. Reactions the user may not moderate are counted, and left alone."""

    status = None
    template_name = "stories/admin/reaction_bulk_confirm.html"
    question = ""
    button_label = ""
    success_message = ""
    models = [Reaction]

    def check_perm(self, reaction):
        return self.permission_policy.user_has_permission_for_instance(self.request.user, "change", reaction)

    def get_execution_context(self):
        return {"user": self.request.user, "status": self.status}

    @classmethod
    def execute_action(cls, objects, user=None, status=None, **kwargs):
        moderate(objects, status, user)
        return len(objects), 0

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "action": self}

    def get_success_message(self, num_parent_objects, num_child_objects):
        return self.success_message % {"count": num_parent_objects}


class ApproveBulkAction(ModerationBulkAction):
    display_name = "Goedkeuren"
    action_type = "approve"
    aria_label = "Geselecteerde reacties goedkeuren"
    action_priority = 10
    status = Reaction.Status.APPROVED
    question = (
        "Deze reacties goedkeuren? Ze verschijnen dan onder hun pagina, en de auteur van de pagina krijgt een mail."
    )
    button_label = "Ja, goedkeuren"
    success_message = "%(count)d reactie(s) goedgekeurd."


class RejectBulkAction(ModerationBulkAction):
    display_name = "Afwijzen"
    action_type = "reject"
    aria_label = "Geselecteerde reacties afwijzen"
    action_priority = 20
    status = Reaction.Status.REJECTED
    question = "Deze reacties afwijzen? Ze verschijnen dan niet (meer) op de site."
    button_label = "Ja, afwijzen"
    success_message = "%(count)d reactie(s) afgewezen."


class SpamBulkAction(ModerationBulkAction):
    display_name = "Markeer als spam"
    action_type = "spam"
    aria_label = "Geselecteerde reacties markeren als spam"
    action_priority = 30
    classes = {"serious"}
    status = Reaction.Status.SPAM
    question = "Deze reacties markeren als spam? Ze verschijnen dan niet (meer) op de site."
    button_label = "Ja, het is spam"
    success_message = "%(count)d reactie(s) gemarkeerd als spam."


MODERATION_ACTIONS = (ApproveBulkAction, RejectBulkAction, SpamBulkAction)
STATUS_AFTER = {action.action_type: action.status for action in MODERATION_ACTIONS}
MODERATION_BUTTONS = [
    ("approve", "Goedkeuren", "check", 10),
    ("reject", "Afwijzen", "cross", 20),
    ("spam", "Spam", "warning", 30),
]

for action_class in MODERATION_ACTIONS:
    hooks.register("register_bulk_action", action_class)


class ReactionDeleteBulkAction(ListingSelectionMixin, DeleteBulkAction):
    """Wagtail's bulk delete for the central team, scoped like the listing, and purging the pages of the approved
    reactions it deletes."""

    models = [Reaction]

    @classmethod
    def execute_action(cls, objects, **kwargs):
        pages = shown_pages(objects)
        result = super().execute_action(objects, **kwargs)
        purge_after_commit(pages.values())  # BulkAction runs this in a transaction: purged after the commit
        return result


# Registered after Wagtail's own delete action (order 0), so this one is used for reactions.
hooks.register("register_bulk_action", ReactionDeleteBulkAction, order=1)
