/* main.c
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "masthead"

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "mh-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MhApplication) app = NULL;

  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = mh_application_new ();
  /* GtkSourceView needs the display, which GTK opens in startup. */
  g_signal_connect (app, "startup", G_CALLBACK (gtk_source_init), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
