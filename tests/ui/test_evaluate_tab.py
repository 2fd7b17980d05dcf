"""The Evaluate tab's handler: the run's files as downloads, the default count spread over question types,
and the chat's marked answers offered and run as a question set.

Real on-disk fixture store, the fake embedder, extractive answers.
"""

from __future__ import annotations

import json
import zipfile
from collections import Counter

from eval.feedback_log import feedback_path
from eval.questions import bundled_sets, load_questions
from ui import handlers
from ui.feedback import save_feedback


def test_a_run_offers_its_report_results_summary_and_charts_as_files(fake_services, tmp_path):
    questions = tmp_path / "set.jsonl"
    questions.write_text("\n".join(json.dumps(q) for q in [
        {"id": "a", "question": "What did the Syrian army retake near Palmyra?", "answers": ["Tias"],
         "type": "factoid", "gold_articles": ["http://tass.com/world/929472"]},
        {"id": "b", "question": "Who won the 2031 Eurovision song contest?", "answers": [], "type": "unanswerable",
         "gold_articles": []}]) + "\n")
    summary, table, charts, downloads = handlers.evaluate(fake_services, None, str(questions), None, False)
    names = [p.name for p in downloads]
    assert names[0].endswith(".zip") and names[1:4] == ["report.md", "results.jsonl", "summary.json"]
    assert len(names) == 4 + len(charts) and all(n.endswith(".png") for n in names[4:])
    home = fake_services.settings.home
    assert all(not p.is_relative_to(home) for p in downloads)  # copies Gradio may serve, not the run folder
    assert "# Newsdesk evaluation" in downloads[1].read_text(encoding="utf-8")
    assert len(downloads[2].read_text(encoding="utf-8").splitlines()) == 2
    with zipfile.ZipFile(downloads[0]) as z:
        assert {n.split("/", 1)[1] for n in z.namelist()} >= {"report.md", "results.jsonl", "summary.json"}
    assert "Download the run" in summary


def test_ten_questions_of_the_demo_set_cover_its_types(fake_services):
    _, table, *_ = handlers.evaluate(fake_services, "demo", None, 10, True)
    demo = {q.question: q.type for q in load_questions(bundled_sets()["demo"])}
    types = Counter(demo[q] for q in table["question"])
    assert len(table) == 10 and len(types) == 8  # before: the file's first ten, all factoids


def test_marked_answers_are_offered_and_run_from_the_tab(fake_services):
    home = fake_services.settings.home
    assert handlers.FEEDBACK not in [v for _, v in handlers.eval_choices(home)]
    summary, *_ = handlers.evaluate(fake_services, handlers.FEEDBACK, None, None, True)
    assert "nd-error" in summary and "no feedback yet" in summary
    chat, convo = [], handlers.Conversation()
    for question in ("What did the Syrian army retake near Palmyra?", "How strong was Storm Doris?",
                     "Who opened the SPD campaign?"):
        *_, (chat, _, convo, _) = handlers.chat_turn(fake_services, question, chat, convo, None, None, None, 6)
    save_feedback(home, convo.answered, 1, "up")
    save_feedback(home, convo.answered, 2, "down", "94 mph")
    save_feedback(home, convo.answered, 3, "down")
    values = [v for _, v in handlers.eval_choices(home)]
    assert values[:2] == ["demo", handlers.FEEDBACK]
    summary, table, _, downloads = handlers.evaluate(fake_services, handlers.FEEDBACK, None, None, False)
    assert "2 questions (1 marked good, 1 marked wrong with an expected answer); 1 marked wrong without an expected answer skipped" in summary
    assert list(table["question"]) == ["What did the Syrian army retake near Palmyra?", "How strong was Storm Doris?"]
    assert table.loc[1, "expected"] == "94 mph" and downloads
    assert feedback_path(home).is_file() and (home / "eval" / "feedback-set.jsonl").is_file()
