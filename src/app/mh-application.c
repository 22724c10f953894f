/* mh-application.c
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mh-application"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mh-application.h"
#include "mh-demo.h"
#include "mh-window-private.h"
#include "mh-window.h"

struct _MhApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (MhApplication, mh_application, ADW_TYPE_APPLICATION)

static MhWindow *
find_window (MhApplication *self,
             const char    *path)
{
  const GList *l;

  g_assert (MH_IS_APPLICATION (self));

  for (l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (MH_IS_WINDOW (l->data) &&
          g_strcmp0 (mh_window_get_path (l->data), path) == 0)
        return l->data;
    }

  return NULL;
}

static gboolean
ensure_demo_site (const char  *path,
                  GError     **error)
{
  g_autofree char *folder = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  folder = g_path_get_dirname (path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   /* Translators: %s is a folder, then the system's reason */
                   _("Could not create the folder “%s” for the demo site: %s"),
                   folder, g_strerror (errsv));
      return FALSE;
    }

  return mh_demo_create (path, FALSE, error);
}

static void
open_with_error (MhApplication *self,
                 const char    *path,
                 const GError  *error)
{
  MhWindow *window;

  window = mh_window_new (self, path);
  _mh_window_show_error (window, error);
  gtk_window_present (GTK_WINDOW (window));
}

static void
mh_application_actions_quit_cb (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  MhApplication *self = user_data;
  g_autoptr(GList) windows = NULL;
  const GList *l;

  g_assert (MH_IS_APPLICATION (self));

  /* Close rather than destroy, so each window saves its size on the way out;
   * the application quits when the last one is gone. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
mh_application_actions_about_cb (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  MhApplication *self = user_data;
  static const char *developers[] = { "The Masthead developers", NULL };

  g_assert (MH_IS_APPLICATION (self));

  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "application-name", _("Masthead"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments",
                         _("Edit the content of an arts and culture portal"),
                         "developer-name", _("The Masthead developers"),
                         "developers", developers,
                         "copyright", "© 2026 The Masthead developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", mh_application_actions_quit_cb, NULL, NULL, NULL, { 0, 0, 0 } },
  { "about", mh_application_actions_about_cb, NULL, NULL, NULL, { 0, 0, 0 } },
};

static void
mh_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (mh_application_parent_class)->startup (app);

  g_set_application_name (_("Masthead"));
  gtk_window_set_default_icon_name (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
mh_application_activate (GApplication *app)
{
  MhApplication *self = MH_APPLICATION (app);
  g_autofree char *path = mh_application_dup_demo_path ();
  g_autoptr(GError) error = NULL;

  if (find_window (self, path) == NULL && !ensure_demo_site (path, &error))
    {
      open_with_error (self, path, error);
      return;
    }

  mh_application_open_path (self, path);
}

static void
mh_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  MhApplication *self = MH_APPLICATION (app);
  int i;

  for (i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path == NULL)
        {
          g_autofree char *uri = g_file_get_uri (files[i]);
          g_autoptr(GError) error = NULL;

          g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       /* Translators: %s is a web address or other non-local location */
                       _("“%s” is not a file on this computer. "
                         "Copy the site file to a local folder and open it from there."),
                       uri);
          open_with_error (self, uri, error);
          continue;
        }

      mh_application_open_path (self, path);
    }
}

static void
mh_application_class_init (MhApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = mh_application_startup;
  app_class->activate = mh_application_activate;
  app_class->open = mh_application_open;
}

static void
mh_application_init (MhApplication *self)
{
}

/**
 * mh_application_new:
 *
 * Creates the application. Its resource base path is fixed to
 * `RESOURCE_BASE` so that a development build (whose application id ends in
 * `.Devel`) still finds `style.css` and `gtk/help-overlay.ui`.
 *
 * Returns: (transfer full): a new #MhApplication
 */
MhApplication *
mh_application_new (void)
{
  return g_object_new (MH_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

/**
 * mh_application_dup_demo_path:
 *
 * Where the demo site lives: `demo.masthead` in a `masthead` folder under
 * the user's data folder.
 *
 * Returns: (transfer full): a file path
 */
char *
mh_application_dup_demo_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "masthead", "demo.masthead", NULL);
}

/**
 * mh_application_open_path:
 * @self: a #MhApplication
 * @path: a site file
 *
 * Presents the window showing @path, opening a new one when no window
 * shows that file yet. Problems opening the file are shown in the window.
 */
void
mh_application_open_path (MhApplication *self,
                          const char    *path)
{
  g_autofree char *canonical = NULL;
  MhWindow *window;

  g_return_if_fail (MH_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  canonical = g_canonicalize_filename (path, NULL);
  window = find_window (self, canonical);
  if (window == NULL)
    window = mh_window_new (self, canonical);

  gtk_window_present (GTK_WINDOW (window));
}
