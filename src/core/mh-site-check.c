/* mh-site-check.c: what `masthead-cli check` looks for
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mh-site-check"

#include "config.h"

#include <glib/gi18n.h>

#include "mh-markdown.h"
#include "mh-site-check.h"
#include "mh-store-private.h"

static gboolean
exists (MhStore    *store,
        const char *sql,
        const char *value)
{
  sqlite3_stmt *stmt = _mh_store_prepare (store, sql, NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

static void
check_body (MhStore    *store,
            const char *slug,
            const char *body,
            GPtrArray  *problems)
{
  g_autoptr(GPtrArray) refs = mh_markdown_find_references (body);

  for (guint i = 0; i < refs->len; i++)
    {
      MhMarkdownRef *ref = g_ptr_array_index (refs, i);

      if (ref->kind == MH_MARKDOWN_REF_ENTRY &&
          !exists (store, "SELECT 1 FROM entries WHERE slug = ?1 "
                          "UNION ALL SELECT 1 FROM entry_aliases WHERE slug = ?1", ref->target))
        g_ptr_array_add (problems,
                         /* Translators: the entry's slug, a line number, a slug */
                         g_strdup_printf (_("%s: line %d of the body links to the entry "
                                            "“%s”, which does not exist"),
                                          slug, ref->line, ref->target));
      else if (ref->kind == MH_MARKDOWN_REF_ASSET &&
               !exists (store, "SELECT 1 FROM assets WHERE name = ?1", ref->target))
        g_ptr_array_add (problems,
                         g_strdup_printf (_("%s: line %d of the body uses the asset “%s”, "
                                            "which does not exist"),
                                          slug, ref->line, ref->target));
    }
}

static void
check_fields (sqlite3_stmt *stmt,
              const char   *slug,
              GPtrArray    *problems)
{
  const char *kind = _mh_stmt_text (stmt, 1);

  if (g_strcmp0 (_mh_stmt_text (stmt, 2), "") == 0)
    g_ptr_array_add (problems, g_strdup_printf (_("%s: the title is empty"), slug));
  if (g_strcmp0 (kind, "event") == 0 && sqlite3_column_type (stmt, 4) == SQLITE_NULL)
    g_ptr_array_add (problems, g_strdup_printf (_("%s: the event has no start date"), slug));
  if (g_strcmp0 (kind, "open_call") == 0 && sqlite3_column_type (stmt, 5) == SQLITE_NULL)
    g_ptr_array_add (problems, g_strdup_printf (_("%s: the open call has no deadline"), slug));
}

/**
 * mh_site_check:
 * @store: a site
 * @error: return location for an error
 *
 * Checks the file (SQLite's integrity and foreign-key checks) and the
 * content: links to entries and assets that do not exist, and required
 * fields left empty.
 *
 * Returns: (transfer full) (element-type utf8): one sentence per problem
 *   found (empty when all is well), or %NULL when the check could not run
 */
GPtrArray *
mh_site_check (MhStore  *store,
               GError  **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MH_IS_STORE (store), NULL);

  if (!mh_store_check_integrity (store, problems, error))
    return NULL;

  stmt = _mh_store_prepare (store,
                            "SELECT slug, kind, title, body_md, event_start, call_deadline "
                            "FROM entries ORDER BY id",
                            error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *slug = g_strdup (_mh_stmt_text (stmt, 0));
      g_autofree char *body = g_strdup (_mh_stmt_text (stmt, 3));

      check_fields (stmt, slug, problems);
      check_body (store, slug, body, problems);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _mh_store_set_error (store, error, "check the entries");
      return NULL;
    }

  return g_steal_pointer (&problems);
}
