"""Who a speaker phrase stands for: titles, names, organisations and pronouns in news text.

"Turkish Prime Minister Ahmet Davutoğlu" is Ahmet Davutoğlu, a lone "Davutoğlu"
is the full name the article gave, "the president" is the person the article
introduced with those title words, "he" is the last person speaking. Lexicons and
rules, no model; `index.attribution` finds the statements, this module names
their speakers.
"""

from __future__ import annotations

import re

from index.name_forms import FUNCTION_WORDS, misspelt_name, named_by_first_word, without_post_nominals
from index.text import fold

# Lower-case words a speaker phrase may hold between its capitalised words ("spokesman for the ministry").
TITLE_NOUNS = (r"spokes(?:man|woman|person)|minister|president|diplomat|lawmaker|legislator|politician|secretary|official|officials|chief|head|director|"
                r"leader|ambassador|envoy|lawyer|attorney|police|ministry|source|sources|analyst|analysts|"
                r"expert|experts|prosecutor|prosecutors|governor|mayor|senator|chairman|chairwoman|"
                r"representative|officer|commander|general|aide|adviser|advisor|statement|report|agency|"
                r"service|office|department|government|coach|manager|executive|founder|professor|"
                r"researcher|researchers|witness|witnesses|spokesperson|press|counterpart|colleague|"
                r"deputy|foreign|defense|defence|interior|prime|state|engineer|councillor|councilor|teacher|doctor|"
                r"nurse|commuter|resident|residents|farmer|worker|workers|student|scientist|economist|historian|"
                r"author|writer|actor|actress|singer|player|captain|striker|chef|owner|shopkeeper|partner|"
                r"member|members|activist|activists|campaigner|organiser|organizer|editor|journalist|"
                r"correspondent|mother|father|wife|husband|daughter|son|sister|brother|friend|neighbour|"
                r"spokeswoman|boss|chairperson|president's|leader's|vice|senior|former|top|board|staff|"
                r"council|party|union|committee|company|club|city|county|team|group|opposition|campaign|"
                r"church|school|hospital|army|military|court|bank|firm|prosecution|barrister|solicitor|judge|counsel|"
               r"intelligence|news|rights|groups|investigation|inquiry|"
               # people described, not named: "neighbours said", "one local said", "relatives say"
               r"neighbours|neighbors|neighbor|relatives|relative|families|family|locals|local|villagers|survivors|"
               r"survivor|protesters|protester|critics|supporters|authorities|investigators|doctors|victims|parents|"
               r"man|woman|men|women|people|pathologist|officers|leaders|lawmakers|legislators|diplomats|"
               # titles, also without their period ("Sgt McCabe", "Prof Cassidy")
               r"sgt|lt|gen|col|capt|cmdr|adm|rep|sen|gov|prof|dr|insp|supt|det|cllr|mr|mrs|ms")
_CAP = r"(?:[A-Z][\w'’.\-]*|al-[A-Z][\w'’\-]*|el-[A-Z][\w'’\-]*)"
# (name particles too: "Remi Crosson du Cormier", "Luis de la Fuente", "Ahmed ibn Said")
_LINK = r"(?:of|for|the|at|de|da|du|del|della|di|dos|das|der|den|von|van|bin|ibn|and|in|to)"
# (a title noun is a whole word: "the TCM administration's Wang" holds no "adm")
_WORD = rf"(?:{_CAP}|(?:{TITLE_NOUNS})\b|[a-z]+['’]s)"
# A speaker: an optional article, then up to nine capitalised words, titles and links, ending in a word.
# The determiner may carry one adjective before a name or title ("a shaken Tebeju Asres", "one local").
_DETERMINER = r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ne|[Aa]nother|[Ss]ome|[Mm]any|[Ss]everal|[Oo]ther)"
# An age may stand before a name or a described speaker ("67-year-old Carlos", "a 43-year-old sales manager").
_AGE = r"(?:\d{1,3}-year-old\s+)"
SPEAKER = rf"(?:{_DETERMINER}\s+{_AGE}?(?:[a-z]{{3,}}\s+(?=[A-Z]))?|{_AGE})?{_WORD}(?:\s+(?:{_LINK}\s+){{0,2}}{_WORD}){{0,8}}"
PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey)"
# Research reports what it found as people report what they said ("research shows that", "a survey found that").
RESEARCH_NOUNS = (r"(?i:research|study|studies|survey|surveys|poll|polls|analysis|findings|data|audit|review|experiment|"
                  r"experiments|census)")
