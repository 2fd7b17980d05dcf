"""MiniLM's forward pass in numpy, so a command can encode a question without importing torch.

all-MiniLM-L6-v2 is a six-layer BERT whose sentence vector is the mean of its last layer over the
real tokens, scaled to unit length (its modules.json: Transformer, mean Pooling, Normalize). Importing
sentence-transformers and torch to run it takes 5-7 s on the 2-core machine, longer than a whole
`timeline` or retrieval takes once loaded; reading the same safetensors weights into numpy takes
~0.1 s. `Embedder` (index/embedding.py) uses this for short batches (questions, evidence sentences)
and sentence-transformers for ingest-sized ones; tests/index/test_minilm.py holds the two to the
same vectors (cosine ≥ 0.99999 on every text tried).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np


@dataclass(frozen=True)
class _Layer:
    """One transformer block's weights, transposed once so every product is `x @ w`."""

    qkv_w: np.ndarray  # (hidden, 3 * hidden): query, key and value side by side
    qkv_b: np.ndarray
    out_w: np.ndarray
    out_b: np.ndarray
    norm1: tuple[np.ndarray, np.ndarray]
    up_w: np.ndarray
    up_b: np.ndarray
    down_w: np.ndarray
    down_b: np.ndarray
    norm2: tuple[np.ndarray, np.ndarray]


def _erf(x: np.ndarray) -> np.ndarray:
    # Abramowitz & Stegun 7.1.26: absolute error below 1.5e-7 (below 4e-7 computed in float32, a few
    # float32 steps near 1), so BERT's exact GELU without importing scipy (0.25 s) for one function.
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return sign * (1.0 - poly * np.exp(-a * a))


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + _erf(x * np.float32(0.7071067811865476)))


