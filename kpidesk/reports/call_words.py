"""The outcomes of a call in words (context "Calls"): the app, the report and the
ready messages say them in their own language."""

from __future__ import annotations

from kpidesk.i18n.tr import QT_TRANSLATE_NOOP
from kpidesk.store.calls import OUTCOMES

OUTCOME_NAMES = {
    "reached": QT_TRANSLATE_NOOP("Calls", "Reached"),
    "no_answer": QT_TRANSLATE_NOOP("Calls", "No answer"),
    "promised": QT_TRANSLATE_NOOP("Calls", "Promised to come"),
    "not_interested": QT_TRANSLATE_NOOP("Calls", "Not interested"),
    "wrong_number": QT_TRANSLATE_NOOP("Calls", "Wrong number"),
}
assert set(OUTCOME_NAMES) == set(OUTCOMES)
