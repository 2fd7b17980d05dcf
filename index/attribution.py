"""Attributed statements in article text: who said what, found by patterns, no model.

News attributes nearly every claim, in a handful of shapes: a quotation with its
speaker after it (“…,” Davutoğlu was quoted as saying) or before it (Kerry said:
“…”), reported speech (Lavrov said that …; …, Kerry said after the meeting), and
"according to" (according to the Pentagon, …). Each shape is one regular
expression over a sentence; the speaker is a noun phrase of capitalised words and
titles ("Turkish Prime Minister Ahmet Davutoğlu", "the Pentagon", "a spokesman
for the ministry"). "He said" / "she said" take the article's previous named
speaker, or are dropped when there is none (never guessed from other names).

The statements are data about the article, never instructions: they are stored
as character offsets into the body and shown quoted.
"""

from __future__ import annotations

import re

from index.speakers import (CALENDAR, PRONOUN, SPEAKER, SUBJECT, Speakers, clean_speaker, is_person,  # noqa: F401
                            is_reporter_line, matches_speaker, speaker_name)
from index.attribution_clauses import embedded_matches, relative_matches
from index.attribution_sentences import attribution_sentences
from index.attribution_judgements import judgement_matches, judging_clause, sentence_subject
from index.document_sources import DocumentAuthors, document_issuer
from index.name_forms import without_post_nominals
from index.role_names import RoleNames
from index.speaker_descriptions import DESCRIBED, DescribedSpeakers, is_description
from index.statement_runs import (CLOSE as _CLOSE, OPEN as _OPEN, QUOTE, REPORTED, Statement,  # noqa: F401
                                  attribute_quotation_runs, attribute_reported_paragraphs, quotation_spans,
                                  trim, without_overlaps)
from index.speech_verbs import CLAUSE_VERBS, INVERTED_VERBS, OBJECT_VERBS, VERB, VERBS, first_words
from index.text import fold

# A role in lower-case words no title lexicon lists, right before a name of two to five capitalised words
# ("showrunner Dan Fogelman", "Legal metrologist Brian Faughnan", "Castlebar based Fine Gael Councillor Cyril
# Burke"): the name is the speaker (`speaker_name` keeps the capitalised run at the end).
_ROLE_BEFORE_NAME = r"(?:[A-Z]?[a-z]{3,}\s+){1,2}(?:[A-Z][\w'’\-]+\s+){1,4}[A-Z][\w'’\-]+"
# A place or an organisation after the speaker ("police in the Tyrol region said", "Brian Faughnan from NSAI
# gave evidence"): part of a description, not of a name (`_with_place`).
_PLACE = (r"\s+(?:in|from|at)\s+(?:the\s+)?[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,4}"
          r"(?:\s+(?:region|province|state|county|district|area))?")
_WHO = rf"(?P<who>{SPEAKER}|{PRONOUN}|{DESCRIBED}|{_ROLE_BEFORE_NAME})(?P<place>{_PLACE})?"
# An appositive between the speaker and the verb: "Dagmawit Moges, head of the city's communications bureau, said";
# when it is a name ("his lawyer, Alexander Taylor-Camara, told"), the name is the speaker.
_APPOS = rf"(?:,\s+(?P<appos>[^,;:{_OPEN}{_CLOSE}]{{2,90}}?),)?"

# “…,” X said / “…,” said X / “…?” X asked
_QUOTE_THEN_SPEAKER = re.compile(
    rf"[{_OPEN}](?P<q>[^{_OPEN}{_CLOSE}]{{8,}}?[?!]?)[,.]?[{_CLOSE}],?\s+"
    rf"(?:{_WHO}{_APPOS}\s+{VERB}\b|(?:{INVERTED_VERBS})\s+(?P<who2>{SPEAKER}|{DESCRIBED}))")
