/* mh-store-lifecycle.c: duplicating, bulk status, undoable deletion
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mh-store"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "mh-entry-private.h"
#include "mh-store-entries.h"
#include "mh-store-private.h"

#define SNAPSHOT_FORMAT "masthead-entries-snapshot"

/* The tables a snapshot keeps, in the order they are restored: entries
 * first, then the rows that belong to them. ?1 is a JSON array of ids. */
#define IN_IDS "IN (SELECT value FROM json_each (?1))"

static const struct
{
  const char *name;
  const char *select;
} snapshot_tables[] = {
  { "entries", "SELECT * FROM entries WHERE id " IN_IDS " ORDER BY id" },
  { "entry_aliases", "SELECT * FROM entry_aliases WHERE entry_id " IN_IDS
                     " ORDER BY entry_id, position" },
  { "entry_terms", "SELECT * FROM entry_terms WHERE entry_id " IN_IDS },
  { "entry_partners", "SELECT * FROM entry_partners WHERE entry_id " IN_IDS },
  /* Links from other entries too: deleting an entry drops them. */
  { "entry_related", "SELECT * FROM entry_related WHERE entry_id " IN_IDS
                     " OR related_id " IN_IDS },
  { "participations", "SELECT * FROM participations WHERE entry_id " IN_IDS " ORDER BY id" },
  { "programme_items", "SELECT * FROM programme_items WHERE entry_id " IN_IDS " ORDER BY id" },
  { "report_downloads", "SELECT * FROM report_downloads WHERE entry_id " IN_IDS " ORDER BY id" },
  { "call_countries", "SELECT * FROM call_countries WHERE entry_id " IN_IDS },
  { "revisions", "SELECT * FROM revisions WHERE entry_id " IN_IDS " ORDER BY id" },
};

/* Other entries' columns that deleting sets to NULL. */
static const char * const back_references[] = { "translation_of", "report_event_id" };

/* --- Duplicate ----------------------------------------------------------------- */

static MhEntry *
duplicate (MhStore  *self,
           gint64    id,
           GError  **error)
{
  g_autoptr(MhEntry) original = NULL;
  g_autoptr(MhEntry) copy = NULL;
  g_autoptr(MhEntryDetails) details = NULL;
  g_autofree char *title = NULL;

  original = mh_store_get_entry (self, id, error);
  if (original == NULL || (details = mh_store_get_entry_details (self, id, error)) == NULL)
    return NULL;

  copy = mh_entry_new (mh_entry_get_kind (original));
  mh_entry_assign (copy, original);
  /* Translators: the title of a duplicated entry; %s is the original's */
  title = g_strdup_printf (_("%s (copy)"), mh_entry_get_title (original));
  mh_entry_set_title (copy, title);
  mh_entry_set_slug (copy, NULL);
  mh_entry_set_status (copy, MH_ENTRY_STATUS_DRAFT);

  if (!_mh_store_save_entry_locked (self, copy, details, MH_SAVE_DEFAULT, error))
    return NULL;
  return g_steal_pointer (&copy);
}

/**
 * mh_store_duplicate_entry:
 * @self: a store
 * @id: the row id of the entry to copy
 * @error: return location for an error
 *
 * Copies an entry with every field and list, as a new draft titled
 * “… (copy)” with a new slug derived from that title. Its history and old
 * slugs are not copied.
 *
 * Returns: (transfer full): the saved copy, or %NULL
 */
MhEntry *
mh_store_duplicate_entry (MhStore  *self,
                          gint64    id,
                          GError  **error)
{
  g_autoptr(MhEntry) copy = NULL;
  gboolean own;

  g_return_val_if_fail (MH_IS_STORE (self), NULL);

  if (!_mh_store_begin_own (self, &own, error))
    return NULL;
  copy = duplicate (self, id, error);
  if (!_mh_store_end_own (self, own, copy != NULL, error))
    return NULL;
  return g_steal_pointer (&copy);
}

/* --- Bulk status ---------------------------------------------------------------- */

