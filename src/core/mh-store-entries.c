/* mh-store-entries.c: reading, saving and querying entries
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mh-store"

#include "config.h"

#include <glib/gi18n.h>

#include "mh-entry-private.h"
#include "mh-slug.h"
#include "mh-store-private.h"

#define ENTRY_COLUMNS \
  "id, uuid, kind, title, slug, status, lang, date, summary, body_md, " \
  "event_start, event_end, call_deadline, updated_at"

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

  stmt = _mh_store_prepare (self, "SELECT " ENTRY_COLUMNS " FROM entries WHERE id = ?", error);
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
                            "SELECT " ENTRY_COLUMNS " FROM entries WHERE slug = ?1 "
                            "UNION ALL "
                            "SELECT " ENTRY_COLUMNS " FROM entries WHERE id = "
                            "(SELECT entry_id FROM entry_aliases WHERE slug = ?1) "
                            "LIMIT 1",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, slug, -1, SQLITE_TRANSIENT);
  return fetch_one (self, stmt, slug, error);
}

static char *
now_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
slug_taken (MhStore    *self,
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

  for (guint n = 2; slug_taken (self, slug, mh_entry_get_id (entry)); n++)
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

  if (slug_taken (self, slug, mh_entry_get_id (entry)))
    {
      g_set_error (error, MH_STORE_ERROR, MH_STORE_ERROR_EXISTS,
                   _("Another entry already uses the slug “%s”. Choose another one."), slug);
      return FALSE;
    }

  return TRUE;
}

/* Keeps what the entry was before the update, and the old slug of a
 * published entry as an alias so that its old address keeps working. */
