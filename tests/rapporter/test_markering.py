"""A report text's markup (rapporter/markering.py): what it renders, and what it never does."""

import pytest

from rapporter.markering import som_html


def test_rubriker_listor_och_betoning():
    text = (
        "# Verksamhet\n\nFörbundet har *fyra* insatser och **två** nya.\n\n"
        "## Mål\n\n- Arbete\n- Studier\n\n1. Först\n2. Sedan\n"
    )
    assert som_html(text) == (
        "<h3>Verksamhet</h3>\n"
        "<p>Förbundet har <em>fyra</em> insatser och <strong>två</strong> nya.</p>\n"
        "<h4>Mål</h4>\n"
        "<ul>\n<li>Arbete</li>\n<li>Studier</li>\n</ul>\n"
        "<ol>\n<li>Först</li>\n<li>Sedan</li>\n</ol>\n"
    )


def test_djupa_rubriker_stannar_vid_h6():
    assert som_html("##### Fem\n\n###### Sex") == "<h6>Fem</h6>\n<h6>Sex</h6>\n"


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"),
        ("<b>fet</b> & mer", "<p>&lt;b&gt;fet&lt;/b&gt; &amp; mer</p>\n"),
        ("[länk](javascript:alert(1))", "<p>[länk](javascript:alert(1))</p>\n"),
        ("![bild](http://127.0.0.1/x.png)", "<p>![bild](http://127.0.0.1/x.png)</p>\n"),
        ("https://exempel.se", "<p>https://exempel.se</p>\n"),
        ("    kod", "<p>kod</p>\n"),
        ("", ""),
    ],
)
def test_ingen_html_lank_eller_bild_kommer_igenom(text, html):
    assert som_html(text) == html


def test_rubriker_under_en_djupare_rubrik():
    # A berättelse in the bilaga stands under the insats's h4 "Samordnarens berättelse".
    assert (
        som_html("# Ett\n\n## Två\n\n### Tre", under=4)
        == "<h5>Ett</h5>\n<h6>Två</h6>\n<h6>Tre</h6>\n"
    )
