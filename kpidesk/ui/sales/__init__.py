"""The Sales tab's parts: the entry form (form.py) and the filter bar (filter_bar.py);
the tab itself is kpidesk/ui/tabs/sales.py."""
