/* mh-export-writer.h: atomic, incremental writing of an export tree
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An exporter adds every file of the tree by its relative path. The writer
 * builds the new tree in a staging folder beside the target and swaps it in
 * on commit, so that a failed or interrupted export leaves the previous one
 * intact. A file whose bytes are those of the previous export is hard-linked
 * from it rather than written again, so its mtime stays; a page whose
 * fingerprint (a hash of everything it is made from) is the one recorded
 * last time need not even be rendered: mh_export_writer_reuse() links it.
 * Files of the previous export that are not added again are gone after the
 * swap. With a zip path, the same tree is also written as a zip archive,
 * less the export's own bookkeeping files (those whose name starts with a
 * dot).
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _MhExportWriter MhExportWriter;

typedef struct
{
  guint   written;     /* new or changed files */
  guint   unchanged;   /* files kept from the previous export */
  guint   removed;     /* files of the previous export no longer there */
  gdouble seconds;
} MhExportStats;

MhExportWriter *mh_export_writer_new      (const char      *target_dir,
                                           const char      *zip_path,
                                           GError         **error);
gboolean        mh_export_writer_reuse    (MhExportWriter  *writer,
                                           const char      *relpath,
                                           const char      *fingerprint);
gboolean        mh_export_writer_can_reuse (MhExportWriter *writer,
                                           const char      *relpath,
                                           const char      *fingerprint);
gboolean        mh_export_writer_keep     (MhExportWriter  *writer,
                                           const char      *relpath,
                                           const char      *fingerprint);
gboolean        mh_export_writer_add      (MhExportWriter  *writer,
                                           const char      *relpath,
                                           const char      *fingerprint,
                                           const void      *data,
                                           gsize            len,
                                           GError         **error);
gboolean        mh_export_writer_add_bytes (MhExportWriter *writer,
                                           const char      *relpath,
                                           const char      *fingerprint,
                                           GBytes          *bytes,
                                           GError         **error);
GBytes         *mh_export_writer_read_previous (MhExportWriter *writer,
                                           const char      *relpath);
gboolean        mh_export_writer_commit   (MhExportWriter  *writer,
                                           MhExportStats   *stats,
                                           GError         **error);
void            mh_export_writer_free     (MhExportWriter  *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MhExportWriter, mh_export_writer_free)

G_END_DECLS
