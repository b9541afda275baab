"""The editors' side of "Deel je verhaal" (stories.submissions).

- Dashboard panel "Nieuwe inzendingen": the submissions in progress that the user may coach (a regional editor:
  their regions'; the central team and administrators: all), with a button to become coach and a flag when a mail
  failed. A constant number of queries, however many submissions and regions there are.
- Claim (POST): the editor becomes the submission's coach and the draft's owner; the submitter hears who it is.
- Delete on request (confirm, then POST): the submitter's personal data goes; so do the draft and its photos if the
  story was never published (a published story stays, for the editors to take offline by hand).
"""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import get_template
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.actions.delete_page import DeletePageAction
from wagtail.admin.ui.components import Component
from wagtail.models import Page

from correspondents.provisioning import CENTRAL_TEAM
from stories.submissions import StorySubmission, coach_name, notify_coach_claimed

MAX_ITEMS = 50


class Coaching:
    """Which submissions a user may coach, from one query for their groups."""

    def __init__(self, user):
        self.user = user
        groups = list(user.groups.values_list("pk", "name")) if user.is_active else []
        self.group_ids = {pk for pk, _name in groups}
        self.everywhere = user.is_active and (user.is_superuser or CENTRAL_TEAM in {name for _pk, name in groups})

    def submissions(self):
        submissions = StorySubmission.objects.all()
        if not self.everywhere:
            submissions = submissions.filter(region__editors_group__in=self.group_ids)
        return submissions

    def may_coach(self, submission):
        if self.everywhere:
            return True
        region = submission.region
        return bool(region and region.editors_group_id in self.group_ids)

    @property
    def coaches_anywhere(self):
        return self.everywhere or bool(self.group_ids)


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
        if not coaching.coaches_anywhere:
            return ""
        submissions = list(
            coaching.submissions()
            .filter(page__live=False)
            .select_related("page", "region", "coach")
            .order_by("-created_at", "-pk")[: MAX_ITEMS + 1]
        )
        if not submissions and not coaching.everywhere and not self.edits_a_region(coaching):
            return ""
        context = {
            "items": [
                {"submission": submission, "coach_name": coach_name(submission)}
                for submission in submissions[:MAX_ITEMS]
            ],
            "more": len(submissions) > MAX_ITEMS,
        }
        return get_template(self.template_name).render(context, request=request)

    def edits_a_region(self, coaching):
        from correspondents.models import RegionPage

        return RegionPage.objects.filter(editors_group__in=coaching.group_ids).exists()


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
    deletes_story = page is not None and page.first_published_at is None and not page.live
    if request.method == "POST":
        name = submission.name
        with transaction.atomic():
            images = list(submission.images.all())
            submission.delete()
            if deletes_story:
                DeletePageAction(page.specific, user=request.user).execute(skip_permission_checks=True)
                for image in images:
                    image.delete()
        if deletes_story:
            messages.success(request, f"De gegevens, het conceptverhaal en de foto's van {name} zijn verwijderd.")
        else:
            messages.success(request, f"De gegevens van {name} zijn verwijderd.")
            if page is not None:
                messages.warning(
                    request,
                    f"Het verhaal ‘{page.title}’ is gepubliceerd geweest en blijft staan. "
                    "Haal het offline of pas het aan als de inzender daarom vraagt.",
                )
        return redirect("wagtailadmin_home")
    return TemplateResponse(
        request,
        "stories/admin/submission_delete.html",
        {
            "submission": submission,
            "page": page,
            "deletes_story": deletes_story,
            "image_count": submission.images.count(),
        },
    )


@hooks.register("register_admin_urls")
def register_submission_urls():
    return [
        path("inzendingen/<int:submission_id>/coach/", claim, name="stories_submission_claim"),
        path("inzendingen/<int:submission_id>/verwijderen/", delete, name="stories_submission_delete"),
    ]
