/* mh-store-assets.h: files kept inside the site file
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mh-store.h"

G_BEGIN_DECLS

/* The largest file a site keeps: SQLite's default limit for one value is
 * 1,000,000,000 bytes, and a site file is copied whole by its editors. */
#define MH_ASSET_MAX_SIZE (250 * 1000 * 1000)

char        *mh_asset_name_for_file      (const char    *file_name);
GBytes      *mh_asset_load_file          (GFile         *file,
                                          char         **file_name,
                                          GCancellable  *cancellable,
                                          GError       **error);
char        *mh_store_add_asset          (MhStore       *self,
                                          const char    *file_name,
                                          GBytes        *data,
                                          const char    *media_type,
                                          GError       **error);
char        *mh_store_import_asset_file  (MhStore       *self,
                                          GFile         *file,
                                          GCancellable  *cancellable,
                                          GError       **error);

G_END_DECLS
