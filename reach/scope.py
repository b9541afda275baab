"""Who sees whose reach: scoped like the editorial chain (correspondents/chain/provisioning.py: edited_regions).

- The central team and administrators: every page.
- A regional editor: every page in their region(s); a report URL for another region is refused.
- Everyone else with access to the admin (a correspondent): their own stories and news, the ones they wrote (the
  author's profile is theirs) or made (Wagtail's owner).

There is no public leaderboard: reach is only shown in the admin.
"""

from dataclasses import dataclass, field

from django.db.models import Q
from wagtail.models import Page

from correspondents.chain.provisioning import EVERY_REGION, edited_regions
from correspondents.regions import RegionalNewsPage
from stories.models import PracticeStoryPage


@dataclass
class Scope:
    everything: bool = False
    regions: list = field(default_factory=list)
    user: object = None  # a correspondent: their own pages

    @property
    def label(self):
        if self.everything:
            return "alle pagina's"
        if self.regions:
            return "de pagina's in " + ", ".join(region.title for region in self.regions)
        return "je eigen verhalen en berichten"

    def allows_region(self, region):
        return self.everything or any(region.pk == own.pk for own in self.regions)

    def pages(self, pages=None):
        """The pages in this scope, as a queryset of Page (to use as a subquery)."""
        pages = Page.objects.all() if pages is None else pages
        if self.everything:
            return pages
        if self.regions:
            inside = Q(pk__in=[])
            for region in self.regions:
                inside |= Q(path__startswith=region.path)
            return pages.filter(inside)
        return pages.filter(own_pages(self.user))

    def allows_page(self, page):
        return self.pages(Page.objects.filter(pk=page.pk)).exists()


def own_pages(user):
    written = Q(pk__in=PracticeStoryPage.objects.filter(author__user=user).values("pk")) | Q(
        pk__in=RegionalNewsPage.objects.filter(author__user=user).values("pk")
    )
    return Q(owner=user) | written


def scope_for(user):
    """The user's scope, or None when they may not see reach at all (no admin access)."""
    if not user.is_active or not user.has_perm("wagtailadmin.access_admin"):
        return None
    regions = edited_regions(user)
    if regions == EVERY_REGION:
        return Scope(everything=True)
    if regions:
        return Scope(regions=list(regions))
    return Scope(user=user)
