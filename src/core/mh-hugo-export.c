/* mh-hugo-export.c: the site as a Hugo content bundle
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tree that a stock `hugo` builds without a theme (tested with 0.111,
 * Debian 12's):
 *
 *   hugo.toml                         baseURL, title, languages, taxonomies
 *   content/_index.md                 the home page: title, description
 *   content/SECTION/_index.md         reports, events, insights, opportunities, pages
 *   content/PATH/index.md             one leaf bundle per entry, PATH = entry->path,
 *   content/PATH/NAME                 beside it every asset the entry uses
 *   content/VOCAB/_index.md           a vocabulary's name
 *   content/VOCAB/TERM/_index.md      a term's name, description and parent
 *   layouts/…                         plain semantic HTML, no theme needed
 *
 * Taxonomies are declared as `KEY = "KEY"`: Hugo wants `singular = "plural"`
 * pairs, and the singular is only a name for templates and layout lookup;
 * Hugo accepts it equal to the plural (as in the common `series = "series"`),
 * which spares us guessing English singulars of keys editors made up.
 * Entries carry term slugs, not names, so that Hugo's term URLs are the
 * model's (`/countries/czech-republic/`); the names are the titles of the
 * terms' `_index.md`. An entry also carries the ancestors of its terms, so
 * that `/countries/europe/` lists what is tagged with Czech Republic, as the
 * HTML site's term pages do.
 *
 * Entries get no `weight`: Hugo's default order (weight, then date, newest
 * first) is already the model's, and a weight by position would rewrite every
 * index.md whenever one entry is added, which the incremental writer exists
 * to avoid. Terms get their position in the vocabulary, so that taxonomy
 * listings keep the editors' order.
 *
 * Assets go beside the index.md of every bundle that uses them (cover,
 * downloads, partner logos, participant photos, images of the body), so
 * that Hugo sees them as the page's resources and relative links work; a
 * logo on many pages is copied into each. Their file names are the assets'
 * own when those are plain (ASCII letters, digits, `.-_`, no content
 * extension such as `.md`), otherwise `asset-ID.ext`.
 *
 * Everything depends on the model only (no "now"), in the model's order,
 * so the same site exports the same bytes.
 */

#define G_LOG_DOMAIN "mh-hugo-export"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "mh-escape.h"
#include "mh-hugo-export.h"
#include "mh-markdown.h"

typedef struct
{
  /* borrowed references */
  MhSiteModel    *model;
  MhExportWriter *writer;
  GCancellable   *cancellable;

  /* state */
  char           *base_path;     /* the path of the base URL: “/”, “/sub/” */
  GPtrArray      *languages;     /* utf8, lower case: the site's language first */
  GHashTable     *vocabularies;  /* MhModelVocabulary* that became taxonomies */
} Export;

typedef struct
{
  Export    *export;
  char      *dir;                /* “content/reports/slug/” */
  GPtrArray *assets;             /* MhModelAsset*, borrowed, in order of first use */
} Bundle;

/* Front matter keys that Hugo (or this file) gives a meaning: a vocabulary
 * with such a key cannot be a taxonomy, its array would clash with them.
 * Nor can one named like a section. Such a vocabulary is left out of the
 * bundle (its terms are not written); the HTML export is not affected. */
static const char * const reserved_keys[] = {
  "aliases", "audio", "build", "cascade", "date", "description", "draft", "expirydate",
  "headless", "images", "iscjklanguage", "keywords", "lang", "lastmod", "layout",
  "linktitle", "markup", "menu", "menus", "outputs", "params", "publishdate", "resources",
  "sitemap", "slug", "summary", "title", "translationkey", "type", "url", "videos", "weight",
};

/* Extensions Hugo reads as content: an asset named so would be parsed as a
 * page of the bundle, so it gets a neutral name instead. */
static const char * const content_extensions[] = {
  ".ad", ".adoc", ".asciidoc", ".htm", ".html", ".markdown", ".md", ".mdown", ".org",
  ".pandoc", ".pdc", ".rst",
};

/* Top-level folders of the bundle besides the taxonomies: sections, and
 * Hugo's pagination. */
static const char * const hugo_sections[] = {
  "reports", "events", "insights", "opportunities", "pages", "page",
};

typedef struct
{
  const char *path;
  const char *text;
} Layout;

/* The layouts: plain semantic HTML, escaped by Hugo's html/template. There
 * is one for every kind of page Hugo makes (home, section, taxonomy, term,
 * page), since Hugo warns about a kind it has no layout for. An entry's
 * params are read from `.Params.params` (Hugo 0.111) or, where Hugo merges
 * them into `.Params` (0.123 and later), from there. */
