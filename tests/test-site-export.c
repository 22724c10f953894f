/* test-site-export.c: the HTML export as a whole — complete, deterministic,
 * atomic, incremental, private data kept out, hostile content defused
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include "mh-demo.h"
#include "mh-site-export.h"
#include "mh-site-json.h"
#include "mh-test-utils.h"

static char *dir;
static char *demo;

static void
sql_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Every file below @root, as relative paths, sorted. */
static void
list_files (const char *root,
            const char *sub,
            GPtrArray  *files)
{
  g_autofree char *path = sub ? g_build_filename (root, sub, NULL) : g_strdup (root);
  g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *rel = sub ? g_build_filename (sub, name, NULL) : g_strdup (name);
      g_autofree char *full = g_build_filename (root, rel, NULL);

      if (g_file_test (full, G_FILE_TEST_IS_DIR))
        list_files (root, rel, files);
      else
        g_ptr_array_add (files, g_steal_pointer (&rel));
    }
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
tree_files (const char *root)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);

  list_files (root, NULL, files);
  g_ptr_array_sort (files, compare_paths);
  return files;
}

static char *
read_text (const char *root,
           const char *relpath)
{
  g_autofree char *path = g_build_filename (root, relpath, NULL);
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, NULL);
  return contents;
}

static void
export_html (const char    *site,
             const char    *target,
             MhExportStats *stats)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (mh_site_export (site, target, NULL, NULL, NULL, NULL, stats, problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (char *) g_ptr_array_index (problems, i));
}

static void
test_complete (void)
{
  g_autofree char *out = g_build_filename (dir, "complete", NULL);
  static const char * const expected[] = {
    "index.html", "404.html", "feed.xml", "feed.json", "sitemap.xml", "search.json",
    "robots.txt", "assets/style.css",
    "reports/how-do-we-navigate-cultural-diplomacy/index.html",
    "events/asef-linkup-2024-prague/index.html",
    "events/asef-linkup-2024-prague/event.ics",
    "events/asef-linkup-prague-2024/index.html",   /* the alias */
    "insights/asef-linkup-2024-spotlight-in-prague/index.html",
    "opportunities/arts-journalism-matters-fellowship-2024-virtual-x-prague-open-call/index.html",
    "about/index.html",
    "reports/index.html", "events/index.html", "insights/index.html", "opportunities/index.html",
    "countries/index.html", "countries/europe/index.html", "countries/czech-republic/index.html",
    "themes/cultural-diplomacy/index.html",
  };
  static const char * const absent[] = {
    "opportunities/tidewater-writers-residency-2025-open-call/index.html",  /* draft */
    "insights/in-cities-prague/index.html",                                 /* in review */
  };
  g_autoptr(GPtrArray) files = NULL;
  MhExportStats stats = { 0 };
  gboolean hashed_pdf = FALSE;

  export_html (demo, out, &stats);
  g_assert_cmpuint (stats.written, >, 80);
  g_assert_cmpuint (stats.unchanged, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *path = g_build_filename (out, expected[i], NULL);
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_error ("missing from the export: %s", expected[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (absent); i++)
    {
      g_autofree char *path = g_build_filename (out, absent[i], NULL);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }

  files = tree_files (out);
  for (guint i = 0; i < files->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (files, i), "assets/cultural-diplomacy-report.") &&
        g_str_has_suffix (g_ptr_array_index (files, i), ".pdf"))
      hashed_pdf = TRUE;
  g_assert_true (hashed_pdf);
}

/* Nothing private leaves the site: e-mail, phone, notes, and people who
 * did not consent. */
static void
test_no_private_data (void)
{
  g_autofree char *out = g_build_filename (dir, "private", NULL);
  g_autofree char *json_path = mh_test_demo_json_path ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) secrets = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *zip = g_build_filename (dir, "private.zip", NULL);
  JsonArray *people;

  export_html (demo, out, NULL);
  json_parser_load_from_file (parser, json_path, &error);
  g_assert_no_error (error);
  people = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                         "people");
  for (guint i = 0; i < json_array_get_length (people); i++)
    {
      JsonObject *p = json_array_get_object_element (people, i);
      static const char * const fields[] = { "email", "phone", "notes" };

      for (guint j = 0; j < G_N_ELEMENTS (fields); j++)
        if (json_object_has_member (p, fields[j]))
          g_ptr_array_add (secrets, g_strdup (json_object_get_string_member (p, fields[j])));
      if (!json_object_get_boolean_member_with_default (p, "public", FALSE))
        g_ptr_array_add (secrets, g_strdup (json_object_get_string_member (p, "family_name")));
    }
  g_assert_cmpuint (secrets->len, >, 10);

  files = tree_files (out);
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *text = read_text (out, g_ptr_array_index (files, i));

      for (guint j = 0; text != NULL && j < secrets->len; j++)
        if (strstr (text, g_ptr_array_index (secrets, j)) != NULL)
          g_error ("“%s” leaked into %s", (char *) g_ptr_array_index (secrets, j),
                   (char *) g_ptr_array_index (files, i));
      /* The participant list is there, with a consenting person. */
    }
  {
    g_autofree char *event = read_text (out, "events/asef-linkup-2024-prague/index.html");
    g_assert_nonnull (strstr (event, "ČERNÁ"));
  }
}

