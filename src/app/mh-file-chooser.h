/* mh-file-chooser.h: the one place that asks for a file or folder
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * MhFileChooserOptions:
 * @action: open a file, save a file or select a folder
 * @title: the dialog's title
 * @accept_label: the label of the button that accepts, with a mnemonic
 * @folder: (nullable): the folder to show first
 * @file: (nullable): the file or folder to select first
 * @name: (nullable): the suggested name when saving
 * @filters: (nullable): %NULL-terminated filters; the first is selected
 *
 * What mh_file_chooser_choose() asks. GtkFileChooserNative (GTK 4.8) is
 * kept behind this so that GtkFileDialog (4.10) can replace it here alone.
 */
typedef struct
{
  GtkFileChooserAction    action;
  const char             *title;
  const char             *accept_label;
  GFile                  *folder;
  GFile                  *file;
  const char             *name;
  GtkFileFilter * const  *filters;
} MhFileChooserOptions;

void   mh_file_chooser_choose         (GtkWidget                   *parent,
                                       const MhFileChooserOptions  *options,
                                       GCancellable                *cancellable,
                                       GAsyncReadyCallback          callback,
                                       gpointer                     user_data);
GFile *mh_file_chooser_choose_finish  (GtkWidget                   *parent,
                                       GAsyncResult                *result,
                                       GError                     **error);

G_END_DECLS
