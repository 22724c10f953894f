/* test-escape.c: the escapers, with exact cases and a hostile corpus
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "mh-escape.h"

/* Exact outputs */

typedef struct
{
  const char *input;
  const char *expected;
} Case;

typedef char *(*EscapeFunc) (const char *text);

static void
check_cases (EscapeFunc  func,
             const Case *cases,
             gsize       n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autofree char *out = func (cases[i].input);

      g_assert_cmpstr (out, ==, cases[i].expected);
    }
}

static void
test_html_exact (void)
{
  static const Case cases[] = {
    { NULL, "" },
    { "", "" },
    { "plain text", "plain text" },
    { "a & b < c > d \" e ' f", "a &amp; b &lt; c &gt; d &quot; e &#39; f" },
    { "&amp;", "&amp;amp;" },
    { "Über «uns» 日本", "Über «uns» 日本" },
    { "bad \xff byte", "bad \xef\xbf\xbd byte" },
    { "\xc3", "\xef\xbf\xbd" },
  };
  g_autoptr(GString) out = g_string_new ("<p>");

  check_cases (mh_escape_html, cases, G_N_ELEMENTS (cases));
  mh_escape_html_append (out, "a<b");
  mh_escape_html_append (out, NULL);
  g_assert_cmpstr (out->str, ==, "<p>a&lt;b");
}

static void
test_xml_exact (void)
{
  static const Case cases[] = {
    { NULL, "" },
    { "<a href='x'>&\"", "&lt;a href=&#39;x&#39;&gt;&amp;&quot;" },
    { "tab\tlf\ncr\r", "tab\tlf\ncr\r" },
    { "\x01\x02\x08\x0b\x0c\x1b\x1f" "kept\x7f", "kept\x7f" },
    { "a\xef\xbf\xbe" "b\xef\xbf\xbf" "c\xef\xbf\xbd", "abc\xef\xbf\xbd" },
    { "\xf0\x9f\x8e\xad mask", "\xf0\x9f\x8e\xad mask" },
    { "\xfe\xff", "\xef\xbf\xbd\xef\xbf\xbd" },
  };

  check_cases (mh_escape_xml, cases, G_N_ELEMENTS (cases));
}

static void
test_json_exact (void)
{
  static const Case cases[] = {
    { NULL, "\"\"" },
    { "a\"b\\c", "\"a\\\"b\\\\c\"" },
    { "l1\nl2\r\tx\x01\x1f", "\"l1\\nl2\\r\\tx\\u0001\\u001f\"" },
    { "</script><!--&", "\"\\u003c/script\\u003e\\u003c!--\\u0026\"" },
    { "a\xe2\x80\xa8" "b\xe2\x80\xa9", "\"a\\u2028b\\u2029\"" },
    { "Über 日本 \xf0\x9f\x8e\xad", "\"Über 日本 \xf0\x9f\x8e\xad\"" },
    { "x\xff", "\"x\xef\xbf\xbd\"" },
  };

  check_cases (mh_escape_json_string, cases, G_N_ELEMENTS (cases));
}

static void
test_yaml_exact (void)
{
  static const Case cases[] = {
    { NULL, "\"\"" },
    { "plain", "\"plain\"" },
    { "say \"hi\" \\o/", "\"say \\\"hi\\\" \\\\o/\"" },
    { "---\nfoo: bar", "\"---\\nfoo: bar\"" },
    { "a\tb\rc", "\"a\\tb\\rc\"" },
    { "\x01\x1b\x7f", "\"\\x01\\x1B\\x7F\"" },
    { "nel\xc2\x85" "c1\xc2\x9f" "nbsp\xc2\xa0", "\"nel\\x85c1\\x9Fnbsp\xc2\xa0\"" },
    { "\xe2\x80\xa8\xe2\x80\xa9\xef\xbb\xbf", "\"\\u2028\\u2029\\uFEFF\"" },
    { "{{ .Site }} # not a comment: 'x'", "\"{{ .Site }} # not a comment: 'x'\"" },
    { "\xff", "\"\xef\xbf\xbd\"" },
  };

  check_cases (mh_escape_yaml_string, cases, G_N_ELEMENTS (cases));
}

