"""What a person sees on a public page, how the page editor posts its forms, and module-wide test data."""

import time
from contextlib import contextmanager

from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.db import transaction
from django.test import TestCase
from django.urls import reverse
from wagtail.blocks.base import get_error_json_data
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from core.antispam import start_stamp


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def get_page(client, page, **params):
    """GET a page at its public URL; fails the test unless it is served."""
    response = client.get(page.url, params)
    assert response.status_code == 200, f"{page.url} answered {response.status_code}"
    return response


def heading(response):
    """The text of the page's h1."""
    h1 = soup(response).find("h1")
    assert h1 is not None, "the page has no h1"
    return h1.get_text(" ", strip=True)


def text(response):
    """The text a reader sees, whitespace collapsed."""
    return " ".join(soup(response).get_text(" ").split())


def links(response):
    """Every link on the page as (text, href)."""
    return [(" ".join(a.get_text(" ").split()), a.get("href")) for a in soup(response).find_all("a")]


def add_url(model, parent):
    return reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])


def post_new_page(client, model, parent, data, publish=True):
    """Post the admin's 'add page' form as the page editor does; ``publish`` presses 'Publiceren'."""
    data = dict(data)
    if publish:
        data["action-publish"] = "action-publish"
    return client.post(add_url(model, parent), data)


def form_errors(response):
    """Every error message of the admin form in a response, StreamField block errors included."""
    messages = []

    def collect(data):
        if isinstance(data, dict):
            for value in data.values():
                collect(value)
        elif isinstance(data, list):
            for value in data:
                collect(value)
        elif isinstance(data, str):
            messages.append(data)

    form = response.context["form"]
    for field_errors in form.errors.values():
        for error in field_errors.as_data():
            collect(get_error_json_data(error))
    for formset in form.formsets.values():
        collect([formset.non_form_errors()])
        for formset_form in formset.forms:
            collect([str(e) for errors in formset_form.errors.values() for e in errors])
    return messages


def assert_refused(response):
    """Wagtail's admin refuses a view with a redirect to the dashboard and a message (403 only for AJAX)."""
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    messages = [str(message).strip() for message in get_messages(response.wsgi_request)]
    assert "Sorry, je hebt geen toegang tot dit gedeelte." in messages


def list_block(items):
    """ListBlock form data, for use inside ``nested_form_data`` like Wagtail's ``streamfield``."""
    data = {
        str(index): {"value": value, "deleted": "", "order": str(index), "id": ""} for index, value in enumerate(items)
    }
    data["count"] = str(len(items))
    return data


STORY_BODY = [
    ("paragraph", rich_text("<p>Het begon met een pan soep in het buurthuis.</p>")),
    ("pull_quote", {"quote": "Iedereen kwam terug.", "attribution": "Fatima, bewoner"}),
    ("lessons", {"worked": list_block(["Vaste dag"]), "did_not_work": list_block(["Flyers"])}),
]


def story_form_data(theme, body=STORY_BODY, knowledge_links=(), **fields):
    """What the page editor posts for a complete story "Soep op woensdag"; ``fields`` override form fields."""
    data = nested_form_data(
        {
            "title": "Soep op woensdag",
            "slug": "soep-op-woensdag",
            "intro": "Hoe een pan soep de buurt weer bij elkaar bracht.",
            "body": streamfield(body),
            "period_start": "2023-01-01",
            "period_end": "2024-06-30",
            "buurtmakers": inline_formset([{"name": "Fatima El Amrani", "role": "bewoner", "organisation": ""}]),
            "knowledge_links": inline_formset(list(knowledge_links)),
        }
    )
    data["themes"] = [str(theme.pk)]
    data.update(fields)
    return data


def link_context(response, href, levels=4):
    """The text around the first link to ``href``: the link's nearest ancestors, up to ``levels`` up."""
    link = soup(response).find("a", href=href)
    assert link is not None, f"no link to {href}"
    return [" ".join(parent.get_text(" ").split()) for parent in [link, *link.parents][: levels + 1]]


def assert_link_with_label(response, href, title, label):
    """A link to ``href`` reading ``title``, with ``label`` next to it (in the same list item or card)."""
    around = link_context(response, href)
    assert title in around[0], f"the link to {href} reads {around[0]!r}"
    assert any(label in context for context in around), f"{label!r} is not next to the link to {href}"


@contextmanager
def rolled_back(django_db_blocker):
    """Database access for data a whole module shares (``scope="module"``), undone when the module is done."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


@contextmanager
def background_work_done():
    """The work the block queues (image renditions, purges) is done when it ends, as the worker does it right after
    the commit: a test's transaction never commits, and the tests' task backend works inline."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        yield


# The editorial chain -----------------------------------------------------------------------------

# A complete consent record: a story that names buurtmakers passes the regional step only with it.
CONSENT = {"consent_given_by": "Fatima El Amrani", "consent_method": "email", "consent_date": "2024-07-01"}


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def submit_new_page(client, model, parent, data):
    """Post the admin's 'add page' form with 'Indienen voor Redactieketen' (``action-submit``)."""
    return client.post(add_url(model, parent), {**data, "action-submit": "action-submit"})


def resubmit(client, page, data):
    """Post the edit form with ``action-submit``: after a request for changes, the workflow resumes."""
    return client.post(edit_url(page), {**data, "action-submit": "action-submit"})


def current_task_state(page):
    """The task state the page waits on (a fresh query: the page object may be stale)."""
    return type(page).objects.get(pk=page.pk).current_workflow_task_state


def workflow_action_url(page, action, task_state=None):
    task_state = task_state or current_task_state(page)
    assert task_state is not None, f"{page} is not awaiting review"
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])


def workflow_action(client, page, action, comment="", task_state=None):
    """POST a workflow action as the admin's dialog does: ``approve`` or ``reject`` (request changes)."""
    return client.post(workflow_action_url(page, action, task_state), {"comment": comment})


def approve(client, page, comment=""):
    response = workflow_action(client, page, "approve", comment)
    assert response.status_code == 302 and response.url == edit_url(page), "approve was refused"
    return response


def request_changes(client, page, comment):
    response = workflow_action(client, page, "reject", comment)
    assert response.status_code == 302 and response.url == edit_url(page), "request changes was refused"
    return response


def action_dialog(client, page, action):
    """The dialog the admin opens for a workflow action (an AJAX GET); its text, whitespace collapsed."""
    response = client.get(workflow_action_url(page, action), HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert response.status_code == 200, f"the {action} dialog answered {response.status_code}"
    html = response.json()["html"]
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


def offered_workflow_actions(client, page):
    """The workflow buttons the edit view offers the logged-in user, as (action name, label)."""
    response = client.get(edit_url(page))
    assert response.status_code == 200, f"the edit view answered {response.status_code}"
    return [
        (button["data-workflow-action-name"], " ".join(button.get_text(" ").split()))
        for button in soup(response).select("button[data-workflow-action-name]")
    ]


def admin_text(response):
    """The text of an admin view, side panels included (Wagtail renders them in <template>s that JS places)."""
    page = soup(response)
    while (template := page.find("template")) is not None:
        template.replace_with(BeautifulSoup(template.decode_contents(), "html.parser"))
    return " ".join(page.get_text(" ").split())


def as_person(data, seconds_ago=60):
    """Form data for a public form (core/antispam.py) as a person posts it: the honeypot empty and the form
    shown ``seconds_ago``."""
    return {**data, "homepage": "", "started": start_stamp(time.time() - seconds_ago)}
