/* test-entry-editor.c
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The entry editor through its properties, actions and the objects the
 * form writes into (the entry and the stores of its details). What is
 * saved is always read back through a second connection to the site
 * file: that is what proves every change is in the file.
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <gtksourceview/gtksource.h>
#include <stdlib.h>
#include <webkit/webkit.h>

#include "mh-choice.h"
#include "mh-demo.h"
#include "mh-entry-editor-private.h"
#include "mh-revision.h"
#include "mh-store-entries.h"
#include "mh-test-utils.h"

/* The issue: every change is in the file within 2 seconds. */
#define SAVE_DEADLINE_MS 2000
#define WAIT_TIMEOUT_MS  5000

#define REPORT   "how-do-we-navigate-cultural-diplomacy"
#define EVENT    "asef-linkup-2024-prague"
#define ARTICLE  "in-cities-prague"
#define CALL     "tidewater-writers-residency-2025-open-call"
#define PAGE     "about"

typedef struct
{
  char          *dir;
  char          *path;
  MhStore       *store;
  GtkWindow     *window;
  MhEntryEditor *editor;
} Fixture;

/* --- helpers ------------------------------------------------------------------ */

/* Spins the main loop until the editor's state is @state; returns how
 * long it took. */
static gint64
wait_for_state (MhEntryEditor *editor,
                const char    *state)
{
  gint64 start = g_get_monotonic_time ();

  while (g_strcmp0 (mh_entry_editor_get_state (editor), state) != 0)
    {
      if (g_get_monotonic_time () - start > WAIT_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND)
        g_error ("Timed out waiting for the state “%s”; it is “%s” (%s)", state,
                 mh_entry_editor_get_state (editor),
                 mh_entry_editor_get_error_message (editor));
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return (g_get_monotonic_time () - start) / G_TIME_SPAN_MILLISECOND;
}

static gint64
wait_until_saved (MhEntryEditor *editor)
{
  gboolean saved = FALSE;
  gint64 took = wait_for_state (editor, "saved");

  g_object_get (editor, "saved", &saved, NULL);
  g_assert_true (saved);
  return took;
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (text == NULL || strstr (text, part) == NULL)
    g_error ("“%s” does not contain “%s”", text ? text : "(null)", part);
}

static gint64
entry_id (Fixture    *fixture,
          const char *slug)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MhEntry) entry = mh_store_find_entry (fixture->store, slug, &error);

  g_assert_no_error (error);
  return mh_entry_get_id (entry);
}

/* A second connection to the file: what is really saved. */
static MhStore *
open_again (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  MhStore *store = mh_store_open (fixture->path, &error);

  g_assert_no_error (error);
  return store;
}

static MhEntry *
read_entry (Fixture *fixture,
            gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MhStore) store = open_again (fixture);
  MhEntry *entry = mh_store_get_entry (store, id, &error);

  g_assert_no_error (error);
  return entry;
}

static MhEntryDetails *
read_details (Fixture *fixture,
              gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MhStore) store = open_again (fixture);
  MhEntryDetails *details = mh_store_get_entry_details (store, id, &error);

  g_assert_no_error (error);
  return details;
}

static guint
n_items (GListStore *store)
{
  return g_list_model_get_n_items (G_LIST_MODEL (store));
}

static char *
dup_item_string (GListStore *store,
                 guint       position,
                 const char *property)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), position);
  char *value = NULL;

  g_assert_nonnull (item);
  g_object_get (item, property, &value, NULL);
  return value;
}

static void
assert_item_string (GListStore *store,
                    guint       position,
                    const char *property,
                    const char *expected)
{
  g_autofree char *value = dup_item_string (store, position, property);

  g_assert_cmpstr (value, ==, expected);
}

static gboolean
has_term (GListStore *store,
          const char *vocabulary,
          const char *term)
{
  for (guint i = 0; i < n_items (store); i++)
    {
      g_autoptr(MhTermRef) ref = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (g_strcmp0 (mh_term_ref_get_vocabulary (ref), vocabulary) == 0 &&
          g_strcmp0 (mh_term_ref_get_term (ref), term) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
remove_term (GListStore *store,
             const char *vocabulary,
             const char *term)
{
  for (guint i = 0; i < n_items (store); i++)
    {
      g_autoptr(MhTermRef) ref = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (g_strcmp0 (mh_term_ref_get_vocabulary (ref), vocabulary) == 0 &&
          g_strcmp0 (mh_term_ref_get_term (ref), term) == 0)
        {
          g_list_store_remove (store, i);
          return TRUE;
        }
    }
  return FALSE;
}

/* Replaces the text as typing does: a user action, which undo can take
 * back (gtk_text_buffer_set_text() cannot be undone). */
static void
type_text (GtkTextBuffer *buffer,
           const char    *text)
{
  GtkTextIter start, end;

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, text, -1);
  gtk_text_buffer_end_user_action (buffer);
}

static MhEntry *
editor_entry (Fixture *fixture)
{
  MhEntry *entry = mh_entry_editor_get_entry (fixture->editor);

  g_assert_nonnull (entry);
  return entry;
}

static MhEntryDetails *
editor_details (Fixture *fixture)
{
  MhEntryDetails *details = _mh_entry_editor_get_details (fixture->editor);

  g_assert_nonnull (details);
  return details;
}

static void
open_entry (Fixture    *fixture,
            const char *slug)
{
  g_object_set (fixture->editor, "entry-id", entry_id (fixture, slug), NULL);
  mh_test_spin (20);
  g_assert_cmpstr (mh_entry_editor_get_state (fixture->editor), ==, "saved");
}

/* --- fixture ------------------------------------------------------------------ */

static void
open_editor (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->store = mh_store_open (fixture->path, &error);
  g_assert_no_error (error);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 900, 1000);
  fixture->editor = MH_ENTRY_EDITOR (mh_entry_editor_new ());
  g_object_ref (fixture->editor);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->editor));
  g_object_set (fixture->editor, "store", fixture->store, NULL);
  gtk_window_present (fixture->window);
  mh_test_spin (20);
}

static void
close_editor (Fixture *fixture)
{
  if (fixture->window != NULL)
    gtk_window_destroy (g_steal_pointer (&fixture->window));
  if (fixture->editor != NULL)
    g_assert_finalize_object (g_steal_pointer (&fixture->editor));
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
  open_editor (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_editor (fixture);
  g_chmod (fixture->path, 0644);
  mh_test_rm_rf (fixture->dir);

  g_free (fixture->path);
  g_free (fixture->dir);
}

/* --- tests ---------------------------------------------------------------------- */

/* Without an entry there is nothing to save; an unknown one says so. */
static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_assert_null (mh_entry_editor_get_entry (fixture->editor));
  g_assert_cmpint (mh_entry_editor_get_entry_id (fixture->editor), ==, 0);
  g_assert_true (mh_entry_editor_get_saved (fixture->editor));
  g_assert_true (mh_entry_editor_flush (fixture->editor));

  g_object_set (fixture->editor, "entry-id", (gint64) 999999, NULL);
  g_assert_null (mh_entry_editor_get_entry (fixture->editor));
  g_assert_cmpstr (mh_entry_editor_get_state (fixture->editor), ==, "error");
  assert_contains (mh_entry_editor_get_error_message (fixture->editor), "999999");

  g_object_set (fixture->editor, "entry-id", (gint64) 0, NULL);
  g_assert_cmpstr (mh_entry_editor_get_state (fixture->editor), ==, "saved");
}