static gboolean
set_one_status (MhStore        *self,
                gint64          id,
                MhEntryStatus   status,
                const char     *now,
                GError        **error)
{
  const char *name = mh_entry_status_to_string (status);
  g_autoptr(MhEntry) entry = mh_store_get_entry (self, id, error);
  sqlite3_stmt *stmt;

  if (entry == NULL)
    return FALSE;
  if (mh_entry_get_status (entry) == status)
    return TRUE;

  if (!_mh_store_keep_revision (self, id, now, error))
    return FALSE;
  stmt = _mh_store_prepare (self, "UPDATE entries SET status = ?2, updated_at = ?3 WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  return _mh_store_step_done (self, stmt, error);
}

/**
 * mh_store_set_status:
 * @self: a store
 * @ids: (element-type gint64): row ids of entries
 * @status: the new status
 * @error: return location for an error
 *
 * Moves several entries to @status at once (for a multi-selection), in
 * one transaction: either all change or none. Each entry that changes
 * keeps its previous version as a revision and gets a new updated-at.
 * Unlike a save, the entries' other fields are not checked again.
 *
 * Returns: %TRUE on success
 */
gboolean
mh_store_set_status (MhStore        *self,
                     GArray         *ids,
                     MhEntryStatus   status,
                     GError        **error)
{
  g_autofree char *now = _mh_store_now_utc ();
  gboolean own;
  gboolean ok = TRUE;

  g_return_val_if_fail (MH_IS_STORE (self), FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);
  g_return_val_if_fail (status < MH_N_ENTRY_STATUSES, FALSE);

  if (!_mh_store_begin_own (self, &own, error))
    return FALSE;
  for (guint i = 0; ok && i < ids->len; i++)
    ok = set_one_status (self, g_array_index (ids, gint64, i), status, now, error);
  if (ok)
    _mh_store_emit_changed (self);
  return _mh_store_end_own (self, own, ok, error);
}

/* --- Snapshots ------------------------------------------------------------------ */

static char *
ids_to_json (GArray *ids)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i ? "," : "",
                            g_array_index (ids, gint64, i));
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

static JsonNode *
column_node (sqlite3_stmt *stmt,
             int           column)
{
  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_INTEGER:
      return json_node_init_int (json_node_alloc (), sqlite3_column_int64 (stmt, column));
    case SQLITE_FLOAT:
      return json_node_init_double (json_node_alloc (), sqlite3_column_double (stmt, column));
    case SQLITE_TEXT:
      return json_node_init_string (json_node_alloc (), _mh_stmt_text (stmt, column));
    case SQLITE_NULL:
    default:
      /* No table a snapshot keeps has BLOB columns. */
      return json_node_init_null (json_node_alloc ());
    }
}

/* Every row @sql selects, as objects of column name → value. */
static JsonArray *
dump_rows (MhStore     *self,
           const char  *sql,
           const char  *ids,
           GError     **error)
{
  g_autoptr(JsonArray) rows = json_array_new ();
  sqlite3_stmt *stmt = _mh_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, ids, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonObject *row = json_object_new ();

      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        json_object_set_member (row, sqlite3_column_name (stmt, i), column_node (stmt, i));
      json_array_add_object_element (rows, row);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _mh_store_set_error (self, error, "read the entries");
      return NULL;
    }
  return g_steal_pointer (&rows);
}

static gboolean
check_all_exist (MhStore     *self,
                 GArray      *ids,
                 JsonArray   *entries,
                 GError     **error)
{
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GList) rows = json_array_get_elements (entries);

  for (GList *l = rows; l != NULL; l = l->next)
    {
      gint64 id = json_object_get_int_member (json_node_get_object (l->data), "id");

      g_hash_table_add (found, g_memdup2 (&id, sizeof id));
    }
  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *missing = NULL;

      if (g_hash_table_contains (found, &g_array_index (ids, gint64, i)))
        continue;
      missing = g_strdup_printf ("#%" G_GINT64_FORMAT, g_array_index (ids, gint64, i));
      g_set_error (error, MH_STORE_ERROR, MH_STORE_ERROR_NOT_FOUND,
                   _("There is no entry “%s”"), missing);
      return FALSE;
    }
  return TRUE;
}

