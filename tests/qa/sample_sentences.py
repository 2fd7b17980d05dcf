"""Sentences of the shared sample article that the unit tests of qa/ read, written out here (not read from
../shared, which the fast tests must not need)."""

from index.article import ArticleRef
from qa.retrieval import Passage


def sample_passage(*sentences: str) -> Passage:
    """A retrieved passage of the (undated, outlet-less) sample article holding `sentences`."""
    body = " ".join(sentences)
    ref = ArticleRef("sample", "Anti-ISIL coalition slams Russia on Syria raids", None, None, None)
    return Passage("sample#0", ref, body, 0, len(body), 0.03, dense_score=0.6)


UN = ("He told a news conference at the United Nations that Russian troops were targeting ISIL and “other terrorist "
      "groups” in Syria.")
PLANE = ("Speaking to Turkish reporters on his plane as he returned from the U.N. General Assembly in New York, "
         "Davutoğlu rejected Moscow's insistence that its campaign of air strikes launched this week was aimed at ISIL.")
PARTNERS = ("Russia continued air strikes for a third day on Oct. 2, prompting Turkey and its partners in the U.S.-led "
            "coalition against the Islamic State of Iraq and the Levant (ISIL) to demand that Moscow cease its attacks.")
ACCUSED = ("Turkish Prime Minister Ahmet Davutoğlu accused Russia on Oct. 2 of targeting moderate Syrian rebels in its "
           "air strikes in Syria to prop up the government of President Bashar al-Assad.")
RAQQA = ("Russia, however, said it had bombed the ISIL stronghold of Raqqa for the first time on the third day of its "
         "campaign, hitting a command center and an arms depot.")
DEMAND = ("Anti-ISIL coalition slams Russia on Syria raids Russia continued air strikes for a third day on Oct. 2, "
          "prompting Turkey and its partners in the U.S.-led coalition against the Islamic State of Iraq and the Levant "
          "(ISIL) to demand that Moscow cease its attacks on the Syrian opposition and focus on fighting Islamic "
          "militants.")
CALL_ON = ("We call on the Russian Federation to immediately cease its attacks on the Syrian opposition and civilians "
           "and to focus its efforts on fighting ISIL,” they said.")
CLERKED = ("He clerked for Judge David B. Sentelle on the United States Court of Appeals for the D.C. Circuit and then "
           "for Justices Byron White and Anthony Kennedy.")
