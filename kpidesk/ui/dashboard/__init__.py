"""The dashboard's parts: its cards (cards.py) and the charts made after the first paint
(lazy_charts.py); the tab itself is kpidesk/ui/tabs/dashboard.py."""
