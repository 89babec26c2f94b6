"""Makes a package with media the way Anki does by default today: a new collection with a Basic
note showing an image and playing an audio file, exported in Anki's current format
(collection.anki21b, zstd; legacy=False). The media's bytes are also written to WORKDIR/expected/
for tests to compare with. Prints the media names and the note's guid as JSON.

usage: anki_media_build.py WORKDIR OUT [--colpkg]
  --colpkg  exports the whole collection (.colpkg) in the current format instead of an .apkg
"""
import json
import os
import sys

from anki.collection import Collection, ExportAnkiPackageOptions


def main():
    workdir, out = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    col = Collection(os.path.join(workdir, "collection.anki2"))
    deck = col.decks.id("Media::Pictures")
    picture_bytes = bytes(range(256)) * 40 + b"picture"
    sound_bytes = b"ID3" + bytes(reversed(range(256))) * 30
    picture = col.media.write_data("graph of a curve.png", picture_bytes)
    sound = col.media.write_data("pronunciation.mp3", sound_bytes)
    expected = os.path.join(workdir, "expected")
    os.makedirs(expected, exist_ok=True)
    for name, data in [(picture, picture_bytes), (sound, sound_bytes)]:
        with open(os.path.join(expected, name), "wb") as f:
            f.write(data)

    note = col.new_note(col.models.by_name("Basic"))
    note.guid = "media-note"
    note["Front"] = "What does the curve show?"
    note["Back"] = f'Exponential decay<br><img src="{picture}"> [sound:{sound}]'
    col.add_note(note, deck)

    if "--colpkg" in sys.argv:
        col.export_collection_package(out, include_media=True, legacy=False)
    else:
        options = ExportAnkiPackageOptions(
            with_scheduling=True, with_deck_configs=False, with_media=True, legacy=False
        )
        col.export_anki_package(out_path=out, options=options, limit=None)
        col.close()
    print(json.dumps({"image": picture, "audio": sound, "guid": note.guid}))


main()
