/* mh-site-feeds.h: the site's feeds, sitemap, search index and calendar files
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "mh-site-model.h"

G_BEGIN_DECLS

#define MH_SITE_FEED_SIZE 50

char *mh_site_feed_atom    (MhSiteModel  *m);
char *mh_site_feed_json    (MhSiteModel  *m);
char *mh_site_sitemap      (MhSiteModel  *m,
                            GPtrArray    *paths);
char *mh_site_search_index (MhSiteModel  *m);
char *mh_site_robots       (MhSiteModel  *m);
char *mh_site_event_ics    (MhSiteModel  *m,
                            MhModelEntry *event);

G_END_DECLS
