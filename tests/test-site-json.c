/* test-site-json.c: the site interchange file (import, dump, round trips)
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "mh-site-json.h"
#include "mh-test-utils.h"

/* tests/data/site-json/full.json is a canonical dump that uses every key of
 * the format; full-input.json is the same site written by hand (other key
 * order, defaults spelled out, derived slugs left out). The bad-input cases
 * are full.json with one change each. */

typedef struct
{
  char *dir;
  char *json_path;
  char *site_path;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = mh_test_make_tmp_dir ();
  f->json_path = g_build_filename (f->dir, "site.json", NULL);
  f->site_path = g_build_filename (f->dir, "site.masthead", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  mh_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->json_path);
  g_free (f->site_path);
}

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "site-json", name, NULL);
}

static GBytes *
read_data (const char *name)
{
  g_autofree char *path = data_path (name);

  return mh_test_read_bytes (path);
}

static void
write_file (const char *path,
            const char *text,
            gssize      len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, len, &error);
  g_assert_no_error (error);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted and joined with spaces. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static char *
dump_file (const char *site_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MhStore) store = mh_store_open_read_only (site_path, &error);
  char *text;

  g_assert_no_error (error);
  text = mh_site_json_dump_to_string (store, &error);
  g_assert_no_error (error);
  return text;
}

static void
import_file_ok (const char *json_path,
                const char *site_path)
{
  g_autoptr(GError) error = NULL;

  mh_site_json_import_file (json_path, site_path, NULL, &error);
  g_assert_no_error (error);
}

/* dump (import (@json)) */
static char *
reimport (Fixture    *f,
          const char *json,
          const char *name)
{
  g_autofree char *json_path = g_build_filename (f->dir, name, NULL);
  g_autofree char *site_path = g_strconcat (json_path, ".masthead", NULL);

  write_file (json_path, json, -1);
  import_file_ok (json_path, site_path);
  return dump_file (site_path);
}

static char *
sql_text (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

#define assert_sql(path, sql, expected) \
  G_STMT_START { \
    g_autofree char *_value = sql_text ((path), (sql)); \
    g_assert_cmpstr (_value, ==, (expected)); \
  } G_STMT_END

/* --- Round trips ------------------------------------------------------------ */

static void
test_golden (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GBytes) golden = read_data ("full.json");
  g_autofree char *input = data_path ("full-input.json");
  g_autofree char *dump = NULL;
  g_autofree char *again = NULL;

  /* Hand-written input → the canonical form, byte for byte. */
  import_file_ok (input, f->site_path);
  dump = dump_file (f->site_path);
  g_assert_cmpstr (dump, ==, g_bytes_get_data (golden, NULL));

  /* The canonical form is a fixed point. */
  again = reimport (f, dump, "again.json");
  g_assert_cmpstr (again, ==, dump);
}

static gboolean
is_default (JsonNode *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (JSON_NODE_HOLDS_ARRAY (node))
    return json_array_get_length (json_node_get_array (node)) == 0;
  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_object_get_size (json_node_get_object (node)) == 0;
  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return !json_node_get_boolean (node);
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return *json_node_get_string (node) == '\0';
  return FALSE;
}

/* Every value of @input is in @dump at the same path; only defaults
 * (null, false, "", [], {}) may be left out. */
static void
collect_missing (JsonNode   *input,
                 JsonNode   *dump,
                 const char *path,
                 GPtrArray  *missing)
{
  if (is_default (input))
    return;
  if (dump == NULL || json_node_get_node_type (dump) != json_node_get_node_type (input))
    {
      g_ptr_array_add (missing, g_strdup (path));
      return;
    }

  if (JSON_NODE_HOLDS_OBJECT (input))
    {
      JsonObjectIter iter;
      const char *key;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (input));
      while (json_object_iter_next (&iter, &key, &member))
        {
          g_autofree char *child = g_strdup_printf ("%s.%s", path, key);
          JsonObject *other = json_node_get_object (dump);

          collect_missing (member, json_object_get_member (other, key), child, missing);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (input))
    {
      JsonArray *in = json_node_get_array (input);
      JsonArray *out = json_node_get_array (dump);

      for (guint i = 0; i < json_array_get_length (in); i++)
        {
          g_autofree char *child = g_strdup_printf ("%s[%u]", path, i);

          collect_missing (json_array_get_element (in, i),
                           i < json_array_get_length (out) ? json_array_get_element (out, i) : NULL,
                           child, missing);
        }
    }
  else if (!json_node_equal (input, dump))
    g_ptr_array_add (missing, g_strdup (path));
}

static void
test_demo (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *demo_path = mh_test_demo_json_path ();
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) demo = NULL;
  g_autoptr(JsonNode) input = NULL;
  g_autoptr(JsonNode) output = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *again = NULL;

  if (!g_file_test (demo_path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("resources/demo/demo-site.json does not exist yet");
      return;
    }

  import_file_ok (demo_path, f->site_path);
  dump = dump_file (f->site_path);
  again = reimport (f, dump, "again.json");
  g_assert_cmpstr (again, ==, dump);

  demo = mh_test_read_bytes (demo_path);
  input = json_from_string (g_bytes_get_data (demo, NULL), &error);
  g_assert_no_error (error);
  output = json_from_string (dump, &error);
  g_assert_no_error (error);
  collect_missing (input, output, "$", missing);
  for (guint i = 0; i < missing->len; i++)
    g_test_message ("not in the dump: %s", (char *) g_ptr_array_index (missing, i));
  g_assert_cmpuint (missing->len, ==, 0);
}

/* Slugs derived from titles and names avoid every explicit slug and alias,
 * wherever it comes in the file. */
