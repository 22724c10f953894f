/* test-store.c: the site file, its schema and its entries
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <string.h>

#include "mh-slug.h"
#include "mh-test-utils.h"

typedef struct
{
  char    *dir;
  char    *path;
  MhStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = mh_test_make_tmp_dir ();
  f->path = g_build_filename (f->dir, "site.masthead", NULL);
  f->store = mh_store_create (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  mh_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Runs one query on a separate connection and returns the first column. */
static gint64
sql_int (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
sql_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static MhEntry *
save_new (MhStore    *store,
          MhEntryKind kind,
          const char *title,
          const char *body)
{
  g_autoptr(GError) error = NULL;
  MhEntry *entry = mh_entry_new (kind);

  mh_entry_set_title (entry, title);
  mh_entry_set_body (entry, body);
  g_assert_true (mh_store_save_entry (store, entry, &error));
  g_assert_no_error (error);
  return entry;
}

static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  static const char * const tables[] = {
    "settings", "blobs", "assets", "vocabularies", "terms", "term_aliases",
    "term_translations", "organisations", "people", "entries", "entry_aliases",
    "entry_terms", "entry_partners", "entry_related", "participations",
    "programme_items", "report_downloads", "call_countries", "revisions", "entries_fts",
  };

  g_assert_cmpint (sql_int (f->path, "PRAGMA user_version"), ==, MH_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sql_int (f->path, "PRAGMA application_id"), ==, 0x4d485354);
  g_assert_false (mh_store_get_read_only (f->store));

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql =
        g_strdup_printf ("SELECT count(*) FROM sqlite_schema WHERE name = '%s'", tables[i]);
      g_assert_cmpint (sql_int (f->path, sql), ==, 1);
    }

  /* WAL mode is kept in the file itself. */
  g_clear_object (&f->store);
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    sqlite3_open (f->path, &db);
    sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
}

static void
test_create_refuses_existing (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MhStore) other = NULL;
  g_autoptr(GBytes) before = NULL;

  g_clear_object (&f->store);
  before = mh_test_read_bytes (f->path);
  other = mh_store_create (f->path, &error);
  g_assert_null (other);
  g_assert_error (error, MH_STORE_ERROR, MH_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "site.masthead"));
  mh_test_assert_file_equal (f->path, before);
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              gpointer    data)
{
  (*(guint *) data)++;
}

static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *unset = NULL;
  guint notified = 0;

  /* A site without a title shows its file name. */
  title = mh_store_dup_title (f->store);
  g_assert_cmpstr (title, ==, "site.masthead");
  g_clear_pointer (&title, g_free);

  g_signal_connect (f->store, "notify::title", G_CALLBACK (on_notify_cb), &notified);
  g_assert_true (mh_store_set_title (f->store, "Kultura · Černá hora", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notified, ==, 1);
  title = mh_store_dup_title (f->store);
  g_assert_cmpstr (title, ==, "Kultura · Černá hora");

  g_assert_true (mh_store_set_setting (f->store, "base_url", "https://example.org/", &error));
  g_assert_true (mh_store_set_setting (f->store, "base_url", "https://example.net/", &error));
  missing = mh_store_get_setting (f->store, "base_url");
  g_assert_cmpstr (missing, ==, "https://example.net/");
  g_assert_true (mh_store_set_setting (f->store, "base_url", NULL, &error));
  unset = mh_store_get_setting (f->store, "base_url");
  g_assert_null (unset);

  /* Survives closing and opening again. */
  g_clear_object (&f->store);
  f->store = mh_store_open (f->path, &error);
  g_assert_no_error (error);
  g_clear_pointer (&title, g_free);
  title = mh_store_dup_title (f->store);
  g_assert_cmpstr (title, ==, "Kultura · Černá hora");
}

