/* mh-store-entries.h: what an editor does with entries, beyond mh-store.h
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mh-entry-details.h"
#include "mh-store.h"

G_BEGIN_DECLS

/**
 * MhSaveFlags:
 * @MH_SAVE_DEFAULT: keep a revision of the previous version whenever
 *   something changed (an explicit save, a restore)
 * @MH_SAVE_AUTOSAVE: keep a revision only when the entry's newest revision
 *   is older than %MH_AUTOSAVE_REVISION_INTERVAL seconds, so that saving
 *   every few seconds while typing leaves one revision per interval
 *
 * How mh_store_save_entry_full() keeps history.
 */
typedef enum
{
  MH_SAVE_DEFAULT  = 0,
  MH_SAVE_AUTOSAVE = 1 << 0,
} MhSaveFlags;

#define MH_AUTOSAVE_REVISION_INTERVAL (10 * 60)

gboolean        mh_store_save_entry_full    (MhStore         *self,
                                             MhEntry         *entry,
                                             MhEntryDetails  *details,
                                             MhSaveFlags      flags,
                                             GError         **error);
MhEntryDetails *mh_store_get_entry_details  (MhStore         *self,
                                             gint64           entry_id,
                                             GError         **error);
gboolean        mh_store_save_entry_details (MhStore         *self,
                                             gint64           entry_id,
                                             MhEntryDetails  *details,
                                             GError         **error);

/* mh-store-lifecycle.c */
MhEntry        *mh_store_duplicate_entry    (MhStore         *self,
                                             gint64           id,
                                             GError         **error);
gboolean        mh_store_set_status         (MhStore         *self,
                                             GArray          *ids,
                                             MhEntryStatus    status,
                                             GError         **error);
GBytes         *mh_store_snapshot_entries   (MhStore         *self,
                                             GArray          *ids,
                                             GError         **error);
GBytes         *mh_store_delete_entries     (MhStore         *self,
                                             GArray          *ids,
                                             GError         **error);
gboolean        mh_store_restore_snapshot   (MhStore         *self,
                                             GBytes          *snapshot,
                                             GError         **error);

G_END_DECLS
