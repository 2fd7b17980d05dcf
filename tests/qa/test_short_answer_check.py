"""The short answer checked against the question: echoes, answers not in the passages, unsaid Yes."""

from __future__ import annotations

import pytest

from index.article import ArticleRef
from qa.citations import Citation
from qa.planned_date import PAST_NOT_PLANNED
from qa.short_answer_check import (SWAPPED_NAMES, COUNTED_FOR_OTHER_ACT, COUNTED_OTHERWISE, unsettled_reason, MEASURED_NOT_COUNTED, NAMES_THE_OUTLET, OPEN_QUESTION, ROLE_UNNAMED, RUNNING_TOTAL,
                                   UNSETTLED, asked_words, counts_other, echoes_question, short_answer_concern)

PASSAGE = ("MOSCOW, March 29. /TASS/. A caller said there was a bomb in a backpack. The person at the centre "
           "tried to engage the caller but they didn't respond and hung up. Police searched the building. "
           "The talks were held in Astana, the capital of Kazakhstan.")


def cite(quote: str, passage: str = PASSAGE) -> Citation:
    start = passage.index(quote)
    ref = ArticleRef("a1", "Bomb threats", "TASS", "2017-02-06", "http://x")
    return Citation(1, ref, passage, 0, quote, start, start + len(quote), True)


def test_an_echo_of_the_question_is_a_concern():
    q = "What was the birth name of the Westminster attacker Khalid Masood?"
    assert echoes_question(q, "Khalid Masood")
    assert short_answer_concern(q, "Khalid Masood", [cite("Police searched the building.")]) == \
        "it only repeats the question"


@pytest.mark.parametrize("question, short, echo", [
    # held-out s64-02: the one who spoke, given back for whom he spoke to
    ("who did kerry speak to on the phone, his russian counterpart? need full name", "John Kerry", True),
    ("With which Russian official did Kerry make a joint appearance before reporters?", "John Kerry", True),
    ("who did kerry speak to on the phone, his russian counterpart? need full name", "Sergei Lavrov", False),
    ("What is the full name of Turkish PM Davutoglu?", "Ahmet Davutoğlu", False),
    ("Who is Davutoglu?", "Ahmet Davutoğlu", False),
    ("Who accused Russia of targeting moderate rebels, Davutoglu or Erdogan?", "Ahmet Davutoğlu", False),
    ("Which news agency reported the meeting?", "Anadolu Agency", False),
    ("From which bridge did the boy fall?", "Arrigoni Bridge", False),
])
def test_the_questions_own_person_in_full_is_an_echo(question, short, echo):
    assert echoes_question(question, short) is echo


def test_a_count_of_the_thing_asked_is_no_echo_and_is_checked_against_the_passages():
    # blind held-out s5-08: "3 civilians" over "killed three Turkish soldiers" was called an echo
    q = "How many civilians were killed in the Russian Air Force attacks cited in the coalition's joint statement?"
    assert not echoes_question(q, "3 civilians")
    assert echoes_question("How many of the 3 civilians were killed?", "3 civilians")
    quote = "A Russian airstrike in Syria killed three Turkish soldiers and injured 11 others."
    assert short_answer_concern(q, "3 civilians", [cite(quote, quote)]) == "not in the cited passages"


def test_an_answer_from_the_dateline_or_the_header_date_is_not_in_the_passages():
    quote = "A caller said there was a bomb in a backpack."
    assert short_answer_concern("Which news agency organised the visit?", "TASS", [cite(quote)]) == \
        "not in the cited passages"
    assert short_answer_concern("When was the ballot result due?", "2017-02-06", [cite(quote)]) == \
        "not in the cited passages"


def test_an_answer_in_a_cited_passage_sentence_passes():
    quote = "The talks were held in Astana, the capital of Kazakhstan."
    assert short_answer_concern("In which country were the peace talks held?", "Kazakhstan", [cite(quote)]) is None


def test_a_yes_the_passage_does_not_say_is_a_concern_naming_what_is_missing():
    q = "Were any explosive devices found at the Jewish community centres that received bomb threats?"
    concern = short_answer_concern(q, "Yes", [cite("The person at the centre tried to engage the caller but "
                                                   "they didn't respond and hung up.")])
    assert concern and concern.startswith("the quoted passages do not say") and "explosive" in concern


