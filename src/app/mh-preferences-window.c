/* mh-preferences-window.c: the application's preferences
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Markdown editor's font (GSettings editor-font), applied at once to
 * every open editor. GtkFontButton is deprecated in GTK 4.10 but has no
 * replacement in 4.8: it is kept to this file (style.md).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "mh-preferences-window.h"

struct _MhPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  GtkWidget            *font_button;
};

G_DEFINE_FINAL_TYPE (MhPreferencesWindow, mh_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Markdown lines up best in a monospace font: offer those only. */
static gboolean
monospace_only (const PangoFontFamily *family,
                const PangoFontFace   *face,
                gpointer               user_data)
{
  return pango_font_family_is_monospace ((PangoFontFamily *) family);
}

static void
on_reset_clicked_cb (MhPreferencesWindow *self)
{
  g_settings_reset (self->settings, "editor-font");
}

static void
mh_preferences_window_dispose (GObject *object)
{
  MhPreferencesWindow *self = MH_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (mh_preferences_window_parent_class)->dispose (object);
}

static void
mh_preferences_window_class_init (MhPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mh_preferences_window_dispose;
}

static void
mh_preferences_window_init (MhPreferencesWindow *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *reset = gtk_button_new_from_icon_name ("edit-undo-symbolic");

  gtk_window_set_title (GTK_WINDOW (self), _("Preferences"));
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 280);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (self), FALSE);

  adw_preferences_group_set_title (group, _("Editor"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Font"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("The font of the Markdown text"));

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  self->font_button = gtk_font_button_new ();
  gtk_font_button_set_use_font (GTK_FONT_BUTTON (self->font_button), TRUE);
  gtk_font_button_set_title (GTK_FONT_BUTTON (self->font_button), _("Editor Font"));
  gtk_font_chooser_set_level (GTK_FONT_CHOOSER (self->font_button),
                              GTK_FONT_CHOOSER_LEVEL_FAMILY | GTK_FONT_CHOOSER_LEVEL_SIZE);
  gtk_font_chooser_set_filter_func (GTK_FONT_CHOOSER (self->font_button), monospace_only,
                                    NULL, NULL);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_widget_set_valign (self->font_button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->font_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Editor Font"), -1);

  gtk_widget_set_valign (reset, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (reset, "flat");
  gtk_widget_set_tooltip_text (reset, _("Default Font"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (reset),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Default Font"), -1);
  g_signal_connect_object (reset, "clicked", G_CALLBACK (on_reset_clicked_cb), self,
                           G_CONNECT_SWAPPED);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->font_button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), reset);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), self->font_button);
  adw_preferences_group_add (group, row);
  adw_preferences_page_add (page, group);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
}

/**
 * mh_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 * @settings: the application's settings
 *
 * Returns: (transfer none): a new preferences window
 */
GtkWidget *
mh_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  MhPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (MH_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->settings = g_object_ref (settings);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_settings_bind (settings, "editor-font", self->font_button, "font", G_SETTINGS_BIND_DEFAULT);
  G_GNUC_END_IGNORE_DEPRECATIONS
  return GTK_WIDGET (self);
}
