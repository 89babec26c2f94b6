"""Does what a learner does in Anki to a collection made by anki_open.py, with Anki's own library.

usage: anki_tools.py edit WORKDIR GUID FIELD TEXT   sets field number FIELD of the note GUID, as
                                                   Anki's editor does (the note's mod becomes now)
       anki_tools.py export WORKDIR OUT.apkg       exports the whole collection with scheduling and
                                                   "Support older Anki versions" ticked
Prints a JSON object.
"""
import json
import os
import sys

from anki.collection import Collection, ExportAnkiPackageOptions


def main():
    command, workdir = sys.argv[1], sys.argv[2]
    col = Collection(os.path.join(os.path.abspath(workdir), "collection.anki2"))
    if command == "edit":
        guid, field, text = sys.argv[3], int(sys.argv[4]), sys.argv[5]
        nid = col.db.scalar("SELECT id FROM notes WHERE guid = ?", guid)
        note = col.get_note(nid)
        note.fields[field] = text
        col.update_note(note)
        result = {"mod": col.get_note(nid).mod}
    elif command == "export":
        options = ExportAnkiPackageOptions(
            with_scheduling=True, with_deck_configs=False, with_media=True, legacy=True)
        count = col.export_anki_package(out_path=os.path.abspath(sys.argv[3]), options=options, limit=None)
        result = {"notes": count}
    else:
        raise SystemExit(f"unknown command {command}")
    col.close()
    print(json.dumps(result))


main()
