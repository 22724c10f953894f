/* mh-entry.h
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "mh-types.h"

G_BEGIN_DECLS

#define MH_TYPE_ENTRY (mh_entry_get_type ())

G_DECLARE_FINAL_TYPE (MhEntry, mh_entry, MH, ENTRY, GObject)

MhEntry       *mh_entry_new                (MhEntryKind    kind);
gint64         mh_entry_get_id             (MhEntry       *self);
const char    *mh_entry_get_uuid           (MhEntry       *self);
MhEntryKind    mh_entry_get_kind           (MhEntry       *self);
const char    *mh_entry_get_kind_label     (MhEntry       *self);
const char    *mh_entry_get_title          (MhEntry       *self);
void           mh_entry_set_title          (MhEntry       *self,
                                            const char    *title);
const char    *mh_entry_get_slug           (MhEntry       *self);
void           mh_entry_set_slug           (MhEntry       *self,
                                            const char    *slug);
MhEntryStatus  mh_entry_get_status         (MhEntry       *self);
const char    *mh_entry_get_status_label   (MhEntry       *self);
void           mh_entry_set_status         (MhEntry       *self,
                                            MhEntryStatus  status);
const char    *mh_entry_get_language       (MhEntry       *self);
void           mh_entry_set_language       (MhEntry       *self,
                                            const char    *language);
const char    *mh_entry_get_date           (MhEntry       *self);
void           mh_entry_set_date           (MhEntry       *self,
                                            const char    *date);
const char    *mh_entry_get_summary        (MhEntry       *self);
void           mh_entry_set_summary        (MhEntry       *self,
                                            const char    *summary);
const char    *mh_entry_get_body           (MhEntry       *self);
void           mh_entry_set_body           (MhEntry       *self,
                                            const char    *body);
const char    *mh_entry_get_event_start    (MhEntry       *self);
void           mh_entry_set_event_start    (MhEntry       *self,
                                            const char    *start);
const char    *mh_entry_get_event_end      (MhEntry       *self);
void           mh_entry_set_event_end      (MhEntry       *self,
                                            const char    *end);
const char    *mh_entry_get_deadline       (MhEntry       *self);
void           mh_entry_set_deadline       (MhEntry       *self,
                                            const char    *deadline);
const char    *mh_entry_get_updated_at     (MhEntry       *self);
char          *mh_entry_dup_display_date   (MhEntry       *self);

char          *mh_format_date              (const char    *iso_date);

G_END_DECLS