def test_a_yes_the_passage_says_passes_and_no_is_left_to_the_sentence_checker():
    q = "Were the peace talks held in Astana?"
    assert short_answer_concern(q, "Yes", [cite("The talks were held in Astana, the capital of Kazakhstan.")]) is None
    assert short_answer_concern(q, "No", [cite("Police searched the building.")]) is None


def test_asked_words_leave_out_dates_counts_and_outlets():
    words = asked_words("How many refugees buried at Kato Tritos in March did TASS say were identified?", ["TASS"])
    assert "march" not in words and "mani" not in words and "tass" not in words
    assert {"refuge", "identifi"} <= words


@pytest.mark.parametrize("short", ["43%", "270 km/h", "2", "UK", "2017-03-20"])
def test_spellings_news_uses_are_not_concerns(short):
    passage = ("Officials said 43 per cent of phones stayed locked. Gusts reached 270km/h. Two economists "
               "disagreed. The United Kingdom developed the gas first. The hearing opened on March 20.")
    sentence = {"43%": "Officials said 43 per cent of phones stayed locked.", "270 km/h": "Gusts reached 270km/h.",
                "2": "Two economists disagreed.", "UK": "The United Kingdom developed the gas first.",
                "2017-03-20": "The hearing opened on March 20."}[short]
    assert short_answer_concern("What figure?", short, [cite(sentence, passage)]) is None


def test_an_answer_the_passages_only_expected_is_a_concern():
    passage = "The DUP expects to take 31-33 seats and Sinn Féin has an expectation of 25-28. Turnout was high."
    quote = "The DUP expects to take 31-33 seats and Sinn Féin has an expectation of 25-28."
    q = "How many seats did the DUP win in the Assembly election?"
    assert short_answer_concern(q, "31-33 seats", [cite(quote, passage)]) == "the passages only say it was expected"
    # asked about the expectation itself, the forecast is the answer
    assert short_answer_concern("How many seats did the DUP expect to take?", "31-33 seats",
                                [cite(quote, passage)]) is None
    reported = "The DUP took 28 seats. Polls had expected 31."
    assert short_answer_concern(q, "28 seats", [cite("The DUP took 28 seats.", reported)]) is None


def test_a_forecast_word_up_to_ten_words_before_the_answer_governs_it():
    sentence = ("The DUP expects to take 31-33 seats and Sinn Féin has an expectation of 25-28, thus leaving "
                "another block of approximately 30 seats.")
    assert short_answer_concern("How many seats did the other parties win?", "30 seats",
                                [cite(sentence, sentence)]) == "the passages only say it was expected"


def test_a_forecast_word_after_the_answer_is_about_something_else():
    passage = ("Mr Justice Peter Charleton has agreed to lead the tribunal and expects to have his work completed "
               "in nine months. The jury will return to court on 24 April when they are expected to hear the last "
               "witnesses.")
    judge, jury = (passage[:passage.index(" The jury")], passage[passage.index("The jury"):])
    assert short_answer_concern("Which judge agreed to lead the tribunal?", "Peter Charleton",
                                [cite(judge, passage)]) is None
    assert short_answer_concern("When will the jury return to court?", "24 April", [cite(jury, passage)]) is None
    far = "Polls closed early in the north, and after a long night the count gave the DUP 28 seats on Friday."
    assert short_answer_concern("How many seats did the DUP win?", "28 seats", [cite(far, far)]) is None


def test_an_answer_the_passages_leave_open_is_a_concern():
    sentence = "All eyes are now on the Dutch elections to see if Geert Wilders will continue that trend."
    q = "Who won the Dutch general election held on 15 March 2017?"
    assert short_answer_concern(q, "Geert Wilders", [cite(sentence, sentence)]) == OPEN_QUESTION
    said = "Geert Wilders, whose party came second, said it was unclear whether talks would start."
    assert short_answer_concern("Whose party came second in the Dutch election?", "Geert Wilders",
                                [cite(said, said)]) is None  # the open words come after the answer


