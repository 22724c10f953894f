/* test-site-settings.c
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "mh-demo.h"
#include "mh-site-settings.h"
#include "mh-store.h"
#include "mh-test-utils.h"

/* The issue: every change is in the file within 2 seconds. */
#define SAVE_DEADLINE_MS 2000
#define WAIT_TIMEOUT_MS  10000

typedef struct
{
  char           *dir;
  char           *path;
  MhStore        *store;
  GtkWindow      *window;
  MhSiteSettings *settings;
} Fixture;

/* --- helpers ------------------------------------------------------------------ */

static gboolean
get_boolean (gpointer    object,
             const char *name)
{
  gboolean value = FALSE;

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

/* Spins the main loop until "saved" is TRUE; returns how long it took. */
static gint64
wait_until_saved (MhSiteSettings *settings)
{
  gint64 start = g_get_monotonic_time ();

  while (!get_boolean (settings, "saved"))
    {
      if (g_get_monotonic_time () - start > WAIT_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND)
        g_error ("Timed out waiting for the settings to be saved");
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return (g_get_monotonic_time () - start) / G_TIME_SPAN_MILLISECOND;
}

/* What a second connection to the file reads: what is really saved. */
static char *
dup_stored (Fixture    *fixture,
            const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MhStore) store = mh_store_open (fixture->path, &error);

  g_assert_no_error (error);
  return mh_store_get_setting (store, key);
}

static void
assert_stored (Fixture    *fixture,
               const char *key,
               const char *expected)
{
  g_autofree char *value = dup_stored (fixture, key);

  g_assert_cmpstr (value, ==, expected);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (text == NULL || strstr (text, part) == NULL)
    g_error ("“%s” does not contain “%s”", text ? text : "(null)", part);
}

static void
on_changed_cb (MhStore *store,
               guint   *count)
{
  (*count)++;
}

/* --- fixture ------------------------------------------------------------------ */

static void
open_settings (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->store = mh_store_open (fixture->path, &error);
  g_assert_no_error (error);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 760, 1000);
  fixture->settings = MH_SITE_SETTINGS (mh_site_settings_new ());
  g_object_ref (fixture->settings);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->settings));
  mh_site_settings_set_store (fixture->settings, fixture->store);
  gtk_window_present (fixture->window);
  mh_test_spin (50);
}

