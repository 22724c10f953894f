/* mh-export-writer.c: atomic, incremental writing of an export tree
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every file added is compared with the previous export (by fingerprint,
 * or else by its bytes). Only new and changed files are written, into a
 * staging folder beside the target; nothing in the target is touched until
 * mh_export_writer_commit(). The commit then either
 *
 *  - moves the staged files into the target and deletes the removed ones,
 *    when the change is small (an edited entry): a few renames, so that an
 *    incremental export stays well under a second on a large site; or
 *  - completes the staging tree with hard links to the unchanged files and
 *    exchanges it with the target in one renameat2(RENAME_EXCHANGE), when
 *    much changed or there was no previous export.
 *
 * An export that fails or is killed before the commit leaves the target as
 * it was; its staging folder is removed by the next export.
 * The target's `.masthead-export` file lists each file with its
 * fingerprint; a folder that is not empty and has no such file was not
 * made by Masthead and is never written to.
 */

#define G_LOG_DOMAIN "mh-export-writer"
#define _GNU_SOURCE  /* renameat2 */

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "mh-export-writer.h"

#define MANIFEST_NAME ".masthead-export"
#define STAGING_PREFIX ".masthead-staging-"
/* Zip entries get a fixed time so that the same site gives the same zip. */
#define ZIP_MTIME 946684800  /* 2000-01-01 */

typedef enum
{
  FILE_KEPT,      /* the target's copy stays */
  FILE_STAGED,    /* new bytes in the staging folder */
} FileState;

struct _MhExportWriter
{
  char            *target;
  char            *staging;
  char            *zip_path;
  char            *zip_tmp;
  struct archive  *zip;
  char            *old_manifest_text;
  GHashTable      *old_manifest;   /* relpath → fingerprint, both in old_manifest_text */
  GStringChunk    *strings;        /* the relpaths and fingerprints of the new tree */
  GHashTable      *files;          /* relpath → FileState, everything added */
  GPtrArray       *order;          /* relpaths in the order added */
  GPtrArray       *order_fingerprints;  /* their fingerprints, “-” for none */
  int              target_fd;      /* the previous export's folder, or -1 */
  gint64           started;
  gboolean         target_exists;
  gboolean         committed;
  MhExportStats    stats;
};

static void
rm_rf (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        rm_rf (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static gboolean
set_io_error (GError     **error,
              int          saved_errno,
              const char  *format,
              const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), format, name,
               g_strerror (saved_errno));
  return FALSE;
}

/* A path inside the tree: relative, no empty, “.” or “..” segments. */
static gboolean
check_relpath (const char  *relpath,
               GError     **error)
{
  g_auto(GStrv) parts = NULL;

  if (relpath == NULL || *relpath == '\0' || *relpath == '/' ||
      !g_utf8_validate (relpath, -1, NULL) || strchr (relpath, '\\') != NULL)
    goto bad;

  parts = g_strsplit (relpath, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] == '\0' || g_str_equal (parts[i], ".") || g_str_equal (parts[i], ".."))
      goto bad;
  return TRUE;

bad:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
               _("“%s” is not a valid path inside an export"), relpath ? relpath : "");
  return FALSE;
}

static gboolean
make_parents (const char  *path,
              GError     **error)
{
  g_autofree char *parent = g_path_get_dirname (path);

  if (g_mkdir_with_parents (parent, 0755) != 0)
    return set_io_error (error, errno, _("Could not create the folder “%s”: %s"), parent);
  return TRUE;
}

/* The previous export's manifest: “FINGERPRINT\tPATH” lines, read in
 * place: the table points into @text, which the caller frees after it. */
static GHashTable *
read_manifest (const char  *target,
               char       **text)
{
  GHashTable *manifest = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *path = g_build_filename (target, MANIFEST_NAME, NULL);
  gsize len = 0;
  char *line, *end;

  *text = NULL;
  if (!g_file_get_contents (path, text, &len, NULL))
    return manifest;

  end = *text + len;
  for (line = *text; line < end; )
    {
      char *eol = memchr (line, '\n', end - line);
      char *tab;

      if (eol == NULL)
        eol = end;  /* the NUL that g_file_get_contents() adds */
      *eol = '\0';
      tab = strchr (line, '\t');
      if (tab != NULL && tab[1] != '\0')
        {
          *tab = '\0';
          g_hash_table_insert (manifest, tab + 1, line);
        }
      line = eol + 1;
    }
  return manifest;
}

