/* mh-entry-editor.h
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mh-store.h"

G_BEGIN_DECLS

#define MH_TYPE_ENTRY_EDITOR (mh_entry_editor_get_type ())

G_DECLARE_FINAL_TYPE (MhEntryEditor, mh_entry_editor, MH, ENTRY_EDITOR, GtkWidget)

GtkWidget  *mh_entry_editor_new               (void);
MhStore    *mh_entry_editor_get_store         (MhEntryEditor *self);
void        mh_entry_editor_set_store         (MhEntryEditor *self,
                                               MhStore       *store);
gint64      mh_entry_editor_get_entry_id      (MhEntryEditor *self);
void        mh_entry_editor_set_entry_id      (MhEntryEditor *self,
                                               gint64         entry_id);
MhEntry    *mh_entry_editor_get_entry         (MhEntryEditor *self);
gboolean    mh_entry_editor_get_saved         (MhEntryEditor *self);
const char *mh_entry_editor_get_state         (MhEntryEditor *self);
const char *mh_entry_editor_get_error_message (MhEntryEditor *self);
gboolean    mh_entry_editor_flush             (MhEntryEditor *self);

G_END_DECLS
