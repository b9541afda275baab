"""The personal preference page and unsubscribing: change follows, how often, pause, see and download what is stored,
delete (only the keyed hash stays); the RFC 8058 one-click POST without cookies."""

import datetime
import json
import smtplib

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from follows.models import Delivery, Edition, Follow, Subscriber, Suppression, suppression_hash
from follows.sending import failed, run_schedule
from follows.subscriptions import request_follow
from follows.targets import region_target, theme_target
from follows.tokens import personal_token
from tests.follows.helpers import confirm_link, subscribe
from tests.helpers import text

pytestmark = pytest.mark.django_db


def preferences_url(subscriber):
    return reverse("follow_preferences", args=[personal_token(subscriber)])


def test_the_preference_link_changes_follows_frequency_and_pause(client, site_tree, theme, region):
    subscriber = subscribe("eva@voorbeeld.nl", [theme_target(theme)])
    page = client.get(preferences_url(subscriber))
    assert page.status_code == 200
    assert "eva@voorbeeld.nl" in text(page)
    assert "no-cache" in page["Cache-Control"]

    response = client.post(
        preferences_url(subscriber), {"targets": [f"regio-{region.pk}"], "frequency": "monthly", "paused": "on"}
    )
    assert response.status_code == 200
    assert "Je instellingen zijn opgeslagen" in text(response)
    subscriber.refresh_from_db()
    assert subscriber.frequency == "monthly" and subscriber.paused
    assert list(subscriber.follows.values_list("key", flat=True)) == [f"regio-{region.pk}"]
    assert not subscriber.follows.filter(confirmed_at=None).exists()
    assert not Subscriber.objects.receiving().exists()  # paused

    client.post(preferences_url(subscriber), {"targets": [f"regio-{region.pk}", "alles"], "frequency": "weekly"})
    subscriber.refresh_from_db()
    assert not subscriber.paused
    assert sorted(subscriber.follows.values_list("key", flat=True)) == ["alles", f"regio-{region.pk}"]
    assert list(Subscriber.objects.receiving()) == [subscriber]


def test_the_stored_data_can_be_seen_and_downloaded(client, site_tree, theme):
    subscriber = subscribe("fien@voorbeeld.nl", [theme_target(theme)])
    assert "Thema Eenzaamheid" in text(client.get(preferences_url(subscriber)))
    download = client.get(reverse("follow_data", args=[personal_token(subscriber)]))
    assert download["Content-Disposition"].startswith("attachment")
    data = json.loads(download.content)
    assert data["e-mailadres"] == "fien@voorbeeld.nl"
    assert data["volgt"][0]["wat"] == "Thema Eenzaamheid"
    assert data["volgt"][0]["versie toestemmingstekst"]


def rows_holding(address):
    """Every row in every table of the database that holds the address (as text), by table."""
    found = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            columns = [column.name for column in connection.introspection.get_table_description(cursor, table)]
            for column in columns:
                quoted_table, quoted_column = connection.ops.quote_name(table), connection.ops.quote_name(column)
                try:
                    cursor.execute(
                        f"SELECT COUNT(*) FROM {quoted_table} WHERE CAST({quoted_column} AS TEXT) LIKE %s",  # noqa: S608
                        [f"%{address}%"],
                    )
                except Exception:  # noqa: BLE001,S112 -- a column that cannot be read as text holds no address
                    continue
                if cursor.fetchone()[0]:
                    found.setdefault(table, []).append(column)
    return found


def test_delete_leaves_no_row_with_the_address_only_the_suppression_hash(client, site_tree, theme):
    subscriber = subscribe("gijs@voorbeeld.nl", [theme_target(theme)])
    token = personal_token(subscriber)
    # A digest the mail server refused, repeating the address in its answer, as servers do.
    delivery = Delivery.objects.create(
        edition=Edition.objects.create(send_on=timezone.localdate()), subscriber=subscriber
    )
    refused = smtplib.SMTPRecipientsRefused({"gijs@voorbeeld.nl": (550, b"5.1.1 <gijs@voorbeeld.nl>: User unknown")})
    failed(delivery, refused)
    assert Delivery.objects.get().last_error == "550 5.1.1 <[adres]>: User unknown"
    assert rows_holding("gijs@voorbeeld.nl")  # positive control: the search finds it while stored

    response = client.post(reverse("follow_delete", args=[token]))
    assert response.status_code == 200
    assert "Je gegevens zijn verwijderd" in text(response)
    assert rows_holding("gijs@voorbeeld.nl") == {}
    assert not Subscriber.objects.exists() and not Follow.objects.exists()
    assert list(Suppression.objects.values_list("digest", flat=True)) == [suppression_hash("GIJS@voorbeeld.nl ")]
    # The old links are void.
    assert client.get(reverse("follow_preferences", args=[token])).status_code == 404


