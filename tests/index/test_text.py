"""The shared text helpers: folding, stopwords, content words, sentence splitting, JSON Lines."""

from __future__ import annotations

import json
import random
import unicodedata

import pytest

from index.text import (STOPWORDS, TOO_DEEP, content_words, fold, json_line, json_lines, split_sentences,
                        write_jsonl)


def test_fold_strips_accents_and_case_and_maps_letters_without_diacritics():
    assert fold("Davutoğlu") == "davutoglu"
    assert fold("İstanbul ŞIŞLI") == "istanbul sisli"
    assert fold("Straße Ørsted Łódź Æsir Œuvre Đoković þing") == "strasse orsted lodz aesir oeuvre dokovic thing"
    assert fold("ﬁve") == "five"  # NFKD splits ligatures


def test_stopwords_are_folded_function_words():
    assert {"the", "of", "said", "would"} <= STOPWORDS
    assert all(word == fold(word) for word in STOPWORDS)
    assert not {"syria", "attack", "train"} & STOPWORDS


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize("text, expected", [
    ("Russia struck on Oct. 2, officials said. The U.S. State Department objected.",
     ["Russia struck on Oct. 2, officials said.", "The U.S. State Department objected."]),
    ("Mr. Kerry met Dr. Lavrov in St. Petersburg. They talked.",
     ["Mr. Kerry met Dr. Lavrov in St. Petersburg.", "They talked."]),
    ("Growth was 3.5 percent. Inflation was 2.1 percent.", ["Growth was 3.5 percent.", "Inflation was 2.1 percent."]),
    ("He moved to the U.S. The move was sudden.", ["He moved to the U.S.", "The move was sudden."]),
    ("He met U.N. Secretary-General Guterres.", ["He met U.N. Secretary-General Guterres."]),
    ("He lives at No. 10 Downing Street. The answer was no. Then he left.",
     ["He lives at No. 10 Downing Street.", "The answer was no.", "Then he left."]),
    ("“The outcome is very worrisome,” Davutoğlu said. “We will act.” Nobody replied.",
     ["“The outcome is very worrisome,” Davutoğlu said.", "“We will act.”", "Nobody replied."]),
    ('He said "we will win." Then he left.', ['He said "we will win."', "Then he left."]),
    ("J. K. Rowling wrote it. Gen. Mattis agreed.", ["J. K. Rowling wrote it.", "Gen. Mattis agreed."]),
    ("Really? Yes! It was. [2] Next.", ["Really?", "Yes!", "It was. [2]", "Next."]),
    ("A headline without a stop\n\nThe body starts here.", ["A headline without a stop", "The body starts here."]),
    ("It rained at 5 p.m. Tuesday in the city.", ["It rained at 5 p.m. Tuesday in the city."]),
    ("lower case after a stop. still one sentence", ["lower case after a stop. still one sentence"]),
    ("   ", []),
    ("", []),
])
def test_split_sentences(text, expected):
    assert sentences(text) == expected


def test_spans_are_stripped_slices():
    text = "  First one.   Second one.  \n\n Third.  "
    for s, e in split_sentences(text):
        assert text[s:e] == text[s:e].strip() and text[s:e]


def test_content_words_fold_accents_drop_stopwords_and_stem():
    assert content_words("What did Davutoğlu tell them about the strikes?") == {"davutoglu", "tell", "strike"}
    assert content_words("attacked cities") == content_words("attacks on a city")


def test_content_words_stem_as_the_keyword_index_does():
    from index.keyword_index import query_words

    for text in ("the evening news", "organized international realization", "adding pasted universities",
                 "Davutoğlu's strikes were attacked"):
        assert content_words(text) == set(query_words(text))
    # NLTK's stemmer (used before) made "evening" meet "even" and "organized" meet "organ"
    assert content_words("evening") != content_words("even")
    assert content_words("organized") != content_words("organ")


def test_stemming_imports_no_nltk():
    import subprocess
    import sys

    script = ("import sys; from index.text import content_words; content_words('attacked cities'); "
              "print('nltk' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True).stdout.split() == ["False"]


def test_content_words_ignore_single_letters_but_keep_numbers_of_two_digits():
    assert content_words("A B 7 12 strikes") == {"12", "strike"}


def test_json_lines_numbers_lines_skips_blanks_and_returns_errors():
    lines = ['{"a": 1}', "", "   ", "{broken", "[" * 100000, '"text"']
    parsed = list(json_lines(lines))
    assert [n for n, _ in parsed] == [1, 4, 5, 6]
    assert parsed[0][1] == {"a": 1} and parsed[3][1] == "text"
    assert isinstance(parsed[1][1], json.JSONDecodeError) and parsed[1][1].colno == 2
    assert isinstance(parsed[2][1], json.JSONDecodeError) and parsed[2][1].msg == TOO_DEEP


def test_json_line_keeps_non_ascii_and_ends_the_line():
    assert json_line({"title": "Davutoğlu", "n": 1}) == '{"title": "Davutoğlu", "n": 1}\n'


def test_write_jsonl_round_trips_and_replaces_atomically(tmp_path):
    target = tmp_path / "set.jsonl"
    target.write_text("old\n", encoding="utf-8")
    records = [{"id": "q1", "text": "Şişli"}, {"id": "q2", "text": "two"}]
    write_jsonl(records, target)
    assert [r for _, r in json_lines(target.read_text(encoding="utf-8").splitlines())] == records
    assert "Şişli" in target.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["set.jsonl"]  # no temporary file left behind


def _fold_by_definition(text: str) -> str:
    """What `fold` means, written the slow obvious way: extra letters, NFKD, marks dropped, casefold."""
    extra = {"ı": "i", "İ": "i", "ß": "ss", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l",
             "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "đ": "d", "Đ": "d", "þ": "th"}
    text = unicodedata.normalize("NFKD", "".join(extra.get(c, c) for c in text))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def test_fold_fast_paths_equal_the_definition_on_random_unicode():
    rng = random.Random(7)
    pools = [(32, 126), (0xA0, 0x2FFF), (0x300, 0x36F), (0x1F00, 0x1FFF), (0x10000, 0x1FFFF), (0x0590, 0x06FF)]
    for _ in range(5000):
        text = "".join(chr(rng.randint(*rng.choice(pools))) for _ in range(rng.randint(0, 40)))
        assert fold(text) == _fold_by_definition(text), text
    for text in ["Davutoğlu ŞİŞLİ “quoted” ’s", "Straße Øresund Łódź Œuvre þing đ", "plain ASCII Text", ""]:
        assert fold(text) == _fold_by_definition(text)


def test_without_sentences_drops_the_picked_ones_and_leaves_untouched_text_alone():
    from index.text import without_sentences

    text = "Storm Doris hit Britain.  The fact that shows it is [1]. Winds reached 94 mph."
    assert without_sentences(text, lambda s: "fact" in s) == "Storm Doris hit Britain. Winds reached 94 mph."
    assert without_sentences(text, lambda s: False) == text  # spacing kept when nothing is dropped
    assert without_sentences(text, lambda s: True) == ""
