/* mh-site-info.h
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "mh-store.h"

G_BEGIN_DECLS

JsonNode *mh_site_info_collect (MhStore  *store,
                                GError  **error);

G_END_DECLS
