"""The short-answer checks with the real models: an archive written before an event is asked how
it turned out, and a question is asked whose answer the article only names in the question's words.

Each outcome the product may honestly give is allowed (abstain, or answer with ⚠ and a reason, or
say in the sentences that it was only expected); a confident, unflagged answer fails.
"""

from __future__ import annotations

import json

import pytest

from qa.answer import NewsQA
from test_e2e import AS_OF, ARTICLES, build, llm  # noqa: F401  (llm is a fixture)

pytestmark = pytest.mark.slow

FORECAST = {
    "title": "Northern Ireland votes in snap Assembly election", "date": "2017-03-02", "source": "RTÉ",
    "url": "https://www.rte.ie/news/2017/0302/ni-assembly-election-polls-open",
    "text": "Polls have opened in Northern Ireland's snap Assembly election, the second in ten months. "
            "The number of seats has been cut from 108 to 90. The DUP expects to take 31-33 seats and Sinn Féin "
            "has an expectation of 25-28, leaving another block of approximately 30 seats to the smaller parties. "
            "Counting begins tomorrow morning and the first results are due in the afternoon."}


def qa_with(article: dict, name: str, tmp_path_factory, real_embedder, llm) -> NewsQA:  # noqa: F811
    """The test archive plus `article`, indexed with the real embedder, answered by the real model."""
    docs = tmp_path_factory.mktemp(f"{name}-docs")
    (docs / "news.jsonl").write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES + [article]),
                                     encoding="utf-8")
    return NewsQA(build(tmp_path_factory.mktemp(f"{name}-store"), [docs], real_embedder), real_embedder, llm)


@pytest.fixture(scope="module")
def forecast_qa(tmp_path_factory, real_embedder, llm) -> NewsQA:  # noqa: F811
    return qa_with(FORECAST, "forecast", tmp_path_factory, real_embedder, llm)


def test_a_result_the_archive_only_forecast_is_not_given_as_fact(forecast_qa):
    answer = forecast_qa.ask("How many seats did the DUP win in the Northern Ireland Assembly election?", as_of=AS_OF)
    print("short:", answer.short_answer, "| concern:", answer.short_answer_concern, "| text:", answer.text)
    honest = (answer.abstained or answer.short_answer_supported is False
              or (not answer.short_answer and "expect" in answer.text.lower()))
    assert honest, answer.text


def test_a_right_answer_from_the_forecast_article_is_not_flagged(forecast_qa):
    answer = forecast_qa.ask("To how many seats was the Northern Ireland Assembly cut?", as_of=AS_OF)
    print("short:", answer.short_answer, "| concern:", answer.short_answer_concern, "| text:", answer.text)
    assert not answer.abstained and "90" in (answer.short_answer or "") + answer.text, answer.text
    assert answer.short_answer_supported is not False, answer.short_answer_concern


# An article that names the candidates but not the winner. Asked who won, the model answers "Peter
# Doyle" sure of it (mean log p -0.22, 2026-12-03): the unsure flag (qa/abstain.py) misses it, the action
# check (qa/asked_action.py: no sentence naming Doyle says he won) does not, and makes it an abstention.
# A right answer is read with its confidence, unflagged.
PROFILE = {
    "title": "Three stand for Labour leadership in Wexford", "date": "2017-03-24",
    "source": "Reuters", "url": "https://www.reuters.com/article/wexford-labour-leadership",
    "text": "WEXFORD (Reuters) - Three councillors have put their names forward to lead the Labour group on "
            "Wexford County Council: Ann Marsh, 47, a teacher; Peter Doyle, 61, a farmer; and Sean Keogh, 39, "
            "who runs a bakery in Gorey. The group's nine members will meet in April. Marsh has chaired the "
            "housing committee since 2014 and Doyle has sat on the council for two decades."}


@pytest.fixture(scope="module")
def profile_qa(tmp_path_factory, real_embedder, llm) -> NewsQA:  # noqa: F811
    return qa_with(PROFILE, "profile", tmp_path_factory, real_embedder, llm)


def test_a_right_answer_the_model_is_sure_of_carries_its_confidence_and_no_flag(profile_qa):
    answer = profile_qa.ask("How old is Sean Keogh, the Wexford councillor?", as_of=AS_OF)
    print("short:", answer.short_answer, "| concern:", answer.short_answer_concern, "| signals:", answer.signals)
    assert not answer.abstained and "39" in (answer.short_answer or ""), answer.text
    assert answer.signals["short_mean_logprob"] is not None and answer.short_answer_supported is not False


