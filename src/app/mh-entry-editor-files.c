/* mh-entry-editor-files.c: files from the computer for covers and downloads
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * editor.add-file "(ss)": where the file goes — "cover", "downloads" (a
 * new download) or "download:N" (the file of the Nth download) — and the
 * file's URI, or "" to ask with a file chooser. The file is read and
 * stored in a thread, on a connection of its own, so that a large PDF never
 * freezes the window; then the entry points at the new asset, as one undo
 * step. A bad file (empty, too large, unreadable) is explained in a dialog
 * and changes nothing.
 */

#define G_LOG_DOMAIN "mh-entry-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mh-entry-editor-private.h"
#include "mh-file-chooser.h"
#include "mh-store-assets.h"

typedef struct
{
  char   *site_path;
  GFile  *file;
  char   *target;
  gint64  entry_id;
  char   *file_name;   /* out: the file's display name */
  char   *name;        /* out: the asset's name */
} AddFile;

static void
add_file_free (AddFile *add)
{
  g_free (add->site_path);
  g_clear_object (&add->file);
  g_free (add->target);
  g_free (add->file_name);
  g_free (add->name);
  g_free (add);
}

static void
add_file_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  AddFile *add = task_data;
  g_autoptr(MhStore) store = NULL;
  g_autoptr(GBytes) data = NULL;
  GError *error = NULL;

  data = mh_asset_load_file (add->file, &add->file_name, cancellable, &error);
  if (data != NULL && (store = mh_store_open (add->site_path, &error)) != NULL)
    add->name = mh_store_add_asset (store, add->file_name, data, NULL, &error);

  if (add->name != NULL)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
show_error (MhEntryEditor *self,
            const char    *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Could Not Add the File"), message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* "Annual Report 2024.pdf" gives "Annual Report 2024". */
static char *
title_for_file (const char *file_name)
{
  const char *dot = strrchr (file_name, '.');

  return dot != NULL && dot != file_name ? g_strndup (file_name, dot - file_name)
                                         : g_strdup (file_name);
}

static void
apply (MhEntryEditor *self,
       AddFile       *add)
{
  GListStore *downloads = mh_entry_details_get_downloads (self->details);
  g_autoptr(MhDownload) download = NULL;
  g_autofree char *title = NULL;
  guint64 position;

  _mh_entry_editor_checkpoint (self);

  if (g_str_equal (add->target, "cover"))
    mh_entry_set_cover (self->entry, add->name);
  else if (g_str_equal (add->target, "downloads"))
    {
      title = title_for_file (add->file_name);
      download = mh_download_new (add->name, title, mh_entry_get_language (self->entry));
      g_list_store_append (downloads, download);
    }
  else if (g_str_has_prefix (add->target, "download:") &&
           g_ascii_string_to_unsigned (add->target + strlen ("download:"), 10, 0, G_MAXUINT,
                                       &position, NULL) &&
           (download = g_list_model_get_item (G_LIST_MODEL (downloads), position)) != NULL)
    mh_download_set_asset (download, add->name);

  _mh_entry_editor_checkpoint (self);
}

static void
on_add_file_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  MhEntryEditor *self = MH_ENTRY_EDITOR (object);
  AddFile *add = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      return;
    }

  /* The person moved on to another entry meanwhile: the file is in the
   * site all the same, ready to be chosen. */
  if (self->entry == NULL || self->entry_id != add->entry_id || self->read_only)
    {
      /* Translators: %s is a file name such as report.pdf */
      message = g_strdup_printf (_("“%s” was added to the site’s files"), add->name);
      _mh_entry_editor_add_toast (self, message);
      return;
    }

  apply (self, add);
}

/**
 * _mh_entry_editor_add_file:
 * @self: an editor
 * @target: "cover", "downloads" or "download:N"
 * @file: the file to add
 *
 * Stores @file in the site in a thread, then points @target at it.
 */
void
_mh_entry_editor_add_file (MhEntryEditor *self,
                           const char    *target,
                           GFile         *file)
{
  g_autoptr(GTask) task = NULL;
  AddFile *add;

  g_return_if_fail (MH_IS_ENTRY_EDITOR (self));

  if (self->store == NULL || self->entry == NULL || self->read_only)
    return;

  add = g_new0 (AddFile, 1);
  add->site_path = g_strdup (mh_store_get_path (self->store));
  add->file = g_object_ref (file);
  add->target = g_strdup (target);
  add->entry_id = self->entry_id;

  task = g_task_new (self, self->files_cancellable, on_add_file_done_cb, NULL);
  g_task_set_source_tag (task, _mh_entry_editor_add_file);
  g_task_set_task_data (task, add, (GDestroyNotify) add_file_free);
  g_task_run_in_thread (task, add_file_thread);
}

static void
on_file_chosen_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  MhEntryEditor *self = MH_ENTRY_EDITOR (object);
  g_autofree char *target = user_data;
  g_autoptr(GFile) file = mh_file_chooser_choose_finish (GTK_WIDGET (self), result, NULL);

  if (file != NULL)
    _mh_entry_editor_add_file (self, target, file);
}

static void
add_file_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  MhEntryEditor *self = MH_ENTRY_EDITOR (widget);
  g_autoptr(GtkFileFilter) images = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;
  GtkFileFilter *filters[] = { NULL, NULL };
  const char *target = NULL;
  const char *uri = NULL;
  MhFileChooserOptions options = {
    .action = GTK_FILE_CHOOSER_ACTION_OPEN,
    .title = _("Add a File"),
    .accept_label = _("_Add"),
  };

  g_variant_get (parameter, "(&s&s)", &target, &uri);

  if (uri[0] != '\0')
    {
      file = g_file_new_for_uri (uri);
      _mh_entry_editor_add_file (self, target, file);
      return;
    }

  if (g_str_equal (target, "cover"))
    {
      images = gtk_file_filter_new ();
      gtk_file_filter_set_name (images, _("Images"));
      gtk_file_filter_add_mime_type (images, "image/*");
      filters[0] = images;
      options.title = _("Add a Cover Image");
      options.filters = filters;
    }

  /* Files usually sit in the folder of documents, if there is one. */
  if (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS) != NULL)
    {
      folder = g_file_new_for_path (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS));
      if (g_file_query_exists (folder, NULL))
        options.folder = folder;
    }

  mh_file_chooser_choose (widget, &options, self->files_cancellable, on_file_chosen_cb,
                          g_strdup (target));
}

/**
 * _mh_entry_editor_class_files_init:
 * @widget_class: the editor's class
 *
 * Installs editor.add-file.
 */
void
_mh_entry_editor_class_files_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.add-file", "(ss)", add_file_action_cb);
}
