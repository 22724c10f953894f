/* test-entry-list-adapter.c: what the list view is told, and what it holds
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mh-demo.h"
#include "mh-entry-list-adapter.h"
#include "mh-store-entries.h"
#include "mh-test-utils.h"

typedef struct
{
  char    *dir;
  MhStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = mh_test_make_tmp_dir ();
  path = g_build_filename (f->dir, "demo.masthead", NULL);
  mh_demo_create (path, FALSE, &error);
  g_assert_no_error (error);
  f->store = mh_store_open (path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  mh_test_rm_rf (f->dir);
  g_free (f->dir);
}

typedef struct
{
  guint changes;
  guint position, removed, added;
  guint reloads;
} Seen;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Seen       *seen)
{
  seen->changes++;
  seen->position = position;
  seen->removed = removed;
  seen->added = added;
}

static void
on_reloaded_cb (MhEntryListAdapter *adapter,
                Seen               *seen)
{
  seen->reloads++;
}

/* Every position gives the list's entry there. */
static void
assert_matches_list (MhEntryListAdapter *adapter,
                     MhEntryList        *list)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (adapter)), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MhEntry) entry = g_list_model_get_item (G_LIST_MODEL (adapter), i);

      g_assert_cmpint (mh_entry_get_id (entry), ==, mh_entry_list_get_id (list, i));
    }
}

static void
set_text (MhEntryList *list,
          const char  *text)
{
  MhEntryQuery query;

  mh_entry_query_init (&query);
  query.text = text;
  mh_entry_list_set_query (list, &query);
}

/* A new search: the items the view holds become the new entries in place,
 * and only the difference in length is announced. */
static void
test_search_keeps_items (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(MhEntryList) list = mh_entry_list_new (f->store);
  g_autoptr(MhEntryListAdapter) adapter = NULL;
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  Seen seen = { 0 };
  guint before, after;

  set_text (list, NULL);
  adapter = mh_entry_list_adapter_new (list);
  g_signal_connect (adapter, "items-changed", G_CALLBACK (on_items_changed_cb), &seen);
  g_signal_connect (adapter, "reloaded", G_CALLBACK (on_reloaded_cb), &seen);

  /* What a view shows: the first rows. */
  before = g_list_model_get_n_items (G_LIST_MODEL (adapter));
  g_assert_cmpuint (before, >, 5);
  for (guint i = 0; i < 5; i++)
    g_ptr_array_add (held, g_list_model_get_item (G_LIST_MODEL (adapter), i));

  set_text (list, "prague");
  after = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (after, >, 0);
  g_assert_cmpuint (after, <, before);
  g_assert_cmpuint (seen.reloads, ==, 1);
  g_assert_cmpuint (seen.changes, ==, 1);
  g_assert_cmpuint (seen.added, ==, 0);
  g_assert_cmpuint (seen.removed, ==, before - after);
  g_assert_cmpuint (seen.position + seen.removed, ==, before);

  /* The held items are the new entries, and the view gets them again. */
  for (guint i = 0; i < MIN (after, held->len); i++)
    {
      MhEntry *item = g_ptr_array_index (held, i);
      g_autoptr(MhEntry) again = g_list_model_get_item (G_LIST_MODEL (adapter), i);

      g_assert_cmpint (mh_entry_get_id (item), ==, mh_entry_list_get_id (list, i));
      g_assert_true (again == item);
    }
  assert_matches_list (adapter, list);

  /* Back to everything: the tail is announced as added. */
  set_text (list, NULL);
  g_assert_cmpuint (seen.reloads, ==, 2);
  g_assert_cmpuint (seen.added, ==, before - after);
  g_assert_cmpuint (seen.removed, ==, 0);
  assert_matches_list (adapter, list);
}

/* An edit elsewhere (an autosave) changes nothing but the held entry,
 * which is read again in place. */
static void
test_edit_updates_in_place (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MhEntryList) list = mh_entry_list_new (f->store);
  g_autoptr(MhEntryListAdapter) adapter = NULL;
  g_autoptr(MhEntry) item = NULL;
  g_autoptr(MhEntry) copy = NULL;
  Seen seen = { 0 };
  MhEntryQuery query;

  /* The title order, which an edited date does not change. */
  mh_entry_query_init (&query);
  query.sort = MH_ENTRY_SORT_TITLE;
  mh_entry_list_set_query (list, &query);
  adapter = mh_entry_list_adapter_new (list);
  g_signal_connect (adapter, "items-changed", G_CALLBACK (on_items_changed_cb), &seen);

  item = g_list_model_get_item (G_LIST_MODEL (adapter), 2);
  copy = mh_entry_copy (item);
  mh_entry_set_summary (copy, "Edited elsewhere.");
  g_assert_true (mh_store_save_entry (f->store, copy, &error));
  g_assert_no_error (error);
  mh_test_spin (50);

  g_assert_cmpuint (seen.changes, ==, 0);
  g_assert_cmpstr (mh_entry_get_summary (item), ==, "Edited elsewhere.");
  assert_matches_list (adapter, list);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/mh/entry-list-adapter/search-keeps-items", Fixture, NULL,
              fixture_set_up, test_search_keeps_items, fixture_tear_down);
  g_test_add ("/mh/entry-list-adapter/edit-updates-in-place", Fixture, NULL,
              fixture_set_up, test_edit_updates_in_place, fixture_tear_down);

  return g_test_run ();
}
