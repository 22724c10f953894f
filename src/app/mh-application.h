/* mh-application.h
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MH_TYPE_APPLICATION (mh_application_get_type ())

G_DECLARE_FINAL_TYPE (MhApplication, mh_application, MH, APPLICATION, AdwApplication)

MhApplication *mh_application_new            (void);
char          *mh_application_dup_demo_path  (void);
void           mh_application_open_path      (MhApplication *self,
                                              const char    *path);
gboolean       mh_application_create_site    (MhApplication *self,
                                              const char    *path,
                                              GError       **error);
GMenuModel    *mh_application_get_recent_menu (MhApplication *self);

G_END_DECLS
