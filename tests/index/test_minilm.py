"""The numpy forward pass (index/minilm.py) gives sentence-transformers' vectors, and `Embedder`
sends one or two texts through it without loading torch."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from index.minilm import MiniLM, _erf
from index.settings import IndexSettings

pytestmark = pytest.mark.slow

TEXTS = [
    "Why was Samsung heir Lee Jae-yong arrested?",
    "",
    "Ahmet Davutoğlu accused Russia — “again” — of targeting rebels, TASS said.",
    "MOSCOW, March 29. /TASS/. Russia's defence ministry said 1,200 sorties were flown.",
    " ".join(f"token{j}" for j in range(400)),  # past 256 word pieces: truncated as sentence-transformers does
    "Émigrés in Zürich: 北京 and Αθήνα\u00a0— ﬁne print.",
]


@pytest.fixture(scope="module")
def folder():
    path = IndexSettings().embedder_path
    if not (path / "modules.json").is_file():
        pytest.fail(f"MiniLM model missing at {path}: run `make models` first")
    return path


def test_erf_is_within_a_few_float32_steps():
    from math import erf

    xs = np.linspace(-6, 6, 2001).astype(np.float32)
    assert np.abs(_erf(xs) - np.array([erf(float(x)) for x in xs])).max() < 4e-7


def test_numpy_vectors_equal_sentence_transformers(folder, real_embedder):
    ours = MiniLM(folder).encode(TEXTS)
    theirs = real_embedder.model.encode(TEXTS, normalize_embeddings=True, convert_to_numpy=True)
    assert ours.shape == theirs.shape == (len(TEXTS), 384)
    assert ours.dtype == np.float32
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    assert (ours * theirs).sum(axis=1).min() > 0.99999
    # the same text alone and in a padded batch gives the same vector
    assert (MiniLM(folder).encode(TEXTS[:1])[0] @ ours[0]) > 0.99999


def test_a_folder_of_another_shape_is_refused(folder, tmp_path):
    for name in ("config.json", "modules.json", "sentence_bert_config.json", "model.safetensors", "tokenizer.json"):
        (tmp_path / name).write_bytes((folder / name).read_bytes())
    (tmp_path / "1_Pooling").mkdir()
    pooling = json.loads((folder / "1_Pooling" / "config.json").read_text())
    pooling.update(pooling_mode_mean_tokens=False, pooling_mode_cls_token=True)
    (tmp_path / "1_Pooling" / "config.json").write_text(json.dumps(pooling))
    with pytest.raises(ValueError, match="not a mean-pooled"):
        MiniLM(tmp_path)


def test_a_question_is_encoded_without_importing_torch(folder):
    script = (
        "import sys; from pathlib import Path; from index.embedding import Embedder\n"
        f"e = Embedder(Path({str(folder)!r}))\n"
        "v = e.encode(['Who retook Palmyra?'])\n"
        "print(v.shape, round(float(v[0] @ v[0]), 4), 'torch' in sys.modules, 'sentence_transformers' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["(1,", "384)", "1.0", "False", "False"]


def test_many_texts_go_to_sentence_transformers(folder):
    from index.embedding import Embedder

    embedder = Embedder(folder)
    few = embedder.encode(TEXTS[:2])
    assert embedder._model is None
    many = embedder.encode(TEXTS)
    assert embedder._model is not None
    assert embedder.texts_encoded == 2 + len(TEXTS)
    assert (few * many[:2]).sum(axis=1).min() > 0.99999


def test_a_model_numpy_cannot_run_is_encoded_by_sentence_transformers(folder, tmp_path):
    import shutil

    from index.embedding import Embedder

    other = tmp_path / "cls-pooled"
    shutil.copytree(folder, other)
    pooling = json.loads((other / "1_Pooling" / "config.json").read_text())
    pooling.update(pooling_mode_mean_tokens=False, pooling_mode_cls_token=True)
    (other / "1_Pooling" / "config.json").write_text(json.dumps(pooling))

    embedder = Embedder(other)
    assert embedder._few is None and embedder._model is not None
    assert (embedder.max_tokens, embedder.dimensions) == (256, 384)
    vectors = embedder.encode(TEXTS[:1])
    assert vectors.shape == (1, 384)
    # [CLS] pooling is another vector than the mean: sentence-transformers really read the changed folder
    assert float(vectors[0] @ MiniLM(folder).encode(TEXTS[:1])[0]) < 0.99
