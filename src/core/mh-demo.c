/* mh-demo.c: the demo site, built from resources/demo/demo-site.json
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mh-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "mh-demo.h"
#include "mh-site-json.h"
#include "mh-store-private.h"

#define DEMO_RESOURCE RESOURCE_BASE "/demo/demo-site.json"

/**
 * mh_demo_get_json:
 *
 * Returns: (transfer full): the demo site as a site-json document
 */
GBytes *
mh_demo_get_json (void)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  _mh_core_register_resources ();
  bytes = g_resources_lookup_data (DEMO_RESOURCE, 0, &error);

  if (bytes == NULL)
    g_error ("The demo site is missing from this build: %s", error->message);
  return bytes;
}

static void
remove_with_siblings (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

/**
 * mh_demo_create:
 * @path: where to write the demo site
 * @force: whether to replace an existing file
 * @error: return location for an error
 *
 * Builds the demo site in a temporary file beside @path by importing the
 * demo's site-json, then moves it into place, so that a failure never
 * leaves half a site (nor harms an existing file).
 *
 * Returns: %TRUE on success
 */
gboolean
mh_demo_create (const char  *path,
                gboolean     force,
                GError     **error)
{
  g_autoptr(GBytes) json = NULL;
  g_autoptr(MhStore) store = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  name = g_filename_display_basename (path);
  if (!force && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, MH_STORE_ERROR, MH_STORE_ERROR_EXISTS,
                   _("“%s” already exists. Use another name, or --force to replace it."),
                   name);
      return FALSE;
    }

  tmp = g_strdup_printf ("%s.demo-%08x", path, g_random_int ());
  store = mh_store_create (tmp, error);
  if (store == NULL)
    return FALSE;

  json = mh_demo_get_json ();
  if (!mh_site_json_import_bytes (store, json, "demo-site.json", NULL, error))
    {
      g_clear_object (&store);
      remove_with_siblings (tmp);
      return FALSE;
    }
  g_clear_object (&store);

  if (force)
    remove_with_siblings (path);
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      remove_with_siblings (tmp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write “%s”: %s"), name, g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}
