"""Text helpers shared by the index and the answering stages.

Folding (accents and case) and stopwords serve keyword search and every word
overlap in `qa`; sentence splitting serves evidence selection, citations and
quotes; JSON Lines reading and writing serve article readers, question sets,
the demo archive and eval's result files. They live here, in one place, so
the keyword index and the verifier never disagree about what a word or a
sentence is. (Not to be confused with `index/readers/text.py`, the reader of
plain-text articles.)
"""

from __future__ import annotations

import json
import os
import re
import sys
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator

# -- words ----------------------------------------------------------------------
_EXTRA_FOLDS_MAP = {"ı": "i", "İ": "i", "ß": "ss", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l",
                    "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "đ": "d", "Đ": "d", "þ": "th"}
_EXTRA_FOLD_CHARS = re.compile("[" + "".join(_EXTRA_FOLDS_MAP) + "]")
WORD = re.compile(r"\w+", re.UNICODE)
# A run of capitalised words, "of" / "of the" allowed inside: "Turkish Foreign Minister Feridun Sinirlioğlu",
# "the United Nations" after "the", "Secretary of State".
CAPITALISED_RUN = r"[A-Z][\w.'’\-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w.'’\-]*)*"


def joined_to_participle(run: str) -> bool:
    """True when a capitalised run ends in a word joined to a participle or adjective ("the U.S.-led",
    "Russian-backed"): it modifies the noun after it, and names no place or thing of its own."""
    return bool(re.search(r"-[a-z]+$", run))

STOPWORDS = frozenset(
    "a an and are as at be been but by did do does for from had has have he her his how i if in into is it its "
    "me more most my no not of on or our out she so than that the their them then there these they this those to "
    "up was we were what when where which who whom why will with would you your about after before over said says "
    "any all can could should may might also just than very".split()
)


def fold(text: str) -> str:
    """Lower-case, accent-free form of `text` used for keyword matching.

    Letters without a diacritic to strip (Turkish `ı`, `ß`, `ø`, …) are mapped
    too, so `Davutoglu` meets `Davutoğlu` and `Sisli` meets `Şişli`.
    """
    # Fast paths, same result: ASCII has nothing to decompose or strip, and the
    # regexes scan in C where a per-character Python test cost a third of the
    # write path's CPU outside encoding (10k-chunk build under cProfile, 2026-12-02).
    if not text.isascii():
        text = _EXTRA_FOLD_CHARS.sub(lambda m: _EXTRA_FOLDS_MAP[m.group()], text)
        text = unicodedata.normalize("NFKD", text)
        if not text.isascii():
            text = _combining_marks().sub("", text)
    return text.casefold()


@lru_cache(maxsize=1)
def _combining_marks() -> re.Pattern[str]:
    """A character class of every code point `unicodedata.combining` calls a mark (built once, ~0.1 s)."""
    ranges: list[list[int]] = []
    for code in range(sys.maxunicode + 1):
        if unicodedata.combining(chr(code)):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return re.compile("[" + "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "")
                                    for a, b in ranges) + "]")


@lru_cache(maxsize=1)
def _stemmer():
    # tantivy's Snowball English stemmer, the one the keyword index stems with (index/keyword_index.py),
    # so a word overlap and a keyword search agree on what a word is. It replaced NLTK's, which
    # differed on 150 of the 90,546 words of the demo and RealTimeQA archives ("evening" → "even",
    # "organized" → "organ", "international" → "intern") and cost 1.2-1.5 s of import per command.
    import tantivy

    return tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.raw()).filter(tantivy.Filter.stemmer("english")).build()


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    stems = _stemmer().analyze(word)
    return stems[0] if stems else word


def content_words(text: str) -> set[str]:
    """Stems of the accent-folded words that carry meaning (no stopwords).

    Stemmed so that "attacked" in a question meets "attacks" in an article.
    """
    return {_stem(w) for w in WORD.findall(fold(text)) if w not in STOPWORDS and len(w) > 1}


# -- sentences ------------------------------------------------------------------
# Words whose period does not end a sentence ("Mr. Kerry", "Oct. 2", "Gen. Mattis").
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sen rep gov gen col lt sgt capt cmdr adm maj st jr sr rev hon pres supt insp det "
    "vs etc inc ltd co corp bros dept est approx fig jan feb mar apr jun jul aug sep sept oct nov dec "
    "mt ft ave blvd rd".split())
