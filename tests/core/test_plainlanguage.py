"""The plain-language check (core/plainlanguage.py): fixed strings with known values, the calibration set, the
central team's jargon list, and bad input."""

import pytest
from django.urls import reverse

from core import plainlanguage
from core.models import JargonTerm, jargon
from core.plainlanguage import lix, score
from tests.core.calibration import KNOWLEDGE_B2, STORY_A2, STORY_B1, STORY_C1

# LIX as Wagtail 8.0.1's content metrics compute it (wagtailadmin/js/core.js, `extractMetrics`), measured by running
# that formula with Intl.Segmenter("nl") in Node 20 (ICU 7x) and Chromium on these strings.
WAGTAIL_LIX = [
    ("De kat zit op de mat. De hond ligt in de mand.", 6.0),
    ("Wij wandelen samen naar de markt. Daar kopen wij appels en peren.", 14.333333333333332),
    (
        'Mevr. de Vries woont al 1.000 dagen in de wijk.\n\nZe zegt: "Het is hier fijn!" Wat denk jij? Auto\'s, '
        "fietsen en buurtbewoners... dat is e.g. de kern.\n",
        12.742857142857142,  # 5 segments (the empty line is one), 28 words ("1.000", "Auto's", "e.g" one each)
    ),
    (
        "Buurtbewoners organiseren wekelijks gezamenlijke maaltijden. "
        "Vrijwilligers ondersteunen kwetsbare ouderen bij dagelijkse boodschappen.",
        97.66666666666666,
    ),
    ("Te kort om te tellen.", 0),  # fewer than ten words
    ("", 0),
]


@pytest.mark.parametrize(("text", "expected"), WAGTAIL_LIX)
def test_lix_equals_wagtails_content_metrics(text, expected):
    assert lix(text) == pytest.approx(expected, abs=1e-9)


def test_flesch_douma_and_brouwer_of_fixed_strings():
    # 12 one-syllable words in 2 sentences: 206.835 - 0.93 * 6 - 77 * 1; 195 - 2 * 6 - 67 * 1.
    report = score("De kat zit op de mat. De hond ligt in de mand.")
    assert (report.words, len(report.sentences)) == (12, 2)
    assert report.flesch_douma == pytest.approx(124.255)
    assert report.brouwer == pytest.approx(116.0)
    # wan-de-len, sa-men, ko-pen, ap-pels, pe-ren: 18 syllables in 12 words, 2 sentences.
    report = score("Wij wandelen samen naar de markt. Daar kopen wij appels en peren.")
    assert report.flesch_douma == pytest.approx(206.835 - 0.93 * 6 - 77 * 1.5)  # 85.755
    assert report.brouwer == pytest.approx(195 - 2 * 6 - 67 * 1.5)  # 82.5


def test_syllables_follow_dutch_hyphenation():
    assert [plainlanguage.syllables(word) for word in ["kat", "koffie", "onderzoekers", "activiteiten", "2024"]] == [
        1,
        2,
        4,
        5,
        1,
    ]


@pytest.mark.django_db
def test_calibration_set_scores_as_expected():
    terms = jargon()  # the seeded list
    a2, b1, c1 = (score(text, terms, "B1") for text in (STORY_A2, STORY_B1, STORY_C1))
    knowledge = score(KNOWLEDGE_B2, terms, "B2")

    assert (a2.level, b1.level, c1.level, knowledge.level) == ("B1", "B1", "hoger", "B2")
    assert a2.indication == "waarschijnlijk B1"
    # The same story gets harder on every measure.
    assert a2.words_per_sentence < b1.words_per_sentence < c1.words_per_sentence
    assert a2.flesch_douma > b1.flesch_douma > c1.flesch_douma
    assert a2.brouwer > b1.brouwer > c1.brouwer
    assert a2.lix < b1.lix < c1.lix
    assert a2.rare_share < c1.rare_share
    assert (a2.long_sentences, b1.long_sentences, c1.long_sentences) == (0, 0, 2)
    assert a2.on_target and b1.on_target and knowledge.on_target
    assert c1.distance == 2 and "het doel is B1" in c1.message
    flagged = {flag.kind for sentence in c1.flagged for flag in sentence.flags}
    assert flagged == {"lange-zin", "bijzinnen", "lijdende-vorm", "jargon"}
    jargon_found = {flag.text.lower() for sentence in c1.flagged for flag in sentence.flags if flag.kind == "jargon"}
    assert {"zelfredzaamheid", "integrale", "creëren", "interventies", "doelgroep", "beoogt"} <= jargon_found
    assert not b1.flagged and not a2.flagged
    for report in (a2, c1, knowledge):
        assert report.disclaimer.startswith("Dit is een indicatie, geen oordeel")