static void
close_settings (Fixture *fixture)
{
  if (fixture->window != NULL)
    gtk_window_destroy (g_steal_pointer (&fixture->window));
  if (fixture->settings != NULL)
    g_assert_finalize_object (g_steal_pointer (&fixture->settings));
  g_clear_object (&fixture->store);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = mh_test_make_tmp_dir ();
  fixture->path = g_build_filename (fixture->dir, "culture360-site.masthead", NULL);
  g_assert_true (mh_demo_create (fixture->path, FALSE, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_settings (fixture);
  g_chmod (fixture->path, 0644);
  mh_test_rm_rf (fixture->dir);

  g_free (fixture->path);
  g_free (fixture->dir);
}

/* --- tests -------------------------------------------------------------------- */

/* The form shows what the demo site holds, and nothing is pending. */
static void
test_load (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *title = NULL;
  g_autofree char *base_url = NULL;
  g_autofree char *language = NULL;
  g_autofree char *languages = NULL;
  g_autofree char *theme_dir = NULL;
  g_autofree char *error_message = NULL;

  open_settings (fixture);
  g_object_get (fixture->settings,
                "title", &title,
                "base-url", &base_url,
                "language", &language,
                "languages", &languages,
                "theme-dir", &theme_dir,
                "error-message", &error_message,
                NULL);

  g_assert_cmpstr (title, ==, "culture360 (demo)");
  g_assert_cmpstr (base_url, ==, "https://example.org/");
  g_assert_cmpstr (language, ==, "en");
  g_assert_cmpstr (languages, ==, "");
  g_assert_null (theme_dir);
  g_assert_null (error_message);
  g_assert_false (get_boolean (fixture->settings, "allow-raw-html"));
  g_assert_true (get_boolean (fixture->settings, "saved"));
  g_assert_true (get_boolean (fixture->settings, "editable"));
  g_assert_true (gtk_widget_is_sensitive (_mh_site_settings_get_row (fixture->settings,
                                                                     "title")));

  /* Showing the form writes nothing. */
  mh_test_spin (1200);
  g_assert_true (get_boolean (fixture->settings, "saved"));
}

/* Typing is saved a second after the last keystroke, well within two
 * seconds, all keys in one transaction. */
static void
test_autosave (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *site_title = NULL;
  guint changed = 0;
  gint64 took;

  open_settings (fixture);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (on_changed_cb), &changed);

  g_object_set (fixture->settings,
                "title", "Culture360",
                "description", "Arts and culture between Asia and Europe",
                "base-url", "https://culture360.example.net/",
                "language", "pt-BR",
                "languages", "fr, de  ja,fr",
                "default-author", "The Editors",
                NULL);
  g_assert_false (get_boolean (fixture->settings, "saved"));

  /* Debounced: not in the file yet. */
  mh_test_spin (300);
  assert_stored (fixture, "title", "culture360 (demo)");
  g_assert_cmpuint (changed, ==, 0);

  took = wait_until_saved (fixture->settings);
  g_assert_cmpint (took + 300, <, SAVE_DEADLINE_MS);
  g_assert_cmpuint (changed, ==, 1);

  assert_stored (fixture, "title", "Culture360");
  assert_stored (fixture, "description", "Arts and culture between Asia and Europe");
  assert_stored (fixture, "base_url", "https://culture360.example.net/");
  assert_stored (fixture, "language", "pt-BR");
  /* The source language first, each tag once; "en" went with it. */
  assert_stored (fixture, "languages", "[\"pt-BR\",\"fr\",\"de\",\"ja\"]");
  assert_stored (fixture, "default_author", "The Editors");
  assert_stored (fixture, "allow_raw_html", "false");
  site_title = mh_store_dup_title (fixture->store);
  g_assert_cmpstr (site_title, ==, "Culture360");

  /* Emptying an optional field removes the key. */
  g_object_set (fixture->settings, "description", "", "default-author", "  ", NULL);
  wait_until_saved (fixture->settings);
  assert_stored (fixture, "description", NULL);
  assert_stored (fixture, "default_author", NULL);

  /* Another view of the same site sees it all again. */
  close_settings (fixture);
  open_settings (fixture);
  g_assert_cmpstr (mh_site_settings_get_languages (fixture->settings), ==, "fr, de, ja");
  g_assert_cmpstr (mh_site_settings_get_language (fixture->settings), ==, "pt-BR");
}

/* Typing continues to push the save back. */
static void
test_debounce (Fixture       *fixture,
               gconstpointer  data)
{
  const char *steps[] = { "C", "Cu", "Cul", "Cult", "Cultu", "Cultur", "Culture" };

  open_settings (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_object_set (fixture->settings, "title", steps[i], NULL);
      mh_test_spin (200);
    }
  assert_stored (fixture, "title", "culture360 (demo)");
  g_assert_false (get_boolean (fixture->settings, "saved"));

  wait_until_saved (fixture->settings);
  assert_stored (fixture, "title", "Culture");
}

typedef struct
{
  const char *property;
  const char *value;
  const char *key;
  const char *named;   /* the error message names the field */
} InvalidCase;

static const InvalidCase invalid_cases[] = {
  { "base-url", "example.org", "base_url", "base URL" },
  { "base-url", "ftp://example.org/", "base_url", "base URL" },
  { "base-url", "https://", "base_url", "base URL" },
  { "base-url", "https://exa mple.org/", "base_url", "base URL" },
  { "language", "english!", "language", "source language" },
  { "language", "", "language", "source language" },
  { "languages", "fr, x_y", "languages", "further languages" },
  { "theme-dir", "/nonexistent/masthead-theme", "theme_dir", "theme folder" },
  { "title", "", "title", "title" },
  { "title", "   ", "title", "title" },
};

/* An invalid value is shown as a problem that names the field, and the
 * file keeps what it had; a valid change beside it is saved. */
static void
test_invalid (Fixture       *fixture,
              gconstpointer  data)
{
  const InvalidCase *c = data;
  g_autofree char *before = dup_stored (fixture, c->key);
  g_autofree char *message = NULL;
  GtkWidget *row;

  open_settings (fixture);
  row = _mh_site_settings_get_row (fixture->settings, c->property);
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  g_object_set (fixture->settings,
                c->property, c->value,
                "default-author", "Ana",
                NULL);
  message = dup_string (fixture->settings, "error-message");
  assert_contains (message, c->named);
  g_assert_true (gtk_widget_has_css_class (row, "error"));

  wait_until_saved (fixture->settings);
  mh_test_spin (1500);
  assert_stored (fixture, c->key, before);
  assert_stored (fixture, "default_author", "Ana");

  /* Dropping the form does not save it either. */
  close_settings (fixture);
  assert_stored (fixture, c->key, before);
}

/* Correcting the problem saves the field. */
static void
test_correct (Fixture       *fixture,
              gconstpointer  data)
{
  open_settings (fixture);

  g_object_set (fixture->settings, "base-url", "culture360.example.net", NULL);
  assert_contains (mh_site_settings_get_error_message (fixture->settings),
                   "must start with https:// or http://");
  wait_until_saved (fixture->settings);

  g_object_set (fixture->settings, "base-url", "https://culture360.example.net", NULL);
  g_assert_null (mh_site_settings_get_error_message (fixture->settings));
  g_assert_false (gtk_widget_has_css_class (_mh_site_settings_get_row (fixture->settings,
                                                                       "base-url"),
                                            "error"));
  wait_until_saved (fixture->settings);
  assert_stored (fixture, "base_url", "https://culture360.example.net");

  /* "languages" waits for a valid source language. */
  g_object_set (fixture->settings, "language", "??", "languages", "fr", NULL);
  wait_until_saved (fixture->settings);
  mh_test_spin (1200);
  assert_stored (fixture, "languages", "[\"en\"]");
  g_object_set (fixture->settings, "language", "de", NULL);
  wait_until_saved (fixture->settings);
  assert_stored (fixture, "language", "de");
  assert_stored (fixture, "languages", "[\"de\",\"fr\"]");
}

static void
test_theme_dir (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *theme = g_build_filename (fixture->dir, "theme", NULL);

  g_assert_cmpint (g_mkdir (theme, 0755), ==, 0);
  open_settings (fixture);

  g_object_set (fixture->settings, "theme-dir", theme, NULL);
  g_assert_null (mh_site_settings_get_error_message (fixture->settings));
  wait_until_saved (fixture->settings);
  assert_stored (fixture, "theme_dir", theme);

  /* Clear: back to the built-in theme. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->settings),
                                             "site-settings.clear-theme", NULL));
  g_assert_null (mh_site_settings_get_theme_dir (fixture->settings));
  wait_until_saved (fixture->settings);
  assert_stored (fixture, "theme_dir", NULL);

  /* A folder removed since is shown as a problem when the page opens. */
  g_object_set (fixture->settings, "theme-dir", theme, NULL);
  wait_until_saved (fixture->settings);
  close_settings (fixture);
  g_assert_cmpint (g_rmdir (theme), ==, 0);
  open_settings (fixture);
  assert_contains (mh_site_settings_get_error_message (fixture->settings), "theme folder");
  g_assert_true (get_boolean (fixture->settings, "saved"));
}

/* Turning raw HTML on asks first; only "Allow Raw HTML" turns it on. */
static void
test_raw_html (Fixture       *fixture,
               gconstpointer  data)
{
  open_settings (fixture);
  g_assert_false (get_boolean (fixture->settings, "confirming-raw-html"));

  /* Declined: nothing changes. */
  g_object_set (fixture->settings, "allow-raw-html", TRUE, NULL);
  g_assert_true (get_boolean (fixture->settings, "confirming-raw-html"));
  g_assert_false (get_boolean (fixture->settings, "allow-raw-html"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->settings),
                                             "site-settings.confirm-raw-html", "b", FALSE));
  g_assert_false (get_boolean (fixture->settings, "confirming-raw-html"));
  g_assert_false (get_boolean (fixture->settings, "allow-raw-html"));
  g_assert_true (get_boolean (fixture->settings, "saved"));
  mh_test_spin (1200);
  assert_stored (fixture, "allow_raw_html", "false");

  /* Accepted, after a click on the row (which flips its switch). */
  adw_action_row_activate (ADW_ACTION_ROW (_mh_site_settings_get_row (fixture->settings,
                                                                      "allow-raw-html")));
  /* The switch moves when its animation ends. */
  mh_test_spin (500);
  g_assert_true (get_boolean (fixture->settings, "confirming-raw-html"));
  g_assert_false (get_boolean (fixture->settings, "allow-raw-html"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->settings),
                                             "site-settings.confirm-raw-html", "b", TRUE));
  g_assert_false (get_boolean (fixture->settings, "confirming-raw-html"));
  g_assert_true (get_boolean (fixture->settings, "allow-raw-html"));
  wait_until_saved (fixture->settings);
  assert_stored (fixture, "allow_raw_html", "true");

  /* Turning it off needs no question. */
  g_object_set (fixture->settings, "allow-raw-html", FALSE, NULL);
  g_assert_false (get_boolean (fixture->settings, "confirming-raw-html"));
  wait_until_saved (fixture->settings);
  assert_stored (fixture, "allow_raw_html", "false");

  /* An open question goes away with the page. */
  g_object_set (fixture->settings, "allow-raw-html", TRUE, NULL);
  g_assert_true (get_boolean (fixture->settings, "confirming-raw-html"));
  close_settings (fixture);
  assert_stored (fixture, "allow_raw_html", "false");
}

