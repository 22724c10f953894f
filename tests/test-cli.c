/* test-cli.c: every masthead-cli command, run as a script would
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <sys/wait.h>

#include "mh-test-utils.h"

static char *dir;
static char *demo;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *r)
{
  g_free (r->out);
  g_free (r->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

/* Runs masthead-cli with the arguments up to NULL. */
static Result
cli (const char *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  Result r = { 0 };
  int wait_status = 0;
  va_list ap;

  g_ptr_array_add (args, (gpointer) g_getenv ("MASTHEAD_CLI"));
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &r.out, &r.err, &wait_status, &error);
  g_assert_no_error (error);
  r.status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  if (r.status != 0)
    g_test_message ("stderr: %s", r.err);
  return r;
}

static char *
tmp_path (const char *name)
{
  return g_build_filename (dir, name, NULL);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static void
test_help (void)
{
  static const char * const commands[] = {
    "new", "demo", "info", "list", "show", "search", "import", "dump", "check",
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Result) r = cli (commands[i], "--help", NULL);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_nonnull (strstr (r.out, commands[i]));
    }

  {
    g_auto(Result) r = cli ("--help", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "import"));
  }
}

static void
test_usage_errors (void)
{
  g_auto(Result) none = cli (NULL, NULL);
  g_auto(Result) unknown = cli ("frobnicate", NULL);
  g_auto(Result) missing = cli ("info", NULL);
  g_auto(Result) extra = cli ("info", demo, "more", NULL);
  g_auto(Result) option = cli ("list", demo, "--no-such-option", NULL);
  g_auto(Result) kind = cli ("list", demo, "--kind", "repot", NULL);
  g_auto(Result) title = cli ("new", "x.masthead", NULL);

  g_assert_cmpint (none.status, ==, 2);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "frobnicate"));
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_cmpint (extra.status, ==, 2);
  g_assert_cmpint (option.status, ==, 2);
  g_assert_cmpint (kind.status, ==, 2);
  g_assert_nonnull (strstr (kind.err, "--kind"));
  g_assert_cmpint (title.status, ==, 2);
  g_assert_false (g_file_test ("x.masthead", G_FILE_TEST_EXISTS));
}

static void
test_new (void)
{
  g_autofree char *path = tmp_path ("new.masthead");
  g_autofree char *bad = tmp_path ("bad-url.masthead");
  g_auto(Result) created = cli ("new", path, "--title", "Kultura", "--base-url",
                                "https://example.org/", "--language", "cs", NULL);
  g_auto(Result) again = cli ("new", path, "--title", "Other", NULL);
  g_auto(Result) url = cli ("new", bad, "--title", "X", "--base-url", "javascript:alert(1)",
                            NULL);
  g_auto(Result) info = cli ("info", path, "--json", NULL);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;

  g_assert_cmpint (created.status, ==, 0);
  g_assert_cmpstr (created.out, ==, "");
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "already exists"));
  g_assert_cmpint (url.status, ==, 2);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));

  g_assert_cmpint (info.status, ==, 0);
  node = parse_json (info.out);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, "Kultura");
  g_assert_cmpstr (json_object_get_string_member (object, "base_url"), ==,
                   "https://example.org/");
  g_assert_cmpstr (json_object_get_string_member (object, "language"), ==, "cs");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "entries"),
                                               "total"), ==, 0);
}

static void
test_demo (void)
{
  g_auto(Result) again = cli ("demo", demo, NULL);
  g_auto(Result) forced = cli ("demo", demo, "--force", NULL);

  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "--force"));
  g_assert_cmpint (forced.status, ==, 0);
}

static void
test_info (void)
{
  g_auto(Result) human = cli ("info", demo, NULL);
  g_auto(Result) json = cli ("info", demo, "--json", NULL);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object, *entries, *terms;

  g_assert_cmpint (human.status, ==, 0);
  g_assert_nonnull (strstr (human.out, "culture360 (demo)"));
  /* Reading leaves nothing beside the site file. */
  {
    g_autofree char *wal = g_strconcat (demo, "-wal", NULL);
    g_autofree char *shm = g_strconcat (demo, "-shm", NULL);

    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  }
  g_assert_nonnull (strstr (human.out, "People:"));

  g_assert_cmpint (json.status, ==, 0);
  node = parse_json (json.out);
  object = json_node_get_object (node);
  entries = json_object_get_object_member (object, "entries");
  terms = json_object_get_object_member (object, "terms");
  g_assert_cmpint (json_object_get_int_member (entries, "total"), >=, 10);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (entries, "report"),
                                               "published"), >=, 1);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (entries, "event"),
                                               "total"), >=, 1);
  /* 3 regions + 51 countries */
  g_assert_cmpint (json_object_get_int_member (terms, "countries"), >=, 54);
  g_assert_cmpint (json_object_get_int_member (terms, "themes"), ==, 13);
  g_assert_cmpint (json_object_get_int_member (object, "people"), >=, 18);
  g_assert_cmpint (json_object_get_int_member (object, "participations"), >=, 18);
  g_assert_cmpint (json_object_get_int_member (object, "organisations"), >=, 4);
  g_assert_cmpint (json_object_get_int_member (object, "assets"), >=, 4);
}

