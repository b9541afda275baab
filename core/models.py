"""The ground floor's one model: the central team's jargon list for the plain-language check
(core/plainlanguage.py), read by the editor's checks, the chain's review screen and mail, the intake and the
overview."""

import hashlib
import json

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet

from core import plainlanguage


@register_snippet
class JargonTerm(models.Model):
    """A word or phrase of the social domain that readers stumble over, with a plainer alternative."""

    term = models.CharField(
        "woord of uitdrukking",
        max_length=80,
        unique=True,
        help_text="Zoals het in een tekst staat, bijvoorbeeld ‘zelfredzaamheid’ of ‘ten behoeve van’. Vormen met een "
        "korte uitgang (‘doelgroepen’) worden ook gevonden.",
    )
    suggestion = models.CharField(
        "schrijf liever",
        max_length=200,
        blank=True,
        help_text="Een gewoner woord of een korte omschrijving, bijvoorbeeld ‘zelf kunnen redden’. Leeg: de schrijver "
        "krijgt de tip het woord uit te leggen.",
    )

    panels = [FieldPanel("term"), FieldPanel("suggestion")]

    class Meta:
        ordering = ["term"]
        verbose_name = "moeilijk woord"
        verbose_name_plural = "moeilijke woorden (taalniveau)"

    def __str__(self):
        return f"{self.term} → {self.suggestion}" if self.suggestion else self.term

    def clean(self):
        self.term = " ".join(self.term.lower().split())
        if not any(char.isalpha() for char in self.term):
            raise ValidationError({"term": "Geef een woord of uitdrukking met letters."})


def jargon():
    """[(term, suggestion)] of the central team's list: one query on a table of a few dozen rows."""
    return list(JargonTerm.objects.values_list("term", "suggestion"))


def jargon_fingerprint(terms):
    """A short hash of what a stored score depends on besides the page (stories.models.LanguageScore): the scorer's
    version and the words of a jargon list ([(term, suggestion)]; a new suggestion changes no score)."""
    words = sorted(term for term, _suggestion in terms)
    return hashlib.sha256(json.dumps([plainlanguage.SCORER_VERSION, words]).encode()).hexdigest()[:16]
