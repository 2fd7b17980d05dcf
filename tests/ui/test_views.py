"""HTML of the chat: quotes highlighted inside their passage, [n] links to the
card of the same turn, unsupported sentences and abstentions marked, and
article text always escaped."""

from __future__ import annotations

import re

import pytest

from index.article import ArticleRef
from index.pipeline import IngestReport
from index.readers import ReadFailure
from index.store_records import StoreStats
from qa.answer import Answer, ClosestArticle
from qa.citations import AnswerSentence, Citation
from qa.retrieval import Passage
from ui import source_list, views


def citation_card(c: Citation, turn: int) -> str:
    """The card of an article cited once."""
    return source_list.cited_card(source_list.group_sources([], [c]).cited[0], turn)

BODY = ("Lead paragraph of the story. " * 20 + "The army retook Tias and El Beida near Palmyra. "
        + "Later paragraph with more detail. " * 20)
QUOTE = "The army retook Tias and El Beida near Palmyra."
PASSAGE_START = 100


def citation(n: int = 1, quote: str = QUOTE, offset_shift: int = 0, supported: bool = True,
             url: str = "http://tass.com/1", **more) -> Citation:
    passage = BODY[PASSAGE_START:]
    start = BODY.index(quote) if quote in BODY else 0
    fields = dict(n=n, ref=ArticleRef(f"a{n}", "Syrian army <b>gains</b>", "TASS", "2017-02-07", url),
                  passage=passage, passage_start=PASSAGE_START, quote=quote,
                  quote_start=start + offset_shift, quote_end=start + len(quote) + offset_shift, supported=supported)
    fields.update(more)
    return Citation(**fields)


def passage(n: int, text: str = "Some passage text.", source: str | None = "BBC") -> Passage:
    return Passage(f"p{n}#0", ArticleRef(f"p{n}", f"Title {n}", source, "2017-03-01", None),
                   text, 0, len(text), 0.1, dense_score=0.3)


def make_answer(**more) -> Answer:
    fields = dict(question="Who retook Tias?", standalone_question="Who retook Tias?",
                  text="The army retook Tias [1]. Nobody disputes it [1][2].", abstained=False,
                  unsupported_sentences=1, citations=[citation(1), citation(2, supported=False)],
                  sentences=[AnswerSentence("The army retook Tias [1].", (1,), True),
                             AnswerSentence("Nobody disputes it [1][2].", (1, 2), False)],
                  closest=[], filters={"since": None, "until": None, "sources": []},
                  timings_ms={"retrieve": 10, "first_token": 20, "total": 2500}, passages=[passage(1)])
    fields.update(more)
    return Answer(**fields)


def test_quote_is_highlighted_inside_its_passage_with_context():
    card = citation_card(citation(), turn=3)
    assert f'<mark class="nd-quote">{QUOTE}</mark>' in card
    before, after = card.split('<mark class="nd-quote">')[0], card.split("</mark>")[1]
    assert "Lead paragraph" in before and "Later paragraph" in after  # the quote sits in its context
    assert "…" in before and "…" in after  # long passages are trimmed around the quote
    assert 'id="nd-src-3-1"' in card and "TASS" in card and "7 Feb 2017" in card
    assert 'href="http://tass.com/1"' in card and 'rel="noopener noreferrer"' in card


def test_quote_found_by_text_when_offsets_disagree():
    before, quote, after = views.quote_parts(citation(offset_shift=7))
    assert quote == QUOTE and before.endswith("Lead paragraph of the story. ")


def test_quote_outside_the_passage_is_still_shown():
    card = citation_card(citation(quote="A sentence that is not in the passage."), 1)
    assert '<mark class="nd-quote">A sentence that is not in the passage.</mark>' in card


def test_article_text_cannot_inject_markup():
    evil = citation(quote="<script>alert(1)</script>", passage="x <script>alert(1)</script> y", passage_start=0,
                    quote_start=2, quote_end=27, url="javascript:alert(1)")
    card = citation_card(evil, 1)
    assert "<script>" not in card and "&lt;script&gt;" in card
    assert "javascript:" not in card  # only http(s) headlines become links
    assert "<b>gains</b>" not in card and "&lt;b&gt;gains&lt;/b&gt;" in card
    answer = views.answer_html(make_answer(sentences=[AnswerSentence("<img src=x onerror=alert(1)> [1]", (1,),
                                                                     True)]), 1)
    assert "<img" not in answer


