/* mh-store-private.h: for core services (site-json, check, export) only.
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "mh-store.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

void          _mh_core_register_resources (void);
sqlite3      *_mh_store_get_db          (MhStore     *self);
sqlite3_stmt *_mh_store_prepare         (MhStore     *self,
                                         const char  *sql,
                                         GError     **error);
gboolean      _mh_store_check_writable  (MhStore     *self,
                                         GError     **error);
gboolean      _mh_store_step_done       (MhStore     *self,
                                         sqlite3_stmt *stmt,
                                         GError     **error);
void          _mh_store_set_error       (MhStore     *self,
                                         GError     **error,
                                         const char  *what);
void          _mh_store_emit_changed    (MhStore     *self);
const char   *_mh_stmt_text             (sqlite3_stmt *stmt,
                                         int          column);
gboolean      _mh_store_register_search (sqlite3     *db);

G_END_DECLS
