#!/usr/bin/env python3
"""Parses one orgaudit output back and checks that the escaping fixture's names came out intact and inert.

    parse_back.py FORMAT FILE

FORMAT is an output format name (json, sarif, junit, xml, markdown, html, svg). Exits 0 when the file
parses as its format, every expected string (tests/escaping/expected.json) is in its text exactly,
and nothing in it would execute or change the document's structure; otherwise prints what is wrong
and exits 1. A new format needs a parser in PARSERS.
"""
import html.parser
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

HERE = os.path.dirname(os.path.abspath(__file__))


def fail(message):
    print("parse_back: " + message, file=sys.stderr)
    sys.exit(1)


def json_strings(value, out):
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, list):
        for item in value:
            json_strings(item, out)
    elif isinstance(value, dict):
        for key, item in value.items():
            out.append(key)
            json_strings(item, out)
    return out


def parse_json(raw):
    document = json.loads(raw)
    # orgaudit writes <, > and & as \\u escapes so the JSON can sit inside HTML unchanged.
    if any(c in raw for c in "<>&"):
        fail("raw '<', '>' or '&' in JSON: not safe to embed in HTML")
    return json_strings(document, [])


def parse_xml(raw):
    builder = ElementTree.TreeBuilder(insert_comments=True, insert_pis=True)
    parser = ElementTree.XMLParser(target=builder)
    parser.feed(raw)
    root = parser.close()
    texts = []
    for node in root.iter():
        if not isinstance(node.tag, str):
            fail("a comment or processing instruction came out of the data: %r" % node.text)
        local = node.tag.rsplit("}", 1)[-1]
        if local in ("script", "img"):
            fail("a <%s> element came out of the data" % local)
        texts.extend(node.attrib.values())
        texts.extend(t for t in (node.text, node.tail) if t)
    return texts


class HtmlText(html.parser.HTMLParser):
    """Text and attribute values of an HTML document, with <br> read back as the line break it shows."""

    def __init__(self, allowed_tags=None):
        super().__init__(convert_charrefs=True)
        self.allowed = allowed_tags
        self.texts, self.current, self.script = [], [], None

    def handle_starttag(self, tag, attrs):
        if self.allowed is not None and tag not in self.allowed:
            fail("unexpected <%s> element: data turned into markup" % tag)
        for name, value in attrs:
            if name.startswith("on") and value and "alert(" in value:
                fail("an event handler came out of the data: %s=%r" % (name, value))
            if value:
                self.texts.append(value)
        if tag == "br":
            self.current.append("\n")
        elif tag == "script":
            self.script = []

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "script" and self.script is not None:
            if "alert(" in "".join(self.script):
                fail("a <script> with the fixture's payload came out of the data")
            self.script = None
        elif tag in ("td", "th", "p", "h1", "h2", "h3", "h4", "li", "div", "span", "title", "text"):
            self.flush()

    def handle_data(self, data):
        (self.script if self.script is not None else self.current).append(data)

    def handle_comment(self, data):
        if self.allowed is not None:
            fail("an HTML comment came out of the data: %r" % data)

    def flush(self):
        if self.current:
            self.texts.append("".join(self.current))
            self.current = []


def parse_html(raw, allowed_tags=None):
    parser = HtmlText(allowed_tags)
    parser.feed(raw)
    parser.close()
    parser.flush()
    return parser.texts


MARKDOWN_TAGS = {"h3", "h4", "p", "strong", "code", "table", "thead", "tbody", "tr", "th", "td", "a", "br", "sub"}


def parse_markdown(raw):
    # GitHub's own CommonMark parser; --unsafe keeps raw HTML, so escaping that failed would show.
    cmark = shutil.which("cmark-gfm")
    if not cmark:
        fail("cmark-gfm is not installed (Debian package cmark-gfm; scripts/setup.sh installs it)")
    rendered = subprocess.run([cmark, "--unsafe", "--extension", "table"], input=raw.encode(),
                              capture_output=True, check=True).stdout.decode()
    return parse_html(rendered, MARKDOWN_TAGS)


PARSERS = {
    "json": parse_json,
    "sarif": parse_json,
    "codequality": parse_json,
    "junit": parse_xml,
    "xml": parse_xml,
    "svg": parse_xml,
    "markdown": parse_markdown,
    "html": parse_html,
}


def main():
    if len(sys.argv) != 3:
        fail("usage: parse_back.py FORMAT FILE")
    fmt, path = sys.argv[1], sys.argv[2]
    if fmt not in PARSERS:
        fail("no parser for format '%s': add one to PARSERS in %s" % (fmt, __file__))
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    try:
        texts = PARSERS[fmt](raw)
    except SystemExit:
        raise
    except Exception as e:  # a parse error is the finding here, whatever raised it
        fail("%s does not parse as %s: %s" % (path, fmt, e))
    with open(os.path.join(HERE, "expected.json"), encoding="utf-8") as f:
        expected = json.load(f)
    # "except": what a format does not carry at all (Code Quality has the findings, not the org).
    left_out = expected.get("except", {}).get(fmt, [])
    wanted = [s for s in expected["everywhere"] if s not in left_out] + expected.get("only", {}).get(fmt, [])
    missing = [s for s in wanted if not any(s in t for t in texts)]
    if missing:
        fail("%s (%s): not found intact: %s" % (path, fmt, ", ".join(repr(s) for s in missing)))
    print("%s: %d strings found intact in %s" % (fmt, len(wanted), path))


if __name__ == "__main__":
    main()
