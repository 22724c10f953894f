/* mh-site-render.c: the pages of the HTML site, from the theme's templates
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The structure of every page lives in the theme's templates (template-glib),
 * which a theme folder may override file by file. template-glib escapes
 * nothing, so every value put into a scope here is already HTML: text goes
 * through mh_escape_html(), URLs through mh_escape_url_attr() or are built
 * from the site's own paths, and bodies are what mh_markdown_render() made.
 *
 * template-glib 3.36 iterates only strings, strvs and GListModels of
 * GObjects (not GVariant arrays), and reads only GObject properties, so
 * repeated items (cards, participants, downloads, partners) are expanded
 * from their own small templates here in C and handed to the page template
 * as ready HTML. Every template is parsed once, when the renderer is made;
 * its {{include}}s are resolved then too.
 */

#define G_LOG_DOMAIN "mh-site-render"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <tmpl-glib.h>

#include "mh-escape.h"
#include "mh-markdown.h"
#include "mh-site-render.h"
#include "mh-store-private.h"

#define THEME_RESOURCE_DIR "resource://" RESOURCE_BASE "/site/"
/* Bump when the C side of the pages changes, so incremental exports
 * render every page again. */
#define RENDERER_VERSION "mh-site-render 1"

/* --- A template locator that remembers what it read ----------------------- */

/* Every file the templates are made of passes through here (the includes
 * too, as they are resolved while parsing), so the fingerprint covers a
 * theme's own partials as well as ours. */

#define MH_TYPE_THEME_LOCATOR (mh_theme_locator_get_type ())
G_DECLARE_FINAL_TYPE (MhThemeLocator, mh_theme_locator, MH, THEME_LOCATOR, TmplTemplateLocator)

struct _MhThemeLocator
{
  TmplTemplateLocator  parent_instance;
  GChecksum           *checksum;
};

G_DEFINE_FINAL_TYPE (MhThemeLocator, mh_theme_locator, TMPL_TYPE_TEMPLATE_LOCATOR)

static GBytes *
read_all (GInputStream  *stream,
          GError       **error)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  if (g_output_stream_splice (out, stream,
                              G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
                              G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                              NULL, error) < 0)
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static GBytes *
mh_theme_locator_read (MhThemeLocator  *self,
                       const char      *path,
                       GError         **error)
{
  TmplTemplateLocatorClass *parent = TMPL_TEMPLATE_LOCATOR_CLASS (mh_theme_locator_parent_class);
  g_autoptr(GInputStream) stream = parent->locate (TMPL_TEMPLATE_LOCATOR (self), path, error);
  GBytes *bytes;
  guint64 len;

  if (stream == NULL)
    return NULL;
  bytes = read_all (stream, error);
  if (bytes == NULL)
    return NULL;

  len = GUINT64_TO_LE (g_bytes_get_size (bytes));
  g_checksum_update (self->checksum, (const guchar *) path, strlen (path) + 1);
  g_checksum_update (self->checksum, (const guchar *) &len, sizeof len);
  g_checksum_update (self->checksum, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return bytes;
}

static GInputStream *
mh_theme_locator_locate (TmplTemplateLocator  *locator,
                         const char           *path,
                         GError              **error)
{
  GBytes *bytes = mh_theme_locator_read (MH_THEME_LOCATOR (locator), path, error);
  GInputStream *stream;

  if (bytes == NULL)
    return NULL;
  stream = g_memory_input_stream_new_from_bytes (bytes);
  g_bytes_unref (bytes);
  return stream;
}

static void
mh_theme_locator_finalize (GObject *object)
{
  MhThemeLocator *self = MH_THEME_LOCATOR (object);

  g_checksum_free (self->checksum);
  G_OBJECT_CLASS (mh_theme_locator_parent_class)->finalize (object);
}

static void
mh_theme_locator_class_init (MhThemeLocatorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mh_theme_locator_finalize;
  TMPL_TEMPLATE_LOCATOR_CLASS (klass)->locate = mh_theme_locator_locate;
}

static void
mh_theme_locator_init (MhThemeLocator *self)
{
  self->checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (self->checksum, (const guchar *) RENDERER_VERSION, -1);
}

/* --- The renderer ---------------------------------------------------------- */

typedef enum
{
  T_BASE,
  T_ENTRY_REPORT,
  T_ENTRY_EVENT,
  T_ENTRY_ARTICLE,
  T_ENTRY_OPEN_CALL,
  T_ENTRY_PAGE,
  T_CARD,
  T_HOME,
  T_HOME_SECTION,
  T_LIST,
  T_TERM,
  T_VOCABULARY,
  T_NOT_FOUND,
  T_REDIRECT,
  T_PARTICIPANT,
  T_DOWNLOAD,
  T_PARTNER,
  N_TEMPLATES
} TemplateId;

static const char * const template_names[N_TEMPLATES] = {
  [T_BASE] = "base.html",
  [T_ENTRY_REPORT] = "entry-report.html",
  [T_ENTRY_EVENT] = "entry-event.html",
  [T_ENTRY_ARTICLE] = "entry-article.html",
  [T_ENTRY_OPEN_CALL] = "entry-open-call.html",
  [T_ENTRY_PAGE] = "entry-page.html",
  [T_CARD] = "card.html",
  [T_HOME] = "home.html",
  [T_HOME_SECTION] = "home-section.html",
  [T_LIST] = "list.html",
  [T_TERM] = "term.html",
  [T_VOCABULARY] = "vocabulary.html",
  [T_NOT_FOUND] = "404.html",
  [T_REDIRECT] = "redirect.html",
  [T_PARTICIPANT] = "participant.html",
  [T_DOWNLOAD] = "download.html",
  [T_PARTNER] = "partner.html",
};

/* The sections in the order of the site's navigation and home page. */
static const char * const section_order[] = { "insights", "events", "reports", "opportunities" };

#define HOME_PER_SECTION 3
#define HOME_OPEN_CALLS  4
#define N_SIMILAR        6

typedef enum
{
  CARD_SIMILAR,
  CARD_LISTING,
  CARD_HOME,
  CARD_FEATURE,
  CARD_OPEN_CALL,
  N_CARD_STYLES
} CardStyleId;

struct _MhSiteRenderer
{
  MhSiteModel       *model;            /* borrowed */
  MhThemeLocator    *locator;
  TmplTemplate      *templates[N_TEMPLATES];
  GBytes            *stylesheet;
  char              *fingerprint;
  char              *root;             /* the base path, “/” or “/culture/”, unescaped */
  char              *today;            /* nullable: YYYY-MM-DD, for open calls */
  TmplScope         *site_scope;       /* what every page shares */
  GPtrArray         *sections;         /* const char*: sections that have entries */
  GHashTable        *cards[N_CARD_STYLES];  /* MhModelEntry* → its card's HTML */
  GHashTable        *partners;         /* “ORG RELATION” → the partner's HTML */
  GHashTable        *section_entries;  /* section → GPtrArray of MhModelEntry*, newest first */
  MhModelVocabulary *categories;       /* nullable */
  MhModelVocabulary *countries;        /* nullable */
};

/* Appends @text to @out and frees it. */
static void
string_append_take (GString *out,
                    char    *text)
{
  g_string_append (out, text);
  g_free (text);
}

/* --- Small helpers ----------------------------------------------------------- */

static const char * const month_names[] = {
  "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
};

static const char * const weekday_names[] = {
  "", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"
};

typedef struct
{
  int      year, month, day;
  int      hour, minute;
  gboolean has_time;
} DateParts;

static gboolean
parse_digits (const char *s,
              guint       n,
              int        *out)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      value = value * 10 + (s[i] - '0');
    }
  *out = value;
  return TRUE;
}

/* YYYY-MM-DD, optionally followed by THH:MM[:SS…]; anything after the
 * minutes (seconds, an offset) is ignored: the times of the model are local
 * to the event's time zone. */
static gboolean
parse_date (const char *iso,
            DateParts  *parts)
{
  memset (parts, 0, sizeof *parts);
  if (iso == NULL || strlen (iso) < 10 || iso[4] != '-' || iso[7] != '-')
    return FALSE;
  if (!parse_digits (iso, 4, &parts->year) ||
      !parse_digits (iso + 5, 2, &parts->month) ||
      !parse_digits (iso + 8, 2, &parts->day))
    return FALSE;
  if (!g_date_valid_dmy (parts->day, parts->month, parts->year))
    return FALSE;
  if ((iso[10] == 'T' || iso[10] == ' ') && strlen (iso) >= 16 && iso[13] == ':' &&
      parse_digits (iso + 11, 2, &parts->hour) && parse_digits (iso + 14, 2, &parts->minute))
    parts->has_time = parts->hour < 24 && parts->minute < 60;
  return TRUE;
}

static char *
format_day (const DateParts *d)
{
  return g_strdup_printf ("%d %s %d", d->day, month_names[d->month - 1], d->year);
}

static char *
format_iso_day (const DateParts *d)
{
  return g_strdup_printf ("%04d-%02d-%02d", d->year, d->month, d->day);
}

/**
 * mh_site_format_date:
 * @iso: (nullable): a date, `YYYY-MM-DD` with or without a time
 *
 * Formats a date the house way, “10 Jun 2024”, whatever the locale.
 *
 * Returns: (transfer full) (nullable): the date, or %NULL when @iso is not one
 */
char *
mh_site_format_date (const char *iso)
{
  DateParts d;

  if (!parse_date (iso, &d))
    return NULL;
  return format_day (&d);
}

/**
 * mh_site_format_size:
 * @bytes: a file size
 *
 * Formats a file size for a download link: “840 bytes”, “312 KB”, “2.4 MB”
 * (1 KB = 1024 bytes).
 *
 * Returns: (transfer full): the size
 */
char *
mh_site_format_size (gint64 bytes)
{
  if (bytes < 1024)
    return g_strdup_printf ("%" G_GINT64_FORMAT " bytes", MAX (bytes, 0));
  if (bytes < 1024 * 1024)
    return g_strdup_printf ("%" G_GINT64_FORMAT " KB", (bytes + 512) / 1024);
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT " MB",
                          (bytes * 10 + 512 * 1024) / (1024 * 1024) / 10,
                          (bytes * 10 + 512 * 1024) / (1024 * 1024) % 10);
}

