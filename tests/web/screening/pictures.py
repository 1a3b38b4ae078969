"""Small generated pictures for the image-screening tests (Pillow's bundled font, no files)."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont

HATEFUL = ("ALL IMMIGRANTS ARE VERMIN", "SEND THEM BACK")


def meme(lines: tuple[str, ...], size: tuple[int, int] = (600, 200)) -> bytes:
    """White outlined capitals on a coloured ground: small, but big enough for OCR to read."""
    image = Image.new("RGB", size, (70, 110, 150))
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=36)
    for number, line in enumerate(lines, start=1):
        draw.text((size[0] // 2, size[1] // (len(lines) + 1) * number), line, font=font,
                  fill="white", anchor="mm", stroke_width=2, stroke_fill="black")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()
