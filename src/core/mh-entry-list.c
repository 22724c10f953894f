/* mh-entry-list.c: a GListModel of entries fetched on demand
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mh-entry-list"

#include "config.h"

#include "mh-entry-list.h"

/* The list keeps only the ids of what its query selects. An MhEntry is
 * read from the store when a position is asked for, and kept while anyone
 * holds it (a weak cache) plus in a small ring of recent ones, so that a
 * scrolling view does not read the same rows again and again. */
#define RECENT_SIZE 256

struct _MhEntryList
{
  GObject      parent_instance;

  /* owned */
  MhStore     *store;
  GArray      *ids;
  GHashTable  *alive;          /* id → MhEntry (weak) */
  MhEntry     *recent[RECENT_SIZE];
  char        *text;
  char        *vocabulary;
  char        *term;

  /* state */
  guint        recent_next;
  MhEntryQuery query;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MhEntryList, mh_entry_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_TEXT,
  PROP_KIND,
  PROP_STATUS,
  PROP_SORT,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
entry_finalized_cb (gpointer  data,
                    GObject  *where_the_object_was)
{
  MhEntryList *self = data;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->alive);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      if (value == (gpointer) where_the_object_was)
        {
          g_hash_table_iter_remove (&iter);
          break;
        }
    }
}

static void
forget_entry (gpointer key,
              gpointer value,
              gpointer data)
{
  g_object_weak_unref (value, entry_finalized_cb, data);
}

static void
clear_cache (MhEntryList *self)
{
  for (guint i = 0; i < RECENT_SIZE; i++)
    g_clear_object (&self->recent[i]);
  g_hash_table_foreach (self->alive, forget_entry, self);
  g_hash_table_remove_all (self->alive);
}

static GType
mh_entry_list_get_item_type (GListModel *model)
{
  return MH_TYPE_ENTRY;
}

static guint
mh_entry_list_get_n_items (GListModel *model)
{
  MhEntryList *self = MH_ENTRY_LIST (model);

  return self->ids->len;
}

static gpointer
mh_entry_list_get_item (GListModel *model,
                        guint       position)
{
  MhEntryList *self = MH_ENTRY_LIST (model);
  g_autoptr(GError) error = NULL;
  MhEntry *entry;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, gint64, position);
  entry = g_hash_table_lookup (self->alive, &id);
  if (entry != NULL)
    return g_object_ref (entry);

  entry = mh_store_get_entry (self->store, id, &error);
  if (entry == NULL)
    {
      g_warning ("Failed to read entry %" G_GINT64_FORMAT ": %s", id, error->message);
      return NULL;
    }

  g_hash_table_insert (self->alive, g_memdup2 (&id, sizeof id), entry);
  g_object_weak_ref (G_OBJECT (entry), entry_finalized_cb, self);
  g_set_object (&self->recent[self->recent_next], entry);
  self->recent_next = (self->recent_next + 1) % RECENT_SIZE;

  return entry;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = mh_entry_list_get_item_type;
  iface->get_n_items = mh_entry_list_get_n_items;
  iface->get_item = mh_entry_list_get_item;
}

static void
reload_or_warn (MhEntryList *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store != NULL && !mh_entry_list_reload (self, &error))
    g_warning ("Failed to list entries: %s", error->message);
}

static void
on_store_changed_cb (MhEntryList *self,
                     MhStore     *store)
{
  reload_or_warn (self);
}

static void
set_string (MhEntryList  *self,
            char        **field,
            const char  **query_field,
            const char   *value,
            GParamSpec   *pspec)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  *query_field = *field;
  if (pspec != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
set_int (MhEntryList *self,
         int         *field,
         int          value,
         GParamSpec  *pspec)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
  reload_or_warn (self);
}

static void
mh_entry_list_dispose (GObject *object)
{
  MhEntryList *self = (MhEntryList *) object;

  clear_cache (self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mh_entry_list_parent_class)->dispose (object);
}

static void
mh_entry_list_finalize (GObject *object)
{
  MhEntryList *self = (MhEntryList *) object;

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->alive, g_hash_table_unref);
  g_free (self->text);
  g_free (self->vocabulary);
  g_free (self->term);

  G_OBJECT_CLASS (mh_entry_list_parent_class)->finalize (object);
}

