/* mh-site-check.h
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mh-store.h"

G_BEGIN_DECLS

GPtrArray *mh_site_check (MhStore  *store,
                          GError  **error);

G_END_DECLS
