"""The editors' side: editions with a preview and a test mail, how an edition went out, who follows what (counts for
regional editors, addresses only for the central team), the CSV export and the import of the old newsletter's
readers (unconfirmed, with a re-permission mail, the suppression list respected)."""

import csv
import datetime
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from follows import admin_views, sending
from follows.models import Delivery, Edition, Follow, Subscriber, Suppression, suppression_hash
from follows.targets import region_target, theme_target
from follows.tokens import personal_token
from tests import factories
from tests.follows.helpers import confirm_link, subscribe
from tests.helpers import admin_text, soup

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2026, 12, 14)


@pytest.fixture
def edition(site_tree, theme, region):
    factories.PracticeStoryPageFactory(parent=region, title="Soep in Utrecht", themes=[theme])
    return Edition.objects.create(number=7, send_on=MONDAY, intro="Een week vol soep.", ready=True)


def test_the_central_team_previews_an_edition_and_sends_it_to_themselves(client, editorial_teams, edition, smtp_server):
    client.force_login(editorial_teams.central_editor)
    overview = client.get(reverse("follows_overview"))
    assert overview.status_code == 200
    # A warning while the coming Monday has no edition that is ready.
    coming = admin_views.next_monday()
    Edition.objects.filter(pk=edition.pk).update(send_on=coming + datetime.timedelta(days=7))
    assert "Er is nog geen editie klaar voor maandag" in admin_text(client.get(reverse("follows_overview")))
    Edition.objects.filter(pk=edition.pk).update(send_on=coming)
    overview = client.get(reverse("follows_overview"))
    assert "Er is nog geen editie klaar" not in admin_text(overview)
    assert "Buurtwijs deze week #7" in admin_text(overview) and "klaar om te versturen" in admin_text(overview)

    preview = client.get(reverse("follows_preview", args=[edition.pk]))
    assert preview.status_code == 200
    assert '<html lang="nl">' in preview.content.decode() and "Soep in Utrecht" in preview.content.decode()

    response = client.post(reverse("follows_test_send", args=[edition.pk]))
    assert response.status_code == 302
    (message,) = smtp_server.to(editorial_teams.central_editor.email)
    assert message["Subject"] == "[Test] Buurtwijs deze week"
    assert "Soep in Utrecht" in message.get_body(("plain",)).get_content()
    assert Delivery.objects.count() == 0  # a test mail is no delivery


def test_an_edition_must_go_out_on_a_monday(client, editorial_teams):
    client.force_login(editorial_teams.central_editor)
    url = reverse("wagtailsnippets_follows_edition:add")
    data = {"number": 1, "send_on": "2026-12-15", "title": "Buurtwijs deze week", "intro": "Hallo", "ready": "on"}
    response = client.post(url, data)
    assert "Kies een maandag" in admin_text(response)
    assert not Edition.objects.exists()
    assert client.post(url, {**data, "send_on": "2026-12-14"}).status_code == 302  # positive control
    assert Edition.objects.get().send_on == MONDAY


def test_failures_are_visible_to_the_central_team(
    client, editorial_teams, edition, theme, smtp_server, django_capture_on_commit_callbacks
):
    subscribe("goed@voorbeeld.nl", [theme_target(theme)])
    subscribe("fout@voorbeeld.nl", [theme_target(theme)])
    smtp_server.refuse = {"fout@voorbeeld.nl": "550 5.1.1 Onbekend adres"}
    with django_capture_on_commit_callbacks(execute=True):
        sending.start_edition(edition)
    client.force_login(editorial_teams.central_editor)
    overview = soup(client.get(reverse("follows_overview")))
    row = overview.find("a", string=str(Edition.objects.get())).find_parent("tr")
    assert [cell.get_text(strip=True) for cell in row.find_all("td")][1:6] == ["verstuurd", "1", "0", "0", "1"]
    page = admin_text(client.get(reverse("follows_deliveries", args=[edition.pk])))
    assert "fout@voorbeeld.nl" in page and "550 5.1.1 Onbekend adres" in page
    assert "goed@voorbeeld.nl" not in page


