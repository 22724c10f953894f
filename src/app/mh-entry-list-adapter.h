/* mh-entry-list-adapter.h
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mh-entry-list.h"

G_BEGIN_DECLS

#define MH_TYPE_ENTRY_LIST_ADAPTER (mh_entry_list_adapter_get_type ())

G_DECLARE_FINAL_TYPE (MhEntryListAdapter, mh_entry_list_adapter, MH, ENTRY_LIST_ADAPTER, GObject)

MhEntryListAdapter *mh_entry_list_adapter_new        (MhEntryList        *list);
MhEntryList        *mh_entry_list_adapter_get_list   (MhEntryListAdapter *self);

G_END_DECLS
