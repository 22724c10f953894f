/* test-bad-files.c: every kind of bad file gives a clear error and stays
 * byte-for-byte unchanged
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "mh-test-utils.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = mh_test_make_tmp_dir ();
  f->path = g_build_filename (f->dir, "bad.masthead", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_chmod (f->path, 0644);
  mh_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
write_file (const char *path,
            const char *contents,
            gssize      len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
}

static void
make_site (const char *path,
           guint       n_entries)
{
  g_autoptr(MhStore) store = mh_test_make_site (path, n_entries);
}

static void
sql_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Opens @path, expects @code, and checks that the message names the file
 * and that the file did not change. */
static void
assert_refused (const char *path,
                int         code,
                const char *words)
{
  g_autoptr(GBytes) before = mh_test_read_bytes (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(MhStore) store = mh_store_open (path, &error);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_assert_null (store);
  g_assert_error (error, MH_STORE_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "bad.masthead"));
  if (words != NULL)
    g_assert_nonnull (strstr (error->message, words));
  mh_test_assert_file_equal (path, before);
}

static void
test_missing (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MhStore) store = mh_store_open (f->path, &error);

  g_assert_null (store);
  g_assert_error (error, MH_STORE_ERROR, MH_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

static void
test_not_sqlite (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *junk = g_strnfill (4096, 'x');

  write_file (f->path, "{\"format\": \"masthead-site\"}\n", -1);
  assert_refused (f->path, MH_STORE_ERROR_NOT_A_SITE, "not a Masthead site");
  write_file (f->path, junk, -1);
  assert_refused (f->path, MH_STORE_ERROR_NOT_A_SITE, "not an SQLite database");
}

static void
test_empty_file (Fixture       *f,
                 gconstpointer  data)
{
  write_file (f->path, "", 0);
  assert_refused (f->path, MH_STORE_ERROR_NOT_A_SITE, "empty");
  /* SQLite would have turned an empty file into a database. */
  g_assert_true (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

static void
test_directory (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MhStore) store = mh_store_open (f->dir, &error);

  g_assert_null (store);
  g_assert_error (error, MH_STORE_ERROR, MH_STORE_ERROR_NOT_A_SITE);
}

static void
test_other_database (Fixture       *f,
                     gconstpointer  data)
{
  sql_exec (f->path, "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('hello');");
  assert_refused (f->path, MH_STORE_ERROR_NOT_A_SITE, "another program");
}

static void
test_truncated (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GBytes) whole = NULL;
  gsize size;

  make_site (f->path, 500);
  whole = mh_test_read_bytes (f->path);
  size = g_bytes_get_size (whole);
  g_assert_cmpuint (size, >, 64 * 1024);

  /* Cut at a page boundary and in the middle of a page. */
  write_file (f->path, g_bytes_get_data (whole, NULL), size / 2 / 4096 * 4096);
  assert_refused (f->path, MH_STORE_ERROR_CORRUPT, "shorter");
  write_file (f->path, g_bytes_get_data (whole, NULL), size / 3 + 17);
  assert_refused (f->path, MH_STORE_ERROR_CORRUPT, NULL);
}

static void
test_corrupt_schema (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GBytes) whole = NULL;
  g_autofree guint8 *copy = NULL;
  gsize size;

  make_site (f->path, 20);
  whole = mh_test_read_bytes (f->path);
  size = g_bytes_get_size (whole);
  copy = g_memdup2 (g_bytes_get_data (whole, NULL), size);

  /* Scribble over the schema table on page 1, after the file header. */
  memset (copy + 100, 0xa5, 3000);
  write_file (f->path, (const char *) copy, size);
  assert_refused (f->path, MH_STORE_ERROR_CORRUPT, "damaged");
}

