/* test-window-list.c: the window's sidebar, list and entry actions
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <gtksourceview/gtksource.h>

#include "mh-application.h"
#include "mh-choice.h"
#include "mh-demo.h"
#include "mh-entry-editor.h"
#include "mh-entry-list.h"
#include "mh-entry.h"
#include "mh-store.h"
#include "mh-test-utils.h"
#include "mh-window-private.h"
#include "mh-window.h"

/* A stand-in for the entry editor and for site pages: a widget with the
 * "store" and "entry" properties the window sets. */
#define TEST_TYPE_PANE (test_pane_get_type ())
G_DECLARE_FINAL_TYPE (TestPane, test_pane, TEST, PANE, GtkWidget)

struct _TestPane
{
  GtkWidget  parent_instance;
  MhStore   *store;
  MhEntry   *entry;
};

G_DEFINE_FINAL_TYPE (TestPane, test_pane, GTK_TYPE_WIDGET)

enum { PANE_PROP_0, PANE_PROP_STORE, PANE_PROP_ENTRY, PANE_N_PROPS };

static void
test_pane_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  TestPane *self = TEST_PANE (object);

  if (prop_id == PANE_PROP_STORE)
    g_value_set_object (value, self->store);
  else
    g_value_set_object (value, self->entry);
}

static void
test_pane_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  TestPane *self = TEST_PANE (object);

  if (prop_id == PANE_PROP_STORE)
    g_set_object (&self->store, g_value_get_object (value));
  else
    g_set_object (&self->entry, g_value_get_object (value));
}

static void
test_pane_dispose (GObject *object)
{
  TestPane *self = TEST_PANE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->entry);
  G_OBJECT_CLASS (test_pane_parent_class)->dispose (object);
}

static void
test_pane_class_init (TestPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = test_pane_get_property;
  object_class->set_property = test_pane_set_property;
  object_class->dispose = test_pane_dispose;

  g_object_class_install_property (object_class, PANE_PROP_STORE,
                                   g_param_spec_object ("store", NULL, NULL, MH_TYPE_STORE,
                                                        G_PARAM_READWRITE));
  g_object_class_install_property (object_class, PANE_PROP_ENTRY,
                                   g_param_spec_object ("entry", NULL, NULL, MH_TYPE_ENTRY,
                                                        G_PARAM_READWRITE));
}

static void
test_pane_init (TestPane *self)
{
}

