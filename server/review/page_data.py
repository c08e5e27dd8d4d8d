"""What review.js is told through the page: the words it shows and the keys that set them.

The script has no copy of its own. The strict CSP allows no inline script, so this goes into
the page as a JSON data block (``<script type="application/json">``), which browsers never run.
"""

from __future__ import annotations

from typing import Any

from worker.vocabulary import STATUS_LABELS, VERDICT_LABELS, ReviewStatus

ELEMENT_ID = "sourcemark-vocabulary"
# The review loop's one-key shortcuts (review.js reads them from the page), in help order.
STATUS_KEYS: dict[str, str] = {
    "c": ReviewStatus.CONFIRMED,
    "d": ReviewStatus.DISMISSED,
    "f": ReviewStatus.FOLLOW_UP,
    "u": ReviewStatus.NEW,
}
# Shift+D: the selected findings all get this status.
BULK_KEY_STATUS = ReviewStatus.DISMISSED


def script_vocabulary() -> dict[str, Any]:
    return {
        "statuses": {str(s): label for s, label in STATUS_LABELS.items()},
        "verdicts": {str(v): label for v, label in VERDICT_LABELS.items()},
        "statusKeys": {key: str(s) for key, s in STATUS_KEYS.items()},
        "bulkKeyStatus": str(BULK_KEY_STATUS),
    }
