"""Images made with Pillow for the tests: memes with text, photos with EXIF, broken files."""

from __future__ import annotations

import io

import pytest

pytest.importorskip("PIL")
from PIL import Image, ImageDraw, ImageFont


def meme(top: str, bottom: str, size: tuple[int, int] = (1080, 1080)) -> bytes:
    """The classic layout: white capitals with a black outline over a coloured picture."""
    image = Image.new("RGB", size, (70, 110, 150))
    draw = ImageDraw.Draw(image)
    draw.ellipse((300, 300, 780, 780), fill=(200, 170, 90))
    font = ImageFont.load_default(size=72)
    for text, y in ((top, 110), (bottom, size[1] - 110)):
        draw.text((size[0] // 2, y), text, font=font, fill="white", anchor="mm",
                  stroke_width=4, stroke_fill="black")
    return encode(image, "PNG")


def encode(image: Image.Image, fmt: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def photo_with_gps(lat: tuple[float, float, float], lat_ref: str,
                   lon: tuple[float, float, float], lon_ref: str) -> bytes:
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Apple", "iPhone 15"
    exif[0x8825] = {1: lat_ref, 2: lat, 3: lon_ref, 4: lon}
    return encode(Image.new("RGB", (640, 480), (120, 160, 90)), "JPEG", exif=exif)
