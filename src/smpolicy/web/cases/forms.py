from __future__ import annotations

from django import forms

from smpolicy.web.cases.models import AppealResult, Outcome, Severity
from smpolicy.web.people.models import Person


class OpenCaseForm(forms.Form):
    subject = forms.ModelChoiceField(queryset=Person.objects.none(), label="Member of staff")
    clause = forms.CharField(max_length=20, label="Policy clause", help_text="For example 6.4(a).")
    severity = forms.ChoiceField(choices=Severity.choices)
    allegation = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), max_length=10_000)


class NoteForm(forms.Form):
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), max_length=20_000,
                           label="Investigation note")


class EvidenceForm(forms.Form):
    description = forms.CharField(max_length=300)
    file = forms.FileField(label="File (up to 10 MB)")


class ProceedForm(forms.Form):
    proceed = forms.TypedChoiceField(choices=[("yes", "Proceed: there is a case to answer"),
                                              ("no", "No case to answer: close")],
                                     coerce=lambda v: v == "yes", label="Decision")
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=5_000)


class MeetingForm(forms.Form):
    at = forms.DateTimeField(label="Date and time",
                             widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))
    place = forms.CharField(max_length=200)
    companion_right_given = forms.BooleanField(
        required=False, label="The employee has been told of their right to be accompanied")
    companion_name = forms.CharField(max_length=200, required=False, label="Companion (if known)")


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(choices=Outcome.choices)
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), max_length=10_000)
    consistency_reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), max_length=5_000, required=False,
        label="Why this differs from comparable cases (needed when it does)")


class AppealForm(forms.Form):
    grounds = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), max_length=10_000)


class AppealOutcomeForm(forms.Form):
    result = forms.ChoiceField(choices=AppealResult.choices)
    new_outcome = forms.ChoiceField(choices=[("", "Unchanged"), *Outcome.choices], required=False)
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=5_000)


class ExcludeForm(forms.Form):
    procedure = forms.CharField(max_length=200, label="Procedure now handling it",
                                help_text="For example: Harassment and Bullying Procedure.")
    link = forms.URLField(required=False, max_length=2000, assume_scheme="https",
                          label="Link to that record")


class ReidentifyForm(forms.Form):
    pseudonym = forms.CharField(max_length=20)
    reason = forms.CharField(max_length=500, label="Why you need to know who this was")