typedef struct
{
  char     *dir;
  char     *path;
  MhWindow *window;
  MhStore  *store;      /* the window's */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("mh-test-window-list-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "site.masthead", NULL);

  mh_demo_create (fixture->path, FALSE, &error);
  g_assert_no_error (error);

  fixture->window = mh_window_new (NULL, fixture->path);
  gtk_window_present (GTK_WINDOW (fixture->window));
  mh_test_spin (150);
  fixture->store = mh_window_get_store (fixture->window);
  g_assert_true (MH_IS_STORE (fixture->store));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  MhWindow *window = fixture->window;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  mh_test_spin (20);
  g_assert_null (window);

  mh_test_rm_rf (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static char *
dup_string (gpointer    object,
            const char *name)
{
  char *value = NULL;

  g_object_get (object, name, &value, NULL);
  return value;
}

static GListModel *
entries_of (Fixture *fixture)
{
  return mh_window_get_entries (fixture->window);
}

static guint
n_listed (Fixture *fixture)
{
  return g_list_model_get_n_items (entries_of (fixture));
}

static gint64
count (Fixture *fixture,
       int      kind,
       int      status)
{
  g_autoptr(GError) error = NULL;
  MhEntryQuery query;
  gint64 n;

  mh_entry_query_init (&query);
  query.kind = kind;
  query.status = status;
  n = mh_store_count_entries (fixture->store, &query, &error);
  g_assert_no_error (error);
  return n;
}

static void
activate (Fixture    *fixture,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (fixture->window), action,
                                                     parameter));
}

static MhEntry *
listed_entry (Fixture *fixture,
              guint    position)
{
  return g_list_model_get_item (entries_of (fixture), position);
}

static guint
position_of (Fixture *fixture,
             gint64   id)
{
  MhEntryList *list = MH_ENTRY_LIST (entries_of (fixture));

  for (guint i = 0; i < n_listed (fixture); i++)
    {
      if (mh_entry_list_get_id (list, i) == id)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
select_positions (Fixture *fixture,
                  guint    first,
                  guint    n)
{
  GtkSelectionModel *selection = mh_window_get_selection (fixture->window);

  g_assert_true (gtk_selection_model_select_range (selection, first, n, TRUE));
}

/* Each sidebar filter lists exactly the entries of its kind or status,
 * and the sidebar shows how many there are. */
static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *filter = NULL;
  guint n_all = n_listed (fixture);

  g_assert_cmpint (n_all, ==, count (fixture, -1, -1));
  g_assert_cmpint (_mh_window_sidebar_get_count (fixture->window, "all"), ==, n_all);

  for (guint i = 0; i < MH_WINDOW_N_FILTERS; i++)
    {
      const MhWindowFilter *f = &_mh_window_filters[i];
      gint64 expected = count (fixture, f->kind, f->status);

      activate (fixture, "win.filter", g_variant_new_string (f->id));
      g_clear_pointer (&filter, g_free);
      filter = dup_string (fixture->window, "filter");
      g_assert_cmpstr (filter, ==, f->id);
      g_assert_cmpint (n_listed (fixture), ==, expected);
      g_assert_cmpint (_mh_window_sidebar_get_count (fixture->window, f->id), ==, expected);

      for (guint j = 0; j < n_listed (fixture); j++)
        {
          g_autoptr(MhEntry) entry = listed_entry (fixture, j);

          if (f->kind >= 0)
            g_assert_cmpint (mh_entry_get_kind (entry), ==, f->kind);
          if (f->status >= 0)
            g_assert_cmpint (mh_entry_get_status (entry), ==, f->status);
        }
    }

  /* The demo has entries of several kinds and statuses. */
  g_assert_cmpint (count (fixture, MH_ENTRY_KIND_ARTICLE, -1), >, 0);
  g_assert_cmpint (count (fixture, MH_ENTRY_KIND_ARTICLE, -1), <, n_all);
  g_assert_cmpint (count (fixture, -1, MH_ENTRY_STATUS_PUBLISHED), <, n_all);

  /* An unknown filter lists everything. */
  g_object_set (fixture->window, "filter", "kind:nonsense", NULL);
  g_clear_pointer (&filter, g_free);
  filter = dup_string (fixture->window, "filter");
  g_assert_cmpstr (filter, ==, "all");
  g_assert_cmpint (n_listed (fixture), ==, n_all);
}

/* The counts follow the store: a new draft report counts in All, Reports
 * and Drafts once the window is idle. */
static void
test_counts_follow_store (Fixture       *fixture,
                          gconstpointer  data)
{
  gint64 all = _mh_window_sidebar_get_count (fixture->window, "all");
  gint64 reports = _mh_window_sidebar_get_count (fixture->window, "kind:report");
  gint64 drafts = _mh_window_sidebar_get_count (fixture->window, "status:draft");
  gint64 events = _mh_window_sidebar_get_count (fixture->window, "kind:event");

  gint64 start;

  g_assert_cmpint (all, >, 0);
  activate (fixture, "win.new-entry", g_variant_new_string ("report"));
  /* The new entry opens in the editor (and its preview) meanwhile. */
  start = g_get_monotonic_time ();
  while (_mh_window_sidebar_get_count (fixture->window, "all") == all &&
         g_get_monotonic_time () - start < 5 * G_USEC_PER_SEC)
    mh_test_spin (10);

  g_assert_cmpint (_mh_window_sidebar_get_count (fixture->window, "all"), ==, all + 1);
  g_assert_cmpint (_mh_window_sidebar_get_count (fixture->window, "kind:report"), ==,
                   reports + 1);
  g_assert_cmpint (_mh_window_sidebar_get_count (fixture->window, "status:draft"), ==,
                   drafts + 1);
  g_assert_cmpint (_mh_window_sidebar_get_count (fixture->window, "kind:event"), ==, events);
}

/* Search narrows the current filter; clearing it brings the list back. */
static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  MhEntryQuery query;
  guint n_all = n_listed (fixture);
  guint n_found;

  g_object_set (fixture->window, "search-text", "diplomacy", NULL);
  n_found = n_listed (fixture);
  mh_entry_query_init (&query);
  query.text = "diplomacy";
  g_assert_cmpint (n_found, ==, mh_store_count_entries (fixture->store, &query, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_found, >, 0);
  g_assert_cmpuint (n_found, <, n_all);

  /* Within a kind: only the matching articles. */
  g_object_set (fixture->window, "filter", "kind:article", NULL);
  query.kind = MH_ENTRY_KIND_ARTICLE;
  g_assert_cmpint (n_listed (fixture), ==, mh_store_count_entries (fixture->store, &query, NULL));
  for (guint i = 0; i < n_listed (fixture); i++)
    {
      g_autoptr(MhEntry) entry = listed_entry (fixture, i);

      g_assert_cmpint (mh_entry_get_kind (entry), ==, MH_ENTRY_KIND_ARTICLE);
    }

  g_object_set (fixture->window, "filter", "all", "search-text", "", NULL);
  g_assert_cmpuint (n_listed (fixture), ==, n_all);
}

/* Date (newest first), title (A to Z) and last change (newest first). */
static void
test_sort (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *sort = NULL;
  guint n = n_listed (fixture);

  activate (fixture, "win.sort", g_variant_new_string ("title"));
  sort = dup_string (fixture->window, "sort");
  g_assert_cmpstr (sort, ==, "title");
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(MhEntry) a = listed_entry (fixture, i - 1);
      g_autoptr(MhEntry) b = listed_entry (fixture, i);
      g_autofree char *fa = g_utf8_casefold (mh_entry_get_title (a), -1);
      g_autofree char *fb = g_utf8_casefold (mh_entry_get_title (b), -1);

      g_assert_cmpint (g_strcmp0 (fa, fb), <=, 0);
    }

  activate (fixture, "win.sort", g_variant_new_string ("updated"));
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(MhEntry) a = listed_entry (fixture, i - 1);
      g_autoptr(MhEntry) b = listed_entry (fixture, i);

      g_assert_cmpstr (mh_entry_get_updated_at (a), >=, mh_entry_get_updated_at (b));
    }

  activate (fixture, "win.sort", g_variant_new_string ("date"));
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(MhEntry) a = listed_entry (fixture, i - 1);
      g_autoptr(MhEntry) b = listed_entry (fixture, i);

      if (mh_entry_get_date (b) != NULL)
        g_assert_cmpstr (mh_entry_get_date (a), >=, mh_entry_get_date (b));
    }
  g_assert_cmpuint (n_listed (fixture), ==, n);
}

