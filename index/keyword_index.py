"""`KeywordIndex`: BM25 keyword search over the chunks, in a tantivy index beside the manifest.

Why tantivy and not SQLite FTS5 (which this replaced): FTS5 scores every chunk
holding any of the question's words with `bm25()`, and a median question matches
a quarter of the archive, so its cost grew linearly with the store (139-164 ms p50
at 358k chunks, ≈0.45 s projected at 1M). tantivy (Rust, BM25) skips the postings
that cannot reach the top k (block-max WAND): 1.3 ms p50 on the same 358k chunks.

Each document is one chunk: its manifest rowid (indexed, fast, stored: the key
for deletes and tie-breaks) and its text, taken from the manifest's `search_text`,
which is already accent-folded by `index.text.fold` (so `Davutoglu` finds `Davutoğlu`).
Words are indexed and searched by their English stem (tantivy's `en_stem`: split, lower-case,
Snowball): "estimate" finds "estimates", "killed" finds "kill". Without it, blind s57-10's "By
which official was the estimate of the campaign's duration given?" found no passage of the sample
article's "Russia estimates its air strike campaign … could last three to four months" in the
keyword top 30 (README, "Retrieval alone", for what it did over the benchmarks).

The text is indexed twice, as headline + body (`plain`) and as the headline
written `TITLE_WEIGHT` times + body (`weighted`). That reproduces FTS5's
`bm25(title_weight, 1.0)`, which adds a headline match to the term's frequency
in one document of all columns. A first version kept `title` and `body` as two
fields and boosted the title's BM25: each headline match then added a whole
second idf, the headline's article crowded out the passages holding the answer,
and on the 399 RealTimeQA questions article Hits@10 fell 0.899 -> 0.877 and
answer recall@4 0.546 -> 0.529 against FTS5.

The manifest stays the commit record: this index is written only by the holder of
the store's write lock, from the manifest's outbox (index/keyword_outbox.py).
Queries are built as tantivy `Query` objects from the question's words, never as a
parsed query string, so a question's apostrophes, colons or quotes cannot break one.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Iterable, Sequence

import tantivy

from index.errors import NewsdeskError
from index.text import STOPWORDS, WORD, fold

# How many times a headline match counts against one in the body (the headline is written this
# many times in the `weighted` field); FTS5 used the same 2.0 as its column weight.
TITLE_WEIGHT = 2
_FIELD_OF_WEIGHT = {1: "plain", TITLE_WEIGHT: "weighted"}
MAX_QUERY_WORDS = 32
# What tantivy's default tokenizer keeps of a word: runs of letters and digits (it splits on `_`,
# which `\w` keeps) no longer than 40 bytes.
_TOKEN = re.compile(r"[^\W_]+")
_MAX_TOKEN_BYTES = 40
WRITER_HEAP = 64_000_000  # bytes; one indexing thread (the machine is shared, and one was 13 s for 358k)


class KeywordIndexError(NewsdeskError, RuntimeError):
    """The keyword index's folder cannot be opened or written."""


# The index's analyzer, as tantivy's built-in "en_stem" is made, to stem a question's words the way the text was.
TOKENIZER = "en_stem"
_STEMMER = (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple()).filter(tantivy.Filter.remove_long(_MAX_TOKEN_BYTES))
            .filter(tantivy.Filter.lowercase()).filter(tantivy.Filter.stemmer("english")).build())


def query_words(text: str) -> list[str]:
    """The question's content words as the index holds them: folded, no stopwords, stemmed, at most 32."""
    words = [w for w in WORD.findall(fold(text)) if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]
    tokens = [t for w in words for t in _TOKEN.findall(w) if len(t.encode()) <= _MAX_TOKEN_BYTES]
    stems = [stem for t in tokens for stem in _STEMMER.analyze(t)]
    return list(dict.fromkeys(stems))[:MAX_QUERY_WORDS]


def split_search_text(search_text: str) -> tuple[str, str]:
    """(title, body) of a manifest `search_text`: the folded headline, a newline, the folded chunk."""
    title, _, body = search_text.partition("\n")
    return title, body


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("rowid", stored=True, indexed=True, fast=True)
    for field in _FIELD_OF_WEIGHT.values():
        builder.add_text_field(field, index_option="freq", tokenizer_name=TOKENIZER)
    return builder.build()


