/* mh-store-entries.c: reading, saving and querying entries
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mh-store"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "mh-entry-private.h"
#include "mh-slug.h"
#include "mh-store-entries.h"
#include "mh-store-private.h"

/* How an entry is read: the same columns, in the same order, from its row
 * (e) or from one of its revisions (r, joined with its entry e). T names a
 * column the revisions table has itself, C one kept in revisions.fields; a
 * key missing from an older revision's fields reads the entry's current
 * value. References are read as the name or slug they point at. */
#define ASSET_NAME(x) "(SELECT a.name FROM assets a WHERE a.id = " x ")"
#define ENTRY_SLUG(x) "(SELECT s.slug FROM entries s WHERE s.id = " x ")"
#define COUNTRY_REF(x) \
  "(SELECT CASE WHEN v.key = 'countries' THEN t.slug ELSE v.key || '/' || t.slug END " \
  "FROM terms t JOIN vocabularies v ON v.id = t.vocabulary_id WHERE t.id = " x ")"

#define ENTRY_SELECT(T, C, UPDATED) \
  "SELECT e.id, e.uuid, e.kind, " T ("title") ", " C ("slug") ", " C ("status") ", " \
  C ("lang") ", " C ("date") ", " T ("summary") ", " T ("body_md") ", " \
  C ("event_start") ", " C ("event_end") ", " C ("call_deadline") ", " UPDATED ", " \
  ASSET_NAME (C ("cover_asset_id")) ", " C ("cover_alt") ", " C ("cover_credit") ", " \
  C ("authors") ", " C ("posted_by") ", " C ("series") ", " C ("hashtags") ", " \
  C ("website") ", " ENTRY_SLUG (C ("translation_of")) ", " C ("event_time_zone") ", " \
  C ("event_all_day") ", " C ("event_venue") ", " C ("event_city") ", " \
  COUNTRY_REF (C ("event_country_id")) ", " C ("event_online") ", " C ("event_format") ", " \
  C ("participants_planned") ", " C ("participants_actual") ", " C ("report_publisher") ", " \
  ENTRY_SLUG (C ("report_event_id")) ", " C ("call_category") " "

#define E(col) "e." col
#define RT(col) "r." col
#define RF(col) \
  "(CASE WHEN json_type (r.fields, '$." col "') IS NULL THEN e." col " " \
  "ELSE json_extract (r.fields, '$." col "') END)"

#define ENTRY_SQL ENTRY_SELECT (E, E, "e.updated_at") "FROM entries e "
#define REVISION_ENTRY_SQL \
  ENTRY_SELECT (RT, RF, "r.created_at") \
  "FROM revisions r JOIN entries e ON e.id = r.entry_id WHERE r.id = ?1"

/* Everything of an entry that a revision keeps besides title, summary and
 * body: every other column but the identity (id, uuid, kind) and times,
 * and every list, each row with its position. Ids are kept rather than
 * names so that renaming a term or asset does not break old revisions;
 * json () keeps the lists JSON across the subquery boundary. */
#define LIST_JSON(key, object, from) \
  ", '" key "', json ((SELECT json_group_array (json_object (" object ")) FROM (" from ")))"

#define FIELDS_JSON \
  "json_object ('slug', e.slug, 'status', e.status, 'lang', e.lang, " \
  "'translation_of', e.translation_of, 'date', e.date, 'cover_asset_id', e.cover_asset_id, " \
  "'cover_alt', e.cover_alt, 'cover_credit', e.cover_credit, 'authors', e.authors, " \
  "'posted_by', e.posted_by, 'series', e.series, 'hashtags', e.hashtags, " \
  "'website', e.website, 'event_start', e.event_start, 'event_end', e.event_end, " \
  "'event_time_zone', e.event_time_zone, 'event_all_day', e.event_all_day, " \
  "'event_venue', e.event_venue, 'event_city', e.event_city, " \
  "'event_country_id', e.event_country_id, 'event_online', e.event_online, " \
  "'event_format', e.event_format, 'participants_planned', e.participants_planned, " \
  "'participants_actual', e.participants_actual, 'report_publisher', e.report_publisher, " \
  "'report_event_id', e.report_event_id, 'call_category', e.call_category, " \
  "'call_deadline', e.call_deadline" \
  LIST_JSON ("terms", "'term_id', term_id, 'position', position", \
             "SELECT * FROM entry_terms WHERE entry_id = e.id ORDER BY position, term_id") \
  LIST_JSON ("partners", \
             "'organisation_id', organisation_id, 'relation', relation, 'position', position", \
             "SELECT * FROM entry_partners WHERE entry_id = e.id " \
             "ORDER BY position, organisation_id") \
  LIST_JSON ("related", "'related_id', related_id, 'position', position", \
             "SELECT * FROM entry_related WHERE entry_id = e.id ORDER BY position, related_id") \
  LIST_JSON ("programme", \
             "'start', start, 'end', end, 'title', title, 'venue', venue, 'position', position", \
             "SELECT * FROM programme_items WHERE entry_id = e.id ORDER BY position, id") \
  LIST_JSON ("downloads", \
             "'asset_id', asset_id, 'title', title, 'lang', lang, 'position', position", \
             "SELECT * FROM report_downloads WHERE entry_id = e.id ORDER BY position, id") \
  LIST_JSON ("eligible_countries", "'term_id', term_id, 'position', position", \
             "SELECT * FROM call_countries WHERE entry_id = e.id ORDER BY position, term_id") \
  LIST_JSON ("participants", \
             "'person_id', person_id, 'role', role, 'group_label', group_label, " \
             "'position', position", \
             "SELECT * FROM participations WHERE entry_id = e.id ORDER BY position, id") \
  ")"

/* What an entry is now, as a revision would keep it. */
typedef struct
{
  char *title;
  char *summary;
  char *body;
  char *fields;
  char *updated_at;
} EntryState;

static void
entry_state_clear (EntryState *state)
{
  g_clear_pointer (&state->title, g_free);
  g_clear_pointer (&state->summary, g_free);
  g_clear_pointer (&state->body, g_free);
  g_clear_pointer (&state->fields, g_free);
  g_clear_pointer (&state->updated_at, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EntryState, entry_state_clear)

static gboolean
entry_state_equal (const EntryState *a,
                   const EntryState *b)
{
  return g_strcmp0 (a->title, b->title) == 0 && g_strcmp0 (a->summary, b->summary) == 0 &&
         g_strcmp0 (a->body, b->body) == 0 && g_strcmp0 (a->fields, b->fields) == 0;
}

/* A JSON array of strings, as the entries table keeps authors and
 * hashtags (and as the site interchange file imports them). */
static char **
strv_from_json (const char *json)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonNode *root;
  JsonArray *array;

  if (json == NULL)
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, json, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_warning ("Ignoring a list that is not a JSON array: %s", json);
      return NULL;
    }

  builder = g_strv_builder_new ();
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *item = json_array_get_string_element (array, i);

      if (item != NULL)
        g_strv_builder_add (builder, item);
    }
  return g_strv_builder_end (builder);
}

