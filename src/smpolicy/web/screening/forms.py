from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings

IMAGE_TYPES = "image/png,image/jpeg,image/gif,image/webp,image/bmp,image/tiff"


class MultipleImageInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleImageField(forms.FileField):
    """Any number of files (Django's documented recipe); each stays an in-memory upload."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleImageInput(attrs={"accept": IMAGE_TYPES}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        items = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleImageField, self).clean(item, initial) for item in items]


class ScreenForm(forms.Form):
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}), strip=False, max_length=100_000, required=False,
        label="Your post", help_text="Paste the words exactly as you would post them.",
    )
    link = forms.URLField(required=False, max_length=2000, label="Link in the post (optional)",
                          assume_scheme="https")
    images = MultipleImageField(
        required=False, label="Images in the post (optional)",
        help_text=(f"Up to {settings.SCREEN_MAX_IMAGES} images (PNG, JPEG, GIF, WebP, BMP or "
                   f"TIFF), {settings.SCREEN_MAX_IMAGE_BYTES / 1_000_000:g} MB each. Words in "
                   "them are read and checked too. Images are never kept."),
    )
    save = forms.BooleanField(
        required=False, label="Save this check to my saved checks",
        help_text="Only you can see saved checks, and only the findings are kept, never images. "
                  "Unsaved checks are not kept.",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if "text" in data and not data["text"].strip() and not data.get("images"):
            self.add_error("text", "Enter the words of your post, or add an image")
        return data