static void
set_html (TmplScope  *scope,
          const char *name,
          const char *html)
{
  tmpl_scope_set_string (scope, name, html != NULL ? html : "");
}

static void
take_html (TmplScope  *scope,
           const char *name,
           char       *html)
{
  set_html (scope, name, html);
  g_free (html);
}

static void
set_text (TmplScope  *scope,
          const char *name,
          const char *text)
{
  if (text == NULL || *text == '\0')
    tmpl_scope_set_string (scope, name, "");
  else
    take_html (scope, name, mh_escape_html (text));
}

/* The site's own path as an attribute value, root-relative to the base. */
static char *
site_url (MhSiteRenderer *r,
          const char     *path)
{
  g_autofree char *url = g_strconcat (r->root, path != NULL ? path : "", NULL);

  return mh_escape_html (url);
}

/* An external URL as an attribute value, or NULL when it is unsafe. */
static char *
external_url (const char *url)
{
  if (url == NULL || *url == '\0' || !mh_url_is_safe (url))
    return NULL;
  return mh_escape_url_attr (url);
}

static char *
url_label (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;

  if (host == NULL || *host == '\0')
    return mh_escape_html (url);
  if (g_str_has_prefix (host, "www."))
    host += 4;
  return mh_escape_html (host);
}

static char *
capitalise (const char *text)
{
  g_autofree char *first = NULL;
  const char *rest;

  if (text == NULL || *text == '\0')
    return g_strdup ("");
  rest = g_utf8_next_char (text);
  first = g_utf8_strup (text, rest - text);
  return g_strconcat (first, rest, NULL);
}

/* Joins the escaped @texts with @separator. */
static char *
join_escaped (GPtrArray  *texts,
              const char *separator)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; texts != NULL && i < texts->len; i++)
    {
      if (out->len > 0)
        g_string_append (out, separator);
      mh_escape_html_append (out, g_ptr_array_index (texts, i));
    }
  return g_string_free (out, FALSE);
}

static const char *
kind_class (MhEntryKind kind)
{
  switch (kind)
    {
    case MH_ENTRY_KIND_REPORT:
      return "report";
    case MH_ENTRY_KIND_EVENT:
      return "event";
    case MH_ENTRY_KIND_ARTICLE:
      return "article";
    case MH_ENTRY_KIND_OPEN_CALL:
      return "open-call";
    case MH_ENTRY_KIND_PAGE:
    default:
      return "page";
    }
}

static const char *
entry_language (MhSiteRenderer *r,
                MhModelEntry   *entry)
{
  if (entry != NULL && entry->language != NULL && *entry->language != '\0')
    return entry->language;
  return r->model->language != NULL ? r->model->language : "en";
}

/* --- Expanding ---------------------------------------------------------------- */

static char *
expand (MhSiteRenderer  *r,
        TemplateId       id,
        TmplScope       *scope,
        GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  char *html = tmpl_template_expand_string (r->templates[id], scope, &local_error);

  if (html == NULL)
    g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                _("Cannot expand the theme template “%s”: "),
                                template_names[id]);
  return html;
}

/* Expands @id into @out, for the repeated items of a page. */
static gboolean
expand_append (MhSiteRenderer  *r,
               TemplateId       id,
               TmplScope       *scope,
               GString         *out,
               GError         **error)
{
  g_autofree char *html = expand (r, id, scope, error);

  if (html == NULL)
    return FALSE;
  g_string_append (out, html);
  return TRUE;
}

static TmplScope *
page_scope_new (MhSiteRenderer *r,
                const char     *page_kind,
                const char     *lang)
{
  TmplScope *scope = tmpl_scope_new_with_parent (r->site_scope);

  set_html (scope, "page_kind", page_kind);
  set_text (scope, "lang", lang);
  set_html (scope, "head_links", "");
  set_html (scope, "canonical", "");
  set_html (scope, "description", "");
  set_html (scope, "breadcrumb", "");
  return scope;
}

static void
set_page_title (MhSiteRenderer *r,
                TmplScope      *scope,
                const char     *title)
{
  g_autofree char *full = NULL;

  if (title == NULL)
    full = g_strdup (r->model->title);
  else
    full = g_strdup_printf ("%s – %s", title, r->model->title);
  set_text (scope, "page_title", full);
}

static void
set_canonical (MhSiteRenderer *r,
               TmplScope      *scope,
               const char     *path)
{
  g_autofree char *url = mh_site_model_url (r->model, path);

  take_html (scope, "canonical", mh_escape_html (url));
}

/* The navigation, with the current section marked. */
static char *
build_nav (MhSiteRenderer *r,
           const char     *current,
           gboolean        on_listing)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < r->sections->len; i++)
    {
      const char *section = g_ptr_array_index (r->sections, i);
      g_autofree char *path = g_strconcat (section, "/", NULL);
      g_autofree char *url = site_url (r, path);

      g_string_append_printf (out, "        <li><a href=\"%s\"%s>", url,
                              g_strcmp0 (section, current) != 0 ? ""
                              : on_listing ? " aria-current=\"page\"" : " aria-current=\"true\"");
      mh_escape_html_append (out, mh_site_model_section_title (section));
      g_string_append (out, "</a></li>\n");
    }
  return g_string_free (out, FALSE);
}

/* Wraps the expansion of @id in base.html. */
static char *
render_page (MhSiteRenderer  *r,
             TemplateId       id,
             TmplScope       *scope,
             const char      *section,
             gboolean         on_listing,
             GError         **error)
{
  g_autofree char *content = NULL;

  take_html (scope, "nav", build_nav (r, section, on_listing));
  content = expand (r, id, scope, error);
  if (content == NULL)
    return NULL;
  set_html (scope, "content", content);
  return expand (r, T_BASE, scope, error);
}

/* --- Breadcrumbs ------------------------------------------------------------- */

static void
crumb_link (GString        *out,
            MhSiteRenderer *r,
            const char     *path,
            const char     *text)
{
  g_autofree char *url = site_url (r, path);

  g_string_append_printf (out, "    <li><a href=\"%s\">", url);
  mh_escape_html_append (out, text);
  g_string_append (out, "</a></li>\n");
}

static void
crumb_current (GString    *out,
               const char *text)
{
  g_string_append (out, "    <li aria-current=\"page\">");
  mh_escape_html_append (out, text);
  g_string_append (out, "</li>\n");
}

/* Home › @title */
static char *
simple_breadcrumb (MhSiteRenderer *r,
                   const char     *title)
{
  GString *out = g_string_new (NULL);

  crumb_link (out, r, "", _("Home"));
  crumb_current (out, title);
  return g_string_free (out, FALSE);
}

static char *
entry_breadcrumb (MhSiteRenderer *r,
                  MhModelEntry   *entry)
{
  GString *out = g_string_new (NULL);

  crumb_link (out, r, "", _("Home"));
  if (entry->section != NULL && *entry->section != '\0')
    {
      g_autofree char *path = g_strconcat (entry->section, "/", NULL);

      crumb_link (out, r, path, mh_site_model_section_title (entry->section));
    }
  crumb_current (out, entry->title);
  return g_string_free (out, FALSE);
}

/* --- Cards ------------------------------------------------------------------- */

typedef struct
{
  CardStyleId  id;
  const char  *heading;    /* h2 or h3 */
  gboolean     image;
  gboolean     summary;
} CardStyle;

static MhModelTerm *
first_term_in (MhModelEntry      *entry,
               MhModelVocabulary *vocabulary)
{
  for (guint i = 0; vocabulary != NULL && i < entry->terms->len; i++)
    {
      MhModelTerm *term = g_ptr_array_index (entry->terms, i);

      if (term->vocabulary == vocabulary)
        return term;
    }
  return NULL;
}

static char *
term_names_in (MhModelEntry      *entry,
               MhModelVocabulary *vocabulary)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; vocabulary != NULL && i < entry->terms->len; i++)
    {
      MhModelTerm *term = g_ptr_array_index (entry->terms, i);

      if (term->vocabulary != vocabulary)
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      mh_escape_html_append (out, term->name);
    }
  return g_string_free (out, FALSE);
}

static const char *
entry_kicker (MhSiteRenderer *r,
              MhModelEntry   *entry)
{
  MhModelTerm *category = first_term_in (entry, r->categories);

  if (category != NULL)
    return category->name;
  if (entry->section == NULL || *entry->section == '\0')
    return NULL;
  return mh_site_model_section_title (entry->section);
}

static char *
entry_byline (MhModelEntry *entry)
{
  if (entry->authors != NULL && entry->authors->len > 0)
    return join_escaped (entry->authors, ", ");
  return mh_escape_html (entry->posted_by);
}

/* “10 Jun 2024 – 13 Jun 2024”, or one day: an event's days on a card. */
static char *
event_days (MhModelEntry *entry)
{
  DateParts s, e;

  if (!parse_date (entry->event_start, &s))
    return NULL;
  if (!parse_date (entry->event_end, &e) ||
      (s.year == e.year && s.month == e.month && s.day == e.day))
    return format_day (&s);
  return g_strdup_printf ("%d %s %d – %d %s %d", s.day, month_names[s.month - 1], s.year,
                          e.day, month_names[e.month - 1], e.year);
}

/* The date a card shows: the deadline of an open call, the start of an
 * event, the publication date of anything else. */
static void
set_card_date (TmplScope    *scope,
               MhModelEntry *entry)
{
  const char *iso = entry->date;
  gboolean deadline = FALSE;
  DateParts d;

  if (entry->kind == MH_ENTRY_KIND_OPEN_CALL && entry->deadline != NULL)
    {
      iso = entry->deadline;
      deadline = TRUE;
    }
  else if (entry->kind == MH_ENTRY_KIND_EVENT && entry->event_start != NULL)
    iso = entry->event_start;

  tmpl_scope_set_boolean (scope, "deadline", deadline);
  if (!parse_date (iso, &d))
    {
      set_html (scope, "date", "");
      set_html (scope, "date_iso", "");
      return;
    }
  take_html (scope, "date", entry->kind == MH_ENTRY_KIND_EVENT ? event_days (entry) : format_day (&d));
  take_html (scope, "date_iso", format_iso_day (&d));
}

