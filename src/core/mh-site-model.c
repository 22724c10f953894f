/* mh-site-model.c: a read-only snapshot of what a site publishes
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mh-site-model"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "mh-site-model.h"
#include "mh-store-private.h"

/* Top-level folders that a page's slug must not take. */
static const char * const reserved_segments[] = {
  "assets", "page", "pages", "search", "reports", "events", "insights", "opportunities",
};

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = _mh_stmt_text (stmt, column);

  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

/* The strings of entries, thousands of them, live in the model's chunk:
 * one allocation for many, and nothing to free one by one. */
static char *
chunk_column (GStringChunk *strings,
              sqlite3_stmt *stmt,
              int           column)
{
  const char *text = _mh_stmt_text (stmt, column);

  return text != NULL && *text != '\0' ? g_string_chunk_insert (strings, text) : NULL;
}

static int
int_column (sqlite3_stmt *stmt,
            int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, column);
}

static GPtrArray *
strings_from_json (const char *json)
{
  GPtrArray *strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonNode) node = json ? json_from_string (json, NULL) : NULL;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return strings;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        g_ptr_array_add (strings, g_strdup (json_node_get_string (element)));
    }
  return strings;
}

/* A list the query joined with U+001F, the unit separator; its strings go
 * into @strings, and an empty list is the model's shared one. */
static GPtrArray *
split_list (MhSiteModel *model,
            const char  *joined)
{
  GPtrArray *strings;

  if (joined == NULL || *joined == '\0')
    return g_ptr_array_ref (model->empty);

  strings = g_ptr_array_new ();
  for (const char *p = joined; ; )
    {
      const char *sep = strchr (p, '\x1f');
      gsize len = sep != NULL ? (gsize) (sep - p) : strlen (p);

      g_ptr_array_add (strings, g_string_chunk_insert_len (model->strings, p, len));
      if (sep == NULL)
        break;
      p = sep + 1;
    }
  return strings;
}

/* --- freeing ----------------------------------------------------------------- */

static void
term_free (MhModelTerm *term)
{
  g_free (term->slug);
  g_free (term->name);
  g_free (term->description);
  g_free (term->path);
  g_ptr_array_unref (term->aliases);
  g_ptr_array_unref (term->children);
  g_ptr_array_unref (term->entries);
  g_free (term);
}

static void
vocabulary_free (MhModelVocabulary *vocabulary)
{
  g_free (vocabulary->key);
  g_free (vocabulary->name);
  g_ptr_array_unref (vocabulary->terms);
  g_ptr_array_unref (vocabulary->roots);
  g_free (vocabulary);
}

static void
asset_free (MhModelAsset *asset)
{
  g_free (asset->name);
  g_free (asset->media_type);
  g_free (asset->sha256);
  g_free (asset->alt);
  g_free (asset->credit);
  g_free (asset->path);
  g_free (asset);
}

static void
organisation_free (MhModelOrganisation *organisation)
{
  g_free (organisation->key);
  g_free (organisation->name);
  g_free (organisation->url);
  g_free (organisation);
}

static void
partner_free (MhModelPartner *partner)
{
  g_free (partner->relation);
  g_free (partner);
}

/* A participant's strings belong to the model's string chunk. */
static void
participant_free (MhModelParticipant *p)
{
  g_free (p);
}

static void
programme_free (MhModelProgramme *item)
{
  g_free (item->start);
  g_free (item->end);
  g_free (item->title);
  g_free (item->venue);
  g_free (item);
}

static void
download_free (MhModelDownload *download)
{
  g_free (download->title);
  g_free (download->language);
  g_free (download);
}

/* An entry's strings belong to the model's string chunk. */
static void
entry_free (MhModelEntry *e)
{
  GPtrArray **arrays[] = {
    &e->authors, &e->hashtags, &e->aliases, &e->terms, &e->partners, &e->related,
    &e->participants, &e->programme, &e->downloads, &e->eligible_countries,
  };

  for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
    g_clear_pointer (arrays[i], g_ptr_array_unref);
  g_free (e);
}

/**
 * mh_site_model_free:
 * @model: (nullable): a model
 */
void
mh_site_model_free (MhSiteModel *model)
{
  if (model == NULL)
    return;

  g_free (model->title);
  g_free (model->base_url);
  g_free (model->language);
  g_free (model->description);
  g_free (model->theme_dir);
  g_clear_pointer (&model->languages, g_ptr_array_unref);
  g_clear_pointer (&model->entries_by_slug, g_hash_table_unref);
  g_clear_pointer (&model->assets_by_name, g_hash_table_unref);
  g_clear_pointer (&model->terms_by_id, g_hash_table_unref);
  g_clear_pointer (&model->tagged, g_hash_table_unref);
  for (guint i = 0; model->similar != NULL && i < model->entries->len; i++)
    g_clear_pointer (&model->similar[i], g_ptr_array_unref);
  g_free (model->similar);
  g_free (model->similar_max);
  g_free (model->similar_counts);
  g_free (model->similar_touched);
  g_mutex_clear (&model->similar_lock);
  g_clear_pointer (&model->entries, g_ptr_array_unref);
  g_clear_pointer (&model->vocabularies, g_ptr_array_unref);
  g_clear_pointer (&model->organisations, g_ptr_array_unref);
  g_clear_pointer (&model->assets, g_ptr_array_unref);
  g_clear_object (&model->store);
  g_clear_pointer (&model->strings, g_string_chunk_free);
  g_clear_pointer (&model->list_strings, g_string_chunk_free);
  g_clear_pointer (&model->empty, g_ptr_array_unref);
  g_free (model);
}

/* --- loading ------------------------------------------------------------------ */

typedef struct
{
  MhSiteModel  *model;
  MhStore      *store;
  GCancellable *cancellable;
  GHashTable   *assets_by_id;
  GHashTable   *entries_by_id;
  GHashTable   *organisations_by_id;
  GHashTable   *links;          /* MhModelEntry* → { translation_of, report_event_id } */
  GStringChunk *list_strings;   /* the model's chunk for the strings of lists */
  GHashTable   *people;         /* person id → MhModelParticipant, its person part */
  gint64        include_id;     /* an entry read whatever its status (a preview), or 0 */
} Loader;

typedef gboolean (*RowFunc) (Loader *loader, sqlite3_stmt *stmt, GError **error);

