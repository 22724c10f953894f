/* mh-revision.h: an entry's history
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mh-entry-details.h"
#include "mh-store.h"
#include "mh-text-diff.h"

G_BEGIN_DECLS

#define MH_TYPE_REVISION (mh_revision_get_type ())

G_DECLARE_FINAL_TYPE (MhRevision, mh_revision, MH, REVISION, GObject)

gint64          mh_revision_get_id              (MhRevision  *self);
gint64          mh_revision_get_entry_id        (MhRevision  *self);
const char     *mh_revision_get_created_at      (MhRevision  *self);
char           *mh_revision_dup_label           (MhRevision  *self);
const char     *mh_revision_get_title           (MhRevision  *self);
const char     *mh_revision_get_summary         (MhRevision  *self);
const char     *mh_revision_get_body            (MhRevision  *self);
const char     *mh_revision_get_slug            (MhRevision  *self);
MhEntryStatus   mh_revision_get_status          (MhRevision  *self);
const char     *mh_revision_get_fields          (MhRevision  *self);

GListModel     *mh_store_list_revisions         (MhStore     *self,
                                                 gint64       entry_id,
                                                 GError     **error);
MhEntry        *mh_store_get_revision_entry     (MhStore     *self,
                                                 gint64       revision_id,
                                                 GError     **error);
MhEntryDetails *mh_store_get_revision_details   (MhStore     *self,
                                                 gint64       revision_id,
                                                 GError     **error);
gboolean        mh_store_restore_revision       (MhStore     *self,
                                                 gint64       revision_id,
                                                 GError     **error);

G_END_DECLS
