/* mh-site-render.h: the pages of the HTML site, from the theme's templates
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mh-site-model.h"

G_BEGIN_DECLS

typedef struct _MhSiteRenderer MhSiteRenderer;

/* Entries per listing page: the model's, so that the export and the pages agree. */
#define MH_SITE_RENDER_PER_PAGE MH_SITE_MODEL_PAGE_SIZE

MhSiteRenderer *mh_site_renderer_new               (MhSiteModel        *model,
                                                    const char         *theme_dir,
                                                    GError            **error);
void            mh_site_renderer_free              (MhSiteRenderer     *r);
void            mh_site_renderer_set_today         (MhSiteRenderer     *r,
                                                    const char         *today);
char           *mh_site_renderer_entry             (MhSiteRenderer     *r,
                                                    MhModelEntry       *entry,
                                                    GPtrArray          *problems,
                                                    GError            **error);
char           *mh_site_renderer_home              (MhSiteRenderer     *r,
                                                    GError            **error);
char           *mh_site_renderer_section           (MhSiteRenderer     *r,
                                                    const char         *section,
                                                    guint               page,
                                                    guint              *n_pages,
                                                    GError            **error);
char           *mh_site_renderer_term              (MhSiteRenderer     *r,
                                                    MhModelTerm        *term,
                                                    guint               page,
                                                    guint              *n_pages,
                                                    GError            **error);
char           *mh_site_renderer_vocabulary        (MhSiteRenderer     *r,
                                                    MhModelVocabulary  *v,
                                                    GError            **error);
char           *mh_site_renderer_not_found         (MhSiteRenderer     *r,
                                                    GError            **error);
char           *mh_site_renderer_redirect          (MhSiteRenderer     *r,
                                                    const char         *to_url);
GBytes         *mh_site_renderer_stylesheet        (MhSiteRenderer     *r,
                                                    GError            **error);
char           *mh_site_renderer_theme_fingerprint (MhSiteRenderer     *r);

char           *mh_site_format_date                (const char         *iso);
char           *mh_site_format_size                (gint64              bytes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MhSiteRenderer, mh_site_renderer_free)

G_END_DECLS
