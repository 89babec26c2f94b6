import Foundation
import GRDB

/// The notebook's schema as named, append-only migrations. Never edit a shipped step: add one.
enum Schema {
    // The parts below are shared by shipped steps: never change them. Each line carries the
    // indent it has in the steps' SQL, so that the schema SQLite stores reads as it always did.

    /// The columns every event of the log has, grades (`review_event`) and study actions
    /// (`card_action`, created by `v4-card-actions` and rebuilt by `v6-schedule-action`) alike.
    private static let eventKeyColumns = """
            device TEXT NOT NULL CHECK (device <> ''),
            seq INTEGER NOT NULL CHECK (seq > 0),
            card TEXT NOT NULL CHECK (card LIKE '%_/_%'),
            ts INTEGER NOT NULL,
            day INTEGER NOT NULL,
        """
    /// A card's SM-2 schedule, in the card row (`v1-notebook`) and in a `schedule` action, which
    /// carries it in the row's terms (`v6-schedule-action`).
    private static let scheduleColumns = """
            ef100 INTEGER CHECK (ef100 >= 130),
            repetitions INTEGER CHECK (repetitions >= 0),
            interval INTEGER CHECK (interval >= 0),
            due INTEGER,
            lapses INTEGER CHECK (lapses >= 0),
            last_review INTEGER,
        """
    /// The study actions' index, made by `v4-card-actions` and again after the rebuild in `v6`.
    private static let cardActionIndex = "CREATE INDEX card_action_card ON card_action(card, ts, device, seq);"

