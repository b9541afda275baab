"""How plain is this Dutch? A language-level indication (B1, B2, higher) for editors, never a verdict.

Pure Python, offline: Dutch hyphenation (pyphen) counts syllables, a list of the 10,000 most frequent Dutch word
forms (`core/data/nl_frequent_words.txt`, its source and licence in its header) tells rare words, and the central
team's jargon list (`core.models.JargonTerm`) names words with a plainer alternative.

- `score(text, jargon=None, target="B1")` gives a `Report`: per sentence the words, long sentences (over 20 words),
  stacked subordinate clauses, the passive voice and jargon; per text LIX, Flesch-Douma, Brouwer's leesindex, the
  share of rare words, and the indication with a short Dutch note. Never raises on text: empty text, emoji, English,
  markup or one endless sentence give a Dutch message.
- `lix(text)` is Wagtail's own readability score of its content metrics (the editor's Checks panel), ported from
  its JavaScript: words and sentences as `Intl.Segmenter` splits them (Unicode's text segmentation, UAX #29, as ICU
  implements it), long words over six UTF-16 code units, 0 for fewer than ten words.
- A page says which level it aims at with `plain_language_target` and gives its text with
  `plain_language_text()` (`core.pages.BasePage`).
"""

import html
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyphen
from django.utils.html import strip_tags

# Raise when a change here (or in core.pages.page_text, or a page type's plain_language_target) changes scores: the
# stored scores of the Taalniveau report (stories/language_scores.py) are then made again.
SCORER_VERSION = 1
LONG_SENTENCE = 20  # words
MIN_WORDS = 25  # fewer words give no indication
LEVELS = ("B1", "B2", "hoger")
DISCLAIMER = (
    "Dit is een indicatie, geen oordeel: de computer telt zinslengte, lettergrepen en woorden. "
    "Of een tekst echt duidelijk is, merk je pas als iemand uit de doelgroep hem leest."
)

# --- Wagtail's tokenisation: Unicode text segmentation (UAX #29) -------------------------------------------------

_OTHER, _LETTER, _NUMERIC, _EXTENDNUMLET, _MIDLETTER, _MIDNUMLETQ, _MIDNUM, _EXTEND, _NEWLINE, _EAST_ASIAN = range(10)
# Chinese, Japanese and Korean: ICU splits them with dictionaries, never joined to Latin letters; a run counts as one
# word here (no Dutch text depends on it).
_EAST_ASIAN_RANGES = (
    (0x1100, 0x11FF),
    (0x3040, 0x30FF),
    (0x3130, 0x318F),
    (0x3400, 0x9FFF),
    (0xAC00, 0xD7AF),
    (0xF900, 0xFAFF),
    (0xFF66, 0xFF9F),
    (0x20000, 0x3FFFF),
)
_MIDLETTER_CHARS = frozenset(":\u00b7\u0387\u055f\u05f4\u2027\ufe13\ufe55\uff1a")
_MIDNUMLET_CHARS = frozenset(".'\u2018\u2019\u2024\ufe52\uff07\uff0e")
_MIDNUM_CHARS = frozenset(",;\u037e\u0589\u060c\u060d\u066c\u07f8\u2044\ufe10\ufe14\ufe50\ufe54\uff0c\uff1b")
_NEWLINE_CHARS = frozenset("\r\n\x0b\x0c\x85\u2028\u2029")


@lru_cache(maxsize=4096)
def _word_class(char):
    if char in _NEWLINE_CHARS:
        return _NEWLINE
    category = unicodedata.category(char)
    if any(low <= ord(char) <= high for low, high in _EAST_ASIAN_RANGES):
        return _EAST_ASIAN
    if category[0] == "L":
        return _LETTER
    if category == "Nd":
        return _NUMERIC
    if category in ("Mn", "Me", "Mc", "Cf"):
        return _EXTEND
    if char in _MIDLETTER_CHARS:
        return _MIDLETTER
    if char in _MIDNUMLET_CHARS:
        return _MIDNUMLETQ
    if char in _MIDNUM_CHARS:
        return _MIDNUM
    if category == "Pc":
        return _EXTENDNUMLET
    return _OTHER