class KeywordIndex:
    """A tantivy index of the manifest's chunks in `folder` (read by anyone, written by the lock holder)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._index: tantivy.Index | None = None
        self._open()

    def _open(self) -> None:
        """Open the index if it exists (a reader never creates one). An index of another layout (an
        older version's fields) counts as absent, so the write lock's holder rebuilds it."""
        self._other_layout = False
        try:
            if self.folder.is_dir() and tantivy.Index.exists(str(self.folder)):
                self._index = tantivy.Index(_schema(), path=str(self.folder), reuse=True)
                self._index.config_reader(reload_policy="Manual")
        except ValueError as exc:
            if "schema does not match" not in str(exc):
                raise KeywordIndexError(f"cannot open the keyword index at {self.folder}: {exc}") from None
            self._other_layout = True
        except OSError as exc:
            raise KeywordIndexError(f"cannot open the keyword index at {self.folder}: {exc}") from None

    @property
    def exists(self) -> bool:
        """True once a writer has created the index."""
        return self._index is not None

    def reload(self) -> None:
        """See the latest commit (another process's too)."""
        if self._index is None:
            self._open()
        else:
            self._index.reload()

    def count(self) -> int:
        """How many chunks the index holds (0 before it exists)."""
        return self._index.searcher().num_docs if self._index is not None else 0

    def search(self, text: str, k: int, title_weight: float = TITLE_WEIGHT) -> list[tuple[int, float]]:
        """(rowid, BM25 score) of the best `k` chunks for the OR of the question's content words, best
        first, equal scores in rowid order; a headline match counts `title_weight` (1 or TITLE_WEIGHT)
        times a body match."""
        field = _FIELD_OF_WEIGHT.get(int(title_weight)) if float(title_weight).is_integer() else None
        if field is None:
            raise ValueError(f"title_weight must be one of {sorted(_FIELD_OF_WEIGHT)}, not {title_weight}")
        words = query_words(text)
        if not words or k <= 0 or self._index is None:
            return []
        schema = self._index.schema
        query = tantivy.Query.boolean_query(
            [(tantivy.Occur.Should, tantivy.Query.term_query(schema, field, word)) for word in words])
        searcher = self._index.searcher()
        limit = k + 16
        while True:
            hits = searcher.search(query, limit, count=False).hits
            rowids = searcher.fast_field_values("rowid", [address for _, address in hits])
            ranked = sorted(((float(score), int(rowid)) for (score, _), rowid in zip(hits, rowids)),
                            key=lambda s: (-s[0], s[1]))
            # Every match seen, or the k-th scores above the last fetched (so above all the rest):
            # otherwise a tie across the cut could hide a lower rowid beyond it, and we fetch more.
            if len(hits) < limit or ranked[k - 1][0] > ranked[-1][0]:
                return [(rowid, score) for score, rowid in ranked[:k]]
            limit *= 2

    # -- writing (the write lock's holder only) ---------------------------
    def create(self) -> None:
        """Create the (empty) index if there is none yet."""
        if self._index is None:
            if self._other_layout:
                shutil.rmtree(self.folder)
                self._other_layout = False
            self.folder.mkdir(parents=True, exist_ok=True)
            try:
                self._index = tantivy.Index(_schema(), path=str(self.folder), reuse=True)
                self._index.config_reader(reload_policy="Manual")
            except (OSError, ValueError) as exc:
                raise KeywordIndexError(f"cannot create the keyword index at {self.folder}: {exc}") from None

    def apply(self, changed: Sequence[int], rows: Iterable[tuple[int, str]], *, everything: bool = False) -> None:
        """One commit: forget the chunks `changed` (or all of them when `everything`), then add `rows`
        ((rowid, search_text) of the chunks that exist now). Deleting by rowid before adding makes
        applying the same change twice harmless."""
        self.create()
        assert self._index is not None
        try:
            writer = self._index.writer(WRITER_HEAP, 1)
        except ValueError as exc:
            raise KeywordIndexError(f"cannot write the keyword index at {self.folder}: {exc}") from None
        try:
            if everything:
                writer.delete_all_documents()
            else:
                for rowid in changed:
                    writer.delete_documents_by_term("rowid", int(rowid))
            for rowid, search_text in rows:
                title, body = split_search_text(search_text)
                fields = {name: "\n".join([title] * weight + [body]) for weight, name in _FIELD_OF_WEIGHT.items()}
                writer.add_document(tantivy.Document(rowid=int(rowid), **fields))
            writer.commit()
        except BaseException:
            writer.rollback()
            raise
        finally:
            writer.wait_merging_threads()  # releases tantivy's own writer lock
        self._index.reload()
