"""How long the plain-language check takes on a long story: `make bench-language` (after `make demo`).

Takes the longest live practice story of the database, repeats its text until it is at least --words words, and
scores it --runs times with the central team's jargon list, as the editor's preview and the chain do
(core/plainlanguage.py). Prints the median and the slowest run. A benchmark, not a test: the figure depends on
the machine.
"""

import statistics
import time

from django.core.management.base import BaseCommand, CommandError

from core import plainlanguage
from core.models import jargon
from stories.models import PracticeStoryPage


class Command(BaseCommand):
    help = "Time the plain-language check on a long story (the demo's longest, repeated)."

    def add_arguments(self, parser):
        parser.add_argument("--words", type=int, default=2000, help="length of the text to score (default 2,000)")
        parser.add_argument("--runs", type=int, default=20)

    def handle(self, *args, words, runs, **options):
        stories = [story.plain_language_text() for story in PracticeStoryPage.objects.live()]
        if not stories:
            raise CommandError("Geen gepubliceerde praktijkverhalen: draai eerst make demo.")
        story = max(stories, key=lambda text: len(text.split()))
        text = story
        while len(text.split()) < words:
            text += "\n" + story
        terms = plainlanguage.compile_jargon(jargon())
        plainlanguage.score(text, terms)  # the first call loads the word list and hyphenation data
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            report = plainlanguage.score(text, terms)
            times.append((time.perf_counter() - start) * 1000)
        self.stdout.write(
            f"Plain-language check of {len(text.split()):,} words ({len(report.sentences)} sentences, "
            f"{report.indication}): median {statistics.median(times):.1f} ms, "
            f"slowest {max(times):.1f} ms over {runs} runs."
        )
