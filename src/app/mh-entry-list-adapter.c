/* mh-entry-list-adapter.c: the entry list as GTK 4.8's list view wants it
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * MhEntryList reloads itself after every change to the store and after
 * every new query, and tells so as "every item replaced". GTK 4.8's list
 * view takes that badly: when an item it tracks (the focused row, the
 * scroll anchor, a selected entry) is among the replaced ones, it reads
 * every new item looking for it — 100,000 reads from the store for each
 * keystroke of a search on a large site — and it destroys the rows of the
 * replaced items and makes new ones, about 200 of them (GTK keeps that
 * many around the visible ones): 40 ms for each keystroke.
 *
 * This adapter sits between the two. It keeps the ids it has announced and
 * compares them with the list's after each reload; the part that changed
 * lies between the unchanged first and last entries. The items it hands
 * out are its own copies of the list's entries, one per position, and:
 *
 *  - in the changed part, the items the view holds are made the new
 *    entries in place (mh_entry_become()), and only the difference in
 *    length is announced, at the end of that part: the rows stay and show
 *    the new entries, and GTK never searches the new items;
 *  - outside it, the items the view holds are read again and updated in
 *    place (an edited title shows), without announcing them.
 *
 * An item may thus become another entry under its holder: whoever needs a
 * stable entry (the editor) takes a copy. Positions that are not announced
 * as changed may hold other entries after a reload, so whoever tracks
 * positions (the selection) listens to ::reloaded.
 */

#define G_LOG_DOMAIN "mh-entry-list-adapter"

#include "config.h"

#include "mh-entry-list-adapter.h"
#include "mh-entry.h"
#include "mh-store.h"

struct _MhEntryListAdapter
{
  GObject      parent_instance;

  /* owned references */
  MhEntryList *list;
  GArray      *ids;          /* gint64: the list as announced */
  GHashTable  *positions;    /* MhEntry* (weak) → position + 1: what the view may hold */
  GHashTable  *items;        /* position + 1 → MhEntry* (weak) */

  /* state */
  guint        n_items;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MhEntryListAdapter, mh_entry_list_adapter, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  RELOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define KEY(position) GUINT_TO_POINTER ((position) + 1)
#define POSITION(key) (GPOINTER_TO_UINT (key) - 1)

static void
on_entry_finalized_cb (gpointer  data,
                       GObject  *where_the_object_was)
{
  MhEntryListAdapter *self = data;
  gpointer key;

  if (g_hash_table_steal_extended (self->positions, where_the_object_was, NULL, &key) &&
      g_hash_table_lookup (self->items, key) == (gpointer) where_the_object_was)
    g_hash_table_remove (self->items, key);
}

static void
hold (MhEntryListAdapter *self,
      MhEntry            *entry,
      guint               position)
{
  g_hash_table_insert (self->positions, entry, KEY (position));
  g_hash_table_insert (self->items, KEY (position), entry);
}

static GType
mh_entry_list_adapter_get_item_type (GListModel *model)
{
  return MH_TYPE_ENTRY;
}

static guint
mh_entry_list_adapter_get_n_items (GListModel *model)
{
  return MH_ENTRY_LIST_ADAPTER (model)->n_items;
}

static gpointer
mh_entry_list_adapter_get_item (GListModel *model,
                                guint       position)
{
  MhEntryListAdapter *self = MH_ENTRY_LIST_ADAPTER (model);
  g_autoptr(MhEntry) listed = NULL;
  MhEntry *entry;

  if (position >= self->n_items)
    return NULL;

  entry = g_hash_table_lookup (self->items, KEY (position));
  if (entry != NULL)
    return g_object_ref (entry);

  listed = g_list_model_get_item (G_LIST_MODEL (self->list), position);
  if (listed == NULL)
    return NULL;

  entry = mh_entry_copy (listed);
  hold (self, entry, position);
  g_object_weak_ref (G_OBJECT (entry), on_entry_finalized_cb, self);
  return entry;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = mh_entry_list_adapter_get_item_type;
  iface->get_n_items = mh_entry_list_adapter_get_n_items;
  iface->get_item = mh_entry_list_adapter_get_item;
}

static GArray *
read_ids (MhEntryList *list)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);

  for (guint i = 0; i < n; i++)
    {
      gint64 id = mh_entry_list_get_id (list, i);

      g_array_append_val (ids, id);
    }

  return ids;
}

