/* mh-entry-details.c: the lists of one entry
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mh-entry"

#include "config.h"

#include "mh-entry-details.h"
#include "mh-entry-private.h"

/**
 * MhEntryDetails:
 *
 * Everything of an entry that is a list, each as a #GListStore of row
 * objects (see mh-entry-items.h) in the order editors gave:
 *
 * - `terms`: #MhTermRef, the entry's taxonomy terms of every vocabulary;
 * - `partners`: #MhPartner, shown as a logo row in this order;
 * - `related`: #MhEntryRef, editor-pinned “Similar content”;
 * - `programme`: #MhProgrammeItem (events);
 * - `downloads`: #MhDownload (reports);
 * - `eligible-countries`: #MhTermRef of the vocabulary `countries` (open calls);
 * - `participants`: #MhParticipant (events), the position is the order.
 *
 * The stores are fixed for the object's life, so a view can bind to them
 * once; editing means adding, removing, moving or changing rows. The
 * ::changed signal fires after any of that, which is what an autosave
 * timer needs. Save with mh_store_save_entry_full() or
 * mh_store_save_entry_details(); each list is replaced as a whole.
 */
struct _MhEntryDetails
{
  GObject     parent_instance;

  /* owned */
  GListStore *lists[_MH_N_LISTS];
};