static JsonArray *
dump_back_references (MhStore     *self,
                      const char  *ids,
                      GError     **error)
{
  return dump_rows (self,
                    "SELECT id, 'translation_of' AS column, translation_of AS value "
                    "FROM entries WHERE translation_of " IN_IDS " AND id NOT " IN_IDS " "
                    "UNION ALL "
                    "SELECT id, 'report_event_id', report_event_id "
                    "FROM entries WHERE report_event_id " IN_IDS " AND id NOT " IN_IDS,
                    ids, error);
}

static JsonObject *
snapshot (MhStore  *self,
          GArray   *ids,
          GError  **error)
{
  g_autoptr(JsonObject) doc = json_object_new ();
  g_autoptr(JsonObject) tables = json_object_new ();
  g_autofree char *id_list = ids_to_json (ids);
  JsonArray *references;

  for (guint i = 0; i < G_N_ELEMENTS (snapshot_tables); i++)
    {
      JsonArray *rows = dump_rows (self, snapshot_tables[i].select, id_list, error);

      if (rows == NULL)
        return NULL;
      json_object_set_array_member (tables, snapshot_tables[i].name, rows);
      if (i == 0 && !check_all_exist (self, ids, rows, error))
        return NULL;
    }
  if ((references = dump_back_references (self, id_list, error)) == NULL)
    return NULL;

  json_object_set_string_member (doc, "format", SNAPSHOT_FORMAT);
  json_object_set_int_member (doc, "schema", MH_STORE_SCHEMA_VERSION);
  json_object_set_object_member (doc, "tables", g_steal_pointer (&tables));
  json_object_set_array_member (doc, "references", references);
  return g_steal_pointer (&doc);
}

static GBytes *
snapshot_bytes (MhStore  *self,
                GArray   *ids,
                GError  **error)
{
  g_autoptr(JsonObject) doc = snapshot (self, ids, error);
  g_autoptr(JsonNode) root = NULL;
  char *text;

  if (doc == NULL)
    return NULL;
  root = json_node_init_object (json_node_alloc (), doc);
  text = json_to_string (root, FALSE);
  return g_bytes_new_take (text, strlen (text));
}

/**
 * mh_store_snapshot_entries:
 * @self: a store
 * @ids: (element-type gint64): row ids of entries
 * @error: return location for an error
 *
 * Keeps everything of the entries that deleting them would lose: their
 * rows with ids and uuids, aliases, lists, revisions, and the links other
 * entries have to them (related content, translations, a report's event).
 * The bytes are JSON and only meant for mh_store_restore_snapshot() on
 * the same site.
 *
 * Returns: (transfer full): the snapshot, or %NULL
 */
GBytes *
mh_store_snapshot_entries (MhStore  *self,
                           GArray   *ids,
                           GError  **error)
{
  g_return_val_if_fail (MH_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL, NULL);

  return snapshot_bytes (self, ids, error);
}

static gboolean
delete_rows (MhStore     *self,
             GArray      *ids,
             GError     **error)
{
  g_autofree char *id_list = ids_to_json (ids);
  sqlite3_stmt *stmt = _mh_store_prepare (self, "DELETE FROM entries WHERE id " IN_IDS, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id_list, -1, SQLITE_TRANSIENT);
  if (!_mh_store_step_done (self, stmt, error))
    return FALSE;
  _mh_store_emit_changed (self);
  return TRUE;
}

/**
 * mh_store_delete_entries:
 * @self: a store
 * @ids: (element-type gint64): row ids of entries
 * @error: return location for an error
 *
 * Deletes several entries in one transaction, and returns what
 * mh_store_restore_snapshot() needs to bring them back: the “Deleted 3
 * entries — Undo” toast keeps it until it is dismissed.
 *
 * Returns: (transfer full): the snapshot of the deleted entries, or %NULL
 */
