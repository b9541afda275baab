"""The bad-input list on the follow form and the preference page: each gives a Dutch error (never a 500) and
stores nothing, sends nothing."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from follows.models import Follow, Subscriber
from follows.targets import theme_target
from follows.tokens import personal_token
from tests.follows.helpers import subscribe
from tests.helpers import as_person, soup

pytestmark = pytest.mark.django_db

GOOD = "kees@voorbeeld.nl"


def follow_url(page):
    return f"{reverse('follow')}?pagina={page.pk}"


def errors_of(response):
    return soup(response).select_one(".error-summary").get_text(" ", strip=True)


def bad_cases(theme):
    target = f"thema-{theme.pk}"
    return [
        # (what, data, a word of the Dutch error)
        ("10,000-character address", {"email": "a" * 9990 + "@voorbeeld.nl"}, "te lang"),
        ("CR/LF in the address", {"email": "kees@voorbeeld.nl\r\nBcc: alle@voorbeeld.nl"}, "klopt niet"),
        ("LF in the address", {"email": "kees@voorbeeld.nl\nSubject: spam"}, "klopt niet"),
        ("CR/LF in the target", {"targets": [f"{target}\r\nBcc: x@y.nl"]}, "Kies uit de lijst"),
        ("CR/LF in the frequency", {"frequency": "weekly\r\nBcc: x@y.nl"}, "Kies elke week"),
        ("CR/LF in the start stamp", {"started": "1\r\nBcc: x@y.nl"}, "Dat ging wel erg snel"),
        ("SQL in the address", {"email": "'; DROP TABLE follows_subscriber; --@voorbeeld.nl"}, "klopt niet"),
        ("HTML in the address", {"email": "<script>alert(1)</script>@voorbeeld.nl"}, "klopt niet"),
        ("SQL in the target", {"targets": ["thema-1 OR 1=1"]}, "Kies uit de lijst"),
        ("HTML in the target", {"targets": ["<b>thema</b>"]}, "Kies uit de lijst"),
        ("NUL in the address", {"email": "kees\x00@voorbeeld.nl"}, "teken dat niet kan"),
        ("NUL in the target", {"targets": [f"{target}\x00"]}, "Kies uit de lijst"),
        ("NUL in the frequency", {"frequency": "weekly\x00"}, "Kies elke week"),
        ("no address", {"email": ""}, "Vul je e-mailadres in"),
        ("nothing chosen", {"targets": []}, "Kies wat je wilt volgen"),
    ]


def test_every_bad_input_gets_a_dutch_error_and_stores_nothing(client, site_tree, theme, outbox):
    good = {"email": GOOD, "targets": [f"thema-{theme.pk}"], "frequency": "weekly"}
    for what, bad, expected in bad_cases(theme):
        cache.clear()  # the rate limit counts every try
        data = as_person({**good, **bad}) if "started" not in bad else {**good, "homepage": "", **bad}
        response = client.post(follow_url(theme), data)
        assert response.status_code == 200, what
        assert expected in errors_of(response), (what, errors_of(response))
        assert not Subscriber.objects.exists() and not Follow.objects.exists() and outbox == [], what
    # Positive control: the same form with good input is taken.
    assert client.post(follow_url(theme), as_person(good)).status_code == 302
    assert Subscriber.objects.get().email == GOOD


def test_non_utf8_bytes_get_a_dutch_error_and_store_nothing(client, site_tree, theme, outbox):
    stamp = as_person({})["started"]
    body = (
        b"email=kees%FF%FE%40voorbeeld.nl&targets=thema-"
        + str(theme.pk).encode()
        + b"&frequency=weekly&homepage=&started="
    ) + stamp.encode()
    response = client.post(follow_url(theme), body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert "klopt niet" in errors_of(response)
    assert not Subscriber.objects.exists() and outbox == []
    # Raw non-UTF-8 bytes in the content type's charset too.
    response = client.post(
        follow_url(theme),
        body.replace(b"%FF%FE", b"\xff\xfe"),
        content_type="application/x-www-form-urlencoded; charset=utf-8",
    )
    assert response.status_code in (200, 400)
    assert not Subscriber.objects.exists()


def test_bad_input_on_the_preference_page_changes_nothing(client, site_tree, theme):
    subscriber = subscribe(GOOD, [theme_target(theme)])
    url = reverse("follow_preferences", args=[personal_token(subscriber)])
    for bad in (
        {"targets": ["thema-1\r\nBcc: x@y.nl"], "frequency": "weekly"},
        {"targets": [f"thema-{theme.pk}"], "frequency": "weekly\r\nBcc: x"},
        {"targets": [f"thema-{theme.pk}\x00"], "frequency": "weekly"},
        {"targets": ["<script>"], "frequency": "daily"},
    ):
        response = client.post(url, bad)
        assert response.status_code == 200
        assert soup(response).select_one(".error-summary"), bad
        assert list(Subscriber.objects.values_list("frequency", "paused")) == [("weekly", False)]
        assert list(Follow.objects.values_list("key", flat=True)) == [f"thema-{theme.pk}"]
    response = client.post(url, {"targets": [f"thema-{theme.pk}"], "frequency": "monthly"})  # positive control
    assert Subscriber.objects.get().frequency == "monthly"
