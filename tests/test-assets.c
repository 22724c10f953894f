/* test-assets.c: adding files to a site
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include "mh-choice.h"
#include "mh-store-assets.h"
#include "mh-store-private.h"
#include "mh-test-utils.h"

/* The eight-byte PNG signature and an IHDR start: enough to be sniffed. */
static const guint8 png_head[] = {
  0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
};

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

static gint64
count (MhStore    *store,
       const char *sql)
{
  sqlite3_stmt *stmt = _mh_store_prepare (store, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static char *
write_file (Fixture      *f,
            const char   *name,
            const void   *data,
            gsize         size)
{
  char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, size, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_names (void)
{
  static const struct { const char *file, *name; } cases[] = {
    { "Annual Report 2024.PDF", "annual-report-2024.pdf" },
    { "/home/editor/Photos/Černá Louka.jpeg", "cerna-louka.jpeg" },
    { "../../x.png", "x.png" },
    { "archive.tar.gz", "archive-tar.gz" },
    { "README", "readme" },
    { ".hidden", "hidden" },
    { "notes.", "notes" },
    { "odd.ext with space", "odd-ext-with-space" },
    { "日本.png", "untitled.png" },
    { "\xff\xfe.svg", "untitled.svg" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = mh_asset_name_for_file (cases[i].file);

      g_assert_cmpstr (name, ==, cases[i].name);
    }
}

static void
on_changed_cb (MhStore *store,
               guint   *n)
{
  (*n)++;
}

static void
test_add (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GBytes) png = g_bytes_new_static (png_head, sizeof png_head);
  g_autoptr(GBytes) other = g_bytes_new_static ("<svg/>", 6);
  g_autoptr(GListModel) choices = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *second = NULL;
  g_autofree char *renamed = NULL;
  g_autofree char *typed = NULL;
  guint changes = 0;

  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed_cb), &changes);

  first = mh_store_add_asset (f->store, "Cover Photo.PNG", png, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, ==, "cover-photo.png");
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM assets WHERE name = 'cover-photo.png' "
                                    "AND media_type = 'image/png' AND size = 16"), ==, 1);

  /* The same bytes under the same name: nothing changes. */
  again = mh_store_add_asset (f->store, "cover photo.png", png, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, "cover-photo.png");
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM assets"), ==, 1);
  g_assert_cmpuint (changes, ==, 1);

  /* Other bytes under that name get a free name. */
  second = mh_store_add_asset (f->store, "cover-photo.png", other, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second, ==, "cover-photo-2.png");

  /* The same bytes under another name share one blob. */
  renamed = mh_store_add_asset (f->store, "logo.png", png, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (renamed, ==, "logo.png");
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM assets"), ==, 3);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM blobs"), ==, 2);

  /* A given media type wins over the guess. */
  typed = mh_store_add_asset (f->store, "data", other, "image/svg+xml", &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM assets WHERE name = 'data' "
                                    "AND media_type = 'image/svg+xml'"), ==, 1);

  /* The forms offer it. */
  choices = mh_store_list_assets (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 4);
}

static void
test_import_file (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = write_file (f, "Programme 2024.pdf", "%PDF-1.4\n%test\n", 15);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;

  name = mh_store_import_asset_file (f->store, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "programme-2024.pdf");

  stmt = _mh_store_prepare (f->store,
                            "SELECT a.media_type, b.data FROM assets a "
                            "JOIN blobs b ON b.sha256 = a.sha256 WHERE a.name = ?1", NULL);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "application/pdf");
  g_assert_cmpmem (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1),
                   "%PDF-1.4\n%test\n", 15);
  sqlite3_reset (stmt);
}

/* Each bad file is refused with its name in the message and adds nothing. */
static void
test_bad_files (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *empty = write_file (f, "empty.png", "", 0);
  g_autofree char *huge = g_build_filename (f->dir, "huge.pdf", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.pdf", NULL);
  g_autoptr(GBytes) nothing = g_bytes_new_static ("", 0);
  const char *paths[] = { empty, huge, missing, f->dir };
  const char *words[] = { "“empty.png” is empty", "“huge.pdf” is 300.0", "missing.pdf",
                          "is a folder" };
  g_autoptr(GError) error = NULL;
  char *name;
  int fd;

  /* A sparse 300 MB file: refused before it is read. */
  fd = open (huge, O_CREAT | O_WRONLY, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 300 * 1000 * 1000), ==, 0);
  close (fd);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autoptr(GError) local_error = NULL;

      name = mh_store_import_asset_file (f->store, file, NULL, &local_error);
      g_assert_null (name);
      g_assert_nonnull (local_error);
      g_test_message ("%s", local_error->message);
      g_assert_nonnull (strstr (local_error->message, words[i]));
    }

  name = mh_store_add_asset (f->store, "nothing.txt", nothing, NULL, &error);
  g_assert_error (error, MH_STORE_ERROR, MH_STORE_ERROR_INVALID);
  g_assert_null (name);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM assets"), ==, 0);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM blobs"), ==, 0);
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = write_file (f, "logo.svg", "<svg/>", 6);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MhStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  char *name;

  g_clear_object (&f->store);
  before = mh_test_read_bytes (f->path);
  store = mh_store_open_read_only (f->path, &error);
  g_assert_no_error (error);

  name = mh_store_import_asset_file (store, file, NULL, &error);
  g_assert_error (error, MH_STORE_ERROR, MH_STORE_ERROR_READ_ONLY);
  g_assert_null (name);
  g_clear_object (&store);
  mh_test_assert_file_equal (f->path, before);
}

/* Inside a caller's transaction the asset goes when it rolls back. */
static void
test_transaction (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GBytes) svg = g_bytes_new_static ("<svg/>", 6);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_assert_true (mh_store_begin (f->store, &error));
  name = mh_store_add_asset (f->store, "logo.svg", svg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM assets"), ==, 1);
  mh_store_rollback (f->store);
  g_assert_cmpint (count (f->store, "SELECT count(*) FROM assets"), ==, 0);
}

#define fixtured_test(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/mh/assets/names", test_names);
  fixtured_test ("/mh/assets/add", test_add);
  fixtured_test ("/mh/assets/import-file", test_import_file);
  fixtured_test ("/mh/assets/bad-files", test_bad_files);
  fixtured_test ("/mh/assets/read-only", test_read_only);
  fixtured_test ("/mh/assets/transaction", test_transaction);

  return g_test_run ();
}