static gboolean
append_card (MhSiteRenderer   *r,
             TmplScope        *scope,
             MhModelEntry     *entry,
             const CardStyle  *style,
             GString          *out,
             GError          **error)
{
  set_html (scope, "heading", style->heading);
  set_html (scope, "kind", kind_class (entry->kind));
  take_html (scope, "url", site_url (r, entry->path));
  set_text (scope, "title", entry->title);
  set_text (scope, "category", entry_kicker (r, entry));
  take_html (scope, "byline", entry_byline (entry));
  take_html (scope, "countries", term_names_in (entry, r->countries));
  set_text (scope, "summary", style->summary ? entry->summary : NULL);
  if (style->image && entry->cover != NULL)
    take_html (scope, "image", site_url (r, entry->cover->path));
  else
    set_html (scope, "image", "");
  tmpl_scope_set_boolean (scope, "placeholder", style->image && entry->cover == NULL);
  set_card_date (scope, entry);
  return expand_append (r, T_CARD, scope, out, error);
}

/* The card of @entry in @style. An entry's card is the same on every page
 * (the model does not change), and it appears on many (similar content,
 * listings, terms), so each is expanded once. */
static const char *
card_html (MhSiteRenderer   *r,
           TmplScope        *scope,
           MhModelEntry     *entry,
           const CardStyle  *style,
           GError          **error)
{
  GHashTable *cache = r->cards[style->id];
  const char *html = g_hash_table_lookup (cache, entry);
  GString *out;

  if (html != NULL)
    return html;
  out = g_string_new (NULL);
  if (!append_card (r, scope, entry, style, out, error))
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  html = g_string_free (out, FALSE);
  g_hash_table_insert (cache, entry, (gpointer) html);
  return html;
}

/* Cards for @entries[@start…@start+@n]. */
static char *
build_cards (MhSiteRenderer   *r,
             GPtrArray        *entries,
             guint             start,
             guint             n,
             const CardStyle  *style,
             GError          **error)
{
  g_autoptr(TmplScope) scope = tmpl_scope_new_with_parent (r->site_scope);
  GString *out = g_string_new (NULL);

  for (guint i = start; entries != NULL && i < entries->len && i < start + n; i++)
    {
      const char *html = card_html (r, scope, g_ptr_array_index (entries, i), style, error);

      if (html == NULL)
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      g_string_append (out, html);
    }
  return g_string_free (out, FALSE);
}

/* --- Entry parts ------------------------------------------------------------- */

typedef struct
{
  MhSiteRenderer *r;
  MhModelEntry   *entry;
} ResolveData;

static char *
resolve_reference (MhMarkdownRefKind  kind,
                   const char        *target,
                   gpointer           user_data)
{
  ResolveData *data = user_data;
  MhSiteRenderer *r = data->r;
  const char *hash = strchr (target, '#');
  g_autofree char *name = g_strndup (target, hash != NULL ? (gsize) (hash - target) : strlen (target));

  if (kind == MH_MARKDOWN_REF_ASSET)
    {
      MhModelAsset *asset = mh_site_model_find_asset (r->model, name);

      return asset != NULL ? g_strconcat (r->root, asset->path, NULL) : NULL;
    }
  else
    {
      MhModelEntry *other = mh_site_model_find_entry (r->model, name);

      if (other == NULL)
        return NULL;
      return g_strconcat (r->root, other->path, hash != NULL ? hash : "", NULL);
    }
}

static char *
render_markdown (MhSiteRenderer *r,
                 MhModelEntry   *entry,
                 const char     *markdown,
                 const char     *context,
                 GPtrArray      *problems)
{
  ResolveData data = { r, entry };
  MhMarkdownOptions options = { 0 };

  options.allow_raw_html = r->model->allow_raw_html;
  options.resolve = resolve_reference;
  options.resolve_data = &data;
  options.context = context;
  return mh_markdown_render (markdown, &options, problems);
}

/* “1. Alt text © Credit” for each image of the body that has a credit. */
static char *
image_credits (MhSiteRenderer *r,
               MhModelEntry   *entry)
{
  g_autoptr(GPtrArray) refs = NULL;
  g_autoptr(GPtrArray) seen = NULL;
  GString *out = g_string_new (NULL);

  /* Finding references parses the body again: not for a body without any. */
  if (strstr (entry->body, "asset:") == NULL)
    return g_string_free (out, FALSE);
  refs = mh_markdown_find_references (entry->body);
  seen = g_ptr_array_new ();

  for (guint i = 0; refs != NULL && i < refs->len; i++)
    {
      MhMarkdownRef *ref = g_ptr_array_index (refs, i);
      MhModelAsset *asset;

      if (ref->kind != MH_MARKDOWN_REF_ASSET)
        continue;
      asset = mh_site_model_find_asset (r->model, ref->target);
      if (asset == NULL || asset->credit == NULL || *asset->credit == '\0' ||
          !g_str_has_prefix (asset->media_type, "image/") ||
          g_ptr_array_find (seen, asset, NULL))
        continue;
      g_ptr_array_add (seen, asset);
      g_string_append (out, "    <li>");
      mh_escape_html_append (out, asset->alt != NULL ? asset->alt : asset->name);
      g_string_append (out, " © ");
      mh_escape_html_append (out, asset->credit);
      g_string_append (out, "</li>\n");
    }
  return g_string_free (out, FALSE);
}

static void
set_cover (MhSiteRenderer *r,
           TmplScope      *scope,
           MhModelEntry   *entry)
{
  MhModelAsset *cover = entry->cover;
  const char *alt = entry->cover_alt;
  const char *credit = entry->cover_credit;

  if (cover == NULL)
    {
      set_html (scope, "cover", "");
      set_html (scope, "cover_alt", "");
      set_html (scope, "cover_credit", "");
      return;
    }
  if (alt == NULL || *alt == '\0')
    alt = cover->alt;
  if (credit == NULL || *credit == '\0')
    credit = cover->credit;
  take_html (scope, "cover", site_url (r, cover->path));
  set_text (scope, "cover_alt", alt);
  set_text (scope, "cover_credit", credit);
}