def test_a_digest_interrupted_mid_send_is_not_sent_again_and_shows_as_uncertain(
    client, editorial_teams, edition, theme, smtp_server, django_capture_on_commit_callbacks
):
    lost = subscribe("onderweg@voorbeeld.nl", [theme_target(theme)])
    subscribe("wacht@voorbeeld.nl", [theme_target(theme)])
    sending.start_edition(edition)  # its batches wait for the commit, which a test never reaches: run by hand here
    batch = sending.claimed_deliveries(sending.claim(edition))
    assert [delivery.subscriber.email for delivery in batch] == ["onderweg@voorbeeld.nl", "wacht@voorbeeld.nl"]
    # The batch hands the first digest to the mail server (the step before mail.send()) and its worker dies there,
    # before the server's answer is recorded; the second it had claimed but not yet handed over.
    assert sending.renew_lease(batch[0])
    # The lease passes (moved forward rather than waited for); the scheduler resumes the edition.
    Delivery.objects.update(claimed_until=timezone.now() - datetime.timedelta(seconds=1))
    with django_capture_on_commit_callbacks(execute=True):
        sending.run_schedule(now=timezone.now() + datetime.timedelta(hours=1))

    # The one that was with the mail server is not sent again; the one only claimed goes out (positive control).
    assert [rcpts for rcpts, _ in smtp_server.messages] == [["wacht@voorbeeld.nl"]]
    assert dict(Delivery.objects.values_list("subscriber__email", "status")) == {
        "onderweg@voorbeeld.nl": "uncertain",
        "wacht@voorbeeld.nl": "sent",
    }
    assert Edition.objects.get().finished_at is not None

    client.force_login(editorial_teams.central_editor)
    overview = soup(client.get(reverse("follows_overview")))
    headers = [cell.get_text(strip=True) for cell in overview.select("table[aria-labelledby=edities] thead th")]
    assert headers[2:7] == ["Verstuurd", "Niets nieuws", "Wacht", "Mislukt", "Onzeker"]
    row = overview.find("a", string=str(Edition.objects.get())).find_parent("tr")
    assert [cell.get_text(strip=True) for cell in row.find_all("td")][1:7] == ["verstuurd", "1", "0", "0", "0", "1"]
    page = admin_text(client.get(reverse("follows_deliveries", args=[edition.pk])))
    assert "Onzeker: verzending onderbroken, niet opnieuw verstuurd: 1" in page
    assert "onderweg@voorbeeld.nl" in page and "niet twee keer krijgt" in page
    assert "wacht@voorbeeld.nl" not in page

    # What the reader sees of it in their stored data.
    download = client.get(reverse("follow_data", args=[personal_token(lost)]))
    (delivery,) = json.loads(download.content)["nieuwsbrieven"]
    assert delivery["status"] == "onzeker: verzending onderbroken, niet opnieuw verstuurd"


def test_regional_editors_see_counts_only_and_others_nothing(client, editorial_teams, theme, region, edition):
    subscribe("anna@voorbeeld.nl", [theme_target(theme), region_target(region)])
    subscribe("bram@voorbeeld.nl", [region_target(region)])
    subscribe("cor@voorbeeld.nl", [region_target(region)], confirmed=False)

    client.force_login(editorial_teams.regional_editor)
    overview = client.get(reverse("follows_overview"))
    rows = [
        [cell.get_text(strip=True) for cell in row.find_all("td")]
        for row in soup(overview).select("table[aria-labelledby=volgers] tbody tr")
    ]
    assert rows == [["Regio Utrecht", "2", "1"], ["Thema Eenzaamheid", "1", "0"]]
    assert "@voorbeeld.nl" not in overview.content.decode()
    assert "Buurtwijs deze week #7" not in admin_text(overview)  # the editions are the central team's
    for name, args in [
        ("follows_export", []),
        ("follows_import", []),
        ("follows_preview", [edition.pk]),
        ("follows_deliveries", [edition.pk]),
    ]:
        assert client.get(reverse(name, args=args)).status_code in (302, 403), name

    client.force_login(editorial_teams.correspondent)
    assert client.get(reverse("follows_overview")).status_code in (302, 403)

    client.force_login(editorial_teams.central_editor)  # positive control
    assert client.get(reverse("follows_export")).status_code == 200