static void
test_ics_exact (void)
{
  static const Case cases[] = {
    { NULL, "" },
    { "Concert; Seoul, Korea", "Concert\\; Seoul\\, Korea" },
    { "back\\slash", "back\\\\slash" },
    { "a\nb\r\nc\rd", "a\\nb\\nc\\nd" },
    { "\n\n", "\\n\\n" },
    { "tab\tkept, bell\x07 and del\x7f dropped", "tab\tkept\\, bell and del dropped" },
    { "colon: \"quoted\"", "colon: \"quoted\"" },
    { "\xc3\x28", "\xef\xbf\xbd(" },
  };

  check_cases (mh_escape_ics_text, cases, G_N_ELEMENTS (cases));
}

static void
test_heading_id (void)
{
  static const Case cases[] = {
    { "Über uns", "über-uns" },
    { "日本の文化", "日本の文化" },
    { "Principles & values", "principles-values" },
    { "  Lead -- and -- trail!  ", "lead-and-trail" },
    { "snake_case and kebab-case", "snake-case-and-kebab-case" },
    { "Version 2.0", "version-2-0" },
    { "!!!", "section" },
    { "", "section" },
    { NULL, "section" },
    { "\xf0\x9f\x8e\x89 Party \xf0\x9f\x8e\x89", "party" },
    { "हिन्दी भाषा", "हिन्दी-भाषा" },           /* virama and vowel signs are marks */
    { "Ελληνικά ΚΕΙΜΕΝΑ", "ελληνικά-κειμενα" },
    { "مرحبا بالعالم", "مرحبا-بالعالم" },
    { "\xe2\x80\x8f" "RTL mark", "rtl-mark" },
    { "<script>alert(1)</script>", "script-alert-1-script" },
    { "\"quoted\" 'id'", "quoted-id" },
    { "bad\xff", "bad" },
  };

  check_cases (mh_heading_id, cases, G_N_ELEMENTS (cases));
}

/* URL safety: one path per row */

typedef struct
{
  const char *url;
  gboolean    safe;
} UrlCase;

static const UrlCase url_cases[] = {
  { NULL, TRUE },
  { "", TRUE },
  { "https://example.org/a?b=c#d", TRUE },
  { "http://example.org", TRUE },
  { "HTTPS://EXAMPLE.ORG", TRUE },
  { "mailto:office@example.org", TRUE },
  { "MailTo:office@example.org", TRUE },
  { "tel:+49-30-123456", TRUE },
  { "/reports/known/", TRUE },
  { "reports/known/", TRUE },
  { "../up", TRUE },
  { "#section", TRUE },
  { "?page=2", TRUE },
  { "//cdn.example.org/x.png", TRUE },
  { "  https://example.org", TRUE },
  { "path/with:colon", TRUE },
  { "?q=javascript:alert(1)", TRUE },
  { "#javascript:alert(1)", TRUE },
  { "javascript&#58;alert(1)", TRUE },                   /* relative once escaped */
  { "javascript%3Aalert(1)", TRUE },
  { "über/straße", TRUE },
  { "javascript:alert(1)", FALSE },
  { "JaVaScRiPt:alert(1)", FALSE },
  { " javascript:alert(1)", FALSE },
  { "    JAVASCRIPT:alert(1)", FALSE },
  { "java\tscript:alert(1)", FALSE },
  { "java\nscript:alert(1)", FALSE },
  { "java\rscript:alert(1)", FALSE },
  { "\x01javascript:alert(1)", FALSE },
  { "\x1fjavascript:alert(1)", FALSE },
  { "javascript\x7f:alert(1)", FALSE },
  { "\xc2\x80javascript:alert(1)", FALSE },              /* C1 control */
  { "\xe2\x80\x8bjavascript:alert(1)", FALSE },          /* zero-width space */
  { "java script:alert(1)", FALSE },
  { "javascript :alert(1)", FALSE },
  { "vbscript:msgbox(1)", FALSE },
  { "VBScript:msgbox(1)", FALSE },
  { "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", FALSE },
  { "data:image/png;base64,iVBORw0KGgo=", FALSE },
  { "file:///etc/passwd", FALSE },
  { "ftp://example.org/file", FALSE },
  { "blob:https://example.org/uuid", FALSE },
  { "about:blank", FALSE },
  { "httpx://example.org", FALSE },
  { "https\xff:x", FALSE },
  { "jav\xffscript:alert(1)", FALSE },
  { "https://example.org/\nnext", FALSE },
  { "https://example.org/\t", FALSE },
  { ":no-scheme", FALSE },
};

