"""The left axis of amounts, shared by the app's charts and the printed report's: one
unit for the whole axis (none, thousands or millions), chosen from its largest tick, in
the formatter's digits and currency (see Formatter.axis_unit)."""

from __future__ import annotations

import pyqtgraph as pg

from kpidesk.i18n import format as fmt


class MoneyAxis(pg.AxisItem):
    """Amounts in major units. `formatter` is the report's own (its language may differ
    from the app's); without one, the app's current formatter is used at each paint."""

    def __init__(self, formatter: fmt.Formatter | None = None,
                 currency: str | None = None) -> None:
        super().__init__("left")
        self.enableAutoSIPrefix(False)  # the unit comes from axis_unit, in the UI's words
        self.formatter, self.currency = formatter, currency
        self.largest_tick = 0.0

    def tickValues(self, minVal, maxVal, size):  # noqa: N802, N803 (pyqtgraph API)
        levels = super().tickValues(minVal, maxVal, size)
        self.largest_tick = max((abs(v) for _step, values in levels for v in values),
                                default=0.0)
        return levels

    def tick_label(self, value: float, spacing: float = 0.0) -> str:
        """The label of one tick, in the unit of the axis's largest tick."""
        f = self.formatter or fmt.current()
        divisor, unit = f.axis_unit(self.largest_tick, self.currency)
        return f.axis_amount(value, divisor, unit, spacing, self.currency)

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph API)
        return [self.tick_label(v * scale, spacing * scale) for v in values]
