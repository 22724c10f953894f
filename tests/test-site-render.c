/* test-site-render.c: the pages, feeds and calendar files of the HTML site
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sqlite3.h>
#include <json-glib/json-glib.h>

#include "mh-demo.h"
#include "mh-markdown.h"
#include "mh-site-feeds.h"
#include "mh-site-json.h"
#include "mh-site-render.h"
#include "mh-test-utils.h"

static char *dir;
static MhSiteModel *demo;
static MhSiteRenderer *renderer;

/* --- Helpers --------------------------------------------------------------- */

static MhModelEntry *
demo_entry (const char *slug)
{
  MhModelEntry *entry = mh_site_model_find_entry (demo, slug);

  g_assert_nonnull (entry);
  return entry;
}

static MhModelTerm *
find_term (MhSiteModel *model,
           const char  *vocabulary,
           const char  *slug)
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
  g_assert_not_reached ();
}

static char *
render_entry (MhSiteRenderer *r,
              MhModelEntry   *entry,
              GPtrArray      *problems)
{
  g_autoptr(GError) error = NULL;
  char *html = mh_site_renderer_entry (r, entry, problems, &error);

  g_assert_no_error (error);
  g_assert_nonnull (html);
  return html;
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
assert_contains (const char *html,
                 const char *needle)
{
  if (strstr (html, needle) == NULL)
    g_error ("“%s” is not in the page:\n%s", needle, html);
}

static void
assert_lacks (const char *html,
              const char *needle)
{
  if (strstr (html, needle) != NULL)
    g_error ("“%s” should not be in the page:\n%s", needle, html);
}

/* The order of @needles in @html is theirs. */
static void
assert_in_order (const char         *html,
                 const char * const *needles)
{
  const char *at = html;

  for (guint i = 0; needles[i] != NULL; i++)
    {
      const char *found = strstr (at, needles[i]);

      if (found == NULL)
        g_error ("“%s” is missing or out of order in:\n%s", needles[i], html);
      at = found + strlen (needles[i]);
    }
}

static void
assert_unique_ids (const char *html)
{
  g_autoptr(GRegex) regex = g_regex_new (" id=\"([^\"]*)\"", 0, 0, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (regex, html, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      char *id = g_match_info_fetch (match, 1);

      if (!g_hash_table_add (seen, id))
        g_error ("the id “%s” is there twice", id);
    }
}

/* What every page has: a language, one h1, the landmarks, a skip link, no
 * script, and an alt on every image. */
static void
assert_page_basics (const char *html)
{
  const char *p;

  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n<html lang=\""));
  g_assert_true (g_utf8_validate (html, -1, NULL));
  g_assert_cmpuint (count (html, "<h1"), ==, 1);
  assert_contains (html, "<header class=\"site-header\">");
  assert_contains (html, "<nav class=\"site-nav\" aria-label=\"Main\">");
  assert_contains (html, "<main id=\"main_content\"");
  assert_contains (html, "<footer class=\"site-footer\">");
  assert_contains (html, "<a class=\"skip-link\" href=\"#main_content\">");
  assert_contains (html, "<meta name=\"viewport\"");
  assert_lacks (html, "<script");
  g_assert_cmpuint (count (html, "<html"), ==, 1);
  g_assert_cmpuint (count (html, "</html>"), ==, 1);
  g_assert_cmpuint (count (html, "<main"), ==, 1);
  assert_unique_ids (html);
  for (p = strstr (html, "<img"); p != NULL; p = strstr (p + 1, "<img"))
    {
      const char *end = strchr (p, '>');

      g_assert_nonnull (end);
      if (g_strstr_len (p, end - p, " alt=\"") == NULL)
        g_error ("an image without alt: %.*s", (int) (end - p + 1), p);
    }
}

/* Whether one start tag would run code: a script-like element, an event
 * handler attribute, or a URL attribute whose scheme runs code. Attributes
 * are read the way a browser reads them, so escaped text inside a quoted
 * value (a description that mentions “src=javascript:”) is fine. */
