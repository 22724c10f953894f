/* test-entry-list.c: the on-demand list model over a large site
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mh-entry-list.h"
#include "mh-test-utils.h"

#define N_ENTRIES 100000

static char *dir;
static MhStore *store;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     gpointer    data)
{
  guint *counts = data;

  counts[0]++;
  counts[1] = removed;
  counts[2] = added;
}

static void
test_on_demand (void)
{
  g_autoptr(MhEntryList) list = mh_entry_list_new (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(MhEntry) last = NULL;
  g_autoptr(MhEntry) again = NULL;
  g_autoptr(MhEntry) first = NULL;

  g_assert_true (mh_entry_list_reload (list, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_ENTRIES);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == MH_TYPE_ENTRY);

  /* Listing read no entry yet. */
  g_assert_cmpuint (mh_entry_list_get_n_loaded (list), ==, 0);

  last = g_list_model_get_item (G_LIST_MODEL (list), N_ENTRIES - 1);
  g_assert_nonnull (last);
  g_assert_cmpuint (mh_entry_list_get_n_loaded (list), ==, 1);
  g_assert_cmpint (mh_entry_get_id (last), ==, mh_entry_list_get_id (list, N_ENTRIES - 1));

  /* Asking again gives the same object, not another read. */
  again = g_list_model_get_item (G_LIST_MODEL (list), N_ENTRIES - 1);
  g_assert_true (again == last);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), N_ENTRIES));

  /* Newest first: the first item has the latest date of all. */
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (mh_entry_get_date (first), >=, mh_entry_get_date (last));

  /* Scrolling through 10,000 rows keeps a bounded number alive. */
  for (guint i = 0; i < 10000; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i * 7 % N_ENTRIES));
  g_assert_cmpuint (mh_entry_list_get_n_loaded (list), <=, 512);
}

static void
test_filters (void)
{
  g_autoptr(MhEntryList) list = mh_entry_list_new (store);
  g_autoptr(GError) error = NULL;
  MhEntryQuery query;

  mh_entry_query_init (&query);
  query.kind = MH_ENTRY_KIND_OPEN_CALL;
  mh_entry_list_set_query (list, &query);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_ENTRIES / 5);

  query.status = MH_ENTRY_STATUS_PUBLISHED;
  mh_entry_list_set_query (list, &query);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_ENTRIES / 20);
  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(MhEntry) entry = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_assert_cmpint (mh_entry_get_kind (entry), ==, MH_ENTRY_KIND_OPEN_CALL);
      g_assert_cmpint (mh_entry_get_status (entry), ==, MH_ENTRY_STATUS_PUBLISHED);
    }

  /* Properties filter too, for bindings. */
  mh_entry_query_init (&query);
  mh_entry_list_set_query (list, &query);
  g_object_set (list, "text", "cerna", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_ENTRIES / 1000);
  g_object_set (list, "text", "", "kind", MH_ENTRY_KIND_REPORT, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_ENTRIES / 5);

  /* Sorting by title. */
  g_object_set (list, "kind", -1, "sort", MH_ENTRY_SORT_TITLE, NULL);
  {
    g_autoptr(MhEntry) a = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autoptr(MhEntry) b = g_list_model_get_item (G_LIST_MODEL (list), 1);
    g_assert_cmpstr (mh_entry_get_title (a), <=, mh_entry_get_title (b));
  }
}

static void
test_follows_store (void)
{
  g_autoptr(MhEntryList) list = mh_entry_list_new (store);
  g_autoptr(MhEntry) entry = mh_entry_new (MH_ENTRY_KIND_ARTICLE);
  g_autoptr(MhEntry) shown = NULL;
  g_autoptr(GError) error = NULL;
  guint counts[3] = { 0, 0, 0 };

  g_object_set (list, "text", "unique zebra", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), counts);

  mh_entry_set_title (entry, "A unique zebra");
  g_assert_true (mh_store_save_entry (store, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts[0], ==, 1);
  g_assert_cmpuint (counts[2], ==, 1);
  shown = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (mh_entry_get_title (shown), ==, "A unique zebra");

  g_assert_true (mh_store_delete_entry (store, mh_entry_get_id (entry), &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_cmpuint (counts[1], ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  dir = mh_test_make_tmp_dir ();
  path = g_build_filename (dir, "large.masthead", NULL);
  store = mh_test_make_site (path, N_ENTRIES);

  g_test_add_func ("/mh/entry-list/on-demand", test_on_demand);
  g_test_add_func ("/mh/entry-list/filters", test_filters);
  g_test_add_func ("/mh/entry-list/follows-store", test_follows_store);

  status = g_test_run ();

  g_clear_object (&store);
  mh_test_rm_rf (dir);
  g_free (dir);
  return status;
}
