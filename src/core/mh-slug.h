/* mh-slug.h
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MH_SLUG_MAX_LENGTH 120

char     *mh_slugify      (const char  *text);
gboolean  mh_slug_validate (const char *slug,
                            GError    **error);

G_END_DECLS