static void
test_entry_crud (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MhEntry) entry = NULL;
  g_autoptr(MhEntry) again = NULL;
  g_autoptr(MhEntry) gone = NULL;
  g_autofree char *uuid = NULL;
  gint64 id;

  entry = save_new (f->store, MH_ENTRY_KIND_EVENT, "ASEF LinkUp | Prague 2024", "Body");
  id = mh_entry_get_id (entry);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpstr (mh_entry_get_slug (entry), ==, "asef-linkup-prague-2024");
  g_assert_nonnull (mh_entry_get_uuid (entry));
  g_assert_nonnull (mh_entry_get_updated_at (entry));
  uuid = g_strdup (mh_entry_get_uuid (entry));

  mh_entry_set_event_start (entry, "2024-06-10");
  mh_entry_set_event_end (entry, "2024-06-13");
  mh_entry_set_status (entry, MH_ENTRY_STATUS_REVIEW);
  g_assert_true (mh_store_save_entry (f->store, entry, &error));
  g_assert_no_error (error);

  again = mh_store_get_entry (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mh_entry_get_title (again), ==, "ASEF LinkUp | Prague 2024");
  g_assert_cmpint (mh_entry_get_kind (again), ==, MH_ENTRY_KIND_EVENT);
  g_assert_cmpint (mh_entry_get_status (again), ==, MH_ENTRY_STATUS_REVIEW);
  g_assert_cmpstr (mh_entry_get_uuid (again), ==, uuid);
  {
    g_autofree char *shown = mh_entry_dup_display_date (again);
    g_assert_cmpstr (shown, ==, "10 Jun 2024 – 13 Jun 2024");
  }

  /* The update kept the first version as a revision. */
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM revisions"), ==, 1);

  g_assert_true (mh_store_delete_entry (f->store, id, &error));
  g_assert_no_error (error);
  gone = mh_store_get_entry (f->store, id, &error);
  g_assert_null (gone);
  g_assert_error (error, MH_STORE_ERROR, MH_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (mh_store_delete_entry (f->store, id, &error));
  g_assert_error (error, MH_STORE_ERROR, MH_STORE_ERROR_NOT_FOUND);
}

static void
test_slugs (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MhEntry) first = save_new (f->store, MH_ENTRY_KIND_ARTICLE, "Insight", "");
  g_autoptr(MhEntry) second = save_new (f->store, MH_ENTRY_KIND_ARTICLE, "Other", "");
  g_autoptr(MhEntry) found = NULL;
  static const char * const bad[] = { "../../x", "a/b", "Upper", "", "-lead", "trail-",
                                      "dou--ble", "spa ce", "é" };

  /* Taken slugs are refused, and nothing changes. */
  mh_entry_set_slug (second, "insight");
  g_assert_false (mh_store_save_entry (f->store, second, &error));
  g_assert_error (error, MH_STORE_ERROR, MH_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM entries WHERE slug = 'other'"), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      mh_entry_set_slug (second, bad[i]);
      if (*bad[i] == '\0')
        continue; /* an empty slug is derived again from the title */
      g_assert_false (mh_store_save_entry (f->store, second, &error));
      g_assert_error (error, MH_STORE_ERROR, MH_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad[i]));
      g_clear_error (&error);
    }
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM entries WHERE slug = 'other'"), ==, 1);

  /* A published entry keeps its old slug as an alias. */
  mh_entry_set_slug (first, "insight");
  mh_entry_set_status (first, MH_ENTRY_STATUS_PUBLISHED);
  g_assert_true (mh_store_save_entry (f->store, first, &error));
  mh_entry_set_slug (first, "insight-renamed");
  g_assert_true (mh_store_save_entry (f->store, first, &error));
  g_assert_no_error (error);
  found = mh_store_find_entry (f->store, "insight", &error);
  g_assert_no_error (error);
  g_assert_cmpint (mh_entry_get_id (found), ==, mh_entry_get_id (first));

  /* … which no other entry may take. */
  mh_entry_set_slug (second, "insight");
  g_assert_false (mh_store_save_entry (f->store, second, &error));
  g_assert_error (error, MH_STORE_ERROR, MH_STORE_ERROR_EXISTS);
}

