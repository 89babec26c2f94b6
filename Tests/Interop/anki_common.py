"""What the interop scripts share, with Anki's own library: answering a simulated day's queue and
importing packages into a collection the way a learner would (with their scheduling)."""
import os

from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest


def answer_today(col, decks, ease_for):
    """Answers every card the scheduler shows today in each of `decks`, learning steps included;
    `ease_for(card)` picks the button (1 Again … 4 Easy)."""
    for deck in decks:
        col.decks.select(col.decks.id(deck))
        for _ in range(400):
            queued = col.sched.get_queued_cards()
            if not queued.cards:
                break
            card = col.get_card(queued.cards[0].card.id)
            card.start_timer()
            col.sched.answerCard(card, ease_for(card))


def import_packages(col, packages):
    """Imports each package in turn with its scheduling; returns what each import reported."""
    reports = []
    for package in packages:
        request = ImportAnkiPackageRequest(
            package_path=os.path.abspath(package), options=ImportAnkiPackageOptions(with_scheduling=True))
        log = col.import_anki_package(request).log
        reports.append({key: len(getattr(log, key)) for key in ("new", "updated", "duplicate", "conflicting")})
    return reports
