"""A reaction of a reader under a story or knowledge page (Het gesprek), and the count a listing card shows.

The model lives with the pages it belongs to, so their listings can count approved reactions; the public form,
moderation and mails are the community floor's (community/reactions.py, community/reaction_admin.py).
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce
from django.utils import timezone

NAME_MAX_LENGTH = 80
TEXT_MAX_LENGTH = 5000
RESPONSE_MAX_LENGTH = 5000


class ReactionQuerySet(models.QuerySet):
    def approved(self):
        """What readers see under a page: the approved reactions, oldest first."""
        return self.filter(status=Reaction.Status.APPROVED).order_by("created_at", "pk")


class Reaction(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "wacht op moderatie"
        APPROVED = "approved", "goedgekeurd"
        REJECTED = "rejected", "afgewezen"
        SPAM = "spam", "spam"

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="pagina", on_delete=models.CASCADE, related_name="reactions"
    )
    name = models.CharField("naam", max_length=NAME_MAX_LENGTH)
    email = models.EmailField("e-mailadres", help_text="Alleen voor de redactie; wordt nooit getoond.")
    text = models.TextField("reactie", max_length=TEXT_MAX_LENGTH)
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.PENDING)
    editorial_response = models.TextField(
        "reactie van de redactie",
        max_length=RESPONSE_MAX_LENGTH,
        blank=True,
        help_text="Staat opvallend onder de reactie, zodra die is goedgekeurd. Laat leeg als je niet reageert.",
    )
    created_at = models.DateTimeField("geplaatst op", default=timezone.now, editable=False)
    moderated_at = models.DateTimeField("gemodereerd op", null=True, blank=True, editable=False)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="gemodereerd door",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    mail_failed = models.BooleanField(
        "mail aan de auteur mislukt",
        default=False,
        editable=False,
        help_text="De auteur van de pagina kreeg geen bericht over deze goedgekeurde reactie.",
    )

    objects = ReactionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]  # the moderation queue: newest first
        indexes = [models.Index(fields=["page", "status", "created_at"], name="reaction_page_status_created")]
        verbose_name = "reactie"
        verbose_name_plural = "reacties"

    def __str__(self):  # no name or text: this ends up in logs, the admin's history and JSON
        return f"Reactie #{self.pk} op ‘{self.page.title}’" if self.pk else "Nieuwe reactie"


def approved_reaction_count(outer_ref="pk"):
    """An annotation: the number of approved reactions on the page ``outer_ref`` names, in the same query."""
    counts = (
        Reaction.objects.filter(page=models.OuterRef(outer_ref), status=Reaction.Status.APPROVED)
        .order_by()
        .values("page")
        .annotate(n=models.Count("pk"))
        .values("n")
    )
    return Coalesce(models.Subquery(counts, output_field=models.IntegerField()), 0)
