"""The conversation exported as Markdown with each citation's headline, outlet, date, URL and quote."""

from __future__ import annotations

from datetime import datetime, timezone

from ui import handlers
from ui.answered import AnsweredTurn
from ui.export import conversation_markdown, export_file, md_text


def test_a_real_conversation_exports_questions_answers_and_sources(fake_services, tmp_path):
    chat, convo = [], handlers.Conversation()
    for question in ("What did the Syrian army retake near Palmyra?", "How strong was Storm Doris?"):
        *_, (chat, _, convo, _) = handlers.chat_turn(fake_services, question, chat, convo, None, None, None, 6)
    path = export_file(convo.answered, tmp_path / "out")
    text = path.read_text(encoding="utf-8")
    assert path.name.startswith("newsdesk-conversation-") and path.suffix == ".md"
    assert "## 1. What did the Syrian army retake near Palmyra?" in text and "## 2. How strong was Storm Doris?" in text
    cited = convo.answered[0].citations[0]
    assert f"**{md_text(cited['title'])}** — {cited['source']}, {cited['published']}. <{cited['url']}>" in text
    assert f"   > {md_text(cited['quote'])}" in text
    assert "[1]" in text and "\\[1\\]" not in text  # markers stay readable
    assert export_file([], tmp_path) is None


def test_article_text_cannot_become_links_headings_or_html():
    hostile = AnsweredTurn(turn=1, message=1, question="# Who?", standalone_question="# Who?",
                           answer="<script>x</script> He did [1].", short_answer=None, abstained=False,
                           citations=[{"n": 1, "title": "[click](http://evil.example)", "source": "TASS",
                                       "published": None, "url": "javascript:alert(1)",
                                       "quote": "<img src=x onerror=alert(1)>\n# heading"}],
                           filters={"since": "2017-02-01", "until": None, "sources": ["TASS"]})
    text = conversation_markdown([hostile], datetime(2026, 12, 1, tzinfo=timezone.utc))
    assert "<script>" not in text and "<img" not in text and "[click](http" not in text
    assert "\n# heading" not in text and "<javascript:" not in text
    assert "1. **\\[click\\](http://evil.example)** — TASS, undated." in text
    assert "He did [1]." in text and "*Filters:* from 2017-02-01 to the end; outlets TASS" in text
