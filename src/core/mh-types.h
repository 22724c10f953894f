/* mh-types.h
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  MH_ENTRY_KIND_REPORT,
  MH_ENTRY_KIND_EVENT,
  MH_ENTRY_KIND_ARTICLE,
  MH_ENTRY_KIND_OPEN_CALL,
  MH_ENTRY_KIND_PAGE,
} MhEntryKind;

#define MH_N_ENTRY_KINDS 5

typedef enum
{
  MH_ENTRY_STATUS_DRAFT,
  MH_ENTRY_STATUS_REVIEW,
  MH_ENTRY_STATUS_PUBLISHED,
  MH_ENTRY_STATUS_ARCHIVED,
} MhEntryStatus;

#define MH_N_ENTRY_STATUSES 4

typedef enum
{
  MH_ENTRY_SORT_DATE,
  MH_ENTRY_SORT_TITLE,
  MH_ENTRY_SORT_UPDATED,
} MhEntrySort;

const char *mh_entry_kind_to_string      (MhEntryKind    kind);
gboolean    mh_entry_kind_from_string    (const char    *str,
                                          MhEntryKind   *kind);
const char *mh_entry_kind_get_label      (MhEntryKind    kind);
const char *mh_entry_status_to_string    (MhEntryStatus  status);
gboolean    mh_entry_status_from_string  (const char    *str,
                                          MhEntryStatus *status);
const char *mh_entry_status_get_label    (MhEntryStatus  status);

G_END_DECLS