/* Loading shows the entry as the file has it, and writes nothing. */
static void
test_load (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(MhEntry) before = NULL;
  g_autoptr(MhEntry) after = NULL;
  GtkTextBuffer *body;
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  gint64 id = entry_id (fixture, REPORT);

  before = read_entry (fixture, id);
  open_entry (fixture, REPORT);
  g_assert_cmpstr (mh_entry_get_title (editor_entry (fixture)), ==, mh_entry_get_title (before));
  g_assert_cmpint (n_items (mh_entry_details_get_partners (editor_details (fixture))), ==, 6);

  body = GTK_TEXT_BUFFER (_mh_entry_editor_get_body_buffer (fixture->editor));
  gtk_text_buffer_get_bounds (body, &start, &end);
  text = gtk_text_buffer_get_text (body, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, mh_entry_get_body (before));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
                     _mh_entry_editor_get_field_widget (fixture->editor, "title"))),
                   ==, mh_entry_get_title (before));

  mh_test_spin (1300);
  g_assert_true (mh_entry_editor_get_saved (fixture->editor));
  after = read_entry (fixture, id);
  g_assert_cmpstr (mh_entry_get_updated_at (after), ==, mh_entry_get_updated_at (before));
}

/* A report: fields, downloads, terms and partners, in the file within two
 * seconds. A published entry's slug does not follow its title. */
static void
test_report (Fixture       *fixture,
             gconstpointer  data)
{
  const char *authors[] = { "Ana Novak", "Ben Ito", NULL };
  g_autoptr(MhEntry) saved = NULL;
  g_autoptr(MhEntryDetails) details = NULL;
  g_autoptr(MhDownload) download = mh_download_new ("cover-cultural-diplomacy.svg", "Cover", "en");
  MhEntry *entry;
  MhEntryDetails *edited;
  gint64 id = entry_id (fixture, REPORT);
  gint64 took;

  open_entry (fixture, REPORT);
  entry = editor_entry (fixture);
  edited = editor_details (fixture);
  g_object_set (entry,
                "title", "Navigating Cultural Diplomacy",
                "summary", "What the lab learnt, in one report.",
                "date", "2024-09-13",
                "authors", authors,
                "publisher", "ASEF",
                "website", "https://example.org/report/",
                "cover-alt", "The report's cover",
                "report-event", EVENT,
                NULL);
  g_list_store_append (mh_entry_details_get_downloads (edited), download);
  g_list_store_append (mh_entry_details_get_terms (edited), mh_term_ref_new ("themes", "museums"));
  g_assert_true (remove_term (mh_entry_details_get_terms (edited), "countries", "asia"));
  g_list_store_remove (mh_entry_details_get_partners (edited), 5);
  g_assert_false (mh_entry_editor_get_saved (fixture->editor));

  took = wait_until_saved (fixture->editor);
  g_assert_cmpint (took, <, SAVE_DEADLINE_MS);

  saved = read_entry (fixture, id);
  g_assert_cmpstr (mh_entry_get_title (saved), ==, "Navigating Cultural Diplomacy");
  g_assert_cmpstr (mh_entry_get_slug (saved), ==, REPORT);
  g_assert_cmpstr (mh_entry_get_summary (saved), ==, "What the lab learnt, in one report.");
  g_assert_cmpstr (mh_entry_get_date (saved), ==, "2024-09-13");
  g_assert_true (g_strv_equal ((const char * const *) mh_entry_get_authors (saved), authors));
  g_assert_cmpstr (mh_entry_get_publisher (saved), ==, "ASEF");
  g_assert_cmpstr (mh_entry_get_website (saved), ==, "https://example.org/report/");
  g_assert_cmpstr (mh_entry_get_cover_alt (saved), ==, "The report's cover");

  details = read_details (fixture, id);
  g_assert_cmpuint (n_items (mh_entry_details_get_downloads (details)), ==, 2);
  assert_item_string (mh_entry_details_get_downloads (details), 1, "asset",
                      "cover-cultural-diplomacy.svg");
  assert_item_string (mh_entry_details_get_downloads (details), 1, "title", "Cover");
  g_assert_true (has_term (mh_entry_details_get_terms (details), "themes", "museums"));
  g_assert_false (has_term (mh_entry_details_get_terms (details), "countries", "asia"));
  g_assert_cmpuint (n_items (mh_entry_details_get_partners (details)), ==, 5);
}

/* Files from the computer: a cover image, a new download and the file of
 * an existing download, each stored in the site and saved with the entry;
 * a bad file changes nothing and is explained in a dialog. */
static void
add_file (Fixture    *fixture,
          const char *target,
          const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.add-file",
                                             "(ss)", target, uri));
}

static gboolean
asset_exists (Fixture    *fixture,
              const char *name)
{
  g_autoptr(MhStore) store = open_again (fixture);
  g_autoptr(GListModel) assets = mh_store_list_assets (store, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (assets); i++)
    {
      g_autoptr(MhChoice) choice = g_list_model_get_item (assets, i);

      if (g_str_equal (mh_choice_get_key (choice), name))
        return TRUE;
    }
  return FALSE;
}

static GtkWindow *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static void
test_add_files (Fixture       *fixture,
                gconstpointer  data)
{
  static const guint8 png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
  };
  g_autofree char *image = g_build_filename (fixture->dir, "Launch Photo.PNG", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "Executive Summary.pdf", NULL);
  g_autofree char *pdf2 = g_build_filename (fixture->dir, "Full Report v2.pdf", NULL);
  g_autofree char *empty = g_build_filename (fixture->dir, "empty.pdf", NULL);
  g_autoptr(MhEntry) saved = NULL;
  g_autoptr(MhEntryDetails) details = NULL;
  g_autofree char *undone = NULL;
  GListStore *downloads;
  GtkWindow *dialog;
  gint64 id = entry_id (fixture, REPORT);
  gint64 start;
  guint before;

  g_assert_true (g_file_set_contents (image, (const char *) png, sizeof png, NULL));
  g_assert_true (g_file_set_contents (pdf, "%PDF-1.4 summary", -1, NULL));
  g_assert_true (g_file_set_contents (pdf2, "%PDF-1.4 second edition", -1, NULL));
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));

  open_entry (fixture, REPORT);
  downloads = mh_entry_details_get_downloads (editor_details (fixture));
  before = n_items (downloads);

  add_file (fixture, "cover", image);
  add_file (fixture, "downloads", pdf);
  start = g_get_monotonic_time ();
  while (n_items (downloads) == before ||
         g_strcmp0 (mh_entry_get_cover (editor_entry (fixture)), "launch-photo.png") != 0)
    {
      g_assert_cmpint (g_get_monotonic_time () - start, <, WAIT_TIMEOUT_MS * 1000);
      mh_test_spin (10);
    }
  assert_item_string (downloads, before, "asset", "executive-summary.pdf");
  assert_item_string (downloads, before, "title", "Executive Summary");

  /* The first download gets another file. */
  add_file (fixture, "download:0", pdf2);
  start = g_get_monotonic_time ();
  for (;;)
    {
      g_autofree char *asset = dup_item_string (downloads, 0, "asset");

      if (g_strcmp0 (asset, "full-report-v2.pdf") == 0)
        break;
      g_assert_cmpint (g_get_monotonic_time () - start, <, WAIT_TIMEOUT_MS * 1000);
      mh_test_spin (10);
    }

  wait_until_saved (fixture->editor);
  saved = read_entry (fixture, id);
  g_assert_cmpstr (mh_entry_get_cover (saved), ==, "launch-photo.png");
  details = read_details (fixture, id);
  g_assert_cmpuint (n_items (mh_entry_details_get_downloads (details)), ==, before + 1);
  assert_item_string (mh_entry_details_get_downloads (details), 0, "asset", "full-report-v2.pdf");
  assert_item_string (mh_entry_details_get_downloads (details), before, "asset",
                      "executive-summary.pdf");
  g_assert_true (asset_exists (fixture, "launch-photo.png"));

  /* One undo step takes the last file back off the download. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.undo", NULL));
  undone = dup_item_string (downloads, 0, "asset");
  g_assert_cmpstr (undone, !=, "full-report-v2.pdf");

  /* An empty file: a dialog says so; nothing changes. */
  before = n_items (downloads);
  add_file (fixture, "downloads", empty);
  start = g_get_monotonic_time ();
  while ((dialog = find_dialog ()) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time () - start, <, WAIT_TIMEOUT_MS * 1000);
      mh_test_spin (10);
    }
  assert_contains (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "“empty.pdf” is empty");
  gtk_window_destroy (dialog);
  g_assert_cmpuint (n_items (downloads), ==, before);
  g_assert_false (asset_exists (fixture, "empty.pdf"));
}