static gboolean
folder_is_empty (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);

  return dir != NULL && g_dir_read_name (dir) == NULL;
}

/* Staging folders of exports that were killed are cleared away. */
static void
remove_stale_staging (const char *parent)
{
  g_autoptr(GDir) dir = g_dir_open (parent, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = NULL;

      if (!g_str_has_prefix (name, STAGING_PREFIX))
        continue;
      child = g_build_filename (parent, name, NULL);
      rm_rf (child);
    }
}

static gboolean
check_target (MhExportWriter  *self,
              GError         **error)
{
  g_autofree char *manifest = g_build_filename (self->target, MANIFEST_NAME, NULL);
  g_autofree char *name = g_filename_display_name (self->target);

  if (!g_file_test (self->target, G_FILE_TEST_EXISTS))
    return TRUE;

  if (!g_file_test (self->target, G_FILE_TEST_IS_DIR) ||
      g_file_test (self->target, G_FILE_TEST_IS_SYMLINK))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                   _("“%s” exists and is not a folder. Choose a folder for the export."), name);
      return FALSE;
    }

  if (!g_file_test (manifest, G_FILE_TEST_EXISTS) && !folder_is_empty (self->target))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” is not empty and was not made by a Masthead export, so it is left "
                     "alone. Choose an empty folder or a new name."), name);
      return FALSE;
    }

  self->target_exists = TRUE;
  return TRUE;
}

static gboolean
open_zip (MhExportWriter  *self,
          GError         **error)
{
  int fd;

  self->zip_tmp = g_strconcat (self->zip_path, ".partial-XXXXXX", NULL);
  fd = g_mkstemp (self->zip_tmp);
  if (fd < 0)
    return set_io_error (error, errno, _("Could not create “%s”: %s"), self->zip_tmp);

  self->zip = archive_write_new ();
  if (archive_write_set_format_zip (self->zip) != ARCHIVE_OK ||
      archive_write_open_fd (self->zip, fd) != ARCHIVE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the zip file: %s"),
                   archive_error_string (self->zip));
      close (fd);
      return FALSE;
    }
  return TRUE;
}

static gboolean
zip_add (MhExportWriter  *self,
         const char      *relpath,
         const void      *data,
         gsize            len,
         GError         **error)
{
  struct archive_entry *entry;
  gboolean ok;

  /* The export's own bookkeeping files stay out of the zip. */
  if (self->zip == NULL || *relpath == '.')
    return TRUE;

  entry = archive_entry_new ();
  archive_entry_set_pathname_utf8 (entry, relpath);
  archive_entry_set_size (entry, len);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_mtime (entry, ZIP_MTIME, 0);
  ok = archive_write_header (self->zip, entry) == ARCHIVE_OK &&
       (len == 0 || archive_write_data (self->zip, data, len) == (la_ssize_t) len);
  archive_entry_free (entry);

  if (!ok)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s” to the zip file: %s"),
                 relpath, archive_error_string (self->zip));
  return ok;
}

/**
 * mh_export_writer_new:
 * @target_dir: the folder the export ends up in; it need not exist
 * @zip_path: (nullable): also write the tree as this zip file
 * @error: return location for an error
 *
 * Starts an export. A @target_dir that exists must be empty or hold an
 * earlier Masthead export.
 *
 * Returns: (transfer full): the writer, or %NULL
 */
