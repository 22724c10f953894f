/* mh-entry-list-adapter.c: the entry list as GTK 4.8's list view wants it
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * MhEntryList reloads itself after every change to the store and after
 * every new query, and tells so as "every item replaced". GTK 4.8's list
 * view and multi-selection take that badly: when an item they track (the
 * focused row, the scroll anchor, a selected entry) is among the replaced
 * ones, they read every new item looking for it. On a 100,000-entry site
 * that is 100,000 reads from the store for each keystroke of a search and
 * for each autosave of the editor.
 *
 * This adapter sits between the two. It keeps the ids it has announced and
 * compares them with the list's after each reload:
 *
 *  - only the changed middle part (between the unchanged first and last
 *    entries) is announced as replaced, so an autosave, a new entry or a
 *    deletion keeps the scroll position;
 *  - that replacement is announced in two steps, removal then addition,
 *    so that GTK never searches the new items for the removed ones;
 *  - rows the view still shows outside that part hold entries read before
 *    the change: those entries are read again and updated in place, which
 *    the rows follow (an edited title shows). Announcing each of them as
 *    replaced would cost GTK a relayout per row, hundreds of them.
 *
 * Entries handed out by the adapter may thus change under their holder:
 * whoever needs a stable entry (the editor) takes a copy.
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
  GHashTable  *handed_out;   /* MhEntry* (weak) → nothing: what the view may hold */

  /* state: between the two steps of a replacement, the items of the new
   * list from @gap_position on are @gap_added further in the list */
  guint        n_items;
  guint        gap_position;
  guint        gap_added;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MhEntryListAdapter, mh_entry_list_adapter, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
on_entry_finalized_cb (gpointer  data,
                       GObject  *where_the_object_was)
{
  MhEntryListAdapter *self = data;

  g_hash_table_remove (self->handed_out, where_the_object_was);
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
  MhEntry *entry;

  if (position >= self->n_items)
    return NULL;
  if (position >= self->gap_position)
    position += self->gap_added;

  entry = g_list_model_get_item (G_LIST_MODEL (self->list), position);
  if (entry != NULL && !g_hash_table_contains (self->handed_out, entry))
    {
      g_hash_table_add (self->handed_out, entry);
      g_object_weak_ref (G_OBJECT (entry), on_entry_finalized_cb, self);
    }

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

/* Reads again the entries the view still holds after a change, and
 * updates them in place. Entries no longer in the site are left alone: no
 * row shows them any more. */
static void
refresh_held_entries (MhEntryListAdapter *self)
{
  MhStore *store = mh_entry_list_get_store (self->list);
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer entry;

  g_hash_table_iter_init (&iter, self->handed_out);
  while (g_hash_table_iter_next (&iter, &entry, NULL))
    g_ptr_array_add (held, g_object_ref (entry));

  for (guint i = 0; i < held->len; i++)
    {
      MhEntry *old = g_ptr_array_index (held, i);
      g_autoptr(MhEntry) fresh = mh_store_get_entry (store, mh_entry_get_id (old), NULL);

      if (fresh != NULL)
        mh_entry_assign (old, fresh);
    }
}

static void
on_list_items_changed_cb (MhEntryListAdapter *self,
                          guint               position,
                          guint               removed,
                          guint               added,
                          MhEntryList        *list)
{
  g_autoptr(GArray) ids = read_ids (list);
  const gint64 *old_ids = (const gint64 *) self->ids->data;
  const gint64 *new_ids = (const gint64 *) ids->data;
  guint old_n = self->ids->len;
  guint new_n = ids->len;
  guint first = 0;
  guint last = 0;
  guint n_removed;
  guint n_added;

  while (first < old_n && first < new_n && old_ids[first] == new_ids[first])
    first++;
  while (last < old_n - first && last < new_n - first &&
         old_ids[old_n - 1 - last] == new_ids[new_n - 1 - last])
    last++;
  n_removed = old_n - first - last;
  n_added = new_n - first - last;

  g_array_unref (self->ids);
  self->ids = g_steal_pointer (&ids);

  if (n_removed > 0 && n_added > 0)
    {
      self->gap_position = first;
      self->gap_added = n_added;
      self->n_items = old_n - n_removed;
      g_list_model_items_changed (G_LIST_MODEL (self), first, n_removed, 0);
      self->gap_position = G_MAXUINT;
      self->gap_added = 0;
      self->n_items = new_n;
      g_list_model_items_changed (G_LIST_MODEL (self), first, 0, n_added);
    }
  else
    {
      self->n_items = new_n;
      if (n_removed > 0 || n_added > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), first, n_removed, n_added);
    }

  /* The view has dropped the replaced rows by now: what it still holds
   * is outside the changed part. */
  refresh_held_entries (self);
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

  g_hash_table_foreach (self->handed_out, forget_entry, self);
  g_hash_table_remove_all (self->handed_out);
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
  g_clear_pointer (&self->handed_out, g_hash_table_unref);

  G_OBJECT_CLASS (mh_entry_list_adapter_parent_class)->finalize (object);
}

static void
mh_entry_list_adapter_class_init (MhEntryListAdapterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mh_entry_list_adapter_dispose;
  object_class->finalize = mh_entry_list_adapter_finalize;
}

static void
mh_entry_list_adapter_init (MhEntryListAdapter *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->handed_out = g_hash_table_new (NULL, NULL);
  self->gap_position = G_MAXUINT;
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

/**
 * mh_entry_list_adapter_is_settled:
 * @self: an adapter
 *
 * Returns: %FALSE between the two steps of announcing a replacement, when
 *   the adapter's positions are not yet the list's
 */
gboolean
mh_entry_list_adapter_is_settled (MhEntryListAdapter *self)
{
  g_return_val_if_fail (MH_IS_ENTRY_LIST_ADAPTER (self), FALSE);

  return self->gap_position == G_MAXUINT;
}
