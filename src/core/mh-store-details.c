/* mh-store-details.c: an entry's references and lists in the store
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mh-store"

#include "config.h"

#include <glib/gi18n.h>

#include "mh-entry-private.h"
#include "mh-store-private.h"

#define COUNTRIES "countries"

/* --- References: names and slugs to row ids -------------------------------- */

static gboolean
refuse (GError     **error,
        const char  *where,
        char        *message)
{
  g_set_error (error, MH_STORE_ERROR, MH_STORE_ERROR_INVALID,
               /* Translators: a field (“Cover image”, “Terms, item 2”), then
                * what is wrong with it */
               _("%s: %s."), where, message);
  g_free (message);
  return FALSE;
}

/* Runs a lookup with one or two text parameters; *id is 0 when nothing is
 * found, *kind (if asked for) is column 1. FALSE only when SQLite fails. */
static gboolean
lookup (MhStore     *self,
        const char  *sql,
        const char  *a,
        const char  *b,
        gint64      *id,
        char       **kind,
        GError     **error)
{
  sqlite3_stmt *stmt = _mh_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, a, -1, SQLITE_TRANSIENT);
  if (b != NULL)
    sqlite3_bind_text (stmt, 2, b, -1, SQLITE_TRANSIENT);

  *id = 0;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      if (kind != NULL)
        *kind = g_strdup (_mh_stmt_text (stmt, 1));
    }
  else if (rc != SQLITE_DONE)
    _mh_store_set_error (self, error, "look up a reference");
  sqlite3_reset (stmt);

  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

static gboolean
resolve_asset (MhStore     *self,
               const char  *name,
               const char  *where,
               gint64      *id,
               GError     **error)
{
  if (!lookup (self, "SELECT id FROM assets WHERE name = ?1", name, NULL, id, NULL, error))
    return FALSE;
  if (*id == 0)
    return refuse (error, where, g_strdup_printf (_("there is no asset “%s”"), name));
  return TRUE;
}

/* A term by slug or alias. In the countries vocabulary a reference may
 * also be "vocabulary/slug", as the interchange file allows. */
static gboolean
resolve_term (MhStore     *self,
              const char  *vocabulary,
              const char  *slug,
              const char  *where,
              gint64      *id,
              GError     **error)
{
  g_autofree char *owned = NULL;
  const char *slash = strchr (slug, '/');
  gint64 vocabulary_id = 0;

  if (g_strcmp0 (vocabulary, COUNTRIES) == 0 && slash != NULL)
    {
      vocabulary = owned = g_strndup (slug, slash - slug);
      slug = slash + 1;
    }

  if (!lookup (self,
               "SELECT t.id FROM terms t JOIN vocabularies v ON v.id = t.vocabulary_id "
               "WHERE v.key = ?1 AND t.slug = ?2 "
               "UNION ALL SELECT a.term_id FROM term_aliases a JOIN terms t ON t.id = a.term_id "
               "JOIN vocabularies v ON v.id = t.vocabulary_id WHERE v.key = ?1 AND a.slug = ?2 "
               "LIMIT 1",
               vocabulary, slug, id, NULL, error))
    return FALSE;
  if (*id != 0)
    return TRUE;

  if (!lookup (self, "SELECT id FROM vocabularies WHERE key = ?1", vocabulary, NULL,
               &vocabulary_id, NULL, error))
    return FALSE;
  if (vocabulary_id == 0)
    return refuse (error, where,
                   g_strdup_printf (_("there is no vocabulary “%s”"), vocabulary));
  if (g_str_equal (vocabulary, COUNTRIES))
    return refuse (error, where, g_strdup_printf (_("there is no country “%s”"), slug));
  return refuse (error, where,
                 /* Translators: a term slug, then a vocabulary key */
                 g_strdup_printf (_("there is no term “%s” in “%s”"), slug, vocabulary));
}

