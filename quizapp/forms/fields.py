"""Form fields the app needs beyond WTForms' own."""

from __future__ import annotations

import math

from wtforms import DecimalField, FloatField


class FiniteFloatField(FloatField):
    """A float field that refuses ``nan`` and infinities (which pass every range check)."""

    def process_formdata(self, valuelist) -> None:
        """Read the number; a non-finite one is a bad value, like text."""
        super().process_formdata(valuelist)
        if self.data is not None and not math.isfinite(self.data):
            self.data = None
            raise ValueError(self.gettext("Not a valid float value."))


class FiniteDecimalField(DecimalField):
    """A decimal field that refuses ``NaN``, ``sNaN`` and infinities (a signalling NaN makes
    every comparison raise)."""

    def process_formdata(self, valuelist) -> None:
        """Read the number; a non-finite one is a bad value, like text."""
        super().process_formdata(valuelist)
        if self.data is not None and not self.data.is_finite():
            self.data = None
            raise ValueError(self.gettext("Not a valid decimal value."))