def test_citation_markers_link_to_the_cards_of_their_own_turn():
    html = views.answer_html(make_answer(), turn=2)
    links = re.findall(r'<a class="nd-cite" href="#(nd-src-2-\d)"', html)
    assert links == ["nd-src-2-1", "nd-src-2-1", "nd-src-2-2"]
    cards = source_list.sources_answered(make_answer(), 2)
    for target in links:
        assert f'id="{target}"' in cards


def test_unsupported_sentences_are_marked():
    html = views.answer_html(make_answer(), 1)
    assert html.count("nd-unsupported'") == 1
    assert re.search(r"<span class='nd-unsupported'>Nobody disputes it", html)
    assert "1 sentence(s) could not be matched" in html
    assert "support not confirmed" in citation_card(citation(supported=False), 1)


def test_abstention_lists_the_closest_articles():
    closest = [ClosestArticle(ArticleRef("a", "Storm Doris hits Britain", "BBC", "2017-02-23", "http://bbc.co.uk/1"),
                              0.3)]
    html = views.answer_html(make_answer(abstained=True, citations=[], sentences=[], closest=closest,
                                         filters={"sources": ["BBC"]}), 1)
    assert "nd-abstain" in html and "The archive doesn't say." in html and "with these filters" in html
    assert "Storm Doris hits Britain" in html and "23 Feb 2017" in html
    panel = source_list.sources_answered(make_answer(abstained=True, citations=[], passages=[passage(1)]), 1)
    assert "closest the archive has" in panel and "Title 1" in panel and "nd-cite" not in panel


def test_an_abstention_for_an_answer_the_passages_only_expected_says_so():
    closest = [ClosestArticle(ArticleRef("a", "DUP set to lose seats", "RTÉ", "2017-02-28", None), 0.6)]
    reason = "the passages only say it was expected (“The DUP expects to take 31-33 seats” — RTÉ, 2017-02-28)"
    html = views.answer_html(make_answer(abstained=True, citations=[], sentences=[], closest=closest,
                                         abstain_reason=reason), 1)
    assert "The archive doesn't say." in html and "The passages only say it was expected" in html
    assert "31-33 seats" in html and "No indexed article answers" not in html


def test_a_given_answer_is_never_told_that_no_passage_answers_it():
    panel = source_list.sources_answered(make_answer(citations=[], passages=[passage(1)]), 1)
    assert "None of these passages answers" not in panel and "cites none of these passages" in panel
    assert "Title 1" in panel


def test_footer_shows_the_standalone_question_and_filters_discreetly():
    html = views.answer_html(make_answer(question="And in March?", standalone_question="Who retook Tias in March?",
                                         filters={"since": "2017-03-01", "until": None, "sources": ["TASS"]}), 1)
    foot = html.split("nd-foot")[1]
    assert "Understood as: “Who retook Tias in March?”" in foot
    assert "Limited to TASS · 1 Mar 2017 – the latest article" in foot and "2.5 s" in foot
    plain = views.answer_html(make_answer(unsupported_sentences=0), 1)
    assert "Understood as" not in plain and "Limited to" not in plain


def test_pending_sources_then_answered_sources():
    pending = source_list.sources_pending([passage(1), passage(2, source=None)])
    assert "2 passages found" in pending and "Unknown outlet" in pending and "<mark" not in pending
    assert "nd-num" not in pending  # numbers belong to citations, which do not exist yet
    answered = source_list.sources_answered(make_answer(passages=[passage(1), passage(2)]), 1)
    assert answered.count("nd-card nd-cited") == 2 and answered.count('<span class="nd-num">') == 2
    assert "2 more article(s) read but not cited (2 passage(s))" in answered


def test_earlier_turns_are_folded_below_the_current_sources():
    panel = views.sources_panel("<p>now</p>", [("first q", "<p>one</p>"), ("second <q>", "<p>two</p>")])
    assert panel.index("<p>now</p>") < panel.index("second &lt;q&gt;") < panel.index("first q")
    assert panel.count("<details class='nd-earlier'>") == 2
    assert "Sources appear here" in views.sources_panel()


