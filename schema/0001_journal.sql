-- 0001_journal.sql — the first praxis journal schema.
--
-- Conventions: local wall-clock date-times the learner thinks in are text
-- 'YYYY-MM-DD HH:MM:SS' (they sort as text and never shift with DST);
-- record-keeping times (created, updated, deleted) are UTC in the same form
-- with a trailing 'Z'.  UUIDs are lowercase RFC 4122 version 4 text.
-- Every foreign key is enforced (PRAGMA foreign_keys=ON at open).

-- An ongoing inquiry: a question followed across many entries and cycles.
CREATE TABLE inquiry (
	id         INTEGER PRIMARY KEY,              -- short id users type
	uuid       TEXT NOT NULL UNIQUE,             -- stable identity for export/import
	question   TEXT NOT NULL CHECK (length(question) > 0), -- what is being inquired into
	status     TEXT NOT NULL DEFAULT 'open'
	           CHECK (status IN ('open', 'closed')), -- closed inquiries stay readable
	opened_at  TEXT NOT NULL,                    -- local date-time it was opened
	closed_at  TEXT,                             -- local date-time it was closed, NULL while open
	summary    TEXT NOT NULL DEFAULT '',         -- closing summary written by the learner
	created_at TEXT NOT NULL,                    -- UTC, when the row was made
	updated_at TEXT NOT NULL                     -- UTC, last change
);

-- A snapshot of each template version the first time it is used, so old
-- entries keep their questions, metadata and citations after the file
-- changes or disappears.
CREATE TABLE template_version (
	template_id TEXT NOT NULL,                   -- the template's id, e.g. 'gibbs'
	version     INTEGER NOT NULL,                -- its declared version
	hash        TEXT NOT NULL,                   -- SHA-256 hex of the YAML text
	yaml        TEXT NOT NULL,                   -- the YAML text as first used
	first_used  TEXT NOT NULL,                   -- UTC, when it was first used
	PRIMARY KEY (template_id, version, hash)
) WITHOUT ROWID;

