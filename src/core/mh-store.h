/* mh-store.h
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mh-entry.h"
#include "mh-error.h"
#include "mh-types.h"

G_BEGIN_DECLS

/* The schema version this program writes; see resources/sql/. */
#define MH_STORE_SCHEMA_VERSION 2

#define MH_TYPE_STORE (mh_store_get_type ())

G_DECLARE_FINAL_TYPE (MhStore, mh_store, MH, STORE, GObject)

/**
 * MhEntryQuery:
 * @kind: only entries of this kind, or -1 for all
 * @status: only entries with this status, or -1 for all
 * @vocabulary: (nullable): with @term, only entries tagged with that term
 *   (or one of its descendants)
 * @term: (nullable): a term slug of @vocabulary
 * @text: (nullable): full-text search; the result is ranked when every
 *   word in it has three letters or more
 * @sort: the order when the result is not ranked
 *
 * What mh_store_query_entry_ids() selects. Zero-fill it with
 * mh_entry_query_init() before setting fields.
 */
typedef struct
{
  int          kind;
  int          status;
  const char  *vocabulary;
  const char  *term;
  const char  *text;
  MhEntrySort  sort;
} MhEntryQuery;

void         mh_entry_query_init        (MhEntryQuery  *query);

MhStore     *mh_store_create            (const char    *path,
                                         GError       **error);
MhStore     *mh_store_open              (const char    *path,
                                         GError       **error);
MhStore     *mh_store_open_read_only    (const char    *path,
                                         GError       **error);
const char  *mh_store_get_path          (MhStore       *self);
gboolean     mh_store_get_read_only     (MhStore       *self);
const char  *mh_store_get_read_only_reason (MhStore    *self);
char        *mh_store_dup_title         (MhStore       *self);
gboolean     mh_store_set_title         (MhStore       *self,
                                         const char    *title,
                                         GError       **error);
char        *mh_store_get_setting       (MhStore       *self,
                                         const char    *key);
gboolean     mh_store_set_setting       (MhStore       *self,
                                         const char    *key,
                                         const char    *value,
                                         GError       **error);

gboolean     mh_store_begin             (MhStore       *self,
                                         GError       **error);
gboolean     mh_store_commit            (MhStore       *self,
                                         GError       **error);
void         mh_store_rollback          (MhStore       *self);

MhEntry     *mh_store_get_entry         (MhStore       *self,
                                         gint64         id,
                                         GError       **error);
MhEntry     *mh_store_find_entry        (MhStore       *self,
                                         const char    *slug,
                                         GError       **error);
gboolean     mh_store_save_entry        (MhStore       *self,
                                         MhEntry       *entry,
                                         GError       **error);
gboolean     mh_store_delete_entry      (MhStore       *self,
                                         gint64         id,
                                         GError       **error);
GArray      *mh_store_query_entry_ids   (MhStore       *self,
                                         const MhEntryQuery *query,
                                         GError       **error);
gint64       mh_store_count_entries     (MhStore       *self,
                                         const MhEntryQuery *query,
                                         GError       **error);
gboolean     mh_store_check_integrity   (MhStore       *self,
                                         GPtrArray     *problems,
                                         GError       **error);

G_END_DECLS
