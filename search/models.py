"""What the central team teaches the search: words that mean the same to readers."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.urls import reverse
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet

from core import pagecache

MAX_WORDS = 12


@register_snippet
class SynonymGroup(models.Model):
    """Words readers use for the same thing; a search for one of them also finds the others."""

    words = models.CharField(
        "woorden",
        max_length=500,
        help_text="Woorden met dezelfde betekenis, gescheiden door komma's, bijvoorbeeld ‘buurthuis, wijkcentrum, "
        "buurtcentrum’. Wie op één ervan zoekt, vindt ook pagina's met de andere.",
    )

    panels = [FieldPanel("words")]

    class Meta:
        verbose_name = "zoekwoorden met dezelfde betekenis"
        verbose_name_plural = "zoekwoorden met dezelfde betekenis"
        ordering = ["words"]

    def __str__(self):
        return ", ".join(self.word_list())

    def word_list(self):
        words = (" ".join(re.findall(r"\w+", word.lower())) for word in self.words.split(","))
        return list(dict.fromkeys(word for word in words if word))

    def clean(self):
        words = self.word_list()
        if len(words) < 2:
            raise ValidationError({"words": "Geef minstens twee woorden, gescheiden door een komma."})
        if len(words) > MAX_WORDS:
            raise ValidationError(
                {"words": f"Geef hoogstens {MAX_WORDS} woorden per groep; maak anders een tweede groep."}
            )
        self.words = ", ".join(words)


def synonyms():
    """{word: [the other words of its groups]}, for search.query: one query on a table of a few dozen rows (a
    cache per process would keep an old list after a change in another process)."""
    found = {}
    for group in SynonymGroup.objects.all():
        words = group.word_list()
        for word in words:
            found.setdefault(word, []).extend(other for other in words if other != word)
    return found


@receiver(post_save, sender=SynonymGroup)
@receiver(post_delete, sender=SynonymGroup)
def synonyms_changed(**kwargs):
    pagecache.invalidate([reverse("search")])  # every search page (the key is the path; the query string is not)