/* A term filter keeps the entries tagged with the term or a descendant:
 * "countries/europe" includes the Czech Republic. */
static void
test_term_filter (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GListModel) vocabularies = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *term = NULL;
  MhEntryQuery query;
  guint n_all = n_listed (fixture);
  gint64 expected;

  vocabularies = mh_store_list_vocabularies (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (vocabularies), >, 0);

  mh_entry_query_init (&query);
  query.vocabulary = "countries";
  query.term = "europe";
  expected = mh_store_count_entries (fixture->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpint (expected, >, 0);
  g_assert_cmpint (expected, <, n_all);

  activate (fixture, "win.term", g_variant_new_string ("countries/europe"));
  term = dup_string (fixture->window, "term");
  g_assert_cmpstr (term, ==, "countries/europe");
  g_assert_cmpint (n_listed (fixture), ==, expected);

  query.term = "czech-republic";
  g_assert_cmpint (mh_store_count_entries (fixture->store, &query, NULL), <=, expected);

  /* The bar over the list names the term. */
  term = (g_free (term), _mh_window_dup_term_label (fixture->window, "countries/europe"));
  g_assert_nonnull (strstr (term, "Europe"));

  /* Combined with a search and a kind. */
  g_object_set (fixture->window, "search-text", "diplomacy", "filter", "kind:article", NULL);
  query.text = "diplomacy";
  query.kind = MH_ENTRY_KIND_ARTICLE;
  query.term = "europe";
  g_assert_cmpint (n_listed (fixture), ==, mh_store_count_entries (fixture->store, &query, NULL));

  g_object_set (fixture->window, "search-text", "", "filter", "all", NULL);
  activate (fixture, "win.term", g_variant_new_string (""));
  g_assert_cmpuint (n_listed (fixture), ==, n_all);

  /* The sort and filter menu offers the vocabularies. */
  _mh_window_fill_terms_menu (fixture->window);
}

static const char *untitled[] = {
  [MH_ENTRY_KIND_REPORT] = "Untitled report",
  [MH_ENTRY_KIND_EVENT] = "Untitled event",
  [MH_ENTRY_KIND_ARTICLE] = "Untitled article",
  [MH_ENTRY_KIND_OPEN_CALL] = "Untitled open call",
  [MH_ENTRY_KIND_PAGE] = "Untitled page",
};

/* New entry of each kind: a draft, listed and selected, even when the
 * current filter would hide it. */
