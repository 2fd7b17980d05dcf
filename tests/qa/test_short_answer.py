"""The short-answer line: parsing, taking it off a stream in any piece sizes, and checking it against quotes."""

from __future__ import annotations

import pytest

from qa.short_answer import ShortLineSplitter, parse_short_line, short_answer_supported, split_reply


@pytest.mark.parametrize("line, short", [
    ("Short answer: 10th Circuit", "10th Circuit"),
    ("short answer: Yes [1].", "Yes"),
    ("**Short answer:** Khalid Masood", "Khalid Masood"),
    ("Short Answer - March 22, 2017.", "March 22, 2017"),
    ("The court is the 10th Circuit [1].", None),
    ("Short answer: " + "word " * 20, None),
    ("Short answer:", None),
])
def test_parse_short_line(line, short):
    assert parse_short_line(line) == short


def test_split_reply():
    assert split_reply("Short answer: Denver\nGorsuch sits in Denver [1].") == ("Denver", "Gorsuch sits in Denver [1].")
    assert split_reply("Gorsuch sits in Denver [1].") == (None, "Gorsuch sits in Denver [1].")


def stream(reply: str, size: int) -> tuple[str | None, str]:
    splitter, shown, short = ShortLineSplitter(), "", None
    for i in range(0, len(reply), size):
        found, text = splitter.feed(reply[i:i + size])
        short = short or found
        shown += text
    found, text = splitter.flush()
    return short or found, shown + text


@pytest.mark.parametrize("size", [1, 2, 3, 7, 100])
def test_splitter_takes_the_line_off_whatever_the_piece_size(size):
    reply = "Short answer: 94 mph\nWinds of up to 94 mph were recorded in Wales [2]. It hit on Thursday [1]."
    assert stream(reply, size) == ("94 mph", "Winds of up to 94 mph were recorded in Wales [2]. It hit on Thursday [1].")


@pytest.mark.parametrize("size", [1, 4, 100])
def test_splitter_passes_a_reply_without_the_label_unchanged(size):
    reply = "Storm Doris hit Britain on Thursday [1]. Winds of up to 94 mph [2]."
    assert stream(reply, size) == (None, reply)


def test_splitter_releases_text_early_when_the_reply_is_not_labelled():
    splitter = ShortLineSplitter()
    assert splitter.feed("Sho") == (None, "")  # could still become "Short answer:"
    assert splitter.feed("rtly ") == (None, "Shortly ")  # cannot any more: shown at once


def test_a_labelled_line_too_long_to_be_short_is_shown_without_its_label():
    reply = "Short answer: " + "The storm hit the whole of Britain with very strong winds on a Thursday in February [1]."
    assert stream(reply, 5) == (None, reply[len("Short answer: "):])


@pytest.mark.parametrize("short, quotes, ok", [
    ("94 mph", ["Winds of up to 94 mph were recorded in Wales."], True),
    ("Wales", ["Winds of up to 94 mph were recorded in Wales."], True),
    ("the 10th Circuit", ["He is a judge on the 10th Circuit Court of Appeals in Denver."], True),
    ("Denver, 10th Circuit", ["He is a judge on the 10th Circuit Court of Appeals in Denver."], True),
    ("120 mph", ["Winds of up to 94 mph were recorded in Wales."], False),
    ("Cardiff", ["Winds of up to 94 mph were recorded in Wales."], False),
    ("Yes", ["Anything."], True),
    ("Davutoglu", ["Turkish Foreign Minister Davutoğlu said."], True),
    ("270 km/h", ["Gusts reached 270 kilometres per hour."], True),
    ("94 miles per hour", ["Winds of up to 94mph were recorded in Wales."], True),
    ("$2.4 million", ["The fine was $2.4m."], True),
    ("20.4bn won", ["Samsung gave 20.4 billion won."], True),
    ("270 km/h", ["Gusts reached 270 miles per hour."], False),
    ("$2.4 million", ["The fine was $2.4bn."], False),
    # a place name as its people or adjective
    ("Europe", ["European regulators say phone makers must use one charger."], True),
    ("Canada", ["The Canadian government will print a warning on each cigarette."], True),
    ("Germany", ["The German chancellor arrived."], True),
    ("China", ["Chinese officials said."], True),
    ("China", ["He lifted his chin."], False),
    ("Niger", ["Nigeria's president said."], False),
    ("Iran", ["Iraqi forces advanced."], False),
    ("Europe", ["Asian markets fell."], False),
    ("True", ["Anything."], True),
    ("17 years old", ["A 17-year-old has become the youngest person to fly around the world solo."], True),
    ("three months", ["The talks could last 3 months."], True),
    ("17 years old", ["A 16-year-old has become the youngest."], False),  # a quiz's True/False is judged like Yes/No, by the sentence after it
    # a month as news abbreviates it (AP style: "Oct. 2", "Sept. 20")
    ("October 2", ["Russia continued air strikes for a third day on Oct. 2."], True),
    ("Oct. 1", ["Sinirlioglu met with Kerry in New York on October 1."], True),
    ("2017-09-20", ["The court sat on Sept. 20."], True),
    ("2015-10-1", ["Sinirlioglu met with Kerry in New York on Oct. 1 to discuss Syria."], True),  # not zero-padded
    ("2015-10-1", ["Sinirlioglu met with Kerry in New York on Oct. 11 to discuss Syria."], False),
    ("October 3", ["Russia continued air strikes for a third day on Oct. 2."], False),
    ("May 5", ["Theresa May said on 6 May that talks would go on."], False),
    # ordinals as words and figures (held-out s5-01), never the cardinal: a third day is no 3 days
    ("3rd day", ["Russia continued air strikes for a third day on Oct. 2."], True),
    ("first", ["It was the 1st raid on Raqqa."], True),
    ("3", ["Russia continued air strikes for a third day on Oct. 2."], False),
    ("4th day", ["Russia continued air strikes for a third day on Oct. 2."], False),
])
def test_short_answer_supported(short, quotes, ok):
    assert short_answer_supported(short, quotes) is ok


def test_short_answer_logprobs_are_those_of_the_answer_tokens_on_the_labelled_line():
    from qa.short_answer import short_answer_logprobs

    opening = [("\n", -0.3), ("Short", -0.5), (" answer", 0.0), (":", 0.0), (" **", -0.2), ("End", -1.3),
               ("a", 0.0), (" Kenny", -0.1), ("**", -0.4), ("\n", -0.7), ("End", -2.0)]
    assert short_answer_logprobs(opening) == [-1.3, 0.0, -0.1]


def test_short_answer_logprobs_are_empty_without_a_labelled_first_line():
    from qa.short_answer import short_answer_logprobs

    assert short_answer_logprobs([("Nor", -0.2), ("fish", 0.0), ("\n", -0.1)]) == []
    assert short_answer_logprobs([]) == []
    # The label, then the opening ran out mid-answer: the tokens seen so far count.
    assert short_answer_logprobs([("Short", 0.0), (" answer", 0.0), (":", 0.0), (" 6", -0.9), (".", -0.1)]) == [-0.9]
