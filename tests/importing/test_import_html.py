"""A pasted document's HTML, read back as the lines it was written in."""

from __future__ import annotations

from dialogs.importing.html_text import html_to_text


def test_a_paragraph_a_line_gives_the_lines_back_and_an_empty_one_a_blank_line():
    # Teams makes each pasted line a <p>, a blank line <p>&nbsp;</p>, with newlines between.
    html = (
        "<p>Förslag till beslut</p>\n<p>&nbsp;</p>\n<p>Nämnden godkänner och</p>\n<p>överlämnar</p>"
    )
    assert html_to_text(html) == "Förslag till beslut\n\nNämnden godkänner och\növerlämnar"


def test_breaks_blocks_and_table_cells():
    assert html_to_text("<div><p>Rubrik<br></p></div><p>a<br><br>b</p>") == "Rubrik\na\n\nb"
    rows = "<tr><td>Diarienummer</td><td>KS 2023/886</td></tr><tr><td>Datum</td></tr>"
    lines = html_to_text(f"<table>{rows}</table><p>Text</p>").split("\n")
    assert [line.strip() for line in lines] == ["Diarienummer\tKS 2023/886", "Datum", "Text"]
