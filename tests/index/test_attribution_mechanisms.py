"""The general mechanisms of speaker attribution, one case each (index/attribution.py, speakers.py, speech_verbs.py).

Sentences written for these tests, not taken from the labelled articles: the labelled
sets measure the mechanisms (tests/eval/test_attribution_labels.py), these pin them.
"""

from __future__ import annotations

import pytest

from index.attribution import attributed_statements, quotation_spans
from index.speech_verbs import forms


def found(text: str) -> list[tuple[str, str]]:
    return [(s.name, s.text) for s in attributed_statements(text)]


@pytest.mark.parametrize("verb, expected", [
    ("say", ("say", "says", "said", "saying")),
    ("deny", ("deny", "denies", "denied", "denying")),
    ("label", ("label", "labels", "labelled", "labeled", "labelling", "labeling")),
    ("tweet", ("tweet", "tweets", "tweeted", "tweeting")),
])
def test_every_tense_of_a_speech_verb(verb, expected):
    assert forms(verb) == expected


@pytest.mark.parametrize("sentence, name", [
    ("Farooq Tariq tweeted that most factory owners do not follow labour laws.", "Farooq Tariq"),
    ("Local officials say the dump had been closed for a decade before it reopened.", "Local officials"),
    ("Neighbours said he had lost his wife and four children in the collapse.", "Neighbours"),
    ("The Pentagon said the strike killed at least eleven militants near the town.", "Pentagon"),
    ("But according to police, his first conviction was in November 1983.", "police"),
    ("Mark Rowley has repeatedly warned that the threat level remains severe.", "Mark Rowley"),
])
def test_broad_verbs_and_organisations_or_groups_as_speakers(sentence, name):
    assert [n for n, _ in found(sentence)] == [name]


def test_a_title_without_its_period_resolves_to_the_full_name_given_earlier():
    text = ("Sergeant Maurice McCabe met the minister on Monday. "
            "Sgt McCabe said the inquiry must find the truth about what happened to him.")
    assert found(text) == [("Maurice McCabe", "the inquiry must find the truth about what happened to him.")]


def test_a_surname_is_the_latest_person_of_that_name_before_it():
    text = ("Sartaj Khan blamed the system. Abdul Aziz Khan lost his son in the fire. "
            "\"We are thankful to the German people for their support,\" Khan said.")
    assert found(text)[-1][0] == "Abdul Aziz Khan"


@pytest.mark.parametrize("sentence, name", [
    ("\"Nobody is helping us here at all,\" Kaleab Tsegaye, a relative of one victim, told the agency.", "Kaleab Tsegaye"),
    ("\"My house was right inside there,\" said a shaken Tebeju Asres, pointing at the mud.", "Tebeju Asres"),
    ("\"Stop pretending for the cameras!\" one local said.", "one local"),
])
def test_speaker_after_the_quotation_with_an_appositive_or_a_described_person(sentence, name):
    assert [n for n, _ in found(sentence)] == [name]


def test_as_x_said_opens_reported_speech():
    text = "Lavrov spoke to TASS. As Lavrov said, the agreements with Washington had not been fulfilled."
    assert found(text) == [("Lavrov", "the agreements with Washington had not been fulfilled.")]


def test_a_verb_taking_an_object_is_no_statement_without_that():
    assert found("But he denied all six charges he faced in court.") == []
    assert found("Adam Jones spoke. He denied firing a single bullet at the soldiers.") \
        == [("Adam Jones", "firing a single bullet at the soldiers.")]


def test_a_quotation_of_several_sentences_takes_its_speaker_in_every_sentence():
    text = ("\"Countries like ours face tough competition. They compromise on safety. "
            "It works well for retailers,\" Sartaj Khan told DW.")
    names = {n for n, _ in found(text)}
    texts = " ".join(t for _, t in found(text))
    assert names == {"Sartaj Khan"}
    assert "They compromise on safety." in texts and "tough competition" in texts


def test_a_quotation_running_into_the_next_paragraph_is_one_span():
    body = "\"The first paragraph of it.\n\n\"The second paragraph,\" she said."
    spans = quotation_spans(body)
    assert spans == [(0, body.index(",\" she") + 2)]


def test_a_stray_straight_quote_does_not_flip_the_quotations_after_it():
    body = 'He said 5" of rain fell. "We all value privacy," Comey said. Comey\'s term ends in 2023.'
    assert [body[a:b] for a, b in quotation_spans(body)] == ['"We all value privacy,"']