GBytes *
mh_store_delete_entries (MhStore  *self,
                         GArray   *ids,
                         GError  **error)
{
  g_autoptr(GBytes) undo = NULL;
  gboolean own;
  gboolean ok;

  g_return_val_if_fail (MH_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL, NULL);

  if (!_mh_store_begin_own (self, &own, error))
    return NULL;
  undo = snapshot_bytes (self, ids, error);
  ok = undo != NULL && delete_rows (self, ids, error);
  if (!_mh_store_end_own (self, own, ok, error))
    return NULL;
  return g_steal_pointer (&undo);
}

/* --- Restoring ------------------------------------------------------------------ */

typedef struct
{
  char *from;
  char *table;
  char *to;
} ForeignKey;

static void
foreign_key_free (ForeignKey *fk)
{
  g_free (fk->from);
  g_free (fk->table);
  g_free (fk->to);
  g_free (fk);
}

/* What the schema says about one table. */
typedef struct
{
  GHashTable *not_null;    /* column name → whether it is NOT NULL */
  GPtrArray  *foreign_keys;
  gboolean    has_id;      /* an INTEGER PRIMARY KEY named id */
} TableInfo;

static void
table_info_free (TableInfo *info)
{
  g_hash_table_unref (info->not_null);
  g_ptr_array_unref (info->foreign_keys);
  g_free (info);
}

typedef struct
{
  MhStore    *store;
  GHashTable *ids;         /* old entry id → new entry id (gint64 *) */
  GHashTable *tables;      /* name → TableInfo */
} Restorer;

static gboolean
corrupt (GError     **error,
         const char  *detail)
{
  g_set_error (error, MH_STORE_ERROR, MH_STORE_ERROR_INVALID,
               _("The deleted entries cannot be brought back: %s"), detail);
  return FALSE;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TableInfo, table_info_free)

static gboolean
read_columns (MhStore     *self,
              const char  *table,
              TableInfo   *info,
              GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA table_info (\"%s\")", table);
  sqlite3_stmt *stmt = _mh_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = _mh_stmt_text (stmt, 1);

      g_hash_table_insert (info->not_null, g_strdup (name),
                           GINT_TO_POINTER (sqlite3_column_int (stmt, 3)));
      if (g_str_equal (name, "id") && sqlite3_column_int (stmt, 5) == 1)
        info->has_id = TRUE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
read_foreign_keys (MhStore     *self,
                   const char  *table,
                   TableInfo   *info,
                   GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA foreign_key_list (\"%s\")", table);
  sqlite3_stmt *stmt = _mh_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      ForeignKey *fk = g_new0 (ForeignKey, 1);

      fk->table = g_strdup (_mh_stmt_text (stmt, 2));
      fk->from = g_strdup (_mh_stmt_text (stmt, 3));
      fk->to = g_strdup (_mh_stmt_text (stmt, 4) ? _mh_stmt_text (stmt, 4) : "id");
      g_ptr_array_add (info->foreign_keys, fk);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* The columns (and which are NOT NULL) and foreign keys of @table, from
 * the schema itself, so that restoring follows future migrations. */
static TableInfo *
read_table_info (MhStore     *self,
                 const char  *table,
                 GError     **error)
{
  g_autoptr(TableInfo) info = g_new0 (TableInfo, 1);

  info->not_null = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  info->foreign_keys = g_ptr_array_new_with_free_func ((GDestroyNotify) foreign_key_free);
  if (!read_columns (self, table, info, error) || !read_foreign_keys (self, table, info, error))
    return NULL;
  return g_steal_pointer (&info);
}

static gboolean
row_exists (MhStore    *self,
            const char *table,
            const char *column,
            gint64      value)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM \"%s\" WHERE \"%s\" = ?1",
                                          table, column);
  sqlite3_stmt *stmt = _mh_store_prepare (self, sql, NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, value);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

static gboolean
row_exists_text (MhStore    *self,
                 const char *table,
                 const char *column,
                 const char *value)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM \"%s\" WHERE \"%s\" = ?1",
                                          table, column);
  sqlite3_stmt *stmt = _mh_store_prepare (self, sql, NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/* Points a reference at its restored entry, or finds that what it points
 * at is gone: then a nullable column becomes NULL and the row is skipped
 * otherwise. Returns FALSE to skip the row. */
static gboolean
fix_reference (Restorer         *r,
               JsonObject       *row,
               const TableInfo  *info,
               const ForeignKey *fk)
{
  JsonNode *node = json_object_get_member (row, fk->from);
  gint64 value;
  gint64 *mapped;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  value = json_node_get_int (node);

  if (g_str_equal (fk->table, "entries") &&
      (mapped = g_hash_table_lookup (r->ids, &value)) != NULL)
    {
      json_object_set_int_member (row, fk->from, *mapped);
      return TRUE;
    }
  if (row_exists (r->store, fk->table, fk->to, value))
    return TRUE;
  if (GPOINTER_TO_INT (g_hash_table_lookup (info->not_null, fk->from)))
    return FALSE;
  json_object_set_null_member (row, fk->from);
  return TRUE;
}

static void
bind_node (sqlite3_stmt *stmt,
           int           param,
           JsonNode     *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      sqlite3_bind_int64 (stmt, param, json_node_get_int (node));
      break;
    case G_TYPE_DOUBLE:
      sqlite3_bind_double (stmt, param, json_node_get_double (node));
      break;
    default:
      sqlite3_bind_text (stmt, param, json_node_get_string (node), -1, SQLITE_TRANSIENT);
      break;
    }
}