static void
test_url_case (gconstpointer data)
{
  const UrlCase *c = data;
  g_autofree char *attr = mh_escape_url_attr (c->url);

  g_assert_cmpint (mh_url_is_safe (c->url), ==, c->safe);
  if (!c->safe)
    g_assert_cmpstr (attr, ==, "");
  else
    {
      g_autofree char *escaped = mh_escape_html (c->url);

      g_assert_cmpstr (attr, ==, escaped);
    }
}

/* The hostile corpus, through every escaper */

static GPtrArray *
hostile_corpus (void)
{
  static const char * const fixed[] = {
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "' onmouseover='x",
    "\" onmouseover=\"x",
    "`backtick` onload=alert(1)",
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "\x01javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "</title><script>alert(1)</script>",
    "</script><script>alert(1)</script>",
    "<!-- comment --> <![CDATA[ x ]]>",
    "<svg/onload=alert(1)>",
    "&lt;already&gt; &amp; &#60; &#x3c;",
    "{{ .Site }} {{ printf \"%s\" 1 }}",
    "---\nfoo: bar\n---",
    "key: value # comment\n- list\n? complex",
    "\"quoted\" and \\backslash\\ and \\\"both\\\"",
    "line\nbreak\r\nwindows\rmac",
    "SUMMARY;ESCAPED,VALUE:\\n",
    "a\xe2\x80\xa8" "b\xe2\x80\xa9" "c",
    "\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x1b\x1f\x7f",
    "\xc2\x80\xc2\x85\xc2\x9f",
    "\xef\xbf\xbe\xef\xbf\xbf\xef\xbb\xbf",
    "bad \xff\xfe bytes \xc3\x28 \xe2\x82 \xf0\x28\x8c\x28",
    "\xed\xa0\x80 surrogate",
    "\xc0\xbc overlong <",
    "\xf0\x9f\x8e\xad\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x8e\xa8 emoji",
    "\xe2\x80\x8f\xe2\x80\xae RTL override \xe2\x80\xac",
    "مرحبا <b>\"عالم\"</b>",
    "日本の文化 & 한국 '문화'",
    "\\u003cscript\\u003e",
    "%3Cscript%3E",
    "",
  };
  GPtrArray *corpus = g_ptr_array_new_with_free_func (g_free);
  GString *mixed = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    g_ptr_array_add (corpus, g_strdup (fixed[i]));
  g_ptr_array_add (corpus, g_strnfill (100000, '<'));
  g_ptr_array_add (corpus, g_strnfill (100000, '"'));
  while (mixed->len < 1024 * 1024)
    g_string_append (mixed, "<a href=\"x\" title='y'>&\n;,\\\x01\xe2\x80\xa8\xff</a> 日本 ");
  g_ptr_array_add (corpus, g_string_free (mixed, FALSE));
  return corpus;
}

/* HTML: no tag can start, no attribute can end, every & is ours. */
static void
assert_html_inert (const char *out)
{
  static const char * const entities[] = { "&amp;", "&lt;", "&gt;", "&quot;", "&#39;" };

  g_assert_true (g_utf8_validate (out, -1, NULL));
  for (const char *p = out; *p != '\0'; p++)
    {
      gboolean known = FALSE;

      g_assert_false (*p == '<' && g_ascii_isalpha (p[1]));
      g_assert_cmpint (*p, !=, '<');
      g_assert_cmpint (*p, !=, '>');
      g_assert_cmpint (*p, !=, '"');
      g_assert_cmpint (*p, !=, '\'');
      if (*p != '&')
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
        known |= g_str_has_prefix (p, entities[i]);
      g_assert_true (known);
    }
}

