"""The membership summary: totals, reviews due, the card and its CSV download."""
