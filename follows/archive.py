"""The public web archive of the editions that went out, and their RSS feed: what every edition said, and everything
new in its week (a reader sees only what they follow; the archive shows it all)."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from core.listing import paginate
from follows.digest import ELSEWHERE_WINDOW, Candidates, edition_context, sections
from follows.models import Edition


def sent_editions():
    return Edition.objects.filter(finished_at__isnull=False).select_related("story_of_the_week")


def week_of(edition):
    """The items of the edition's week: since the edition before it, at most a week back."""
    previous = sent_editions().filter(cutoff__lt=edition.cutoff).order_by("-cutoff").first()
    since = max(previous.cutoff, edition.cutoff - ELSEWHERE_WINDOW) if previous else edition.cutoff - ELSEWHERE_WINDOW
    return Candidates(since, edition.cutoff, edition.source_tag).items


@require_GET
def archive(request):
    editions = paginate(request, sent_editions().order_by("-send_on"))
    return render(request, "follows/archive.html", {"editions": editions})


@require_GET
def edition(request, number):
    found = sent_editions().filter(number=number).first()
    if found is None:
        raise Http404("Deze nieuwsbrief bestaat niet.")
    context = {**edition_context(found), "sections": sections(week_of(found))}
    return render(request, "follows/edition.html", context)


class EditionFeed(Feed):
    title = "Buurtwijs deze week"
    description = "De nieuwsbrief van Buurtwijs: nieuwe praktijkverhalen, kennis, nieuws en bijeenkomsten."
    language = "nl"

    def link(self):
        return reverse("newsletter_archive")

    def items(self):
        return sent_editions().order_by("-send_on")[:20]

    def item_title(self, item):
        return f"{item.title} #{item.number}"

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return reverse("newsletter_edition", args=[item.number])

    def item_pubdate(self, item):
        return item.cutoff