def test_passive_voice_and_stacked_clauses_are_heuristics_with_positive_controls():
    def kinds(sentence):
        return {flag.kind for flag in score(sentence).sentences[0].flags}

    assert "lijdende-vorm" in kinds("De maaltijd wordt door vrijwilligers bereid.")
    assert "lijdende-vorm" in kinds("Het feest is door de buurt georganiseerd.")
    assert "lijdende-vorm" not in kinds("Vrijwilligers bereiden de maaltijd.")
    assert "lijdende-vorm" not in kinds("Zij is gisteren naar huis gegaan.")  # perfect tense, not passive
    assert "bijzinnen" in kinds("Ik kom niet omdat ik ziek ben, hoewel ik graag wil.")
    assert "bijzinnen" not in kinds("Ik kom niet omdat ik ziek ben.")


@pytest.mark.django_db
def test_editing_the_jargon_list_in_the_admin_changes_the_result(client, central_editor):
    text = "We willen de buurtkamer laagdrempelig maken. " * 3 + "Iedereen moet zich er thuis voelen, jong en oud."
    assert [flag.suggestion for s in score(text, jargon()).flagged for flag in s.flags][:1] == [
        "Schrijf liever: makkelijk om binnen te lopen"
    ]
    assert score(text, jargon()).jargon_hits == 3
    assert score(text, jargon()).count("jargon") == 3
    assert not any("buurtkamer" in f.text for s in score(text, jargon()).flagged for f in s.flags)

    client.force_login(central_editor)
    term = JargonTerm.objects.get(term="laagdrempelig")
    response = client.post(
        reverse("wagtailsnippets_core_jargonterm:edit", args=[term.pk]),
        {"term": "laagdrempelig", "suggestion": "makkelijk te bezoeken"},
    )
    assert response.status_code == 302
    response = client.post(
        reverse("wagtailsnippets_core_jargonterm:add"), {"term": "  Buurtkamer ", "suggestion": "huiskamer"}
    )
    assert response.status_code == 302

    report = score(text, jargon())
    messages = {(flag.text, flag.suggestion) for sentence in report.flagged for flag in sentence.flags}
    assert ("laagdrempelig", "Schrijf liever: makkelijk te bezoeken") in messages
    assert ("buurtkamer", "Schrijf liever: huiskamer") in messages
    assert report.jargon_hits == 6

    client.post(reverse("wagtailsnippets_core_jargonterm:delete", args=[term.pk]))
    assert score(text, jargon()).jargon_hits == 3  # only the buurtkamer ones are left


@pytest.mark.django_db
def test_a_jargon_term_needs_letters(client, central_editor):
    client.force_login(central_editor)
    response = client.post(reverse("wagtailsnippets_core_jargonterm:add"), {"term": "?!", "suggestion": ""})
    assert response.status_code == 200
    assert "Geef een woord of uitdrukking met letters." in response.content.decode()


ONE_LONG_SENTENCE = " ".join(["de buren in de straat koken samen"] * 430)  # 3,010 words, no full stop


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Er is nog geen tekst om te beoordelen"),
        ("   \n\n  ", "Er is nog geen tekst om te beoordelen"),
        ("😀 🎉 👍🏽 ❤️", "Er is nog geen tekst om te beoordelen"),
        ("<p><br></p><script>alert(1)</script>", "Er is nog geen tekst om te beoordelen"),
        (
            "The neighbours cook soup together every Wednesday, and they say that it is the best day of the week "
            "for all of them. We were there with our children.",
            "Deze tekst lijkt niet in het Nederlands geschreven",
        ),
        ("Soep op woensdag.", "Nog te weinig tekst voor een indicatie"),
    ],
)
def test_bad_input_gives_a_dutch_message_and_no_level(text, message):
    report = score(text, [("doelgroep", "de mensen voor wie het is")])
    assert report.level is None and report.indication == "geen indicatie"
    assert report.message.startswith(message)
    assert report.distance is None


def test_one_sentence_of_3000_words_is_one_long_sentence():
    report = score(ONE_LONG_SENTENCE)
    assert report.words == 3010 and len(report.sentences) == 1
    assert report.level == "hoger"
    assert report.flagged[0].flags[0].message == "Lange zin: 3010 woorden"
    assert report.flagged[0].short_text.endswith("…") and len(report.flagged[0].short_text.split()) == 31


def test_markup_is_read_as_text():
    html = "<p>De buren koken <b>elke</b> woensdag soep &amp; brood.</p><p>Iedereen is welkom.</p>" * 3
    report = score(html)
    assert report.words == 30
    assert all("<" not in sentence.text and "&amp;" not in sentence.text for sentence in report.sentences)
    assert report.level == "B1"
