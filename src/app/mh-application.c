/* mh-application.c
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mh-application"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mh-application.h"
#include "mh-demo.h"
#include "mh-preferences-window.h"
#include "mh-store.h"
#include "mh-window-private.h"
#include "mh-window.h"

/* The schema id stays the same in a development (".Devel") build. */
#define SETTINGS_SCHEMA_ID "io.github.masthead.Masthead"
#define MAX_RECENT_SITES   10
#define SITE_FILE_SUFFIX   ".masthead"

struct _MhApplication
{
  AdwApplication  parent_instance;

  /* owned references */
  GSettings      *settings;       /* NULL without the schema */
  GMenu          *recent_menu;
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

/* Without the schema (an uninstalled build) there are no recent sites. */
static GSettings *
settings_new_or_null (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA_ID, TRUE);

  if (schema == NULL ||
      !g_settings_schema_has_key (schema, "recent-sites") ||
      !g_settings_schema_has_key (schema, "last-site"))
    {
      g_debug ("Settings schema %s not installed; recent sites are not kept", SETTINGS_SCHEMA_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static char *
recent_label (const char *uri)
{
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = NULL;

  name = path != NULL ? g_filename_display_basename (path) : g_file_get_parse_name (file);
  if (g_str_has_suffix (name, SITE_FILE_SUFFIX))
    name[strlen (name) - strlen (SITE_FILE_SUFFIX)] = '\0';

  return g_steal_pointer (&name);
}

static void
update_recent_menu (MhApplication *self)
{
  g_auto(GStrv) uris = NULL;

  g_assert (MH_IS_APPLICATION (self));

  g_menu_remove_all (self->recent_menu);
  if (self->settings == NULL)
    return;

  uris = g_settings_get_strv (self->settings, "recent-sites");
  for (guint i = 0; uris[i] != NULL && i < MAX_RECENT_SITES; i++)
    {
      g_autofree char *label = recent_label (uris[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "app.recent", g_variant_new_string (uris[i]));
      g_menu_append_item (self->recent_menu, item);
    }
}

static void
on_settings_recent_sites_changed_cb (MhApplication *self,
                                     const char    *key,
                                     GSettings     *settings)
{
  update_recent_menu (self);
}

/* The site at @path opened: it goes first in the recent sites, and is the
 * one to open next time. */
static void
note_recent_site (MhApplication *self,
                  const char    *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) uris = NULL;
  guint n = 1;

  if (self->settings == NULL || uri == NULL)
    return;

  old = g_settings_get_strv (self->settings, "recent-sites");
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, uri);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT_SITES; i++)
    {
      if (g_str_equal (old[i], uri))
        continue;
      g_strv_builder_add (builder, old[i]);
      n++;
    }
  uris = g_strv_builder_end (builder);

  g_settings_set_strv (self->settings, "recent-sites", (const char * const *) uris);
  g_settings_set_string (self->settings, "last-site", uri);
}

/* The site to open when Masthead starts without a file: the last one, or
 * the demo site when that is gone. */
static char *
dup_start_path (MhApplication *self)
{
  g_autofree char *uri = NULL;
  g_autofree char *path = NULL;

  if (self->settings != NULL)
    uri = g_settings_get_string (self->settings, "last-site");
  if (uri != NULL && uri[0] != '\0')
    path = g_filename_from_uri (uri, NULL, NULL);

  if (path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&path);

  return NULL;
}

static void
mh_application_actions_recent_cb (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  MhApplication *self = user_data;
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  g_assert (MH_IS_APPLICATION (self));

  g_application_open (G_APPLICATION (self), &file, 1, "");
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

static void
mh_application_actions_preferences_cb (GSimpleAction *action,
                                       GVariant      *parameter,
                                       gpointer       user_data)
{
  MhApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  g_assert (MH_IS_APPLICATION (self));

  if (self->settings != NULL)
    gtk_window_present (GTK_WINDOW (mh_preferences_window_new (parent, self->settings)));
}

static const GActionEntry app_actions[] = {
  { "preferences", mh_application_actions_preferences_cb, NULL, NULL, NULL, { 0, 0, 0 } },
  { "quit", mh_application_actions_quit_cb, NULL, NULL, NULL, { 0, 0, 0 } },
  { "about", mh_application_actions_about_cb, NULL, NULL, NULL, { 0, 0, 0 } },
  { "recent", mh_application_actions_recent_cb, "s", NULL, NULL, { 0, 0, 0 } },
};

static void
mh_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  MhApplication *self = MH_APPLICATION (app);

  G_APPLICATION_CLASS (mh_application_parent_class)->startup (app);

  g_set_application_name (_("Masthead"));
  gtk_window_set_default_icon_name (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         preferences_accels);

  self->settings = settings_new_or_null ();
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::recent-sites",
                             G_CALLBACK (on_settings_recent_sites_changed_cb), self,
                             G_CONNECT_SWAPPED);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (app),
                                                                            "preferences")),
                               self->settings != NULL);
  update_recent_menu (self);
}

static void
mh_application_activate (GApplication *app)
{
  MhApplication *self = MH_APPLICATION (app);
  g_autofree char *path = dup_start_path (self);
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    path = mh_application_dup_demo_path ();
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
mh_application_dispose (GObject *object)
{
  MhApplication *self = MH_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->recent_menu);

  G_OBJECT_CLASS (mh_application_parent_class)->dispose (object);
}

static void
mh_application_class_init (MhApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = mh_application_dispose;

  app_class->startup = mh_application_startup;
  app_class->activate = mh_application_activate;
  app_class->open = mh_application_open;
}

static void
mh_application_init (MhApplication *self)
{
  self->recent_menu = g_menu_new ();
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

  if (mh_window_get_store (window) != NULL)
    note_recent_site (self, canonical);

  gtk_window_present (GTK_WINDOW (window));
}

/**
 * mh_application_create_site:
 * @self: a #MhApplication
 * @path: where to create the site file; it must not exist
 * @error: return location for an error
 *
 * Creates an empty site at @path, titled after the file name ("Arts
 * Portal.masthead" makes "Arts Portal"), and opens it in a new window.
 *
 * Returns: %TRUE on success
 */
gboolean
mh_application_create_site (MhApplication  *self,
                            const char     *path,
                            GError        **error)
{
  g_autoptr(MhStore) store = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (MH_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  store = mh_store_create (path, error);
  if (store == NULL)
    return FALSE;

  title = g_filename_display_basename (path);
  if (g_str_has_suffix (title, SITE_FILE_SUFFIX) && !g_str_equal (title, SITE_FILE_SUFFIX))
    title[strlen (title) - strlen (SITE_FILE_SUFFIX)] = '\0';
  if (!mh_store_set_title (store, title, error))
    return FALSE;
  g_clear_object (&store);

  mh_application_open_path (self, path);
  return TRUE;
}

/**
 * mh_application_get_recent_menu:
 * @self: a #MhApplication
 *
 * Returns: (transfer none): the recent sites, the most recent first, as
 *   menu items that open them (app.recent)
 */
GMenuModel *
mh_application_get_recent_menu (MhApplication *self)
{
  g_return_val_if_fail (MH_IS_APPLICATION (self), NULL);

  return G_MENU_MODEL (self->recent_menu);
}
