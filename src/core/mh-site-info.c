/* mh-site-info.c: a site's settings and counts, for `masthead-cli info`
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mh-site-info"

#include "config.h"

#include "mh-site-info.h"
#include "mh-store-private.h"

static const char * const setting_keys[] = {
  "title", "base_url", "language", "description",
};

static gboolean
add_count (MhStore     *store,
           JsonBuilder *builder,
           const char  *member,
           const char  *sql,
           GError     **error)
{
  sqlite3_stmt *stmt = _mh_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      _mh_store_set_error (store, error, "count");
      return FALSE;
    }
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 0));
  sqlite3_reset (stmt);
  return TRUE;
}

static void
add_settings (MhStore     *store,
              JsonBuilder *builder)
{
  g_autofree char *languages = mh_store_get_setting (store, "languages");
  g_autofree char *raw_html = mh_store_get_setting (store, "allow_raw_html");
  g_autoptr(JsonNode) languages_node = languages ? json_from_string (languages, NULL) : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (setting_keys); i++)
    {
      g_autofree char *value = mh_store_get_setting (store, setting_keys[i]);

      json_builder_set_member_name (builder, setting_keys[i]);
      if (value != NULL)
        json_builder_add_string_value (builder, value);
      else
        json_builder_add_null_value (builder);
    }

  json_builder_set_member_name (builder, "languages");
  if (languages_node != NULL)
    json_builder_add_value (builder, g_steal_pointer (&languages_node));
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "allow_raw_html");
  json_builder_add_boolean_value (builder, g_strcmp0 (raw_html, "true") == 0);
}

/* entries: { "total": N, "report": { "total": N, "draft": N, … }, … } */
static gboolean
add_entry_counts (MhStore     *store,
                  JsonBuilder *builder,
                  GError     **error)
{
  MhEntryQuery query;

  mh_entry_query_init (&query);
  json_builder_set_member_name (builder, "entries");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "total");
  json_builder_add_int_value (builder, mh_store_count_entries (store, &query, NULL));

  for (query.kind = 0; query.kind < MH_N_ENTRY_KINDS; query.kind++)
    {
      json_builder_set_member_name (builder, mh_entry_kind_to_string (query.kind));
      json_builder_begin_object (builder);
      for (query.status = -1; query.status < MH_N_ENTRY_STATUSES; query.status++)
        {
          gint64 n = mh_store_count_entries (store, &query, error);

          if (n < 0)
            return FALSE;
          json_builder_set_member_name (builder, query.status < 0
                                        ? "total"
                                        : mh_entry_status_to_string (query.status));
          json_builder_add_int_value (builder, n);
        }
      query.status = -1;
      json_builder_end_object (builder);
    }

  json_builder_end_object (builder);
  return TRUE;
}

static gboolean
add_term_counts (MhStore     *store,
                 JsonBuilder *builder,
                 GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _mh_store_prepare (store,
                            "SELECT v.key, (SELECT count(*) FROM terms t "
                            "WHERE t.vocabulary_id = v.id) FROM vocabularies v "
                            "ORDER BY v.position, v.id",
                            error);
  if (stmt == NULL)
    return FALSE;

  json_builder_set_member_name (builder, "terms");
  json_builder_begin_object (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_set_member_name (builder, _mh_stmt_text (stmt, 0));
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 1));
    }
  sqlite3_reset (stmt);
  json_builder_end_object (builder);

  if (rc != SQLITE_DONE)
    {
      _mh_store_set_error (store, error, "count the terms");
      return FALSE;
    }
  return TRUE;
}

/**
 * mh_site_info_collect:
 * @store: a site
 * @error: return location for an error
 *
 * Collects the site's settings and how many entries (per kind and status),
 * terms (per vocabulary), people, participations, organisations and assets
 * it holds.
 *
 * Returns: (transfer full): a JSON object, or %NULL
 */
JsonNode *
mh_site_info_collect (MhStore  *store,
                      GError  **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (MH_IS_STORE (store), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, mh_store_get_path (store));
  json_builder_set_member_name (builder, "read_only");
  json_builder_add_boolean_value (builder, mh_store_get_read_only_reason (store) != NULL);
  add_settings (store, builder);

  if (!add_entry_counts (store, builder, error) ||
      !add_term_counts (store, builder, error) ||
      !add_count (store, builder, "people", "SELECT count(*) FROM people", error) ||
      !add_count (store, builder, "participations",
                  "SELECT count(*) FROM participations", error) ||
      !add_count (store, builder, "organisations", "SELECT count(*) FROM organisations",
                  error) ||
      !add_count (store, builder, "assets", "SELECT count(*) FROM assets", error) ||
      !add_count (store, builder, "asset_bytes",
                  "SELECT coalesce (sum (length (data)), 0) FROM blobs", error))
    return NULL;

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