static char *
strv_to_json (const char * const *strv)
{
  g_autoptr(JsonArray) array = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (strv == NULL || strv[0] == NULL)
    return NULL;

  array = json_array_new ();
  for (guint i = 0; strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);
  node = json_node_init_array (json_node_alloc (), array);
  return json_to_string (node, FALSE);
}

static int
count_column (sqlite3_stmt *stmt,
              int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return -1;
  return (int) CLAMP (sqlite3_column_int64 (stmt, column), 0, G_MAXINT);
}

static void
set_kind_fields_from_row (MhEntry      *entry,
                          sqlite3_stmt *stmt)
{
  g_auto(GStrv) authors = strv_from_json (_mh_stmt_text (stmt, 17));
  g_auto(GStrv) hashtags = strv_from_json (_mh_stmt_text (stmt, 20));

  mh_entry_set_cover (entry, _mh_stmt_text (stmt, 14));
  mh_entry_set_cover_alt (entry, _mh_stmt_text (stmt, 15));
  mh_entry_set_cover_credit (entry, _mh_stmt_text (stmt, 16));
  mh_entry_set_authors (entry, (const char * const *) authors);
  mh_entry_set_posted_by (entry, _mh_stmt_text (stmt, 18));
  mh_entry_set_series (entry, _mh_stmt_text (stmt, 19));
  mh_entry_set_hashtags (entry, (const char * const *) hashtags);
  mh_entry_set_website (entry, _mh_stmt_text (stmt, 21));
  mh_entry_set_translation_of (entry, _mh_stmt_text (stmt, 22));
  mh_entry_set_time_zone (entry, _mh_stmt_text (stmt, 23));
  mh_entry_set_all_day (entry, sqlite3_column_int (stmt, 24) != 0);
  mh_entry_set_venue (entry, _mh_stmt_text (stmt, 25));
  mh_entry_set_city (entry, _mh_stmt_text (stmt, 26));
  mh_entry_set_country (entry, _mh_stmt_text (stmt, 27));
  mh_entry_set_online (entry, sqlite3_column_int (stmt, 28) != 0);
  mh_entry_set_event_format (entry, _mh_stmt_text (stmt, 29));
  mh_entry_set_participants_planned (entry, count_column (stmt, 30));
  mh_entry_set_participants_actual (entry, count_column (stmt, 31));
  mh_entry_set_publisher (entry, _mh_stmt_text (stmt, 32));
  mh_entry_set_report_event (entry, _mh_stmt_text (stmt, 33));
  mh_entry_set_call_category (entry, _mh_stmt_text (stmt, 34));
}

static MhEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  MhEntry *entry;
  MhEntryKind kind = MH_ENTRY_KIND_PAGE;
  MhEntryStatus status = MH_ENTRY_STATUS_DRAFT;

  mh_entry_kind_from_string (_mh_stmt_text (stmt, 2), &kind);
  mh_entry_status_from_string (_mh_stmt_text (stmt, 5), &status);

  entry = mh_entry_new (kind);
  g_object_freeze_notify (G_OBJECT (entry));
  mh_entry_set_title (entry, _mh_stmt_text (stmt, 3));
  mh_entry_set_slug (entry, _mh_stmt_text (stmt, 4));
  mh_entry_set_status (entry, status);
  mh_entry_set_language (entry, _mh_stmt_text (stmt, 6));
  mh_entry_set_date (entry, _mh_stmt_text (stmt, 7));
  mh_entry_set_summary (entry, _mh_stmt_text (stmt, 8));
  mh_entry_set_body (entry, _mh_stmt_text (stmt, 9));
  mh_entry_set_event_start (entry, _mh_stmt_text (stmt, 10));
  mh_entry_set_event_end (entry, _mh_stmt_text (stmt, 11));
  mh_entry_set_deadline (entry, _mh_stmt_text (stmt, 12));
  set_kind_fields_from_row (entry, stmt);
  _mh_entry_set_identity (entry, sqlite3_column_int64 (stmt, 0), _mh_stmt_text (stmt, 1),
                          _mh_stmt_text (stmt, 13));
  g_object_thaw_notify (G_OBJECT (entry));

  return entry;
}

static MhEntry *
fetch_one (MhStore      *self,
           sqlite3_stmt *stmt,
           const char   *missing,
           GError      **error)
{
  MhEntry *entry = NULL;
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    entry = entry_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, MH_STORE_ERROR, MH_STORE_ERROR_NOT_FOUND,
                 _("There is no entry “%s”"), missing);
  else
    _mh_store_set_error (self, error, "read an entry");

  sqlite3_reset (stmt);
  return entry;
}

/**
 * mh_store_get_entry:
 * @self: a store
 * @id: the entry's row id
 * @error: return location for an error
 *
 * Reads every field of an entry; its lists are read by
 * mh_store_get_entry_details().
 *
 * Returns: (transfer full): a new object for the entry, or %NULL
 */
MhEntry *
mh_store_get_entry (MhStore  *self,
                    gint64    id,
                    GError  **error)
{
  g_autofree char *missing = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MH_IS_STORE (self), NULL);

  stmt = _mh_store_prepare (self, ENTRY_SQL "WHERE e.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  missing = g_strdup_printf ("#%" G_GINT64_FORMAT, id);
  return fetch_one (self, stmt, missing, error);
}

/**
 * mh_store_find_entry:
 * @self: a store
 * @slug: the entry's slug, or one of its old slugs (aliases)
 * @error: return location for an error
 *
 * Returns: (transfer full): a new object for the entry, or %NULL
 */
MhEntry *
mh_store_find_entry (MhStore     *self,
                     const char  *slug,
                     GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MH_IS_STORE (self), NULL);
  g_return_val_if_fail (slug != NULL, NULL);

  stmt = _mh_store_prepare (self,
                            ENTRY_SQL "WHERE e.slug = ?1 "
                            "UNION ALL "
                            ENTRY_SQL "WHERE e.id = "
                            "(SELECT entry_id FROM entry_aliases WHERE slug = ?1) "
                            "LIMIT 1",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, slug, -1, SQLITE_TRANSIENT);
  return fetch_one (self, stmt, slug, error);
}

