/* mh-window-actions.c: the window's actions and keyboard shortcuts
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mh-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mh-application.h"
#include "mh-entry.h"
#include "mh-export-dialog.h"
#include "mh-file-chooser.h"
#include "mh-store-entries.h"
#include "mh-store.h"
#include "mh-window-private.h"

#define SITE_FILE_SUFFIX ".masthead"

/* What a new entry of each kind is called until the editor names it. */
static const char *untitled_titles[MH_N_ENTRY_KINDS] = {
  [MH_ENTRY_KIND_REPORT] = N_("Untitled report"),
  [MH_ENTRY_KIND_EVENT] = N_("Untitled event"),
  [MH_ENTRY_KIND_ARTICLE] = N_("Untitled article"),
  [MH_ENTRY_KIND_OPEN_CALL] = N_("Untitled open call"),
  [MH_ENTRY_KIND_PAGE] = N_("Untitled page"),
};

/* Selects @id, widening the list to every entry when the current search or
 * filter hides it, and opens it in the editor. */
static void
reveal_entry (MhWindow *self,
              gint64    id)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_array_append_val (ids, id);
  if (!_mh_window_select_entry_ids (self, ids))
    {
      _mh_window_reset_query (self);
      _mh_window_select_entry_ids (self, ids);
    }
  _mh_window_open_selected (self);
}

static void
mh_window_actions_find_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  _mh_window_focus_search (MH_WINDOW (widget));
}

static void
mh_window_actions_choose_new_entry_cb (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  MhWindow *self = MH_WINDOW (widget);

  _mh_window_show_list (self);
  gtk_menu_button_popup (self->new_entry_button);
}

static void
mh_window_actions_new_entry_cb (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  MhWindow *self = MH_WINDOW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(MhEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  MhEntryKind kind;

  if (self->store == NULL ||
      !mh_entry_kind_from_string (g_variant_get_string (parameter, NULL), &kind))
    return;

  entry = mh_entry_new (kind);
  mh_entry_set_title (entry, _(untitled_titles[kind]));
  mh_entry_set_date (entry, today);

  if (!mh_store_save_entry (self->store, entry, &error))
    {
      _mh_window_show_store_error (self, error);
      return;
    }

  reveal_entry (self, mh_entry_get_id (entry));
}

static void
mh_window_actions_duplicate_cb (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  MhWindow *self = MH_WINDOW (widget);
  g_autoptr(GArray) ids = _mh_window_dup_selected_ids (self);
  g_autoptr(MhEntry) copy = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || ids->len != 1)
    return;

  /* The copy is made from the store: let the editor save first. */
  _mh_window_release_entry (self);
  copy = mh_store_duplicate_entry (self->store, g_array_index (ids, gint64, 0), &error);
  if (copy == NULL)
    {
      _mh_window_reload_selected_entry (self);
      _mh_window_show_store_error (self, error);
      return;
    }

  reveal_entry (self, mh_entry_get_id (copy));
}

/* The title of the one selected entry, for a toast, or NULL. */
static const char *
single_title (MhWindow *self,
              GArray   *ids)
{
  if (ids->len != 1 || self->selected_entry == NULL)
    return NULL;

  return mh_entry_get_title (self->selected_entry);
}

static void
mh_window_actions_delete_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  MhWindow *self = MH_WINDOW (widget);
  g_autoptr(GArray) ids = _mh_window_dup_selected_ids (self);
  g_autoptr(GBytes) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GtkBitset) selected = NULL;
  guint first;

  if (self->store == NULL || ids->len == 0)
    return;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  first = gtk_bitset_get_minimum (selected);

  if (single_title (self, ids) != NULL)
    /* Translators: a toast after deleting one entry; %s is its title */
    message = g_strdup_printf (_("Deleted “%s”"), single_title (self, ids));
  else
    /* Translators: a toast after deleting several entries */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Deleted %u entry",
                                            "Deleted %u entries", ids->len),
                               ids->len);

  _mh_window_release_entry (self);
  snapshot = mh_store_delete_entries (self->store, ids, &error);
  if (snapshot == NULL)
    {
      _mh_window_reload_selected_entry (self);
      _mh_window_show_store_error (self, error);
      return;
    }

  _mh_window_actions_set_undo (self, snapshot, ids, message);

  /* The entry after the deleted ones takes their place, so that Delete
   * can go on down the list. */
  _mh_window_select_position (self, first);
}

