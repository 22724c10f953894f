/* mh-site-feeds.c: the site's feeds, sitemap, search index and calendar files
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here depends on the model alone, never on the clock, so that
 * the same site exports the same bytes. Feeds and the sitemap carry
 * absolute URLs (the site's base URL + path); the search index carries
 * root-relative ones, like the pages.
 */

#define G_LOG_DOMAIN "mh-site-feeds"

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "mh-escape.h"
#include "mh-markdown.h"
#include "mh-site-feeds.h"

#define JSON_FEED_VERSION "https://jsonfeed.org/version/1.1"
#define ICS_LINE_OCTETS   75

/* Appends @text to @out and frees it. */
static void
string_append_take (GString *out,
                    char    *text)
{
  g_string_append (out, text);
  g_free (text);
}

/* --- Dates ----------------------------------------------------------------- */

typedef struct
{
  int      year, month, day;
  int      hour, minute, second;
  gboolean has_time;
} Stamp;

static gboolean
digits (const char *s,
        guint       n,
        int        *out)
{
  *out = 0;
  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      *out = *out * 10 + (s[i] - '0');
    }
  return TRUE;
}

/* YYYY-MM-DD[THH:MM[:SS]][Z]: the forms the store keeps. Times without a
 * zone are local to the event (event fields) or UTC (dates, updated_at). */
static gboolean
parse_stamp (const char *iso,
             Stamp      *s)
{
  gsize len = iso != NULL ? strlen (iso) : 0;

  memset (s, 0, sizeof *s);
  if (len < 10 || iso[4] != '-' || iso[7] != '-' ||
      !digits (iso, 4, &s->year) || !digits (iso + 5, 2, &s->month) ||
      !digits (iso + 8, 2, &s->day) || !g_date_valid_dmy (s->day, s->month, s->year))
    return FALSE;
  if (len >= 16 && (iso[10] == 'T' || iso[10] == ' ') && iso[13] == ':' &&
      digits (iso + 11, 2, &s->hour) && digits (iso + 14, 2, &s->minute))
    {
      s->has_time = TRUE;
      if (len >= 19 && iso[16] == ':' && !digits (iso + 17, 2, &s->second))
        s->second = 0;
    }
  return TRUE;
}

/* RFC 3339, in UTC: “2024-09-12T00:00:00Z”. */
static char *
rfc3339 (const char *iso)
{
  Stamp s;

  if (!parse_stamp (iso, &s))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ",
                          s.year, s.month, s.day, s.hour, s.minute, s.second);
}

static const char *
entry_updated (MhModelEntry *e)
{
  return e->updated_at != NULL ? e->updated_at : e->date;
}

/* --- Shared helpers ---------------------------------------------------------- */

/* The newest MH_SITE_FEED_SIZE entries that belong in a feed: not the
 * standing pages. */
static GPtrArray *
feed_entries (MhSiteModel *m)
{
  GPtrArray *entries = g_ptr_array_new ();

  for (guint i = 0; i < m->entries->len && entries->len < MH_SITE_FEED_SIZE; i++)
    {
      MhModelEntry *e = g_ptr_array_index (m->entries, i);

      if (e->kind != MH_ENTRY_KIND_PAGE)
        g_ptr_array_add (entries, e);
    }
  return entries;
}

static char *
resolve_absolute (MhMarkdownRefKind  kind,
                  const char        *target,
                  gpointer           user_data)
{
  MhSiteModel *m = user_data;
  const char *hash = strchr (target, '#');
  g_autofree char *name = g_strndup (target, hash != NULL ? (gsize) (hash - target)
                                                          : strlen (target));
  g_autofree char *url = NULL;

  if (kind == MH_MARKDOWN_REF_ASSET)
    {
      MhModelAsset *asset = mh_site_model_find_asset (m, name);

      return asset != NULL ? mh_site_model_url (m, asset->path) : NULL;
    }
  else
    {
      MhModelEntry *other = mh_site_model_find_entry (m, name);

      if (other == NULL)
        return NULL;
      url = mh_site_model_url (m, other->path);
      return g_strconcat (url, hash != NULL ? hash : "", NULL);
    }
}