static void
test_new_entry (Fixture       *fixture,
                gconstpointer  data)
{
  guint n_all = n_listed (fixture);

  for (MhEntryKind kind = 0; kind < MH_N_ENTRY_KINDS; kind++)
    {
      g_autofree char *filter = NULL;
      MhEntry *entry;

      g_object_set (fixture->window, "filter", "status:published", NULL);
      activate (fixture, "win.new-entry",
                g_variant_new_string (mh_entry_kind_to_string (kind)));

      entry = mh_window_get_selected_entry (fixture->window);
      g_assert_true (MH_IS_ENTRY (entry));
      g_assert_cmpint (mh_entry_get_id (entry), >, 0);
      g_assert_cmpint (mh_entry_get_kind (entry), ==, kind);
      g_assert_cmpint (mh_entry_get_status (entry), ==, MH_ENTRY_STATUS_DRAFT);
      g_assert_cmpstr (mh_entry_get_title (entry), ==, untitled[kind]);
      g_assert_nonnull (mh_entry_get_date (entry));

      filter = dup_string (fixture->window, "filter");
      g_assert_cmpstr (filter, ==, "all");
      g_assert_cmpuint (position_of (fixture, mh_entry_get_id (entry)), !=,
                        GTK_INVALID_LIST_POSITION);
      g_assert_true (gtk_selection_model_is_selected (
                       mh_window_get_selection (fixture->window),
                       position_of (fixture, mh_entry_get_id (entry))));
    }

  g_assert_cmpuint (n_listed (fixture), ==, n_all + MH_N_ENTRY_KINDS);

  /* Two new reports get two slugs. */
  activate (fixture, "win.new-entry", g_variant_new_string ("report"));
  g_assert_cmpuint (n_listed (fixture), ==, n_all + MH_N_ENTRY_KINDS + 1);
}

/* Duplicate copies the selected entry into a new draft and selects it. */
static void
test_duplicate (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(MhEntry) original = NULL;
  MhEntry *copy;
  guint n_all = n_listed (fixture);
  gint64 original_id;

  /* The demo's first entry in date order is published. */
  g_object_set (fixture->window, "filter", "status:published", NULL);
  original = listed_entry (fixture, 0);
  original_id = mh_entry_get_id (original);
  select_positions (fixture, 0, 1);
  g_assert_true (mh_window_get_selected_entry (fixture->window) != NULL);
  g_assert_cmpint (mh_entry_get_id (mh_window_get_selected_entry (fixture->window)), ==,
                   original_id);

  activate (fixture, "win.duplicate", NULL);

  copy = mh_window_get_selected_entry (fixture->window);
  g_assert_true (MH_IS_ENTRY (copy));
  g_assert_cmpint (mh_entry_get_id (copy), !=, original_id);
  g_assert_cmpint (mh_entry_get_kind (copy), ==, mh_entry_get_kind (original));
  g_assert_cmpint (mh_entry_get_status (copy), ==, MH_ENTRY_STATUS_DRAFT);
  g_assert_cmpstr (mh_entry_get_summary (copy), ==, mh_entry_get_summary (original));
  g_assert_nonnull (strstr (mh_entry_get_title (copy), mh_entry_get_title (original)));
  g_assert_cmpstr (mh_entry_get_uuid (copy), !=, mh_entry_get_uuid (original));
  g_assert_cmpuint (n_listed (fixture), ==, n_all + 1);
}

/* Deleting three entries, then Undo: they come back with their ids and
 * uuids, selected again. */
static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  GtkSelectionModel *selection = mh_window_get_selection (fixture->window);
  guint n_all = n_listed (fixture);

  g_assert_cmpuint (n_all, >=, 5);
  select_positions (fixture, 1, 3);
  g_assert_null (mh_window_get_selected_entry (fixture->window));
  ids = _mh_window_dup_selected_ids (fixture->window);
  g_assert_cmpuint (ids->len, ==, 3);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(MhEntry) entry = mh_store_get_entry (fixture->store,
                                                     g_array_index (ids, gint64, i), NULL);

      g_ptr_array_add (uuids, g_strdup (mh_entry_get_uuid (entry)));
    }

  activate (fixture, "win.delete", NULL);
  g_assert_cmpuint (n_listed (fixture), ==, n_all - 3);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      g_assert_cmpuint (position_of (fixture, id), ==, GTK_INVALID_LIST_POSITION);
      g_assert_null (mh_store_get_entry (fixture->store, id, NULL));
    }
  /* The entry after them is selected in their place. */
  g_assert_cmpuint (gtk_bitset_get_size (gtk_selection_model_get_selection (selection)), ==, 1);
  g_assert_true (gtk_selection_model_is_selected (selection, 1));

  activate (fixture, "win.undo", NULL);
  g_assert_cmpuint (n_listed (fixture), ==, n_all);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(MhEntry) entry = mh_store_get_entry (fixture->store, id, NULL);

      g_assert_nonnull (entry);
      g_assert_cmpstr (mh_entry_get_uuid (entry), ==, g_ptr_array_index (uuids, i));
      g_assert_true (gtk_selection_model_is_selected (selection, position_of (fixture, id)));
    }

  /* The undo is used up: a second one changes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpuint (n_listed (fixture), ==, n_all);
}

/* Deleting the selected entry gives the editor the next one; deleting the
 * last one of the list, the one before; deleting the only one, none. */
