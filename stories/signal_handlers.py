"""The stories app's signal handlers, connected by StoriesConfig.ready(): the purge map (stories/purging.py) for
every page type and the snippets pages show, and the stored plain-language scores (stories/language_scores.py)."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Revision

from core.models import JargonTerm
from stories import language_scores, purging


def connect():
    purging.connect()
    post_save.connect(score_revision, sender=Revision)
    post_save.connect(rescore_after_jargon_change, sender=JargonTerm)
    post_delete.connect(rescore_after_jargon_change, sender=JargonTerm)


def score_revision(sender, instance, raw=False, **kwargs):
    """A revision of a checked page, new or overwritten by an autosave: its score, in the background. Not for rows
    loaded as they are (loaddata, a test's restored database): each would queue a task, and nothing changed."""
    if not raw and language_scores.is_checked(instance.content_type_id):
        language_scores.queue_scores([instance.pk])


def rescore_after_jargon_change(sender, raw=False, **kwargs):
    """Every latest revision's score counts the list's words: all of them again, in the background. Not for a list
    loaded as it is (loaddata, a test's restored database): with an inline task backend, every term loaded would
    score every page again."""
    if not raw:
        language_scores.queue_scores()
