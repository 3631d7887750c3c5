"""Reads an HTML document on stdin and prints, as JSON, what the page tests check:
its forms and their fields, every element and attribute name, every URL it
references, the text of every element with an id, and its whole text.

It uses Python's own HTML tokenizer (html.parser), so the tests see the page the
way an HTML parser does, with character references decoded."""

import json
import re
import sys
from html.parser import HTMLParser

INLINE = {"a", "abbr", "b", "code", "em", "i", "kbd", "small", "span", "strong", "time"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "srcset", "data", "background"}


class Outline(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self.attributes = []
        self.references = []
        self.forms = []
        self.details = []
        self.texts_by_id = {}
        self.open_ids = []
        self.text = []
        self.in_style = False
        self.styles = []
        self.current_form = None
        self.current_button = None

    def handle_starttag(self, tag, attrs):
        self.handle_tag(tag, attrs, closes=tag in VOID)

    def handle_startendtag(self, tag, attrs):
        self.handle_tag(tag, attrs, closes=True)

    def handle_tag(self, tag, attrs, closes):
        values = dict(attrs)
        self.separate(tag)
        self.elements.append(tag)
        self.attributes.extend(name for name, _ in attrs)
        self.references.extend(value or "" for name, value in attrs if name in URL_ATTRIBUTES)
        if "style" in values:
            self.styles.append(values["style"] or "")
        if tag == "style":
            self.in_style = True
        if tag == "details":
            self.details.append({"open": "open" in values})
        if tag == "form":
            self.current_form = {
                "id": values.get("id"),
                "method": values.get("method"),
                "action": values.get("action"),
                "enctype": values.get("enctype"),
                "fields": [],
                "buttons": [],
            }
            self.forms.append(self.current_form)
        if tag in ("input", "textarea", "select") and self.current_form is not None:
            self.current_form["fields"].append({
                "id": values.get("id"),
                "name": values.get("name"),
                "type": values.get("type"),
                "required": "required" in values,
                "autocomplete": values.get("autocomplete"),
                "invalid": values.get("aria-invalid") == "true",
                "describedBy": (values.get("aria-describedby") or "").split(),
            })
        if tag == "button" and self.current_form is not None:
            self.current_button = {"type": values.get("type"), "text": ""}
            self.current_form["buttons"].append(self.current_button)
        if not closes:
            self.open_ids.append((tag, values.get("id")))
            if values.get("id"):
                self.texts_by_id.setdefault(values["id"], "")

    def separate(self, tag):
        """Keeps the words of neighbouring blocks (cells, list items, paragraphs) apart in the text."""
        if tag not in INLINE:
            self.text.append(" ")

    def handle_endtag(self, tag):
        self.separate(tag)
        if tag == "style":
            self.in_style = False
        if tag == "form":
            self.current_form = None
        if tag == "button":
            self.current_button = None
        for index in range(len(self.open_ids) - 1, -1, -1):
            if self.open_ids[index][0] == tag:
                del self.open_ids[index:]
                break

    def handle_data(self, data):
        if self.in_style:
            self.styles.append(data)
            return
        self.text.append(data)
        for _, element_id in self.open_ids:
            if element_id:
                self.texts_by_id[element_id] += data
        if self.current_button is not None:
            self.current_button["text"] += data


outline = Outline()
outline.feed(sys.stdin.read())
outline.close()
styles = " ".join(outline.styles)
outline.references.extend(re.findall(r"url\(([^)]*)\)", styles))
outline.references.extend(re.findall(r"@import\s+([^;]*)", styles))
print(json.dumps({
    "elements": outline.elements,
    "attributes": outline.attributes,
    "references": outline.references,
    "forms": outline.forms,
    "details": outline.details,
    "textsByID": outline.texts_by_id,
    "text": re.sub(r"\s+", " ", "".join(outline.text)).strip(),
}))
