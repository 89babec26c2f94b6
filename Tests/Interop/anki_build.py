"""Makes a package the way a learner would, with Anki itself: a new collection, a Basic note with
a picture and a Cloze note, cards answered through Anki's scheduler, exported with "Support older Anki versions"
(the schema-11 package). Prints the review log by note guid as JSON.

usage: anki_build.py WORKDIR OUT.apkg [--unknown-type] [--modern]
  --unknown-type  also adds a note of a one-field note type that Recall cannot map
  --modern        exports in Anki's current format instead (collection.anki21b, zstd)
  --colpkg        exports the whole collection (.colpkg, "Support older Anki versions") instead
"""
import json
import os
import sys

from anki.collection import Collection, ExportAnkiPackageOptions


def main():
    workdir, out = sys.argv[1], sys.argv[2]
    col = Collection(os.path.join(os.path.abspath(workdir), "collection.anki2"))
    deck = col.decks.id("Anki Made")

    basic = col.new_note(col.models.by_name("Basic"))
    basic.guid = "anki-made-basic"
    basic["Front"] = "What does <i>SM-2</i> stand for?"
    picture = col.media.write_data("sm2.png", bytes(range(256)) * 64)
    basic["Back"] = f'SuperMemo 2<br><img src="{picture}" alt="diagram">'
    basic.tags = ["algorithms"]
    col.add_note(basic, deck)

    cloze = col.new_note(col.models.by_name("Cloze"))
    cloze.guid = "anki-made-cloze"
    cloze["Text"] = "The {{c1::forgetting curve}} was described by {{c2::Ebbinghaus}}"
    col.add_note(cloze, deck)

    if "--nested-cloze" in sys.argv:
        nested = col.new_note(col.models.by_name("Cloze"))
        nested.guid = "anki-made-nested"
        nested["Text"] = "A {{c1::outer {{c2::inner}} part}} end"
        col.add_note(nested, deck)

    if "--unknown-type" in sys.argv:
        models = col.models
        only = models.new("Only One Field")
        models.add_field(only, models.new_field("Word"))
        template = models.new_template("Card 1")
        template["qfmt"] = "{{Word}}"
        template["afmt"] = "{{FrontSide}}"
        models.add_template(only, template)
        models.add(only)
        odd = col.new_note(models.by_name("Only One Field"))
        odd["Word"] = "alone"
        col.add_note(odd, deck)

    # Answer whatever the scheduler shows (buttons 1 Again … 4 Easy), a few times.
    col.decks.select(deck)
    for ease in [1, 3, 3, 4, 2, 3]:
        queued = col.sched.get_queued_cards()
        if not queued.cards:
            break
        card = col.get_card(queued.cards[0].card.id)
        card.start_timer()
        col.sched.answerCard(card, ease)

    reviews = {}
    for rid, cid, ease, rtype in col.db.all("SELECT id, cid, ease, type FROM revlog ORDER BY id"):
        card = col.get_card(cid)
        guid = card.note().guid
        reviews.setdefault(guid, []).append({"id": rid, "ease": ease, "ord": card.ord, "type": rtype})

    # The cards Anki itself made for each note (its card ordinals), for tests to compare with.
    cards = {}
    for guid, ord in col.db.all("SELECT n.guid, c.ord FROM cards c JOIN notes n ON c.nid = n.id ORDER BY c.ord"):
        cards.setdefault(guid, []).append(ord)

    if "--colpkg" in sys.argv:
        col.export_collection_package(os.path.abspath(out), include_media=True, legacy=True)
    else:
        options = ExportAnkiPackageOptions(
            with_scheduling=True, with_deck_configs=False, with_media=True, legacy="--modern" not in sys.argv
        )
        col.export_anki_package(out_path=os.path.abspath(out), options=options, limit=None)
        col.close()
    print(json.dumps({"reviews": reviews, "cards": cards}))


main()