/* GTK lays text out at 96 dpi: a CSS size in points, in whole points. */
static int
font_points (const PangoFontDescription *desc)
{
  return (int) (pango_font_description_get_size (desc) * 72.0 / 96.0 / PANGO_SCALE + 0.5);
}

/* The body font (GSettings editor-font, through the window) is the font
 * the Markdown text is laid out in. */
static void
test_body_font (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *view = _mh_entry_editor_get_field_widget (fixture->editor, "body");
  const PangoFontDescription *desc;

  open_entry (fixture, REPORT);
  g_object_set (fixture->editor, "body-font", "Monospace Bold 23", NULL);
  mh_test_spin (20);
  desc = pango_context_get_font_description (gtk_widget_get_pango_context (view));
  g_assert_cmpint (font_points (desc), ==, 23);
  g_assert_cmpint (pango_font_description_get_weight (desc), ==, PANGO_WEIGHT_BOLD);

  /* Half points are kept. */
  g_object_set (fixture->editor, "body-font", "Monospace 10.5", NULL);
  mh_test_spin (20);
  desc = pango_context_get_font_description (gtk_widget_get_pango_context (view));
  g_assert_cmpint (pango_font_description_get_size (desc), ==, 14 * PANGO_SCALE);

  /* A family name cannot break out of its CSS string. */
  g_object_set (fixture->editor, "body-font", "Evil\"; } * { color: red 12", NULL);
  mh_test_spin (20);
  desc = pango_context_get_font_description (gtk_widget_get_pango_context (view));
  g_assert_cmpint (font_points (desc), ==, 12);

  /* Back to the theme's monospace font. */
  g_object_set (fixture->editor, "body-font", NULL, NULL);
  mh_test_spin (20);
  desc = pango_context_get_font_description (gtk_widget_get_pango_context (view));
  g_assert_cmpint (font_points (desc), !=, 12);
}

/* Spins until @func (@data) is true, or fails after the timeout. */
static void
wait_until (gboolean (*func) (gpointer data),
            gpointer   data,
            const char *what)
{
  gint64 start = g_get_monotonic_time ();

  while (!func (data))
    {
      if (g_get_monotonic_time () - start > 4 * WAIT_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND)
        g_error ("Timed out waiting for %s", what);
      mh_test_spin (10);
    }
}

typedef struct
{
  MhPreviewView *preview;
  const char    *uri;
  const char    *text;
} PreviewWait;

static gboolean
preview_shows (gpointer data)
{
  PreviewWait *wait = data;
  const char *html = mh_preview_view_get_html (wait->preview);
  GtkWidget *web_view = mh_preview_view_get_web_view (wait->preview);

  return g_strcmp0 (mh_preview_view_get_loaded_uri (wait->preview), wait->uri) == 0 &&
         html != NULL && strstr (html, wait->text) != NULL &&
         web_view != NULL && !webkit_web_view_is_loading (WEBKIT_WEB_VIEW (web_view));
}

typedef struct
{
  gboolean  done;
  char     *result;
} Script;

static void
on_script_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Script *script = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JSCValue) value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (object),
                                                                           result, &error);

  g_assert_no_error (error);
  script->result = jsc_value_to_string (value);
  script->done = TRUE;
}

static gboolean
script_done (gpointer data)
{
  return ((Script *) data)->done;
}

/* What the page in WebKit says to a script: proof that WebKit shows it. */
static char *
run_script (MhPreviewView *preview,
            const char    *code)
{
  Script script = { FALSE, NULL };

  webkit_web_view_evaluate_javascript (WEBKIT_WEB_VIEW (mh_preview_view_get_web_view (preview)),
                                       code, -1, NULL, NULL, NULL, on_script_done_cb, &script);
  wait_until (script_done, &script, code);
  return script.result;
}

/* The preview beside the form is the published page of the entry, drafts
 * too; it follows each save, with the theme's stylesheet from the site. */
static void
test_preview (Fixture       *fixture,
              gconstpointer  data)
{
  MhPreviewView *preview = fixture->editor->preview_view;
  PreviewWait wait = { preview, "masthead-preview://site/opportunities/" CALL "/",
                       "Tidewater Writers" };
  g_autofree char *heading = NULL;
  g_autofree char *rules = NULL;
  g_autofree char *edited = NULL;
  gboolean shown = FALSE;

  gtk_window_set_default_size (fixture->window, 1400, 900);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.show-preview",
                                             NULL));
  g_object_get (fixture->editor, "show-preview", &shown, NULL);
  g_assert_true (shown);

  open_entry (fixture, CALL);
  wait_until (preview_shows, &wait, "the draft's page");
  heading = run_script (preview, "document.querySelector ('h1').textContent");
  assert_contains (heading, "Tidewater Writers");
  /* The stylesheet came through the site file's URI scheme. */
  rules = run_script (preview, "String (document.styleSheets[0].cssRules.length)");
  g_assert_cmpint (atoi (rules), >, 10);

  mh_entry_set_title (editor_entry (fixture), "Tidewater Residency, renamed");
  wait_until_saved (fixture->editor);
  /* A draft's slug follows its title. */
  wait.uri = "masthead-preview://site/opportunities/tidewater-residency-renamed/";
  wait.text = "Tidewater Residency, renamed";
  wait_until (preview_shows, &wait, "the page after the save");
  edited = run_script (preview, "document.querySelector ('h1').textContent");
  assert_contains (edited, "Tidewater Residency, renamed");
  g_assert_null (mh_preview_view_get_error_message (preview));

  /* With raw HTML allowed, a script in the body is on the page but never
   * runs in the preview. */
  g_assert_true (mh_store_set_setting (fixture->store, "allow_raw_html", "true", NULL));
  type_text (GTK_TEXT_BUFFER (_mh_entry_editor_get_body_buffer (fixture->editor)),
             "Intro.\n\n<script>document.querySelector ('h1').textContent = 'pwned';</script>\n");
  wait_until_saved (fixture->editor);
  wait.text = "<script>";
  wait_until (preview_shows, &wait, "the page with a script");
  g_free (edited);
  edited = run_script (preview, "document.querySelector ('h1').textContent");
  assert_contains (edited, "Tidewater Residency, renamed");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.show-preview",
                                             NULL));
  g_object_get (fixture->editor, "show-preview", &shown, NULL);
  g_assert_false (shown);
}

/* An event: dates and time zone, place, counts, participants and the
 * programme. */
