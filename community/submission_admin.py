"""The editors' side of "Deel je verhaal" (community.submissions).

- Dashboard panel "Nieuwe inzendingen": the new submissions nobody coaches yet that the user may coach (a regional
  editor: their regions'; the central team and administrators: all), with a button to become coach, a flag when a
  mail failed, and a link to the full list.
- "Inzendingen" (menu item and list): every submission the user may coach, published ones included, with its status,
  coach and the "Verwijderen op verzoek" action. Read-only: records are made by the public form only.
- Coaching view (one submission): who sent it, how to reach them, and the plain-language report on the draft's
  latest revision (core/plainlanguage.py, the shared template of the editor and the reviewer): advice for the coach.
- Claim (POST): the editor becomes the submission's coach and the draft's owner; the submitter hears who it is.
- Delete on request (confirm, then POST): community.submissions.forget_submitter.
Panel and list cost a constant number of queries, however many submissions and regions there are.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import get_template
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.models import Page

from community.submissions import (
    StorySubmission,
    coach_name,
    deletes_draft,
    forget_submitter,
    notify_coach_claimed,
)
from correspondents.chain.provisioning import EVERY_REGION, edited_regions

MAX_ITEMS = 50


class Coaching:
    """Which submissions a user may coach: those of the regions they edit (chain/provisioning.py: edited_regions)."""

    def __init__(self, user):
        self.regions = edited_regions(user)
        self.everywhere = self.regions == EVERY_REGION
        self.edits_a_region = bool(self.regions)

    def submissions(self):
        if self.everywhere:
            return StorySubmission.objects.all()
        return StorySubmission.objects.filter(region__in=[region.pk for region in self.regions])

    def may_coach(self, submission):
        return self.everywhere or submission.region_id in {region.pk for region in self.regions}


def refusal(submission):
    if submission.region is None:
        return "Alleen de centrale redactie kan deze landelijke inzending oppakken."
    return f"Alleen de regioredactie van {submission.region.title} of de centrale redactie kan deze inzending oppakken."


# Dashboard ---------------------------------------------------------------------------------------


@hooks.register("construct_homepage_panels")
def add_submissions_panel(request, panels):
    panels.append(SubmissionsPanel())


class SubmissionsPanel(Component):
    name = "buurtwijs_submissions"
    template_name = "stories/admin/submission_panel.html"
    order = 90  # above the review panels: a new story waits for a coach

    def render_html(self, parent_context=None):
        request = parent_context["request"]
        coaching = Coaching(request.user)
        if not coaching.edits_a_region:
            return ""
        submissions = list(
            coaching.submissions()
            .filter(coach=None, page__live=False)
            .select_related("page", "region")
            .order_by("-created_at", "-pk")[: MAX_ITEMS + 1]
        )
        context = {"submissions": submissions[:MAX_ITEMS], "more": len(submissions) > MAX_ITEMS}
        return get_template(self.template_name).render(context, request=request)


# All submissions ---------------------------------------------------------------------------------


class SubmissionsMenuItem(MenuItem):
    def is_shown(self, request):
        return Coaching(request.user).edits_a_region


@hooks.register("register_admin_menu_item")
def register_submissions_menu_item():
    return SubmissionsMenuItem("Inzendingen", reverse("stories_submissions"), icon_name="mail", order=250)


def status_of(submission):
    if submission.page is not None and submission.page.live:
        return "gepubliceerd"
    return "bij de coach" if submission.coach_id else "nieuw"


def submission_list(request):
    coaching = Coaching(request.user)
    if not coaching.edits_a_region:
        raise PermissionDenied
    submissions = (
        coaching.submissions()
        .select_related("page", "region", "coach")
        .defer("page__body")  # the list shows the title only
        .order_by("-created_at", "-pk")
    )
    page = Paginator(submissions, MAX_ITEMS).get_page(request.GET.get("p"))
    items = [
        {"submission": submission, "status": status_of(submission), "coach_name": coach_name(submission)}
        for submission in page
    ]
    return TemplateResponse(request, "stories/admin/submission_list.html", {"items": items, "page": page})


# Coaching view ---------------------------------------------------------------------------------


def coaching_view(request, submission_id):
    submission = get_object_or_404(StorySubmission.objects.select_related("page", "region", "coach"), pk=submission_id)
    if not Coaching(request.user).may_coach(submission):
        messages.error(request, refusal(submission))
        return redirect("wagtailadmin_home")
    page = submission.page.specific if submission.page_id else None
    context = {
        "submission": submission,
        "page": page,
        "status": status_of(submission),
        "coach_name": coach_name(submission),
        "report": page.submitted_plain_language_report() if page else None,
    }
    return TemplateResponse(request, "stories/admin/submission_coaching.html", context)


# Claim as coach ----------------------------------------------------------------------------------


@require_POST
def claim(request, submission_id):
    with transaction.atomic():
        # Locked, so that two editors who press the button at once cannot both become coach.
        submission = get_object_or_404(StorySubmission.objects.select_for_update(), pk=submission_id)
        if not Coaching(request.user).may_coach(submission):
            messages.error(request, refusal(submission))
            return redirect("wagtailadmin_home")
        if submission.coach_id is not None:
            if submission.coach_id == request.user.pk:
                messages.info(request, f"Je bent al coach van ‘{submission}’.")
            else:
                messages.error(request, f"{coach_name(submission)} is al coach van ‘{submission}’.")
            return redirect("wagtailadmin_home")
        if submission.page_id is None:
            messages.error(request, "Het conceptverhaal van deze inzending bestaat niet meer.")
            return redirect("wagtailadmin_home")
        submission.coach = request.user
        submission.claimed_at = timezone.now()
        submission.save(update_fields=["coach", "claimed_at"])
        # The coach owns the draft: it shows among their own pages, and with "add" permission they may edit it.
        Page.objects.filter(pk=submission.page_id).update(owner=request.user)
        notify_coach_claimed(submission)
    messages.success(
        request, f"Je bent nu coach van ‘{submission}’. {submission.name} krijgt een e-mail met jouw naam."
    )
    return redirect("wagtailadmin_home")


# Delete on request -------------------------------------------------------------------------------


def delete(request, submission_id):
    submission = get_object_or_404(StorySubmission.objects.select_related("page", "region"), pk=submission_id)
    if not Coaching(request.user).may_coach(submission):
        messages.error(request, refusal(submission))
        return redirect("wagtailadmin_home")
    page = submission.page
    if request.method == "POST":
        name = submission.name
        if forget_submitter(submission, request.user):
            messages.success(request, f"De gegevens, het conceptverhaal en de foto's van {name} zijn verwijderd.")
        else:
            messages.success(request, f"De gegevens van {name} zijn verwijderd.")
            if page is not None:
                messages.warning(
                    request,
                    f"Het verhaal ‘{page.title}’ is gepubliceerd geweest en blijft staan. "
                    "Haal het offline of pas het aan als de inzender daarom vraagt.",
                )
        return redirect("stories_submissions")
    return TemplateResponse(
        request,
        "stories/admin/submission_delete.html",
        {
            "submission": submission,
            "page": page,
            "deletes_story": deletes_draft(page),
            "image_count": submission.images.count(),
        },
    )


@hooks.register("register_admin_urls")
def register_submission_urls():
    return [
        path("inzendingen/", submission_list, name="stories_submissions"),
        path("inzendingen/<int:submission_id>/", coaching_view, name="stories_submission"),
        path("inzendingen/<int:submission_id>/coach/", claim, name="stories_submission_claim"),
        path("inzendingen/<int:submission_id>/verwijderen/", delete, name="stories_submission_delete"),
    ]
