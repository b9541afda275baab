"""The plain-language check's result on a page revision, stored for the Taalniveau report
(stories/language_scores.py makes them, stories/language_report.py shows them)."""

from django.db import models

from core import plainlanguage

# What the report shows and sorts a row by, in this order (stories.language_report.Row); indication, distance and
# on-target follow from level and target, as in core.plainlanguage.Report.
SHOWN = [
    "title",
    "theme_ids",
    "level",
    "target",
    "flesch_douma",
    "long_sentences",
    "jargon_hits",
    "deliberately_complex",
]


class LanguageScore(models.Model):
    """The score of one revision of a checked page: what the report shows of it (SHOWN), the revision as it was
    scored and the jargon list it was scored with."""

    revision = models.OneToOneField(
        "wagtailcore.Revision", primary_key=True, on_delete=models.CASCADE, related_name="language_score"
    )
    # The revision as scored: an autosave overwrites a revision in place and moves its created_at.
    revision_created_at = models.DateTimeField()
    jargon_fingerprint = models.CharField(max_length=16)  # core.models.jargon_fingerprint of the list scored with
    title = models.CharField(max_length=255)  # the revision's, with its themes: a draft may change both
    theme_ids = models.JSONField(default=list)
    level = models.CharField(max_length=5, blank=True)  # "B1", "B2", "hoger"; empty: no indication
    target = models.CharField(max_length=5)
    flesch_douma = models.FloatField(null=True)
    long_sentences = models.PositiveIntegerField(default=0)
    jargon_hits = models.PositiveIntegerField(default=0)
    deliberately_complex = models.BooleanField(default=False)  # the author gave a reason for writing above target

    class Meta:
        verbose_name = "taalniveau van een versie"
        verbose_name_plural = "taalniveaus van versies"

    def __str__(self):
        return f"{self.title}: {plainlanguage.indication(self.level)}"

    @classmethod
    def of(cls, report, title, theme_ids):
        """An unsaved score from a core.plainlanguage.Report."""
        return cls(
            title=title,
            theme_ids=theme_ids,
            level=report.level or "",
            target=report.target,
            flesch_douma=report.flesch_douma,
            long_sentences=report.long_sentences,
            jargon_hits=report.jargon_hits,
            deliberately_complex=bool(report.deliberately_complex),
        )

    def shown(self):
        return shown_values(getattr(self, name) for name in SHOWN)


def shown_values(values):
    """A score's SHOWN values as the report holds them, 10,000 at a time: a plain tuple, with the theme ids as one
    too. Python's garbage collector stops tracking such a tuple; lists and objects made it go through the whole heap
    on most visits, a third of the visit's time."""
    title, theme_ids, *figures = values
    return (title, tuple(theme_ids), *figures)