# …,” X says, “…  — the quotation goes on after its speaker (a few words of aside allowed: "holding up a can").
_QUOTE_GOES_ON = re.compile(rf"[^{_OPEN}{_CLOSE}.!?]{{0,40}}?,\s*[{_OPEN}](?P<q>[^{_OPEN}{_CLOSE}]{{8,}})(?:[{_CLOSE}]|\s*$)")
# X said: “…” / X told reporters, “…” / X said on Monday: “…”
# (a quotation of several sentences is still open where the first sentence ends — "X said: “A. B.”" — and
# `_attribute_quotation_runs` gives its other sentences to X)
_SPEAKER_THEN_QUOTE = re.compile(
    rf"(?:^|(?<=[.,;]\s)){_WHO}{_APPOS}\s+{VERB}\b[^{_OPEN}{_CLOSE}.]{{0,60}}?[:,]\s*[{_OPEN}](?P<q>[^{_OPEN}{_CLOSE}]{{8,}})"
    rf"(?:[{_CLOSE}]|\s*$)")
# Name, role: “…”  /  According to Name, role: “…”  — a quotation introduced by its speaker and a colon, no verb
# ("Clara Long, US Programme researcher at Human Rights Watch: “In pulling out …”"); the name must be a person's
# unless "according to" names the source (its space may be lost to a hyphen: "according to-Clara Long").
_NAME_COLON_QUOTE = re.compile(
    rf"(?:^|(?<=[.;]\s))(?:(?:And|But|Also)\s+)?(?P<according>[Aa]ccording\s+to(?:\s+|-))?(?P<who>{SPEAKER})"
    rf"(?:,\s+[^,;:{_OPEN}{_CLOSE}]{{2,90}})?:\s*[{_OPEN}](?P<q>[^{_OPEN}{_CLOSE}]{{8,}})(?:[{_CLOSE}]|\s*$)")
# X said (on Tuesday) that …  /  X told reporters that …  — at the start of a sentence, possibly after "On Monday, "
_OPENER = (r"(?:\([\w .,/]{2,20}\)\s*)?"  # "(CNN)" glued to the first sentence, "(05.11.2015)" before a DW name
           # a conjunction's opener is short ("But on Monday, he said"): "But trade deals … are not always
           # balanced, he said, warning that …" is a statement, not an opener
           r"(?:(?:(?:Separately|Meanwhile|But|And|However|Also|Nevertheless)[^,]{0,30}|"
           # a subordinate clause before the speaker ("While meetings … are common, on Thursday a spokesman said")
           r"(?i:On|In|Late|Earlier|Later|Speaking|"  # any case: the second opener follows a comma
           r"While|Although|Though|After|Before|When|Since|Because|Despite|Following|Asked|At|Last|This|Next|During|"
           r"Under|Amid|Previously|Yesterday|Today|Then|Back|Writing|Addressing|Responding|Referring|"
           r"[A-Z][a-z]+ing\b)"  # a participle clause ("Meeting with the heads of state in Riga, Gauck admitted …")
           r"[^,]{0,100}),\s+){0,2}"
           r"(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+)?"
           r"(?:(?:But|And|Yet|So|Still|Now|Instead)\s+)?")  # "But activists say …"
# "Sessions on Thursday announced", "Comey warned Wednesday that": a day between speaker and verb.
_DAY_GAP = (r"(?:\s+(?:himself|herself|itself|themselves))?"  # "Mr Trump himself insisted"
            r"(?:\s+(?:on\s+|last\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)"
            r"(?:\s+(?:morning|afternoon|evening|night))?"
            r"|\s+(?:last|this|earlier\s+this)\s+(?:week|month|year))?")  # "Schumer last week suggested that …"
# "said the audit shows that …": the "that" belongs to the clause the speaker states, not to the verb of
# saying (HuffPost 3539: "Manoj Govindaiah … said Ana's case shows that Trump's new rules …").
_CLAUSE_BEFORE_THAT = (rf"[^,;:{_OPEN}{_CLOSE}]{{1,80}}?\s(?:is|was|are|were|shows?|showed|proves?|proved|means?|meant"
                       r"|suggests?|suggested|indicates?|indicated|demonstrates?|demonstrated)\s+that\b")
_SPEAKER_SAID_THAT = re.compile(
    rf"^{_OPENER}{_WHO}{_APPOS}{_DAY_GAP}\s+{VERB}\b(?!{_CLAUSE_BEFORE_THAT})(?:[^,;:{_OPEN}{_CLOSE}]{{0,80}}?,){{0,2}}[^,;:{_OPEN}{_CLOSE}]{{0,80}}?\s+that,?\s+"
    rf"(?P<s>.{{15,}})$", re.S)
