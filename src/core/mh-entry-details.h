/* mh-entry-details.h: the lists of one entry
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mh-entry-items.h"

G_BEGIN_DECLS

#define MH_TYPE_ENTRY_DETAILS (mh_entry_details_get_type ())

G_DECLARE_FINAL_TYPE (MhEntryDetails, mh_entry_details, MH, ENTRY_DETAILS, GObject)

MhEntryDetails *mh_entry_details_new                    (void);
MhEntryDetails *mh_entry_details_copy                   (MhEntryDetails *self);
void            mh_entry_details_assign                 (MhEntryDetails *self,
                                                         MhEntryDetails *from);
GListStore     *mh_entry_details_get_terms              (MhEntryDetails *self);
GListStore     *mh_entry_details_get_partners           (MhEntryDetails *self);
GListStore     *mh_entry_details_get_related            (MhEntryDetails *self);
GListStore     *mh_entry_details_get_programme          (MhEntryDetails *self);
GListStore     *mh_entry_details_get_downloads          (MhEntryDetails *self);
GListStore     *mh_entry_details_get_eligible_countries (MhEntryDetails *self);
GListStore     *mh_entry_details_get_participants       (MhEntryDetails *self);

G_END_DECLS
