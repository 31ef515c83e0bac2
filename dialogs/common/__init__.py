"""What every feature shares: the base dialog, the one prompt, card helpers, shared texts and the turn scope."""
