/* mh-preferences-window.h
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MH_TYPE_PREFERENCES_WINDOW (mh_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (MhPreferencesWindow, mh_preferences_window, MH, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *mh_preferences_window_new (GtkWindow *parent,
                                      GSettings *settings);

G_END_DECLS