static const char *
executable_tag (const char *tag)
{
  g_autoptr(GRegex) element = g_regex_new ("^<(script|iframe|object|embed|svg|math|base|style)\\b",
                                           G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GRegex) attribute = g_regex_new ("\\s([^\\s\"'>/=]+)(?:\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s\"'>]+))?",
                                             0, 0, NULL);
  g_autoptr(GRegex) scheme = g_regex_new ("^[\"']?\\s*(javascript|vbscript|data):",
                                          G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (g_regex_match (element, tag, 0, NULL))
    return "a script-like element";
  g_regex_match (attribute, tag, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *name = g_match_info_fetch (match, 1);
      g_autofree char *value = g_match_info_fetch (match, 2);

      if (g_ascii_strncasecmp (name, "on", 2) == 0)
        return "an event handler attribute";
      if (value != NULL && g_regex_match (scheme, value, 0, NULL))
        return "a URL that runs code";
    }
  return NULL;
}

static const char *
executable_markup (const char *text)
{
  g_autoptr(GRegex) tags = g_regex_new ("<[a-zA-Z][^>]*>", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (tags, text, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *tag = g_match_info_fetch (match, 0);
      const char *found = executable_tag (tag);

      if (found != NULL)
        return found;
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
  g_assert_nonnull (executable_markup ("<a href=JavaScript:alert(1)>"));
  g_assert_null (executable_markup ("<a title=\"&quot; onfocus=&quot;x\">&lt;script&gt;</a>"));
  g_assert_null (executable_markup ("<p>javascript:alert(1) as text</p>"));
  g_assert_null (executable_markup ("<meta content=\"&lt;iframe src=javascript:alert(9)&gt;\">"));
}

static void
assert_harmless (const char *what,
                 const char *text)
{
  const char *found = executable_markup (text);

  if (found != NULL)
    g_error ("hostile content got through in %s (%s):\n%s", what, found, text);
}

static MhSiteModel *
load_site_json (const char *name,
                const char *json_text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GBytes) json = g_bytes_new (json_text, strlen (json_text));
  g_autoptr(MhStore) store = NULL;
  g_autoptr(GError) error = NULL;
  MhSiteModel *model;

  store = mh_store_create (path, &error);
  g_assert_no_error (error);
  mh_site_json_import_bytes (store, json, name, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  model = mh_site_model_load (path, NULL, &error);
  g_assert_no_error (error);
  return model;
}

static void
sql_exec (const char *name,
          const char *sql)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static MhSiteModel *
reload (const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  MhSiteModel *model = mh_site_model_load (path, NULL, &error);

  g_assert_no_error (error);
  return model;
}

/* --- The demo's entries ---------------------------------------------------------- */

/* Strings of the demo's people that must never be published: the contact
 * data and notes of everyone, and the names of those who did not consent. */
static GPtrArray *
private_strings (void)
{
  g_autoptr(GBytes) bytes = mh_demo_get_json ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *strings = g_ptr_array_new_with_free_func (g_free);
  JsonArray *people;

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                              &error);
  g_assert_no_error (error);
  people = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                         "people");
  for (guint i = 0; i < json_array_get_length (people); i++)
    {
      JsonObject *person = json_array_get_object_element (people, i);
      static const char * const fields[] = { "email", "phone", "notes" };

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        if (json_object_has_member (person, fields[f]))
          g_ptr_array_add (strings, g_strdup (json_object_get_string_member (person, fields[f])));
      if (!json_object_get_boolean_member_with_default (person, "public", FALSE))
        {
          const char *family = json_object_get_string_member (person, "family_name");

          g_ptr_array_add (strings, g_strdup (family));
          g_ptr_array_add (strings, g_utf8_strup (family, -1));
        }
    }
  g_assert_cmpuint (strings->len, >, 10);
  return strings;
}

static void
test_event (void)
{
  g_autofree char *html = render_entry (renderer, demo_entry ("asef-linkup-2024-prague"), NULL);
  g_autoptr(GPtrArray) secrets = private_strings ();
  static const char * const groups[] = {
    "<h3 class=\"participant-group\">Arts sector</h3>",
    "Kateřina VOSÁHLOVÁ",
    "<h3 class=\"participant-group\">Government sector</h3>",
    "Alžběta ČERNÁ",
    NULL
  };

  assert_page_basics (html);
  assert_contains (html, "<h1 class=\"entry-title\">ASEF LinkUp | Asia-Europe Cultural "
                         "Diplomacy Lab 2024 | Prague</h1>");
  assert_contains (html, "10 Jun 2024 – 13 Jun 2024 (Europe/Prague)");
  assert_contains (html, "Prague, Czech Republic");
  assert_contains (html, "Closed-door");
  assert_contains (html, "18 participants from the arts sector and the government sector; "
                         "20 were selected.");
  /* 19 people consented: 17 in the two sectors, a moderator and a speaker. */
  g_assert_cmpuint (count (html, "<li class=\"participant\">"), ==, 19);
  g_assert_cmpuint (count (html, "<li class=\"participant\">"), >=, 18);
  assert_in_order (html, groups);
  assert_contains (html, "<span class=\"participant-role\">Moderator</span>");
  assert_contains (html, "/ Artistic Director, Studio Na Náplavce (Czech Republic)");
  /* Family name first where the person's culture puts it first. */
  assert_contains (html, "NGUYỄN");
  for (guint i = 0; i < secrets->len; i++)
    assert_lacks (html, g_ptr_array_index (secrets, i));

  /* The programme, by day. */
  g_assert_cmpuint (count (html, "<h3 class=\"programme-day\">"), ==, 4);
  assert_contains (html, "<h3 class=\"programme-day\">Mon 10 Jun 2024</h3>");
  assert_contains (html, "<time datetime=\"2024-06-10T09:30\">09:30</time>");
  assert_contains (html, "href=\"/events/asef-linkup-2024-prague/event.ics\"");
  assert_contains (html, "<link rel=\"canonical\" href=\"https://example.org/events/"
                         "asef-linkup-2024-prague/\">");
  assert_contains (html, "<li><a href=\"/events/\" aria-current=\"true\">Events</a></li>");
}

static void
test_report (void)
{
  MhModelEntry *report = demo_entry ("how-do-we-navigate-cultural-diplomacy");
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *html = render_entry (renderer, report, problems);
  MhModelDownload *download = g_ptr_array_index (report->downloads, 0);
  g_autofree char *size = mh_site_format_size (download->asset->size);
  g_autofree char *info = g_strdup_printf ("<span class=\"download-info\">PDF, %s, English</span>",
                                           size);
  g_autofree char *href = g_strdup_printf ("href=\"/%s\" download", download->asset->path);

  assert_page_basics (html);
  g_assert_cmpuint (problems->len, ==, 0);
  assert_contains (html, "<span class=\"download-title\">Full report</span>");
  assert_contains (html, info);
  assert_contains (html, href);
  g_assert_true (g_str_has_suffix (size, " KB") || g_str_has_suffix (size, " MB"));
  assert_contains (html, "<dt>Publisher</dt><dd>Asia-Europe Foundation (ASEF) and Arts and "
                         "Theatre Institute (ATI)</dd>");
  assert_contains (html, "<a href=\"/events/asef-linkup-2024-prague/\">ASEF LinkUp");
  assert_contains (html, "Published <time datetime=\"2024-09-12\">12 Sep 2024</time>");
  /* Links in the body resolve to the pages of published entries. */
  assert_contains (html, "href=\"/events/asef-linkup-2024-prague/\">ASEF LinkUp | Asia-Europe");
  assert_contains (html, "<p class=\"entry-kicker\">Publications</p>");
}

static void
test_open_call (void)
{
  MhModelEntry *call =
    demo_entry ("arts-journalism-matters-fellowship-2024-virtual-x-prague-open-call");
  g_autofree char *html = render_entry (renderer, call, NULL);
  static const char * const order[] = {
    "<h1", "<p class=\"deadline\">Deadline: <time datetime=\"2024-05-03\">3 May 2024</time></p>",
    NULL
  };

  assert_page_basics (html);
  assert_in_order (html, order);
  assert_contains (html, "<dt>Category</dt><dd>Open Call</dd>");
  assert_contains (html, "<dt>Eligible countries</dt><dd>Asia, Europe</dd>");
  assert_contains (html, "<a class=\"button\" href=\"https://example.org/apply/"
                         "arts-journalism-matters-2024\">Apply");
  assert_contains (html, "<dt>Website</dt>");
}

static void
test_article (void)
{
  MhModelEntry *launch = demo_entry ("how-do-we-navigate-cultural-diplomacy-new-report-launched");
  g_autofree char *html = render_entry (renderer, launch, NULL);
  g_autofree char *essay = render_entry (renderer,
                                         demo_entry ("cultural-diplomacy-whats-in-it-for-the-artists"),
                                         NULL);
  static const char * const partners[] = {
    "<h2 id=\"partners_title\">With the support of</h2>",
    "Organised by", "alt=\"Asia-Europe Foundation (ASEF)\"",
    "Co-organised by", "alt=\"Arts and Theatre Institute\"",
    "alt=\"Ministry of Culture of the Czech Republic\"",
    "alt=\"Czech Recovery Plan\"",
    "Co-funded by", "alt=\"European Union\"",
    "alt=\"Ministry of Foreign Affairs of Denmark\"",
    NULL
  };
  static const char * const aside[] = {
    "<aside class=\"entry-aside\"",
    "<dt>Countries</dt>", "<a href=\"/countries/asia/\">Asia</a>",
    "<a href=\"/countries/czech-republic/\">Czech Republic</a>",
    "<dt>Themes</dt>", ">Cultural Diplomacy</a>",
    "<dt>Disciplines</dt>", ">Performing Arts</a>",
    "</aside>",
    NULL
  };
  static const char * const similar[] = {
    "<h2 id=\"similar_title\">Similar content</h2>",
    "ASEF Link Up | Asia-Europe Cultural Diplomacy Lab: What went on?</a>",
    "<span class=\"card-byline\">Kerrine Goh</span>",
    "Deadline <time datetime=\"2024-05-03\">3 May 2024</time>",
    NULL
  };

  assert_page_basics (html);
  assert_contains (html, "<span class=\"posted-by\">Posted by culture360</span>");
  assert_contains (html, "#ASEFCulture #CulturalDiplomacy");
  assert_in_order (html, partners);
  assert_contains (html, "<a class=\"partner-logo\" href=\"https://asef.org/\">");
  assert_in_order (html, aside);
  assert_in_order (html, similar);
  g_assert_cmpuint (count (html, "<li class=\"card "), ==, 6);
  assert_contains (html, "<p class=\"card-countries\"><span class=\"visually-hidden\">"
                         "Countries: </span>Asia, Europe</p>");
  /* Breadcrumb: Home › Section › Title. */
  assert_contains (html, "<li><a href=\"/\">Home</a></li>\n    <li><a href=\"/insights/\">"
                         "Insights</a></li>\n    <li aria-current=\"page\">How Do We");

  assert_page_basics (essay);
  assert_contains (essay, "<span class=\"byline\">By Carla Castle</span>");
}

static void
test_page (void)
{
  g_autofree char *html = render_entry (renderer, demo_entry ("about"), NULL);

  assert_page_basics (html);
  assert_contains (html, "<h1 class=\"entry-title\">About culture360 (demo)</h1>");
  assert_lacks (html, "Similar content");
  assert_lacks (html, "<aside");
  /* Standing pages are linked from every footer. */
  assert_contains (html, "<li><a href=\"/about/\">About culture360 (demo)</a></li>");
}

static void
test_every_entry (void)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < demo->entries->len; i++)
    {
      g_autofree char *html = render_entry (renderer, g_ptr_array_index (demo->entries, i),
                                            problems);
      g_autofree char *again = render_entry (renderer, g_ptr_array_index (demo->entries, i),
                                             NULL);

      assert_page_basics (html);
      assert_harmless ("a demo page", html);
      /* Rendering depends on nothing but the model. */
      g_assert_cmpstr (html, ==, again);
    }
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (char *) g_ptr_array_index (problems, i));
}