/* INSERT OR IGNORE: a row that is already there (such as a related link
 * both deleted entries had) is kept once. */
static gboolean
insert_row (Restorer         *r,
            const char       *table,
            const TableInfo  *info,
            JsonObject       *row,
            GError          **error)
{
  g_autoptr(GList) names = json_object_get_members (row);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);
  sqlite3_stmt *stmt;
  guint n = 0;

  for (GList *l = names; l != NULL; l = l->next, n++)
    {
      JsonNode *node = json_object_get_member (row, l->data);

      if (!g_hash_table_contains (info->not_null, l->data) ||
          (!JSON_NODE_HOLDS_VALUE (node) && !JSON_NODE_HOLDS_NULL (node)))
        return corrupt (error, table);
      g_string_append_printf (sql, "%s\"%s\"", n ? ", " : "", (const char *) l->data);
      g_string_append_printf (values, "%s?%u", n ? ", " : "", n + 1);
    }
  g_string_prepend (sql, "\" (");
  g_string_prepend (sql, table);
  g_string_prepend (sql, "INSERT OR IGNORE INTO \"");
  g_string_append_printf (sql, ") VALUES (%s)", values->str);

  if ((stmt = _mh_store_prepare (r->store, sql->str, error)) == NULL)
    return FALSE;
  n = 0;
  for (GList *l = names; l != NULL; l = l->next)
    bind_node (stmt, ++n, json_object_get_member (row, l->data));
  return _mh_store_step_done (r->store, stmt, error);
}

static gboolean
restore_row (Restorer    *r,
             const char  *table,
             JsonObject  *row,
             GError     **error)
{
  const TableInfo *info = g_hash_table_lookup (r->tables, table);
  JsonNode *id;

  for (guint i = 0; i < info->foreign_keys->len; i++)
    if (!fix_reference (r, row, info, g_ptr_array_index (info->foreign_keys, i)))
      return TRUE;

  /* Rows of the entry's lists may have been given new ids since. */
  id = json_object_get_member (row, "id");
  if (info->has_id && !g_str_equal (table, "entries") && id != NULL &&
      JSON_NODE_HOLDS_VALUE (id) && row_exists (r->store, table, "id", json_node_get_int (id)))
    json_object_remove_member (row, "id");

  /* An old slug that another entry uses now is dropped. */
  if (g_str_equal (table, "entry_aliases") &&
      _mh_store_slug_taken (r->store, json_object_get_string_member_with_default (row, "slug", ""),
                            json_object_get_int_member_with_default (row, "entry_id", 0)))
    return TRUE;

  return insert_row (r, table, info, row, error);
}

/* Fixes an entry row before it is inserted: its id (kept unless another
 * entry has it now) and its slug (made unique if another entry took it). */