/* Runs @sql and calls @func for each row. */
static gboolean
each_row (Loader      *loader,
          const char  *sql,
          RowFunc      func,
          GError     **error)
{
  sqlite3_stmt *stmt = _mh_store_prepare (loader->store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, loader->include_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!func (loader, stmt, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _mh_store_set_error (loader->store, error, "read the site");
      return FALSE;
    }
  return !g_cancellable_set_error_if_cancelled (loader->cancellable, error);
}

static gpointer
lookup_id (GHashTable   *table,
           sqlite3_stmt *stmt,
           int           column)
{
  gint64 id;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  id = sqlite3_column_int64 (stmt, column);
  return g_hash_table_lookup (table, &id);
}

static void
load_settings (Loader *loader)
{
  MhSiteModel *model = loader->model;
  g_autofree char *base_url = mh_store_get_setting (loader->store, "base_url");
  g_autofree char *languages = mh_store_get_setting (loader->store, "languages");
  g_autofree char *raw_html = mh_store_get_setting (loader->store, "allow_raw_html");

  model->title = mh_store_dup_title (loader->store);
  model->language = mh_store_get_setting (loader->store, "language");
  if (model->language == NULL)
    model->language = g_strdup ("en");
  model->description = mh_store_get_setting (loader->store, "description");
  model->theme_dir = mh_store_get_setting (loader->store, "theme_dir");
  model->allow_raw_html = g_strcmp0 (raw_html, "true") == 0;
  model->languages = strings_from_json (languages);
  if (model->languages->len == 0)
    g_ptr_array_add (model->languages, g_strdup (model->language));

  if (base_url == NULL || *base_url == '\0')
    model->base_url = g_strdup ("/");
  else if (g_str_has_suffix (base_url, "/"))
    model->base_url = g_steal_pointer (&base_url);
  else
    model->base_url = g_strconcat (base_url, "/", NULL);
}

/* “assets/ati-logo.3f2a9c1b.svg”: a new name for new bytes, so that a
 * browser never shows a stale copy. */
static char *
asset_path (const char *name,
            const char *sha256)
{
  const char *dot = strrchr (name, '.');
  g_autofree char *stem = g_strndup (name, dot && dot != name ? (gsize) (dot - name)
                                                            : strlen (name));

  return g_strdup_printf ("assets/%s.%.8s%s", stem, sha256,
                          dot && dot != name ? dot : "");
}

static gboolean
asset_row (Loader        *loader,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  MhModelAsset *asset = g_new0 (MhModelAsset, 1);

  asset->id = sqlite3_column_int64 (stmt, 0);
  asset->name = g_strdup (_mh_stmt_text (stmt, 1));
  asset->media_type = g_strdup (_mh_stmt_text (stmt, 2));
  asset->sha256 = g_strdup (_mh_stmt_text (stmt, 3));
  asset->size = sqlite3_column_int64 (stmt, 4);
  asset->alt = dup_column (stmt, 5);
  asset->credit = dup_column (stmt, 6);
  asset->path = asset_path (asset->name, asset->sha256);

  g_ptr_array_add (loader->model->assets, asset);
  g_hash_table_insert (loader->assets_by_id, &asset->id, asset);
  g_hash_table_insert (loader->model->assets_by_name, asset->name, asset);
  return TRUE;
}

static gboolean
vocabulary_row (Loader        *loader,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  MhModelVocabulary *vocabulary = g_new0 (MhModelVocabulary, 1);

  vocabulary->key = g_strdup (_mh_stmt_text (stmt, 1));
  vocabulary->name = g_strdup (_mh_stmt_text (stmt, 2));
  vocabulary->hierarchical = sqlite3_column_int (stmt, 3) != 0;
  vocabulary->terms = g_ptr_array_new_with_free_func ((GDestroyNotify) term_free);
  vocabulary->roots = g_ptr_array_new ();
  g_ptr_array_add (loader->model->vocabularies, vocabulary);
  return TRUE;
}

static MhModelVocabulary *
find_vocabulary (MhSiteModel *model,
                 const char  *key)
{
  for (guint i = 0; i < model->vocabularies->len; i++)
    {
      MhModelVocabulary *vocabulary = g_ptr_array_index (model->vocabularies, i);

      if (g_str_equal (vocabulary->key, key))
        return vocabulary;
    }
  return NULL;
}

/* Terms come parents first (a recursive query), so a parent is always
 * known when its children arrive. */
static gboolean
term_row (Loader        *loader,
          sqlite3_stmt  *stmt,
          GError       **error)
{
  MhModelTerm *term = g_new0 (MhModelTerm, 1);

  term->id = sqlite3_column_int64 (stmt, 0);
  term->vocabulary = find_vocabulary (loader->model, _mh_stmt_text (stmt, 1));
  term->parent = lookup_id (loader->model->terms_by_id, stmt, 2);
  term->slug = g_strdup (_mh_stmt_text (stmt, 3));
  term->name = g_strdup (_mh_stmt_text (stmt, 4));
  term->description = dup_column (stmt, 5);
  term->aliases = g_ptr_array_new_with_free_func (g_free);
  term->children = g_ptr_array_new ();
  term->entries = g_ptr_array_new ();
  term->path = g_strdup_printf ("%s/%s/", term->vocabulary->key, term->slug);

  g_ptr_array_add (term->vocabulary->terms, term);
  if (term->parent != NULL)
    g_ptr_array_add (term->parent->children, term);
  else
    g_ptr_array_add (term->vocabulary->roots, term);
  g_hash_table_insert (loader->model->terms_by_id, &term->id, term);
  return TRUE;
}

static gboolean
term_alias_row (Loader        *loader,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  MhModelTerm *term = lookup_id (loader->model->terms_by_id, stmt, 0);

  if (term != NULL)
    g_ptr_array_add (term->aliases, g_strdup (_mh_stmt_text (stmt, 1)));
  return TRUE;
}

static gboolean
organisation_row (Loader        *loader,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  MhModelOrganisation *organisation = g_new0 (MhModelOrganisation, 1);
  gint64 *id = g_new (gint64, 1);

  *id = sqlite3_column_int64 (stmt, 0);
  organisation->key = g_strdup (_mh_stmt_text (stmt, 1));
  organisation->name = g_strdup (_mh_stmt_text (stmt, 2));
  organisation->url = dup_column (stmt, 3);
  organisation->logo = lookup_id (loader->assets_by_id, stmt, 4);
  g_ptr_array_add (loader->model->organisations, organisation);
  g_hash_table_insert (loader->organisations_by_id, id, organisation);
  return TRUE;
}

/* Adds @item to an entry's list, giving the entry a list of its own
 * first if it still shares the model's empty one. */
static void
list_add (MhSiteModel    *model,
          GPtrArray     **list,
          gpointer        item,
          GDestroyNotify  free_func)
{
  if (*list == model->empty)
    {
      g_ptr_array_unref (*list);
      *list = g_ptr_array_new_with_free_func (free_func);
    }
  g_ptr_array_add (*list, item);
}

const char *
mh_site_model_section_for (MhEntryKind kind)
{
  switch (kind)
    {
    case MH_ENTRY_KIND_REPORT:
      return "reports";
    case MH_ENTRY_KIND_EVENT:
      return "events";
    case MH_ENTRY_KIND_ARTICLE:
      return "insights";
    case MH_ENTRY_KIND_OPEN_CALL:
      return "opportunities";
    case MH_ENTRY_KIND_PAGE:
    default:
      return "";
    }
}

/**
 * mh_site_model_section_title:
 * @section: a section such as `reports`
 *
 * Returns: (transfer none): the section's translated title for people
 */
const char *
mh_site_model_section_title (const char *section)
{
  if (g_strcmp0 (section, "reports") == 0)
    return _("Reports");
  if (g_strcmp0 (section, "events") == 0)
    return _("Events");
  if (g_strcmp0 (section, "insights") == 0)
    return _("Insights");
  if (g_strcmp0 (section, "opportunities") == 0)
    return _("Opportunities");
  return _("Pages");
}

static char *
entry_path (MhSiteModel  *model,
            MhModelEntry *entry)
{
  if (*entry->section != '\0')
    return g_strdup_printf ("%s/%s/", entry->section, entry->slug);

  /* A page sits at the top level unless its slug is a folder the site
   * uses for something else. */
  for (guint i = 0; i < G_N_ELEMENTS (reserved_segments); i++)
    if (g_str_equal (entry->slug, reserved_segments[i]))
      return g_strdup_printf ("pages/%s/", entry->slug);
  if (find_vocabulary (model, entry->slug) != NULL)
    return g_strdup_printf ("pages/%s/", entry->slug);
  return g_strdup_printf ("%s/", entry->slug);
}

#define ENTRY_SELECT \
  "SELECT id, uuid, kind, title, slug, lang, date, summary, body_md, updated_at, " \
  "cover_asset_id, cover_alt, cover_credit, " \
  "(SELECT group_concat (value, char (31)) FROM json_each (authors)), posted_by, series, " \
  "(SELECT group_concat (value, char (31)) FROM json_each (hashtags)), website, " \
  "event_start, event_end, event_time_zone, event_all_day, event_online, event_venue, " \
  "event_city, event_country_id, event_format, participants_planned, participants_actual, " \
  "report_publisher, call_category, call_deadline, translation_of, report_event_id " \
  "FROM entries WHERE status = 'published' OR id = ?1"

static gboolean
entry_row (Loader        *loader,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  MhModelEntry *e = g_new0 (MhModelEntry, 1);
  GStringChunk *strings = loader->model->strings;
  g_autofree char *path = NULL;
  const char *body;

  e->id = sqlite3_column_int64 (stmt, 0);
  e->uuid = g_string_chunk_insert (strings, _mh_stmt_text (stmt, 1));
  mh_entry_kind_from_string (_mh_stmt_text (stmt, 2), &e->kind);
  e->title = g_string_chunk_insert (strings, _mh_stmt_text (stmt, 3));
  e->slug = g_string_chunk_insert (strings, _mh_stmt_text (stmt, 4));
  e->language = chunk_column (strings, stmt, 5);
  e->date = chunk_column (strings, stmt, 6);
  e->summary = chunk_column (strings, stmt, 7);
  /* Bodies are 20 MB on a large site: their length comes with them. */
  body = _mh_stmt_text (stmt, 8);
  e->body_length = body != NULL ? (gsize) sqlite3_column_bytes (stmt, 8) : 0;
  e->body = g_string_chunk_insert_len (strings, body != NULL ? body : "", e->body_length);
  e->updated_at = g_string_chunk_insert (strings, _mh_stmt_text (stmt, 9));
  e->cover = lookup_id (loader->assets_by_id, stmt, 10);
  e->cover_alt = chunk_column (strings, stmt, 11);
  e->cover_credit = chunk_column (strings, stmt, 12);
  e->authors = split_list (loader->model, _mh_stmt_text (stmt, 13));
  e->posted_by = chunk_column (strings, stmt, 14);
  e->series = chunk_column (strings, stmt, 15);
  e->hashtags = split_list (loader->model, _mh_stmt_text (stmt, 16));
  e->website = chunk_column (strings, stmt, 17);
  e->event_start = chunk_column (strings, stmt, 18);
  e->event_end = chunk_column (strings, stmt, 19);
  e->time_zone = chunk_column (strings, stmt, 20);
  e->all_day = sqlite3_column_int (stmt, 21) != 0;
  e->online = sqlite3_column_int (stmt, 22) != 0;
  e->venue = chunk_column (strings, stmt, 23);
  e->city = chunk_column (strings, stmt, 24);
  e->event_country = lookup_id (loader->model->terms_by_id, stmt, 25);
  e->event_format = chunk_column (strings, stmt, 26);
  e->participants_planned = int_column (stmt, 27);
  e->participants_actual = int_column (stmt, 28);
  e->publisher = chunk_column (strings, stmt, 29);
  e->call_category = chunk_column (strings, stmt, 30);
  e->deadline = chunk_column (strings, stmt, 31);
  if (sqlite3_column_type (stmt, 32) != SQLITE_NULL || sqlite3_column_type (stmt, 33) != SQLITE_NULL)
    g_hash_table_insert (loader->links, e,
                         g_memdup2 ((gint64[]) { sqlite3_column_int64 (stmt, 32),
                                                 sqlite3_column_int64 (stmt, 33) },
                                    2 * sizeof (gint64)));

  /* Most lists of most entries are empty: they share one empty array
   * until list_add () gives them their own. */
  e->aliases = g_ptr_array_ref (loader->model->empty);
  e->terms = g_ptr_array_ref (loader->model->empty);
  e->partners = g_ptr_array_ref (loader->model->empty);
  e->related = g_ptr_array_ref (loader->model->empty);
  e->participants = g_ptr_array_ref (loader->model->empty);
  e->programme = g_ptr_array_ref (loader->model->empty);
  e->downloads = g_ptr_array_ref (loader->model->empty);
  e->eligible_countries = g_ptr_array_ref (loader->model->empty);
  e->section = mh_site_model_section_for (e->kind);
  path = entry_path (loader->model, e);
  e->path = g_string_chunk_insert (strings, path);
  e->index = loader->model->entries->len;

  g_ptr_array_add (loader->model->entries, e);
  g_hash_table_insert (loader->entries_by_id, &e->id, e);
  g_hash_table_insert (loader->model->entries_by_slug, e->slug, e);
  return TRUE;
}

/* Links between published entries, resolved once all of them are known. */
static void
resolve_links (Loader *loader)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, loader->links);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      MhModelEntry *entry = key;
      const gint64 *ids = value;

      entry->translation_of = g_hash_table_lookup (loader->entries_by_id, &ids[0]);
      entry->report_event = g_hash_table_lookup (loader->entries_by_id, &ids[1]);
    }
}

