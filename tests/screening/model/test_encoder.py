"""The encoder: precision setting (float32 by default, bfloat16 only when asked and native), and
``embed`` (reposts encoded once, rows in input order whatever the batching)."""

from __future__ import annotations

import copy

import numpy as np
import pytest

from smpolicy.exceptions import DetectorError
from smpolicy.screening.model import encoder


@pytest.fixture(scope="module")
def model(screener):  # the session screener has loaded the shared encoder once
    return encoder.load_encoder()


def test_the_encoder_runs_in_float32_unless_asked(model, monkeypatch):
    monkeypatch.delenv(encoder.PRECISION_ENV, raising=False)
    import torch

    assert next(encoder._optimise_for_cpu(model).parameters()).dtype == torch.float32


def test_an_unknown_precision_is_a_clear_error(model, monkeypatch):
    monkeypatch.setenv(encoder.PRECISION_ENV, "int4")
    with pytest.raises(DetectorError, match="float32 or bfloat16, not 'int4'"):
        encoder._optimise_for_cpu(model)


def test_bfloat16_is_refused_where_the_cpu_would_emulate_it(model, monkeypatch):
    monkeypatch.setenv(encoder.PRECISION_ENV, "bfloat16")
    monkeypatch.setattr(encoder, "native_bfloat16", lambda: False)
    with pytest.raises(DetectorError, match="native bfloat16"):
        encoder._optimise_for_cpu(model)


def test_bfloat16_embeddings_stay_unit_length_and_close_to_float32(model, monkeypatch):
    if not encoder.native_bfloat16():
        pytest.skip("this CPU has no native bfloat16")
    texts = ["Thanks to the bin crew for coming out in the snow", "Muslims are not welcome here"]
    full = encoder.embed(texts)
    monkeypatch.setenv(encoder.PRECISION_ENV, "bf16")
    half = encoder._optimise_for_cpu(copy.deepcopy(model))
    monkeypatch.setattr(encoder, "load_encoder", lambda: half)
    vectors = encoder.embed(texts)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert (vectors * full).sum(axis=1).min() > 0.99


class _Spy:
    """The shared encoder, recording every text it is asked to encode."""

    def __init__(self, model):
        self.model, self.encoded = model, []
        self.tokenizer, self.max_seq_length = model.tokenizer, model.max_seq_length

    def encode(self, texts, **kwargs):
        self.encoded.extend(texts)
        return self.model.encode(texts, **kwargs)


def test_a_repost_is_encoded_once_and_gets_the_same_embedding(model):
    post = "Bin day moved to Thursday again, the crew do a great job"
    texts = [post, "Leisure centre pool closed for repairs until May", post]
    spy = _Spy(model)
    vectors = encoder.embed(texts, model=spy)
    assert sorted(spy.encoded) == sorted(set(texts))
    assert np.array_equal(vectors[0], vectors[2])
    alone = encoder.embed([post], model=model)[0]
    assert np.allclose(vectors[0], alone, atol=1e-5)


def test_grouping_by_length_keeps_each_post_in_its_place(model):
    texts = [
        "Thanks",
        "The planning committee meets on Tuesday evening in the town hall to discuss the new "
        "housing estate, the bypass and the leisure centre's opening hours",
        "Coaching the under-12s at the rec on Saturday",
    ]
    vectors = encoder.embed(texts, batch_size=2, model=model)
    plain = model.encode(texts, normalize_embeddings=True, convert_to_numpy=True)
    assert vectors.shape == (3, encoder.DIMENSIONS)
    assert np.allclose(vectors, plain, atol=1e-5)
    assert (vectors @ plain.T).argmax(axis=1).tolist() == [0, 1, 2]
