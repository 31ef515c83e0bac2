"""Deadline reminders: subscribe, unsubscribe and list the user's reminders."""
