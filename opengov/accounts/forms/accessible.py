"""Forms whose invalid fields point at their error and help text (WCAG 3.3.1, 1.3.1)."""

from __future__ import annotations

from django import forms


class AccessibleFormMixin(forms.BaseForm):
    """After validation, mark invalid inputs ``aria-invalid`` and link them to their error text.

    The ids match ``templates/accounts/includes/field.html``: ``<auto_id>_error`` and
    ``<auto_id>_helptext``.
    """

    def full_clean(self) -> None:
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            bound = self[name]
            described_by = [f"{bound.auto_id}_error"]
            if bound.help_text:
                described_by.append(f"{bound.auto_id}_helptext")
            attrs = self.fields[name].widget.attrs
            attrs["aria-invalid"] = "true"
            attrs["aria-describedby"] = " ".join(described_by)