static void
test_delete_selected (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TestPane) editor = g_object_ref_sink (g_object_new (TEST_TYPE_PANE, NULL));
  guint n_all = n_listed (fixture);
  gint64 deleted;
  gint64 next;

  _mh_window_set_editor_widget (fixture->window, GTK_WIDGET (editor));
  select_positions (fixture, 0, 1);
  g_assert_nonnull (editor->entry);
  deleted = mh_entry_get_id (editor->entry);
  next = mh_entry_list_get_id (MH_ENTRY_LIST (entries_of (fixture)), 1);

  activate (fixture, "win.delete", NULL);
  g_assert_cmpuint (n_listed (fixture), ==, n_all - 1);
  g_assert_nonnull (editor->entry);
  g_assert_cmpint (mh_entry_get_id (editor->entry), !=, deleted);
  g_assert_cmpint (mh_entry_get_id (editor->entry), ==, next);

  select_positions (fixture, n_all - 2, 1);
  next = mh_entry_list_get_id (MH_ENTRY_LIST (entries_of (fixture)), n_all - 3);
  activate (fixture, "win.delete", NULL);
  g_assert_cmpint (mh_entry_get_id (editor->entry), ==, next);

  /* A list of one: nothing left to select. */
  g_object_set (fixture->window, "filter", "kind:report", NULL);
  g_assert_cmpuint (n_listed (fixture), ==, 1);
  select_positions (fixture, 0, 1);
  activate (fixture, "win.delete", NULL);
  g_assert_cmpuint (n_listed (fixture), ==, 0);
  g_assert_null (mh_window_get_selected_entry (fixture->window));
  g_assert_null (editor->entry);
}

/* A status change on several entries at once, also with the Alt+3 action
 * target; entries leaving the filter leave the list. */
static void
test_bulk_status (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GArray) ids = NULL;
  gint64 archived = count (fixture, -1, MH_ENTRY_STATUS_ARCHIVED);
  guint n_published;

  g_object_set (fixture->window, "filter", "status:published", NULL);
  n_published = n_listed (fixture);
  g_assert_cmpuint (n_published, >=, 2);
  select_positions (fixture, 0, 2);
  ids = _mh_window_dup_selected_ids (fixture->window);

  activate (fixture, "win.set-status", g_variant_new_string ("archived"));
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(MhEntry) entry = mh_store_get_entry (fixture->store,
                                                     g_array_index (ids, gint64, i), NULL);

      g_assert_cmpint (mh_entry_get_status (entry), ==, MH_ENTRY_STATUS_ARCHIVED);
    }
  g_assert_cmpint (count (fixture, -1, MH_ENTRY_STATUS_ARCHIVED), ==, archived + 2);
  g_assert_cmpuint (n_listed (fixture), ==, n_published - 2);

  /* The selected entry's editor gets the new status. */
  g_object_set (fixture->window, "filter", "all", NULL);
  select_positions (fixture, 0, 1);
  activate (fixture, "win.set-status", g_variant_new_string ("review"));
  g_assert_cmpint (mh_entry_get_status (mh_window_get_selected_entry (fixture->window)), ==,
                   MH_ENTRY_STATUS_REVIEW);
}

/* The editor slot and the site places get the store; the editor gets the
 * selected entry, and nothing when several are selected. */
static void
test_editor_and_places (Fixture       *fixture,
                        gconstpointer  data)
{
  TestPane *editor = g_object_new (TEST_TYPE_PANE, NULL);
  TestPane *page = g_object_new (TEST_TYPE_PANE, NULL);
  g_autofree char *place = NULL;

  _mh_window_set_editor_widget (fixture->window, GTK_WIDGET (editor));
  g_assert_true (editor->store == fixture->store);
  g_assert_null (editor->entry);

  select_positions (fixture, 2, 1);
  g_assert_true (editor->entry == mh_window_get_selected_entry (fixture->window));
  g_assert_nonnull (editor->entry);

  /* The editor keeps its entry object while the list reloads around it. */
  {
    MhEntry *before = editor->entry;
    g_autoptr(MhEntry) other = mh_entry_new (MH_ENTRY_KIND_PAGE);

    mh_entry_set_title (other, "A page saved elsewhere");
    g_assert_true (mh_store_save_entry (fixture->store, other, NULL));
    g_assert_true (editor->entry == before);
  }

  select_positions (fixture, 0, 3);
  g_assert_null (editor->entry);

  /* No place before one is added; the row appears with its page. */
  g_object_set (fixture->window, "place", "test-place", NULL);
  place = dup_string (fixture->window, "place");
  g_assert_cmpstr (place, ==, "");

  _mh_window_add_sidebar_place (fixture->window, "test-place", "Test Place",
                                "emblem-system-symbolic", GTK_WIDGET (page));
  g_assert_true (page->store == fixture->store);
  g_object_set (fixture->window, "place", "test-place", NULL);
  g_clear_pointer (&place, g_free);
  place = dup_string (fixture->window, "place");
  g_assert_cmpstr (place, ==, "test-place");

  /* Opening an entry goes back to the entries. */
  select_positions (fixture, 0, 1);
  _mh_window_open_selected (fixture->window);
  g_clear_pointer (&place, g_free);
  place = dup_string (fixture->window, "place");
  g_assert_cmpstr (place, ==, "");
}