static gboolean
resolve_entry (MhStore     *self,
               const char  *slug,
               const char  *where,
               gint64      *id,
               char       **kind,
               GError     **error)
{
  if (!lookup (self,
               "SELECT id, kind FROM entries WHERE slug = ?1 "
               "UNION ALL SELECT e.id, e.kind FROM entry_aliases a "
               "JOIN entries e ON e.id = a.entry_id WHERE a.slug = ?1 LIMIT 1",
               slug, NULL, id, kind, error))
    return FALSE;
  if (*id == 0)
    return refuse (error, where, g_strdup_printf (_("there is no entry “%s”"), slug));
  return TRUE;
}

static gboolean
resolve_key (MhStore     *self,
             const char  *sql,
             const char  *format,
             const char  *key,
             const char  *where,
             gint64      *id,
             GError     **error)
{
  if (!lookup (self, sql, key, NULL, id, NULL, error))
    return FALSE;
  if (*id == 0)
    return refuse (error, where, g_strdup_printf (format, key));
  return TRUE;
}

static gboolean
resolve_report_event (MhStore     *self,
                      MhEntry     *entry,
                      gint64      *id,
                      GError     **error)
{
  const char *slug = mh_entry_get_report_event (entry);
  g_autofree char *kind = NULL;

  if (slug == NULL)
    return TRUE;
  if (!resolve_entry (self, slug, _("Event"), id, &kind, error))
    return FALSE;
  if (g_strcmp0 (kind, "event") != 0 || *id == mh_entry_get_id (entry))
    return refuse (error, _("Event"),
                   g_strdup_printf (_("“%s” is not an event page"), slug));
  return TRUE;
}

gboolean
_mh_store_resolve_entry_refs (MhStore        *self,
                              MhEntry        *entry,
                              MhEntryRefIds  *ids,
                              GError        **error)
{
  const char *cover = mh_entry_get_cover (entry);
  const char *country = mh_entry_get_country (entry);
  const char *translation_of = mh_entry_get_translation_of (entry);

  memset (ids, 0, sizeof *ids);

  if ((cover != NULL && !resolve_asset (self, cover, _("Cover image"), &ids->cover, error)) ||
      (country != NULL &&
       !resolve_term (self, COUNTRIES, country, _("Country"), &ids->country, error)) ||
      (translation_of != NULL &&
       !resolve_entry (self, translation_of, _("Translation of"), &ids->translation_of, NULL,
                       error)) ||
      !resolve_report_event (self, entry, &ids->report_event, error))
    return FALSE;

  if (ids->translation_of != 0 && ids->translation_of == mh_entry_get_id (entry))
    return refuse (error, _("Translation of"),
                   g_strdup (_("an entry cannot be a translation of itself")));
  return TRUE;
}

/* --- Writing lists ------------------------------------------------------------ */

/* Binds one row of a list into its INSERT (?1 entry, ?2 position, ?3…). */
typedef gboolean (*BindRowFunc) (MhStore       *self,
                                 sqlite3_stmt  *stmt,
                                 gint64         entry_id,
                                 gpointer       row,
                                 const char    *where,
                                 GError       **error);

typedef struct
{
  const char   *label;
  const char   *delete_sql;
  const char   *insert_sql;
  BindRowFunc   bind;
} ListWriter;

static void
bind_text (sqlite3_stmt *stmt,
           int           param,
           const char   *text)
{
  sqlite3_bind_text (stmt, param, text, -1, SQLITE_TRANSIENT);
}

static gboolean
require (const char  *value,
         const char  *where,
         const char  *message,
         GError     **error)
{
  if (value != NULL)
    return TRUE;
  return refuse (error, where, g_strdup (message));
}

