"""What a WordPress post's HTML becomes in an essay's body, pinned whole: headings at
the site's levels, quotes with their attribution, images with their alt text and
captions, tables, lists, video embeds, classic-editor paragraphs and shortcodes, which
links survive, and the summary cut from the text. No database: the converter is given
what it would look up."""

import pytest

from blog.wordpress.convert import autop, convert, embed_url, safe_href, shorten, summary_from

GUTENBERG = "<!-- wp:paragraph -->"  # block-editor text: no automatic paragraphs
VIDEO = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


def resolve_image(src, wp_id):
    """An imported attachment for any address but a missing one."""
    if not src or "missing" in src:
        return None
    return (wp_id or 5, "Library alt", "Library caption")


def resolve_link(href):
    return 42 if href == "/imported-post/" else None


def blocks_of(text):
    blocks, warnings, images = convert(text, resolve_link, resolve_image)
    return blocks, warnings, images


def image(image_id, alt, caption):
    return (
        "image",
        {
            "image": {"image": image_id, "alt_text": alt, "decorative": not alt},
            "caption": caption,
            "credit": "",
        },
    )


def table(caption, headings, rows):
    return (
        "table",
        {
            "caption": caption,
            "table": {
                "columns": [{"type": "text", "heading": h} for h in headings],
                "rows": [{"values": row} for row in rows],
            },
        },
    )


def quote(text, attribution=""):
    return ("quote", {"quote": text, "attribution": attribution, "source": "", "source_url": ""})


def test_headings_take_the_sites_three_levels_and_long_ones_become_bold_text():
    blocks, warnings, _ = blocks_of(
        GUTENBERG + "<h1>One</h1><h2>Two</h2><h3>Three</h3><h4>Four</h4><h5>Five</h5>"
        "<h6>Six</h6><h2> </h2><h3>" + "L" * 120 + "&amp;</h3><h5>" + "M" * 120 + "</h5>"
        "<h2>Tom &amp; Jerry</h2>"
    )
    assert blocks == [
        ("heading", {"text": "One", "level": "h2"}),
        ("heading", {"text": "Two", "level": "h2"}),
        ("heading", {"text": "Three", "level": "h3"}),
        ("heading", {"text": "Four", "level": "h4"}),
        ("heading", {"text": "Five", "level": "h4"}),
        ("heading", {"text": "Six", "level": "h4"}),
        ("paragraph", "<p><b>" + "L" * 120 + "&amp;</b></p>"),  # 121 characters
        ("heading", {"text": "M" * 120, "level": "h4"}),
        ("heading", {"text": "Tom & Jerry", "level": "h2"}),
    ]
    assert warnings == []


def test_quotes_keep_their_paragraphs_and_attribution_and_long_ones_become_text():
    blocks, _, _ = blocks_of(
        GUTENBERG
        + "<blockquote><p>First.</p><p></p><p>Second.</p><footer>"
        + "A" * 130
        + "</footer>"
        "</blockquote><blockquote>Plain words<cite>Someone</cite></blockquote>"
        "<blockquote><p>" + "x" * 801 + "</p></blockquote>"
        "<blockquote><p>" + "y" * 800 + "</p></blockquote><blockquote> </blockquote>"
    )
    assert blocks == [
        quote("First.\n\nSecond.", "A" * 120),
        quote("Plain words", "Someone"),
        ("paragraph", "<p>" + "x" * 801 + "</p>"),
        quote("y" * 800),
    ]


