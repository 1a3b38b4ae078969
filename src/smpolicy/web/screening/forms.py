from __future__ import annotations

from django import forms


class ScreenForm(forms.Form):
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}), strip=False, max_length=100_000,
        label="Your post", help_text="Paste the words exactly as you would post them.",
    )
    link = forms.URLField(required=False, max_length=2000, label="Link in the post (optional)",
                          assume_scheme="https")
    save = forms.BooleanField(
        required=False, label="Save this check to my saved checks",
        help_text="Only you can see saved checks. Unsaved checks are not kept.",
    )
