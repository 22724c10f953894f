/* test-hugo-export.c: the Hugo content bundle
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "mh-demo.h"
#include "mh-export-writer.h"
#include "mh-hugo-export.h"
#include "mh-site-json.h"
#include "mh-site-model.h"
#include "mh-test-utils.h"

/* The demo site, loaded once; each test exports it where it likes. */
static char *demo_dir;
static MhSiteModel *demo;

/* Hostile strings in every place a string can go, and a base URL with a
 * path. The import refuses a `javascript:` website, so the test writes
 * those into the site file afterwards (older files, other tools). */
static const char hostile_json[] =
  "{ \"format\": \"masthead-site\", \"version\": 1,\n"
  "  \"site\": {\n"
  "    \"title\": \"Quotes \\\" and \\\\ back\\nslash --- [x] = 1 # 🎭\",\n"
  "    \"base_url\": \"https://example.org/sub/\", \"language\": \"en\",\n"
  "    \"description\": \"{{ .Site }} : # \\\"\" },\n"
  "  \"vocabularies\": [ {\n"
  "    \"key\": \"countries\", \"name\": \"Countries: \\\"all\\\" # {{ .Site }}\",\n"
  "    \"hierarchical\": true,\n"
  "    \"terms\": [ {\n"
  "      \"name\": \"Europe: \\\"EU\\\" ---\", \"slug\": \"europe\",\n"
  "      \"children\": [ {\n"
  "        \"name\": \"Czech Republic\", \"slug\": \"czech-republic\",\n"
  "        \"aliases\": [\"czechia\"],\n"
  "        \"description\": \"---\\ntitle: injected\\n---\\n{{< nope >}} [home](entry:hostile)\"\n"
  "      } ] } ] } ],\n"
  "  \"organisations\": [ {\n"
  "    \"key\": \"evil\", \"name\": \"Evil \\\"Org\\\": # 🎭\",\n"
  "    \"url\": \"https://example.org/evil\" } ],\n"
  "  \"entries\": [\n"
  "    { \"kind\": \"article\", \"status\": \"published\", \"slug\": \"hostile\",\n"
  "      \"date\": \"2024-01-02\",\n"
  "      \"title\": \"Title with \\\"quotes\\\", a colon: and # hash 🎭 {{ .Site }}\",\n"
  "      \"summary\": \"Line one\\n---\\ntitle: injected\\n---\\n{{ .Site.Title }} {{< sc >}}\",\n"
  "      \"body\": \"Body {{ .Site.Title }} and {{< nope >}} and {{% nope %}}\\n\\n---\\n\\n"
  "title: x\\n\\n[a page](entry:other) [bad](javascript:alert(1))\",\n"
  "      \"website\": \"https://example.org/\", \"authors\": [\"A: \\\"B\\\" #1\"],\n"
  "      \"hashtags\": [\"#tag\"], \"series\": \"- item\", \"posted_by\": \"@me\",\n"
  "      \"terms\": { \"countries\": [\"czech-republic\"] },\n"
  "      \"partners\": [ { \"organisation\": \"evil\", \"relation\": \"support\" } ] },\n"
  "    { \"kind\": \"event\", \"status\": \"published\", \"slug\": \"future\",\n"
  "      \"date\": \"2999-12-31\", \"title\": \"---\",\n"
  "      \"summary\": \"'single' quotes & <b>tags</b>\",\n"
  "      \"event\": { \"start\": \"2999-12-31T23:30:00\", \"time_zone\": \"Asia/Singapore\",\n"
  "                 \"venue\": \"{{% x %}}\", \"programme\": [ { \"title\": \"? key\" } ] } },\n"
  "    { \"kind\": \"page\", \"status\": \"published\", \"slug\": \"other\", \"title\": \"null\",\n"
  "      \"body\": \"```\\n{{< in code >}}\\n```\\n\" }\n"
  "  ] }\n";

static const char bilingual_json[] =
  "{ \"format\": \"masthead-site\", \"version\": 1,\n"
  "  \"site\": { \"title\": \"Bilingual\", \"language\": \"en\",\n"
  "            \"languages\": [\"en\", \"fr\"] },\n"
  "  \"entries\": [\n"
  "    { \"kind\": \"article\", \"status\": \"published\", \"date\": \"2024-01-01\",\n"
  "      \"slug\": \"hello\", \"title\": \"Hello\", \"aliases\": [\"hi\"],\n"
  "      \"body\": \"[fr](entry:bonjour)\" },\n"
  "    { \"kind\": \"article\", \"status\": \"published\", \"date\": \"2024-01-01\",\n"
  "      \"slug\": \"bonjour\", \"title\": \"Bonjour\", \"aliases\": [\"salut\"],\n"
  "      \"language\": \"fr\", \"translation_of\": \"hello\",\n"
  "      \"body\": \"[en](entry:hello)\" },\n"
  "    { \"kind\": \"page\", \"status\": \"published\", \"slug\": \"apropos\",\n"
  "      \"title\": \"À propos\", \"language\": \"fr\" }\n"
  "  ] }\n";

