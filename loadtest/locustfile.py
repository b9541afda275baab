"""Locust users for `make loadtest` (started by loadtest/run.py; see docs/loadtest.md).

Reader: anonymous visitors on the home page, stories, theme hubs, Kennisplein, search and the RSS feed.
BeaconReader (LOADTEST_BEACONS of them): readers whose browser runs Bereik's script: a story, then its beacons.
Editor: a regional editor who logs in through /admin/login/ and keeps saving a draft of a story in their region.
StaticFile: one hashed static file, for the ceiling of the same server.

Every request carries X-Forwarded-Proto: https, as the TLS-terminating proxy in front of gunicorn sends it; production
settings then treat the request as https (SECURE_PROXY_SSL_HEADER) and set Secure cookies.
"""

import itertools
import json
import os
import random

from bs4 import BeautifulSoup
from locust import FastHttpUser, HttpUser, between, task

PROXY_HEADERS = {"X-Forwarded-Proto": "https"}
STORIES = [
    "/praktijkverhalen/buurtkamer-in-de-bibliotheek/",
    "/praktijkverhalen/geldzorgen-aan-de-keukentafel/",
    "/regios/utrecht/soep-op-woensdag-overvecht/",
    "/regios/groningen/dorpsbus-westerkwartier/",
    "/regios/rotterdam-rijnmond/taalcafe-vlaardingen/",
    "/regios/brabant/kledingruil-breda/",
]
THEMES = ["sociale-cohesie", "eenzaamheid", "armoede", "jongeren", "wonen"]
REGIONS = ["utrecht", "groningen", "rotterdam-rijnmond", "brabant"]
# {"redacteur-utrecht": <page id>, ...}: a live story in each editor's region, found by run.py in the database.
EDIT_PAGES = json.loads(os.environ.get("LOADTEST_EDIT_PAGES", "{}"))
PASSWORD = os.environ.get("LOADTEST_PASSWORD", "buurtwijs-demo")
STATIC_PATH = os.environ.get("LOADTEST_STATIC_PATH", "")
BROWSER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
pick = random.Random().choice  # noqa: S311 -- which page a reader opens, no secret


