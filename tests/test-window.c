/* test-window.c
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "mh-demo.h"
#include "mh-entry-list.h"
#include "mh-entry.h"
#include "mh-store.h"
#include "mh-test-utils.h"
#include "mh-preferences-window.h"
#include "mh-window-private.h"
#include "mh-window.h"

/* As many entries as the issue asks the list to cope with. */
#define N_LARGE_SITE_ENTRIES 100000

#define CULTURAL_DIPLOMACY_REPORT \
  "How Do We Navigate Cultural Diplomacy? Key Learnings, Challenges and Takeaways"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("mh-test-window-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "site.masthead", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);

  g_free (fixture->path);
  g_free (fixture->dir);
}

static MhWindow *
open_window (const char *path)
{
  MhWindow *window = mh_window_new (NULL, path);

  g_assert_true (MH_IS_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
  mh_test_spin (200);

  return window;
}

/* Closes the way Ctrl+W does, and checks that nothing keeps the window. */
static void
close_window (MhWindow *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "window.close", NULL));
  mh_test_spin (50);
  g_assert_null (window);
}

static char *
dup_string_property (gpointer    object,
                     const char *name)
{
  char *value = NULL;

  g_object_get (object, name, &value, NULL);
  return value;
}

static void
assert_visible_page (MhWindow   *window,
                     const char *expected)
{
  g_autofree char *page = dup_string_property (window, "visible-page");

  g_assert_cmpstr (page, ==, expected);
}

static GListModel *
get_entries (MhWindow *window)
{
  return mh_window_get_entries (window);
}

/* Whether @needle is in the entry's searchable text (title, summary,
 * body). With @fold, case and accents are ignored, as the search does:
 * "cerna" then matches "Černá" as well as "Cerna". */
static gboolean
entry_mentions (MhEntry    *entry,
                const char *needle,
                gboolean    fold)
{
  const char *fields[] = { "title", "summary", "body" };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *text = dup_string_property (entry, fields[i]);
      g_autofree char *ascii = NULL;
      g_autofree char *folded = NULL;

      if (text == NULL)
        continue;
      if (!fold)
        {
          if (strstr (text, needle) != NULL)
            return TRUE;
          continue;
        }

      ascii = g_str_to_ascii (text, "C");
      folded = g_ascii_strdown (ascii, -1);
      if (strstr (folded, needle) != NULL)
        return TRUE;
    }

  return FALSE;
}

static guint
count_mentioning (GListModel *model,
                  const char *needle,
                  gboolean    fold)
{
  guint n = g_list_model_get_n_items (model);
  guint count = 0;
  guint i;

  for (i = 0; i < n; i++)
    {
      g_autoptr(MhEntry) entry = g_list_model_get_item (model, i);

      if (entry_mentions (entry, needle, fold))
        count++;
    }

  return count;
}

static MhEntry *
find_by_title (GListModel *model,
               const char *title)
{
  guint n = g_list_model_get_n_items (model);
  guint i;

  for (i = 0; i < n; i++)
    {
      g_autoptr(MhEntry) entry = g_list_model_get_item (model, i);
      g_autofree char *entry_title = dup_string_property (entry, "title");

      if (g_strcmp0 (entry_title, title) == 0)
        return g_steal_pointer (&entry);
    }

  return NULL;
}

static void
test_window_demo (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MhEntry) report = NULL;
  g_autofree char *kind_label = NULL;
  g_autofree char *error_message = NULL;
  g_autoptr(MhStore) store = NULL;
  MhWindow *window;
  GListModel *entries;
  guint n_all;
  guint n_cerna;
  guint n_cerna_folded;
  guint n_found;
  guint i;

  mh_demo_create (fixture->path, FALSE, &error);
  g_assert_no_error (error);

  window = open_window (fixture->path);
  assert_visible_page (window, "entries");
  g_object_get (window, "store", &store, "error-message", &error_message, NULL);
  g_assert_true (MH_IS_STORE (store));
  g_assert_null (error_message);
  g_assert_cmpstr (mh_window_get_path (window), ==, fixture->path);

  entries = get_entries (window);
  g_assert_true (G_IS_LIST_MODEL (entries));
  n_all = g_list_model_get_n_items (entries);
  g_assert_cmpuint (n_all, >=, 10);

  report = find_by_title (entries, CULTURAL_DIPLOMACY_REPORT);
  g_assert_nonnull (report);
  g_object_get (report, "kind-label", &kind_label, NULL);
  g_assert_cmpstr (kind_label, ==, "Report");

  /* Full-text search ignores accents: "Cerna" finds "Černá" (and the
   * demo's own page that mentions the search "Cerna"). */
  n_cerna = count_mentioning (entries, "Černá", FALSE);
  n_cerna_folded = count_mentioning (entries, "cerna", TRUE);
  g_assert_cmpuint (n_cerna, >=, 1);
  g_assert_cmpuint (n_cerna_folded, >=, n_cerna);
  g_assert_cmpuint (n_cerna_folded, <, n_all);

  g_object_set (window, "search-text", "Cerna", NULL);
  mh_test_spin (50);
  assert_visible_page (window, "entries");
  g_assert_true (get_entries (window) == entries);
  n_found = g_list_model_get_n_items (entries);
  g_assert_cmpuint (n_found, ==, n_cerna_folded);
  g_assert_cmpuint (count_mentioning (entries, "Černá", FALSE), ==, n_cerna);
  for (i = 0; i < n_found; i++)
    {
      g_autoptr(MhEntry) entry = g_list_model_get_item (entries, i);

      g_assert_true (entry_mentions (entry, "cerna", TRUE));
    }

  /* A search with no match shows the empty page; clearing it lists all again. */
  g_object_set (window, "search-text", "qqxyzzy", NULL);
  mh_test_spin (50);
  assert_visible_page (window, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 0);

  g_object_set (window, "search-text", "", NULL);
  mh_test_spin (50);
  assert_visible_page (window, "entries");
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, n_all);

  g_clear_object (&report);
  g_clear_object (&store);
  close_window (window);
}