/* What an XML parser reads back from mh_escape_xml(): the characters XML
 * allows, with CRLF and CR read as LF (XML 1.0, section 2.11). */
static char *
xml_expected (const char *valid)
{
  GString *out = g_string_new (NULL);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
        continue;
      if (c == '\r' && p[1] == '\n')
        continue;
      g_string_append_unichar (out, c == '\r' ? '\n' : c);
    }
  return g_string_free (out, FALSE);
}

static void
markup_text_cb (GMarkupParseContext  *context,
                const char           *text,
                gsize                 len,
                gpointer              user_data,
                GError              **error)
{
  g_string_append_len (user_data, text, len);
}

/* Reads the escaped text back with GMarkup, an XML parser. */
static char *
markup_read_back (const char *escaped)
{
  static const GMarkupParser parser = { NULL, NULL, markup_text_cb, NULL, NULL };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GMarkupParseContext) context =
    g_markup_parse_context_new (&parser, 0, text, NULL);
  g_autofree char *doc = g_strdup_printf ("<r a=\"%s\">%s</r>", escaped, escaped);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_markup_parse_context_parse (context, doc, -1, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  return g_strdup (text->str);
}

static void
check_html_and_xml (const char *input,
                    const char *valid)
{
  g_autofree char *html = mh_escape_html (input);
  g_autofree char *xml = mh_escape_xml (input);
  g_autofree char *kept = xml_expected (valid);
  g_autofree char *read_back = NULL;

  assert_html_inert (html);
  assert_html_inert (xml);
  read_back = markup_read_back (xml);
  g_assert_cmpstr (read_back, ==, kept);
}

static void
check_json (const char *valid,
            const char *out)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *doc = g_strdup_printf ("[%s]", out);
  g_autoptr(GError) error = NULL;
  JsonArray *array;

  g_assert_true (g_utf8_validate (out, -1, NULL));
  g_assert_null (strchr (out, '<'));
  g_assert_null (strchr (out, '>'));
  g_assert_null (strchr (out, '&'));
  g_assert_null (strstr (out, "\xe2\x80\xa8"));
  g_assert_null (strstr (out, "\xe2\x80\xa9"));
  g_assert_true (json_parser_load_from_data (parser, doc, -1, &error));
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (array, 0), ==, valid);
}

static gboolean
read_hex (const char *p,
          guint       digits,
          gunichar   *c)
{
  *c = 0;
  for (guint i = 0; i < digits; i++)
    {
      if (!g_ascii_isxdigit (p[i]))
        return FALSE;
      *c = *c * 16 + g_ascii_xdigit_value (p[i]);
    }
  return TRUE;
}

/* A hand check of a YAML double-quoted scalar: quotes at both ends, no raw
 * control character or line break, no bare quote, and only escapes we know.
 * Returns the value, unescaped. */
static char *
yaml_read_back (const char *out)
{
  GString *value = g_string_new (NULL);
  gsize len = strlen (out);
  const char *p;
  gunichar c;

  g_assert_cmpuint (len, >=, 2);
  g_assert_cmpint (out[0], ==, '"');
  g_assert_cmpint (out[len - 1], ==, '"');
  for (p = out + 1; p < out + len - 1; p = g_utf8_next_char (p))
    {
      c = g_utf8_get_char (p);
      g_assert_false (g_unichar_iscntrl (c));
      g_assert_true (c != '"' && c != 0x2028 && c != 0x2029);
      g_assert_true (c != 0xFEFF && c != 0xFFFE && c != 0xFFFF);
      if (c != '\\')
        {
          g_string_append_unichar (value, c);
          continue;
        }
      p++;
      if (*p == 'x' || *p == 'u')
        {
          g_assert_true (read_hex (p + 1, *p == 'x' ? 2 : 4, &c));
          p += *p == 'x' ? 2 : 4;
        }
      else
        {
          g_assert_nonnull (strchr ("\\\"tnr", *p));
          c = *p == 't' ? '\t' : *p == 'n' ? '\n' : *p == 'r' ? '\r' : (gunichar) *p;
        }
      g_string_append_unichar (value, c);
    }
  return g_string_free (value, FALSE);
}

