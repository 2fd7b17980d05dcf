"""Roles the article ties to one name: "the artist" is Hiba Schabaz when she is "artist Hiba Schabaz".

English news introduces a person with a bare role noun before the name ("artist Hiba Schabaz",
"Prosecutor Remi Crosson du Cormier", "showrunner Dan Fogelman") and then, or in the lead before
it, refers to the person by the role alone ("the artist said", "a French prosecutor has said").
When exactly one person of the article is introduced with that noun, the role stands for that
person; two people with one role ("defence lawyer A", later "defence lawyer B") stand for nobody.
"""

from __future__ import annotations

import re

from index.speakers import is_person

# A lower-case role noun (or one capitalised at a sentence's start) right before a name of two or more
# capitalised words: "artist Hiba Schabaz", "Prosecutor Remi Crosson du Cormier".
_INTRO = re.compile(r"(?:^|(?<=[\s(\"“]))(?P<role>[a-z]{4,}|(?<=[.!?]\s)[A-Z][a-z]{3,}|^[A-Z][a-z]{3,})\s+"
                    r"(?P<name>[A-Z][\w'’\-]+(?:\s+(?:du|de|da|del|di|van|von|bin|ibn)?\s*[A-Z][\w'’\-]+){1,3})\b")
# Words before a name that are no role ("said John Smith", "and Mary Jones", "with Jane Doe").
_NOT_ROLES = frozenset("said says told asked added wrote with when where while from that than about after before "
                       "against among between during into over under upon without within called named whom whose "
                       "which what they them this these those their there here also only even just then".split())


class RoleNames:
    """The people of one article keyed by the role noun each was introduced with."""

    def __init__(self, body: str) -> None:
        self.body = body
        self._by_role: dict[str, set[str]] | None = None  # found when first asked: most articles never ask

    @property
    def _names(self) -> dict[str, set[str]]:
        if self._by_role is None:
            self._by_role = self._introductions(self.body)
        return self._by_role

    @staticmethod
    def _introductions(body: str) -> dict[str, set[str]]:
        names: dict[str, set[str]] = {}
        for m in _INTRO.finditer(body):
            role, name = m.group("role").lower(), m.group("name").rstrip("'’s").strip()
            capitalised = " ".join(w for w in name.split() if w[:1].isupper())  # (without "du", "van" …)
            if role in _NOT_ROLES or role.endswith("ly") or not is_person(capitalised):
                continue
            names.setdefault(role, set()).add(name)
        return names

    def name_for(self, phrase: str) -> str | None:
        """The one person introduced with the phrase's head noun ("the artist", "a French prosecutor"), else None."""
        words = phrase.strip().rstrip(".,").split()
        if len(words) < 2 or words[0].lower() not in ("the", "a", "an") or len(words) > 4:
            return None
        names = self._names.get(words[-1].lower(), set())
        return next(iter(names)) if len(names) == 1 else None