static void
test_event (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(MhEntry) saved = NULL;
  g_autoptr(MhEntryDetails) details = NULL;
  g_autoptr(MhParticipant) last = NULL;
  g_autoptr(MhProgrammeItem) opening = NULL;
  g_autoptr(MhProgrammeItem) panel = NULL;
  MhEntry *entry;
  GListStore *participants;
  g_autofree char *first_person = NULL;
  g_autofree char *last_person = NULL;
  gint64 id = entry_id (fixture, EVENT);
  guint n_programme;
  guint n;

  open_entry (fixture, EVENT);
  entry = editor_entry (fixture);
  g_object_set (entry,
                "event-start", "2024-06-10T09:00",
                "event-end", "2024-06-13T17:30",
                "all-day", FALSE,
                "time-zone", "Asia/Singapore",
                "venue", "Studio 4",
                "city", "Singapore",
                "country", "singapore",
                "online", TRUE,
                "event-format", "public",
                "participants-planned", 24,
                "participants-actual", 21,
                NULL);

  participants = mh_entry_details_get_participants (editor_details (fixture));
  n = n_items (participants);
  g_assert_cmpuint (n, >, 2);
  first_person = dup_item_string (participants, 0, "person");
  last = g_list_model_get_item (G_LIST_MODEL (participants), n - 1);
  last_person = g_strdup (mh_participant_get_person (last));
  /* Moving the last participant to the top, as the Move Up button does. */
  g_list_store_remove (participants, n - 1);
  g_list_store_insert (participants, 0, last);
  mh_participant_set_role (last, "speaker");
  mh_participant_set_group (last, "Speakers");

  n_programme = n_items (mh_entry_details_get_programme (editor_details (fixture)));
  opening = mh_programme_item_new ("2024-06-10T09:00", "2024-06-10T10:00", "Opening", "Hall A");
  panel = mh_programme_item_new ("2024-06-10T10:30", NULL, "Panel: Artists and diplomats", NULL);
  g_list_store_append (mh_entry_details_get_programme (editor_details (fixture)), opening);
  g_list_store_append (mh_entry_details_get_programme (editor_details (fixture)), panel);

  g_assert_cmpint (wait_until_saved (fixture->editor), <, SAVE_DEADLINE_MS);

  saved = read_entry (fixture, id);
  g_assert_cmpstr (mh_entry_get_event_start (saved), ==, "2024-06-10T09:00");
  g_assert_cmpstr (mh_entry_get_event_end (saved), ==, "2024-06-13T17:30");
  g_assert_false (mh_entry_get_all_day (saved));
  g_assert_cmpstr (mh_entry_get_time_zone (saved), ==, "Asia/Singapore");
  g_assert_cmpstr (mh_entry_get_venue (saved), ==, "Studio 4");
  g_assert_cmpstr (mh_entry_get_city (saved), ==, "Singapore");
  g_assert_cmpstr (mh_entry_get_country (saved), ==, "singapore");
  g_assert_true (mh_entry_get_online (saved));
  g_assert_cmpstr (mh_entry_get_event_format (saved), ==, "public");
  g_assert_cmpint (mh_entry_get_participants_planned (saved), ==, 24);
  g_assert_cmpint (mh_entry_get_participants_actual (saved), ==, 21);

  details = read_details (fixture, id);
  participants = mh_entry_details_get_participants (details);
  g_assert_cmpuint (n_items (participants), ==, n);
  assert_item_string (participants, 0, "person", last_person);
  assert_item_string (participants, 0, "role", "speaker");
  assert_item_string (participants, 0, "group", "Speakers");
  assert_item_string (participants, 1, "person", first_person);

  /* All day again: the times go, and undo brings them back. */
  mh_entry_set_all_day (entry, TRUE);
  g_assert_cmpstr (mh_entry_get_event_start (entry), ==, "2024-06-10");
  g_assert_cmpstr (mh_entry_get_event_end (entry), ==, "2024-06-13");
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.undo", NULL);
  g_assert_false (mh_entry_get_all_day (entry));
  g_assert_cmpstr (mh_entry_get_event_start (entry), ==, "2024-06-10T09:00");
  wait_until_saved (fixture->editor);
  g_assert_cmpuint (n_items (mh_entry_details_get_programme (details)), ==, n_programme + 2);
  assert_item_string (mh_entry_details_get_programme (details), n_programme, "title", "Opening");
  assert_item_string (mh_entry_details_get_programme (details), n_programme + 1, "start",
                      "2024-06-10T10:30");
}

/* An article in review: its slug follows the title; series, hashtags,
 * related entries. */
static void
test_article (Fixture       *fixture,
              gconstpointer  data)
{
  const char *hashtags[] = { "#InCities", "#Prague", NULL };
  g_autoptr(MhEntry) saved = NULL;
  g_autoptr(MhEntryDetails) details = NULL;
  g_autoptr(MhEntryRef) related = mh_entry_ref_new (REPORT);
  gint64 id = entry_id (fixture, ARTICLE);
  GtkWidget *hashtags_row;

  open_entry (fixture, ARTICLE);
  g_object_set (editor_entry (fixture),
                "title", "In Cities: Prague Revisited",
                "series", "In cities",
                "posted-by", "culture360",
                NULL);
  /* The form's row takes words separated by spaces. */
  hashtags_row = _mh_entry_editor_get_field_widget (fixture->editor, "hashtags");
  gtk_editable_set_text (GTK_EDITABLE (hashtags_row), "#InCities  #Prague ");
  g_list_store_insert (mh_entry_details_get_related (editor_details (fixture)), 0, related);
  g_assert_cmpstr (mh_entry_get_slug (editor_entry (fixture)), ==, "in-cities-prague-revisited");

  wait_until_saved (fixture->editor);
  saved = read_entry (fixture, id);
  g_assert_cmpstr (mh_entry_get_title (saved), ==, "In Cities: Prague Revisited");
  g_assert_cmpstr (mh_entry_get_slug (saved), ==, "in-cities-prague-revisited");
  g_assert_cmpstr (mh_entry_get_series (saved), ==, "In cities");
  g_assert_cmpstr (mh_entry_get_posted_by (saved), ==, "culture360");
  g_assert_true (g_strv_equal ((const char * const *) mh_entry_get_hashtags (saved), hashtags));
  details = read_details (fixture, id);
  assert_item_string (mh_entry_details_get_related (details), 0, "slug", REPORT);
}

/* An open call: category, deadline, eligible countries. */
static void
test_open_call (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(MhEntry) saved = NULL;
  g_autoptr(MhEntryDetails) details = NULL;
  GListStore *countries;
  gint64 id = entry_id (fixture, CALL);

  open_entry (fixture, CALL);
  g_object_set (editor_entry (fixture),
                "call-category", "Grant",
                "deadline", "2025-02-28",
                "website", "https://example.org/apply",
                NULL);
  countries = mh_entry_details_get_eligible_countries (editor_details (fixture));
  g_assert_true (remove_term (countries, "countries", "europe"));
  g_list_store_append (countries, mh_term_ref_new ("countries", "japan"));

  wait_until_saved (fixture->editor);
  saved = read_entry (fixture, id);
  g_assert_cmpstr (mh_entry_get_call_category (saved), ==, "Grant");
  g_assert_cmpstr (mh_entry_get_deadline (saved), ==, "2025-02-28");
  g_assert_cmpstr (mh_entry_get_website (saved), ==, "https://example.org/apply");
  details = read_details (fixture, id);
  countries = mh_entry_details_get_eligible_countries (details);
  g_assert_true (has_term (countries, "countries", "asia"));
  g_assert_true (has_term (countries, "countries", "japan"));
  g_assert_false (has_term (countries, "countries", "europe"));
}