def test_who_won_asked_of_an_article_naming_only_the_candidates_gets_no_confident_name(profile_qa):
    answer = profile_qa.ask("Who won the leadership of the Labour group on Wexford County Council?", as_of=AS_OF)
    print("short:", answer.short_answer, "| concern:", answer.short_answer_concern, "| text:", answer.text)
    # No name is given: an abstention saying why (qa/abstain.py, `abstain_when_act_unsaid`), or no short answer.
    assert answer.abstained or not answer.short_answer, answer.text
    if answer.abstain_reason:
        assert "says who won" in answer.abstain_reason, answer.abstain_reason


def test_who_did_what_answered_from_a_later_sentence_under_the_surname_is_not_flagged(profile_qa):
    answer = profile_qa.ask("Who has chaired the housing committee of Wexford County Council since 2014?",
                            as_of=AS_OF)
    print("short:", answer.short_answer, "| concern:", answer.short_answer_concern, "| text:", answer.text)
    assert not answer.abstained and "Marsh" in (answer.short_answer or ""), answer.text
    assert answer.short_answer_supported is not False, answer.short_answer_concern


# Bomb threats where nothing was found: a "Yes" to "were any devices found?" must not stand unflagged.
THREATS = {
    "title": "Jewish centres hit by new wave of bomb threats", "date": "2017-03-02", "source": "CNN",
    "url": "https://www.cnn.com/2017/03/02/us/jewish-centers-bomb-threats",
    "text": "Jewish community centres in five states received bomb threats on Monday, the fifth wave this year. "
            "The Mandell Jewish Community Center in West Hartford received its one and only bomb threat the day "
            "after staff training, its director said. Buildings were evacuated and searched. Staff and children "
            "returned after two hours. The FBI said it was investigating the calls."}


def test_a_yes_the_passages_do_not_say_is_not_given_unflagged(tmp_path_factory, real_embedder, llm):  # noqa: F811
    answer = qa_with(THREATS, "threats", tmp_path_factory, real_embedder, llm).ask(
        "Were any explosive devices found at the Jewish community centres that received bomb threats?", as_of=AS_OF)
    print("short:", answer.short_answer, "| concern:", answer.short_answer_concern, "| text:", answer.text)
    assert (answer.abstained or (answer.short_answer or "").lower() != "yes"
            or answer.short_answer_supported is False), answer.text
    # and no sentence saying a device was found stands as supported
    assert not any(s.supported and "found" in s.text.lower() for s in answer.sentences), answer.sentences


# A TASS story quoting a State Duma deputy speaker on the EU (demo archive). Asked for the Duma official who
# estimated how long Russia's air campaign could last — the shared sample's unnamed committee head, not in this
# archive — the model named him (blind s36-03: "Pyotr Tolstoy", unflagged, over the demo archive plus the sample).
LAWMAKER = {
    "title": "Russian lawmaker compares European Union to Soviet Union", "date": "2017-03-25", "source": "TASS",
    "url": "http://tass.com/politics/937478",
    "text": "MOSCOW, March 25. /TASS/. The European Union of today can be compared to the Soviet Union in its late "
            "years, said Pyotr Tolstoy, Russia's State Duma (lower house of parliament) Deputy Speaker, who is "
            "currently on a visit to Serbia's capital of Belgrade. The Russian lawmaker, who is taking part in the "
            "events honoring the victims of NATO bombings against Yugoslavia, added that the policies pursued by the "
            "EU had no future. \"Today, the European Union is reminiscent of the Soviet Union nearing its collapse,\" "
            "Tolstoy said."}


def test_the_name_of_an_official_who_did_what_no_sentence_of_his_says_is_not_given_unflagged(
        tmp_path_factory, real_embedder, llm):  # noqa: F811
    qa = qa_with(LAWMAKER, "lawmaker", tmp_path_factory, real_embedder, llm)
    answer = qa.ask("What is the name of the State Duma official who estimated how long Russia's air campaign "
                    "could last?", as_of=AS_OF)
    print("short:", answer.short_answer, "| concern:", answer.short_answer_concern, "| text:", answer.text)
    assert answer.abstained or answer.short_answer_supported is False, answer.text
