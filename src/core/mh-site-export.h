/* mh-site-export.h
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mh-export-writer.h"

G_BEGIN_DECLS

typedef enum
{
  MH_EXPORT_FORMAT_HTML,
  MH_EXPORT_FORMAT_HUGO,
} MhExportFormat;

/**
 * MhExportOptions:
 * @format: a static HTML site or a Hugo content bundle
 * @theme_dir: (nullable): a folder whose templates and CSS replace the
 *   default theme's, file by file; %NULL for the site's own theme folder
 *   setting (`theme_dir`), if any
 * @base_url: (nullable): where the site will be served, instead of the
 *   site's own setting
 * @zip_path: (nullable): also write the tree as this zip file
 */
typedef struct
{
  MhExportFormat  format;
  const char     *theme_dir;
  const char     *base_url;
  const char     *zip_path;
} MhExportOptions;

/* Called from the thread that exports; @fraction runs from 0 to 1. */
typedef void (*MhExportProgressFunc) (double      fraction,
                                      const char *message,
                                      gpointer    user_data);

gboolean mh_site_export        (const char             *site_path,
                                const char             *target_dir,
                                const MhExportOptions  *options,
                                MhExportProgressFunc    progress,
                                gpointer                progress_data,
                                GCancellable           *cancellable,
                                MhExportStats          *stats,
                                GPtrArray              *problems,
                                GError                **error);
void     mh_site_export_async  (const char             *site_path,
                                const char             *target_dir,
                                const MhExportOptions  *options,
                                MhExportProgressFunc    progress,
                                gpointer                progress_data,
                                GCancellable           *cancellable,
                                GAsyncReadyCallback     callback,
                                gpointer                user_data);
gboolean mh_site_export_finish (GAsyncResult           *result,
                                MhExportStats          *stats,
                                GPtrArray             **problems,
                                GError                **error);

G_END_DECLS
