"""Studies a small collection with Anki itself over simulated days, then moves some review cards
into a filtered deck, and exports it three ways: a whole-collection package in today's format
(`.colpkg`, schema 18), one with "Support older Anki versions" (schema 11), and a deck package
with scheduling (`.apkg`). Prints each card's home deck and home schedule, and where
the filtered deck holds it.

usage: anki_filtered.py WORKDIR OUT_PREFIX   writes OUT_PREFIX.colpkg, OUT_PREFIX-legacy.colpkg
                                             and OUT_PREFIX.apkg

Days are simulated as in anki_study.py: `crt` moved back a day, the collection opened again.
"""
import datetime
import json
import os
import random
import sys

from anki.collection import Collection, ExportAnkiPackageOptions
from anki_common import answer_today

DAYS = 6
HOMES = ["Physics", "Physics::Optics", "Chemistry"]
FILTERED = "Cram before exam"


def study_day(col, rng):
    answer_today(
        col, HOMES, lambda card: rng.choice([3, 3, 4]) if card.type in (0, 1, 3) else rng.choice([1, 2, 3, 3, 4]))


def cards(col):
    today = col.sched.today
    # Anki's days are counted from crt, the start (at the 4 a.m. rollover) of its first day.
    first = datetime.datetime.fromtimestamp(col.crt, datetime.timezone.utc).date()
    result = []
    for cid in col.db.list("SELECT id FROM cards ORDER BY id"):
        card = col.get_card(cid)
        home_due = card.odue if card.odid and card.odue else card.due
        result.append({
            "guid": card.note().guid, "ord": card.ord, "question": card.note()["Front"],
            "deck": col.decks.name(card.odid or card.did),
            "in_filtered": col.decks.name(card.did) if card.odid else None,
            "type": card.type, "queue": card.queue, "raw_due": card.due, "odue": card.odue,
            "due_in_days": home_due - today if card.type == 2 else None,
            "due_date": (first + datetime.timedelta(days=home_due)).isoformat() if card.type == 2 else None,
            "ivl": card.ivl, "factor": card.factor, "lapses": card.lapses,
        })
    return result


def main():
    workdir, prefix = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    path = os.path.join(workdir, "collection.anki2")
    col = Collection(path)
    rng = random.Random(1818)
    for index in range(9):
        deck = HOMES[index % len(HOMES)]
        note = col.new_note(col.models.by_name("Basic"))
        note.guid = f"filtered-{index}"
        note["Front"] = f"Question {index} of {deck}?"
        note["Back"] = f"Answer {index}"
        col.add_note(note, col.decks.id(deck))
    crt = col.crt
    for day in range(DAYS + 1):
        col.crt = crt - day * 86400
        col.close()
        col = Collection(path)
        if day < DAYS:
            study_day(col, rng)

    # A filtered deck pulling in review cards whether due or not, as a cram session does; the
    # cards it leaves out stay in their home decks, so that both kinds are in the packages.
    filtered = col.sched.get_or_create_filtered_deck(0)
    filtered.name = FILTERED
    filtered.config.reschedule = True
    del filtered.config.search_terms[:]
    term = filtered.config.search_terms.add()
    term.search = "is:review -is:suspended"
    term.limit = 5
    did = col.sched.add_or_update_filtered_deck(filtered).id
    col.sched.rebuild_filtered_deck(did)
    listed = cards(col)
    moved = [c for c in listed if c["in_filtered"]]

    options = ExportAnkiPackageOptions(with_scheduling=True, with_deck_configs=False, with_media=True, legacy=True)
    col.export_anki_package(out_path=prefix + ".apkg", options=options, limit=None)
    col.export_collection_package(prefix + "-legacy.colpkg", include_media=True, legacy=True)
    col = Collection(path)
    col.export_collection_package(prefix + ".colpkg", include_media=True, legacy=False)
    print(json.dumps({"cards": listed, "moved": len(moved), "filtered_deck": FILTERED}))


main()
