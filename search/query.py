"""What a reader means: the words of a Dutch search query, each with the forms a page may use for it.

A word of the query matches a page that has any of:

- the word itself, also as the start of a longer word once it has PREFIX_FROM letters: "buurt" finds
  "buurtbewoners", "moestuin" finds "moestuinen" (Dutch glues words into compounds and adds endings), and
  "buurthuis" finds "buurthuizen" (a plural that changes s into z, or f into v);
- the synonyms the central team lists for it (``search.models.SynonymGroup``): "buurthuis" finds "wijkcentrum";
- its parts, when it is a compound a page writes apart or the other way round: "buurthuis" finds "buurt huis",
  split where Dutch hyphenation allows (pyphen's Dutch dictionary, the same data as the language check);
- for a separable verb, the verb without its particle, as a sentence splits it: "opruimen" finds "we ruimen op",
  "vasthouden" finds "hoe houd je ze vast".

Every word must match (``all_words``): first as whole words, then, if that finds few pages, also as the start of
longer words (a common start such as "buurt" would otherwise match nearly every page, and rank them all). When that
finds nothing, the view asks again with ``any_word`` (some of the words), and says so.
"""

import functools
import re

import pyphen
from modelsearch.query import And, Or, PlainText

PREFIX_FROM = 4  # letters; a shorter word ("de", "wijk"'s "wij") would match too much as a prefix
MIN_PART = 3  # letters of the first part of a compound ("kop" in "kopjes": no; "taal" in "taalcafé": yes)
MIN_LAST_PART = 4  # letters of the last part ("huis", "werk", "plek"); "nen" of "moestui-nen" is no word
# Particles of Dutch separable verbs: "opruimen" -> "ruimen op", "meedoen" -> "doen mee".
PARTICLES = (
    *("aan", "achter", "af", "bij", "door", "in", "los", "mee", "na", "neer", "om", "op", "open", "over", "rond"),
    *("samen", "tegen", "terug", "thuis", "toe", "uit", "vast", "voor", "weg"),
)


# Snowball's Dutch stop words, as PostgreSQL's "dutch" configuration drops them (tsearch_data/dutch.stop): on every
# page, so they narrow and rank nothing; searched for, each is one more term to score on every match.
STOP_WORDS = frozenset(
    """de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem dan zou of wat
    mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb hoe heeft hebben deze u want nog
    zal me zij nu ge geen omdat iets worden toch al waren veel meer doen toen moet ben zonder kan hun dus alles onder
    ja eens hier wie werd altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand geweest
    andere""".split()
)


class Prefix(PlainText):
    """One word that also matches as the start of a longer word (the backends: search/*_backend.py)."""


def words_of(text, limit):
    """The different words of ``text``, lower case, at most ``limit``: punctuation and quotes are no search syntax."""
    return list(dict.fromkeys(word.lower() for word in re.findall(r"\w+", text)))[:limit]


def search_words(query, limit):
    """The words to search for: the different words of ``query`` without the stop words (all of them when it has
    nothing else), at most ``limit``."""
    words = words_of(query, None)
    return ([word for word in words if word not in STOP_WORDS] or words)[:limit]


@functools.cache
def hyphenator():
    return pyphen.Pyphen(lang="nl_NL")


def compound_parts(word):
    """[(first, last)]: the ways to read ``word`` as two words, by Dutch hyphenation ("buurthuis": buurt + huis)."""
    return [
        (word[:position], word[position:])
        for position in hyphenator().positions(word)
        if position >= MIN_PART and len(word) - position >= MIN_LAST_PART
    ]


def without_particle(word):
    """The verb of a separable verb without its particle ("opruimen" -> "ruimen"), or None."""
    for particle in sorted(PARTICLES, key=len, reverse=True):  # "open" before "op"
        rest = word.removeprefix(particle)
        if rest != word and len(rest) >= 4 and rest.endswith("en") and not rest.startswith(PARTICLES):
            return rest
    return None


VOWELS = "aeiouy"


def singulars(stem):
    """The singular of a plural in -en, without -en: as it is (student-en), with its vowel doubled (bibliothek-en:
    bibliotheek, strat-en: straat) or its consonant single (flatt-en: flat), as Dutch spelling has it."""
    found = [stem]
    if stem[-1] not in VOWELS and stem[-2] in "aeou" and stem[-3] not in VOWELS:
        found.append(stem[:-1] + stem[-2] + stem[-1])
    if stem[-1] == stem[-2] and stem[-1] not in VOWELS:
        found.append(stem[:-1])
    return found


def term(word, prefixes=True):
    return Prefix(word) if prefixes and len(word) >= PREFIX_FROM else PlainText(word)


def forms(word, synonyms, prefixes=True):
    """The full-text query of one word: any of its forms (see the module's docstring); ``prefixes=False``: each
    form as a whole word only."""
    alternatives = [word]
    if len(word) > PREFIX_FROM and word.endswith(("s", "f")):
        # A plural in -s, or a singular whose plural turns s into z and f into v (huis, huizen; brief, brieven),
        # which no stemmer undoes.
        alternatives.append(word[:-1])
    if len(word) >= PREFIX_FROM + 2 and word.endswith("en"):
        # A plural or a verb: its singular or stem, and its other forms (studenten: student; houden: houd, houdt).
        alternatives += singulars(word[:-2])
    alternatives += synonyms.get(word, ())
    if verb := without_particle(word):
        alternatives.append(verb[:-2] if len(verb) >= PREFIX_FROM + 2 else verb)
    queries = [PlainText(form) if " " in form else term(form, prefixes) for form in dict.fromkeys(alternatives)]
    queries += [And([term(first, prefixes), term(last, prefixes)]) for first, last in compound_parts(word)]
    return queries[0] if len(queries) == 1 else Or(queries)


def all_words(words, synonyms, prefixes=True):
    queries = [forms(word, synonyms, prefixes) for word in words]
    return queries[0] if len(queries) == 1 else And(queries)


def any_word(words):
    """Pages with some of the words, those with more of them first: each word as itself (and the start of longer
    words) only, as the full-text score of its other forms would favour a page that says one word in many forms
    over a page that has two of the words."""
    queries = [term(word) for word in words]
    return queries[0] if len(queries) == 1 else Or(queries)