def _layer_norm(x: np.ndarray, weight_bias: tuple[np.ndarray, np.ndarray], eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    variance = (centred * centred).mean(axis=-1, keepdims=True)
    return centred / np.sqrt(variance + eps) * weight_bias[0] + weight_bias[1]


class MiniLM:
    """The sentence vectors of a BERT sentence-transformers folder (mean pooling, unit length).

    Reads `config.json`, `model.safetensors`, `tokenizer.json` and `sentence_bert_config.json`
    (max_seq_length) of the folder `SentenceTransformer(path)` would load. Raises `ValueError`
    for a folder of another shape, so the caller falls back to sentence-transformers.
    """

    def __init__(self, folder: Path) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        folder = Path(folder)
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        pooling = json.loads((folder / "1_Pooling" / "config.json").read_text(encoding="utf-8"))
        modules = [m["type"] for m in json.loads((folder / "modules.json").read_text(encoding="utf-8"))]
        if (config.get("model_type") != "bert" or config.get("hidden_act") != "gelu"
                or config.get("position_embedding_type", "absolute") != "absolute"
                or not pooling.get("pooling_mode_mean_tokens")
                or any(pooling.get(k) for k in ("pooling_mode_cls_token", "pooling_mode_max_tokens",
                                                 "pooling_mode_mean_sqrt_len_tokens"))
                or modules != ["sentence_transformers.models.Transformer", "sentence_transformers.models.Pooling",
                               "sentence_transformers.models.Normalize"]):
            raise ValueError(f"{folder} is not a mean-pooled, normalised BERT sentence model")
        self.max_tokens = int(json.loads((folder / "sentence_bert_config.json").read_text(encoding="utf-8"))
                              ["max_seq_length"])
        self.dimensions = int(config["hidden_size"])
        self.heads = int(config["num_attention_heads"])
        self.eps = float(config["layer_norm_eps"])
        weights = load_file(str(folder / "model.safetensors"))
        prefix = "bert." if "bert.embeddings.word_embeddings.weight" in weights else ""

        def w(name: str) -> np.ndarray:
            return weights[prefix + name].astype(np.float32, copy=False)

        self.words = w("embeddings.word_embeddings.weight")
        self.positions = w("embeddings.position_embeddings.weight")
        self.token_type = w("embeddings.token_type_embeddings.weight")[0]
        self.embed_norm = (w("embeddings.LayerNorm.weight"), w("embeddings.LayerNorm.bias"))
        self.layers = [self._layer(w, f"encoder.layer.{i}.") for i in range(int(config["num_hidden_layers"]))]
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        # sentence-transformers truncates to max_seq_length word pieces, [CLS] and [SEP] included.
        self.tokenizer.enable_truncation(self.max_tokens)
        self.tokenizer.no_padding()

    @staticmethod
    def _layer(w, at: str) -> _Layer:
        attention = at + "attention."
        return _Layer(
            qkv_w=np.concatenate([w(f"{attention}self.{p}.weight").T for p in ("query", "key", "value")], axis=1),
            qkv_b=np.concatenate([w(f"{attention}self.{p}.bias") for p in ("query", "key", "value")]),
            out_w=np.ascontiguousarray(w(attention + "output.dense.weight").T),
            out_b=w(attention + "output.dense.bias"),
            norm1=(w(attention + "output.LayerNorm.weight"), w(attention + "output.LayerNorm.bias")),
            up_w=np.ascontiguousarray(w(at + "intermediate.dense.weight").T),
            up_b=w(at + "intermediate.dense.bias"),
            down_w=np.ascontiguousarray(w(at + "output.dense.weight").T),
            down_b=w(at + "output.dense.bias"),
            norm2=(w(at + "output.LayerNorm.weight"), w(at + "output.LayerNorm.bias")),
        )

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        """Unit-length float32 vectors, one row per text (texts of similar length batched together)."""
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        ids = [e.ids for e in self.tokenizer.encode_batch(list(texts))]
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))  # little padding per batch
        out = np.empty((len(ids), self.dimensions), dtype=np.float32)
        for start in range(0, len(order), batch_size):
            rows = order[start:start + batch_size]
            out[rows] = self._encode_padded([ids[i] for i in rows])
        return out

    def _encode_padded(self, ids: list[list[int]]) -> np.ndarray:
        length = max(len(row) for row in ids)
        tokens = np.zeros((len(ids), length), dtype=np.int64)
        mask = np.zeros((len(ids), length), dtype=np.float32)
        for i, row in enumerate(ids):
            tokens[i, :len(row)] = row
            mask[i, :len(row)] = 1.0
        x = self.words[tokens] + self.positions[:length] + self.token_type
        x = _layer_norm(x, self.embed_norm, self.eps)
        keep = mask[:, None, None, :]  # which keys a token may attend to (not padding)
        for layer in self.layers:
            x = self._block(x, layer, keep)
        summed = (x * mask[:, :, None]).sum(axis=1)
        mean = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1e-9)
        return (mean / np.maximum(np.linalg.norm(mean, axis=1, keepdims=True), 1e-12)).astype(np.float32)

    def _block(self, x: np.ndarray, layer: _Layer, keep: np.ndarray) -> np.ndarray:
        batch, length, hidden = x.shape
        head = hidden // self.heads
        flat = x.reshape(batch * length, hidden)  # 2-D products go to one BLAS call each
        qkv = (flat @ layer.qkv_w + layer.qkv_b).reshape(batch, length, 3, self.heads, head)
        q, k, v = (qkv[:, :, i].transpose(0, 2, 1, 3) for i in range(3))
        scores = q @ k.transpose(0, 1, 3, 2) / np.float32(np.sqrt(head))
        scores = np.where(keep > 0, scores, np.float32(-np.inf))  # padding gets no attention
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        scores /= scores.sum(axis=-1, keepdims=True)
        context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch * length, hidden)
        flat = _layer_norm(context @ layer.out_w + layer.out_b + flat, layer.norm1, self.eps)
        up = _gelu(flat @ layer.up_w + layer.up_b)
        out = _layer_norm(up @ layer.down_w + layer.down_b + flat, layer.norm2, self.eps)
        return out.reshape(batch, length, hidden)