static void
test_window_empty_site (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MhStore) store = NULL;
  MhWindow *window;

  store = mh_store_create (fixture->path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  window = open_window (fixture->path);
  assert_visible_page (window, "empty");
  g_assert_nonnull (mh_window_get_store (window));
  g_assert_cmpuint (g_list_model_get_n_items (get_entries (window)), ==, 0);
  close_window (window);
}

/* The list is read on demand: showing (and searching) a large site reads
 * the rows on screen plus a small cache, never every entry. */
static void
test_window_large_site (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(MhStore) store = NULL;
  g_autoptr(GTimer) timer = NULL;
  MhWindow *window;
  MhEntryList *entries;

  store = mh_test_make_site (fixture->path, N_LARGE_SITE_ENTRIES);
  g_clear_object (&store);

  timer = g_timer_new ();
  window = mh_window_new (NULL, fixture->path);
  g_test_message ("Opening %u entries took %.0f ms", N_LARGE_SITE_ENTRIES,
                  1000 * g_timer_elapsed (timer, NULL));
  gtk_window_present (GTK_WINDOW (window));
  mh_test_spin (200);
  assert_visible_page (window, "entries");
  entries = MH_ENTRY_LIST (mh_window_get_entries (window));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (entries)), ==, N_LARGE_SITE_ENTRIES);
  g_assert_cmpuint (mh_entry_list_get_n_loaded (entries), >, 0);
  g_assert_cmpuint (mh_entry_list_get_n_loaded (entries), <=, 512);

  /* mh_test_make_site() quotes "Alžběta Černá" in one entry of every 1000. */
  mh_window_set_search_text (window, "cerna");
  mh_test_spin (50);
  assert_visible_page (window, "entries");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (entries)), ==,
                    N_LARGE_SITE_ENTRIES / 1000);
  g_assert_cmpuint (mh_entry_list_get_n_loaded (entries), <=, 512);

  close_window (window);
}

static void
assert_error_page (MhWindow   *window,
                   const char *path)
{
  g_autofree char *message = dup_string_property (window, "error-message");
  g_autofree char *basename = g_path_get_basename (path);
  g_autoptr(MhStore) store = NULL;
  g_autoptr(GListModel) entries = NULL;

  assert_visible_page (window, "error");
  g_assert_nonnull (message);
  g_assert_cmpstr (message, !=, "");
  g_assert_nonnull (strstr (message, basename));

  g_object_get (window, "store", &store, "entries", &entries, NULL);
  g_assert_null (store);
  g_assert_null (entries);

  /* Searching a site that is not open is a no-op, not a crash. */
  g_object_set (window, "search-text", "anything", NULL);
  assert_visible_page (window, "error");
}