/* ICS: no raw line break, every ; , and \ escaped. Returns the value with
 * escapes undone (line breaks as LF). */
static char *
ics_read_back (const char *out)
{
  GString *value = g_string_new (NULL);

  g_assert_true (g_utf8_validate (out, -1, NULL));
  for (const char *p = out; *p != '\0'; p++)
    {
      g_assert_true (*p == '\t' || (guchar) *p >= 0x20);
      g_assert_cmpint (*p, !=, 0x7f);
      g_assert_true (*p != ';' && *p != ',');
      if (*p != '\\')
        {
          g_string_append_c (value, *p);
          continue;
        }
      p++;
      g_assert_nonnull (strchr ("\\;,n", *p));
      g_string_append_c (value, *p == 'n' ? '\n' : *p);
    }
  return g_string_free (value, FALSE);
}

/* What an ICS reader should get back: line breaks as LF, other controls
 * (tab aside) gone. */
static char *
ics_expected (const char *valid)
{
  GString *out = g_string_new (NULL);

  for (const char *p = valid; *p != '\0'; p++)
    {
      if (p[0] == '\r' && p[1] == '\n')
        continue;
      if (*p == '\r' || *p == '\n')
        g_string_append_c (out, '\n');
      else if (*p == '\t' || ((guchar) *p >= 0x20 && *p != 0x7f))
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
check_heading_id (const char *input)
{
  g_autofree char *id = mh_heading_id (input);

  g_assert_true (g_utf8_validate (id, -1, NULL));
  g_assert_cmpstr (id, !=, "");
  g_assert_false (g_str_has_prefix (id, "-"));
  g_assert_false (g_str_has_suffix (id, "-"));
  g_assert_null (strstr (id, "--"));
  for (const char *p = id; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_assert_true (c == '-' || g_unichar_isalnum (c) || g_unichar_ismark (c));
    }
}

static void
test_hostile (gconstpointer data)
{
  const char *input = data;
  g_autofree char *valid = g_utf8_make_valid (input, -1);
  g_autofree char *json = mh_escape_json_string (input);
  g_autofree char *yaml = mh_escape_yaml_string (input);
  g_autofree char *yaml_value = yaml_read_back (yaml);
  g_autofree char *ics = mh_escape_ics_text (input);
  g_autofree char *ics_value = ics_read_back (ics);
  g_autofree char *ics_want = ics_expected (valid);
  g_autofree char *url_attr = mh_escape_url_attr (input);

  check_html_and_xml (input, valid);
  check_json (valid, json);
  g_assert_cmpstr (yaml_value, ==, valid);
  g_assert_cmpstr (ics_value, ==, ics_want);
  assert_html_inert (url_attr);
  if (!mh_url_is_safe (input))
    g_assert_cmpstr (url_attr, ==, "");
  check_heading_id (input);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) corpus = NULL;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mh/escape/html", test_html_exact);
  g_test_add_func ("/mh/escape/xml", test_xml_exact);
  g_test_add_func ("/mh/escape/json", test_json_exact);
  g_test_add_func ("/mh/escape/yaml", test_yaml_exact);
  g_test_add_func ("/mh/escape/ics", test_ics_exact);
  g_test_add_func ("/mh/escape/heading-id", test_heading_id);
  for (guint i = 0; i < G_N_ELEMENTS (url_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/mh/escape/url/%02u", i);

      g_test_add_data_func (path, &url_cases[i], test_url_case);
    }
  corpus = hostile_corpus ();
  for (guint i = 0; i < corpus->len; i++)
    {
      g_autofree char *path = g_strdup_printf ("/mh/escape/hostile/%02u", i);

      g_test_add_data_func (path, g_ptr_array_index (corpus, i), test_hostile);
    }

  return g_test_run ();
}