def test_streaming_text_styles_markers_without_linking():
    html = views.streaming_html("Tias fell [1] and <b>more</b> [2, 3]")
    assert "nd-cite" not in html and html.count("nd-marker") == 2 and "&lt;b&gt;" in html


@pytest.mark.parametrize("value, shown", [("2017-02-07", "7 Feb 2017"), (None, "undated"), ("Feb 2017", "Feb 2017")])
def test_pretty_date(value, shown):
    assert views.pretty_date(value) == shown


def test_stats_and_ingest_report():
    stats = StoreStats(articles=1234, chunks=5000, sources={"TASS": 800, "BBC": 434}, first_date="2016-12-02",
                       last_date="2017-03-29", bytes=3 * 2**20, duplicates=2, months={"2016-12": 1234})
    html = views.stats_html(stats)
    assert "1,234" in html and "5,000" in html and "2 Dec 2016 – 29 Mar 2017" in html
    assert "width:100%" in html and "width:54%" in html  # outlet bars scaled to the largest
    assert views.archive_line(stats) == "1,234 articles · 2 outlets · 2 Dec 2016 – 29 Mar 2017"
    report = IngestReport(added=3, updated=1, unchanged=5, duplicates=2,
                          failed=[ReadFailure("/in/bad.jsonl:7", "not valid JSON")], articles=10, chunks=40,
                          seconds=1.25)
    html = views.report_html(report)
    for text in ("added <b>3</b>", "updated <b>1</b>", "unchanged <b>5</b>", "duplicates <b>2</b>",
                 "failed <b>1</b>", "/in/bad.jsonl:7</code>: not valid JSON", "1.2 s"):
        assert text in html


def test_card_lists_the_other_outlets_of_a_syndicated_story_escaped():
    copies = (ArticleRef("https://courier.example/a", "Pumps race", "Northern <i>Courier</i>", "2031-04-14",
                   "https://courier.example/a"),
              ArticleRef("sha:1", "Tunnel", "Valdora Daily", None, "javascript:alert(1)"))
    card = citation_card(citation(also_in=copies), 1)
    assert "Also reported by" in card
    assert 'href="https://courier.example/a"' in card and "Northern &lt;i&gt;Courier&lt;/i&gt;</a> (14 Apr 2031)" in card
    assert "Valdora Daily" in card and "javascript:" not in card
    assert "Also reported by" not in citation_card(citation(), 1)


def test_short_answer_is_bold_above_the_sentences_and_flagged_when_not_quoted():
    html_ok = views.answer_html(make_answer(short_answer="the army", short_answer_supported=True), 1)
    assert html_ok.index("<b>the army</b>") < html_ok.index("The army retook Tias")
    assert "May not answer the question" not in html_ok
    html_bad = views.answer_html(make_answer(short_answer="<i>x</i>", short_answer_supported=False), 1)
    assert "<b>&lt;i&gt;x&lt;/i&gt;</b>" in html_bad and "⚠ not in the cited passages" in html_bad
    echo = views.answer_html(make_answer(short_answer="Tias", short_answer_supported=False,
                                         short_answer_concern="it only repeats the question"), 1)
    assert "⚠ it only repeats the question" in echo
    assert "<b>Tias</b> <span class='nd-unsupported-flag'" in echo  # "Tias ⚠ …", not "Tias⚠ …"


def test_a_quoted_answer_says_it_is_quoted():
    html = views.answer_html(make_answer(quoted=True), 1)
    assert "Quoted from the archive" in html and "<b>" not in html.split("nd-answer")[0]


def test_a_quoted_answer_with_a_short_answer_shows_it_bold_above_the_quote():
    html = views.answer_html(make_answer(quoted=True, short_answer="the army", short_answer_supported=True), 1)
    head = html.split("nd-answer")[0]
    assert head.index("<b>the army</b>") < head.index("Quoted from the archive")
    assert "gave no answer of its own" not in head


def test_streaming_text_sits_under_the_short_answer():
    html = views.streaming_html("Tias fell [1]", "<Tias>")
    assert html.startswith("<div class='nd-short'><b>&lt;Tias&gt;</b></div>") and "Tias fell" in html
    assert "nd-short" not in views.streaming_html("Tias fell [1]")