def _east_asian_script(char):
    return next((low for low, high in _EAST_ASIAN_RANGES if low <= ord(char) <= high), None)


_WORD_PART = (_LETTER, _NUMERIC, _EXTENDNUMLET)


def word_spans(text):
    """(start, end) of each segment `Intl.Segmenter` calls word-like: letters and digits, joined by an apostrophe
    or full stop between letters ("auto's", "e.g") or a comma or full stop between digits ("1.000,50")."""
    classes = [_word_class(char) for char in text]
    spans, i, n = [], 0, len(text)
    while i < n:
        if classes[i] == _EAST_ASIAN:
            start, script = i, _east_asian_script(text[i])
            i += 1
            while i < n and (classes[i] == _EXTEND or _east_asian_script(text[i]) == script):
                i += 1
            spans.append((start, i))
            continue
        if classes[i] not in _WORD_PART:
            i += 1
            continue
        start, last = i, classes[i]
        i += 1
        while i < n:
            kind = classes[i]
            if kind == _EXTEND:
                i += 1
            elif kind in _WORD_PART:
                last = kind
                i += 1
            elif kind in (_MIDLETTER, _MIDNUMLETQ, _MIDNUM):
                after = i + 1
                while after < n and classes[after] == _EXTEND:
                    after += 1
                following = classes[after] if after < n else None
                if (last == _LETTER and kind != _MIDNUM and following == _LETTER) or (
                    last == _NUMERIC and kind != _MIDLETTER and following == _NUMERIC
                ):
                    i = after
                else:
                    break
            else:
                break
        spans.append((start, i))
    return spans


(_S_OTHER, _S_SEP, _S_CR, _S_LF, _S_SP, _S_LOWER, _S_UPPER, _S_OLETTER, _S_NUMERIC, _S_ATERM, _S_STERM) = range(11)
_S_CLOSE, _S_SCONTINUE, _S_EXTEND = 11, 12, 13
_ATERM_CHARS = frozenset(".\u2024\ufe52\uff0e")
_STERM_CHARS = frozenset(
    "!?\u0589\u061f\u06d4\u0700\u0701\u0702\u07f9\u0964\u0965\u203c\u203d\u2047\u2048\u2049\u2e2e\u2e3c"
    "\u3002\ufe56\ufe57\uff01\uff1f\uff61"
)
_SCONTINUE_CHARS = frozenset(
    ",-:;\u055d\u060c\u060d\u07f8\u1802\u1808\u2013\u2014\u3001\ufe10\ufe11\ufe13\ufe31\ufe32\ufe50\ufe51\ufe55"
    "\ufe58\ufe63\uff0c\uff0d\uff1a\uff1b\uff64"
)
_QUOTATION_MARKS = frozenset("\"'\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2039\u203a\u00ab\u00bb\u300c\u300d")
_PARASEP = (_S_SEP, _S_CR, _S_LF)
_SATERM = (_S_ATERM, _S_STERM)


@lru_cache(maxsize=4096)
def _sentence_class(char):
    if char in "\x85\u2028\u2029":
        return _S_SEP
    if char == "\r":
        return _S_CR
    if char == "\n":
        return _S_LF
    if char in _ATERM_CHARS:
        return _S_ATERM
    if char in _STERM_CHARS:
        return _S_STERM
    category = unicodedata.category(char)
    if char.isspace():
        return _S_SP
    if category in ("Mn", "Me", "Mc", "Cf"):
        return _S_EXTEND
    if category == "Ll" or (category == "Lm" and char.islower()):
        return _S_LOWER
    if category in ("Lu", "Lt"):
        return _S_UPPER
    if category[0] == "L" or category == "Nl":
        return _S_OLETTER
    if category == "Nd":
        return _S_NUMERIC
    if category in ("Ps", "Pe", "Pi", "Pf") or char in _QUOTATION_MARKS:
        return _S_CLOSE
    if char in _SCONTINUE_CHARS:
        return _S_SCONTINUE
    return _S_OTHER