/* A file without write permission is shown, insensitive, and never written. */
static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *title = NULL;

  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  open_settings (fixture);
  g_assert_true (mh_store_get_read_only (fixture->store));

  g_assert_false (get_boolean (fixture->settings, "editable"));
  g_assert_false (gtk_widget_is_sensitive (_mh_site_settings_get_row (fixture->settings,
                                                                      "title")));
  g_assert_false (gtk_widget_is_sensitive (_mh_site_settings_get_row (fixture->settings,
                                                                      "allow-raw-html")));
  title = dup_string (fixture->settings, "title");
  g_assert_cmpstr (title, ==, "culture360 (demo)");

  g_object_set (fixture->settings, "title", "Changed", "allow-raw-html", TRUE, NULL);
  g_assert_cmpstr (mh_site_settings_get_title (fixture->settings), ==, "culture360 (demo)");
  g_assert_false (get_boolean (fixture->settings, "confirming-raw-html"));
  g_assert_true (get_boolean (fixture->settings, "saved"));
  g_assert_null (mh_site_settings_get_error_message (fixture->settings));
  close_settings (fixture);

  g_assert_cmpint (g_chmod (fixture->path, 0644), ==, 0);
  assert_stored (fixture, "title", "culture360 (demo)");
}

/* Pending changes are written at once when the page goes away or shows
 * another site. */