class Reader(FastHttpUser):
    """A visitor who asks for the next page as soon as the last one arrived (a closed loop: rps is capacity)."""

    weight = 10

    def get(self, path, name=None):
        with self.client.get(path, headers=PROXY_HEADERS, name=name or path, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")

    @task(3)
    def home(self):
        self.get("/")

    @task(2)
    def story_index(self):
        self.get("/praktijkverhalen/")

    @task(6)
    def story(self):
        self.get(pick(STORIES), name="/<verhaal>/")

    @task(2)
    def theme_hub(self):
        self.get(f"/themas/{pick(THEMES)}/", name="/themas/<thema>/")

    @task(2)
    def theme_hub_in_region(self):
        self.get(f"/themas/{pick(THEMES)}/?regio={pick(REGIONS)}", name="/themas/<thema>/?regio=")

    @task(1)
    def kennisplein(self):
        self.get("/kennisplein/")

    @task(2)
    def search(self):
        self.get(f"/zoeken/?q={pick(['buurt', 'eenzaamheid'])}", name="/zoeken/?q=")

    @task(1)
    def feed(self):
        self.get("/feeds/verhalen/rss/")


class Editor(HttpUser):
    """A regional editor saving a draft of a story in their region, through the admin's own edit form."""

    fixed_count = int(os.environ.get("LOADTEST_EDITORS", "2"))
    wait_time = between(1, 3)
    usernames = itertools.cycle(sorted(EDIT_PAGES))

    def on_start(self):
        self.username = next(self.usernames)
        self.edit_path = f"/admin/pages/{EDIT_PAGES[self.username]}/edit/"
        self.saves = 0
        login = self.fetch("/admin/login/")
        with self.post(
            "/admin/login/",
            {"csrfmiddlewaretoken": self.csrf_token(login), "username": self.username, "password": PASSWORD},
            name="/admin/login/ (POST)",
        ) as response:
            if response.status_code != 302:
                response.failure(f"login as {self.username} gave status {response.status_code}")
        self.send_secure_cookies()

    @task
    def save_draft(self):
        with self.client.get(
            self.edit_path, headers=PROXY_HEADERS, name="/admin/pages/<id>/edit/", catch_response=True
        ) as response:
            form = BeautifulSoup(response.text, "html.parser").find("form", id="page-edit-form")
            if response.status_code != 200 or form is None:
                response.failure(f"no edit form: status {response.status_code}")
                return
        self.send_secure_cookies()
        data = form_fields(form)
        self.saves += 1
        data["title"] = f"{data['title'].split(' [')[0]} [{self.saves}]"
        with self.post(self.edit_path, data, name="/admin/pages/<id>/edit/ (POST)") as response:
            # A saved draft redirects back to the edit view; a 200 is the form again, with errors.
            if response.status_code != 302 or not response.headers.get("Location", "").endswith(self.edit_path):
                response.failure(f"draft not saved: status {response.status_code}")
        self.send_secure_cookies()

    def fetch(self, path):
        with self.client.get(path, headers=PROXY_HEADERS, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")
        self.send_secure_cookies()
        return response

    def post(self, path, data, name):
        # Behind TLS the browser sends Origin; Django's CSRF check compares it with the host on https.
        headers = {**PROXY_HEADERS, "Origin": f"https://{self.client.base_url.split('://', 1)[1]}"}
        return self.client.post(path, data, headers=headers, name=name, allow_redirects=False, catch_response=True)

    def send_secure_cookies(self):
        # The session and CSRF cookies are Secure. A browser sends them to the proxy over https; requests would never
        # send them to http://127.0.0.1, so the client plays the proxy's part and sends them over the loopback.
        for cookie in self.client.cookies:
            cookie.secure = False

    @staticmethod
    def csrf_token(response):
        return BeautifulSoup(response.text, "html.parser").find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]


class BeaconReader(FastHttpUser):
    """A reader with JavaScript (Bereik, reach/collect.py): opens a story, and the page's script sends the "view"
    beacon and, for one reader in two, "end". Each reader comes from its own address behind the proxy
    (X-Forwarded-For, counted with TRUSTED_PROXY_COUNT=1), so every beacon is counted rather than rate-limited, and
    a third arrive from a search engine. Not a robot: a browser's User-Agent."""

    fixed_count = int(os.environ.get("LOADTEST_BEACONS", "0"))
    address = itertools.count(1)

    def on_start(self):
        number = next(self.address)
        self.headers = {
            **PROXY_HEADERS,
            "X-Forwarded-For": f"10.{number // 250 % 250}.{number % 250}.{random.randrange(1, 250)}",  # noqa: S311
            "User-Agent": BROWSER_AGENT,
            "Origin": self.host.replace("http://", "https://"),
        }
        self.page_ids = {}

    @task
    def read(self):
        path = pick(STORIES)
        if path not in self.page_ids:
            with self.client.get(path, headers=self.headers, name="/<verhaal>/ (bereik)", catch_response=True) as page:
                if page.status_code != 200:
                    page.failure(f"status {page.status_code}")
                    return
                script = BeautifulSoup(page.text, "html.parser").find("script", attrs={"data-page": True})
                self.page_ids[path] = script["data-page"]
        referrer = pick(["", "", "www.google.nl"])
        self.beacon("view", self.page_ids[path], referrer)
        if random.random() < 0.5:  # noqa: S311
            self.beacon("end", self.page_ids[path], referrer)

    def beacon(self, event, page_id, referrer):
        body = f"p={page_id}&e={event}&r={referrer}&b="
        headers = {**self.headers, "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8"}
        with self.client.post(
            "/bereik/", data=body, headers=headers, name=f"/bereik/ {event}", catch_response=True
        ) as r:
            if r.status_code != 204:
                r.failure(f"status {r.status_code}")


class StaticFile(FastHttpUser):
    """One hashed CSS file served by WhiteNoise in the same gunicorn: the ceiling for any page."""

    @task
    def css(self):
        with self.client.get(STATIC_PATH, headers=PROXY_HEADERS, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")


def form_fields(form):
    """What a browser posts for the edit form: its plain fields and the StreamFields that JavaScript builds."""
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or "__prefix__" in name or field.find_parent("template"):
            continue
        kind = field.get("type", "text")
        if field.name == "select":
            chosen = field.find_all("option", selected=True) or field.find_all("option")[:1]
            values = [option.get("value", option.text) for option in chosen]
        elif field.name == "textarea":
            values = [field.text.removeprefix("\n")]  # browsers drop the newline right after <textarea>
        elif kind in ("checkbox", "radio"):
            values = [field.get("value", "on")] if field.has_attr("checked") else []
        elif kind in ("submit", "button", "file"):
            continue
        else:
            values = [field.get("value", "")]
        for value in values:
            data.setdefault(name, []).append(value)
    data = {name: values if len(values) > 1 else values[0] for name, values in data.items()}
    for block in form.find_all(attrs={"data-w-block-data-value": True}):
        definition = unpack(json.loads(block["data-w-block-data-value"]), {})
        value = json.loads(block["data-w-block-arguments-value"])[0]
        stream_block_data(definition, value, block["id"], data)
    return data


def unpack(packed, shared):
    """Decode Wagtail's telepath JSON (the block definition) into ("type", [args]) tuples, dicts and lists."""
    if isinstance(packed, list):
        return [unpack(item, shared) for item in packed]
    if not isinstance(packed, dict):
        return packed
    if "_ref" in packed:
        return shared[packed["_ref"]]
    if "_type" in packed:
        result = (packed["_type"], unpack(packed["_args"], shared))
    elif "_dict" in packed:
        result = {key: unpack(item, shared) for key, item in packed["_dict"].items()}
    elif "_list" in packed:
        result = [unpack(item, shared) for item in packed["_list"]]
    elif "_val" in packed:
        result = packed["_val"]
    else:
        result = {key: unpack(item, shared) for key, item in packed.items()}
    if "_id" in packed:
        shared[packed["_id"]] = result
    return result


def stream_block_data(definition, value, prefix, data):
    """The form fields Wagtail's block JavaScript posts for a block value (the inverse of value_from_datadict)."""
    kind, args = definition
    if kind == "wagtail.blocks.StreamBlock":
        children = {child[1][0]: child for _group, group_children in args[1] for child in group_children}
        list_fields(value, prefix, data, lambda item, item_prefix: children[item["type"]])
    elif kind == "wagtail.blocks.ListBlock":
        list_fields(value, prefix, data, lambda item, item_prefix: args[1])
    elif kind == "wagtail.blocks.StructBlock":
        for child in args[1]:
            name = child[1][0]
            stream_block_data(child, (value or {}).get(name), f"{prefix}-{name}", data)
    else:  # a FieldBlock: its widget's own field
        widget_kind = args[1][0]
        if widget_kind == "wagtail.widgets.CheckboxInput":
            if value:
                data[prefix] = "on"
        elif isinstance(value, dict):  # a chooser's state: the chosen object
            data[prefix] = str(value["id"])
        else:
            data[prefix] = "" if value is None else str(value)


def list_fields(items, prefix, data, child_of):
    data[f"{prefix}-count"] = str(len(items))
    for index, item in enumerate(items):
        item_prefix = f"{prefix}-{index}"
        data[f"{item_prefix}-deleted"] = ""
        data[f"{item_prefix}-order"] = str(index)
        data[f"{item_prefix}-id"] = item.get("id") or ""
        if "type" in item:
            data[f"{item_prefix}-type"] = item["type"]
        stream_block_data(child_of(item, item_prefix), item["value"], f"{item_prefix}-value", data)