/* --- the entries' lists ------------------------------------------------------ */

/* The lists of entries (aliases, terms, partners …) are read in two
 * steps: each row is read into a ListRow, which may happen on a second
 * connection while this one reads the entries, then attached to its entry
 * once all entries are known, in the order the rows came. */
typedef struct
{
  gint64   entry_id;
  gint64   other_id;      /* entry_related: the related entry */
  gpointer item;          /* what goes into the entry's list */
} ListRow;

/* Reads @stmt's row into @row; returns %FALSE to skip it. */
typedef gboolean (*ListReadFunc)   (Loader       *loader,
                                    sqlite3_stmt *stmt,
                                    ListRow      *row);
/* Adds @row to @entry, or frees its item when @entry is %NULL (the row
 * belongs to an entry that is not published). */
typedef void     (*ListAttachFunc) (Loader       *loader,
                                    MhModelEntry *entry,
                                    ListRow      *row);

static gboolean
alias_read (Loader       *loader,
            sqlite3_stmt *stmt,
            ListRow      *row)
{
  row->item = g_strdup (_mh_stmt_text (stmt, 1));
  return TRUE;
}

static void
alias_attach (Loader       *loader,
              MhModelEntry *entry,
              ListRow      *row)
{
  if (entry == NULL)
    {
      g_free (row->item);
      return;
    }
  list_add (loader->model, &entry->aliases, row->item, g_free);
  g_hash_table_insert (loader->model->entries_by_slug, row->item, entry);
}