static gboolean
prepare_entry (Restorer    *r,
               JsonObject  *row,
               GError     **error)
{
  const char *uuid = json_object_get_string_member_with_default (row, "uuid", NULL);
  const char *slug = json_object_get_string_member_with_default (row, "slug", NULL);
  gint64 old_id = json_object_get_int_member_with_default (row, "id", 0);
  gint64 *new_id = g_hash_table_lookup (r->ids, &old_id);
  g_autofree char *unique = NULL;

  if (uuid == NULL || slug == NULL || new_id == NULL)
    return corrupt (error, "entries");
  if (row_exists_text (r->store, "entries", "uuid", uuid))
    {
      g_set_error (error, MH_STORE_ERROR, MH_STORE_ERROR_EXISTS,
                   _("“%s” is already there."),
                   json_object_get_string_member_with_default (row, "title", slug));
      return FALSE;
    }

  json_object_set_int_member (row, "id", *new_id);
  unique = g_strdup (slug);
  for (guint n = 2; _mh_store_slug_taken (r->store, unique, *new_id); n++)
    {
      g_free (unique);
      unique = g_strdup_printf ("%s-%u", slug, n);
    }
  json_object_set_string_member (row, "slug", unique);
  return TRUE;
}

static gboolean
load_table_infos (Restorer  *r,
                  GError   **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (snapshot_tables); i++)
    {
      TableInfo *info = read_table_info (r->store, snapshot_tables[i].name, error);

      if (info == NULL)
        return FALSE;
      g_hash_table_insert (r->tables, (gpointer) snapshot_tables[i].name, info);
    }
  return TRUE;
}

/* Decides every restored entry's id before any row is written, so that
 * references between the restored entries can be pointed right. */
static gboolean
map_entry_ids (Restorer   *r,
               JsonArray  *entries,
               GError    **error)
{
  g_autoptr(GList) rows = json_array_get_elements (entries);
  sqlite3_stmt *stmt = _mh_store_prepare (r->store, "SELECT coalesce (max (id), 0) FROM entries",
                                          error);
  gint64 next = 0;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    next = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  for (GList *l = rows; l != NULL; l = l->next)
    {
      JsonObject *row = JSON_NODE_HOLDS_OBJECT (l->data) ? json_node_get_object (l->data) : NULL;

      if (row == NULL || json_object_get_int_member_with_default (row, "id", 0) <= 0)
        return corrupt (error, "entries");
      next = MAX (next, json_object_get_int_member (row, "id"));
    }

  for (GList *l = rows; l != NULL; l = l->next)
    {
      gint64 old_id = json_object_get_int_member (json_node_get_object (l->data), "id");
      gint64 new_id = row_exists (r->store, "entries", "id", old_id) ? ++next : old_id;

      g_hash_table_insert (r->ids, g_memdup2 (&old_id, sizeof old_id),
                           g_memdup2 (&new_id, sizeof new_id));
    }
  return TRUE;
}

