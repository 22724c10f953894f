/* test-site-model.c: what the exporters see of a site
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mh-demo.h"
#include "mh-site-model.h"
#include "mh-test-utils.h"

static char *dir;
static MhSiteModel *model;

static MhModelTerm *
find_term (const char *vocabulary,
           const char *slug)
{
  for (guint i = 0; i < model->vocabularies->len; i++)
    {
      MhModelVocabulary *v = g_ptr_array_index (model->vocabularies, i);

      for (guint j = 0; g_str_equal (v->key, vocabulary) && j < v->terms->len; j++)
        {
          MhModelTerm *t = g_ptr_array_index (v->terms, j);
          if (g_str_equal (t->slug, slug))
            return t;
        }
    }
  return NULL;
}

static void
test_published_only (void)
{
  g_assert_cmpstr (model->title, ==, "culture360 (demo)");
  g_assert_cmpstr (model->base_url, ==, "https://example.org/");
  /* 11 entries, of which one draft and one in review. */
  g_assert_cmpuint (model->entries->len, ==, 9);
  g_assert_null (mh_site_model_find_entry (model, "tidewater-writers-residency-2025-open-call"));
  g_assert_null (mh_site_model_find_entry (model, "in-cities-prague"));

  /* Newest first. */
  for (guint i = 1; i < model->entries->len; i++)
    {
      MhModelEntry *a = g_ptr_array_index (model->entries, i - 1);
      MhModelEntry *b = g_ptr_array_index (model->entries, i);
      g_assert_cmpstr (a->date, >=, b->date);
    }
}

static void
test_event (void)
{
  MhModelEntry *event = mh_site_model_find_entry (model, "asef-linkup-2024-prague");
  gboolean saw_family_first = FALSE;

  g_assert_nonnull (event);
  /* Found by its old slug too. */
  g_assert_true (mh_site_model_find_entry (model, "asef-linkup-prague-2024") == event);
  g_assert_cmpstr (event->path, ==, "events/asef-linkup-2024-prague/");
  g_assert_cmpstr (event->time_zone, ==, "Europe/Prague");
  g_assert_true (event->all_day);
  g_assert_cmpint (event->participants_planned, ==, 20);
  g_assert_cmpint (event->participants_actual, ==, 18);
  g_assert_cmpstr (event->event_country->slug, ==, "czech-republic");
  g_assert_cmpuint (event->programme->len, >=, 6);
  g_assert_cmpuint (event->partners->len, ==, 6);

  /* Only people who consented: the demo has 3 who did not, of 22. */
  g_assert_cmpuint (event->participants->len, ==, 19);
  for (guint i = 0; i < event->participants->len; i++)
    {
      MhModelParticipant *p = g_ptr_array_index (event->participants, i);

      g_assert_cmpstr (p->key, !=, "p-dimaculangan");
      g_assert_cmpstr (p->key, !=, "p-stastny");
      g_assert_cmpstr (p->key, !=, "p-hayashida");
      if (g_str_equal (p->key, "p-cerna"))
        g_assert_cmpstr (p->display_name, ==, "Alžběta ČERNÁ");
      if (p->family_name_first)
        {
          g_autofree char *family = g_utf8_strup (p->family_name, -1);
          g_assert_true (g_str_has_prefix (p->display_name, family) ||
                         p->honorific != NULL);
          saw_family_first = TRUE;
        }
    }
  g_assert_true (saw_family_first);
}

static void
test_terms (void)
{
  MhModelTerm *europe = find_term ("countries", "europe");
  MhModelTerm *czech = find_term ("countries", "czech-republic");
  MhModelEntry *open_call =
    mh_site_model_find_entry (model, "arts-journalism-matters-fellowship-2024-virtual-x-prague-open-call");

  g_assert_nonnull (europe);
  g_assert_true (czech->parent == europe);
  g_assert_cmpstr (czech->path, ==, "countries/czech-republic/");
  g_assert_cmpuint (czech->aliases->len, ==, 1);
  g_assert_cmpuint (europe->children->len, ==, 30);
  /* A region lists its countries' entries, each once. */
  g_assert_cmpuint (europe->entries->len, >=, czech->entries->len);
  for (guint i = 0; i < czech->entries->len; i++)
    g_assert_true (g_ptr_array_find (europe->entries, g_ptr_array_index (czech->entries, i), NULL));
  for (guint i = 0; i < europe->entries->len; i++)
    for (guint j = i + 1; j < europe->entries->len; j++)
      g_assert_true (g_ptr_array_index (europe->entries, i) != g_ptr_array_index (europe->entries, j));

  g_assert_cmpstr (open_call->deadline, ==, "2024-05-03");
  g_assert_cmpuint (open_call->eligible_countries->len, ==, 2);
}

