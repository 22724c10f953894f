/* mh-preview-view.h: the published page of the entry being edited
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MH_TYPE_PREVIEW_VIEW (mh_preview_view_get_type ())

G_DECLARE_FINAL_TYPE (MhPreviewView, mh_preview_view, MH, PREVIEW_VIEW, GtkWidget)

GtkWidget  *mh_preview_view_new             (void);
void        mh_preview_view_show_entry      (MhPreviewView *self,
                                             const char    *site_path,
                                             gint64         entry_id);
void        mh_preview_view_refresh         (MhPreviewView *self);
const char *mh_preview_view_get_html        (MhPreviewView *self);
const char *mh_preview_view_get_loaded_uri  (MhPreviewView *self);
const char *mh_preview_view_get_error_message (MhPreviewView *self);
GtkWidget  *mh_preview_view_get_web_view    (MhPreviewView *self);

G_END_DECLS