static void
test_flush (Fixture       *fixture,
            gconstpointer  data)
{
  open_settings (fixture);
  g_object_set (fixture->settings, "title", "Written on Close", NULL);
  g_assert_false (get_boolean (fixture->settings, "saved"));
  close_settings (fixture);
  assert_stored (fixture, "title", "Written on Close");

  open_settings (fixture);
  g_object_set (fixture->settings, "description", "Written on Switch", NULL);
  mh_site_settings_set_store (fixture->settings, NULL);
  g_assert_true (get_boolean (fixture->settings, "saved"));
  assert_stored (fixture, "description", "Written on Switch");

  /* Without a site there is nothing to edit. */
  g_assert_false (get_boolean (fixture->settings, "editable"));
  g_object_set (fixture->settings, "title", "Nowhere", NULL);
  g_assert_cmpstr (mh_site_settings_get_title (fixture->settings), ==, "");
  g_assert_null (mh_site_settings_get_error_message (fixture->settings));
  g_assert_true (get_boolean (fixture->settings, "saved"));
}

/* A change made elsewhere shows in the form, unless that field is being
 * edited. */
static void
test_external_change (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  open_settings (fixture);
  g_object_set (fixture->settings, "title", "Mine", NULL);

  mh_store_set_setting (fixture->store, "description", "From elsewhere", &error);
  g_assert_no_error (error);
  mh_store_set_setting (fixture->store, "title", "Theirs", &error);
  g_assert_no_error (error);

  g_assert_cmpstr (mh_site_settings_get_description (fixture->settings), ==, "From elsewhere");
  g_assert_cmpstr (mh_site_settings_get_title (fixture->settings), ==, "Mine");
  wait_until_saved (fixture->settings);
  assert_stored (fixture, "title", "Mine");
  assert_stored (fixture, "description", "From elsewhere");
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

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (item))
        return ADW_MESSAGE_DIALOG (item);
    }
  return NULL;
}