/* entry_terms and call_countries: a term, looked up here already. */
static gboolean
term_read (Loader       *loader,
           sqlite3_stmt *stmt,
           ListRow      *row)
{
  row->item = lookup_id (loader->model->terms_by_id, stmt, 1);
  return row->item != NULL;
}

static void
term_attach (Loader       *loader,
             MhModelEntry *entry,
             ListRow      *row)
{
  MhModelTerm *term = row->item;
  GArray *tagged;

  if (entry == NULL)
    return;

  list_add (loader->model, &entry->terms, term, NULL);
  tagged = g_hash_table_lookup (loader->model->tagged, term);
  if (tagged == NULL)
    {
      tagged = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (loader->model->tagged, term, tagged);
    }
  g_array_append_val (tagged, entry->index);
}

static gboolean
partner_read (Loader       *loader,
              sqlite3_stmt *stmt,
              ListRow      *row)
{
  MhModelOrganisation *organisation = lookup_id (loader->organisations_by_id, stmt, 1);
  MhModelPartner *partner;

  if (organisation == NULL)
    return FALSE;

  partner = g_new0 (MhModelPartner, 1);
  partner->organisation = organisation;
  partner->relation = g_strdup (_mh_stmt_text (stmt, 2));
  row->item = partner;
  return TRUE;
}

static void
partner_attach (Loader       *loader,
                MhModelEntry *entry,
                ListRow      *row)
{
  if (entry == NULL)
    partner_free (row->item);
  else
    list_add (loader->model, &entry->partners, row->item, (GDestroyNotify) partner_free);
}

static gboolean
related_read (Loader       *loader,
              sqlite3_stmt *stmt,
              ListRow      *row)
{
  row->other_id = sqlite3_column_int64 (stmt, 1);
  return sqlite3_column_type (stmt, 1) != SQLITE_NULL;
}

static void
related_attach (Loader       *loader,
                MhModelEntry *entry,
                ListRow      *row)
{
  MhModelEntry *related = g_hash_table_lookup (loader->entries_by_id, &row->other_id);

  if (entry != NULL && related != NULL && related != entry)
    list_add (loader->model, &entry->related, related, NULL);
}

static char *
upper (const char *text)
{
  return text ? g_utf8_strup (text, -1) : NULL;
}

/* “KOK Heng Leun” or “Isabelle SCHWARZ”: the family name in capitals, in
 * the order the person's culture gives. */
static void
name_participant (MhModelParticipant *p,
                  GStringChunk       *strings)
{
  g_autofree char *family = upper (p->family_name);
  const char *given = p->given_name;
  g_autofree char *name = NULL;
  g_autofree char *display = NULL;
  g_autofree char *sort = NULL;

  if (family == NULL)
    name = g_strdup (given);
  else if (given == NULL)
    name = g_strdup (family);
  else if (p->family_name_first)
    name = g_strdup_printf ("%s %s", family, given);
  else
    name = g_strdup_printf ("%s %s", given, family);

  display = p->honorific ? g_strdup_printf ("%s %s", p->honorific, name) : g_strdup (name);
  sort = g_strdup_printf ("%s %s", p->family_name ? p->family_name : "", given ? given : "");
  p->display_name = g_string_chunk_insert (strings, display);
  p->sort_name = g_string_chunk_insert (strings, sort);
}

/* Only people who consented are read, and never their private fields. */
#define PARTICIPANT_SELECT \
  "SELECT pa.entry_id, pe.key, pe.honorific, pe.given_name, pe.family_name, " \
  "pe.family_name_first, pe.organisation, pe.job_title, pe.country_term_id, pe.sector, " \
  "pe.bio, pe.photo_asset_id, pe.photo_credit, pa.role, pa.group_label, pe.id " \
  "FROM participations pa JOIN people pe ON pe.id = pa.person_id " \
  "WHERE pe.public = 1 ORDER BY pa.entry_id, pa.position, pa.id"

/* A person's part of a participant, read once per person: people take
 * part in many events. */
static const MhModelParticipant *
read_person (Loader       *loader,
             sqlite3_stmt *stmt)
{
  GStringChunk *strings = loader->list_strings;
  gint64 id = sqlite3_column_int64 (stmt, 15);
  MhModelParticipant *p = g_hash_table_lookup (loader->people, &id);
  gint64 *key;

  if (p != NULL)
    return p;

  p = g_new0 (MhModelParticipant, 1);
  p->key = g_string_chunk_insert (strings, _mh_stmt_text (stmt, 1));
  p->honorific = chunk_column (strings, stmt, 2);
  p->given_name = chunk_column (strings, stmt, 3);
  p->family_name = chunk_column (strings, stmt, 4);
  p->family_name_first = sqlite3_column_int (stmt, 5) != 0;
  p->organisation = chunk_column (strings, stmt, 6);
  p->job_title = chunk_column (strings, stmt, 7);
  p->country = lookup_id (loader->model->terms_by_id, stmt, 8);
  p->sector = chunk_column (strings, stmt, 9);
  p->bio = chunk_column (strings, stmt, 10);
  p->photo = lookup_id (loader->assets_by_id, stmt, 11);
  p->photo_credit = chunk_column (strings, stmt, 12);
  name_participant (p, strings);

  key = g_new (gint64, 1);
  *key = id;
  g_hash_table_insert (loader->people, key, p);
  return p;
}

