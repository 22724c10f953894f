/* mh-escape.h
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *mh_escape_html        (const char *text);
void      mh_escape_html_append (GString    *out,
                                 const char *text);
char     *mh_escape_xml         (const char *text);
gboolean  mh_url_is_safe        (const char *url);
char     *mh_escape_url_attr    (const char *url);
char     *mh_escape_json_string (const char *text);
char     *mh_escape_yaml_string (const char *text);
char     *mh_escape_ics_text    (const char *text);
char     *mh_heading_id         (const char *text);

G_END_DECLS
