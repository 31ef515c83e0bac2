"""What every feature shares: base dialog, the one prompt, card helpers, texts, turn scope."""