static gboolean
restore_tables (Restorer    *r,
                JsonObject  *tables,
                GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (snapshot_tables); i++)
    {
      const char *name = snapshot_tables[i].name;
      JsonNode *node = json_object_get_member (tables, name);
      g_autoptr(GList) rows = NULL;

      if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
        return corrupt (error, name);
      rows = json_array_get_elements (json_node_get_array (node));
      if (i == 0 && !map_entry_ids (r, json_node_get_array (node), error))
        return FALSE;

      for (GList *l = rows; l != NULL; l = l->next)
        {
          JsonObject *row = JSON_NODE_HOLDS_OBJECT (l->data) ? json_node_get_object (l->data)
                                                             : NULL;

          if (row == NULL)
            return corrupt (error, name);
          if ((i == 0 && !prepare_entry (r, row, error)) || !restore_row (r, name, row, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* Other entries' links to the restored ones, unless set to something else
 * in the meantime. */
static gboolean
restore_back_references (Restorer   *r,
                         JsonArray  *references,
                         GError    **error)
{
  g_autoptr(GList) rows = json_array_get_elements (references);

  for (GList *l = rows; l != NULL; l = l->next)
    {
      JsonObject *row = JSON_NODE_HOLDS_OBJECT (l->data) ? json_node_get_object (l->data) : NULL;
      const char *column = row ? json_object_get_string_member_with_default (row, "column", "")
                               : "";
      gint64 value = row ? json_object_get_int_member_with_default (row, "value", 0) : 0;
      gint64 *target = g_hash_table_lookup (r->ids, &value);
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt;

      if (target == NULL ||
          (g_strcmp0 (column, back_references[0]) != 0 &&
           g_strcmp0 (column, back_references[1]) != 0))
        return corrupt (error, "references");

      sql = g_strdup_printf ("UPDATE entries SET \"%s\" = ?2 WHERE id = ?1 AND \"%s\" IS NULL",
                             column, column);
      if ((stmt = _mh_store_prepare (r->store, sql, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, json_object_get_int_member_with_default (row, "id", 0));
      sqlite3_bind_int64 (stmt, 2, *target);
      if (!_mh_store_step_done (r->store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static JsonObject *
parse_snapshot (GBytes     *bytes,
                JsonParser *parser,
                GError    **error)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);
  JsonNode *root;
  JsonObject *doc;

  if (!json_parser_load_from_data (parser, data, len, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      corrupt (error, "not a snapshot");
      return NULL;
    }

  doc = json_node_get_object (root);
  if (g_strcmp0 (json_object_get_string_member_with_default (doc, "format", NULL),
                 SNAPSHOT_FORMAT) != 0 ||
      json_object_get_int_member_with_default (doc, "schema", 0) != MH_STORE_SCHEMA_VERSION ||
      !json_object_has_member (doc, "tables") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (doc, "tables")) ||
      !json_object_has_member (doc, "references") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (doc, "references")))
    {
      corrupt (error, "not a snapshot of this version");
      return NULL;
    }
  return doc;
}

static gboolean
restore_snapshot (MhStore     *self,
                  JsonObject  *doc,
                  GError     **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) tables = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        (GDestroyNotify) table_info_free);
  Restorer r = { self, ids, tables };

  /* Restored rows refer to each other in every direction; the keys are
   * checked when the transaction commits. */
  if (sqlite3_exec (_mh_store_get_db (self), "PRAGMA defer_foreign_keys = ON",
                    NULL, NULL, NULL) != SQLITE_OK)
    {
      _mh_store_set_error (self, error, "bring back the entries");
      return FALSE;
    }

  if (!load_table_infos (&r, error) ||
      !restore_tables (&r, json_object_get_object_member (doc, "tables"), error) ||
      !restore_back_references (&r, json_object_get_array_member (doc, "references"), error))
    return FALSE;

  _mh_store_emit_changed (self);
  return TRUE;
}

/**
 * mh_store_restore_snapshot:
 * @self: a store
 * @snapshot: what mh_store_snapshot_entries() or mh_store_delete_entries()
 *   returned
 * @error: return location for an error
 *
 * Brings deleted entries back, in one transaction: the same rows with the
 * same ids, uuids, slugs, lists and revisions, and the links other entries
 * had to them. What changed in the meantime wins: an id another entry got
 * is replaced by a new one, a slug another entry took gets a -2 suffix, a
 * link to a term, person, asset or entry deleted since is dropped, and
 * another entry's link is only put back if still empty. Entries that are
 * already there are an %MH_STORE_ERROR_EXISTS error.
 *
 * Returns: %TRUE on success
 */
gboolean
mh_store_restore_snapshot (MhStore  *self,
                           GBytes   *snapshot,
                           GError  **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *doc;
  gboolean own;
  gboolean ok;

  g_return_val_if_fail (MH_IS_STORE (self), FALSE);
  g_return_val_if_fail (snapshot != NULL, FALSE);

  if ((doc = parse_snapshot (snapshot, parser, error)) == NULL ||
      !_mh_store_begin_own (self, &own, error))
    return FALSE;
  ok = restore_snapshot (self, doc, error);
  return _mh_store_end_own (self, own, ok, error);
}