static void
test_slugify (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "How Do We Navigate Cultural Diplomacy?", "how-do-we-navigate-cultural-diplomacy" },
    { "Pecková Černá", "peckova-cerna" },
    { "ASEF LinkUp | Lab 2024 | Prague", "asef-linkup-lab-2024-prague" },
    { "What's in it?", "whats-in-it" },
    { "../../etc/passwd", "etc-passwd" },
    { "日本", "untitled" },
    { "", "untitled" },
    { NULL, "untitled" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *slug = mh_slugify (cases[i].in);
      g_assert_cmpstr (slug, ==, cases[i].out);
      g_assert_true (mh_slug_validate (slug, NULL));
    }
}

static guint
count_ids (MhStore    *store,
           const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  MhEntryQuery query;

  mh_entry_query_init (&query);
  query.text = text;
  ids = mh_store_query_entry_ids (store, &query, &error);
  g_assert_no_error (error);
  return ids->len;
}

static void
test_search_accents (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(MhEntry) a = save_new (f->store, MH_ENTRY_KIND_ARTICLE, "Spotlight",
                                   "A conversation with Alžběta Černá about policy.");
  g_autoptr(MhEntry) b = save_new (f->store, MH_ENTRY_KIND_REPORT, "Cultural diplomacy",
                                   "Nothing about the person.");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  MhEntryQuery query;

  g_assert_cmpuint (count_ids (f->store, "Cerna"), ==, 1);
  g_assert_cmpuint (count_ids (f->store, "černá"), ==, 1);
  g_assert_cmpuint (count_ids (f->store, "CERNA"), ==, 1);
  g_assert_cmpuint (count_ids (f->store, "Alzbeta cer"), ==, 1);
  g_assert_cmpuint (count_ids (f->store, "diplo"), ==, 1);
  g_assert_cmpuint (count_ids (f->store, "nobody"), ==, 0);
  /* FTS5 syntax in what people type is taken literally, never an error. */
  g_assert_cmpuint (count_ids (f->store, "\"OR* NEAR("), ==, 0);
  g_assert_cmpuint (count_ids (f->store, "?!"), ==, 0);

  /* Title matches rank above body matches. */
  mh_entry_set_body (b, "Diplomacy in culture, with Černá.");
  g_assert_true (mh_store_save_entry (f->store, b, &error));
  mh_entry_query_init (&query);
  query.text = "diplomacy";
  ids = mh_store_query_entry_ids (f->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpuint (count_ids (f->store, "cerna"), ==, 2);

  /* The index follows updates and deletes. */
  mh_entry_set_body (a, "Changed.");
  g_assert_true (mh_store_save_entry (f->store, a, &error));
  g_assert_true (mh_store_delete_entry (f->store, mh_entry_get_id (b), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_ids (f->store, "cerna"), ==, 0);
  g_assert_cmpuint (count_ids (f->store, "changed"), ==, 1);
}

static GArray *
query_ids (MhStore    *store,
           const char *text,
           int         kind,
           MhEntrySort sort)
{
  g_autoptr(GError) error = NULL;
  GArray *ids;
  MhEntryQuery query;

  mh_entry_query_init (&query);
  query.text = text;
  query.kind = kind;
  query.sort = sort;
  ids = mh_store_query_entry_ids (store, &query, &error);
  g_assert_no_error (error);
  return ids;
}

/* Asserts the ids of a query, in order; @... ends with 0. */
static void
assert_ids (MhStore    *store,
            const char *text,
            int         kind,
            MhEntrySort sort,
            ...)
{
  g_autoptr(GArray) ids = query_ids (store, text, kind, sort);
  va_list args;
  guint i = 0;
  gint64 id;

  va_start (args, sort);
  while ((id = va_arg (args, gint64)) != 0)
    {
      g_assert_cmpuint (i, <, ids->len);
      g_assert_cmpint (g_array_index (ids, gint64, i), ==, id);
      i++;
    }
  va_end (args);
  g_assert_cmpuint (ids->len, ==, i);
}

/* Words of one or two letters are not ranked: their results come in the
 * list's order, read once and kept until the site changes. */
static void
test_search_short_words (Fixture       *f,
                         gconstpointer  data)
{
  static const struct
  {
    MhEntryKind kind;
    const char *title;
    const char *date;
  } rows[] = {
    { MH_ENTRY_KIND_ARTICLE, "Cu one", "2024-03-01" },
    { MH_ENTRY_KIND_REPORT, "Ab two", "2024-01-01" },
    { MH_ENTRY_KIND_ARTICLE, "Cu three", "2024-02-01" },
  };
  g_autoptr(GError) error = NULL;
  gint64 ids[G_N_ELEMENTS (rows)];
  gint64 far;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(MhEntry) entry = mh_entry_new (rows[i].kind);

      mh_entry_set_title (entry, rows[i].title);
      mh_entry_set_date (entry, rows[i].date);
      g_assert_true (mh_store_save_entry (f->store, entry, &error));
      g_assert_no_error (error);
      ids[i] = mh_entry_get_id (entry);
    }

  assert_ids (f->store, "cu", -1, MH_ENTRY_SORT_DATE, ids[0], ids[2], (gint64) 0);
  assert_ids (f->store, "cu", -1, MH_ENTRY_SORT_TITLE, ids[0], ids[2], (gint64) 0);
  assert_ids (f->store, "t", -1, MH_ENTRY_SORT_DATE, ids[2], ids[1], (gint64) 0);
  assert_ids (f->store, "t", -1, MH_ENTRY_SORT_TITLE, ids[1], ids[2], (gint64) 0);
  assert_ids (f->store, "t", MH_ENTRY_KIND_ARTICLE, MH_ENTRY_SORT_DATE, ids[2], (gint64) 0);
  assert_ids (f->store, "o", -1, MH_ENTRY_SORT_DATE, ids[0], (gint64) 0);
  assert_ids (f->store, "q", -1, MH_ENTRY_SORT_DATE, (gint64) 0);

  /* A change made by another program shows (the kept order is dropped). */
  sql_exec (f->path, "UPDATE entries SET date = '2025-01-01' WHERE title = 'Cu three'");
  assert_ids (f->store, "cu", -1, MH_ENTRY_SORT_DATE, ids[2], ids[0], (gint64) 0);

  /* Ids far apart work the same. (Setting the title makes the trigger
   * move the entry in the search index too.) */
  far = G_GINT64_CONSTANT (1) << 40;
  sql_exec (f->path, "UPDATE entries SET id = 1099511627776, title = title"
                     " WHERE title = 'Cu one'");
  assert_ids (f->store, "cu", -1, MH_ENTRY_SORT_DATE, ids[2], far, (gint64) 0);
  assert_ids (f->store, "c", -1, MH_ENTRY_SORT_TITLE, far, ids[2], (gint64) 0);
}

/* Words of three letters or more are ranked: title above summary above
 * body, more occurrences above fewer, with or without a filter. */
static void
test_search_rank (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(MhEntry) body_once = save_new (f->store, MH_ENTRY_KIND_ARTICLE, "One",
                                           "About policy.");
  g_autoptr(MhEntry) title = save_new (f->store, MH_ENTRY_KIND_ARTICLE, "Policy", "Other.");
  g_autoptr(MhEntry) body_twice = save_new (f->store, MH_ENTRY_KIND_ARTICLE, "Two",
                                            "Policy, and policy again.");
  g_autoptr(MhEntry) report = save_new (f->store, MH_ENTRY_KIND_REPORT, "Three", "Policies.");
  g_autoptr(GError) error = NULL;
  gint64 expected[] = { mh_entry_get_id (title), mh_entry_get_id (body_twice),
                        mh_entry_get_id (body_once) };

  mh_entry_set_summary (report, "Policy");
  g_assert_true (mh_store_save_entry (f->store, report, &error));
  g_assert_no_error (error);

  assert_ids (f->store, "polic", -1, MH_ENTRY_SORT_TITLE, mh_entry_get_id (title),
              mh_entry_get_id (report), expected[1], expected[2], (gint64) 0);
  assert_ids (f->store, "policy", MH_ENTRY_KIND_ARTICLE, MH_ENTRY_SORT_TITLE,
              expected[0], expected[1], expected[2], (gint64) 0);
  /* Every word must occur. */
  assert_ids (f->store, "policy other", -1, MH_ENTRY_SORT_DATE, expected[0], (gint64) 0);
  assert_ids (f->store, "policy two", -1, MH_ENTRY_SORT_DATE, expected[1], (gint64) 0);
}

/* A site as the first release wrote it: schema 1, whose search index
 * has no prefix indexes, filled by its own triggers. */
static void
make_schema_1_site (const char *path)
{
  g_autoptr(GBytes) schema = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;

  /* The fixture's store registered the resources. */
  schema = g_resources_lookup_data (RESOURCE_BASE "/sql/0001-initial.sql", 0, &error);
  g_assert_no_error (error);
  sql = g_strndup (g_bytes_get_data (schema, NULL), g_bytes_get_size (schema));

  sql_exec (path, sql);
  sql_exec (path,
            "PRAGMA application_id = 1296585556; PRAGMA user_version = 1;"
            "INSERT INTO settings (key, value) VALUES ('title', 'Old site');"
            "INSERT INTO entries (uuid, kind, title, slug, status, date, body_md,"
            " created_at, updated_at) VALUES"
            " ('u-1', 'article', 'Spotlight', 'spotlight', 'published', '2024-05-01',"
            "  'A conversation with Alžběta Černá about policy.',"
            "  '2024-05-01T10:00:00Z', '2024-05-01T10:00:00Z'),"
            " ('u-2', 'report', 'Cultural diplomacy', 'cultural-diplomacy', 'draft',"
            "  '2024-06-01', 'Nothing about the person.',"
            "  '2024-06-01T10:00:00Z', '2024-06-01T10:00:00Z');"
            "INSERT INTO revisions (entry_id, created_at, title, body_md, fields)"
            " VALUES (1, '2024-05-01T09:00:00Z', 'Spot', 'Draft.', '{}');");
}

/* The searches that differ by the length of the words: unranked with a
 * word of one or two letters, ranked from three on. */
static void
assert_schema_1_searches (MhStore *store)
{
  g_assert_cmpuint (count_ids (store, "Cerna"), ==, 1);
  g_assert_cmpuint (count_ids (store, "c"), ==, 2);
  g_assert_cmpuint (count_ids (store, "cu"), ==, 1);
  g_assert_cmpuint (count_ids (store, "Alzbeta c"), ==, 1);
  g_assert_cmpuint (count_ids (store, "cul"), ==, 1);
  g_assert_cmpuint (count_ids (store, "x"), ==, 0);
}

static void
test_upgrade_schema_1 (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "old.masthead", NULL);
  g_autoptr(MhStore) store = NULL;
  g_autoptr(MhEntry) entry = NULL;
  g_autoptr(MhEntry) added = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  make_schema_1_site (path);

  store = mh_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (mh_store_get_read_only (store));
  g_assert_cmpint (sql_int (path, "PRAGMA user_version"), ==, MH_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sql_int (path, "SELECT count(*) FROM sqlite_schema WHERE name = 'entries_fts'"
                                  " AND sql LIKE '%prefix = ''1 2''%'"), ==, 1);

  /* Every row is still there. */
  title = mh_store_dup_title (store);
  g_assert_cmpstr (title, ==, "Old site");
  g_assert_cmpint (sql_int (path, "SELECT count(*) FROM entries"), ==, 2);
  g_assert_cmpint (sql_int (path, "SELECT count(*) FROM revisions"), ==, 1);
  entry = mh_store_find_entry (store, "spotlight", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mh_entry_get_body (entry), ==, "A conversation with Alžběta Černá about policy.");

  /* The index was rebuilt from them, and the triggers keep it. */
  assert_schema_1_searches (store);
  added = save_new (store, MH_ENTRY_KIND_PAGE, "Calendar", "Dates.");
  g_assert_cmpuint (count_ids (store, "c"), ==, 3);
  g_assert_cmpuint (count_ids (store, "calendar"), ==, 1);
  g_clear_object (&store);
  sql_exec (path, "INSERT INTO entries_fts (entries_fts) VALUES ('integrity-check')");
}

