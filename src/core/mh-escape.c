/* mh-escape.c: escaping for every format the export writes
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mh-escape"

#include "config.h"

#include <string.h>

#include "mh-escape.h"

/* The schemes a link or an image may use. Everything else that looks like a
 * scheme is refused: an allow list cannot be surprised by a new scheme. */
static const char * const safe_schemes[] = { "http", "https", "mailto", "tel" };

/* Every function here takes any C string: NULL reads as "", and bytes that
 * are not UTF-8 become U+FFFD first, so the output is always valid UTF-8. */
static const char *
valid_text (const char  *text,
            char       **owned)
{
  *owned = NULL;
  if (text == NULL)
    return "";
  if (g_utf8_validate (text, -1, NULL))
    return text;
  *owned = g_utf8_make_valid (text, -1);
  return *owned;
}

static const char *
markup_entity (char c)
{
  switch (c)
    {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return "&quot;";
    case '\'':
      return "&#39;";
    default:
      return NULL;
    }
}

/* How many bytes at @p form a character XML 1.0 does not allow (C0 controls
 * other than tab, LF and CR; U+FFFE and U+FFFF), or 0. @p is valid UTF-8. */
static gsize
xml_forbidden_length (const char *p)
{
  const guchar *u = (const guchar *) p;

  if (u[0] < 0x20 && u[0] != '\t' && u[0] != '\n' && u[0] != '\r')
    return 1;
  if (u[0] == 0xEF && u[1] == 0xBF && (u[2] == 0xBE || u[2] == 0xBF))
    return 3;
  return 0;
}

static void
append_markup (GString    *out,
               const char *text,
               gboolean    for_xml)
{
  const char *run = text;
  const char *p;
  gsize len;

  for (p = text; *p != '\0'; p += len)
    {
      const char *entity = markup_entity (*p);
      gsize drop = for_xml && entity == NULL ? xml_forbidden_length (p) : 0;

      len = MAX (drop, 1);
      if (entity == NULL && drop == 0)
        continue;
      g_string_append_len (out, run, p - run);
      if (entity != NULL)
        g_string_append (out, entity);
      run = p + len;
    }
  g_string_append_len (out, run, p - run);
}

/**
 * mh_escape_html_append:
 * @out: the string to append to
 * @text: (nullable): any text
 *
 * Appends @text to @out escaped for HTML: `&`, `<`, `>`, `"` and `'` become
 * `&amp;`, `&lt;`, `&gt;`, `&quot;` and `&#39;`. The result is safe both as
 * element content and inside a quoted attribute value (either quote).
 */
void
mh_escape_html_append (GString    *out,
                       const char *text)
{
  g_autofree char *owned = NULL;

  g_return_if_fail (out != NULL);

  append_markup (out, valid_text (text, &owned), FALSE);
}

/**
 * mh_escape_html:
 * @text: (nullable): any text
 *
 * Escapes @text for HTML text and attribute values; see
 * mh_escape_html_append().
 *
 * Returns: (transfer full): the escaped text
 */
char *
mh_escape_html (const char *text)
{
  GString *out = g_string_sized_new (text != NULL ? strlen (text) + 16 : 1);

  mh_escape_html_append (out, text);
  return g_string_free (out, FALSE);
}

/**
 * mh_escape_xml:
 * @text: (nullable): any text
 *
 * Escapes @text like mh_escape_html() and drops the characters that XML 1.0
 * does not allow at all, even as character references: C0 controls other
 * than tab, line feed and carriage return, and U+FFFE and U+FFFF. Use it for
 * the Atom feed and the sitemap.
 *
 * Returns: (transfer full): the escaped text
 */
char *
mh_escape_xml (const char *text)
{
  g_autofree char *owned = NULL;
  const char *valid = valid_text (text, &owned);
  GString *out = g_string_sized_new (strlen (valid) + 16);

  append_markup (out, valid, TRUE);
  return g_string_free (out, FALSE);
}

static gboolean
has_control_character (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_iscntrl (g_utf8_get_char (p)))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_safe_scheme (const char *scheme,
                gsize       len)
{
  for (guint i = 0; i < G_N_ELEMENTS (safe_schemes); i++)
    {
      if (strlen (safe_schemes[i]) == len &&
          g_ascii_strncasecmp (scheme, safe_schemes[i], len) == 0)
        return TRUE;
    }
  return FALSE;
}