/* The body as HTML with absolute links, for readers outside the site. */
static char *
content_html (MhSiteModel  *m,
              MhModelEntry *e)
{
  MhMarkdownOptions options = { 0 };

  options.allow_raw_html = m->allow_raw_html;
  options.resolve = resolve_absolute;
  options.resolve_data = m;
  options.context = e->slug;
  return mh_markdown_render (e->body, &options, NULL);
}

static const char *
newest_update (GPtrArray *entries)
{
  const char *newest = NULL;

  for (guint i = 0; i < entries->len; i++)
    {
      const char *updated = entry_updated (g_ptr_array_index (entries, i));

      if (updated != NULL && (newest == NULL || strcmp (updated, newest) > 0))
        newest = updated;
    }
  return newest;
}

static char *
site_host (MhSiteModel *m)
{
  g_autoptr(GUri) uri = g_uri_parse (m->base_url, G_URI_FLAGS_NONE, NULL);
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;

  return g_strdup (host != NULL && *host != '\0' ? host : "masthead.invalid");
}

/* --- Atom ----------------------------------------------------------------------- */

static void
xml_element (GString    *out,
             const char *indent,
             const char *name,
             const char *text)
{
  g_autofree char *escaped = NULL;

  if (text == NULL)
    return;
  escaped = mh_escape_xml (text);
  g_string_append_printf (out, "%s<%s>%s</%s>\n", indent, name, escaped, name);
}

static void
atom_author (GString      *out,
             MhSiteModel  *m,
             MhModelEntry *e)
{
  if (e->authors != NULL && e->authors->len > 0)
    {
      for (guint i = 0; i < e->authors->len; i++)
        {
          g_string_append (out, "    <author>\n");
          xml_element (out, "      ", "name", g_ptr_array_index (e->authors, i));
          g_string_append (out, "    </author>\n");
        }
      return;
    }
  g_string_append (out, "    <author>\n");
  xml_element (out, "      ", "name", e->posted_by != NULL ? e->posted_by : m->title);
  g_string_append (out, "    </author>\n");
}

static void
atom_categories (GString      *out,
                 MhModelEntry *e)
{
  for (guint i = 0; i < e->terms->len; i++)
    {
      MhModelTerm *term = g_ptr_array_index (e->terms, i);
      g_autofree char *slug = mh_escape_xml (term->slug);
      g_autofree char *name = mh_escape_xml (term->name);
      g_autofree char *scheme = mh_escape_xml (term->vocabulary->key);

      g_string_append_printf (out, "    <category term=\"%s\" scheme=\"%s\" label=\"%s\"/>\n",
                              slug, scheme, name);
    }
}

static void
atom_entry (GString      *out,
            MhSiteModel  *m,
            MhModelEntry *e)
{
  g_autofree char *url = mh_site_model_url (m, e->path);
  g_autofree char *href = mh_escape_xml (url);
  g_autofree char *id = g_strconcat ("urn:uuid:", e->uuid, NULL);
  g_autofree char *published = rfc3339 (e->date);
  g_autofree char *updated = rfc3339 (entry_updated (e));
  g_autofree char *content = content_html (m, e);

  g_string_append (out, "  <entry>\n");
  xml_element (out, "    ", "title", e->title);
  g_string_append_printf (out, "    <link rel=\"alternate\" type=\"text/html\" href=\"%s\"/>\n",
                          href);
  xml_element (out, "    ", "id", id);
  xml_element (out, "    ", "published", published);
  xml_element (out, "    ", "updated", updated != NULL ? updated : published);
  atom_author (out, m, e);
  atom_categories (out, e);
  if (e->summary != NULL && *e->summary != '\0')
    xml_element (out, "    ", "summary", e->summary);
  g_string_append (out, "    <content type=\"html\">");
  string_append_take (out, mh_escape_xml (content));
  g_string_append (out, "</content>\n  </entry>\n");
}

static char *
feed_id (MhSiteModel *m)
{
  if (strstr (m->base_url, "://") != NULL)
    return g_strdup (m->base_url);
  /* A site without a base URL has no IRI of its own. */
  return g_strdup_printf ("tag:masthead.invalid,2024:%s", m->title);
}

