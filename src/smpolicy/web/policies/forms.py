from __future__ import annotations

import yaml
from django import forms

from smpolicy.exceptions import InvalidPolicy
from smpolicy.policy import Policy, parse_policy
from smpolicy.web.policies.models import PolicyVersion

MAX_BYTES = 2 * 1024 * 1024


class UploadForm(forms.Form):
    """A policy YAML file; validated with the engine's own schema before it is stored."""

    file = forms.FileField(label="Policy YAML file",
                           help_text="A copy of the shipped policy file, edited for your council.")

    def clean_file(self) -> str:
        upload = self.cleaned_data["file"]
        raw = upload.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            raise forms.ValidationError("The file is larger than 2 MB.")
        try:
            text = raw.decode("utf-8")
            document = yaml.safe_load(text)
        except UnicodeDecodeError:
            raise forms.ValidationError("The file is not UTF-8 text.") from None
        except yaml.YAMLError as error:
            raise forms.ValidationError(f"The file is not valid YAML: {error}") from None
        try:
            self.policy: Policy = parse_policy(document, source=upload.name)
        except InvalidPolicy as error:
            raise forms.ValidationError(str(error)) from None
        if PolicyVersion.objects.filter(policy_id=self.policy.id,
                                        version=self.policy.version).exists():
            raise forms.ValidationError(
                f"Version {self.policy.version} of {self.policy.id} is already uploaded; "
                "change the version field for a new version."
            )
        return text
