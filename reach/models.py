"""What Bereik keeps (reach/__init__.py is the map). Three tables, and nothing else about readers:

- ``DaySalt``: one random secret per day (Europe/Amsterdam). Deleted when the day is over, so a visitor key can never
  be computed again, not even by us.
- ``ReaderMark``: "this visitor key already read this page today" (and whether they read to the end). Lives for today
  and yesterday only.
- ``DailyReach``: the anonymous count per day, page and source. This is all that stays.

The privacy receipt on the privacy page (reach/receipt.py) is written from the ``receipt`` attributes here.
"""

from django.db import models


class DaySalt(models.Model):
    day = models.DateField("dag", unique=True)
    secret = models.CharField("geheim", max_length=64)

    receipt = {
        "what": "een willekeurig geheim getal per dag",
        "kept": "tot middernacht; daarna wordt het gewist",
    }

    class Meta:
        verbose_name = "daggeheim"
        verbose_name_plural = "daggeheimen"

    def __str__(self):
        return f"daggeheim {self.day}"


class ReaderMark(models.Model):
    day = models.DateField("dag")
    page_id = models.IntegerField("pagina")
    visitor = models.CharField("bezoekerssleutel", max_length=32)
    finished = models.BooleanField("uitgelezen", default=False)

    receipt = {
        "what": "een onherleidbare sleutel per lezer, pagina en dag, om een lezer één keer per dag te tellen",
        "kept": "vandaag en gisteren; daarna gewist",
    }

    class Meta:
        verbose_name = "leesmarkering"
        verbose_name_plural = "leesmarkeringen"
        constraints = [models.UniqueConstraint(fields=["day", "page_id", "visitor"], name="reach_one_mark_per_day")]

    def __str__(self):
        return f"leesmarkering {self.day} pagina {self.page_id}"


class DailyReach(models.Model):
    day = models.DateField("dag")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    # reach/sources.py: "direct", "zoekmachine", "facebook", "nieuwsbrief", "intern", "kennis:<soort verband>",
    # "site:<host>".
    source = models.CharField("bron", max_length=120)
    views = models.PositiveIntegerField("weergaven", default=0)
    readers = models.PositiveIntegerField("lezers op die dag", default=0)
    finished = models.PositiveIntegerField("uitgelezen", default=0)

    receipt = {
        "what": "per dag, pagina en bron: het aantal weergaven, lezers en lezers die tot het eind lazen",
        "kept": "zolang de pagina bestaat; er staat niets in over wie las",
    }

    class Meta:
        verbose_name = "bereik per dag"
        verbose_name_plural = "bereik per dag"
        constraints = [models.UniqueConstraint(fields=["day", "page", "source"], name="reach_one_row_per_source")]
        indexes = [models.Index(fields=["page", "day"], name="reach_page_day")]

    def __str__(self):
        return f"bereik {self.day} pagina {self.page_id} via {self.source}"
