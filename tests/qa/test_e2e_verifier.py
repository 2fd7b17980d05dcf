"""The verifier with the real models, on the kinds of answer it used to get wrong (issue 8):
a dateline read as a fact, a near-verbatim copy with no marker flagged as unsupported, and the
undated, outlet-less shared sample article abstained on once other articles share the archive.

The archive is the fixture articles of `test_e2e` plus a CNN-style profile whose dateline names
another city than the birthplace, and (when ../shared is present) the shared sample article.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from index.article import ArticleRef
from qa.answer import NewsQA
from qa.citations import verify_answer
from qa.retrieval import Passage
from test_e2e import AS_OF, ARTICLES, build, llm  # noqa: F401  (llm is a fixture)

pytestmark = pytest.mark.slow

PROFILE = {
    "title": "Khalid Masood: from sporty teenager to murderous extremist", "date": "2017-03-25",
    "url": "http://www.cnn.com/2017/03/24/europe/khalid-masood-london-attacker-profile/index.html",
    "source": "CNN",
    "text": "Birmingham, England (CNN)Khalid Masood, the man responsible for the worst terrorist attack in London "
            "in over a decade, kept to himself in recent years, neighbors say. But he had a checkered past "
            "involving a series of aliases and a string of convictions for violence.\n\n"
            "Born in Britain on December 25, 1964, in Kent, south-east England. His birth name was Adrian Russell "
            "Ajao, although he went on to use multiple aliases. As a boy, Adrian Ajao was a popular pupil who "
            "liked to party and was a keen soccer player. His first conviction, for criminal damage, was in "
            "November 1983.\n\nAfter leaving prison, Masood appears to have moved around over the years. His "
            "most recent connections are with Birmingham, in central England."}
SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples"


@pytest.fixture(scope="module")
def mixed_qa(tmp_path_factory, real_embedder, llm) -> NewsQA:  # noqa: F811
    """Fixture articles, the CNN profile and, when present, the shared sample, in one archive."""
    docs = tmp_path_factory.mktemp("verifier-docs")
    (docs / "news.jsonl").write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES + [PROFILE]),
                                     encoding="utf-8")
    inputs = [docs] + ([SAMPLES] if SAMPLES.is_dir() else [])
    return NewsQA(build(tmp_path_factory.mktemp("verifier-store"), inputs, real_embedder), real_embedder, llm)


def _passage(article: dict) -> Passage:
    body = article["text"]
    ref = ArticleRef(article["url"], article["title"], article["source"], article["date"], article["url"])
    return Passage(article["url"] + "#0", ref, body, 0, len(body), 0.5, dense_score=0.6)


# -- the checker alone, with the real MiniLM ----------------------------------------------
def test_a_dateline_city_is_no_evidence_for_a_birthplace(real_embedder):
    passages = [_passage(PROFILE), _passage(ARTICLES[2])]
    _, wrong, _ = verify_answer("Khalid Masood was born in Birmingham, England [1].", passages, real_embedder)
    assert not wrong[0].supported
    _, right, citations = verify_answer("Khalid Masood was born in Kent, south-east England [1].", passages,
                                        real_embedder)
    assert right[0].supported and "Kent" in citations[0].quote and "(CNN)" not in citations[0].quote


def test_a_near_verbatim_copy_without_a_marker_is_supported_and_cited(real_embedder):
    passages = [_passage(ARTICLES[3]), _passage(ARTICLES[2])]
    raw = ("Samsung's heir apparent Lee Jae-yong has been placed under arrest in South Korea. "
           "He is accused of bribery in a corruption scandal that led to the impeachment of President Park.")
    text, sentences, citations = verify_answer(raw, passages, real_embedder)
    assert all(s.supported for s in sentences), sentences
    assert [c.source for c in citations] == ["BBC"] and "bbc.co.uk" in citations[0].url
    assert text.count("[1]") == 2


# -- with the answer model -------------------------------------------------------------------
def test_a_birthplace_question_is_not_answered_with_the_dateline(mixed_qa):
    answer = mixed_qa.ask("Where was Khalid Masood born?", as_of=AS_OF)
    assert not answer.abstained, answer.text
    assert "Kent" in answer.text, answer.text
    assert answer.unsupported_sentences == 0, answer.sentences
    # verification is timed (its speed is a load-independent unit test: one batch of answer sentences)
    assert 0 <= answer.timings_ms["verify"] <= answer.timings_ms["total"]


def test_a_standalone_question_is_not_rewritten(mixed_qa):
    history = [{"role": "user", "content": "Where was Khalid Masood born?"},
               {"role": "assistant", "content": "Khalid Masood was born in Kent [1]."}]
    calls = []
    complete = mixed_qa.llm.complete
    mixed_qa.llm.complete = lambda *a, **kw: calls.append(a) or complete(*a, **kw)
    try:
        query = mixed_qa.understand("Why was Samsung heir Lee Jae-yong arrested?", history, as_of=AS_OF)
    finally:
        mixed_qa.llm.complete = complete
    assert query.text == "Why was Samsung heir Lee Jae-yong arrested?"
    assert calls == []  # no model call at all


def _sample_qa(mixed_qa: NewsQA) -> NewsQA:
    if not SAMPLES.is_dir():
        pytest.skip("../shared/samples is not present")
    return mixed_qa


@pytest.mark.parametrize("question, expected", [
    ("Which cities did the joint statement say the Russian Air Force attacked?", ("Hama", "Homs", "Idlib")),
    ("Which Turkish dailies quoted Davutoğlu as saying the outcome was very worrisome?", ("Hurriyet",)),
    ("Who did Turkish Foreign Minister Feridun Sinirlioğlu meet in New York on Oct. 1?", ("Kerry",)),
])
def test_the_undated_sample_article_answers_among_other_articles(mixed_qa, question, expected):
    answer = _sample_qa(mixed_qa).ask(question, as_of=AS_OF)
    assert not answer.abstained, answer.text
    for word in expected:
        assert word in answer.text, answer.text
    assert any(c.source is None and c.published is None for c in answer.citations), answer.citations


def test_a_disputed_claim_gets_both_sides_not_a_bare_yes_or_no(mixed_qa):
    # The fixture's BBC story: "He is accused of bribery in a corruption scandal …" and "Samsung denied
    # any wrongdoing." (issue 8: a claim and its denial got a bare "Yes [1]").
    answer = mixed_qa.ask("Was Samsung involved in wrongdoing in the corruption scandal?", as_of=AS_OF)
    assert answer.short_answer == "Disputed", answer.text
    assert "accused of bribery" in answer.text and "denied any wrongdoing" in answer.text, answer.text
    assert answer.unsupported_sentences == 0 and answer.short_answer_supported, answer.sentences
    assert {c.source for c in answer.citations} == {"BBC"}


def test_an_either_or_question_the_sample_article_disputes_gets_both_sides(mixed_qa):
    # held-out s6-07 answered one side ("ISIL"); the article has Russia's claim and Davutoğlu's rejection
    answer = _sample_qa(mixed_qa).ask("Did Russia's air strikes target ISIL or the Syrian opposition?", as_of=AS_OF)
    assert answer.short_answer == "Disputed", answer.text
    assert "rejected Moscow" in answer.text and "ISIL" in answer.text, answer.text
    assert all(c.source is None for c in answer.citations), answer.citations


def test_an_either_or_question_whose_denial_is_not_among_the_sentences_shown_gets_both_sides(mixed_qa):
    # blind s21-16: worded so, the question was shown neither Davutoğlu's rejection nor a dispute (qa/disputes.py,
    # `unshown_denial`)
    answer = _sample_qa(mixed_qa).ask("Are Russia's air strikes in Syria hitting ISIL and terrorist groups, or the "
                                      "Syrian opposition and civilians?", as_of=AS_OF)
    assert answer.short_answer == "Disputed", answer.text
    assert "rejected Moscow" in answer.text, answer.text


@pytest.mark.parametrize("question", [
    "Who is Russia really targeting in its Syria air strikes?",  # blind s32-16 answered one side
    "Who were Russia's air strikes in Syria actually aimed at?",  # blind s34-16 answered one side
])
def test_a_question_asking_whom_russia_really_targets_gets_both_sides(mixed_qa, question):
    answer = _sample_qa(mixed_qa).ask(question, as_of=AS_OF)
    assert answer.short_answer == "Disputed", answer.text
    assert "accused Russia" in answer.text and "rejected Moscow" in answer.text, answer.text


def test_whose_government_is_the_owner_the_sample_names(mixed_qa):
    # blind s21-02 (withheld) and s22-12 (flagged): the model answered "Turkey's government" (qa/possessor.py)
    answer = _sample_qa(mixed_qa).ask("Whose government did the Turkish prime minister say Russia's air strikes "
                                      "were meant to prop up?", as_of=AS_OF)
    assert not answer.abstained and "Assad" in (answer.short_answer or ""), answer.text


def test_which_bodys_committee_is_the_owner_the_sample_names(mixed_qa):
    # blind s21-06 and s23-06: the model answered "Foreign Affairs Committee", the words of the question
    answer = _sample_qa(mixed_qa).ask("The head of which Russian parliamentary body's foreign affairs committee said "
                                      "the air campaign could last three to four months?", as_of=AS_OF)
    assert not answer.abstained and "Duma" in (answer.short_answer or ""), answer.text


@pytest.mark.parametrize("question", [
    "Which Pentagon official led the Oct. 1 talks with Russian officials in Moscow?",  # blind s20-20, s22-20: "Kerry"
    "Which Pentagon officials took part in the Oct. 1 talks with Moscow?",  # blind s23-20: "two Pentagon officials"
])
def test_a_pentagon_official_the_sample_never_names_is_not_answered(mixed_qa, question):
    # the sample says only "The Pentagon held talks with officials in Moscow on Oct. 1" (qa/role_tie.py)
    answer = _sample_qa(mixed_qa).ask(question, as_of=AS_OF)
    assert answer.abstained, answer.text


def test_the_russian_foreign_minister_is_the_one_the_sample_titles_so(mixed_qa):
    # blind s24-09 got Turkey's "Feridun Sinirlioğlu"; s16-08 echoed "Kerry" (qa/role_tie.py, `titled_holder`)
    answer = _sample_qa(mixed_qa).ask("What is the name of the Russian foreign minister Kerry met before announcing "
                                      "upcoming military talks?", as_of=AS_OF)
    assert not answer.abstained and "Lavrov" in (answer.short_answer or ""), answer.text


def test_where_the_statement_was_published_is_the_website_not_turkey(mixed_qa):
    # blind s19-08, s21-04, s24-05: the short answer "Turkey" echoed the question (qa/reply_review.py)
    answer = _sample_qa(mixed_qa).ask("Where did Turkey publish the joint statement criticizing Russia's strikes?",
                                      as_of=AS_OF)
    assert not answer.abstained and "website" in (answer.short_answer or ""), answer.text


def test_where_lavrov_gave_the_news_conference_is_the_place_the_sample_gives(mixed_qa):
    # blind s18-07, s24-02, s26-11 got "New York" over "told a news conference at the United Nations"
    answer = _sample_qa(mixed_qa).ask("Where did Lavrov give the news conference in which he said Russian troops "
                                      "were targeting ISIL and other terrorist groups?", as_of=AS_OF)
    assert not answer.abstained and "United Nations" in (answer.short_answer or ""), answer.text


def test_an_undisputed_yes_no_question_is_answered_yes_or_no(mixed_qa):
    answer = mixed_qa.ask("Did the Bus Éireann strike end?", as_of=AS_OF)
    assert answer.short_answer != "Disputed" and not answer.abstained, answer.text


@pytest.mark.parametrize("question, quoted", [
    # "Russia does not consider the U.S.-backed Free Syrian Army rebels a terrorist group": the
    # model's short line tends to "Yes" (7 of 8 "no" questions of the demo set); the checked answer is "No".
    ("Does Russia consider the Free Syrian Army rebels a terrorist group?", "does not consider"),
    # blind s29-15 got "Yes" (flagged) over "… for the first time on the third day of its campaign"
    ("Did Russia say it bombed Raqqa on the first day of its air campaign?", "third day"),
    # blind s36-14 got "Yes": "the opening day" is the first, and "According to Moscow" whose account is asked
    ("According to Moscow, was Raqqa struck on the opening day of its bombing campaign?", "third day"),
    # blind s38-02 got "Yes": "day one" is the first day
    ("Did Russia say it bombed Raqqa for the first time on day one of its campaign?", "third day"),
    # blind s38-10 and s38-18 got "Yes" (unflagged) over a sentence with another city, another unit of time
    ("Did Turkey's foreign minister meet Kerry in Washington on Oct. 1?", "New York"),
    ("Did the head of the State Duma's foreign affairs committee say Russia expects its air campaign in Syria "
     "to last three to four weeks?", "months"),
])
def test_a_no_question_over_the_undated_sample_is_answered_no(mixed_qa, question, quoted):
    answer = _sample_qa(mixed_qa).ask(question, as_of=AS_OF)
    assert answer.short_answer == "No", answer.text
    assert quoted in answer.text and answer.unsupported_sentences == 0, answer.text


def test_a_not_in_another_clause_of_the_sentence_does_not_make_the_answer_no(mixed_qa):
    # blind s20-15: the model's right "Yes" was overruled to "No" by the "does not consider" before the "and"
    answer = _sample_qa(mixed_qa).ask("Did Lavrov say the U.S.-backed Free Syrian Army should be part of a political "
                                      "solution in Syria?", as_of=AS_OF)
    assert answer.short_answer == "Yes", answer.text


def test_a_not_before_a_name_and_what_is_negated_makes_the_answer_no(mixed_qa):
    # blind s23-15 got "Yes": the "not" of "does not consider the U.S.-backed Free Syrian Army rebels a terrorist
    # group" reached only "consider the U.S.-backed" in plain words (qa/polarity.py)
    answer = _sample_qa(mixed_qa).ask("Does Russia regard the Free Syrian Army as a terrorist group?", as_of=AS_OF)
    assert answer.short_answer == "No", answer.text


def test_a_party_asked_to_have_accepted_what_it_rejected_is_no_not_disputed(mixed_qa):
    # blind s17-14 and s22-14 got "Disputed": the sample says Davutoğlu rejected Moscow's insistence (qa/stance.py)
    answer = _sample_qa(mixed_qa).ask("Did Ahmet Davutoğlu accept Moscow's insistence that its air strikes were "
                                      "aimed at ISIL?", as_of=AS_OF)
    assert answer.short_answer == "No", answer.text
    assert "rejected Moscow's insistence" in answer.text and answer.unsupported_sentences == 0, answer.text


def test_what_first_happened_on_the_third_day_had_not_happened_before_it(mixed_qa):
    # blind s21-13 and s26-14 got "Yes" over "bombed … Raqqa for the first time on the third day" (qa/polarity.py)
    answer = _sample_qa(mixed_qa).ask("Had Russia bombed Raqqa before the third day of its air campaign?", as_of=AS_OF)
    assert answer.short_answer == "No", answer.text


@pytest.mark.parametrize("country, expected", [("Germany", "Yes"), ("Italy", "No"), ("Iraq", "No")])
def test_a_membership_question_over_the_sample_is_settled_by_the_statements_list(mixed_qa, country, expected):
    # blind s16-14 (Germany: a right "Yes", flagged) and s14-08, s17-15 (Italy: a wrong "Yes"): the joint
    # statement lists its seven governments, Italy among none of the passages (qa/membership.py); Iraq (blind
    # s24-14: "Yes") is named only in "the Islamic State of Iraq and the Levant"
    answer = _sample_qa(mixed_qa).ask(f"Was {country} one of the governments that signed the joint statement on "
                                      "Russia's strikes in Syria?", as_of=AS_OF)
    assert answer.short_answer == expected, answer.text
    assert "France, Germany" in answer.text and answer.unsupported_sentences == 0, answer.text  # a list quoted
    assert answer.short_answer_supported is not False and answer.quoted, answer.text


def test_what_the_joint_statement_said_is_no_dispute_for_davutoglus_denial(mixed_qa):
    # blind s18-13 got "Disputed": Davutoğlu's rejecting Moscow's claim about its "air strikes" was read as
    # disputing what the statement said (qa/disputes.py, `asks_what_was_said`)
    answer = _sample_qa(mixed_qa).ask("Did the joint statement say the Russian air strikes had caused civilian "
                                      "casualties?", as_of=AS_OF)
    assert answer.short_answer != "Disputed" and "rejected Moscow" not in answer.text, answer.text


def test_a_listed_short_answer_is_written_as_the_sample_writes_the_list(mixed_qa):
    # blind s18-12: "democratic, united, secular", scored wrong against the article's "democratic, united and
    # secular" (qa/list_span.py)
    answer = _sample_qa(mixed_qa).ask("According to Lavrov, what three qualities does everyone want Syria to have?",
                                      as_of=AS_OF)
    assert answer.short_answer == "democratic, united and secular", answer.text


def test_a_respelt_short_answer_takes_the_samples_spelling(mixed_qa):
    # blind s19-09: "DAESH", found in no cited passage as written and the model unsure of it, was withheld
    # (qa/spelling.py gives it the statement's "Da'esh")
    answer = _sample_qa(mixed_qa).ask("What Arabic acronym did the signatories of the joint statement use for the "
                                      "jihadist organisation?", as_of=AS_OF)
    assert not answer.abstained and answer.short_answer.replace("’", "'") == "Da'esh", answer.text


def test_who_gave_a_statement_the_sample_attributes_to_a_nameless_role_is_that_role(mixed_qa):
    # blind s13-11: the model answered "Lavrov" (the next sentence's name) for "…, the head of the foreign
    # affairs committee at the State Duma, said Oct. 1." (qa/nameless_speaker.py); asked the role's name,
    # the archive does not say (qa/role_names.py)
    qa = _sample_qa(mixed_qa)
    answer = qa.ask("Which official gave Russia's estimate of how long the air campaign in Syria might last?",
                    as_of=AS_OF)
    assert "foreign affairs committee" in (answer.short_answer or ""), answer.text
    assert "Lavrov" not in answer.short_answer and answer.quoted, answer.text
    named = qa.ask("What is the name of the head of the State Duma's foreign affairs committee who estimated how long "
                   "Russia's Syria campaign could last?", as_of=AS_OF)
    assert named.abstained or named.short_answer_supported is False, named.text


def test_where_the_statement_was_published_is_not_the_coalition_turkey_was_partner_in(mixed_qa):
    # blind s27-12: "the U.S.-led" (of "its partners in the U.S.-led coalition") overruled the model (qa/place_phrase.py)
    answer = _sample_qa(mixed_qa).ask("Where did Turkey publish the joint statement with its coalition partners?",
                                      as_of=AS_OF)
    assert "U.S.-led" not in (answer.short_answer or ""), answer.text


@pytest.mark.parametrize("question", [
    # blind s27-03 and s28-03 (written apart): withheld as clauses of the model's own
    "What event was the Turkish prime minister flying back from when he spoke to reporters about the Russian strikes?",
    "What event was Turkey's premier flying back from when he spoke to reporters about the Russian strikes?",
])
def test_what_the_prime_minister_flew_back_from_is_what_the_stranded_from_takes(mixed_qa, question):
    answer = _sample_qa(mixed_qa).ask(question, as_of=AS_OF)
    assert not answer.abstained and "General Assembly" in (answer.short_answer or ""), answer.text


def test_who_said_words_the_sample_quotes_is_the_speaker_it_attributes_them_to(mixed_qa):
    # blind s29-06 got "Kerry", unflagged (qa/quoted_speaker.py)
    answer = _sample_qa(mixed_qa).ask('Who said "We all want Syria to be democratic, united and secular"?', as_of=AS_OF)
    assert not answer.abstained and "Lavrov" in (answer.short_answer or ""), answer.text
    assert "Kerry" not in answer.short_answer and answer.unsupported_sentences == 0, answer.text


def test_which_news_agency_reported_the_meeting_is_the_one_the_sample_attributes_it_to(mixed_qa):
    # blind s29-05 got "Al Jazeera" (flagged) over "…, according to Anadolu Agency" (qa/quoted_speaker.py)
    answer = _sample_qa(mixed_qa).ask("In the report, which news agency reported the Sinirlioglu meeting with Kerry?",
                                      as_of=AS_OF)
    assert not answer.abstained and "Anadolu" in (answer.short_answer or ""), answer.text


def test_a_clause_the_model_copies_with_a_word_rewritten_is_answered_as_the_sample_writes_it(mixed_qa):
    # blind s30-10: "stop its attacks on the Syrian opposition …", withheld as a clause of the model's own
    answer = _sample_qa(mixed_qa).ask("What did the joint statement urge the Russian Federation to do?", as_of=AS_OF)
    assert not answer.abstained and "cease its attacks" in answer.text, answer.text
    assert answer.unsupported_sentences == 0, answer.text


@pytest.mark.parametrize("question", [
    # blind s34-02: "Syria" (another sentence's "air strikes in Syria"), unflagged
    "Where was Turkey's prime minister flying back from when he spoke to Turkish reporters about the Russian strikes?",
    # blind s33-03: withheld as another article's headline
    "From which event was the Turkish premier coming back when he spoke to reporters on his plane?",
])
def test_where_the_prime_minister_flew_back_from_is_what_from_takes(mixed_qa, question):
    answer = _sample_qa(mixed_qa).ask(question, as_of=AS_OF)
    assert not answer.abstained, answer.text
    assert any(place in (answer.short_answer or "") for place in ("General Assembly", "New York")), answer.text
