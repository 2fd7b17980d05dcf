"""The chat's Who said what turn over a real on-disk store of the fixture story (fake embedder)."""

from __future__ import annotations

import re

from ui import who_said_what
from ui.handlers import Conversation
from ui.turns import TurnSignals


def test_a_speakers_statements_answer_the_turn(story_services):
    turns = TurnSignals()
    chat, panel, convo, box = who_said_what.quotes_turn(story_services, "What did Keane say?", [], Conversation(),
                                                        turns=turns, session="s")
    answer = chat[-1]["content"]
    assert chat[-2] == {"role": "user", "content": "What did Keane say?"} and box == ""
    assert "Who said what" in answer and "Maria Keane" in answer and "nd-final" in answer
    assert "The cracks were wider than anything we had measured before" in answer
    assert "Valley Times" in answer and "Engineers found cracks" in answer
    links = re.findall(r'href="#(nd-src-1-\d+)"', answer)
    assert links and all(f'id="{card}"' in panel for card in links)  # each [n] has its card
    assert '<details class="nd-read">' in panel and "mark class=\"nd-read-quote\" data-n=\"1\"" in panel
    assert convo.answered[0].citations[0]["source"] == "Valley Times" and convo.answered[0].message == 1
    assert convo.history[-1]["content"].startswith("Who said what:")
    assert turns.running("s") is None


def test_other_questions_and_no_statements_fall_back(story_services):
    assert who_said_what.quotes_turn(story_services, "When did the Old Mill bridge close?", [], None) is None
    assert who_said_what.quotes_turn(story_services, "What did Angela Merkel say?", [], None) is None
    assert who_said_what.quotes_turn(story_services, "What did Keane say?", [], None,
                                     since="2017-04-01") is None  # filters leave none
    assert who_said_what.quotes_turn(story_services, "  ", [], None) is None


def test_the_next_turn_numbers_on(story_services):
    first = who_said_what.quotes_turn(story_services, "What did Keane say?", [], Conversation())
    chat, panel, convo, _ = who_said_what.quotes_turn(story_services, "Who said what about the bridge?",
                                                      first[0], first[2])
    assert len(chat) == 4 and 'href="#nd-src-2-1"' in chat[-1]["content"]
    assert "nd-earlier" in panel  # the first turn's sources are kept, folded