static void
test_window_garbage (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (1729);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len = 8192;
  gsize after_len = 0;
  MhWindow *window;
  gsize i;

  before = g_malloc (before_len);
  for (i = 0; i < before_len; i++)
    before[i] = (char) g_rand_int_range (rand, 0, 256);
  g_file_set_contents (fixture->path, before, before_len, &error);
  g_assert_no_error (error);

  window = open_window (fixture->path);
  assert_error_page (window, fixture->path);
  close_window (window);

  g_file_get_contents (fixture->path, &after, &after_len, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (before, before_len, after, after_len);
}

static void
test_window_missing (Fixture       *fixture,
                     gconstpointer  data)
{
  MhWindow *window;

  window = open_window (fixture->path);
  assert_error_page (window, fixture->path);
  close_window (window);

  /* Opening is not creating: no site appears where none was. */
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

/* The application's settings (the memory backend here), or NULL and the
 * test skipped when the schema is not compiled. */
static GSettings *
app_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "io.github.masthead.Masthead", TRUE);
  if (schema == NULL)
    {
      g_test_skip ("The settings schema is not compiled (GSETTINGS_SCHEMA_DIR)");
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

/* The window size is kept in GSettings (the memory backend here) when the
 * window closes, and the next window opens at that size. */
static void
test_window_remembers_size (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GSettings) settings = app_settings ();
  g_autoptr(GError) error = NULL;
  MhWindow *window;
  int width;
  int height;

  if (settings == NULL)
    return;

  mh_demo_create (fixture->path, FALSE, &error);
  g_assert_no_error (error);

  window = open_window (fixture->path);
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 480);
  mh_test_spin (100);
  close_window (window);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 720);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 480);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  window = mh_window_new (NULL, fixture->path);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 720);
  g_assert_cmpint (height, ==, 480);
  gtk_window_destroy (GTK_WINDOW (window));

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

/* The first widget of the type named @type_name under @widget. */
static GtkWidget *
find_widget (GtkWidget  *widget,
             const char *type_name)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), type_name))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The editor font of the preferences (GSettings editor-font) reaches the
 * editor of every window at once, and the preferences window writes it;
 * show-preview and the editor's preview toggle follow each other. */
static void
test_window_editor_font (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GSettings) settings = app_settings ();
  g_autoptr(GError) error = NULL;
  g_autofree char *font = NULL;
  g_autofree char *chosen = NULL;
  g_autofree char *stored = NULL;
  gboolean shown = TRUE;
  GtkWidget *preferences;
  GtkFontChooser *button;
  MhWindow *window;

  if (settings == NULL)
    return;
  g_settings_set_string (settings, "editor-font", "Monospace 17");

  mh_demo_create (fixture->path, FALSE, &error);
  g_assert_no_error (error);
  window = open_window (fixture->path);

  font = dup_string_property (window->editor, "body-font");
  g_assert_cmpstr (font, ==, "Monospace 17");
  g_settings_set_string (settings, "editor-font", "Monospace Bold 9");
  g_free (font);
  font = dup_string_property (window->editor, "body-font");
  g_assert_cmpstr (font, ==, "Monospace Bold 9");

  preferences = mh_preferences_window_new (GTK_WINDOW (window), settings);
  gtk_window_present (GTK_WINDOW (preferences));
  mh_test_spin (50);
  button = GTK_FONT_CHOOSER (find_widget (preferences, "GtkFontButton"));
  g_assert_nonnull (button);
  chosen = gtk_font_chooser_get_font (button);
  g_assert_cmpstr (chosen, ==, "Monospace Bold 9");
  gtk_font_chooser_set_font (button, "Monospace 13");
  stored = g_settings_get_string (settings, "editor-font");
  g_assert_cmpstr (stored, ==, "Monospace 13");
  g_free (font);
  font = dup_string_property (window->editor, "body-font");
  g_assert_cmpstr (font, ==, "Monospace 13");

  gtk_window_destroy (GTK_WINDOW (preferences));

  /* The preview is on or off as the settings say, and the editor's toggle
   * is remembered there. */
  g_settings_set_boolean (settings, "show-preview", FALSE);
  g_object_get (window->editor, "show-preview", &shown, NULL);
  g_assert_false (shown);
  g_assert_true (gtk_widget_activate_action (window->editor, "editor.show-preview", NULL));
  g_assert_true (g_settings_get_boolean (settings, "show-preview"));

  close_window (window);
  g_settings_reset (settings, "editor-font");
  g_settings_reset (settings, "show-preview");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/mh/window/demo", Fixture, NULL,
              fixture_set_up, test_window_demo, fixture_tear_down);
  g_test_add ("/mh/window/empty-site", Fixture, NULL,
              fixture_set_up, test_window_empty_site, fixture_tear_down);
  g_test_add ("/mh/window/large-site", Fixture, NULL,
              fixture_set_up, test_window_large_site, fixture_tear_down);
  g_test_add ("/mh/window/remembers-size", Fixture, NULL,
              fixture_set_up, test_window_remembers_size, fixture_tear_down);
  g_test_add ("/mh/window/editor-font", Fixture, NULL,
              fixture_set_up, test_window_editor_font, fixture_tear_down);
  g_test_add ("/mh/window/garbage", Fixture, NULL,
              fixture_set_up, test_window_garbage, fixture_tear_down);
  g_test_add ("/mh/window/missing", Fixture, NULL,
              fixture_set_up, test_window_missing, fixture_tear_down);

  return g_test_run ();
}
