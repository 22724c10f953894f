/* mh-entry-row.h
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mh-entry.h"

G_BEGIN_DECLS

#define MH_TYPE_ENTRY_ROW (mh_entry_row_get_type ())

G_DECLARE_FINAL_TYPE (MhEntryRow, mh_entry_row, MH, ENTRY_ROW, GtkWidget)

GtkWidget          *mh_entry_row_new          (void);
void                mh_entry_row_set_entry    (MhEntryRow *self,
                                               MhEntry    *entry);
GtkListItemFactory *mh_entry_row_factory_new  (void);

G_END_DECLS
