/* test-markdown.c: rendering (golden files), problems, references
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "mh-markdown.h"

/* Golden files: tests/data/markdown/NAME.md is rendered and compared with
 * NAME.html. A name containing "-unsafe" renders with allow_raw_html, one
 * containing "-sourcepos" with source positions. The context is NAME, so
 * problems read "NAME: line N: …"; the ones expected are listed below
 * (none for a file not listed). Run with MH_UPDATE_GOLDEN=1 to rewrite the
 * .html files after a deliberate change, and read the diff. */

typedef struct
{
  const char *name;
  const char *problems[8];
} GoldenProblems;

static const GoldenProblems golden_problems[] = {
  {
    "links", {
      "links: line 6: link to the entry “gone”, which does not exist",
      "links: line 10: link to the entry “missing”, which does not exist",
      "links: line 11: link to the entry “Known”, which does not exist",
      "links: line 12: link to the asset “missing.pdf”, which does not exist",
      "links: line 21: image uses the asset “missing.png”, which does not exist",
      "links: line 25: link to the entry “nowhere”, which does not exist",
      "links: line 31: link to the entry “”, which does not exist",
      NULL,
    }
  },
  {
    "headings", {
      "headings: line 35: link to the entry “missing”, which does not exist",
      NULL,
    }
  },
  {
    "report-sourcepos", {
      "report-sourcepos: line 14: image uses the asset “map.png”, which does not exist",
      NULL,
    }
  },
};

/* The site of the tests: one report, one page, two assets. */
static char *
fake_resolve (MhMarkdownRefKind  kind,
              const char        *target,
              gpointer           user_data)
{
  if (kind == MH_MARKDOWN_REF_ENTRY && g_str_equal (target, "known"))
    return g_strdup ("/reports/known/");
  if (kind == MH_MARKDOWN_REF_ENTRY && g_str_equal (target, "über-uns"))
    return g_strdup ("/pages/über-uns/");
  if (kind == MH_MARKDOWN_REF_ASSET && g_str_equal (target, "logo.svg"))
    return g_strdup ("/assets/logo-abc123.svg");
  if (kind == MH_MARKDOWN_REF_ASSET && g_str_equal (target, "report.pdf"))
    return g_strdup ("/assets/report-def456.pdf");
  /* A resolver bug must not become a script link. */
  if (kind == MH_MARKDOWN_REF_ENTRY && g_str_equal (target, "evil-resolver"))
    return g_strdup ("javascript:alert(1)");
  return NULL;
}

static char *
golden_path (const char *name,
             const char *suffix)
{
  g_autofree char *file = g_strconcat (name, suffix, NULL);

  return g_test_build_filename (G_TEST_DIST, "data", "markdown", file, NULL);
}

static const char * const *
expected_problems (const char *name)
{
  static const char * const none[] = { NULL };

  for (guint i = 0; i < G_N_ELEMENTS (golden_problems); i++)
    {
      if (g_str_equal (golden_problems[i].name, name))
        return golden_problems[i].problems;
    }
  return none;
}

static void
assert_problems (GPtrArray          *problems,
                 const char * const *expected)
{
  guint n = g_strv_length ((char **) expected);

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (g_ptr_array_index (problems, i), ==, expected[i]);
}