/**
 * mh_site_feed_atom:
 * @m: a site model
 *
 * The site's Atom 1.0 feed, `feed.xml`: the newest MH_SITE_FEED_SIZE
 * published entries (not standing pages), with absolute URLs, entry ids
 * `urn:uuid:UUID`, and dates from the entries alone.
 *
 * Returns: (transfer full): the XML
 */
char *
mh_site_feed_atom (MhSiteModel *m)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *self = NULL;
  g_autofree char *self_href = NULL;
  g_autofree char *home_href = NULL;
  g_autofree char *id = NULL;
  g_autofree char *updated = NULL;
  g_autofree char *lang = NULL;
  GString *out;

  g_return_val_if_fail (m != NULL, NULL);

  entries = feed_entries (m);
  self = mh_site_model_url (m, "feed.xml");
  self_href = mh_escape_xml (self);
  home_href = mh_escape_xml (m->base_url);
  id = feed_id (m);
  updated = rfc3339 (newest_update (entries));
  lang = mh_escape_xml (m->language != NULL ? m->language : "en");

  out = g_string_new ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
  g_string_append_printf (out, "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"%s\">\n",
                          lang);
  xml_element (out, "  ", "title", m->title);
  if (m->description != NULL && *m->description != '\0')
    xml_element (out, "  ", "subtitle", m->description);
  g_string_append_printf (out, "  <link rel=\"alternate\" type=\"text/html\" href=\"%s\"/>\n"
                               "  <link rel=\"self\" type=\"application/atom+xml\" href=\"%s\"/>\n",
                          home_href, self_href);
  xml_element (out, "  ", "id", id);
  xml_element (out, "  ", "updated", updated != NULL ? updated : "1970-01-01T00:00:00Z");
  g_string_append (out, "  <generator>Masthead</generator>\n");
  for (guint i = 0; i < entries->len; i++)
    atom_entry (out, m, g_ptr_array_index (entries, i));
  g_string_append (out, "</feed>\n");
  return g_string_free (out, FALSE);
}

/* --- JSON Feed ------------------------------------------------------------------ */

