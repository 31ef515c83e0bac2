"""Invitations: register one step by step, list them, record a decision (tackat ja/nej)."""