/* An entry made elsewhere (here by the store) is edited like any other. */
static void
test_new_entry (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MhEntry) entry = mh_entry_new (MH_ENTRY_KIND_PAGE);
  g_autoptr(MhEntry) saved = NULL;
  GtkTextBuffer *body;

  mh_entry_set_title (entry, "Contact");
  g_assert_true (mh_store_save_entry_full (fixture->store, entry, NULL, MH_SAVE_DEFAULT, &error));
  g_assert_no_error (error);

  g_object_set (fixture->editor, "entry-id", mh_entry_get_id (entry), NULL);
  g_assert_cmpstr (mh_entry_get_slug (editor_entry (fixture)), ==, "contact");
  body = GTK_TEXT_BUFFER (_mh_entry_editor_get_body_buffer (fixture->editor));
  gtk_text_buffer_set_text (body, "Write to us at hello@example.org.", -1);
  mh_entry_set_title (editor_entry (fixture), "Contact Us");

  wait_until_saved (fixture->editor);
  saved = read_entry (fixture, mh_entry_get_id (entry));
  g_assert_cmpstr (mh_entry_get_title (saved), ==, "Contact Us");
  g_assert_cmpstr (mh_entry_get_slug (saved), ==, "contact-us");
  g_assert_cmpstr (mh_entry_get_body (saved), ==, "Write to us at hello@example.org.");
}

/* An empty title cannot be saved: the editor says so under the title and
 * in its state, keeps the edit, saves nothing; fixing it saves it all. */
static void
test_invalid_title (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(MhEntry) before = NULL;
  g_autoptr(MhEntry) during = NULL;
  g_autoptr(MhEntry) after = NULL;
  GtkWidget *title_row;
  gint64 id = entry_id (fixture, REPORT);

  before = read_entry (fixture, id);
  open_entry (fixture, REPORT);
  g_object_set (editor_entry (fixture), "title", "", "publisher", "Someone else", NULL);
  wait_for_state (fixture->editor, "invalid");

  g_assert_false (mh_entry_editor_get_saved (fixture->editor));
  assert_contains (mh_entry_editor_get_error_message (fixture->editor), "title");
  assert_contains (_mh_entry_editor_get_problem_text (fixture->editor, "title"), "title");
  title_row = _mh_entry_editor_get_field_widget (fixture->editor, "title");
  g_assert_true (gtk_widget_has_css_class (title_row, "error"));
  g_assert_false (mh_entry_editor_flush (fixture->editor));

  /* Nothing of the entry is written while it is invalid … */
  mh_test_spin (1200);
  during = read_entry (fixture, id);
  g_assert_cmpstr (mh_entry_get_title (during), ==, mh_entry_get_title (before));
  g_assert_cmpstr (mh_entry_get_publisher (during), ==, mh_entry_get_publisher (before));
  /* … but the edits are kept. */
  g_assert_cmpstr (mh_entry_get_publisher (editor_entry (fixture)), ==, "Someone else");

  /* Fixing the title removes the problem at once and saves everything. */
  mh_entry_set_title (editor_entry (fixture), "A fixed title");
  g_assert_false (gtk_widget_has_css_class (title_row, "error"));
  g_assert_cmpstr (mh_entry_editor_get_state (fixture->editor), ==, "saving");
  wait_until_saved (fixture->editor);
  g_assert_null (mh_entry_editor_get_error_message (fixture->editor));
  after = read_entry (fixture, id);
  g_assert_cmpstr (mh_entry_get_title (after), ==, "A fixed title");
  g_assert_cmpstr (mh_entry_get_publisher (after), ==, "Someone else");
}

typedef struct
{
  const char *property;
  const char *value;
  const char *named;   /* the message names the field */
} InvalidCase;

static const InvalidCase invalid_cases[] = {
  { "date", "10/06/2024", "date" },
  { "language", "english!", "language" },
  { "website", "example.org", "website" },
  { "event-end", "2024-06-01", "ends before it starts" },
  { "time-zone", "Mars/Olympus", "time zone" },
  { "slug", "about", "slug" },
  { "slug", "Not A Slug", "slug" },
};

static void
test_invalid_field (Fixture       *fixture,
                    gconstpointer  data)
{
  const InvalidCase *c = data;
  g_autoptr(MhEntry) saved = NULL;
  g_autofree char *value = NULL;

  open_entry (fixture, EVENT);
  g_object_set (editor_entry (fixture), c->property, c->value, NULL);
  wait_for_state (fixture->editor, "invalid");
  assert_contains (mh_entry_editor_get_error_message (fixture->editor), c->named);
  g_assert_true (gtk_widget_has_css_class (
                   _mh_entry_editor_get_field_widget (fixture->editor, c->property), "error"));

  saved = read_entry (fixture, entry_id (fixture, EVENT));
  g_object_get (saved, c->property, &value, NULL);
  g_assert_cmpstr (value, !=, c->value);
}

/* A list row the store would refuse is a problem under its list. */
static void
test_invalid_list (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(MhProgrammeItem) added = NULL;
  g_autoptr(MhEntryDetails) details = NULL;
  g_autofree char *expected = NULL;
  GListStore *programme;
  gint64 id = entry_id (fixture, EVENT);
  guint n;

  open_entry (fixture, EVENT);
  programme = mh_entry_details_get_programme (editor_details (fixture));
  n = n_items (programme);
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.add-programme-item", NULL);
  g_assert_cmpuint (n_items (programme), ==, n + 1);
  wait_for_state (fixture->editor, "invalid");
  expected = g_strdup_printf ("Programme item %u needs a title", n + 1);
  assert_contains (mh_entry_editor_get_error_message (fixture->editor), expected);
  assert_contains (_mh_entry_editor_get_problem_text (fixture->editor, "programme"), expected);

  /* The form types the title into the row object. */
  added = g_list_model_get_item (G_LIST_MODEL (programme), n);
  mh_programme_item_set_title (added, "Closing drinks");
  wait_until_saved (fixture->editor);
  details = read_details (fixture, id);
  assert_item_string (mh_entry_details_get_programme (details), n, "title", "Closing drinks");
  /* It starts when the item before it did, as nothing ended it. */
  assert_item_string (mh_entry_details_get_programme (details), n, "start",
                      mh_programme_item_get_start (added));
  g_assert_nonnull (mh_programme_item_get_start (added));
}

/* Undo and redo of a field. */
static void
test_undo_field (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(MhEntry) before = NULL;
  g_autoptr(MhEntry) undone = NULL;
  g_autoptr(MhEntry) redone = NULL;
  g_autofree char *original = NULL;
  gint64 id = entry_id (fixture, REPORT);

  open_entry (fixture, REPORT);
  before = read_entry (fixture, id);
  original = g_strdup (mh_entry_get_title (before));

  mh_entry_set_title (editor_entry (fixture), "Changed");
  wait_until_saved (fixture->editor);

  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.undo", NULL);
  g_assert_cmpstr (mh_entry_get_title (editor_entry (fixture)), ==, original);
  wait_until_saved (fixture->editor);
  undone = read_entry (fixture, id);
  g_assert_cmpstr (mh_entry_get_title (undone), ==, original);

  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.redo", NULL);
  g_assert_cmpstr (mh_entry_get_title (editor_entry (fixture)), ==, "Changed");
  wait_until_saved (fixture->editor);
  redone = read_entry (fixture, id);
  g_assert_cmpstr (mh_entry_get_title (redone), ==, "Changed");

  /* Undo takes pending typing back as well, without waiting for the timer;
   * the body keeps what was typed into it. */
  mh_entry_set_title (editor_entry (fixture), "Typed just now");
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (_mh_entry_editor_get_body_buffer (fixture->editor)),
                            "New body", -1);
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.undo", NULL);
  g_assert_cmpstr (mh_entry_get_title (editor_entry (fixture)), ==, "Changed");
  g_assert_cmpstr (mh_entry_get_body (editor_entry (fixture)), ==, "New body");
  wait_until_saved (fixture->editor);
}