/**
 * mh_url_is_safe:
 * @url: (nullable): a URL as it will be written into an attribute (before
 *   HTML escaping, which must still be applied)
 *
 * Decides whether a link or an image may point at @url.
 *
 * Safe are `http:`, `https:`, `mailto:` and `tel:` URLs (in any case) and
 * relative references: paths, `?query`, `#fragment`, `//host/…` and "".
 *
 * The rule is an allow list, applied the way a browser finds a scheme:
 *
 * - A URL with any control character (C0, DEL, C1; so also tab and
 *   newline) is refused: browsers delete tabs and newlines anywhere in a URL
 *   and strip leading controls, so `java\tscript:` would run as
 *   `javascript:`.
 * - Leading spaces are skipped, as browsers skip them.
 * - If a `:` comes before the first `/`, `?` or `#`, the part before it is a
 *   scheme and must be one of the four, compared in ASCII case only.
 *   Anything else there is refused, including prefixes a browser would not
 *   even take for a scheme (`java script:`, `\u200Bjavascript:`): being
 *   stricter than the browser is harmless.
 * - Otherwise the URL is a relative reference, which is safe.
 *
 * Nothing is decoded. Browsers do not decode character references or
 * percent escapes when they look for a scheme, so once the value is
 * HTML-escaped, `javascript&#58;alert(1)` (written out as
 * `javascript&amp;#58;alert(1)`) and `javascript%3Aalert(1)` are harmless
 * relative paths. This is why the value must be escaped, and why it must be
 * checked after any decoding the caller does: cmark, for one, decodes
 * `&#58;` in link destinations before we see them.
 *
 * Returns: %TRUE if @url may be used as an `href` or `src`
 */
gboolean
mh_url_is_safe (const char *url)
{
  g_autofree char *owned = NULL;
  const char *text = valid_text (url, &owned);
  gsize len;

  if (has_control_character (text))
    return FALSE;
  while (*text == ' ')
    text++;
  len = strcspn (text, ":/?#");
  if (text[len] != ':')
    return TRUE;
  return is_safe_scheme (text, len);
}

/**
 * mh_escape_url_attr:
 * @url: (nullable): a URL
 *
 * Prepares @url for an `href` or `src` attribute: HTML-escaped when
 * mh_url_is_safe() accepts it, otherwise "".
 *
 * Returns: (transfer full): the attribute value
 */
char *
mh_escape_url_attr (const char *url)
{
  if (!mh_url_is_safe (url))
    return g_strdup ("");
  return mh_escape_html (url);
}

static gboolean
append_json_escape (GString  *out,
                    gunichar  c)
{
  switch (c)
    {
    case '"':
      g_string_append (out, "\\\"");
      return TRUE;
    case '\\':
      g_string_append (out, "\\\\");
      return TRUE;
    case '\n':
      g_string_append (out, "\\n");
      return TRUE;
    case '\r':
      g_string_append (out, "\\r");
      return TRUE;
    case '\t':
      g_string_append (out, "\\t");
      return TRUE;
    default:
      break;
    }
  if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029)
    {
      g_string_append_printf (out, "\\u%04x", c);
      return TRUE;
    }
  return FALSE;
}

/**
 * mh_escape_json_string:
 * @text: (nullable): any text
 *
 * Writes @text as a complete JSON string literal, quotes included. Besides
 * what JSON requires (`"`, `\` and control characters), `<`, `>`, `&`,
 * U+2028 and U+2029 are written as `\uXXXX`, so the literal is also safe
 * inside an HTML `<script>` element and in JavaScript that predates ES2019.
 *
 * Returns: (transfer full): the JSON string literal
 */
char *
mh_escape_json_string (const char *text)
{
  g_autofree char *owned = NULL;
  const char *p = valid_text (text, &owned);
  GString *out = g_string_sized_new (strlen (p) + 16);

  g_string_append_c (out, '"');
  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!append_json_escape (out, g_utf8_get_char (p)))
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

/* YAML's printable set is tab, LF, CR, U+0020–U+007E, U+0085, U+00A0–U+D7FF,
 * U+E000–U+FFFD and above. We escape more than it asks (tab, U+0085, the line
 * and paragraph separators, the BOM) so that YAML 1.1 parsers, which treat
 * U+0085/U+2028/U+2029 as line breaks, read the same value. Only the escapes
 * both versions share are used: \\ \" \t \n \r \xXX \uXXXX. */
