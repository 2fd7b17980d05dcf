"""The sources panel adds up (issue 11, item 5): one card per article, both quotes of an article cited
twice on its card, counts that split the passages read into cited and not cited, copies kept; and every
card opens the whole stored article with its passages and quotes highlighted (item 3)."""

from __future__ import annotations

import re

from index.article import ArticleRef
from index.manifest import ArticleRow
from qa.answer import Answer
from qa.citations import AnswerSentence, Citation
from qa.retrieval import Passage
from ui import article_view, source_list
from ui.article_view import PASSAGE, QUOTE, Highlight

BODY_A = ("Russia's foreign ministry said talks were held in Moscow on Oct. 1. "
          "Feridun Sinirlioğlu met Russian officials. " * 3
          + "The sides discussed the airspace violations over Turkey. " + "Background paragraph. " * 30
          + "Turkey summoned the Russian ambassador twice.")
COPY = ArticleRef("https://aa.example/copy", "Copy of talks", "Anadolu", "2015-10-03", "https://aa.example/copy")


def ref(article_id: str, title: str, source: str = "Hürriyet Daily News") -> ArticleRef:
    return ArticleRef(article_id, title, source, "2015-10-03", None)


def passage(article: ArticleRef, body: str, start: int, end: int, also_in=()) -> Passage:
    return Passage(f"{article.article_id}#{start}", article, body[start:end], start, end, 0.1, also_in=also_in)


def cite(n: int, p: Passage, quote: str) -> Citation:
    at = p.text.index(quote) + p.start
    return Citation(n, p.ref, p.text, p.start, quote, at, at + len(quote), True, p.also_in)


A = ref("a", "Turkey and Russia hold talks")
B, C, D = ref("b", "Airspace row"), ref("c", "Ambassador summoned"), ref("d", "Refugees", source=None)
OTHER = "Some other article text that was retrieved for the question. " * 3
A1 = passage(A, BODY_A, 0, 160, (COPY,))
A2 = passage(A, BODY_A, BODY_A.index("The sides"), BODY_A.index("The sides") + 120)
PASSAGES = [A1, passage(B, OTHER, 0, 60), A2, passage(C, OTHER, 0, 60), passage(C, OTHER, 60, 120),
            passage(D, OTHER, 0, 60)]
CITATIONS = [cite(1, A1, "Feridun Sinirlioğlu met Russian officials."),
             cite(2, A2, "The sides discussed the airspace violations over Turkey."),
             cite(3, PASSAGES[1], "Some other article text")]


def answer(citations=CITATIONS, passages=PASSAGES, abstained=False) -> Answer:
    return Answer(question="Who met whom?", standalone_question="Who met whom?", text="x [1][2][3].",
                  abstained=abstained, unsupported_sentences=0, citations=list(citations),
                  sentences=[AnswerSentence("x [1][2][3].", (1, 2, 3), True)], closest=[],
                  filters={"since": None, "until": None, "sources": []}, timings_ms={}, passages=list(passages))


def row(r: ArticleRef, body: str) -> ArticleRow:
    return ArticleRow(r, body, "Staff <b>writer</b>", "/in/a.txt", "h", 3)


ROWS = {"a": row(A, BODY_A), "b": row(B, OTHER), "c": row(C, OTHER), "d": row(D, OTHER)}


def test_an_article_cited_twice_is_one_card_with_both_quotes():
    panel = source_list.sources_answered(answer(), 1)
    assert panel.count("nd-card nd-cited") == 2  # articles a and b, not three cards
    card_a = panel.split('<div class="nd-card nd-cited" id="nd-src-1-1"')[1].split('id="nd-src-1-3"')[0]
    assert "Feridun Sinirlioğlu met Russian officials.</mark>" in card_a
    assert "The sides discussed the airspace violations over Turkey.</mark>" in card_a
    assert 'id="nd-src-1-2"' in card_a  # the [2] link lands on the second quote of the same card
    assert card_a.count("Turkey and Russia hold talks") == 1 and "Also reported by" in card_a


def test_counts_add_up_and_each_article_is_listed_once():
    found = source_list.group_sources(PASSAGES, CITATIONS)
    assert [a.ref.article_id for a in found.cited] == ["a", "b"]
    assert [a.ref.article_id for a in found.uncited] == ["c", "d"]
    assert sum(len(a.passages) for a in (*found.cited, *found.uncited)) == found.passages_read == 6
    panel = source_list.sources_answered(answer(), 1)
    assert "6 passage(s) read from 4 article(s): 2 cited, 2 not cited." in panel
    assert "2 more article(s) read but not cited (3 passage(s))" in panel
    for title in ("Turkey and Russia hold talks", "Airspace row", "Ambassador summoned", "Refugees"):
        assert panel.count(f">{title}<") == 1
    assert "+ 1 more passage(s)" in panel  # article c's second passage is counted on its card


def test_pending_cards_are_one_per_article():
    pending = source_list.sources_pending(PASSAGES)
    assert "6 passages found in 4 article(s)" in pending and pending.count("nd-card nd-pending") == 4


def test_every_card_opens_the_whole_article_with_its_highlights():
    panel = source_list.sources_answered(answer(), 1, ROWS)
    assert panel.count('<details class="nd-read">') == 4  # two cited cards, two not cited
    reader = panel.split('<details class="nd-read">')[1].split("</details>")[0]
    assert "Turkey summoned the Russian ambassador twice." in reader  # the end of the body: the whole article
    assert '<mark class="nd-read-quote" data-n="1">Feridun Sinirlioğlu met Russian officials.</mark>' in reader
    assert '<mark class="nd-read-quote" data-n="2">The sides discussed the airspace violations over Turkey.</mark>' in reader
    card_a = panel.split('id="nd-src-1-3"')[0]
    assert card_a.count('class="nd-open-at"') == 2 and 'data-n="2" title="Open the whole article' in card_a
    assert 'class="nd-read-passage"' in reader and "by Staff &lt;b&gt;writer&lt;/b&gt;" in reader
    assert "Also reported by" in reader
    gone = source_list.sources_answered(answer(), 1, {k: v for k, v in ROWS.items() if k != "a"})
    assert "This article is no longer in the archive." in gone


def test_abstention_cards_also_open_their_article():
    panel = source_list.sources_answered(answer(citations=[], abstained=True), 1, ROWS)
    assert "None of these passages answers" in panel and panel.count('<details class="nd-read">') == 4


def test_marked_body_nests_quotes_in_passages_and_escapes_text():
    body = "<b>Lead</b>. Quote here. Tail."
    html = article_view.marked_body(body, [Highlight(0, 25, PASSAGE), Highlight(13, 24, QUOTE),
                                           Highlight(5, 999, QUOTE)])  # out of range: ignored
    assert "<b>" not in html and "&lt;b&gt;Lead&lt;/b&gt;" in html
    assert '<span class="nd-read-passage"><mark class="nd-read-quote">Quote here.</mark></span>' in html
    assert re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">") == body