# X said (on Tuesday) …  — no "that"; only a day may sit between the verb and the statement.
_WHEN_WORDS = r"(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|[A-Z][a-z]{2,8}\.?\s+\d{1,2})"
# A parenthesis between the verb and its statement: "He described, according to police notes, attending …".
_ASIDE = rf",\s+(?:according to|in|at|on|during|speaking)\b[^,{_OPEN}{_CLOSE}]{{3,80}},"
# "suggested cutting the budget", "urged closing the camp": a proposal, not a statement of fact.
_PROPOSALS = r"(?:suggest|urge|propose|recommend|promise|vow)\w*\s+\w+ing\b"
_SPEAKER_SAID = re.compile(
    rf"^{_OPENER}{_WHO}{_APPOS}{_DAY_GAP}\s+(?!{_PROPOSALS})(?:(?!(?:{OBJECT_VERBS})\b)(?:{VERB})"
    rf"|(?:{OBJECT_VERBS})(?=(?:{_ASIDE})?\s+(?:\w+ing|having)\b))\b(?:{_ASIDE})?(?:\s+{_WHEN_WORDS})?,?\s+"
    # a statement does not open with a preposition ("agreed with Trump", "warned of …")
    # nor with "it" as an object ("said it twice"); "said it would …" is a clause
    rf"(?!(?:with|to|for|about|at|in|by|from|over|of|on|into|against|up|out|him|her|them)\b)"
    rf"(?!it\b(?!\s+(?:is|was|were|would|will|could|can|had|has|might|may|must|should|did|does)\b))"
    rf"(?P<s>[^{_OPEN}].{{15,}})$", re.S)
# X told police he …  /  X allegedly told a detective (that) he …  — the listener, then the statement.
# (other verbs of telling take a listener too, with "that": "reassured investors that …"; "She tells Ben the
# tour is over"; "informed the court within a fortnight whether …" is no statement)
_TELL = r"(?:told|tells|(?P<that_verb>assured|assures|reassured|reassures|informed|informs|notified|notifies|reminded|reminds))"
_SPEAKER_TOLD = re.compile(
    rf"^{_OPENER}{_WHO}{_APPOS}{_DAY_GAP}\s+(?:\w+ly\s+|also\s+)?{_TELL}\s+(?:[\w'’]+\s+){{0,3}}?[\w'’]+(?:\s+(?:in|on)\s+[A-Z]\w+)?"
    # (a space or a dash ends the listener: "tells Rebecc|a of …" is no listener and statement)
    rf"(?:[-–,]\s*|\s+)(?:that\s+|(?(that_verb)(?!)))(?P<s>(?:he|she|they|it|there|the|a|an|his|her|their|[A-Z{_OPEN}])\b.{{10,}})$", re.S)
# A second statement inside the sentence: "…, adding that …", "…, saying the attacks …".
# ("Lavrov noted adding that …" lacks its comma: without one, "that" must follow.)
# ("… demanding compensation and saying the floods …": "and" joins it to another -ing clause.)
_CLAUSE = re.compile(rf"(?:,\s+(?:{CLAUSE_VERBS})(?:\s+that)?|\s+(?:adding|saying)\s+that|\s+and\s+(?:adding|saying))"
                     rf",?\s+(?P<s>\S.{{10,}})$", re.S)
# "…, said Ana likely had several avenues": a name the verb's clause opens with, not a speaker after it
# (HuffPost 3539: "Blaine Bookey, who co-directs …, said Ana likely had …"). After "said X" only a comma, the
# end or a phrase of time, place or manner may follow.
_NO_CLAUSE_AFTER = (r"(?!\s+(?!(?:on|in|at|after|before|during|when|while|last|this|yesterday|today|earlier|later|from"
                    r"|of|for|to|with|as|who|whose|which|and|adding|citing|referring|speaking|according)\b)[a-z])")
