"""The fine-tuned adapters: merged into the packaged weights, small, and checked on load."""

from __future__ import annotations

import random

import numpy as np
import pytest

from smpolicy.exceptions import DetectorError
from smpolicy.screening.model import adapter
from smpolicy.screening.model.artefact import ARTEFACT_DIR
from smpolicy.screening.model.finetune import augment

torch = pytest.importorskip("torch")


class Block(torch.nn.Module):
    """The attribute layout of one BERT block, with small linears."""

    def __init__(self, width: int = 4) -> None:
        super().__init__()
        self.attention = torch.nn.Module()
        self.attention.self = torch.nn.Module()
        self.attention.self.query = torch.nn.Linear(width, width)
        self.attention.self.value = torch.nn.Linear(width, width)
        self.attention.output = torch.nn.Module()
        self.attention.output.dense = torch.nn.Linear(width, width)
        self.intermediate = torch.nn.Module()
        self.intermediate.dense = torch.nn.Linear(width, 2 * width)
        self.output = torch.nn.Module()
        self.output.dense = torch.nn.Linear(2 * width, width)


class Bert(torch.nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.encoder = torch.nn.Module()
        self.encoder.layer = torch.nn.ModuleList([Block(), Block()])


def _trained_factors(bert: Bert) -> dict[str, np.ndarray]:
    wrapped = adapter.add_lora(bert, rank=2, alpha=4.0)
    with torch.no_grad():
        for module in wrapped:
            module.b.normal_()
    arrays = adapter.export(wrapped)
    adapter.unwrap(bert)
    return arrays


def test_merging_the_adapter_gives_the_same_outputs_as_training_saw():
    torch.manual_seed(0)
    bert = Bert()
    x = torch.randn(3, 4)
    wrapped = adapter.add_lora(bert, rank=2, alpha=4.0)
    with torch.no_grad():
        for module in wrapped:
            module.b.normal_()
        # round the factors to float16 as export does, so the comparison is exact in float32
        for module in wrapped:
            module.a.copy_(module.a.half().float())
            module.b.copy_(module.b.half().float())
        query = bert.encoder.layer[1].attention.self.query
        with_adapter = query(x)
    arrays = adapter.export(wrapped)
    adapter.unwrap(bert)
    adapter.merge(bert, arrays)
    with torch.no_grad():
        merged = bert.encoder.layer[1].attention.self.query(x)
    assert isinstance(bert.encoder.layer[1].attention.self.query, torch.nn.Linear)
    assert torch.allclose(with_adapter, merged, atol=1e-5)


def test_an_adapter_for_another_encoder_is_a_clear_error(tmp_path):
    arrays = _trained_factors(Bert())
    arrays["a0"] = np.zeros((2, 7), dtype=np.float16)
    with pytest.raises(DetectorError, match="does not fit the encoder"):
        adapter.merge(Bert(), arrays)
    del arrays["a3"]
    with pytest.raises(DetectorError, match="lacks layer"):
        adapter.merge(Bert(), {k: v for k, v in arrays.items() if k != "a0"})


def test_a_damaged_adapter_file_is_a_clear_error(tmp_path):
    path = tmp_path / adapter.ADAPTER_FILE
    path.write_bytes(b"not a zip")
    with pytest.raises(DetectorError, match="cannot read the encoder adapter"):
        adapter.load(path)


def test_the_shipped_adapter_is_small_and_fits_minilm():
    path = ARTEFACT_DIR / adapter.ADAPTER_FILE
    assert path.stat().st_size < 2_000_000
    arrays = adapter.load(path)
    assert {a.dtype for k, a in arrays.items() if k != "scale"} == {np.dtype(np.float16)}
    assert len([k for k in arrays if k.startswith("a")]) == 6 * len(adapter.TARGETS)


def test_character_noise_changes_one_word_and_is_seeded():
    text = "Everyone knows the council ignores the Eastfield estate"
    first = augment(text, random.Random(3))
    assert first == augment(text, random.Random(3))
    assert first != text
    assert augment("ok", random.Random(1)) == "ok"  # nothing long enough to change


def test_the_adapter_is_merged_before_the_encoder_is_optimised(monkeypatch):
    from smpolicy.screening.model import encoder

    calls = []
    monkeypatch.setattr(encoder, "base_encoder", lambda: calls.append("load") or "model")
    monkeypatch.setattr(encoder, "_apply_adapter", lambda m: calls.append("adapter") or m)
    monkeypatch.setattr(encoder, "_optimise_for_cpu", lambda m: calls.append("optimise") or m)
    assert encoder._load.__wrapped__() == "model"
    assert calls == ["load", "adapter", "optimise"]