/* Undo and redo of a list change. */
static void
test_undo_list (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(MhEntryDetails) undone = NULL;
  g_autoptr(MhEntryDetails) redone = NULL;
  g_autofree char *first = NULL;
  GListStore *participants;
  gint64 id = entry_id (fixture, EVENT);
  guint n;

  open_entry (fixture, EVENT);
  participants = mh_entry_details_get_participants (editor_details (fixture));
  n = n_items (participants);
  first = dup_item_string (participants, 0, "person");
  g_list_store_remove (participants, 0);
  wait_until_saved (fixture->editor);

  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.undo", NULL);
  g_assert_cmpuint (n_items (participants), ==, n);
  assert_item_string (participants, 0, "person", first);
  wait_until_saved (fixture->editor);
  undone = read_details (fixture, id);
  g_assert_cmpuint (n_items (mh_entry_details_get_participants (undone)), ==, n);
  assert_item_string (mh_entry_details_get_participants (undone), 0, "person", first);

  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.redo", NULL);
  g_assert_cmpuint (n_items (participants), ==, n - 1);
  wait_until_saved (fixture->editor);
  redone = read_details (fixture, id);
  g_assert_cmpuint (n_items (mh_entry_details_get_participants (redone)), ==, n - 1);
}

/* Draft → review → published, each written at once; publishing an entry
 * with a problem is refused and the problem shown. */
static void
test_status (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(MhEntry) reviewed = NULL;
  g_autoptr(MhEntry) published = NULL;
  g_autoptr(MhEntry) refused = NULL;
  gint64 id = entry_id (fixture, CALL);

  open_entry (fixture, CALL);
  g_assert_cmpint (mh_entry_get_status (editor_entry (fixture)), ==, MH_ENTRY_STATUS_DRAFT);

  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.set-status", "s", "review");
  g_assert_true (mh_entry_editor_get_saved (fixture->editor));
  reviewed = read_entry (fixture, id);
  g_assert_cmpint (mh_entry_get_status (reviewed), ==, MH_ENTRY_STATUS_REVIEW);

  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.set-status", "s", "published");
  g_assert_true (mh_entry_editor_get_saved (fixture->editor));
  published = read_entry (fixture, id);
  g_assert_cmpint (mh_entry_get_status (published), ==, MH_ENTRY_STATUS_PUBLISHED);

  /* Back to draft, then a problem: publishing is refused. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.set-status", "s", "draft");
  mh_entry_set_website (editor_entry (fixture), "not a web address");
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.set-status", "s", "published");
  g_assert_cmpint (mh_entry_get_status (editor_entry (fixture)), ==, MH_ENTRY_STATUS_DRAFT);
  g_assert_cmpstr (mh_entry_editor_get_state (fixture->editor), ==, "invalid");
  assert_contains (mh_entry_editor_get_error_message (fixture->editor), "website");
  refused = read_entry (fixture, id);
  g_assert_cmpint (mh_entry_get_status (refused), ==, MH_ENTRY_STATUS_DRAFT);

  /* The status change is an undo step. */
  mh_entry_set_website (editor_entry (fixture), NULL);
  wait_until_saved (fixture->editor);
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.undo", NULL);
  g_assert_cmpint (mh_entry_get_status (editor_entry (fixture)), ==, MH_ENTRY_STATUS_PUBLISHED);
  wait_until_saved (fixture->editor);
}

/* The slug of a draft follows its title until it is edited; Reset to
 * Title derives it again; a published entry keeps its old slug as an
 * alias. */
static void
test_slug (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(MhStore) again = NULL;
  g_autoptr(MhEntry) by_alias = NULL;
  MhEntry *entry;

  open_entry (fixture, CALL);
  entry = editor_entry (fixture);
  mh_entry_set_title (entry, "Tidewater Residency");
  g_assert_cmpstr (mh_entry_get_slug (entry), ==, "tidewater-residency");

  /* A title whose slug another entry has gives a slug of its own. */
  mh_entry_set_title (entry, "In cities | Prague");
  g_assert_cmpstr (mh_entry_get_slug (entry), ==, "in-cities-prague-2");

  gtk_editable_set_text (GTK_EDITABLE (_mh_entry_editor_get_field_widget (fixture->editor,
                                                                          "slug")),
                         "tidewater");
  g_assert_cmpstr (mh_entry_get_slug (entry), ==, "tidewater");
  mh_entry_set_title (entry, "Tidewater Writers' Residency");
  g_assert_cmpstr (mh_entry_get_slug (entry), ==, "tidewater");

  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.reset-slug", NULL);
  g_assert_cmpstr (mh_entry_get_slug (entry), ==, "tidewater-writers-residency");
  mh_entry_set_title (entry, "Tidewater Writers' Residency 2026");
  g_assert_cmpstr (mh_entry_get_slug (entry), ==, "tidewater-writers-residency-2026");
  wait_until_saved (fixture->editor);

  /* A published page: its slug stays, and a new one keeps the old as an
   * alias. */
  open_entry (fixture, PAGE);
  entry = editor_entry (fixture);
  mh_entry_set_title (entry, "About us");
  g_assert_cmpstr (mh_entry_get_slug (entry), ==, PAGE);
  mh_entry_set_slug (entry, "about-us");
  wait_until_saved (fixture->editor);
  again = open_again (fixture);
  by_alias = mh_store_find_entry (again, PAGE, NULL);
  g_assert_nonnull (by_alias);
  g_assert_cmpstr (mh_entry_get_slug (by_alias), ==, "about-us");
}

/* Typing into the body (the GtkSourceBuffer) is saved too. */
static void
test_body (Fixture       *fixture,
           gconstpointer  data)
{
  const char *text = "## About this report\n\nA *new* first paragraph.\n";
  GtkSourceBuffer *buffer;
  g_autoptr(MhEntry) saved = NULL;
  GtkSourceLanguage *language;
  g_autofree char *original = NULL;
  gint64 id = entry_id (fixture, REPORT);

  open_entry (fixture, REPORT);
  buffer = _mh_entry_editor_get_body_buffer (fixture->editor);
  language = gtk_source_buffer_get_language (buffer);
  g_assert_nonnull (language);
  g_assert_cmpstr (gtk_source_language_get_id (language), ==, "markdown");

  original = g_strdup (mh_entry_get_body (editor_entry (fixture)));
  type_text (GTK_TEXT_BUFFER (buffer), text);
  g_assert_false (mh_entry_editor_get_saved (fixture->editor));
  g_assert_cmpint (wait_until_saved (fixture->editor), <, SAVE_DEADLINE_MS);
  saved = read_entry (fixture, id);
  g_assert_cmpstr (mh_entry_get_body (saved), ==, text);

  /* The body's own undo takes typing back, and that is saved too. */
  g_assert_true (gtk_text_buffer_get_can_undo (GTK_TEXT_BUFFER (buffer)));
  gtk_text_buffer_undo (GTK_TEXT_BUFFER (buffer));
  wait_until_saved (fixture->editor);
  g_clear_object (&saved);
  saved = read_entry (fixture, id);
  g_assert_cmpstr (mh_entry_get_body (saved), ==, original);
}

/* Choosing another entry first saves the pending change of this one; an
 * edit that cannot be saved is kept until the entry comes back. */