def test_figures_give_images_captions_alt_text_and_embeds():
    blocks, warnings, images = blocks_of(
        GUTENBERG + '<figure><img src="/a.jpg" class="size-full wp-image-12">'
        '<img src="/b.jpg" alt="  two \n words "><figcaption>Both <b>pictures</b></figcaption>'
        '</figure><figure class="wp-block-embed"><div>https://vimeo.com/123</div><figcaption>'
        + "c"
        * 300
        + '</figcaption></figure><figure><iframe src="https://example.org/map"></iframe>'
        "</figure><figure><blockquote><p>Q</p></blockquote><figcaption>x</figcaption></figure>"
        '<figure><p>Just text</p></figure><img src="/wp-content/missing.jpg"><img>'
        '<img src="/missing-' + "z" * 300 + '">'
        '<figure><iframe src="https://player.vimeo.com/video/99"></iframe><figcaption>On film'
        '</figcaption></figure><img src="/c.jpg" class="wp-image-x7 wp-image-">'
    )
    assert blocks == [
        image(12, "Library alt", "Library caption"),
        image(5, "two words", "Both pictures"),
        ("embed", {"embed": "https://vimeo.com/123", "caption": "c" * 250}),
        quote("Q"),
        ("paragraph", "<p>Just text</p>"),
        ("embed", {"embed": "https://vimeo.com/99", "caption": "On film"}),
        image(5, "Library alt", "Library caption"),
    ]
    assert warnings == [
        "an embedded item other than YouTube or Vimeo was dropped",
        "image not imported: /wp-content/missing.jpg",
        "image not imported: (no address)",
        "image not imported: " + ("/missing-" + "z" * 300)[:200],
    ]
    assert images == [12, 5, 5]


def test_an_image_without_alt_text_anywhere_is_marked_decorative():
    blocks, _, _ = convert(
        '<p><img src="/a.jpg" alt=""></p>', resolve_image=lambda src, wp_id: (3, "", "")
    )
    assert blocks == [image(3, "", "")]
    assert blocks[0][1]["image"]["decorative"] is True


def test_tables_keep_their_header_caption_and_shape():
    blocks, _, _ = blocks_of(
        GUTENBERG + "<table><caption>Costs</caption><tr><th>A</th><th>B</th></tr>"
        "<tr><td>1</td></tr><tr><td></td><td>2</td><td>3</td></tr></table>"
        "<table><tr><td>x</td></tr></table>"
        "<table><thead><tr><td>H</td></tr></thead><tr><th>r</th></tr></table><table></table>"
        "<table><tr><th>only</th><th>header</th></tr></table>"
        "<figure><table><tr><td>y</td><th>z</th></tr></table><figcaption>"
        + "t" * 210
        + "</figcaption></figure>"
    )
    assert blocks == [
        table("Costs", ["A", "B", ""], [["1", "–", "–"], ["–", "2", "3"]]),
        table("Table", [""], [["x"]]),
        table("Table", ["H"], [["r"]]),
        table("Table", ["only", "header"], []),
        table("t" * 200, ["", ""], [["y", "z"]]),
    ]


def test_lists_formatting_and_preformatted_text_stay_in_one_text_block():
    blocks, _, _ = blocks_of(
        GUTENBERG + "<ul><li>one<ul><li>nested</li></ul></li><li> </li><li><strong>b</strong> "
        "<em></em><i>i</i><em>m</em><sup>2</sup><br>c <span>d</span><u>e</u></li></ul>"
        "<ol><li>first</li></ol><ul><li></li></ul><pre>a < b\n  c &amp; d\n</pre><hr>"
        "<p>&nbsp;</p><p>Inline <ol><li>list</li></ol> and <div>block</div></p>"
    )
    assert blocks == [
        (
            "paragraph",
            "<ul><li>one<ul><li>nested</li></ul></li><li><b>b</b> <i>i</i><i>m</i><sup>2</sup><br/>"
            "c de</li></ul><ol><li>first</li></ol><p>a &lt; b<br/>  c &amp; d</p>"
            "<p>Inline <ol><li>list</li></ol> and  block</p>",
        )
    ]


def test_links_to_imported_posts_become_page_links_and_unsafe_ones_plain_text():
    blocks, _, _ = blocks_of(
        GUTENBERG + '<p><a href="/imported-post/">in</a> <a href="#top">top</a> '
        '<a href="mailto:a@b.org"> </a><a href="https://ok.example/?a=1&amp;b=&quot;2">ok</a>'
        ' <a href="javascript:x()">js</a> <a>none</a></p>'
    )
    assert blocks == [
        (
            "paragraph",
            '<p><a linktype="page" id="42">in</a> top  '
            '<a href="https://ok.example/?a=1&amp;b=&quot;2">ok</a> js none</p>',
        )
    ]