static void
test_list (void)
{
  g_auto(Result) all = cli ("list", demo, NULL);
  g_auto(Result) events = cli ("list", demo, "--kind", "event", "--json", NULL);
  g_auto(Result) drafts = cli ("list", demo, "--status", "draft", "--json", NULL);
  g_auto(Result) czech = cli ("list", demo, "--term", "countries/czechia", "--json", NULL);
  g_auto(Result) asia = cli ("list", demo, "--term", "countries/asia", "--json", NULL);
  g_autoptr(JsonNode) node = NULL;
  JsonArray *array;

  g_assert_cmpint (all.status, ==, 0);
  g_assert_nonnull (strstr (all.out, "asef-linkup-2024-prague"));

  g_assert_cmpint (events.status, ==, 0);
  node = parse_json (events.out);
  array = json_node_get_array (node);
  g_assert_cmpuint (json_array_get_length (array), >=, 1);
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, i),
                                                    "kind"), ==, "event");
  g_clear_pointer (&node, json_node_unref);

  node = parse_json (drafts.out);
  array = json_node_get_array (node);
  g_assert_cmpuint (json_array_get_length (array), >=, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0),
                                                  "status"), ==, "draft");
  g_clear_pointer (&node, json_node_unref);

  /* The alias czechia names Czech Republic; a region finds its countries'
   * entries too. */
  node = parse_json (czech.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), >=, 3);
  g_clear_pointer (&node, json_node_unref);
  node = parse_json (asia.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), >=, 3);
}

static void
test_show (void)
{
  g_auto(Result) human = cli ("show", demo, "asef-linkup-2024-prague", NULL);
  g_auto(Result) json = cli ("show", demo, "asef-linkup-2024-prague", "--json", NULL);
  g_auto(Result) alias = cli ("show", demo, "asef-linkup-prague-2024", "--json", NULL);
  g_auto(Result) missing = cli ("show", demo, "no-such-entry", NULL);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;

  g_assert_cmpint (human.status, ==, 0);
  g_assert_nonnull (strstr (human.out, "ASEF LinkUp"));
  g_assert_nonnull (strstr (human.out, "Europe/Prague"));

  g_assert_cmpint (json.status, ==, 0);
  node = parse_json (json.out);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, "event");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_object_get_object_member (object, "event"), "participants")), >=, 18);

  g_assert_cmpint (alias.status, ==, 0);
  g_assert_cmpstr (alias.out, ==, json.out);

  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.err, "no-such-entry"));
}

static void
test_search (void)
{
  g_auto(Result) accents = cli ("search", demo, "Cerna", "--json", NULL);
  g_auto(Result) nothing = cli ("search", demo, "zzzqqq", "--json", NULL);
  g_auto(Result) syntax = cli ("search", demo, "\"OR (", NULL);
  g_autoptr(JsonNode) node = NULL;

  g_assert_cmpint (accents.status, ==, 0);
  node = parse_json (accents.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), >=, 1);
  g_clear_pointer (&node, json_node_unref);

  node = parse_json (nothing.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 0);
  g_assert_cmpint (syntax.status, ==, 0);
}

static void
test_round_trip (void)
{
  g_autofree char *first_json = tmp_path ("first.json");
  g_autofree char *copy = tmp_path ("copy.masthead");
  g_auto(Result) dump1 = cli ("dump", demo, "--output", first_json, NULL);
  g_auto(Result) import = cli ("import", copy, first_json, NULL);
  g_auto(Result) dump2 = cli ("dump", copy, NULL);
  g_auto(Result) stdout_dump = cli ("dump", demo, NULL);
  g_auto(Result) refuse = cli ("import", copy, first_json, NULL);
  g_autoptr(GBytes) first = NULL;

  g_assert_cmpint (dump1.status, ==, 0);
  g_assert_cmpint (import.status, ==, 0);
  g_assert_cmpint (dump2.status, ==, 0);
  first = mh_test_read_bytes (first_json);
  g_assert_cmpstr (dump2.out, ==, g_bytes_get_data (first, NULL));
  g_assert_cmpstr (stdout_dump.out, ==, dump2.out);
  g_assert_nonnull (strstr (dump2.out, "\"format\": \"masthead-site\""));

  /* An existing site is never overwritten. */
  g_assert_cmpint (refuse.status, ==, 1);
  g_assert_nonnull (strstr (refuse.err, "exists"));
}