static void
test_corrupt_data (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GBytes) whole = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(MhStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree guint8 *copy = NULL;
  MhEntryQuery query;
  gsize size;

  make_site (f->path, 2000);
  whole = mh_test_read_bytes (f->path);
  size = g_bytes_get_size (whole);
  copy = g_memdup2 (g_bytes_get_data (whole, NULL), size);

  /* Damage every page but the first: opening works, reading fails. */
  for (gsize page = 1; page < size / 4096; page++)
    memset (copy + page * 4096, 0x5a, 64);
  write_file (f->path, (const char *) copy, size);
  before = mh_test_read_bytes (f->path);

  store = mh_store_open_read_only (f->path, &error);
  if (store != NULL)
    {
      mh_entry_query_init (&query);
      query.sort = MH_ENTRY_SORT_TITLE;
      ids = mh_store_query_entry_ids (store, &query, &error);
      g_assert_null (ids);
    }
  g_assert_error (error, MH_STORE_ERROR, MH_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "bad.masthead"));
  g_clear_object (&store);
  mh_test_assert_file_equal (f->path, before);
}

static void
test_newer_schema (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(MhStore) store = NULL;
  g_autoptr(MhEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  make_site (f->path, 3);
  sql_exec (f->path, "PRAGMA user_version = 99");
  before = mh_test_read_bytes (f->path);

  store = mh_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (mh_store_get_read_only (store));
  g_assert_nonnull (strstr (mh_store_get_read_only_reason (store), "newer version"));

  /* It can be read … */
  title = mh_store_dup_title (store);
  g_assert_cmpstr (title, ==, "Generated site");
  entry = mh_store_find_entry (store, "entry-1", &error);
  g_assert_no_error (error);

  /* … but never written. */
  mh_entry_set_title (entry, "Changed");
  g_assert_false (mh_store_save_entry (store, entry, &error));
  g_assert_error (error, MH_STORE_ERROR, MH_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (mh_store_set_title (store, "Changed", &error));
  g_assert_error (error, MH_STORE_ERROR, MH_STORE_ERROR_READ_ONLY);
  g_clear_object (&store);

  mh_test_assert_file_equal (f->path, before);
}

static void
test_read_only_file (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(MhStore) store = NULL;
  g_autoptr(MhEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  make_site (f->path, 3);
  before = mh_test_read_bytes (f->path);
  g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);

  store = mh_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (mh_store_get_read_only (store));
  g_assert_nonnull (strstr (mh_store_get_read_only_reason (store), "read-only"));

  entry = mh_entry_new (MH_ENTRY_KIND_PAGE);
  mh_entry_set_title (entry, "New");
  g_assert_false (mh_store_save_entry (store, entry, &error));
  g_assert_error (error, MH_STORE_ERROR, MH_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "bad.masthead"));
  g_clear_object (&store);

  mh_test_assert_file_equal (f->path, before);
}

static void
test_locked (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(MhStore) reader = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *writer = NULL;

  make_site (f->path, 3);
  before = mh_test_read_bytes (f->path);

  /* Another program holds the write lock, in the middle of a change. */
  g_assert_cmpint (sqlite3_open (f->path, &writer), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (writer, "BEGIN IMMEDIATE; "
                                 "UPDATE settings SET value = 'Theirs' WHERE key = 'title'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  assert_refused (f->path, MH_STORE_ERROR_LOCKED, "another program");

  /* Reading still works meanwhile, and sees the last committed state. */
  reader = mh_store_open_read_only (f->path, &error);
  g_assert_no_error (error);
  {
    g_autofree char *title = mh_store_dup_title (reader);
    g_assert_cmpstr (title, ==, "Generated site");
  }
  g_clear_object (&reader);

  sqlite3_exec (writer, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (writer);
  mh_test_assert_file_equal (f->path, before);
}

#define fixtured_test(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  fixtured_test ("/mh/bad-files/missing", test_missing);
  fixtured_test ("/mh/bad-files/not-sqlite", test_not_sqlite);
  fixtured_test ("/mh/bad-files/empty", test_empty_file);
  fixtured_test ("/mh/bad-files/directory", test_directory);
  fixtured_test ("/mh/bad-files/other-database", test_other_database);
  fixtured_test ("/mh/bad-files/truncated", test_truncated);
  fixtured_test ("/mh/bad-files/corrupt-schema", test_corrupt_schema);
  fixtured_test ("/mh/bad-files/corrupt-data", test_corrupt_data);
  fixtured_test ("/mh/bad-files/newer-schema", test_newer_schema);
  fixtured_test ("/mh/bad-files/read-only", test_read_only_file);
  fixtured_test ("/mh/bad-files/locked", test_locked);

  return g_test_run ();
}