static const Layout layouts[] = {
  { "layouts/_default/baseof.html",
    "<!DOCTYPE html>\n"
    "<html lang=\"{{ site.Language.Lang }}\">\n"
    "<head>\n"
    "<meta charset=\"utf-8\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    "<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} – {{ site.Title }}{{ end "
    "}}</title>\n"
    "{{- with .Description }}\n"
    "<meta name=\"description\" content=\"{{ . }}\">\n"
    "{{- end }}\n"
    "{{- range .AlternativeOutputFormats }}\n"
    "<link rel=\"{{ .Rel }}\" type=\"{{ .MediaType.Type }}\" href=\"{{ .RelPermalink }}\">\n"
    "{{- end }}\n"
    "</head>\n"
    "<body>\n"
    "<header>\n"
    "<p><a href=\"{{ site.Home.RelPermalink }}\">{{ site.Title }}</a></p>\n"
    "<nav>\n"
    "<ul>\n"
    "{{- range site.Sections }}\n"
    "<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>\n"
    "{{- end }}\n"
    "{{- range $key := site.Params.masthead.vocabularies }}\n"
    "{{- with site.GetPage $key }}\n"
    "<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>\n"
    "{{- end }}\n"
    "{{- end }}\n"
    "</ul>\n"
    "</nav>\n"
    "</header>\n"
    "<main>\n"
    "{{ block \"main\" . }}{{ end }}\n"
    "</main>\n"
    "<footer>\n"
    "<p>{{ site.Title }}</p>\n"
    "</footer>\n"
    "</body>\n"
    "</html>\n" },
  { "layouts/_default/index.html",
    "{{ define \"main\" }}\n"
    "<h1>{{ site.Title }}</h1>\n"
    "{{- with .Description }}\n"
    "<p>{{ . }}</p>\n"
    "{{- end }}\n"
    "{{ .Content }}\n"
    "<ul class=\"entries\">\n"
    "{{- range (.Paginate site.RegularPages site.Params.masthead.page_size).Pages }}\n"
    "{{- partial \"masthead/card.html\" . }}\n"
    "{{- end }}\n"
    "</ul>\n"
    "{{ template \"_internal/pagination.html\" . }}\n"
    "{{ end }}\n" },
  { "layouts/_default/list.html",
    "{{ define \"main\" }}\n"
    "<h1>{{ .Title }}</h1>\n"
    "{{ .Content }}\n"
    "<ul class=\"entries\">\n"
    "{{- range (.Paginate .Pages site.Params.masthead.page_size).Pages }}\n"
    "{{- partial \"masthead/card.html\" . }}\n"
    "{{- end }}\n"
    "</ul>\n"
    "{{ template \"_internal/pagination.html\" . }}\n"
    "{{ end }}\n" },
  { "layouts/_default/single.html",
    "{{ define \"main\" }}\n"
    "{{- $p := .Params }}{{ with .Params.params }}{{ $p = . }}{{ end }}\n"
    "<article class=\"{{ $p.kind }}\">\n"
    "{{- if .Section }}\n"
    "<p class=\"section\"><a href=\"{{ .CurrentSection.RelPermalink }}\">{{ .CurrentSection.Title "
    "}}</a></p>\n"
    "{{- end }}\n"
    "<h1>{{ .Title }}</h1>\n"
    "{{- partial \"masthead/byline.html\" (dict \"page\" . \"p\" $p) }}\n"
    "{{- with $p.summary }}\n"
    "<p class=\"summary\">{{ . }}</p>\n"
    "{{- end }}\n"
    "{{- with $p.cover }}{{ with $.Resources.GetMatch . }}\n"
    "<figure>\n"
    "<img src=\"{{ .RelPermalink }}\" alt=\"{{ $p.cover_alt }}\">\n"
    "{{- with $p.cover_credit }}\n"
    "<figcaption>© {{ . }}</figcaption>\n"
    "{{- end }}\n"
    "</figure>\n"
    "{{- end }}{{ end }}\n"
    "{{- partial \"masthead/details.html\" (dict \"page\" . \"p\" $p) }}\n"
    "{{ .Content }}\n"
    "{{- partial \"masthead/people.html\" (dict \"page\" . \"p\" $p) }}\n"
    "{{- partial \"masthead/partners.html\" (dict \"page\" . \"p\" $p) }}\n"
    "{{- partial \"masthead/terms.html\" . }}\n"
    "</article>\n"
    "{{ end }}\n" },
  { "layouts/_default/taxonomy.html",
    "{{ define \"main\" }}\n"
    "<h1>{{ .Title }}</h1>\n"
    "{{ .Content }}\n"
    "{{- partial \"masthead/term-tree.html\" (dict \"terms\" .Pages \"parent\" \"\") }}\n"
    "{{ end }}\n" },
  { "layouts/_default/term.html",
    "{{ define \"main\" }}\n"
    "<h1>{{ .Title }}</h1>\n"
    "{{- with (.Params.params | default .Params).parent_page }}{{ with site.GetPage . }}\n"
    "<p class=\"parent\">In <a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></p>\n"
    "{{- end }}{{ end }}\n"
    "{{ .Content }}\n"
    "<ul class=\"entries\">\n"
    "{{- range (.Paginate .Pages site.Params.masthead.page_size).Pages }}\n"
    "{{- partial \"masthead/card.html\" . }}\n"
    "{{- end }}\n"
    "</ul>\n"
    "{{ template \"_internal/pagination.html\" . }}\n"
    "{{ end }}\n" },
  { "layouts/partials/masthead/byline.html",
    "{{- $page := .page }}{{ $p := .p }}\n"
    "<p class=\"byline\">\n"
    "{{- with $p.authors }}By {{ delimit . \", \" }}{{ end }}\n"
    "{{- with $p.posted_by }} Posted by {{ . }}{{ end }}\n"
    "{{- if not $page.Date.IsZero }}\n"
    "<time datetime=\"{{ $page.Date.Format \"2006-01-02\" }}\">{{ $page.Date.Format \"2 Jan "
    "2006\" }}</time>\n"
    "{{- end }}\n"
    "</p>\n"
    "{{- with $p.series }}\n"
    "<p class=\"series\">{{ . }}</p>\n"
    "{{- end }}\n"
    "{{- with $p.hashtags }}\n"
    "<p class=\"hashtags\">{{ delimit . \" \" }}</p>\n"
    "{{- end }}\n" },
  { "layouts/partials/masthead/card.html",
    "{{- $p := .Params }}{{ with .Params.params }}{{ $p = . }}{{ end }}\n"
    "<li>\n"
    "<a href=\"{{ .RelPermalink }}\">{{ .LinkTitle }}</a>\n"
    "{{- if not .Date.IsZero }} <time datetime=\"{{ .Date.Format \"2006-01-02\" }}\">{{ "
    ".Date.Format \"2 Jan 2006\" }}</time>{{ end }}\n"
    "{{- with $p.summary }}\n"
    "<p>{{ . }}</p>\n"
    "{{- end }}\n"
    "</li>\n" },
  { "layouts/partials/masthead/details.html",
    "{{- $page := .page }}{{ $p := .p }}\n"
    "<dl class=\"details\">\n"
    "{{- with $p.start }}\n"
    "<dt>When</dt>\n"
    "<dd><time datetime=\"{{ . }}\">{{ time.Format \"2 Jan 2006\" . }}</time>\n"
    "{{- with $p.end }} – <time datetime=\"{{ . }}\">{{ time.Format \"2 Jan 2006\" . }}</time>{{ "
    "end }}\n"
    "{{- with $p.time_zone }} ({{ . }}){{ end }}</dd>\n"
    "{{- end }}\n"
    "{{- $where := slice }}\n"
    "{{- range slice $p.venue $p.city $p.country }}{{ with . }}{{ $where = $where | append . }}{{ "
    "end }}{{ end }}\n"
    "{{- if or $where $p.online }}\n"
    "<dt>Where</dt>\n"
    "<dd>{{ delimit $where \", \" }}{{ if $p.online }}{{ if $where }} and {{ end }}online{{ end "
    "}}</dd>\n"
    "{{- end }}\n"
    "{{- with $p.format }}\n"
    "<dt>Format</dt>\n"
    "<dd>{{ . }}</dd>\n"
    "{{- end }}\n"
    "{{- with $p.participants_actual }}\n"
    "<dt>Participants</dt>\n"
    "<dd>{{ . }}{{ with $p.participants_planned }} of {{ . }} planned{{ end }}</dd>\n"
    "{{- end }}\n"
    "{{- with $p.publisher }}\n"
    "<dt>Publisher</dt>\n"
    "<dd>{{ . }}</dd>\n"
    "{{- end }}\n"
    "{{- with $p.event }}{{ with site.GetPage . }}\n"
    "<dt>Event</dt>\n"
    "<dd><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></dd>\n"
    "{{- end }}{{ end }}\n"
    "{{- with $p.category }}\n"
    "<dt>Category</dt>\n"
    "<dd>{{ . }}</dd>\n"
    "{{- end }}\n"
    "{{- with $p.deadline }}\n"
    "<dt>Deadline</dt>\n"
    "<dd><time datetime=\"{{ . }}\">{{ time.Format \"2 Jan 2006\" . }}</time></dd>\n"
    "{{- end }}\n"
    "{{- with $p.eligible_countries }}\n"
    "<dt>Eligible countries</dt>\n"
    "<dd>{{ range $i, $c := . }}{{ if $i }}, {{ end }}{{ with site.GetPage $c.page }}<a href=\"{{ "
    ".RelPermalink }}\">{{ $c.name }}</a>{{ else }}{{ $c.name }}{{ end }}{{ end }}</dd>\n"
    "{{- end }}\n"
    "{{- with $p.website }}\n"
    "<dt>Website</dt>\n"
    "<dd><a href=\"{{ . }}\">{{ . }}</a></dd>\n"
    "{{- end }}\n"
    "</dl>\n"
    "{{- with $p.downloads }}\n"
    "<section class=\"downloads\">\n"
    "<h2>Downloads</h2>\n"
    "<ul>\n"
    "{{- range $d := . }}{{ with $page.Resources.GetMatch $d.file }}\n"
    "<li><a href=\"{{ .RelPermalink }}\">{{ $d.title }}</a>\n"
    "({{ $d.media_type }}{{ with $d.language }}, {{ . }}{{ end }}\n"
    "{{- with $d.size }}, {{ if lt . 1048576 }}{{ printf \"%.0f\" (math.Ceil (div (float .) "
    "1024)) }} KB{{ else }}{{ printf \"%.1f\" (div (float .) 1048576) }} MB{{ end }}{{ end "
    "}})</li>\n"
    "{{- end }}{{ end }}\n"
    "</ul>\n"
    "</section>\n"
    "{{- end }}\n" },
  { "layouts/partials/masthead/partners.html",
    "{{- $page := .page }}{{ $p := .p }}\n"
    "{{- with $p.partners }}\n"
    "<section class=\"partners\">\n"
    "<h2>Partners</h2>\n"
    "<ul>\n"
    "{{- range . }}\n"
    "<li>\n"
    "{{- $logo := \"\" }}{{ with .logo }}{{ with $page.Resources.GetMatch . }}{{ $logo = "
    ".RelPermalink }}{{ end }}{{ end }}\n"
    "{{- $label := .name }}\n"
    "{{- if .url }}<a href=\"{{ .url }}\">{{ end -}}\n"
    "{{- if $logo }}<img src=\"{{ $logo }}\" alt=\"{{ .logo_alt | default .name }}\" "
    "height=\"48\">{{ else }}{{ $label }}{{ end -}}\n"
    "{{- if .url }}</a>{{ end }}\n"
    "{{- with .relation }} <small>{{ . }}</small>{{ end }}</li>\n"
    "{{- end }}\n"
    "</ul>\n"
    "</section>\n"
    "{{- end }}\n" },
  { "layouts/partials/masthead/people.html",
    "{{- $page := .page }}{{ $p := .p }}\n"
    "{{- with $p.programme }}\n"
    "<section class=\"programme\">\n"
    "<h2>Programme</h2>\n"
    "<ol>\n"
    "{{- range . }}\n"
    "<li>{{ with .start }}<time datetime=\"{{ . }}\">{{ time.Format \"2 Jan 2006 15:04\" . "
    "}}</time> {{ end }}{{ .title }}{{ with .venue }}, {{ . }}{{ end }}</li>\n"
    "{{- end }}\n"
    "</ol>\n"
    "</section>\n"
    "{{- end }}\n"
    "{{- with $p.participants }}\n"
    "<section class=\"participants\">\n"
    "<h2>Participants</h2>\n"
    "<ul>\n"
    "{{- range . }}\n"
    "<li>\n"
    "{{- with .photo }}{{ with $page.Resources.GetMatch . }}<img src=\"{{ .RelPermalink }}\" "
    "alt=\"\" width=\"64\"> {{ end }}{{ end -}}\n"
    "<strong>{{ .name }}</strong>\n"
    "{{- with .job_title }} / {{ . }}{{ end }}\n"
    "{{- with .organisation }}, {{ . }}{{ end }}\n"
    "{{- with .country }} ({{ . }}){{ end }}\n"
    "{{- with .role }} · {{ . }}{{ end }}\n"
    "{{- with .group }} · {{ . }}{{ end }}</li>\n"
    "{{- end }}\n"
    "</ul>\n"
    "</section>\n"
    "{{- end }}\n" },
  { "layouts/partials/masthead/term-tree.html",
    "{{- $terms := .terms }}{{ $parent := .parent }}\n"
    "{{- $level := slice }}\n"
    "{{- range $terms }}\n"
    "{{- $p := .Params.params | default .Params }}\n"
    "{{- if eq ($p.parent | default \"\") $parent }}{{ $level = $level | append . }}{{ end }}\n"
    "{{- end }}\n"
    "{{- with $level }}\n"
    "<ul class=\"terms\">\n"
    "{{- range . }}\n"
    "<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a> ({{ len .Pages }})\n"
    "{{- partial \"masthead/term-tree.html\" (dict \"terms\" $terms \"parent\" .Data.Term) "
    "}}</li>\n"
    "{{- end }}\n"
    "</ul>\n"
    "{{- end }}\n" },
  { "layouts/partials/masthead/terms.html",
    "{{- $page := . }}\n"
    "{{- range $key := site.Params.masthead.vocabularies }}\n"
    "{{- with $page.GetTerms $key }}\n"
    "<p class=\"terms {{ $key }}\">{{ with site.GetPage $key }}{{ .Title }}{{ end }}:\n"
    "{{- range $i, $t := . }}{{ if $i }},{{ end }} <a href=\"{{ $t.RelPermalink }}\">{{ "
    "$t.LinkTitle }}</a>{{ end }}</p>\n"
    "{{- end }}\n"
    "{{- end }}\n" },
};

/* TOML */

/* A TOML basic string: `"` and `\` escaped, and the control characters
 * TOML forbids raw (all of C0 but tab, and DEL). */
static void
toml_string (GString    *out,
             const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);

  g_string_append_c (out, '"');
  for (const char *p = valid; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

static void
toml_pair (GString    *out,
           const char *key,
           const char *value)
{
  g_string_append_printf (out, "%s = ", key);
  toml_string (out, value);
  g_string_append_c (out, '\n');
}

/* YAML: every scalar goes through mh_escape_yaml_string(), which gives a
 * double-quoted, single-line scalar; keys are ours, or quoted. */

static void
yaml_string (GString    *out,
             guint       indent,
             const char *key,
             const char *value)
{
  g_autofree char *scalar = NULL;

  if (value == NULL || *value == '\0')
    return;
  scalar = mh_escape_yaml_string (value);
  g_string_append_printf (out, "%*s%s: %s\n", (int) indent, "", key, scalar);
}

static void
yaml_strings (GString    *out,
              guint       indent,
              const char *key,
              GPtrArray  *strings)
{
  if (strings == NULL || strings->len == 0)
    return;

  g_string_append_printf (out, "%*s%s: [", (int) indent, "", key);
  for (guint i = 0; i < strings->len; i++)
    {
      g_autofree char *scalar = mh_escape_yaml_string (g_ptr_array_index (strings, i));

      g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", scalar);
    }
  g_string_append (out, "]\n");
}

static void
yaml_bool (GString    *out,
           guint       indent,
           const char *key,
           gboolean    value)
{
  g_string_append_printf (out, "%*s%s: %s\n", (int) indent, "", key, value ? "true" : "false");
}

/* Writes nothing for a negative number, the model's “not given”. */
static void
yaml_int (GString    *out,
          guint       indent,
          const char *key,
          gint64      value)
{
  if (value >= 0)
    g_string_append_printf (out, "%*s%s: %" G_GINT64_FORMAT "\n", (int) indent, "", key, value);
}

/* Appends @fields, a map whose keys are all at @indent + 2, as one item of a
 * block sequence at @indent. */
static void
yaml_item (GString *out,
           guint    indent,
           GString *fields)
{
  gsize start = out->len;

  if (fields->len == 0)
    {
      g_string_append_printf (out, "%*s- {}\n", (int) indent, "");
      return;
    }
  g_string_append_len (out, fields->str, fields->len);
  out->str[start + indent] = '-';
}

static gboolean
digits (const char *p,
        guint       n)
{
  for (guint i = 0; i < n; i++)
    if (!g_ascii_isdigit (p[i]))
      return FALSE;
  return TRUE;
}

/* Hugo guesses the format of a date; give it one of the two it always
 * reads, YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS (plus the zone, if any), and
 * nothing when @iso is not a date at all, which would stop the build. */
static char *
hugo_date (const char *iso)
{
  const char *rest;
  const char *seconds = ":00";

  if (iso == NULL || strlen (iso) < 10 || !digits (iso, 4) || iso[4] != '-' ||
      !digits (iso + 5, 2) || iso[7] != '-' || !digits (iso + 8, 2) ||
      !g_date_valid_dmy (atoi (iso + 8), atoi (iso + 5), atoi (iso)))
    return NULL;
  if (iso[10] == '\0')
    return g_strndup (iso, 10);

  if ((iso[10] != 'T' && iso[10] != ' ') || strlen (iso) < 16 || !digits (iso + 11, 2) ||
      iso[13] != ':' || !digits (iso + 14, 2) || atoi (iso + 11) > 23 || atoi (iso + 14) > 59)
    return NULL;
  rest = iso + 16;
  if (rest[0] == ':' && digits (rest + 1, 2) && atoi (rest + 1) <= 59)
    {
      seconds = NULL;
      rest += 3;
      while (*rest == '.' || g_ascii_isdigit (*rest))
        rest++;
    }

  if (*rest != '\0' && g_strcmp0 (rest, "Z") != 0 &&
      !((rest[0] == '+' || rest[0] == '-') && strlen (rest) == 6 && digits (rest + 1, 2) &&
        rest[3] == ':' && digits (rest + 4, 2)))
    return NULL;
  return g_strdup_printf ("%.10sT%.5s%.3s%s", iso, iso + 11,
                          seconds != NULL ? seconds : iso + 16, rest);
}

/* Names */

static gboolean
is_one_of (const char         *text,
           const char * const *list,
           gsize               n)
{
  for (gsize i = 0; i < n; i++)
    if (g_ascii_strcasecmp (text, list[i]) == 0)
      return TRUE;
  return FALSE;
}

/* A file or folder name that means the same on every system and in a URL
 * and that Hugo takes as a plain file. */
static gboolean
is_plain_name (const char *name)
{
  const char *dot;

  if (name == NULL || *name == '\0' || *name == '.' || *name == '_' || *name == '-' ||
      strlen (name) > 200)
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '-' && *p != '_')
      return FALSE;
  dot = strrchr (name, '.');
  return dot == NULL || !is_one_of (dot, content_extensions, G_N_ELEMENTS (content_extensions));
}

/* The asset's file name in a bundle: its own name when that is plain,
 * otherwise one made from its id and extension. */
static char *
resource_name (MhModelAsset *asset)
{
  const char *dot;

  if (is_plain_name (asset->name))
    return g_strdup (asset->name);

  dot = strrchr (asset->name, '.');
  if (dot != NULL && is_plain_name (dot + 1) && strlen (dot) <= 10 &&
      !is_one_of (dot, content_extensions, G_N_ELEMENTS (content_extensions)))
    return g_strdup_printf ("asset-%" G_GINT64_FORMAT "%s", asset->id, dot);
  return g_strdup_printf ("asset-%" G_GINT64_FORMAT, asset->id);
}

/* A language code as Hugo's languages table and file names want it, or
 * NULL when @language is not one. */
static char *
language_key (const char *language)
{
  if (language == NULL || *language == '\0' || strlen (language) > 35)
    return NULL;
  for (const char *p = language; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return NULL;
  return g_ascii_strdown (language, -1);
}

static void
add_language (GPtrArray  *languages,
              const char *language)
{
  g_autofree char *key = language_key (language);

  if (key != NULL && !g_ptr_array_find_with_equal_func (languages, key, g_str_equal, NULL))
    g_ptr_array_add (languages, g_steal_pointer (&key));
}

static gboolean
is_multilingual (Export *export)
{
  return export->languages->len > 1;
}

/* The entry's language key; the site's when it has none of its own. */
static const char *
entry_language (Export       *export,
                MhModelEntry *entry)
{
  g_autofree char *key = language_key (entry->language);
  guint index;

  if (key != NULL && g_ptr_array_find_with_equal_func (export->languages, key, g_str_equal,
                                                       &index))
    return g_ptr_array_index (export->languages, index);
  return g_ptr_array_index (export->languages, 0);
}

static gboolean
is_default_language (Export     *export,
                     const char *language)
{
  return g_str_equal (language, g_ptr_array_index (export->languages, 0));
}

/* The path part of the base URL, where Hugo's output is served from. */
static char *
base_path (const char *base_url)
{
  g_autofree char *path = NULL;

  if (strstr (base_url, "://") != NULL)
    g_uri_split (base_url, G_URI_FLAGS_NONE, NULL, NULL, NULL, NULL, &path, NULL, NULL, NULL);
  else
    path = g_strdup (base_url);

  if (path == NULL || *path == '\0')
    return g_strdup ("/");
  return g_strconcat (*path == '/' ? "" : "/", path,
                      g_str_has_suffix (path, "/") ? "" : "/", NULL);
}

/* The root-relative URL Hugo gives the entry's page. */
static char *
entry_url (Export       *export,
           MhModelEntry *entry)
{
  const char *language = entry_language (export, entry);

  if (is_default_language (export, language))
    return g_strconcat (export->base_path, entry->path, NULL);
  return g_strconcat (export->base_path, language, "/", entry->path, NULL);
}

/* The content path of a page, for Hugo's `site.GetPage`. */
static char *
content_path (const char *path)
{
  gsize len = strlen (path);

  return g_strdup_printf ("/%.*s", (int) (len > 0 && path[len - 1] == '/' ? len - 1 : len), path);
}

/* Bundles and their assets */

static void
bundle_clear (Bundle *bundle)
{
  g_clear_pointer (&bundle->dir, g_free);
  g_clear_pointer (&bundle->assets, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Bundle, bundle_clear)

static void
bundle_init (Bundle     *bundle,
             Export     *export,
             const char *path)
{
  bundle->export = export;
  bundle->dir = g_strconcat ("content/", path, NULL);
  bundle->assets = g_ptr_array_new ();
}

/* Puts @asset beside the bundle's index and returns its file name there. */
static char *
bundle_use_asset (Bundle       *bundle,
                  MhModelAsset *asset)
{
  if (asset == NULL)
    return NULL;
  if (!g_ptr_array_find (bundle->assets, asset, NULL))
    g_ptr_array_add (bundle->assets, asset);
  return resource_name (asset);
}

static char *
resolve_entry (Export     *export,
               const char *target)
{
  const char *hash = strchr (target, '#');
  g_autofree char *slug = hash != NULL ? g_strndup (target, hash - target) : g_strdup (target);
  MhModelEntry *entry = mh_site_model_find_entry (export->model, slug);
  g_autofree char *url = NULL;

  if (entry == NULL)
    return NULL;
  url = entry_url (export, entry);
  return hash != NULL ? g_strconcat (url, hash, NULL) : g_steal_pointer (&url);
}

/* Internal links of a body: an entry's page by its root-relative URL, an
 * asset by its file name beside the page (which then goes into the bundle). */
static char *
resolve_ref (MhMarkdownRefKind  kind,
             const char        *target,
             gpointer           user_data)
{
  Bundle *bundle = user_data;
  MhModelAsset *asset;
  g_autofree char *name = NULL;

  if (kind == MH_MARKDOWN_REF_ENTRY)
    return resolve_entry (bundle->export, target);

  asset = mh_site_model_find_asset (bundle->export->model, target);
  if (asset == NULL)
    return NULL;
  name = bundle_use_asset (bundle, asset);
  return g_uri_escape_string (name, NULL, TRUE);
}

/* Hugo reads `{{<` and `{{%` as the start of a shortcode anywhere in the
 * content, code included, and fails the build on one it does not know. Our
 * bodies have no shortcodes, so an invisible word joiner (U+2060) goes
 * between the braces and the `<` or `%`: the text reads the same. */
static char *
neutralise_shortcodes (const char *markdown)
{
  GString *out = g_string_sized_new (strlen (markdown) + 16);

  for (const char *p = markdown; *p != '\0'; p++)
    {
      g_string_append_c (out, *p);
      if (p[0] == '{' && p > markdown && p[-1] == '{' && (p[1] == '<' || p[1] == '%'))
        g_string_append (out, "\xe2\x81\xa0");
    }
  return g_string_free (out, FALSE);
}

static char *
bundle_body (Bundle     *bundle,
             const char *markdown)
{
  g_autofree char *commonmark = NULL;

  if (markdown == NULL || *markdown == '\0')
    return g_strdup ("");
  commonmark = mh_markdown_to_commonmark (markdown, resolve_ref, bundle, NULL);
  return neutralise_shortcodes (commonmark != NULL ? commonmark : "");
}

/* Assets are linked from the previous export when their hash is the same,
 * so their bytes are read only when they are new. */
static gboolean
bundle_write_assets (Bundle  *bundle,
                     GError **error)
{
  Export *export = bundle->export;

  for (guint i = 0; i < bundle->assets->len; i++)
    {
      MhModelAsset *asset = g_ptr_array_index (bundle->assets, i);
      g_autofree char *name = resource_name (asset);
      g_autofree char *relpath = g_strconcat (bundle->dir, name, NULL);
      g_autoptr(GBytes) bytes = NULL;

      if (mh_export_writer_reuse (export->writer, relpath, asset->sha256))
        continue;
      bytes = mh_site_model_read_asset (export->model, asset, error);
      if (bytes == NULL ||
          !mh_export_writer_add_bytes (export->writer, relpath, asset->sha256, bytes, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
bundle_write_index (Bundle      *bundle,
                    const char  *name,
                    GString     *text,
                    GError     **error)
{
  g_autofree char *relpath = g_strconcat (bundle->dir, name, NULL);

  return mh_export_writer_add (bundle->export->writer, relpath, NULL, text->str, text->len,
                               error) &&
         bundle_write_assets (bundle, error);
}

/* Entries: front matter */

static gboolean
alias_is_free (Export       *export,
               MhModelEntry *entry,
               const char   *alias)
{
  MhModelEntry *other = mh_site_model_find_entry (export->model, alias);

  if (!is_plain_name (alias) || g_str_equal (alias, entry->slug) ||
      (other != NULL && other != entry))
    return FALSE;
  /* A page's alias sits at the top level, beside sections, taxonomies and
   * the languages' folders. */
  if (strchr (entry->path, '/') == entry->path + strlen (entry->path) - 1)
    {
      if (is_one_of (alias, hugo_sections, G_N_ELEMENTS (hugo_sections)) ||
          g_ptr_array_find_with_equal_func (export->languages, alias, g_str_equal, NULL))
        return FALSE;
      for (guint i = 0; i < export->model->vocabularies->len; i++)
        {
          MhModelVocabulary *v = g_ptr_array_index (export->model->vocabularies, i);

          if (g_ascii_strcasecmp (v->key, alias) == 0)
            return FALSE;
        }
    }
  return TRUE;
}

/* Old URLs, in the entry's folder: “/reports/old-slug/”, “/fr/reports/…”
 * for another language. Hugo writes them under its output folder, which is
 * served at the base path, so that is not part of them. */
static void
entry_aliases (Export       *export,
               MhModelEntry *entry,
               GString      *out)
{
  g_autoptr(GPtrArray) aliases = g_ptr_array_new_with_free_func (g_free);
  const char *language = entry_language (export, entry);
  g_autofree char *root = NULL;
  gsize prefix;

  if (!g_str_has_suffix (entry->path, "/") || strlen (entry->path) < strlen (entry->slug) + 1)
    return;
  prefix = strlen (entry->path) - strlen (entry->slug) - 1;
  root = is_default_language (export, language) ? g_strdup ("/")
                                                : g_strconcat ("/", language, "/", NULL);
  for (guint i = 0; i < entry->aliases->len; i++)
    {
      const char *alias = g_ptr_array_index (entry->aliases, i);

      if (alias_is_free (export, entry, alias))
        g_ptr_array_add (aliases, g_strdup_printf ("%s%.*s%s/", root, (int) prefix, entry->path,
                                                   alias));
    }
  yaml_strings (out, 0, "aliases", aliases);
}

/* One array per vocabulary, of term slugs: the entry's terms in the
 * editor's order, then their ancestors. */
static void
entry_taxonomies (Export       *export,
                  MhModelEntry *entry,
                  GString      *out)
{
  for (guint v = 0; v < export->model->vocabularies->len; v++)
    {
      MhModelVocabulary *vocabulary = g_ptr_array_index (export->model->vocabularies, v);
      g_autoptr(GPtrArray) terms = g_ptr_array_new ();
      g_autoptr(GPtrArray) slugs = g_ptr_array_new ();
      g_autofree char *key = NULL;

      if (!g_hash_table_contains (export->vocabularies, vocabulary))
        continue;
      for (guint i = 0; i < entry->terms->len; i++)
        {
          MhModelTerm *term = g_ptr_array_index (entry->terms, i);

          if (term->vocabulary == vocabulary && !g_ptr_array_find (terms, term, NULL))
            g_ptr_array_add (terms, term);
        }
      for (guint i = 0; i < terms->len; i++)
        {
          MhModelTerm *term = g_ptr_array_index (terms, i);

          for (MhModelTerm *up = term->parent; up != NULL; up = up->parent)
            if (!g_ptr_array_find (terms, up, NULL))
              g_ptr_array_add (terms, up);
          g_ptr_array_add (slugs, term->slug);
        }
      key = mh_escape_yaml_string (vocabulary->key);
      yaml_strings (out, 0, key, slugs);
    }
}

static void
entry_common_params (Bundle       *bundle,
                     MhModelEntry *entry,
                     GString      *out)
{
  g_autofree char *cover = bundle_use_asset (bundle, entry->cover);

  yaml_string (out, 2, "kind", mh_entry_kind_to_string (entry->kind));
  yaml_string (out, 2, "summary", entry->summary);
  if (cover != NULL)
    {
      yaml_string (out, 2, "cover", cover);
      yaml_string (out, 2, "cover_alt", entry->cover_alt ? entry->cover_alt : entry->cover->alt);
      yaml_string (out, 2, "cover_credit",
                   entry->cover_credit ? entry->cover_credit : entry->cover->credit);
    }
  yaml_strings (out, 2, "authors", entry->authors);
  yaml_string (out, 2, "posted_by", entry->posted_by);
  yaml_string (out, 2, "series", entry->series);
  yaml_strings (out, 2, "hashtags", entry->hashtags);
  if (entry->website != NULL && mh_url_is_safe (entry->website))
    yaml_string (out, 2, "website", entry->website);
}

static void
entry_partners (Bundle       *bundle,
                MhModelEntry *entry,
                GString      *out)
{
  if (entry->partners->len == 0)
    return;

  g_string_append (out, "  partners:\n");
  for (guint i = 0; i < entry->partners->len; i++)
    {
      MhModelPartner *partner = g_ptr_array_index (entry->partners, i);
      MhModelOrganisation *organisation = partner->organisation;
      g_autoptr(GString) fields = g_string_new (NULL);
      g_autofree char *logo = bundle_use_asset (bundle, organisation->logo);

      yaml_string (fields, 6, "name", organisation->name);
      if (organisation->url != NULL && mh_url_is_safe (organisation->url))
        yaml_string (fields, 6, "url", organisation->url);
      yaml_string (fields, 6, "logo", logo);
      if (logo != NULL)
        yaml_string (fields, 6, "logo_alt", organisation->logo->alt);
      yaml_string (fields, 6, "relation", partner->relation);
      yaml_item (out, 4, fields);
    }
}

static void
event_dates (MhModelEntry *entry,
             GString      *out)
{
  g_autofree char *start = hugo_date (entry->event_start);
  g_autofree char *end = hugo_date (entry->event_end);

  yaml_string (out, 2, "start", start);
  yaml_string (out, 2, "end", end);
  yaml_string (out, 2, "time_zone", entry->time_zone);
  yaml_bool (out, 2, "all_day", entry->all_day);
}

static void
event_place (MhModelEntry *entry,
             GString      *out)
{
  yaml_string (out, 2, "venue", entry->venue);
  yaml_string (out, 2, "city", entry->city);
  if (entry->event_country != NULL)
    {
      g_autofree char *path = content_path (entry->event_country->path);

      yaml_string (out, 2, "country", entry->event_country->name);
      yaml_string (out, 2, "country_page", path);
    }
  yaml_bool (out, 2, "online", entry->online);
  yaml_string (out, 2, "format", entry->event_format);
  yaml_int (out, 2, "participants_planned", entry->participants_planned);
  yaml_int (out, 2, "participants_actual", entry->participants_actual);
}

static void
event_programme (MhModelEntry *entry,
                 GString      *out)
{
  if (entry->programme->len == 0)
    return;

  g_string_append (out, "  programme:\n");
  for (guint i = 0; i < entry->programme->len; i++)
    {
      MhModelProgramme *item = g_ptr_array_index (entry->programme, i);
      g_autoptr(GString) fields = g_string_new (NULL);
      g_autofree char *start = hugo_date (item->start);
      g_autofree char *end = hugo_date (item->end);

      yaml_string (fields, 6, "start", start);
      yaml_string (fields, 6, "end", end);
      yaml_string (fields, 6, "title", item->title);
      yaml_string (fields, 6, "venue", item->venue);
      yaml_item (out, 4, fields);
    }
}

/* The model holds only people who consented to appear, and none of their
 * private fields: what is here may be published. */
static void
event_participants (Bundle       *bundle,
                    MhModelEntry *entry,
                    GString      *out)
{
  if (entry->participants->len == 0)
    return;

  g_string_append (out, "  participants:\n");
  for (guint i = 0; i < entry->participants->len; i++)
    {
      MhModelParticipant *p = g_ptr_array_index (entry->participants, i);
      g_autoptr(GString) fields = g_string_new (NULL);
      g_autofree char *photo = bundle_use_asset (bundle, p->photo);

      yaml_string (fields, 6, "name", p->display_name);
      yaml_string (fields, 6, "role", p->role);
      yaml_string (fields, 6, "group", p->group);
      yaml_string (fields, 6, "job_title", p->job_title);
      yaml_string (fields, 6, "organisation", p->organisation);
      yaml_string (fields, 6, "country", p->country != NULL ? p->country->name : NULL);
      yaml_string (fields, 6, "photo", photo);
      yaml_string (fields, 6, "photo_credit", photo != NULL ? p->photo_credit : NULL);
      yaml_item (out, 4, fields);
    }
}

static void
report_params (Bundle       *bundle,
               MhModelEntry *entry,
               GString      *out)
{
  yaml_string (out, 2, "publisher", entry->publisher);
  if (entry->report_event != NULL)
    {
      g_autofree char *path = content_path (entry->report_event->path);

      yaml_string (out, 2, "event", path);
    }
  if (entry->downloads->len == 0)
    return;

  g_string_append (out, "  downloads:\n");
  for (guint i = 0; i < entry->downloads->len; i++)
    {
      MhModelDownload *download = g_ptr_array_index (entry->downloads, i);
      g_autoptr(GString) fields = g_string_new (NULL);
      g_autofree char *file = bundle_use_asset (bundle, download->asset);

      yaml_string (fields, 6, "file", file);
      yaml_string (fields, 6, "title", download->title ? download->title : download->asset->name);
      yaml_string (fields, 6, "language", download->language);
      yaml_int (fields, 6, "size", download->asset->size);
      yaml_string (fields, 6, "media_type", download->asset->media_type);
      yaml_item (out, 4, fields);
    }
}

static void
open_call_params (MhModelEntry *entry,
                  GString      *out)
{
  g_autofree char *deadline = hugo_date (entry->deadline);

  yaml_string (out, 2, "category", entry->call_category);
  yaml_string (out, 2, "deadline", deadline);
  if (entry->eligible_countries->len == 0)
    return;

  g_string_append (out, "  eligible_countries:\n");
  for (guint i = 0; i < entry->eligible_countries->len; i++)
    {
      MhModelTerm *term = g_ptr_array_index (entry->eligible_countries, i);
      g_autoptr(GString) fields = g_string_new (NULL);
      g_autofree char *path = content_path (term->path);

      yaml_string (fields, 6, "name", term->name);
      yaml_string (fields, 6, "page", path);
      yaml_item (out, 4, fields);
    }
}

static void
entry_params (Bundle       *bundle,
              MhModelEntry *entry,
              GString      *out)
{
  g_string_append (out, "params:\n");
  entry_common_params (bundle, entry, out);
  switch (entry->kind)
    {
    case MH_ENTRY_KIND_EVENT:
      event_dates (entry, out);
      event_place (entry, out);
      event_programme (entry, out);
      event_participants (bundle, entry, out);
      break;
    case MH_ENTRY_KIND_REPORT:
      report_params (bundle, entry, out);
      break;
    case MH_ENTRY_KIND_OPEN_CALL:
      open_call_params (entry, out);
      break;
    case MH_ENTRY_KIND_ARTICLE:
    case MH_ENTRY_KIND_PAGE:
    default:
      break;
    }
  entry_partners (bundle, entry, out);
}

static void
entry_front_matter (Bundle       *bundle,
                    MhModelEntry *entry,
                    GString      *out)
{
  Export *export = bundle->export;
  g_autofree char *date = hugo_date (entry->date);

  g_string_append (out, "---\n");
  yaml_string (out, 0, "title", entry->title);
  yaml_string (out, 0, "date", date);
  yaml_bool (out, 0, "draft", FALSE);
  yaml_string (out, 0, "slug", entry->slug);
  entry_aliases (export, entry, out);
  yaml_string (out, 0, "summary", entry->summary);
  if (is_multilingual (export))
    yaml_string (out, 0, "translationKey",
                 entry->translation_of != NULL ? entry->translation_of->uuid : entry->uuid);
  entry_taxonomies (export, entry, out);
  entry_params (bundle, entry, out);
  g_string_append (out, "---\n");
}

static gboolean
write_entry (Export        *export,
             MhModelEntry  *entry,
             GError       **error)
{
  g_auto(Bundle) bundle = { 0 };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *body = NULL;
  g_autofree char *name = NULL;
  const char *language = entry_language (export, entry);

  bundle_init (&bundle, export, entry->path);
  entry_front_matter (&bundle, entry, text);
  body = bundle_body (&bundle, entry->body);
  if (*body != '\0')
    g_string_append_printf (text, "\n%s%s", body, g_str_has_suffix (body, "\n") ? "" : "\n");

  /* A translation is the same bundle in another language for Hugo only when
   * the site has several; then its file name says which. */
  if (is_default_language (export, language))
    name = g_strdup ("index.md");
  else
    name = g_strdup_printf ("index.%s.md", language);
  return bundle_write_index (&bundle, name, text, error);
}

/* Terms, vocabularies, sections, the home page */

static void
term_aliases (MhModelTerm *term,
              GString     *out)
{
  g_autoptr(GPtrArray) aliases = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < term->aliases->len; i++)
    {
      const char *alias = g_ptr_array_index (term->aliases, i);
      gboolean taken = !is_plain_name (alias);

      for (guint j = 0; !taken && j < term->vocabulary->terms->len; j++)
        {
          MhModelTerm *other = g_ptr_array_index (term->vocabulary->terms, j);

          taken = g_str_equal (other->slug, alias);
        }
      if (!taken)
        g_ptr_array_add (aliases, g_strdup_printf ("/%s/%s/", term->vocabulary->key, alias));
    }
  yaml_strings (out, 0, "aliases", aliases);
}

static gboolean
write_term (Export       *export,
            MhModelTerm  *term,
            guint         position,
            GError      **error)
{
  g_auto(Bundle) bundle = { 0 };
  g_autoptr(GString) text = g_string_new ("---\n");
  g_autofree char *body = NULL;

  bundle_init (&bundle, export, term->path);
  yaml_string (text, 0, "title", term->name);
  yaml_string (text, 0, "description", term->description);
  yaml_int (text, 0, "weight", position + 1);
  term_aliases (term, text);
  if (term->parent != NULL)
    {
      g_autofree char *page = content_path (term->parent->path);

      g_string_append (text, "params:\n");
      yaml_string (text, 2, "parent", term->parent->slug);
      yaml_string (text, 2, "parent_page", page);
    }
  g_string_append (text, "---\n");

  body = bundle_body (&bundle, term->description);
  if (*body != '\0')
    g_string_append_printf (text, "\n%s%s", body, g_str_has_suffix (body, "\n") ? "" : "\n");
  return bundle_write_index (&bundle, "_index.md", text, error);
}

static gboolean
write_list_page (Export      *export,
                 const char  *dir,
                 const char  *title,
                 const char  *description,
                 GError     **error)
{
  g_autoptr(GString) text = g_string_new ("---\n");
  g_autofree char *relpath = g_strconcat ("content/", dir, "_index.md", NULL);

  yaml_string (text, 0, "title", title);
  yaml_string (text, 0, "description", description);
  g_string_append (text, "---\n");
  return mh_export_writer_add (export->writer, relpath, NULL, text->str, text->len, error);
}

static gboolean
write_vocabulary (Export             *export,
                  MhModelVocabulary  *vocabulary,
                  GError            **error)
{
  g_autofree char *dir = g_strconcat (vocabulary->key, "/", NULL);

  if (!write_list_page (export, dir, vocabulary->name, NULL, error))
    return FALSE;
  for (guint i = 0; i < vocabulary->terms->len; i++)
    if (!write_term (export, g_ptr_array_index (vocabulary->terms, i), i, error))
      return FALSE;
  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The folder of an entry's section, when it is in one: “reports/”, and
 * “pages/” for the pages the model put there. */
static char *
section_dir (MhModelEntry *entry)
{
  const char *slash = strchr (entry->path, '/');

  if (slash == NULL || slash[1] == '\0')
    return NULL;
  return g_strndup (entry->path, slash - entry->path + 1);
}

static gboolean
write_sections (Export  *export,
                GError **error)
{
  g_autoptr(GPtrArray) dirs = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < export->model->entries->len; i++)
    {
      g_autofree char *dir = section_dir (g_ptr_array_index (export->model->entries, i));

      if (dir != NULL && !g_ptr_array_find_with_equal_func (dirs, dir, g_str_equal, NULL))
        g_ptr_array_add (dirs, g_steal_pointer (&dir));
    }
  g_ptr_array_sort (dirs, compare_strings);

  for (guint i = 0; i < dirs->len; i++)
    {
      const char *dir = g_ptr_array_index (dirs, i);
      g_autofree char *section = g_strndup (dir, strlen (dir) - 1);

      if (!write_list_page (export, dir, mh_site_model_section_title (section), NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* Configuration and layouts */

static void
config_languages (Export  *export,
                  GString *out)
{
  if (!is_multilingual (export))
    return;

  for (guint i = 0; i < export->languages->len; i++)
    {
      const char *language = g_ptr_array_index (export->languages, i);

      g_string_append_printf (out, "\n[languages.%s]\n", language);
      toml_pair (out, "languageCode", language);
      toml_pair (out, "languageName", language);
      g_string_append_printf (out, "weight = %u\n", i + 1);
    }
}

static void
config_taxonomies (Export  *export,
                   GString *out)
{
  g_string_append (out, "\n# singular = plural; the singular is only a name for layouts.\n"
                        "[taxonomies]\n");
  for (guint i = 0; i < export->model->vocabularies->len; i++)
    {
      MhModelVocabulary *vocabulary = g_ptr_array_index (export->model->vocabularies, i);
      GString *key;

      if (!g_hash_table_contains (export->vocabularies, vocabulary))
        continue;
      key = g_string_new (NULL);
      toml_string (key, vocabulary->key);
      g_string_append_printf (out, "%s = %s\n", key->str, key->str);
      g_string_free (key, TRUE);
    }
}

/* What the layouts need to know: the vocabularies in their order (a map
 * such as `site.Taxonomies` does not keep it) and the entries per page. */
static void
config_params (Export  *export,
               GString *out)
{
  guint n = 0;

  g_string_append (out, "\n[params.masthead]\nvocabularies = [");
  for (guint i = 0; i < export->model->vocabularies->len; i++)
    {
      MhModelVocabulary *vocabulary = g_ptr_array_index (export->model->vocabularies, i);

      if (!g_hash_table_contains (export->vocabularies, vocabulary))
        continue;
      if (n++ > 0)
        g_string_append (out, ", ");
      toml_string (out, vocabulary->key);
    }
  g_string_append_printf (out, "]\npage_size = %d\n", MH_SITE_MODEL_PAGE_SIZE);
}

static char *
config_toml (Export *export)
{
  MhSiteModel *model = export->model;
  GString *out = g_string_new ("# Written by Masthead; build it with `hugo`.\n");

  toml_pair (out, "baseURL", model->base_url);
  toml_pair (out, "title", model->title);
  toml_pair (out, "languageCode", model->language != NULL ? model->language : "en");
  toml_pair (out, "defaultContentLanguage", g_ptr_array_index (export->languages, 0));
  /* What the model holds is published, whatever its date: without this,
   * an entry dated tomorrow would be left out, and the output would depend
   * on the day of the build. */
  g_string_append (out, "buildFuture = true\n");

  config_languages (export, out);
  config_taxonomies (export, out);
  config_params (export, out);

  /* The bodies are CommonMark: raw HTML only when the site allows it, and
   * no `{#id}` attribute syntax, which CommonMark text does not have. */
  g_string_append_printf (out, "\n[markup.goldmark.renderer]\nunsafe = %s\n",
                          model->allow_raw_html ? "true" : "false");
  g_string_append (out, "\n[markup.goldmark.parser.attribute]\n"
                        "block = false\n"
                        "title = false\n");
  return g_string_free (out, FALSE);
}

static gboolean
write_config_and_layouts (Export  *export,
                          GError **error)
{
  g_autofree char *config = config_toml (export);

  if (!mh_export_writer_add (export->writer, "hugo.toml", NULL, config, strlen (config), error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
    if (!mh_export_writer_add (export->writer, layouts[i].path, NULL, layouts[i].text,
                               strlen (layouts[i].text), error))
      return FALSE;
  return TRUE;
}

static void
export_init (Export         *export,
             MhSiteModel    *model,
             MhExportWriter *writer,
             GCancellable   *cancellable)
{
  export->model = model;
  export->writer = writer;
  export->cancellable = cancellable;
  export->base_path = base_path (model->base_url);
  export->languages = g_ptr_array_new_with_free_func (g_free);
  export->vocabularies = g_hash_table_new (NULL, NULL);

  add_language (export->languages, model->language);
  if (export->languages->len == 0)
    add_language (export->languages, "en");
  for (guint i = 0; model->languages != NULL && i < model->languages->len; i++)
    add_language (export->languages, g_ptr_array_index (model->languages, i));
  for (guint i = 0; i < model->entries->len; i++)
    {
      MhModelEntry *entry = g_ptr_array_index (model->entries, i);

      add_language (export->languages, entry->language);
    }

  for (guint i = 0; i < model->vocabularies->len; i++)
    {
      MhModelVocabulary *vocabulary = g_ptr_array_index (model->vocabularies, i);

      if (is_plain_name (vocabulary->key) &&
          !is_one_of (vocabulary->key, reserved_keys, G_N_ELEMENTS (reserved_keys)) &&
          !is_one_of (vocabulary->key, hugo_sections, G_N_ELEMENTS (hugo_sections)))
        g_hash_table_add (export->vocabularies, vocabulary);
    }
}

static void
export_clear (Export *export)
{
  g_clear_pointer (&export->base_path, g_free);
  g_clear_pointer (&export->languages, g_ptr_array_unref);
  g_clear_pointer (&export->vocabularies, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Export, export_clear)

static gboolean
write_content (Export  *export,
               GError **error)
{
  MhSiteModel *model = export->model;

  if (!write_list_page (export, "", model->title, model->description, error) ||
      !write_sections (export, error))
    return FALSE;

  for (guint i = 0; i < model->vocabularies->len; i++)
    {
      MhModelVocabulary *vocabulary = g_ptr_array_index (model->vocabularies, i);

      if (g_cancellable_set_error_if_cancelled (export->cancellable, error))
        return FALSE;
      if (g_hash_table_contains (export->vocabularies, vocabulary) &&
          !write_vocabulary (export, vocabulary, error))
        return FALSE;
    }

  for (guint i = 0; i < model->entries->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (export->cancellable, error) ||
          !write_entry (export, g_ptr_array_index (model->entries, i), error))
        return FALSE;
    }
  return TRUE;
}

/**
 * mh_hugo_export:
 * @model: the site to export
 * @writer: where to add the files; the caller commits it
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Adds the site as a Hugo content bundle to @writer: `hugo.toml`, one leaf
 * bundle per published entry under `content/` (its Markdown with YAML front
 * matter, and beside it every asset it uses), the metadata of taxonomy
 * terms, and minimal layouts, so that a stock `hugo` (tested with 0.111)
 * builds the folder without a theme, an error or a warning, and shows every
 * entry at the URL the HTML export gives it.
 *
 * The same @model always gives the same files. Call it from the thread that
 * loaded @model: it reads the assets' bytes.
 *
 * Returns: %TRUE on success
 */
gboolean
mh_hugo_export (MhSiteModel     *model,
                MhExportWriter  *writer,
                GCancellable    *cancellable,
                GError         **error)
{
  g_auto(Export) export = { 0 };

  g_return_val_if_fail (model != NULL, FALSE);
  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  export_init (&export, model, writer, cancellable);
  if (!write_config_and_layouts (&export, error) || !write_content (&export, error))
    return FALSE;
  return TRUE;
}