def test_the_export_is_for_excel_in_dutch_with_formulas_neutralised(client, editorial_teams, theme):
    subscribe("=cmd@voorbeeld.nl", [theme_target(theme)])
    subscribe("anna@voorbeeld.nl", [theme_target(theme)], confirmed=False)
    client.force_login(editorial_teams.central_editor)
    response = client.get(reverse("follows_export"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(content.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][:5] == ["E-mailadres", "Status", "Hoe vaak", "Gepauzeerd", "Volgt"]
    assert rows[1][0] == "'=cmd@voorbeeld.nl"
    assert rows[2][:2] == ["anna@voorbeeld.nl", "nog niet bevestigd"]
    assert rows[2][4] == "Thema Eenzaamheid (niet bevestigd)"


def test_the_import_adds_unconfirmed_readers_with_a_repermission_mail_and_respects_the_suppression_list(
    client, editorial_teams, theme, outbox, django_capture_on_commit_callbacks
):
    subscribe("bekend@voorbeeld.nl", [theme_target(theme)])
    Suppression.objects.create(digest=suppression_hash("weg@voorbeeld.nl"))
    upload = SimpleUploadedFile(
        "lezers.csv",
        "e-mailadres;naam\r\nNieuw@Voorbeeld.nl;Nina\r\nbekend@voorbeeld.nl;Bo\r\nweg@voorbeeld.nl;W\r\n"
        "geen-adres@;X\r\nnieuw@voorbeeld.nl;dubbel\r\ntweede@voorbeeld.nl;T\r\n".encode("cp1252"),
        content_type="text/csv",
    )
    client.force_login(editorial_teams.central_editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("follows_import"), {"file": upload}, follow=True)
    assert "2 nieuwe adressen" in admin_text(response) and "1 staan op de blokkeerlijst" in admin_text(response)
    assert "1 waren geen geldig adres" in admin_text(response)

    imported = Subscriber.objects.filter(source="import").order_by("email")
    assert [subscriber.email for subscriber in imported] == ["nieuw@voorbeeld.nl", "tweede@voorbeeld.nl"]
    assert all(subscriber.status == "pending" for subscriber in imported)
    assert not Subscriber.objects.filter(email="weg@voorbeeld.nl").exists()
    assert set(Follow.objects.filter(subscriber__in=imported).values_list("key", "confirmed_at")) == {("alles", None)}
    assert list(Subscriber.objects.receiving().values_list("email", flat=True)) == ["bekend@voorbeeld.nl"]

    assert sorted(message.to[0] for message in outbox) == ["nieuw@voorbeeld.nl", "tweede@voorbeeld.nl"]
    mail = next(message for message in outbox if message.to == ["nieuw@voorbeeld.nl"])
    assert "Je kreeg eerder de nieuwsbrief van Buurtwijs" in mail.body
    client.logout()
    client.post(confirm_link(mail.body))
    assert sorted(Subscriber.objects.receiving().values_list("email", flat=True)) == [
        "bekend@voorbeeld.nl",
        "nieuw@voorbeeld.nl",
    ]


def test_a_file_that_is_not_text_gets_a_dutch_error(client, editorial_teams):
    client.force_login(editorial_teams.central_editor)
    upload = SimpleUploadedFile("lezers.csv", b"", content_type="text/csv")
    response = client.post(reverse("follows_import"), {"file": upload})
    assert "Dit bestand is leeg" in admin_text(response)
    assert not Subscriber.objects.exists()


def test_send_digests_starts_an_edition_only_from_monday_seven_in_amsterdam(
    site_tree, theme, smtp_server, django_capture_on_commit_callbacks
):
    subscribe("anna@voorbeeld.nl", [theme_target(theme)])
    factories.PracticeStoryPageFactory(parent=site_tree.stories, themes=[theme])
    edition = Edition.objects.create(number=1, send_on=MONDAY, intro="Hallo", ready=True)
    amsterdam = timezone.get_default_timezone()
    before = datetime.datetime(2026, 12, 14, 6, 59, tzinfo=amsterdam)
    at_seven = datetime.datetime(2026, 12, 14, 7, 0, tzinfo=amsterdam)
    assert sending.run_schedule(now=before) == []
    assert sending.run_schedule(now=datetime.datetime(2026, 12, 13, 23, 0, tzinfo=amsterdam)) == []
    with django_capture_on_commit_callbacks(execute=True):
        assert sending.run_schedule(now=at_seven) == [edition]
        assert sending.run_schedule(now=at_seven + datetime.timedelta(minutes=1)) == []  # once
    assert Delivery.objects.count() == 1
    # A draft is never sent.
    draft = Edition.objects.create(number=2, send_on=MONDAY + datetime.timedelta(days=7), intro="Nog niet")
    assert sending.run_schedule(now=at_seven + datetime.timedelta(days=7)) == []
    draft.refresh_from_db()
    assert draft.started_at is None


def test_the_public_archive_and_its_feed_show_the_editions_that_went_out(
    client, edition, theme, smtp_server, django_capture_on_commit_callbacks
):
    draft = Edition.objects.create(number=8, send_on=MONDAY + datetime.timedelta(days=7), intro="Concept")
    assert "Er is nog geen nieuwsbrief verstuurd" in admin_text(client.get(reverse("newsletter_archive")))
    subscribe("anna@voorbeeld.nl", [theme_target(theme)])
    with django_capture_on_commit_callbacks(execute=True):
        sending.start_edition(edition)

    archive = client.get(reverse("newsletter_archive"))
    assert [link.get_text(strip=True) for link in soup(archive).select(".newsletter-archive li a")] == [
        "Buurtwijs deze week – nummer 7"
    ]
    page = client.get(reverse("newsletter_edition", args=[7]))
    assert "Een week vol soep." in admin_text(page) and "Soep in Utrecht" in admin_text(page)
    assert soup(page).find("a", string="Soep in Utrecht")["href"].endswith("?bron=nieuwsbrief-7")
    assert client.get(reverse("newsletter_edition", args=[draft.number])).status_code == 404

    feed = client.get(reverse("newsletter_rss"))
    assert feed.status_code == 200
    assert "<title>Buurtwijs deze week #7</title>" in feed.content.decode()
    assert "Concept" not in feed.content.decode()


def test_a_file_with_a_stray_quote_gets_a_dutch_error_and_imports_nothing(client, editorial_teams):
    client.force_login(editorial_teams.central_editor)
    # The quote makes the rest of the file one field, longer than the csv module allows.
    stray_quote = '"e-mailadres\n' + "".join(f"lezer{n}@voorbeeld.nl\n" for n in range(8000))
    response = client.post(reverse("follows_import"), {"file": SimpleUploadedFile("lezers.csv", stray_quote.encode())})
    assert "Dit bestand kunnen we niet lezen" in admin_text(response)
    assert not Subscriber.objects.exists()
    # Positive control: the same addresses without the quote are imported.
    response = client.post(
        reverse("follows_import"), {"file": SimpleUploadedFile("lezers.csv", stray_quote[1:].encode())}, follow=True
    )
    assert "8000 nieuwe adressen" in admin_text(response)


def test_a_deleted_address_stays_blocked_after_the_secret_key_is_rotated(client, editorial_teams, settings):
    Suppression.objects.create(digest=suppression_hash("weg@voorbeeld.nl"))
    old_key = settings.SECRET_KEY
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = "een-nieuwe-sleutel-" + "x" * 40, [old_key]
    client.force_login(editorial_teams.central_editor)

    def import_it():
        upload = SimpleUploadedFile("lezers.csv", b"weg@voorbeeld.nl\r\n", content_type="text/csv")
        return admin_text(client.post(reverse("follows_import"), {"file": upload}, follow=True))

    assert "1 staan op de blokkeerlijst" in import_it()
    assert not Subscriber.objects.exists()
    settings.SECRET_KEY_FALLBACKS = []  # positive control: without the old key the hash is not recognised
    assert "1 nieuwe adressen" in import_it()