SPEAKER_PHRASE = re.compile(SPEAKER)

# Words of a speaker phrase that are titles or descriptions, not the name ("Turkish Prime Minister").
_TITLE_WORDS = set(fold(TITLE_NOUNS.replace("|", " ").replace("(?:", " ").replace(")", " ")).split()) | {
    "mr", "mrs", "ms", "dr", "sir", "u.s.", "us", "u.n.", "un", "eu", "the", "a", "an", "of", "for", "and",
    "his", "her", "their", "its", "senior", "former", "acting", "top", "chief", "vice", "deputy", "minister",
    "secretary", "president", "spokesman", "spokeswoman", "king", "queen", "prince", "pope", "sen.", "rep.", "gov.",
    "gen.", "col.", "lt.", "sgt.", "capt.", "prof.", "dr.", "mr.", "mrs.", "ms.", "adm.", "cmdr.", "insp.", "supt.",
    "det.", "cllr.", "rev.", "rev", "garda", "detective", "inspector", "superintendent", "sergeant", "lieutenant",
    "colonel", "admiral", "professor", "prime", "foreign", "affairs", "defence", "defense", "state", "chancellor",
    "premier", "leader", "chairman", "ceo", "coach", "manager", "judge", "justice", "attorney", "general", "white",
    "house", "press", "prosecutor", "ambassador", "envoy", "director", "head", "commander", "mayor", "governor"}
# Title words that say what someone is ("minister", "president"): "the president" finds the person introduced so.
_ROLE_WORDS = frozenset(_TITLE_WORDS - {"the", "a", "an", "of", "for", "and", "his", "her", "their", "its", "mr", "mrs",
                                        "ms", "dr", "sir", "new", "former", "senior", "top", "acting"})
# Heads of phrases that stand for one person ("the president", "the diplomat"), not a thing ("the transcripts").
_PERSON_ROLES = frozenset("president minister diplomat secretary chief spokesman spokeswoman leader ambassador envoy "
                          "governor senator official premier chancellor lawyer prosecutor judge general commander "
                          "director head chairman chairwoman mayor coach king queen prince pope lawmaker legislator "
                          "politician".split())
# Title words a role noun stands for: "the diplomat" is the foreign minister or the ambassador the article
# introduced (TASS 3631 opens "According to the diplomat, …" before it names Sergey Lavrov).
_HELD_BY = {"diplomat": {"diplomat", "foreign", "ambassador", "envoy"}}
# Nationality and role adjectives end like these: "Turkish", "Russian", "Syrian", "Chinese", "Israeli".
_ADJECTIVE = re.compile(r"(?:ish|ian|ean|ese)$|^(?:american|german|israeli|iraqi|saudi|pakistani|afghan|kuwaiti|"
                        r"qatari|emirati|yemeni|thai|nepali|bangladeshi|somali|iranian|moroccan|mexican|cuban|"
                        r"kenyan|nigerian|ugandan|chilean|peruvian|venezuelan|dutch|french|greek|swiss|irish|"
                        r"welsh|scottish|british|danish|polish|finnish|spanish|czech|slovak|chinese)$", re.I)
