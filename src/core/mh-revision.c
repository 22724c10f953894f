/* mh-revision.c: an entry's history
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mh-store"

#include "config.h"

#include <glib/gi18n.h>

#include "mh-entry-private.h"
#include "mh-revision.h"
#include "mh-store-private.h"

/**
 * MhRevision:
 *
 * What an entry was before one of its changes. The store keeps one before
 * every save that changes something (see #MhSaveFlags for autosaves), with
 * every field and list. A revision list shows `label` (when, in local
 * time), `title` and `status-label`; a compare view reads the whole entry
 * with mh_store_get_revision_entry() and its lists with
 * mh_store_get_revision_details(), and diffs bodies with
 * mh_text_diff_lines(). `fields` is the kept JSON of every other column
 * (references as row ids), for debugging and tools.
 */
struct _MhRevision
{
  GObject        parent_instance;

  gint64         id;
  gint64         entry_id;
  MhEntryStatus  status;
  char          *created_at;
  char          *title;
  char          *summary;
  char          *body;
  char          *slug;
  char          *fields;
};

G_DEFINE_FINAL_TYPE (MhRevision, mh_revision, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ENTRY_ID,
  PROP_CREATED_AT,
  PROP_LABEL,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_BODY,
  PROP_SLUG,
  PROP_STATUS,
  PROP_STATUS_LABEL,
  PROP_FIELDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mh_revision_finalize (GObject *object)
{
  MhRevision *self = (MhRevision *) object;

  g_free (self->created_at);
  g_free (self->title);
  g_free (self->summary);
  g_free (self->body);
  g_free (self->slug);
  g_free (self->fields);

  G_OBJECT_CLASS (mh_revision_parent_class)->finalize (object);
}

static void
mh_revision_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  MhRevision *self = MH_REVISION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_ENTRY_ID:
      g_value_set_int64 (value, self->entry_id);
      break;
    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;
    case PROP_LABEL:
      g_value_take_string (value, mh_revision_dup_label (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;
    case PROP_SLUG:
      g_value_set_string (value, self->slug);
      break;
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case PROP_STATUS_LABEL:
      g_value_set_string (value, mh_entry_status_get_label (self->status));
      break;
    case PROP_FIELDS:
      g_value_set_string (value, self->fields);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mh_revision_class_init (MhRevisionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = mh_revision_finalize;
  object_class->get_property = mh_revision_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_ENTRY_ID] =
    g_param_spec_int64 ("entry-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CREATED_AT] = g_param_spec_string ("created-at", NULL, NULL, NULL, flags);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, flags);
  properties[PROP_BODY] = g_param_spec_string ("body", NULL, NULL, NULL, flags);
  properties[PROP_SLUG] = g_param_spec_string ("slug", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, 0, MH_N_ENTRY_STATUSES - 1, 0, flags);
  properties[PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, NULL, flags);
  properties[PROP_FIELDS] = g_param_spec_string ("fields", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mh_revision_init (MhRevision *self)
{
}

static MhRevision *
revision_from_row (sqlite3_stmt *stmt)
{
  MhRevision *self = g_object_new (MH_TYPE_REVISION, NULL);
  MhEntryStatus status = MH_ENTRY_STATUS_DRAFT;

  self->id = sqlite3_column_int64 (stmt, 0);
  self->entry_id = sqlite3_column_int64 (stmt, 1);
  self->created_at = g_strdup (_mh_stmt_text (stmt, 2));
  self->title = g_strdup (_mh_stmt_text (stmt, 3));
  self->summary = g_strdup (_mh_stmt_text (stmt, 4));
  self->body = g_strdup (_mh_stmt_text (stmt, 5));
  self->slug = g_strdup (_mh_stmt_text (stmt, 6));
  mh_entry_status_from_string (_mh_stmt_text (stmt, 7), &status);
  self->status = status;
  self->fields = g_strdup (_mh_stmt_text (stmt, 8));
  return self;
}

/**
 * mh_revision_get_id:
 * @self: a revision
 *
 * Returns: the revision's row id
 */
gint64
mh_revision_get_id (MhRevision *self)
{
  g_return_val_if_fail (MH_IS_REVISION (self), 0);
  return self->id;
}

/**
 * mh_revision_get_entry_id:
 * @self: a revision
 *
 * Returns: the row id of the entry it belongs to
 */
gint64
mh_revision_get_entry_id (MhRevision *self)
{
  g_return_val_if_fail (MH_IS_REVISION (self), 0);
  return self->entry_id;
}

/**
 * mh_revision_get_created_at:
 * @self: a revision
 *
 * Returns: (transfer none): when the entry stopped being like this (UTC,
 *   ISO 8601)
 */
const char *
mh_revision_get_created_at (MhRevision *self)
{
  g_return_val_if_fail (MH_IS_REVISION (self), NULL);
  return self->created_at;
}

/**
 * mh_revision_dup_label:
 * @self: a revision
 *
 * Returns: (transfer full): when it was made, in local time, as people
 *   read it, such as “12 Jun 2024, 14:03”
 */
char *
mh_revision_dup_label (MhRevision *self)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (MH_IS_REVISION (self), NULL);

  utc = self->created_at ? g_date_time_new_from_iso8601 (self->created_at, NULL) : NULL;
  if (utc == NULL)
    return g_strdup (self->created_at ? self->created_at : "");
  local = g_date_time_to_local (utc);
  /* Translators: the time a revision was made; see g_date_time_format() */
  return g_date_time_format (local, _("%-d %b %Y, %H:%M"));
}

/**
 * mh_revision_get_title:
 * @self: a revision
 *
 * Returns: (transfer none): the entry's title then
 */
const char *
mh_revision_get_title (MhRevision *self)
{
  g_return_val_if_fail (MH_IS_REVISION (self), NULL);
  return self->title;
}

/**
 * mh_revision_get_summary:
 * @self: a revision
 *
 * Returns: (transfer none) (nullable): the entry's summary then
 */
const char *
mh_revision_get_summary (MhRevision *self)
{
  g_return_val_if_fail (MH_IS_REVISION (self), NULL);
  return self->summary;
}

/**
 * mh_revision_get_body:
 * @self: a revision
 *
 * Returns: (transfer none): the entry's body (Markdown) then
 */
const char *
mh_revision_get_body (MhRevision *self)
{
  g_return_val_if_fail (MH_IS_REVISION (self), NULL);
  return self->body;
}

/**
 * mh_revision_get_slug:
 * @self: a revision
 *
 * Returns: (transfer none) (nullable): the entry's slug then
 */
const char *
mh_revision_get_slug (MhRevision *self)
{
  g_return_val_if_fail (MH_IS_REVISION (self), NULL);
  return self->slug;
}

/**
 * mh_revision_get_status:
 * @self: a revision
 *
 * Returns: the entry's status then
 */
MhEntryStatus
mh_revision_get_status (MhRevision *self)
{
  g_return_val_if_fail (MH_IS_REVISION (self), 0);
  return self->status;
}

/**
 * mh_revision_get_fields:
 * @self: a revision
 *
 * Returns: (transfer none): the kept columns and lists, as JSON
 */
const char *
mh_revision_get_fields (MhRevision *self)
{
  g_return_val_if_fail (MH_IS_REVISION (self), NULL);
  return self->fields;
}

static gboolean
entry_exists (MhStore  *self,
              gint64    entry_id,
              GError  **error)
{
  g_autoptr(MhEntry) entry = mh_store_get_entry (self, entry_id, error);

  return entry != NULL;
}

/**
 * mh_store_list_revisions:
 * @self: a store
 * @entry_id: an entry's row id
 * @error: return location for an error
 *
 * Returns: (transfer full): the entry's #MhRevision items, newest first,
 *   or %NULL
 */
GListModel *
mh_store_list_revisions (MhStore  *self,
                         gint64    entry_id,
                         GError  **error)
{
  g_autoptr(GListStore) model = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MH_IS_STORE (self), NULL);

  if (!entry_exists (self, entry_id, error))
    return NULL;
  stmt = _mh_store_prepare (self,
                            "SELECT id, entry_id, created_at, title, summary, body_md, "
                            "json_extract (fields, '$.slug'), json_extract (fields, '$.status'), "
                            "fields FROM revisions WHERE entry_id = ?1 ORDER BY id DESC",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, entry_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, revision_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _mh_store_set_error (self, error, "read the revisions");
      return NULL;
    }
  model = g_list_store_new (MH_TYPE_REVISION);
  g_list_store_splice (model, 0, 0, rows->pdata, rows->len);
  return G_LIST_MODEL (g_steal_pointer (&model));
}

/**
 * mh_store_get_revision_entry:
 * @self: a store
 * @revision_id: a revision's row id
 * @error: return location for an error
 *
 * Builds the entry as the revision kept it, to compare it with the
 * current one (see mh_entry_diff_fields()). It has the entry's id and
 * uuid, so saving it restores the fields (not the lists); prefer
 * mh_store_restore_revision(). References read as today's names and
 * slugs; one whose row was deleted since reads as %NULL.
 *
 * Returns: (transfer full): the entry then, or %NULL
 */
MhEntry *
mh_store_get_revision_entry (MhStore  *self,
                             gint64    revision_id,
                             GError  **error)
{
  g_return_val_if_fail (MH_IS_STORE (self), NULL);
  return _mh_store_read_revision_entry (self, revision_id, error);
}

/**
 * mh_store_get_revision_details:
 * @self: a store
 * @revision_id: a revision's row id
 * @error: return location for an error
 *
 * Returns: (transfer full): the entry's lists as the revision kept them
 *   (rows pointing at something deleted since are left out), or %NULL
 */
MhEntryDetails *
mh_store_get_revision_details (MhStore  *self,
                               gint64    revision_id,
                               GError  **error)
{
  g_return_val_if_fail (MH_IS_STORE (self), NULL);
  return _mh_store_read_details (self, revision_id, TRUE, error);
}

static gboolean
restore (MhStore  *self,
         gint64    revision_id,
         GError  **error)
{
  g_autoptr(MhEntry) then = NULL;
  g_autoptr(MhEntry) now = NULL;
  g_autoptr(MhEntryDetails) details = NULL;

  then = _mh_store_read_revision_entry (self, revision_id, error);
  if (then == NULL)
    return FALSE;
  details = _mh_store_read_details (self, revision_id, TRUE, error);
  if (details == NULL)
    return FALSE;

  /* Another entry may have taken the old slug since: keep today's. */
  if (_mh_store_slug_taken (self, mh_entry_get_slug (then), mh_entry_get_id (then)))
    {
      now = mh_store_get_entry (self, mh_entry_get_id (then), error);
      if (now == NULL)
        return FALSE;
      mh_entry_set_slug (then, mh_entry_get_slug (now));
    }

  return _mh_store_save_entry_locked (self, then, details, 0, error);
}

/**
 * mh_store_restore_revision:
 * @self: a store
 * @revision_id: a revision's row id
 * @error: return location for an error
 *
 * Brings back every field and list of the entry as the revision kept
 * them, in one transaction. The current state is first kept as a new
 * revision, so a restore can itself be undone by restoring that one. If
 * the old slug is now another entry's, the entry keeps its current slug.
 * An entry open in an editor should be reloaded afterwards (or assign the
 * revision's entry and details to it, then save).
 *
 * Returns: %TRUE on success
 */
gboolean
mh_store_restore_revision (MhStore  *self,
                           gint64    revision_id,
                           GError  **error)
{
  gboolean own;
  gboolean ok;

  g_return_val_if_fail (MH_IS_STORE (self), FALSE);

  if (!_mh_store_begin_own (self, &own, error))
    return FALSE;
  ok = restore (self, revision_id, error);
  return _mh_store_end_own (self, own, ok, error);
}
