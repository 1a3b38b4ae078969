"""Open an image from a post safely: size limits before decoding, one clear error per image.

A post's images come from anyone. Pillow is told the pixel limit before it decodes, so a
"pixel bomb" (a small file that inflates to gigapixels) is refused from its header; truncated
and corrupt files, unknown formats and animations are named in the error message.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from smpolicy.exceptions import ImageError

if TYPE_CHECKING:
    from PIL import Image

FORMATS = frozenset({"PNG", "JPEG", "GIF", "WEBP", "BMP", "TIFF", "MPO"})


@dataclass(frozen=True, slots=True)
class ImageSource:
    """An image as a post carries it: a file path or bytes, with a name for messages."""

    data: bytes | None = None
    path: Path | None = None
    name: str = ""

    @classmethod
    def from_path(cls, path: str | Path) -> ImageSource:
        return cls(path=Path(path), name=str(path))

    @classmethod
    def from_bytes(cls, data: bytes, name: str = "<bytes>") -> ImageSource:
        return cls(data=data, name=name)


@dataclass(frozen=True, slots=True)
class LoadedImage:
    """A decoded RGB image (first frame) with what was read from its header."""

    image: Image.Image
    format: str
    frames: int
    exif: object  # PIL.Image.Exif: tags plus get_ifd() for GPS


def load_image(source: ImageSource, *, max_pixels: int, max_bytes: int) -> LoadedImage:
    """The first frame as RGB, or ImageError saying why the image cannot be screened."""
    try:
        from PIL import Image, UnidentifiedImageError
    except ImportError:  # the images extra is missing
        raise ImageError("image support is not installed: pip install 'smpolicy[images]'") from None
    data = _read(source, max_bytes)
    Image.MAX_IMAGE_PIXELS = max_pixels  # a bomb warning above it, an error above twice it
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            width, height = image.size
            if width * height > max_pixels:
                raise ImageError(
                    f"image is {width}x{height} pixels, over the limit of {max_pixels:,} "
                    "(screening.max_image_pixels): possibly a decompression bomb"
                )
            if image.format not in FORMATS:
                raise ImageError(f"image format {image.format or 'unknown'} is not supported "
                                 f"(use one of {', '.join(sorted(FORMATS))})")
            frames = getattr(image, "n_frames", 1)
            exif = image.getexif()
            image.seek(0)
            rgb = image.convert("RGB")
            rgb.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ImageError(f"image refused as a possible decompression bomb: {error}") from None
    except UnidentifiedImageError:
        raise ImageError(_unidentified(data)) from None
    except (OSError, SyntaxError, ValueError) as error:
        raise ImageError(f"image is corrupt or truncated: {error}") from None
    return LoadedImage(image=rgb, format=image.format or "", frames=frames, exif=exif)


def _read(source: ImageSource, max_bytes: int) -> bytes:
    if source.data is not None:
        data = source.data
    elif source.path is not None:
        try:
            size = source.path.stat().st_size
            if size > max_bytes:
                raise ImageError(f"image file is {size:,} bytes, over the limit of {max_bytes:,}")
            data = source.path.read_bytes()
        except OSError as error:
            raise ImageError(f"cannot read image: {error.strerror or error}") from None
    else:
        raise ImageError("image has neither a path nor bytes")
    if len(data) > max_bytes:
        raise ImageError(f"image is {len(data):,} bytes, over the limit of {max_bytes:,}")
    if not data:
        raise ImageError("image file is empty")
    return data


def _unidentified(data: bytes) -> str:
    if data[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftypavif"):
        return "HEIC/AVIF images are not supported; export the photo as JPEG"
    return "not an image Pillow can read (corrupt, or an unknown format)"
