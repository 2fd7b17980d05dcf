"""Speech and reporting verbs: the words that say someone said something ("said", "told", "was quoted as saying").

A lexicon, not a model: the verb is what separates an attribution ("Lavrov said …")
from any other sentence with a name in it, so the list is kept to verbs of saying,
writing and claiming.
"""

from __future__ import annotations

VERBS = (r"said|says|told|tells|added|adds|stated|states|announced|declared|explained|noted|warned|insisted|"
          r"argued|claimed|claims|stressed|urged|wrote|writes|asked|replied|continued|acknowledged|admitted|"
          r"confirmed|emphasi[sz]ed|pointed out|recalled|suggested|complained|predicted|tweeted|"
          r"reported|reports|announces|promised|vowed|concluded|believes|thinks|quipped|remarked|denied|denies|"
          r"reiterated|clarified|testified|went on to say|expressed (?:the )?hope|expressed regret|"
          r"(?:had |has )?(?:previously |repeatedly )?maintained")
# "was quoted as saying", "was cited as saying", "has said", "had said", "would say"
VERB = rf"(?:(?:was|were)\s+(?:quoted|cited)\s+(?:\w+\s+)?as\s+saying|(?:has|have|had|would|also|later|then|further)\s+(?:{VERBS}|say)|{VERBS})"