static void
test_golden (gconstpointer data)
{
  const char *name = data;
  g_autofree char *md_path = golden_path (name, ".md");
  g_autofree char *html_path = golden_path (name, ".html");
  g_autofree char *markdown = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *html = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  MhMarkdownOptions options = { 0 };

  g_assert_true (g_file_get_contents (md_path, &markdown, NULL, &error));
  g_assert_no_error (error);
  options.allow_raw_html = strstr (name, "-unsafe") != NULL;
  options.sourcepos = strstr (name, "-sourcepos") != NULL;
  options.resolve = fake_resolve;
  options.context = name;

  html = mh_markdown_render (markdown, &options, problems);
  if (g_getenv ("MH_UPDATE_GOLDEN") != NULL)
    g_assert_true (g_file_set_contents (html_path, html, -1, &error));
  g_assert_true (g_file_get_contents (html_path, &expected, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (html, ==, expected);
  assert_problems (problems, expected_problems (name));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
golden_names (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "markdown", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *file;

  while (dir != NULL && (file = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (file, ".md"))
        g_ptr_array_add (names, g_strndup (file, strlen (file) - 3));
    }
  g_ptr_array_sort (names, compare_names);
  return names;
}

static char *
render (const char *markdown,
        GPtrArray  *problems)
{
  MhMarkdownOptions options = { .resolve = fake_resolve };

  return mh_markdown_render (markdown, &options, problems);
}

/* Every golden input has its output, and there are enough of them. */
static void
test_golden_complete (void)
{
  g_autoptr(GPtrArray) names = golden_names ();

  g_assert_cmpuint (names->len, >=, 8);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *html_path = golden_path (g_ptr_array_index (names, i), ".html");

      g_assert_true (g_file_test (html_path, G_FILE_TEST_IS_REGULAR));
    }
  for (guint i = 0; i < G_N_ELEMENTS (golden_problems); i++)
    g_assert_true (g_ptr_array_find_with_equal_func (names, golden_problems[i].name,
                                                     g_str_equal, NULL));
}

/* Problems */

static void
test_problem_messages (void)
{
  static const char *markdown =
    "[a](entry:no-entry) ![b](asset:no-image.png)\n"
    "[c](asset:no-file.pdf) ![d](entry:no-page)\n";
  static const char * const with_context[] = {
    "reports/seoul: line 1: link to the entry “no-entry”, which does not exist",
    "reports/seoul: line 1: image uses the asset “no-image.png”, which does not exist",
    "reports/seoul: line 2: link to the asset “no-file.pdf”, which does not exist",
    "reports/seoul: line 2: image uses the entry “no-page”, which does not exist",
    NULL,
  };
  static const char * const without_context[] = {
    "line 1: link to the entry “no-entry”, which does not exist",
    "line 1: image uses the asset “no-image.png”, which does not exist",
    "line 2: link to the asset “no-file.pdf”, which does not exist",
    "line 2: image uses the entry “no-page”, which does not exist",
    NULL,
  };
  g_autoptr(GPtrArray) first = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) second = g_ptr_array_new_with_free_func (g_free);
  MhMarkdownOptions options = { .resolve = fake_resolve, .context = "reports/seoul" };
  g_autofree char *html = mh_markdown_render (markdown, &options, first);
  g_autofree char *html2 = render (markdown, second);

  assert_problems (first, with_context);
  assert_problems (second, without_context);
  g_assert_cmpstr (html, ==, html2);
  g_assert_cmpstr (html, ==,
                   "<p><span class=\"broken-link\">a</span> "
                   "<span class=\"broken-image\">b</span>\n"
                   "<span class=\"broken-link\">c</span> "
                   "<span class=\"broken-image\">d</span></p>\n");
}

/* The same lines as mh_markdown_find_references(), wherever the link is. */
static void
test_problem_lines (void)
{
  static const char *markdown =
    "# Heading [h](entry:h1)\n"
    "\n"
    "> quoted [q](entry:q3)\n"
    "> second line [q](entry:q4)\n"
    "\n"
    "- item\n"
    "  continued [l](entry:l7)\n"
    "\n"
    "  1. nested ![n](asset:n9.png)\n"
    "\n"
    "Setext [s](entry:s11)\n"
    "---\n"
    "\n"
    "A *long\n"
    "emphasis [e](entry:e15)* and `code`\n"
    "[r][ref] and <entry:auto16>\n"
    "\n"
    "[ref]: entry:ref18\n";
  static const char * const expected[] = {
    "line 1: link to the entry “h1”, which does not exist",
    "line 3: link to the entry “q3”, which does not exist",
    "line 4: link to the entry “q4”, which does not exist",
    "line 7: link to the entry “l7”, which does not exist",
    "line 9: image uses the asset “n9.png”, which does not exist",
    "line 11: link to the entry “s11”, which does not exist",
    "line 15: link to the entry “e15”, which does not exist",
    "line 16: link to the entry “ref18”, which does not exist",
    "line 16: link to the entry “auto16”, which does not exist",
    NULL,
  };
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) refs = mh_markdown_find_references (markdown);
  g_autofree char *html = render (markdown, problems);

  assert_problems (problems, expected);
  g_assert_cmpuint (refs->len, ==, problems->len);
  for (guint i = 0; i < refs->len; i++)
    {
      MhMarkdownRef *ref = g_ptr_array_index (refs, i);
      g_autofree char *line = g_strdup_printf ("line %d: ", ref->line);

      g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, i), line));
      g_assert_nonnull (strstr (g_ptr_array_index (problems, i), ref->target));
    }
}

