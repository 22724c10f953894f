/* mh-revision-dialog.h
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mh-store.h"

G_BEGIN_DECLS

#define MH_TYPE_REVISION_DIALOG (mh_revision_dialog_get_type ())

G_DECLARE_FINAL_TYPE (MhRevisionDialog, mh_revision_dialog, MH, REVISION_DIALOG, AdwWindow)

MhRevisionDialog *mh_revision_dialog_new              (MhStore          *store,
                                                       gint64            entry_id,
                                                       gboolean          unsaved);
GListModel       *mh_revision_dialog_get_revisions    (MhRevisionDialog *self);
gint64            mh_revision_dialog_get_revision_id  (MhRevisionDialog *self);
void              mh_revision_dialog_set_revision_id  (MhRevisionDialog *self,
                                                       gint64            revision_id);
const char       *mh_revision_dialog_get_changes      (MhRevisionDialog *self);
char             *mh_revision_dialog_dup_compare_text (MhRevisionDialog *self);

G_END_DECLS
