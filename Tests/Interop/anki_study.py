"""Makes a realistic collection with Anki itself and studies it for 8 simulated days: nested decks;
Basic, Basic (and reversed card), Basic (type in the answer) and Cloze notes (one nested); HTML;
`::` tags; every day's queue
answered through Anki's scheduler; then one card suspended and one buried. Exports it with
"Support older Anki versions" and prints every card's state as JSON.

usage: anki_study.py WORKDIR OUT.apkg

Anki's day is counted from the collection's creation time (`crt`): moving `crt` back a day (and
opening the collection again, as Anki keeps its day in memory) starts the next day. The answers of simulated day k are given now; their revlog ids are then moved back by
the days between day k and the last day, so that the log reads as 8 days of study ending today.
"""
import json
import os
import random
import sys

from anki.collection import Collection, ExportAnkiPackageOptions
from anki_common import answer_today

DAYS = 8


def add(col, kind, guid, deck, fields, tags=()):
    note = col.new_note(col.models.by_name(kind))
    note.guid = guid
    for name, value in fields.items():
        note[name] = value
    note.tags = list(tags)
    col.add_note(note, col.decks.id(deck))


def study_day(col, rng, decks):
    """Answers every card the scheduler shows today, learning steps included; returns revlog ids."""
    before = set(col.db.list("SELECT id FROM revlog"))

    def ease_for(card):
        if card.type in (0, 1, 3):
            return rng.choice([1, 3, 3, 3, 4])  # new and (re)learning: mostly Good
        return rng.choice([1, 2, 3, 3, 3, 4])

    answer_today(col, decks, ease_for)
    return [rid for rid in col.db.list("SELECT id FROM revlog") if rid not in before]


def main():
    workdir, out = sys.argv[1], sys.argv[2]
    path = os.path.join(os.path.abspath(workdir), "collection.anki2")
    col = Collection(path)
    rng = random.Random(18)
    add(col, "Basic", "algo-bsearch", "Computer Science::Algorithms",
        {"Front": "Cost of <b>binary search</b>?", "Back": "O(log n)"}, ["cs::algorithms"])
    add(col, "Basic", "algo-heap", "Computer Science::Algorithms",
        {"Front": "Heap insert cost?", "Back": "O(log n)<br>sift up"}, ["cs::algorithms"])
    add(col, "Basic", "cs-stack", "Computer Science",
        {"Front": "LIFO structure?", "Back": "A stack"})
    add(col, "Basic (and reversed card)", "ja-neko", "Languages::Japanese",
        {"Front": "猫", "Back": "cat"}, ["ja"])
    add(col, "Basic (and reversed card)", "ja-inu", "Languages::Japanese",
        {"Front": "犬", "Back": "dog"}, ["ja"])
    add(col, "Basic (type in the answer)", "ja-mizu", "Languages::Japanese",
        {"Front": "水 means?", "Back": "water"}, ["ja"])
    add(col, "Basic (type in the answer)", "fr-chat", "Languages::French",
        {"Front": "chat means?", "Back": "cat"})
    add(col, "Cloze", "lang-cloze", "Languages",
        {"Text": "{{c1::Tokyo}} is the capital of {{c2::Japan}}", "Back Extra": "since 1868"})
    add(col, "Cloze", "algo-cloze", "Computer Science::Algorithms",
        {"Text": "Quicksort's worst case is {{c1::O(n²)}}"})
    add(col, "Cloze", "nested-cloze", "Languages",
        {"Text": "{{c1::Paris is {{c2::the capital}} of France}}", "Back Extra": "<i>since</i> 508"}, ["geo::europe"])

    crt = col.crt
    days = []
    for day in range(DAYS + 1):
        col.crt = crt - day * 86400
        col.close()
        col = Collection(path)
        if day < DAYS:
            days.append(study_day(col, rng, ["Computer Science", "Languages"]))
    for day, ids in enumerate(days):
        for rid in sorted(ids, reverse=True):
            col.db.execute("UPDATE revlog SET id = ? WHERE id = ?", rid - (DAYS - day) * 86_400_000, rid)

    today = col.sched.today
    reviewed = col.db.list("SELECT c.id FROM cards c JOIN notes n ON c.nid = n.id WHERE c.type = 2 ORDER BY n.guid, c.ord")
    col.sched.suspend_cards([reviewed[0]])
    col.sched.bury_cards([reviewed[1]], manual=True)

    cards = []
    for cid in col.db.list("SELECT id FROM cards ORDER BY id"):
        card = col.get_card(cid)
        cards.append({
            "guid": card.note().guid, "ord": card.ord, "deck": col.decks.name(card.did),
            "notetype": card.note().note_type()["name"], "type": card.type, "queue": card.queue,
            "ivl": card.ivl, "factor": card.factor, "lapses": card.lapses,
            "due_in_days": card.due - today if card.type == 2 else None,
        })
    revlog = col.db.all("SELECT id, cid, ease, type FROM revlog ORDER BY id")
    options = ExportAnkiPackageOptions(with_scheduling=True, with_deck_configs=False, with_media=True, legacy=True)
    col.export_anki_package(out_path=os.path.abspath(out), options=options, limit=None)
    col.close()
    print(json.dumps({"cards": cards, "revlog": len(revlog), "days": [len(d) for d in days]}))


main()
