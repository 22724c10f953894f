/* mh-export-dialog.h
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mh-site-export.h"
#include "mh-store.h"

G_BEGIN_DECLS

#define MH_TYPE_EXPORT_DIALOG (mh_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (MhExportDialog, mh_export_dialog, MH, EXPORT_DIALOG, AdwWindow)

MhExportDialog *mh_export_dialog_new               (GtkWindow      *parent,
                                                    const char     *site_path,
                                                    MhStore        *store);
const char     *mh_export_dialog_get_site_path     (MhExportDialog *self);
const char     *mh_export_dialog_get_target_dir    (MhExportDialog *self);
void            mh_export_dialog_set_target_dir    (MhExportDialog *self,
                                                    const char     *target_dir);
MhExportFormat  mh_export_dialog_get_format        (MhExportDialog *self);
void            mh_export_dialog_set_format        (MhExportDialog *self,
                                                    MhExportFormat  format);
gboolean        mh_export_dialog_get_zip           (MhExportDialog *self);
void            mh_export_dialog_set_zip           (MhExportDialog *self,
                                                    gboolean        zip);
char           *mh_export_dialog_dup_zip_path      (MhExportDialog *self);
const char     *mh_export_dialog_get_theme_dir     (MhExportDialog *self);
void            mh_export_dialog_set_theme_dir     (MhExportDialog *self,
                                                    const char     *theme_dir);
gboolean        mh_export_dialog_get_busy          (MhExportDialog *self);
double          mh_export_dialog_get_fraction      (MhExportDialog *self);
const char     *mh_export_dialog_get_message       (MhExportDialog *self);
const char     *mh_export_dialog_get_error_message (MhExportDialog *self);
void            mh_export_dialog_start             (MhExportDialog *self);
void            mh_export_dialog_cancel            (MhExportDialog *self);
void            mh_export_dialog_export_again      (MhExportDialog *self);

gboolean        mh_export_dialog_has_last_export   (MhStore        *store);

G_END_DECLS