def test_a_paragraph_that_is_only_a_video_link_becomes_an_embed():
    blocks, _, _ = blocks_of(
        GUTENBERG + '<p><a href="https://youtu.be/dQw4w9WgXcQ">Watch it</a></p>'
        "<p>https://vimeo.com/76979871</p>"
        '<p><a href="https://youtu.be/dQw4w9WgXcQ">Watch</a> this</p>'
        '<p><a href="https://example.org/">https://example.org/</a></p>'
        '<p>Look <img src="/a.jpg" alt="pic"> <iframe src="https://youtu.be/dQw4w9WgXcQ">'
        "</iframe></p>"
    )
    assert blocks == [
        ("embed", {"embed": VIDEO, "caption": ""}),
        ("embed", {"embed": "https://vimeo.com/76979871", "caption": ""}),
        (
            "paragraph",
            '<p><a href="https://youtu.be/dQw4w9WgXcQ">Watch</a> this</p>'
            '<p><a href="https://example.org/">https://example.org/</a></p>'
            "<p>Look</p>",
        ),  # fmt: skip
        image(5, "pic", "Library caption"),
        ("embed", {"embed": VIDEO, "caption": ""}),
    ]


def test_only_a_paragraph_holding_nothing_but_a_video_link_becomes_an_embed():
    blocks, _, _ = blocks_of(
        GUTENBERG + '<p><strong><a href="https://youtu.be/dQw4w9WgXcQ">Watch it</a></strong></p>'
        '<p><a href="https://youtu.be/dQw4w9WgXcQ"></a></p>'  # nothing a reader could see
        '<p><img src="/a.jpg" alt="pic"> https://vimeo.com/76979871</p>'
    )
    assert blocks == [
        ("embed", {"embed": VIDEO, "caption": ""}),
        ("paragraph", "<p>https://vimeo.com/76979871</p>"),
        image(5, "pic", "Library caption"),
    ]


def test_preformatted_text_keeps_its_indentation_and_loses_only_its_outer_newlines():
    blocks, _, _ = blocks_of("<pre>\n  x = 1\n    return X\n</pre>")
    assert blocks == [("paragraph", "<p>  x = 1<br/>    return X</p>")]


def test_a_paragraph_with_a_frame_is_not_made_an_embed_by_its_text():
    blocks, warnings, _ = blocks_of(
        GUTENBERG
        + '<p><iframe src="https://maps.example/x"></iframe>https://vimeo.com/76979871</p>'
    )
    assert blocks == [("paragraph", "<p>https://vimeo.com/76979871</p>")]
    assert warnings == ["an iframe other than YouTube or Vimeo was removed"]


def test_a_summary_made_from_the_text_is_300_characters_at_most():
    summary = summary_from([("paragraph", "<p>" + "y" * 301 + "</p>")])
    assert summary == "y" * 299 + "…"


def test_iframes_other_than_youtube_or_vimeo_are_removed_with_a_warning():
    blocks, warnings, _ = blocks_of(
        GUTENBERG + '<iframe src="https://maps.example/x"></iframe>'
        '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"></iframe>'
    )
    assert blocks == [("embed", {"embed": VIDEO, "caption": ""})]
    assert warnings == ["an iframe other than YouTube or Vimeo was removed"]


def test_classic_editor_text_gets_paragraphs_and_shortcodes_are_handled():
    blocks, _, _ = blocks_of(
        "First line\nsecond line\n\n[embed]https://youtu.be/dQw4w9WgXcQ[/embed]\n\n"
        '[gallery ids="1,2"]Text [su_note]note[/su_note] [unknown]\n\n<h2>Head</h2>after\r\n\r\n'
        "last\r\nline\n\n<ul>\n<li>item</li>\n</ul>"
    )
    assert blocks == [
        ("paragraph", "<p>First line<br/> second line</p>"),
        ("embed", {"embed": VIDEO, "caption": ""}),
        ("paragraph", "<p>Text note [unknown]</p>"),
        ("heading", {"text": "Head", "level": "h2"}),
        ("paragraph", "<p>after</p><p>last<br/> line</p><ul><li>item</li></ul>"),
    ]


def test_text_outside_any_paragraph_is_gathered_into_paragraphs():
    blocks, _, _ = blocks_of(
        "<div>https://www.youtube.com/watch?v=dQw4w9WgXcQ</div><div>loose <b>text</b> <p>para"
        "</p> tail</div><!-- wp:paragraph --><p>gutenberg\n\ntext</p><!-- a comment -->"
    )
    assert blocks == [
        ("embed", {"embed": VIDEO, "caption": ""}),
        ("paragraph", "<p>loose <b>text</b></p><p>para</p><p>tail</p><p>gutenberg text</p>"),
    ]


