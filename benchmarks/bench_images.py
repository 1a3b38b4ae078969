"""Images per second for OCR + nudity + faces on generated 1080 px images, OCR word accuracy,
and peak RSS. Images are rendered here with Pillow: memes (outlined capitals) and captions in
varied fonts and sizes, some with noise or blur. Nothing is downloaded.

    .venv/bin/python benchmarks/bench_images.py --count 500
"""

from __future__ import annotations

import argparse
import random
import resource
import string
import time
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from smpolicy.screening.images import checks, models

WORDS = [
    "bins", "collection", "tuesday", "council", "planning", "meeting", "leisure", "centre",
    "swimming", "lessons", "library", "parking", "permit", "recycling", "garden", "waste",
    "football", "pitch", "town", "hall", "mayor", "market", "friday", "monday", "weekend",
    "volunteers", "residents", "park", "cafe", "closed", "open", "again", "today",
]
FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/truetype/liberation"),
)


def fonts() -> list[Path | None]:
    found: list[Path | None] = [
        p for d in FONT_DIRS if d.is_dir() for p in sorted(d.glob("*.ttf")) if "Math" not in p.name
    ]
    return found or [None]  # None: Pillow's bundled font


def colour(rng: random.Random) -> tuple[int, int, int]:
    return (rng.randrange(256), rng.randrange(256), rng.randrange(256))


def render(rng: random.Random, font_paths: list[Path | None]) -> tuple[Image.Image, list[str]]:
    size = rng.choice((28, 36, 48, 64, 80))
    path = rng.choice(font_paths)
    font = ImageFont.truetype(str(path), size) if path else ImageFont.load_default(size=size)
    image = Image.new("RGB", (1080, 1080), colour(rng))
    draw = ImageDraw.Draw(image)
    for _ in range(6):  # a busy background, as in a photo
        x, y = rng.randrange(1080), rng.randrange(1080)
        draw.ellipse((x, y, x + rng.randrange(50, 400), y + rng.randrange(50, 400)),
                     fill=colour(rng))
    words: list[str] = []
    meme = rng.random() < 0.5
    y = 60
    for _ in range(rng.randint(1, 3)):
        line = [rng.choice(WORDS) for _ in range(rng.randint(2, 5))]
        text = " ".join(line).upper() if meme else " ".join(line)
        if meme:
            draw.text((540, y), text, font=font, fill="white", anchor="mt",
                      stroke_width=max(2, size // 16), stroke_fill="black")
        else:
            left, top, right, bottom = draw.textbbox((40, y), text, font=font)
            draw.rectangle((left - 8, top - 8, right + 8, bottom + 8), fill="white")
            draw.text((40, y), text, font=font, fill="black")
        words.extend(w.lower() for w in line)
        y += int(size * 1.6) + rng.randrange(0, 250)
    if rng.random() < 0.3:
        noise = np.random.default_rng(rng.randrange(2**32)).normal(0, 18, (1080, 1080, 3))
        image = Image.fromarray(np.clip(np.asarray(image) + noise, 0, 255).astype("uint8"))
    if rng.random() < 0.2:
        image = image.filter(ImageFilter.GaussianBlur(1.0))
    return image, words


def word_recall(expected: list[str], read: str) -> int:
    pool = [w.strip(string.punctuation).lower() for w in read.split()]
    hits = 0
    for word in expected:
        if word in pool:
            pool.remove(word)
            hits += 1
    return hits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--seed", type=int, default=9)
    args = parser.parse_args()
    rng, font_paths = random.Random(args.seed), fonts()
    warm = render(rng, font_paths)[0]
    models.read_text(warm)  # load the three models before timing
    models.find_nudity(np.asarray(warm))
    models.find_faces(np.asarray(warm))
    hits = total = nude = faces = 0
    timings = {"ocr": 0.0, "nudity": 0.0, "faces": 0.0}
    elapsed = 0.0
    for _ in range(args.count):
        image, words = render(rng, font_paths)  # rendered one at a time: RSS stays honest
        t0 = time.perf_counter()
        lines = models.read_text(image)
        t1 = time.perf_counter()
        array = np.asarray(image)
        found = models.find_nudity(array)
        t2 = time.perf_counter()
        faces += bool(models.find_faces(array))
        t3 = time.perf_counter()
        nude += any(d.score >= checks.EXPOSED.get(d.label, 2.0) for d in found)
        timings["ocr"] += t1 - t0
        timings["nudity"] += t2 - t1
        timings["faces"] += t3 - t2
        elapsed += t3 - t0
        hits += word_recall(words, " ".join(line.text for line in lines))
        total += len(words)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"images: {args.count} (1080x1080, {len(font_paths)} fonts), seed {args.seed}")
    print(f"throughput: {args.count / elapsed:.2f} images/s (OCR + nudity + faces)")
    print("time per image: " + ", ".join(
        f"{name} {seconds / args.count * 1000:.0f} ms" for name, seconds in timings.items()))
    print(f"OCR word accuracy (recall of rendered words): {hits / total:.3f} ({hits}/{total})")
    print(f"false positives on these non-sexual images: nudity {nude}, faces {faces}")
    print(f"peak RSS: {rss:.0f} MiB")


if __name__ == "__main__":
    main()