/* A file of schema 1 that cannot be updated is read as it is: the same
 * results, without the prefix indexes. */
static void
test_read_schema_1 (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "old.masthead", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(MhStore) store = NULL;
  g_autoptr(GError) error = NULL;

  make_schema_1_site (path);
  before = mh_test_read_bytes (path);

  /* Opened for reading. */
  store = mh_store_open_read_only (path, &error);
  g_assert_no_error (error);
  g_assert_true (mh_store_get_read_only (store));
  g_assert_null (mh_store_get_read_only_reason (store));
  assert_schema_1_searches (store);
  g_clear_object (&store);
  mh_test_assert_file_equal (path, before);

  /* A file that cannot be written. */
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  store = mh_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (mh_store_get_read_only (store));
  g_assert_nonnull (strstr (mh_store_get_read_only_reason (store), "read-only"));
  assert_schema_1_searches (store);
  g_clear_object (&store);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  mh_test_assert_file_equal (path, before);
  g_assert_cmpint (sql_int (path, "PRAGMA user_version"), ==, 1);
}

static void
on_changed_cb (MhStore *store,
               gpointer data)
{
  (*(guint *) data)++;
}

static void
test_transactions (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint changed = 0;

  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed_cb), &changed);

  g_assert_true (mh_store_begin (f->store, &error));
  for (guint i = 0; i < 3; i++)
    g_object_unref (save_new (f->store, MH_ENTRY_KIND_PAGE, "Page", ""));
  g_assert_cmpuint (changed, ==, 0);
  mh_store_rollback (f->store);
  g_assert_cmpuint (changed, ==, 0);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM entries"), ==, 0);

  g_assert_true (mh_store_begin (f->store, &error));
  for (guint i = 0; i < 3; i++)
    g_object_unref (save_new (f->store, MH_ENTRY_KIND_PAGE, "Page", ""));
  g_assert_true (mh_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM entries"), ==, 3);

  /* Slugs derived from the same title are made unique. */
  g_assert_cmpint (sql_int (f->path, "SELECT count(DISTINCT slug) FROM entries"), ==, 3);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM entries WHERE slug = 'page-3'"), ==, 1);
}

