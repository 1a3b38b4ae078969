"""How often the 6.4(c) target gate opens, and the engine flags, clean vs obfuscated posts.

Why: the classifier's 6.4(c) reading counts only when the post names a protected
characteristic (``features.target_gate``); a group word disguised past the lexicon shuts the
model out of the posts written to dodge filters. For each kind of obfuscation of
``scripts/obfuscate.py`` this prints, per kind of post (hateful, neutral or positive about a
group, insult of one person):

- ``gate``: share of posts whose target gate is open,
- ``flagged``: share flagged 6.4(c) as the engine decides (``reading.read_posts`` over
  ``spelling.prepared`` posts and the encoder's ``model_text``),
- ``lexicon``: share the lexicon alone flags (the ``--no-model`` path's 6.4(c) score).

Sets: a JSONL file of ours with ``kind`` and ``target`` per row (``--set``), and/or the
training dev split (``--dev-split``): its rows that name a group in the clean text (hateful or
not) and a sample of those that name none. The disguised texts are made once per set and seed
and kept in ``--variants`` (made with the lexicon of that moment), so a before/after
comparison reads the same texts. ``--encoder-text`` says what the encoder reads: the engine's
choice (``engine``), always the normalised and repaired text (``repaired``), or the post as
written (``original``).

    .venv/bin/python scripts/obfuscation_rates.py --set data/devset/obfuscation_heldout.jsonl \\
        --variants /tmp/obf_heldout_variants.json
    .venv/bin/python scripts/obfuscation_rates.py --dev-split --variants /tmp/obf_dev.json
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import obfuscate  # beside this script
import train_classifier  # beside this script

ROOT = train_classifier.ROOT
CLEAN = "clean"


def own_rows(path: Path) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [{"text": r["text"], "kind": r["kind"], "target": r.get("target")} for r in rows]


def dev_rows(sample_unnamed: int, seed: int) -> list[dict[str, Any]]:
    """Dev-split rows that name a group in their clean text, and a sample of those that do not,
    by label: hate (6.4(c)), abuse (offensive, not about a group) or none."""
    from smpolicy.screening.model import training

    shared = train_classifier.find_shared_data(ROOT)
    if shared is None:
        raise SystemExit("cannot find shared/data")
    config = training.TrainingConfig()
    examples = training.collect(shared, ROOT / "data/training/own_examples.jsonl", config,
                                ROOT / "data/training/own_composed.jsonl")
    _, dev = training.split(examples, config)
    named, unnamed = [], []
    for e in dev:
        row = {"text": e.text, "target": e.target, "kind": e.label}  # hate, abuse or none
        if obfuscate.lexicon_mentions(e.text):
            named.append(row)
        else:
            unnamed.append({**row, "kind": f"unnamed_{row['kind']}"})
    random.Random(seed).shuffle(unnamed)
    return named + unnamed[:sample_unnamed]


def variants(rows: list[dict[str, Any]] | None, kinds: Sequence[str], seed: int,
             path: Path | None) -> tuple[list[dict[str, Any]], dict[str, list[str]]]:
    """The rows and each kind's texts, read from ``path`` when it holds every kind (its rows
    win: which dev rows name a group depends on the lexicon of the day), else made now."""
    if path and path.exists():
        stored = json.loads(path.read_text(encoding="utf-8"))
        if "rows" in stored and all(k in stored["texts"] for k in kinds):
            return stored["rows"], stored["texts"]
    if rows is None:
        raise SystemExit(f"{path} was made for other kinds: remove it or pass another --variants")
    texts = {CLEAN: [r["text"] for r in rows]}
    for kind in kinds:
        texts[kind] = [obfuscate.obfuscate(r["text"], kind, seed, obfuscate.lexicon_mentions)
                       for r in rows]
    if path:
        path.write_text(json.dumps({"rows": rows, "texts": texts}, ensure_ascii=False),
                        encoding="utf-8")
    return rows, texts


def read(texts: Sequence[str], encoder_text: str, cache: Path) -> dict[str, np.ndarray]:
    """Gate, engine flag and lexicon-only flag per text."""
    from smpolicy.screening.config import ScreeningConfig
    from smpolicy.screening.detectors.classifier import model_text
    from smpolicy.screening.findings import Category
    from smpolicy.screening.model import encoder, features, training
    from smpolicy.screening.model.artefact import load_artefact
    from smpolicy.screening.model.reading import read_posts
    from smpolicy.screening.model.scorer import Scorer
    from smpolicy.screening.spelling import prepared

    text_of: Callable[..., str] = {
        "engine": model_text,
        "repaired": lambda post, edits=(): post.text if not edits else model_text(post, edits),
        "original": lambda post, edits=(): post.original if not edits else model_text(post, edits),
    }[encoder_text]
    art = load_artefact(ROOT / "models/classifier")
    review = ScreeningConfig().thresholds_for(Category.DISCRIMINATION).review
    posts = [prepared(t) for t in texts]
    model = encoder.load_encoder()
    # The cache is keyed by the adapter's digest: a retrained model never reads an old one's vectors.
    tag = "engine" + hashlib.sha256(encoder.adapter_path().read_bytes()).hexdigest()[:16]
    vectors = training.embed_cached([text_of(p) for p in posts], cache, model, tag)
    readings = read_posts(Scorer(art), posts,
                          lambda batch: training.embed_cached(batch, cache, model, tag),
                          text_of, review, vectors)
    return {
        "gate": np.array([features.target_gate(r.score.signals) > 0 for r in readings]),
        "flagged": np.array([r.combined >= review for r in readings]),
        "lexicon": np.array([r.lexicon >= review for r in readings]),
    }


def table(rows: Sequence[dict[str, Any]], texts: dict[str, list[str]], encoder_text: str,
          cache: Path) -> dict[str, Any]:
    classes = sorted({r["kind"] for r in rows})
    out: dict[str, Any] = {}
    for kind, kind_texts in texts.items():
        result = read(kind_texts, encoder_text, cache)
        out[kind] = {}
        for cls in classes:
            idx = [i for i, r in enumerate(rows) if r["kind"] == cls]
            out[kind][cls] = {
                name: f"{int(values[idx].sum())}/{len(idx)}" for name, values in result.items()
            }
    return out


def print_table(name: str, result: dict[str, Any]) -> None:
    classes = list(next(iter(result.values())))
    print(f"\n## {name}: gate open / engine flags / lexicon alone flags")
    print(f"{'kind':<12}" + "".join(f"{c:>30}" for c in classes))
    for kind, by_class in result.items():
        cells = ["{gate} {flagged} {lexicon}".format(**by_class[c]) for c in classes]
        print(f"{kind:<12}" + "".join(f"{cell:>30}" for cell in cells))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, action="append", default=[],
                        help="JSONL of our own posts with 'kind' and 'target' per row")
    parser.add_argument("--dev-split", action="store_true", help="also the training dev split")
    parser.add_argument("--unnamed", type=int, default=300,
                        help="dev-split rows naming no group to disguise a word of")
    parser.add_argument("--kind", action="append", choices=obfuscate.KINDS, default=None)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--encoder-text", choices=("engine", "repaired", "original"),
                        default="engine")
    parser.add_argument("--variants", type=Path, default=None,
                        help="keep the disguised texts here (one file per set: a prefix)")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/smpolicy-obfuscation-rates"))
    parser.add_argument("--out", type=Path, default=None, help="also write the JSON here")
    args = parser.parse_args(argv)
    kinds = args.kind or list(obfuscate.KINDS)
    sets: list[tuple[str, Callable[[], list[dict[str, Any]]]]] = [
        (path.stem, lambda path=path: own_rows(path)) for path in args.set]
    if args.dev_split:
        sets.append(("dev_split", lambda: dev_rows(args.unnamed, args.seed)))
    results = {}
    for name, make_rows in sets:
        path = (args.variants.with_name(f"{args.variants.name}.{name}.json")
                if args.variants else None)
        rows, texts = variants(None if path and path.exists() else make_rows(), kinds,
                               args.seed, path)
        results[name] = table(rows, {k: texts[k] for k in (CLEAN, *kinds)}, args.encoder_text,
                              args.cache)
        print_table(name, results[name])
    if args.out:
        args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