-- The unit of writing.
CREATE TABLE entry (
	id           INTEGER PRIMARY KEY,            -- short id users type
	uuid         TEXT NOT NULL UNIQUE,           -- stable identity for export/import
	frame        TEXT NOT NULL
	             CHECK (frame IN ('note', 'incident', 'period', 'inquiry')), -- how it is framed
	title        TEXT NOT NULL DEFAULT '',       -- may be empty: lists show the first words
	body         TEXT NOT NULL DEFAULT '',       -- Markdown
	occurred_at  TEXT NOT NULL,                  -- local date-time the entry is about
	period_start TEXT,                           -- 'YYYY-MM-DD', frame 'period' only
	period_end   TEXT,                           -- 'YYYY-MM-DD', inclusive, frame 'period' only
	created_at   TEXT NOT NULL,                  -- UTC
	updated_at   TEXT NOT NULL,                  -- UTC
	private      INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)), -- kept out of exports unless asked
	starred      INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1)), -- a mark kept from imports
	deleted_at   TEXT,                           -- UTC; non-NULL means in the trash
	inquiry_id   INTEGER REFERENCES inquiry(id) ON DELETE SET NULL, -- the inquiry it belongs to
	template_id  TEXT,                           -- template that produced it, if any
	template_version INTEGER,                    -- that template's version
	template_hash TEXT,                          -- and the hash of its text (template_version row)
	word_count   INTEGER NOT NULL DEFAULT 0,     -- words in title, body and answers (cached)
	CHECK ((frame = 'period') = (period_start IS NOT NULL AND period_end IS NOT NULL)
	       OR (frame <> 'period' AND period_start IS NULL AND period_end IS NULL)),
	CHECK (period_start IS NULL OR period_start <= period_end)
);
-- Newest-first listing with keyset paging: (occurred_at, id) is the key.
CREATE INDEX entry_live_by_time ON entry (occurred_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX entry_trash ON entry (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX entry_by_inquiry ON entry (inquiry_id, occurred_at) WHERE inquiry_id IS NOT NULL;
CREATE INDEX entry_by_frame ON entry (frame, occurred_at DESC, id DESC) WHERE deleted_at IS NULL;

-- One answer per template step answered in an entry.
CREATE TABLE answer (
	id          INTEGER PRIMARY KEY,
	entry_id    INTEGER NOT NULL REFERENCES entry(id) ON DELETE CASCADE, -- the entry
	step_id     TEXT NOT NULL,                   -- the template step's id
	position    INTEGER NOT NULL,                -- order of the step in the run
	kind        TEXT NOT NULL,                   -- the step kind (text, scale, choice, …)
	title       TEXT NOT NULL DEFAULT '',        -- the step's heading as shown
	prompt      TEXT NOT NULL DEFAULT '',        -- the prompt exactly as asked (expanded)
	value_text  TEXT,                            -- text, or the readable form of any value
	value_num   REAL,                            -- scale value
	value_ids   TEXT,                            -- choice/multi/outcome option ids, '\n'-separated
	measure     TEXT,                            -- scale measure name for reviews, e.g. 'confidence'
	lens        TEXT,                            -- the step's lens label
	depth       TEXT,                            -- the step's Mezirow depth label
	UNIQUE (entry_id, step_id)
);
CREATE INDEX answer_by_measure ON answer (measure) WHERE measure IS NOT NULL;

-- Tags: case-insensitive names, first spelling kept.
CREATE TABLE tag (
	id   INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE COLLATE NOCASE    -- without the leading '#'
);
CREATE TABLE entry_tag (
	entry_id INTEGER NOT NULL REFERENCES entry(id) ON DELETE CASCADE,
	tag_id   INTEGER NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
	explicit INTEGER NOT NULL DEFAULT 0,        -- 1: set with --tag, 0: found as #tag in the text
	PRIMARY KEY (entry_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX entry_tag_by_tag ON entry_tag (tag_id, entry_id);

-- People mentioned as @Name.
CREATE TABLE person (
	id        INTEGER PRIMARY KEY,
	name      TEXT NOT NULL UNIQUE COLLATE NOCASE, -- as written after '@'
	role      TEXT NOT NULL DEFAULT '',            -- e.g. 'line manager', used by anonymised export
	pseudonym TEXT NOT NULL DEFAULT ''             -- chosen stand-in name for anonymised export
);
CREATE TABLE entry_person (
	entry_id  INTEGER NOT NULL REFERENCES entry(id) ON DELETE CASCADE,
	person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
	PRIMARY KEY (entry_id, person_id)
) WITHOUT ROWID;
CREATE INDEX entry_person_by_person ON entry_person (person_id, entry_id);

-- Something the learner plans to try; what closes the action–reflection cycle.
CREATE TABLE action (
	id                 INTEGER PRIMARY KEY,
	uuid               TEXT NOT NULL UNIQUE,
	text               TEXT NOT NULL CHECK (length(text) > 0), -- what to try
	due_date           TEXT NOT NULL,            -- 'YYYY-MM-DD'
	status             TEXT NOT NULL DEFAULT 'open'
	                   CHECK (status IN ('open', 'done', 'dropped')),
	outcome            TEXT,                     -- worked, mixed, failed, not-yet, dropped
	planned_by         INTEGER NOT NULL REFERENCES entry(id) ON DELETE CASCADE, -- entry that planned it
	followed_up_by     INTEGER REFERENCES entry(id) ON DELETE SET NULL, -- entry that followed it up
	follow_up_template TEXT NOT NULL DEFAULT 'action-review', -- template for the follow-up
	position           INTEGER NOT NULL DEFAULT 0, -- order within the planning entry
	created_at         TEXT NOT NULL,            -- UTC
	updated_at         TEXT NOT NULL             -- UTC
);
CREATE INDEX action_open_by_due ON action (due_date, id) WHERE status = 'open';
CREATE INDEX action_by_planner ON action (planned_by);
CREATE INDEX action_by_follower ON action (followed_up_by) WHERE followed_up_by IS NOT NULL;

-- Unfinished work, saved often and resumed after a crash.
CREATE TABLE draft (
	id          INTEGER PRIMARY KEY,
	kind        TEXT NOT NULL CHECK (kind IN ('entry', 'run')), -- free writing or a template run
	entry_id    INTEGER REFERENCES entry(id) ON DELETE CASCADE, -- the entry being edited, if any
	action_id   INTEGER REFERENCES action(id) ON DELETE SET NULL, -- the action being followed up
	template_id TEXT,                            -- for runs: the template
	label       TEXT NOT NULL DEFAULT '',        -- a short description for lists
	payload     TEXT NOT NULL,                   -- the state: text, or JSON for runs
	created_at  TEXT NOT NULL,                   -- UTC
	updated_at  TEXT NOT NULL                    -- UTC
);

-- Full-text search over title, body, answers and tags.  A regular FTS5
-- table (it keeps its own copy of the text so snippet() and highlight()
-- work); rowid = entry.id.  Kept in sync by the triggers below, which
-- rebuild an entry's row whenever anything it is made of changes.
CREATE VIRTUAL TABLE entry_fts USING fts5 (
	title, body, answers, tags,
	tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER entry_fts_insert AFTER INSERT ON entry BEGIN
	INSERT INTO entry_fts (rowid, title, body, answers, tags)
	VALUES (new.id, new.title, new.body, '', '');
END;
CREATE TRIGGER entry_fts_delete AFTER DELETE ON entry BEGIN
	DELETE FROM entry_fts WHERE rowid = old.id;
END;
CREATE TRIGGER entry_fts_update AFTER UPDATE OF title, body ON entry BEGIN
	UPDATE entry_fts SET title = new.title, body = new.body WHERE rowid = new.id;
END;
CREATE TRIGGER answer_fts_insert AFTER INSERT ON answer BEGIN
	UPDATE entry_fts SET answers = (
		SELECT coalesce(group_concat(prompt || ' ' || coalesce(value_text, ''), ' '), '')
		FROM answer WHERE entry_id = new.entry_id) WHERE rowid = new.entry_id;
END;
CREATE TRIGGER answer_fts_delete AFTER DELETE ON answer BEGIN
	UPDATE entry_fts SET answers = (
		SELECT coalesce(group_concat(prompt || ' ' || coalesce(value_text, ''), ' '), '')
		FROM answer WHERE entry_id = old.entry_id) WHERE rowid = old.entry_id;
END;
CREATE TRIGGER entry_tag_fts_insert AFTER INSERT ON entry_tag BEGIN
	UPDATE entry_fts SET tags = (
		SELECT coalesce(group_concat(t.name, ' '), '')
		FROM entry_tag et JOIN tag t ON t.id = et.tag_id WHERE et.entry_id = new.entry_id)
	WHERE rowid = new.entry_id;
END;
CREATE TRIGGER entry_tag_fts_delete AFTER DELETE ON entry_tag BEGIN
	UPDATE entry_fts SET tags = (
		SELECT coalesce(group_concat(t.name, ' '), '')
		FROM entry_tag et JOIN tag t ON t.id = et.tag_id WHERE et.entry_id = old.entry_id)
	WHERE rowid = old.entry_id;
END;
