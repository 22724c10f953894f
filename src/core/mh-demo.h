/* mh-demo.h
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GBytes   *mh_demo_get_json (void);
gboolean  mh_demo_create   (const char  *path,
                            gboolean     force,
                            GError     **error);

G_END_DECLS
