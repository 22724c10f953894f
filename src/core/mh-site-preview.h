/* mh-site-preview.h: one entry's page, as the export will write it
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _MhSitePreview MhSitePreview;

MhSitePreview *mh_site_preview_render      (const char     *site_path,
                                            gint64          entry_id,
                                            const char     *base_url,
                                            GCancellable   *cancellable,
                                            GError        **error);
void           mh_site_preview_free        (MhSitePreview  *preview);
const char    *mh_site_preview_get_html    (MhSitePreview  *preview);
const char    *mh_site_preview_get_url     (MhSitePreview  *preview);
GPtrArray     *mh_site_preview_get_problems (MhSitePreview *preview);
GBytes        *mh_site_preview_read_file   (MhSitePreview  *preview,
                                            const char     *path,
                                            char          **media_type,
                                            GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MhSitePreview, mh_site_preview_free)

G_END_DECLS
