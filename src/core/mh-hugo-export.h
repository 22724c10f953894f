/* mh-hugo-export.h: the site as a Hugo content bundle
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mh-export-writer.h"
#include "mh-site-model.h"

G_BEGIN_DECLS

gboolean mh_hugo_export (MhSiteModel     *model,
                         MhExportWriter  *writer,
                         GCancellable    *cancellable,
                         GError         **error);

G_END_DECLS
