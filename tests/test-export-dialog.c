/* test-export-dialog.c
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "mh-demo.h"
#include "mh-entry.h"
#include "mh-export-dialog.h"
#include "mh-store.h"
#include "mh-test-utils.h"
#include "mh-window.h"

/* Big enough that an export is still running when it is cancelled. */
#define N_LARGE_SITE_ENTRIES 3000
#define EXPORT_TIMEOUT_MS    120000

typedef struct
{
  char *dir;
  char *path;
  char *target;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = mh_test_make_tmp_dir ();
  fixture->path = g_build_filename (fixture->dir, "culture360-site.masthead", NULL);
  fixture->target = g_build_filename (fixture->dir, "out", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  mh_test_rm_rf (fixture->dir);

  g_free (fixture->target);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
make_demo_site (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (mh_demo_create (fixture->path, FALSE, &error));
  g_assert_no_error (error);
}

static void
make_large_site (Fixture *fixture)
{
  g_autoptr(MhStore) store = mh_test_make_site (fixture->path, N_LARGE_SITE_ENTRIES);

  g_assert_nonnull (store);
}

/* A published article whose body links to @n entries that do not exist,
 * one a line. */
static void
add_broken_links (Fixture *fixture,
                  guint    n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MhStore) store = mh_store_open (fixture->path, &error);
  g_autoptr(MhEntry) entry = mh_entry_new (MH_ENTRY_KIND_ARTICLE);
  g_autoptr(GString) body = g_string_new ("See\n");
  guint i;

  g_assert_no_error (error);
  for (i = 0; i < n; i++)
    g_string_append_printf (body, "[report %u](entry:no-such-report-%u)\n", i + 1, i + 1);
  mh_entry_set_title (entry, "Notes from the Field");
  mh_entry_set_slug (entry, "notes-from-the-field");
  mh_entry_set_date (entry, "2025-03-01");
  mh_entry_set_status (entry, MH_ENTRY_STATUS_PUBLISHED);
  mh_entry_set_body (entry, body->str);
  mh_store_save_entry (store, entry, &error);
  g_assert_no_error (error);
}

static gboolean
get_boolean (gpointer    object,
             const char *name)
{
  gboolean value = FALSE;

  g_object_get (object, name, &value, NULL);
  return value;
}

static double
get_double (gpointer    object,
            const char *name)
{
  double value = 0;

  g_object_get (object, name, &value, NULL);
  return value;
}

static char *
dup_string (gpointer    object,
            const char *name)
{
  char *value = NULL;

  g_object_get (object, name, &value, NULL);
  return value;
}

/* Spins the main loop until @object's boolean property @name is @value. */
static void
wait_for_boolean (gpointer    object,
                  const char *name,
                  gboolean    value)
{
  gint64 deadline = g_get_monotonic_time () + EXPORT_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;

  while (get_boolean (object, name) != value)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s to become %s", name, value ? "TRUE" : "FALSE");
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static MhWindow *
open_window (const char *path)
{
  MhWindow *window = mh_window_new (NULL, path);

  gtk_window_present (GTK_WINDOW (window));
  mh_test_spin (100);

  return window;
}

static void
close_window (MhWindow *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  mh_test_spin (50);
  g_assert_null (window);
}

/* The export dialog is a toplevel of its own; at most one is open. */
static MhExportDialog *
find_export_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  MhExportDialog *found = NULL;
  guint i;

  for (i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (MH_IS_EXPORT_DIALOG (item))
        {
          g_assert_null (found);
          found = MH_EXPORT_DIALOG (item);
        }
    }
  return found;
}

/* Opens the dialog the way Ctrl+E does, and keeps a reference to it so it
 * can still be read once it has closed. */
static MhExportDialog *
open_export_dialog (MhWindow *window)
{
  MhExportDialog *dialog;

  g_assert_null (find_export_dialog ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = find_export_dialog ();
  g_assert_nonnull (dialog);
  mh_test_spin (50);

  return g_object_ref (dialog);
}

static void
assert_file_exists (const char *dir,
                    const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    g_error ("%s does not exist", path);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (text == NULL || strstr (text, part) == NULL)
    g_error ("“%s” does not contain “%s”", text ? text : "(null)", part);
}

static char *
dup_setting (const char *site_path,
             const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MhStore) store = mh_store_open (site_path, &error);

  g_assert_no_error (error);
  return mh_store_get_setting (store, key);
}

/* Nothing but the site file (and SQLite's companions) is left beside it:
 * no target, no staging folder, no half-written zip. */
static void
assert_nothing_exported (Fixture *fixture)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (!g_str_has_prefix (name, "culture360-site.masthead"))
        g_error ("%s was left in %s", name, fixture->dir);
    }
}

