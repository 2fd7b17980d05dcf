"""RealTimeQA: page and question conversion, choice picking, the scoreboard, a small end-to-end run."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

import pytest

from eval.benchmarks import realtimeqa as rt
from eval.benchmarks import realtimeqa_run as rt_run
from eval.benchmarks.benchmark import run_benchmark
from eval.runner import RunOptions
from qa.services import Services
from qa.settings import Settings


def write_week(folder: Path, week: str, questions: list[dict], pages: dict[str, list[dict]]) -> None:
    with (folder / f"{week}_qa.jsonl").open("w") as out:
        for q in questions:
            out.write(json.dumps(q) + "\n")
    with (folder / f"{week}_gcs.jsonl").open("w") as out:
        for qid, results in pages.items():
            out.write(json.dumps({"question_id": qid, "search_time": "x", "search_result": results}) + "\n")


def page(url, title, text, when="2022/06/12"):
    return {"url": url, "title": title, "text": text, "authors": ["A. Writer"], "publish_date": when}


@pytest.fixture
def mini(tmp_path) -> Path:
    data = tmp_path / "rtqa"
    data.mkdir()
    squid = "Netflix announced that the hit South Korean show Squid Game is officially coming back for a second season."
    usbc = ("Europe will require a single common charging standard for phones: European regulators announced "
            "that USB-C will be the one charger for all phones.")
    write_week(data, "20220617", [
        {"question_id": "20220617_0", "question_date": "2022/06/16", "question_source": "CNN",
         "question_sentence": "Which wildly popular show was recently green lit for a new season?",
         "choices": ["“Game of Thrones”", "“Squid Game”", "“Breaking Bad”", "“Friends”"], "answer": ["1"]},
        {"question_id": "20220617_1", "question_date": "2022/06/16", "question_source": "CNN",
         "question_sentence": "Which continent will require a single common charging standard for phones?",
         "choices": ["Europe", "North America", "Asia", "Africa"], "answer": ["0"]}],
        {"20220617_0": [page("https://www.cnn.com/squid", "Squid Game season 2 - CNN", squid),
                        page("https://www.cnn.com/ad", "Ad", "   ")],
         "20220617_1": [page("https://www.cnn.com/usbc", "EU charger rule - CNN", usbc),
                        page("https://www.cnn.com/squid", "Squid Game season 2 - CNN", squid[:50])]})
    write_week(data, "20220624", [
        {"question_id": "20220624_0", "question_date": "2022/06/23", "question_source": "USAtoday",
         "question_sentence": "Which city hosted the summit on ocean plastics?",
         "choices": ["Lisbon", "Oslo", "Lima", "Perth"], "answer": ["0"]}],
        {"20220624_0": [page("https://www.bbc.co.uk/news/ocean", "Ocean summit opens in Lisbon",
                             "The UN ocean conference on plastics opened in Lisbon on Monday.", None)]})
    return data


def test_pages_are_pooled_by_url_longest_text_kept(mini):
    pages = rt.convert_pages(mini)
    by_url = {r["url"]: r for r in pages.records}
    assert sorted(by_url) == ["https://www.bbc.co.uk/news/ocean", "https://www.cnn.com/squid", "https://www.cnn.com/usbc"]
    squid = by_url["https://www.cnn.com/squid"]
    assert squid["body"].endswith("second season.") and squid["published"] == "2022-06-12"
    assert squid["source"] == "CNN" and squid["author"] == "A. Writer"
    assert by_url["https://www.bbc.co.uk/news/ocean"]["source"] == "BBC"
    assert by_url["https://www.bbc.co.uk/news/ocean"]["published"] is None
    assert (pages.pages_seen, pages.duplicates, pages.skipped_empty) == (5, 1, 1)
    assert pages.urls_by_week["20220617"] == {"https://www.cnn.com/squid", "https://www.cnn.com/ad",
                                              "https://www.cnn.com/usbc"}


def test_write_records_only_when_changed(mini, tmp_path):
    records = rt.convert_pages(mini).records
    path = tmp_path / "out" / "pages.jsonl"
    assert rt.write_records(records, path) is True
    assert rt.write_records(records, path) is False
    assert len(path.read_text().splitlines()) == 3


def test_questions_in_our_format(mini):
    qs = {q.id: q for q in rt.convert_questions(mini)}
    q = qs["20220617_0"]
    assert q.answers == ("“Squid Game”",) and q.as_of == date(2022, 6, 16) and q.type == "CNN"
    assert q.gold_articles == ("https://www.cnn.com/squid", "https://www.cnn.com/ad")
    assert q.extra["week"] == "20220617" and q.extra["answer_index"] == [1]
    assert {q.extra["answer_in"] for q in qs.values()} == {rt.OWN_PAGES}
    mc = {q.id: q for q in rt.convert_questions(mini, choices=True)}["20220617_1"]
    assert mc.question.endswith("Answer with one of: A) Europe B) North America C) Asia D) Africa")


def test_iso_from_slashes():
    assert rt.iso_from_slashes("2022/06/12") == "2022-06-12"
    assert rt.iso_from_slashes("2022/13/40") is None and rt.iso_from_slashes(None) is None


@pytest.mark.parametrize("answer, expected", [
    ("B) “Squid Game” [1]", 1),
    ("The answer is (C).", 2),
    ("D", 3),
    ("Netflix renewed Squid Game for a second season [1].", 1),
    ("Friends, not Squid Game, was renewed.", 3),            # first option named wins
    ("A season of the game show squid was announced", 1),     # no exact name: best token F1
    ("The archive doesn't say.", None),
    ("", None),
])
def test_picked_choice(answer, expected):
    options = ["“Game of Thrones”", "“Squid Game”", "“Breaking Bad”", "“Friends”"]
    assert rt.picked_choice(answer, options) == expected


def test_true_false_and_blank_options():
    assert rt.with_choices("Is it so?", ["TRUE", "FALSE"]) == "Is it so?\nAnswer with one of: A) TRUE B) FALSE"
    assert rt.with_choices("Who?", ["Ann", "Bo", "Cy", "Di", ""]).endswith("D) Di")
    assert rt.picked_choice("Yes, the report confirms it [1].", ["TRUE", "FALSE"]) == 0
    assert rt.picked_choice("It did not happen [1].", ["TRUE", "FALSE"]) == 1
    assert rt.picked_choice("E) nobody", ["Ann", "Bo", "Cy", "Di", ""]) is None
    assert rt.names_only_correct("No, it did not [1].", ["TRUE", "FALSE"], [1])


def test_names_only_correct():
    options = ["Europe", "North America", "Asia", "Africa"]
    assert rt.names_only_correct("Europe will require USB-C [1].", options, [0])
    assert not rt.names_only_correct("Europe and Asia will [1].", options, [0])
    assert not rt.names_only_correct("Nobody will.", options, [0])


def test_held_out_probe_and_weeks(mini):
    qs = rt.convert_questions(mini)
    weeks = rt_run.choose_weeks(["20220617", "20220624"], 1, seed=3)
    assert weeks == rt_run.choose_weeks(["20220624", "20220617"], 1, seed=3) and len(weeks) == 1
    probes = rt_run.held_out_probe(qs, ["20220617"], 5, seed=0)
    assert [p.id for p in probes] == ["20220617_0@held-out", "20220617_1@held-out"]
    assert all(not p.answerable and p.type == rt.HELD_OUT_TYPE for p in probes)


def test_end_to_end_extractive_run_with_held_out_week(mini, tmp_path, fake_embedder):
    settings = Settings(home=tmp_path / "home", llm="none")
    services = Services(settings, embedder=fake_embedder)
    params = argparse.Namespace(data=str(mini), choices=True, abstain_sample=5, abstain_weeks=1)
    result = run_benchmark(rt_run.RealTimeQA(), services, params, RunOptions(quiet=True), out_dir=tmp_path / "run")
    records = {r["id"]: r for r in result.outcome.records}
    assert records["20220617_0"]["metrics"]["hits@1"] == 1.0
    usbc = records["20220617_1"]
    assert usbc["answer"].startswith("Europe will require") and usbc["metrics"]["mc_accuracy"] == 1.0
    board = result.summary["benchmark"]
    assert board["pages"]["unique"] == 3 and board["ours"]["n"] == 3
    held = [r for r in records.values() if r["type"] == rt.HELD_OUT_TYPE]
    assert held and all(r["answerable"] is False for r in held)
    # the held-out archive really lacks that week's pages
    week = board["held_out_weeks"][0]
    dropped = rt.convert_pages(mini).urls_by_week[week]
    assert all(not (set(p["url"] for p in r["retrieved"]) & dropped) for r in held)
    report = result.files.report_path.read_text()
    assert "## RealTimeQA scoreboard" in report and "| 0.732 | 0.378 | 0.475 |" in report
    assert "**Newsdesk, this run**" in report
    # second run reuses the stores: no chunk is embedded again (only queries and evidence sentences)
    calls: list[list[str]] = []
    encode = fake_embedder.encode
    fake_embedder.encode = lambda texts: (calls.append(list(texts)), encode(texts))[1]
    params = argparse.Namespace(data=str(mini), choices=False, abstain_sample=5, abstain_weeks=1)
    second = run_benchmark(rt_run.RealTimeQA(), services, params, RunOptions(quiet=True, retrieval_only=True),
                           out_dir=tmp_path / "run2")
    questions = {r["question"] for r in second.outcome.records}
    # every encoding is a question: alone (its query vector) or heading its evidence sentences
    assert calls and all(call[0] in questions for call in calls)
    assert questions == {call[0] for call in calls if len(call) == 1}
    assert all("evidence_recall" in r["metrics"] for r in second.outcome.records if r["answerable"])


def test_conversion_of_real_weeks(shared_dir):
    data = shared_dir / "realtimeqa" / "2022"
    pages = rt.convert_pages(data)
    assert pages.pages_seen == 2791 and 2400 <= len(pages.records) <= 2471
    assert all(r["url"].startswith("http") and r["body"].strip() for r in pages.records)
    squid = next(r for r in pages.records if r["url"] == "https://www.cnn.com/2022/06/12/media/squid-game-season-2/index.html")
    assert squid["published"] == "2022-06-12" and squid["source"] == "CNN"
    qs = rt.convert_questions(data)
    assert len(qs) == 399 and len({q.id for q in qs}) == 399
    assert len(rt.convert_questions(data, choices=True)) == 399  # 2- and 5-option items included
    first = next(q for q in qs if q.id == "20220617_0")
    assert first.answers == ("“Squid Game”",) and first.as_of == date(2022, 6, 16)
    assert "https://www.cnn.com/2022/06/12/media/squid-game-season-2/index.html" in first.gold_articles
    assert {q.type for q in qs} == {"CNN", "USAtoday", "THE WEEK"}
    # where the answers are (README, RealTimeQA): the ceiling of answer recall
    where = [q.extra["answer_in"] for q in qs]
    assert (where.count(rt.OWN_PAGES), where.count(rt.OTHER_PAGES), where.count(rt.NOWHERE)) == (238, 90, 71)


def test_the_short_answer_is_the_pick_and_the_sentences_count_only_without_one():
    from types import SimpleNamespace

    from eval.questions import Question

    q = Question(id="q", question="How old is he?", answers=("101",), type="quiz", extra={"choices": ["98", "100", "101", "102"],
                                                                          "answer_index": [2]})
    text = "He was 100 when charged and is 101 now [1]."  # names 100 first
    said = rt.extra_scores(q, [], SimpleNamespace(abstained=False, text=text, short_answer="101"))
    assert said["mc_accuracy"] == 1.0 and said["short_mc_accuracy"] == 1.0
    unsaid = rt.extra_scores(q, [], SimpleNamespace(abstained=False, text=text, short_answer=None))
    assert unsaid["mc_accuracy"] == 0.0  # the first option the sentences name
    quiz = Question(id="t", question="True?", answers=("TRUE",), type="quiz", extra={"choices": ["TRUE", "FALSE"], "answer_index": [0]})
    yes = rt.extra_scores(quiz, [], SimpleNamespace(abstained=False, text="Yes, it did [1].", short_answer="Yes"))
    assert yes["mc_accuracy"] == 1.0
    none = rt.extra_scores(q, [], SimpleNamespace(abstained=True, text="The archive doesn't say.", short_answer=None))
    assert none["mc_accuracy"] == 0.0 and none["no_choice_picked"] == 1.0


def test_where_the_answer_is_and_recall_where_it_can_be_reached():
    from types import SimpleNamespace

    from eval.questions import Question

    own, other = [" squid game is back for a second season "], [" the squid game set in seoul ", " europe votes "]
    assert rt._answer_in(["“Squid Game”"], own, own + other) == rt.OWN_PAGES
    assert rt._answer_in(["Europe"], own, own + other) == rt.OTHER_PAGES
    assert rt._answer_in(["Burmese python"], own, own + other) == rt.NOWHERE  # the pages say "snake"
    q = Question(id="q", question="Which show?", answers=("Squid Game",), type="quiz",
                 extra={"choices": ["Squid Game", "Friends"], "answer_index": [0], "answer_in": rt.OWN_PAGES})
    assert rt.extra_scores(q, [], None) == {"answer_in_own_pages": 1.0, "answer_in_archive": 1.0}  # retrieval-only
    elsewhere = Question(id="e", question="Which continent?", answers=("Europe",), type="quiz",
                         extra={"choices": ["Europe", "Asia"], "answer_index": [0], "answer_in": rt.OTHER_PAGES})
    assert rt.extra_scores(elsewhere, [], None) == {"answer_in_own_pages": 0.0, "answer_in_archive": 1.0}
    # the scoreboard's answer recall@10 over the questions whose own pages hold the answer
    def record(qid, own, found):
        return {"id": qid, "type": "quiz", "metrics": {"answer_in_own_pages": own, "answer_in_archive": 1.0,
                                                       "answer_recall@10": found}}
    records = [record("a", 1.0, 1.0), record("b", 1.0, 0.0), record("c", 0.0, 1.0), record("d", 0.0, 0.0)]
    _, summary = rt_run.scoreboard(records, choices=False, pages=rt.PageSet([], {}), weeks=[], selection="all")
    ours = summary["benchmark"]["ours"]
    assert ours["answer_recall@10_own_pages"] == 0.5 and ours["answer_in_own_pages"] == 0.5
    assert ours["answer_recall@10"] == 0.5 and ours["answer_in_archive"] == 1.0
