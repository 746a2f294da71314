"""The small, safe markup of a report's own texts: headings, lists and emphasis (issue 12 §2).

A förbundschef writes `## Rubrik`, `- punkt`, `1. punkt`, `*kursiv*` and
`**fet**`; everything else is text. markdown-it-py's "zero" preset with only
those rules enabled never emits raw HTML, links or images, and escapes
what it does not understand, so a text cannot bring markup into a page or
a PDF. Headings sit under the heading the text is placed under: under a
section's own `h2`, `#` becomes `h3`; under a bilaga's `h4`, an `h5`.
"""

from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

_TOLK = MarkdownIt("zero").enable(["heading", "list", "emphasis"])


def som_html(text: str, *, under: int = 2) -> SafeString:
    """The text as HTML of paragraphs, headings below `h{under}`, lists, em and strong only.

    `under` is the level of the heading the text stands under (a section's h2).
    """
    tokens = _TOLK.parse(text or "")
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(int(token.tag[1]) + under, 6)}"
    # markdown-it escapes every character of the text it renders (html is off).
    return mark_safe(_TOLK.renderer.render(tokens, _TOLK.options, {}))  # noqa: S308  # nosec B308, B703