# First names that end like a nationality ("Ian", "Adrian"): names, not adjectives.
_NAMES_LIKE_ADJECTIVES = frozenset("ian brian adrian julian damian christian sebastian vivian marian lillian gillian "
                                   "fabian cristian florian kilian maximilian dorian".split())
# Names of organisations rather than people: a pronoun never stands for them.
_ORGANISATION = re.compile(r"\b(?:Times|Post|Ministry|Agency|Department|Office|Pentagon|House|Kremlin|Council|"
                           r"Commission|Police|Party|Union|News|Press|TASS|Reuters|Government|Committee|Court|Bank|"
                           r"Group|Association|Organi[sz]ation|Services?|Army|Forces|Agency|Journal|Telegraph|"
                           r"Guardian|BBC|CNN|Xinhua|Anadolu|Interfax|Daily|Institute|University|Company|Inc|"
                           r"Corp|Ltd|Club|Federation|League|Board|Authority|Bureau|Embassy|Airlines?|Network)\b"
                           r"|^[A-Z]{2,}$|ministry|department|office|government|police|agency|spokes")
# A person's name opening a sentence ("Adam Schiff, a Democratic ranking member …, rejected …").
SUBJECT = re.compile(r"^(?:[A-Z][\w.'’\-]+\s+){0,6}[A-Z][\w'’\-]+\b")
# A name right after a sentence's opening phrase, before a lower-case verb ("At 68, James Collins is …",
# "In a wooden shed …, James Collins sits …"): the phrase opens with a preposition or an adverb.
_SUBJECT_AFTER_OPENER = re.compile(
    r"^(?:In|On|At|After|Before|During|Since|Until|Inside|Outside|Nowadays|Today|Now|Later|Earlier|Once|Back|"
    r"Then|Last|This|[A-Z][a-z]+ly)\b[^,;:\"“”]{0,80},\s+(?P<who>(?:[A-Z][\w.'’\-]+\s+){1,3}[A-Z][\w'’\-]+)\s+[a-z]")

# A standfirst's byline ("Ruairi Casey reports from Dublin.", DW): the reporter, never who a later "he" is
# (DW 3031: five of Councillor Gannon's quotations went to the reporter).
# So is a standfirst closed by its writer ("…, writes Europe Correspondent Tony Connelly.", RTÉ): he is the
# article's "I", not a speaker, and the story's "he" is someone else (RTÉ 2407).
_REPORTER_LINE = re.compile(r"^(?:(?:[A-Z][\w'’\-]+\s+){1,3}reports?(?:\s+from\s+[^.]{1,40})?"
                            r"|.{10,},\s+writes\s+(?:[A-Z][\w'’\-]+\s+){0,3}(?:[Cc]orrespondent|[Ee]ditor|[Rr]eporter|"
                            r"[Cc]olumnist)\b[^,;]{0,60})\.?$", re.S)


def is_reporter_line(sentence: str) -> bool:
    """True for a sentence that names the article's reporter ("Ruairi Casey reports from Dublin.", "…, writes
    Europe Correspondent Tony Connelly."): no statement, and nobody a later "he" stands for."""
    return bool(_REPORTER_LINE.match(sentence.strip()))

_SENTENCE_OPENERS = {"How", "Why", "What", "Who", "Where", "On", "In", "The", "But", "And", "A", "An", "At", "As", "After", "Before", "When", "While", "If",
                     "It", "This", "That", "Speaking", "According", "Meanwhile", "However", "Last", "Earlier", "So",
                     "Yet", "Then", "Since", "Though", "Although", "Because", "Asked", "Told", "For", "With", "By"}
# Phrases the patterns catch as speakers that are not speakers.
_NOT_SPEAKERS = {"it", "this", "that", "there", "which", "what", "who", "i", "we", "you", "one", "the statement",
                 "nothing", "something", "anything", "everything", "nobody"}