def test_autop_makes_paragraphs_as_wordpress_does():
    assert autop("one\r\ntwo\r\rthree\n \nfour\n\n\n<div>kept</div>\n\n<!--more-->") == (
        "<p>one<br>\ntwo</p>\n<p>three</p>\n<p>four</p>\n<div>kept</div>\n<!--more-->"
    )
    assert autop("text\n\n  <div>indented</div>") == "<p>text</p>\n  <div>indented</div>"
    assert autop("before<blockquote>q</blockquote>after<hr>end") == (
        "<p>before</p>\n<blockquote>q</blockquote>\n<p>after</p>\n<hr>end"
    )


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (VIDEO, VIDEO),
        ("https://m.youtube.com/watch?v=dQw4w9WgXcQ&t=1", VIDEO),
        ("https://WWW.YouTube.com/watch?v=dQw4w9WgXcQ", VIDEO),
        ("https://www.youtube.com/watch?feature=share&amp;v=dQw4w9WgXcQ", VIDEO),
        ("https://youtu.be/dQw4w9WgXcQ?si=x", VIDEO),
        ("//www.youtube-nocookie.com/embed/dQw4w9WgXcQ", VIDEO),
        ("https://youtube.com/shorts/dQw4w9WgXcQ", VIDEO),
        ("https://youtube.com/live/dQw4w9WgXcQ", VIDEO),
        ("https://youtube.com/v/dQw4w9WgXcQ", VIDEO),
        (" https://youtu.be/abcdef ", "https://www.youtube.com/watch?v=abcdef"),
        ("https://youtu.be/" + "a" * 20, "https://www.youtube.com/watch?v=" + "a" * 20),
        ("https://youtu.be/abcde", None),
        ("https://youtu.be/" + "a" * 21, None),
        ("https://youtu.be/bad%20id", None),
        ("https://youtu.be/", None),
        ("https://www.youtube.com/watch", None),
        ("https://www.youtube.com/watch/other?v=dQw4w9WgXcQ", None),  # not a watch page
        ("http://www.youtube.com/watch?v=dQw4w9WgXcQ", VIDEO),
        ("https://www.youtube.com/embed/", None),
        ("https://www.youtube.com/channel/dQw4w9WgXcQ", None),
        ("ftp://youtube.com/watch?v=dQw4w9WgXcQ", None),
        ("https://evil.example/watch?v=dQw4w9WgXcQ", None),
        ("https://vimeo.com/76979871", "https://vimeo.com/76979871"),
        ("https://vimeo.com/channels/staff/76979871", "https://vimeo.com/76979871"),
        ("https://vimeo.com/about", None),
        ("https://vimeo.com/", None),
        ("https://player.vimeo.com/video/76979871?h=abc", "https://vimeo.com/76979871"),
        ("https://player.vimeo.com/video/abc", None),
        ("https://player.vimeo.com/video", None),
        ("https://player.vimeo.com/other/76979871", None),
        ("http://[::1", None),
        ("", None),
        (None, None),
    ],
)
def test_only_youtube_and_vimeo_addresses_become_embeds(url, expected):
    assert embed_url(url) == expected


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("https://example.org/x", "https://example.org/x"),
        ("HTTP://example.org", "HTTP://example.org"),
        ("mailto:someone@example.org", "mailto:someone@example.org"),
        ("/local/path?a=1&amp;b=2", "/local/path?a=1&b=2"),
        ("https://example.org/a b\t\n", "https://example.org/ab"),
        ("//evil.example/x", None),
        ("#anchor", None),
        ("", None),
        ("relative/path", None),
        ("ftp://example.org/file", None),
        ("http:", None),
        ("mailto:", None),
        ("http://[broken", None),
    ],
)
def test_links_keep_only_web_mail_and_site_addresses(href, expected):
    assert safe_href(href) == expected


