"""Valid HTML: every public page type and every state of a public form passes the Nu Html Checker with 0 errors.

The checker is vnu.jar, run with Java: `npm ci --ignore-scripts` puts the pinned release (package.json) in
node_modules/vnu-jar/ (or name a jar with VNU_JAR), Java comes from Debian (default-jre-headless). A JVM takes
seconds to start, so one test renders every page first and checks them all in one run. Without Java or the jar the
test is skipped, unless BUURTWIJS_TEST_VNU=required (CI sets it), then it fails.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from follows.models import Edition, Follow, Subscriber
from follows.tokens import confirm_token, personal_token
from home.models import InformationPage
from tests.helpers import as_person, background_work_done
from tests.perf.test_query_budgets import build_site, pages_to_measure

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = Path(os.environ.get("VNU_JAR") or ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar")
NOT_HTML = {"RSS feed", "theme feed", "region feed", "iCalendar feed", "sitemap", "sitemap, stories"}


def vnu_command():
    java = shutil.which("java")
    if java and VNU_JAR.is_file():
        return [java, "-Xss4m", "-jar", str(VNU_JAR)]
    problem = f"the Nu Html Checker needs Java (found: {java}) and {VNU_JAR} (npm ci --ignore-scripts)"
    if os.environ.get("BUURTWIJS_TEST_VNU") == "required":
        pytest.fail(problem)
    pytest.skip(problem)


def check(documents, folder):
    """{name: [the checker's errors]} for {name: HTML}, in one run of the checker."""
    files = {}
    for number, (name, html) in enumerate(documents.items()):
        path = folder / f"{number:02d}.html"
        path.write_bytes(html)
        files[path.resolve()] = name
    result = subprocess.run(  # noqa: S603 -- Java and the pinned checker, on files this test wrote
        [*vnu_command(), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(result.stderr or result.stdout)  # vnu writes its report on stderr
    errors = {name: [] for name in documents}
    for message in report["messages"]:
        name = files[Path(unquote(urlsplit(message["url"]).path)).resolve()]
        errors[name].append(f"line {message.get('lastLine')}: {message['message']} [{message.get('extract', '')}]")
    return errors


def fetch(client, url, method="get", data=None, status=200, shows=None):
    response = getattr(client, method)(url, data or {})
    assert response.status_code == status, f"{url} answered {response.status_code}"
    if shows:
        assert shows in response.content.decode(), f"{url} does not show {shows!r}"
    return response.content


def follow_pages(client, site, error_summary):
    """Volg de buurt: the follow form and every page behind a link in its mails, and the newsletter archive."""
    theme = site.stories[1].themes.first()
    follow_url = f"{reverse('follow')}?pagina={theme.pk}"
    subscriber = Subscriber.objects.create(email="lezer@voorbeeld.nl", status=Subscriber.Status.ACTIVE)
    follow = Follow.objects.create(subscriber=subscriber, key=f"thema-{theme.pk}", theme=theme)
    token = personal_token(subscriber)
    now = timezone.now()
    Edition.objects.create(
        number=1, send_on=now.date(), intro="Hallo", cutoff=now, started_at=now, finished_at=now, ready=True
    )
    return {
        "follow form": fetch(client, follow_url),
        "follow form, with errors": fetch(client, follow_url, "post", as_person({"email": "x"}), shows=error_summary),
        "follow, mail sent": fetch(client, reverse("follow_sent")),
        "follow, confirm": fetch(client, reverse("follow_confirm", args=[confirm_token(subscriber, [follow])])),
        "follow, link refused": fetch(client, reverse("follow_confirm", args=["kapot"]), status=400),
        "follow, preferences": fetch(client, reverse("follow_preferences", args=[token]), shows="lezer@voorbeeld.nl"),
        "follow, unsubscribe": fetch(client, reverse("follow_unsubscribe", args=[token])),
        "newsletter archive": fetch(client, reverse("newsletter_archive"), shows="nummer 1"),
        "newsletter edition": fetch(client, reverse("newsletter_edition", args=[1]), shows="Hallo"),
    }


@pytest.mark.django_db
def test_every_public_page_type_and_form_state_is_valid_html(tmp_path):
    vnu_command()  # skip (or fail) before building anything
    site = build_site()
    story, event, submission_page = site.stories[1], site.event, site.submission_page
    secret = site.tree.home.add_child(instance=InformationPage(title="Alleen voor de redactie", slug="intern"))
    PageViewRestriction.objects.create(page=secret, restriction_type="password", password="geheim")
    client = Client()
    pages = {name: url for name, (url, _text) in pages_to_measure(site).items() if name not in NOT_HTML}
    with background_work_done():  # the worker makes the renditions the first views ask for: pages show them
        for url in pages.values():
            client.get(url)

    documents = {name: fetch(client, url) for name, url in pages.items()}
    reaction_url = reverse("reaction_form", args=[story.pk])
    registration_url = event.url + "aanmelden/"
    error_summary = 'class="error-summary"'
    documents |= {
        "search, no results": fetch(client, reverse("search") + "?q=qwxyzzy", shows="Geen resultaten"),
        "search, no query": fetch(client, reverse("search")),
        "Kennisplein, nothing in that year": fetch(client, site.kennisplein.url + "?jaar=1990"),
        "page not found": fetch(client, "/bestaat-niet/", status=404),
        "page with a password": fetch(client, secret.url, shows="wachtwoord"),
        "reaction form": fetch(client, reaction_url),
        "reaction form, with errors": fetch(client, reaction_url, "post", as_person({}), shows=error_summary),
        "reaction form, sent too fast": fetch(
            client, reaction_url, "post", as_person({"name": "Lezer", "text": "Mooi!"}, seconds_ago=0), shows="Lezer"
        ),
        "reaction thanks": fetch(client, reverse("reaction_thanks", args=[story.pk])),
        "registration form": fetch(client, registration_url),
        "registration form, with errors": fetch(client, registration_url, "post", as_person({}), shows=error_summary),
        "story submission, with errors": fetch(client, submission_page.url, "post", as_person({}), shows=error_summary),
    }
    documents |= follow_pages(client, site, error_summary)

    errors = {name: found for name, found in check(documents, tmp_path).items() if found}

    assert not errors, "\n".join(f"{name}:\n  " + "\n  ".join(found) for name, found in errors.items())
