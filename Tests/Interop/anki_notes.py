"""Prints every note of an Anki collection, with Anki's own library, for a test to compare two
collections note by note: guid, note type (name, fields, templates, styling), fields as stored and as
normalized HTML, tags, mod, and each card (ord, deck, type, queue, due day, ivl, factor, lapses).

usage: anki_notes.py WORKDIR [PACKAGE...]   imports the packages (if any) into the collection in
                                            WORKDIR first, as anki_open.py does, and reports
                                            what each import did

Normalized HTML: parsed with Python's html.parser, each tag's attributes sorted, entities decoded
into text and escaped again one way, runs of whitespace in text collapsed to one space and trimmed
at the field's ends. Two fields that normalize the same render the same.
"""
import html
import json
import os
import re
import sys
from html.parser import HTMLParser

from anki.collection import Collection
from anki_common import import_packages


class Normalizer(HTMLParser):
    """Rebuilds HTML in one spelling: what differs only in spelling comes out equal."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    @staticmethod
    def tag(name, attrs, close=""):
        inner = "".join(
            f' {key}="{html.escape(value or "", quote=True)}"' for key, value in sorted(attrs))
        return f"<{name}{inner}{close}>"

    def handle_starttag(self, tag, attrs):
        self.parts.append(self.tag(tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.parts.append(self.tag(tag, attrs, "/"))

    def handle_endtag(self, tag):
        self.parts.append(f"</{tag}>")

    def handle_data(self, data):
        self.parts.append(html.escape(re.sub(r"\s+", " ", data), quote=False))

    def handle_comment(self, data):
        self.parts.append(f"<!--{data}-->")


def normalized(field):
    parser = Normalizer()
    parser.feed(field)
    parser.close()
    return "".join(parser.parts).strip()


def main():
    workdir, packages = sys.argv[1], sys.argv[2:]
    col = Collection(os.path.join(os.path.abspath(workdir), "collection.anki2"))
    imports = import_packages(col, packages)
    today = col.sched.today
    notes = []
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        kind = note.note_type()
        cards = []
        for card in note.cards():
            cards.append({
                "ord": card.ord, "deck": col.decks.name(card.did), "type": card.type, "queue": card.queue,
                "due_in_days": card.due - today if card.type == 2 else None,
                "ivl": card.ivl, "factor": card.factor, "lapses": card.lapses,
            })
        notes.append({
            "guid": note.guid,
            "notetype": kind["name"],
            "notetype_fields": [f["name"] for f in kind["flds"]],
            "templates": [[t["name"], t["qfmt"], t["afmt"]] for t in kind["tmpls"]],
            "css": kind["css"],
            "fields": list(note.fields),
            "normalized": [normalized(f) for f in note.fields],
            "tags": sorted(note.tags),
            "mod": note.mod,
            "cards": sorted(cards, key=lambda c: c["ord"]),
        })
    col.close()
    print(json.dumps({"imports": imports, "notes": notes}))


main()