# …, X said (after the meeting). / …, said X.
_SAID_AT_END = re.compile(
    # ("…, it said." is a document's when one was cited just before: `DocumentAuthors.it_source`)
    rf"^(?P<s>.{{15,}}?)(?:,[{_CLOSE}]?|[{_CLOSE}],?)\s+(?:{_WHO}{_APPOS}\s+{VERB}|(?:{INVERTED_VERBS})\s+(?P<who2>{SPEAKER}|{DESCRIBED}){_NO_CLAUSE_AFTER}"
    rf"|(?P<who3>it)\s+(?:said|says|added|adds))\b"
    # "…, Silva tweeted that X": the statement is X; "…, Co. Wicklow has admitted killing …": an object, no aside;
    # "A spokesman for his publisher, Farrar, …, told Reuters that X": X again, after the verb's object
    rf"(?!\s+(?:that|\w+ing)\b|\s+(?:[A-Z][\w.'’-]*\s+){{1,2}}that\b)[^,;{_OPEN}]{{0,80}}"
    rf"(?:,\s+(?:{CLAUSE_VERBS})\b.*|,\s+[^{_OPEN}]{{0,160}})?[.]?$", re.S)  # (an appositive after the name)
# …, X says, …  — the speaker as an aside after an opening of one to three words ("Nowadays, he says, there's
# precious little demand …"; "Still, Prabhala said, she and her colleagues will …"): the statement is what
# follows the aside. (After a longer opening the opening is the statement: "But trade deals … are not always
# balanced, he said, warning that …" is `_SAID_AT_END`'s.)
_ASIDE_SPEAKER = re.compile(
    rf"^(?:[^\s,;:{_OPEN}{_CLOSE}]+\s+){{0,2}}[^\s,;:{_OPEN}{_CLOSE}]+,\s+{_WHO}\s+(?:says|said|adds|added|insists|insisted|argues|argued|"
    rf"believes|believed|notes|noted|explains|explained|recalls|recalled|admits|admitted|warns|warned),\s+"
    rf"(?!\w+ing\b)(?P<s>[^{_OPEN}].{{15,}})$", re.S)
# According to X, …   /   …, according to X.
# ("according to" names its source plainly, so the source is any short phrase up to the comma or the end.)
# (also "in Tolstoy's words," and "in the words of X,", after a short opener: "At the same time, in …")
_ACCORDING_FIRST = re.compile(
    rf"^(?:(?:But|And|Yet|However|Also),?\s+|(?:At|In|On|Meanwhile|Moreover|Still|Instead|Separately)\b"
    rf"[^,{_OPEN}{_CLOSE}]{{0,40}},\s+)?"
    rf"(?:[Aa]ccording to (?P<who>[^,{_OPEN}{_CLOSE}]{{2,80}}?)|[Ii]n (?P<who2>{SPEAKER})['’]s? words"
    rf"|[Ii]n the words of (?P<who3>[^,{_OPEN}{_CLOSE}]{{2,80}}?)),\s+(?P<s>.{{15,}})$", re.S)
# As X said, …  ("As the Russian foreign minister said, the agreements … had not been fulfilled")
_AS_SAID = re.compile(rf"^As {_WHO}(?:\s+has|\s+had)?\s+{VERB},\s+(?P<s>.{{15,}})$", re.S)
# (the source may take an appositive: "…, according to Laurie Ehrlich, the school's director of marketing.")
_ACCORDING_LAST = re.compile(rf"^(?P<s>.{{15,}}?),?\s+according to (?P<who>[^,{_OPEN}{_CLOSE}]{{2,80}}?)"
                             rf"(?:,\s+(?:the|an?|his|her|its|their|[A-Z])\b[^,{_OPEN}{_CLOSE}]{{2,100}})?[.]?$", re.S)





# A space some archives lost to a hyphen (",-Sergey Lavrov has pointed out", "Gauck-described", "Cox-said"):
# read as a space, one character for one, so offsets stay those of the body.
_LOST_SPACE = re.compile(rf"(?<=[,.;:])-(?=[A-Za-z{_OPEN}])|(?<=[a-z])-(?=(?:{VERBS})\b)|(?<=[.!?{_CLOSE}]\s)-(?=[A-Z])")