def test_a_yes_whose_quotes_leave_it_open_is_a_concern():
    quote = ("Search coordinators want to partially lift the wreckage to see if there is any trace of the two "
             "crew members who have been missing since the helicopter crashed.")
    q = "Were the two missing crew members found when the helicopter wreckage was lifted?"
    assert short_answer_concern(q, "Yes", [cite(quote, quote)]) == OPEN_QUESTION
    found = "Divers found the two missing crew members when the helicopter wreckage was lifted."
    assert short_answer_concern(q, "Yes", [cite(found, found)]) is None


def test_the_outlet_of_the_cited_passage_is_not_an_answer_to_a_question_about_the_news():
    passage = "TASS reported that European parliamentarians arrived in Crimea on Sunday at the invitation of Just Russia."
    c = cite("TASS reported that European parliamentarians arrived in Crimea on Sunday", passage)
    assert short_answer_concern("Who organised the visit of European MPs to Crimea?", "TASS", [c]) == \
        NAMES_THE_OUTLET
    assert short_answer_concern("Who organised the visit of European MPs to Crimea?", "Just Russia", [c]) != \
        NAMES_THE_OUTLET
    assert short_answer_concern("Who invited European MPs to Crimea?", "Just Russia", [c]) is None
    # no answer, so an abstention that says why (demo-082, unanswerable, was shown as "RTÉ", flagged)
    assert NAMES_THE_OUTLET in UNSETTLED
    assert unsettled_reason(NAMES_THE_OUTLET, "TASS", [c]).startswith(
        "the model's answer “TASS” names the outlet that reported it, not an answer (“TASS reported")


def test_an_act_the_passage_puts_in_other_words_is_flagged_a_known_false_alarm():
    # "at the invitation of Just Russia" does organise the visit, but no form of "organise" is there: the
    # action check (qa/asked_action.py) flags this right answer. A flag, not an abstention, for this reason.
    passage = "TASS reported that European parliamentarians arrived in Crimea on Sunday at the invitation of Just Russia."
    c = cite("TASS reported that European parliamentarians arrived in Crimea on Sunday", passage)
    assert short_answer_concern("Who organised the visit of European MPs to Crimea?", "Just Russia", [c]) == \
        "no cited sentence naming it says who organised"


@pytest.mark.parametrize("question", ["Which news agency reported the MPs' arrival in Crimea?",
                                      "Which outlet covered the visit to Crimea?",
                                      "According to which source did the MPs arrive in Crimea?"])
def test_the_outlet_may_answer_a_question_about_the_reporting(question):
    passage = "TASS reported that European parliamentarians arrived in Crimea on Sunday."
    assert short_answer_concern(question, "TASS", [cite(passage, passage)]) is None


def test_an_answer_the_passages_say_has_not_happened_yet_is_left_open():
    passage = "Aslef's 1,000 or so drivers still need to vote on the deal and they might just kick it out."
    c = cite(passage, passage)
    assert short_answer_concern("What was the result of the Aslef drivers' ballot on the deal?",
                                "1,000 or so drivers still need", [c]) == OPEN_QUESTION
    assert short_answer_concern("How many drivers does Aslef have?", "1,000 or so", [c]) is None  # cue after it
    later = "The ballot result is yet to be announced, but union leaders expect a yes."
    assert short_answer_concern("What was the ballot's result?", "a yes", [cite(later, later)]) == OPEN_QUESTION


def test_a_quizs_true_or_false_is_read_as_yes_or_no():
    quote = "Police searched the building."
    assert short_answer_concern("The police searched the building. True or false?", "True", [cite(quote)]) is None
    assert short_answer_concern("The police searched the building. True or false?", "False", [cite(quote)]) is None


COIN = ("Thieves broke into the Bode Museum overnight. Nicknamed the Big Maple Leaf, the coin was issued in "
        "2007, ahead of Queen Elizabeth II's state visit to Germany. Police found a ladder near the tracks. "
        "WEXFORD (Reuters) - Ann Marsh, 47, is a teacher. The group meets in April. Marsh has chaired the "
        "housing committee since 2014.")