static gboolean
bind_term (MhStore       *self,
           sqlite3_stmt  *stmt,
           gint64         entry_id,
           gpointer       row,
           const char    *where,
           GError       **error)
{
  const char *vocabulary = mh_term_ref_get_vocabulary (row);
  const char *term = mh_term_ref_get_term (row);
  gint64 id;

  if (!require (vocabulary, where, _("choose a vocabulary"), error) ||
      !require (term, where, _("choose a term"), error) ||
      !resolve_term (self, vocabulary, term, where, &id, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 3, id);
  return TRUE;
}

static gboolean
bind_country (MhStore       *self,
              sqlite3_stmt  *stmt,
              gint64         entry_id,
              gpointer       row,
              const char    *where,
              GError       **error)
{
  const char *vocabulary = mh_term_ref_get_vocabulary (row);
  const char *term = mh_term_ref_get_term (row);
  gint64 id;

  if (!require (term, where, _("choose a country"), error) ||
      !resolve_term (self, vocabulary ? vocabulary : COUNTRIES, term, where, &id, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 3, id);
  return TRUE;
}

static gboolean
bind_partner (MhStore       *self,
              sqlite3_stmt  *stmt,
              gint64         entry_id,
              gpointer       row,
              const char    *where,
              GError       **error)
{
  const char *organisation = mh_partner_get_organisation (row);
  const char *relation = mh_partner_get_relation (row);
  gint64 id;

  if (!require (organisation, where, _("choose an organisation"), error) ||
      !resolve_key (self, "SELECT id FROM organisations WHERE key = ?1",
                    _("there is no organisation “%s”"), organisation, where, &id, error))
    return FALSE;
  if (mh_partner_relation_get_label (relation) == NULL)
    return refuse (error, where,
                   g_strdup_printf (_("“%s” is not a relation; use organiser, co-organiser, "
                                      "funder, support or media-partner"),
                                    relation ? relation : ""));
  sqlite3_bind_int64 (stmt, 3, id);
  bind_text (stmt, 4, relation);
  return TRUE;
}

static gboolean
bind_related (MhStore       *self,
              sqlite3_stmt  *stmt,
              gint64         entry_id,
              gpointer       row,
              const char    *where,
              GError       **error)
{
  const char *slug = mh_entry_ref_get_slug (row);
  gint64 id;

  if (!require (slug, where, _("choose an entry"), error) ||
      !resolve_entry (self, slug, where, &id, NULL, error))
    return FALSE;
  if (id == entry_id)
    return refuse (error, where, g_strdup (_("an entry cannot be related to itself")));
  sqlite3_bind_int64 (stmt, 3, id);
  return TRUE;
}

static gboolean
check_row_date (const char  *value,
                const char  *where,
                GError     **error)
{
  if (value == NULL || mh_date_is_valid (value, TRUE))
    return TRUE;
  return refuse (error, where,
                 g_strdup_printf (_("“%s” is not a date; write it as YYYY-MM-DD or "
                                    "YYYY-MM-DDTHH:MM"), value));
}

static gboolean
bind_programme_item (MhStore       *self,
                     sqlite3_stmt  *stmt,
                     gint64         entry_id,
                     gpointer       row,
                     const char    *where,
                     GError       **error)
{
  const char *start = mh_programme_item_get_start (row);
  const char *end = mh_programme_item_get_end (row);
  const char *title = mh_programme_item_get_title (row);

  if (!require (title, where, _("enter a title"), error) ||
      !check_row_date (start, where, error) || !check_row_date (end, where, error))
    return FALSE;
  bind_text (stmt, 3, start);
  bind_text (stmt, 4, end);
  bind_text (stmt, 5, title);
  bind_text (stmt, 6, mh_programme_item_get_venue (row));
  return TRUE;
}

static gboolean
bind_download (MhStore       *self,
               sqlite3_stmt  *stmt,
               gint64         entry_id,
               gpointer       row,
               const char    *where,
               GError       **error)
{
  const char *asset = mh_download_get_asset (row);
  const char *language = mh_download_get_language (row);
  gint64 id;

  if (!require (asset, where, _("choose a file"), error) ||
      !resolve_asset (self, asset, where, &id, error))
    return FALSE;
  if (language != NULL && !mh_language_tag_is_valid (language))
    return refuse (error, where,
                   g_strdup_printf (_("“%s” is not a language tag such as “en” or “pt-BR”"),
                                    language));
  sqlite3_bind_int64 (stmt, 3, id);
  bind_text (stmt, 4, mh_download_get_title (row));
  bind_text (stmt, 5, language);
  return TRUE;
}

static gboolean
bind_participant (MhStore       *self,
                  sqlite3_stmt  *stmt,
                  gint64         entry_id,
                  gpointer       row,
                  const char    *where,
                  GError       **error)
{
  const char *person = mh_participant_get_person (row);
  const char *role = mh_participant_get_role (row);
  gint64 id;

  if (!require (person, where, _("choose a person"), error) ||
      !resolve_key (self, "SELECT id FROM people WHERE key = ?1",
                    _("there is no person “%s”"), person, where, &id, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 3, id);
  bind_text (stmt, 4, role ? role : "participant");
  bind_text (stmt, 5, mh_participant_get_group (row));
  return TRUE;
}

/* A row listed twice (the same term, partner with the same relation, or
 * related entry) is kept once, at its first position. */
static const ListWriter writers[_MH_N_LISTS] = {
  [_MH_LIST_TERMS] = {
    N_("Terms"),
    "DELETE FROM entry_terms WHERE entry_id = ?1",
    "INSERT OR IGNORE INTO entry_terms (entry_id, position, term_id) VALUES (?1, ?2, ?3)",
    bind_term },
  [_MH_LIST_PARTNERS] = {
    N_("Partners"),
    "DELETE FROM entry_partners WHERE entry_id = ?1",
    "INSERT OR IGNORE INTO entry_partners (entry_id, position, organisation_id, relation) "
    "VALUES (?1, ?2, ?3, ?4)",
    bind_partner },
  [_MH_LIST_RELATED] = {
    N_("Related content"),
    "DELETE FROM entry_related WHERE entry_id = ?1",
    "INSERT OR IGNORE INTO entry_related (entry_id, position, related_id) VALUES (?1, ?2, ?3)",
    bind_related },
  [_MH_LIST_PROGRAMME] = {
    N_("Programme"),
    "DELETE FROM programme_items WHERE entry_id = ?1",
    "INSERT INTO programme_items (entry_id, position, start, end, title, venue) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    bind_programme_item },
  [_MH_LIST_DOWNLOADS] = {
    N_("Downloads"),
    "DELETE FROM report_downloads WHERE entry_id = ?1",
    "INSERT INTO report_downloads (entry_id, position, asset_id, title, lang) "
    "VALUES (?1, ?2, ?3, ?4, ?5)",
    bind_download },
  [_MH_LIST_ELIGIBLE_COUNTRIES] = {
    N_("Eligible countries"),
    "DELETE FROM call_countries WHERE entry_id = ?1",
    "INSERT OR IGNORE INTO call_countries (entry_id, position, term_id) VALUES (?1, ?2, ?3)",
    bind_country },
  [_MH_LIST_PARTICIPANTS] = {
    N_("Participants"),
    "DELETE FROM participations WHERE entry_id = ?1",
    "INSERT INTO participations (entry_id, position, person_id, role, group_label) "
    "VALUES (?1, ?2, ?3, ?4, ?5)",
    bind_participant },
};

static gboolean
write_list (MhStore           *self,
            gint64             id,
            const ListWriter  *writer,
            GListModel        *rows,
            GError           **error)
{
  sqlite3_stmt *stmt = _mh_store_prepare (self, writer->delete_sql, error);
  guint n = g_list_model_get_n_items (rows);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_mh_store_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (rows, i);
      /* Translators: a list such as “Programme”, then a number from 1 */
      g_autofree char *where = g_strdup_printf (_("%s, item %u"), _(writer->label), i + 1);

      stmt = _mh_store_prepare (self, writer->insert_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, i);
      if (!writer->bind (self, stmt, id, row, where, error) ||
          !_mh_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Replaces every list of entry @id with the rows of @details, inside the
 * caller's transaction. */
gboolean
_mh_store_write_details (MhStore         *self,
                         gint64           id,
                         MhEntryDetails  *details,
                         GError         **error)
{
  for (guint i = 0; i < _MH_N_LISTS; i++)
    {
      GListModel *rows = G_LIST_MODEL (_mh_entry_details_get_list (details, i));

      if (!write_list (self, id, &writers[i], rows, error))
        return FALSE;
    }
  return TRUE;
}

/* --- Reading lists ------------------------------------------------------------ */

/* Each list is read from a source of raw rows: the entry's table (?1 is
 * the entry id) or the list kept in a revision's fields (?1 is the
 * revision id). Columns are named alike; "k" breaks ties of position. */
#define FROM_TABLE(table, cols) "(SELECT " cols " FROM " table " WHERE entry_id = ?1)"
#define J(col) "json_extract (j.value, '$." col "') AS \"" col "\""
#define FROM_REVISION(key, cols) \
  "(SELECT " cols ", j.key AS k FROM revisions r, json_each (r.fields, '$." key "') j " \
  "WHERE r.id = ?1)"

#define TERMS_READ(src) \
  "SELECT v.key, t.slug, t.name FROM " src " x JOIN terms t ON t.id = x.term_id " \
  "JOIN vocabularies v ON v.id = t.vocabulary_id ORDER BY x.position, x.k"
#define PARTNERS_READ(src) \
  "SELECT o.key, x.relation, o.name FROM " src " x " \
  "JOIN organisations o ON o.id = x.organisation_id ORDER BY x.position, x.k"
#define RELATED_READ(src) \
  "SELECT e.slug, e.title FROM " src " x JOIN entries e ON e.id = x.related_id " \
  "ORDER BY x.position, x.k"
#define PROGRAMME_READ(src) \
  "SELECT x.start, x.\"end\", x.title, x.venue FROM " src " x ORDER BY x.position, x.k"
#define DOWNLOADS_READ(src) \
  "SELECT a.name, x.title, x.lang FROM " src " x JOIN assets a ON a.id = x.asset_id " \
  "ORDER BY x.position, x.k"
#define PARTICIPANTS_READ(src) \
  "SELECT p.key, x.role, x.group_label, p.given_name, p.family_name, p.family_name_first " \
  "FROM " src " x JOIN people p ON p.id = x.person_id ORDER BY x.position, x.k"

static const char * const read_sql[_MH_N_LISTS][2] = {
  [_MH_LIST_TERMS] = {
    TERMS_READ (FROM_TABLE ("entry_terms", "term_id, position, term_id AS k")),
    TERMS_READ (FROM_REVISION ("terms", J ("term_id") ", " J ("position"))) },
  [_MH_LIST_PARTNERS] = {
    PARTNERS_READ (FROM_TABLE ("entry_partners",
                               "organisation_id, relation, position, organisation_id AS k")),
    PARTNERS_READ (FROM_REVISION ("partners", J ("organisation_id") ", " J ("relation") ", "
                                  J ("position"))) },
  [_MH_LIST_RELATED] = {
    RELATED_READ (FROM_TABLE ("entry_related", "related_id, position, related_id AS k")),
    RELATED_READ (FROM_REVISION ("related", J ("related_id") ", " J ("position"))) },
  [_MH_LIST_PROGRAMME] = {
    PROGRAMME_READ (FROM_TABLE ("programme_items",
                                "start, \"end\", title, venue, position, id AS k")),
    PROGRAMME_READ (FROM_REVISION ("programme", J ("start") ", " J ("end") ", " J ("title") ", "
                                   J ("venue") ", " J ("position"))) },
  [_MH_LIST_DOWNLOADS] = {
    DOWNLOADS_READ (FROM_TABLE ("report_downloads", "asset_id, title, lang, position, id AS k")),
    DOWNLOADS_READ (FROM_REVISION ("downloads", J ("asset_id") ", " J ("title") ", " J ("lang")
                                   ", " J ("position"))) },
  [_MH_LIST_ELIGIBLE_COUNTRIES] = {
    TERMS_READ (FROM_TABLE ("call_countries", "term_id, position, term_id AS k")),
    TERMS_READ (FROM_REVISION ("eligible_countries", J ("term_id") ", " J ("position"))) },
  [_MH_LIST_PARTICIPANTS] = {
    PARTICIPANTS_READ (FROM_TABLE ("participations",
                                   "person_id, role, group_label, position, id AS k")),
    PARTICIPANTS_READ (FROM_REVISION ("participants", J ("person_id") ", " J ("role") ", "
                                      J ("group_label") ", " J ("position"))) },
};

static gpointer
row_from_stmt (MhDetailsList  list,
               sqlite3_stmt  *stmt)
{
  gpointer row = NULL;
  g_autofree char *name = NULL;

#define COL(n) _mh_stmt_text (stmt, n)
  switch (list)
    {
    case _MH_LIST_TERMS:
    case _MH_LIST_ELIGIBLE_COUNTRIES:
      row = mh_term_ref_new (COL (0), COL (1));
      mh_term_ref_set_label (row, COL (2));
      break;
    case _MH_LIST_PARTNERS:
      row = mh_partner_new (COL (0), COL (1));
      mh_partner_set_label (row, COL (2));
      break;
    case _MH_LIST_RELATED:
      row = mh_entry_ref_new (COL (0));
      mh_entry_ref_set_label (row, COL (1));
      break;
    case _MH_LIST_PROGRAMME:
      row = mh_programme_item_new (COL (0), COL (1), COL (2), COL (3));
      break;
    case _MH_LIST_DOWNLOADS:
      row = mh_download_new (COL (0), COL (1), COL (2));
      break;
    case _MH_LIST_PARTICIPANTS:
      row = mh_participant_new (COL (0), COL (1), COL (2));
      name = _mh_person_display_name (COL (3), COL (4), sqlite3_column_int (stmt, 5));
      mh_participant_set_label (row, name);
      break;
    case _MH_N_LISTS:
    default:
      g_assert_not_reached ();
    }
#undef COL

  return row;
}

static gboolean
read_list (MhStore        *self,
           gint64          id,
           gboolean        revision,
           MhDetailsList   list,
           GListStore     *store,
           GError        **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = _mh_store_prepare (self, read_sql[list][revision ? 1 : 0], error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, row_from_stmt (list, stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _mh_store_set_error (self, error, "read an entry's lists");
      return FALSE;
    }
  g_list_store_splice (store, 0, 0, rows->pdata, rows->len);
  return TRUE;
}

/* Whether the row exists; for a revision, *entry_id is its entry and
 * *has_lists whether it kept the lists (revisions made before lists were
 * kept did not: their entry's current lists stand in). */
static gboolean
check_owner (MhStore   *self,
             gint64     id,
             gboolean   revision,
             gint64    *entry_id,
             gboolean  *has_lists,
             GError   **error)
{
  g_autofree char *missing = g_strdup_printf ("#%" G_GINT64_FORMAT, id);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _mh_store_prepare (self,
                            revision ? "SELECT entry_id, json_type (fields, '$.terms') IS NOT NULL "
                                       "FROM revisions WHERE id = ?1"
                                     : "SELECT id, 1 FROM entries WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *entry_id = sqlite3_column_int64 (stmt, 0);
      *has_lists = sqlite3_column_int (stmt, 1);
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, MH_STORE_ERROR, MH_STORE_ERROR_NOT_FOUND,
                 revision ? _("There is no revision “%s”") : _("There is no entry “%s”"),
                 missing);
  else
    _mh_store_set_error (self, error, "read an entry's lists");
  sqlite3_reset (stmt);

  return rc == SQLITE_ROW;
}

/* The lists of entry @id, or (@revision) those kept by revision @id. Rows
 * that point at something deleted since are left out. */
MhEntryDetails *
_mh_store_read_details (MhStore   *self,
                        gint64     id,
                        gboolean   revision,
                        GError   **error)
{
  g_autoptr(MhEntryDetails) details = NULL;
  gint64 entry_id = 0;
  gboolean has_lists = TRUE;

  if (!check_owner (self, id, revision, &entry_id, &has_lists, error))
    return NULL;
  if (revision && !has_lists)
    {
      id = entry_id;
      revision = FALSE;
    }

  details = mh_entry_details_new ();
  for (guint i = 0; i < _MH_N_LISTS; i++)
    if (!read_list (self, id, revision, i, _mh_entry_details_get_list (details, i), error))
      return NULL;

  return g_steal_pointer (&details);
}
