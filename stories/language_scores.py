"""Stored plain-language scores for the Taalniveau report (stories/language_report.py): a `LanguageScore` per
revision of a checked page (a page type with a `plain_language_target`), so that a visit reads scores instead of
scoring every page's text.

What happens, in order:

1. A revision of a checked page is saved (a draft, a submission, an autosave that overwrites the latest revision):
   after the commit, `score_latest_revisions` is queued for it (stories/signal_handlers.py) and the worker
   (`manage.py db_worker`) stores its score.
2. The jargon list changes (a term saved or deleted): after the commit, `score_latest_revisions` is queued for every
   checked page. Until the worker has done it, the stored scores carry the old list's fingerprint
   (`core.models.jargon_fingerprint`) and the report does not use them.
3. The report asks `latest_scores` for its pages: the stored scores of their latest revisions, made with the current
   list from the revision as it is now; what is missing (the worker is slow or down, the list just changed) is
   scored there and stored, up to INLINE_LIMIT a visit (about a second; all 10,000 pages of a large site take half
   a minute, longer than gunicorn lets a request run). The rest is queued and shown with its older score, and the
   report says how many pages are still waiting. The task does the same without a limit: `score_revisions` is
   the one function that scores.

A page without a revision (made in code) is scored on its own row by the report on every visit, not stored.
"""

import json
from collections import defaultdict
from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django_tasks import task
from wagtail.models import Page, Revision, get_page_models

from core import plainlanguage
from core.models import jargon, jargon_fingerprint
from core.pages import page_text
from stories.models import LanguageScore
from stories.models.language import SHOWN, shown_values

BATCH = 500  # revisions scored per query and insert: memory stays bounded however many are missing
INLINE_LIMIT = 300  # revisions a report visit scores itself (3 ms each): the rest waits for the worker
STORED_FIELDS = [field.name for field in LanguageScore._meta.concrete_fields if not field.primary_key]


def checked_page_types():
    return [model for model in get_page_models() if getattr(model, "plain_language_target", None)]


def checked_pages():
    """Every page of a checked type, as base Page rows."""
    types = ContentType.objects.get_for_models(*checked_page_types(), for_concrete_models=False)
    return Page.objects.filter(content_type__in=list(types.values()))


def is_checked(content_type_id):
    return bool(getattr(ContentType.objects.get_for_id(content_type_id).model_class(), "plain_language_target", None))


def _stream(raw):
    """A revision's body as raw stream data: a list, or JSON of one in older revisions."""
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            return []
    return raw if isinstance(raw, list) else []


def score_contents(model, contents, terms):
    """An unsaved LanguageScore for each content of a page of `model`: a revision's content, or a dict of the same
    keys (title, intro, body as raw stream data, themes as ids, plain_language_deliberate and _reason). The bodies
    are converted together (`StreamBlock.bulk_to_python`: one query per kind of chosen object, however many)."""
    body_field = next((f for f in model._meta.get_fields() if f.name == "body"), None)
    bodies = (
        body_field.stream_block.bulk_to_python([_stream(content.get("body")) for content in contents])
        if body_field is not None
        else [None] * len(contents)
    )
    scores = []
    for content, body in zip(contents, bodies, strict=True):
        title = content.get("title") or ""
        text = page_text(title, content.get("intro", ""), body)
        report = plainlanguage.score(text, terms, model.plain_language_target)
        if content.get("plain_language_deliberate"):
            report.deliberately_complex = content.get("plain_language_reason", "")
        scores.append(LanguageScore.of(report, title, list(content.get("themes") or [])))
    return scores


def score_revisions(revisions, terms=None):
    """Score these revisions of checked pages and store the scores, replacing older ones: {revision id: score}."""
    terms = jargon() if terms is None else terms
    fingerprint, compiled = jargon_fingerprint(terms), plainlanguage.compile_jargon(terms)
    by_model = defaultdict(list)
    for revision in revisions:
        by_model[ContentType.objects.get_for_id(revision.content_type_id).model_class()].append(revision)
    scores = []
    for model, group in by_model.items():
        if not getattr(model, "plain_language_target", None):
            continue
        for revision, score in zip(group, score_contents(model, [r.content for r in group], compiled), strict=True):
            score.revision_id, score.revision_created_at = revision.pk, revision.created_at
            score.jargon_fingerprint = fingerprint
            scores.append(score)
    scores.sort(key=lambda score: score.revision_id)  # every writer in the same order: concurrent ones never deadlock
    try:
        with transaction.atomic():
            store(scores)
    except IntegrityError:  # a page, and with it its revisions, was deleted while we scored
        still_there = set(Revision.objects.filter(pk__in=[score.revision_id for score in scores]).values_list("pk"))
        scores = [score for score in scores if (score.revision_id,) in still_there]
        store(scores)
    return {score.revision_id: score for score in scores}


def store(scores):
    LanguageScore.objects.bulk_create(
        scores, batch_size=BATCH, update_conflicts=True, unique_fields=["revision"], update_fields=STORED_FIELDS
    )


def latest_scores(pages, revision_ids, terms=None, limit=None):
    """({revision id: its score's SHOWN values (shown_values)}, how many of them are still waiting) for
    `revision_ids`, the latest revisions of `pages` (a queryset of checked pages) as the caller read them.

    The stored scores made with this jargon list of the revision as it is now come in one query (a subquery on
    `pages`, however many); the missing are scored and stored, BATCH revisions at a time. With a `limit` (the
    report: a request must end well inside gunicorn's timeout) at most that many are scored here and the rest is
    queued for the worker; meanwhile a revision's older score (another jargon list, or from before an autosave)
    stands in, and a revision without any score is left out. Both count as waiting."""
    terms = jargon() if terms is None else terms
    fingerprint = jargon_fingerprint(terms)
    stored = LanguageScore.objects.filter(revision__in=pages.values("latest_revision_id"))
    scores, older = {}, {}
    for pk, score_fingerprint, current, *values in stored.values_list(
        "revision_id", "jargon_fingerprint", Q(revision_created_at=F("revision__created_at")), *SHOWN
    ):
        (scores if score_fingerprint == fingerprint and current else older)[pk] = shown_values(values)
    missing = sorted({pk for pk in revision_ids if pk} - scores.keys(), key=lambda pk: (pk in older, pk))
    now, later = (missing, []) if limit is None else (missing[:limit], missing[limit:])
    for start in range(0, len(now), BATCH):
        made = score_revisions(Revision.objects.filter(pk__in=now[start : start + BATCH]), terms)
        scores.update((revision_id, score.shown()) for revision_id, score in made.items())
    if later:
        queue_rescore()
        scores.update((pk, older[pk]) for pk in later if pk in older)
    return scores, len(later)


# Below the default priority, as renditions: a publication's purges and search index go first.
@task(priority=-10)
def score_latest_revisions(revision_ids=None):
    """Store the scores of these revisions where each is still the latest of its page (None: of the latest
    revision of every checked page); current scores are kept."""
    pages = checked_pages()
    if revision_ids is not None:
        pages = pages.filter(latest_revision_id__in=revision_ids)
    latest_scores(pages, list(pages.values_list("latest_revision_id", flat=True)))


def queue_scores(revision_ids=None):
    """score_latest_revisions in the background once the current transaction commits."""
    transaction.on_commit(partial(score_latest_revisions.enqueue, revision_ids))


def queue_rescore():
    """Every latest revision's missing score in the background, queued at most once a minute however often the
    report is visited (each visit that leaves scores missing asks)."""
    if cache.add("stories:language-rescore-queued", True, timeout=60):
        queue_scores()