static gboolean
keep_history (MhStore     *self,
              MhEntry     *entry,
              const char  *now,
              GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = _mh_store_prepare (self,
                            "INSERT INTO revisions (entry_id, created_at, title, summary, "
                            "body_md, fields) SELECT id, ?2, title, summary, body_md, "
                            "json_object ('slug', slug, 'status', status, 'lang', lang, "
                            "'date', date, 'event_start', event_start, 'event_end', "
                            "event_end, 'call_deadline', call_deadline) "
                            "FROM entries WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, mh_entry_get_id (entry));
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  if (!_mh_store_step_done (self, stmt, error))
    return FALSE;

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

  /* An entry may take back one of its own old slugs. */
  stmt = _mh_store_prepare (self, "DELETE FROM entry_aliases WHERE slug = ?1 AND entry_id = ?2",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, mh_entry_get_slug (entry), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, mh_entry_get_id (entry));
  return _mh_store_step_done (self, stmt, error);
}

static void
bind_entry_fields (sqlite3_stmt *stmt,
                   MhEntry      *entry)
{
  sqlite3_bind_text (stmt, 1, mh_entry_get_title (entry) ? mh_entry_get_title (entry) : "",
                     -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, mh_entry_get_slug (entry), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, mh_entry_status_to_string (mh_entry_get_status (entry)), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, mh_entry_get_language (entry), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, mh_entry_get_date (entry), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, mh_entry_get_summary (entry), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, mh_entry_get_body (entry) ? mh_entry_get_body (entry) : "",
                     -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, mh_entry_get_event_start (entry), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, mh_entry_get_event_end (entry), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, mh_entry_get_deadline (entry), -1, SQLITE_TRANSIENT);
}

static gboolean
write_entry (MhStore     *self,
             MhEntry     *entry,
             const char  *now,
             const char  *uuid,
             GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = mh_entry_get_id (entry);

  if (id == 0)
    stmt = _mh_store_prepare (self,
                              "INSERT INTO entries (title, slug, status, lang, date, summary, "
                              "body_md, event_start, event_end, call_deadline, updated_at, "
                              "created_at, uuid, kind) VALUES "
                              "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11, ?12, ?13)",
                              error);
  else
    stmt = _mh_store_prepare (self,
                              "UPDATE entries SET title = ?1, slug = ?2, status = ?3, "
                              "lang = ?4, date = ?5, summary = ?6, body_md = ?7, "
                              "event_start = ?8, event_end = ?9, call_deadline = ?10, "
                              "updated_at = ?11 WHERE id = ?14",
                              error);
  if (stmt == NULL)
    return FALSE;

  bind_entry_fields (stmt, entry);
  sqlite3_bind_text (stmt, 11, now, -1, SQLITE_TRANSIENT);
  if (id == 0)
    {
      sqlite3_bind_text (stmt, 12, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 13, mh_entry_kind_to_string (mh_entry_get_kind (entry)), -1,
                         SQLITE_STATIC);
    }
  else
    sqlite3_bind_int64 (stmt, 14, id);

  return _mh_store_step_done (self, stmt, error);
}

/**
 * mh_store_save_entry:
 * @self: a store
 * @entry: the entry to insert (id 0) or update
 * @error: return location for an error
 *
 * Saves @entry's fields in one transaction. An update first keeps the
 * previous version as a revision; a published entry whose slug changes
 * keeps its old slug as an alias. An entry without a slug gets one derived
 * from its title. On success @entry's id, uuid and updated-at are set.
 *
 * Returns: %TRUE on success
 */
gboolean
mh_store_save_entry (MhStore  *self,
                     MhEntry  *entry,
                     GError  **error)
{
  g_autofree char *now = now_utc ();
  g_autofree char *uuid = NULL;
  gboolean own_transaction;
  gint64 id;

  g_return_val_if_fail (MH_IS_STORE (self), FALSE);
  g_return_val_if_fail (MH_IS_ENTRY (entry), FALSE);

  if (!_mh_store_check_writable (self, error))
    return FALSE;

  own_transaction = sqlite3_get_autocommit (_mh_store_get_db (self));
  if (own_transaction && !mh_store_begin (self, error))
    return FALSE;

  if (mh_entry_get_slug (entry) == NULL)
    derive_slug (self, entry);

  id = mh_entry_get_id (entry);
  uuid = id == 0 ? g_uuid_string_random () : g_strdup (mh_entry_get_uuid (entry));

  if (!check_slug (self, entry, error) ||
      (id != 0 && !keep_history (self, entry, now, error)) ||
      !write_entry (self, entry, now, uuid, error))
    {
      if (own_transaction)
        mh_store_rollback (self);
      return FALSE;
    }

  if (id == 0)
    id = sqlite3_last_insert_rowid (_mh_store_get_db (self));
  _mh_store_emit_changed (self);

  if (own_transaction && !mh_store_commit (self, error))
    return FALSE;

  _mh_entry_set_identity (entry, id, uuid, now);
  return TRUE;
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
fts_query (const char *text)
{
  GString *query = g_string_new (NULL);
  GString *word = g_string_new (NULL);

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

/* Builds the SQL of a query from fixed pieces; values are always bound.
 * Parameters: ?1 kind, ?2 status, ?3 vocabulary, ?4 term, ?5 text. */
static char *
query_sql (const MhEntryQuery *query,
           const char         *fts,
           gboolean            count)
{
  GString *sql = g_string_new (count ? "SELECT count(*) FROM entries e" : "SELECT e.id FROM entries e");

  if (fts != NULL)
    g_string_append (sql, " JOIN entries_fts f ON f.rowid = e.id");
  g_string_append (sql, " WHERE 1");
  if (fts != NULL)
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
    g_string_append (sql, fts != NULL ? " ORDER BY bm25 (entries_fts, 10.0, 4.0, 1.0), e.id"
                                      : order_clause (query->sort));

  return g_string_free (sql, FALSE);
}

static sqlite3_stmt *
prepare_query (MhStore            *self,
               const MhEntryQuery *query,
               gboolean            count,
               gboolean           *empty,
               GError            **error)
{
  g_autofree char *fts = query->text ? fts_query (query->text) : NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  /* Text with no word in it ("?!") finds nothing rather than everything. */
  *empty = query->text != NULL && *query->text != '\0' && fts == NULL;

  sql = query_sql (query, fts, count);
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
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  gboolean empty;
  int rc;

  g_return_val_if_fail (MH_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  stmt = prepare_query (self, query, FALSE, &empty, error);
  if (stmt == NULL)
    return NULL;
  if (empty)
    return g_steal_pointer (&ids);

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
  sqlite3_stmt *stmt;
  gboolean empty;
  gint64 n = -1;

  g_return_val_if_fail (MH_IS_STORE (self), -1);
  g_return_val_if_fail (query != NULL, -1);

  stmt = prepare_query (self, query, TRUE, &empty, error);
  if (stmt == NULL)
    return -1;
  if (empty)
    return 0;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    _mh_store_set_error (self, error, "count the entries");
  sqlite3_reset (stmt);

  return n;
}
