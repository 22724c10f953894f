/* mh-file-chooser.c: the one place that asks for a file or folder
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A modal GtkFileChooserNative behind a GTask: the callback gets the chosen
 * file, or G_IO_ERROR_CANCELLED when the person closed the dialog or the
 * caller cancelled (the dialog then closes too, for example when the page
 * that asked goes away).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "mh-file-chooser.h"

typedef struct
{
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
  gulong                cancelled_id;
} ChooseData;

static void
choose_data_free (ChooseData *data)
{
  if (data->cancelled_id != 0)
    g_signal_handler_disconnect (data->cancellable, data->cancelled_id);
  g_clear_object (&data->cancellable);
  if (data->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (data->chooser));
  g_clear_object (&data->chooser);
  g_free (data);
}

/* Whichever ends the question first disconnects the other. */
static void
disconnect (GTask *task)
{
  ChooseData *data = g_task_get_task_data (task);

  g_signal_handlers_disconnect_by_data (data->chooser, task);
  if (data->cancelled_id != 0)
    g_signal_handler_disconnect (data->cancellable, data->cancelled_id);
  data->cancelled_id = 0;
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        GTask           *task)
{
  g_autoptr(GFile) file = NULL;

  disconnect (task);

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file != NULL)
    g_task_return_pointer (task, g_steal_pointer (&file), g_object_unref);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("No file was chosen."));
  g_object_unref (task);
}

/* Runs in the main thread: cancellables of the UI are cancelled there. */
static void
on_cancelled_cb (GCancellable *cancellable,
                 GTask        *task)
{
  ChooseData *data = g_task_get_task_data (task);

  disconnect (task);
  gtk_native_dialog_hide (GTK_NATIVE_DIALOG (data->chooser));
  g_task_return_error_if_cancelled (task);
  g_object_unref (task);
}

/**
 * mh_file_chooser_choose:
 * @parent: the widget whose window the dialog belongs to
 * @options: what to ask
 * @cancellable: (nullable): closes the dialog when cancelled
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * Shows a modal file chooser. Finish with mh_file_chooser_choose_finish().
 */
void
mh_file_chooser_choose (GtkWidget                   *parent,
                        const MhFileChooserOptions  *options,
                        GCancellable                *cancellable,
                        GAsyncReadyCallback          callback,
                        gpointer                     user_data)
{
  GtkRoot *root;
  GTask *task;
  ChooseData *data;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (options != NULL);

  root = gtk_widget_get_root (parent);
  task = g_task_new (parent, cancellable, callback, user_data);
  g_task_set_source_tag (task, mh_file_chooser_choose);
  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  data = g_new0 (ChooseData, 1);
  data->chooser = gtk_file_chooser_native_new (options->title,
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               options->action, options->accept_label, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (data->chooser), TRUE);
  g_task_set_task_data (task, data, (GDestroyNotify) choose_data_free);

  for (guint i = 0; options->filters != NULL && options->filters[i] != NULL; i++)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (data->chooser), options->filters[i]);
  if (options->filters != NULL && options->filters[0] != NULL)
    gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (data->chooser), options->filters[0]);

  if (options->folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (data->chooser), options->folder, NULL);
  if (options->file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (data->chooser), options->file, NULL);
  if (options->name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (data->chooser), options->name);

  /* One reference for whichever ends the question: the answer or the
   * cancellable. */
  g_signal_connect (data->chooser, "response", G_CALLBACK (on_chooser_response_cb), task);
  if (cancellable != NULL)
    {
      data->cancellable = g_object_ref (cancellable);
      data->cancelled_id = g_signal_connect (cancellable, "cancelled",
                                             G_CALLBACK (on_cancelled_cb), task);
    }

  gtk_native_dialog_show (GTK_NATIVE_DIALOG (data->chooser));
}

/**
 * mh_file_chooser_choose_finish:
 * @parent: the widget given to mh_file_chooser_choose()
 * @result: the result given to the callback
 * @error: return location for an error; G_IO_ERROR_CANCELLED when nothing
 *   was chosen
 *
 * Returns: (transfer full): the chosen file or folder, or %NULL
 */
GFile *
mh_file_chooser_choose_finish (GtkWidget     *parent,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, parent), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