/* Two regions of 15 countries each, and 13 themes. */
static void
append_vocabularies (GString *json)
{
  g_string_append (json, "  \"vocabularies\": [\n"
                         "    { \"key\": \"countries\", \"name\": \"Countries\",\n"
                         "      \"hierarchical\": true, \"terms\": [");
  for (guint r = 0; r < 2; r++)
    {
      g_string_append_printf (json, "%s\n        { \"name\": \"Region %u\", "
                              "\"slug\": \"region-%u\", \"children\": [",
                              r ? "," : "", r, r);
      for (guint c = r * 15; c < r * 15 + 15; c++)
        g_string_append_printf (json, "%s { \"name\": \"Country %u\", \"slug\": \"country-%u\" }",
                                c % 15 ? "," : "", c, c);
      g_string_append (json, " ] }");
    }
  g_string_append (json, " ] },\n"
                         "    { \"key\": \"themes\", \"name\": \"Themes\", \"terms\": [");
  for (guint t = 0; t < 13; t++)
    g_string_append_printf (json, "%s { \"name\": \"Theme %u\", \"slug\": \"theme-%u\" }",
                            t ? "," : "", t, t);
  g_string_append (json, " ] } ],\n");
}

/* Ten people with e-mail addresses; every fifth did not consent. */
static void
append_people (GString *json)
{
  static const char svg[] = "<svg xmlns='http://www.w3.org/2000/svg' width='1' height='1'/>";
  g_autofree char *data = g_base64_encode ((const guchar *) svg, strlen (svg));

  g_string_append (json, "  \"people\": [");
  for (guint i = 0; i < 10; i++)
    g_string_append_printf (json, "%s\n    { \"key\": \"p%u\", \"given_name\": \"Given%u\", "
                            "\"family_name\": \"Family%u\", \"email\": \"p%u@example.org\", "
                            "\"public\": %s }",
                            i ? "," : "", i, i, i, i, i % 5 ? "true" : "false");
  g_string_append_printf (json, " ],\n"
                          "  \"assets\": [ { \"name\": \"pic.svg\", "
                          "\"media_type\": \"image/svg+xml\", \"data_base64\": \"%s\" } ],\n",
                          data);
}

static void
append_entry (GString *json,
              guint    i,
              guint    n_entries)
{
  static const char * const kinds[] = { "report", "event", "article", "open_call" };
  const char *kind = i % 100 == 99 ? "page" : kinds[i % G_N_ELEMENTS (kinds)];

  g_string_append_printf (json, "%s\n    { \"kind\": \"%s\", \"status\": \"published\", "
                          "\"slug\": \"entry-%u\", \"title\": \"Entry %u: \\\"%s\\\"\", "
                          "\"date\": \"%04u-%02u-%02u\", \"summary\": \"Entry %u.\",\n"
                          "      \"body\": \"A [link](entry:entry-%u), "
                          "![a picture](asset:pic.svg).\", \"cover\": \"asset:pic.svg\",\n"
                          "      \"terms\": { \"countries\": [\"country-%u\"], "
                          "\"themes\": [\"theme-%u\"] }",
                          i ? "," : "", kind, i, i, kind, 2000 + i % 25, 1 + i % 12, 1 + i % 28,
                          i, i ? i - 1 : n_entries - 1, i % 30, i % 13);
  if (g_str_equal (kind, "event"))
    g_string_append_printf (json, ",\n      \"event\": { \"start\": \"2024-06-%02u\", "
                            "\"participants\": [ { \"person\": \"p%u\" }, "
                            "{ \"person\": \"p%u\" } ] }",
                            1 + i % 28, i % 10, (i + 5) % 10);
  else if (g_str_equal (kind, "open_call"))
    g_string_append_printf (json, ",\n      \"open_call\": { \"deadline\": \"2030-01-%02u\" }",
                            1 + i % 28);
  g_string_append (json, " }");
}