static void
test_switch (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(MhEntry) report = NULL;
  g_autoptr(MhEntry) event = NULL;
  gint64 report_id = entry_id (fixture, REPORT);
  gint64 event_id = entry_id (fixture, EVENT);
  g_autofree char *event_title = NULL;

  open_entry (fixture, REPORT);
  mh_entry_set_title (editor_entry (fixture), "Pending when switching");
  g_object_set (fixture->editor, "entry-id", event_id, NULL);
  report = read_entry (fixture, report_id);
  g_assert_cmpstr (mh_entry_get_title (report), ==, "Pending when switching");
  g_assert_true (mh_entry_editor_get_saved (fixture->editor));

  /* The window's way: "entry" NULL, then the other entry. */
  event_title = g_strdup (mh_entry_get_title (editor_entry (fixture)));
  mh_entry_set_title (editor_entry (fixture), "");
  g_object_set (fixture->editor, "entry", NULL, NULL);
  g_assert_null (mh_entry_editor_get_entry (fixture->editor));
  event = read_entry (fixture, event_id);
  g_assert_cmpstr (mh_entry_get_title (event), ==, event_title);

  g_object_set (fixture->editor, "entry", event, NULL);
  g_assert_cmpint (mh_entry_editor_get_entry_id (fixture->editor), ==, event_id);
  g_assert_null (mh_entry_get_title (editor_entry (fixture)));
  g_assert_cmpstr (mh_entry_editor_get_state (fixture->editor), ==, "invalid");
  mh_entry_set_title (editor_entry (fixture), "Back again");
  wait_until_saved (fixture->editor);
  g_clear_object (&event);
  event = read_entry (fixture, event_id);
  g_assert_cmpstr (mh_entry_get_title (event), ==, "Back again");
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

/* Two explicit saves leave two revisions; the history lists them newest
 * first, compares one with the entry now, and restores it. */
static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(MhEntry) restored = NULL;
  g_autoptr(MhRevision) newest = NULL;
  g_autoptr(MhRevision) older = NULL;
  g_autofree char *original = NULL;
  g_autofree char *compare = NULL;
  MhRevisionDialog *dialog;
  GListModel *revisions;
  AdwMessageDialog *question;
  gint64 id = entry_id (fixture, REPORT);

  open_entry (fixture, REPORT);
  original = g_strdup (mh_entry_get_title (editor_entry (fixture)));
  mh_entry_set_title (editor_entry (fixture), "First");
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.save-now", NULL);
  g_assert_true (mh_entry_editor_get_saved (fixture->editor));
  mh_entry_set_title (editor_entry (fixture), "Second");
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.save-now", NULL);
  g_assert_true (mh_entry_editor_get_saved (fixture->editor));

  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.history", NULL);
  dialog = _mh_entry_editor_get_revision_dialog (fixture->editor);
  g_assert_nonnull (dialog);
  revisions = mh_revision_dialog_get_revisions (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (revisions), ==, 2);
  newest = g_list_model_get_item (revisions, 0);
  older = g_list_model_get_item (revisions, 1);
  g_assert_cmpstr (mh_revision_get_title (newest), ==, "First");
  g_assert_cmpstr (mh_revision_get_title (older), ==, original);

  /* The newest is chosen first; its compare view names the title. */
  g_assert_cmpint (mh_revision_dialog_get_revision_id (dialog), ==, mh_revision_get_id (newest));
  assert_contains (mh_revision_dialog_get_changes (dialog), "Title");
  compare = mh_revision_dialog_dup_compare_text (dialog);
  assert_contains (compare, "− Title: First\n");
  assert_contains (compare, "+ Title: Second\n");

  mh_revision_dialog_set_revision_id (dialog, mh_revision_get_id (older));
  g_assert_cmpint (mh_revision_dialog_get_revision_id (dialog), ==, mh_revision_get_id (older));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "history.restore", NULL);
  question = find_message_dialog ();
  g_assert_nonnull (question);
  adw_message_dialog_response (question, "restore");
  mh_test_spin (20);

  g_assert_null (_mh_entry_editor_get_revision_dialog (fixture->editor));
  g_assert_cmpstr (mh_entry_get_title (editor_entry (fixture)), ==, original);
  g_assert_true (mh_entry_editor_get_saved (fixture->editor));
  restored = read_entry (fixture, id);
  g_assert_cmpstr (mh_entry_get_title (restored), ==, original);
}

/* The pickers write what is chosen into the entry and its lists. */
static void
test_pickers (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(MhEntry) saved = NULL;
  g_autoptr(MhEntryDetails) details = NULL;
  MhChoicePopover *themes;
  gint64 id = entry_id (fixture, EVENT);
  guint n_partners;

  open_entry (fixture, EVENT);
  n_partners = n_items (mh_entry_details_get_partners (editor_details (fixture)));
  g_assert_true (mh_choice_popover_choose (_mh_entry_editor_get_picker (fixture->editor, "cover"),
                                           "cover-cultural-diplomacy.svg"));
  /* Not an image: not offered as a cover. */
  g_assert_false (mh_choice_popover_choose (_mh_entry_editor_get_picker (fixture->editor, "cover"),
                                            "cultural-diplomacy-report.pdf"));
  g_assert_true (mh_choice_popover_choose (_mh_entry_editor_get_picker (fixture->editor,
                                                                        "time-zone"),
                                           "Asia/Tokyo"));
  g_assert_true (mh_choice_popover_choose (_mh_entry_editor_get_picker (fixture->editor,
                                                                        "country"),
                                           "japan"));
  themes = _mh_entry_editor_get_picker (fixture->editor, "terms/themes");
  g_assert_nonnull (themes);
  g_assert_true (mh_choice_popover_choose (themes, "museums"));
  /* A term the entry has is not offered again. */
  g_assert_false (mh_choice_popover_choose (themes, "museums"));
  g_assert_true (mh_choice_popover_choose (_mh_entry_editor_get_picker (fixture->editor,
                                                                        "partners"), "asef"));
  g_assert_true (mh_choice_popover_choose (_mh_entry_editor_get_picker (fixture->editor,
                                                                        "related"), CALL));
  g_assert_false (mh_choice_popover_choose (_mh_entry_editor_get_picker (fixture->editor,
                                                                         "related"), EVENT));

  wait_until_saved (fixture->editor);
  saved = read_entry (fixture, id);
  g_assert_cmpstr (mh_entry_get_cover (saved), ==, "cover-cultural-diplomacy.svg");
  g_assert_cmpstr (mh_entry_get_time_zone (saved), ==, "Asia/Tokyo");
  g_assert_cmpstr (mh_entry_get_country (saved), ==, "japan");
  details = read_details (fixture, id);
  g_assert_true (has_term (mh_entry_details_get_terms (details), "themes", "museums"));
  g_assert_cmpuint (n_items (mh_entry_details_get_partners (details)), ==, n_partners + 1);
  assert_item_string (mh_entry_details_get_partners (details), n_partners, "organisation",
                      "asef");
  assert_item_string (mh_entry_details_get_related (details),
                      n_items (mh_entry_details_get_related (details)) - 1, "slug", CALL);

  /* Each pick was an undo step of its own. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.undo", NULL);
  g_assert_cmpuint (n_items (mh_entry_details_get_related (editor_details (fixture))), ==,
                    n_items (mh_entry_details_get_related (details)) - 1);
  g_assert_cmpuint (n_items (mh_entry_details_get_partners (editor_details (fixture))), ==,
                    n_partners + 1);
  wait_until_saved (fixture->editor);
}

/* A site opened read-only shows the entry but changes nothing. */
static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  close_editor (fixture);
  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  fixture->store = mh_store_open_read_only (fixture->path, &error);
  g_assert_no_error (error);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->editor = MH_ENTRY_EDITOR (g_object_ref (mh_entry_editor_new ()));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->editor));
  mh_entry_editor_set_store (fixture->editor, fixture->store);
  gtk_window_present (fixture->window);
  mh_entry_editor_set_entry_id (fixture->editor, entry_id (fixture, REPORT));
  g_assert_nonnull (mh_entry_editor_get_entry (fixture->editor));
  g_assert_true (mh_entry_editor_get_saved (fixture->editor));
  g_assert_false (gtk_widget_is_sensitive (_mh_entry_editor_get_field_widget (fixture->editor,
                                                                              "title")));
}