/* An entry as one of its revisions kept it: same id, uuid and kind; its
 * updated-at is when the revision was made. */
MhEntry *
_mh_store_read_revision_entry (MhStore  *self,
                               gint64    revision_id,
                               GError  **error)
{
  g_autofree char *missing = NULL;
  MhEntry *entry = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _mh_store_prepare (self, REVISION_ENTRY_SQL, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, revision_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    entry = entry_from_row (stmt);
  else if (rc == SQLITE_DONE)
    {
      missing = g_strdup_printf ("#%" G_GINT64_FORMAT, revision_id);
      g_set_error (error, MH_STORE_ERROR, MH_STORE_ERROR_NOT_FOUND,
                   _("There is no revision “%s”"), missing);
    }
  else
    _mh_store_set_error (self, error, "read a revision");
  sqlite3_reset (stmt);

  return entry;
}

/* UTC, to the millisecond: an entry's updated-at changes with every save
 * that changes it, even two in one second, so the export can tell a
 * changed entry by it. */
char *
_mh_store_now_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *seconds = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (now) / 1000);
}

/* Starts a transaction unless the caller already has one; *own says
 * whether _mh_store_end_own() must end it. */
gboolean
_mh_store_begin_own (MhStore   *self,
                     gboolean  *own,
                     GError   **error)
{
  if (!_mh_store_check_writable (self, error))
    return FALSE;
  *own = sqlite3_get_autocommit (_mh_store_get_db (self));
  return !*own || mh_store_begin (self, error);
}

/* Commits (ok) or rolls back (!ok) a transaction of _mh_store_begin_own().
 * A caller's own transaction is left alone: it rolls back itself. */
gboolean
_mh_store_end_own (MhStore   *self,
                   gboolean   own,
                   gboolean   ok,
                   GError   **error)
{
  if (!own)
    return ok;
  if (!ok)
    {
      mh_store_rollback (self);
      return FALSE;
    }
  return mh_store_commit (self, error);
}