static const char *
relation_label (const char *relation)
{
  static const struct { const char *relation; const char *label; } labels[] = {
    { "organiser", N_("Organised by") },
    { "co-organiser", N_("Co-organised by") },
    { "funder", N_("Co-funded by") },
    { "media-partner", N_("Media partner") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (relation, labels[i].relation) == 0)
      return _(labels[i].label);
  /* “support” is what the section's heading says already */
  return NULL;
}

/* A partner's logo in the row; the same organisation in the same relation
 * looks the same on every page, so each is expanded once. */
static const char *
partner_html (MhSiteRenderer  *r,
              TmplScope       *scope,
              MhModelPartner  *partner,
              GError         **error)
{
  MhModelOrganisation *org = partner->organisation;
  g_autofree char *key = g_strdup_printf ("%p %s", (gpointer) org, partner->relation);
  const char *html = g_hash_table_lookup (r->partners, key);
  GString *out;

  if (html != NULL)
    return html;
  set_text (scope, "relation", partner->relation);
  set_text (scope, "relation_label", relation_label (partner->relation));
  set_text (scope, "name", org->name);
  take_html (scope, "url", external_url (org->url));
  take_html (scope, "logo", org->logo != NULL ? site_url (r, org->logo->path) : NULL);
  out = g_string_new (NULL);
  if (!expand_append (r, T_PARTNER, scope, out, error))
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  html = g_string_free (out, FALSE);
  g_hash_table_insert (r->partners, g_steal_pointer (&key), (gpointer) html);
  return html;
}

static char *
build_partners (MhSiteRenderer  *r,
                MhModelEntry    *entry,
                GError         **error)
{
  g_autoptr(TmplScope) scope = tmpl_scope_new_with_parent (r->site_scope);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; entry->partners != NULL && i < entry->partners->len; i++)
    {
      const char *html = partner_html (r, scope, g_ptr_array_index (entry->partners, i), error);

      if (html == NULL)
        return NULL;
      g_string_append (out, html);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The aside's groups, one per vocabulary the entry has terms in: countries,
 * themes and disciplines first, then the others in the site's order. */
static const char * const aside_first[] = { "countries", "themes", "disciplines" };

static void
append_vocabulary_terms (MhSiteRenderer    *r,
                         MhModelEntry      *entry,
                         MhModelVocabulary *vocabulary,
                         GString           *out)
{
  gboolean any = FALSE;

  for (guint i = 0; i < entry->terms->len; i++)
    {
      MhModelTerm *term = g_ptr_array_index (entry->terms, i);
      g_autofree char *url = NULL;

      if (term->vocabulary != vocabulary)
        continue;
      if (!any)
        {
          g_string_append (out, "    <dl class=\"fact fact-");
          mh_escape_html_append (out, vocabulary->key);
          g_string_append (out, "\">\n      <dt>");
          mh_escape_html_append (out, vocabulary->name);
          g_string_append (out, "</dt>\n      <dd><ul class=\"chips\">");
          any = TRUE;
        }
      url = site_url (r, term->path);
      g_string_append_printf (out, "<li><a href=\"%s\">", url);
      mh_escape_html_append (out, term->name);
      g_string_append (out, "</a></li>");
    }
  if (any)
    g_string_append (out, "</ul></dd>\n    </dl>\n");
}

static gboolean
is_aside_first (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (aside_first); i++)
    if (g_strcmp0 (key, aside_first[i]) == 0)
      return TRUE;
  return FALSE;
}

static char *
build_taxonomy (MhSiteRenderer *r,
                MhModelEntry   *entry)
{
  GString *out = g_string_new (NULL);
  GPtrArray *vocabularies = r->model->vocabularies;

  for (guint k = 0; k < G_N_ELEMENTS (aside_first); k++)
    for (guint i = 0; i < vocabularies->len; i++)
      {
        MhModelVocabulary *v = g_ptr_array_index (vocabularies, i);

        if (g_strcmp0 (v->key, aside_first[k]) == 0)
          append_vocabulary_terms (r, entry, v, out);
      }
  for (guint i = 0; i < vocabularies->len; i++)
    {
      MhModelVocabulary *v = g_ptr_array_index (vocabularies, i);

      if (!is_aside_first (v->key))
        append_vocabulary_terms (r, entry, v, out);
    }
  return g_string_free (out, FALSE);
}

static void
set_aside (MhSiteRenderer *r,
           TmplScope      *scope,
           MhModelEntry   *entry)
{
  g_autofree char *website = external_url (entry->website);
  g_autofree char *taxonomy = build_taxonomy (r, entry);

  set_html (scope, "website", website);
  if (website != NULL)
    take_html (scope, "website_label", url_label (entry->website));
  else
    set_html (scope, "website_label", "");
  set_html (scope, "taxonomy", taxonomy);
  tmpl_scope_set_boolean (scope, "has_aside", website != NULL || *taxonomy != '\0');
}

static gboolean
set_similar (MhSiteRenderer  *r,
             TmplScope       *scope,
             MhModelEntry    *entry,
             GError         **error)
{
  static const CardStyle style = { CARD_SIMILAR, "h3", FALSE, FALSE };
  g_autoptr(GPtrArray) similar = NULL;
  char *cards;

  if (entry->kind == MH_ENTRY_KIND_PAGE)
    {
      set_html (scope, "similar", "");
      return TRUE;
    }
  similar = mh_site_model_similar (r->model, entry, N_SIMILAR);
  cards = build_cards (r, similar, 0, N_SIMILAR, &style, error);
  if (cards == NULL)
    return FALSE;
  take_html (scope, "similar", cards);
  return TRUE;
}

/* --- Kind-specific parts ------------------------------------------------------- */

static const char *
format_name (const char *media_type)
{
  static const struct { const char *type; const char *name; } names[] = {
    { "application/pdf", "PDF" },
    { "application/epub+zip", "EPUB" },
    { "application/zip", "ZIP" },
    { "application/msword", "Word" },
    { "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word" },
    { "application/vnd.oasis.opendocument.text", "OpenDocument text" },
    { "application/vnd.ms-excel", "Excel" },
    { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel" },
    { "application/vnd.ms-powerpoint", "PowerPoint" },
    { "application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint" },
    { "text/csv", "CSV" },
    { "text/plain", "Text" },
    { "image/jpeg", "JPEG" },
    { "image/png", "PNG" },
    { "image/svg+xml", "SVG" },
    { "image/webp", "WebP" },
    { "audio/mpeg", "MP3" },
    { "video/mp4", "MP4" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (media_type, names[i].type) == 0)
      return names[i].name;
  return NULL;
}

static char *
download_format (const char *media_type)
{
  const char *name = format_name (media_type);
  const char *slash;

  if (name != NULL)
    return g_strdup (name);
  slash = media_type != NULL ? strchr (media_type, '/') : NULL;
  if (slash == NULL || slash[1] == '\0')
    return g_strdup (_("File"));
  return g_ascii_strup (slash + 1, strcspn (slash + 1, "+;"));
}

static const char *
language_name (const char *code)
{
  static const char * const names[][2] = {
    { "en", N_("English") }, { "fr", N_("French") }, { "de", N_("German") },
    { "es", N_("Spanish") }, { "it", N_("Italian") }, { "pt", N_("Portuguese") },
    { "nl", N_("Dutch") }, { "cs", N_("Czech") }, { "pl", N_("Polish") },
    { "zh", N_("Chinese") }, { "ja", N_("Japanese") }, { "ko", N_("Korean") },
    { "vi", N_("Vietnamese") }, { "th", N_("Thai") }, { "id", N_("Indonesian") },
    { "ms", N_("Malay") }, { "ru", N_("Russian") },
  };

  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (code, names[i][0]) == 0)
      return _(names[i][1]);
  return code;
}

static char *
build_downloads (MhSiteRenderer  *r,
                 MhModelEntry    *entry,
                 GError         **error)
{
  g_autoptr(TmplScope) scope = tmpl_scope_new_with_parent (r->site_scope);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; entry->downloads != NULL && i < entry->downloads->len; i++)
    {
      MhModelDownload *download = g_ptr_array_index (entry->downloads, i);
      MhModelAsset *asset = download->asset;
      g_autofree char *format = download_format (asset->media_type);

      take_html (scope, "url", site_url (r, asset->path));
      set_text (scope, "title", download->title != NULL ? download->title : asset->name);
      set_text (scope, "format", format);
      take_html (scope, "size", asset->size > 0 ? mh_site_format_size (asset->size) : NULL);
      set_text (scope, "language", language_name (download->language));
      if (!expand_append (r, T_DOWNLOAD, scope, out, error))
        return NULL;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
set_report (MhSiteRenderer  *r,
            TmplScope       *scope,
            MhModelEntry    *entry,
            GError         **error)
{
  MhModelEntry *event = entry->report_event;
  char *downloads = build_downloads (r, entry, error);

  if (downloads == NULL)
    return FALSE;
  take_html (scope, "downloads", downloads);
  set_text (scope, "publisher", entry->publisher);
  take_html (scope, "related_event_url", event != NULL ? site_url (r, event->path) : NULL);
  set_text (scope, "related_event_title", event != NULL ? event->title : NULL);
  tmpl_scope_set_boolean (scope, "has_report_facts",
                          event != NULL || (entry->publisher != NULL && *entry->publisher));
  return TRUE;
}

/* “10 Jun 2024 – 13 Jun 2024 (Europe/Prague)”; with times for a timed
 * event: “10 Jun 2024, 09:30 – 17:00 (Europe/Prague)”. */
static char *
event_when (MhModelEntry *entry)
{
  g_autofree char *start_day = NULL;
  GString *out;
  DateParts s, e;
  gboolean timed, has_end;

  if (!parse_date (entry->event_start, &s))
    return NULL;
  has_end = parse_date (entry->event_end, &e);
  timed = !entry->all_day && s.has_time;
  start_day = format_day (&s);
  out = g_string_new (start_day);
  if (timed)
    g_string_append_printf (out, ", %02d:%02d", s.hour, s.minute);
  if (has_end)
    {
      g_autofree char *end_day = format_day (&e);
      gboolean same_day = s.year == e.year && s.month == e.month && s.day == e.day;

      g_string_append (out, " – ");
      if (!(timed && same_day && e.has_time))
        g_string_append (out, end_day);
      if (timed && e.has_time)
        g_string_append_printf (out, "%s%02d:%02d", same_day ? "" : ", ", e.hour, e.minute);
    }
  if (entry->time_zone != NULL && *entry->time_zone != '\0')
    g_string_append_printf (out, " (%s)", entry->time_zone);
  return g_string_free (out, FALSE);
}

static char *
event_where (MhModelEntry *entry)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  if (entry->venue != NULL && *entry->venue != '\0')
    g_ptr_array_add (parts, entry->venue);
  if (entry->city != NULL && *entry->city != '\0')
    g_ptr_array_add (parts, entry->city);
  if (entry->event_country != NULL)
    g_ptr_array_add (parts, entry->event_country->name);
  return join_escaped (parts, ", ");
}

/* “Arts sector” → “the arts sector”, but “ASEAN delegates” stays. */
static void
append_group_phrase (GString    *out,
                     const char *group)
{
  const char *second = g_utf8_next_char (group);

  g_string_append (out, "the ");
  if (*second != '\0' && g_unichar_islower (g_utf8_get_char (second)))
    {
      g_autofree char *first = g_utf8_strdown (group, second - group);

      mh_escape_html_append (out, first);
      mh_escape_html_append (out, second);
    }
  else
    mh_escape_html_append (out, group);
}

static GPtrArray *
participant_groups (MhModelEntry *entry)
{
  GPtrArray *groups = g_ptr_array_new ();

  for (guint i = 0; entry->participants != NULL && i < entry->participants->len; i++)
    {
      MhModelParticipant *p = g_ptr_array_index (entry->participants, i);

      if (p->group != NULL && *p->group != '\0' &&
          !g_ptr_array_find_with_equal_func (groups, p->group, g_str_equal, NULL))
        g_ptr_array_add (groups, p->group);
    }
  return groups;
}

/* “18 participants from the arts sector and the government sector; 20 were
 * selected.” */
static char *
participant_counts (MhModelEntry *entry)
{
  g_autoptr(GPtrArray) groups = participant_groups (entry);
  int actual = entry->participants_actual;
  int planned = entry->participants_planned;
  GString *out;

  if (actual < 0 && planned < 0)
    return NULL;
  out = g_string_new (NULL);
  if (actual >= 0)
    {
      g_string_append_printf (out, ngettext ("%d participant", "%d participants", actual), actual);
      for (guint i = 0; i < groups->len; i++)
        {
          g_string_append (out, i == 0 ? " from " : i + 1 == groups->len ? " and " : ", ");
          append_group_phrase (out, g_ptr_array_index (groups, i));
        }
      if (planned >= 0 && planned != actual)
        g_string_append_printf (out, "; %d were selected", planned);
    }
  else
    g_string_append_printf (out, ngettext ("%d participant was selected",
                                           "%d participants were selected", planned), planned);
  g_string_append_c (out, '.');
  return g_string_free (out, FALSE);
}

static const char *
role_group (const char *role)
{
  static const char * const roles[][2] = {
    { "speaker", N_("Speakers") }, { "moderator", N_("Moderators") },
    { "host", N_("Hosts") }, { "mentor", N_("Mentors") }, { "fellow", N_("Fellows") },
    { "facilitator", N_("Facilitators") }, { "participant", N_("Participants") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (g_strcmp0 (role, roles[i][0]) == 0)
      return _(roles[i][1]);
  return _("Others");
}

/* The heading a participant is listed under: their group, or for people
 * without one, their role. */
static const char *
participant_heading (MhModelParticipant *p)
{
  if (p->group != NULL && *p->group != '\0')
    return p->group;
  return role_group (p->role);
}

static char *
participant_details (MhModelParticipant *p)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  GString *out;

  if (p->job_title != NULL && *p->job_title != '\0')
    g_ptr_array_add (parts, p->job_title);
  if (p->organisation != NULL && *p->organisation != '\0')
    g_ptr_array_add (parts, p->organisation);
  out = g_string_new (NULL);
  string_append_take (out, join_escaped (parts, ", "));
  if (p->country != NULL)
    {
      g_string_append (out, out->len > 0 ? " (" : "(");
      mh_escape_html_append (out, p->country->name);
      g_string_append_c (out, ')');
    }
  return g_string_free (out, FALSE);
}

static gboolean
append_participant (MhSiteRenderer      *r,
                    TmplScope           *scope,
                    MhModelParticipant  *p,
                    GString             *out,
                    GError             **error)
{
  gboolean show_role = g_strcmp0 (p->role, "participant") != 0;
  g_autofree char *role = show_role ? capitalise (p->role) : NULL;

  set_text (scope, "name", p->display_name);
  set_text (scope, "role", role);
  take_html (scope, "details", participant_details (p));
  return expand_append (r, T_PARTICIPANT, scope, out, error);
}

/* One list per heading, headings in the order they first appear, people in
 * their order within each. */
static char *
build_participants (MhSiteRenderer  *r,
                    MhModelEntry    *entry,
                    GError         **error)
{
  g_autoptr(TmplScope) scope = tmpl_scope_new_with_parent (r->site_scope);
  g_autoptr(GPtrArray) headings = g_ptr_array_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  GPtrArray *people = entry->participants;

  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      const char *heading = participant_heading (g_ptr_array_index (people, i));

      if (!g_ptr_array_find_with_equal_func (headings, heading, g_str_equal, NULL))
        g_ptr_array_add (headings, (gpointer) heading);
    }

  for (guint h = 0; h < headings->len; h++)
    {
      g_string_append (out, "        <h3 class=\"participant-group\">");
      mh_escape_html_append (out, g_ptr_array_index (headings, h));
      g_string_append (out, "</h3>\n        <ul class=\"participant-list\">\n");
      for (guint i = 0; i < people->len; i++)
        {
          MhModelParticipant *p = g_ptr_array_index (people, i);

          if (g_str_equal (participant_heading (p), g_ptr_array_index (headings, h)) &&
              !append_participant (r, scope, p, out, error))
            return NULL;
        }
      g_string_append (out, "        </ul>\n");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
append_programme_item (GString          *out,
                       MhModelProgramme *item)
{
  DateParts s, e;

  g_string_append (out, "          <li>");
  if (parse_date (item->start, &s) && s.has_time)
    {
      g_string_append_printf (out, "<span class=\"programme-time\"><time datetime=\"%04d-%02d-%02dT%02d:%02d\">%02d:%02d</time>",
                              s.year, s.month, s.day, s.hour, s.minute, s.hour, s.minute);
      if (parse_date (item->end, &e) && e.has_time)
        g_string_append_printf (out, "–%02d:%02d", e.hour, e.minute);
      g_string_append (out, "</span>");
    }
  else
    g_string_append (out, "<span class=\"programme-time\"></span>");
  g_string_append (out, "<span class=\"programme-title\">");
  mh_escape_html_append (out, item->title);
  g_string_append (out, "</span>");
  if (item->venue != NULL && *item->venue != '\0')
    {
      g_string_append (out, "<span class=\"programme-venue\">");
      mh_escape_html_append (out, item->venue);
      g_string_append (out, "</span>");
    }
  g_string_append (out, "</li>\n");
}

static void
append_programme_day (GString         *out,
                      const DateParts *d)
{
  g_autoptr(GDate) date = g_date_new_dmy (d->day, d->month, d->year);
  g_autofree char *day = format_day (d);

  g_string_append_printf (out, "        <h3 class=\"programme-day\">%s %s</h3>\n",
                          weekday_names[g_date_get_weekday (date)], day);
}

/* The programme, day by day, in the editor's order. */
static char *
build_programme (MhModelEntry *entry)
{
  GString *out = g_string_new (NULL);
  DateParts current = { 0 };
  gboolean open = FALSE;

  for (guint i = 0; entry->programme != NULL && i < entry->programme->len; i++)
    {
      MhModelProgramme *item = g_ptr_array_index (entry->programme, i);
      DateParts d;
      gboolean dated = parse_date (item->start, &d);

      if (!open || (dated && (d.year != current.year || d.month != current.month ||
                              d.day != current.day)))
        {
          if (open)
            g_string_append (out, "        </ol>\n");
          if (dated)
            append_programme_day (out, &d);
          g_string_append (out, "        <ol class=\"programme-list\">\n");
          open = TRUE;
          current = d;
        }
      append_programme_item (out, item);
    }
  if (open)
    g_string_append (out, "        </ol>\n");
  return g_string_free (out, FALSE);
}

static gboolean
set_event (MhSiteRenderer  *r,
           TmplScope       *scope,
           MhModelEntry    *entry,
           GError         **error)
{
  char *participants = build_participants (r, entry, error);
  g_autofree char *format = capitalise (entry->event_format);
  g_autofree char *ics = NULL;

  if (participants == NULL)
    return FALSE;
  take_html (scope, "participants", participants);
  take_html (scope, "when", event_when (entry));
  take_html (scope, "where", event_where (entry));
  set_html (scope, "online", entry->online ? _("Yes") : NULL);
  set_text (scope, "event_format", format);
  take_html (scope, "counts", participant_counts (entry));
  take_html (scope, "programme", build_programme (entry));
  if (entry->event_start != NULL)
    ics = g_strconcat (entry->path, "event.ics", NULL);
  take_html (scope, "ics", ics != NULL ? site_url (r, ics) : NULL);
  return TRUE;
}

static char *
term_names (GPtrArray *terms)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; terms != NULL && i < terms->len; i++)
    {
      MhModelTerm *term = g_ptr_array_index (terms, i);

      if (out->len > 0)
        g_string_append (out, ", ");
      mh_escape_html_append (out, term->name);
    }
  return g_string_free (out, FALSE);
}

static void
set_open_call (MhSiteRenderer *r,
               TmplScope      *scope,
               MhModelEntry   *entry)
{
  DateParts d;

  if (parse_date (entry->deadline, &d))
    {
      take_html (scope, "deadline", format_day (&d));
      take_html (scope, "deadline_iso", format_iso_day (&d));
    }
  else
    {
      set_html (scope, "deadline", "");
      set_html (scope, "deadline_iso", "");
    }
  set_text (scope, "call_category", entry->call_category);
  take_html (scope, "eligible", term_names (entry->eligible_countries));
  take_html (scope, "apply_url", external_url (entry->website));
}

static char *
hashtags (MhModelEntry *entry)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; entry->hashtags != NULL && i < entry->hashtags->len; i++)
    {
      const char *tag = g_ptr_array_index (entry->hashtags, i);

      if (out->len > 0)
        g_string_append_c (out, ' ');
      if (*tag != '#')
        g_string_append_c (out, '#');
      mh_escape_html_append (out, tag);
    }
  return g_string_free (out, FALSE);
}