static void
test_deterministic (void)
{
  g_autofree char *a = g_build_filename (dir, "det-a", NULL);
  g_autofree char *b = g_build_filename (dir, "det-b", NULL);
  g_autoptr(GPtrArray) files_a = NULL;
  g_autoptr(GPtrArray) files_b = NULL;

  export_html (demo, a, NULL);
  export_html (demo, b, NULL);
  files_a = tree_files (a);
  files_b = tree_files (b);

  g_assert_cmpuint (files_a->len, ==, files_b->len);
  for (guint i = 0; i < files_a->len; i++)
    {
      g_autofree char *pa = g_build_filename (a, g_ptr_array_index (files_a, i), NULL);
      g_autofree char *pb = g_build_filename (b, g_ptr_array_index (files_b, i), NULL);
      g_autoptr(GBytes) ba = mh_test_read_bytes (pa);
      g_autoptr(GBytes) bb = mh_test_read_bytes (pb);

      g_assert_cmpstr (g_ptr_array_index (files_a, i), ==, g_ptr_array_index (files_b, i));
      if (!g_bytes_equal (ba, bb))
        g_error ("%s differs between two exports", (char *) g_ptr_array_index (files_a, i));
    }
}

static gint64
mtime_of (const char *root,
          const char *relpath)
{
  g_autofree char *path = g_build_filename (root, relpath, NULL);
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec;
}

static void
edit_entry (const char *site,
            const char *slug,
            const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MhStore) store = mh_store_open (site, &error);
  g_autoptr(MhEntry) entry = NULL;

  g_assert_no_error (error);
  entry = mh_store_find_entry (store, slug, &error);
  g_assert_no_error (error);
  mh_entry_set_title (entry, title);
  g_assert_true (mh_store_save_entry (store, entry, &error));
  g_assert_no_error (error);
}