static gboolean
yaml_needs_escape (gunichar c)
{
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 ||
         c == 0xFEFF || c == 0xFFFE || c == 0xFFFF;
}

static void
append_yaml_char (GString    *out,
                  const char *p)
{
  gunichar c = g_utf8_get_char (p);

  if (c == '"' || c == '\\')
    g_string_append_printf (out, "\\%c", (char) c);
  else if (c == '\t')
    g_string_append (out, "\\t");
  else if (c == '\n')
    g_string_append (out, "\\n");
  else if (c == '\r')
    g_string_append (out, "\\r");
  else if (yaml_needs_escape (c) && c <= 0xFF)
    g_string_append_printf (out, "\\x%02X", c);
  else if (yaml_needs_escape (c))
    g_string_append_printf (out, "\\u%04X", c);
  else
    g_string_append_len (out, p, g_utf8_next_char (p) - p);
}

/**
 * mh_escape_yaml_string:
 * @text: (nullable): any text
 *
 * Writes @text as a YAML double-quoted scalar, quotes included, on a single
 * line: `\` and `"` are escaped, and so are control characters (a newline
 * becomes `\n`) and the characters YAML 1.1 took for line breaks. Any value
 * is then safe in Hugo front matter, including `---` and `{{ … }}`.
 *
 * Returns: (transfer full): the YAML scalar
 */
char *
mh_escape_yaml_string (const char *text)
{
  g_autofree char *owned = NULL;
  const char *p = valid_text (text, &owned);
  GString *out = g_string_sized_new (strlen (p) + 16);

  g_string_append_c (out, '"');
  for (; *p != '\0'; p = g_utf8_next_char (p))
    append_yaml_char (out, p);
  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

/**
 * mh_escape_ics_text:
 * @text: (nullable): any text
 *
 * Escapes @text as an iCalendar TEXT value (RFC 5545, section 3.3.11):
 * `\`, `;` and `,` get a backslash, and each line break (CRLF, LF or CR)
 * becomes `\n`. TEXT allows no other control character but tab: the rest
 * (C0 and DEL) are dropped. Folding the content line at 75 octets is left
 * to the code that writes the whole line.
 *
 * Returns: (transfer full): the escaped text
 */
char *
mh_escape_ics_text (const char *text)
{
  g_autofree char *owned = NULL;
  const char *p = valid_text (text, &owned);
  GString *out = g_string_sized_new (strlen (p) + 16);

  for (; *p != '\0'; p++)
    {
      if (*p == '\\' || *p == ';' || *p == ',')
        g_string_append_printf (out, "\\%c", *p);
      else if (*p == '\r' || *p == '\n')
        {
          g_string_append (out, "\\n");
          if (p[0] == '\r' && p[1] == '\n')
            p++;
        }
      else if (*p == '\t' || ((guchar) *p >= 0x20 && *p != 0x7F))
        g_string_append_c (out, *p);
      /* other controls are not allowed in TEXT: dropped */
    }
  return g_string_free (out, FALSE);
}

/**
 * mh_heading_id:
 * @text: (nullable): the plain text of a heading
 *
 * Makes an id for a heading: the text in lower case, keeping letters, digits
 * and combining marks of any script; every other run of characters becomes
 * a single `-`, and there is none at either end. "Über uns" gives
 * "über-uns", "Principles & values" gives "principles-values". Text with
 * nothing to keep gives "section". Making ids unique is the caller's job.
 *
 * Returns: (transfer full): the id
 */
char *
mh_heading_id (const char *text)
{
  g_autofree char *owned = NULL;
  g_autofree char *lower = g_utf8_strdown (valid_text (text, &owned), -1);
  GString *id = g_string_sized_new (strlen (lower));
  gboolean pending_dash = FALSE;

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c) && !g_unichar_ismark (c))
        {
          pending_dash = TRUE;
          continue;
        }
      if (pending_dash && id->len > 0)
        g_string_append_c (id, '-');
      pending_dash = FALSE;
      g_string_append_unichar (id, c);
    }
  if (id->len == 0)
    g_string_append (id, "section");
  return g_string_free (id, FALSE);
}
