"""The plain-language check's result on a page revision, stored for the Taalniveau report
(stories/language_scores.py makes them, stories/language_report.py shows them)."""

from dataclasses import dataclass, field, fields

from django.db import models

from core import plainlanguage


@dataclass(slots=True)
class ShownScore:
    """What the report shows and sorts a row by: a stored score read as values, as 10,000 model instances cost more
    than the query. Indication, distance and on-target follow from level and target, as in
    core.plainlanguage.Report."""

    title: str
    theme_ids: list
    level: str  # "B1", "B2", "hoger"; empty: no indication
    target: str
    flesch_douma: float | None
    long_sentences: int
    jargon_hits: int
    deliberately_complex: bool  # the author gave a reason for writing above the target
    distance: int | None = field(init=False)

    def __post_init__(self):
        self.distance = plainlanguage.distance(self.level, self.target)

    @property
    def indication(self):
        return plainlanguage.indication(self.level)

    @property
    def on_target(self):
        return self.distance == 0


SHOWN = [shown.name for shown in fields(ShownScore) if shown.init]


class LanguageScore(models.Model):
    """The score of one revision of a checked page: what the report shows of it (ShownScore), the revision as it was
    scored and the jargon list it was scored with."""

    revision = models.OneToOneField(
        "wagtailcore.Revision", primary_key=True, on_delete=models.CASCADE, related_name="language_score"
    )
    # The revision as scored: an autosave overwrites a revision in place and moves its created_at.
    revision_created_at = models.DateTimeField()
    jargon_fingerprint = models.CharField(max_length=16)  # core.models.jargon_fingerprint of the list scored with
    title = models.CharField(max_length=255)  # the revision's, with its themes: a draft may change both
    theme_ids = models.JSONField(default=list)
    level = models.CharField(max_length=5, blank=True)
    target = models.CharField(max_length=5)
    flesch_douma = models.FloatField(null=True)
    long_sentences = models.PositiveIntegerField(default=0)
    jargon_hits = models.PositiveIntegerField(default=0)
    deliberately_complex = models.BooleanField(default=False)

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
        return ShownScore(*(getattr(self, name) for name in SHOWN))