def sentence_spans(text):
    """(start, end) of each segment `Intl.Segmenter` gives at sentence granularity (UAX #29's sentence rules).

    As there, whitespace belongs to the sentence before it, every line break ends a segment, and an empty line is
    a segment of its own; a full stop before a lower-case word, a digit or inside "U.S" ends no sentence."""
    # SB5: marks and format characters belong to the character before them.
    positions, classes = [], []
    for index, char in enumerate(text):
        kind = _sentence_class(char)
        if kind == _S_EXTEND and classes and classes[-1] not in _PARASEP:
            continue
        positions.append(index)
        classes.append(_S_OTHER if kind == _S_EXTEND else kind)
    n = len(classes)
    ends, i = [], 0

    def end_at(k):  # a break before base character k
        ends.append(positions[k] if k < n else len(text))

    while i < n:
        kind = classes[i]
        if kind in _PARASEP:  # SB3, SB4
            i += 2 if kind == _S_CR and i + 1 < n and classes[i + 1] == _S_LF else 1
            end_at(i)
            continue
        if kind not in _SATERM:
            i += 1
            continue
        following = classes[i + 1] if i + 1 < n else None
        if kind == _S_ATERM and following == _S_NUMERIC:  # SB6
            i += 1
            continue
        if kind == _S_ATERM and following == _S_UPPER and i > 0 and classes[i - 1] in (_S_UPPER, _S_LOWER):  # SB7
            i += 1
            continue
        j = i + 1
        while j < n and classes[j] == _S_CLOSE:
            j += 1
        k = j
        while k < n and classes[k] == _S_SP:
            k += 1
        if k < n and classes[k] in _PARASEP:  # SB9-SB11: the line break ends the sentence with it
            k += 2 if classes[k] == _S_CR and k + 1 < n and classes[k + 1] == _S_LF else 1
            end_at(k)
            i = k
            continue
        if k < n and classes[k] in (_S_SCONTINUE, *_SATERM):  # SB8a
            i = k
            continue
        if kind == _S_ATERM:  # SB8: a lower-case word goes on with the sentence
            m = k
            while m < n and classes[m] not in (_S_OLETTER, _S_UPPER, _S_LOWER, *_PARASEP, *_SATERM):
                m += 1
            if m < n and classes[m] == _S_LOWER:
                i = m
                continue
        if k >= n:
            break
        end_at(k)  # SB11
        i = k
    spans, start = [], 0
    for end in ends:
        if end > start:
            spans.append((start, end))
            start = end
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _utf16_length(word):
    return len(word) + sum(1 for char in word if ord(char) > 0xFFFF)


def lix(text):
    """Wagtail's readability score (LIX) of this text: words per sentence plus the percentage of words longer
    than six characters; 0 for a text without sentences or with fewer than ten words."""
    sentences = len(sentence_spans(text))
    words = [text[start:end] for start, end in word_spans(text)]
    if sentences == 0 or len(words) < 10:
        return 0
    return len(words) / sentences + sum(1 for word in words if _utf16_length(word) > 6) / len(words) * 100


# --- Dutch measures ----------------------------------------------------------------------------------------------

_hyphenator = pyphen.Pyphen(lang="nl_NL", left=1, right=1)
_VOWEL_GROUPS = re.compile(r"(?:ij|[aeiouyáéíóúàèëïöüâêîôû])+")


@lru_cache(maxsize=50_000)
def syllables(word):
    """Syllables of a Dutch word: where Dutch hyphenation may break it, at least one per vowel group's worth
    hyphenation cannot see in short words; a number counts as one."""
    word = word.lower()
    if not any(char.isalpha() for char in word):
        return 1
    by_hyphenation = len(_hyphenator.positions(word)) + 1
    return max(1, min(len(_VOWEL_GROUPS.findall(word)), by_hyphenation + 1), by_hyphenation)


def flesch_douma(words, sentences, syllable_count):
    return 206.835 - 0.93 * (words / sentences) - 77 * (syllable_count / words)


def brouwer(words, sentences, syllable_count):
    return 195 - 2 * (words / sentences) - 67 * (syllable_count / words)


@lru_cache(maxsize=1)
def frequent_words():
    path = Path(__file__).parent / "data" / "nl_frequent_words.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