static void
mh_window_actions_undo_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  MhWindow *self = MH_WINDOW (widget);
  g_autoptr(GBytes) snapshot = g_steal_pointer (&self->undo_snapshot);
  g_autoptr(GArray) ids = g_steal_pointer (&self->undo_ids);
  g_autoptr(GError) error = NULL;

  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  _mh_window_actions_update (self);

  if (self->store == NULL || snapshot == NULL)
    return;

  if (!mh_store_restore_snapshot (self->store, snapshot, &error))
    {
      _mh_window_show_store_error (self, error);
      return;
    }

  if (ids != NULL)
    _mh_window_select_entry_ids (self, ids);
}

static void
mh_window_actions_set_status_cb (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  MhWindow *self = MH_WINDOW (widget);
  g_autoptr(GArray) ids = _mh_window_dup_selected_ids (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  MhEntryStatus status;

  if (self->store == NULL || ids->len == 0 ||
      !mh_entry_status_from_string (g_variant_get_string (parameter, NULL), &status))
    return;

  if (single_title (self, ids) != NULL)
    /* Translators: a toast after a status change: "“Title” is now In review" */
    message = g_strdup_printf (_("“%s” is now %s"), single_title (self, ids),
                               mh_entry_status_get_label (status));
  else
    /* Translators: a toast after a status change: "3 entries are now Published" */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry is now %s",
                                            "%u entries are now %s", ids->len),
                               ids->len, mh_entry_status_get_label (status));

  _mh_window_release_entry (self);
  if (!mh_store_set_status (self->store, ids, status, &error))
    {
      _mh_window_reload_selected_entry (self);
      _mh_window_show_store_error (self, error);
      return;
    }

  _mh_window_reload_selected_entry (self);
  _mh_window_add_toast (self, adw_toast_new (message));
}

/* Opening and creating site files */

/* The site filter first, then every file; the dialog opens beside the
 * site that is open. */
static void
choose_site (MhWindow             *self,
             GtkFileChooserAction  action,
             const char           *title,
             const char           *accept_label,
             const char           *name,
             GAsyncReadyCallback   callback)
{
  g_autoptr(GtkFileFilter) sites = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GFile) folder = NULL;
  GtkFileFilter *filters[] = { sites, all, NULL };
  MhFileChooserOptions options = {
    .action = action,
    .title = title,
    .accept_label = accept_label,
    .name = name,
    .filters = filters,
  };

  gtk_file_filter_set_name (sites, _("Masthead sites"));
  gtk_file_filter_add_mime_type (sites, "application/x-masthead");
  gtk_file_filter_add_suffix (sites, "masthead");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");

  if (self->path != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self->path);

      folder = g_file_new_for_path (dir);
      if (g_file_query_exists (folder, NULL))
        options.folder = folder;
    }

  mh_file_chooser_choose (GTK_WIDGET (self), &options, NULL, callback, NULL);
}

static char *
chosen_path (MhWindow     *self,
             GAsyncResult *result)
{
  g_autoptr(GFile) file = mh_file_chooser_choose_finish (GTK_WIDGET (self), result, NULL);

  return file != NULL ? g_file_get_path (file) : NULL;
}

static void
on_open_chosen_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  MhWindow *self = MH_WINDOW (object);
  g_autofree char *path = chosen_path (self, result);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (path != NULL && MH_IS_APPLICATION (app))
    mh_application_open_path (MH_APPLICATION (app), path);
}

static void
mh_window_actions_open_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  choose_site (MH_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN, _("Open Site"), _("_Open"),
               NULL, on_open_chosen_cb);
}