static void
mh_entry_list_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MhEntryList *self = MH_ENTRY_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_KIND:
      g_value_set_int (value, self->query.kind);
      break;

    case PROP_STATUS:
      g_value_set_int (value, self->query.status);
      break;

    case PROP_SORT:
      g_value_set_int (value, self->query.sort);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mh_entry_list_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  MhEntryList *self = MH_ENTRY_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      if (self->store != NULL)
        g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb),
                                 self, G_CONNECT_SWAPPED);
      break;

    case PROP_TEXT:
      {
        char *old = g_strdup (self->text);

        set_string (self, &self->text, &self->query.text, g_value_get_string (value), pspec);
        if (g_strcmp0 (old, self->text) != 0)
          reload_or_warn (self);
        g_free (old);
      }
      break;

    case PROP_KIND:
      set_int (self, &self->query.kind, g_value_get_int (value), pspec);
      break;

    case PROP_STATUS:
      set_int (self, &self->query.status, g_value_get_int (value), pspec);
      break;

    case PROP_SORT:
      set_int (self, (int *) &self->query.sort, g_value_get_int (value), pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mh_entry_list_class_init (MhEntryListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mh_entry_list_dispose;
  object_class->finalize = mh_entry_list_finalize;
  object_class->get_property = mh_entry_list_get_property;
  object_class->set_property = mh_entry_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, MH_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, -1, MH_N_ENTRY_KINDS - 1, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, -1, MH_N_ENTRY_STATUSES - 1, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT] =
    g_param_spec_int ("sort", NULL, NULL, MH_ENTRY_SORT_DATE, MH_ENTRY_SORT_UPDATED,
                      MH_ENTRY_SORT_DATE,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mh_entry_list_init (MhEntryList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->alive = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  mh_entry_query_init (&self->query);
}

/**
 * mh_entry_list_new:
 * @store: the site to list
 *
 * Creates an empty list; call mh_entry_list_reload() to fill it. It
 * follows the store: after each committed change it reloads itself.
 *
 * Returns: (transfer full): a new list
 */
MhEntryList *
mh_entry_list_new (MhStore *store)
{
  g_return_val_if_fail (MH_IS_STORE (store), NULL);
  return g_object_new (MH_TYPE_ENTRY_LIST, "store", store, NULL);
}

/**
 * mh_entry_list_get_store:
 * @self: a list
 *
 * Returns: (transfer none): the site the list shows
 */
MhStore *
mh_entry_list_get_store (MhEntryList *self)
{
  g_return_val_if_fail (MH_IS_ENTRY_LIST (self), NULL);
  return self->store;
}

/**
 * mh_entry_list_set_query:
 * @self: a list
 * @query: what to list
 *
 * Replaces every filter at once and reloads.
 */
void
mh_entry_list_set_query (MhEntryList        *self,
                         const MhEntryQuery *query)
{
  g_return_if_fail (MH_IS_ENTRY_LIST (self));
  g_return_if_fail (query != NULL);

  g_object_freeze_notify (G_OBJECT (self));
  set_string (self, &self->text, &self->query.text, query->text, properties[PROP_TEXT]);
  set_string (self, &self->vocabulary, &self->query.vocabulary, query->vocabulary, NULL);
  set_string (self, &self->term, &self->query.term, query->term, NULL);
  self->query.kind = query->kind;
  self->query.status = query->status;
  self->query.sort = query->sort;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
  reload_or_warn (self);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * mh_entry_list_reload:
 * @self: a list
 * @error: return location for an error
 *
 * Runs the query again. Entries already handed out are read again when
 * next asked for, so edits show.
 *
 * Returns: %TRUE on success
 */
gboolean
mh_entry_list_reload (MhEntryList  *self,
                      GError      **error)
{
  g_autoptr(GArray) ids = NULL;
  guint removed;

  g_return_val_if_fail (MH_IS_ENTRY_LIST (self), FALSE);

  ids = mh_store_query_entry_ids (self->store, &self->query, error);
  if (ids == NULL)
    return FALSE;

  clear_cache (self);
  removed = self->ids->len;
  g_array_unref (self->ids);
  self->ids = g_steal_pointer (&ids);

  if (removed > 0 || self->ids->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->ids->len);
  if (removed != self->ids->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  return TRUE;
}

/**
 * mh_entry_list_get_id:
 * @self: a list
 * @position: a position in the list
 *
 * Returns: the id of the entry at @position without reading it, or 0
 */
gint64
mh_entry_list_get_id (MhEntryList *self,
                      guint        position)
{
  g_return_val_if_fail (MH_IS_ENTRY_LIST (self), 0);

  if (position >= self->ids->len)
    return 0;
  return g_array_index (self->ids, gint64, position);
}

/**
 * mh_entry_list_get_n_loaded:
 * @self: a list
 *
 * Returns: how many entries the list has read and still holds; tests use it
 *   to prove that listing does not read every row
 */
guint
mh_entry_list_get_n_loaded (MhEntryList *self)
{
  g_return_val_if_fail (MH_IS_ENTRY_LIST (self), 0);
  return g_hash_table_size (self->alive);
}