def test_a_who_answer_whose_sentences_never_say_the_act_asked_is_a_concern():
    quote = "Nicknamed the Big Maple Leaf, the coin was issued in 2007, ahead of Queen Elizabeth II's state visit to Germany."
    assert short_answer_concern("Who stole the Big Maple Leaf gold coin from the Bode Museum?", "Queen Elizabeth II",
                                [cite(quote, COIN)]) == "no cited sentence naming it says who stole"
    # the same sentence answers a question about the coin's issue
    assert short_answer_concern("Who issued the Big Maple Leaf coin?", "Queen Elizabeth II", [cite(quote, COIN)]) is None


def test_a_light_verb_s_act_is_said_by_its_noun_s_verb():
    # blind s55-10: "Who gave the estimate …?" over "Russia estimates …, the head of the committee … said"
    duma = ("Russia estimates its air strike campaign in Syria could last three to four months, the head of the "
            "foreign affairs committee at the State Duma, said Oct. 1.")
    asked = "Who gave the estimate of how long the air campaign could last?"
    assert short_answer_concern(asked, "the head of the foreign affairs committee", [cite(duma, duma)]) is None
    assert short_answer_concern("Who gave the order to strike?", "the head of the foreign affairs committee",
                                [cite(duma, duma)]) == "no cited sentence naming it says who gave"


def test_a_who_answer_reported_under_the_surname_later_passes():
    # "Ann Marsh" is introduced in one sentence and said to chair the committee two sentences on.
    quote = "WEXFORD (Reuters) - Ann Marsh, 47, is a teacher."
    assert short_answer_concern("Who has chaired the housing committee since 2014?", "Ann Marsh",
                                [cite(quote, COIN)]) is None
    assert short_answer_concern("Who has stolen the housing committee?", "Ann Marsh", [cite(quote, COIN)]) == \
        "no cited sentence naming it says who has stolen"


def test_a_yes_whose_quote_never_says_the_act_asked_is_a_concern():
    passage = ("The Mandell Jewish Community Center in West Hartford received its one and only bomb threat the day "
               "after training, he said. Police found a suspicious package there. Staff evacuated the building.")
    quote = "The Mandell Jewish Community Center in West Hartford received its one and only bomb threat the day after training, he said."
    q = "Were any explosive devices found at the Jewish community centres that received bomb threats?"
    assert short_answer_concern(q, "Yes", [cite(quote, passage)]) is None  # "found" is in the next sentence
    lone = quote + " Staff evacuated the building. Nobody was hurt."
    assert short_answer_concern(q, "Yes", [cite(quote, lone)]) == "the quoted passages do not say found"


def test_answer_sentences_stating_the_unsaid_act_are_marked_unsupported():
    from qa.citations import AnswerSentence
    from qa.short_answer_check import mark_unsaid_act, unsaid_who, unsaid_yes

    q = "Who stole the Big Maple Leaf gold coin from the Bode Museum?"
    said = [AnswerSentence("Queen Elizabeth II was reported to have stolen the coin [1].", (1,), True),
            AnswerSentence("The coin was issued ahead of Queen Elizabeth II's state visit [1].", (1,), True),
            AnswerSentence("Thieves stole it overnight [1].", (1,), True)]  # the act, but not the answer's name
    marked = mark_unsaid_act(q, "Queen Elizabeth II", unsaid_who("stole"), said)
    assert [s.supported for s in marked] == [False, True, True]
    assert mark_unsaid_act(q, "Queen Elizabeth II", "it only repeats the question", said) == said  # other concerns
    assert mark_unsaid_act(q, "Queen Elizabeth II", None, said) == said

    q = "Were any explosive devices found at the Jewish community centres that received bomb threats?"
    said = [AnswerSentence("Yes.", (), True),
            AnswerSentence("An explosive device was found at the center in West Hartford [1].", (1,), True)]
    assert [s.supported for s in mark_unsaid_act(q, "Yes", unsaid_yes("found"), said)] == [True, False]


