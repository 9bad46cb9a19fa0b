"""Is this English a person can read? One check, without a UI, for every part of the reader.

The reader asks it in two places: ``message.py`` gives text nobody could read the
``unreadable`` finding ("could not read this"), and ``manner.py`` gives a message in a
language the persona does not read ``no_intent``. Both call ``language_problem`` here, so
they never disagree. Capitals are a separate matter (``shouting_case``): "COULD I HAVE 15
MINUTES" is English in capitals, which is shouting, not unreadable; it is judged on its
words like any other text.

The common words also tell the intent model which words carry no meaning of their own
(``FUNCTION_WORDS``): a model finding must rest on at least one word that does.
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_FUNCTION = (
    "a about after all also am an and any are as at be been but by can could did do does "
    "for from had has have how i if in into is it its just me my no not now of on or our "
    "out so some than that the their them then there they this to up us was we were what "
    "when where which who why will with would you your i'm it's don't hi hello thanks "
    "thank please dear best i'd i've i'll you're here let u ur im id ive very really"
)
_OTHER_COMMON = (
    "time minutes call chat talk hear learn "
    "have has having had get got getting go going goes went make makes made making know "
    "think want like likes see look take come give find tell ask use work works working job "
    "jobs day days week year years way people person thing things one two first last next new "
    "good great well only other more most much many still even back also because should may "
    "might must being over after before through while each those these such own same both few "
    "again never always ever off down something anything everything someone anyone every "
    "really pretty quite lot lots yes yeah ok okay sure hope need needs help start started "
    "whats hows wheres whos dont cant wont didnt doesnt isnt gonna wanna gotta pls thx tho "
    "kind sort part long little big old right left around since until why every usually "
    "typical normal actually maybe probably better best worse hard easy"
)
_FOREIGN = (
    "de la el los las que y en un una por para con del al es lo se su le les et des du est "
    "une pour pas je vous nous avec dans sur und der die das ist nicht ich sie wir ein eine "
    "mit auf zu den von il di che non per sono della ik het een niet wij em os nao voce "
    "usted tendria gracias hola muchas sobre"
)
FUNCTION_WORDS = frozenset(_FUNCTION.split())
"""Words with no meaning of their own: grammar, greetings, the pronouns."""
COMMON = FUNCTION_WORDS | frozenset(_OTHER_COMMON.split())
"""Common English words: a text of some length with almost none of them is not English."""
FOREIGN = frozenset(_FOREIGN.split())
"""Common words of other languages a learner might write in."""
ENGLISH_SHARE = 0.15
"""Below this share of common English words, a text of four words or more is not English."""
CAPITALS_SHARE = 0.7
CAPITALS_MIN_LETTERS = 20


def words_of(text: str) -> list[str]:
    """The words of a text, lower-cased (any alphabet)."""
    return [w.lower() for w in _WORD.findall(text)]


@lru_cache(maxsize=64)
def language_problem(text: str) -> str:
    """Why a person could not read ``text`` as English ('' when they can): "another
    language" or "gibberish". Capitals do not matter here; very short texts are never
    judged (a one-word reply is a matter of intent, not of language)."""
    words = words_of(text)
    if len(words) < 4:
        return ""
    english = sum(1 for w in words if w in COMMON)
    if english < ENGLISH_SHARE * len(words):
        # Few grammar words: a terse English fragment ("Typical week outside review
        # season?") or not English at all. Words the intent model learned from the
        # project's own English training text tell the two apart.
        known = model_words()
        english += sum(1 for w in words if w not in COMMON and w in known and w not in FOREIGN)
    letters = sum(map(len, words)) - sum(w.count("'") for w in words)
    foreign_letters = sum(1 for w in words for ch in w if not ch.isascii())
    if letters >= 16 and foreign_letters > 0.3 * letters:
        return "another language"
    foreign = sum(1 for w in words if w in FOREIGN)
    if len(words) >= 5 and foreign > english and foreign >= ENGLISH_SHARE * len(words):
        return "another language"
    long_words = [w for w in words if len(w) >= 4]
    garbled = sum(1 for w in long_words if _garbled(w))
    if len(long_words) >= 4 and garbled >= 0.5 * len(long_words):
        return "gibberish"
    if english < ENGLISH_SHARE * len(words):
        return "another language" if foreign else "gibberish"
    return ""


@lru_cache(maxsize=1)
def model_words() -> frozenset[str]:
    """Every word the intent model weighs (about 3,600, all from the project's own English
    training data); empty when the model file is missing. Built only when a text has too
    few grammar words to be judged English on those alone."""
    from simulator.reading.intents import load_model  # the model needs this module

    model = load_model()
    if model is None:
        return frozenset()
    words: set[str] = set()
    for feature in model.index:
        kind, _, rest = feature.partition(":")
        if kind in ("w", "b"):
            words.update(w for w in rest.split() if w.isalpha())
    return frozenset(words)


def shouting_case(text: str) -> bool:
    """Whether most letters of a text of some length are capitals."""
    letters = sum(map(str.isalpha, text))
    if letters < CAPITALS_MIN_LETTERS:
        return False
    return sum(map(str.isupper, text)) >= CAPITALS_SHARE * letters


def _garbled(word: str) -> bool:
    """No vowel at all, or five consonants in a row: not a word anyone can say."""
    vowels = set("aeiouy")
    if not any(ch in vowels for ch in word):
        return True
    run = 0
    for ch in word:
        run = 0 if ch in vowels else run + 1
        if run >= 5:
            return True
    return False
