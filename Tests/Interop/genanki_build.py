"""Builds an Anki package with genanki (a third-party writer of Anki's format): Basic notes with
tags and HTML, a Basic-and-reversed note and a Cloze note, in the deck "Genanki::Test".

usage: genanki_build.py OUT.apkg
"""
import json
import sys

import genanki


def main():
    deck = genanki.Deck(2059400110, "Genanki::Test")
    deck.add_note(genanki.Note(
        model=genanki.BASIC_MODEL,
        fields=["What is the capital of <b>France</b>?", "Paris<br>(since 508)"],
        tags=["geography", "Europe"],
        guid="capital-france",
    ))
    deck.add_note(genanki.Note(
        model=genanki.BASIC_MODEL,
        fields=["List two sorting algorithms", "<ul><li>quicksort</li><li>merge sort</li></ul>"],
        tags=["cs"],
    ))
    deck.add_note(genanki.Note(
        model=genanki.BASIC_AND_REVERSED_CARD_MODEL,
        fields=["chat", "cat (French)"],
        guid="chat-cat",
    ))
    deck.add_note(genanki.Note(
        model=genanki.CLOZE_MODEL,
        fields=["{{c1::Canberra}} is the capital of {{c2::Australia}}", "Not Sydney."],
        guid="cloze-canberra",
    ))
    genanki.Package(deck).write_to_file(sys.argv[1])
    print(json.dumps({"written": sys.argv[1]}))


main()