def test_only_concerns_about_support_say_the_passages_do_not_back_the_answer():
    from qa.short_answer_check import says_unsupported, unsaid_who, unsaid_yes

    assert says_unsupported("not in the cited passages")
    assert says_unsupported(unsaid_who("stole")) and says_unsupported(unsaid_yes("found"))
    assert says_unsupported("the quoted passages do not say accusing, reflect")  # the half-share rule
    assert not says_unsupported("it only repeats the question") and not says_unsupported(NAMES_THE_OUTLET)
    assert not says_unsupported(None) and not says_unsupported(OPEN_QUESTION)


DONATIONS = ("The White House released its proposed budget early Thursday, and during the course of that day, online "
             "donations to Meals on Wheels were 50 times the usual daily total -- $50,000 compared to the typical "
             "daily rate of $1,000. By Saturday afternoon, Meals on Wheels had received just over $100,000 in mostly "
             "small individual gifts since the proposed budget was released.")


def test_a_total_so_far_given_for_one_days_figure_is_a_concern():
    q = "How much did Meals on Wheels receive in online donations on the day the White House released its budget?"
    total = DONATIONS[DONATIONS.index("By Saturday"):]
    day = DONATIONS[:DONATIONS.index(" By Saturday")]
    assert short_answer_concern(q, "$100,000", [cite(total, DONATIONS)]) == RUNNING_TOTAL
    assert short_answer_concern(q, "$50,000", [cite(day, DONATIONS)]) is None


@pytest.mark.parametrize("question", [
    "How much had Meals on Wheels received by Saturday?",  # the question asks the total itself
    "How much did Meals on Wheels receive after the budget was released?",  # no one day asked
])
def test_a_total_so_far_answers_a_question_not_about_one_day(question):
    total = DONATIONS[DONATIONS.index("By Saturday"):]
    assert short_answer_concern(question, "$100,000", [cite(total, DONATIONS)]) is None


def test_a_name_is_never_a_running_total():
    sentence = "By Monday, the charity had named Jenny Bertolette as its spokeswoman."
    assert short_answer_concern("Who did the charity name as spokeswoman on Monday?", "Jenny Bertolette",
                                [cite(sentence, sentence)]) is None


def test_a_count_the_passages_give_only_as_a_measure_is_an_unsettled_concern():
    duma = ("Russia continued air strikes for a third day on Oct. 2. Russia estimates its air strike campaign in "
            "Syria could last three to four months, the head of the committee said.")
    quote = duma[duma.index("Russia estimates"):]
    q = "How many air strikes had Russia carried out in Syria by Oct. 2?"
    assert short_answer_concern(q, "3", [cite(quote, duma)]) == MEASURED_NOT_COUNTED
    assert MEASURED_NOT_COUNTED in UNSETTLED  # an abstention that says why, not a flag
    assert short_answer_concern("How many months could the campaign last?", "3", [cite(quote, duma)]) is None


def test_a_name_for_a_role_the_passages_leave_nameless_is_an_unsettled_concern():
    duma = ("Russia estimates its air strike campaign could last three to four months, the head of the foreign "
            "affairs committee at the State Duma, said Oct. 1. Russia does not consider the Free Syrian Army a "
            "terrorist group, Lavrov said Oct. 1.")
    q = "What is the name of the head of the State Duma's foreign affairs committee who estimated it?"
    assert short_answer_concern(q, "Lavrov", [cite(duma[:duma.index(" Russia does")], duma)]) == ROLE_UNNAMED
    assert ROLE_UNNAMED in UNSETTLED


def test_a_count_the_passages_give_only_as_a_count_of_other_things_is_an_unsettled_concern():
    # held-out s11-17 (unanswerable): "3" for civilians killed, from a DW article's three Turkish soldiers
    dw = ("A Russian airstrike in Syria killed three Turkish soldiers and injured 11 others as they both fought the "
          "so-called \"Islamic State,\" Turkish officials announced on Thursday.")
    q = "How many civilians were killed in the Russian air strikes on Hama, Homs and Idlib?"
    assert short_answer_concern(q, "3", [cite(dw, dw)]) == COUNTED_OTHERWISE
    assert COUNTED_OTHERWISE in UNSETTLED  # an abstention that says why, not a flag
    assert short_answer_concern("How many Turkish soldiers were killed?", "3", [cite(dw, dw)]) is None
    # the reason quotes the sentence that writes the number, not the list the short-answer check counted
    statement = "We express our deep concern with the attacks by the Russian Air Force on Hama, Homs and Idlib."
    reason = unsettled_reason(COUNTED_OTHERWISE, "3", [cite(statement, statement), cite(dw, dw)])
    assert "three Turkish soldiers" in reason and "Hama" not in reason