static void
set_article (TmplScope    *scope,
             MhModelEntry *entry)
{
  set_text (scope, "series", entry->series);
  take_html (scope, "hashtags", hashtags (entry));
}

/* Every variable any entry template may use is set for every entry, so a
 * theme can show a field on another kind's page too. */
static void
clear_kind_fields (TmplScope *scope)
{
  static const char * const names[] = {
    "downloads", "publisher", "related_event_url", "related_event_title",
    "participants", "when", "where", "online", "event_format", "counts", "programme", "ics",
    "deadline", "deadline_iso", "call_category", "eligible", "apply_url",
    "series", "hashtags",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    tmpl_scope_set_string (scope, names[i], "");
  tmpl_scope_set_boolean (scope, "has_report_facts", FALSE);
}

static gboolean
set_kind_fields (MhSiteRenderer  *r,
                 TmplScope       *scope,
                 MhModelEntry    *entry,
                 GError         **error)
{
  clear_kind_fields (scope);
  switch (entry->kind)
    {
    case MH_ENTRY_KIND_REPORT:
      return set_report (r, scope, entry, error);
    case MH_ENTRY_KIND_EVENT:
      return set_event (r, scope, entry, error);
    case MH_ENTRY_KIND_OPEN_CALL:
      set_open_call (r, scope, entry);
      return TRUE;
    case MH_ENTRY_KIND_ARTICLE:
      set_article (scope, entry);
      return TRUE;
    case MH_ENTRY_KIND_PAGE:
    default:
      return TRUE;
    }
}

static TemplateId
entry_template (MhEntryKind kind)
{
  switch (kind)
    {
    case MH_ENTRY_KIND_REPORT:
      return T_ENTRY_REPORT;
    case MH_ENTRY_KIND_EVENT:
      return T_ENTRY_EVENT;
    case MH_ENTRY_KIND_ARTICLE:
      return T_ENTRY_ARTICLE;
    case MH_ENTRY_KIND_OPEN_CALL:
      return T_ENTRY_OPEN_CALL;
    case MH_ENTRY_KIND_PAGE:
    default:
      return T_ENTRY_PAGE;
    }
}

static void
set_entry_header (MhSiteRenderer *r,
                  TmplScope      *scope,
                  MhModelEntry   *entry)
{
  g_autofree char *kind_label = g_utf8_strdown (mh_entry_kind_get_label (entry->kind), -1);
  DateParts d;

  set_html (scope, "kind", kind_class (entry->kind));
  set_text (scope, "kind_label", kind_label);
  set_text (scope, "title", entry->title);
  set_text (scope, "summary", entry->summary);
  set_text (scope, "kicker", entry_kicker (r, entry));
  take_html (scope, "breadcrumb", entry_breadcrumb (r, entry));
  if (entry->authors != NULL && entry->authors->len > 0)
    take_html (scope, "authors", join_escaped (entry->authors, ", "));
  else
    set_html (scope, "authors", "");
  set_text (scope, "posted_by", entry->posted_by);
  if (parse_date (entry->date, &d))
    {
      take_html (scope, "date", format_day (&d));
      take_html (scope, "date_iso", format_iso_day (&d));
    }
  else
    {
      set_html (scope, "date", "");
      set_html (scope, "date_iso", "");
    }
}

static gboolean
set_entry_parts (MhSiteRenderer  *r,
                 TmplScope       *scope,
                 MhModelEntry    *entry,
                 GPtrArray       *problems,
                 GError         **error)
{
  char *partners;

  set_entry_header (r, scope, entry);
  set_cover (r, scope, entry);
  take_html (scope, "body", render_markdown (r, entry, entry->body, entry->slug, problems));
  take_html (scope, "image_credits", image_credits (r, entry));
  set_aside (r, scope, entry);
  partners = build_partners (r, entry, error);
  if (partners == NULL)
    return FALSE;
  take_html (scope, "partners", partners);
  return set_similar (r, scope, entry, error) && set_kind_fields (r, scope, entry, error);
}

/**
 * mh_site_renderer_entry:
 * @r: a renderer
 * @entry: a published entry of the renderer's model
 * @problems: (nullable) (element-type utf8): where to add one sentence per
 *   problem found on the way, such as a broken link (create it with g_free()
 *   as its free function)
 * @error: return location for an error
 *
 * Renders the page of @entry, which the export writes to `ENTRY->path` +
 * `index.html`. The template is the theme's `entry-KIND.html` inside
 * `base.html`.
 *
 * Returns: (transfer full) (nullable): the HTML, or %NULL if a theme
 *   template failed
 */
char *
mh_site_renderer_entry (MhSiteRenderer  *r,
                        MhModelEntry    *entry,
                        GPtrArray       *problems,
                        GError         **error)
{
  g_autoptr(TmplScope) scope = NULL;

  g_return_val_if_fail (r != NULL, NULL);
  g_return_val_if_fail (entry != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  scope = page_scope_new (r, "entry", entry_language (r, entry));
  set_page_title (r, scope, entry->title);
  set_canonical (r, scope, entry->path);
  set_text (scope, "description", entry->summary);
  if (!set_entry_parts (r, scope, entry, problems, error))
    return NULL;
  return render_page (r, entry_template (entry->kind), scope, entry->section, FALSE, error);
}

/* --- Listings ------------------------------------------------------------------- */

static guint
count_pages (guint n_items)
{
  return MAX (1, (n_items + MH_SITE_RENDER_PER_PAGE - 1) / MH_SITE_RENDER_PER_PAGE);
}

static char *
page_path (const char *base_path,
           guint       page)
{
  if (page <= 1)
    return g_strdup (base_path);
  return g_strdup_printf ("%spage/%u/", base_path, page);
}

/* The pagination links of page @page of @n_pages under @base_path, in the
 * page (pagination.html) and as <link rel> in the head. */
static void
set_pagination (MhSiteRenderer *r,
                TmplScope      *scope,
                const char     *base_path,
                guint           page,
                guint           n_pages)
{
  g_autofree char *prev = NULL;
  g_autofree char *next = NULL;
  GString *head = g_string_new (NULL);

  if (page > 1)
    {
      g_autofree char *path = page_path (base_path, page - 1);

      prev = site_url (r, path);
      g_string_append_printf (head, "<link rel=\"prev\" href=\"%s\">\n", prev);
    }
  if (page < n_pages)
    {
      g_autofree char *path = page_path (base_path, page + 1);

      next = site_url (r, path);
      g_string_append_printf (head, "<link rel=\"next\" href=\"%s\">\n", next);
    }
  take_html (scope, "head_links", g_string_free (head, FALSE));
  set_html (scope, "prev_url", prev);
  set_html (scope, "next_url", next);
  take_html (scope, "page", g_strdup_printf ("%u", page));
  take_html (scope, "n_pages", g_strdup_printf ("%u", n_pages));
  tmpl_scope_set_boolean (scope, "has_pagination", n_pages > 1);
}

static gboolean
check_page (guint    page,
            guint    n_pages,
            GError **error)
{
  if (page <= n_pages)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               _("There is no page %u: there are %u"), page, n_pages);
  return FALSE;
}

/* Sets the cards of page @page of @entries, and the pagination. */
static gboolean
set_listing (MhSiteRenderer  *r,
             TmplScope       *scope,
             GPtrArray       *entries,
             const char      *base_path,
             guint            page,
             guint           *n_pages,
             GError         **error)
{
  static const CardStyle style = { CARD_LISTING, "h2", TRUE, TRUE };
  guint n = count_pages (entries != NULL ? entries->len : 0);
  g_autofree char *path = NULL;
  char *cards;

  page = MAX (page, 1);
  if (n_pages != NULL)
    *n_pages = n;
  if (!check_page (page, n, error))
    return FALSE;
  cards = build_cards (r, entries, (page - 1) * MH_SITE_RENDER_PER_PAGE,
                       MH_SITE_RENDER_PER_PAGE, &style, error);
  if (cards == NULL)
    return FALSE;
  take_html (scope, "cards", cards);
  set_pagination (r, scope, base_path, page, n);
  path = page_path (base_path, page);
  set_canonical (r, scope, path);
  return TRUE;
}

static char *
paged_title (const char *title,
             guint       page)
{
  if (page <= 1)
    return g_strdup (title);
  return g_strdup_printf (_("%s, page %u"), title, page);
}

/**
 * mh_site_renderer_section:
 * @r: a renderer
 * @section: a section such as `reports`
 * @page: which page, from 1 (0 is taken as 1)
 * @n_pages: (out) (optional): how many pages the section has, at least 1
 * @error: return location for an error
 *
 * Renders a page of a section's listing, MH_SITE_RENDER_PER_PAGE entries
 * each, newest first: `SECTION/index.html` for page 1,
 * `SECTION/page/N/index.html` after it.
 *
 * Returns: (transfer full) (nullable): the HTML, or %NULL with
 *   %G_IO_ERROR_NOT_FOUND for a page past the last
 */
char *
mh_site_renderer_section (MhSiteRenderer  *r,
                          const char      *section,
                          guint            page,
                          guint           *n_pages,
                          GError         **error)
{
  g_autoptr(TmplScope) scope = NULL;
  g_autofree char *base_path = NULL;
  g_autofree char *title = NULL;
  const char *section_title;

  g_return_val_if_fail (r != NULL, NULL);
  g_return_val_if_fail (section != NULL, NULL);

  section_title = mh_site_model_section_title (section);
  base_path = g_strconcat (section, "/", NULL);
  scope = page_scope_new (r, "list", entry_language (r, NULL));
  if (!set_listing (r, scope, g_hash_table_lookup (r->section_entries, section),
                    base_path, page, n_pages, error))
    return NULL;
  title = paged_title (section_title, page);
  set_page_title (r, scope, title);
  set_text (scope, "title", section_title);
  set_text (scope, "section", section);
  set_html (scope, "intro", "");
  take_html (scope, "breadcrumb", simple_breadcrumb (r, section_title));
  return render_page (r, T_LIST, scope, section, page <= 1, error);
}

static char *
term_breadcrumb (MhSiteRenderer *r,
                 MhModelTerm    *term)
{
  g_autoptr(GPtrArray) ancestors = g_ptr_array_new ();
  g_autofree char *vocabulary_path = g_strconcat (term->vocabulary->key, "/", NULL);
  GString *out = g_string_new (NULL);

  for (MhModelTerm *t = term->parent; t != NULL; t = t->parent)
    g_ptr_array_insert (ancestors, 0, t);
  crumb_link (out, r, "", _("Home"));
  crumb_link (out, r, vocabulary_path, term->vocabulary->name);
  for (guint i = 0; i < ancestors->len; i++)
    {
      MhModelTerm *t = g_ptr_array_index (ancestors, i);

      crumb_link (out, r, t->path, t->name);
    }
  crumb_current (out, term->name);
  return g_string_free (out, FALSE);
}

static char *
term_link (MhSiteRenderer *r,
           MhModelTerm    *term)
{
  g_autofree char *url = site_url (r, term->path);
  g_autofree char *name = mh_escape_html (term->name);

  return g_strdup_printf ("<a href=\"%s\">%s</a>", url, name);
}

/* Links to the terms of @terms that have entries: a term without any may
 * have no page. */
static char *
term_chips (MhSiteRenderer *r,
            GPtrArray      *terms)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; terms != NULL && i < terms->len; i++)
    {
      MhModelTerm *term = g_ptr_array_index (terms, i);
      g_autofree char *link = NULL;

      if (term->entries->len == 0)
        continue;
      link = term_link (r, term);

      g_string_append_printf (out, "        <li>%s</li>\n", link);
    }
  return g_string_free (out, FALSE);
}

