/* mh-window.h
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mh-application.h"
#include "mh-store.h"

G_BEGIN_DECLS

#define MH_TYPE_WINDOW (mh_window_get_type ())

G_DECLARE_FINAL_TYPE (MhWindow, mh_window, MH, WINDOW, AdwApplicationWindow)

MhWindow          *mh_window_new               (MhApplication *app,
                                                const char    *path);
const char        *mh_window_get_path          (MhWindow      *self);
MhStore           *mh_window_get_store         (MhWindow      *self);
GListModel        *mh_window_get_entries       (MhWindow      *self);
GtkSelectionModel *mh_window_get_selection     (MhWindow      *self);
MhEntry           *mh_window_get_selected_entry (MhWindow     *self);
const char        *mh_window_get_error_message (MhWindow      *self);
const char        *mh_window_get_visible_page  (MhWindow      *self);
const char        *mh_window_get_search_text   (MhWindow      *self);
void               mh_window_set_search_text   (MhWindow      *self,
                                                const char    *text);
const char        *mh_window_get_filter        (MhWindow      *self);
void               mh_window_set_filter        (MhWindow      *self,
                                                const char    *filter);
const char        *mh_window_get_place         (MhWindow      *self);
void               mh_window_set_place         (MhWindow      *self,
                                                const char    *place);
const char        *mh_window_get_sort          (MhWindow      *self);
void               mh_window_set_sort          (MhWindow      *self,
                                                const char    *sort);
const char        *mh_window_get_term          (MhWindow      *self);
void               mh_window_set_term          (MhWindow      *self,
                                                const char    *term);

G_END_DECLS
