"""One answer's sentence vectors, encoded once.

Evidence selection encodes every passage sentence before the model starts;
the support check and citation repair need the same vectors after its last
token. Routing both through one `SentenceVectors` leaves only the answer's
own sentences to encode once the text is complete (one batch), which keeps
verification to tens of milliseconds on a shared 2-core CPU.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from index.embedding import Embedder


class SentenceVectors:
    """An `Embedder` look-alike that remembers the vector of every text it has encoded.

    Meant to live for one question: texts not seen yet are encoded in one
    batch, repeats are free. `encoded` counts the texts actually sent to the
    model (tests use it to prove the once-only promise).
    """

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder
        self.dimensions = getattr(embedder, "dimensions", None)
        self._vectors: dict[str, np.ndarray] = {}
        self.encoded = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors, one row per text, like `Embedder.encode`."""
        missing = list(dict.fromkeys(t for t in texts if t not in self._vectors))
        if missing:
            for text, vector in zip(missing, self.embedder.encode(missing)):
                self._vectors[text] = vector
            self.encoded += len(missing)
        if not texts:
            return np.zeros((0, self.dimensions or 1), dtype=np.float32)
        return np.stack([self._vectors[t] for t in texts])
