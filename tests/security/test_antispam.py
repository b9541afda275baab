"""The spam protection shared by the public forms (core/antispam.py), on a form of its own.

The forms themselves (story intake, reactions, registrations) test the same rules end to end through their
views; this pins down the mixin and the rate limit, which the three share.
"""

import time

import pytest
from bs4 import BeautifulSoup
from django import forms
from django.core import signing
from django.core.cache import cache
from django.template.loader import render_to_string
from django.test import RequestFactory

from core.antispam import (
    SIGNING_SALT,
    TOO_FAST,
    TOO_OLD,
    SpamCheckedMixin,
    rate_limited,
    start_stamp,
    too_many_requests,
)
from tests.helpers import as_person, soup


class ReactionLikeForm(SpamCheckedMixin, forms.Form):
    name = forms.CharField(max_length=100)


def test_a_person_who_took_their_time_passes():
    form = ReactionLikeForm(as_person({"name": "Fatima"}))

    assert form.is_valid(), form.errors
    assert not form.is_bot


def test_a_filled_honeypot_marks_a_bot_without_telling_it():
    form = ReactionLikeForm({**as_person({"name": "Fatima"}), "homepage": "http://spam.example"})

    assert form.is_valid()  # no error a bot could learn from: the view answers as if it worked, and stores nothing
    assert form.is_bot


@pytest.mark.parametrize(
    "started",
    [
        pytest.param(lambda: start_stamp(), id="posted-at-once"),
        pytest.param(lambda: "", id="missing"),
        pytest.param(lambda: str(int(time.time()) - 3600), id="unsigned"),
        pytest.param(lambda: start_stamp(time.time() - 3600)[:-2] + "xx", id="forged"),
    ],
)
def test_a_form_posted_too_fast_or_without_a_valid_stamp_is_shown_again(started):
    form = ReactionLikeForm({"name": "Fatima", "homepage": "", "started": started()})

    assert not form.is_valid()
    assert form.non_field_errors() == [TOO_FAST]
    # Every answer is kept, and the next try counts from now.
    assert form["name"].value() == "Fatima"
    assert signing.loads(form.data["started"], salt=SIGNING_SALT) == pytest.approx(time.time(), abs=2)
    later = ReactionLikeForm({**form.data, "started": start_stamp(time.time() - 10)})
    assert later.is_valid()


def test_a_stamp_older_than_a_day_is_refused_with_the_answers_kept():
    day = 24 * 60 * 60
    form = ReactionLikeForm({"name": "Fatima", "homepage": "", "started": start_stamp(time.time() - day - 60)})

    assert not form.is_valid()
    assert form.non_field_errors() == [TOO_OLD]
    assert form["name"].value() == "Fatima"
    # Positive control: the same form shown a little under a day ago passes, and so does the fresh stamp it got.
    assert ReactionLikeForm({**form.data, "started": start_stamp(time.time() - day + 60)}).is_valid()
    assert signing.loads(form.data["started"], salt=SIGNING_SALT) == pytest.approx(time.time(), abs=2)


def test_the_hidden_fields_are_rendered_out_of_sight():
    html = BeautifulSoup(render_to_string("components/spam_fields.html", {"form": ReactionLikeForm()}), "html.parser")
    trap = html.find(class_="form__trap")
    assert trap["aria-hidden"] == "true"
    assert trap.find("input")["tabindex"] == "-1"
    assert html.find("input", {"name": "started", "type": "hidden"})["value"]


def post_from(address):
    return RequestFactory().post("/", REMOTE_ADDR=address)


def test_the_rate_limit_counts_per_address_and_scope(settings):
    settings.PUBLIC_FORM_RATE_LIMITS = {**settings.PUBLIC_FORM_RATE_LIMITS, "reaction": (3, 600)}

    assert [rate_limited(post_from("192.0.2.1"), "reaction") for _ in range(4)] == [False, False, False, True]
    # Someone else, or another kind of form, is not held back by it.
    assert not rate_limited(post_from("192.0.2.2"), "reaction")
    assert not rate_limited(post_from("192.0.2.1"), "story_submission")


def test_the_counter_lives_in_the_shared_cache(settings):
    """Another app server sees the same counter: it is in the cache (Redis in production), not in the process."""
    settings.PUBLIC_FORM_RATE_LIMITS = {**settings.PUBLIC_FORM_RATE_LIMITS, "reaction": (1, 600)}
    rate_limited(post_from("192.0.2.1"), "reaction")

    assert any(key.startswith("antispam:reaction:192.0.2.1:") for key in cache_keys())


def cache_keys():
    return [key.split(":", 2)[-1] for key in cache._cache.keys()]  # locmem's keys are "prefix:version:key"


def test_an_unreachable_cache_lets_a_person_through(settings, monkeypatch):
    settings.PUBLIC_FORM_RATE_LIMITS = {**settings.PUBLIC_FORM_RATE_LIMITS, "reaction": (0, 600)}

    def unreachable(*args, **kwargs):
        raise ConnectionError("redis is down")

    monkeypatch.setattr(cache, "incr", unreachable)
    assert not rate_limited(post_from("192.0.2.1"), "reaction")


def test_too_many_requests_is_a_dutch_page_that_is_never_cached(settings, home):
    settings.PUBLIC_FORM_RATE_LIMITS = {**settings.PUBLIC_FORM_RATE_LIMITS, "reaction": (10, 600)}

    response = too_many_requests(post_from("192.0.2.1"), "reaction")

    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    assert "no-store" in response["Cache-Control"]
    page = soup(response)
    assert page.find("h1").get_text(strip=True) == "Even geduld, je hebt dit formulier vaak verstuurd"
    assert "Probeer het over 10 minuten opnieuw." in page.get_text(" ")