def speaker_name(phrase: str) -> str:
    """The name inside a speaker phrase: "Turkish Prime Minister Ahmet Davutoğlu" → "Ahmet Davutoğlu".

    The longest run of capitalised words at the end that are neither titles nor
    nationality adjectives; the phrase itself when it has none ("a spokesman").
    """
    words = without_post_nominals(phrase).split()
    name: list[str] = []
    for word in reversed(words):
        if name and word.endswith(("'s", "’s")):  # "Greenpeace East Asia's Li Shuo" is Li Shuo
            break
        plain = word.strip(",.;:").rstrip("'’s") if word.endswith(("'s", "’s")) else word.strip(",;:")
        if not plain or not (plain[0].isupper() or plain.startswith(("al-", "el-"))):
            if name and plain in ("bin", "ibn", "al", "de", "du", "del", "della", "di", "dos", "das", "der", "den",
                                  "van", "von", "da"):
                name.insert(0, plain)
                continue
            break
        if fold(plain) in _TITLE_WORDS:
            break
        name.insert(0, plain)
    if name and all(fold(w) in _TITLE_WORDS for w in name):
        name = []
    return " ".join(name) if name else phrase.strip()


# How far back (characters, about two sentences) a "they" finds the group that spoke.
_GROUP_REACH = 300


def _same_word(a: str, b: str) -> bool:
    """Equal words, or a country and its adjective ("russia" and "russian", "germany" and "german")."""
    return a == b or (min(len(a), len(b)) >= 5 and a[:5] == b[:5] and abs(len(a) - len(b)) <= 2)


def is_title_phrase(phrase: str) -> bool:
    """True when every word of a capitalised phrase is a title or a nationality ("US President", "Russian
    Foreign Minister"): a title, not the name of anyone or anything."""
    words = [w.strip(",.") for w in phrase.split()]
    return bool(words) and all(fold(w) in _TITLE_WORDS or _ADJECTIVE.search(fold(w)) or (w.isupper() and len(w) <= 3)
                               for w in words)


def name_words(text: str) -> list[str]:
    """The folded words of a name or query with titles taken out (how speakers are matched)."""
    words = re.findall(r"[\w'’.\-]+", fold(text))
    kept = [w.strip(".'’") for w in words if w not in _TITLE_WORDS and w.strip(".'’")]
    return [w[:-2] if w.endswith(("'s", "’s")) else w for w in kept]


def matches_speaker(query: str, speaker: str) -> bool:
    """True when every name word of `query` is a word of `speaker` (accents, case and titles ignored).

    "Davutoglu" and "Prime Minister Davutoğlu" both match "Turkish Prime Minister Ahmet Davutoğlu".
    """
    wanted = name_words(query)
    have = set(re.findall(r"\w+", fold(speaker).replace("’s", "").replace("'s", "")))
    return bool(wanted) and all(w in have for w in (re.findall(r"\w+", " ".join(wanted))))


# Month and weekday names and their abbreviations, whole words only ("Mark" and "Sunil" are names).
CALENDAR = re.compile(r"^(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
                      r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Mon(?:day)?|Tue(?:s(?:day)?)?|"
                      r"Wed(?:nesday)?|Thu(?:rs?(?:day)?)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)\.?$")


# A described speaker's place stays with it ("police in the Tyrol region"); a name's is cut ("Kerry in Geneva").
_DESCRIPTION_IN_PLACE = re.compile(r"(?:[Tt]he\s+|[Aa]n?\s+)?[a-z][a-z\s]*\s+in\s+(?:the\s+)?[A-Z][^,;]*")


