"""The privacy receipt on the privacy page: what Bereik stores, for how long, and what it never stores; written from
the models (their ``receipt``) and settings, so it cannot drift from what the code does."""

from dataclasses import dataclass

from django.conf import settings

from reach.models import DailyReach, DaySalt, ReaderMark


@dataclass
class Line:
    name: str
    what: str
    kept: str


def stored():
    return [
        Line(str(model._meta.verbose_name).capitalize(), model.receipt["what"], model.receipt["kept"])
        for model in (DailyReach, ReaderMark, DaySalt)
    ]


def never_stored():
    return [
        "je IP-adres: we gebruiken alleen het deel dat je wijk of provider aanduidt, en ook dat alleen om de sleutel "
        "uit te rekenen",
        "je volledige browsergegevens (User-Agent): alleen de soort browser en het soort besturingssysteem tellen mee",
        "welke pagina je eerder bezocht: van een andere website alleen de naam, van Buurtwijs zelf wordt het adres "
        "alleen gebruikt om te zien of je van een verhaal naar de kennis ging",
        "cookies of iets anders op je apparaat",
        "wie je bent: we kunnen niet zien welke pagina's één persoon las, en kunnen de sleutels niet terugrekenen",
    ]


def limits():
    count, seconds = settings.PUBLIC_FORM_RATE_LIMITS["reach"]
    return {"count": count, "seconds": seconds}
