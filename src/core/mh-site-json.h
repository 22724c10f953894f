/* mh-site-json.h
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "mh-store.h"

G_BEGIN_DECLS

/* The value of "format" and the "version" this program reads and writes;
 * see docs/site-json.md. */
#define MH_SITE_JSON_FORMAT  "masthead-site"
#define MH_SITE_JSON_VERSION 1

gboolean   mh_site_json_import_file      (const char     *json_path,
                                          const char     *site_path,
                                          GCancellable   *cancellable,
                                          GError        **error);
gboolean   mh_site_json_import_bytes     (MhStore        *store,
                                          GBytes         *json,
                                          const char     *source_name,
                                          GCancellable   *cancellable,
                                          GError        **error);
gboolean   mh_site_json_dump             (MhStore        *store,
                                          GOutputStream  *out,
                                          GCancellable   *cancellable,
                                          GError        **error);
char      *mh_site_json_dump_to_string   (MhStore        *store,
                                          GError        **error);
JsonNode  *mh_site_json_entry_node       (MhStore        *store,
                                          const char     *slug,
                                          GError        **error);
char      *mh_site_json_node_to_string   (JsonNode       *node);

G_END_DECLS