def clean_speaker(phrase: str) -> str | None:
    """The speaker phrase without a date or a place after a name ("Lavrov on Monday", "Kerry in Geneva"), or
    None when it is no speaker ("it", "Monday", a lone "The")."""
    if _DESCRIPTION_IN_PLACE.fullmatch(phrase.strip()):
        return phrase.strip().rstrip(",.")
    phrase = re.split(r"\s+(?:on|last|this|in)\s+|\s+(?=(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)", phrase.strip())[0]
    phrase = phrase.rstrip(",.")
    # "May" may be Theresa May: `Speakers.resolve` keeps it only when the article names someone so
    words = phrase.split()
    # a month opening a name is a first name ("Jan Kubis", "June Carter"), not a date ("Jan 6", "Monday")
    first_name = len(words) > 1 and words[0].isalpha() and words[1][:1].isupper() and words[1].isalpha() \
        and not re.match(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$", words[0])
    if fold(phrase) in _NOT_SPEAKERS or (CALENDAR.match(words[0] if words else "") and phrase != "May"
                                         and not first_name):
        return None
    if not any(w[0].isupper() for w in words if w) and not re.search(TITLE_NOUNS, phrase) \
            and not re.search(rf"\b{RESEARCH_NOUNS}\b", phrase) \
            and fold(words[0] if words else "") not in ("the", "a", "an") \
            and fold(phrase) not in ("he", "she", "they"):
        return None
    # A sentence-initial capital that is an ordinary word ("The", "But") alone is no speaker.
    if len(words) == 1 and fold(words[0]) in {"the", "a", "an", "but", "and", "also", "so", "yet", "mr", "mrs", "ms"}:
        return None
    return phrase


# Up to five words: "Prime Minister Theresa May" names Theresa May (titles are dropped from the first names).
# "BIC", "ASCE": an organisation's initials, and the capitalised run (links allowed) that may spell them out.
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_SPELLED_OUT = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:(?:of|for|and|the|on|in)\s+)?[A-Z][a-z]+){1,7}\b")
_CAP_RUN = re.compile(r"\b(?:[A-Z][\w'’\-]+\s+){1,4}[A-Z][\w'’\-]+\b")


def _full_name(runs: list[tuple[int, str]], surname: str, at: int) -> str:
    """"Davutoğlu" → "Ahmet Davutoğlu" when the article names him in full (first names are not titles).

    `runs` are the article's runs of two or three capitalised words with their offsets, in text
    order. The latest full name before `at` wins ("Sartaj Khan …, Abdul Aziz Khan …. Khan said" is
    Abdul Aziz Khan), else the first one after it (a standfirst's surname named in full below).
    """
    names = []
    for start, run in runs:
        words = run.split()
        if words[-1].rstrip("'’s") != surname and words[-1] != surname:
            continue
        first = [w for w in words[:-1] if fold(w) not in _TITLE_WORDS
                 and (not _ADJECTIVE.search(fold(w)) or fold(w) in _NAMES_LIKE_ADJECTIVES)
                 and w not in _SENTENCE_OPENERS and w not in FUNCTION_WORDS  # "As Lavrov said", "During Trump's"
                 and not w.endswith(("'s", "’s", "'", "’"))]  # nor a possessive ("the Federation's Mansoor")
        if first and first == words[-1 - len(first):-1]:
            names.append((start, " ".join([*first, surname])))
    before = [name for start, name in names if start < at]
    return before[-1] if before else (names[0][1] if names else surname)


# Lower-case particles inside a person's name ("Ursula von der Leyen", "Luis de la Fuente", "Ahmed ibn Said").
_NAME_PARTICLES = frozenset("de da du del della di dos das der den von van bin ibn la le".split())
# An article glued to a name ("Farid al-Deeb", "Bashar al-Assad"): the capital after it counts.
_GLUED_ARTICLE = re.compile(r"^(?:al|el|ad|ash|as|at|az|ar|an|ul)-(?=[A-Z])")


def _capitalised(word: str) -> bool:
    core = _GLUED_ARTICLE.sub("", word)
    return core[:1].isupper() and any(c.islower() for c in core)