@pytest.mark.parametrize("sentence, name, statement", [
    ("While such meetings are common, on Thursday a campaign spokesman said there were no calls at all.",
     "a campaign spokesman", "there were no calls at all."),
    ("The Gazette reported last week, citing two officials, that the plant would close in June.",
     "Gazette", "the plant would close in June."),
    ("The money went to Moscow, which US officials say funded the hacking campaign, the paper said.",
     "US officials", "funded the hacking campaign"),
    ("Comey did, however, say he plans to finish out his ten-year term.", "Comey",
     "he plans to finish out his ten-year term."),
    ("Old deals are not always balanced, he said, warning that the government will renegotiate them all soon.",
     None, None),
])
def test_speakers_after_clauses_commas_and_auxiliaries(sentence, name, statement):
    got = found(sentence)
    if name is None:  # "he" with nobody before it is dropped, never guessed
        assert got == []
    else:
        assert (name, statement) in got


def test_a_trailing_clause_does_not_hide_the_speaker_after_the_statement():
    text = ("Steven Mnuchin spoke in Baden-Baden. Old trade deals are not always balanced, he said, warning that "
            "Washington will not hesitate to renegotiate them if it has to, as it said it would last year.")
    assert ("Steven Mnuchin", "Old trade deals are not always balanced") in found(text)


def test_a_speaker_named_inside_a_quotation_is_the_quotation_not_a_statement():
    text = '"The group, which many people believe was spared on purpose, is still armed," Lavrov said.'
    assert [n for n, _ in found(text)] == ["Lavrov"]


@pytest.mark.parametrize("text, name, statement", [
    # a space lost to a hyphen: after a comma, before a speech verb, opening a sentence
    ("Rates will rise again next spring,-Maria Keane has pointed out.", "Maria Keane",
     "Rates will rise again next spring"),
    ("Chairman of the board Dr Tom Reilly-said 2.2 million people were treated.", "Tom Reilly",
     "2.2 million people were treated."),
])
def test_a_space_lost_to_a_hyphen_is_read_as_a_space(text, name, statement):
    assert (name, statement) in found(text)


@pytest.mark.parametrize("text, name, statement", [
    ("At the same time, in Keane's words, the bank had run out of options.", "Keane", "the bank had run out of options."),
    ("In the words of the auditor, the accounts were never balanced.", "the auditor", "the accounts were never balanced."),
    ("The school was evacuated twice, according to Laura Hale, the school's director of communications.",
     "Laura Hale", "The school was evacuated twice"),
])
def test_according_to_in_someones_words_and_a_source_with_an_appositive(text, name, statement):
    assert found(text) == [(name, statement)]


def test_an_appositive_between_the_speaker_and_said_before_a_quotation():
    text = 'Jan Kubica, the UN\'s envoy in the region, said: "This is totally unacceptable to all of us."'
    assert found(text) == [("Jan Kubica", "This is totally unacceptable to all of us.")]


@pytest.mark.parametrize("text, name", [
    ("Schumer last week suggested that he would not support the nominee.", "Schumer"),
    ("Meeting with the heads of state in Riga, Gauck admitted that the choice was symbolic.", "Gauck"),
    ("Under pressure from his allies, Tom Reilly has since softened his words, saying that the pact matters.",
     "Tom Reilly"),
])
def test_time_words_participle_openers_and_a_subject_after_the_openers(text, name):
    assert [n for n, _ in found(text)] == [name]


def test_they_is_the_group_that_spoke_just_before():
    text = ("Prosecutors accused the director of hiding the losses. "
            "They alleged this was done to win the support of the main shareholders.")
    assert [n for n, _ in found(text)] == ["Prosecutors", "Prosecutors"]
    assert found("The two men left early. They alleged this was done to win the support of the board.") == []


def test_an_epithet_or_a_possessive_role_is_the_main_speaker_of_the_story():
    text = ("Russian Foreign Minister Sergey Lavrov spoke in Moscow. \"The talks went well,\" Lavrov said. "
            "John Kerry was not there. \"We will meet again in May,\" Russia's top diplomat said. "
            "The veteran diplomat added that the ceasefire was holding.")
    assert [n for n, _ in found(text)] == ["Sergey Lavrov"] * 3


@pytest.mark.parametrize("sentence, statement", [
    ("Councillor Mary Walsh expressed the view that the mayor could use the next meeting to restore calm.",
     "the mayor could use the next meeting to restore calm."),
    ("Minister Paul Hart indicated on Monday that the budget would be discussed next week.",
     "the budget would be discussed next week."),
    ("Senator Anne Wray has made it clear she will not stand in the next election.",
     "she will not stand in the next election."),
])
def test_verbs_of_stating_a_view(sentence, statement):
    assert [t for _, t in found(sentence)] == [statement]


def test_indicated_with_a_plain_object_is_no_statement():
    assert found("Minister Paul Hart indicated support for the plan to build the new bridge.") == []