static void
on_new_site_chosen_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  MhWindow *self = MH_WINDOW (object);
  g_autofree char *path = chosen_path (self, result);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;

  if (path == NULL || !MH_IS_APPLICATION (app))
    return;

  if (!g_str_has_suffix (path, SITE_FILE_SUFFIX))
    {
      char *with_suffix = g_strconcat (path, SITE_FILE_SUFFIX, NULL);

      g_free (path);
      path = with_suffix;
    }

  if (!mh_application_create_site (MH_APPLICATION (app), path, &error))
    _mh_window_show_store_error (self, error);
}

static void
mh_window_actions_new_site_cb (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  /* Translators: the suggested file name of a new site; keep ".masthead" */
  const char *name = _("New site.masthead");

  choose_site (MH_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SAVE, _("New Site"), _("_Create"),
               name, on_new_site_chosen_cb);
}

/* Export */

static void
on_export_dialog_exported_cb (MhWindow       *self,
                              const char     *message,
                              AdwToast       *toast,
                              MhExportDialog *dialog)
{
  g_assert (MH_IS_WINDOW (self));

  _mh_window_add_toast (self, g_object_ref (toast));
  _mh_window_set_last_export_message (self, message);
  _mh_window_actions_update (self);
}

/* One export dialog per window: while one is open (or exporting unseen,
 * for Export Again) both actions come back to it. */
static MhExportDialog *
ensure_export_dialog (MhWindow *self)
{
  if (self->export_dialog != NULL)
    return self->export_dialog;

  self->export_dialog = mh_export_dialog_new (GTK_WINDOW (self), self->path, self->store);
  g_object_add_weak_pointer (G_OBJECT (self->export_dialog), (gpointer *) &self->export_dialog);
  g_signal_connect_object (self->export_dialog, "exported",
                           G_CALLBACK (on_export_dialog_exported_cb), self, G_CONNECT_SWAPPED);

  return self->export_dialog;
}

static void
mh_window_actions_export_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  MhWindow *self = MH_WINDOW (widget);

  if (self->store != NULL)
    gtk_window_present (GTK_WINDOW (ensure_export_dialog (self)));
}

static void
mh_window_actions_export_again_cb (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  MhWindow *self = MH_WINDOW (widget);

  if (self->store == NULL)
    return;

  if (self->export_dialog != NULL)
    gtk_window_present (GTK_WINDOW (self->export_dialog));
  else
    mh_export_dialog_export_again (ensure_export_dialog (self));
}

/* The terms menu of the sort and filter button is built each time it
 * opens, so that it lists the vocabularies and terms as they are now. */
static void
sort_button_create_popup_cb (GtkMenuButton *button,
                             gpointer       user_data)
{
  MhWindow *self = user_data;

  _mh_window_fill_terms_menu (self);
}

static void
on_undo_toast_dismissed_cb (MhWindow *self,
                            AdwToast *toast)
{
  g_assert (MH_IS_WINDOW (self));

  if (toast != self->undo_toast)
    return;

  g_object_remove_weak_pointer (G_OBJECT (toast), (gpointer *) &self->undo_toast);
  self->undo_toast = NULL;
  g_clear_pointer (&self->undo_snapshot, g_bytes_unref);
  g_clear_pointer (&self->undo_ids, g_array_unref);
  _mh_window_actions_update (self);
}

/**
 * _mh_window_actions_set_undo:
 * @self: a #MhWindow
 * @snapshot: what mh_store_restore_snapshot() needs to undo the deletion
 * @ids: (element-type gint64): the deleted entries, selected again by Undo
 * @message: what was done, for the toast
 *
 * Shows a toast with an Undo button (the win.undo action) that restores
 * @snapshot. The undo lasts as long as the toast.
 */
void
_mh_window_actions_set_undo (MhWindow   *self,
                             GBytes     *snapshot,
                             GArray     *ids,
                             const char *message)
{
  g_autoptr(AdwToast) toast = NULL;

  g_return_if_fail (MH_IS_WINDOW (self));
  g_return_if_fail (snapshot != NULL);

  /* The previous undo, if any, goes with its toast. */
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);

  self->undo_snapshot = g_bytes_ref (snapshot);
  self->undo_ids = g_array_ref (ids);

  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_undo_toast_dismissed_cb), self,
                           G_CONNECT_SWAPPED);
  self->undo_toast = toast;
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &self->undo_toast);

  _mh_window_add_toast (self, g_steal_pointer (&toast));
  _mh_window_actions_update (self);
}

