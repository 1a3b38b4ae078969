from __future__ import annotations

from django import forms

from smpolicy.web.casework import RECIPIENT_ROLES
from smpolicy.web.people.models import Person
from smpolicy.web.reports.models import AbuseItem


class ReportForm(forms.Form):
    where = forms.CharField(max_length=200, label="Where did it happen?",
                            help_text="The site or app, and the page or group if you know it.")
    abuser = forms.CharField(max_length=200, required=False, label="Who posted it, if you know")
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 5}), max_length=20_000,
                                  label="What happened")
    effect_on_work = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False,
                                     max_length=5_000, label="How it affects your work")
    link = forms.URLField(required=False, max_length=2000, assume_scheme="https",
                          label="Link to the post (optional)")
    screenshot = forms.FileField(required=False, label="Screenshot (optional, up to 10 MB)")
    recipient = forms.ModelChoiceField(
        queryset=Person.objects.none(), label="Who should see this report?",
        help_text="Your line manager, or another manager if the abuse comes from your manager.",
    )

    def __init__(self, *args: object, reporter: Person, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        choices = Person.objects.active().filter(role__in=RECIPIENT_ROLES).exclude(pk=reporter.pk)
        field = self.fields["recipient"]
        field.queryset = choices  # type: ignore[attr-defined]
        field.initial = reporter.line_manager_id
        field.label_from_instance = lambda p: (  # type: ignore[attr-defined]
            f"{p.name} ({p.get_role_display()})"
            + (" – your line manager" if p.pk == reporter.line_manager_id else ""))


class TakedownForm(forms.ModelForm):
    class Meta:
        model = AbuseItem
        fields = list(AbuseItem.TAKEDOWN_FIELDS)
        widgets = {"platform_reported_on": forms.DateInput(attrs={"type": "date"}),
                   "asked_poster_on": forms.DateInput(attrs={"type": "date"})}


class SupportForm(forms.Form):
    action = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=5_000,
                             label="Support given")