# Abbreviations that only precede a number ("No. 10", "Vol. 3"); elsewhere the period ends a sentence.
_NUMBER_ABBREVIATIONS = frozenset("no nos vol pp p art".split())
# After a dotted acronym ("U.S.") these words start a new sentence; other capitalised words
# ("U.S. State Department") continue it.
_SENTENCE_STARTERS = frozenset(
    "the a an he she it they we i this that these those but and in on at after before when while however "
    "meanwhile his her their its there our as if for on".split())
# A candidate boundary: . ! ? (plus closing quotes/brackets and citation markers like [2])
# followed by space and a capital, digit or opening quote; or a paragraph break.
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?:\s*\[\d{1,3}(?:\s*[,;]\s*\d{1,3})*\])*(?=\s+[\"'“‘(\[]?[A-Z0-9])"
                       r"|\n\s*\n")


def _ends_sentence(text: str, start: int, match: re.Match[str]) -> bool:
    """False when the period at `match` belongs to an abbreviation, initial or acronym."""
    if text[match.start()] != "." or match.group(0).startswith("\n"):
        return True
    if match.end() - match.start() > 1 and text[match.start():match.end()].rstrip(".") == "":
        return True  # "..." or "?." style endings
    token_match = re.search(r"([\w.]+)\.$", text[start:match.start() + 1])
    if not token_match:
        return True
    token = token_match.group(1).lower()
    following = re.match(r"\s+[\"'“‘(]?([\w]+)", text[match.end():])
    next_word = following.group(1) if following else ""
    if token in _NUMBER_ABBREVIATIONS:
        return not next_word[:1].isdigit()
    if token in _ABBREVIATIONS:
        return False
    if "." in token:  # U.S, U.N, e.g, a.m: an acronym ends a sentence only before a sentence starter
        return next_word.casefold() in _SENTENCE_STARTERS
    return len(token) > 1 or not token.isalpha()  # "J. K. Rowling": initials


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of `text`, stripped of surrounding space.

    Abbreviations (U.S., Oct. 2, Mr.), initials, decimals and closing quotes are
    handled; a paragraph break always ends a sentence.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if not _ends_sentence(text, start, match):
            continue
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(text)))
    return [span for s, e in spans if (span := stripped_span(text, s, e))[1] > span[0]]


def stripped_span(text: str, start: int, end: int) -> tuple[int, int]:
    """text[start:end]'s span without the white space around it (empty when it is all white space)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def without_sentences(text: str, drop: Callable[[str], bool]) -> str:
    """`text` without the sentences `drop` picks, the others joined by a space ("" when it picks all);
    `text` unchanged, spacing and all, when it picks none."""
    spans = split_sentences(text)
    kept = [text[s:e] for s, e in spans if not drop(text[s:e])]
    return text if len(kept) == len(spans) else " ".join(kept)


# -- JSON Lines -----------------------------------------------------------------
# json's C parser raises RecursionError (not a JSONDecodeError) past ~1,000 levels;
# `"[" * 200000` used to end the whole ingest with a traceback.
TOO_DEEP = "arrays or objects nested too deeply"


def json_lines(lines: Iterable[str]) -> Iterator[tuple[int, object | json.JSONDecodeError]]:
    """(1-based line number, parsed value or the JSON error) for each non-empty line.

    Shared by every JSON Lines reader (articles, question sets, benchmark
    files) so a bad line is reported, never fatal, the same way everywhere.
    """
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, exc
        except RecursionError:
            yield number, json.JSONDecodeError(TOO_DEEP, line, 0)


def json_line(record: object) -> str:
    """`record` as one JSON Lines line: non-ASCII text kept as is, newline-terminated."""
    return json.dumps(record, ensure_ascii=False) + "\n"


def write_jsonl(records: Iterable[object], target: Path) -> None:
    """Write records as JSON Lines, atomically (a reader sees the old file or the whole new one)."""
    tmp = target.with_name(target.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json_line(record))
    os.replace(tmp, target)