static void
on_list_items_changed_cb (MhEntryListAdapter *self,
                          guint               position,
                          guint               removed,
                          guint               added,
                          MhEntryList        *list)
{
  g_autoptr(GArray) ids = read_ids (list);
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) held_at = g_array_new (FALSE, FALSE, sizeof (guint));
  MhStore *store = mh_entry_list_get_store (list);
  const gint64 *old_ids = (const gint64 *) self->ids->data;
  const gint64 *new_ids = (const gint64 *) ids->data;
  guint old_n = self->ids->len;
  guint new_n = ids->len;
  guint first = 0;
  guint last = 0;
  guint n_removed;
  guint n_added;
  guint overlap;
  GHashTableIter iter;
  gpointer entry, key;

  while (first < old_n && first < new_n && old_ids[first] == new_ids[first])
    first++;
  while (last < old_n - first && last < new_n - first &&
         old_ids[old_n - 1 - last] == new_ids[new_n - 1 - last])
    last++;
  n_removed = old_n - first - last;
  n_added = new_n - first - last;
  overlap = MIN (n_removed, n_added);

  g_array_unref (self->ids);
  self->ids = g_steal_pointer (&ids);

  /* Where each held item is now. */
  g_hash_table_iter_init (&iter, self->positions);
  while (g_hash_table_iter_next (&iter, &entry, &key))
    {
      guint at = POSITION (key);

      g_ptr_array_add (held, g_object_ref (entry));
      g_array_append_val (held_at, at);
    }
  g_hash_table_remove_all (self->positions);
  g_hash_table_remove_all (self->items);

  for (guint i = 0; i < held->len; i++)
    {
      MhEntry *item = g_ptr_array_index (held, i);
      guint at = g_array_index (held_at, guint, i);

      if (at >= first + n_removed)
        at = at - n_removed + n_added;
      else if (at >= first + overlap)
        {
          /* Announced as removed below: the view lets it go. */
          g_object_weak_unref (G_OBJECT (item), on_entry_finalized_cb, self);
          continue;
        }
      else if (at >= first)
        {
          g_autoptr(MhEntry) listed = g_list_model_get_item (G_LIST_MODEL (list), at);

          if (listed != NULL)
            mh_entry_become (item, listed);
        }
      hold (self, item, at);
    }

  self->n_items = new_n;
  if (n_added > n_removed)
    g_list_model_items_changed (G_LIST_MODEL (self), first + n_removed, 0, n_added - n_removed);
  else if (n_removed > n_added)
    g_list_model_items_changed (G_LIST_MODEL (self), first + n_added, n_removed - n_added, 0);

  /* The unchanged entries the view still shows may have been edited. */
  for (guint i = 0; store != NULL && i < held->len; i++)
    {
      MhEntry *item = g_ptr_array_index (held, i);
      guint at = g_array_index (held_at, guint, i);
      g_autoptr(MhEntry) fresh = NULL;

      if (at >= first && at < first + n_removed)
        continue;
      fresh = mh_store_get_entry (store, mh_entry_get_id (item), NULL);
      if (fresh != NULL)
        mh_entry_assign (item, fresh);
    }

  g_signal_emit (self, signals[RELOADED], 0);
}

static void
forget_entry (gpointer key,
              gpointer value,
              gpointer user_data)
{
  g_object_weak_unref (key, on_entry_finalized_cb, user_data);
}

static void
mh_entry_list_adapter_dispose (GObject *object)
{
  MhEntryListAdapter *self = MH_ENTRY_LIST_ADAPTER (object);

  g_hash_table_foreach (self->positions, forget_entry, self);
  g_hash_table_remove_all (self->positions);
  g_hash_table_remove_all (self->items);
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_clear_object (&self->list);

  G_OBJECT_CLASS (mh_entry_list_adapter_parent_class)->dispose (object);
}

static void
mh_entry_list_adapter_finalize (GObject *object)
{
  MhEntryListAdapter *self = MH_ENTRY_LIST_ADAPTER (object);

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_clear_pointer (&self->items, g_hash_table_unref);

  G_OBJECT_CLASS (mh_entry_list_adapter_parent_class)->finalize (object);
}

static void
mh_entry_list_adapter_class_init (MhEntryListAdapterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mh_entry_list_adapter_dispose;
  object_class->finalize = mh_entry_list_adapter_finalize;

  /**
   * MhEntryListAdapter::reloaded:
   * @self: the adapter
   *
   * The list was read again; items at any position may be other entries
   * now, whether or not ::items-changed said so.
   */
  signals[RELOADED] =
    g_signal_new ("reloaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
mh_entry_list_adapter_init (MhEntryListAdapter *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->positions = g_hash_table_new (NULL, NULL);
  self->items = g_hash_table_new (NULL, NULL);
}

/**
 * mh_entry_list_adapter_new:
 * @list: the entry list to show
 *
 * Returns: (transfer full): a model with the entries of @list, for a
 *   #GtkListView
 */
MhEntryListAdapter *
mh_entry_list_adapter_new (MhEntryList *list)
{
  MhEntryListAdapter *self;

  g_return_val_if_fail (MH_IS_ENTRY_LIST (list), NULL);

  self = g_object_new (MH_TYPE_ENTRY_LIST_ADAPTER, NULL);
  self->list = g_object_ref (list);
  g_array_unref (self->ids);
  self->ids = read_ids (list);
  self->n_items = self->ids->len;
  g_signal_connect_object (list, "items-changed", G_CALLBACK (on_list_items_changed_cb), self,
                           G_CONNECT_SWAPPED);

  return self;
}

/**
 * mh_entry_list_adapter_get_list:
 * @self: an adapter
 *
 * Returns: (transfer none): the entry list it shows
 */
MhEntryList *
mh_entry_list_adapter_get_list (MhEntryListAdapter *self)
{
  g_return_val_if_fail (MH_IS_ENTRY_LIST_ADAPTER (self), NULL);

  return self->list;
}
