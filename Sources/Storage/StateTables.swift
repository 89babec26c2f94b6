/// The tables of migration `v3-typed-state`: the notebook's sync and exercise state, which v2 kept
/// as text in `meta`. Kept apart from Schema.swift for length; like every shipped step, never edited.
enum StateTables {
    static let sql = """
        -- Subscribed deck repositories (docs/SYNC.md); files that failed at the last import are
        -- read again at the next sync.
        CREATE TABLE deck_source (
            name TEXT PRIMARY KEY NOT NULL CHECK (name <> ''),
            url TEXT NOT NULL CHECK (url <> ''),
            path TEXT NOT NULL,
            branch TEXT NOT NULL,
            imported TEXT CHECK (imported IS NULL OR (length(imported) IN (40, 64) AND imported NOT GLOB '*[^0-9a-f]*'))
        ) STRICT;
        CREATE TABLE deck_source_pending_file (
            source TEXT NOT NULL REFERENCES deck_source(name) ON DELETE CASCADE,
            file TEXT NOT NULL CHECK (file <> ''),
            PRIMARY KEY (source, file)
        ) STRICT, WITHOUT ROWID;

        -- Conflict copies (card ids `id--conflict-…`) that hold this notebook's own version.
        CREATE TABLE local_conflict_copy (
            id TEXT PRIMARY KEY NOT NULL CHECK (id <> '' AND id NOT GLOB '*[^a-z0-9-]*')
        ) STRICT, WITHOUT ROWID;

        -- The progress remote: at most one row.
        CREATE TABLE progress_remote (
            one INTEGER PRIMARY KEY NOT NULL CHECK (one = 1),
            url TEXT NOT NULL CHECK (url <> ''),
            branch TEXT NOT NULL,
            imported TEXT CHECK (imported IS NULL OR (length(imported) IN (40, 64) AND imported NOT GLOB '*[^0-9a-f]*'))
        ) STRICT;

        -- This device's undone events not yet retracted by the progress sync.
        CREATE TABLE undone_event (
            seq INTEGER PRIMARY KEY NOT NULL CHECK (seq > 0)
        ) STRICT;

        -- Every checked exercise solution, in order (the verdicts suggest grades).
        CREATE TABLE exercise_attempt (
            rowid INTEGER PRIMARY KEY,
            card TEXT NOT NULL CHECK (card LIKE '%_/_%'),
            day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            time TEXT NOT NULL CHECK (time <> ''),
            language TEXT NOT NULL CHECK (language <> ''),
            verdict TEXT NOT NULL CHECK (verdict <> ''),
            passed INTEGER NOT NULL CHECK (passed >= 0),
            total INTEGER NOT NULL CHECK (total >= passed)
        ) STRICT;
        CREATE INDEX exercise_attempt_card ON exercise_attempt(card, rowid);
        """
}
