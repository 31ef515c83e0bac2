"""Which recipient a message names, compared folded: typed without å/ä/ö works too."""

from __future__ import annotations

from dialogs.remisser.match import is_recipient, recipient_named
from store.remisser import RecipientView

RECIPIENTS = [
    RecipientView(1, "Södermalms stadsdelsnämnd", 11, False, None),
    RecipientView(2, "Hägersten-Älvsjö stadsdelsnämnd", 12, True, None),
    RecipientView(3, "Stockholms Stadshus AB", None, False, None),
]


def test_a_recipient_is_named_with_or_without_the_swedish_letters():
    for text in ("Har Södermalm svarat?", "har sodermalm svarat", "SÖDERMALM har svarat"):
        assert recipient_named(RECIPIENTS, None, text) == RECIPIENTS[0], text
    assert recipient_named(RECIPIENTS, None, "har hagersten svarat pa remissen") == RECIPIENTS[1]
    assert recipient_named(RECIPIENTS, None, "Stadshus AB har svarat") == RECIPIENTS[2]


def test_words_every_recipient_shares_name_none():
    assert recipient_named(RECIPIENTS, None, "har stadsdelsnamnden svarat") is None


def test_the_unit_the_language_layer_found_is_matched_folded():
    assert recipient_named(RECIPIENTS, "sodermalms stadsdelsnamnd", "") == RECIPIENTS[0]
    assert is_recipient(RECIPIENTS[1], "Hagersten-Alvsjo stadsdelsnamnd", None)
    assert is_recipient(RECIPIENTS[1], None, 12)
    assert not is_recipient(RECIPIENTS[0], None, None)