_ENGLISH = frozenset(
    "the and of to is are was were you your with this that for not have has it they we what which from would "
    "will be been there their our can about".split()
)
_DUTCH_ONLY = frozenset("de het een en van is niet dat op zijn met voor ik je we ze ook maar er aan om".split())
# Subordinating words; "dat", "die", "wat" count only after a comma (else they point, as in "dat huis").
_SUBORDINATORS = frozenset(
    "omdat doordat zodat hoewel nadat voordat terwijl indien wanneer waardoor waarin waarbij waarop waarmee "
    "waarvan waaruit zodra totdat tenzij opdat ofschoon mits aangezien alhoewel zoals".split()
)
_RELATIVES = frozenset("dat die wat welke wie".split())
_WORDEN = frozenset("word wordt worden werd werden geworden".split())
_ZIJN = frozenset("is zijn was waren".split())
_PARTICIPLE = re.compile(r"^(?:ge\w{2,}[dt]|ge\w{2,}en|(?:be|ver|ont|her|er)\w{2,}[dt])$")
_PARTICIPLE_STRICT = re.compile(r"^ge\w{2,}[dt]$")


# What the editor's Checks panel says about each kind of sentence flag (home/wagtail_hooks.py): name and tip.
SENTENCE_CHECKS = {
    "lange-zin": (
        f"Lange zin (meer dan {LONG_SENTENCE} woorden)",
        "Maak er twee of meer zinnen van; houd zinnen bij voorkeur onder de 15 woorden.",
    ),
    "bijzinnen": ("Bijzinnen gestapeld", "Zet elke bijzin in een eigen zin; begin met wie iets doet."),
    "lijdende-vorm": (
        "Lijdende vorm (worden/is … ge…)",
        "Zeg wie het doet: ‘de buurt organiseert’ in plaats van ‘er wordt georganiseerd’.",
    ),
}


@dataclass
class Flag:
    kind: str  # "lange-zin", "bijzinnen", "lijdende-vorm", "jargon"
    message: str
    suggestion: str
    text: str = ""  # the word or phrase flagged; empty: the whole sentence


@dataclass
class Sentence:
    text: str
    words: int
    flags: list = field(default_factory=list)

    @property
    def short_text(self):
        """The sentence for a mail or a list: its first 30 words."""
        words = self.text.split()
        return " ".join(words[:30]) + (" …" if len(words) > 30 else "")


@dataclass
class Report:
    words: int = 0
    sentences: list = field(default_factory=list)
    lix: float = 0
    flesch_douma: float | None = None
    brouwer: float | None = None
    rare_share: float = 0  # 0..1
    level: str | None = None  # "B1", "B2", "hoger"; None: no indication
    target: str = "B1"
    message: str = ""  # Dutch: the indication, or why there is none
    disclaimer: str = DISCLAIMER
    deliberately_complex: str = ""  # the author's reason for writing above the target, if they gave one

    @property
    def words_per_sentence(self):
        return self.words / len(self.sentences) if self.sentences else 0

    @property
    def flagged(self):
        return [sentence for sentence in self.sentences if sentence.flags]

    def count(self, kind):
        return sum(1 for sentence in self.sentences for flag in sentence.flags if flag.kind == kind)

    @property
    def long_sentences(self):
        return self.count("lange-zin")

    @property
    def jargon_hits(self):
        return self.count("jargon")

    @property
    def distance(self):
        return distance(self.level, self.target)

    @property
    def on_target(self):
        return self.distance == 0

    @property
    def indication(self):
        return indication(self.level)


def distance(level, target):
    """How many levels above its target a text is (0: on target or plainer); None without indication. Also for a
    stored score (stories.models.LanguageScore)."""
    if not level:
        return None
    return max(0, LEVELS.index(level) - LEVELS.index(target))


def indication(level):
    return f"waarschijnlijk {level}" if level else "geen indicatie"