static gboolean
participant_read (Loader       *loader,
                  sqlite3_stmt *stmt,
                  ListRow      *row)
{
  GStringChunk *strings = loader->list_strings;
  MhModelParticipant *p = g_new (MhModelParticipant, 1);

  *p = *read_person (loader, stmt);
  p->role = g_string_chunk_insert (strings, _mh_stmt_text (stmt, 13) ? _mh_stmt_text (stmt, 13)
                                                                     : "participant");
  p->group = chunk_column (strings, stmt, 14);
  row->item = p;
  return TRUE;
}

static void
participant_attach (Loader       *loader,
                    MhModelEntry *entry,
                    ListRow      *row)
{
  if (entry == NULL)
    participant_free (row->item);
  else
    list_add (loader->model, &entry->participants, row->item,
              (GDestroyNotify) participant_free);
}

static gboolean
programme_read (Loader       *loader,
                sqlite3_stmt *stmt,
                ListRow      *row)
{
  MhModelProgramme *item = g_new0 (MhModelProgramme, 1);

  item->start = dup_column (stmt, 1);
  item->end = dup_column (stmt, 2);
  item->title = g_strdup (_mh_stmt_text (stmt, 3));
  item->venue = dup_column (stmt, 4);
  row->item = item;
  return TRUE;
}

static void
programme_attach (Loader       *loader,
                  MhModelEntry *entry,
                  ListRow      *row)
{
  if (entry == NULL)
    programme_free (row->item);
  else
    list_add (loader->model, &entry->programme, row->item, (GDestroyNotify) programme_free);
}

static gboolean
download_read (Loader       *loader,
               sqlite3_stmt *stmt,
               ListRow      *row)
{
  MhModelAsset *asset = lookup_id (loader->assets_by_id, stmt, 1);
  MhModelDownload *download;

  if (asset == NULL)
    return FALSE;

  download = g_new0 (MhModelDownload, 1);
  download->asset = asset;
  download->title = dup_column (stmt, 2);
  download->language = dup_column (stmt, 3);
  row->item = download;
  return TRUE;
}

static void
download_attach (Loader       *loader,
                 MhModelEntry *entry,
                 ListRow      *row)
{
  if (entry == NULL)
    download_free (row->item);
  else
    list_add (loader->model, &entry->downloads, row->item, (GDestroyNotify) download_free);
}

static void
call_country_attach (Loader       *loader,
                     MhModelEntry *entry,
                     ListRow      *row)
{
  if (entry != NULL)
    list_add (loader->model, &entry->eligible_countries, row->item, NULL);
}

/* A term lists the entries tagged with it or any of its descendants, each
 * once, newest first: entries are visited in that order. */
static void
collect_term_entries (MhSiteModel *model)
{
  g_autoptr(GHashTable) last = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < model->entries->len; i++)
    {
      MhModelEntry *entry = g_ptr_array_index (model->entries, i);

      for (guint j = 0; j < entry->terms->len; j++)
        for (MhModelTerm *t = g_ptr_array_index (entry->terms, j); t; t = t->parent)
          {
            if (g_hash_table_lookup (last, t) == entry)
              break;
            g_hash_table_insert (last, t, entry);
            g_ptr_array_add (t->entries, entry);
          }
    }
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const MhModelEntry *x = *(MhModelEntry * const *) a;
  const MhModelEntry *y = *(MhModelEntry * const *) b;
  int cmp;

  /* Undated entries last. */
  if ((x->date == NULL) != (y->date == NULL))
    return x->date == NULL ? 1 : -1;
  if (x->date != NULL && (cmp = strcmp (y->date, x->date)) != 0)
    return cmp;
  return x->id < y->id ? 1 : x->id > y->id ? -1 : 0;
}

/* The entries are read in the order the file holds them (a plain scan,
 * not a seek per row through the date index) and sorted here: newest
 * first, then by id. */
static void
order_entries (MhSiteModel *model)
{
  g_ptr_array_sort (model->entries, compare_newest_first);
  for (guint i = 0; i < model->entries->len; i++)
    ((MhModelEntry *) g_ptr_array_index (model->entries, i))->index = i;
}

static const struct {
  const char *sql;
  RowFunc     func;
} steps[] = {
  { "SELECT id, name, media_type, sha256, size, alt, credit FROM assets ORDER BY name",
    asset_row },
  { "SELECT id, key, name, hierarchical FROM vocabularies ORDER BY position, id",
    vocabulary_row },
  { "WITH RECURSIVE tree (id, depth) AS ("
    " SELECT id, 0 FROM terms WHERE parent_id IS NULL"
    " UNION ALL SELECT t.id, tree.depth + 1 FROM terms t JOIN tree ON t.parent_id = tree.id) "
    "SELECT t.id, v.key, t.parent_id, t.slug, t.name, t.description "
    "FROM tree JOIN terms t ON t.id = tree.id JOIN vocabularies v ON v.id = t.vocabulary_id "
    "ORDER BY tree.depth, v.position, t.weight, t.id",
    term_row },
  { "SELECT term_id, slug FROM term_aliases ORDER BY term_id, position", term_alias_row },
  { "SELECT id, key, name, url, logo_asset_id FROM organisations ORDER BY id", organisation_row },
};

/* The lists of entries, each row with its entry's id first. */
static const struct {
  const char     *sql;
  ListReadFunc    read;
  ListAttachFunc  attach;
} lists[] = {
  { "SELECT entry_id, slug FROM entry_aliases ORDER BY entry_id, position",
    alias_read, alias_attach },
  { "SELECT entry_id, term_id FROM entry_terms ORDER BY entry_id, position",
    term_read, term_attach },
  { "SELECT entry_id, organisation_id, relation FROM entry_partners ORDER BY entry_id, position",
    partner_read, partner_attach },
  { "SELECT entry_id, related_id FROM entry_related ORDER BY entry_id, position",
    related_read, related_attach },
  { PARTICIPANT_SELECT, participant_read, participant_attach },
  { "SELECT entry_id, start, end, title, venue FROM programme_items "
    "ORDER BY entry_id, position, id", programme_read, programme_attach },
  { "SELECT entry_id, asset_id, title, lang FROM report_downloads "
    "ORDER BY entry_id, position, id", download_read, download_attach },
  { "SELECT entry_id, term_id FROM call_countries ORDER BY entry_id, position",
    term_read, call_country_attach },
};