/* With the real editor: it follows the selection, and a status change or
 * a deletion made by the window is not undone by the editor saving its
 * older copy. */
/* Closing the window writes the last change; a change the editor cannot
 * save (the entry has problems) is only dropped when the person says so. */
static void
test_close_unsaved (Fixture       *fixture,
                    gconstpointer  data)
{
  MhEntryEditor *editor = MH_ENTRY_EDITOR (mh_entry_editor_new ());
  g_autoptr(MhEntry) stored = NULL;
  gint64 id;

  _mh_window_set_editor_widget (fixture->window, GTK_WIDGET (editor));
  select_positions (fixture, 0, 1);
  id = mh_entry_editor_get_entry_id (editor);
  g_assert_cmpint (id, >, 0);

  /* An empty title cannot be saved: closing asks instead of closing. */
  mh_entry_set_title (mh_entry_editor_get_entry (editor), "");
  gtk_window_close (GTK_WINDOW (fixture->window));
  mh_test_spin (100);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
  g_assert_nonnull (fixture->window->close_dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (fixture->window->close_dialog), "keep");
  mh_test_spin (50);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));

  /* Fixed, the change is written and the window may go. */
  mh_entry_set_title (mh_entry_editor_get_entry (editor), "Renamed before closing");
  g_assert_true (mh_entry_editor_flush (editor));
  stored = mh_store_get_entry (fixture->store, id, NULL);
  g_assert_cmpstr (mh_entry_get_title (stored), ==, "Renamed before closing");
}

static void
test_real_editor (Fixture       *fixture,
                  gconstpointer  data)
{
  MhEntryEditor *editor = MH_ENTRY_EDITOR (mh_entry_editor_new ());
  g_autoptr(MhEntry) stored = NULL;
  gint64 id;

  _mh_window_set_editor_widget (fixture->window, GTK_WIDGET (editor));
  g_assert_true (mh_entry_editor_get_store (editor) == fixture->store);
  g_assert_cmpint (mh_entry_editor_get_entry_id (editor), ==, 0);

  select_positions (fixture, 0, 1);
  id = mh_entry_get_id (mh_window_get_selected_entry (fixture->window));
  g_assert_cmpint (mh_entry_editor_get_entry_id (editor), ==, id);

  activate (fixture, "win.set-status", g_variant_new_string ("archived"));
  mh_test_spin (100);
  g_assert_true (mh_entry_editor_flush (editor));
  stored = mh_store_get_entry (fixture->store, id, NULL);
  g_assert_cmpint (mh_entry_get_status (stored), ==, MH_ENTRY_STATUS_ARCHIVED);
  g_assert_cmpint (mh_entry_editor_get_entry_id (editor), ==, id);
  g_assert_cmpint (mh_entry_get_status (mh_entry_editor_get_entry (editor)), ==,
                   MH_ENTRY_STATUS_ARCHIVED);

  /* An entry leaving the list (here the Published filter) leaves the
   * editor too. */
  g_object_set (fixture->window, "filter", "status:published", NULL);
  g_assert_cmpint (mh_entry_editor_get_entry_id (editor), ==, 0);
  g_object_set (fixture->window, "filter", "all", NULL);
  select_positions (fixture, position_of (fixture, id), 1);
  g_assert_cmpint (mh_entry_editor_get_entry_id (editor), ==, id);

  /* Deleted, the next entry takes its place in the editor; undone, it
   * comes back there. */
  activate (fixture, "win.delete", NULL);
  g_assert_cmpint (mh_entry_editor_get_entry_id (editor), !=, id);
  g_assert_cmpint (mh_entry_editor_get_entry_id (editor), ==,
                   mh_entry_get_id (mh_window_get_selected_entry (fixture->window)));
  g_assert_null (mh_store_get_entry (fixture->store, id, NULL));
  activate (fixture, "win.undo", NULL);
  g_assert_cmpint (mh_entry_editor_get_entry_id (editor), ==, id);
}