_INVISIBLE = re.compile(r"<(script|style|template)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_BLOCK_END = re.compile(r"<(?:br\b[^>]*|/(?:p|div|li|h[1-6]|blockquote|figcaption|td|th|tr|ul|ol|section)\s*)>", re.I)


def plain_text(text):
    """The text a reader reads: scripts and styles dropped, a line break where a paragraph, heading or list item
    ends, other markup stripped, entities resolved."""
    text = _BLOCK_END.sub("\n", _INVISIBLE.sub(" ", text or ""))
    return html.unescape(strip_tags(text))


def compile_jargon(jargon):
    """[(term, suggestion)] as one pattern each: the term as a whole word, also with a short ending ("doelgroepen",
    "integrale")."""
    compiled = []
    for term, suggestion in jargon or ():
        term = " ".join(term.lower().split())
        if term:
            compiled.append((re.compile(r"(?<!\w)" + re.escape(term) + r"\w{0,3}(?!\w)"), term, suggestion))
    return compiled


def _sentence_flags(sentence_text, words, jargon):
    lowered = [word.lower() for word in words]
    flags = []
    if len(words) > LONG_SENTENCE:
        flags.append(
            Flag(
                "lange-zin",
                f"Lange zin: {len(words)} woorden",
                SENTENCE_CHECKS["lange-zin"][1],
            )
        )
    markers = sum(1 for word in lowered if word in _SUBORDINATORS)
    markers += len(re.findall(r",\s*(?:" + "|".join(_RELATIVES) + r")\b", sentence_text.lower()))
    if markers >= 2:
        flags.append(
            Flag(
                "bijzinnen",
                *SENTENCE_CHECKS["bijzinnen"],
            )
        )
    has_worden = any(word in _WORDEN for word in lowered)
    has_zijn_door = any(word in _ZIJN for word in lowered) and "door" in lowered
    if (has_worden and any(_PARTICIPLE.match(word) for word in lowered)) or (
        has_zijn_door and any(_PARTICIPLE_STRICT.match(word) for word in lowered)
    ):
        flags.append(
            Flag(
                "lijdende-vorm",
                *SENTENCE_CHECKS["lijdende-vorm"],
            )
        )
    lowered_text = sentence_text.lower()
    for pattern, _term, suggestion in jargon:
        for match in pattern.finditer(lowered_text):
            flags.append(
                Flag(
                    "jargon",
                    f"Moeilijk woord: {sentence_text[match.start() : match.end()]}",
                    f"Schrijf liever: {suggestion}" if suggestion else "Leg het woord uit of kies een gewoner woord.",
                    sentence_text[match.start() : match.end()],
                )
            )
    return flags


def _level(words_per_sentence, douma, rare_share, long_share):
    """1 (B1), 2 (B2) or 3 (higher) from each measure, then the middle one of the three: one measure alone never
    decides (a text of short sentences with a few long words is still B1)."""
    by_length = 1 if words_per_sentence <= 14 else 2 if words_per_sentence <= 20 else 3
    by_douma = 1 if douma >= 60 else 2 if douma >= 30 else 3
    by_words = 1 if rare_share <= 0.08 else 2 if rare_share <= 0.20 else 3
    grade = sorted([by_length, by_douma, by_words])[1]
    if long_share > 0.25:  # a quarter of the sentences over 20 words is not B1, whatever the words
        grade = max(grade, 2)
    return LEVELS[grade - 1]


def score(text, jargon=None, target="B1"):
    """The report on a Dutch text (markup is stripped); `jargon` is [(term, suggestion)] or a compiled list."""
    report = Report(target=target)
    text = plain_text(text)
    report.lix = lix(text)
    jargon = jargon if jargon and isinstance(jargon[0][0], re.Pattern) else compile_jargon(jargon)
    frequent = frequent_words()
    spans = word_spans(text)
    word_index, syllable_count, rare = 0, 0, 0
    for start, end in sentence_spans(text):
        words = []
        while word_index < len(spans) and spans[word_index][0] < end:
            words.append(text[spans[word_index][0] : spans[word_index][1]])
            word_index += 1
        if not words:
            continue
        sentence_text = " ".join(text[start:end].split())
        report.sentences.append(Sentence(sentence_text, len(words), _sentence_flags(sentence_text, words, jargon)))
        for word in words:
            syllable_count += syllables(word)
            lowered = word.lower()
            if lowered not in frequent and any(char.isalpha() for char in word) and len(word) > 3:
                rare += 1
    report.words = len(spans)
    if not report.words:
        report.message = "Er is nog geen tekst om te beoordelen: schrijf eerst een paar zinnen."
        return report
    sentences = len(report.sentences)
    report.flesch_douma = flesch_douma(report.words, sentences, syllable_count)
    report.brouwer = brouwer(report.words, sentences, syllable_count)
    report.rare_share = rare / report.words
    lowered = [text[start:end].lower() for start, end in spans]
    english = sum(1 for word in lowered if word in _ENGLISH)
    dutch = sum(1 for word in lowered if word in _DUTCH_ONLY)
    if report.words >= 5 and english > 2 * dutch:
        report.message = (
            "Deze tekst lijkt niet in het Nederlands geschreven. De taalniveau-indicatie werkt alleen voor "
            "Nederlandse tekst."
        )
        return report
    if report.words < MIN_WORDS:
        report.message = (
            f"Nog te weinig tekst voor een indicatie van het taalniveau (minder dan {MIN_WORDS} woorden). "
            "Korte zinnen en gewone woorden lezen het makkelijkst."
        )
        return report
    report.level = _level(
        report.words_per_sentence,
        report.flesch_douma,
        report.rare_share,
        report.long_sentences / sentences,
    )
    if report.on_target:
        report.message = f"Waarschijnlijk {report.level}: dat past bij het doel ({target} of eenvoudiger)."
    else:
        report.message = (
            f"Waarschijnlijk {report.level}; het doel is {target}. Kijk naar de gemarkeerde zinnen en woorden."
        )
    return report


# --- Markers for the editor's preview ----------------------------------------------------------------------------

_MAIN = re.compile(r"(<main\b[^>]*>)(.*?)(</main>)", re.DOTALL | re.IGNORECASE)
_TAG_OR_TEXT = re.compile(r"(<(script|style|template)\b.*?</\2\s*>|<[^>]*>)", re.DOTALL | re.IGNORECASE)


def mark_html(page_html, report, jargon):
    """The page's HTML with each flagged sentence and jargon word inside <main> wrapped in a <span> the content
    checker finds: ``data-taalniveau="lange-zin bijzinnen"`` on a sentence, ``data-taalniveau-woord="doelgroep"``
    on a word. Only for the preview: a sentence split over several elements (a link inside it) is not marked, its
    words still are."""
    if report is None or report.level is None and not report.flagged:
        return page_html
    jargon = jargon if jargon and isinstance(jargon[0][0], re.Pattern) else compile_jargon(jargon)
    sentences = {
        sentence.text: " ".join(flag.kind for flag in sentence.flags if flag.kind != "jargon")
        for sentence in report.flagged
    }
    sentences = {text: kinds for text, kinds in sentences.items() if kinds}

    def mark_text(text):
        plain = html.unescape(text)
        normalised = " ".join(plain.split())
        if not normalised:
            return text
        ranges = []  # (start, end, opening tag) in `plain`
        for sentence, kinds in sentences.items():
            found = plain.find(sentence) if sentence in plain else -1
            if found >= 0:
                ranges.append((found, found + len(sentence), f'<span data-taalniveau="{kinds}">'))
        lowered = plain.lower()
        for pattern, term, _suggestion in jargon:
            for match in pattern.finditer(lowered):
                ranges.append((match.start(), match.end(), f'<span data-taalniveau-woord="{html.escape(term)}">'))
        if not ranges:
            return text
        ranges.sort(key=lambda item: (item[0], -item[1]))
        out, position, open_ends = [], 0, []
        events = []
        for start, end, tag in ranges:
            if open_ends and start < open_ends[-1] < end:
                continue  # overlaps a marked range partly: leave it
            while open_ends and open_ends[-1] <= start:
                events.append((open_ends.pop(), "</span>"))
            events.append((start, tag))
            open_ends.append(end)
        while open_ends:
            events.append((open_ends.pop(), "</span>"))
        for at, piece in events:
            out.append(html.escape(plain[position:at], quote=False))
            out.append(piece)
            position = at
        out.append(html.escape(plain[position:], quote=False))
        return "".join(out)

    def mark_main(match):
        inside, out, position = match.group(2), [], 0
        for tag in _TAG_OR_TEXT.finditer(inside):  # text between tags is marked; tags, scripts, styles kept
            out += [mark_text(inside[position : tag.start()]), tag.group(0)]
            position = tag.end()
        out.append(mark_text(inside[position:]))
        return match.group(1) + "".join(out) + match.group(3)

    return _MAIN.sub(mark_main, page_html, count=1)
