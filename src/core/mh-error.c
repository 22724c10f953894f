/* mh-error.c
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mh-error.h"

G_DEFINE_QUARK (mh-store-error-quark, mh_store_error)
G_DEFINE_QUARK (mh-site-json-error-quark, mh_site_json_error)