/* Wide, the three panes; middling, the sidebar and the list or the
 * editor; narrow (600 px and less), one pane at a time, with the list
 * first and the entry after Enter. */
static void
test_folding (Fixture       *fixture,
              gconstpointer  data)
{
  const struct
  {
    int      width;
    gboolean sidebar_folded;
    gboolean list_folded;
  } sizes[] = {
    { 1200, FALSE, FALSE },
    { 800, FALSE, TRUE },
    { 600, TRUE, TRUE },
    { 400, TRUE, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      MhWindow *window = mh_window_new (NULL, fixture->path);

      _mh_window_set_editor_widget (window, mh_entry_editor_new ());
      gtk_window_set_default_size (GTK_WINDOW (window), sizes[i].width, 700);
      gtk_window_present (GTK_WINDOW (window));
      mh_test_spin (200);

      g_test_message ("%d px: sidebar %s, list %s", sizes[i].width,
                      adw_leaflet_get_folded (ADW_LEAFLET (window->leaflet)) ? "folded" : "shown",
                      adw_leaflet_get_folded (ADW_LEAFLET (window->content_leaflet))
                      ? "folded" : "shown");
      g_assert_cmpint (adw_leaflet_get_folded (ADW_LEAFLET (window->leaflet)), ==,
                       sizes[i].sidebar_folded);
      g_assert_cmpint (adw_leaflet_get_folded (ADW_LEAFLET (window->content_leaflet)), ==,
                       sizes[i].list_folded);

      /* Folded, the list shows first; opening an entry shows the editor. */
      g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (window->leaflet)), ==,
                       "content");
      g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (window->content_leaflet)),
                       ==, "list");
      gtk_selection_model_select_item (mh_window_get_selection (window), 0, TRUE);
      _mh_window_open_selected (window);
      g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (window->content_leaflet)),
                       ==, "editor");

      gtk_window_destroy (GTK_WINDOW (window));
      mh_test_spin (20);
    }
}

/* Ctrl+N opens the menu of kinds. */
static void
test_choose_new_entry (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkPopover *popover;

  activate (fixture, "win.choose-new-entry", NULL);
  mh_test_spin (100);
  popover = gtk_menu_button_get_popover (fixture->window->new_entry_button);
  g_assert_true (GTK_IS_POPOVER (popover));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  gtk_popover_popdown (popover);
}

/* Through the application: a new site is titled after its file, opens in
 * a window of its own, and becomes the first recent site and the last
 * site. */
static void
test_new_site (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(MhApplication) app = mh_application_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "Arts Portal.masthead", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.masthead.Masthead");
  g_auto(GStrv) recent = NULL;
  g_autofree char *last = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  MhWindow *window = NULL;

  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_assert_true (mh_application_create_site (app, path, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (MH_IS_WINDOW (toplevel) &&
          g_strcmp0 (mh_window_get_path (MH_WINDOW (toplevel)), path) == 0)
        window = MH_WINDOW (toplevel);
    }
  g_assert_nonnull (window);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Arts Portal");
  g_assert_cmpstr (mh_window_get_visible_page (window), ==, "empty");

  recent = g_settings_get_strv (settings, "recent-sites");
  g_assert_cmpstr (recent[0], ==, uri);
  last = g_settings_get_string (settings, "last-site");
  g_assert_cmpstr (last, ==, uri);
  g_assert_cmpuint (g_menu_model_get_n_items (mh_application_get_recent_menu (app)), >=, 1);

  /* Its main menu offers them: New Site, Open, Recent Sites. */
  {
    g_autoptr(GMenuModel) section = g_menu_model_get_item_link (G_MENU_MODEL (window->primary_menu),
                                                                0, G_MENU_LINK_SECTION);

    g_assert_cmpint (g_menu_model_get_n_items (section), ==, 3);
  }

  /* Creating it again is refused; the file is not touched. */
  g_assert_false (mh_application_create_site (app, path, &error));
  g_assert_error (error, MH_STORE_ERROR, MH_STORE_ERROR_EXISTS);

  /* One window per site: opening it again presents the same window. */
  mh_application_open_path (app, path);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  mh_test_spin (20);
  g_settings_reset (settings, "recent-sites");
  g_settings_reset (settings, "last-site");
}

/* --- screenshots ----------------------------------------------------------- */

/* Renders @widget as it is now (platform notes: GTK 4.8 has no
 * gtk_widget_snapshot). */
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

/* The window as the application puts it together: with the entry editor
 * in its third pane. */
static MhWindow *
open_sized (const char *path,
            int         width,
            int         height)
{
  MhWindow *window = mh_window_new (NULL, path);

  _mh_window_set_editor_widget (window, mh_entry_editor_new ());
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  mh_test_spin (400);

  return window;
}

static void
select_title (MhWindow   *window,
              const char *prefix)
{
  GListModel *entries = mh_window_get_entries (window);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(MhEntry) entry = g_list_model_get_item (entries, i);

      if (g_str_has_prefix (mh_entry_get_title (entry), prefix))
        {
          gtk_selection_model_select_item (mh_window_get_selection (window), i, TRUE);
          return;
        }
    }
  g_assert_not_reached ();
}