static void
test_no_resolver (void)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  MhMarkdownOptions options = { .context = "x" };
  g_autofree char *html = NULL;
  g_autofree char *html_no_problems = NULL;

  html = mh_markdown_render ("[k](entry:known) ![l](asset:logo.svg) [w](https://example.org/)\n",
                             &options, problems);
  g_assert_cmpstr (html, ==,
                   "<p><span class=\"broken-link\">k</span> "
                   "<span class=\"broken-image\">l</span> "
                   "<a href=\"https://example.org/\">w</a></p>\n");
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==,
                   "x: line 1: link to the entry “known”, which does not exist");

  /* problems may be NULL, options too */
  html_no_problems = mh_markdown_render ("[k](entry:known)\n", NULL, NULL);
  g_assert_cmpstr (html_no_problems, ==, "<p><span class=\"broken-link\">k</span></p>\n");
}

/* Ids */

static void
test_many_equal_headings (void)
{
  g_autoptr(GString) markdown = g_string_new ("# Same 2\n\n");
  g_autoptr(GString) expected = g_string_new ("<h1 id=\"same-2\">Same 2</h1>\n");
  g_autofree char *html = NULL;
  gint64 start;

  for (guint i = 1; i <= 1000; i++)
    {
      g_string_append (markdown, "## Same\n");
      if (i == 1)
        g_string_append (expected, "<h2 id=\"same\">Same</h2>\n");
      else
        g_string_append_printf (expected, "<h2 id=\"same-%u\">Same</h2>\n", i + (i >= 2));
    }
  start = g_get_monotonic_time ();
  html = render (markdown->str, NULL);
  g_test_message ("1000 equal headings: %" G_GINT64_FORMAT " µs", g_get_monotonic_time () - start);
  g_assert_cmpstr (html, ==, expected->str);
}

static void
test_heading_ids_unique (void)
{
  g_autofree char *html = render ("# A\n# a\n# A-2\n# A\n# !!!\n#\n# Section\n", NULL);

  g_assert_cmpstr (html, ==,
                   "<h1 id=\"a\">A</h1>\n"
                   "<h1 id=\"a-2\">a</h1>\n"
                   "<h1 id=\"a-2-2\">A-2</h1>\n"
                   "<h1 id=\"a-3\">A</h1>\n"
                   "<h1 id=\"section\">!!!</h1>\n"
                   "<h1 id=\"section-2\"></h1>\n"
                   "<h1 id=\"section-3\">Section</h1>\n");
}

/* Hostile input */

static gboolean
html_is_balanced (const char *html)
{
  /* Cheap structure check: every <hN opens and closes in order. */
  int depth = 0;

  for (const char *p = html; (p = strstr (p, "<")) != NULL; p++)
    {
      if (p[1] == 'h' && g_ascii_isdigit (p[2]))
        depth++;
      else if (p[1] == '/' && p[2] == 'h' && g_ascii_isdigit (p[3]))
        depth--;
      if (depth < 0 || depth > 1)
        return FALSE;
    }
  return depth == 0;
}

