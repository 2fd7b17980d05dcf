"""`newsdesk eval`: argument routing, help, exit statuses, and a real retrieval-only run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qa.settings import Settings
from ui.cli import build_parser, main

QUESTIONS = [
    {"id": "syria", "question": "Where did the Syria peace talks resume?", "answers": ["Astana"], "type": "factoid",
     "gold_articles": ["https://tass.com/1"]},
    {"id": "doris", "question": "How strong were the winds of Storm Doris?", "answers": ["94 mph"],
     "type": "factoid", "gold_articles": ["Storm Doris hits Britain"], "gold_evidence": ["winds of 94 mph"]},
    {"id": "none", "question": "Who won the 2030 cricket world cup final in Lagos?", "answers": [],
     "type": "unanswerable", "gold_articles": []},
]
ARTICLES = [
    {"url": "https://tass.com/1", "title": "Syria talks resume in Astana", "source": "TASS",
     "published": "2017-02-15", "body": "Syria peace talks resumed in Astana on Wednesday. Russia, Turkey and Iran "
                                        "sponsored the talks between the government and the armed opposition."},
    {"url": "https://bbc.co.uk/2", "title": "Storm Doris hits Britain", "source": "BBC", "published": "2017-02-23",
     "body": "Storm Doris brought winds of 94 mph to Britain. Trains were cancelled across the north of England."},
    {"url": "https://dw.com/3", "title": "German election campaign opens", "source": "DW", "published": "2017-03-01",
     "body": "Martin Schulz opened the SPD election campaign in Berlin. He promised fairer pensions."},
]


@pytest.fixture
def qfile(tmp_path) -> Path:
    path = tmp_path / "set.jsonl"
    path.write_text("".join(json.dumps(q) + "\n" for q in QUESTIONS))
    return path


@pytest.fixture
def fake(monkeypatch):
    """`newsdesk eval` answering with the word-overlap FakeQA instead of the models."""
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "eval"))
    from eval_fakes import FakeQA

    qa = FakeQA()
    monkeypatch.setattr("qa.services.Services.answerer", lambda services, **kw: qa)
    return qa


def test_question_set_routes_to_run_and_subcommands_stay_subcommands():
    parser = build_parser()
    args = parser.parse_args(["eval", "q.jsonl", "--limit", "2", "--retrieval-only"])
    assert (args.eval_command, args.questions, args.limit, args.retrieval_only) == ("run", "q.jsonl", 2, True)
    assert parser.parse_args(["eval", "run", "compare"]).questions == "compare"  # a file named 'compare'
    args = parser.parse_args(["eval", "compare", "A", "B"])
    assert (args.eval_command, args.run_a, args.run_b) == ("compare", "A", "B")
    args = parser.parse_args(["eval", "realtimeqa", "--choices", "--sample", "150", "--seed", "1"])
    assert args.choices and args.sample == 150 and args.handler.__name__ == "cmd_benchmark" and args.benchmark.name == "realtimeqa"
    assert parser.parse_args(["eval", "multihop-rag", "--data", "d"]).data == "d"


def test_help_teaches_both_forms(capsys):
    assert main(["eval"]) == 2
    text = capsys.readouterr().out
    assert "newsdesk eval QUESTIONS.jsonl [options]" in text and "newsdesk eval compare RUN_A RUN_B" in text
    with pytest.raises(SystemExit) as done:
        main(["eval", "compare", "--help"])
    assert done.value.code == 0 and "usage: newsdesk eval compare" in capsys.readouterr().out


def test_bad_question_set_names_line_and_field(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(QUESTIONS[0]) + "\n" + json.dumps({**QUESTIONS[1], "answers": 5}) + "\n")
    assert main(["eval", str(bad), "--home", str(tmp_path)]) == 2
    assert f"{bad}:2: field 'answers': must be a list of strings" in capsys.readouterr().err
    assert main(["eval", str(tmp_path / "missing.jsonl")]) == 2
    assert "no such question set file" in capsys.readouterr().err
    assert main(["eval", str(bad), "--limit", "0"]) == 2


def test_run_resume_compare_and_json(fake, qfile, tmp_path, capsys):
    out = tmp_path / "run"
    assert main(["eval", str(qfile), "--home", str(tmp_path), "--out", str(out), "-q"]) == 0
    printed = capsys.readouterr().out
    assert "article Hits@1" in printed and f"report: {out / 'report.md'}" in printed
    assert (out / "report.md").exists() and (out / "summary.json").exists()
    assert main(["eval", str(qfile), "--home", str(tmp_path), "--out", str(out), "-q"]) == 2
    assert "--resume" in capsys.readouterr().err
    assert main(["eval", str(qfile), "--home", str(tmp_path), "--out", str(out), "-q", "--resume", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["questions"] == 3 and summary["overall"]["metrics"]["hits@1"] == 1.0
    assert main(["eval", "compare", str(out), str(out)]) == 0
    assert "flipped questions: 0" in capsys.readouterr().out
    assert main(["eval", "compare", str(out), str(tmp_path / "nothing")]) == 2


def test_as_of_pins_the_day_the_questions_are_asked(fake, qfile, tmp_path, capsys):
    out = tmp_path / "pinned"
    assert main(["eval", str(qfile), "--home", str(tmp_path), "--out", str(out), "-q", "--retrieval-only",
                 "--as-of", "2017-03-31"]) == 0
    records = [json.loads(line) for line in (out / "results.jsonl").read_text().splitlines()]
    assert {r["filters"]["as_of"] for r in records} == {"2017-03-31"}
    assert main(["eval", str(qfile), "--home", str(tmp_path), "-q", "--as-of", "31/03/2017"]) == 2
    assert "--as-of must be a date like 2017-03-01, got '31/03/2017'" in capsys.readouterr().err


def test_default_out_and_resume_latest(fake, qfile, tmp_path, capsys):
    assert main(["eval", str(qfile), "--home", str(tmp_path), "-q", "--retrieval-only"]) == 0
    runs = list((tmp_path / "eval").glob("set-retrieval-*"))
    assert len(runs) == 1
    assert main(["eval", str(qfile), "--home", str(tmp_path), "-q", "--retrieval-only", "--resume"]) == 0
    assert list((tmp_path / "eval").glob("set-retrieval-*")) == runs  # resumed the same folder


def test_failed_and_interrupted_exit_statuses(fake, qfile, tmp_path, capsys, monkeypatch):
    boom = tmp_path / "boom.jsonl"
    boom.write_text(json.dumps({**QUESTIONS[0], "question": "boom"}) + "\n" + json.dumps(QUESTIONS[1]) + "\n")
    assert main(["eval", str(boom), "--home", str(tmp_path), "-q", "--out", str(tmp_path / "b")]) == 1
    assert "1 question(s) failed" in capsys.readouterr().err

    def interrupt(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(fake, "answer", interrupt)
    assert main(["eval", str(qfile), "--home", str(tmp_path), "-q", "--out", str(tmp_path / "i")]) == 130
    assert f"--resume --out {tmp_path / 'i'}" in capsys.readouterr().err


def test_benchmark_data_problems_are_one_line(tmp_path, capsys):
    data = tmp_path / "mh"
    data.mkdir()
    assert main(["eval", "multihop-rag", "--data", str(data), "--home", str(tmp_path)]) == 2
    assert "lacks corpus.json and MultiHopRAG.json" in capsys.readouterr().err
    (data / "corpus.json").write_text("[]")
    (data / "MultiHopRAG.json").write_text("[{\"query\": ")
    assert main(["eval", "multihop-rag", "--data", str(data), "--home", str(tmp_path)]) == 2
    assert "MultiHopRAG.json: malformed JSON at line 1" in capsys.readouterr().err
    assert main(["eval", "realtimeqa", "--data", str(tmp_path / "absent"), "--home", str(tmp_path)]) == 2
    assert "no benchmark data at" in capsys.readouterr().err


@pytest.mark.slow
def test_retrieval_only_run_with_the_real_embedder(tmp_path, qfile, real_embedder, monkeypatch, capsys):
    from index.runtime import build_indexer

    models = Settings().models
    monkeypatch.setenv("NEWSDESK_MODELS_DIR", str(models))
    articles = tmp_path / "articles.jsonl"
    articles.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES))
    settings = Settings(home=tmp_path, store_dir=tmp_path / "store", models_dir=models)
    build_indexer(settings, embedder=real_embedder, quiet=True).ingest([articles])
    out = tmp_path / "run"
    code = main(["eval", str(qfile), "--retrieval-only", "--home", str(tmp_path), "--store", str(tmp_path / "store"),
                 "--out", str(out), "-q", "--json"])
    assert code == 0
    summary = json.loads(capsys.readouterr().out)
    records = {json.loads(x)["id"]: json.loads(x) for x in (out / "results.jsonl").read_text().splitlines()}
    assert records["syria"]["retrieved"][0]["article_id"] == "https://tass.com/1"
    assert records["doris"]["metrics"]["evidence_hits@1"] == 1.0
    assert summary["overall"]["metrics"]["hits@1"] == 1.0 and summary["mode"] == "retrieval"
    # the unanswerable question's best match is weaker than any answerable one's
    assert records["none"]["best_cosine"] < min(records["syria"]["best_cosine"], records["doris"]["best_cosine"])


def test_retrievers_side_by_side_over_one_real_store(qfile, tmp_path, fake_embedder, capsys, monkeypatch):
    """`--retriever dense,keyword,rrf,newsdesk`: four runs over the same on-disk store, one table."""
    from index.runtime import build_indexer
    from index.store import ArchiveStore
    from qa.answer import NewsQA

    source = tmp_path / "articles.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES))
    store = ArchiveStore(tmp_path / "store")
    build_indexer(Settings(home=tmp_path), store=store, embedder=fake_embedder, quiet=True).ingest([source])
    monkeypatch.setattr("qa.services.Services.answerer", lambda services, **kw: NewsQA(store, fake_embedder, None))
    out = tmp_path / "ablation"
    assert main(["eval", str(qfile), "--home", str(tmp_path), "--out", str(out), "-q", "--retrieval-only",
                 "--retriever", "dense,keyword,rrf,newsdesk-names"]) == 0
    printed = capsys.readouterr().out
    header = next(line for line in printed.splitlines() if line.startswith("| metric"))
    assert header == "| metric | dense | keyword | rrf | newsdesk-names |"
    assert "answer recall@10" in printed and "evidence recall" in printed and "retrieval p50 / p95 ms" in printed
    assert (out / "retrievers.md").read_text().strip() in printed
    for name in ("dense", "keyword", "rrf", "newsdesk-names"):
        records = [json.loads(line) for line in (out / name / "results.jsonl").read_text().splitlines()]
        assert len(records) == len(QUESTIONS)
    keyword = [json.loads(line) for line in (out / "keyword" / "results.jsonl").read_text().splitlines()]
    assert all(row["dense_score"] is not None for r in keyword for row in r["retrieved"])  # cosines still filled
    assert main(["eval", str(qfile), "--home", str(tmp_path), "--retriever", "bm42"]) == 2
    assert "--retriever: unknown retriever 'bm42'" in capsys.readouterr().err