static void
test_incremental (void)
{
  g_autofree char *site = g_build_filename (dir, "incremental.masthead", NULL);
  g_autofree char *out = g_build_filename (dir, "incremental", NULL);
  const char *untouched = "countries/japan/index.html";
  const char *edited = "opportunities/arts-journalism-matters-fellowship-2024-virtual-x-prague-open-call/index.html";
  g_autofree char *page = NULL;
  MhExportStats first = { 0 }, again = { 0 }, after = { 0 };
  gint64 untouched_mtime;

  g_assert_true (mh_demo_create (site, FALSE, NULL));
  export_html (site, out, &first);
  untouched_mtime = mtime_of (out, untouched);

  /* Nothing changed: nothing written. */
  export_html (site, out, &again);
  g_assert_cmpuint (again.written, ==, 0);
  g_assert_cmpuint (again.removed, ==, 0);
  g_assert_cmpuint (again.unchanged, ==, first.written);
  g_assert_cmpint (mtime_of (out, untouched), ==, untouched_mtime);

  /* One edited entry rewrites only the pages that show it. */
  edit_entry (site, "arts-journalism-matters-fellowship-2024-virtual-x-prague-open-call",
              "Arts Journalism Matters Fellowship 2024 | Renamed");
  export_html (site, out, &after);
  g_assert_cmpuint (after.written, >, 0);
  g_assert_cmpuint (after.written, <, first.written / 4);
  g_assert_cmpint (mtime_of (out, untouched), ==, untouched_mtime);
  page = read_text (out, edited);
  g_assert_nonnull (strstr (page, "Renamed"));
}

static void
test_removed (void)
{
  g_autofree char *site = g_build_filename (dir, "removed.masthead", NULL);
  g_autofree char *out = g_build_filename (dir, "removed", NULL);
  g_autofree char *page = g_build_filename (out, "about", "index.html", NULL);
  g_autoptr(MhStore) store = NULL;
  g_autoptr(MhEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  MhExportStats stats = { 0 };

  g_assert_true (mh_demo_create (site, FALSE, NULL));
  export_html (site, out, NULL);
  g_assert_true (g_file_test (page, G_FILE_TEST_EXISTS));

  store = mh_store_open (site, &error);
  entry = mh_store_find_entry (store, "about", &error);
  g_assert_no_error (error);
  g_assert_true (mh_store_delete_entry (store, mh_entry_get_id (entry), &error));
  g_clear_object (&store);

  export_html (site, out, &stats);
  g_assert_cmpuint (stats.removed, >=, 1);
  g_assert_false (g_file_test (page, G_FILE_TEST_EXISTS));
}

static void
cancel_on_progress_cb (double      fraction,
                       const char *message,
                       gpointer    data)
{
  if (fraction > 0.3)
    g_cancellable_cancel (data);
}

static void
assert_trees_equal (const char *a,
                    const char *b)
{
  g_autoptr(GPtrArray) fa = tree_files (a);
  g_autoptr(GPtrArray) fb = tree_files (b);

  g_assert_cmpuint (fa->len, ==, fb->len);
  for (guint i = 0; i < fa->len; i++)
    {
      g_autofree char *pa = g_build_filename (a, g_ptr_array_index (fa, i), NULL);
      g_autofree char *pb = g_build_filename (b, g_ptr_array_index (fb, i), NULL);
      g_autoptr(GBytes) ba = mh_test_read_bytes (pa);
      g_autoptr(GBytes) bb = mh_test_read_bytes (pb);

      g_assert_cmpstr (g_ptr_array_index (fa, i), ==, g_ptr_array_index (fb, i));
      if (!g_bytes_equal (ba, bb))
        g_error ("%s differs from %s", pa, pb);
    }
}

/* An incremental export leaves the tree an export from scratch makes,
 * down to the order of the sitemap and the manifest, although it keeps
 * most pages and makes a few. */
static void
test_incremental_same_as_fresh (void)
{
  g_autofree char *site = g_build_filename (dir, "same-as-fresh.masthead", NULL);
  g_autofree char *out = g_build_filename (dir, "same-as-fresh", NULL);
  g_autofree char *fresh = g_build_filename (dir, "same-as-fresh-fresh", NULL);

  g_assert_true (mh_demo_create (site, FALSE, NULL));
  export_html (site, out, NULL);
  edit_entry (site, "arts-journalism-matters-fellowship-2024-virtual-x-prague-open-call",
              "Arts Journalism Matters Fellowship 2024 | Renamed");
  export_html (site, out, NULL);
  export_html (site, fresh, NULL);
  assert_trees_equal (out, fresh);
}

static guint
count_staging (void)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, ".masthead-staging-"))
      n++;
  return n;
}