static void
test_big_body (void)
{
  g_autoptr(GString) markdown = g_string_new (NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *html = NULL;
  gint64 start;
  guint i;

  for (i = 0; markdown->len < 1024 * 1024; i++)
    g_string_append_printf (markdown,
                            "## Section %u & more\n\n"
                            "Text with *emphasis*, [a link](entry:known), [broken](entry:x%u)\n"
                            "and ![logo](asset:logo.svg) <b>raw</b> `code <i>`.\n\n"
                            "> - quoted item [js](javascript:alert(%u))\n\n",
                            i % 100, i, i);
  start = g_get_monotonic_time ();
  html = render (markdown->str, problems);
  g_test_message ("%u bytes rendered in %" G_GINT64_FORMAT " µs",
                  (guint) markdown->len, g_get_monotonic_time () - start);
  g_assert_cmpuint (problems->len, ==, i);
  g_assert_true (g_utf8_validate (html, -1, NULL));
  g_assert_null (strstr (html, "javascript:"));
  g_assert_null (strstr (html, "<b>"));
  g_assert_null (strstr (html, "<i>"));
  g_assert_nonnull (strstr (html, "<h2 id=\"section-99-more-10\">"));
  g_assert_true (html_is_balanced (html));
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) markdown = g_string_new (NULL);
  g_autofree char *html = NULL;

  for (guint i = 0; i < 20000; i++)
    g_string_append (markdown, "> ");
  g_string_append (markdown, "# deep [x](entry:known)\n\n");
  for (guint i = 0; i < 20000; i++)
    g_string_append (markdown, "- ");
  g_string_append (markdown, "item\n\n");
  for (guint i = 0; i < 20000; i++)
    g_string_append (markdown, "*a ");
  g_string_append (markdown, "\n\n");
  for (guint i = 0; i < 5000; i++)
    g_string_append (markdown, "[");
  g_string_append (markdown, "x](entry:known)\n");

  html = render (markdown->str, NULL);
  g_assert_nonnull (strstr (html, "<h1 id=\"deep-x\">deep <a href=\"/reports/known/\">x</a></h1>"));
  g_assert_true (g_utf8_validate (html, -1, NULL));
  g_assert_true (html_is_balanced (html));
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *html = render ("# bad \xff\xfe heading\n\n[x\xc3](entry:no\xe2\x82) "
                                  "[y](entry:%FF%FE)\n", problems);

  g_assert_true (g_utf8_validate (html, -1, NULL));
  g_assert_cmpstr (html, ==,
                   "<h1 id=\"bad-heading\">bad \xef\xbf\xbd\xef\xbf\xbd heading</h1>\n"
                   "<p><span class=\"broken-link\">x\xef\xbf\xbd</span> "
                   "<span class=\"broken-link\">y</span></p>\n");
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==,
                   "line 3: link to the entry “no\xef\xbf\xbd”, which does not exist");
  g_assert_cmpstr (g_ptr_array_index (problems, 1), ==,
                   "line 3: link to the entry “\xef\xbf\xbd\xef\xbf\xbd”, which does not exist");
}

static void
test_edge_inputs (void)
{
  g_autofree char *null_html = render (NULL, NULL);
  g_autofree char *empty_html = render ("", NULL);
  g_autofree char *once = render ("# A\n\n[x](entry:known)\n# A\n", NULL);
  g_autofree char *twice = render ("# A\n\n[x](entry:known)\n# A\n", NULL);
  g_autofree char *control = render ("a\x01" "b\x7f" "c\r\nd\re\n", NULL);

  g_assert_cmpstr (null_html, ==, "");
  g_assert_cmpstr (empty_html, ==, "");
  g_assert_cmpstr (once, ==, twice);
  g_assert_cmpstr (control, ==, "<p>a\x01" "b\x7f" "c\nd\ne</p>\n");
}

/* mh_markdown_find_references(), unchanged by the renderer's arrival */

