"""The Dashboard's parts: one widget per page, the card definitions, the month picker
and the lazily made charts; `kpidesk/ui/tabs/dashboard.py` composes them."""