def test_shorten_keeps_whole_sentences_or_whole_words():
    assert shorten("  short   text ") == "short text"
    assert shorten("x" * 300) == "x" * 300
    assert shorten("x" * 301) == "x" * 299 + "…"  # 300 characters at most by default
    first = "This first sentence is long enough. "
    assert shorten(first + "word " * 100, 60) == "This first sentence is long enough."
    # A sentence end too early (in the first third) is not used: whole words instead.
    assert shorten("Hi. " + "word " * 100, 30) == "Hi. word word word word word…"
    assert shorten("alpha, beta; gamma: delta " * 10, 30) == "alpha, beta; gamma: delta…"
    assert shorten("Ask? " + "w" * 5 + " Yes! " + "v " * 40, 20) == "Ask? wwwww Yes!"
    assert shorten("abcdefghij. " + "word " * 20, 30) == "abcdefghij. word word word…"
    # No comma, semicolon or colon before the ellipsis.
    assert shorten("alpha, beta; gamma: delta " * 10, 9) == "alpha…"
    assert shorten("alpha, beta; gamma: delta " * 10, 15) == "alpha, beta…"
    assert shorten("alpha, beta; gamma: delta " * 10, 22) == "alpha, beta; gamma…"
    assert shorten(None) == ""


def test_the_summary_comes_from_the_first_paragraphs_text():
    blocks = [
        ("heading", {"text": "Not this", "level": "h2"}),
        ("paragraph", "<p>First <b>bold</b> words.</p>"),
        ("quote", {"quote": "Nor this"}),
        ("paragraph", "<p>Second.</p>"),
    ]
    assert summary_from(blocks) == "First bold words. Second."
    long = [("paragraph", "<p>" + "word " * 20 + "</p>"), ("paragraph", "<p>Late.</p>")]
    assert summary_from(long, limit=40) == "word word word word word word word…"
    several = [("paragraph", "<p>aaaa bbbb cccc</p>")] * 5
    assert summary_from(several, limit=40) == "aaaa bbbb cccc aaaa bbbb cccc aaaa…"
    assert summary_from([]) == ""


# Void elements (input, link, meta, base, source, track, embed, frame) hold no text.
DROPPED_WITH_TEXT = ["script", "style", "noscript", "template", "object", "applet", "form",
                     "button", "select", "textarea", "svg", "math", "title", "head", "canvas",
                     "audio", "video", "map", "frameset"]  # fmt: skip


@pytest.mark.parametrize("tag", DROPPED_WITH_TEXT)
def test_scripts_forms_and_media_are_dropped_with_everything_inside(tag):
    blocks, _, _ = blocks_of(f"<p>Kept <{tag}>hidden</{tag}></p><{tag}>gone</{tag}>")
    assert blocks == [("paragraph", "<p>Kept</p>")]


CONTAINERS = ["div", "section", "article", "main", "aside", "header", "footer", "center", "dl",
              "details", "nav", "address", "hgroup"]  # fmt: skip


@pytest.mark.parametrize("tag", CONTAINERS)
def test_a_block_container_ends_the_paragraph_around_it(tag):
    blocks, _, _ = blocks_of(f"{GUTENBERG}before<{tag}>inside</{tag}>after <b>bold</b>")
    assert blocks == [("paragraph", "<p>before</p><p>inside</p><p>after <b>bold</b></p>")]
    # Inside a paragraph, its words stay apart from the words around it.
    blocks, _, _ = blocks_of(f"{GUTENBERG}<p>one<{tag}>two</{tag}>three</p>")
    assert blocks == [("paragraph", "<p>one two three</p>")]


def test_a_horizontal_rule_separates_paragraphs_and_leaves_nothing():
    blocks, _, _ = blocks_of(f"{GUTENBERG}one<hr>two<hr/>")
    assert blocks == [("paragraph", "<p>one</p><p>two</p>")]


def test_formatting_inside_table_cells_stays_in_its_cell():
    blocks, _, _ = blocks_of(
        GUTENBERG + "<table><tr><th>Method</th><th>Cost</th></tr>"
        "<tr><td><strong>Citizens'</strong> <em>jury</em></td><td><a href='/x'>£60k</a></td></tr>"
        "</table>"
    )
    assert blocks == [table("Table", ["Method", "Cost"], [["Citizens' jury", "£60k"]])]