static int
min_width (GtkWidget *widget)
{
  int minimum = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum;
}

/* The window gives the editor 360 pixels on a narrow screen: every kind's
 * form fits in them. */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  const char *slugs[] = { REPORT, EVENT, ARTICLE, CALL, PAGE };

  for (guint i = 0; i < G_N_ELEMENTS (slugs); i++)
    {
      open_entry (fixture, slugs[i]);
      if (g_test_verbose ())
        {
          GtkWidget *child;

          g_test_message ("%s: editor %d, header %d, form %d", slugs[i],
                          min_width (GTK_WIDGET (fixture->editor)),
                          min_width (fixture->editor->header_box),
                          min_width (fixture->editor->form_box));
          for (child = gtk_widget_get_first_child (fixture->editor->form_box); child != NULL;
               child = gtk_widget_get_next_sibling (child))
            if (gtk_widget_get_visible (child))
              g_test_message ("  %s %d", G_OBJECT_TYPE_NAME (child), min_width (child));
        }
      g_assert_cmpint (min_width (GTK_WIDGET (fixture->editor)), <=, 360);
    }
}

/* --- screenshots ---------------------------------------------------------------- */

/* Renders @widget as it is now, the way the platform notes describe; a
 * widget inside the window gets the window's background. */
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

  if (!GTK_IS_NATIVE (widget))
    {
      GdkRGBA background;

      gdk_rgba_parse (&background,
                      adw_style_manager_get_dark (adw_style_manager_get_default ()) ? "#242424"
                                                                                    : "#fafafa");
      gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));
    }
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_print ("%s\n", path);
}

/* The editor at @width as a window of 800 pixels shows it, then the whole
 * form as tall as it is. */
static void
shoot (Fixture    *fixture,
       const char *slug,
       const char *name,
       int         width)
{
  g_autofree char *full = g_strdup_printf ("%s-full", name);

  gtk_window_set_default_size (fixture->window, width, 800);
  open_entry (fixture, slug);
  gtk_window_set_focus (fixture->window, NULL);
  mh_test_spin (400);
  save_png (GTK_WIDGET (fixture->window), name);
  save_png (fixture->editor->form_box, full);
}

/* Not a test: with MH_SCREENSHOT_DIR set (build-aux/screenshot editor), it
 * saves the editor for each kind, wide and narrow, and with problems. */
static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  static const struct
  {
    const char *slug;
    const char *name;
  } kinds[] = {
    { REPORT, "editor-report" },
    { EVENT, "editor-event" },
    { ARTICLE, "editor-article" },
    { CALL, "editor-open-call" },
  };
  g_autoptr(GtkCssProvider) app_style = gtk_css_provider_new ();
  MhChoicePopover *picker;

  if (g_getenv ("MH_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("set MH_SCREENSHOT_DIR to save screenshots");
      return;
    }

  /* The application's own style (status pills) is loaded by AdwApplication. */
  gtk_css_provider_load_from_resource (app_style, RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (app_style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *narrow = g_strdup_printf ("%s-narrow", kinds[i].name);

      shoot (fixture, kinds[i].slug, kinds[i].name, 1280);
      shoot (fixture, kinds[i].slug, narrow, 600);
    }

  /* The preview beside the form. */
  {
    PreviewWait wait = { fixture->editor->preview_view,
                         "masthead-preview://site/reports/" REPORT "/", "Cultural Diplomacy" };

    gtk_window_set_default_size (fixture->window, 1440, 900);
    g_object_set (fixture->editor, "show-preview", TRUE, NULL);
    open_entry (fixture, REPORT);
    wait_until (preview_shows, &wait, "the report's page");
    gtk_window_set_focus (fixture->window, NULL);
    mh_test_spin (1500);
    save_png (GTK_WIDGET (fixture->window), "editor-preview");
    g_object_set (fixture->editor, "show-preview", FALSE, NULL);
  }

  /* A picker, open on the countries: regions above their countries. */
  picker = _mh_entry_editor_get_picker (fixture->editor, "terms/countries");
  gtk_widget_grab_focus (gtk_widget_get_parent (GTK_WIDGET (picker)));
  mh_test_spin (300);
  gtk_popover_popup (GTK_POPOVER (picker));
  mh_test_spin (400);
  save_png (GTK_WIDGET (picker), "editor-picker");
  gtk_popover_popdown (GTK_POPOVER (picker));

  /* The downloads' picker: the site's files, or one from the computer. */
  picker = _mh_entry_editor_get_picker (fixture->editor, "downloads");
  gtk_popover_popup (GTK_POPOVER (picker));
  mh_test_spin (400);
  save_png (GTK_WIDGET (picker), "editor-files-picker");
  gtk_popover_popdown (GTK_POPOVER (picker));

  /* Problems under their fields. */
  gtk_window_set_default_size (fixture->window, 1280, 800);
  open_entry (fixture, REPORT);
  g_object_set (editor_entry (fixture), "title", "", "website", "example.org", NULL);
  wait_for_state (fixture->editor, "invalid");
  gtk_window_set_focus (fixture->window, NULL);
  mh_test_spin (300);
  save_png (GTK_WIDGET (fixture->window), "editor-problems");
  save_png (fixture->editor->form_box, "editor-problems-full");
  mh_entry_set_title (editor_entry (fixture), "Back");
  mh_entry_set_website (editor_entry (fixture), NULL);
  wait_until_saved (fixture->editor);

  /* The history window. */
  mh_entry_set_title (editor_entry (fixture), "How Do We Navigate Cultural Diplomacy?");
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (_mh_entry_editor_get_body_buffer (fixture->editor)),
                            "## About this report\n\nA shorter body, rewritten.\n", -1);
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.save-now", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.history", NULL);
  mh_test_spin (500);
  save_png (GTK_WIDGET (_mh_entry_editor_get_revision_dialog (fixture->editor)), "editor-history");
  gtk_window_destroy (GTK_WINDOW (_mh_entry_editor_get_revision_dialog (fixture->editor)));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  gtk_source_init ();

#define ADD(path, func, data) \
  g_test_add ("/mh/entry-editor/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("empty", test_empty, NULL);
  ADD ("load", test_load, NULL);
  ADD ("report", test_report, NULL);
  ADD ("add-files", test_add_files, NULL);
  ADD ("body-font", test_body_font, NULL);
  ADD ("preview", test_preview, NULL);
  ADD ("event", test_event, NULL);
  ADD ("article", test_article, NULL);
  ADD ("open-call", test_open_call, NULL);
  ADD ("new-entry", test_new_entry, NULL);
  ADD ("invalid-title", test_invalid_title, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/mh/entry-editor/invalid/%s-%u",
                                               invalid_cases[i].property, i);

      g_test_add (path, Fixture, &invalid_cases[i], fixture_set_up, test_invalid_field,
                  fixture_tear_down);
    }
  ADD ("invalid-list", test_invalid_list, NULL);
  ADD ("undo-field", test_undo_field, NULL);
  ADD ("undo-list", test_undo_list, NULL);
  ADD ("status", test_status, NULL);
  ADD ("slug", test_slug, NULL);
  ADD ("body", test_body, NULL);
  ADD ("switch", test_switch, NULL);
  ADD ("history", test_history, NULL);
  ADD ("pickers", test_pickers, NULL);
  ADD ("read-only", test_read_only, NULL);
  ADD ("narrow", test_narrow, NULL);
  ADD ("screenshots", test_screenshots, NULL);

#undef ADD

  return g_test_run ();
}