/* Ctrl+E, a folder, Export: the folder holds the site and the window says
 * so; Ctrl+Shift+E then repeats it without asking, and finds nothing to
 * rewrite. */
static void
test_export_and_again (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *default_target = g_build_filename (fixture->dir, "culture360-site", NULL);
  g_autofree char *manifest = g_build_filename (fixture->target, ".masthead-export", NULL);
  g_autofree char *target = NULL;
  g_autofree char *message = NULL;
  g_autofree char *error_message = NULL;
  g_autofree char *last_dir = NULL;
  g_autofree char *last_format = NULL;
  MhExportDialog *dialog;
  MhWindow *window;

  make_demo_site (fixture);
  window = open_window (fixture->path);

  /* Nothing to repeat yet. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-again", NULL));
  g_assert_null (find_export_dialog ());

  dialog = open_export_dialog (window);
  target = dup_string (dialog, "target-dir");
  g_assert_cmpstr (target, ==, default_target);
  g_assert_false (get_boolean (dialog, "busy"));
  g_assert_false (get_boolean (dialog, "zip"));

  g_object_set (dialog, "target-dir", fixture->target, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.start", NULL));
  g_assert_true (get_boolean (dialog, "busy"));
  wait_for_boolean (dialog, "busy", FALSE);

  error_message = dup_string (dialog, "error-message");
  g_assert_null (error_message);
  assert_file_exists (fixture->target, "index.html");
  assert_file_exists (fixture->target, ".masthead-export");
  g_assert_null (find_export_dialog ());  /* closed on success */

  message = dup_string (window, "last-export-message");
  assert_contains (message, "“out”");
  assert_contains (message, "files written");
  g_clear_object (&dialog);

  last_dir = dup_setting (fixture->path, "last_export_dir");
  g_assert_cmpstr (last_dir, ==, fixture->target);
  last_format = dup_setting (fixture->path, "last_export_format");
  g_assert_cmpstr (last_format, ==, "html");

  /* Export Again: no questions, the same folder, nothing changed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-again", NULL));
  dialog = g_object_ref (find_export_dialog ());
  g_assert_true (get_boolean (dialog, "busy"));
  wait_for_boolean (dialog, "busy", FALSE);
  g_assert_null (find_export_dialog ());

  g_clear_pointer (&message, g_free);
  message = dup_string (window, "last-export-message");
  assert_contains (message, "“out”");
  assert_contains (message, "0 files written");
  assert_file_exists (fixture->target, "index.html");
  g_clear_object (&dialog);

  /* When the folder is no longer Masthead's, Export Again shows the
   * dialog with the reason instead. */
  g_assert_cmpint (g_unlink (manifest), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-again", NULL));
  dialog = g_object_ref (find_export_dialog ());
  wait_for_boolean (dialog, "busy", FALSE);
  g_assert_true (find_export_dialog () == dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  error_message = dup_string (dialog, "error-message");
  assert_contains (error_message, "not empty");
  gtk_window_close (GTK_WINDOW (dialog));
  g_clear_object (&dialog);

  close_window (window);
}

/* The dialog starts from the last export's options, and the zip file is
 * written beside the folder. */
static void
test_zip_and_remembered_options (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *zip_path = g_strconcat (fixture->target, ".zip", NULL);
  g_autofree char *shown_zip_path = NULL;
  g_autofree char *target = NULL;
  g_autofree char *last_zip = NULL;
  MhExportDialog *dialog;
  MhWindow *window;

  make_demo_site (fixture);
  window = open_window (fixture->path);

  dialog = open_export_dialog (window);
  g_object_set (dialog, "target-dir", fixture->target, "zip", TRUE, NULL);
  shown_zip_path = dup_string (dialog, "zip-path");
  g_assert_cmpstr (shown_zip_path, ==, zip_path);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.start", NULL));
  wait_for_boolean (dialog, "busy", FALSE);
  g_clear_object (&dialog);

  assert_file_exists (fixture->target, "index.html");
  g_assert_true (g_file_test (zip_path, G_FILE_TEST_IS_REGULAR));
  last_zip = dup_setting (fixture->path, "last_export_zip");
  g_assert_cmpstr (last_zip, ==, zip_path);

  /* A new dialog starts where the last export went. */
  dialog = open_export_dialog (window);
  target = dup_string (dialog, "target-dir");
  g_assert_cmpstr (target, ==, fixture->target);
  g_assert_true (get_boolean (dialog, "zip"));
  g_assert_cmpint (mh_export_dialog_get_format (dialog), ==, MH_EXPORT_FORMAT_HTML);
  g_assert_null (mh_export_dialog_get_theme_dir (dialog));

  gtk_window_close (GTK_WINDOW (dialog));
  mh_test_spin (20);
  g_assert_null (find_export_dialog ());
  g_clear_object (&dialog);

  close_window (window);
}

static void
on_exported_cb (MhExportDialog  *dialog,
                const char      *message,
                AdwToast        *toast,
                AdwToast       **out)
{
  g_set_object (out, toast);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint i;

  for (i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (item))
        return ADW_MESSAGE_DIALOG (item);
    }
  return NULL;
}

/* Broken links do not stop the export: the toast counts them and its
 * button lists them. */
static void
test_broken_links (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *message = NULL;
  g_autoptr(AdwToast) toast = NULL;
  AdwMessageDialog *problems;
  MhExportDialog *dialog;
  MhWindow *window;

  make_demo_site (fixture);
  add_broken_links (fixture, 2);
  window = open_window (fixture->path);
  dialog = open_export_dialog (window);
  g_signal_connect (dialog, "exported", G_CALLBACK (on_exported_cb), &toast);
  g_object_set (dialog, "target-dir", fixture->target, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.start", NULL));
  wait_for_boolean (dialog, "busy", FALSE);
  g_clear_object (&dialog);

  assert_file_exists (fixture->target, "index.html");
  message = dup_string (window, "last-export-message");
  assert_contains (message, "“out”");
  assert_contains (message, "2 broken links");
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Details");

  g_signal_emit_by_name (toast, "button-clicked");
  problems = find_message_dialog ();
  g_assert_nonnull (problems);
  assert_contains (adw_message_dialog_get_heading (problems), "2 Broken Links");
  gtk_window_destroy (GTK_WINDOW (problems));

  close_window (window);
}

/* The Hugo bundle: no theme row, and the format is remembered. */
static void
test_hugo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *last_format = NULL;
  MhExportDialog *dialog;
  MhWindow *window;

  make_demo_site (fixture);
  window = open_window (fixture->path);
  dialog = open_export_dialog (window);
  g_object_set (dialog, "target-dir", fixture->target, "format", MH_EXPORT_FORMAT_HUGO, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.start", NULL));
  wait_for_boolean (dialog, "busy", FALSE);
  g_assert_null (mh_export_dialog_get_error_message (dialog));
  g_clear_object (&dialog);

  assert_file_exists (fixture->target, "hugo.toml");
  last_format = dup_setting (fixture->path, "last_export_format");
  g_assert_cmpstr (last_format, ==, "hugo");

  dialog = open_export_dialog (window);
  g_assert_cmpint (mh_export_dialog_get_format (dialog), ==, MH_EXPORT_FORMAT_HUGO);
  gtk_window_close (GTK_WINDOW (dialog));
  g_clear_object (&dialog);

  close_window (window);
}

/* Cancel right away, and again once entries are being written: the dialog
 * stays open with no error, and nothing is left behind. */
static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *error_message = NULL;
  g_autofree char *last_dir = NULL;
  g_autofree char *message = NULL;
  MhExportDialog *dialog;
  MhWindow *window;

  make_large_site (fixture);
  window = open_window (fixture->path);
  dialog = open_export_dialog (window);
  g_object_set (dialog, "target-dir", fixture->target, NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.start", NULL));
  g_assert_true (get_boolean (dialog, "busy"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.cancel", NULL));
  wait_for_boolean (dialog, "busy", FALSE);

  error_message = dup_string (dialog, "error-message");
  g_assert_null (error_message);
  g_assert_true (find_export_dialog () == dialog);
  assert_nothing_exported (fixture);

  /* Midway: wait for the first entries to be reported. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.start", NULL));
  while (get_boolean (dialog, "busy") && get_double (dialog, "fraction") <= 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (get_boolean (dialog, "busy"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.cancel", NULL));
  wait_for_boolean (dialog, "busy", FALSE);

  error_message = dup_string (dialog, "error-message");
  g_assert_null (error_message);
  assert_nothing_exported (fixture);
  message = dup_string (window, "last-export-message");
  g_assert_null (message);
  last_dir = dup_setting (fixture->path, "last_export_dir");
  g_assert_null (last_dir);

  gtk_window_close (GTK_WINDOW (dialog));
  g_clear_object (&dialog);
  close_window (window);
}

/* Closing the dialog while it exports gives the export up. */
static void
test_close_cancels (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *message = NULL;
  MhExportDialog *again;
  MhExportDialog *dialog;
  MhWindow *window;

  make_large_site (fixture);
  window = open_window (fixture->path);
  dialog = open_export_dialog (window);
  g_object_set (dialog, "target-dir", fixture->target, NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.start", NULL));
  mh_test_spin (50);
  g_assert_true (get_boolean (dialog, "busy"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  g_assert_null (find_export_dialog ());

  /* Ctrl+E right away opens a new dialog, not the closing one. */
  again = open_export_dialog (window);
  g_assert_true (again != dialog);
  g_assert_false (get_boolean (again, "busy"));
  gtk_window_close (GTK_WINDOW (again));
  g_clear_object (&again);

  wait_for_boolean (dialog, "busy", FALSE);

  assert_nothing_exported (fixture);
  message = dup_string (window, "last-export-message");
  g_assert_null (message);

  g_clear_object (&dialog);
  close_window (window);
}

/* A folder with someone else's files is refused, and the dialog says why
 * and what to do; the files are untouched. */
static void
test_error_not_empty (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *foreign = g_build_filename (fixture->target, "notes.txt", NULL);
  g_autofree char *error_message = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  MhExportDialog *dialog;
  MhWindow *window;

  make_demo_site (fixture);
  g_assert_cmpint (g_mkdir (fixture->target, 0755), ==, 0);
  g_file_set_contents (foreign, "mine", -1, &error);
  g_assert_no_error (error);

  window = open_window (fixture->path);
  dialog = open_export_dialog (window);
  g_object_set (dialog, "target-dir", fixture->target, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.start", NULL));
  wait_for_boolean (dialog, "busy", FALSE);

  error_message = dup_string (dialog, "error-message");
  assert_contains (error_message, "not empty");
  assert_contains (error_message, "Choose");
  g_assert_true (find_export_dialog () == dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  g_file_get_contents (foreign, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "mine");

  /* Another folder clears the message. */
  g_clear_pointer (&error_message, g_free);
  g_object_set (dialog, "target-dir", fixture->dir, NULL);
  error_message = dup_string (dialog, "error-message");
  g_assert_null (error_message);

  gtk_window_close (GTK_WINDOW (dialog));
  g_clear_object (&dialog);
  close_window (window);
}

/* A theme folder that has gone is caught before anything starts. */
static void
test_error_missing_theme (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *theme = g_build_filename (fixture->dir, "no-such-theme", NULL);
  g_autofree char *error_message = NULL;
  MhExportDialog *dialog;
  MhWindow *window;

  make_demo_site (fixture);
  window = open_window (fixture->path);
  dialog = open_export_dialog (window);
  g_object_set (dialog, "target-dir", fixture->target, "theme-dir", theme, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.start", NULL));
  g_assert_false (get_boolean (dialog, "busy"));

  error_message = dup_string (dialog, "error-message");
  assert_contains (error_message, "no-such-theme");
  assert_contains (error_message, "default theme");
  assert_nothing_exported (fixture);

  /* Clearing the theme clears the message too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.clear-theme", NULL));
  g_assert_null (mh_export_dialog_get_theme_dir (dialog));
  g_assert_null (mh_export_dialog_get_error_message (dialog));

  gtk_window_close (GTK_WINDOW (dialog));
  g_clear_object (&dialog);
  close_window (window);
}

/* A window that could not open its site offers no export. */
static void
test_no_site (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  MhWindow *window;

  g_file_set_contents (fixture->path, "not a site", -1, &error);
  g_assert_no_error (error);

  window = open_window (fixture->path);
  g_assert_nonnull (mh_window_get_error_message (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-again", NULL);
  mh_test_spin (20);
  g_assert_null (find_export_dialog ());

  close_window (window);
}

/* --- screenshots ----------------------------------------------------------- */

/* Renders @widget as it is now, the way the platform notes describe. */
static void
save_png (GtkWidget  *widget,
          const char *name)
{
  const char *dir = g_getenv ("MH_SCREENSHOT_DIR");
  const char *suffix = g_getenv ("MH_SCREENSHOT_SUFFIX");
  g_autofree char *file = g_strdup_printf ("%s%s.png", name, suffix ? suffix : "");
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_print ("%s\n", path);
}

/* Not a test: with MH_SCREENSHOT_DIR set (build-aux/screenshot export), it
 * saves the dialog idle, exporting, failing, and the toast after success. */
static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *foreign = g_build_filename (fixture->target, "notes.txt", NULL);
  g_autoptr(AdwToast) toast = NULL;
  AdwMessageDialog *problems;
  MhExportDialog *dialog;
  MhWindow *window;

  if (g_getenv ("MH_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("set MH_SCREENSHOT_DIR to save screenshots");
      return;
    }

  /* Larger than the tests' site, so the export is still running when
   * the progress bar is rendered. */
  g_object_unref (mh_test_make_site (fixture->path, 4 * N_LARGE_SITE_ENTRIES));
  window = open_window (fixture->path);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  dialog = open_export_dialog (window);
  mh_test_spin (300);
  save_png (GTK_WIDGET (dialog), "export-dialog");

  /* Exporting: catch it a good way in. */
  g_object_set (dialog, "target-dir", fixture->target, "zip", TRUE, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.start", NULL));
  while (get_boolean (dialog, "busy") && get_double (dialog, "fraction") < 0.3)
    g_main_context_iteration (NULL, TRUE);
  mh_test_spin (30);
  g_assert_true (get_boolean (dialog, "busy"));
  save_png (GTK_WIDGET (dialog), "export-progress");
  wait_for_boolean (dialog, "busy", FALSE);
  g_clear_object (&dialog);
  mh_test_spin (600);
  save_png (GTK_WIDGET (window), "export-toast");

  /* Failing: a folder with someone else's file. */
  mh_test_rm_rf (fixture->target);
  g_assert_cmpint (g_mkdir (fixture->target, 0755), ==, 0);
  g_assert_true (g_file_set_contents (foreign, "mine", -1, NULL));
  dialog = open_export_dialog (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.start", NULL));
  wait_for_boolean (dialog, "busy", FALSE);
  mh_test_spin (300);
  save_png (GTK_WIDGET (dialog), "export-error");

  /* The Hugo form has no theme row. */
  g_object_set (dialog, "format", MH_EXPORT_FORMAT_HUGO, NULL);
  mh_test_spin (300);
  save_png (GTK_WIDGET (dialog), "export-hugo");
  gtk_window_close (GTK_WINDOW (dialog));
  g_clear_object (&dialog);
  close_window (window);

  /* Broken links: the details behind the toast. */
  mh_test_rm_rf (fixture->dir);
  g_assert_cmpint (g_mkdir (fixture->dir, 0755), ==, 0);
  make_demo_site (fixture);
  add_broken_links (fixture, 12);
  window = open_window (fixture->path);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  dialog = open_export_dialog (window);
  g_signal_connect (dialog, "exported", G_CALLBACK (on_exported_cb), &toast);
  g_object_set (dialog, "target-dir", fixture->target, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.start", NULL));
  wait_for_boolean (dialog, "busy", FALSE);
  g_clear_object (&dialog);
  mh_test_spin (600);
  save_png (GTK_WIDGET (window), "export-toast-problems");
  g_signal_emit_by_name (toast, "button-clicked");
  mh_test_spin (400);
  problems = find_message_dialog ();
  save_png (GTK_WIDGET (problems), "export-problems");
  gtk_window_destroy (GTK_WINDOW (problems));
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/mh/export-dialog/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("export-and-again", test_export_and_again);
  ADD ("zip-and-remembered-options", test_zip_and_remembered_options);
  ADD ("cancel", test_cancel);
  ADD ("close-cancels", test_close_cancels);
  ADD ("error-not-empty", test_error_not_empty);
  ADD ("error-missing-theme", test_error_missing_theme);
  ADD ("no-site", test_no_site);
  ADD ("broken-links", test_broken_links);
  ADD ("hugo", test_hugo);
  ADD ("screenshots", test_screenshots);

#undef ADD

  return g_test_run ();
}