static void
test_derived_slugs (Fixture       *f,
                    gconstpointer  data)
{
  static const char json[] =
    "{\"format\": \"masthead-site\", \"version\": 1, \"site\": {\"title\": \"T\"},"
    " \"vocabularies\": [{\"key\": \"themes\", \"name\": \"Themes\", \"terms\": ["
    "  {\"name\": \"Asia\"}, {\"name\": \"Asia\", \"children\": [{\"name\": \"Asia\"}]},"
    "  {\"name\": \"Other\", \"slug\": \"asia-2\", \"aliases\": [\"asia-4\"]}, {\"name\": \"\"}]}],"
    " \"entries\": ["
    "  {\"kind\": \"page\", \"title\": \"Über uns\"},"
    "  {\"kind\": \"page\", \"title\": \"Uber uns\"},"
    "  {\"kind\": \"page\", \"title\": \"x\", \"slug\": \"uber-uns-2\"},"
    "  {\"kind\": \"page\", \"title\": \"!!!\"}]}";
  g_autofree char *dump = reimport (f, json, "derived.json");
  g_autoptr(JsonNode) root = json_from_string (dump, NULL);
  JsonObject *doc = json_node_get_object (root);
  JsonArray *terms = json_object_get_array_member (
    json_array_get_object_element (json_object_get_array_member (doc, "vocabularies"), 0), "terms");
  JsonArray *entries = json_object_get_array_member (doc, "entries");
  JsonObject *second = json_array_get_object_element (terms, 1);

#define SLUG_OF(array, i) \
  json_object_get_string_member (json_array_get_object_element (array, i), "slug")
  g_assert_cmpstr (SLUG_OF (terms, 0), ==, "asia");
  g_assert_cmpstr (SLUG_OF (terms, 1), ==, "asia-3");
  g_assert_cmpstr (SLUG_OF (json_object_get_array_member (second, "children"), 0), ==, "asia-5");
  g_assert_cmpstr (SLUG_OF (terms, 3), ==, "untitled");
  g_assert_cmpstr (SLUG_OF (entries, 0), ==, "uber-uns");
  g_assert_cmpstr (SLUG_OF (entries, 1), ==, "uber-uns-3");
  g_assert_cmpstr (SLUG_OF (entries, 3), ==, "untitled");
#undef SLUG_OF
}

/* What the import stores, seen through SQL. */
static void
test_stored (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *input = data_path ("full.json");
  const char *p = f->site_path;

  import_file_ok (input, p);
  assert_sql (p, "SELECT value FROM settings WHERE key = 'languages'", "[\"en\",\"fr\"]");
  assert_sql (p, "SELECT value FROM settings WHERE key = 'allow_raw_html'", "true");
  assert_sql (p, "SELECT value FROM settings WHERE key = 'title'", "Test site");
  assert_sql (p, "SELECT sha256 || ' ' || size FROM assets WHERE name = 'logo.png'",
              "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9 11");
  assert_sql (p, "SELECT length (data) FROM blobs b JOIN assets a USING (sha256) "
                 "WHERE a.name = 'empty.txt'", "0");
  assert_sql (p, "SELECT position FROM vocabularies WHERE key = 'disciplines'", "2");
  assert_sql (p, "SELECT p.slug || ' ' || c.weight FROM terms c JOIN terms p ON p.id = c.parent_id "
                 "WHERE c.slug = 'france'", "europe 1");
  assert_sql (p, "SELECT group_concat (slug || position) FROM term_aliases", "czechia0");
  assert_sql (p, "SELECT group_concat (t.slug || ':' || et.position, ' ') FROM entry_terms et "
                 "JOIN terms t ON t.id = et.term_id JOIN entries e ON e.id = et.entry_id "
                 "WHERE e.slug = 'a-report' ORDER BY et.position",
              "europe:0 czech-republic:1 policy:2 policy:3");
  assert_sql (p, "SELECT t.slug FROM entries c JOIN entries t ON t.id = c.translation_of "
                 "WHERE c.slug = 'a-call'", "a-report");
  assert_sql (p, "SELECT v.key FROM people p JOIN terms t ON t.id = p.country_term_id "
                 "JOIN vocabularies v ON v.id = t.vocabulary_id WHERE p.key = 'p-mono'",
              "disciplines");
  assert_sql (p, "SELECT authors FROM entries WHERE slug = 'a-report'",
              "[\"Kerrine Goh\",\"Jane Doe\"]");
  assert_sql (p, "SELECT count (DISTINCT uuid) FROM entries", "7");
  assert_sql (p, "SELECT count (*) FROM entries WHERE created_at GLOB "
                 "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'", "7");
  assert_sql (p, "SELECT group_concat (role, ',') FROM participations ORDER BY position",
              "speaker,participant,moderator");
}

