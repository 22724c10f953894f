/* mh-store-assets.c: files kept inside the site file
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An asset is a named file (a report's PDF, a cover image, a partner's logo)
 * whose bytes live in the blobs table, once per content hash. Its name
 * becomes a file name in the export, so names are derived from the file's
 * name the way slugs are ("Annual Report 2024.PDF" gives
 * "annual-report-2024.pdf"), and made unique with "-2", "-3"… Adding the
 * same bytes under the same name again changes nothing and gives the name
 * that is there.
 */

#define G_LOG_DOMAIN "mh-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "mh-entry-private.h"
#include "mh-slug.h"
#include "mh-store-assets.h"
#include "mh-store-private.h"

#define MAX_EXTENSION_LENGTH 10
#define MAX_CANDIDATES 10000

/* The extension of @base ("PDF" of "Report.PDF"), or NULL when it has none
 * that a file name would keep: letters and digits only, not the whole name. */
static const char *
extension_of (const char *base)
{
  const char *dot = strrchr (base, '.');
  gsize len;

  if (dot == NULL || dot == base)
    return NULL;

  len = strlen (dot + 1);
  if (len == 0 || len > MAX_EXTENSION_LENGTH)
    return NULL;
  for (const char *p = dot + 1; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return NULL;
  return dot + 1;
}

/**
 * mh_asset_name_for_file:
 * @file_name: a file's name or path, in UTF-8
 *
 * Derives an asset name from a file name: the name without its folder, the
 * part before the extension made into a slug, the extension in lower case.
 *
 * Returns: (transfer full): a valid asset name such as "annual-report.pdf"
 */
char *
mh_asset_name_for_file (const char *file_name)
{
  g_autofree char *base = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *lower = NULL;
  const char *ext;

  g_return_val_if_fail (file_name != NULL, NULL);

  base = g_path_get_basename (file_name);
  ext = extension_of (base);
  stem = ext != NULL ? g_strndup (base, ext - 1 - base) : g_strdup (base);
  slug = mh_slugify (stem);

  if (ext == NULL)
    return g_steal_pointer (&slug);

  lower = g_ascii_strdown (ext, -1);
  return g_strconcat (slug, ".", lower, NULL);
}

/* "name.pdf", "name-2.pdf", "name-3.pdf"… */
static char *
candidate_name (const char *name,
                guint       n)
{
  const char *ext;

  if (n == 1)
    return g_strdup (name);

  ext = extension_of (name);
  if (ext == NULL)
    return g_strdup_printf ("%s-%u", name, n);
  return g_strdup_printf ("%.*s-%u.%s", (int) (ext - 1 - name), name, n, ext);
}

static char *
display_file_name (const char *file_name)
{
  g_autofree char *base = g_path_get_basename (file_name);

  return g_utf8_make_valid (base, -1);
}

static gboolean
check_size (const char  *file_name,
            goffset      size,
            GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *have = NULL;
  g_autofree char *limit = NULL;

  if (size > 0 && size <= MH_ASSET_MAX_SIZE)
    return TRUE;

  name = display_file_name (file_name);
  if (size == 0)
    {
      g_set_error (error, MH_STORE_ERROR, MH_STORE_ERROR_INVALID,
                   _("“%s” is empty: there is nothing in it to add to the site."), name);
      return FALSE;
    }

  have = g_format_size (size);
  limit = g_format_size (MH_ASSET_MAX_SIZE);
  g_set_error (error, MH_STORE_ERROR, MH_STORE_ERROR_INVALID,
               /* Translators: “report.pdf” is 300 MB; a site keeps files of up to 250 MB. */
               _("“%s” is %s; a site keeps files of up to %s. Link to a copy on the web instead."),
               name, have, limit);
  return FALSE;
}

/* The formats a culture site publishes, known without the system's MIME
 * database so that a file gets the same type on every machine. */
static const struct
{
  const char *extension;
  const char *media_type;
} known_types[] = {
  { "avif", "image/avif" }, { "csv", "text/csv" },
  { "doc", "application/msword" },
  { "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
  { "epub", "application/epub+zip" }, { "gif", "image/gif" }, { "ics", "text/calendar" },
  { "jpeg", "image/jpeg" }, { "jpg", "image/jpeg" }, { "json", "application/json" },
  { "m4a", "audio/mp4" }, { "mp3", "audio/mpeg" }, { "mp4", "video/mp4" },
  { "odp", "application/vnd.oasis.opendocument.presentation" },
  { "ods", "application/vnd.oasis.opendocument.spreadsheet" },
  { "odt", "application/vnd.oasis.opendocument.text" },
  { "ogg", "audio/ogg" }, { "pdf", "application/pdf" }, { "png", "image/png" },
  { "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
  { "svg", "image/svg+xml" }, { "txt", "text/plain" }, { "webm", "video/webm" },
  { "webp", "image/webp" },
  { "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  { "zip", "application/zip" },
};

static char *
guess_media_type (const char *file_name,
                  GBytes     *data)
{
  g_autofree char *base = g_path_get_basename (file_name);
  g_autofree char *content_type = NULL;
  g_autofree char *mime = NULL;
  const char *ext = extension_of (base);
  gsize size;
  gconstpointer bytes = g_bytes_get_data (data, &size);

  for (guint i = 0; ext != NULL && i < G_N_ELEMENTS (known_types); i++)
    if (g_ascii_strcasecmp (ext, known_types[i].extension) == 0)
      return g_strdup (known_types[i].media_type);

  content_type = g_content_type_guess (base, bytes, MIN (size, 4096), NULL);
  if (content_type != NULL)
    mime = g_content_type_get_mime_type (content_type);
  if (mime == NULL || strchr (mime, '/') == NULL)
    return g_strdup ("application/octet-stream");
  return g_steal_pointer (&mime);
}

/**
 * mh_asset_load_file:
 * @file: a file to add to a site
 * @file_name: (out) (optional) (transfer full): its display name
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Reads a file for mh_store_add_asset(), refusing folders, empty files and
 * files larger than %MH_ASSET_MAX_SIZE before reading them. Touches no
 * store, so it may run in any thread.
 *
 * Returns: (transfer full): the file's bytes, or %NULL
 */
GBytes *
mh_asset_load_file (GFile         *file,
                    char         **file_name,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *name;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  name = g_file_info_get_display_name (info);
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("“%s” is a folder: choose a file in it instead."), name);
      return NULL;
    }
  if (!check_size (name, g_file_info_get_size (info), error))
    return NULL;

  bytes = g_file_load_bytes (file, cancellable, NULL, error);
  /* The file may have grown or shrunk since. */
  if (bytes == NULL || !check_size (name, g_bytes_get_size (bytes), error))
    return NULL;

  if (file_name != NULL)
    *file_name = g_strdup (name);
  return g_steal_pointer (&bytes);
}

/* The content hash of the asset named @name, or NULL when there is none. */
static char *
asset_sha256 (MhStore    *self,
              const char *name,
              GError    **error)
{
  sqlite3_stmt *stmt;
  char *sha256 = NULL;
  int rc;

  stmt = _mh_store_prepare (self, "SELECT sha256 FROM assets WHERE name = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    sha256 = g_strdup (_mh_stmt_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    _mh_store_set_error (self, error, "read the site’s files");
  sqlite3_reset (stmt);
  return sha256;
}

static char *
add_asset (MhStore     *self,
           const char  *file_name,
           GBytes      *data,
           const char  *media_type,
           GError     **error)
{
  g_autofree char *sha256 = NULL;
  g_autofree char *base = NULL;
  g_autofree char *guessed = NULL;
  sqlite3_stmt *stmt;
  gsize size;
  gconstpointer bytes = g_bytes_get_data (data, &size);

  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
  base = mh_asset_name_for_file (file_name);
  if (media_type == NULL)
    media_type = guessed = guess_media_type (file_name, data);

  for (guint n = 1; n <= MAX_CANDIDATES; n++)
    {
      g_autofree char *name = candidate_name (base, n);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *existing = asset_sha256 (self, name, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (existing != NULL)
        {
          /* The same file added again: nothing to change. */
          if (g_str_equal (existing, sha256))
            return g_steal_pointer (&name);
          continue;
        }

      stmt = _mh_store_prepare (self, "INSERT OR IGNORE INTO blobs (sha256, data) VALUES (?1, ?2)",
                                error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
      sqlite3_bind_blob64 (stmt, 2, bytes, size, SQLITE_STATIC);
      if (!_mh_store_step_done (self, stmt, error))
        return NULL;
      sqlite3_clear_bindings (stmt);

      stmt = _mh_store_prepare (self,
                                "INSERT INTO assets (name, media_type, sha256, size) "
                                "VALUES (?1, ?2, ?3, ?4)",
                                error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, media_type, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, sha256, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, size);
      if (!_mh_store_step_done (self, stmt, error))
        return NULL;

      _mh_store_emit_changed (self);
      return g_steal_pointer (&name);
    }

  g_set_error (error, MH_STORE_ERROR, MH_STORE_ERROR_EXISTS,
               _("The site has too many files named like “%s”: rename the file and add it again."),
               base);
  return NULL;
}

/**
 * mh_store_add_asset:
 * @self: a store
 * @file_name: the file's name (or path), in UTF-8; the asset's name is
 *   derived from it with mh_asset_name_for_file()
 * @data: the file's bytes
 * @media_type: (nullable): its media type, or %NULL to guess it from the
 *   name and the bytes
 * @error: return location for an error
 *
 * Stores a file in the site. When an asset of the derived name exists with
 * other bytes, the name gets "-2", "-3"…; when it exists with the same
 * bytes, nothing changes. Empty files and files over %MH_ASSET_MAX_SIZE are
 * refused.
 *
 * Returns: (transfer full): the asset's name, or %NULL
 */
char *
mh_store_add_asset (MhStore     *self,
                    const char  *file_name,
                    GBytes      *data,
                    const char  *media_type,
                    GError     **error)
{
  g_autofree char *name = NULL;
  gboolean own;

  g_return_val_if_fail (MH_IS_STORE (self), NULL);
  g_return_val_if_fail (file_name != NULL, NULL);
  g_return_val_if_fail (data != NULL, NULL);

  if (!check_size (file_name, g_bytes_get_size (data), error) ||
      !_mh_store_begin_own (self, &own, error))
    return NULL;
  name = add_asset (self, file_name, data, media_type, error);
  if (!_mh_store_end_own (self, own, name != NULL, error))
    return NULL;
  return g_steal_pointer (&name);
}

/**
 * mh_store_import_asset_file:
 * @self: a store
 * @file: the file to add
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * mh_asset_load_file() then mh_store_add_asset(), in the calling thread.
 *
 * Returns: (transfer full): the asset's name, or %NULL
 */
char *
mh_store_import_asset_file (MhStore       *self,
                            GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GBytes) data = NULL;
  g_autofree char *file_name = NULL;

  g_return_val_if_fail (MH_IS_STORE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!_mh_store_check_writable (self, error))
    return NULL;
  data = mh_asset_load_file (file, &file_name, cancellable, error);
  if (data == NULL)
    return NULL;
  return mh_store_add_asset (self, file_name, data, NULL, error);
}