static void
json_member (JsonBuilder *b,
             const char  *name,
             const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

static void
json_term_names (JsonBuilder  *b,
                 MhModelEntry *e)
{
  json_builder_begin_array (b);
  for (guint i = 0; i < e->terms->len; i++)
    json_builder_add_string_value (b, ((MhModelTerm *) g_ptr_array_index (e->terms, i))->name);
  json_builder_end_array (b);
}

static void
json_feed_authors (JsonBuilder  *b,
                   MhSiteModel  *m,
                   MhModelEntry *e)
{
  json_builder_set_member_name (b, "authors");
  json_builder_begin_array (b);
  for (guint i = 0; e->authors != NULL && i < e->authors->len; i++)
    {
      json_builder_begin_object (b);
      json_member (b, "name", g_ptr_array_index (e->authors, i));
      json_builder_end_object (b);
    }
  if (e->authors == NULL || e->authors->len == 0)
    {
      json_builder_begin_object (b);
      json_member (b, "name", e->posted_by != NULL ? e->posted_by : m->title);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
json_feed_item (JsonBuilder  *b,
                MhSiteModel  *m,
                MhModelEntry *e)
{
  g_autofree char *id = g_strconcat ("urn:uuid:", e->uuid, NULL);
  g_autofree char *url = mh_site_model_url (m, e->path);
  g_autofree char *published = rfc3339 (e->date);
  g_autofree char *modified = rfc3339 (e->updated_at);
  g_autofree char *content = content_html (m, e);

  json_builder_begin_object (b);
  json_member (b, "id", id);
  json_member (b, "url", url);
  json_member (b, "title", e->title);
  json_member (b, "summary", e->summary);
  json_member (b, "content_html", content);
  if (e->cover != NULL)
    {
      g_autofree char *image = mh_site_model_url (m, e->cover->path);

      json_member (b, "image", image);
    }
  json_member (b, "date_published", published);
  json_member (b, "date_modified", modified);
  json_feed_authors (b, m, e);
  json_builder_set_member_name (b, "tags");
  json_term_names (b, e);
  json_member (b, "language", e->language);
  json_builder_end_object (b);
}

static char *
builder_to_string (JsonBuilder *b)
{
  g_autoptr(JsonNode) root = json_builder_get_root (b);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *json = NULL;
  GString *out;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, FALSE);
  json = json_generator_to_data (generator, NULL);
  out = g_string_sized_new (strlen (json) + 64);
  /* “<”, “>” and “&” only occur inside strings: as \u escapes the file
   * is safe to inline in a page, and nothing reads it as markup. */
  for (const char *p = json; *p != '\0'; p++)
    {
      if (*p == '<' || *p == '>' || *p == '&')
        g_string_append_printf (out, "\\u%04x", (guint) *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

/**
 * mh_site_feed_json:
 * @m: a site model
 *
 * The site's JSON Feed 1.1, `feed.json`: the same entries as the Atom feed.
 *
 * Returns: (transfer full): the JSON
 */
char *
mh_site_feed_json (MhSiteModel *m)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *feed_url = NULL;

  g_return_val_if_fail (m != NULL, NULL);

  entries = feed_entries (m);
  feed_url = mh_site_model_url (m, "feed.json");
  json_builder_begin_object (b);
  json_member (b, "version", JSON_FEED_VERSION);
  json_member (b, "title", m->title);
  json_member (b, "home_page_url", m->base_url);
  json_member (b, "feed_url", feed_url);
  json_member (b, "description", m->description);
  json_member (b, "language", m->language);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (guint i = 0; i < entries->len; i++)
    json_feed_item (b, m, g_ptr_array_index (entries, i));
  json_builder_end_array (b);
  json_builder_end_object (b);
  return builder_to_string (b);
}

/* --- Sitemap, robots.txt, search index ------------------------------------------- */

/* “reports/x/index.html” and “reports/x/” are the same page. */
static char *
page_of_path (const char *path)
{
  if (g_str_has_suffix (path, "index.html"))
    return g_strndup (path, strlen (path) - strlen ("index.html"));
  return g_strdup (path);
}

static GHashTable *
entries_by_path (MhSiteModel *m)
{
  GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < m->entries->len; i++)
    {
      MhModelEntry *e = g_ptr_array_index (m->entries, i);

      g_hash_table_insert (table, e->path, e);
    }
  return table;
}

static void
sitemap_url (GString      *out,
             MhSiteModel  *m,
             const char   *page,
             MhModelEntry *entry)
{
  g_autofree char *url = mh_site_model_url (m, page);
  g_autofree char *loc = mh_escape_xml (url);
  Stamp s;

  g_string_append_printf (out, "  <url>\n    <loc>%s</loc>\n", loc);
  /* Only the day, from the first ten characters: the export's fingerprint
   * of the sitemap (mh-site-export.c) hashes no more of it. */
  if (entry != NULL && parse_stamp (entry_updated (entry), &s))
    g_string_append_printf (out, "    <lastmod>%04d-%02d-%02d</lastmod>\n",
                            s.year, s.month, s.day);
  g_string_append (out, "  </url>\n");
}

/**
 * mh_site_sitemap:
 * @m: a site model
 * @paths: (element-type utf8): the path of every page the export writes
 *   (`reports/x/index.html` or `reports/x/`); `404.html` is left out
 *
 * The sitemap, `sitemap.xml`, with absolute URLs and, for entries, the date
 * they last changed.
 *
 * Returns: (transfer full): the XML
 */
char *
mh_site_sitemap (MhSiteModel *m,
                 GPtrArray   *paths)
{
  g_autoptr(GHashTable) entries = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GString *out;

  g_return_val_if_fail (m != NULL, NULL);

  entries = entries_by_path (m);
  out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
  for (guint i = 0; paths != NULL && i < paths->len; i++)
    {
      char *page = page_of_path (g_ptr_array_index (paths, i));

      if (g_str_equal (page, "404.html") || g_hash_table_contains (seen, page))
        {
          g_free (page);
          continue;
        }
      g_hash_table_add (seen, page);
      sitemap_url (out, m, page, g_hash_table_lookup (entries, page));
    }
  g_string_append (out, "</urlset>\n");
  return g_string_free (out, FALSE);
}

/**
 * mh_site_robots:
 * @m: a site model
 *
 * The site's `robots.txt`: everything may be crawled; where the sitemap is.
 *
 * Returns: (transfer full): the text
 */
char *
mh_site_robots (MhSiteModel *m)
{
  g_autofree char *sitemap = NULL;

  g_return_val_if_fail (m != NULL, NULL);

  sitemap = mh_site_model_url (m, "sitemap.xml");
  return g_strdup_printf ("User-agent: *\nAllow: /\n\nSitemap: %s\n", sitemap);
}

static const char *
site_root (MhSiteModel *m,
           char       **owned)
{
  g_autoptr(GUri) uri = g_uri_parse (m->base_url, G_URI_FLAGS_NONE, NULL);
  const char *path = uri != NULL ? g_uri_get_path (uri) : m->base_url;

  if (path == NULL || *path != '/')
    return "/";
  *owned = g_str_has_suffix (path, "/") ? g_strdup (path) : g_strconcat (path, "/", NULL);
  return *owned;
}

static void
search_item (JsonBuilder  *b,
             const char   *root,
             MhModelEntry *e)
{
  g_autofree char *url = g_strconcat (root, e->path, NULL);
  const char *date = e->date;

  if (e->kind == MH_ENTRY_KIND_OPEN_CALL && e->deadline != NULL)
    date = e->deadline;
  else if (e->kind == MH_ENTRY_KIND_EVENT && e->event_start != NULL)
    date = e->event_start;

  json_builder_begin_object (b);
  json_member (b, "title", e->title);
  json_member (b, "url", url);
  json_member (b, "kind", mh_entry_kind_to_string (e->kind));
  json_builder_set_member_name (b, "date");
  if (date != NULL)
    json_builder_add_string_value (b, date);
  else
    json_builder_add_null_value (b);
  json_member (b, "summary", e->summary != NULL ? e->summary : "");
  json_builder_set_member_name (b, "terms");
  json_term_names (b, e);
  json_builder_end_object (b);
}

/**
 * mh_site_search_index:
 * @m: a site model
 *
 * The search index, `search.json`: one object per published entry with
 * its title, root-relative URL, kind, date (the deadline of an open call,
 * the start of an event), summary and term names.
 *
 * Returns: (transfer full): the JSON
 */
char *
mh_site_search_index (MhSiteModel *m)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *owned = NULL;
  const char *root;

  g_return_val_if_fail (m != NULL, NULL);

  root = site_root (m, &owned);
  json_builder_begin_array (b);
  for (guint i = 0; i < m->entries->len; i++)
    search_item (b, root, g_ptr_array_index (m->entries, i));
  json_builder_end_array (b);
  return builder_to_string (b);
}

/* --- iCalendar -------------------------------------------------------------------- */

/* Appends one content line, folded at 75 octets (continuation lines start
 * with a space, which counts), never inside a UTF-8 sequence; CRLF. */
static void
ics_line (GString    *out,
          const char *line)
{
  gsize len = strlen (line);
  gsize pos = 0;
  gsize room = ICS_LINE_OCTETS;

  while (len - pos > room)
    {
      gsize cut = pos + room;

      while (cut > pos && ((guchar) line[cut] & 0xC0) == 0x80)
        cut--;
      g_string_append_len (out, line + pos, cut - pos);
      g_string_append (out, "\r\n ");
      pos = cut;
      room = ICS_LINE_OCTETS - 1;
    }
  g_string_append (out, line + pos);
  g_string_append (out, "\r\n");
}

static void
ics_printf (GString    *out,
            const char *format,
            ...) G_GNUC_PRINTF (2, 3);

static void
ics_printf (GString    *out,
            const char *format,
            ...)
{
  g_autofree char *line = NULL;
  va_list args;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);
  ics_line (out, line);
}

static void
ics_text (GString    *out,
          const char *name,
          const char *text)
{
  g_autofree char *escaped = NULL;

  if (text == NULL || *text == '\0')
    return;
  escaped = mh_escape_ics_text (text);
  ics_printf (out, "%s:%s", name, escaped);
}

static char *
ics_offset (gint32 seconds)
{
  gint32 abs_seconds = ABS (seconds);

  return g_strdup_printf ("%c%02d%02d", seconds < 0 ? '-' : '+',
                          abs_seconds / 3600, abs_seconds / 60 % 60);
}

static void
ics_observance (GString   *out,
                GTimeZone *tz,
                int        interval,
                gint32     offset_from,
                gint64     onset)
{
  gint32 offset_to = g_time_zone_get_offset (tz, interval);
  g_autofree char *from = ics_offset (offset_from);
  g_autofree char *to = ics_offset (offset_to);
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_utc (onset + offset_from);
  g_autofree char *start = g_date_time_format (local, "%Y%m%dT%H%M%S");
  const char *kind = g_time_zone_is_dst (tz, interval) ? "DAYLIGHT" : "STANDARD";

  ics_printf (out, "BEGIN:%s", kind);
  ics_printf (out, "DTSTART:%s", start);
  ics_printf (out, "TZOFFSETFROM:%s", from);
  ics_printf (out, "TZOFFSETTO:%s", to);
  ics_text (out, "TZNAME", g_time_zone_get_abbreviation (tz, interval));
  ics_printf (out, "END:%s", kind);
}

/* The first second in [@lo, @hi] that falls in another interval than @lo. */
static gint64
find_transition (GTimeZone *tz,
                 gint64     lo,
                 gint64     hi)
{
  int first = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, lo);

  while (hi - lo > 1)
    {
      gint64 mid = lo + (hi - lo) / 2;

      if (g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, mid) == first)
        lo = mid;
      else
        hi = mid;
    }
  return hi;
}

