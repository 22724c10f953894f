/* test-site-check.c: what `masthead-cli check` finds
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mh-demo.h"
#include "mh-markdown.h"
#include "mh-site-check.h"
#include "mh-test-utils.h"

static gboolean
has_problem (GPtrArray  *problems,
             const char *a,
             const char *b)
{
  for (guint i = 0; i < problems->len; i++)
    {
      const char *p = g_ptr_array_index (problems, i);

      if (strstr (p, a) != NULL && (b == NULL || strstr (p, b) != NULL))
        return TRUE;
    }
  return FALSE;
}

static void
test_references (void)
{
  g_autoptr(GPtrArray) refs = mh_markdown_find_references (
    "# Title\n\nSee [the report](entry:the-report) and\n[a page](https://example.org/).\n\n"
    "![Logo](asset:logo.svg)\n\n- [x](entry:other%2Dslug)\n");
  MhMarkdownRef *ref;

  g_assert_cmpuint (refs->len, ==, 3);
  ref = g_ptr_array_index (refs, 0);
  g_assert_cmpint (ref->kind, ==, MH_MARKDOWN_REF_ENTRY);
  g_assert_cmpstr (ref->target, ==, "the-report");
  g_assert_cmpint (ref->line, ==, 3);
  ref = g_ptr_array_index (refs, 1);
  g_assert_cmpint (ref->kind, ==, MH_MARKDOWN_REF_ASSET);
  g_assert_cmpstr (ref->target, ==, "logo.svg");
  g_assert_cmpint (ref->line, ==, 6);
  ref = g_ptr_array_index (refs, 2);
  g_assert_cmpstr (ref->target, ==, "other-slug");
  g_assert_cmpint (ref->line, ==, 8);
}

static void
test_problems (void)
{
  g_autofree char *dir = mh_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "check.masthead", NULL);
  g_autoptr(MhStore) store = mh_test_make_site (path, 5);
  g_autoptr(MhEntry) article = mh_entry_new (MH_ENTRY_KIND_ARTICLE);
  g_autoptr(MhEntry) event = mh_entry_new (MH_ENTRY_KIND_EVENT);
  g_autoptr(MhEntry) call = mh_entry_new (MH_ENTRY_KIND_OPEN_CALL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  mh_entry_set_title (article, "Broken links");
  mh_entry_set_body (article, "Fine: [one](entry:entry-0).\n\n"
                              "Broken: [gone](entry:no-such-entry).\n\n"
                              "![missing](asset:missing.png)\n");
  mh_entry_set_title (event, "Undated event");
  mh_entry_set_title (call, "Call without deadline");
  g_assert_true (mh_store_save_entry (store, article, &error));
  g_assert_true (mh_store_save_entry (store, event, &error));
  g_assert_true (mh_store_save_entry (store, call, &error));
  g_assert_no_error (error);

  problems = mh_site_check (store, &error);
  g_assert_no_error (error);
  /* The generated site adds an event and an open call without dates. */
  g_assert_cmpuint (problems->len, ==, 6);
  g_assert_true (has_problem (problems, "entry-1", "no start date"));
  g_assert_true (has_problem (problems, "entry-3", "no deadline"));
  g_assert_true (has_problem (problems, "broken-links: line 3", "no-such-entry"));
  g_assert_true (has_problem (problems, "broken-links: line 5", "missing.png"));
  g_assert_true (has_problem (problems, "undated-event", "no start date"));
  g_assert_true (has_problem (problems, "call-without-deadline", "no deadline"));
  g_assert_false (has_problem (problems, "entry-0", NULL));

  g_clear_object (&store);
  mh_test_rm_rf (dir);
}

static void
test_demo_is_clean (void)
{
  g_autofree char *dir = mh_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.masthead", NULL);
  g_autoptr(MhStore) store = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (mh_demo_create (path, FALSE, &error));
  g_assert_no_error (error);
  store = mh_store_open (path, &error);
  g_assert_no_error (error);
  problems = mh_site_check (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);

  g_clear_object (&store);
  mh_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/mh/site-check/references", test_references);
  g_test_add_func ("/mh/site-check/problems", test_problems);
  g_test_add_func ("/mh/site-check/demo-is-clean", test_demo_is_clean);

  return g_test_run ();
}
