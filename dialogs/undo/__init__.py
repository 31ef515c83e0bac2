"""Undo: "ångra" takes back the user's own last write, after asking."""