def test_a_list_nested_mid_item_moves_after_the_items_text():
    """The editor's lists cannot hold text after a nested list within one item."""
    blocks, _, _ = blocks_of(
        GUTENBERG + "<ul><li>one<ul><li>n</li></ul> after</li>"
        "<li>two<ol><li>x</li></ol><ul><li>y</li></ul></li>"
        "<li>a<ul><li>b<ul><li>c</li></ul></li></ul></li>"
        "<li>three<ol><li>z</li></ol> later</li>"
        # A nested list with only empty items is dropped, not kept empty.
        "<li>four<ul><li> </li></ul></li></ul>"
    )
    assert blocks == [
        (
            "paragraph",
            "<ul><li>one after<ul><li>n</li></ul></li>"
            "<li>two<ol><li>x</li></ol><ul><li>y</li></ul></li>"
            "<li>a<ul><li>b<ul><li>c</li></ul></li></ul></li>"
            "<li>three later<ol><li>z</li></ol></li>"
            "<li>four</li></ul>",
        )
    ]


def test_a_heading_too_long_for_one_keeps_its_quotes_as_typed_in_bold_text():
    text_ = 'Don\'t "panic" ' * 20
    blocks, _, _ = blocks_of(GUTENBERG + f"<h2>{text_}</h2>")
    assert blocks == [("paragraph", f"<p><b>{text_.strip()}</b></p>")]


def test_a_video_linked_over_plain_http_is_embedded_over_https():
    blocks, _, _ = blocks_of(
        GUTENBERG + '<p><iframe src="http://www.youtube.com/watch?v=abc123"></iframe></p>'
    )
    assert blocks == [("embed", {"embed": "https://www.youtube.com/watch?v=abc123", "caption": ""})]


def test_a_quote_without_paragraphs_keeps_all_its_text():
    blocks, _, _ = blocks_of(GUTENBERG + "<blockquote>Plain <b>quote</b></blockquote>")
    assert blocks == [
        ("quote", {"quote": "Plain quote", "attribution": "", "source": "", "source_url": ""})
    ]


def test_a_pull_quote_becomes_a_quote_with_its_attribution():
    blocks, _, _ = blocks_of(
        GUTENBERG + '<figure class="wp-block-pullquote"><blockquote><p>Listen first.</p>'
        "<cite>A resident</cite></blockquote></figure>"
    )
    assert blocks == [
        (
            "quote",
            {"quote": "Listen first.", "attribution": "A resident", "source": "", "source_url": ""},
        )
    ]


@pytest.mark.parametrize(
    ("html", "paragraph"),
    [
        ("<p>a<!-- an editor's note -->b</p>", "<p>ab</p>"),  # comments go
        ("<p>a<script>alert(1)</script><style>p{}</style>b</p>", "<p>ab</p>"),  # and code
        # Quotes stay as typed; only what would be markup is escaped.
        ('<p>He said "yes", it\'s &lt;b&gt;</p>', '<p>He said "yes", it\'s &lt;b&gt;</p>'),
        # An iframe's fallback text is not content, wherever the iframe is.
        ('<ul><li>x<iframe src="https://evil.example/">fallback</iframe></li></ul>', None),
    ],
)
def test_inline_text_keeps_only_what_a_reader_saw(html, paragraph):
    (block,) = convert(html)[0]
    if paragraph:
        assert block == ("paragraph", paragraph)
    else:
        assert block[1].replace(" ", "") == "<ul><li>x</li></ul>"


def test_paragraphs_with_nothing_visible_make_no_block():
    assert convert("<p>&nbsp;</p><p> </p><p><br></p><p>\xa0</p><p>\n\t</p>")[0] == []


@pytest.mark.parametrize("tag", ["ul", "ol"])
def test_a_list_inside_emphasis_stays_a_list(tag):
    (block,) = convert(f"<p><strong>Steps:<{tag}><li>ask</li><li>listen</li></{tag}></strong></p>")[
        0
    ]
    assert f"<{tag}><li>ask</li><li>listen</li></{tag}>" in block[1]


@pytest.mark.parametrize("mark", ["?", "!", "."])
def test_shorten_ends_at_the_last_sentence_that_fits_whatever_its_mark(mark):
    text = f"Why{mark} " + "word " * 8 + f"Sure{mark} " + "more " * 40
    assert shorten(text, 60) == f"Why{mark} " + "word " * 8 + f"Sure{mark}"


def test_shorten_keeps_a_last_word_that_ends_in_x():
    assert shorten("alpha " + "TAX " * 30, 30) == "alpha TAX TAX TAX TAX TAX…"