static void
test_assets (void)
{
  MhModelEntry *report = mh_site_model_find_entry (model, "how-do-we-navigate-cultural-diplomacy");
  MhModelDownload *download = g_ptr_array_index (report->downloads, 0);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (download->asset->media_type, ==, "application/pdf");
  g_assert_true (g_str_has_prefix (download->asset->path, "assets/cultural-diplomacy-report."));
  g_assert_true (g_str_has_suffix (download->asset->path, ".pdf"));
  bytes = mh_site_model_read_asset (model, download->asset, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, download->asset->size);
  g_assert_true (memcmp (g_bytes_get_data (bytes, NULL), "%PDF", 4) == 0);
  g_assert_true (report->report_event == mh_site_model_find_entry (model, "asef-linkup-2024-prague"));
}

static void
test_similar (void)
{
  MhModelEntry *launch =
    mh_site_model_find_entry (model, "how-do-we-navigate-cultural-diplomacy-new-report-launched");
  MhModelEntry *report = mh_site_model_find_entry (model, "how-do-we-navigate-cultural-diplomacy");
  g_autoptr(GPtrArray) pinned = mh_site_model_similar (model, launch, 6);
  g_autoptr(GPtrArray) shared = mh_site_model_similar (model, report, 3);

  /* Pinned first, in the editor's order. */
  g_assert_cmpuint (pinned->len, ==, 6);
  for (guint i = 0; i < MIN (launch->related->len, 6); i++)
    g_assert_true (g_ptr_array_index (pinned, i) == g_ptr_array_index (launch->related, i));

  /* Without pins: never itself, never twice, the launch article (same
   * terms) first. */
  g_assert_cmpuint (shared->len, ==, 3);
  g_assert_false (g_ptr_array_find (shared, report, NULL));
  g_assert_true (g_ptr_array_index (shared, 0) == launch);
}

static void
assert_same_terms (GPtrArray *a,
                   GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpstr (((MhModelTerm *) g_ptr_array_index (a, i))->path, ==,
                     ((MhModelTerm *) g_ptr_array_index (b, i))->path);
}

/* mh_site_model_load() reads the entries' lists on a second connection;
 * on one connection, the model is the same. */
static void
test_one_connection (void)
{
  g_autofree char *path = g_build_filename (dir, "demo.masthead", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MhStore) store = mh_store_open_read_only (path, &error);
  g_autoptr(MhSiteModel) other = NULL;

  g_assert_no_error (error);
  other = mh_site_model_load_from_store (store, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (other->entries->len, ==, model->entries->len);
  for (guint i = 0; i < model->entries->len; i++)
    {
      MhModelEntry *a = g_ptr_array_index (model->entries, i);
      MhModelEntry *b = g_ptr_array_index (other->entries, i);

      g_assert_cmpstr (a->path, ==, b->path);
      assert_same_terms (a->terms, b->terms);
      assert_same_terms (a->eligible_countries, b->eligible_countries);
      g_assert_cmpuint (a->aliases->len, ==, b->aliases->len);
      for (guint j = 0; j < a->aliases->len; j++)
        g_assert_cmpstr (g_ptr_array_index (a->aliases, j), ==, g_ptr_array_index (b->aliases, j));
      g_assert_cmpuint (a->partners->len, ==, b->partners->len);
      g_assert_cmpuint (a->related->len, ==, b->related->len);
      for (guint j = 0; j < a->related->len; j++)
        g_assert_cmpstr (((MhModelEntry *) g_ptr_array_index (a->related, j))->path, ==,
                         ((MhModelEntry *) g_ptr_array_index (b->related, j))->path);
      g_assert_cmpuint (a->participants->len, ==, b->participants->len);
      for (guint j = 0; j < a->participants->len; j++)
        {
          MhModelParticipant *pa = g_ptr_array_index (a->participants, j);
          MhModelParticipant *pb = g_ptr_array_index (b->participants, j);

          g_assert_cmpstr (pa->display_name, ==, pb->display_name);
          g_assert_cmpstr (pa->role, ==, pb->role);
          g_assert_cmpstr (pa->group, ==, pb->group);
        }
      g_assert_cmpuint (a->programme->len, ==, b->programme->len);
      g_assert_cmpuint (a->downloads->len, ==, b->downloads->len);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  dir = mh_test_make_tmp_dir ();
  path = g_build_filename (dir, "demo.masthead", NULL);
  mh_demo_create (path, FALSE, &error);
  g_assert_no_error (error);
  model = mh_site_model_load (path, NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/mh/site-model/published-only", test_published_only);
  g_test_add_func ("/mh/site-model/event", test_event);
  g_test_add_func ("/mh/site-model/terms", test_terms);
  g_test_add_func ("/mh/site-model/assets", test_assets);
  g_test_add_func ("/mh/site-model/similar", test_similar);
  g_test_add_func ("/mh/site-model/one-connection", test_one_connection);

  status = g_test_run ();

  mh_site_model_free (model);
  mh_test_rm_rf (dir);
  g_free (dir);
  return status;
}