gboolean
_mh_store_slug_taken (MhStore    *self,
                      const char *slug,
                      gint64      id)
{
  sqlite3_stmt *stmt;
  gboolean taken;

  stmt = _mh_store_prepare (self,
                            "SELECT 1 FROM entries WHERE slug = ?1 AND id <> ?2 "
                            "UNION ALL "
                            "SELECT 1 FROM entry_aliases WHERE slug = ?1 AND entry_id <> ?2",
                            NULL);
  if (stmt == NULL)
    return TRUE;
  sqlite3_bind_text (stmt, 1, slug, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  taken = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return taken;
}

/* A slug derived from the title, made unique with -2, -3 … */
static void
derive_slug (MhStore *self,
             MhEntry *entry)
{
  g_autofree char *base = mh_slugify (mh_entry_get_title (entry));
  g_autofree char *slug = g_strdup (base);

  for (guint n = 2; _mh_store_slug_taken (self, slug, mh_entry_get_id (entry)); n++)
    {
      g_free (slug);
      slug = g_strdup_printf ("%s-%u", base, n);
    }
  mh_entry_set_slug (entry, slug);
}

/* The slug must be valid and free: neither another entry's slug nor an
 * alias of another entry. */
static gboolean
check_slug (MhStore     *self,
            MhEntry     *entry,
            GError     **error)
{
  const char *slug = mh_entry_get_slug (entry);

  if (!mh_slug_validate (slug, error))
    return FALSE;

  if (_mh_store_slug_taken (self, slug, mh_entry_get_id (entry)))
    {
      g_set_error (error, MH_STORE_ERROR, MH_STORE_ERROR_EXISTS,
                   _("Another entry already uses the slug “%s”. Choose another one."), slug);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_state (MhStore     *self,
            gint64       id,
            EntryState  *state,
            GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _mh_store_prepare (self,
                            "SELECT e.title, e.summary, e.body_md, " FIELDS_JSON ", e.updated_at "
                            "FROM entries e WHERE e.id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      state->title = g_strdup (_mh_stmt_text (stmt, 0));
      state->summary = g_strdup (_mh_stmt_text (stmt, 1));
      state->body = g_strdup (_mh_stmt_text (stmt, 2));
      state->fields = g_strdup (_mh_stmt_text (stmt, 3));
      state->updated_at = g_strdup (_mh_stmt_text (stmt, 4));
    }
  else if (rc == SQLITE_DONE)
    {
      g_autofree char *missing = g_strdup_printf ("#%" G_GINT64_FORMAT, id);

      g_set_error (error, MH_STORE_ERROR, MH_STORE_ERROR_NOT_FOUND,
                   _("There is no entry “%s”"), missing);
    }
  else
    _mh_store_set_error (self, error, "read an entry");
  sqlite3_reset (stmt);

  return rc == SQLITE_ROW;
}

static gboolean
insert_revision (MhStore           *self,
                 gint64             id,
                 const EntryState  *state,
                 const char        *now,
                 GError           **error)
{
  sqlite3_stmt *stmt;

  stmt = _mh_store_prepare (self,
                            "INSERT INTO revisions (entry_id, created_at, title, summary, "
                            "body_md, fields) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, state->title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, state->summary, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, state->body, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, state->fields, -1, SQLITE_TRANSIENT);
  return _mh_store_step_done (self, stmt, error);
}

/* Keeps the entry as it is now as a new revision. */
gboolean
_mh_store_keep_revision (MhStore     *self,
                         gint64       id,
                         const char  *now,
                         GError     **error)
{
  g_auto(EntryState) state = { NULL, };

  return read_state (self, id, &state, error) && insert_revision (self, id, &state, now, error);
}

/* Whether the entry's newest revision is younger than the autosave
 * interval. */
static gboolean
has_recent_revision (MhStore    *self,
                     gint64      id,
                     const char *now)
{
  g_autoptr(GDateTime) then = NULL;
  g_autoptr(GDateTime) current = g_date_time_new_from_iso8601 (now, NULL);
  sqlite3_stmt *stmt;

  stmt = _mh_store_prepare (self,
                            "SELECT created_at FROM revisions WHERE entry_id = ?1 "
                            "ORDER BY id DESC LIMIT 1",
                            NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    then = g_date_time_new_from_iso8601 (_mh_stmt_text (stmt, 0), NULL);
  sqlite3_reset (stmt);

  return then != NULL && current != NULL &&
         g_date_time_difference (current, then) <
           MH_AUTOSAVE_REVISION_INTERVAL * G_TIME_SPAN_SECOND;
}

/* A published entry whose slug changes keeps its old slug as an alias, so
 * that its old address keeps working; an entry may take back one of its
 * own old slugs. */
static gboolean
keep_alias (MhStore     *self,
            MhEntry     *entry,
            GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = _mh_store_prepare (self,
                            "INSERT OR IGNORE INTO entry_aliases (slug, entry_id, position) "
                            "SELECT slug, id, (SELECT count(*) FROM entry_aliases "
                            "WHERE entry_id = ?1) FROM entries "
                            "WHERE id = ?1 AND status = 'published' AND slug <> ?2",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, mh_entry_get_id (entry));
  sqlite3_bind_text (stmt, 2, mh_entry_get_slug (entry), -1, SQLITE_TRANSIENT);
  if (!_mh_store_step_done (self, stmt, error))
    return FALSE;

  stmt = _mh_store_prepare (self, "DELETE FROM entry_aliases WHERE slug = ?1 AND entry_id = ?2",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, mh_entry_get_slug (entry), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, mh_entry_get_id (entry));
  return _mh_store_step_done (self, stmt, error);
}

/* Parameters of the INSERT and UPDATE below. */
enum {
  P_TITLE = 1, P_SLUG, P_STATUS, P_LANG, P_DATE, P_SUMMARY, P_BODY, P_EVENT_START,
  P_EVENT_END, P_DEADLINE, P_UPDATED_AT, P_UUID, P_KIND, P_ID, P_COVER, P_COVER_ALT,
  P_COVER_CREDIT, P_AUTHORS, P_POSTED_BY, P_SERIES, P_HASHTAGS, P_WEBSITE, P_TRANSLATION_OF,
  P_TIME_ZONE, P_ALL_DAY, P_VENUE, P_CITY, P_COUNTRY, P_ONLINE, P_FORMAT, P_PLANNED,
  P_ACTUAL, P_PUBLISHER, P_REPORT_EVENT, P_CATEGORY,
};

#define WRITE_COLUMNS \
  "title, slug, status, lang, date, summary, body_md, event_start, event_end, call_deadline, " \
  "updated_at, cover_asset_id, cover_alt, cover_credit, authors, posted_by, series, hashtags, " \
  "website, translation_of, event_time_zone, event_all_day, event_venue, event_city, " \
  "event_country_id, event_online, event_format, participants_planned, participants_actual, " \
  "report_publisher, report_event_id, call_category"
#define WRITE_VALUES \
  "?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, " \
  "?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35"

static void
bind_text (sqlite3_stmt *stmt,
           int           param,
           const char   *text)
{
  sqlite3_bind_text (stmt, param, text, -1, SQLITE_TRANSIENT);
}

static void
bind_id (sqlite3_stmt *stmt,
         int           param,
         gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, param, id);
}

/* A false flag and an unset count are stored as NULL, as the site
 * interchange file leaves them out. */
static void
bind_kind_fields (sqlite3_stmt        *stmt,
                  MhEntry             *entry,
                  const MhEntryRefIds *refs)
{
  g_autofree char *authors = strv_to_json (mh_entry_get_authors (entry));
  g_autofree char *hashtags = strv_to_json (mh_entry_get_hashtags (entry));

  bind_id (stmt, P_COVER, refs->cover);
  bind_text (stmt, P_COVER_ALT, mh_entry_get_cover_alt (entry));
  bind_text (stmt, P_COVER_CREDIT, mh_entry_get_cover_credit (entry));
  bind_text (stmt, P_AUTHORS, authors);
  bind_text (stmt, P_POSTED_BY, mh_entry_get_posted_by (entry));
  bind_text (stmt, P_SERIES, mh_entry_get_series (entry));
  bind_text (stmt, P_HASHTAGS, hashtags);
  bind_text (stmt, P_WEBSITE, mh_entry_get_website (entry));
  bind_id (stmt, P_TRANSLATION_OF, refs->translation_of);
  bind_text (stmt, P_TIME_ZONE, mh_entry_get_time_zone (entry));
  if (mh_entry_get_all_day (entry))
    sqlite3_bind_int (stmt, P_ALL_DAY, 1);
  bind_text (stmt, P_VENUE, mh_entry_get_venue (entry));
  bind_text (stmt, P_CITY, mh_entry_get_city (entry));
  bind_id (stmt, P_COUNTRY, refs->country);
  if (mh_entry_get_online (entry))
    sqlite3_bind_int (stmt, P_ONLINE, 1);
  bind_text (stmt, P_FORMAT, mh_entry_get_event_format (entry));
  if (mh_entry_get_participants_planned (entry) >= 0)
    sqlite3_bind_int (stmt, P_PLANNED, mh_entry_get_participants_planned (entry));
  if (mh_entry_get_participants_actual (entry) >= 0)
    sqlite3_bind_int (stmt, P_ACTUAL, mh_entry_get_participants_actual (entry));
  bind_text (stmt, P_PUBLISHER, mh_entry_get_publisher (entry));
  bind_id (stmt, P_REPORT_EVENT, refs->report_event);
  bind_text (stmt, P_CATEGORY, mh_entry_get_call_category (entry));
}

static void
bind_entry_fields (sqlite3_stmt *stmt,
                   MhEntry      *entry)
{
  const char *title = mh_entry_get_title (entry);
  const char *body = mh_entry_get_body (entry);

  bind_text (stmt, P_TITLE, title ? title : "");
  bind_text (stmt, P_SLUG, mh_entry_get_slug (entry));
  sqlite3_bind_text (stmt, P_STATUS, mh_entry_status_to_string (mh_entry_get_status (entry)), -1,
                     SQLITE_STATIC);
  bind_text (stmt, P_LANG, mh_entry_get_language (entry));
  bind_text (stmt, P_DATE, mh_entry_get_date (entry));
  bind_text (stmt, P_SUMMARY, mh_entry_get_summary (entry));
  bind_text (stmt, P_BODY, body ? body : "");
  bind_text (stmt, P_EVENT_START, mh_entry_get_event_start (entry));
  bind_text (stmt, P_EVENT_END, mh_entry_get_event_end (entry));
  bind_text (stmt, P_DEADLINE, mh_entry_get_deadline (entry));
}

static gboolean
write_entry (MhStore              *self,
             MhEntry              *entry,
             const MhEntryRefIds  *refs,
             const char           *now,
             const char           *uuid,
             GError              **error)
{
  sqlite3_stmt *stmt;
  gint64 id = mh_entry_get_id (entry);

  if (id == 0)
    stmt = _mh_store_prepare (self,
                              "INSERT INTO entries (" WRITE_COLUMNS ", created_at, uuid, kind) "
                              "VALUES (" WRITE_VALUES ", ?11, ?12, ?13)",
                              error);
  else
    stmt = _mh_store_prepare (self,
                              "UPDATE entries SET (" WRITE_COLUMNS ") = (" WRITE_VALUES ") "
                              "WHERE id = ?14",
                              error);
  if (stmt == NULL)
    return FALSE;

  bind_entry_fields (stmt, entry);
  bind_kind_fields (stmt, entry, refs);
  bind_text (stmt, P_UPDATED_AT, now);
  if (id == 0)
    {
      bind_text (stmt, P_UUID, uuid);
      sqlite3_bind_text (stmt, P_KIND, mh_entry_kind_to_string (mh_entry_get_kind (entry)), -1,
                         SQLITE_STATIC);
    }
  else
    sqlite3_bind_int64 (stmt, P_ID, id);

  return _mh_store_step_done (self, stmt, error);
}

static gboolean
set_updated_at (MhStore     *self,
                gint64       id,
                const char  *updated_at,
                GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = _mh_store_prepare (self, "UPDATE entries SET updated_at = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  bind_text (stmt, 2, updated_at);
  return _mh_store_step_done (self, stmt, error);
}

/* After an update: keeps what the entry was as a revision, unless nothing
 * changed (then updated-at goes back too) or an autosave already has a
 * recent one. Returns the entry's updated-at in *updated_at. */
static gboolean
keep_history (MhStore           *self,
              gint64             id,
              const EntryState  *before,
              guint              flags,
              const char        *now,
              const char       **updated_at,
              GError           **error)
{
  g_auto(EntryState) after = { NULL, };

  if (!read_state (self, id, &after, error))
    return FALSE;

  if (entry_state_equal (before, &after))
    {
      *updated_at = before->updated_at;
      return set_updated_at (self, id, before->updated_at, error);
    }

  *updated_at = now;
  if ((flags & MH_SAVE_AUTOSAVE) && has_recent_revision (self, id, now))
    return TRUE;
  return insert_revision (self, id, before, now, error);
}

/* The work of mh_store_save_entry_full(), inside a transaction. @entry's
 * id, uuid and updated-at are only set when the transaction commits. */
static gboolean
save_entry (MhStore         *self,
            MhEntry         *entry,
            MhEntryDetails  *details,
            guint            flags,
            const char      *now,
            gint64          *id,
            const char      *uuid,
            char           **updated_at,
            GError         **error)
{
  g_auto(EntryState) before = { NULL, };
  MhEntryRefIds refs = { 0, };
  const char *stamp = now;

  *id = mh_entry_get_id (entry);
  if (mh_entry_get_slug (entry) == NULL)
    derive_slug (self, entry);

  if (!check_slug (self, entry, error) ||
      !_mh_store_resolve_entry_refs (self, entry, &refs, error) ||
      (*id != 0 && (!read_state (self, *id, &before, error) || !keep_alias (self, entry, error))) ||
      !write_entry (self, entry, &refs, now, uuid, error))
    return FALSE;

  if (*id == 0)
    *id = sqlite3_last_insert_rowid (_mh_store_get_db (self));

  if ((details != NULL && !_mh_store_write_details (self, *id, details, error)) ||
      (before.fields != NULL && !keep_history (self, *id, &before, flags, now, &stamp, error)))
    return FALSE;

  *updated_at = g_strdup (stamp);
  _mh_store_emit_changed (self);
  return TRUE;
}

/* Saves inside the caller's transaction, setting @entry's identity at
 * once: for services that save several entries in one transaction. The
 * caller rolls back on failure. */
gboolean
_mh_store_save_entry_locked (MhStore         *self,
                             MhEntry         *entry,
                             MhEntryDetails  *details,
                             guint            flags,
                             GError         **error)
{
  g_autofree char *now = _mh_store_now_utc ();
  g_autofree char *uuid = NULL;
  g_autofree char *updated_at = NULL;
  gint64 id = 0;

  if (!mh_entry_validate (entry, error))
    return FALSE;

  uuid = mh_entry_get_id (entry) == 0 ? g_uuid_string_random ()
                                      : g_strdup (mh_entry_get_uuid (entry));
  if (!save_entry (self, entry, details, flags, now, &id, uuid, &updated_at, error))
    return FALSE;

  _mh_entry_set_identity (entry, id, uuid, updated_at);
  return TRUE;
}

/**
 * mh_store_save_entry_full:
 * @self: a store
 * @entry: the entry to insert (id 0) or update
 * @details: (nullable): the entry's lists, each replacing the stored list
 *   as a whole; %NULL leaves the lists as they are
 * @flags: how to keep history
 * @error: return location for an error
 *
 * Checks @entry with mh_entry_validate(), then saves its fields and
 * @details in one transaction. References (cover asset, country term,
 * translated entry, report event, and those in the lists) are looked up by
 * name or slug; an unknown one is a %MH_STORE_ERROR_INVALID error naming
 * the field and the value, and nothing is saved.
 *
 * An update keeps the previous version (every field and list) as a
 * revision; see #MhSaveFlags. A save that changes nothing keeps no
 * revision and leaves updated-at as it was. A published entry whose slug
 * changes keeps its old slug as an alias. An entry without a slug gets one
 * derived from its title. On success @entry's id, uuid and updated-at are
 * set.
 *
 * Returns: %TRUE on success
 */
gboolean
mh_store_save_entry_full (MhStore         *self,
                          MhEntry         *entry,
                          MhEntryDetails  *details,
                          MhSaveFlags      flags,
                          GError         **error)
{
  g_autofree char *now = _mh_store_now_utc ();
  g_autofree char *uuid = NULL;
  g_autofree char *updated_at = NULL;
  gboolean own;
  gboolean ok;
  gint64 id = 0;

  g_return_val_if_fail (MH_IS_STORE (self), FALSE);
  g_return_val_if_fail (MH_IS_ENTRY (entry), FALSE);
  g_return_val_if_fail (details == NULL || MH_IS_ENTRY_DETAILS (details), FALSE);

  if (!mh_entry_validate (entry, error) || !_mh_store_begin_own (self, &own, error))
    return FALSE;

  uuid = mh_entry_get_id (entry) == 0 ? g_uuid_string_random ()
                                      : g_strdup (mh_entry_get_uuid (entry));
  ok = save_entry (self, entry, details, flags, now, &id, uuid, &updated_at, error);
  if (!_mh_store_end_own (self, own, ok, error))
    return FALSE;

  _mh_entry_set_identity (entry, id, uuid, updated_at);
  return TRUE;
}

/**
 * mh_store_save_entry:
 * @self: a store
 * @entry: the entry to insert (id 0) or update
 * @error: return location for an error
 *
 * Saves @entry's fields (not its lists): mh_store_save_entry_full() with
 * no details and %MH_SAVE_DEFAULT.
 *
 * Returns: %TRUE on success
 */
gboolean
mh_store_save_entry (MhStore  *self,
                     MhEntry  *entry,
                     GError  **error)
{
  return mh_store_save_entry_full (self, entry, NULL, MH_SAVE_DEFAULT, error);
}

/**
 * mh_store_get_entry_details:
 * @self: a store
 * @entry_id: the entry's row id
 * @error: return location for an error
 *
 * Reads every list of an entry, with the rows' labels filled in.
 *
 * Returns: (transfer full): the lists, or %NULL
 */
MhEntryDetails *
mh_store_get_entry_details (MhStore  *self,
                            gint64    entry_id,
                            GError  **error)
{
  g_return_val_if_fail (MH_IS_STORE (self), NULL);
  return _mh_store_read_details (self, entry_id, FALSE, error);
}

/**
 * mh_store_save_entry_details:
 * @self: a store
 * @entry_id: the entry's row id
 * @details: the lists
 * @error: return location for an error
 *
 * Replaces every list of an entry, leaving its fields alone, in one
 * transaction that keeps a revision and updates updated-at, as saving the
 * entry does.
 *
 * Returns: %TRUE on success
 */
gboolean
mh_store_save_entry_details (MhStore         *self,
                             gint64           entry_id,
                             MhEntryDetails  *details,
                             GError         **error)
{
  g_autoptr(MhEntry) entry = NULL;
  gboolean own;
  gboolean ok;

  g_return_val_if_fail (MH_IS_STORE (self), FALSE);
  g_return_val_if_fail (MH_IS_ENTRY_DETAILS (details), FALSE);

  if (!_mh_store_begin_own (self, &own, error))
    return FALSE;
  entry = mh_store_get_entry (self, entry_id, error);
  ok = entry != NULL &&
       _mh_store_save_entry_locked (self, entry, details, MH_SAVE_DEFAULT, error);
  return _mh_store_end_own (self, own, ok, error);
}

/**
 * mh_store_delete_entry:
 * @self: a store
 * @id: the entry's row id
 * @error: return location for an error
 *
 * Deletes the entry with its terms, participants, partners and revisions.
 *
 * Returns: %TRUE on success
 */
gboolean
mh_store_delete_entry (MhStore  *self,
                       gint64    id,
                       GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MH_IS_STORE (self), FALSE);

  if (!_mh_store_check_writable (self, error))
    return FALSE;

  stmt = _mh_store_prepare (self, "DELETE FROM entries WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_mh_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (_mh_store_get_db (self)) == 0)
    {
      g_autofree char *missing = g_strdup_printf ("#%" G_GINT64_FORMAT, id);

      g_set_error (error, MH_STORE_ERROR, MH_STORE_ERROR_NOT_FOUND,
                   _("There is no entry “%s”"), missing);
      return FALSE;
    }

  _mh_store_emit_changed (self);
  return TRUE;
}

/* --- Search ---------------------------------------------------------------- */

/* Ranking: BM25 as FTS5's bm25() computes it, with the column weights the
 * list always used (title 10, summary 4, body 1) and k1 = 1.2, but without
 * its document-length part (b = 0). bm25() reads each matching row's
 * length from the index, one lookup a row: two thirds of its time, 30 ms
 * of the 45 it takes to rank the 40,000 entries "cul" finds in a site of
 * 100,000. The weights, which put title matches first, and the rarity of
 * each word still decide the order. Lower ranks first, as with bm25(). */
#define RANK_K1 1.2

static const double rank_weights[] = { 10.0, 4.0, 1.0 };

static int
count_row_cb (const Fts5ExtensionApi *api,
              Fts5Context            *fts,
              void                   *user_data)
{
  (*(sqlite3_int64 *) user_data)++;
  return SQLITE_OK;
}

/* How rare each word of the query is (BM25's IDF), once per query. With a
 * single word it would only scale every rank alike: that costs a pass over
 * the matches for nothing, so it is left at 1. */
static double *
rank_idf (const Fts5ExtensionApi *api,
          Fts5Context            *fts,
          int                     n_phrases)
{
  double *idf = g_new (double, n_phrases);
  sqlite3_int64 n_rows = 0;

  for (int i = 0; i < n_phrases; i++)
    idf[i] = 1.0;
  if (n_phrases == 1 || api->xRowCount (fts, &n_rows) != SQLITE_OK)
    return idf;

  for (int i = 0; i < n_phrases; i++)
    {
      sqlite3_int64 n_hits = 0;

      if (api->xQueryPhrase (fts, i, &n_hits, count_row_cb) != SQLITE_OK)
        continue;
      idf[i] = log ((n_rows - n_hits + 0.5) / (n_hits + 0.5));
      if (idf[i] <= 0.0)
        idf[i] = 1e-6;
    }

  return idf;
}

static void
mh_rank (const Fts5ExtensionApi  *api,
         Fts5Context             *fts,
         sqlite3_context         *context,
         int                      n_values,
         sqlite3_value          **values)
{
  int n_phrases = api->xPhraseCount (fts);
  double *idf = api->xGetAuxdata (fts, 0);
  double score = 0.0;

  if (idf == NULL)
    {
      idf = rank_idf (api, fts, n_phrases);
      if (api->xSetAuxdata (fts, idf, g_free) != SQLITE_OK)
        {
          sqlite3_result_error_nomem (context);
          return;
        }
    }

  for (int i = 0; i < n_phrases; i++)
    {
      Fts5PhraseIter iter;
      double freq = 0.0;
      int column;
      int offset;

      for (api->xPhraseFirst (fts, i, &iter, &column, &offset); column >= 0;
           api->xPhraseNext (fts, &iter, &column, &offset))
        freq += column < (int) G_N_ELEMENTS (rank_weights) ? rank_weights[column] : 1.0;
      score += idf[i] * freq * (RANK_K1 + 1.0) / (freq + RANK_K1);
    }

  sqlite3_result_double (context, -score);
}

/* Adds mh_rank() to a connection, for the search's ORDER BY. */
gboolean
_mh_store_register_search (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  fts5_api *api = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5 (?1)", -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);

  return api != NULL && api->xCreateFunction (api, "mh_rank", NULL, mh_rank, NULL) == SQLITE_OK;
}

/**
 * mh_entry_query_init:
 * @query: a query to reset
 *
 * Sets @query to select every entry, newest first.
 */
void
mh_entry_query_init (MhEntryQuery *query)
{
  g_return_if_fail (query != NULL);

  memset (query, 0, sizeof *query);
  query->kind = -1;
  query->status = -1;
  query->sort = MH_ENTRY_SORT_DATE;
}

/* Turns what a person typed into an FTS5 query: every word must occur,
 * as a prefix, so that results follow each keystroke. Quoting each word
 * keeps FTS5 syntax ("OR", "*", quotes) from being interpreted. */
static char *
fts_query (const char *text,
           guint      *shortest)
{
  GString *query = g_string_new (NULL);
  GString *word = g_string_new (NULL);

  *shortest = G_MAXUINT;
  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c)))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          *shortest = MIN (*shortest, g_utf8_strlen (word->str, -1));
          g_string_append_printf (query, "%s\"%s\"*", query->len ? " " : "", word->str);
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }

  g_string_free (word, TRUE);
  return g_string_free (query, query->len == 0);
}

static const char *
order_clause (MhEntrySort sort)
{
  switch (sort)
    {
    case MH_ENTRY_SORT_TITLE:
      return " ORDER BY e.title COLLATE NOCASE, e.id";
    case MH_ENTRY_SORT_UPDATED:
      return " ORDER BY e.updated_at DESC, e.id DESC";
    case MH_ENTRY_SORT_DATE:
    default:
      return " ORDER BY e.date DESC NULLS LAST, e.id DESC";
    }
}

static gboolean
is_filtered (const MhEntryQuery *query)
{
  return query->kind >= 0 || query->status >= 0 || query->term != NULL;
}

/* Builds the SQL of a query from fixed pieces; values are always bound.
 * Parameters: ?1 kind, ?2 status, ?3 vocabulary, ?4 term, ?5 text. @fts
 * is only given for a count or a ranked search: see query_ids_unranked(). */
static char *
query_sql (const MhEntryQuery *query,
           gboolean            fts,
           gboolean            count)
{
  GString *sql;

  /* With nothing else to select on, the entries table adds nothing to a
   * ranked search but a row lookup for each match. */
  if (fts && !count && !is_filtered (query))
    return g_strdup ("SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?5"
                     " ORDER BY mh_rank (entries_fts), rowid");

  sql = g_string_new (count ? "SELECT count(*) FROM entries e" : "SELECT e.id FROM entries e");
  if (fts)
    g_string_append (sql, " JOIN entries_fts f ON f.rowid = e.id");
  g_string_append (sql, " WHERE 1");
  if (fts)
    g_string_append (sql, " AND entries_fts MATCH ?5");
  if (query->kind >= 0)
    g_string_append (sql, " AND e.kind = ?1");
  if (query->status >= 0)
    g_string_append (sql, " AND e.status = ?2");
  if (query->term != NULL)
    g_string_append (sql,
                     " AND e.id IN (SELECT entry_id FROM entry_terms WHERE term_id IN ("
                     "WITH RECURSIVE sub (id) AS ("
                     " SELECT t.id FROM terms t JOIN vocabularies v ON v.id = t.vocabulary_id"
                     " WHERE (?3 IS NULL OR v.key = ?3) AND (t.slug = ?4 OR t.id IN"
                     " (SELECT term_id FROM term_aliases WHERE slug = ?4))"
                     " UNION SELECT t.id FROM terms t JOIN sub ON t.parent_id = sub.id)"
                     " SELECT id FROM sub))");
  if (!count)
    g_string_append (sql, fts ? " ORDER BY mh_rank (entries_fts), e.id"
                              : order_clause (query->sort));

  return g_string_free (sql, FALSE);
}

static sqlite3_stmt *
prepare_query (MhStore            *self,
               const MhEntryQuery *query,
               const char         *fts,
               gboolean            count,
               GError            **error)
{
  g_autofree char *sql = query_sql (query, fts != NULL, count);
  sqlite3_stmt *stmt;

  stmt = _mh_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  if (query->kind >= 0)
    sqlite3_bind_text (stmt, 1, mh_entry_kind_to_string (query->kind), -1, SQLITE_STATIC);
  if (query->status >= 0)
    sqlite3_bind_text (stmt, 2, mh_entry_status_to_string (query->status), -1, SQLITE_STATIC);
  if (query->term != NULL)
    {
      sqlite3_bind_text (stmt, 3, query->vocabulary, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, query->term, -1, SQLITE_TRANSIENT);
    }
  if (fts != NULL)
    sqlite3_bind_text (stmt, 5, fts, -1, SQLITE_TRANSIENT);

  return stmt;
}

/* Steps @stmt, whose first column is an entry id, into a new array. */
static GArray *
step_ids (MhStore       *self,
          sqlite3_stmt  *stmt,
          GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _mh_store_set_error (self, error, "search the entries");
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* The list in its own order, without text, as unranked searches filter
 * it: reading it costs 12 ms on a site of 100,000 entries, each keystroke
 * would read it again, and it only changes with the site. So the last one
 * read is kept, with what it was read for and when: it is read again after
 * any change made through this connection (total_changes) or committed by
 * another (data_version). */
typedef struct
{
  char   *key;
  gint64  total_changes;
  gint64  data_version;
  GArray *ids;
} ListOrder;

static void
list_order_free (gpointer data)
{
  ListOrder *order = data;

  g_free (order->key);
  g_array_unref (order->ids);
  g_free (order);
}

static gboolean
read_versions (MhStore  *self,
               gint64   *total_changes,
               gint64   *data_version,
               GError  **error)
{
  sqlite3_stmt *stmt = _mh_store_prepare (self, "PRAGMA data_version", error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _mh_store_set_error (self, error, "search the entries");
      sqlite3_reset (stmt);
      return FALSE;
    }
  *data_version = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  *total_changes = sqlite3_total_changes64 (_mh_store_get_db (self));
  return TRUE;
}

/* Returns: (transfer none): the ids @query selects without its text, in
 * its order; valid until the next call. */
static GArray *
list_order (MhStore             *self,
            const MhEntryQuery  *query,
            GError             **error)
{
  static GQuark quark = 0;
  g_autofree char *key = NULL;
  ListOrder *order;
  gint64 total_changes;
  gint64 data_version;
  sqlite3_stmt *stmt;
  GArray *ids;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("mh-store-list-order");

  key = g_strdup_printf ("%d %d %d %s/%s", query->kind, query->status, query->sort,
                         query->vocabulary ? query->vocabulary : "",
                         query->term ? query->term : "");
  if (!read_versions (self, &total_changes, &data_version, error))
    return NULL;

  order = g_object_get_qdata (G_OBJECT (self), quark);
  if (order != NULL && g_str_equal (order->key, key) &&
      order->total_changes == total_changes && order->data_version == data_version)
    return order->ids;

  stmt = prepare_query (self, query, NULL, FALSE, error);
  if (stmt == NULL || (ids = step_ids (self, stmt, error)) == NULL)
    return NULL;

  order = g_new0 (ListOrder, 1);
  order->key = g_steal_pointer (&key);
  order->total_changes = total_changes;
  order->data_version = data_version;
  order->ids = ids;
  g_object_set_qdata_full (G_OBJECT (self), quark, order, list_order_free);
  return ids;
}

/* Which ids a search matched: a bitmap when the ids are dense, as SQLite
 * gives them, else a binary search in the sorted ids. */
typedef struct
{
  GArray *sorted;
  guint8 *bits;
  gint64  max;
} Matches;

static void
matches_init (Matches *m,
              GArray  *sorted)
{
  m->sorted = sorted;
  m->bits = NULL;
  m->max = sorted->len > 0 ? g_array_index (sorted, gint64, sorted->len - 1) : -1;
  if (sorted->len == 0 || g_array_index (sorted, gint64, 0) < 0 ||
      m->max > 64 * (gint64) sorted->len + 65536)
    return;

  m->bits = g_malloc0 (m->max / 8 + 1);
  for (guint i = 0; i < sorted->len; i++)
    {
      gint64 id = g_array_index (sorted, gint64, i);

      m->bits[id / 8] |= 1 << (id % 8);
    }
}

static gboolean
matches_contain (const Matches *m,
                 gint64         id)
{
  guint low = 0;
  guint high = m->sorted->len;

  if (m->bits != NULL)
    return id >= 0 && id <= m->max && (m->bits[id / 8] & (1 << (id % 8))) != 0;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      gint64 here = g_array_index (m->sorted, gint64, mid);

      if (here == id)
        return TRUE;
      if (here < id)
        low = mid + 1;
      else
        high = mid;
    }

  return FALSE;
}

/* A word of one or two letters matches much of a large site: ranking
 * tens of thousands of rows would take longer than a keystroke, and says
 * little. Such results come in the list's own order. Joining the matches
 * to their rows to sort them would cost a lookup each, 60 ms for the
 * 98,000 entries "c" finds in a site of 100,000; instead the matches are
 * read from the search index alone and the list, in its order, is
 * filtered by them. */
static GArray *
query_ids_unranked (MhStore             *self,
                    const MhEntryQuery  *query,
                    const char          *fts,
                    GError             **error)
{
  g_autoptr(GArray) sorted = NULL;
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;
  GArray *order;
  Matches matches;

  stmt = _mh_store_prepare (self, "SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?1"
                                  " ORDER BY rowid", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_TRANSIENT);
  sorted = step_ids (self, stmt, error);
  if (sorted == NULL || sorted->len == 0)
    return g_steal_pointer (&sorted);

  order = list_order (self, query, error);
  if (order == NULL)
    return NULL;

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), MIN (sorted->len, order->len));
  matches_init (&matches, sorted);
  for (guint i = 0; i < order->len; i++)
    {
      gint64 id = g_array_index (order, gint64, i);

      if (matches_contain (&matches, id))
        g_array_append_val (ids, id);
    }
  g_free (matches.bits);

  return g_steal_pointer (&ids);
}