static void
set_term_fields (MhSiteRenderer *r,
                 TmplScope      *scope,
                 MhModelTerm    *term)
{
  g_autofree char *children_label = g_strdup_printf (_("Under %s"), term->name);
  g_autofree char *context = g_strdup_printf ("%s/%s", term->vocabulary->key, term->slug);

  set_text (scope, "title", term->name);
  set_text (scope, "vocabulary", term->vocabulary->name);
  if (term->description != NULL && *term->description != '\0')
    take_html (scope, "description", render_markdown (r, NULL, term->description, context, NULL));
  else
    set_html (scope, "description", "");
  take_html (scope, "parent", term->parent != NULL ? term_link (r, term->parent) : NULL);
  take_html (scope, "children", term_chips (r, term->children));
  set_text (scope, "children_label", children_label);
  take_html (scope, "breadcrumb", term_breadcrumb (r, term));
}

/**
 * mh_site_renderer_term:
 * @r: a renderer
 * @term: a term of the renderer's model
 * @page: which page, from 1 (0 is taken as 1)
 * @n_pages: (out) (optional): how many pages the term has, at least 1
 * @error: return location for an error
 *
 * Renders a page of a term's listing: its name, description, parent and
 * children, and the entries tagged with it or any term under it (a region
 * lists its countries' entries), `TERM->path` + `index.html` for page 1 and
 * `TERM->path` + `page/N/index.html` after it.
 *
 * Returns: (transfer full) (nullable): the HTML, or %NULL with
 *   %G_IO_ERROR_NOT_FOUND for a page past the last
 */
