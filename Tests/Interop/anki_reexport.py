"""Imports an Anki package into a new Anki collection with Anki's own library, then exports that
collection's notes again as a package (scheduling and media included, in the format every Anki
version reads), as a user moving a deck through Anki does. Prints how many notes went through.

usage: anki_reexport.py WORKDIR IN_PACKAGE OUT_PACKAGE
"""
import json
import os
import sys

from anki.collection import Collection, ExportAnkiPackageOptions, ImportAnkiPackageOptions, ImportAnkiPackageRequest


def main():
    workdir, package, out = sys.argv[1], sys.argv[2], sys.argv[3]
    col = Collection(os.path.join(os.path.abspath(workdir), "collection.anki2"))
    request = ImportAnkiPackageRequest(
        package_path=os.path.abspath(package),
        options=ImportAnkiPackageOptions(with_scheduling=True),
    )
    col.import_anki_package(request)
    notes = len(col.find_notes(""))
    options = ExportAnkiPackageOptions(
        with_scheduling=True, with_deck_configs=False, with_media=True, legacy=True
    )
    col.export_anki_package(out_path=os.path.abspath(out), options=options, limit=None)
    col.close()
    print(json.dumps({"notes": notes}))


if __name__ == "__main__":
    main()
