import Foundation

/// Anki's collection layout at schema version 11: the one `collection.anki2` and
/// `collection.anki21` use, that every Anki since 2.0 imports, and that Anki still writes when
/// "Support older Anki versions" is ticked. Decks, note types and settings are JSON in `col`.
enum CollectionSchema {
    static let version = 11
    /// Separates the fields in `notes.flds`.
    static let fieldSeparator: Character = "\u{1f}"

    static let tables = """
        CREATE TABLE col (
            id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL,
            ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL,
            conf text NOT NULL, models text NOT NULL, decks text NOT NULL, dconf text NOT NULL, tags text NOT NULL);
        CREATE TABLE notes (
            id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL,
            usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL,
            csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
        CREATE TABLE cards (
            id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL,
            mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL,
            due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL, reps integer NOT NULL,
            lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL, odid integer NOT NULL,
            flags integer NOT NULL, data text NOT NULL);
        CREATE TABLE revlog (
            id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL,
            ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL,
            type integer NOT NULL);
        CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
        CREATE INDEX ix_notes_usn ON notes (usn);
        CREATE INDEX ix_cards_usn ON cards (usn);
        CREATE INDEX ix_revlog_usn ON revlog (usn);
        CREATE INDEX ix_cards_nid ON cards (nid);
        CREATE INDEX ix_cards_sched ON cards (did, queue, due);
        CREATE INDEX ix_revlog_cid ON revlog (cid);
        CREATE INDEX ix_notes_csum ON notes (csum);
        """

    /// The deck options group every deck points at (`conf: 1`): Anki's defaults.
    static var defaultDeckConfig: [String: Any] {
        [
            "1": [
                "id": 1, "name": "Default", "mod": 0, "usn": 0, "maxTaken": 60, "autoplay": true, "timer": 0,
                "replayq": true, "dyn": false,
                "new": [
                    "bury": false, "delays": [1.0, 10.0], "initialFactor": 2500, "ints": [1, 4, 0], "order": 1,
                    "perDay": 20,
                ],
                "rev": [
                    "bury": false, "ease4": 1.3, "ivlFct": 1.0, "maxIvl": 36500, "perDay": 200, "hardFactor": 1.2,
                ],
                "lapse": ["delays": [10.0], "leechAction": 1, "leechFails": 8, "minInt": 1, "mult": 0.0],
            ] as [String: Any]
        ]
    }

    static func deckJSON(_ deck: AnkiDeck, modified: Int64) -> [String: Any] {
        [
            "id": deck.id, "name": deck.name, "mod": modified, "usn": -1, "lrnToday": [0, 0], "revToday": [0, 0],
            "newToday": [0, 0], "timeToday": [0, 0], "collapsed": false, "browserCollapsed": false, "desc": "",
            "dyn": 0, "conf": 1, "extendNew": 0, "extendRev": 0,
        ]
    }

    static func noteTypeJSON(_ type: AnkiNoteType, modified: Int64) -> [String: Any] {
        [
            "id": type.id, "name": type.name, "type": type.kind.rawValue, "mod": modified, "usn": -1, "sortf": 0,
            "did": NSNull(), "css": type.css, "tags": [String](), "vers": [Int](),
            "latexPre":
                "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
            "latexPost": "\\end{document}", "latexsvg": false,
            "req": type.templates.indices.map { [$0, "any", [0]] as [Any] },
            "flds": type.fields.enumerated().map { index, name in
                [
                    "name": name, "ord": index, "sticky": false, "rtl": false, "font": "Arial", "size": 20,
                    "media": [String](),
                ] as [String: Any]
            },
            "tmpls": type.templates.enumerated().map { index, template in
                [
                    "name": template.name, "ord": index, "qfmt": template.question, "afmt": template.answer,
                    "bqfmt": "", "bafmt": "", "did": NSNull(), "bfont": "", "bsize": 0,
                ] as [String: Any]
            },
        ]
    }

    static func json(_ value: Any) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
}