    /// `attemptLog` is the v2 exercise attempts log (`<home>/attempts/log.jsonl`), read only by
    /// `v3-typed-state` when it runs.
    static func migrator(attemptLog: URL? = nil) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-notebook") { db in
            try db.execute(
                sql: """
                    CREATE TABLE meta (
                        key TEXT PRIMARY KEY NOT NULL,
                        value TEXT NOT NULL
                    ) STRICT;

                    CREATE TABLE deck (
                        id TEXT PRIMARY KEY NOT NULL CHECK (id <> '' AND id NOT GLOB '*[^a-z0-9-]*'),
                        title TEXT NOT NULL,
                        root TEXT NOT NULL,
                        new_per_day INTEGER CHECK (new_per_day IS NULL OR new_per_day >= 0)
                    ) STRICT;

                    -- A card's SM-2 state (ef100 … first_review) is derived from review_event by the fold;
                    -- it lives here so that the queue queries are single index range scans.
                    CREATE TABLE card (
                        rowid INTEGER PRIMARY KEY,
                        key TEXT NOT NULL UNIQUE CHECK (key = deck || '/' || id),
                        deck TEXT NOT NULL REFERENCES deck(id),
                        id TEXT NOT NULL CHECK (id <> '' AND id NOT GLOB '*[^a-z0-9-]*'),
                        kind TEXT NOT NULL CHECK (kind IN ('note', 'exercise')),
                        front TEXT NOT NULL CHECK (front <> ''),
                        back TEXT NOT NULL CHECK (back <> ''),
                        tags TEXT NOT NULL DEFAULT '',
                        content_hash TEXT NOT NULL,
                        source_file TEXT NOT NULL,
                        source_line INTEGER NOT NULL CHECK (source_line >= 0),
                        position INTEGER NOT NULL,
                        removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
                    \(scheduleColumns)
                        first_review INTEGER,
                        CHECK ((ef100 IS NULL) = (due IS NULL) AND (due IS NULL) = (repetitions IS NULL)
                            AND (due IS NULL) = (interval IS NULL) AND (due IS NULL) = (lapses IS NULL)
                            AND (due IS NULL) = (last_review IS NULL) AND (due IS NULL) = (first_review IS NULL))
                    ) STRICT;
                    CREATE INDEX card_new ON card(deck, position) WHERE removed = 0 AND due IS NULL;
                    CREATE INDEX card_due ON card(due, deck, position) WHERE removed = 0 AND due IS NOT NULL;
                    CREATE INDEX card_first_review ON card(first_review) WHERE first_review IS NOT NULL;
                    CREATE INDEX card_deck ON card(deck, id);
                    CREATE INDEX card_removed ON card(removed) WHERE removed = 1;

                    -- Append-only: rows are only ever inserted (and the last local one dropped by undo).
                    -- `card` is a key, not a foreign key: another device's events may arrive first.
                    CREATE TABLE review_event (
                    \(eventKeyColumns)
                        grade INTEGER NOT NULL CHECK (grade BETWEEN 0 AND 5),
                        kind TEXT NOT NULL CHECK (kind IN ('review', 'drill')),
                        duration_ms INTEGER NOT NULL DEFAULT 0 CHECK (duration_ms >= 0),
                        PRIMARY KEY (device, seq)
                    ) STRICT, WITHOUT ROWID;
                    -- Covering the fold's columns: a refold reads the log in this index alone.
                    CREATE INDEX review_event_card ON review_event(card, ts, device, seq, kind, day, grade);
                    CREATE INDEX review_event_day ON review_event(day);

                    -- Full-text search over Chinese and English: the trigram tokenizer matches any
                    -- substring of three or more characters, whatever the script. Updates and deletes
                    -- are mirrored by triggers; new cards are indexed by the import in one statement
                    -- (NotebookStore.apply), because FTS5 flushes its index at the end of every
                    -- statement that writes to it.
                    CREATE VIRTUAL TABLE card_fts USING fts5(
                        front, back, tags, content = 'card', content_rowid = 'rowid', tokenize = 'trigram');
                    CREATE TRIGGER card_fts_delete AFTER DELETE ON card BEGIN
                        INSERT INTO card_fts(card_fts, rowid, front, back, tags)
                            VALUES ('delete', old.rowid, old.front, old.back, old.tags);
                    END;
                    CREATE TRIGGER card_fts_update AFTER UPDATE OF front, back, tags ON card BEGIN
                        INSERT INTO card_fts(card_fts, rowid, front, back, tags)
                            VALUES ('delete', old.rowid, old.front, old.back, old.tags);
                        INSERT INTO card_fts(rowid, front, back, tags) VALUES (new.rowid, new.front, new.back, new.tags);
                    END;
                    """)
        }
        // FTS5 merges index segments as they pile up (4 per level by default); letting 16 gather
        // first makes bulk imports about 10 % faster, with search times unchanged (measured on
        // 100,000 cards by `recall-bench --parts core`).
        migrator.registerMigration("v2-fts-automerge") { db in
            try db.execute(sql: "INSERT INTO card_fts(card_fts, rank) VALUES ('automerge', 16)")
        }
        // State that v2 kept as JSON or comma-separated text in `meta` (and exercise attempts kept
        // in a JSONL file) becomes typed tables; the values are carried across, and one that cannot
        // be decoded stops the migration (nothing is changed) instead of becoming an empty list.
        migrator.registerMigration("v3-typed-state") { db in
            try db.execute(sql: StateTables.sql)
            try LegacyState.carryAcross(db, attemptLog: attemptLog)
        }
        // Study actions (suspend, bury, forget, …) are events of the same log as grades, sharing
        // each device's seqs; they get a table of their own so that the grade table, its checks
        // and every reader of grades stay as they were (docs/EVENTS.md). The card row keeps what
        // they fold to, for the queue's scans.
        migrator.registerMigration("v4-card-actions") { db in
            try db.execute(
                sql: """
                    CREATE TABLE card_action (
                    \(eventKeyColumns)
                        kind TEXT NOT NULL CHECK (kind IN ('suspend', 'unsuspend', 'bury', 'forget', 'leech')),
                        PRIMARY KEY (device, seq)
                    ) STRICT, WITHOUT ROWID;
                    \(cardActionIndex)
                    ALTER TABLE card ADD COLUMN suspended INTEGER NOT NULL DEFAULT 0 CHECK (suspended IN (0, 1));
                    ALTER TABLE card ADD COLUMN buried_until INTEGER;
                    """)
        }
        // What a `leech` action folds to (docs/EVENTS.md), kept on the row like the suspension so
        // that `--tag leech` and `recall cards --state leech` are plain reads.
        migrator.registerMigration("v5-leech") { db in
            try db.execute(
                sql: "ALTER TABLE card ADD COLUMN leech INTEGER NOT NULL DEFAULT 0 CHECK (leech IN (0, 1))")
        }
        // A `schedule` action (docs/EVENTS.md) carries the schedule it sets, in the card row's
        // terms; SQLite cannot change a CHECK in place, so the (small) table is rebuilt.
        migrator.registerMigration("v6-schedule-action") { db in
            try db.execute(
                sql: """
                    CREATE TABLE card_action_new (
                    \(eventKeyColumns)
                        kind TEXT NOT NULL
                            CHECK (kind IN ('suspend', 'unsuspend', 'bury', 'forget', 'leech', 'schedule')),
                    \(scheduleColumns)
                        CHECK ((kind = 'schedule') = (ef100 IS NOT NULL) AND (ef100 IS NULL) = (repetitions IS NULL)
                            AND (ef100 IS NULL) = (interval IS NULL) AND (ef100 IS NULL) = (due IS NULL)
                            AND (ef100 IS NULL) = (lapses IS NULL) AND (ef100 IS NULL) = (last_review IS NULL)),
                        PRIMARY KEY (device, seq)
                    ) STRICT, WITHOUT ROWID;
                    INSERT INTO card_action_new(device, seq, card, ts, day, kind)
                        SELECT device, seq, card, ts, day, kind FROM card_action;
                    DROP TABLE card_action;
                    ALTER TABLE card_action_new RENAME TO card_action;
                    \(cardActionIndex)
                    """)
        }
        // When a card's text last changed (milliseconds; NULL: before this step, unknown): an
        // Anki export gives it as the note's modification time, so that Anki keeps edits made
        // there over an export that changed nothing (docs/ANKI.md).
        migrator.registerMigration("v7-text-changed") { db in
            try db.execute(sql: "ALTER TABLE card ADD COLUMN text_changed INTEGER")
        }
        return migrator
    }
}