/**
 * _mh_window_actions_update:
 * @self: a #MhWindow
 *
 * Enables each action for the current site and selection.
 */
void
_mh_window_actions_update (MhWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_site;
  gboolean writable;
  guint n_selected;

  g_return_if_fail (MH_IS_WINDOW (self));

  has_site = self->store != NULL;
  writable = has_site && !mh_store_get_read_only (self->store);
  n_selected = self->selected_ids->len;

  gtk_widget_action_set_enabled (widget, "win.find", has_site);
  gtk_widget_action_set_enabled (widget, "win.filter", has_site);
  gtk_widget_action_set_enabled (widget, "win.sort", has_site);
  gtk_widget_action_set_enabled (widget, "win.term", has_site);
  gtk_widget_action_set_enabled (widget, "win.choose-new-entry", writable);
  gtk_widget_action_set_enabled (widget, "win.new-entry", writable);
  gtk_widget_action_set_enabled (widget, "win.duplicate", writable && n_selected == 1);
  gtk_widget_action_set_enabled (widget, "win.delete", writable && n_selected > 0);
  gtk_widget_action_set_enabled (widget, "win.set-status", writable && n_selected > 0);
  gtk_widget_action_set_enabled (widget, "win.undo", writable && self->undo_snapshot != NULL);
  gtk_widget_action_set_enabled (widget, "win.export", has_site);
  gtk_widget_action_set_enabled (widget, "win.export-again",
                                 has_site && mh_export_dialog_has_last_export (self->store));
}

/**
 * _mh_window_actions_init:
 * @self: a #MhWindow
 *
 * Sets up what the actions need in a new window.
 */
void
_mh_window_actions_init (MhWindow *self)
{
  g_return_if_fail (MH_IS_WINDOW (self));

  gtk_menu_button_set_create_popup_func (self->sort_button, sort_button_create_popup_cb,
                                         self, NULL);
  _mh_window_actions_update (self);
}

/**
 * _mh_window_class_actions_init:
 * @widget_class: the #MhWindow class
 *
 * Installs the window's actions and their keyboard shortcuts. Update
 * resources/gtk/help-overlay.ui with any new shortcut.
 */
void
_mh_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.find", NULL, mh_window_actions_find_cb);
  gtk_widget_class_install_action (widget_class, "win.choose-new-entry", NULL,
                                   mh_window_actions_choose_new_entry_cb);
  gtk_widget_class_install_action (widget_class, "win.new-entry", "s",
                                   mh_window_actions_new_entry_cb);
  gtk_widget_class_install_action (widget_class, "win.duplicate", NULL,
                                   mh_window_actions_duplicate_cb);
  gtk_widget_class_install_action (widget_class, "win.delete", NULL,
                                   mh_window_actions_delete_cb);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, mh_window_actions_undo_cb);
  gtk_widget_class_install_action (widget_class, "win.set-status", "s",
                                   mh_window_actions_set_status_cb);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, mh_window_actions_open_cb);
  gtk_widget_class_install_action (widget_class, "win.new-site", NULL,
                                   mh_window_actions_new_site_cb);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, mh_window_actions_export_cb);
  gtk_widget_class_install_action (widget_class, "win.export-again", NULL,
                                   mh_window_actions_export_again_cb);
  gtk_widget_class_install_property_action (widget_class, "win.filter", "filter");
  gtk_widget_class_install_property_action (widget_class, "win.sort", "sort");
  gtk_widget_class_install_property_action (widget_class, "win.term", "term");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.choose-new-entry", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK,
                                       "win.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "win.set-status", "s", "draft");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "win.set-status", "s", "review");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK,
                                       "win.set-status", "s", "published");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK,
                                       "win.set-status", "s", "archived");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.new-site", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-again", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}