def attributed_statements(body: str) -> list[Statement]:
    """Every attributed statement found in `body`, in text order."""
    found: list[Statement] = []
    text = _LOST_SPACE.sub(" ", body)
    speakers = Speakers(text)
    described = DescribedSpeakers(text)
    roles = RoleNames(text)
    documents = DocumentAuthors()
    sentences = attribution_sentences(text)
    by_sentence: dict[int, list[Statement]] = {}
    for i, (s_start, s_end) in enumerate(sentences):
        sentence = text[s_start:s_end]
        if is_reporter_line(sentence):
            continue
        matches, relative = _matches(sentence)
        publisher = documents.saw_sentence(sentence, s_start)
        for start, end, who, kind in matches:
            issuer = document_issuer(who)  # "a State Council circular" is the State Council's
            if issuer:
                documents.saw_document(issuer, s_start)
            elif fold(who) == "it" and not publisher:  # "…, it said" after a document's statement
                issuer = documents.it_source(s_start)
            else:  # "the post continues" after "X announced on their website"
                issuer = documents.author(who, s_start)
            who = issuer or who
            speaker = clean_speaker(who)
            bare = who.strip().rstrip(".")
            if speaker is None and CALENDAR.match(bare) and speakers.full(bare, s_start) != bare:
                speaker = bare  # "says Sun" where the article names Sun Haibing: a name, not Sunday
            if relative and speaker and fold(speaker) in ("he", "she"):
                # "Li Shuo blamed … a statement that he said showed …": "he" is the sentence's subject
                subject = SUBJECT.match(sentence)
                speaker = subject.group(0) if subject and _names_someone(subject.group(0)) else speaker
            elif speaker and fold(speaker) in ("he", "she") and start == min(m[0] for m in matches) \
                    and not re.search(rf"\b{fold(speaker)}\b", sentence[:start], re.I):
                # "Walcott always identified as a Caribbean poet …. "the English language is …," he told the
                # Paris Review": a person opening the sentence before its first statement is who "he" is, not
                # the one who spoke last (a publisher's spokesman there; the split missed the quote's lower
                # case). Not before a later statement, nor when the pronoun already spoke before it: "Masood
                # was calm …, she said, adding: "…"" is hers.
                speakers.saw_sentence(sentence[:start], s_start)
            name = speakers.resolve(speaker, s_start + start) if speaker else None
            if name is None:
                continue
            if name == speaker.strip() or (is_description(speaker) and speaker.strip().endswith(name)):
                # a description, not a name: "the employee" is the employee described before, "the artist"
                # the one person introduced as "artist Hiba Schabaz"
                name = described.antecedent(speaker, s_start + start) or roles.name_for(speaker) or speaker.strip()
                described.saw(speaker)
            a, b = trim(body, s_start + start, s_start + end)
            if b - a >= 12:
                by_sentence.setdefault(i, []).append(Statement(speaker, name, body[a:b], kind, a, b))
        # a sentence's own speaker, not a name it opens with, is who "she" is next (a speaker inside a
        # relative clause or a possessive claim is not: "Schiff rejected Sessions's claim …. He said")
        if i not in by_sentence or relative:
            speakers.saw_sentence(sentence, s_start)
    attribute_quotation_runs(body, sentences, by_sentence)
    attribute_reported_paragraphs(body, sentences, by_sentence)
    for statements in by_sentence.values():
        found.extend(statements)
    return without_overlaps(found)


# "Monday's report in RIA Novosti quotes Bogdanov as saying that …": the report is the channel, Bogdanov the speaker.
_QUOTES_AS_SAYING = re.compile(rf"^[^,;{_OPEN}{_CLOSE}]{{3,120}}?\s+(?:quotes|quoted|cites|cited)\s+(?P<who>{SPEAKER})\s+"
                               rf"as\s+saying,?\s+(?:that\s+)?(?P<s>.{{15,}})$", re.S)
_SENTENCE_PATTERNS = (_QUOTES_AS_SAYING, _ACCORDING_FIRST, _ACCORDING_LAST, _AS_SAID, _SPEAKER_SAID_THAT, _SPEAKER_TOLD, _SPEAKER_SAID,
                      _ASIDE_SPEAKER, _SAID_AT_END)
_NESTED_PATTERNS = tuple(p for p in _SENTENCE_PATTERNS if p is not _SPEAKER_TOLD)