static gint64
unix_of_year (int year)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (year, 1, 1, 0, 0, 0);

  return g_date_time_to_unix (dt);
}

/* A VTIMEZONE with the zone's transitions from the year before @first_year
 * to the end of @last_year (found day by day from GTimeZone), or a single
 * STANDARD observance for a zone without any. */
static void
ics_timezone (GString    *out,
              const char *tzid,
              GTimeZone  *tz,
              int         first_year,
              int         last_year)
{
  gint64 t = unix_of_year (first_year - 1);
  gint64 end = unix_of_year (last_year + 1);
  int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, t);
  gboolean any = FALSE;

  ics_line (out, "BEGIN:VTIMEZONE");
  ics_text (out, "TZID", tzid);
  for (; t < end; t += 86400)
    {
      int next = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, t + 86400);

      if (next != interval)
        {
          gint64 onset = find_transition (tz, t, t + 86400);

          ics_observance (out, tz, next, g_time_zone_get_offset (tz, interval), onset);
          interval = next;
          any = TRUE;
        }
    }
  if (!any)
    ics_observance (out, tz, interval, g_time_zone_get_offset (tz, interval), 0);
  ics_line (out, "END:VTIMEZONE");
}

static void
ics_date_property (GString     *out,
                   const char  *name,
                   const Stamp *s,
                   int          add_days)
{
  g_autoptr(GDate) date = g_date_new_dmy (s->day, s->month, s->year);

  g_date_add_days (date, add_days);
  ics_printf (out, "%s;VALUE=DATE:%04d%02d%02d", name, g_date_get_year (date),
              g_date_get_month (date), g_date_get_day (date));
}

