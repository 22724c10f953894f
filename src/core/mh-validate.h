/* mh-validate.h: the rules values of a site follow, in one place
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean mh_date_is_valid         (const char *text,
                                   gboolean    allow_time);
gboolean mh_language_tag_is_valid (const char *text);
gboolean mh_web_url_is_valid      (const char *url);

G_END_DECLS
