"""Relevance over the demo content: what a reader types, and the live page that must be among the first five.

The queries are the Dutch a reader uses, not the words of the titles: singulars and plurals, parts and joined forms
of compounds, separable verbs, synonyms, words typed apart, accents left out, a word too many. Run on SQLite and on
PostgreSQL (CI runs both): a change to the search that loses one of them fails here.
"""

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.helpers import rolled_back, soup

TOP = 5

# (query, URL path of the page that must be in the first TOP results)
EXPECTED = [
    ("buurtkamer", "/praktijkverhalen/buurtkamer-in-de-bibliotheek/"),
    ("buurtkamers bibliotheken", "/praktijkverhalen/buurtkamer-in-de-bibliotheek/"),
    ("geldzorgen keukentafel", "/praktijkverhalen/geldzorgen-aan-de-keukentafel/"),
    ("geldproblemen keukentafel", "/praktijkverhalen/geldzorgen-aan-de-keukentafel/"),  # a synonym of geldzorgen
    ("buurtbudget", "/praktijkverhalen/tien-jaar-buurtbudget/"),
    ("mantelzorger huisarts", "/praktijkverhalen/mantelzorgers-via-de-huisarts/"),  # the title has the plural
    ("soep", "/regios/utrecht/soep-op-woensdag-overvecht/"),
    ("moestuinen flat", "/regios/utrecht/moestuin-tussen-de-flats/"),
    ("huurder renovatie", "/regios/utrecht/huurders-en-de-renovatie/"),
    ("repair cafe", "/regios/utrecht/repair-cafe-zeist/"),  # without the accent
    ("ontmoetingsplek", "/regios/utrecht/repair-cafe-zeist/"),
    ("avondronde", "/regios/utrecht/avondronde-houten/"),
    ("post openmaken", "/regios/utrecht/thuisadministratie-amersfoort/"),
    ("aardbeving", "/regios/groningen/dorp-praat-weer-samen/"),
    ("dorpsbus vrijwilliger", "/regios/groningen/dorpsbus-westerkwartier/"),
    ("senioren studenten", "/regios/groningen/studenten-en-ouderen/"),  # a synonym of ouderen
    ("buurtonderzoek", "/regios/groningen/buurtonderzoek-selwerd/"),
    ("voetbalkooi", "/regios/groningen/voetbalkooi-hoogezand/"),
    ("energiecoach", "/regios/groningen/energiecoaches-aan-de-deur/"),  # the start of a longer word
    ("moeders koken", "/regios/rotterdam-rijnmond/moeders-koken-afrikaanderwijk/"),
    ("schuldhulp wachtlijst", "/regios/rotterdam-rijnmond/schuldhulp-zonder-wachtlijst/"),
    ("portiek", "/regios/rotterdam-rijnmond/portiek-die-weer-groet/"),
    ("taalcafé", "/regios/rotterdam-rijnmond/taalcafe-vlaardingen/"),
    ("buurthuis", "/kennis/buurthuizen-geschiedenis/"),  # the page's own word, and wijkcentrum by synonym
    ("wijkcentrum taal", "/regios/rotterdam-rijnmond/taalcafe-vlaardingen/"),
    ("buurtvader", "/regios/rotterdam-rijnmond/buurtvaders-maassluis/"),
    ("zorgcoöperatie", "/regios/brabant/zorgcooperatie-helmond/"),
    ("speeltuin ouders", "/regios/brabant/speeltuinvereniging-tilburg/"),
    ("kledingruil", "/regios/brabant/kledingruil-breda/"),
    ("eenzame jongeren", "/regios/brabant/gespreksgroep-jongeren-den-bosch/"),
    ("verhuisbuddy", "/regios/brabant/verhuisbuddys-eindhoven/"),
    ("sociaal kapitaal", "/kennis/sociaal-kapitaal/"),
    ("participatieladder", "/kennis/participatieladder/"),
    ("schaarste", "/kennis/schaarste/"),
    ("community organizing", "/kennis/community-organizing/"),
    ("geschiedenis opbouwwerk", "/kennis/geschiedenis-opbouwwerk/"),
    ("eenzaamheid", "/themas/eenzaamheid/"),  # the page titled as the query comes first
    ("armoede", "/themas/armoede/"),
    ("vrijwilligers vasthouden", "/bijeenkomsten/buurtavond-vrijwilligers-vasthouden/"),  # "houd je ... vast"
    ("leerdag geldzorgen", "/bijeenkomsten/leerdag-geldzorgen-in-de-wijk/"),
    ("jongeren zomer", "/regios/rotterdam-rijnmond/lange-zomer-vlaardingen/"),
    ("jongeren plein zwembad", "/praktijkverhalen/jongeren-ontwerpen-hun-plein/"),  # a word too many
]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with rolled_back(django_db_blocker):
        call_command("load_demo_content", verbosity=0)
        yield


def first_results(client, query):
    response = client.get(reverse("search"), {"q": query})
    assert response.status_code == 200
    return [a["href"] for a in soup(response).select("main ol.search-results h3 a")][:TOP]


@pytest.mark.django_db
def test_every_query_finds_its_page_in_the_first_five(demo, client):
    misses = {}
    for query, path in EXPECTED:
        found = first_results(client, query)
        if path not in found:
            misses[query] = found
    assert misses == {}, f"{len(misses)} of {len(EXPECTED)} queries miss their page: {misses}"
    assert len(EXPECTED) >= 30
