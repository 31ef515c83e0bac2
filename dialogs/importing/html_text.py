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
# Elements that stand on lines of their own. Teams makes each pasted line a <p> and a blank
# line an empty one (<p>&nbsp;</p>), so a block ends its line once: two breaks per <p> would
# put a blank line between every two lines, and rules that read wrapped running text or a
# label above its value would no longer see the document as it was written.
_BLOCKS = frozenset(("p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table"))


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        # Whether nothing but spaces came since the last line break (or the start); whitespace
        # between tags, such as the "\n" of "</p>\n<p>" in the source, is no text.
        self._line_start = True

    def _break(self) -> None:
        self.parts.append("\n")
        self._line_start = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # A <br> always breaks: two in a row are a blank line.
        if tag == "br" or (tag in _BLOCKS and not self._line_start):
            self._break()
        elif tag == "td" or tag == "th":
            self.parts.append("\t")
            self._line_start = False

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS and not self._line_start:
            self._break()

    def handle_data(self, data: str) -> None:
        text = data.replace("\n", " ")
        self.parts.append(text)
        if text.strip(" "):
            self._line_start = False


def html_to_text(html: str) -> str:
    """The text of an HTML fragment, one line per paragraph or break, cells split by tabs."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    # A no-break space first, so that an empty paragraph (<p>&nbsp;</p>) is an empty line.
    lines = [line.replace("\u00a0", " ").strip(" ") for line in "".join(parser.parts).split("\n")]
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