static void
test_entry_node (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *input = data_path ("full.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(MhStore) store = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) missing = NULL;
  g_autofree char *dump = NULL;
  JsonArray *entries;

  import_file_ok (input, f->site_path);
  dump = dump_file (f->site_path);
  root = json_from_string (dump, &error);
  g_assert_no_error (error);
  entries = json_object_get_array_member (json_node_get_object (root), "entries");
  store = mh_store_open_read_only (f->site_path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonNode *expected = json_array_get_element (entries, i);
      const char *slug = json_object_get_string_member (json_node_get_object (expected), "slug");
      g_autoptr(JsonNode) node = mh_site_json_entry_node (store, slug, &error);
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      g_assert_no_error (error);
      a = mh_site_json_node_to_string (node);
      b = mh_site_json_node_to_string (expected);
      g_assert_cmpstr (a, ==, b);
    }

  missing = mh_site_json_entry_node (store, "no-such-entry", &error);
  g_assert_error (error, MH_STORE_ERROR, MH_STORE_ERROR_NOT_FOUND);
  g_assert_null (missing);
}

/* 10,000 entries in a few seconds, forward references included. */
static char *
make_large_json (guint n)
{
  static const char * const kinds[] = { "report", "event", "article", "open_call", "page" };
  GString *s = g_string_new ("{\"format\": \"masthead-site\", \"version\": 1, "
                             "\"site\": {\"title\": \"Large\"}, \"vocabularies\": "
                             "[{\"key\": \"countries\", \"name\": \"Countries\", \"terms\": [");

  for (guint i = 0; i < 50; i++)
    g_string_append_printf (s, "%s{\"name\": \"Country %u\"}", i > 0 ? "," : "", i);
  g_string_append (s, "]}], \"people\": [");
  for (guint i = 0; i < 200; i++)
    g_string_append_printf (s, "%s{\"key\": \"p-%u\", \"family_name\": \"Person %u\", "
                            "\"country\": \"country-%u\"}", i > 0 ? "," : "", i, i, i % 50);
  g_string_append (s, "], \"entries\": [");
  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (s, "%s{\"kind\": \"%s\", \"title\": \"Entry %u\", ",
                              i > 0 ? "," : "", kinds[i % 5], i);
      if (i % 2 == 1)
        g_string_append_printf (s, "\"slug\": \"entry-%u\", ", i);
      g_string_append_printf (s, "\"status\": \"published\", \"date\": \"2024-%02u-%02u\", "
                              "\"summary\": \"Summary of entry %u.\", \"body\": \"%s\", "
                              "\"terms\": {\"countries\": [\"country-%u\"]}, "
                              "\"related\": [\"entry-%u\"]",
                              1 + i % 12, 1 + i % 28, i,
                              "Some *Markdown* body text that is long enough to matter. "
                              "Some *Markdown* body text that is long enough to matter. "
                              "Some *Markdown* body text that is long enough to matter.",
                              i % 50, (i + 1) % n);
      if (i % 5 == 1)
        g_string_append_printf (s, ", \"event\": {\"start\": \"2024-06-10\", \"time_zone\": "
                                "\"Europe/Prague\", \"participants\": [{\"person\": \"p-%u\"}]}",
                                i % 200);
      g_string_append_c (s, '}');
    }
  g_string_append (s, "]}");
  return g_string_free (s, FALSE);
}

static void
test_large (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *json = make_large_json (10000);
  g_autofree char *dump = NULL;
  g_autofree char *count = NULL;
  gint64 start;
  double seconds;

  write_file (f->json_path, json, -1);
  start = g_get_monotonic_time ();
  import_file_ok (f->json_path, f->site_path);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  /* Speed is measured by the benchmarks, not asserted here. */
  g_test_message ("imported 10,000 entries in %.2f s", seconds);

  start = g_get_monotonic_time ();
  dump = dump_file (f->site_path);
  g_test_message ("dumped them in %.2f s", (g_get_monotonic_time () - start) / 1e6);

  count = sql_text (f->site_path, "SELECT count (*) FROM entry_related");
  g_assert_cmpstr (count, ==, "10000");
  g_assert_nonnull (strstr (dump, "\"slug\": \"entry-9998\""));
}

/* --- import_file: where files go -------------------------------------------- */

static void
test_file_ok (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GBytes) golden = read_data ("full.json");
  g_autofree char *listing = NULL;
  g_autofree char *dump = NULL;

  write_file (f->json_path, g_bytes_get_data (golden, NULL), g_bytes_get_size (golden));
  import_file_ok (f->json_path, f->site_path);

  listing = list_dir (f->dir);
  g_assert_cmpstr (listing, ==, "site.json site.masthead");
  dump = dump_file (f->site_path);
  g_assert_cmpstr (dump, ==, g_bytes_get_data (golden, NULL));
}

static void
test_file_exists (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GBytes) golden = read_data ("full.json");
  g_autoptr(GBytes) precious = g_bytes_new_static ("precious bytes", 14);
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  write_file (f->json_path, g_bytes_get_data (golden, NULL), g_bytes_get_size (golden));
  write_file (f->site_path, "precious bytes", 14);

  g_assert_false (mh_site_json_import_file (f->json_path, f->site_path, NULL, &error));
  g_assert_error (error, MH_STORE_ERROR, MH_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "site.masthead"));
  mh_test_assert_file_equal (f->site_path, precious);
  listing = list_dir (f->dir);
  g_assert_cmpstr (listing, ==, "site.json site.masthead");
}