char *
mh_site_renderer_term (MhSiteRenderer  *r,
                       MhModelTerm     *term,
                       guint            page,
                       guint           *n_pages,
                       GError         **error)
{
  g_autoptr(TmplScope) scope = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (r != NULL, NULL);
  g_return_val_if_fail (term != NULL, NULL);

  scope = page_scope_new (r, "term", entry_language (r, NULL));
  if (!set_listing (r, scope, term->entries, term->path, page, n_pages, error))
    return NULL;
  title = paged_title (term->name, page);
  set_page_title (r, scope, title);
  set_term_fields (r, scope, term);
  return render_page (r, T_TERM, scope, NULL, FALSE, error);
}

static char *
empty_term (MhModelTerm *term)
{
  g_autofree char *name = mh_escape_html (term->name);

  return g_strdup_printf ("<span class=\"term-empty\">%s</span>", name);
}

static void
append_term_tree (MhSiteRenderer *r,
                  GPtrArray      *terms,
                  guint           depth,
                  GString        *out)
{
  g_autofree char *indent = g_strnfill (depth * 2 + 4, ' ');

  if (terms == NULL || terms->len == 0)
    return;
  g_string_append_printf (out, "%s<ul>\n", indent);
  for (guint i = 0; i < terms->len; i++)
    {
      MhModelTerm *term = g_ptr_array_index (terms, i);
      g_autofree char *link = NULL;

      /* A term without entries is named, not linked: it may have no page. */
      if (term->entries->len > 0)
        link = term_link (r, term);
      else
        link = empty_term (term);
      g_string_append_printf (out, "%s  <li>%s <span class=\"term-count\">(%u)</span>",
                              indent, link, term->entries->len);
      if (term->children != NULL && term->children->len > 0)
        {
          g_string_append_c (out, '\n');
          append_term_tree (r, term->children, depth + 2, out);
          g_string_append (out, indent);
          g_string_append (out, "  ");
        }
      g_string_append (out, "</li>\n");
    }
  g_string_append_printf (out, "%s</ul>\n", indent);
}

/**
 * mh_site_renderer_vocabulary:
 * @r: a renderer
 * @v: a vocabulary of the renderer's model
 * @error: return location for an error
 *
 * Renders the page that lists every term of @v, as a tree when it is
 * hierarchical, each with how many entries it has: `V->key/index.html`.
 *
 * Returns: (transfer full) (nullable): the HTML
 */
char *
mh_site_renderer_vocabulary (MhSiteRenderer     *r,
                             MhModelVocabulary  *v,
                             GError            **error)
{
  g_autoptr(TmplScope) scope = NULL;
  g_autofree char *path = NULL;
  GString *tree = g_string_new (NULL);

  g_return_val_if_fail (r != NULL, NULL);
  g_return_val_if_fail (v != NULL, NULL);

  scope = page_scope_new (r, "vocabulary", entry_language (r, NULL));
  path = g_strconcat (v->key, "/", NULL);
  set_page_title (r, scope, v->name);
  set_canonical (r, scope, path);
  set_text (scope, "title", v->name);
  append_term_tree (r, v->roots, 0, tree);
  take_html (scope, "terms", g_string_free (tree, FALSE));
  take_html (scope, "breadcrumb", simple_breadcrumb (r, v->name));
  return render_page (r, T_VOCABULARY, scope, NULL, FALSE, error);
}

/* --- Home ---------------------------------------------------------------------- */

static int
compare_deadline (gconstpointer a,
                  gconstpointer b)
{
  const MhModelEntry *x = *(MhModelEntry * const *) a;
  const MhModelEntry *y = *(MhModelEntry * const *) b;

  return strcmp (x->deadline, y->deadline);
}

/* The open calls to show on the home page: with a "today", those whose
 * deadline has not passed, the nearest first; without one (the default, so
 * that an export depends on nothing but the site), the latest deadlines. */
static GPtrArray *
open_calls (MhSiteRenderer *r)
{
  GPtrArray *calls = g_ptr_array_new ();
  GPtrArray *entries = r->model->entries;

  for (guint i = 0; i < entries->len; i++)
    {
      MhModelEntry *e = g_ptr_array_index (entries, i);

      if (e->kind == MH_ENTRY_KIND_OPEN_CALL && e->deadline != NULL &&
          (r->today == NULL || strcmp (e->deadline, r->today) >= 0))
        g_ptr_array_add (calls, e);
    }
  g_ptr_array_sort (calls, compare_deadline);
  if (r->today == NULL)
    {
      for (guint i = 0; i < calls->len / 2; i++)
        {
          gpointer tmp = calls->pdata[i];

          calls->pdata[i] = calls->pdata[calls->len - 1 - i];
          calls->pdata[calls->len - 1 - i] = tmp;
        }
    }
  if (calls->len > HOME_OPEN_CALLS)
    g_ptr_array_set_size (calls, HOME_OPEN_CALLS);
  return calls;
}

static MhModelEntry *
feature_entry (MhSiteRenderer *r)
{
  for (guint i = 0; i < r->model->entries->len; i++)
    {
      MhModelEntry *e = g_ptr_array_index (r->model->entries, i);

      if (e->kind != MH_ENTRY_KIND_PAGE && e->cover != NULL)
        return e;
    }
  return NULL;
}

static gboolean
append_home_section (MhSiteRenderer  *r,
                     TmplScope       *scope,
                     const char      *section,
                     MhModelEntry    *feature,
                     GString         *out,
                     GError         **error)
{
  static const CardStyle style = { CARD_HOME, "h3", TRUE, FALSE };
  GPtrArray *all = g_hash_table_lookup (r->section_entries, section);
  g_autoptr(GPtrArray) latest = g_ptr_array_new ();
  g_autofree char *path = g_strconcat (section, "/", NULL);
  g_autofree char *lower = g_utf8_strdown (mh_site_model_section_title (section), -1);
  char *cards;

  for (guint i = 0; all != NULL && i < all->len && latest->len < HOME_PER_SECTION; i++)
    if (g_ptr_array_index (all, i) != feature)
      g_ptr_array_add (latest, g_ptr_array_index (all, i));
  if (latest->len == 0)
    return TRUE;
  cards = build_cards (r, latest, 0, HOME_PER_SECTION, &style, error);
  if (cards == NULL)
    return FALSE;
  take_html (scope, "cards", cards);
  set_text (scope, "section", section);
  set_text (scope, "title", mh_site_model_section_title (section));
  set_text (scope, "title_lower", lower);
  take_html (scope, "url", site_url (r, path));
  return expand_append (r, T_HOME_SECTION, scope, out, error);
}

static char *
build_home_sections (MhSiteRenderer  *r,
                     MhModelEntry    *feature,
                     gboolean         skip_opportunities,
                     GError         **error)
{
  g_autoptr(TmplScope) scope = tmpl_scope_new_with_parent (r->site_scope);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < r->sections->len; i++)
    {
      const char *section = g_ptr_array_index (r->sections, i);

      if (skip_opportunities && g_str_equal (section, "opportunities"))
        continue;
      if (!append_home_section (r, scope, section, feature, out, error))
        return NULL;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
set_home (MhSiteRenderer  *r,
          TmplScope       *scope,
          GError         **error)
{
  static const CardStyle feature_style = { CARD_FEATURE, "h3", TRUE, TRUE };
  static const CardStyle call_style = { CARD_OPEN_CALL, "h3", FALSE, TRUE };
  g_autoptr(GPtrArray) calls = open_calls (r);
  g_autoptr(GPtrArray) features = g_ptr_array_new ();
  MhModelEntry *feature = feature_entry (r);
  char *html;

  if (feature != NULL)
    g_ptr_array_add (features, feature);
  if ((html = build_cards (r, features, 0, 1, &feature_style, error)) == NULL)
    return FALSE;
  take_html (scope, "feature", html);
  if ((html = build_cards (r, calls, 0, HOME_OPEN_CALLS, &call_style, error)) == NULL)
    return FALSE;
  take_html (scope, "open_calls", html);
  take_html (scope, "open_calls_url", site_url (r, "opportunities/"));
  if ((html = build_home_sections (r, feature, calls->len > 0, error)) == NULL)
    return FALSE;
  take_html (scope, "sections", html);
  return TRUE;
}

/**
 * mh_site_renderer_home:
 * @r: a renderer
 * @error: return location for an error
 *
 * Renders the home page, `index.html`: the newest entry with a cover as the
 * feature, the open calls by deadline (see mh_site_renderer_set_today()),
 * and the latest entries of each section.
 *
 * Returns: (transfer full) (nullable): the HTML
 */
char *
mh_site_renderer_home (MhSiteRenderer  *r,
                       GError         **error)
{
  g_autoptr(TmplScope) scope = NULL;

  g_return_val_if_fail (r != NULL, NULL);

  scope = page_scope_new (r, "home", entry_language (r, NULL));
  set_page_title (r, scope, NULL);
  set_canonical (r, scope, "");
  set_text (scope, "description", r->model->description);
  if (!set_home (r, scope, error))
    return NULL;
  return render_page (r, T_HOME, scope, NULL, FALSE, error);
}

/**
 * mh_site_renderer_not_found:
 * @r: a renderer
 * @error: return location for an error
 *
 * Renders `404.html`. Its links are root-relative, so it works whatever
 * address the server shows it at.
 *
 * Returns: (transfer full) (nullable): the HTML
 */
char *
mh_site_renderer_not_found (MhSiteRenderer  *r,
                            GError         **error)
{
  g_autoptr(TmplScope) scope = NULL;

  g_return_val_if_fail (r != NULL, NULL);

  scope = page_scope_new (r, "not-found", entry_language (r, NULL));
  set_page_title (r, scope, _("Page not found"));
  return render_page (r, T_NOT_FOUND, scope, NULL, FALSE, error);
}

/**
 * mh_site_renderer_redirect:
 * @r: a renderer
 * @to_url: where the page moved to: root-relative or absolute
 *
 * Renders the page left at an old address (an entry's alias): a refresh to
 * @to_url, a canonical link to it and a link for people.
 *
 * Returns: (transfer full): the HTML
 */
char *
mh_site_renderer_redirect (MhSiteRenderer *r,
                           const char     *to_url)
{
  g_autoptr(TmplScope) scope = NULL;
  g_autoptr(GError) error = NULL;
  char *html;

  g_return_val_if_fail (r != NULL, NULL);
  g_return_val_if_fail (to_url != NULL, NULL);

  scope = page_scope_new (r, "redirect", entry_language (r, NULL));
  take_html (scope, "url", mh_escape_url_attr (to_url));
  html = expand (r, T_REDIRECT, scope, &error);
  if (html == NULL)
    {
      /* A theme's redirect.html that fails must not lose the alias. */
      g_autofree char *url = mh_escape_url_attr (to_url);

      g_warning ("%s", error->message);
      html = g_strdup_printf ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                              "<title>Redirecting…</title>"
                              "<meta http-equiv=\"refresh\" content=\"0; url=%s\">"
                              "<link rel=\"canonical\" href=\"%s\"></head>"
                              "<body><p><a href=\"%s\">%s</a></p></body></html>\n",
                              url, url, url, url);
    }
  return html;
}

