/* test-site-preview.c: the preview is the page
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mh-demo.h"
#include "mh-site-export.h"
#include "mh-site-preview.h"
#include "mh-store-entries.h"
#include "mh-test-utils.h"

#define PREVIEW_BASE "masthead-preview://site/"
#define REPORT "how-do-we-navigate-cultural-diplomacy"
#define EVENT "asef-linkup-2024-prague"
#define DRAFT "tidewater-writers-residency-2025-open-call"

static char *dir;
static char *site;

static gint64
entry_id (const char *slug)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MhStore) store = mh_store_open_read_only (site, &error);
  g_autoptr(MhEntry) entry = NULL;

  g_assert_no_error (error);
  entry = mh_store_find_entry (store, slug, &error);
  g_assert_no_error (error);
  return mh_entry_get_id (entry);
}

/* A published entry's preview is, byte for byte, the exported page. */
static void
test_same_as_export (void)
{
  g_autofree char *out = g_build_filename (dir, "export", NULL);
  g_autoptr(GError) error = NULL;
  const char *slugs[] = { REPORT, EVENT };

  g_assert_true (mh_site_export (site, out, NULL, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (slugs); i++)
    {
      g_autoptr(MhSitePreview) preview = NULL;
      g_autofree char *page = NULL;
      g_autofree char *contents = NULL;

      preview = mh_site_preview_render (site, entry_id (slugs[i]), NULL, NULL, &error);
      g_assert_no_error (error);
      page = g_build_filename (out, i == 0 ? "reports" : "events", slugs[i], "index.html", NULL);
      g_assert_true (g_file_get_contents (page, &contents, NULL, NULL));
      g_assert_cmpstr (mh_site_preview_get_html (preview), ==, contents);
      g_assert_cmpuint (mh_site_preview_get_problems (preview)->len, ==, 0);
    }
  mh_test_rm_rf (out);
}

/* A draft is previewed, though the export leaves it out; private fields
 * never reach the page. */
static void
test_draft (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MhSitePreview) draft = NULL;
  g_autoptr(MhSitePreview) event = NULL;

  draft = mh_site_preview_render (site, entry_id (DRAFT), PREVIEW_BASE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (mh_site_preview_get_html (draft), "Tidewater Writers"));
  g_assert_cmpstr (mh_site_preview_get_url (draft), ==,
                   PREVIEW_BASE "opportunities/" DRAFT "/");

  event = mh_site_preview_render (site, entry_id (EVENT), PREVIEW_BASE, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (mh_site_preview_get_html (event), "@example.org"));
  g_assert_null (strstr (mh_site_preview_get_html (event), "https://culture360"));
}

/* The stylesheet and the images come from the site file, and nothing else
 * does. */
static void
test_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MhSitePreview) preview = NULL;
  g_autoptr(GBytes) css = NULL;
  g_autoptr(GBytes) logo = NULL;
  g_autofree char *css_type = NULL;
  g_autofree char *logo_type = NULL;
  g_autofree char *logo_path = NULL;
  const char *html;
  const char *start;
  const char *bad[] = { "assets/nothing.png", "../../etc/passwd", "", "index.html",
                        "assets/../assets/style.css" };

  preview = mh_site_preview_render (site, entry_id (REPORT), PREVIEW_BASE, NULL, &error);
  g_assert_no_error (error);
  html = mh_site_preview_get_html (preview);
  /* Links are root-relative: the page's URL resolves them. */
  g_assert_nonnull (strstr (html, "href=\"/assets/style.css\""));

  css = mh_site_preview_read_file (preview, "assets/style.css", &css_type, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (css_type, ==, "text/css");
  g_assert_cmpuint (g_bytes_get_size (css), >, 1000);

  /* The first partner logo of the page. */
  start = strstr (html, "src=\"/assets/");
  g_assert_nonnull (start);
  start += strlen ("src=\"/");
  logo_path = g_strndup (start, strchr (start, '"') - start);
  logo = mh_site_preview_read_file (preview, logo_path, &logo_type, &error);
  g_assert_no_error (error);
  g_assert_nonnull (logo_type);
  g_assert_cmpuint (g_bytes_get_size (logo), >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GBytes) none = mh_site_preview_read_file (preview, bad[i], NULL, &local_error);

      g_assert_null (none);
      g_assert_error (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    }
}

static void
test_errors (void)
{
  g_autofree char *garbage = g_build_filename (dir, "garbage.masthead", NULL);
  g_autoptr(GError) missing = NULL;
  g_autoptr(GError) not_a_site = NULL;
  g_autoptr(GBytes) before = NULL;

  g_assert_null (mh_site_preview_render (site, 999999, NULL, NULL, &missing));
  g_assert_error (missing, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  g_assert_true (g_file_set_contents (garbage, "not a site at all", -1, NULL));
  before = mh_test_read_bytes (garbage);
  g_assert_null (mh_site_preview_render (garbage, 1, NULL, NULL, &not_a_site));
  g_assert_nonnull (not_a_site);
  g_assert_nonnull (strstr (not_a_site->message, "garbage.masthead"));
  mh_test_assert_file_equal (garbage, before);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  dir = mh_test_make_tmp_dir ();
  site = g_build_filename (dir, "demo.masthead", NULL);
  mh_demo_create (site, FALSE, &error);
  g_assert_no_error (error);

  g_test_add_func ("/mh/site-preview/same-as-export", test_same_as_export);
  g_test_add_func ("/mh/site-preview/draft", test_draft);
  g_test_add_func ("/mh/site-preview/files", test_files);
  g_test_add_func ("/mh/site-preview/errors", test_errors);

  status = g_test_run ();
  mh_test_rm_rf (dir);
  g_free (dir);
  g_free (site);
  return status;
}
