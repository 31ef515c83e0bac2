"""Turn the HTML of a Teams message back into text with its lines and table cells.

Teams sends a pasted document twice: as ``text`` (which the bot edge flattens to one line when
it strips mentions) and as a ``text/html`` attachment that keeps paragraphs, line breaks and
tables. The document's layout carries facts ("Diarienummer" above its value, names above their
titles), so the import reads the HTML when there is one.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

HTML = "text/html"
_BREAKS = frozenset(("br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table"))


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BREAKS:
            self.parts.append("\n")
        elif tag == "td" or tag == "th":
            self.parts.append("\t")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BREAKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data.replace("\n", " "))


def html_to_text(html: str) -> str:
    """The text of an HTML fragment, one line per paragraph or break, cells split by tabs."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    lines = [line.strip(" ").replace("\u00a0", " ") for line in "".join(parser.parts).split("\n")]
    text = "\n".join(lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip()


def html_text_of(attachments: list[Any] | None) -> str | None:
    """The text of a message's ``text/html`` attachment, or None when it has none."""
    for attachment in attachments or ():
        if getattr(attachment, "content_type", None) == HTML:
            content = getattr(attachment, "content", None)
            if isinstance(content, str) and content.strip():
                return html_to_text(content)
    return None