def is_person(name: str) -> bool:
    """True for a name that looks like a person's (capitalised words, name particles between them, not an
    organisation)."""
    words = name.split()
    return bool(words) and _capitalised(words[0]) and _capitalised(words[-1]) \
        and all(_capitalised(w) or w in _NAME_PARTICLES for w in words[1:-1]) \
        and not _ORGANISATION.search(name) \
        and not any(fold(w) in _TITLE_WORDS for w in words)


class Speakers:
    """Who the speaker phrases of one article stand for: full names, titles ("the president") and pronouns."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.last_person: str | None = None  # what "he"/"she" stands for: the latest person speaking or opening a sentence
        self._intros: list[tuple[set[str], str]] | None = None
        self._runs: list[tuple[int, str]] | None = None
        self._people: list[tuple[int, str]] | None = None
        self.spoken: dict[str, int] = {}  # statements per person so far: the story's main speaker has most
        self._group: tuple[str, int] | None = None  # the latest group speaking ("Prosecutors") and where
        self._spelled: dict[str, str] = {}  # acronym -> the name the article spells it out with (or itself)

    @property
    def intros(self) -> list[tuple[set[str], str]]:
        """(title words, name) of each person the article introduces with a title (found when first needed)."""
        if self._intros is None:
            self._intros = []
            for m in SPEAKER_PHRASE.finditer(self.body):
                name = speaker_name(m.group(0))
                title = set(fold(m.group(0)).split()) - set(fold(name).split())
                if title & _ROLE_WORDS and len(name.split()) > 1 and is_person(name):
                    self._intros.append((title, name))
        return self._intros

    def full(self, name: str, at: int = 0) -> str:
        """A lone surname as the article's full name for it, as of offset `at` ("Keane" → "Maria Keane")."""
        if len(name.split()) != 1 or not name[:1].isupper():
            return name
        if self._runs is None:
            self._runs = [(m.start(), m.group(0)) for m in _CAP_RUN.finditer(self.body)]
        full = _full_name(self._runs, name, at)
        if full == name:
            full = named_by_first_word(name, self.people) or name
        return full if full != name else self.correct_spelling(name)

    @property
    def people(self) -> list[tuple[int, str]]:
        """The runs of capitalised words that are people's names, not opened by a function word (found once)."""
        if self._people is None:
            if self._runs is None:
                self._runs = [(m.start(), m.group(0)) for m in _CAP_RUN.finditer(self.body)]
            self._people = [(start, run) for start, run in self._runs if run.split()[0] not in FUNCTION_WORDS
                            and run.split()[0] not in _SENTENCE_OPENERS and is_person(run)]
        return self._people

    def spelled_out(self, acronym: str) -> str:
        """An acronym as the name the article spells it out with ("BIC" → "Bank Information Center"): a run of
        capitalised words whose initials, links left out, are the acronym's letters; else the acronym.
        Found once per acronym: "TASS said" may attribute every statement of an article."""
        if acronym not in self._spelled:
            self._spelled[acronym] = acronym
            for m in _SPELLED_OUT.finditer(self.body):
                words = m.group(0).split()
                found = next((" ".join(name) for name in (words, words[1:])  # "The Bank Information Center" too
                              if "".join(w[0] for w in name if w[0].isupper()) == acronym), None)
                if found:
                    self._spelled[acronym] = found
                    break
        return self._spelled[acronym]

    def possessed(self, organisation: str, at: int = 0) -> str:
        """An organisation as the article named it before offset `at` with its country or owner:
        "Defense Ministry" (in "a Defense Ministry statement said") is "Russia's Defense Ministry"."""
        if len(organisation.split()) < 2:
            return organisation
        before = re.findall(rf"\b([A-Z][\w\-]*['’]s)\s+{re.escape(organisation)}\b", self.body[:at])
        return f"{before[0]} {organisation}" if before else organisation

    def correct_spelling(self, name: str) -> str:
        """A name the article gives once, one letter off a full name it gives ("Tobias" for Carl Tobis)."""
        return misspelt_name(name, [run for _, run in self.people], self.body) or name

    def by_title(self, phrase: str) -> str | None:
        """"the president", "The US treasury chief": the person introduced with most of those words, else the last person."""
        words = [re.sub(r"['’]s$", "", w) for w in fold(phrase).split() if w not in ("the", "a", "an")]
        # "the president", or a possessive role: "Russia's top diplomat", "Iran's supreme leader"
        if not words or not re.match(r"(?:the\s|[A-Z][\w\-]*['’]s\s)", phrase, re.I) or words[-1] not in _PERSON_ROLES:
            return None
        best, score = None, 0
        for title, name in self.intros:
            # The other words ("treasury", "US") say more than the head noun ("chief", "president");
            # "Russia's" is the "Russian" of a title.
            points = sum(2 for w in words[:-1] if any(_same_word(w, t) for t in title)) \
                + bool(_HELD_BY.get(words[-1], {words[-1]}) & title)
            if points > score:
                best, score = name, points
        # Nobody holds that title by name: an epithet ("the Russian lawmaker") is the story's main speaker so
        # far, else the person last speaking, or in a standfirst (before anyone spoke) the first person the
        # article introduces with a title.
        main = max(self.spoken, key=lambda n: self.spoken[n]) if self.spoken else None
        return best or main or self.last_person or (self.intros[0][1] if self.intros else None)

    def resolve(self, speaker: str, at: int = 0) -> str | None:
        """The name a speaker phrase at offset `at` stands for; None for a pronoun with nobody before it."""
        if fold(speaker) in ("he", "she", "they"):
            if fold(speaker) == "they":
                # "Prosecutors accused Mr Lee …. They alleged …": the group that spoke just before
                return self._group[0] if self._group and at - self._group[1] <= _GROUP_REACH else None
            return self.last_person
        name = speaker_name(speaker)
        if name == speaker.strip() and not is_person(name):
            name = self.by_title(speaker) or name
        name = self.full(name, at)
        if not is_person(name) and _ORGANISATION.search(name):
            name = self.possessed(name, at)
        if _ACRONYM.fullmatch(name):
            name = self.spelled_out(name)
        if len(name.split()) == 2 and is_person(name):
            name = self.correct_spelling(name)
        if name == "May":  # the month, unless the article gave a full name ending in May
            return None
        words = fold(name).split()
        # "A lawyer for the defence said …. He said his client …": an unnamed person is "he" too.
        if is_person(name) or (words and words[0] in ("a", "an") and set(words) & _PERSON_ROLES):
            self.last_person = name
            self.spoken[name] = self.spoken.get(name, 0) + 1
        elif words and words[-1].endswith("s") and words[-1] in _TITLE_WORDS:  # "Prosecutors", "US officials"
            self._group = (name, at)
        return name

    def saw_sentence(self, sentence: str, at: int = 0) -> None:
        """A sentence (at offset `at`) opening with a person's name, or naming one right after its opening
        phrase ("In a wooden shed in his back garden, James Collins sits …"), makes that person the one
        "he" stands for next."""
        subject = self.sentence_subject(sentence, at)
        if subject and not is_reporter_line(sentence):
            self.last_person = subject

    def sentence_subject(self, sentence: str, at: int = 0) -> str | None:
        """The person a sentence (at offset `at`) opens with, or names right after its opening phrase, in
        full ("Walcott always …" → "Derek Walcott" where the article gave it); None when it opens otherwise."""
        m = SUBJECT.match(sentence)
        if m and not any(CALENDAR.match(w) or w in _SENTENCE_OPENERS or w in FUNCTION_WORDS
                         for w in m.group(0).split()[:1]):
            subject = m.group(0)
        else:
            after_opener = _SUBJECT_AFTER_OPENER.match(sentence)
            if not after_opener:
                return None
            subject = after_opener.group("who")
        name = self.full(speaker_name(subject), at)
        return name if is_person(name) and len(name.split()) > 1 else None