/**
 * mh_store_query_entry_ids:
 * @self: a store
 * @query: what to select
 * @error: return location for an error
 *
 * Selects entries without loading them: only their ids, in order. A
 * 100,000-entry site gives an 800 KB array.
 *
 * Returns: (transfer full) (element-type gint64): the ids, or %NULL
 */
GArray *
mh_store_query_entry_ids (MhStore             *self,
                          const MhEntryQuery  *query,
                          GError             **error)
{
  g_autofree char *fts = NULL;
  guint shortest = G_MAXUINT;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MH_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (query->text != NULL)
    fts = fts_query (query->text, &shortest);
  /* Text with no word in it ("?!") finds nothing rather than everything. */
  if (query->text != NULL && *query->text != '\0' && fts == NULL)
    return g_array_new (FALSE, FALSE, sizeof (gint64));
  if (fts != NULL && shortest < 3)
    return query_ids_unranked (self, query, fts, error);
  /* The list without text is the order searches filter: keep it, so that
   * the first key typed does not read it again. */
  if (fts == NULL)
    {
      GArray *order = list_order (self, query, error);

      return order != NULL ? g_array_copy (order) : NULL;
    }

  stmt = prepare_query (self, query, fts, FALSE, error);
  if (stmt == NULL)
    return NULL;
  return step_ids (self, stmt, error);
}

/**
 * mh_store_count_entries:
 * @self: a store
 * @query: what to count
 * @error: return location for an error
 *
 * Returns: the number of entries @query selects, or -1 on error
 */
gint64
mh_store_count_entries (MhStore             *self,
                        const MhEntryQuery  *query,
                        GError             **error)
{
  g_autofree char *fts = NULL;
  guint shortest = G_MAXUINT;
  sqlite3_stmt *stmt;
  gint64 n = -1;

  g_return_val_if_fail (MH_IS_STORE (self), -1);
  g_return_val_if_fail (query != NULL, -1);

  if (query->text != NULL)
    fts = fts_query (query->text, &shortest);
  if (query->text != NULL && *query->text != '\0' && fts == NULL)
    return 0;

  stmt = prepare_query (self, query, fts, TRUE, error);
  if (stmt == NULL)
    return -1;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    _mh_store_set_error (self, error, "count the entries");
  sqlite3_reset (stmt);

  return n;
}
