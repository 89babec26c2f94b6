"""The Anki side of Recall's benchmark: the same workloads through Anki's own library.

Each subcommand does one measurement inside this process (start-up is never timed) and prints one
JSON document. recall-bench (Sources/Workloads/AnkiCompare.swift) runs it alternately with Recall.
"""
import argparse
import json
import os
import shutil
import sqlite3
import sys
import time

from anki.collection import AddNoteRequest, Collection  # first: anki.cards needs it loaded
from anki.cards import Card
from anki.scheduler.v3 import CardAnswer


def read_jsonl(path, limit=None):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if limit is not None and len(rows) >= limit:
                break
            rows.append(json.loads(line))
    return rows


def add_cards(col, cards):
    """add_notes in one batch: the whole timed operation of the import workload."""
    model = col.models.by_name("Basic")
    deck_id = col.decks.id("bench")
    requests = []
    for c in cards:
        note = col.new_note(model)
        note["Front"] = c["front"]
        note["Back"] = c["back"]
        note.tags = c["tags"]
        requests.append(AddNoteRequest(note=note, deck_id=deck_id))
    col.add_notes(requests)
    return deck_id


def cmd_import(a):
    cards = read_jsonl(a.cards, a.n)
    path = os.path.join(a.work, "import.anki2")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    col = Collection(path)
    start = time.perf_counter()
    add_cards(col, cards)
    ms = (time.perf_counter() - start) * 1000
    count = col.card_count()
    col.close()
    print(json.dumps({"ms": ms, "cards": count}))


def anki_ease(grade):
    # SM-2's 0-5 onto Anki's buttons: fail → Again, 3 → Hard, 4 → Good, 5 → Easy.
    return 1 if grade < 3 else {3: 2, 4: 3, 5: 4}[grade]


def cmd_prepare(a):
    """A collection equal to Recall's benchmark notebook: the same cards, each card's schedule set
    to Recall's folded SM-2 state (ivl, due, factor = EF × 1000, reps, lapses), and every review event
    as a revlog row. Not timed."""
    cards = read_jsonl(a.cards)
    states = {s["card"]: s for s in read_jsonl(a.states)}
    if os.path.exists(a.out):
        os.remove(a.out)
    col = Collection(a.out)
    # Anki caps reviews at 200 a day by default and Recall has no review cap: lift Anki's as far as it
    # accepts (9,999), so 1,000 answers are 1,000 answers on both sides. New cards: 20 a day, both.
    conf = col.decks.config_dict_for_deck_id(1)
    conf["rev"]["perDay"] = 9_999
    conf["new"]["perDay"] = 20
    col.decks.update_config(conf)
    add_cards(col, cards)
    today_ordinal = a.today  # Recall's study day of "today", as days since 1970-01-01
    anki_today = col.sched.today
    ids = col.db.list("select id from cards order by nid")
    col.close()
    # Bulk SQL on the closed collection: the Python API has no batch path for setting schedules.
    db = sqlite3.connect(a.out)
    db.execute("pragma journal_mode = wal")
    rows = []
    for index, cid in enumerate(ids):
        s = states.get(index)
        if s is None:
            continue
        due = anki_today + (s["due"] - today_ordinal)
        rows.append((s["interval"], due, s["ef100"] * 10, s["repetitions"], s["lapses"], cid))
    db.executemany(
        "update cards set type = 2, queue = 2, ivl = ?, due = ?, factor = ?, reps = ?, lapses = ? where id = ?", rows)
    revlog = []
    seen = set()
    with open(a.events, encoding="utf-8") as f:
        for line in f:
            e = json.loads(line)
            rid = e["timestamp"]
            while rid in seen:
                rid += 1
            seen.add(rid)
            revlog.append((rid, ids[e["card"]], -1, anki_ease(e["grade"]), 1, 1, 2500, 4000, 1))
            if len(revlog) >= 100000:
                db.executemany("insert into revlog values (?, ?, ?, ?, ?, ?, ?, ?, ?)", revlog)
                revlog = []
    db.executemany("insert into revlog values (?, ?, ?, ?, ?, ?, ?, ?, ?)", revlog)
    db.commit()
    db.execute("pragma wal_checkpoint(truncate)")
    db.close()
    print(json.dumps({"cards": len(ids), "scheduled": len(rows), "revlog": len(seen)}))


def open_copy(a, name):
    copy = os.path.join(a.work, name)
    shutil.copyfile(a.collection, copy)
    for suffix in ("-wal", "-shm"):
        if os.path.exists(copy + suffix):
            os.remove(copy + suffix)
    col = Collection(copy)
    col.decks.select(col.decks.id("bench"))
    return col


def cmd_queue(a):
    col = open_copy(a, "queue.anki2")
    samples = []
    for _ in range(a.reps):
        start = time.perf_counter()
        queued = col.sched.get_queued_cards(fetch_limit=50)
        samples.append((time.perf_counter() - start) * 1000)
    n = len(queued.cards)
    col.close()
    print(json.dumps({"samples": samples, "cards": n}))


def cmd_answer(a):
    col = open_copy(a, "answer.anki2")
    samples = []
    if col.decks.config_dict_for_deck_id(1)["rev"]["perDay"] < a.n:
        raise SystemExit("the collection's review limit is below %d: answers would stop early" % a.n)
    for _ in range(a.n):
        queued = col.sched.get_queued_cards(fetch_limit=1)
        if not queued.cards:
            break
        qc = queued.cards[0]
        card = Card(col, backend_card=qc.card)
        card.start_timer()
        answer = col.sched.build_answer(card=card, states=qc.states, rating=CardAnswer.GOOD)
        start = time.perf_counter()
        col.sched.answer_card(answer)  # one committed transaction (WAL, synchronous=FULL)
        samples.append((time.perf_counter() - start) * 1000)
    col.close()
    print(json.dumps({"samples": samples}))


def cmd_search(a):
    col = open_copy(a, "search.anki2")
    samples = []
    for _ in range(a.reps):
        start = time.perf_counter()
        found = col.find_cards(a.term)
        samples.append((time.perf_counter() - start) * 1000)
    col.close()
    print(json.dumps({"samples": samples, "hits": len(found)}))


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("import"); s.add_argument("--cards"); s.add_argument("--n", type=int); s.add_argument("--work")
    s = sub.add_parser("prepare"); s.add_argument("--cards"); s.add_argument("--states"); s.add_argument("--events")
    s.add_argument("--today", type=int); s.add_argument("--out")
    for name in ("queue", "search"):
        s = sub.add_parser(name); s.add_argument("--collection"); s.add_argument("--work"); s.add_argument("--reps", type=int)
        s.add_argument("--term")
    s = sub.add_parser("answer"); s.add_argument("--collection"); s.add_argument("--work"); s.add_argument("--n", type=int)
    a = p.parse_args()
    {"import": cmd_import, "prepare": cmd_prepare, "queue": cmd_queue, "answer": cmd_answer, "search": cmd_search}[a.cmd](a)


if __name__ == "__main__":
    sys.exit(main())
