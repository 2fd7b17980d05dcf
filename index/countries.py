"""Countries and the words news writes for them: "Turkey", "Turkish" and "Turkiye" are one place.

A question says "Turkey's foreign minister", the article "Turkish Foreign Minister Feridun Sinirlioğlu";
word stems keep the two apart, so the sentence that answers lost its keyword overlap to one that says
"Turkey said on its Foreign Ministry's website" and was never shown to the model (blind s32-08, "Who is
Turkey's foreign minister?", withheld). The names, demonyms and other one-word spellings of some 250
countries come from the `countryinfo` package's data (MIT), read once; two- and three-letter codes are
left out ("US", "IT" and "IN" are words too), and so are names of more than one word, whose words meet
on their own.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable

from index.text import content_words

# Shorter spellings are country codes, which are also English words.
_MIN_LETTERS = 4


@lru_cache(maxsize=1)
def _countries_of_stems() -> dict[str, frozenset[str]]:
    """Word stem → the countries it names (keys are the countries' folded names)."""
    from countryinfo import all_countries  # imported on first use: only overlap scoring needs it

    found: dict[str, set[str]] = {}
    for country in all_countries():
        info = country.info()
        name = str(info.get("name") or "")
        spellings = [name, str(info.get("demonym") or ""), *(str(s) for s in info.get("altSpellings") or ())]
        for spelling in spellings:
            words = content_words(spelling)
            if len(spelling.split()) == 1 and len(spelling) >= _MIN_LETTERS and spelling.isalpha() and len(words) == 1:
                found.setdefault(next(iter(words)), set()).add(name.lower())
    return {stem: frozenset(names) for stem, names in found.items()}


def countries_named(stems: Iterable[str]) -> set[str]:
    """The countries these word stems (`index.text.content_words`) name in any of their forms."""
    table = _countries_of_stems()
    return {country for stem in stems for country in table.get(stem, ())}


def words_met(asked: set[str], stems: set[str]) -> int:
    """How many of the `asked` word stems `stems` holds, a country met in any of its forms ("turkey" by
    "turkish")."""
    table = _countries_of_stems()
    named = countries_named(stems)
    return sum(1 for word in asked if word in stems or (table.get(word, frozenset()) & named))