/**
 * mh_site_renderer_stylesheet:
 * @r: a renderer
 * @error: return location for an error
 *
 * The theme's `style.css` (the theme folder's own when it has one), which
 * the export writes to `assets/style.css`.
 *
 * Returns: (transfer full): the stylesheet
 */
GBytes *
mh_site_renderer_stylesheet (MhSiteRenderer  *r,
                             GError         **error)
{
  g_return_val_if_fail (r != NULL, NULL);

  return g_bytes_ref (r->stylesheet);
}

/**
 * mh_site_renderer_theme_fingerprint:
 * @r: a renderer
 *
 * A SHA-256 of every template and stylesheet byte the renderer uses (the
 * includes too) and of the renderer's own version: when it has not changed,
 * a page whose data has not changed renders to the same bytes.
 *
 * Returns: (transfer full): the fingerprint, in hexadecimal
 */
char *
mh_site_renderer_theme_fingerprint (MhSiteRenderer *r)
{
  g_return_val_if_fail (r != NULL, NULL);

  return g_strdup (r->fingerprint);
}

/**
 * mh_site_renderer_set_today:
 * @r: a renderer
 * @today: (nullable): a date, `YYYY-MM-DD`
 *
 * Lets the home page leave out open calls whose deadline is before @today.
 * Without it (the default), the output depends on the site alone, and the
 * home page shows the open calls with the latest deadlines.
 */
void
mh_site_renderer_set_today (MhSiteRenderer *r,
                            const char     *today)
{
  g_return_if_fail (r != NULL);

  g_free (r->today);
  r->today = g_strndup (today, 10);
}

/* --- Making a renderer ------------------------------------------------------------ */

static char *
base_path (const char *base_url)
{
  g_autoptr(GUri) uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL);
  const char *path = uri != NULL ? g_uri_get_path (uri) : base_url;

  if (path == NULL || *path != '/')
    return g_strdup ("/");
  if (g_str_has_suffix (path, "/"))
    return g_strdup (path);
  return g_strconcat (path, "/", NULL);
}

static gboolean
load_templates (MhSiteRenderer  *r,
                GError         **error)
{
  for (guint i = 0; i < N_TEMPLATES; i++)
    {
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(GError) local_error = NULL;

      r->templates[i] = tmpl_template_new (TMPL_TEMPLATE_LOCATOR (r->locator));
      stream = tmpl_template_locator_locate (TMPL_TEMPLATE_LOCATOR (r->locator),
                                             template_names[i], &local_error);
      if (stream == NULL ||
          !tmpl_template_parse (r->templates[i], stream, NULL, &local_error))
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                      _("Cannot read the theme template “%s”: "),
                                      template_names[i]);
          return FALSE;
        }
    }
  return TRUE;
}

static void
index_sections (MhSiteRenderer *r)
{
  GPtrArray *entries = r->model->entries;

  r->section_entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                              (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < entries->len; i++)
    {
      MhModelEntry *e = g_ptr_array_index (entries, i);
      GPtrArray *list;

      if (e->section == NULL || *e->section == '\0')
        continue;
      list = g_hash_table_lookup (r->section_entries, e->section);
      if (list == NULL)
        g_hash_table_insert (r->section_entries, (gpointer) e->section,
                             list = g_ptr_array_new ());
      g_ptr_array_add (list, e);
    }

  r->sections = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (section_order); i++)
    if (g_hash_table_contains (r->section_entries, section_order[i]))
      g_ptr_array_add (r->sections, (gpointer) section_order[i]);
}

static MhModelVocabulary *
find_vocabulary (MhSiteModel *model,
                 const char  *key)
{
  for (guint i = 0; i < model->vocabularies->len; i++)
    {
      MhModelVocabulary *v = g_ptr_array_index (model->vocabularies, i);

      if (g_strcmp0 (v->key, key) == 0)
        return v;
    }
  return NULL;
}

/* The footer's links: the standing pages, then the vocabularies. */
static char *
footer_links (MhSiteRenderer *r)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < r->model->entries->len; i++)
    {
      MhModelEntry *e = g_ptr_array_index (r->model->entries, i);

      if (e->kind == MH_ENTRY_KIND_PAGE)
        crumb_link (out, r, e->path, e->title);
    }
  for (guint i = 0; i < r->model->vocabularies->len; i++)
    {
      MhModelVocabulary *v = g_ptr_array_index (r->model->vocabularies, i);
      g_autofree char *path = g_strconcat (v->key, "/", NULL);

      if (v->terms->len > 0)
        crumb_link (out, r, path, v->name);
    }
  return g_string_free (out, FALSE);
}

/* What every page shares. Beware: tmpl_scope_set_*() on a child scope
 * assigns to the parent's symbol when the parent has one, so no page or
 * item may set any of these names. */
static void
make_site_scope (MhSiteRenderer *r)
{
  r->site_scope = tmpl_scope_new ();
  take_html (r->site_scope, "root", mh_escape_html (r->root));
  set_text (r->site_scope, "site_title", r->model->title);
  set_text (r->site_scope, "site_description", r->model->description);
  take_html (r->site_scope, "footer_links", footer_links (r));
}

static gboolean
load_stylesheet (MhSiteRenderer  *r,
                 GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  r->stylesheet = mh_theme_locator_read (r->locator, "style.css", &local_error);
  if (r->stylesheet == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Cannot read the theme's stylesheet: "));
      return FALSE;
    }
  return TRUE;
}

/**
 * mh_site_renderer_new:
 * @model: the site to render; it must outlive the renderer
 * @theme_dir: (nullable): a folder whose files replace the default theme's
 *   files of the same name (any template, partial or `style.css`)
 * @error: return location for an error
 *
 * Reads and parses the theme's templates once, for every page to come. A
 * renderer is not thread-safe: use one per thread.
 *
 * Returns: (transfer full) (nullable): the renderer, or %NULL when a
 *   template is missing or does not parse
 */
MhSiteRenderer *
mh_site_renderer_new (MhSiteModel  *model,
                      const char   *theme_dir,
                      GError      **error)
{
  g_autoptr(MhSiteRenderer) r = NULL;

  g_return_val_if_fail (model != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  _mh_core_register_resources ();
  r = g_new0 (MhSiteRenderer, 1);
  r->model = model;
  r->root = base_path (model->base_url);
  r->locator = g_object_new (MH_TYPE_THEME_LOCATOR, NULL);
  if (theme_dir != NULL)
    tmpl_template_locator_append_search_path (TMPL_TEMPLATE_LOCATOR (r->locator), theme_dir);
  tmpl_template_locator_append_search_path (TMPL_TEMPLATE_LOCATOR (r->locator),
                                            THEME_RESOURCE_DIR);
  if (!load_templates (r, error) || !load_stylesheet (r, error))
    return NULL;
  r->fingerprint = g_strdup (g_checksum_get_string (r->locator->checksum));
  r->categories = find_vocabulary (model, "categories");
  r->countries = find_vocabulary (model, "countries");
  index_sections (r);
  make_site_scope (r);
  for (guint i = 0; i < N_CARD_STYLES; i++)
    r->cards[i] = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  r->partners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return g_steal_pointer (&r);
}

/**
 * mh_site_renderer_free:
 * @r: (nullable): a renderer
 *
 * Frees @r; its model stays.
 */
void
mh_site_renderer_free (MhSiteRenderer *r)
{
  if (r == NULL)
    return;
  /* template-glib 3.36 never drops a template's reference to its locator
   * (its finalize forgets it): drop it here, or every renderer leaks one. */
  for (guint i = 0; i < N_TEMPLATES; i++)
    {
      if (r->templates[i] != NULL)
        tmpl_template_set_locator (r->templates[i], NULL);
      g_clear_object (&r->templates[i]);
    }
  g_clear_object (&r->locator);
  g_clear_pointer (&r->stylesheet, g_bytes_unref);
  g_clear_pointer (&r->site_scope, tmpl_scope_unref);
  g_clear_pointer (&r->sections, g_ptr_array_unref);
  g_clear_pointer (&r->section_entries, g_hash_table_unref);
  for (guint i = 0; i < N_CARD_STYLES; i++)
    g_clear_pointer (&r->cards[i], g_hash_table_unref);
  g_clear_pointer (&r->partners, g_hash_table_unref);
  g_free (r->fingerprint);
  g_free (r->root);
  g_free (r->today);
  g_free (r);
}