static MhSiteModel *
model_new (MhStore *store)
{
  MhSiteModel *model = g_new0 (MhSiteModel, 1);

  model->store = g_object_ref (store);
  model->strings = g_string_chunk_new (1 << 20);
  model->list_strings = g_string_chunk_new (1 << 14);
  model->empty = g_ptr_array_new ();
  model->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  model->vocabularies = g_ptr_array_new_with_free_func ((GDestroyNotify) vocabulary_free);
  model->assets = g_ptr_array_new_with_free_func ((GDestroyNotify) asset_free);
  model->organisations = g_ptr_array_new_with_free_func ((GDestroyNotify) organisation_free);
  model->entries_by_slug = g_hash_table_new (g_str_hash, g_str_equal);
  model->assets_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  model->terms_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  model->tagged = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  g_mutex_init (&model->similar_lock);
  return model;
}

/* Reads each list's rows into @rows, one GArray of ListRow per list. */
static gboolean
read_lists (Loader   *loader,
            GArray  **rows,
            GError  **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      sqlite3_stmt *stmt = _mh_store_prepare (loader->store, lists[i].sql, error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      rows[i] = g_array_new (FALSE, FALSE, sizeof (ListRow));
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          ListRow row = { sqlite3_column_int64 (stmt, 0), 0, NULL };

          if (sqlite3_column_type (stmt, 0) != SQLITE_NULL && lists[i].read (loader, stmt, &row))
            g_array_append_val (rows[i], row);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          _mh_store_set_error (loader->store, error, "read the site");
          return FALSE;
        }
      if (g_cancellable_set_error_if_cancelled (loader->cancellable, error))
        return FALSE;
    }
  return TRUE;
}

/* Gives every list row to its entry, or frees it; frees @rows. */
static void
attach_lists (Loader  *loader,
              GArray **rows)
{
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      MhModelEntry *entry = NULL;

      for (guint j = 0; rows[i] != NULL && j < rows[i]->len; j++)
        {
          ListRow *row = &g_array_index (rows[i], ListRow, j);

          /* Rows come by entry: one lookup for each entry's rows. */
          if (j == 0 || row->entry_id != row[-1].entry_id)
            entry = g_hash_table_lookup (loader->entries_by_id, &row->entry_id);
          lists[i].attach (loader, entry, row);
        }
      g_clear_pointer (&rows[i], g_array_unref);
    }
}

typedef struct
{
  Loader    loader;            /* on the second connection */
  GArray   *rows[G_N_ELEMENTS (lists)];
  gboolean  ok;
  GError   *error;
} ListsJob;

static gpointer
lists_thread (gpointer data)
{
  ListsJob *job = data;

  job->ok = read_lists (&job->loader, job->rows, &job->error);
  return NULL;
}

static gboolean
data_version (sqlite3 *db,
              gint64  *version)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (sqlite3_prepare_v2 (db, "PRAGMA data_version", -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  ok = sqlite3_step (stmt) == SQLITE_ROW;
  *version = ok ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_finalize (stmt);
  return ok;
}

/* Starts a read transaction on each of two connections to the same file,
 * such that both see the same snapshot of it. A read transaction sees the
 * file as it was when it started (in WAL mode, the commits up to then; in
 * rollback mode, the file, which no writer can change while it lasts), so
 * the order is: @b reads (its data_version is then V), @a starts reading,
 * @b starts reading and reads V again. An unchanged data_version means no
 * other connection committed between @b's two reads, and @a's start lies
 * between them: both see that same snapshot. When a commit came in
 * between, it is tried again, then given up (the caller reads everything
 * on @a alone). */
static gboolean
begin_shared_read (sqlite3 *a,
                   sqlite3 *b)
{
  for (guint attempt = 0; attempt < 3; attempt++)
    {
      gint64 before, after, unused;

      if (!data_version (b, &before) ||
          sqlite3_exec (a, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
        return FALSE;
      if (data_version (a, &unused) &&
          sqlite3_exec (b, "BEGIN", NULL, NULL, NULL) == SQLITE_OK)
        {
          if (data_version (b, &after) && after == before)
            return TRUE;
          sqlite3_exec (b, "ROLLBACK", NULL, NULL, NULL);
        }
      sqlite3_exec (a, "ROLLBACK", NULL, NULL, NULL);
    }
  return FALSE;
}

static void
finish_model (MhSiteModel *model)
{
  collect_term_entries (model);
  model->similar = g_new0 (GPtrArray *, model->entries->len);
  model->similar_max = g_new0 (guint, model->entries->len);
  model->similar_counts = g_new0 (guint, model->entries->len);
  model->similar_touched = g_new (guint, model->entries->len);
}

/* With @lists_store, a second connection to the same file, the entries'
 * lists are read on it in a thread of their own while @store reads the
 * entries, from the same snapshot; without it, @store reads everything.
 * The entry @include_id is read whatever its status (0 for none). */
static MhSiteModel *
load_model (MhStore       *store,
            MhStore       *lists_store,
            gint64         include_id,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(MhSiteModel) model = model_new (store);
  g_autoptr(GHashTable) organisations = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                               g_free, NULL);
  g_autoptr(GHashTable) assets = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) entries = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) links = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                        g_free, g_free);
  sqlite3 *db = _mh_store_get_db (store);
  sqlite3 *lists_db = lists_store ? _mh_store_get_db (lists_store) : NULL;
  gboolean own_read = sqlite3_get_autocommit (db);
  ListsJob job = { 0 };
  GThread *thread = NULL;
  GArray *rows[G_N_ELEMENTS (lists)] = { NULL };
  gboolean ok = TRUE;
  Loader loader;

  loader = (Loader) { model, store, cancellable, assets, entries, organisations, links,
                      model->list_strings, people, include_id };

  if (lists_db != NULL && !(own_read && begin_shared_read (db, lists_db)))
    lists_db = NULL;
  if (lists_db == NULL && own_read)
    sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);

  load_settings (&loader);
  for (guint i = 0; i < G_N_ELEMENTS (steps) && ok; i++)
    ok = each_row (&loader, steps[i].sql, steps[i].func, error);

  /* Terms, assets and organisations are known: the lists only read them. */
  if (ok && lists_db != NULL)
    {
      job.loader = loader;
      job.loader.store = lists_store;
      thread = g_thread_new ("mh-model-lists", lists_thread, &job);
    }
  if (ok && (ok = each_row (&loader, ENTRY_SELECT, entry_row, error)))
    order_entries (model);
  if (thread != NULL)
    {
      g_thread_join (thread);
      sqlite3_exec (lists_db, "COMMIT", NULL, NULL, NULL);
      memcpy (rows, job.rows, sizeof rows);
      if (ok && !job.ok)
        {
          g_propagate_error (error, g_steal_pointer (&job.error));
          ok = FALSE;
        }
      g_clear_error (&job.error);
    }
  else if (ok)
    ok = read_lists (&loader, rows, error);
  if (own_read)
    sqlite3_exec (db, ok ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);

  /* Even after an error: the rows own items that only attaching frees. */
  if (!ok)
    g_hash_table_remove_all (entries);
  attach_lists (&loader, rows);
  if (!ok)
    return NULL;

  resolve_links (&loader);
  finish_model (model);
  return g_steal_pointer (&model);
}