/* --- Listings ------------------------------------------------------------------------ */

static void
test_home (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *html = mh_site_renderer_home (renderer, &error);

  g_assert_no_error (error);
  assert_page_basics (html);
  assert_contains (html, "<h1>culture360 (demo)</h1>");
  assert_contains (html, "<title>culture360 (demo)</title>");
  assert_contains (html, "<h2 id=\"open_calls_title\">Open calls</h2>");
  assert_contains (html, "Arts Journalism Matters Fellowship 2024");
  assert_contains (html, "<h2 id=\"section_insights_title\">Insights</h2>");
  assert_contains (html, "<h2 id=\"section_events_title\">Events</h2>");
  /* The newest entry with a cover is the feature. */
  assert_contains (html, "<ul class=\"card-grid card-grid-feature\">\n<li class=\"card card-");

  /* With a date, open calls whose deadline passed are left out. */
  mh_site_renderer_set_today (renderer, "2024-06-01");
  g_free (html);
  html = mh_site_renderer_home (renderer, &error);
  g_assert_no_error (error);
  assert_lacks (html, "Open calls</h2>");
  mh_site_renderer_set_today (renderer, NULL);
}

static guint
n_insights (void)
{
  guint n = 0;

  for (guint i = 0; i < demo->entries->len; i++)
    n += g_str_equal (((MhModelEntry *) g_ptr_array_index (demo->entries, i))->section, "insights");
  g_assert_cmpuint (n, >, 1);
  return n;
}

