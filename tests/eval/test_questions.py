"""Loading and validating JSON Lines question sets."""

from __future__ import annotations

import json
from datetime import date

import pytest

from eval.questions import Question, QuestionSetError, load_questions, parse_lines, with_as_of, write_questions

GOOD = {"id": "q1", "question": "What did TASS report?", "answers": ["talks"], "type": "factoid",
        "gold_articles": ["https://tass.com/1"]}


def lines(*records: object) -> list[str]:
    return [r if isinstance(r, str) else json.dumps(r) for r in records]


def problems_of(*records: object) -> list[str]:
    with pytest.raises(QuestionSetError) as err:
        parse_lines(lines(*records), "set.jsonl")
    return err.value.problems


def test_full_record_round_trips(tmp_path):
    record = {**GOOD, "gold_evidence": "talks resumed", "history": [{"role": "user", "content": "Syria?"}],
              "filters": {"since": "2017-02-01", "until": "2017-02-28", "sources": ["TASS"]},
              "as_of": "2017-03-01", "note": "checked by reading the article"}
    q, = parse_lines(lines(record), "set.jsonl")
    assert q.gold_evidence == ("talks resumed",) and q.as_of == date(2017, 3, 1)
    assert (q.since, q.until, q.sources) == ("2017-02-01", "2017-02-28", ("TASS",))
    assert q.ask_options() == {"since": "2017-02-01", "until": "2017-02-28", "sources": ("TASS",),
                               "as_of": date(2017, 3, 1)}
    assert q.extra == {"note": "checked by reading the article"} and q.line == 1
    path = write_questions([q], tmp_path / "out.jsonl")
    again, = load_questions(path)
    assert again == q


def test_unanswerable_has_no_answers():
    q, = parse_lines(lines({**GOOD, "answers": [], "type": "unanswerable", "gold_articles": []}))
    assert not q.answerable
    assert "must be empty for type 'unanswerable'" in problems_of({**GOOD, "type": "unanswerable"})[0]


def test_errors_name_line_and_field():
    found = problems_of(GOOD, "", {**GOOD, "id": "q2", "answers": "x", "gold_articles": [3]},
                        "{not json", {k: v for k, v in GOOD.items() if k != "type"} | {"id": "q4"})
    assert found[0].startswith("set.jsonl:3: field 'gold_articles'")
    assert found[1].startswith("set.jsonl:4: malformed JSON")
    assert found[2] == "set.jsonl:5: field 'type': missing"


def test_bad_dates_filters_history_and_typos():
    found = problems_of({**GOOD, "as_of": "yesterday", "filters": {"since": "2017-03-01", "until": "2017-02-01",
                                                                   "outlet": "TASS"},
                         "history": [{"role": "bot", "content": "x"}], "gold_article": ["x"]})
    text = "\n".join(found)
    assert "field 'as_of': must be an ISO date" in text
    assert "field 'filters': since 2017-03-01 is after until 2017-02-01" in text
    assert "field 'filters.outlet': unknown filter" in text
    assert "field 'history': turn 0" in text
    assert "field 'gold_article': unknown field — did you mean 'gold_articles'?" in text


def test_duplicate_ids_rejected_with_both_lines():
    found = problems_of(GOOD, {**GOOD, "question": "Again?"})
    assert found == ["set.jsonl:2: field 'id': duplicate id 'q1' (first used on line 1)"]


def test_empty_file_and_non_object(tmp_path):
    (tmp_path / "empty.jsonl").write_text("\n\n")
    with pytest.raises(QuestionSetError, match="no questions"):
        load_questions(tmp_path / "empty.jsonl")
    assert "expected a JSON object" in problems_of("[1, 2]")[0]


def test_error_message_lists_all_problems():
    with pytest.raises(QuestionSetError) as err:
        parse_lines(lines({"id": "a"}), "s.jsonl")
    message = str(err.value)
    assert "s.jsonl: 4 problems" in message and "field 'question': missing" in message


def test_question_dataclass_defaults():
    q = Question("x", "Why?", ("because",), "factoid")
    assert q.answerable and q.ask_options() == {"since": None, "until": None, "sources": ()}


def test_a_pinned_day_asks_the_questions_that_give_none_as_of_it():
    own, plain = parse_lines(lines({**GOOD, "as_of": "2017-03-01"}, {**GOOD, "id": "q2"}), "set.jsonl")
    pinned = with_as_of([own, plain], date(2017, 4, 10))
    assert [q.as_of for q in pinned] == [date(2017, 3, 1), date(2017, 4, 10)]  # a question's own day wins
    assert with_as_of([own, plain], None) == [own, plain]