/**
 * mh_site_model_load_from_store:
 * @store: an open site
 * @cancellable: (nullable): to stop loading
 * @error: return location for an error
 *
 * Reads what the site publishes, in one read transaction so that the
 * snapshot is consistent. Use the store from one thread only: for work in
 * another thread, use mh_site_model_load(), which opens its own connection.
 *
 * Returns: (transfer full): the model, or %NULL
 */
MhSiteModel *
mh_site_model_load_from_store (MhStore       *store,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_return_val_if_fail (MH_IS_STORE (store), NULL);

  return load_model (store, NULL, 0, cancellable, error);
}

/**
 * mh_site_model_load:
 * @path: a site file
 * @cancellable: (nullable): to stop loading
 * @error: return location for an error
 *
 * Opens @path read-only on connections of its own and loads the model;
 * safe to call from a worker thread. A second connection reads the lists
 * of the entries while the first reads the entries, from the same snapshot
 * of the file.
 *
 * Returns: (transfer full): the model, or %NULL
 */
MhSiteModel *
mh_site_model_load (const char    *path,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(MhStore) store = mh_store_open_read_only (path, error);
  g_autoptr(MhStore) lists_store = NULL;

  if (store == NULL)
    return NULL;
  /* Without a second connection, the first reads it all. */
  lists_store = mh_store_open_read_only (path, NULL);
  return load_model (store, lists_store, 0, cancellable, error);
}

/**
 * mh_site_model_load_preview:
 * @path: a site file
 * @entry_id: an entry to include whatever its status
 * @cancellable: (nullable): to stop loading
 * @error: return location for an error
 *
 * Like mh_site_model_load(), with the entry @entry_id in the model even
 * when it is a draft, in review or archived, so that its page can be
 * previewed exactly as it will be published.
 *
 * Returns: (transfer full): the model, or %NULL
 */
MhSiteModel *
mh_site_model_load_preview (const char    *path,
                            gint64         entry_id,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(MhStore) store = mh_store_open_read_only (path, error);
  g_autoptr(MhStore) lists_store = NULL;

  if (store == NULL)
    return NULL;
  lists_store = mh_store_open_read_only (path, NULL);
  return load_model (store, lists_store, entry_id, cancellable, error);
}

/**
 * mh_site_model_find_entry:
 * @model: a model
 * @slug_or_alias: a slug, current or old
 *
 * Returns: (transfer none) (nullable): the published entry
 */
MhModelEntry *
mh_site_model_find_entry (MhSiteModel *model,
                          const char  *slug_or_alias)
{
  g_return_val_if_fail (model != NULL, NULL);
  return slug_or_alias ? g_hash_table_lookup (model->entries_by_slug, slug_or_alias) : NULL;
}

/**
 * mh_site_model_find_asset:
 * @model: a model
 * @name: an asset's name
 *
 * Returns: (transfer none) (nullable): the asset
 */
MhModelAsset *
mh_site_model_find_asset (MhSiteModel *model,
                          const char  *name)
{
  g_return_val_if_fail (model != NULL, NULL);
  return name ? g_hash_table_lookup (model->assets_by_name, name) : NULL;
}

/**
 * mh_site_model_read_asset:
 * @model: a model
 * @asset: one of its assets
 * @error: return location for an error
 *
 * Reads the asset's bytes from the site file; call it from the thread that
 * loaded the model.
 *
 * Returns: (transfer full): the bytes, or %NULL
 */