/* Not a test: with MH_SCREENSHOT_DIR set (build-aux/screenshot settings),
 * it saves the page as it opens, with problems, with the raw HTML question,
 * and read-only. */
static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  if (g_getenv ("MH_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("set MH_SCREENSHOT_DIR to save screenshots");
      return;
    }

  open_settings (fixture);
  g_object_set (fixture->settings, "languages", "fr, de", "default-author", "The Editors", NULL);
  wait_until_saved (fixture->settings);
  gtk_editable_select_region (GTK_EDITABLE (_mh_site_settings_get_row (fixture->settings,
                                                                       "title")), 0, 0);
  gtk_window_set_focus (fixture->window, NULL);
  mh_test_spin (300);
  save_png (GTK_WIDGET (fixture->window), "settings");

  g_object_set (fixture->settings,
                "title", "",
                "base-url", "example.org",
                "languages", "fr, deutsch!",
                "theme-dir", "/srv/themes/culture360",
                NULL);
  mh_test_spin (1300);
  save_png (GTK_WIDGET (fixture->window), "settings-errors");

  g_object_set (fixture->settings, "allow-raw-html", TRUE, NULL);
  mh_test_spin (500);
  save_png (GTK_WIDGET (find_message_dialog ()), "settings-raw-html");
  gtk_widget_activate_action (GTK_WIDGET (fixture->settings),
                              "site-settings.confirm-raw-html", "b", FALSE);
  close_settings (fixture);

  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  open_settings (fixture);
  mh_test_spin (300);
  save_png (GTK_WIDGET (fixture->window), "settings-read-only");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func, data) \
  g_test_add ("/mh/site-settings/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("load", test_load, NULL);
  ADD ("autosave", test_autosave, NULL);
  ADD ("debounce", test_debounce, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/mh/site-settings/invalid/%s-%u",
                                               invalid_cases[i].property, i);

      g_test_add (path, Fixture, &invalid_cases[i], fixture_set_up, test_invalid,
                  fixture_tear_down);
    }
  ADD ("correct", test_correct, NULL);
  ADD ("theme-dir", test_theme_dir, NULL);
  ADD ("raw-html", test_raw_html, NULL);
  ADD ("read-only", test_read_only, NULL);
  ADD ("flush", test_flush, NULL);
  ADD ("external-change", test_external_change, NULL);
  ADD ("screenshots", test_screenshots, NULL);

#undef ADD

  return g_test_run ();
}
