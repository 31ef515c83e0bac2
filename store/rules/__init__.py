"""The pure rules of the domain: working days and moved deadlines, review cadences, the fold.

Rules that are not language: which day a remisstid applies on (lag 1930:173, 2 §), how many
working days are left, when a membership is due for review, and how names are compared without
case or accents. Reminders (``bot/reminders.py``, ``bot/scheduler.py``), the store and the
answers (``dialogs/remisser``, ``dialogs/summary``) all use these, so they never disagree.

They live under ``store/`` because the store is the lowest layer: ``bot/`` and ``dialogs/`` may
import it, and it imports nothing from them. No I/O and no database here, only the standard
library and the `holidays` package, so importing a rule never drags in SQLAlchemy.
"""

from store.rules.deadlines import Deadline, deadline_of, first_decided_for, last_decided_for
from store.rules.fold import fold, fold_char
from store.rules.reviews import (
    Review,
    ReviewRule,
    add_months,
    anchor_date,
    last_decision,
    next_reviews,
    parse_cadence,
    reviews_between,
)
from store.rules.workdays import (
    adjust_deadline,
    is_working_day,
    last_working_day_on_or_before,
    named_days,
    next_working_day_on_or_after,
    non_working_reason,
    working_days_before,
    working_days_between,
)

__all__ = [
    "Deadline",
    "Review",
    "ReviewRule",
    "add_months",
    "adjust_deadline",
    "anchor_date",
    "deadline_of",
    "first_decided_for",
    "fold",
    "fold_char",
    "is_working_day",
    "last_decided_for",
    "last_decision",
    "last_working_day_on_or_before",
    "named_days",
    "next_reviews",
    "next_working_day_on_or_after",
    "non_working_reason",
    "parse_cadence",
    "reviews_between",
    "working_days_before",
    "working_days_between",
]