static void
test_find_references (void)
{
  g_autoptr(GPtrArray) refs = mh_markdown_find_references (
    "# Title\n\nSee [the report](entry:the-report) and\n[a page](https://example.org/).\n\n"
    "![Logo](asset:logo.svg)\n\n- [x](entry:other%2Dslug)\n\n"
    "[bad escape](entry:50%) [ref][r] <asset:auto.pdf> [code](`entry:no`)\n\n"
    "`[not](entry:a-link)`\n\n    [indented](entry:code-block)\n\n[r]: entry:by-ref\n");
  static const struct { MhMarkdownRefKind kind; const char *target; int line; } expected[] = {
    { MH_MARKDOWN_REF_ENTRY, "the-report", 3 },
    { MH_MARKDOWN_REF_ASSET, "logo.svg", 6 },
    { MH_MARKDOWN_REF_ENTRY, "other-slug", 8 },
    { MH_MARKDOWN_REF_ENTRY, "50%", 10 },
    { MH_MARKDOWN_REF_ENTRY, "by-ref", 10 },
    { MH_MARKDOWN_REF_ASSET, "auto.pdf", 10 },
  };
  g_autoptr(GPtrArray) none = mh_markdown_find_references (NULL);
  g_autoptr(GPtrArray) empty = mh_markdown_find_references ("no links here\n");

  g_assert_cmpuint (refs->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < refs->len; i++)
    {
      MhMarkdownRef *ref = g_ptr_array_index (refs, i);

      g_assert_cmpint (ref->kind, ==, expected[i].kind);
      g_assert_cmpstr (ref->target, ==, expected[i].target);
      g_assert_cmpint (ref->line, ==, expected[i].line);
    }
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (empty->len, ==, 0);
  mh_markdown_ref_free (NULL);
}

/* meson test sets G_TEST_SRCDIR. Run by hand (under valgrind, say), the
 * golden files are found from this file's name as the compiler saw it:
 * relative to the build root, which is one level above this program. */
static void
default_srcdir (const char *argv0)
{
  g_autofree char *exe_dir = g_path_get_dirname (argv0);
  g_autofree char *src_dir = g_path_get_dirname (__FILE__);
  g_autofree char *path = NULL;

  if (g_path_is_absolute (src_dir))
    path = g_strdup (src_dir);
  else
    path = g_build_filename (exe_dir, "..", src_dir, NULL);
  g_setenv ("G_TEST_SRCDIR", path, FALSE);
}

static void
test_to_commonmark (void)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *md = mh_markdown_to_commonmark (
    "# Title\n\nSee [r](entry:known) and ![l](asset:logo.svg).\n\n"
    "[b](entry:nope) [j](javascript:alert(1)) [w](https://example.org/)\n",
    fake_resolve, NULL, problems);

  g_assert_nonnull (strstr (md, "# Title"));
  g_assert_nonnull (strstr (md, "[r](/reports/known/)"));
  g_assert_nonnull (strstr (md, "![l](/assets/logo-abc123.svg)"));
  g_assert_nonnull (strstr (md, "[b]()"));
  g_assert_nonnull (strstr (md, "[j]()"));
  g_assert_nonnull (strstr (md, "[w](https://example.org/)"));
  g_assert_null (strstr (md, "javascript"));
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==,
                   "line 5: link to the entry “nope”, which does not exist");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) names = NULL;

  default_srcdir (argv[0]);
  g_test_init (&argc, &argv, NULL);

  names = golden_names ();
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_strdup_printf ("/mh/markdown/golden/%s",
                                               (char *) g_ptr_array_index (names, i));

      g_test_add_data_func (path, g_ptr_array_index (names, i), test_golden);
    }
  g_test_add_func ("/mh/markdown/golden-complete", test_golden_complete);
  g_test_add_func ("/mh/markdown/to-commonmark", test_to_commonmark);
  g_test_add_func ("/mh/markdown/problems/messages", test_problem_messages);
  g_test_add_func ("/mh/markdown/problems/lines", test_problem_lines);
  g_test_add_func ("/mh/markdown/problems/no-resolver", test_no_resolver);
  g_test_add_func ("/mh/markdown/ids/unique", test_heading_ids_unique);
  g_test_add_func ("/mh/markdown/ids/thousand-equal", test_many_equal_headings);
  g_test_add_func ("/mh/markdown/hostile/big-body", test_big_body);
  g_test_add_func ("/mh/markdown/hostile/deep-nesting", test_deep_nesting);
  g_test_add_func ("/mh/markdown/hostile/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/mh/markdown/hostile/edge-inputs", test_edge_inputs);
  g_test_add_func ("/mh/markdown/find-references", test_find_references);

  return g_test_run ();
}