static void
test_import_bad (void)
{
  g_autofree char *json = tmp_path ("bad.json");
  g_autofree char *site = tmp_path ("bad.masthead");
  g_auto(Result) r = { 0 };

  g_file_set_contents (json,
                       "{\"format\": \"masthead-site\", \"version\": 1,"
                       " \"site\": {\"title\": \"T\"},"
                       " \"entries\": [{\"kind\": \"report\", \"title\": \"A\", \"slug\": \"../../x\"}]}",
                       -1, NULL);
  r = cli ("import", site, json, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "$.entries[0].slug"));
  g_assert_false (g_file_test (site, G_FILE_TEST_EXISTS));
}

static void
test_check (void)
{
  g_autofree char *path = tmp_path ("broken.masthead");
  g_autofree char *json = tmp_path ("broken.json");
  g_auto(Result) clean = cli ("check", demo, NULL);
  g_auto(Result) broken = { 0 };
  g_auto(Result) import = { 0 };

  g_assert_cmpint (clean.status, ==, 0);
  g_assert_cmpstr (clean.out, ==, "");

  g_file_set_contents (json,
                       "{\"format\": \"masthead-site\", \"version\": 1,"
                       " \"site\": {\"title\": \"T\"},"
                       " \"entries\": [{\"kind\": \"article\", \"title\": \"A\", \"slug\": \"a\","
                       " \"body\": \"Intro\\n\\nSee [b](entry:nowhere).\"}]}",
                       -1, NULL);
  import = cli ("import", path, json, NULL);
  g_assert_cmpint (import.status, ==, 0);
  broken = cli ("check", path, NULL);
  g_assert_cmpint (broken.status, ==, 1);
  g_assert_nonnull (strstr (broken.out, "a: line 3"));
  g_assert_nonnull (strstr (broken.out, "nowhere"));
}

static void
test_add_file (void)
{
  g_autofree char *path = tmp_path ("files.masthead");
  g_autofree char *logo = tmp_path ("Partner Logo.SVG");
  g_autofree char *missing = tmp_path ("missing.pdf");
  g_auto(Result) created = cli ("new", path, "--title", "Files", NULL);
  g_auto(Result) added = { 0 };
  g_auto(Result) again = { 0 };
  g_auto(Result) dump = { 0 };
  g_auto(Result) absent = { 0 };
  g_auto(Result) usage = cli ("add-file", path, NULL);

  g_assert_cmpint (created.status, ==, 0);
  g_assert_true (g_file_set_contents (logo, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", -1,
                                      NULL));
  added = cli ("add-file", path, logo, NULL);
  g_assert_cmpint (added.status, ==, 0);
  g_assert_cmpstr (added.out, ==, "partner-logo.svg\n");
  again = cli ("add-file", path, logo, NULL);
  g_assert_cmpstr (again.out, ==, "partner-logo.svg\n");

  dump = cli ("dump", path, NULL);
  g_assert_nonnull (strstr (dump.out, "\"partner-logo.svg\""));
  g_assert_nonnull (strstr (dump.out, "\"image/svg+xml\""));
  g_assert_null (strstr (dump.out, "partner-logo-2"));

  absent = cli ("add-file", path, missing, NULL);
  g_assert_cmpint (absent.status, ==, 1);
  g_assert_nonnull (strstr (absent.err, "missing.pdf"));
  g_assert_cmpint (usage.status, ==, 2);
}

static void
test_bad_file (void)
{
  g_autofree char *path = tmp_path ("garbage.masthead");
  g_auto(Result) r = { 0 };

  g_file_set_contents (path, "this is not a site, just some text to be left alone\n", -1, NULL);
  r = cli ("info", path, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "garbage.masthead"));
  g_assert_nonnull (strstr (r.err, "not a Masthead site"));
  g_assert_cmpstr (r.out, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_auto(Result) created = { 0 };
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  dir = mh_test_make_tmp_dir ();
  demo = g_build_filename (dir, "demo.masthead", NULL);
  created = cli ("demo", demo, NULL);
  g_assert_cmpint (created.status, ==, 0);

  g_test_add_func ("/mh/cli/help", test_help);
  g_test_add_func ("/mh/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/mh/cli/new", test_new);
  g_test_add_func ("/mh/cli/demo", test_demo);
  g_test_add_func ("/mh/cli/info", test_info);
  g_test_add_func ("/mh/cli/list", test_list);
  g_test_add_func ("/mh/cli/show", test_show);
  g_test_add_func ("/mh/cli/search", test_search);
  g_test_add_func ("/mh/cli/round-trip", test_round_trip);
  g_test_add_func ("/mh/cli/import-bad", test_import_bad);
  g_test_add_func ("/mh/cli/check", test_check);
  g_test_add_func ("/mh/cli/add-file", test_add_file);
  g_test_add_func ("/mh/cli/bad-file", test_bad_file);

  status = g_test_run ();

  mh_test_rm_rf (dir);
  g_free (dir);
  g_free (demo);
  return status;
}