def test_one_click_unsubscribe_is_a_post_without_cookies_or_csrf_token(site_tree, theme):
    subscriber = subscribe("hans@voorbeeld.nl", [theme_target(theme)])
    url = reverse("follow_unsubscribe", args=[personal_token(subscriber)])
    browser = Client(enforce_csrf_checks=True)

    # Opening the link shows a button and unsubscribes nothing.
    page = browser.get(url)
    assert "Afmelden" in text(page) and Subscriber.objects.exists()

    # What a mail program sends (RFC 8058): a POST with the one-click body and no cookie.
    response = browser.post(url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert "Je bent afgemeld" in text(response)
    assert not Subscriber.objects.exists()
    assert Suppression.holds("hans@voorbeeld.nl")
    # Again: still fine.
    assert (
        browser.post(url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded").status_code
        == 200
    )


def test_a_tampered_personal_link_is_refused_in_dutch(client, site_tree, theme):
    subscriber = subscribe("ilse@voorbeeld.nl", [theme_target(theme)])
    token = personal_token(subscriber)
    tampered = token[:-3] + ("xyz" if not token.endswith("xyz") else "abc")
    response = client.post(reverse("follow_unsubscribe", args=[tampered]))
    assert response.status_code == 400 and "Deze link klopt niet" in text(response)
    response = client.get(reverse("follow_preferences", args=[tampered]))
    assert response.status_code == 404 and "Deze link klopt niet" in text(response)
    assert Subscriber.objects.exists()
    assert client.get(reverse("follow_preferences", args=[token])).status_code == 200  # positive control


def test_asking_again_after_a_delete_works_through_the_form_and_lifts_the_block(
    site_tree, theme, region, django_capture_on_commit_callbacks, outbox, client
):
    subscriber = subscribe("jan@voorbeeld.nl", [theme_target(theme)])
    client.post(reverse("follow_delete", args=[personal_token(subscriber)]))
    assert Suppression.holds("jan@voorbeeld.nl")
    with django_capture_on_commit_callbacks(execute=True):
        request_follow("jan@voorbeeld.nl", [region_target(region)], "weekly")
    assert Suppression.holds("jan@voorbeeld.nl")  # until they confirm
    client.post(confirm_link(outbox[-1].body))
    assert not Suppression.holds("jan@voorbeeld.nl")
    assert Subscriber.objects.get().status == Subscriber.Status.ACTIVE


def test_requests_nobody_confirms_are_deleted_after_thirty_days(site_tree, theme, region):
    old = timezone.now() - datetime.timedelta(days=31)
    subscribe("oud@voorbeeld.nl", [theme_target(theme)], confirmed=False, asked_at=old)
    subscribe("recent@voorbeeld.nl", [theme_target(theme)], confirmed=False)
    active = subscribe("actief@voorbeeld.nl", [theme_target(theme)])
    Follow.objects.create(subscriber=active, key=f"regio-{region.pk}", region=region, asked_at=old)
    run_schedule()
    assert sorted(Subscriber.objects.values_list("email", flat=True)) == ["actief@voorbeeld.nl", "recent@voorbeeld.nl"]
    assert list(active.follows.values_list("key", flat=True)) == [f"thema-{theme.pk}"]


def test_pages_with_a_token_in_their_address_pass_no_referrer(client, site_tree, theme):
    subscriber = subscribe("ruud@voorbeeld.nl", [theme_target(theme)])
    token = personal_token(subscriber)

    for url in (preferences_url(subscriber), reverse("follow_unsubscribe", args=[token])):
        assert client.get(url)["Referrer-Policy"] == "no-referrer"
    # Positive control: the follow form, without a token, has the site's policy.
    assert client.get(reverse("follow") + f"?pagina={theme.pk}")["Referrer-Policy"] == "strict-origin-when-cross-origin"