MhExportWriter *
mh_export_writer_new (const char  *target_dir,
                      const char  *zip_path,
                      GError     **error)
{
  g_autoptr(MhExportWriter) self = g_new0 (MhExportWriter, 1);
  g_autofree char *parent = NULL;
  g_autofree char *template = NULL;

  g_return_val_if_fail (target_dir != NULL, NULL);

  self->started = g_get_monotonic_time ();
  self->target = g_canonicalize_filename (target_dir, NULL);
  self->strings = g_string_chunk_new (1 << 16);
  self->files = g_hash_table_new (g_str_hash, g_str_equal);
  self->order = g_ptr_array_new ();
  self->order_fingerprints = g_ptr_array_new ();

  self->target_fd = -1;
  if (!check_target (self, error))
    return NULL;
  self->old_manifest = read_manifest (self->target, &self->old_manifest_text);
  if (self->target_exists)
    self->target_fd = open (self->target, O_PATH | O_DIRECTORY | O_CLOEXEC);

  parent = g_path_get_dirname (self->target);
  if (g_mkdir_with_parents (parent, 0755) != 0)
    {
      set_io_error (error, errno, _("Could not create the folder “%s”: %s"), parent);
      return NULL;
    }
  remove_stale_staging (parent);
  template = g_build_filename (parent, STAGING_PREFIX "XXXXXX", NULL);
  if (g_mkdtemp_full (template, 0755) == NULL)
    {
      set_io_error (error, errno, _("Could not create a folder beside “%s”: %s"), self->target);
      return NULL;
    }
  self->staging = g_steal_pointer (&template);

  if (zip_path != NULL)
    {
      self->zip_path = g_canonicalize_filename (zip_path, NULL);
      if (!open_zip (self, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

static void
remember (MhExportWriter *self,
          const char     *relpath,
          const char     *fingerprint,
          FileState       state)
{
  char *key = g_string_chunk_insert (self->strings, relpath);

  g_hash_table_replace (self->files, key, GINT_TO_POINTER (state));
  g_ptr_array_add (self->order, key);
  g_ptr_array_add (self->order_fingerprints,
                   g_string_chunk_insert (self->strings, fingerprint ? fingerprint : "-"));
  if (state == FILE_KEPT)
    self->stats.unchanged++;
  else
    self->stats.written++;
}

static gboolean
zip_add_target_file (MhExportWriter  *self,
                     const char      *relpath,
                     GError         **error)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (self->zip == NULL)
    return TRUE;

  path = g_build_filename (self->target, relpath, NULL);
  if (!g_file_get_contents (path, &contents, &len, error))
    return FALSE;
  return zip_add (self, relpath, contents, len, error);
}

/**
 * mh_export_writer_can_reuse:
 * @writer: a writer
 * @relpath: a path in the tree, such as `reports/x/index.html`
 * @fingerprint: (nullable): a hash of everything the file is made from
 *
 * Whether the previous export has @relpath, made from the same
 * @fingerprint, as a regular file. Only reads the previous manifest and the
 * target folder, so it may be called from several threads at once, as long
 * as none of them adds, keeps or commits meanwhile; keep the file with
 * mh_export_writer_keep() afterwards.
 *
 * Returns: %TRUE when the previous export's file can stay
 */
gboolean
mh_export_writer_can_reuse (MhExportWriter *writer,
                            const char     *relpath,
                            const char     *fingerprint)
{
  const char *old;
  struct stat st;

  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (relpath != NULL, FALSE);

  old = g_hash_table_lookup (writer->old_manifest, relpath);
  if (fingerprint == NULL || old == NULL || !g_str_equal (old, fingerprint) ||
      writer->target_fd < 0)
    return FALSE;

  /* Relative to the target folder: the kernel walks a few folders rather
   * than the whole path, which counts with 15,000 files. */
  return fstatat (writer->target_fd, relpath, &st, 0) == 0 && S_ISREG (st.st_mode);
}

/**
 * mh_export_writer_keep:
 * @writer: a writer
 * @relpath: a path for which mh_export_writer_can_reuse() returned %TRUE
 * @fingerprint: the fingerprint it was given
 *
 * Keeps the previous export's file, without looking at it again.
 *
 * Returns: %TRUE when the file was kept; %FALSE when the caller must make
 *   it and add it after all
 */
gboolean
mh_export_writer_keep (MhExportWriter *writer,
                       const char     *relpath,
                       const char     *fingerprint)
{
  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (!writer->committed, FALSE);

  if (g_hash_table_contains (writer->files, relpath) ||
      !zip_add_target_file (writer, relpath, NULL))
    return FALSE;

  remember (writer, relpath, fingerprint, FILE_KEPT);
  return TRUE;
}

/**
 * mh_export_writer_reuse:
 * @writer: a writer
 * @relpath: a path in the tree, such as `reports/x/index.html`
 * @fingerprint: a hash of everything the file is made from
 *
 * Keeps the previous export's file when its fingerprint is the same, so
 * that it need not be made again: mh_export_writer_can_reuse(), then
 * mh_export_writer_keep().
 *
 * Returns: %TRUE when the file was kept; %FALSE when the caller must make
 *   it and add it
 */
gboolean
mh_export_writer_reuse (MhExportWriter *writer,
                        const char     *relpath,
                        const char     *fingerprint)
{
  g_return_val_if_fail (writer != NULL, FALSE);

  return !g_hash_table_contains (writer->files, relpath) &&
         mh_export_writer_can_reuse (writer, relpath, fingerprint) &&
         mh_export_writer_keep (writer, relpath, fingerprint);
}

/**
 * mh_export_writer_read_previous:
 * @writer: a writer
 * @relpath: a path in the tree
 *
 * Returns: (transfer full) (nullable): the bytes of @relpath in the previous
 *   export, or %NULL when there is none
 */
GBytes *
mh_export_writer_read_previous (MhExportWriter *writer,
                                const char     *relpath)
{
  g_autofree char *path = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_return_val_if_fail (writer != NULL, NULL);

  if (!writer->target_exists || !check_relpath (relpath, NULL))
    return NULL;
  path = g_build_filename (writer->target, relpath, NULL);
  if (!g_file_get_contents (path, &contents, &len, NULL))
    return NULL;
  return g_bytes_new_take (contents, len);
}

static gboolean
same_as_target (MhExportWriter *self,
                const char     *relpath,
                const void     *data,
                gsize           len)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize old_len = 0;
  GStatBuf st;

  if (!self->target_exists)
    return FALSE;
  path = g_build_filename (self->target, relpath, NULL);
  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode) || (gsize) st.st_size != len)
    return FALSE;
  return g_file_get_contents (path, &contents, &old_len, NULL) &&
         old_len == len && memcmp (contents, data, len) == 0;
}

