/* mh-test-utils.c: helpers shared by the tests
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "mh-test-utils.h"

/**
 * mh_test_make_tmp_dir:
 *
 * Returns: (transfer full): a new empty folder; remove it with mh_test_rm_rf()
 */
char *
mh_test_make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("masthead-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/**
 * mh_test_rm_rf:
 * @dir: a folder made by mh_test_make_tmp_dir()
 *
 * Removes @dir and everything below it.
 */
void
mh_test_rm_rf (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    {
      g_unlink (dir);
      return;
    }
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        mh_test_rm_rf (child);
      else
        g_unlink (child);
    }
  g_rmdir (dir);
}

/**
 * mh_test_demo_json_path:
 *
 * Returns: (transfer full): the demo site's site-json in the source tree
 */
char *
mh_test_demo_json_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "resources", "demo", "demo-site.json", NULL);
}

/**
 * mh_test_read_bytes:
 * @path: a file
 *
 * Returns: (transfer full): its contents; the test fails if it cannot be read
 */
GBytes *
mh_test_read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

/**
 * mh_test_assert_file_equal:
 * @path: a file
 * @expected: what it must hold, byte for byte
 */
void
mh_test_assert_file_equal (const char *path,
                           GBytes     *expected)
{
  g_autoptr(GBytes) actual = mh_test_read_bytes (path);

  g_assert_true (g_bytes_equal (actual, expected));
}

/**
 * mh_test_make_site:
 * @path: where to create the site
 * @n_entries: how many entries to generate
 *
 * Creates a site with @n_entries generated entries of every kind and
 * status, dated over several years, in one transaction.
 *
 * Returns: (transfer full): the open store
 */
MhStore *
mh_test_make_site (const char *path,
                   guint       n_entries)
{
  g_autoptr(GError) error = NULL;
  MhStore *store = mh_store_create (path, &error);

  g_assert_no_error (error);
  mh_store_set_title (store, "Generated site", &error);
  g_assert_no_error (error);

  mh_store_begin (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(MhEntry) entry = mh_entry_new (i % MH_N_ENTRY_KINDS);
      g_autofree char *title = g_strdup_printf ("Entry number %u", i);
      g_autofree char *slug = g_strdup_printf ("entry-%u", i);
      g_autofree char *date = g_strdup_printf ("%04u-%02u-%02u", 2000 + i % 25, 1 + i % 12,
                                               1 + i % 28);

      mh_entry_set_title (entry, title);
      mh_entry_set_slug (entry, slug);
      mh_entry_set_date (entry, date);
      mh_entry_set_status (entry, (i / MH_N_ENTRY_KINDS) % MH_N_ENTRY_STATUSES);
      mh_entry_set_body (entry, i % 1000 == 7 ? "A quote from Alžběta Černá." : "Body text.");
      mh_store_save_entry (store, entry, &error);
      g_assert_no_error (error);
    }
  mh_store_commit (store, &error);
  g_assert_no_error (error);

  return store;
}

static gboolean
spin_done_cb (gpointer user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * mh_test_spin:
 * @ms: how long
 *
 * Runs the main loop for @ms milliseconds, so that idles, timers (an
 * autosave) and, in UI tests, frames happen.
 */
void
mh_test_spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, spin_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}