@pytest.mark.parametrize("text, expected", [
    # a speaker as an aside after a short opening: the statement is what follows
    ("Joe Ward mends cans. Nowadays, he says, there is little demand for his trade at the fairs.",
     [("Joe Ward", "there is little demand for his trade at the fairs.")]),
    ("Ann Lyle is a lawyer. Still, Lyle said, she and her colleagues will watch the project closely.",
     [("Ann Lyle", "she and her colleagues will watch the project closely.")]),
    # a long opening is the statement itself, and an "-ing" clause after the aside is no statement of its own
    ("But trade deals that exist are not always balanced, Joe Ward said, warning that tariffs may follow.",
     [("Joe Ward", "But trade deals that exist are not always balanced"),
      ("Joe Ward", "tariffs may follow.")]),
])
def test_a_speaker_as_an_aside(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, name", [
    ("The panel heard four experts. Clara Lang, a researcher at Human Rights Watch: \"In pulling out, the US "
     "offers a bad example.\"", "Clara Lang"),
    ("The panel heard four experts. And according to-Clara Lang, a researcher at Human Rights Watch: \"In pulling "
     "out, the US offers a bad example.\"", "Clara Lang"),
])
def test_a_quotation_after_its_speaker_and_a_colon(text, name):
    assert found(text) == [(name, "In pulling out, the US offers a bad example.")]


def test_a_heading_with_a_colon_is_no_speaker():
    assert found("Breaking News: \"a historic day\" for the union, the banner read on the wall outside.") == []


def test_a_quotation_goes_on_after_its_speaker():
    text = "Joe Ward grew up travelling. \"I was bred on the road,\" he says, \"but the young lads today were not.\""
    assert found(text) == [("Joe Ward", "I was bred on the road"), ("Joe Ward", "but the young lads today were not.")]


def test_an_organisation_is_named_as_the_article_first_gave_it():
    text = ("Russia's Defense Ministry said the chiefs had spoken by phone. \"Russian jets were on a mission to destroy "
            "IS positions,\" a Defense Ministry statement said.")
    assert [n for n, _ in found(text)] == ["Russia's Defense Ministry", "Russia's Defense Ministry"]


def test_an_acronym_is_the_organisation_it_abbreviates():
    text = ("The Bank Information Center studied four countries. \"World Bank loans are creating subsidies for coal,\" "
            "BIC said.")
    assert found(text) == [("Bank Information Center", "World Bank loans are creating subsidies for coal")]


def test_a_reporters_standfirst_is_not_who_he_is():
    text = ("Campaigners want a memorial at the old mill. Mary Doyle reports from Cork.\n\nThe council voted on "
            "Monday. \"It is a disgrace to sell it,\" he said.")
    assert all(name != "Mary Doyle" for name, _ in found(text))


def test_a_that_inside_the_stated_clause_does_not_cut_the_statement():
    assert found("Jane Roe said the audit shows that the fund lost money last year.") == [
        ("Jane Roe", "the audit shows that the fund lost money last year.")]
    assert found("Jane Roe said on Monday that the fund lost money last year.") == [
        ("Jane Roe", "the fund lost money last year.")]


def test_a_name_opening_the_said_clause_is_not_a_speaker_after_the_verb():
    text = "Tom Ames, who runs the clinic in Leeds, Yorkshire, said Maria likely had other options."
    assert all(name != "Maria" for name, _ in found(text))
    assert found("The clinic will close in May, said Tom Ames on Monday.") == [("Tom Ames", "The clinic will close in May")]


def test_the_diplomat_before_anyone_spoke_is_the_foreign_minister_not_the_first_titled_person():
    text = ("According to the diplomat, the talks had stalled for months. Syrian President Bashar Assad met envoys "
            "on Monday. Russian Foreign Minister Sergey Lavrov said the truce was holding.")
    assert found(text)[0] == ("Sergey Lavrov", "the talks had stalled for months.")


@pytest.mark.parametrize("name", ["Farid al-Deeb", "Ursula von der Leyen", "Luis de la Fuente", "Ahmed ibn Said"])
def test_a_name_with_particles_is_a_persons_name(name):
    from index.speakers import is_person

    assert is_person(name)


@pytest.mark.parametrize("name", ["Farid al-Deeb", "Ursula von der Leyen", "Ahmed ibn Said"])
def test_a_name_with_particles_in_apposition_is_the_speaker(name):
    assert found(f"His lawyer, {name}, said that the former president would be allowed to return home.") == [
        (name, "the former president would be allowed to return home.")]


def test_particles_alone_do_not_make_a_name():
    from index.speakers import is_person

    assert not is_person("de la Fuente") and not is_person("Ministry of Defence")


def test_a_standfirst_closed_by_its_writer_holds_no_statement_and_is_not_who_he_is():
    text = ("All eyes are on the vote to see if the mayor can hold the city, writes Europe Correspondent Ann Byrne. "
            "I met the mayor in June. \"We will win this,\" he said.")
    assert all(name != "Ann Byrne" for name, _ in found(text))
