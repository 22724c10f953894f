/* mh-entry-list.h
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mh-store.h"

G_BEGIN_DECLS

#define MH_TYPE_ENTRY_LIST (mh_entry_list_get_type ())

G_DECLARE_FINAL_TYPE (MhEntryList, mh_entry_list, MH, ENTRY_LIST, GObject)

MhEntryList *mh_entry_list_new          (MhStore            *store);
MhStore     *mh_entry_list_get_store    (MhEntryList        *self);
void         mh_entry_list_set_query    (MhEntryList        *self,
                                         const MhEntryQuery *query);
gboolean     mh_entry_list_reload       (MhEntryList        *self,
                                         GError            **error);
gint64       mh_entry_list_get_id       (MhEntryList        *self,
                                         guint               position);
guint        mh_entry_list_get_n_loaded (MhEntryList        *self);

G_END_DECLS
