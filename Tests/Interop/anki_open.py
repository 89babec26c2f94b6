"""Imports Anki packages, in order, into a new Anki collection with Anki's own library, and prints
what Anki holds afterwards as JSON: notes (guid, note type, fields, tags, deck, cards) and the
review log, plus what each import reported, and the files in its media folder (bytes as hex).

usage: anki_open.py WORKDIR PACKAGE [PACKAGE...]
"""
import json
import os
import sys

from anki.collection import Collection
from anki_common import import_packages


def main():
    workdir, packages = sys.argv[1], sys.argv[2:]
    col = Collection(os.path.join(os.path.abspath(workdir), "collection.anki2"))
    imports = import_packages(col, packages)
    today = col.sched.today
    notes = []
    guid_of_card = {}
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        cards = []
        for card in note.cards():
            guid_of_card[card.id] = note.guid
            cards.append({
                "deck": col.decks.name(card.did),
                "type": card.type,
                "queue": card.queue,
                "ivl": card.ivl,
                "factor": card.factor,
                "reps": card.reps,
                "lapses": card.lapses,
                "due_in_days": card.due - today if card.type == 2 else None,
            })
        notes.append({
            "guid": note.guid,
            "notetype": note.note_type()["name"],
            "fields": list(note.fields),
            "tags": sorted(note.tags),
            "cards": cards,
        })
    revlog = [
        {"id": r[0], "guid": guid_of_card.get(r[1]), "ease": r[2], "ivl": r[3], "lastIvl": r[4],
         "factor": r[5], "time": r[6], "type": r[7]}
        for r in col.db.all("SELECT id, cid, ease, ivl, lastIvl, factor, time, type FROM revlog ORDER BY id")
    ]
    # The files in Anki's media folder, with their bytes as hex, for tests to compare.
    media_dir = col.media.dir()
    media = {}
    for name in sorted(os.listdir(media_dir)):
        path = os.path.join(media_dir, name)
        if os.path.isfile(path):
            with open(path, "rb") as f:
                media[name] = f.read().hex()
    col.close()
    print(json.dumps({"imports": imports, "notes": notes, "revlog": revlog, "media": media}))


main()
