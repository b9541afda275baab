"""Forgetting on time: run every minute by the scheduler next to ``publish_scheduled`` (``manage.py
rotate_reach_salts``; compose.yaml, docs/deployment.md). Idempotent and cheap: three small queries.

After midnight (Europe/Amsterdam) the new day gets a fresh random salt, every older salt is deleted (so no visitor key
can ever be computed again), and the readers' marks older than yesterday are deleted. What stays is DailyReach.
"""

import datetime
import secrets

from django.utils import timezone

from reach.models import DaySalt, ReaderMark


def rotate(today=None):
    """Returns (salts deleted, marks deleted)."""
    today = today or timezone.localdate()
    DaySalt.objects.get_or_create(day=today, defaults={"secret": secrets.token_hex(32)})
    salts, _ = DaySalt.objects.filter(day__lt=today).delete()  # not tomorrow's, if another clock is ahead
    marks, _ = ReaderMark.objects.filter(day__lt=today - datetime.timedelta(days=1)).delete()
    return salts, marks
