from __future__ import annotations

from django import forms

from smpolicy.web.people.models import Role
from smpolicy.web.policies.services import scope_choices


class PeopleFilterForm(forms.Form):
    q = forms.CharField(required=False, max_length=100, label="Name or email")
    category = forms.ChoiceField(required=False, label="Scope category")
    role = forms.ChoiceField(required=False, choices=[("", "Any role"), *Role.choices])

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", "Any category"), *scope_choices()]


class ImportForm(forms.Form):
    file = forms.FileField(label="CSV file of people",
                           help_text="UTF-8 CSV with a header row; see the column list below.")


class ServiceUsersForm(forms.Form):
    names = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 8}), max_length=200_000, required=False,
        label="Service-user names, one per line",
        help_text="Only keyed hashes of each name are kept; names cannot be listed back.",
    )
    file = forms.FileField(
        required=False, label="Or a CSV file with a name column",
        help_text="UTF-8, with a header row; the same file `smpolicy register hash` takes.",
    )

    def clean(self) -> dict[str, object]:
        data = super().clean()
        if not data.get("names", "").strip() and not data.get("file"):
            self.add_error("names", "Enter at least one name, or choose a CSV file")
        return data
