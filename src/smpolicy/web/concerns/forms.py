from __future__ import annotations

from django import forms

from smpolicy.web.people.models import Person


class ConcernForm(forms.Form):
    subject = forms.ModelChoiceField(queryset=Person.objects.none(),
                                     label="Whose post is it?")
    post_text = forms.CharField(widget=forms.Textarea(attrs={"rows": 5}), max_length=100_000,
                                strip=False, label="The words of the post")
    link = forms.URLField(required=False, max_length=2000, assume_scheme="https",
                          label="Link to the post (optional)")
    details = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False,
                              max_length=5_000, label="Anything else we should know")

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["subject"].queryset = Person.objects.active()  # type: ignore[attr-defined]


class PublicConcernForm(forms.Form):
    subject_name = forms.CharField(max_length=200, label="Name of the member of staff")
    post_text = forms.CharField(widget=forms.Textarea(attrs={"rows": 5}), max_length=20_000,
                                strip=False, label="The words of the post")
    link = forms.URLField(required=False, max_length=2000, assume_scheme="https",
                          label="Link to the post (optional)")
    raiser_name = forms.CharField(max_length=200, required=False, label="Your name (optional)")
    raiser_contact = forms.CharField(max_length=200, required=False,
                                     label="Email or phone, if you would like a reply")


class CloseForm(forms.Form):
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=5_000,
                             label="Why no further action is needed")