def test_a_count_the_passages_give_for_another_act_is_an_unsettled_concern():
    # blind held-out s62-17 (unanswerable): "10,000 civilians" killed, from a sentence counting the wounded
    wounded = "Another 10,000 people were wounded with civilians making up two-thirds of that number."
    q = "how many civilians were actually killed in the russian strikes on hama, homs and idlib?"
    assert short_answer_concern(q, "10,000 civilians", [cite(wounded, wounded)]) == COUNTED_FOR_OTHER_ACT
    assert COUNTED_FOR_OTHER_ACT in UNSETTLED
    assert short_answer_concern("How many people were wounded?", "10,000", [cite(wounded, wounded)]) is None


def test_a_short_answer_counting_other_things_is_flagged_not_withheld():
    # held-out s12-19 (unanswerable): NATO's 1999 combat flights given as the targets Russia hit in Raqqa
    tass = ("During the 78-day operation, NATO aircraft conducted as many as 38,000 combat flights, including "
            "more than 10,000 bombing raids.")
    q = "How many targets did Russia say it hit in Raqqa when it first bombed the city?"
    concern = short_answer_concern(q, "38,000 combat flights", [cite(tass, tass)])
    assert concern == counts_other("combat flights") and concern not in UNSETTLED
    assert short_answer_concern("How many combat flights did NATO conduct?", "38,000 combat flights",
                                [cite(tass, tass)]) is None


def test_a_past_event_s_date_given_for_a_planned_one_is_an_unsettled_concern():
    # blind s40-20 (unanswerable): "October 1" from the sample's talks held on Oct. 1 (qa/planned_date.py)
    held = ("The Pentagon held talks with officials in Moscow on Oct. 1 in a bid to avoid mishaps in the region "
            "between the two military powers.")
    q = "On what date is the U.S.–Russian military de-confliction meeting scheduled to take place?"
    assert short_answer_concern(q, "October 1", [cite(held, held)]) == PAST_NOT_PLANNED
    # the passage's other sentences writing the date are not what the answer cites (the sample's "Lavrov said
    # Oct. 1" sentence holds "should"): the cited sentence decides
    passage = held + " Rebels should be part of a political solution in Syria, Lavrov said Oct. 1."
    assert short_answer_concern(q, "October 1", [cite(held, passage)]) == PAST_NOT_PLANNED
    assert PAST_NOT_PLANNED in UNSETTLED
    assert short_answer_concern("When did the Pentagon hold talks in Moscow?", "Oct. 1", [cite(held, held)]) is None


def test_a_clause_with_its_names_swapped_round_is_unsettled():
    # blind s48-05 (unanswerable): "What did Turkish President Recep Tayyip Erdoğan say about the Russian air
    # strikes?" → the DW sentence with Putin and Erdogan exchanged, unflagged
    quote = ("Russian President Vladimir Putin phoned his Turkish counterpart, Recep Tayyip Erdogan on Thursday to "
             "express his condolences.")
    q = "What did Turkish President Recep Tayyip Erdoğan say about the Russian air strikes?"
    swapped = "Recep Tayyip Erdogan phoned his Turkish counterpart, Vladimir Putin on Thursday to express his condolences"
    assert short_answer_concern(q, swapped, [cite(quote, quote)]) == SWAPPED_NAMES
    assert SWAPPED_NAMES in UNSETTLED
    faithful = "Vladimir Putin phoned his Turkish counterpart, Recep Tayyip Erdogan on Thursday"
    assert short_answer_concern(q, faithful, [cite(quote, quote)]) != SWAPPED_NAMES