static gboolean
write_file (const char  *path,
            const void  *data,
            gsize        len,
            GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  const char *p = data;

  if (fd < 0)
    return set_io_error (error, errno, _("Could not write “%s”: %s"), path);

  while (len > 0)
    {
      gssize n = write (fd, p, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved = errno;

          close (fd);
          return set_io_error (error, saved, _("Could not write “%s”: %s"), path);
        }
      p += n;
      len -= n;
    }

  if (close (fd) != 0)
    return set_io_error (error, errno, _("Could not write “%s”: %s"), path);
  return TRUE;
}

/**
 * mh_export_writer_add:
 * @writer: a writer
 * @relpath: a path in the tree, such as `reports/x/index.html`
 * @fingerprint: (nullable): what mh_export_writer_reuse() compares next time
 * @data: (array length=len): the file's bytes
 * @len: their length
 * @error: return location for an error
 *
 * Adds a file. Bytes equal to the previous export's keep that file (and
 * its mtime).
 *
 * Returns: %TRUE on success
 */
gboolean
mh_export_writer_add (MhExportWriter  *writer,
                      const char      *relpath,
                      const char      *fingerprint,
                      const void      *data,
                      gsize            len,
                      GError         **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (!writer->committed, FALSE);

  if (!check_relpath (relpath, error))
    return FALSE;
  if (g_hash_table_contains (writer->files, relpath) || g_str_equal (relpath, MANIFEST_NAME))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("Two files of the export would be “%s”"), relpath);
      return FALSE;
    }

  if (!zip_add (writer, relpath, data, len, error))
    return FALSE;

  if (same_as_target (writer, relpath, data, len))
    {
      remember (writer, relpath, fingerprint, FILE_KEPT);
      return TRUE;
    }

  path = g_build_filename (writer->staging, relpath, NULL);
  if (!make_parents (path, error) || !write_file (path, data, len, error))
    return FALSE;

  remember (writer, relpath, fingerprint, FILE_STAGED);
  return TRUE;
}

