-- 0001-initial.sql: schema version 1 of a Masthead site file.
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Applied by mh-store.c inside one transaction; PRAGMA user_version is set
-- by the store, not here. Positions keep the order editors gave (terms,
-- participants, partners, downloads, programme items) so that a dump of an
-- import reproduces the interchange file exactly.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- Asset bytes are stored once per content hash; assets name them.
CREATE TABLE blobs (
  sha256 TEXT PRIMARY KEY CHECK (length (sha256) = 64),
  data   BLOB NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE assets (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE CHECK (name <> ''),
  media_type TEXT NOT NULL,
  sha256     TEXT NOT NULL REFERENCES blobs (sha256),
  size       INTEGER NOT NULL,
  alt        TEXT,
  credit     TEXT
) STRICT;

CREATE TABLE vocabularies (
  id           INTEGER PRIMARY KEY,
  key          TEXT NOT NULL UNIQUE CHECK (key <> ''),
  name         TEXT NOT NULL,
  hierarchical INTEGER NOT NULL DEFAULT 0 CHECK (hierarchical IN (0, 1)),
  position     INTEGER NOT NULL
) STRICT;

CREATE TABLE terms (
  id            INTEGER PRIMARY KEY,
  vocabulary_id INTEGER NOT NULL REFERENCES vocabularies (id) ON DELETE CASCADE,
  parent_id     INTEGER REFERENCES terms (id) ON DELETE CASCADE,
  slug          TEXT NOT NULL CHECK (slug <> ''),
  name          TEXT NOT NULL,
  description   TEXT,
  weight        INTEGER NOT NULL DEFAULT 0,
  UNIQUE (vocabulary_id, slug)
) STRICT;
CREATE INDEX terms_parent ON terms (vocabulary_id, parent_id, weight);

CREATE TABLE term_aliases (
  term_id INTEGER NOT NULL REFERENCES terms (id) ON DELETE CASCADE,
  slug    TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (term_id, slug)
) STRICT, WITHOUT ROWID;

CREATE TABLE term_translations (
  term_id     INTEGER NOT NULL REFERENCES terms (id) ON DELETE CASCADE,
  lang        TEXT NOT NULL,
  name        TEXT NOT NULL,
  description TEXT,
  PRIMARY KEY (term_id, lang)
) STRICT, WITHOUT ROWID;

CREATE TABLE organisations (
  id            INTEGER PRIMARY KEY,
  key           TEXT NOT NULL UNIQUE CHECK (key <> ''),
  name          TEXT NOT NULL,
  url           TEXT,
  logo_asset_id INTEGER REFERENCES assets (id) ON DELETE SET NULL
) STRICT;

CREATE TABLE people (
  id                INTEGER PRIMARY KEY,
  key               TEXT NOT NULL UNIQUE CHECK (key <> ''),
  given_name        TEXT,
  family_name       TEXT,
  family_name_first INTEGER NOT NULL DEFAULT 0 CHECK (family_name_first IN (0, 1)),
  honorific         TEXT,
  organisation      TEXT,
  job_title         TEXT,
  country_term_id   INTEGER REFERENCES terms (id) ON DELETE SET NULL,
  sector            TEXT,
  bio               TEXT,
  photo_asset_id    INTEGER REFERENCES assets (id) ON DELETE SET NULL,
  photo_credit      TEXT,
  -- Private: stored for the editors, never exported.
  email             TEXT,
  phone             TEXT,
  notes             TEXT,
  -- Consent to appear on published pages.
  public            INTEGER NOT NULL DEFAULT 0 CHECK (public IN (0, 1)),
  CHECK (coalesce (given_name, '') <> '' OR coalesce (family_name, '') <> '')
) STRICT;
CREATE INDEX people_family_name ON people (family_name COLLATE NOCASE, given_name COLLATE NOCASE);

CREATE TABLE entries (
  id             INTEGER PRIMARY KEY,
  uuid           TEXT NOT NULL UNIQUE,
  kind           TEXT NOT NULL
                 CHECK (kind IN ('report', 'event', 'article', 'open_call', 'page')),
  title          TEXT NOT NULL,
  slug           TEXT NOT NULL UNIQUE CHECK (slug <> ''),
  status         TEXT NOT NULL DEFAULT 'draft'
                 CHECK (status IN ('draft', 'review', 'published', 'archived')),
  lang           TEXT,
  translation_of INTEGER REFERENCES entries (id) ON DELETE SET NULL,
  date           TEXT,
  summary        TEXT,
  body_md        TEXT NOT NULL DEFAULT '',
  cover_asset_id INTEGER REFERENCES assets (id) ON DELETE SET NULL,
  cover_alt      TEXT,
  cover_credit   TEXT,
  authors        TEXT,    -- JSON array of strings
  posted_by      TEXT,
  series         TEXT,
  hashtags       TEXT,    -- JSON array of strings
  website        TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,

  -- kind = 'event'
  event_start          TEXT,
  event_end            TEXT,
  event_time_zone      TEXT,
  event_all_day        INTEGER CHECK (event_all_day IN (0, 1)),
  event_venue          TEXT,
  event_city           TEXT,
  event_country_id     INTEGER REFERENCES terms (id) ON DELETE SET NULL,
  event_online         INTEGER CHECK (event_online IN (0, 1)),
  event_format         TEXT,
  participants_planned INTEGER CHECK (participants_planned >= 0),
  participants_actual  INTEGER CHECK (participants_actual >= 0),

  -- kind = 'report'
  report_publisher     TEXT,
  report_event_id      INTEGER REFERENCES entries (id) ON DELETE SET NULL,

  -- kind = 'open_call'
  call_category        TEXT,
  call_deadline        TEXT
) STRICT;
CREATE INDEX entries_kind_status_date ON entries (kind, status, date);
CREATE INDEX entries_date ON entries (date);
CREATE INDEX entries_updated ON entries (updated_at);
CREATE INDEX entries_title ON entries (title COLLATE NOCASE);

-- Slugs an entry had before; the export redirects them.
CREATE TABLE entry_aliases (
  slug     TEXT PRIMARY KEY,
  entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
  position INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX entry_aliases_entry ON entry_aliases (entry_id);

CREATE TABLE entry_terms (
  entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
  term_id  INTEGER NOT NULL REFERENCES terms (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  PRIMARY KEY (entry_id, term_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX entry_terms_term ON entry_terms (term_id);

CREATE TABLE entry_partners (
  entry_id        INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
  organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  relation        TEXT NOT NULL
                  CHECK (relation IN ('organiser', 'co-organiser', 'funder', 'support', 'media-partner')),
  position        INTEGER NOT NULL,
  PRIMARY KEY (entry_id, organisation_id, relation)
) STRICT, WITHOUT ROWID;

-- Editor-pinned "similar content".
CREATE TABLE entry_related (
  entry_id   INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
  related_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  PRIMARY KEY (entry_id, related_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE participations (
  id          INTEGER PRIMARY KEY,
  entry_id    INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
  person_id   INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  role        TEXT NOT NULL DEFAULT 'participant',
  group_label TEXT,
  position    INTEGER NOT NULL
) STRICT;
CREATE INDEX participations_entry ON participations (entry_id, position);
CREATE INDEX participations_person ON participations (person_id);

CREATE TABLE programme_items (
  id       INTEGER PRIMARY KEY,
  entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
  start    TEXT,
  end      TEXT,
  title    TEXT NOT NULL,
  venue    TEXT,
  position INTEGER NOT NULL
) STRICT;
CREATE INDEX programme_items_entry ON programme_items (entry_id, position);

CREATE TABLE report_downloads (
  id       INTEGER PRIMARY KEY,
  entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
  asset_id INTEGER NOT NULL REFERENCES assets (id),
  title    TEXT,
  lang     TEXT,
  position INTEGER NOT NULL
) STRICT;
CREATE INDEX report_downloads_entry ON report_downloads (entry_id, position);

CREATE TABLE call_countries (
  entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
  term_id  INTEGER NOT NULL REFERENCES terms (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  PRIMARY KEY (entry_id, term_id)
) STRICT, WITHOUT ROWID;

-- A snapshot of an entry before each change made in the editor.
CREATE TABLE revisions (
  id         INTEGER PRIMARY KEY,
  entry_id   INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  title      TEXT NOT NULL,
  summary    TEXT,
  body_md    TEXT NOT NULL,
  fields     TEXT NOT NULL   -- JSON object of the other columns
) STRICT;
CREATE INDEX revisions_entry ON revisions (entry_id, id);

-- Full-text search over title, summary and body, accent-insensitive
-- ("Cerna" finds "Černá"), kept current by the triggers below.
CREATE VIRTUAL TABLE entries_fts USING fts5 (
  title, summary, body_md,
  content = 'entries',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN
  INSERT INTO entries_fts (rowid, title, summary, body_md)
    VALUES (new.id, new.title, new.summary, new.body_md);
END;

CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
  INSERT INTO entries_fts (entries_fts, rowid, title, summary, body_md)
    VALUES ('delete', old.id, old.title, old.summary, old.body_md);
END;

CREATE TRIGGER entries_fts_update AFTER UPDATE OF title, summary, body_md ON entries BEGIN
  INSERT INTO entries_fts (entries_fts, rowid, title, summary, body_md)
    VALUES ('delete', old.id, old.title, old.summary, old.body_md);
  INSERT INTO entries_fts (rowid, title, summary, body_md)
    VALUES (new.id, new.title, new.summary, new.body_md);
END;