static void
test_file_missing (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *nowhere = g_build_filename (f->dir, "no-such-folder", "site.masthead", NULL);
  g_autoptr(GBytes) golden = read_data ("full.json");

  g_assert_false (mh_site_json_import_file (f->json_path, f->site_path, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  write_file (f->json_path, g_bytes_get_data (golden, NULL), g_bytes_get_size (golden));
  g_assert_false (mh_site_json_import_file (f->json_path, nowhere, NULL, &error));
  g_assert_nonnull (error);
  listing = list_dir (f->dir);
  g_assert_cmpstr (listing, ==, "site.json");
}

/* --- import_bytes: the store ------------------------------------------------ */

static MhStore *
create_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  MhStore *store = mh_store_create (f->site_path, &error);

  g_assert_no_error (error);
  return store;
}

static void
test_rollback (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GBytes) golden = read_data ("full.json");
  g_autoptr(GBytes) bad = NULL;
  g_autoptr(MhStore) store = create_store (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strndup (g_bytes_get_data (golden, NULL), g_bytes_get_size (golden));
  char *last = strstr (text, "\"Hello world 2\"");

  /* The last entry goes wrong, after every other row was written. */
  memcpy (last - strlen ("\"page\",\n      \"title\": "), "\"pag3\"", 6);
  bad = g_bytes_new (text, strlen (text));
  g_assert_false (mh_site_json_import_bytes (store, bad, "bad.json", NULL, &error));
  g_assert_error (error, MH_SITE_JSON_ERROR, MH_SITE_JSON_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "bad.json: $.entries[6].kind: "));
  g_clear_error (&error);
  assert_sql (f->site_path, "SELECT count (*) FROM entries", "0");
  assert_sql (f->site_path, "SELECT count (*) FROM assets", "0");

  /* The store is usable afterwards, and refuses a second import. */
  g_assert_true (mh_site_json_import_bytes (store, golden, "full.json", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (mh_site_json_import_bytes (store, golden, "full.json", NULL, &error));
  g_assert_error (error, MH_STORE_ERROR, MH_STORE_ERROR_INVALID);
}

static void
test_cancelled (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GBytes) golden = read_data ("full.json");
  g_autoptr(MhStore) store = create_store (f);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (mh_site_json_import_bytes (store, golden, "full.json", cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_sql (f->site_path, "SELECT count (*) FROM vocabularies", "0");
}

/* --- Bad input -------------------------------------------------------------- */

typedef struct
{
  const char *path;    /* "$.entries[2].kind" */
  const char *value;   /* JSON text, or NULL to remove */
} Patch;

typedef struct
{
  const char *name;
  Patch       patches[2];
  const char *find;      /* then replaced in the text, for what JSON cannot hold */
  const char *replace;
  const char *raw;       /* instead of full.json */
  int         code;
  const char *where;     /* the message starts with "site.json: WHERE: " */
  const char *what;      /* and contains this */
} BadCase;

#define INVALID MH_SITE_JSON_ERROR_INVALID
#define SYNTAX MH_SITE_JSON_ERROR_SYNTAX

static const BadCase bad_cases[] = {
  /* The document */
  { "not-json", .raw = "{\"format\": ", .code = SYNTAX, .where = "line 1, column 11" },
  { "syntax-line",
    .raw = "{\n  \"format\": \"masthead-site\",\n  \"version\": 1\n  \"site\": {}\n}",
    .code = SYNTAX, .where = "line 3, column 14", .what = "expected character `,'" },
  { "empty", .raw = "", .code = SYNTAX, .what = "empty" },
  { "top-level-array", .raw = "[1, 2]", .code = INVALID, .where = "$",
    .what = "expected an object, found an array" },
  { "format-wrong", { { "$.format", "\"wordpress\"" } }, .code = INVALID, .where = "$.format",
    .what = "masthead-site" },
  { "format-missing", { { "$.format", NULL } }, .code = INVALID, .where = "$",
    .what = "“format”" },
  { "version-newer", { { "$.version", "2" } }, .code = INVALID, .where = "$.version",
    .what = "needs a newer Masthead" },
  { "version-zero", { { "$.version", "0" } }, .code = INVALID, .where = "$.version" },
  { "version-string", { { "$.version", "\"1\"" } }, .code = INVALID, .where = "$.version",
    .what = "expected a whole number, found a string" },
  { "version-missing", { { "$.version", NULL } }, .code = INVALID, .where = "$",
    .what = "“version”" },
  { "duplicate-key", .find = "\"title\": \"An event\",",
    .replace = "\"title\": \"An event\", \"title\": \"Again\",",
    .code = INVALID, .where = "$.entries[1].title", .what = "twice" },

  /* Invalid UTF-8 */
  { "utf8-site-title", .find = "\"Test site\"", .replace = "\"Test \xff site\"",
    .code = SYNTAX, .where = "$.site.title", .what = "not valid UTF-8: “Test \xef\xbf\xbd site”" },
  { "utf8-entry-body", .find = "Derived slug.", .replace = "Derived \xc0\xaf slug.",
    .code = SYNTAX, .where = "$.entries[3].body", .what = "not valid UTF-8" },
  { "utf8-term-name", .find = "\"Tchéquie\"", .replace = "\"Tch\xe9quie\"",
    .code = SYNTAX, .where = "$.vocabularies[0].terms[0].children[0].translations.fr.name" },
  { "utf8-key", .find = "\"publisher\"", .replace = "\"publ\xe9sher\"",
    .code = SYNTAX, .where = "$.entries[0].report", .what = "not valid UTF-8" },
  { "utf8-outside-string", .find = "\"version\": 1,", .replace = "\"version\": 1,\xff",
    .code = SYNTAX, .where = "line 3, byte 16", .what = "not valid UTF-8" },

  /* Unknown keys, at every level */
  { "unknown-top", { { "$.bogus", "1" } }, .code = INVALID, .where = "$.bogus",
    .what = "unknown key “bogus”" },
  { "unknown-site", { { "$.site.theme", "\"dark\"" } }, .code = INVALID, .where = "$.site.theme" },
  { "unknown-vocabulary", { { "$.vocabularies[1].colour", "1" } }, .code = INVALID,
    .where = "$.vocabularies[1].colour" },
  { "unknown-term", { { "$.vocabularies[0].terms[1].children[0].weight", "1" } }, .code = INVALID,
    .where = "$.vocabularies[0].terms[1].children[0].weight" },
  { "unknown-translation",
    { { "$.vocabularies[0].terms[0].translations.fr.alias", "\"x\"" } }, .code = INVALID,
    .where = "$.vocabularies[0].terms[0].translations.fr.alias" },
  { "unknown-organisation", { { "$.organisations[1].logo_url", "\"x\"" } }, .code = INVALID,
    .where = "$.organisations[1].logo_url" },
  { "unknown-person", { { "$.people[2].age", "40" } }, .code = INVALID,
    .where = "$.people[2].age" },
  { "unknown-asset", { { "$.assets[0].width", "40" } }, .code = INVALID,
    .where = "$.assets[0].width" },
  { "unknown-entry", { { "$.entries[2].colour", "\"red\"" } }, .code = INVALID,
    .where = "$.entries[2].colour", .what = "unknown key “colour”" },
  { "unknown-event", { { "$.entries[1].event.room", "\"A\"" } }, .code = INVALID,
    .where = "$.entries[1].event.room" },
  { "unknown-participant", { { "$.entries[1].event.participants[1].seat", "3" } },
    .code = INVALID, .where = "$.entries[1].event.participants[1].seat" },
  { "unknown-programme", { { "$.entries[1].event.programme[0].speaker", "\"x\"" } },
    .code = INVALID, .where = "$.entries[1].event.programme[0].speaker" },
  { "unknown-report", { { "$.entries[0].report.isbn", "\"x\"" } }, .code = INVALID,
    .where = "$.entries[0].report.isbn" },
  { "unknown-download", { { "$.entries[0].report.downloads[0].size", "3" } }, .code = INVALID,
    .where = "$.entries[0].report.downloads[0].size" },
  { "unknown-partner", { { "$.entries[0].partners[2].since", "3" } }, .code = INVALID,
    .where = "$.entries[0].partners[2].since" },
  { "unknown-open-call", { { "$.entries[2].open_call.fee", "3" } }, .code = INVALID,
    .where = "$.entries[2].open_call.fee" },
  { "unknown-odd-key", { { "$.entries[2][\"two words\"]", "3" } }, .code = INVALID,
    .where = "$.entries[2][\"two words\"]" },

  /* Wrong types */
  { "type-title", { { "$.entries[0].title", "42" } }, .code = INVALID,
    .where = "$.entries[0].title", .what = "expected a string, found a whole number" },
  { "type-title-null", { { "$.entries[0].title", "null" } }, .code = INVALID,
    .where = "$.entries[0].title", .what = "found null" },
  { "type-site", { { "$.site", "[]" } }, .code = INVALID, .where = "$.site",
    .what = "expected an object" },
  { "type-entries", { { "$.entries", "{}" } }, .code = INVALID, .where = "$.entries",
    .what = "expected an array" },
  { "type-entry", { { "$.entries[6]", "\"an-event\"" } }, .code = INVALID,
    .where = "$.entries[6]", .what = "expected an object, found a string" },
  { "type-hierarchical", { { "$.vocabularies[0].hierarchical", "\"yes\"" } }, .code = INVALID,
    .where = "$.vocabularies[0].hierarchical", .what = "expected true or false" },
  { "type-terms", { { "$.entries[0].terms", "[\"europe\"]" } }, .code = INVALID,
    .where = "$.entries[0].terms", .what = "expected an object" },
  { "type-authors-item", { { "$.entries[0].authors[1]", "7" } }, .code = INVALID,
    .where = "$.entries[0].authors[1]" },
  { "type-count-fraction", { { "$.entries[1].event.participants_planned", "20.5" } },
    .code = INVALID, .where = "$.entries[1].event.participants_planned",
    .what = "expected a whole number, found a number with a fraction" },
  { "type-children", { { "$.vocabularies[0].terms[0].children", "{}" } }, .code = INVALID,
    .where = "$.vocabularies[0].terms[0].children" },

  /* Missing required keys */
  { "missing-site", { { "$.site", NULL } }, .code = INVALID, .where = "$", .what = "“site”" },
  { "missing-site-title", { { "$.site.title", NULL } }, .code = INVALID, .where = "$.site",
    .what = "missing required key “title”" },
  { "missing-vocabulary-key", { { "$.vocabularies[2].key", NULL } }, .code = INVALID,
    .where = "$.vocabularies[2]", .what = "“key”" },
  { "missing-term-name", { { "$.vocabularies[1].terms[0].name", NULL } }, .code = INVALID,
    .where = "$.vocabularies[1].terms[0]", .what = "“name”" },
  { "missing-translation-name",
    { { "$.vocabularies[0].terms[0].translations.de.name", NULL } }, .code = INVALID,
    .where = "$.vocabularies[0].terms[0].translations.de", .what = "“name”" },
  { "missing-organisation-name", { { "$.organisations[1].name", NULL } }, .code = INVALID,
    .where = "$.organisations[1]" },
  { "missing-person-key", { { "$.people[0].key", NULL } }, .code = INVALID,
    .where = "$.people[0]", .what = "“key”" },
  { "missing-person-names",
    { { "$.people[1].given_name", NULL }, { "$.people[1].family_name", "\"\"" } },
    .code = INVALID, .where = "$.people[1]", .what = "“family_name” or “given_name”" },
  { "missing-asset-data", { { "$.assets[1].data_base64", NULL } }, .code = INVALID,
    .where = "$.assets[1]", .what = "“data_base64”" },
  { "missing-asset-media-type", { { "$.assets[1].media_type", NULL } }, .code = INVALID,
    .where = "$.assets[1]", .what = "“media_type”" },
  { "missing-kind", { { "$.entries[5].kind", NULL } }, .code = INVALID,
    .where = "$.entries[5]", .what = "missing required key “kind”" },
  { "missing-title", { { "$.entries[0].title", NULL } }, .code = INVALID,
    .where = "$.entries[0]", .what = "missing required key “title”" },
  { "missing-partner-relation", { { "$.entries[0].partners[1].relation", NULL } },
    .code = INVALID, .where = "$.entries[0].partners[1]", .what = "“relation”" },
  { "missing-participant-person", { { "$.entries[1].event.participants[2].person", NULL } },
    .code = INVALID, .where = "$.entries[1].event.participants[2]", .what = "“person”" },
  { "missing-programme-title", { { "$.entries[1].event.programme[1].title", NULL } },
    .code = INVALID, .where = "$.entries[1].event.programme[1]", .what = "“title”" },
  { "missing-download-asset", { { "$.entries[0].report.downloads[0].asset", NULL } },
    .code = INVALID, .where = "$.entries[0].report.downloads[0]", .what = "“asset”" },

  /* Duplicates */
  { "duplicate-entry-slug", { { "$.entries[2].slug", "\"a-report\"" } }, .code = INVALID,
    .where = "$.entries[2].slug",
    .what = "duplicate slug “a-report”: already used at $.entries[0].slug" },
  { "duplicate-alias-slug", { { "$.entries[2].aliases", "[\"an-event\"]" } }, .code = INVALID,
    .where = "$.entries[2].aliases[0]", .what = "$.entries[1].slug" },
  { "duplicate-alias-alias", { { "$.entries[2].aliases", "[\"old-report\"]" } }, .code = INVALID,
    .where = "$.entries[2].aliases[0]", .what = "$.entries[0].aliases[0]" },
  { "duplicate-slug-alias", { { "$.entries[6].slug", "\"older-report\"" } }, .code = INVALID,
    .where = "$.entries[6].slug", .what = "duplicate slug “older-report”" },
  { "duplicate-term-slug", { { "$.vocabularies[1].terms[1].slug", "\"policy\"" } },
    .code = INVALID, .where = "$.vocabularies[1].terms[1].slug",
    .what = "$.vocabularies[1].terms[0].slug" },
  { "duplicate-term-child", { { "$.vocabularies[0].terms[1].children[0].slug", "\"france\"" } },
    .code = INVALID, .where = "$.vocabularies[0].terms[1].children[0].slug",
    .what = "$.vocabularies[0].terms[0].children[1].slug" },
  { "duplicate-term-alias", { { "$.vocabularies[0].terms[1].slug", "\"czechia\"" } },
    .code = INVALID, .where = "$.vocabularies[0].terms[1].slug", .what = "duplicate slug" },
  { "duplicate-vocabulary-key", { { "$.vocabularies[2].key", "\"themes\"" } }, .code = INVALID,
    .where = "$.vocabularies[2].key", .what = "$.vocabularies[1].key" },
  { "duplicate-organisation-key", { { "$.organisations[1].key", "\"ati\"" } }, .code = INVALID,
    .where = "$.organisations[1].key", .what = "duplicate “ati”" },
  { "duplicate-person-key", { { "$.people[2].key", "\"p-kok\"" } }, .code = INVALID,
    .where = "$.people[2].key", .what = "$.people[0].key" },
  { "duplicate-asset-name", { { "$.assets[2].name", "\"logo.png\"" } }, .code = INVALID,
    .where = "$.assets[2].name", .what = "$.assets[0].name" },
  { "duplicate-partner", { { "$.entries[0].partners[1]",
                             "{\"organisation\": \"ati\", \"relation\": \"support\"}" } },
    .code = INVALID, .where = "$.entries[0].partners[1]", .what = "already a partner" },
  { "duplicate-entry-term", { { "$.entries[0].terms.countries[1]", "\"europe\"" } },
    .code = INVALID, .where = "$.entries[0].terms.countries[1]", .what = "twice" },
  { "duplicate-related", { { "$.entries[0].related[1]", "\"an-event\"" } }, .code = INVALID,
    .where = "$.entries[0].related[1]", .what = "listed twice" },
  { "duplicate-eligible-country",
    { { "$.entries[2].open_call.eligible_countries[1]", "\"countries/europe\"" } },
    .code = INVALID, .where = "$.entries[2].open_call.eligible_countries[1]", .what = "twice" },

  /* Dangling references */
  { "dangling-term", { { "$.entries[0].terms.themes[0]", "\"nope\"" } }, .code = INVALID,
    .where = "$.entries[0].terms.themes[0]", .what = "no term “nope” in the vocabulary “themes”" },
  { "dangling-term-other-vocabulary",
    { { "$.entries[0].terms.themes[0]", "\"countries/europe\"" } },
    .code = INVALID, .where = "$.entries[0].terms.themes[0]", .what = "not a term of" },
  { "dangling-vocabulary", { { "$.entries[0].terms.colours", "[\"red\"]" } }, .code = INVALID,
    .where = "$.entries[0].terms.colours", .what = "no vocabulary with the key “colours”" },
  { "dangling-country", { { "$.people[0].country", "\"atlantis\"" } }, .code = INVALID,
    .where = "$.people[0].country", .what = "no term “atlantis” in any vocabulary" },
  { "ambiguous-country", { { "$.people[0].country", "\"policy\"" } }, .code = INVALID,
    .where = "$.people[0].country", .what = "ambiguous" },
  { "dangling-event-country", { { "$.entries[1].event.country", "\"countries/policy\"" } },
    .code = INVALID, .where = "$.entries[1].event.country",
    .what = "no term “policy” in the vocabulary “countries”" },
  { "dangling-eligible-country", { { "$.entries[2].open_call.eligible_countries[0]", "\"mars\"" } },
    .code = INVALID, .where = "$.entries[2].open_call.eligible_countries[0]" },
  { "dangling-organisation", { { "$.entries[0].partners[0].organisation", "\"nobody\"" } },
    .code = INVALID, .where = "$.entries[0].partners[0].organisation",
    .what = "no organisation with the key “nobody”" },
  { "dangling-person", { { "$.entries[1].event.participants[0].person", "\"p-nobody\"" } },
    .code = INVALID, .where = "$.entries[1].event.participants[0].person",
    .what = "no person with the key “p-nobody”" },
  { "dangling-logo", { { "$.organisations[0].logo", "\"asset:nope.png\"" } }, .code = INVALID,
    .where = "$.organisations[0].logo", .what = "no asset named “nope.png”" },
  { "logo-without-prefix", { { "$.organisations[0].logo", "\"logo.png\"" } }, .code = INVALID,
    .where = "$.organisations[0].logo", .what = "expected “asset:NAME”" },
  { "dangling-cover", { { "$.entries[0].cover", "\"asset:cover.jpg\"" } }, .code = INVALID,
    .where = "$.entries[0].cover" },
  { "dangling-photo", { { "$.people[0].photo", "\"asset:\"" } }, .code = INVALID,
    .where = "$.people[0].photo" },
  { "dangling-download", { { "$.entries[0].report.downloads[0].asset", "\"nope.pdf\"" } },
    .code = INVALID, .where = "$.entries[0].report.downloads[0].asset" },
  { "dangling-related", { { "$.entries[4].related[0]", "\"nope\"" } }, .code = INVALID,
    .where = "$.entries[4].related[0]", .what = "no entry with the slug “nope”" },
  { "dangling-translation-of", { { "$.entries[2].translation_of", "\"nope\"" } },
    .code = INVALID, .where = "$.entries[2].translation_of" },
  { "dangling-report-event", { { "$.entries[0].report.event", "\"nope\"" } }, .code = INVALID,
    .where = "$.entries[0].report.event" },
  { "related-alias", { { "$.entries[4].related[0]", "\"old-report\"" } }, .code = INVALID,
    .where = "$.entries[4].related[0]", .what = "old slug of the entry “a-report”" },
  { "related-self", { { "$.entries[0].related[0]", "\"a-report\"" } }, .code = INVALID,
    .where = "$.entries[0].related[0]", .what = "itself" },

  /* Values */
  { "kind", { { "$.entries[2].kind", "\"repot\"" } }, .code = INVALID, .where = "$.entries[2].kind",
    .what = "unknown value “repot”; expected report, event, article, open_call or page" },
  { "kind-mismatch", { { "$.entries[2].kind", "\"article\"" } }, .code = INVALID,
    .where = "$.entries[2].open_call", .what = "only entries of kind “open_call”" },
  { "status", { { "$.entries[0].status", "\"live\"" } }, .code = INVALID,
    .where = "$.entries[0].status", .what = "draft, review, published or archived" },
  { "relation", { { "$.entries[0].partners[1].relation", "\"sponsor\"" } }, .code = INVALID,
    .where = "$.entries[0].partners[1].relation",
    .what = "organiser, co-organiser, funder, support or media-partner" },
  { "date-february-30", { { "$.entries[0].date", "\"2024-02-30\"" } }, .code = INVALID,
    .where = "$.entries[0].date", .what = "not a date" },
  { "date-format", { { "$.entries[0].date", "\"12/09/2024\"" } }, .code = INVALID,
    .where = "$.entries[0].date" },
  { "date-offset", { { "$.entries[1].event.start", "\"2024-06-10T10:00:00+02:00\"" } },
    .code = INVALID, .where = "$.entries[1].event.start" },
  { "date-hour", { { "$.entries[1].event.programme[0].start", "\"2024-06-10T24:00\"" } },
    .code = INVALID, .where = "$.entries[1].event.programme[0].start" },
  { "date-deadline", { { "$.entries[2].open_call.deadline", "\"2024-13-01\"" } },
    .code = INVALID, .where = "$.entries[2].open_call.deadline" },
  { "end-before-start", { { "$.entries[1].event.end", "\"2024-06-09\"" } }, .code = INVALID,
    .where = "$.entries[1].event.end", .what = "before it starts" },
  { "time-zone", { { "$.entries[1].event.time_zone", "\"Europe/Atlantis\"" } }, .code = INVALID,
    .where = "$.entries[1].event.time_zone", .what = "unknown time zone “Europe/Atlantis”" },
  { "slug-traversal", { { "$.entries[0].slug", "\"../../x\"" } }, .code = INVALID,
    .where = "$.entries[0].slug", .what = "../../x" },
  { "slug-upper-case", { { "$.entries[6].slug", "\"Hello\"" } }, .code = INVALID,
    .where = "$.entries[6].slug" },
  { "slug-empty", { { "$.entries[6].slug", "\"\"" } }, .code = INVALID,
    .where = "$.entries[6].slug" },
  { "slug-term", { { "$.vocabularies[0].terms[0].slug", "\"eu/rope\"" } }, .code = INVALID,
    .where = "$.vocabularies[0].terms[0].slug" },
  { "slug-alias", { { "$.entries[0].aliases[1]", "\"old_report\"" } }, .code = INVALID,
    .where = "$.entries[0].aliases[1]" },
  { "slug-vocabulary-key", { { "$.vocabularies[0].key", "\"../countries\"" } }, .code = INVALID,
    .where = "$.vocabularies[0].key" },
  { "slug-person-key", { { "$.people[0].key", "\"P Kok\"" } }, .code = INVALID,
    .where = "$.people[0].key" },
  { "asset-name", { { "$.assets[1].name", "\"../report.pdf\"" } }, .code = INVALID,
    .where = "$.assets[1].name", .what = "cannot be an asset name" },
  { "base64-character", { { "$.assets[0].data_base64", "\"aGVs$G8=\"" } }, .code = INVALID,
    .where = "$.assets[0].data_base64", .what = "base64" },
  { "base64-length", { { "$.assets[0].data_base64", "\"aGVsbG8\"" } }, .code = INVALID,
    .where = "$.assets[0].data_base64" },
  { "base64-padding", { { "$.assets[0].data_base64", "\"aG=sbG8=\"" } }, .code = INVALID,
    .where = "$.assets[0].data_base64" },
  { "count-negative", { { "$.entries[1].event.participants_actual", "-1" } }, .code = INVALID,
    .where = "$.entries[1].event.participants_actual", .what = "negative" },
  { "media-type", { { "$.assets[0].media_type", "\"png\"" } }, .code = INVALID,
    .where = "$.assets[0].media_type", .what = "not a media type" },
  { "url-javascript", { { "$.organisations[0].url", "\"javascript:alert(1)\"" } },
    .code = INVALID, .where = "$.organisations[0].url", .what = "http or https" },
  { "url-relative", { { "$.entries[0].website", "\"/about\"" } }, .code = INVALID,
    .where = "$.entries[0].website" },
  { "url-space", { { "$.entries[0].website", "\"https://exa mple.org/\"" } }, .code = INVALID,
    .where = "$.entries[0].website" },
  { "url-base", { { "$.site.base_url", "\"ftp://example.org/\"" } }, .code = INVALID,
    .where = "$.site.base_url" },
  { "language", { { "$.entries[0].language", "\"en_GB\"" } }, .code = INVALID,
    .where = "$.entries[0].language", .what = "language tag" },
  { "language-list", { { "$.site.languages[1]", "\"fr FR\"" } }, .code = INVALID,
    .where = "$.site.languages[1]" },
  { "language-translation", .find = "\"fr\": {\n              \"name\": \"Europe\"",
    .replace = "\"f\": {\n              \"name\": \"Europe\"", .code = INVALID,
    .where = "$.vocabularies[0].terms[0].translations.f", .what = "language tag" },
};

static char *
apply_patch_text (const char *text,
                  const char *find,
                  const char *replace)
{
  const char *at = strstr (text, find);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, replace, at + strlen (find));
}

static JsonNode *
child_node (JsonNode   *parent,
            const char *segment)
{
  if (*segment == '#')
    return json_array_get_element (json_node_get_array (parent), atoi (segment + 1));
  return json_object_get_member (json_node_get_object (parent), segment);
}

/* "$.a[2][\"b c\"]" → "a", "#2", "b c" */
static GPtrArray *
split_path (const char *path)
{
  GPtrArray *segments = g_ptr_array_new_with_free_func (g_free);
  const char *p = path + 1;

  while (*p != '\0')
    {
      gsize n;

      if (g_str_has_prefix (p, "[\""))
        {
          n = strchr (p + 2, '"') - (p + 2);
          g_ptr_array_add (segments, g_strndup (p + 2, n));
          p += n + 4;
        }
      else if (*p == '[')
        {
          n = strchr (p, ']') - (p + 1);
          g_ptr_array_add (segments, g_strdup_printf ("#%.*s", (int) n, p + 1));
          p += n + 2;
        }
      else
        {
          n = strcspn (p + 1, ".[");
          g_ptr_array_add (segments, g_strndup (p + 1, n));
          p += n + 1;
        }
    }
  return segments;
}

/* Sets (or removes, when @value is NULL) the value at @path. */
static void
apply_patch (JsonNode    *root,
             const Patch *patch)
{
  g_autoptr(GPtrArray) segments = split_path (patch->path);
  JsonNode *parent = root;
  const char *last;
  JsonNode *value = NULL;

  for (guint i = 0; i + 1 < segments->len; i++)
    {
      parent = child_node (parent, g_ptr_array_index (segments, i));
      g_assert_nonnull (parent);
    }
  last = g_ptr_array_index (segments, segments->len - 1);
  if (patch->value != NULL)
    {
      value = json_from_string (patch->value, NULL);
      g_assert_nonnull (value);
    }

  if (*last != '#')
    {
      if (value == NULL)
        json_object_remove_member (json_node_get_object (parent), last);
      else
        json_object_set_member (json_node_get_object (parent), last, value);
      return;
    }

  /* JsonArray cannot replace an element, and json-glib 1.6 mishandles a
   * value node that is initialised twice: build the array anew. */
  g_assert_nonnull (value);
  {
    JsonArray *old = json_node_get_array (parent);
    JsonArray *array = json_array_new ();
    guint index = atoi (last + 1);

    for (guint i = 0; i < json_array_get_length (old); i++)
      json_array_add_element (array, i == index ? json_node_ref (value)
                                                : json_node_copy (json_array_get_element (old, i)));
    json_node_take_array (parent, array);
    json_node_unref (value);
  }
}

static char *
bad_case_text (const BadCase *c)
{
  g_autoptr(GBytes) golden = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (c->raw != NULL)
    return g_strdup (c->raw);

  golden = read_data ("full.json");
  parser = json_parser_new ();
  json_parser_load_from_data (parser, g_bytes_get_data (golden, NULL), g_bytes_get_size (golden),
                              &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (c->patches) && c->patches[i].path != NULL; i++)
    apply_patch (json_parser_get_root (parser), &c->patches[i]);

  text = mh_site_json_node_to_string (json_parser_get_root (parser));
  if (c->find != NULL)
    return apply_patch_text (text, c->find, c->replace);
  return g_steal_pointer (&text);
}

static void
test_bad (Fixture       *f,
          gconstpointer  data)
{
  const BadCase *c = data;
  g_autofree char *text = bad_case_text (c);
  g_autofree char *prefix = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;

  write_file (f->json_path, text, -1);
  g_assert_false (mh_site_json_import_file (f->json_path, f->site_path, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_error (error, MH_SITE_JSON_ERROR, c->code);

  prefix = c->where != NULL ? g_strdup_printf ("site.json: %s: ", c->where)
                            : g_strdup ("site.json: ");
  g_assert_true (g_str_has_prefix (error->message, prefix));
  if (c->what != NULL)
    g_assert_nonnull (strstr (error->message, c->what));

  /* Nothing at the target, and no temporary file, WAL or lock left. */
  listing = list_dir (f->dir);
  g_assert_cmpstr (listing, ==, "site.json");
}

/* The example of docs/site-json.md, word for word. */
static void
test_kind_message (Fixture       *f,
                   gconstpointer  data)
{
  static const BadCase c = { "kind", { { "$.entries[2].kind", "\"repot\"" } } };
  g_autofree char *text = bad_case_text (&c);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(MhStore) store = create_store (f);
  g_autoptr(GError) error = NULL;

  g_assert_false (mh_site_json_import_bytes (store, bytes, "site.json", NULL, &error));
  g_assert_cmpstr (error->message, ==,
                   "site.json: $.entries[2].kind: unknown value “repot”; expected report, "
                   "event, article, open_call or page");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/mh/site-json/golden", test_golden);
  ADD ("/mh/site-json/demo", test_demo);
  ADD ("/mh/site-json/derived-slugs", test_derived_slugs);
  ADD ("/mh/site-json/stored", test_stored);
  ADD ("/mh/site-json/entry-node", test_entry_node);
  ADD ("/mh/site-json/large", test_large);
  ADD ("/mh/site-json/file/ok", test_file_ok);
  ADD ("/mh/site-json/file/exists", test_file_exists);
  ADD ("/mh/site-json/file/missing", test_file_missing);
  ADD ("/mh/site-json/rollback", test_rollback);
  ADD ("/mh/site-json/cancelled", test_cancelled);
  ADD ("/mh/site-json/kind-message", test_kind_message);

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/mh/site-json/bad/", bad_cases[i].name, NULL);

      g_test_add (path, Fixture, &bad_cases[i], fixture_setup, test_bad, fixture_teardown);
    }

#undef ADD
  return g_test_run ();
}
