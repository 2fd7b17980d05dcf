"""The question detectors: timeline requests and who-said-what questions, and questions that must not fire."""

from __future__ import annotations

import pytest

from qa.intent import SpeechQuestion, speech_question, timeline_topic


@pytest.mark.parametrize("question, topic", [
    ("How did the Old Mill bridge story develop?", "Old Mill bridge story"),
    ("how has the Brexit row unfolded over time?", "Brexit row"),
    ("How did the Kim Jong-nam case evolve since February 2017?", "Kim Jong-nam case since February 2017"),
    ("How did the Berlin attack investigation play out", "Berlin attack investigation"),
    ("Give me a timeline of the Old Mill bridge closure", "Old Mill bridge closure"),
    ("Timeline for Storm Doris.", "Storm Doris"),
    ("What is the chronology of the Samsung scandal?", "Samsung scandal"),
    ("Old Mill bridge timeline", "Old Mill bridge"),
    ("What has happened to the Old Mill bridge since March 2017?", "Old Mill bridge since March 2017"),
    ("What happened since the council vote?", "since the council vote"),
    ("List the events of the Bus Éireann strike in chronological order", "Bus Éireann strike"),
])
def test_timeline_requests_give_their_topic(question, topic):
    assert timeline_topic(question) == topic


@pytest.mark.parametrize("question", [
    "How did the council vote?",                     # "how did" without a story verb
    "How did Pfizer develop the vaccine?",           # a method, not a story: the verb is followed by an object
    "What happened on Tuesday?",                     # a single day's event, no "since"
    "When did the Old Mill bridge close?",
    "Did the repair timeline slip?",                 # the word alone, not a request for one
    "What did the Syrian army retake near Palmyra?",
    "",
])
def test_plain_questions_are_not_timeline_requests(question):
    assert timeline_topic(question) is None


@pytest.mark.parametrize("question, expected", [
    ("What did Keane say about the cracks?", SpeechQuestion("Keane", "cracks")),
    ("What has Davutoğlu said?", SpeechQuestion("Davutoğlu", None)),
    ("What did Tom Brady tell reporters?", SpeechQuestion("Tom Brady", None)),
    ("What did Kerry say on Syria", SpeechQuestion("Kerry", "Syria")),
    ("Kerry's remarks on Syria", SpeechQuestion("Kerry", "Syria")),
    ("Show me Maria Keane’s statements about the bridge", SpeechQuestion("Maria Keane", "bridge")),
    ("Who said the bridge was unsafe?", SpeechQuestion(None, "bridge was unsafe")),
    ("Who denied seeking favours?", SpeechQuestion(None, "seeking favours")),
    ("Who said what about the inspection report?", SpeechQuestion(None, "inspection report")),
    ("What was said about the walkway?", SpeechQuestion(None, "walkway")),
    ("What do both sides say about the ceasefire?", SpeechQuestion(None, "ceasefire")),
])
def test_questions_about_statements(question, expected):
    assert speech_question(question) == expected


@pytest.mark.parametrize("question", [
    "What did the Syrian army retake near Palmyra?",  # an action, not a statement
    "And what did he say about the road?",            # a pronoun: the normal answer rewrites follow-ups first
    "What did the report say about corrosion?",       # a document, answered from its text
    "Who won the election?",
    "Did Samsung seek favours in return?",            # a yes/no claim: the normal answer (and its dispute rule)
    "What did Storm Doris bring to Britain?",
    "",
])
def test_other_questions_are_not_about_statements(question):
    assert speech_question(question) is None


@pytest.mark.parametrize("question, head", [
    ("What did Ahmet Davutoglu say about the outcome of Russia's air strikes?", "outcome"),
    ("What did Lavrov say about Russia's air strikes?", "strikes"),
    ("What did Keane say about the cracks in the walkway?", "cracks"),
    ("Who said the bridge was unsafe?", "unsafe"),
    ("What has Davutoğlu said?", None),
])
def test_a_statement_question_s_topic_has_a_head_word(question, head):
    assert speech_question(question).topic_head == head