/**
 * mh_export_writer_add_bytes:
 * @writer: a writer
 * @relpath: a path in the tree
 * @fingerprint: (nullable): what mh_export_writer_reuse() compares next time
 * @bytes: the file's bytes
 * @error: return location for an error
 *
 * Like mh_export_writer_add().
 *
 * Returns: %TRUE on success
 */
gboolean
mh_export_writer_add_bytes (MhExportWriter  *writer,
                            const char      *relpath,
                            const char      *fingerprint,
                            GBytes          *bytes,
                            GError         **error)
{
  gsize len = 0;
  const void *data = g_bytes_get_data (bytes, &len);

  return mh_export_writer_add (writer, relpath, fingerprint, data ? data : "", len, error);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* In the order the files were added, which the exporter keeps the same
 * from one export to the next. */
static GString *
manifest_text (MhExportWriter *self)
{
  GString *text = g_string_sized_new (self->order->len * 80);

  for (guint i = 0; i < self->order->len; i++)
    {
      g_string_append (text, g_ptr_array_index (self->order_fingerprints, i));
      g_string_append_c (text, '\t');
      g_string_append (text, g_ptr_array_index (self->order, i));
      g_string_append_c (text, '\n');
    }
  return text;
}

/* Files of the previous export that this one does not have. */
static GPtrArray *
removed_files (MhExportWriter *self)
{
  GPtrArray *removed = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->old_manifest);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (self->files, key))
      g_ptr_array_add (removed, key);
  g_ptr_array_sort (removed, compare_strings);
  return removed;
}

/* Removes the folders a removed file leaves empty, up to the target. */
static void
prune_empty_parents (const char *target,
                     const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  while (strlen (dir) > strlen (target) && g_rmdir (dir) == 0)
    {
      char *up = g_path_get_dirname (dir);

      g_free (dir);
      dir = up;
    }
}

static gboolean
commit_in_place (MhExportWriter  *self,
                 GPtrArray       *removed,
                 GError         **error)
{
  for (guint i = 0; i < self->order->len; i++)
    {
      const char *relpath = g_ptr_array_index (self->order, i);
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      if (GPOINTER_TO_INT (g_hash_table_lookup (self->files, relpath)) != FILE_STAGED)
        continue;
      from = g_build_filename (self->staging, relpath, NULL);
      to = g_build_filename (self->target, relpath, NULL);
      if (!make_parents (to, error))
        return FALSE;
      if (g_rename (from, to) != 0)
        return set_io_error (error, errno, _("Could not move “%s” into place: %s"), to);
    }

  for (guint i = 0; i < removed->len; i++)
    {
      g_autofree char *path = g_build_filename (self->target, g_ptr_array_index (removed, i), NULL);

      g_unlink (path);
      prune_empty_parents (self->target, path);
    }

  rm_rf (self->staging);
  return TRUE;
}

/* Hard-links every kept file into the staging tree, which is then the
 * whole new export. */
static gboolean
complete_staging (MhExportWriter  *self,
                  GError         **error)
{
  for (guint i = 0; i < self->order->len; i++)
    {
      const char *relpath = g_ptr_array_index (self->order, i);
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      if (GPOINTER_TO_INT (g_hash_table_lookup (self->files, relpath)) != FILE_KEPT)
        continue;
      from = g_build_filename (self->target, relpath, NULL);
      to = g_build_filename (self->staging, relpath, NULL);
      if (!make_parents (to, error))
        return FALSE;
      if (link (from, to) != 0)
        return set_io_error (error, errno, _("Could not link “%s”: %s"), to);
    }
  return TRUE;
}

static gboolean
swap_in (MhExportWriter  *self,
         GError         **error)
{
  if (!self->target_exists)
    {
      if (g_rename (self->staging, self->target) != 0)
        return set_io_error (error, errno, _("Could not move the export into “%s”: %s"),
                             self->target);
      return TRUE;
    }

  if (!complete_staging (self, error))
    return FALSE;
  if (renameat2 (AT_FDCWD, self->staging, AT_FDCWD, self->target, RENAME_EXCHANGE) != 0)
    return set_io_error (error, errno, _("Could not swap the export into “%s”: %s"),
                         self->target);

  /* The staging path now holds the previous export. */
  rm_rf (self->staging);
  return TRUE;
}