static void
ics_time_property (GString     *out,
                   const char  *name,
                   const char  *tzid,
                   const Stamp *s)
{
  /* A parameter value with a colon, semicolon or comma must be quoted:
   * GLib also takes offsets such as “+05:30” for zones. */
  if (tzid != NULL)
    ics_printf (out, strpbrk (tzid, ":;,") != NULL ? "%s;TZID=\"%s\":%04d%02d%02dT%02d%02d%02d"
                                                   : "%s;TZID=%s:%04d%02d%02dT%02d%02d%02d",
                name, tzid, s->year, s->month, s->day, s->hour, s->minute, s->second);
  else
    ics_printf (out, "%s:%04d%02d%02dT%02d%02d%02d", name,
                s->year, s->month, s->day, s->hour, s->minute, s->second);
}

/* DTSTART and DTEND: dates for an all-day event, DTEND the day after its
 * last day; local times in the event's zone otherwise. */
static void
ics_event_times (GString      *out,
                 MhModelEntry *event,
                 const char   *tzid,
                 const Stamp  *start,
                 const Stamp  *end,
                 gboolean      has_end)
{
  if (event->all_day || !start->has_time)
    {
      ics_date_property (out, "DTSTART", start, 0);
      ics_date_property (out, "DTEND", has_end ? end : start, 1);
      return;
    }
  ics_time_property (out, "DTSTART", tzid, start);
  if (has_end && end->has_time)
    ics_time_property (out, "DTEND", tzid, end);
}

