/* mh-entry-private.h
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mh-entry.h"
#include "mh-entry-details.h"
#include "mh-store.h"

G_BEGIN_DECLS

/* The lists of MhEntryDetails, in the order of its properties. */
typedef enum
{
  _MH_LIST_TERMS,
  _MH_LIST_PARTNERS,
  _MH_LIST_RELATED,
  _MH_LIST_PROGRAMME,
  _MH_LIST_DOWNLOADS,
  _MH_LIST_ELIGIBLE_COUNTRIES,
  _MH_LIST_PARTICIPANTS,
  _MH_N_LISTS
} MhDetailsList;

void            _mh_entry_set_identity          (MhEntry        *self,
                                                 gint64          id,
                                                 const char     *uuid,
                                                 const char     *updated_at);
GListStore     *_mh_entry_details_get_list      (MhEntryDetails *self,
                                                 MhDetailsList   list);
char           *_mh_person_display_name         (const char     *given_name,
                                                 const char     *family_name,
                                                 gboolean        family_name_first);

/* Row ids of an entry's references; 0 for none. */
typedef struct
{
  gint64 cover;
  gint64 country;
  gint64 translation_of;
  gint64 report_event;
} MhEntryRefIds;

/* mh-store-entries.c and mh-store-details.c, for the other entry services
 * of the store */
char           *_mh_store_now_utc               (void);
gboolean        _mh_store_begin_own             (MhStore        *self,
                                                 gboolean       *own,
                                                 GError        **error);
gboolean        _mh_store_end_own               (MhStore        *self,
                                                 gboolean        own,
                                                 gboolean        ok,
                                                 GError        **error);
gboolean        _mh_store_slug_taken            (MhStore        *self,
                                                 const char     *slug,
                                                 gint64          id);
gboolean        _mh_store_save_entry_locked     (MhStore        *self,
                                                 MhEntry        *entry,
                                                 MhEntryDetails *details,
                                                 guint           flags,
                                                 GError        **error);
gboolean        _mh_store_keep_revision         (MhStore        *self,
                                                 gint64          id,
                                                 const char     *now,
                                                 GError        **error);
gboolean        _mh_store_resolve_entry_refs    (MhStore        *self,
                                                 MhEntry        *entry,
                                                 MhEntryRefIds  *ids,
                                                 GError        **error);
gboolean        _mh_store_write_details         (MhStore        *self,
                                                 gint64          id,
                                                 MhEntryDetails *details,
                                                 GError        **error);
MhEntry        *_mh_store_read_revision_entry   (MhStore        *self,
                                                 gint64          revision_id,
                                                 GError        **error);
MhEntryDetails *_mh_store_read_details          (MhStore        *self,
                                                 gint64          id,
                                                 gboolean        revision,
                                                 GError        **error);

G_END_DECLS
