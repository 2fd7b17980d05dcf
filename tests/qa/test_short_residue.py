"""The answering part of a short answer the model wrote as a clause around the question's words."""

from qa.short_residue import answering_residue, question_free_core

KERRY = "Whom had John Kerry just met when he announced that Washington and Moscow would soon hold a military meeting?"
KERRY_SENTENCE = ("The United States and Russia will hold a military meeting soon, Kerry said after meeting Russian "
                  "Foreign Minister Sergei Lavrov.")


def test_the_question_words_at_both_ends_are_taken_off():
    assert question_free_core(KERRY, "John Kerry met with Russian Foreign Minister Sergei Lavrov") == (
        "Russian Foreign Minister Sergei Lavrov", ["Kerry"])
    # an irregular verb in another tense, and the question's words after the answer
    assert question_free_core("What pretext did the Ukrainian military give for refusing to begin the withdrawal?",
                              "The Ukrainian military gave the pretext of insecurity in the region for refusing"
                              ) == ("insecurity in the region", ["Ukrainian"])


def test_a_count_and_its_unit_is_no_restatement():
    assert question_free_core("How many days did the strikes last?", "3 days") is None
    assert question_free_core("How many seats does the DUP expect?", "31-33 seats in the Assembly") is None  # one
    # a clause around the count is one
    assert question_free_core("How many seats does the DUP expect?", "the DUP expects 31-33 seats") == ("31-33", ["DUP"])


def test_nothing_is_left_of_an_echo_or_of_an_answer_without_the_questions_words():
    assert question_free_core(KERRY, "John Kerry met with Washington and Moscow") is None
    assert question_free_core('After meeting Sergei Lavrov, what did John Kerry say the two sides would "for certain" do?',
                              "hold a military-to-military de-confliction discussion") is None


def test_a_first_name_cut_from_the_questions_person_is_no_answer():
    # held-out s64-02: "John" was left of "John Kerry spoke to his Russian counterpart on the phone"
    asked = "who did kerry speak to on the phone, his russian counterpart? need full name"
    assert question_free_core(asked, "John Kerry spoke to his Russian counterpart on the phone") is None
    assert question_free_core(asked, "Kerry spoke to Sergei Lavrov on the phone") == ("Sergei Lavrov", ["Kerry"])
    # a title the question names is taken off, and the name after it stands
    assert question_free_core("Which Russian Foreign Minister did Kerry meet?",
                              "Kerry met Russian Foreign Minister Sergei Lavrov")[0] == "Sergei Lavrov"


def test_a_lone_common_noun_is_no_answer():
    # "What specific proposals …?" answered "… developed ideas …": the kind asked for, not an answer
    assert question_free_core("What specific proposals did Kerry and Lavrov develop to push forward the political process in Syria?",
                              "Kerry and Lavrov developed ideas to push forward the political process") is None


def test_the_rest_stands_when_a_shown_sentence_holds_it_word_for_word():
    shown = [("Kerry met reporters.", "Kerry met reporters."), (KERRY_SENTENCE, "U.S. Secretary of State John Kerry. "
                                                                                 + KERRY_SENTENCE)]
    short = "John Kerry met with Russian Foreign Minister Sergei Lavrov"
    assert answering_residue(KERRY, short, shown) == "Russian Foreign Minister Sergei Lavrov"
    # a person by surname: the passage needs "Kerry", not "John"
    assert answering_residue(KERRY, short, [(KERRY_SENTENCE, KERRY_SENTENCE)]) == "Russian Foreign Minister Sergei Lavrov"
    assert answering_residue(KERRY, short, [("Kerry met Lavrov.", "Kerry met Lavrov.")]) is None


def test_the_rest_is_refused_when_its_passage_never_names_who_the_clause_says():
    question = "How did NATO and its allies respond to Russia's air strikes in Syria?"
    short = "NATO and its allies responded by holding talks with officials in Moscow"
    sentence = "The Pentagon held talks with officials in Moscow on Oct. 1."
    assert question_free_core(question, short) == ("holding talks with officials in Moscow", ["NATO"])
    assert answering_residue(question, short, [(sentence.replace("held", "holding"),) * 2]) is None
    named = "NATO said so. The Pentagon was holding talks with officials in Moscow."
    assert answering_residue(question, short, [("The Pentagon was holding talks with officials in Moscow.", named)]
                             ) == "holding talks with officials in Moscow"


def test_a_clause_tacked_on_after_a_comma_is_left_off_when_no_sentence_holds_the_whole_rest():
    # s19-08 over the stemmed keyword index: the model joined the website to the next sentence's acronym clause
    question = "Where did Turkey publish the joint statement criticizing Russia's strikes?"
    short = ("Turkey published the joint statement criticizing Russia's strikes on its Foreign Ministry's website, "
             "using an Arabic acronym for the jihadist organization")
    passage = ("Turkey said on its Foreign Ministry's website that Russia's strikes would fuel extremism. The statement "
               "was signed by seven governments, they said, using an Arabic acronym for the jihadist organization.")
    sentence = "Turkey said on its Foreign Ministry's website that Russia's strikes would fuel extremism."
    assert answering_residue(question, short, [(sentence, passage)]) == "Foreign Ministry's website"
    # a list goes on after its comma: its first item is not the answer
    listed = "The statement named Hama. The attacks hit Hama and Homs."
    assert answering_residue("Which places did the statement say Russia attacked?",
                             "The statement said Russia attacked Hama, Homs and Aleppo", [(listed, listed)]) is None