/* Not a test: with MH_SCREENSHOT_DIR set (build-aux/screenshot window), it
 * saves the window wide (three panes) in the light and dark styles, with
 * several entries selected, filtered by kind and term, at a middling width
 * (sidebar, then list or editor) and narrow (folded: the list, then the
 * entry). */
static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  MhWindow *window;

  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  if (g_getenv ("MH_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("set MH_SCREENSHOT_DIR to save screenshots");
      return;
    }

  /* What AdwApplication loads by itself in the app. */
  gtk_css_provider_load_from_resource (css, RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  window = open_sized (fixture->path, 1200, 760);
  select_title (window, "How Do We Navigate Cultural Diplomacy? Key");
  mh_test_spin (300);
  save_png (GTK_WIDGET (window), "window");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  mh_test_spin (300);
  save_png (GTK_WIDGET (window), "window-dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  gtk_selection_model_select_range (mh_window_get_selection (window), 1, 3, TRUE);
  mh_test_spin (300);
  save_png (GTK_WIDGET (window), "window-selection");

  g_object_set (window, "filter", "kind:article", "term", "countries/europe", NULL);
  mh_test_spin (400);
  save_png (GTK_WIDGET (window), "window-filtered");

  /* The menus are surfaces of their own: rendered one by one. */
  gtk_menu_button_popup (window->sort_button);
  mh_test_spin (400);
  save_png (GTK_WIDGET (gtk_menu_button_get_popover (window->sort_button)), "window-sort-menu");
  gtk_menu_button_popdown (window->sort_button);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.choose-new-entry", NULL);
  mh_test_spin (400);
  save_png (GTK_WIDGET (gtk_menu_button_get_popover (window->new_entry_button)),
            "window-new-entry-menu");
  gtk_menu_button_popdown (window->new_entry_button);
  gtk_window_destroy (GTK_WINDOW (window));

  window = open_sized (fixture->path, 800, 640);
  select_title (window, "ASEF LinkUp | Asia-Europe");
  mh_test_spin (300);
  save_png (GTK_WIDGET (window), "window-medium");
  _mh_window_open_selected (window);
  mh_test_spin (600);
  save_png (GTK_WIDGET (window), "window-medium-editor");
  gtk_window_destroy (GTK_WINDOW (window));

  window = open_sized (fixture->path, 400, 760);
  save_png (GTK_WIDGET (window), "window-narrow");
  select_title (window, "ASEF LinkUp | Asia-Europe");
  _mh_window_open_selected (window);
  mh_test_spin (600);
  save_png (GTK_WIDGET (window), "window-narrow-editor");
  gtk_window_destroy (GTK_WINDOW (window));
  mh_test_spin (50);
}

static void
add_test (const char *name,
          void (*func) (Fixture *, gconstpointer))
{
  g_autofree char *path = g_strdup_printf ("/mh/window-list/%s", name);

  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  gtk_source_init ();

  add_test ("filters", test_filters);
  add_test ("counts-follow-store", test_counts_follow_store);
  add_test ("search", test_search);
  add_test ("sort", test_sort);
  add_test ("term-filter", test_term_filter);
  add_test ("new-entry", test_new_entry);
  add_test ("duplicate", test_duplicate);
  add_test ("delete-undo", test_delete_undo);
  add_test ("delete-selected", test_delete_selected);
  add_test ("bulk-status", test_bulk_status);
  add_test ("editor-and-places", test_editor_and_places);
  add_test ("real-editor", test_real_editor);
  add_test ("close-unsaved", test_close_unsaved);
  add_test ("choose-new-entry", test_choose_new_entry);
  add_test ("folding", test_folding);
  add_test ("new-site", test_new_site);
  add_test ("screenshots", test_screenshots);

  return g_test_run ();
}