GBytes *
mh_site_model_read_asset (MhSiteModel   *model,
                          MhModelAsset  *asset,
                          GError       **error)
{
  sqlite3_stmt *stmt;
  GBytes *bytes = NULL;

  g_return_val_if_fail (model != NULL, NULL);
  g_return_val_if_fail (asset != NULL, NULL);

  stmt = _mh_store_prepare (model->store, "SELECT data FROM blobs WHERE sha256 = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, asset->sha256, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  else
    g_set_error (error, MH_STORE_ERROR, MH_STORE_ERROR_NOT_FOUND,
                 _("The bytes of the asset “%s” are missing from the site file"), asset->name);
  sqlite3_reset (stmt);
  return bytes;
}

/* Whether the entry at @a goes before the one at @b among similar entries:
 * more shared terms, then newer (a lower index). */
static inline gboolean
more_similar (const guint *counts,
              guint        a,
              guint        b)
{
  return counts[a] != counts[b] ? counts[a] > counts[b] : a < b;
}

/* Counts the terms each other entry shares with @entry, in the model's
 * scratch array (all zero before and after), and keeps the best @n in
 * @best, in order, by insertion into that small array: candidates run
 * into thousands on a large site, so nothing is sorted, and the hot loop
 * reads only arrays of indexes. Pinned entries (in @similar) are skipped. */
static guint
best_by_shared_terms (MhSiteModel  *model,
                      MhModelEntry *entry,
                      GPtrArray    *similar,
                      guint        *counts,
                      guint        *touched,
                      guint        *best,
                      guint         n)
{
  const guint pinned = G_MAXUINT / 2;
  guint n_touched = 0, n_best = 0;

  counts[entry->index] = pinned;
  for (guint i = 0; i < similar->len; i++)
    counts[((MhModelEntry *) g_ptr_array_index (similar, i))->index] = pinned;

  for (guint i = 0; i < entry->terms->len; i++)
    {
      GArray *tagged = g_hash_table_lookup (model->tagged, g_ptr_array_index (entry->terms, i));
      const guint *others = tagged ? (const guint *) (gpointer) tagged->data : NULL;

      for (guint j = 0; tagged != NULL && j < tagged->len; j++)
        if (counts[others[j]]++ == 0)
          touched[n_touched++] = others[j];
    }

  for (guint i = 0; i < n_touched; i++)
    {
      guint c = touched[i];
      guint k;

      if (n_best == n && !more_similar (counts, c, best[n - 1]))
        continue;
      k = n_best < n ? n_best++ : n - 1;
      for (; k > 0 && more_similar (counts, c, best[k - 1]); k--)
        best[k] = best[k - 1];
      best[k] = c;
    }

  for (guint i = 0; i < n_touched; i++)
    counts[touched[i]] = 0;
  counts[entry->index] = 0;
  for (guint i = 0; i < similar->len; i++)
    counts[((MhModelEntry *) g_ptr_array_index (similar, i))->index] = 0;
  return n_best;
}

/* @counts and @touched are scratch arrays of one entry per model entry,
 * @counts all zero; one pair per thread. */
static GPtrArray *
compute_similar (MhSiteModel  *model,
                 MhModelEntry *entry,
                 guint         max,
                 guint        *counts,
                 guint        *touched)
{
  GPtrArray *similar = g_ptr_array_new ();
  g_autofree guint *best = g_new (guint, max + 1);
  guint n_best = 0;

  for (guint i = 0; i < entry->related->len && similar->len < max; i++)
    g_ptr_array_add (similar, g_ptr_array_index (entry->related, i));

  if (similar->len < max)
    n_best = best_by_shared_terms (model, entry, similar, counts, touched, best,
                                   max - similar->len);
  for (guint i = 0; i < n_best; i++)
    g_ptr_array_add (similar, g_ptr_array_index (model->entries, best[i]));

  return similar;
}

/**
 * mh_site_model_similar:
 * @model: a model
 * @entry: an entry of @model
 * @max: how many at the most
 *
 * The “Similar content” of @entry: the entries its editor pinned, in
 * their order, then the entries that share the most terms with it, newest
 * first among equals. The result for the largest @max asked so far is kept,
 * so that asking again (the export's fingerprint, then the page) is cheap;
 * it is safe to call from several threads.
 *
 * Returns: (transfer container) (element-type MhModelEntry): the entries
 */
GPtrArray *
mh_site_model_similar (MhSiteModel  *model,
                       MhModelEntry *entry,
                       guint         max)
{
  GPtrArray *cached, *result;

  g_return_val_if_fail (model != NULL, NULL);
  g_return_val_if_fail (entry != NULL, NULL);

  g_mutex_lock (&model->similar_lock);
  cached = model->similar[entry->index];
  if (cached == NULL || model->similar_max[entry->index] < max)
    {
      g_clear_pointer (&model->similar[entry->index], g_ptr_array_unref);
      cached = model->similar[entry->index] =
        compute_similar (model, entry, max, model->similar_counts, model->similar_touched);
      model->similar_max[entry->index] = max;
    }
  result = g_ptr_array_new_full (MIN (max, cached->len), NULL);
  for (guint i = 0; i < cached->len && i < max; i++)
    g_ptr_array_add (result, g_ptr_array_index (cached, i));
  g_mutex_unlock (&model->similar_lock);

  return result;
}

/**
 * mh_site_model_set_similar:
 * @model: a model
 * @entry: an entry of @model
 * @similar: (element-type MhModelEntry): its similar content, worked out
 *   earlier for the same site structure
 * @max: the @max it was worked out for
 *
 * Gives the model similar content known from elsewhere (an export's cache),
 * so that mh_site_model_similar() need not work it out.
 */
void
mh_site_model_set_similar (MhSiteModel  *model,
                           MhModelEntry *entry,
                           GPtrArray    *similar,
                           guint         max)
{
  g_return_if_fail (model != NULL);
  g_return_if_fail (entry != NULL);

  g_mutex_lock (&model->similar_lock);
  g_clear_pointer (&model->similar[entry->index], g_ptr_array_unref);
  model->similar[entry->index] = g_ptr_array_copy (similar, NULL, NULL);
  model->similar_max[entry->index] = max;
  g_mutex_unlock (&model->similar_lock);
}

typedef struct
{
  MhSiteModel *model;
  guint        max;
  guint        first;
  guint        step;
} SimilarJob;

static gpointer
similar_thread (gpointer data)
{
  SimilarJob *job = data;
  MhSiteModel *model = job->model;
  g_autofree guint *counts = g_new0 (guint, model->entries->len);
  g_autofree guint *touched = g_new (guint, model->entries->len);

  for (guint i = job->first; i < model->entries->len; i += job->step)
    {
      if (model->similar[i] != NULL && model->similar_max[i] >= job->max)
        continue;
      g_clear_pointer (&model->similar[i], g_ptr_array_unref);
      model->similar[i] = compute_similar (model, g_ptr_array_index (model->entries, i),
                                           job->max, counts, touched);
      model->similar_max[i] = job->max;
    }
  return NULL;
}

/**
 * mh_site_model_prepare_similar:
 * @model: a model
 * @max: the most similar entries that will be asked for
 *
 * Works out the similar content of every entry at once, on every core,
 * so that mh_site_model_similar() then only copies it. Call it before
 * other threads use the model.
 */
void
mh_site_model_prepare_similar (MhSiteModel *model,
                               guint        max)
{
  guint n_threads = CLAMP (g_get_num_processors (), 1, 8);
  g_autofree SimilarJob *jobs = g_new0 (SimilarJob, n_threads);
  g_autofree GThread **threads = g_new0 (GThread *, n_threads);

  g_return_if_fail (model != NULL);

  g_mutex_lock (&model->similar_lock);
  for (guint t = 0; t < n_threads; t++)
    {
      jobs[t] = (SimilarJob) { model, max, t, n_threads };
      if (t > 0)
        threads[t] = g_thread_new ("mh-similar", similar_thread, &jobs[t]);
    }
  similar_thread (&jobs[0]);
  for (guint t = 1; t < n_threads; t++)
    g_thread_join (threads[t]);
  g_mutex_unlock (&model->similar_lock);
}

/**
 * mh_site_model_url:
 * @model: a model
 * @path: (nullable): a path in the site such as `reports/slug/`
 *
 * Returns: (transfer full): the absolute URL of @path under the site's
 *   base URL (or a root-relative one when the site has none)
 */
char *
mh_site_model_url (MhSiteModel *model,
                   const char  *path)
{
  g_return_val_if_fail (model != NULL, NULL);
  return g_strconcat (model->base_url, path ? path : "", NULL);
}