# A word each sentence pattern needs (its verb of saying or telling, "according", "in … words"), in lower case:
# a sentence with none of them matches none of the patterns, so they are not tried (most sentences; speed).
_PATTERN_WORDS = frozenset(first_words(VERBS) | first_words(OBJECT_VERBS) | {
    "say", "tell", "add", "claim", "insist", "warn", "write",  # "did say" (`VERB`)
    "told", "tells", "assured", "assures", "reassured", "reassures", "informed", "informs", "notified", "notifies",
    "reminded", "reminds",  # `_TELL`
    "according", "words", "saying", "quoted", "cited"})
# The -ing verbs `_CLAUSE` opens with ("…, adding that …").
_CLAUSE_WORDS = first_words(CLAUSE_VERBS) | {"adding", "saying"}


# The commonest verbs of a statement reported inside another (a cheap test before all patterns are tried).
_INNER_VERB = re.compile(r"\b(?:said|says|say|told|tells|claim(?:s|ed)?|believes?|believed|according|insist(?:s|ed)|"
                         r"warn(?:s|ed)|add(?:s|ed)|argue[sd]?|reported|announced|raises|saying|quotes|quoted)\b")


def _nested(sentence: str, outer: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """Statements reported inside another's: "“The caller said that's not important, …,” Greene said",
    "…, and he said he was given a number, according to interviews read out during the trial".

    Each found statement's text is read as a sentence of its own; what it attributes to a third speaker is
    that speaker's too (the outer statement stays). Only named or described inner speakers count: an inner
    "he" or "she" is someone the outer speaker talks about, whom the article's last speaker does not name.
    """
    inner = []
    for a, b, _who, _kind in outer:
        if b - a < 30 or not _INNER_VERB.search(sentence, a, b):  # most statements report nobody else (speed)
            continue
        for c, d, who, inner_kind in _matches(sentence[a:b], nested=True)[0]:
            # (a long lower-case phrase is a clause read as a speaker: "the party needed to" think …)
            if fold(who) not in ("he", "she", "they") and (len(who.split()) <= 3 or who[:1].isupper()):
                inner.append((a + c, a + d, who, inner_kind))
    return inner


def _matches(sentence: str, nested: bool = False) -> tuple[list[tuple[int, int, str, str]], bool]:
    """(start, end, speaker phrase, kind) of the statements in one sentence, offsets into it, and whether
    they are all speakers inside a relative clause or a possessive claim (not the sentence's own speaker).
    Statements nested in those are listed after them (`_nested`), unless `nested` (one level is read)."""
    out = []
    # (the quotation patterns need an opening mark, the others a word of `_PATTERN_WORDS`: speed)
    quoting = any(mark in sentence for mark in _OPEN)
    words = set(re.findall(r"[a-z]+", sentence.lower()))
    for m in _QUOTE_THEN_SPEAKER.finditer(sentence) if quoting else ():
        who = _named_apposition(m) or _with_place(m) or m.group("who2")
        out.append((m.start("q"), m.end("q"), who, QUOTE))
        rest = _QUOTE_GOES_ON.match(sentence, m.end())
        if rest:  # “I was bred … on the road,” he says, “but the young lads today wasn't.”
            out.append((rest.start("q"), rest.end("q"), who, QUOTE))
    for m in _SPEAKER_THEN_QUOTE.finditer(sentence) if quoting else ():
        out.append((m.start("q"), m.end("q"), _with_place(m), QUOTE))
    if not out and quoting:
        for m in _NAME_COLON_QUOTE.finditer(sentence):
            if m.group("according") or _names_someone(m.group("who")):
                out.append((m.start("q"), m.end("q"), m.group("who"), QUOTE))
    quoted = len(out)
    if not nested:  # (a relative clause inside a quotation is the quotation: `relative_matches` reads quotes)
        out.extend((a, b, who, REPORTED) for a, b, who in relative_matches(sentence))
    relative, n_relative = len(out) > quoted == 0, len(out)
    if not out and not words.isdisjoint(_PATTERN_WORDS):
        # (nested, "X told Russia to …" is read "told Russi|a to …": no listener pattern inside a statement)
        for pattern in _NESTED_PATTERNS if nested else _SENTENCE_PATTERNS:
            m = pattern.match(sentence)
            who = m and (_with_place(m) or next((m.group(g) for g in ("who2", "who3") if m.groupdict().get(g)), None))
            if m and who:
                out.append((m.start("s"), m.end("s"), _named_apposition(m) or who, REPORTED))
                break
    if not out:
        out.extend((a, b, who, REPORTED) for a, b, who in embedded_matches(sentence))
    if not out:
        out.extend((a, b, who, REPORTED) for a, b, who in judgement_matches(sentence))
    subject = SUBJECT.match(sentence)
    if subject and not out and not _names_someone(subject.group(0)) and not _GROUP.fullmatch(subject.group(0)):
        subject = None  # "Unswayed by Sessions's account, …": a capitalised opener that is no name
    clause = _CLAUSE.search(sentence, out[-1][0] if out else 0) if not words.isdisjoint(_CLAUSE_WORDS) else None
    # the clause's speaker: the statement before it, the name opening the sentence, or the subject after the
    # sentence's openers ("Under pressure from Western leaders, Trump has since toned down …, saying that …")
    who = out[-1][2] if out else (subject.group(0) if subject else sentence_subject(sentence) if clause else None)
    if clause and who:
        if out and out[-1][1] > clause.start():  # the first statement ends where "…, adding that" begins
            out[-1] = (out[-1][0], clause.start(), out[-1][2], out[-1][3])
        out.append((clause.start("s"), clause.end("s"), who, REPORTED))
    judged = None if clause else judging_clause(sentence, out[-1][0] if out else 0)
    if judged:  # "…, calling such drills counterproductive …": the judgement of the sentence's speaker
        who = out[-1][2] if out else sentence_subject(sentence)
        if who:
            if out and out[-1][1] > judged[0]:
                out[-1] = (out[-1][0], _clause_start(sentence, judged[0]), out[-1][2], out[-1][3])
            out.append((judged[0], judged[1], who, REPORTED))
    relative = relative and len(out) == n_relative
    out = [(a, b, who, QUOTE if _is_quoted(sentence[a:b]) else kind) for a, b, who, kind in out]
    return (out if nested else out + _nested(sentence, out)), relative


def _with_place(m: re.Match) -> str | None:
    """The match's speaker, with the place or organisation after it when the speaker is no person's name:
    "police in the Tyrol region", but "Brian Faughnan" (from NSAI)."""
    who, place = m.groupdict().get("who"), m.groupdict().get("place")
    if not who or not place or _names_someone(who) or fold(who) in ("he", "she", "they"):
        return who
    return who + place


def _clause_start(sentence: str, statement_start: int) -> int:
    """Where the "-ing" clause holding a statement begins (its comma), so the statement before ends there."""
    comma = sentence.rfind(",", 0, statement_start)
    return comma if comma >= 0 else statement_start


def _named_apposition(m: re.Match) -> str | None:
    """The name in apposition to the speaker ("his lawyer, Alexander Taylor-Camara, told"), if it is one."""
    appos = m.groupdict().get("appos")
    appos = appos and without_post_nominals(appos.strip())  # "Patricia McLaughlin BL" is Patricia McLaughlin
    return appos if appos and _names_someone(appos) and speaker_name(appos) == appos else None


# A described group opening a sentence speaks in its "…, saying …" clause ("Relatives pushed …, saying …").
_GROUP = re.compile(r"(?:Relatives|Residents|Neighbours|Neighbors|Witnesses|Protesters|Critics|Officials|Police|"
                    r"Locals|Villagers|Survivors|Activists|Campaigners|Analysts|Experts|Doctors|Investigators|"
                    r"Prosecutors|Authorities|Parents|Families|Workers|Supporters|Demonstrators)")


def _names_someone(phrase: str) -> bool:
    """True for a sentence-opening phrase that is a person's full name or a titled name ("Adam Schiff")."""
    name = speaker_name(phrase)
    return is_person(name) and len(name.split()) >= 2


def _is_quoted(text: str) -> bool:
    t = text.strip()
    return len(t) > 2 and t[0] in _OPEN and t.rstrip(".,")[-1:] in _CLOSE