static void
test_section (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;
  guint n_pages = 0;

  html = mh_site_renderer_section (renderer, "insights", 1, &n_pages, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, ==, 1);
  assert_page_basics (html);
  assert_contains (html, "<h1>Insights</h1>");
  assert_contains (html, "aria-current=\"page\">Insights</a>");
  g_assert_cmpuint (count (html, "<li class=\"card card-article\">"), ==, n_insights ());
  assert_lacks (html, "rel=\"next\"");

  g_assert_null (mh_site_renderer_section (renderer, "insights", 2, &n_pages, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_term_and_vocabulary (void)
{
  MhModelTerm *asia = find_term (demo, "countries", "asia");
  MhModelVocabulary *countries = asia->vocabulary;
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;
  g_autofree char *tree = NULL;
  guint n_pages = 0;

  html = mh_site_renderer_term (renderer, asia, 1, &n_pages, &error);
  g_assert_no_error (error);
  assert_page_basics (html);
  assert_contains (html, "<h1>Asia</h1>");
  assert_contains (html, "ASEM partner countries in Asia and the Pacific.");
  assert_contains (html, "<li><a href=\"/countries/japan/\">Japan</a></li>");
  g_assert_cmpuint (count (html, "<li class=\"card "), ==, asia->entries->len);

  tree = mh_site_renderer_vocabulary (renderer, countries, &error);
  g_assert_no_error (error);
  assert_page_basics (tree);
  assert_contains (tree, "<h1>Countries</h1>");
  /* A tree: the countries sit in a list inside their region's item. */
  assert_contains (tree, "<li><a href=\"/countries/asia/\">Asia</a> <span class=\"term-count\">");
  assert_contains (tree, "<li><a href=\"/countries/japan/\">Japan</a>");
}

static void
test_not_found_and_redirect (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *html = mh_site_renderer_not_found (renderer, &error);
  g_autofree char *moved = mh_site_renderer_redirect (renderer, "/events/asef-linkup-2024-prague/");
  g_autofree char *hostile = mh_site_renderer_redirect (renderer, "javascript:alert(1)");

  g_assert_no_error (error);
  assert_page_basics (html);
  assert_contains (html, "<h1>Page not found</h1>");
  assert_contains (html, "href=\"/assets/style.css\"");

  assert_contains (moved, "<meta http-equiv=\"refresh\" content=\"0; url=/events/"
                          "asef-linkup-2024-prague/\">");
  assert_contains (moved, "<link rel=\"canonical\" href=\"/events/asef-linkup-2024-prague/\">");
  assert_contains (moved, "<a href=\"/events/asef-linkup-2024-prague/\">");
  assert_harmless ("a redirect", hostile);
}

/* A site served from a sub-path, with an entry tagged only with a country
 * under a region, more entries than fit on a page, a timed event, and
 * hostile strings in every field a page shows. */
static char *
small_site_json (void)
{
  GString *json = g_string_new (
    "{\"format\": \"masthead-site\", \"version\": 1,"
    " \"site\": {\"title\": \"Small <site>\", \"base_url\": \"https://example.org/culture/\","
    "  \"language\": \"en\"},"
    " \"vocabularies\": [{\"key\": \"countries\", \"name\": \"Countries\", \"hierarchical\": true,"
    "   \"terms\": [{\"name\": \"Asia\", \"slug\": \"asia\", \"children\": ["
    "     {\"name\": \"Japan\", \"slug\": \"japan\"}]},"
    "    {\"name\": \"Europe\", \"slug\": \"europe\", \"children\": ["
    "     {\"name\": \"France\", \"slug\": \"france\"}]}]}],"
    " \"assets\": [{\"name\": \"door.svg\", \"media_type\": \"image/svg+xml\","
    "   \"data_base64\": \"PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4K\","
    "   \"alt\": \"A red door\", \"credit\": \"Jana Nováková\"}],"
    " \"entries\": ["
    "{\"kind\": \"page\", \"title\": \"Doors\", \"slug\": \"doors\", \"status\": \"published\","
    " \"date\": \"2023-01-01\", \"body\": \"## Main\\n\\n## Similar title\\n\\n![A red door](asset:door.svg)\\n\\n"
    "See [the draft](entry:not-published) and [article 3](entry:article-3#top).\"},");

  for (guint i = 1; i <= 25; i++)
    g_string_append_printf (json,
                            "{\"kind\": \"article\", \"title\": \"Article %u\", \"slug\": \"article-%u\","
                            " \"status\": \"published\", \"date\": \"2024-01-%02u\","
                            " \"body\": \"Text %u.\", \"terms\": {\"countries\": [\"japan\"]}},",
                            i, i, i, i);
  g_string_append (json,
    "{\"kind\": \"event\", \"title\": \"A timed workshop with a very long title that goes on "
    "and on, in Čeština and 日本語, until it must be folded\", \"slug\": \"workshop\","
    " \"status\": \"published\", \"date\": \"2024-02-01\", \"summary\": \"Line one;\\nline, two\","
    " \"event\": {\"start\": \"2024-06-10T09:30:00\", \"end\": \"2024-06-10T17:00:00\","
    "   \"time_zone\": \"Europe/Prague\", \"all_day\": false, \"city\": \"Prague\"}}]}");
  return g_string_free (json, FALSE);
}

static MhSiteModel *
small_site (void)
{
  g_autofree char *path = g_build_filename (dir, "small.masthead", NULL);
  g_autofree char *json = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return reload ("small.masthead");
  json = small_site_json ();
  return load_site_json ("small.masthead", json);
}

static void
test_small_site (void)
{
  g_autoptr(MhSiteModel) model = small_site ();
  g_autoptr(MhSiteRenderer) r = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *asia = NULL;
  g_autofree char *page2 = NULL;
  g_autofree char *event = NULL;
  g_autofree char *doors = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  MhModelTerm *term = find_term (model, "countries", "asia");
  guint n_pages = 0;

  r = mh_site_renderer_new (model, NULL, &error);
  g_assert_no_error (error);

  /* Tagged with Japan only, listed under Asia; 25 entries on 2 pages. */
  asia = mh_site_renderer_term (r, term, 1, &n_pages, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, ==, 2);
  assert_page_basics (asia);
  assert_contains (asia, "<a href=\"/culture/insights/article-25/\">Article 25</a>");
  g_assert_cmpuint (count (asia, "<li class=\"card "), ==, MH_SITE_RENDER_PER_PAGE);
  assert_contains (asia, "<link rel=\"next\" href=\"/culture/countries/asia/page/2/\">");
  assert_contains (asia, "<a class=\"pagination-next\" rel=\"next\" "
                         "href=\"/culture/countries/asia/page/2/\">");
  assert_contains (asia, "href=\"/culture/assets/style.css\"");
  assert_contains (asia, "<a class=\"site-title\" href=\"/culture/\">Small &lt;site&gt;</a>");

  page2 = mh_site_renderer_term (r, term, 2, &n_pages, &error);
  g_assert_no_error (error);
  assert_contains (page2, "<link rel=\"prev\" href=\"/culture/countries/asia/\">");
  assert_contains (page2, "<link rel=\"canonical\" href=\"https://example.org/culture/countries/"
                          "asia/page/2/\">");
  assert_contains (page2, "Article 1</a>");
  assert_lacks (page2, "rel=\"next\"");

  event = render_entry (r, mh_site_model_find_entry (model, "workshop"), NULL);
  assert_contains (event, "10 Jun 2024, 09:30 – 17:00 (Europe/Prague)");

  /* Body images are credited; a link to an entry that is not published is
   * reported and leads nowhere. */
  doors = render_entry (r, mh_site_model_find_entry (model, "doors"), problems);
  assert_page_basics (doors);
  assert_contains (doors, "alt=\"A red door\"");
  assert_contains (doors, "src=\"/culture/assets/door.");
  assert_contains (doors, "<li>A red door © Jana Nováková</li>");
  assert_contains (doors, "href=\"/culture/insights/article-3/#top\"");
  assert_lacks (doors, "entry:");
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "not-published"));
}

/* --- Hostile data -------------------------------------------------------------------- */

static const char hostile_site[] =
  "{\"format\": \"masthead-site\", \"version\": 1,"
  " \"site\": {\"title\": \"<script>alert('site')</script>\","
  "  \"base_url\": \"https://example.org/\","
  "  \"description\": \"\\\"><img src=x onerror=alert(1)>\"},"
  " \"vocabularies\": [{\"key\": \"themes\", \"name\": \"<b onmouseover=alert(2)>Themes</b>\","
  "   \"terms\": [{\"name\": \"<script>alert(3)</script>\", \"slug\": \"hostile\","
  "     \"description\": \"<script>alert(30)</script> [x](javascript:alert(31))\"}]}],"
  " \"organisations\": [{\"key\": \"evil\", \"name\": \"' onfocus='alert(4)\","
  "   \"url\": \"https://example.org/evil\"}],"
  " \"people\": [{\"key\": \"p\", \"family_name\": \"<svg onload=alert(6)>\","
  "   \"given_name\": \"\\\" autofocus onfocus=\\\"alert(7)\", \"job_title\": \"</p><script>\","
  "   \"organisation\": \"<img src=x onerror=alert(19)>\", \"public\": true}],"
  " \"entries\": [{\"kind\": \"event\", \"title\": \"</title><script>alert(8)</script>\","
  "   \"slug\": \"hostile\", \"status\": \"published\", \"date\": \"2024-06-10\","
  "   \"summary\": \"<iframe src=javascript:alert(9)>\","
  "   \"body\": \"[click](javascript:alert(10)) <script>alert(11)</script>\\n\\n"
  "<img src=x onerror=alert(12)>\\n\\n[data](data:text/html;base64,PHNjcmlwdD4=)\","
  "   \"website\": \"https://example.org/x\", \"cover_alt\": \"\\\" onerror=\\\"alert(14)\","
  "   \"authors\": [\"<script>alert(15)</script>\"], \"posted_by\": \"<b onclick=alert(20)>\","
  "   \"hashtags\": [\"<script>alert(21)</script>\"],"
  "   \"terms\": {\"themes\": [\"hostile\"]},"
  "   \"partners\": [{\"organisation\": \"evil\", \"relation\": \"funder\"}],"
  "   \"event\": {\"start\": \"2024-06-10\", \"venue\": \"<script>alert(16)</script>\","
  "     \"city\": \"\\\" onclick=\\\"alert(17)\", \"format\": \"<script>alert(23)</script>\","
  "     \"participants\": [{\"person\": \"p\", \"role\": \"<script>alert(18)</script>\","
  "       \"group\": \"<script>alert(24)</script>\"}],"
  "     \"programme\": [{\"start\": \"2024-06-10T09:00:00\", \"title\": \"<script>alert(25)\","
  "       \"venue\": \"<img src=x onerror=alert(26)>\"}]}},"
  "  {\"kind\": \"open_call\", \"title\": \"<script>alert(27)</script>\", \"slug\": \"call\","
  "   \"status\": \"published\", \"date\": \"2024-06-01\","
  "   \"website\": \"https://example.org/apply\","
  "   \"open_call\": {\"category\": \"<script>alert(28)</script>\", \"deadline\": \"2024-07-01\"}}]}";

static void
test_hostile (void)
{
  g_autoptr(MhSiteModel) model = NULL;
  g_autoptr(MhSiteRenderer) r = NULL;
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  MhModelTerm *term;

  mh_site_model_free (load_site_json ("hostile.masthead", hostile_site));
  /* The importer refuses such URLs; a file edited by other means may
   * still hold them. */
  sql_exec ("hostile.masthead",
            "UPDATE entries SET website = ' JavaScript:alert(13)';"
            "UPDATE organisations SET url = 'javascript:alert(5)'");
  model = reload ("hostile.masthead");
  r = mh_site_renderer_new (model, NULL, &error);
  g_assert_no_error (error);
  term = find_term (model, "themes", "hostile");

  for (guint i = 0; i < model->entries->len; i++)
    g_ptr_array_add (pages, render_entry (r, g_ptr_array_index (model->entries, i), NULL));
  g_ptr_array_add (pages, mh_site_renderer_home (r, &error));
  g_ptr_array_add (pages, mh_site_renderer_section (r, "events", 1, NULL, &error));
  g_ptr_array_add (pages, mh_site_renderer_term (r, term, 1, NULL, &error));
  g_ptr_array_add (pages, mh_site_renderer_vocabulary (r, term->vocabulary, &error));
  g_ptr_array_add (pages, mh_site_renderer_not_found (r, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < pages->len; i++)
    {
      assert_page_basics (g_ptr_array_index (pages, i));
      assert_harmless ("a page", g_ptr_array_index (pages, i));
    }
  /* The strings are shown, as text. */
  assert_contains (g_ptr_array_index (pages, 0), "&lt;/title&gt;&lt;script&gt;alert(8)");
  assert_lacks (g_ptr_array_index (pages, 0), "<dt>Website</dt>");

  g_ptr_array_add (pages, mh_site_feed_atom (model));
  assert_harmless ("feed.xml", g_ptr_array_index (pages, pages->len - 1));
  g_ptr_array_add (pages, mh_site_feed_json (model));
  assert_lacks (g_ptr_array_index (pages, pages->len - 1), "<");
  g_ptr_array_add (pages, mh_site_search_index (model));
  assert_lacks (g_ptr_array_index (pages, pages->len - 1), "<");
  g_ptr_array_add (pages, mh_site_event_ics (model, mh_site_model_find_entry (model, "hostile")));
  assert_lacks (g_ptr_array_index (pages, pages->len - 1), "\nURL:javascript");
}

/* --- Feeds and calendar files ---------------------------------------------------------- */

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static MhModelEntry *
newest_in_feed (void)
{
  for (guint i = 0; i < demo->entries->len; i++)
    {
      MhModelEntry *e = g_ptr_array_index (demo->entries, i);

      if (e->kind != MH_ENTRY_KIND_PAGE)
        return e;
    }
  g_assert_not_reached ();
}

static void
test_feeds (void)
{
  g_autofree char *atom = mh_site_feed_atom (demo);
  g_autofree char *feed = mh_site_feed_json (demo);
  g_autofree char *search = mh_site_search_index (demo);
  g_autofree char *robots = mh_site_robots (demo);
  g_autoptr(JsonNode) feed_root = parse_json (feed);
  g_autoptr(JsonNode) search_root = parse_json (search);
  JsonObject *object = json_node_get_object (feed_root);
  JsonArray *items = json_object_get_array_member (object, "items");
  JsonObject *first = json_array_get_object_element (items, 0);
  MhModelEntry *newest = newest_in_feed ();
  g_autofree char *first_id = g_strconcat ("urn:uuid:", newest->uuid, NULL);

  /* Atom: well-formed enough to count, absolute, deterministic. */
  g_assert_true (g_str_has_prefix (atom, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                                         "<feed xmlns=\"http://www.w3.org/2005/Atom\""));
  g_assert_true (g_str_has_suffix (atom, "</feed>\n"));
  g_assert_cmpuint (count (atom, "<entry>"), ==, count (atom, "</entry>"));
  g_assert_cmpuint (count (atom, "<entry>"), ==, demo->entries->len - 1);   /* not “About” */
  assert_contains (atom, "<link rel=\"self\" type=\"application/atom+xml\" "
                         "href=\"https://example.org/feed.xml\"/>");
  assert_contains (atom, first_id);
  assert_contains (atom, "<published>2024-09-12T00:00:00Z</published>");
  assert_lacks (atom, "href=\"/");

  g_assert_cmpstr (json_object_get_string_member (object, "version"), ==,
                   "https://jsonfeed.org/version/1.1");
  g_assert_cmpstr (json_object_get_string_member (object, "feed_url"), ==,
                   "https://example.org/feed.json");
  g_assert_cmpuint (json_array_get_length (items), ==, demo->entries->len - 1);
  g_assert_cmpstr (json_object_get_string_member (first, "id"), ==, first_id);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (first, "url"),
                                   "https://example.org/"));
  g_assert_true (g_str_has_suffix (json_object_get_string_member (first, "date_published"), "Z"));
  g_assert_true (json_object_has_member (first, "content_html"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (first, "tags")), >, 0);
  /* No raw “<” even in content_html, so the file is safe to inline. */
  assert_lacks (feed, "<");

  g_assert_cmpuint (json_array_get_length (json_node_get_array (search_root)), ==,
                    demo->entries->len);
  assert_contains (search, "\"url\":\"/events/asef-linkup-2024-prague/\"");
  assert_contains (search, "\"kind\":\"open_call\"");

  g_assert_cmpstr (robots, ==, "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\n");
}