static char *
ics_location (MhModelEntry *event)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  if (event->venue != NULL && *event->venue != '\0')
    g_ptr_array_add (parts, event->venue);
  if (event->city != NULL && *event->city != '\0')
    g_ptr_array_add (parts, event->city);
  if (event->event_country != NULL)
    g_ptr_array_add (parts, event->event_country->name);
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **) parts->pdata);
}

static void
ics_vevent (GString      *out,
            MhSiteModel  *m,
            MhModelEntry *event,
            const char   *tzid,
            const Stamp  *start,
            const Stamp  *end,
            gboolean      has_end)
{
  g_autofree char *host = site_host (m);
  g_autofree char *url = mh_site_model_url (m, event->path);
  g_autofree char *location = ics_location (event);
  Stamp stamp;

  ics_line (out, "BEGIN:VEVENT");
  ics_printf (out, "UID:%s@%s", event->uuid, host);
  if (!parse_stamp (entry_updated (event), &stamp))
    parse_stamp ("1970-01-01", &stamp);
  ics_printf (out, "DTSTAMP:%04d%02d%02dT%02d%02d%02dZ", stamp.year, stamp.month, stamp.day,
              stamp.hour, stamp.minute, stamp.second);
  ics_event_times (out, event, tzid, start, end, has_end);
  ics_text (out, "SUMMARY", event->title);
  ics_text (out, "DESCRIPTION", event->summary);
  ics_text (out, "LOCATION", location);
  if (mh_url_is_safe (url))
    ics_printf (out, "URL:%s", url);
  ics_line (out, "END:VEVENT");
}

/**
 * mh_site_event_ics:
 * @m: a site model
 * @event: an event of @m
 *
 * The event as an iCalendar file (RFC 5545), `events/SLUG/event.ics`: one
 * VEVENT whose UID is `UUID@HOST` and whose DTSTAMP is when the entry last
 * changed. An all-day event has DATE values, DTEND the day after it ends; a
 * timed one has local times with the event's TZID and a VTIMEZONE built
 * from the zone's rules. Lines are folded at 75 octets and end in CRLF.
 *
 * Returns: (transfer full) (nullable): the calendar, or %NULL when the event
 *   has no valid start
 */
char *
mh_site_event_ics (MhSiteModel  *m,
                   MhModelEntry *event)
{
  g_autoptr(GTimeZone) tz = NULL;
  const char *tzid = NULL;
  gboolean has_end;
  Stamp start, end;
  GString *out;

  g_return_val_if_fail (m != NULL, NULL);
  g_return_val_if_fail (event != NULL, NULL);

  if (!parse_stamp (event->event_start, &start))
    return NULL;
  has_end = parse_stamp (event->event_end, &end);
  if (!event->all_day && start.has_time && event->time_zone != NULL &&
      (tz = g_time_zone_new_identifier (event->time_zone)) != NULL)
    tzid = event->time_zone;

  out = g_string_new (NULL);
  ics_line (out, "BEGIN:VCALENDAR");
  ics_line (out, "VERSION:2.0");
  ics_line (out, "PRODID:-//Masthead//Masthead site export//EN");
  ics_line (out, "CALSCALE:GREGORIAN");
  ics_line (out, "METHOD:PUBLISH");
  if (tzid != NULL)
    ics_timezone (out, tzid, tz, start.year, has_end ? MAX (end.year, start.year) : start.year);
  ics_vevent (out, m, event, tzid, &start, &end, has_end);
  ics_line (out, "END:VCALENDAR");
  return g_string_free (out, FALSE);
}
