"""Where readers came from: classified on the server, from what the script sends (reach/static/js/bereik.js).

The script sends the referrer reduced to its host, or, for a page of Buurtwijs itself, to its path (so a knowledge
page opened from a story can be told apart); and the ``bron`` parameter of the address (newsletter links carry
``?bron=nieuwsbrief``), which it then removes from the address bar.

At collection (``classify``) a view gets one of these sources; the path of our own page is never kept:

| what the script sent                                   | source                      |
|--------------------------------------------------------|-----------------------------|
| ``bron`` is a known campaign (``nieuwsbrief``, or      | that campaign               |
| ``nieuwsbrief-<editie>`` as the digest's links carry)  |                             |
| no referrer                                            | ``direct``                  |
| a webmail host (Gmail, Outlook, Yahoo Mail, …)         | ``e-mail``                  |
| a search engine's host (Google, Bing, DuckDuckGo, …)   | ``zoekmachine``             |
| a Facebook host (facebook.com, l.facebook.com, fb.me…) | ``facebook``                |
| a story of ours that links this knowledge page         | ``kennis:<soort verband>``  |
| another page of ours                                   | ``intern``                  |
| any other host                                         | ``site:<host>``             |

In a report (``label``) a ``site:`` host becomes a partner's name when it is a partner's website (the Partners
page, stories.Partner: also for readers counted before the partner was added), else the host itself only when it
sent at least ``NAMED_SITE_MINIMUM`` readers in the period, else "andere websites".
"""

import re
from urllib.parse import urlsplit

from stories.models import Partner, StoryKnowledgeLink

DIRECT = "direct"
SEARCH = "zoekmachine"
FACEBOOK = "facebook"
INTERNAL = "intern"
KNOWLEDGE_PREFIX = "kennis:"
SITE_PREFIX = "site:"
EMAIL = "e-mail"
# A campaign and its editions: the digest's links say ?bron=nieuwsbrief-<edition> (follows/models.py).
CAMPAIGNS = {"nieuwsbrief": re.compile(r"nieuwsbrief(-\d{1,6})?")}
NAMED_SITE_MINIMUM = 5

SEARCH_ENGINES = re.compile(
    r"(^|\.)(google\.[a-z.]+|bing\.com|duckduckgo\.com|ecosia\.org|yahoo\.com|startpage\.com|qwant\.com|"
    r"search\.brave\.com|yandex\.[a-z.]+|baidu\.com)$"
)
# Before the search engines: mail.google.com is Gmail, not Google's search.
WEBMAIL_HOSTS = re.compile(
    r"^(mail\.google\.com|outlook\.(live|office|office365)\.com|mail\.yahoo\.com|mail\.proton\.me)$"
)
FACEBOOK_HOSTS = re.compile(r"(^|\.)(facebook\.com|fb\.com|fb\.me|messenger\.com)$")
HOST = re.compile(r"^[a-z0-9]([a-z0-9-]{0,62}\.)+[a-z0-9-]{1,63}$")
MAX_HOST = 100

LABELS = {
    DIRECT: "direct (geen verwijzing)",
    SEARCH: "zoekmachines",
    FACEBOOK: "Facebook",
    "nieuwsbrief": "nieuwsbrief",
    EMAIL: "e-mail (webmail)",
    INTERNAL: "andere pagina's van Buurtwijs",
}
OTHER_SITES = "andere websites"
KNOWLEDGE_LABEL = "van verhaal naar kennis"


def clean_host(value):
    """A referrer host as the script sends it, lower case without ``www.``; None when it is not a host name."""
    host = (value or "").strip().lower().rstrip(".")
    host = host.removeprefix("www.")
    if not host or len(host) > MAX_HOST or not HOST.match(host):
        return None
    return host


def classify(referrer, campaign, knowledge_relation=None):
    """The source to count a view under. ``referrer`` is a host, or a path on Buurtwijs (starting with ``/``);
    ``knowledge_relation`` is the kind of link when that path is a story that links the page being read."""
    if known := next((name for name, pattern in CAMPAIGNS.items() if pattern.fullmatch(campaign or "")), None):
        return known
    if not referrer:
        return DIRECT
    if referrer.startswith("/"):
        return KNOWLEDGE_PREFIX + knowledge_relation if knowledge_relation else INTERNAL
    host = clean_host(referrer)
    if host is None:
        return DIRECT
    if WEBMAIL_HOSTS.match(host):
        return EMAIL
    if SEARCH_ENGINES.search(host):
        return SEARCH
    if FACEBOOK_HOSTS.search(host):
        return FACEBOOK
    return SITE_PREFIX + host


def internal_path(referrer):
    """The path of a referrer on Buurtwijs, without query or fragment; None for a host."""
    if not referrer or not referrer.startswith("/") or referrer.startswith("//"):
        return None
    return urlsplit(referrer).path[:255]


def partner_hosts():
    """{host: partner name} of the partners with a website."""
    hosts = {}
    for name, url in Partner.objects.exclude(url="").values_list("name", "url"):
        if host := clean_host(urlsplit(url).hostname):
            hosts[host] = name
    return hosts


def label(source, partners, named_hosts):
    """The Dutch name of a source in a report. ``partners``: ``partner_hosts()``; ``named_hosts``: the hosts that
    sent at least NAMED_SITE_MINIMUM readers in the period."""
    if source.startswith(KNOWLEDGE_PREFIX):
        relation = source.removeprefix(KNOWLEDGE_PREFIX)
        if relation in StoryKnowledgeLink.Relation.values:
            return f"{KNOWLEDGE_LABEL}: {StoryKnowledgeLink.Relation(relation).label}"
        return KNOWLEDGE_LABEL
    if source.startswith(SITE_PREFIX):
        host = source.removeprefix(SITE_PREFIX)
        if partner := partners.get(host):
            return f"partner: {partner}"
        return host if host in named_hosts else OTHER_SITES
    return LABELS.get(source, source)
