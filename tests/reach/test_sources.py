"""Bereik's sources (reach/sources.py): the classification table, and how a report names them."""

import datetime

import pytest
from django.utils import timezone

from follows.models import Edition
from reach.models import DailyReach
from reach.report import sources
from reach.sources import classify, label
from tests import factories
from tests.reach.conftest import send_beacon

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("referrer", "campaign", "relation", "source"),
    [
        ("", "", None, "direct"),
        ("", "nieuwsbrief", None, "nieuwsbrief"),
        ("www.facebook.com", "nieuwsbrief", None, "nieuwsbrief"),  # the campaign wins
        ("mail.google.com", "nieuwsbrief-12", None, "nieuwsbrief"),  # a digest's link (follows: Edition.source_tag)
        ("", "nieuwsbrief-", None, "direct"),
        ("mail.google.com", "", None, "e-mail"),  # Gmail is no search engine
        ("outlook.live.com", "", None, "e-mail"),
        ("", "onbekend", None, "direct"),  # an unknown campaign is ignored
        ("www.google.nl", "", None, "zoekmachine"),
        ("google.com", "", None, "zoekmachine"),
        ("www.bing.com", "", None, "zoekmachine"),
        ("duckduckgo.com", "", None, "zoekmachine"),
        ("www.ecosia.org", "", None, "zoekmachine"),
        ("www.facebook.com", "", None, "facebook"),
        ("l.facebook.com", "", None, "facebook"),
        ("lm.facebook.com", "", None, "facebook"),
        ("m.facebook.com", "", None, "facebook"),
        ("www.lsa-bewoners.nl", "", None, "site:lsa-bewoners.nl"),
        ("Nieuws.Example.ORG.", "", None, "site:nieuws.example.org"),
        ("notgoogle.nl", "", None, "site:notgoogle.nl"),
        ("facebook.com.evil.example", "", None, "site:facebook.com.evil.example"),
        ("/praktijkverhalen/soep/", "", "applies_method", "kennis:applies_method"),
        ("/praktijkverhalen/soep/", "", None, "intern"),
        ("not a host!", "", None, "direct"),
        ("<script>", "", None, "direct"),
    ],
)
def test_classification_table(referrer, campaign, relation, source):
    assert classify(referrer, campaign, relation) == source


def test_the_digest_links_count_as_newsletter():
    edition = Edition(number=7)

    assert classify("mail.google.com", edition.source_tag, None) == "nieuwsbrief"
    assert classify("mail.google.com", "", None) != "nieuwsbrief"  # positive control: the tag makes the difference


def test_report_names_partners_kinds_of_links_and_only_sites_that_sent_five_readers():
    partners = {"lsa-bewoners.nl": "LSA bewoners"}
    named = {"buurtkrant.nl"}
    assert label("site:lsa-bewoners.nl", partners, named) == "partner: LSA bewoners"
    assert label("site:buurtkrant.nl", partners, named) == "buurtkrant.nl"
    assert label("site:klein-blog.nl", partners, named) == "andere websites"
    assert label("kennis:applies_method", partners, named) == "van verhaal naar kennis: past deze methode toe"
    assert (
        label("kennis:builds_on_research", partners, named) == "van verhaal naar kennis: bouwt voort op dit onderzoek"
    )
    assert label("direct", partners, named) == "direct (geen verwijzing)"


@pytest.fixture
def linked(site_tree, story):
    knowledge = factories.KnowledgePageFactory(parent=site_tree.knowledge, title="Buurtcirkels")
    factories.StoryKnowledgeLinkFactory(story=story, knowledge_page=knowledge, relation="builds_on_research")
    knowledge.save_revision().publish()
    return knowledge


def test_a_knowledge_page_opened_from_a_story_counts_per_kind_of_link(client, story, linked, site_tree):
    other = factories.PracticeStoryPageFactory(parent=site_tree.stories, title="Zonder verwijzing")
    send_beacon(client, linked, referrer=story.url)
    send_beacon(client, linked, referrer=other.url, ip="198.51.100.1")  # a story that does not link it
    send_beacon(client, linked, referrer="/kennis/", ip="192.0.2.2")
    assert dict(DailyReach.objects.filter(page=linked).values_list("source", "readers")) == {
        "kennis:builds_on_research": 1,
        "intern": 2,
    }


def test_newsletter_partner_and_other_sites_in_the_report(client, story):
    factories.PartnerFactory(name="LSA bewoners", url="https://www.lsa-bewoners.nl/over")
    send_beacon(client, story, campaign="nieuwsbrief")
    send_beacon(client, story, referrer="lsa-bewoners.nl", ip="198.51.100.1")
    for number in range(5):
        send_beacon(client, story, referrer="buurtkrant.nl", ip=f"192.0.{number}.1")
    for number in range(4):
        send_beacon(client, story, referrer="klein-blog.nl", ip=f"192.0.{10 + number}.1")
    send_beacon(client, story, referrer="ander-blog.nl", ip="192.0.99.1")
    today = timezone.localdate()
    rows = sources(type(story).objects.filter(pk=story.pk), today - datetime.timedelta(days=6), today)
    assert {row.label: row.totals.readers for row in rows} == {
        "nieuwsbrief": 1,
        "partner: LSA bewoners": 1,
        "buurtkrant.nl": 5,
        "andere websites": 5,  # klein-blog.nl (4) and ander-blog.nl (1): neither sent five
    }
