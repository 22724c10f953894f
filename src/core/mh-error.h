/* mh-error.h
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MH_STORE_ERROR (mh_store_error_quark ())
#define MH_SITE_JSON_ERROR (mh_site_json_error_quark ())

/**
 * MhStoreError:
 * @MH_STORE_ERROR_NOT_FOUND: the file, entry or row does not exist
 * @MH_STORE_ERROR_EXISTS: the file or a unique value already exists
 * @MH_STORE_ERROR_NOT_A_SITE: the file is not a Masthead site (or not SQLite)
 * @MH_STORE_ERROR_CORRUPT: the file is truncated or damaged
 * @MH_STORE_ERROR_TOO_NEW: written by a newer Masthead (schema too new)
 * @MH_STORE_ERROR_READ_ONLY: a write was asked of a store opened read-only
 * @MH_STORE_ERROR_LOCKED: another program is writing to the file
 * @MH_STORE_ERROR_INVALID: a value breaks a rule of the site (bad slug …)
 * @MH_STORE_ERROR_FAILED: any other SQLite or I/O failure
 */
typedef enum
{
  MH_STORE_ERROR_NOT_FOUND,
  MH_STORE_ERROR_EXISTS,
  MH_STORE_ERROR_NOT_A_SITE,
  MH_STORE_ERROR_CORRUPT,
  MH_STORE_ERROR_TOO_NEW,
  MH_STORE_ERROR_READ_ONLY,
  MH_STORE_ERROR_LOCKED,
  MH_STORE_ERROR_INVALID,
  MH_STORE_ERROR_FAILED,
} MhStoreError;

/**
 * MhSiteJsonError:
 * @MH_SITE_JSON_ERROR_SYNTAX: not JSON, or not UTF-8
 * @MH_SITE_JSON_ERROR_INVALID: JSON, but it breaks a rule of the format
 */
typedef enum
{
  MH_SITE_JSON_ERROR_SYNTAX,
  MH_SITE_JSON_ERROR_INVALID,
} MhSiteJsonError;

GQuark mh_store_error_quark     (void);
GQuark mh_site_json_error_quark (void);

G_END_DECLS