/* Every table that hangs off an entry is cleaned up with it. */
static void
test_cascade (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(MhEntry) entry = save_new (f->store, MH_ENTRY_KIND_EVENT, "Lab", "");
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  static const char * const dependents[] = {
    "entry_terms", "entry_partners", "entry_related", "participations", "programme_items",
    "report_downloads", "call_countries", "entry_aliases",
  };

  g_clear_object (&f->store);
  sql = g_strdup_printf (
    "INSERT INTO blobs VALUES ('%s', x'00');"
    "INSERT INTO assets (id, name, media_type, sha256, size) VALUES (1, 'a.pdf', 'application/pdf', '%s', 1);"
    "INSERT INTO vocabularies (id, key, name, position) VALUES (1, 'countries', 'Countries', 0);"
    "INSERT INTO terms (id, vocabulary_id, slug, name) VALUES (1, 1, 'europe', 'Europe');"
    "INSERT INTO terms (id, vocabulary_id, parent_id, slug, name) VALUES (2, 1, 1, 'czech-republic', 'Czech Republic');"
    "INSERT INTO term_aliases VALUES (2, 'czechia', 0);"
    "INSERT INTO term_translations VALUES (1, 'fr', 'Europe', NULL);"
    "INSERT INTO organisations (id, key, name, logo_asset_id) VALUES (1, 'ati', 'ATI', 1);"
    "INSERT INTO people (id, key, family_name, country_term_id, email, public) VALUES (1, 'p', 'Černá', 2, 'x@example.org', 1);"
    "INSERT INTO entry_terms VALUES (%" G_GINT64_FORMAT ", 2, 0);"
    "INSERT INTO entry_partners VALUES (%" G_GINT64_FORMAT ", 1, 'support', 0);"
    "INSERT INTO entry_related VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 0);"
    "INSERT INTO participations (entry_id, person_id, role, position) VALUES (%" G_GINT64_FORMAT ", 1, 'participant', 0);"
    "INSERT INTO programme_items (entry_id, title, position) VALUES (%" G_GINT64_FORMAT ", 'Opening', 0);"
    "INSERT INTO report_downloads (entry_id, asset_id, position) VALUES (%" G_GINT64_FORMAT ", 1, 0);"
    "INSERT INTO call_countries VALUES (%" G_GINT64_FORMAT ", 1, 0);"
    "INSERT INTO entry_aliases VALUES ('old-lab', %" G_GINT64_FORMAT ", 0);",
    "0000000000000000000000000000000000000000000000000000000000000000",
    "0000000000000000000000000000000000000000000000000000000000000000",
    mh_entry_get_id (entry), mh_entry_get_id (entry), mh_entry_get_id (entry),
    mh_entry_get_id (entry), mh_entry_get_id (entry), mh_entry_get_id (entry),
    mh_entry_get_id (entry), mh_entry_get_id (entry), mh_entry_get_id (entry));
  sql_exec (f->path, sql);

  f->store = mh_store_open (f->path, &error);
  g_assert_no_error (error);

  /* The term filter includes a term's children: europe finds the entry
   * tagged czech-republic, and so does the alias czechia. */
  {
    MhEntryQuery query;

    mh_entry_query_init (&query);
    query.vocabulary = "countries";
    query.term = "europe";
    g_assert_cmpint (mh_store_count_entries (f->store, &query, &error), ==, 1);
    query.term = "czechia";
    g_assert_cmpint (mh_store_count_entries (f->store, &query, &error), ==, 1);
    query.vocabulary = NULL;
    query.term = "asia";
    g_assert_cmpint (mh_store_count_entries (f->store, &query, &error), ==, 0);
  }

  g_assert_true (mh_store_delete_entry (f->store, mh_entry_get_id (entry), &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (dependents); i++)
    {
      g_autofree char *count = g_strdup_printf ("SELECT count(*) FROM %s", dependents[i]);
      g_assert_cmpint (sql_int (f->path, count), ==, 0);
    }
  /* What others may use stays. */
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM people"), ==, 1);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM organisations"), ==, 1);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM assets"), ==, 1);
  g_assert_cmpint (sql_int (f->path, "SELECT count(*) FROM terms"), ==, 2);
}

#define fixtured_test(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  fixtured_test ("/mh/store/create", test_create);
  fixtured_test ("/mh/store/create-refuses-existing", test_create_refuses_existing);
  fixtured_test ("/mh/store/settings", test_settings);
  fixtured_test ("/mh/store/entry-crud", test_entry_crud);
  fixtured_test ("/mh/store/slugs", test_slugs);
  g_test_add_func ("/mh/store/slugify", test_slugify);
  fixtured_test ("/mh/store/search-accents", test_search_accents);
  fixtured_test ("/mh/store/search-short-words", test_search_short_words);
  fixtured_test ("/mh/store/search-rank", test_search_rank);
  fixtured_test ("/mh/store/upgrade-schema-1", test_upgrade_schema_1);
  fixtured_test ("/mh/store/read-schema-1", test_read_schema_1);
  fixtured_test ("/mh/store/transactions", test_transactions);
  fixtured_test ("/mh/store/cascade", test_cascade);

  return g_test_run ();
}