static void
test_sitemap (void)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  g_autofree char *xml = NULL;

  g_ptr_array_add (paths, "index.html");
  g_ptr_array_add (paths, "events/asef-linkup-2024-prague/index.html");
  g_ptr_array_add (paths, "events/asef-linkup-2024-prague/");
  g_ptr_array_add (paths, "404.html");
  xml = mh_site_sitemap (demo, paths);

  g_assert_true (g_str_has_prefix (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset "));
  g_assert_cmpuint (count (xml, "<url>"), ==, 2);
  assert_contains (xml, "<loc>https://example.org/</loc>");
  assert_contains (xml, "<loc>https://example.org/events/asef-linkup-2024-prague/</loc>\n"
                        "    <lastmod>");
  assert_lacks (xml, "404");
}

/* Every line ends in CRLF, none is longer than 75 octets or splits a
 * UTF-8 sequence; returns the calendar unfolded. */
static char *
check_ics_lines (const char *ics)
{
  g_auto(GStrv) lines = NULL;
  GString *unfolded = g_string_new (NULL);
  g_autofree char *stripped = NULL;

  g_assert_true (g_str_has_suffix (ics, "\r\n"));
  for (const char *p = ics; (p = strchr (p, '\n')) != NULL; p++)
    g_assert_true (p > ics && p[-1] == '\r');
  stripped = g_strndup (ics, strlen (ics) - 2);
  lines = g_strsplit (stripped, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
      if (lines[i][0] == ' ')
        g_string_append (unfolded, lines[i] + 1);
      else
        {
          if (i > 0)
            g_string_append_c (unfolded, '\n');
          g_string_append (unfolded, lines[i]);
        }
    }
  return g_string_free (unfolded, FALSE);
}

static void
test_ics_all_day (void)
{
  g_autofree char *ics = mh_site_event_ics (demo, demo_entry ("asef-linkup-2024-prague"));
  g_autofree char *text = check_ics_lines (ics);
  MhModelEntry *event = demo_entry ("asef-linkup-2024-prague");
  g_autofree char *uid = g_strdup_printf ("\nUID:%s@example.org\n", event->uuid);

  g_assert_true (g_str_has_prefix (ics, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
  g_assert_true (g_str_has_suffix (ics, "END:VEVENT\r\nEND:VCALENDAR\r\n"));
  assert_contains (text, "\nDTSTART;VALUE=DATE:20240610\n");
  assert_contains (text, "\nDTEND;VALUE=DATE:20240614\n");
  assert_contains (text, uid);
  assert_contains (text, "\nDTSTAMP:");
  assert_contains (text, "\nSUMMARY:ASEF LinkUp | Asia-Europe Cultural Diplomacy Lab 2024 | Prague\n");
  assert_contains (text, "\nLOCATION:Riverside rehearsal studios\\, a converted factory in "
                         "Holešovice (sample venue)\\, Prague\\, Czech Republic\n");
  assert_contains (text, "\nURL:https://example.org/events/asef-linkup-2024-prague/\n");
  assert_lacks (text, "VTIMEZONE");
}

static void
test_ics_timed (void)
{
  g_autoptr(MhSiteModel) model = small_site ();
  MhModelEntry *event = mh_site_model_find_entry (model, "workshop");
  g_autofree char *ics = mh_site_event_ics (model, event);
  g_autofree char *text = check_ics_lines (ics);
  static const char * const zone[] = {
    "BEGIN:VTIMEZONE\nTZID:Europe/Prague\n",
    /* 2024's switch to summer time: 02:00 local, 01:00 UTC */
    "BEGIN:DAYLIGHT\nDTSTART:20240331T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200\n"
    "TZNAME:CEST\nEND:DAYLIGHT\n",
    "BEGIN:STANDARD\nDTSTART:20241027T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\n"
    "TZNAME:CET\nEND:STANDARD\n",
    "END:VTIMEZONE\nBEGIN:VEVENT\n",
    "\nDTSTART;TZID=Europe/Prague:20240610T093000\n",
    "DTEND;TZID=Europe/Prague:20240610T170000\n",
    NULL
  };

  assert_in_order (text, zone);
  /* Folded, and whole again once unfolded. */
  assert_contains (ics, "\r\n ");
  assert_contains (text, "\nSUMMARY:A timed workshop with a very long title that goes on and "
                         "on\\, in Čeština and 日本語\\, until it must be folded\n");
  assert_contains (text, "\nDESCRIPTION:Line one\\;\\nline\\, two\n");
}

/* --- Themes ----------------------------------------------------------------- */

static void
write_file (const char *folder,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static void
test_theme_override (void)
{
  g_autofree char *theme = g_build_filename (dir, "theme", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken-theme", NULL);
  g_autoptr(MhSiteRenderer) custom = NULL;
  g_autoptr(MhSiteRenderer) failed = NULL;
  g_autoptr(GBytes) css = NULL;
  g_autoptr(GBytes) default_css = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *default_fingerprint = mh_site_renderer_theme_fingerprint (renderer);

  g_mkdir_with_parents (theme, 0755);
  g_mkdir_with_parents (broken, 0755);
  write_file (theme, "style.css", "body { color: rebeccapurple; }\n");
  write_file (theme, "similar.html", "<p class=\"custom-similar\">{{similar}}</p>\n");
  write_file (broken, "card.html", "{{if title}}never closed");

  custom = mh_site_renderer_new (demo, theme, &error);
  g_assert_no_error (error);
  css = mh_site_renderer_stylesheet (custom, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_bytes_get_data (css, NULL), ==, "body { color: rebeccapurple; }\n");
  default_css = mh_site_renderer_stylesheet (renderer, &error);
  g_assert_cmpuint (g_bytes_get_size (default_css), >, 1000);

  /* An included partial is overridden too. */
  html = render_entry (custom, demo_entry ("asef-linkup-2024-prague"), NULL);
  assert_contains (html, "<p class=\"custom-similar\">");

  fingerprint = mh_site_renderer_theme_fingerprint (custom);
  g_assert_cmpuint (strlen (fingerprint), ==, 64);
  g_assert_cmpstr (fingerprint, !=, default_fingerprint);
  g_clear_pointer (&fingerprint, g_free);
  g_clear_pointer (&custom, mh_site_renderer_free);
  custom = mh_site_renderer_new (demo, NULL, &error);
  fingerprint = mh_site_renderer_theme_fingerprint (custom);
  g_assert_cmpstr (fingerprint, ==, default_fingerprint);

  failed = mh_site_renderer_new (demo, broken, &error);
  g_assert_null (failed);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "card.html"));
}

static void
test_dates (void)
{
  g_autofree char *a = mh_site_format_date ("2024-06-10");
  g_autofree char *b = mh_site_format_date ("2024-05-03T09:30:00");
  g_autofree char *c = mh_site_format_date ("2024-02-30");
  g_autofree char *s1 = mh_site_format_size (900);
  g_autofree char *s2 = mh_site_format_size (312 * 1024);
  g_autofree char *s3 = mh_site_format_size (2516582);

  g_assert_cmpstr (a, ==, "10 Jun 2024");
  g_assert_cmpstr (b, ==, "3 May 2024");
  g_assert_null (c);
  g_assert_cmpstr (s1, ==, "900 bytes");
  g_assert_cmpstr (s2, ==, "312 KB");
  g_assert_cmpstr (s3, ==, "2.4 MB");
}

/* --- Main ------------------------------------------------------------------------------- */

static void
setup_demo (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  dir = mh_test_make_tmp_dir ();
  path = g_build_filename (dir, "demo.masthead", NULL);
  mh_demo_create (path, FALSE, &error);
  g_assert_no_error (error);
  demo = mh_site_model_load (path, NULL, &error);
  g_assert_no_error (error);
  renderer = mh_site_renderer_new (demo, NULL, &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  setup_demo ();

  g_test_add_func ("/mh/site-render/dates", test_dates);
  g_test_add_func ("/mh/site-render/event", test_event);
  g_test_add_func ("/mh/site-render/report", test_report);
  g_test_add_func ("/mh/site-render/open-call", test_open_call);
  g_test_add_func ("/mh/site-render/article", test_article);
  g_test_add_func ("/mh/site-render/page", test_page);
  g_test_add_func ("/mh/site-render/every-entry", test_every_entry);
  g_test_add_func ("/mh/site-render/home", test_home);
  g_test_add_func ("/mh/site-render/section", test_section);
  g_test_add_func ("/mh/site-render/term-and-vocabulary", test_term_and_vocabulary);
  g_test_add_func ("/mh/site-render/not-found-and-redirect", test_not_found_and_redirect);
  g_test_add_func ("/mh/site-render/small-site", test_small_site);
  g_test_add_func ("/mh/site-render/markup-detector", test_markup_detector);
  g_test_add_func ("/mh/site-render/hostile", test_hostile);
  g_test_add_func ("/mh/site-render/feeds", test_feeds);
  g_test_add_func ("/mh/site-render/sitemap", test_sitemap);
  g_test_add_func ("/mh/site-render/ics-all-day", test_ics_all_day);
  g_test_add_func ("/mh/site-render/ics-timed", test_ics_timed);
  g_test_add_func ("/mh/site-render/theme-override", test_theme_override);

  ret = g_test_run ();

  g_clear_pointer (&renderer, mh_site_renderer_free);
  g_clear_pointer (&demo, mh_site_model_free);
  mh_test_rm_rf (dir);
  g_free (dir);
  return ret;
}