/* A site of @n_entries published entries of every kind, tagged, linked to
 * one another, with an image each and participants on events. */
static char *
generated_json (guint n_entries)
{
  GString *json = g_string_new ("{ \"format\": \"masthead-site\", \"version\": 1,\n"
                                "  \"site\": { \"title\": \"Generated\", "
                                "\"base_url\": \"https://example.org/\" },\n");

  append_vocabularies (json);
  append_people (json);
  g_string_append (json, "  \"entries\": [");
  for (guint i = 0; i < n_entries; i++)
    append_entry (json, i, n_entries);
  g_string_append (json, " ] }\n");
  return g_string_free (json, FALSE);
}

static gboolean
hugo_available (void)
{
  g_autofree char *hugo = g_find_program_in_path ("hugo");

  if (hugo == NULL)
    g_test_skip ("hugo is not installed (apt-get install hugo)");
  return hugo != NULL;
}

static char *
read_text (const char *dir,
           const char *relpath)
{
  g_autofree char *path = g_build_filename (dir, relpath, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
assert_file (const char *dir,
             const char *relpath)
{
  g_autofree char *path = g_build_filename (dir, relpath, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    g_error ("missing: %s", relpath);
}

static void
export_model (MhSiteModel *model,
              const char  *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MhExportWriter) writer = mh_export_writer_new (dir, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (mh_hugo_export (model, writer, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (mh_export_writer_commit (writer, NULL, &error));
  g_assert_no_error (error);
}

/* Every file under @dir, as relative paths, sorted. */
static void
list_files (const char *dir,
            const char *relpath,
            GPtrArray  *files)
{
  g_autofree char *path = g_build_filename (dir, relpath, NULL);
  g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = *relpath ? g_build_filename (relpath, name, NULL) : g_strdup (name);
      g_autofree char *full = g_build_filename (dir, child, NULL);

      if (g_file_test (full, G_FILE_TEST_IS_DIR))
        list_files (dir, child, files);
      else
        g_ptr_array_add (files, g_steal_pointer (&child));
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
files_of (const char *dir)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);

  list_files (dir, "", files);
  g_ptr_array_sort (files, compare_strings);
  return files;
}

/* Which file of @dir contains @needle, case-folded, or NULL. */
static char *
find_in_tree (const char *dir,
              const char *needle)
{
  g_autoptr(GPtrArray) files = files_of (dir);
  g_autofree char *folded = g_utf8_casefold (needle, -1);

  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *text = read_text (dir, g_ptr_array_index (files, i));
      g_autofree char *valid = g_utf8_make_valid (text, -1);
      g_autofree char *haystack = g_utf8_casefold (valid, -1);

      if (strstr (haystack, folded) != NULL)
        return g_strdup (g_ptr_array_index (files, i));
    }
  return NULL;
}

/* Runs hugo on @dir; asserts that it succeeds without a warning or an
 * error. Returns how long it took, in seconds. */
static double
run_hugo (const char *dir)
{
  g_autofree char *public = g_build_filename (dir, "public", NULL);
  const char *argv[] = { "hugo", "--source", dir, "--destination", public, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  g_auto(GStrv) lines = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("hugo failed:\n%s\n%s", out, err);

  lines = g_strsplit (err, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "WARN") != NULL || strstr (lines[i], "ERROR") != NULL)
      g_error ("hugo said: %s", lines[i]);
  g_strfreev (lines);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "WARN") != NULL || strstr (lines[i], "ERROR") != NULL)
      g_error ("hugo said: %s", lines[i]);

  return g_timer_elapsed (timer, NULL);
}

static void
test_demo_files (void)
{
  g_autofree char *dir = mh_test_make_tmp_dir ();
  g_autofree char *config = NULL;
  const char *expected[] = {
    "hugo.toml", "content/_index.md", "content/reports/_index.md",
    "content/countries/_index.md", "content/countries/czech-republic/_index.md",
    "layouts/_default/baseof.html", "layouts/_default/single.html",
    "layouts/_default/list.html", "layouts/_default/taxonomy.html",
    "layouts/_default/term.html", "layouts/_default/index.html",
  };

  export_model (demo, dir);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    assert_file (dir, expected[i]);
  for (guint i = 0; i < demo->entries->len; i++)
    {
      MhModelEntry *entry = g_ptr_array_index (demo->entries, i);
      g_autofree char *relpath = g_strconcat ("content/", entry->path, "index.md", NULL);

      assert_file (dir, relpath);
    }

  config = read_text (dir, "hugo.toml");
  g_assert_nonnull (strstr (config, "baseURL = \"https://example.org/\"\n"));
  g_assert_nonnull (strstr (config, "title = \"culture360 (demo)\"\n"));
  g_assert_nonnull (strstr (config, "\"countries\" = \"countries\"\n"));
  g_assert_nonnull (strstr (config, "unsafe = false\n"));

  mh_test_rm_rf (dir);
}

static void
test_demo_front_matter (void)
{
  g_autofree char *dir = mh_test_make_tmp_dir ();
  g_autofree char *report = NULL;
  g_autofree char *event = NULL;
  g_autofree char *article = NULL;
  g_autofree char *term = NULL;

  export_model (demo, dir);

  /* Title, taxonomies by slug with the ancestors, the assets beside it. */
  report = read_text (dir, "content/reports/how-do-we-navigate-cultural-diplomacy/index.md");
  g_assert_true (g_str_has_prefix (report, "---\ntitle: \"How Do We Navigate Cultural Diplomacy?"));
  g_assert_nonnull (strstr (report, "\ndraft: false\n"));
  g_assert_nonnull (strstr (report, "\"countries\": [\"asia\", \"czech-republic\", \"europe\"]\n"));
  g_assert_nonnull (strstr (report, "\n  kind: \"report\"\n"));
  g_assert_nonnull (strstr (report, "\n  event: \"/events/asef-linkup-2024-prague\"\n"));
  g_assert_nonnull (strstr (report, "\n    - file: \"cultural-diplomacy-report.pdf\"\n"));
  assert_file (dir, "content/reports/how-do-we-navigate-cultural-diplomacy/"
                    "cultural-diplomacy-report.pdf");

  /* Old slugs redirect; participants and partners with their logos. */
  event = read_text (dir, "content/events/asef-linkup-2024-prague/index.md");
  g_assert_nonnull (strstr (event, "\naliases: [\"/events/asef-linkup-prague-2024/\"]\n"));
  g_assert_nonnull (strstr (event, "\n  time_zone: \"Europe/Prague\"\n"));
  g_assert_nonnull (strstr (event, "\n  participants_actual: 18\n"));
  g_assert_nonnull (strstr (event, "\n  participants:\n    - name: \""));
  g_assert_nonnull (strstr (event, "\n  partners:\n    - name: \""));
  g_assert_nonnull (strstr (event, "\n      logo: \"ati-logo.svg\"\n"));
  assert_file (dir, "content/events/asef-linkup-2024-prague/ati-logo.svg");

  /* A title with “: ” and an apostrophe stays one quoted scalar. */
  article = read_text (dir, "content/insights/cultural-diplomacy-whats-in-it-for-the-artists/"
                            "index.md");
  g_assert_nonnull (strstr (article,
                            "title: \"Cultural Diplomacy: What's in it for the artists?\"\n"));

  /* Terms: the name as the title, the parent in params. */
  term = read_text (dir, "content/countries/czech-republic/_index.md");
  g_assert_nonnull (strstr (term, "title: \"Czech Republic\"\n"));
  g_assert_nonnull (strstr (term, "\nparams:\n  parent: \"europe\"\n"));

  mh_test_rm_rf (dir);
}

static void
test_cancelled (void)
{
  g_autofree char *dir = mh_test_make_tmp_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(MhExportWriter) writer = mh_export_writer_new (dir, NULL, &error);

  g_assert_no_error (error);
  g_cancellable_cancel (cancellable);
  g_assert_false (mh_hugo_export (demo, writer, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  mh_test_rm_rf (dir);
}

/* Nothing private leaves: no e-mail, phone or note of anyone, and nobody
 * who did not consent to appear. */
static void
test_demo_private (void)
{
  g_autofree char *dir = mh_test_make_tmp_dir ();
  g_autoptr(GBytes) json = mh_demo_get_json ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *people;
  guint checked = 0;

  export_model (demo, dir);
  json_parser_load_from_data (parser, g_bytes_get_data (json, NULL), g_bytes_get_size (json),
                              &error);
  g_assert_no_error (error);
  people = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                         "people");

  for (guint i = 0; i < json_array_get_length (people); i++)
    {
      JsonObject *person = json_array_get_object_element (people, i);
      const char *private[] = {
        json_object_get_string_member_with_default (person, "email", NULL),
        json_object_get_string_member_with_default (person, "phone", NULL),
        json_object_get_string_member_with_default (person, "notes", NULL),
        json_object_get_boolean_member_with_default (person, "public", FALSE)
          ? NULL : json_object_get_string_member (person, "family_name"),
      };

      for (guint j = 0; j < G_N_ELEMENTS (private); j++)
        {
          g_autofree char *found = NULL;

          if (private[j] == NULL || *private[j] == '\0')
            continue;
          found = find_in_tree (dir, private[j]);
          if (found != NULL)
            g_error ("“%s” is in %s", private[j], found);
          checked++;
        }
    }
  g_assert_cmpuint (checked, >=, 15);

  mh_test_rm_rf (dir);
}

static void
test_deterministic (void)
{
  g_autofree char *a = mh_test_make_tmp_dir ();
  g_autofree char *b = mh_test_make_tmp_dir ();
  g_autoptr(GPtrArray) files_a = NULL;
  g_autoptr(GPtrArray) files_b = NULL;

  export_model (demo, a);
  export_model (demo, b);
  files_a = files_of (a);
  files_b = files_of (b);
  g_assert_cmpuint (files_a->len, ==, files_b->len);
  for (guint i = 0; i < files_a->len; i++)
    {
      const char *relpath = g_ptr_array_index (files_a, i);
      g_autofree char *path_b = g_build_filename (b, relpath, NULL);
      g_autofree char *text_a = read_text (a, relpath);
      g_autoptr(GBytes) expected = g_bytes_new (text_a, strlen (text_a));

      g_assert_cmpstr (relpath, ==, g_ptr_array_index (files_b, i));
      if (!g_str_has_suffix (relpath, ".pdf"))
        mh_test_assert_file_equal (path_b, expected);
    }

  mh_test_rm_rf (a);
  mh_test_rm_rf (b);
}

static void
test_demo_hugo (void)
{
  g_autofree char *dir = NULL;
  double seconds;

  if (!hugo_available ())
    return;

  dir = mh_test_make_tmp_dir ();
  export_model (demo, dir);
  seconds = run_hugo (dir);
  g_test_message ("hugo built the demo (%u entries) in %.2f s", demo->entries->len, seconds);

  for (guint i = 0; i < demo->entries->len; i++)
    {
      MhModelEntry *entry = g_ptr_array_index (demo->entries, i);
      g_autofree char *relpath = g_strconcat ("public/", entry->path, "index.html", NULL);
      g_autofree char *html = NULL;
      g_autofree char *title = g_markup_escape_text (entry->title, -1);

      assert_file (dir, relpath);
      html = read_text (dir, relpath);
      g_assert_nonnull (strstr (html, "<h1>"));
    }
  assert_file (dir, "public/index.html");
  assert_file (dir, "public/countries/index.html");
  assert_file (dir, "public/countries/czech-republic/index.html");
  assert_file (dir, "public/events/asef-linkup-prague-2024/index.html");
  assert_file (dir, "public/events/asef-linkup-2024-prague/ati-logo.svg");

  mh_test_rm_rf (dir);
}

static MhSiteModel *
model_from_json (const char *dir,
                 const char *json,
                 const char *sql)
{
  g_autofree char *path = g_build_filename (dir, "site.masthead", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  MhStore *store = mh_store_create (path, &error);
  sqlite3 *db = NULL;
  MhSiteModel *model;

  g_assert_no_error (error);
  mh_site_json_import_bytes (store, bytes, "test", NULL, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  if (sql != NULL)
    {
      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_changes (db), >, 0);
      sqlite3_close (db);
    }

  model = mh_site_model_load (path, NULL, &error);
  g_assert_no_error (error);
  return model;
}

static void
test_hostile (void)
{
  g_autofree char *dir = mh_test_make_tmp_dir ();
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autoptr(MhSiteModel) model = model_from_json (dir, hostile_json,
    "UPDATE entries SET website = 'javascript:alert(1)';"
    "UPDATE organisations SET url = ' JavaScript:alert(2)';");
  g_autofree char *found = NULL;
  g_autofree char *html = NULL;

  export_model (model, out);
  if (hugo_available ())
    {
      run_hugo (out);
      assert_file (out, "public/insights/hostile/index.html");
      assert_file (out, "public/events/future/index.html");
      assert_file (out, "public/other/index.html");
      assert_file (out, "public/countries/czech-republic/index.html");
      assert_file (out, "public/countries/czechia/index.html");
      html = read_text (out, "public/insights/hostile/index.html");
      g_assert_nonnull (strstr (html, "a colon: and # hash 🎭 {{ .Site }}"));
      g_assert_nonnull (strstr (html, "href=\"/sub/other/\""));
      g_assert_nonnull (strstr (html, "<h1>Title with &#34;quotes&#34;, a colon: and # hash 🎭 "
                                      "{{ .Site }}</h1>"));
    }

  found = find_in_tree (out, "javascript:");
  if (found != NULL)
    g_error ("javascript: in %s", found);

  mh_test_rm_rf (dir);
}

static void
test_languages (void)
{
  g_autofree char *dir = mh_test_make_tmp_dir ();
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autoptr(MhSiteModel) model = model_from_json (dir, bilingual_json, NULL);
  g_autofree char *config = NULL;
  g_autofree char *html = NULL;

  export_model (model, out);
  config = read_text (out, "hugo.toml");
  g_assert_nonnull (strstr (config, "\n[languages.fr]\n"));
  assert_file (out, "content/insights/hello/index.md");
  assert_file (out, "content/insights/bonjour/index.fr.md");
  assert_file (out, "content/apropos/index.fr.md");

  if (!hugo_available ())
    goto out;
  run_hugo (out);
  assert_file (out, "public/insights/hello/index.html");
  assert_file (out, "public/fr/insights/bonjour/index.html");
  assert_file (out, "public/fr/apropos/index.html");
  assert_file (out, "public/insights/hi/index.html");
  assert_file (out, "public/fr/insights/salut/index.html");
  html = read_text (out, "public/insights/hello/index.html");
  g_assert_nonnull (strstr (html, "href=\"/fr/insights/bonjour/\""));
  g_free (html);
  html = read_text (out, "public/fr/insights/bonjour/index.html");
  g_assert_nonnull (strstr (html, "href=\"/insights/hello/\""));

out:
  mh_test_rm_rf (dir);
}

/* How the export and Hugo scale: 1,000 entries, each a bundle with its
 * image, on 30 countries and 13 themes. */
static void
test_generated (void)
{
  g_autofree char *dir = mh_test_make_tmp_dir ();
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autofree char *json = generated_json (1000);
  g_autoptr(MhSiteModel) model = model_from_json (dir, json, NULL);
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autofree char *found = NULL;
  double seconds;
  g_autoptr(GError) error = NULL;
  g_autoptr(MhExportWriter) writer = mh_export_writer_new (out, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (model->entries->len, ==, 1000);
  g_assert_true (mh_hugo_export (model, writer, NULL, &error));
  g_assert_no_error (error);
  seconds = g_timer_elapsed (timer, NULL);
  g_assert_true (mh_export_writer_commit (writer, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("exported 1000 entries in %.2f s, then committed in %.2f s", seconds,
                  g_timer_elapsed (timer, NULL) - seconds);

  found = find_in_tree (out, "@example.org");
  g_assert_null (found);
  found = find_in_tree (out, "Family0");
  g_assert_null (found);

  if (!hugo_available ())
    goto out;
  seconds = run_hugo (out);
  g_test_message ("hugo built 1000 entries in %.2f s", seconds);
  for (guint i = 0; i < model->entries->len; i++)
    {
      MhModelEntry *entry = g_ptr_array_index (model->entries, i);
      g_autofree char *relpath = g_strconcat ("public/", entry->path, "index.html", NULL);

      assert_file (out, relpath);
    }
  assert_file (out, "public/countries/region-0/page/2/index.html");

out:
  mh_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *site = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  demo_dir = mh_test_make_tmp_dir ();
  site = g_build_filename (demo_dir, "demo.masthead", NULL);
  mh_demo_create (site, FALSE, &error);
  g_assert_no_error (error);
  demo = mh_site_model_load (site, NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/mh/hugo-export/demo/files", test_demo_files);
  g_test_add_func ("/mh/hugo-export/demo/front-matter", test_demo_front_matter);
  g_test_add_func ("/mh/hugo-export/demo/cancelled", test_cancelled);
  g_test_add_func ("/mh/hugo-export/demo/private", test_demo_private);
  g_test_add_func ("/mh/hugo-export/demo/deterministic", test_deterministic);
  g_test_add_func ("/mh/hugo-export/demo/hugo", test_demo_hugo);
  g_test_add_func ("/mh/hugo-export/hostile", test_hostile);
  g_test_add_func ("/mh/hugo-export/languages", test_languages);
  g_test_add_func ("/mh/hugo-export/generated", test_generated);
  status = g_test_run ();

  mh_site_model_free (demo);
  mh_test_rm_rf (demo_dir);
  g_free (demo_dir);
  return status;
}
