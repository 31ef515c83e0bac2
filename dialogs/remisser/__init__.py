"""Remisser: deadlines, who has answered, and recording an answer."""