static gboolean
finish_zip (MhExportWriter  *self,
            GError         **error)
{
  if (self->zip == NULL)
    return TRUE;

  if (archive_write_close (self->zip) != ARCHIVE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the zip file: %s"),
                   archive_error_string (self->zip));
      return FALSE;
    }
  archive_write_free (self->zip);
  self->zip = NULL;

  if (g_rename (self->zip_tmp, self->zip_path) != 0)
    return set_io_error (error, errno, _("Could not write “%s”: %s"), self->zip_path);
  g_clear_pointer (&self->zip_tmp, g_free);
  return TRUE;
}

/**
 * mh_export_writer_commit:
 * @writer: a writer
 * @stats: (out) (optional): what the export did
 * @error: return location for an error
 *
 * Puts the new tree in place of the previous one, and the zip file beside
 * it when one was asked for.
 *
 * Returns: %TRUE on success
 */
gboolean
mh_export_writer_commit (MhExportWriter  *writer,
                         MhExportStats   *stats,
                         GError         **error)
{
  g_autoptr(GString) manifest = NULL;
  g_autoptr(GPtrArray) removed = NULL;
  g_autofree char *manifest_path = NULL;
  guint changes;

  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (!writer->committed, FALSE);

  manifest = manifest_text (writer);
  manifest_path = g_build_filename (writer->staging, MANIFEST_NAME, NULL);
  removed = removed_files (writer);
  writer->stats.removed = removed->len;

  if (!finish_zip (writer, error))
    return FALSE;
  if (!same_as_target (writer, MANIFEST_NAME, manifest->str, manifest->len))
    {
      if (!write_file (manifest_path, manifest->str, manifest->len, error))
        return FALSE;
      g_hash_table_replace (writer->files, (char *) MANIFEST_NAME,
                            GINT_TO_POINTER (FILE_STAGED));
      g_ptr_array_add (writer->order, MANIFEST_NAME);
      g_ptr_array_add (writer->order_fingerprints, NULL);
    }

  /* A small change moves a few files; a large one swaps the whole tree. */
  changes = writer->stats.written + writer->stats.removed;
  if (writer->target_exists && changes <= MAX (64, (writer->stats.written +
                                                    writer->stats.unchanged) / 8))
    {
      if (!commit_in_place (writer, removed, error))
        return FALSE;
    }
  else if (!swap_in (writer, error))
    return FALSE;

  writer->committed = TRUE;
  writer->stats.seconds = (g_get_monotonic_time () - writer->started) / (gdouble) G_USEC_PER_SEC;
  if (stats != NULL)
    *stats = writer->stats;
  return TRUE;
}

/**
 * mh_export_writer_free:
 * @writer: (nullable): a writer
 *
 * Frees the writer. Without a commit, the export is abandoned: the staging
 * folder and the partial zip file are removed and the target is untouched.
 */
void
mh_export_writer_free (MhExportWriter *writer)
{
  if (writer == NULL)
    return;

  if (writer->zip != NULL)
    archive_write_free (writer->zip);
  if (writer->zip_tmp != NULL)
    g_unlink (writer->zip_tmp);
  if (!writer->committed && writer->staging != NULL)
    rm_rf (writer->staging);

  if (writer->target_fd >= 0)
    close (writer->target_fd);
  g_clear_pointer (&writer->old_manifest, g_hash_table_unref);
  g_free (writer->old_manifest_text);
  g_clear_pointer (&writer->files, g_hash_table_unref);
  g_clear_pointer (&writer->order_fingerprints, g_ptr_array_unref);
  g_clear_pointer (&writer->strings, g_string_chunk_free);
  g_clear_pointer (&writer->order, g_ptr_array_unref);
  g_free (writer->target);
  g_free (writer->staging);
  g_free (writer->zip_path);
  g_free (writer->zip_tmp);
  g_free (writer);
}