static gboolean
staging_has_pages (void)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *events = g_build_filename (dir, name, "events", NULL);

      if (g_str_has_prefix (name, ".masthead-staging-") &&
          g_file_test (events, G_FILE_TEST_IS_DIR))
        return TRUE;
    }
  return FALSE;
}

/* A cancelled export, and one killed midway, leave the last export as it
 * was. */
static void
test_atomic (void)
{
  g_autofree char *site = g_build_filename (dir, "atomic.masthead", NULL);
  g_autofree char *out = g_build_filename (dir, "atomic", NULL);
  g_autofree char *copy = g_build_filename (dir, "atomic-copy", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MhStore) store = NULL;
  MhExportOptions options = { MH_EXPORT_FORMAT_HTML, NULL, "https://other.example/", NULL };
  const char *argv[] = { g_getenv ("MASTHEAD_CLI"), "export", site, out,
                         "--base-url", "https://killed.example/", NULL };
  GPid pid;

  store = mh_test_make_site (site, 3000);
  g_clear_object (&store);
  export_html (site, out, NULL);
  export_html (site, copy, NULL);

  g_assert_false (mh_site_export (site, out, &options, cancel_on_progress_cb, cancellable,
                                  cancellable, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  assert_trees_equal (out, copy);
  g_assert_cmpuint (count_staging (), ==, 0);

  /* Killed: the old tree stays; the next export clears the staging away. */
  g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD |
                 G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  /* Kill it once it has staged part of the new tree. */
  for (guint i = 0; i < 2000 && !staging_has_pages (); i++)
    g_usleep (5 * 1000);
  g_assert_true (staging_has_pages ());
  kill (pid, SIGKILL);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);
  assert_trees_equal (out, copy);

  export_html (site, out, NULL);
  g_assert_cmpuint (count_staging (), ==, 0);
  assert_trees_equal (out, copy);
}

static void
test_refuses_foreign_folder (void)
{
  g_autofree char *out = g_build_filename (dir, "foreign", NULL);
  g_autofree char *file = g_build_filename (out, "thesis.odt", NULL);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (out, 0755);
  g_file_set_contents (file, "precious", -1, NULL);
  g_assert_false (mh_site_export (demo, out, NULL, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "foreign"));
  g_assert_true (g_file_test (file, G_FILE_TEST_EXISTS));
}

static void
test_zip (void)
{
  g_autofree char *out = g_build_filename (dir, "zipped", NULL);
  g_autofree char *zip = g_build_filename (dir, "site.zip", NULL);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) zipped = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  MhExportOptions options = { MH_EXPORT_FORMAT_HTML, NULL, NULL, zip };
  struct archive *a = archive_read_new ();
  struct archive_entry *entry;

  g_assert_true (mh_site_export (demo, out, &options, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  archive_read_support_format_zip (a);
  g_assert_cmpint (archive_read_open_filename (a, zip, 16384), ==, ARCHIVE_OK);
  while (archive_read_next_header (a, &entry) == ARCHIVE_OK)
    g_ptr_array_add (zipped, g_strdup (archive_entry_pathname (entry)));
  archive_read_free (a);
  g_ptr_array_sort (zipped, compare_paths);

  /* The same tree, less the export's own bookkeeping files. */
  files = tree_files (out);
  while (files->len > 0 && *(const char *) g_ptr_array_index (files, 0) == '.')
    g_ptr_array_remove_index (files, 0);
  g_assert_cmpstr (g_ptr_array_index (files, 0), ==, "404.html");
  g_assert_cmpuint (zipped->len, ==, files->len);
  for (guint i = 0; i < files->len; i++)
    g_assert_cmpstr (g_ptr_array_index (zipped, i), ==, g_ptr_array_index (files, i));
}

static const char hostile_site[] =
  "{\"format\": \"masthead-site\", \"version\": 1,"
  " \"site\": {\"title\": \"<script>alert('site')</script>\","
  "  \"description\": \"\\\"><img src=x onerror=alert(1)>\"},"
  " \"vocabularies\": [{\"key\": \"themes\", \"name\": \"<b onmouseover=alert(2)>Themes</b>\","
  "   \"terms\": [{\"name\": \"<script>alert(3)</script>\", \"slug\": \"hostile\"}]}],"
  " \"organisations\": [{\"key\": \"evil\", \"name\": \"' onfocus='alert(4)\","
  "   \"url\": \"https://example.org/evil\"}],"
  " \"people\": [{\"key\": \"p\", \"family_name\": \"<svg onload=alert(6)>\","
  "   \"given_name\": \"\\\" autofocus onfocus=\\\"alert(7)\", \"job_title\": \"</p><script>\","
  "   \"public\": true}],"
  " \"entries\": [{\"kind\": \"event\", \"title\": \"</title><script>alert(8)</script>\","
  "   \"slug\": \"hostile\", \"status\": \"published\", \"date\": \"2024-06-10\","
  "   \"summary\": \"<iframe src=javascript:alert(9)>\","
  "   \"body\": \"[click](javascript:alert(10)) <script>alert(11)</script>\\n\\n"
  "<img src=x onerror=alert(12)>\\n\\n[data](data:text/html;base64,PHNjcmlwdD4=)\","
  "   \"website\": \"https://example.org/x\", \"cover_alt\": \"\\\" onerror=\\\"alert(14)\","
  "   \"authors\": [\"<script>alert(15)</script>\"],"
  "   \"terms\": {\"themes\": [\"hostile\"]},"
  "   \"partners\": [{\"organisation\": \"evil\", \"relation\": \"support\"}],"
  "   \"event\": {\"start\": \"2024-06-10\", \"venue\": \"<script>alert(16)</script>\","
  "     \"city\": \"\\\" onclick=\\\"alert(17)\","
  "     \"participants\": [{\"person\": \"p\", \"role\": \"<script>alert(18)</script>\"}]}}]}";

/* Markup that would run: a script-like element, an event handler
 * attribute, or a URL attribute with a scheme that runs code. Quoted
 * attribute values are skipped, so escaped text inside them is fine. */
static const char *
executable_markup (const char *text)
{
  static const char * const patterns[] = {
    "<(script|iframe|object|embed|svg|math|base)\\b",
    "<[a-z][a-z0-9]*(\\s+[a-z:-]+(\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s\"'>]+))?)*"
    "\\s+on[a-z]+\\s*=",
    "<[a-z][a-z0-9]*(\\s+[a-z:-]+(\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s\"'>]+))?)*"
    "\\s+(href|src|action|formaction|xlink:href|poster|data)\\s*=\\s*[\"']?\\s*"
    "(javascript|vbscript|data):",
  };

  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    {
      g_autoptr(GRegex) regex = g_regex_new (patterns[i], G_REGEX_CASELESS, 0, NULL);

      g_assert_nonnull (regex);
      if (g_regex_match (regex, text, 0, NULL))
        return patterns[i];
    }
  return NULL;
}

static void
test_markup_detector (void)
{
  g_assert_nonnull (executable_markup ("<p>x</p><SCRIPT>alert(1)</script>"));
  g_assert_nonnull (executable_markup ("<img src=x onerror=alert(1)>"));
  g_assert_nonnull (executable_markup ("<a title=\"x\" onclick='y'>"));
  g_assert_nonnull (executable_markup ("<a href=\" javascript:alert(1)\">"));
  g_assert_null (executable_markup ("<a title=\"&quot; onfocus=&quot;x\">&lt;script&gt;</a>"));
  g_assert_null (executable_markup ("<p>javascript:alert(1) as text</p>"));
  g_assert_null (executable_markup ("<p>&lt;iframe src=javascript:x&gt;</p>"));
  g_assert_null (executable_markup ("<meta content=\"&lt;a src=javascript:x\">"));
}

static void
test_hostile (void)
{
  g_autofree char *site = g_build_filename (dir, "hostile.masthead", NULL);
  g_autofree char *out = g_build_filename (dir, "hostile", NULL);
  g_autoptr(GBytes) json = g_bytes_new_static (hostile_site, sizeof hostile_site - 1);
  g_autoptr(MhStore) store = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;

  store = mh_store_create (site, &error);
  g_assert_no_error (error);
  g_assert_true (mh_site_json_import_bytes (store, json, "hostile.json", NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  /* The importer refuses such URLs; a file edited by other means may
   * still hold them, and the export must defuse them too. */
  sql_exec (site, "UPDATE entries SET website = ' JavaScript:alert(13)';"
                  "UPDATE organisations SET url = 'javascript:alert(5)'");

  export_html (site, out, NULL);
  files = tree_files (out);
  g_assert_cmpuint (files->len, >, 10);
  for (guint i = 0; i < files->len; i++)
    {
      const char *rel = g_ptr_array_index (files, i);
      g_autofree char *text = read_text (out, rel);
      const char *found = NULL;

      if (g_str_has_suffix (rel, ".html") || g_str_has_suffix (rel, ".xml"))
        found = executable_markup (text);
      else if (g_str_has_suffix (rel, ".json"))
        found = strstr (text, "<") ? "a raw < in JSON" : NULL;
      else if (g_str_has_suffix (rel, ".ics"))
        found = strstr (text, "\nURL:javascript") ? "a javascript: URL" : NULL;
      if (found != NULL)
        g_error ("hostile content got through in %s (%s):\n%s", rel, found, text);
    }
}

/* The site's own theme folder applies when the export names none. */
static void
test_site_theme (void)
{
  g_autofree char *site = g_build_filename (dir, "themed.masthead", NULL);
  g_autofree char *theme = g_build_filename (dir, "theme", NULL);
  g_autofree char *css_path = g_build_filename (theme, "style.css", NULL);
  g_autofree char *out = g_build_filename (dir, "themed", NULL);
  g_autofree char *css = NULL;
  g_autoptr(MhStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (mh_demo_create (site, FALSE, NULL));
  g_mkdir_with_parents (theme, 0755);
  g_file_set_contents (css_path, "body { color: #123456; } /* the site's theme */\n", -1, NULL);
  store = mh_store_open (site, &error);
  g_assert_no_error (error);
  g_assert_true (mh_store_set_setting (store, "theme_dir", theme, &error));
  g_clear_object (&store);

  export_html (site, out, NULL);
  css = read_text (out, "assets/style.css");
  g_assert_nonnull (strstr (css, "the site's theme"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  dir = mh_test_make_tmp_dir ();
  demo = g_build_filename (dir, "demo.masthead", NULL);
  mh_demo_create (demo, FALSE, &error);
  g_assert_no_error (error);

  g_test_add_func ("/mh/site-export/complete", test_complete);
  g_test_add_func ("/mh/site-export/no-private-data", test_no_private_data);
  g_test_add_func ("/mh/site-export/deterministic", test_deterministic);
  g_test_add_func ("/mh/site-export/incremental", test_incremental);
  g_test_add_func ("/mh/site-export/incremental-same-as-fresh", test_incremental_same_as_fresh);
  g_test_add_func ("/mh/site-export/removed", test_removed);
  g_test_add_func ("/mh/site-export/atomic", test_atomic);
  g_test_add_func ("/mh/site-export/refuses-foreign-folder", test_refuses_foreign_folder);
  g_test_add_func ("/mh/site-export/zip", test_zip);
  g_test_add_func ("/mh/site-export/site-theme", test_site_theme);
  g_test_add_func ("/mh/site-export/markup-detector", test_markup_detector);
  g_test_add_func ("/mh/site-export/hostile", test_hostile);

  status = g_test_run ();

  mh_test_rm_rf (dir);
  g_free (dir);
  g_free (demo);
  return status;
}
