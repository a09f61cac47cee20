"""Axis items of the charts: months, amounts, percentages, names (the dashboard's and
the Insight tab's charts), and the Analysis tab's names down the side and amounts."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication

from kpidesk.i18n import format as fmt


def _places(step: float) -> int:
    if step <= 0 or step >= 1:
        return 0
    return min(3, max(0, -int(math.floor(math.log10(step)))))


# -- axes ----------------------------------------------------------------------
class MonthAxis(pg.AxisItem):
    """Bottom axis whose value i is the i-th month key: 'Nov 2026' / 'វិច្ឆិកា ២០២៦'."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__("bottom", *args, **kwargs)
        self.months: list[str] = []

    def set_months(self, months: list[str]) -> None:
        if months != self.months:
            self.months = list(months)
            self.picture = None
            self.update()

    def tickValues(self, minVal, maxVal, size):  # noqa: N802, N803 (pyqtgraph API)
        if not self.months:
            return []
        first = max(0, math.ceil(minVal))
        last = min(len(self.months) - 1, math.floor(maxVal))
        indices = list(range(first, last + 1))
        # a label every 1, 3, 6 or 12 months, whatever fits (Khmer month names are long)
        width_per_month = size / max(1, maxVal - minVal)
        needed = 90 if fmt.current().lang == "km" else 62
        every = next((n for n in (1, 3, 6, 12) if n * width_per_month >= needed), 12)
        major = [i for i in indices if (int(self.months[i][5:7]) - 1) % every == 0]
        return [(float(every), [float(i) for i in major]), (1.0, [float(i) for i in indices])]

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph API)
        f = fmt.current()
        out = []
        for v in values:
            i = int(round(v))
            if 0 <= i < len(self.months) and abs(v - i) < 1e-6:
                key = self.months[i]
                out.append(f"{f.month_name(int(key[5:7]), short=True)} {f.digits(key[:4])}")
            else:
                out.append("")
        return out


class PercentAxis(pg.AxisItem):
    """Left axis of percentages (values already × 100)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__("left", *args, **kwargs)
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values, scale, spacing):  # noqa: N802
        places = _places(spacing)
        return [fmt.current().digits(f"{v:,.{places}f}%") for v in values]


class CategoryAxis(pg.AxisItem):
    """Bottom axis with a name under each integer position."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__("bottom", *args, **kwargs)
        self.names: list[str] = []

    def set_names(self, names: list[str]) -> None:
        if names != self.names:
            self.names = list(names)
            self.picture = None
            self.update()

    def tickValues(self, minVal, maxVal, size):  # noqa: N802, N803
        return [(1.0, [float(i) for i in range(len(self.names))])]

    def tickStrings(self, values, scale, spacing):  # noqa: N802
        return [self.names[int(round(v))] if 0 <= int(round(v)) < len(self.names) else ""
                for v in values]


class NameAxis(pg.AxisItem):
    """Left axis with a name at each row of the bar chart."""

    def __init__(self) -> None:
        super().__init__("left")
        self.names: list[str] = []

    def set_names(self, names: list[str]) -> None:
        self.names = list(names)
        # As wide as the widest name: pyqtgraph widens the axis only after a paint that
        # drops every name not fitting yet, so a first paint (a print, a screenshot) left
        # most bars without their name.
        metrics = QFontMetricsF(self.style.get("tickFont") or QApplication.font())
        widest = max((metrics.horizontalAdvance(n) for n in self.names), default=0.0)
        self.setStyle(tickTextWidth=int(widest) + 8, autoExpandTextSpace=False)
        self.picture = None
        self.update()

    def tickValues(self, minVal, maxVal, size):  # noqa: N802, N803 (pyqtgraph API)
        return [(1.0, [float(i) for i in range(len(self.names))])]

    def tickStrings(self, values, scale, spacing):  # noqa: N802
        return [self.names[int(round(v))] if 0 <= int(round(v)) < len(self.names) else ""
                for v in values]


class FigureAxis(pg.AxisItem):
    """Bottom axis of amounts in major units, in the digits of the user's language."""

    def __init__(self) -> None:
        super().__init__("bottom")
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values, scale, spacing):  # noqa: N802
        f = fmt.current()
        return [f.integer(int(round(v))) for v in values]
