"""Uploads with their metadata (issue 11, item 4): outlet, date and author for files that lack them, a bad
date as one clear message, a summary naming the headlines, and progress that says how far a file got."""

from __future__ import annotations

import json

from ui import handlers, views
from index.pipeline import IngestReport
from index.readers import ReadFailure


class Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple[float, str]] = []

    def __call__(self, fraction: float, desc: str = "") -> None:
        self.calls.append((fraction, desc))


def upload(tmp_path, name: str, text: str):
    folder = tmp_path / "gradio-tmp"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return str(folder / name)


def test_upload_with_outlet_date_and_author(fake_services, tmp_path):
    path = upload(tmp_path, "talks.txt", "Sinirlioğlu holds talks in Moscow\n\nTurkey's undersecretary held talks "
                                         "with Russian officials in Moscow on Oct. 1.")
    html = handlers.ingest(fake_services, [path], "", source="Hürriyet Daily News", published="2015-10-03",
                           author="Staff")
    assert "added <b>1</b>" in html and "<li>Sinirlioğlu holds talks in Moscow</li>" in html
    store = fake_services.indexer.store
    row = next(r for r in store.articles() if r.title.startswith("Sinirlioğlu"))
    assert (row.source, row.published, row.author) == ("Hürriyet Daily News", "2015-10-03", "Staff")
    line = handlers.overview(fake_services).line
    assert "6 outlets" in line and "3 Oct 2015" in line  # five fixture outlets + Hürriyet; the date range grew


def test_a_bad_date_is_one_message_and_nothing_is_read(fake_services, tmp_path):
    path = upload(tmp_path, "talks.txt", "Talks\n\nSome text about talks.")
    before = fake_services.indexer.store.stats().articles
    html = handlers.ingest(fake_services, [path], "", published="03/10/2015")
    assert "nd-error" in html and "03/10/2015" in html and "2015-10-03" in html
    assert fake_services.indexer.store.stats().articles == before


def test_undated_upload_without_outlet_adds_no_outlet(fake_services, tmp_path):
    path = upload(tmp_path, "bare.txt", "A bare note\n\nNo date and no source lines here.")
    handlers.ingest(fake_services, [path], "")
    overview = handlers.overview(fake_services)
    assert "unknown" not in overview.outlets and "5 outlets" in overview.line
    stats = handlers.archive_stats(fake_services)[0]
    assert ">unknown<" not in stats and "1 without an outlet" in stats


def test_progress_counts_articles_inside_a_big_file(fake_services, tmp_path):
    lines = "".join(json.dumps({"title": f"Story {i}", "text": f"Harbour bridge story number {i}."}) + "\n"
                    for i in range(60))
    progress = Recorder()
    html = handlers.ingest(fake_services, [upload(tmp_path, "big.jsonl", lines)], "", progress)
    assert "added <b>60</b>" in html and "… and 40 more" in html  # 20 headlines listed, the rest counted
    assert any("file 1 of 1 big.jsonl · 50 article(s) read" in d for _, d in progress.calls)
    assert progress.calls[-1][0] == 1.0


def test_summary_lists_headlines_then_counts_the_rest():
    report = IngestReport(added=22, updated=1, added_titles=[f"Story <{i}>" for i in range(22)],
                          updated_titles=["Changed"], failed=[ReadFailure("/in/x.txt", "empty file")])
    html = views.report_html(report)
    assert "<li>Story &lt;0&gt;</li>" in html and "Story &lt;20&gt;" not in html and "… and 2 more" in html
    assert "Updated:" in html and "<li>Changed</li>" in html and "/in/x.txt</code>: empty file" in html