G_DEFINE_FINAL_TYPE (MhEntryDetails, mh_entry_details, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TERMS,
  PROP_PARTNERS,
  PROP_RELATED,
  PROP_PROGRAMME,
  PROP_DOWNLOADS,
  PROP_ELIGIBLE_COUNTRIES,
  PROP_PARTICIPANTS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const list_names[_MH_N_LISTS] = {
  "terms", "partners", "related", "programme", "downloads", "eligible-countries",
  "participants",
};

static GType
list_item_type (MhDetailsList list)
{
  switch (list)
    {
    case _MH_LIST_TERMS:
    case _MH_LIST_ELIGIBLE_COUNTRIES:
      return MH_TYPE_TERM_REF;
    case _MH_LIST_PARTNERS:
      return MH_TYPE_PARTNER;
    case _MH_LIST_RELATED:
      return MH_TYPE_ENTRY_REF;
    case _MH_LIST_PROGRAMME:
      return MH_TYPE_PROGRAMME_ITEM;
    case _MH_LIST_DOWNLOADS:
      return MH_TYPE_DOWNLOAD;
    case _MH_LIST_PARTICIPANTS:
      return MH_TYPE_PARTICIPANT;
    case _MH_N_LISTS:
    default:
      g_assert_not_reached ();
    }
}

static void
on_row_notify_cb (MhEntryDetails *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_list_items_changed_cb (MhEntryDetails *self,
                          guint           position,
                          guint           removed,
                          guint           added,
                          GListModel     *list)
{
  /* A row that is removed keeps its handler until it is finalized or the
   * details are; a change to it then only causes a spurious ::changed. */
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (list, i);

      g_signal_connect_object (row, "notify", G_CALLBACK (on_row_notify_cb), self,
                               G_CONNECT_SWAPPED);
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
mh_entry_details_dispose (GObject *object)
{
  MhEntryDetails *self = (MhEntryDetails *) object;

  for (guint i = 0; i < _MH_N_LISTS; i++)
    g_clear_object (&self->lists[i]);

  G_OBJECT_CLASS (mh_entry_details_parent_class)->dispose (object);
}

static void
mh_entry_details_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MhEntryDetails *self = MH_ENTRY_DETAILS (object);

  if (prop_id >= PROP_TERMS && prop_id < N_PROPS)
    g_value_set_object (value, self->lists[prop_id - PROP_TERMS]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
mh_entry_details_class_init (MhEntryDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mh_entry_details_dispose;
  object_class->get_property = mh_entry_details_get_property;

  for (guint i = 0; i < _MH_N_LISTS; i++)
    properties[PROP_TERMS + i] =
      g_param_spec_object (list_names[i], NULL, NULL, G_TYPE_LIST_STORE,
                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MhEntryDetails::changed:
   *
   * Emitted when a row is added, removed or moved, or a row's property
   * changes, in any of the lists.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mh_entry_details_init (MhEntryDetails *self)
{
  for (guint i = 0; i < _MH_N_LISTS; i++)
    {
      self->lists[i] = g_list_store_new (list_item_type (i));
      g_signal_connect_object (self->lists[i], "items-changed",
                               G_CALLBACK (on_list_items_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
}

GListStore *
_mh_entry_details_get_list (MhEntryDetails *self,
                            MhDetailsList   list)
{
  g_return_val_if_fail (MH_IS_ENTRY_DETAILS (self), NULL);
  g_return_val_if_fail (list < _MH_N_LISTS, NULL);
  return self->lists[list];
}

/* A new row of the same type with the same property values. */
static GObject *
copy_row (GObject *row)
{
  g_autofree GParamSpec **pspecs = NULL;
  GObject *copy = g_object_new (G_OBJECT_TYPE (row), NULL);
  guint n = 0;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (row), &n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (row, pspecs[i]->name, &value);
      g_object_set_property (copy, pspecs[i]->name, &value);
    }
  return copy;
}

/**
 * mh_entry_details_new:
 *
 * Returns: (transfer full): details with every list empty
 */
MhEntryDetails *
mh_entry_details_new (void)
{
  return g_object_new (MH_TYPE_ENTRY_DETAILS, NULL);
}

/**
 * mh_entry_details_assign:
 * @self: details
 * @from: other details
 *
 * Makes every list of @self hold copies of the rows of @from (one
 * items-changed per list), for example to apply an undo step or an older
 * revision to the details an editor shows.
 */
void
mh_entry_details_assign (MhEntryDetails *self,
                         MhEntryDetails *from)
{
  g_return_if_fail (MH_IS_ENTRY_DETAILS (self));
  g_return_if_fail (MH_IS_ENTRY_DETAILS (from));

  for (guint i = 0; i < _MH_N_LISTS; i++)
    {
      GListModel *source = G_LIST_MODEL (from->lists[i]);
      guint n = g_list_model_get_n_items (source);
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(GObject) row = g_list_model_get_item (source, j);

          g_ptr_array_add (rows, copy_row (row));
        }
      g_list_store_splice (self->lists[i], 0,
                           g_list_model_get_n_items (G_LIST_MODEL (self->lists[i])),
                           rows->pdata, rows->len);
    }
}

/**
 * mh_entry_details_copy:
 * @self: details
 *
 * Returns: (transfer full): new details with copies of every row
 */
MhEntryDetails *
mh_entry_details_copy (MhEntryDetails *self)
{
  MhEntryDetails *copy;

  g_return_val_if_fail (MH_IS_ENTRY_DETAILS (self), NULL);

  copy = mh_entry_details_new ();
  mh_entry_details_assign (copy, self);
  return copy;
}

/**
 * mh_entry_details_get_terms:
 * @self: details
 *
 * Returns: (transfer none): the #MhTermRef rows of every vocabulary
 */
GListStore *
mh_entry_details_get_terms (MhEntryDetails *self)
{
  return _mh_entry_details_get_list (self, _MH_LIST_TERMS);
}

/**
 * mh_entry_details_get_partners:
 * @self: details
 *
 * Returns: (transfer none): the #MhPartner rows
 */
GListStore *
mh_entry_details_get_partners (MhEntryDetails *self)
{
  return _mh_entry_details_get_list (self, _MH_LIST_PARTNERS);
}

/**
 * mh_entry_details_get_related:
 * @self: details
 *
 * Returns: (transfer none): the #MhEntryRef rows of pinned similar content
 */
GListStore *
mh_entry_details_get_related (MhEntryDetails *self)
{
  return _mh_entry_details_get_list (self, _MH_LIST_RELATED);
}

/**
 * mh_entry_details_get_programme:
 * @self: details
 *
 * Returns: (transfer none): the #MhProgrammeItem rows
 */
GListStore *
mh_entry_details_get_programme (MhEntryDetails *self)
{
  return _mh_entry_details_get_list (self, _MH_LIST_PROGRAMME);
}

/**
 * mh_entry_details_get_downloads:
 * @self: details
 *
 * Returns: (transfer none): the #MhDownload rows
 */
GListStore *
mh_entry_details_get_downloads (MhEntryDetails *self)
{
  return _mh_entry_details_get_list (self, _MH_LIST_DOWNLOADS);
}

/**
 * mh_entry_details_get_eligible_countries:
 * @self: details
 *
 * Returns: (transfer none): the #MhTermRef rows; their vocabulary is
 *   always `countries` (a row without one is read as such)
 */
GListStore *
mh_entry_details_get_eligible_countries (MhEntryDetails *self)
{
  return _mh_entry_details_get_list (self, _MH_LIST_ELIGIBLE_COUNTRIES);
}

/**
 * mh_entry_details_get_participants:
 * @self: details
 *
 * Returns: (transfer none): the #MhParticipant rows
 */
GListStore *
mh_entry_details_get_participants (MhEntryDetails *self)
{
  return _mh_entry_details_get_list (self, _MH_LIST_PARTICIPANTS);
}
