/* mh-site-settings.h
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mh-store.h"

G_BEGIN_DECLS

#define MH_TYPE_SITE_SETTINGS (mh_site_settings_get_type ())

G_DECLARE_FINAL_TYPE (MhSiteSettings, mh_site_settings, MH, SITE_SETTINGS, GtkWidget)

GtkWidget  *mh_site_settings_new                (void);
MhStore    *mh_site_settings_get_store          (MhSiteSettings *self);
void        mh_site_settings_set_store          (MhSiteSettings *self,
                                                 MhStore        *store);
gboolean    mh_site_settings_get_saved          (MhSiteSettings *self);
const char *mh_site_settings_get_error_message  (MhSiteSettings *self);
gboolean    mh_site_settings_get_editable       (MhSiteSettings *self);
gboolean    mh_site_settings_save               (MhSiteSettings *self);

const char *mh_site_settings_get_title          (MhSiteSettings *self);
void        mh_site_settings_set_title          (MhSiteSettings *self,
                                                 const char     *title);
const char *mh_site_settings_get_description    (MhSiteSettings *self);
void        mh_site_settings_set_description    (MhSiteSettings *self,
                                                 const char     *description);
const char *mh_site_settings_get_base_url       (MhSiteSettings *self);
void        mh_site_settings_set_base_url       (MhSiteSettings *self,
                                                 const char     *base_url);
const char *mh_site_settings_get_language       (MhSiteSettings *self);
void        mh_site_settings_set_language       (MhSiteSettings *self,
                                                 const char     *language);
const char *mh_site_settings_get_languages      (MhSiteSettings *self);
void        mh_site_settings_set_languages      (MhSiteSettings *self,
                                                 const char     *languages);
const char *mh_site_settings_get_theme_dir      (MhSiteSettings *self);
void        mh_site_settings_set_theme_dir      (MhSiteSettings *self,
                                                 const char     *theme_dir);
gboolean    mh_site_settings_get_allow_raw_html (MhSiteSettings *self);
void        mh_site_settings_set_allow_raw_html (MhSiteSettings *self,
                                                 gboolean        allow_raw_html);
const char *mh_site_settings_get_default_author (MhSiteSettings *self);
void        mh_site_settings_set_default_author (MhSiteSettings *self,
                                                 const char     *default_author);

/* For tests: the row that edits @property (e.g. "base-url"). */
GtkWidget  *_mh_site_settings_get_row           (MhSiteSettings *self,
                                                 const char     *property);

G_END_DECLS
