/* mh-window.c
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mh-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mh-entry-editor.h"
#include "mh-entry-list-adapter.h"
#include "mh-entry-list.h"
#include "mh-entry-row.h"
#include "mh-entry.h"
#include "mh-export-dialog.h"
#include "mh-site-settings.h"
#include "mh-store.h"
#include "mh-types.h"
#include "mh-window-private.h"
#include "mh-window.h"

/* The schema id stays the same in a development (".Devel") build, so it is
 * not derived from APP_ID. */
#define SETTINGS_SCHEMA_ID "io.github.masthead.Masthead"

/* Store changes come in bursts (an import, a bulk change): the sidebar
 * counts are read again once the burst is over. */
#define COUNTS_PRIORITY G_PRIORITY_LOW

G_DEFINE_FINAL_TYPE (MhWindow, mh_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PATH,
  PROP_STORE,
  PROP_ENTRIES,
  PROP_SELECTION,
  PROP_SELECTED_ENTRY,
  PROP_ERROR_MESSAGE,
  PROP_VISIBLE_PAGE,
  PROP_SEARCH_TEXT,
  PROP_LAST_EXPORT_MESSAGE,
  PROP_FILTER,
  PROP_PLACE,
  PROP_SORT,
  PROP_TERM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *settings_keys[] = {
  "window-width",
  "window-height",
  "window-maximized",
  "editor-font",
  "show-preview",
};

static const char *sort_names[] = {
  [MH_ENTRY_SORT_DATE] = "date",
  [MH_ENTRY_SORT_TITLE] = "title",
  [MH_ENTRY_SORT_UPDATED] = "updated",
};

/* Window size is a nicety: without the schema (an uninstalled build, a
 * test) the window simply opens at its default size. */
static GSettings *
settings_new_or_null (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  guint i;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA_ID, TRUE);

  if (schema == NULL)
    {
      g_debug ("Settings schema %s not installed; window size is not kept",
               SETTINGS_SCHEMA_ID);
      return NULL;
    }

  for (i = 0; i < G_N_ELEMENTS (settings_keys); i++)
    {
      if (!g_settings_schema_has_key (schema, settings_keys[i]))
        {
          g_debug ("Settings schema has no key %s; window size is not kept", settings_keys[i]);
          return NULL;
        }
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static void
restore_window_state (MhWindow *self)
{
  int width;
  int height;

  g_assert (MH_IS_WINDOW (self));

  self->settings = settings_new_or_null ();
  if (self->settings == NULL)
    return;

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (MhWindow *self)
{
  int width;
  int height;

  g_assert (MH_IS_WINDOW (self));

  if (self->settings == NULL)
    return;

  /* The default size follows the user's resizing but not maximizing, so it
   * is the size to come back to after unmaximizing. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static void
setup_list_factory (MhWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = mh_entry_row_factory_new ();

  gtk_list_view_set_factory (self->list_view, factory);
}

static void
update_title (MhWindow *self)
{
  g_autofree char *basename = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *tooltip = NULL;

  g_assert (MH_IS_WINDOW (self));

  basename = self->path != NULL ? g_filename_display_basename (self->path) : g_strdup ("");

  if (self->store != NULL)
    title = mh_store_dup_title (self->store);
  if (title == NULL || title[0] == '\0')
    {
      g_free (title);
      title = self->store != NULL ? g_strdup (basename) : g_strdup (_("Masthead"));
    }

  if (self->store != NULL && mh_store_get_read_only (self->store))
    {
      /* Translators: the window subtitle of a site opened read-only; %s is its file name */
      subtitle = g_strdup_printf (_("%s — Read-only"), basename);
      /* Translators: %s says why, e.g. "the file is read-only." */
      tooltip = g_strdup_printf (_("This site is open read-only: %s"),
                                 mh_store_get_read_only_reason (self->store));
    }
  else
    subtitle = g_strdup (basename);

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->window_title), tooltip);
  adw_window_title_set_title (self->error_title, title);
  adw_window_title_set_subtitle (self->error_title, basename);
}

static gboolean
has_query (MhWindow *self)
{
  return self->search_text[0] != '\0' || self->term[0] != '\0';
}

static void
update_empty_page (MhWindow *self)
{
  const MhWindowFilter *filter = _mh_window_find_filter (self->filter);

  g_assert (MH_IS_WINDOW (self));

  if (has_query (self))
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Results"));
      adw_status_page_set_description (self->empty_page,
                                       self->term[0] != '\0'
                                       ? _("Try a different search, or remove the term filter.")
                                       : _("Try a different search."));
    }
  else if (filter->kind >= 0 || filter->status >= 0)
    {
      adw_status_page_set_icon_name (self->empty_page, filter->icon_name);
      adw_status_page_set_title (self->empty_page, _("Nothing Here"));
      adw_status_page_set_description (self->empty_page,
                                       _("No entry has this kind or status yet."));
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "document-new-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Entries"));
      adw_status_page_set_description (self->empty_page,
                                       _("This site has no reports, events, articles, "
                                         "open calls or pages yet. Press Ctrl+N to write "
                                         "the first one."));
    }
}

static void
update_list_title (MhWindow *self)
{
  const MhWindowFilter *filter = _mh_window_find_filter (self->filter);
  g_autofree char *subtitle = NULL;

  g_assert (MH_IS_WINDOW (self));

  adw_window_title_set_title (self->list_title, _(filter->title));

  if (self->entries != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));

      if (has_query (self))
        /* Translators: how many entries a search or term filter found */
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u result", "%u results", n),
                                    n);
      else
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry", "%u entries", n),
                                    n);
    }
  adw_window_title_set_subtitle (self->list_title, subtitle);
}

/**
 * _mh_window_update_visible_page:
 * @self: a #MhWindow
 *
 * Shows the error, the entries or why there are none, and the list's title.
 */
void
_mh_window_update_visible_page (MhWindow *self)
{
  const char *page;

  g_assert (MH_IS_WINDOW (self));

  if (self->store == NULL || self->entries == NULL)
    page = "error";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->entries)) > 0)
    page = "entries";
  else
    page = "empty";

  update_list_title (self);
  if (g_str_equal (page, "empty"))
    update_empty_page (self);

  gtk_stack_set_visible_child_name (self->main_stack,
                                    g_str_equal (page, "error") ? "error" : "site");
  if (!g_str_equal (page, "error"))
    gtk_stack_set_visible_child_name (self->list_stack, page);

  if (g_strcmp0 (page, self->visible_page) == 0)
    return;

  self->visible_page = page;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_PAGE]);
}

static void
update_term_bar (MhWindow *self)
{
  g_autofree char *label = NULL;

  g_assert (MH_IS_WINDOW (self));

  if (self->term[0] != '\0')
    label = _mh_window_dup_term_label (self, self->term);

  gtk_label_set_label (self->term_label, label);
  gtk_revealer_set_reveal_child (self->term_revealer, label != NULL);
}

static void
apply_query (MhWindow *self)
{
  const MhWindowFilter *filter = _mh_window_find_filter (self->filter);
  g_auto(GStrv) term = NULL;
  MhEntryQuery query;

  g_assert (MH_IS_WINDOW (self));

  if (self->entries == NULL)
    return;

  mh_entry_query_init (&query);
  query.kind = filter->kind;
  query.status = filter->status;
  query.sort = self->sort;
  query.text = self->search_text[0] != '\0' ? self->search_text : NULL;
  if (self->term[0] != '\0')
    {
      term = g_strsplit (self->term, "/", 2);
      query.vocabulary = term[1] != NULL ? term[0] : NULL;
      query.term = term[1] != NULL ? term[1] : term[0];
    }

  mh_entry_list_set_query (self->entries, &query);
  /* A new query shows its first results: the rows stay (see
   * mh-entry-list-adapter.c), so the view would stay where it was. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->entries)) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
  _mh_window_update_visible_page (self);
}

/* Navigation between the panes of a folded window. */

static void
on_sidebar_back_clicked_cb (MhWindow  *self,
                            GtkButton *button)
{
  g_assert (MH_IS_WINDOW (self));

  adw_leaflet_navigate (ADW_LEAFLET (self->leaflet), ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_list_back_clicked_cb (MhWindow  *self,
                         GtkButton *button)
{
  g_assert (MH_IS_WINDOW (self));

  adw_leaflet_navigate (ADW_LEAFLET (self->content_leaflet), ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
on_sidebar_list_row_selected_cb (MhWindow      *self,
                                 GtkListBoxRow *row,
                                 GtkListBox    *list_box)
{
  const char *id;

  g_assert (MH_IS_WINDOW (self));

  if (row == NULL)
    return;

  id = g_object_get_data (G_OBJECT (row), MH_SIDEBAR_ID_KEY);
  if (g_object_get_data (G_OBJECT (row), MH_SIDEBAR_PLACE_KEY) != NULL)
    mh_window_set_place (self, id);
  else
    {
      mh_window_set_filter (self, id);
      mh_window_set_place (self, "");
    }
}

static void
on_sidebar_list_row_activated_cb (MhWindow      *self,
                                  GtkListBoxRow *row,
                                  GtkListBox    *list_box)
{
  g_assert (MH_IS_WINDOW (self));

  /* Folded, choosing a row shows what it lists. */
  adw_leaflet_set_visible_child_name (ADW_LEAFLET (self->leaflet), "content");
  if (self->place[0] == '\0')
    adw_leaflet_set_visible_child_name (ADW_LEAFLET (self->content_leaflet), "list");
}

/* Search */

static void
on_search_entry_search_changed_cb (MhWindow       *self,
                                   GtkSearchEntry *entry)
{
  g_assert (MH_IS_WINDOW (self));

  mh_window_set_search_text (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_search_entry_stop_search_cb (MhWindow       *self,
                                GtkSearchEntry *entry)
{
  g_assert (MH_IS_WINDOW (self));

  mh_window_set_search_text (self, "");
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/* Enter in the search entry goes to the first result. */
static void
on_search_entry_activate_cb (MhWindow       *self,
                             GtkSearchEntry *entry)
{
  g_assert (MH_IS_WINDOW (self));

  if (self->entries == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->entries)) == 0)
    return;

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), 0, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/* The site */

static void
on_store_changed_cb (MhWindow *self,
                     MhStore  *store)
{
  g_assert (MH_IS_WINDOW (self));

  update_title (self);
  _mh_window_update_counts (self);
}

static void
clear_site (MhWindow *self)
{
  g_assert (MH_IS_WINDOW (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  g_array_set_size (self->selected_ids, 0);
  _mh_window_release_entry (self);
  if (self->selection != NULL)
    gtk_multi_selection_set_model (self->selection, NULL);

  g_clear_object (&self->adapter);
  g_clear_object (&self->entries);
  g_clear_object (&self->store);
  g_clear_pointer (&self->undo_snapshot, g_bytes_unref);
  g_clear_pointer (&self->undo_ids, g_array_unref);
}

static void
set_site (MhWindow    *self,
          MhStore     *store,
          MhEntryList *entries)
{
  g_assert (MH_IS_WINDOW (self));
  g_assert (MH_IS_STORE (store));
  g_assert (MH_IS_ENTRY_LIST (entries));

  clear_site (self);
  g_clear_pointer (&self->error_message, g_free);

  self->store = g_object_ref (store);
  self->entries = g_object_ref (entries);

  g_signal_connect_object (self->store, "changed",
                           G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);

  self->adapter = mh_entry_list_adapter_new (self->entries);
  g_signal_connect_object (self->adapter, "reloaded",
                           G_CALLBACK (_mh_window_selection_reloaded), self, G_CONNECT_SWAPPED);
  gtk_multi_selection_set_model (self->selection, G_LIST_MODEL (self->adapter));
}

static void
load_site (MhWindow *self)
{
  g_autoptr(MhStore) store = NULL;
  g_autoptr(MhEntryList) entries = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (MH_IS_WINDOW (self));

  if (self->path == NULL)
    {
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("No site file was given."));
      _mh_window_show_error (self, error);
      return;
    }

  store = mh_store_open (self->path, &error);
  if (store != NULL)
    entries = mh_entry_list_new (store);

  if (store == NULL)
    {
      _mh_window_show_error (self, error);
      return;
    }

  set_site (self, store, entries);
  apply_query (self);
  update_title (self);
  _mh_window_update_counts (self);
  _mh_window_update_editor_page (self);
  _mh_window_actions_update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRIES]);
}

/* The primary menu's first section: New Site, Open, and Recent Sites
 * when there are any. */
#define N_SITE_MENU_ITEMS 2

static void
update_recent_submenu (MhWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GMenuModel) section = NULL;
  GMenuModel *recent;
  gboolean shown;
  gboolean wanted;

  g_assert (MH_IS_WINDOW (self));

  if (!MH_IS_APPLICATION (app))
    return;

  section = g_menu_model_get_item_link (G_MENU_MODEL (self->primary_menu), 0,
                                        G_MENU_LINK_SECTION);
  recent = mh_application_get_recent_menu (MH_APPLICATION (app));
  shown = g_menu_model_get_n_items (section) > N_SITE_MENU_ITEMS;
  wanted = g_menu_model_get_n_items (recent) > 0;

  if (wanted && !shown)
    g_menu_append_submenu (G_MENU (section), _("_Recent Sites"), recent);
  else if (!wanted && shown)
    g_menu_remove (G_MENU (section), N_SITE_MENU_ITEMS);
}

static void
on_recent_menu_items_changed_cb (MhWindow   *self,
                                 guint       position,
                                 guint       removed,
                                 guint       added,
                                 GMenuModel *recent)
{
  update_recent_submenu (self);
}

/* The application is set after construction (it is not a construct
 * property of GtkWindow): follow its recent sites from then on. */
static void
on_application_notify_cb (MhWindow   *self,
                          GParamSpec *pspec,
                          gpointer    user_data)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  g_assert (MH_IS_WINDOW (self));

  g_signal_group_set_target (self->recent_signals,
                             MH_IS_APPLICATION (app)
                             ? mh_application_get_recent_menu (MH_APPLICATION (app)) : NULL);
  update_recent_submenu (self);
}

static void
on_close_response_cb (MhWindow   *self,
                      const char *response,
                      AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

/* Every valid change is in the file within a second or two; before the
 * window goes, the last one is written now. Changes the editor cannot
 * save (the entry has problems) are only lost when the editor says so. */
static gboolean
confirm_unsaved_changes (MhWindow *self)
{
  AdwMessageDialog *dialog;

  if (self->close_confirmed || !MH_IS_ENTRY_EDITOR (self->editor) ||
      mh_entry_editor_flush (MH_ENTRY_EDITOR (self->editor)))
    return TRUE;

  if (self->close_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->close_dialog));
      return FALSE;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Discard Unsaved Changes?"), NULL));
  adw_message_dialog_set_body (dialog,
                               _("The entry has problems, so its latest changes could not be "
                                 "saved. Keep editing to fix them, or close and lose them."));
  adw_message_dialog_add_responses (dialog, "keep", _("_Keep Editing"),
                                    "discard", _("_Discard and Close"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response_cb), self,
                           G_CONNECT_SWAPPED);
  self->close_dialog = GTK_WIDGET (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->close_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}

static gboolean
mh_window_close_request (GtkWindow *window)
{
  MhWindow *self = MH_WINDOW (window);

  if (!confirm_unsaved_changes (self))
    return TRUE;
  save_window_state (self);

  return GTK_WINDOW_CLASS (mh_window_parent_class)->close_request (window);
}

static void
mh_window_constructed (GObject *object)
{
  MhWindow *self = MH_WINDOW (object);

  G_OBJECT_CLASS (mh_window_parent_class)->constructed (object);

  restore_window_state (self);
  if (self->settings != NULL && MH_IS_ENTRY_EDITOR (self->editor))
    {
      g_settings_bind (self->settings, "editor-font", self->editor, "body-font",
                       G_SETTINGS_BIND_GET);
      g_settings_bind (self->settings, "show-preview", self->editor, "show-preview",
                       G_SETTINGS_BIND_DEFAULT);
    }
  _mh_window_actions_init (self);
  load_site (self);
}

static void
mh_window_dispose (GObject *object)
{
  MhWindow *self = MH_WINDOW (object);

  g_clear_handle_id (&self->counts_idle_id, g_source_remove);
  if (self->export_dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->export_dialog),
                                    (gpointer *) &self->export_dialog);
      gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->export_dialog)));
    }
  if (self->undo_toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->undo_toast), (gpointer *) &self->undo_toast);
  self->undo_toast = NULL;
  if (self->last_toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->last_toast), (gpointer *) &self->last_toast);
  self->last_toast = NULL;
  clear_site (self);
  g_clear_object (&self->settings);
  g_clear_object (&self->recent_signals);
  g_clear_object (&self->editor);
  g_clear_pointer (&self->places, g_hash_table_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), MH_TYPE_WINDOW);

  G_OBJECT_CLASS (mh_window_parent_class)->dispose (object);
}

static void
mh_window_finalize (GObject *object)
{
  MhWindow *self = MH_WINDOW (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->error_message, g_free);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->last_export_message, g_free);
  g_clear_pointer (&self->filter, g_free);
  g_clear_pointer (&self->place, g_free);
  g_clear_pointer (&self->term, g_free);
  g_clear_pointer (&self->selected_ids, g_array_unref);

  G_OBJECT_CLASS (mh_window_parent_class)->finalize (object);
}

static void
mh_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  MhWindow *self = MH_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, mh_window_get_path (self));
      break;

    case PROP_STORE:
      g_value_set_object (value, mh_window_get_store (self));
      break;

    case PROP_ENTRIES:
      g_value_set_object (value, mh_window_get_entries (self));
      break;

    case PROP_SELECTION:
      g_value_set_object (value, mh_window_get_selection (self));
      break;

    case PROP_SELECTED_ENTRY:
      g_value_set_object (value, mh_window_get_selected_entry (self));
      break;

    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, mh_window_get_error_message (self));
      break;

    case PROP_VISIBLE_PAGE:
      g_value_set_string (value, mh_window_get_visible_page (self));
      break;

    case PROP_SEARCH_TEXT:
      g_value_set_string (value, mh_window_get_search_text (self));
      break;

    case PROP_LAST_EXPORT_MESSAGE:
      g_value_set_string (value, self->last_export_message);
      break;

    case PROP_FILTER:
      g_value_set_string (value, mh_window_get_filter (self));
      break;

    case PROP_PLACE:
      g_value_set_string (value, mh_window_get_place (self));
      break;

    case PROP_SORT:
      g_value_set_string (value, mh_window_get_sort (self));
      break;

    case PROP_TERM:
      g_value_set_string (value, mh_window_get_term (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mh_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  MhWindow *self = MH_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    case PROP_SEARCH_TEXT:
      mh_window_set_search_text (self, g_value_get_string (value));
      break;

    case PROP_FILTER:
      mh_window_set_filter (self, g_value_get_string (value));
      break;

    case PROP_PLACE:
      mh_window_set_place (self, g_value_get_string (value));
      break;

    case PROP_SORT:
      mh_window_set_sort (self, g_value_get_string (value));
      break;

    case PROP_TERM:
      mh_window_set_term (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_properties (GObjectClass *object_class)
{
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  /* The site file this window shows. */
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL, rw | G_PARAM_CONSTRUCT_ONLY);
  /* The open site, or %NULL when it could not be opened. */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, MH_TYPE_STORE, ro);
  /* The listed entries (a #GListModel of #MhEntry, fetched on demand), or
   * %NULL when the site could not be opened. */
  properties[PROP_ENTRIES] =
    g_param_spec_object ("entries", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  /* Which of the listed entries are selected. */
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, GTK_TYPE_SELECTION_MODEL, ro);
  /* The entry in the editor pane: the selected one when exactly one is. */
  properties[PROP_SELECTED_ENTRY] =
    g_param_spec_object ("selected-entry", NULL, NULL, MH_TYPE_ENTRY, ro);
  /* Why the site could not be opened, or %NULL. */
  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL, NULL, ro);
  /* What the window shows: "entries", "empty" or "error". */
  properties[PROP_VISIBLE_PAGE] =
    g_param_spec_string ("visible-page", NULL, NULL, NULL, ro);
  /* The full-text search applied to the list; empty for none. */
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL, "", rw);
  /* What the last export from this window did, as its toast said, or %NULL. */
  properties[PROP_LAST_EXPORT_MESSAGE] =
    g_param_spec_string ("last-export-message", NULL, NULL, NULL, ro);
  /* The sidebar's list filter: "all", "kind:KIND" or "status:STATUS". */
  properties[PROP_FILTER] =
    g_param_spec_string ("filter", NULL, NULL, "all", rw);
  /* The site page shown instead of the entries (see
   * _mh_window_add_sidebar_place()), or "" for the entries. */
  properties[PROP_PLACE] =
    g_param_spec_string ("place", NULL, NULL, "", rw);
  /* The order of the list without a search: "date", "title" or "updated". */
  properties[PROP_SORT] =
    g_param_spec_string ("sort", NULL, NULL, "date", rw);
  /* Only entries tagged with this term ("VOCABULARY/SLUG"), or "" for all. */
  properties[PROP_TERM] =
    g_param_spec_string ("term", NULL, NULL, "", rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mh_window_class_init (MhWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = mh_window_constructed;
  object_class->dispose = mh_window_dispose;
  object_class->finalize = mh_window_finalize;
  object_class->get_property = mh_window_get_property;
  object_class->set_property = mh_window_set_property;

  window_class->close_request = mh_window_close_request;

  install_properties (object_class);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/mh-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MhWindow, content_leaflet);
  gtk_widget_class_bind_template_child (widget_class, MhWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, MhWindow, editor_placeholder);
  gtk_widget_class_bind_template_child (widget_class, MhWindow, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, MhWindow, editor_title);
  gtk_widget_class_bind_template_child (widget_class, MhWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, MhWindow, entry_menu_button);
  gtk_widget_class_bind_template_child (widget_class, MhWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, MhWindow, error_title);
  gtk_widget_class_bind_template_child (widget_class, MhWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, MhWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, MhWindow, list_title);
  gtk_widget_class_bind_template_child (widget_class, MhWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, MhWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, MhWindow, new_entry_button);
  gtk_widget_class_bind_template_child (widget_class, MhWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, MhWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MhWindow, selection);
  gtk_widget_class_bind_template_child (widget_class, MhWindow, selection_page);
  gtk_widget_class_bind_template_child (widget_class, MhWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, MhWindow, sort_button);
  gtk_widget_class_bind_template_child (widget_class, MhWindow, sort_menu);
  gtk_widget_class_bind_template_child (widget_class, MhWindow, term_label);
  gtk_widget_class_bind_template_child (widget_class, MhWindow, term_revealer);
  gtk_widget_class_bind_template_child (widget_class, MhWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MhWindow, window_title);
  gtk_widget_class_bind_template_callback (widget_class, on_list_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_list_row_selected_cb);

  _mh_window_class_actions_init (widget_class);

  g_type_ensure (MH_TYPE_ENTRY);
}

static void
mh_window_init (MhWindow *self)
{
  /* Before the template: its buttons read the state of the property
   * actions (win.term …) as soon as they are created. */
  self->search_text = g_strdup ("");
  self->filter = g_strdup ("all");
  self->place = g_strdup ("");
  self->term = g_strdup ("");
  self->sort = MH_ENTRY_SORT_DATE;
  self->selected_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Folded, the window opens on the list rather than on the sidebar. */
  adw_leaflet_set_visible_child_name (ADW_LEAFLET (self->leaflet), "content");
  adw_leaflet_set_visible_child_name (ADW_LEAFLET (self->content_leaflet), "list");

  setup_list_factory (self);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_view));
  _mh_window_selection_init (self);

  self->recent_signals = g_signal_group_new (G_TYPE_MENU_MODEL);
  g_signal_group_connect_object (self->recent_signals, "items-changed",
                                 G_CALLBACK (on_recent_menu_items_changed_cb), self,
                                 G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::application", G_CALLBACK (on_application_notify_cb), NULL);
  _mh_window_sidebar_init (self);

  _mh_window_set_editor_widget (self, mh_entry_editor_new ());
  _mh_window_add_sidebar_place (self, "settings", _("Site Settings"), "emblem-system-symbolic",
                                mh_site_settings_new ());
}

/**
 * mh_window_new:
 * @app: (nullable): the application, or %NULL (tests)
 * @path: the site file to show
 *
 * Creates a window that opens the site at @path. When the site cannot be
 * opened the window shows why instead of the entries.
 *
 * Returns: (transfer none): a new #MhWindow
 */
MhWindow *
mh_window_new (MhApplication *app,
               const char    *path)
{
  g_return_val_if_fail (app == NULL || MH_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  return g_object_new (MH_TYPE_WINDOW,
                       "application", app,
                       "path", path,
                       NULL);
}

/**
 * mh_window_get_path:
 * @self: a #MhWindow
 *
 * Returns: the site file this window shows
 */
const char *
mh_window_get_path (MhWindow *self)
{
  g_return_val_if_fail (MH_IS_WINDOW (self), NULL);

  return self->path;
}

/**
 * mh_window_get_store:
 * @self: a #MhWindow
 *
 * Returns: (nullable) (transfer none): the open site, or %NULL on error
 */
MhStore *
mh_window_get_store (MhWindow *self)
{
  g_return_val_if_fail (MH_IS_WINDOW (self), NULL);

  return self->store;
}

/**
 * mh_window_get_entries:
 * @self: a #MhWindow
 *
 * Returns: (nullable) (transfer none): the listed entries, or %NULL on error
 */
GListModel *
mh_window_get_entries (MhWindow *self)
{
  g_return_val_if_fail (MH_IS_WINDOW (self), NULL);

  return self->entries != NULL ? G_LIST_MODEL (self->entries) : NULL;
}

/**
 * mh_window_get_selection:
 * @self: a #MhWindow
 *
 * Returns: (transfer none): the selection of the listed entries
 */
GtkSelectionModel *
mh_window_get_selection (MhWindow *self)
{
  g_return_val_if_fail (MH_IS_WINDOW (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}

/**
 * mh_window_get_selected_entry:
 * @self: a #MhWindow
 *
 * Returns: (nullable) (transfer none): the entry the editor pane shows: the
 *   selected one when exactly one is selected, else %NULL
 */
MhEntry *
mh_window_get_selected_entry (MhWindow *self)
{
  g_return_val_if_fail (MH_IS_WINDOW (self), NULL);

  return self->selected_entry;
}

/**
 * mh_window_get_error_message:
 * @self: a #MhWindow
 *
 * Returns: (nullable): why the site could not be opened, or %NULL
 */
const char *
mh_window_get_error_message (MhWindow *self)
{
  g_return_val_if_fail (MH_IS_WINDOW (self), NULL);

  return self->error_message;
}

/**
 * mh_window_get_visible_page:
 * @self: a #MhWindow
 *
 * Returns: "entries", "empty" or "error"
 */
const char *
mh_window_get_visible_page (MhWindow *self)
{
  g_return_val_if_fail (MH_IS_WINDOW (self), NULL);

  return self->visible_page;
}

/**
 * mh_window_get_search_text:
 * @self: a #MhWindow
 *
 * Returns: the current search, empty for none
 */
const char *
mh_window_get_search_text (MhWindow *self)
{
  g_return_val_if_fail (MH_IS_WINDOW (self), NULL);

  return self->search_text;
}

/**
 * mh_window_set_search_text:
 * @self: a #MhWindow
 * @text: (nullable): a full-text search, or %NULL or "" for none
 *
 * Filters the list to the entries matching @text, ranked, and shows it in
 * the search entry.
 */
void
mh_window_set_search_text (MhWindow   *self,
                           const char *text)
{
  g_return_if_fail (MH_IS_WINDOW (self));

  if (text == NULL)
    text = "";

  if (g_strcmp0 (self->search_text, text) == 0)
    return;

  g_free (self->search_text);
  self->search_text = g_strdup (text);

  /* Setting the entry's text first deletes the old one, and the entry
   * reports the empty text as a search right away: block that echo. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text) != 0)
    {
      g_signal_handlers_block_by_func (self->search_entry,
                                       on_search_entry_search_changed_cb, self);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
      g_signal_handlers_unblock_by_func (self->search_entry,
                                         on_search_entry_search_changed_cb, self);
    }

  apply_query (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_TEXT]);
}

/**
 * mh_window_get_filter:
 * @self: a #MhWindow
 *
 * Returns: the sidebar's list filter: "all", "kind:KIND" or "status:STATUS"
 */
const char *
mh_window_get_filter (MhWindow *self)
{
  g_return_val_if_fail (MH_IS_WINDOW (self), NULL);

  return self->filter;
}

/**
 * mh_window_set_filter:
 * @self: a #MhWindow
 * @filter: "all", "kind:KIND" (such as "kind:open_call") or "status:STATUS"
 *   (such as "status:draft")
 *
 * Lists the entries of one kind or status, or all of them, and selects
 * that filter in the sidebar. An unknown filter lists all entries.
 */
void
mh_window_set_filter (MhWindow   *self,
                      const char *filter)
{
  const MhWindowFilter *found;

  g_return_if_fail (MH_IS_WINDOW (self));

  found = _mh_window_find_filter (filter);
  if (g_strcmp0 (self->filter, found->id) == 0)
    return;

  g_free (self->filter);
  self->filter = g_strdup (found->id);

  apply_query (self);
  _mh_window_sidebar_sync (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

/**
 * mh_window_get_place:
 * @self: a #MhWindow
 *
 * Returns: the id of the site page shown instead of the entries, or ""
 */
const char *
mh_window_get_place (MhWindow *self)
{
  g_return_val_if_fail (MH_IS_WINDOW (self), NULL);

  return self->place;
}

/**
 * mh_window_set_place:
 * @self: a #MhWindow
 * @place: (nullable): the id of a place added with
 *   _mh_window_add_sidebar_place(), or "" or %NULL for the entries
 *
 * Shows a site page (taxonomies, site settings …) in place of the entry
 * list and editor, or the entries again. An unknown place shows the
 * entries.
 */
void
mh_window_set_place (MhWindow   *self,
                     const char *place)
{
  g_return_if_fail (MH_IS_WINDOW (self));

  if (place == NULL || !g_hash_table_contains (self->places, place))
    place = "";

  if (g_strcmp0 (self->place, place) == 0)
    return;

  g_free (self->place);
  self->place = g_strdup (place);

  gtk_stack_set_visible_child_name (self->content_stack, place[0] != '\0' ? place : "entries");
  _mh_window_sidebar_sync (self);
  _mh_window_actions_update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACE]);
}

/**
 * mh_window_get_sort:
 * @self: a #MhWindow
 *
 * Returns: the order of the list: "date", "title" or "updated"
 */
const char *
mh_window_get_sort (MhWindow *self)
{
  g_return_val_if_fail (MH_IS_WINDOW (self), NULL);

  return sort_names[self->sort];
}

/**
 * mh_window_set_sort:
 * @self: a #MhWindow
 * @sort: "date" (newest first), "title" (A to Z) or "updated" (last
 *   changed first)
 *
 * Orders the list. A search lists the best matches first whatever the
 * order.
 */
void
mh_window_set_sort (MhWindow   *self,
                    const char *sort)
{
  MhEntrySort value = MH_ENTRY_SORT_DATE;

  g_return_if_fail (MH_IS_WINDOW (self));

  for (guint i = 0; i < G_N_ELEMENTS (sort_names); i++)
    {
      if (g_strcmp0 (sort, sort_names[i]) == 0)
        value = i;
    }

  if (value == self->sort)
    return;

  self->sort = value;
  apply_query (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
}

/**
 * mh_window_get_term:
 * @self: a #MhWindow
 *
 * Returns: the term filter, "VOCABULARY/SLUG", or "" for none
 */
const char *
mh_window_get_term (MhWindow *self)
{
  g_return_val_if_fail (MH_IS_WINDOW (self), NULL);

  return self->term;
}

/**
 * mh_window_set_term:
 * @self: a #MhWindow
 * @term: (nullable): "VOCABULARY/SLUG", such as "countries/europe", or ""
 *   or %NULL for no term filter
 *
 * Lists only the entries tagged with a term or with one of its
 * descendants (a country of a region).
 */
void
mh_window_set_term (MhWindow   *self,
                    const char *term)
{
  g_return_if_fail (MH_IS_WINDOW (self));

  if (term == NULL)
    term = "";

  if (g_strcmp0 (self->term, term) == 0)
    return;

  g_free (self->term);
  self->term = g_strdup (term);

  update_term_bar (self);
  apply_query (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TERM]);
}

/**
 * _mh_window_show_error:
 * @self: a #MhWindow
 * @error: why the site cannot be shown
 *
 * Drops the site, if any, and shows @error in place of the entries.
 */
void
_mh_window_show_error (MhWindow     *self,
                       const GError *error)
{
  g_autofree char *markup = NULL;
  gboolean had_site;

  g_return_if_fail (MH_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  had_site = self->store != NULL;
  clear_site (self);

  g_free (self->error_message);
  self->error_message = g_strdup (error->message);

  /* The status page description is Pango markup. */
  markup = g_markup_escape_text (error->message, -1);
  adw_status_page_set_description (self->error_page, markup);

  update_title (self);
  _mh_window_actions_update (self);
  _mh_window_update_visible_page (self);

  if (had_site)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRIES]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
}

/**
 * _mh_window_show_store_error:
 * @self: a #MhWindow
 * @error: why a change to the site failed
 *
 * Tells about a failed change in a toast; the site stays open.
 */
void
_mh_window_show_store_error (MhWindow     *self,
                             const GError *error)
{
  g_autoptr(AdwToast) toast = NULL;

  g_return_if_fail (MH_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  g_debug ("A change to the site failed: %s", error->message);
  toast = adw_toast_new (error->message);
  adw_toast_set_timeout (toast, 0);
  _mh_window_add_toast (self, g_steal_pointer (&toast));
}

/**
 * _mh_window_add_toast:
 * @self: a #MhWindow
 * @toast: (transfer full): a toast
 *
 * Shows @toast over the window, in place of the toast before it.
 */
void
_mh_window_add_toast (MhWindow *self,
                      AdwToast *toast)
{
  g_return_if_fail (MH_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  /* The newest news wins: an undo should not wait behind a toast about
   * what happened before it. (Adw 1.2's high priority would re-queue the
   * older toast, and showing it again can abort in adw_toast_overlay.) */
  if (self->last_toast != NULL)
    {
      adw_toast_dismiss (self->last_toast);
      g_object_remove_weak_pointer (G_OBJECT (self->last_toast), (gpointer *) &self->last_toast);
    }
  self->last_toast = toast;
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &self->last_toast);

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * _mh_window_set_editor_widget:
 * @self: a #MhWindow
 * @editor: (nullable): the entry editor: a widget with an #MhStore
 *   property "store" and a nullable #MhEntry property "entry"
 *
 * Puts @editor in the third pane. The window keeps its "store" set to the
 * open site and its "entry" to the selected entry (%NULL when none or
 * several are selected).
 */
void
_mh_window_set_editor_widget (MhWindow  *self,
                              GtkWidget *editor)
{
  g_return_if_fail (MH_IS_WINDOW (self));
  g_return_if_fail (editor == NULL || GTK_IS_WIDGET (editor));

  if (self->editor == editor)
    return;

  if (self->editor != NULL)
    {
      g_object_set (self->editor, "entry", NULL, NULL);
      gtk_stack_remove (self->editor_stack, self->editor);
      g_clear_object (&self->editor);
    }

  if (editor != NULL)
    {
      self->editor = g_object_ref_sink (editor);
      gtk_widget_set_vexpand (editor, TRUE);
      gtk_stack_add_named (self->editor_stack, editor, "editor");
      g_object_bind_property (self, "store", editor, "store", G_BINDING_SYNC_CREATE);
      g_object_set (editor, "entry", self->selected_entry, NULL);
    }

  _mh_window_update_editor_page (self);
}

static GtkWidget *
wrap_place_page (MhWindow   *self,
                 const char *title,
                 GtkWidget  *page)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *back = gtk_button_new_from_icon_name ("go-previous-symbolic");

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (title, NULL));
  gtk_widget_set_tooltip_text (back, _("Back"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (back), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Back"),
                                  -1);
  g_signal_connect_object (back, "clicked", G_CALLBACK (on_sidebar_back_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  g_object_bind_property (self->leaflet, "folded", back, "visible", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->leaflet, "folded", header, "show-start-title-buttons",
                          G_BINDING_SYNC_CREATE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), back);

  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), page);

  return box;
}

/**
 * _mh_window_add_sidebar_place:
 * @self: a #MhWindow
 * @id: a short name for the place, such as "site-settings"; the
 *   MhWindow:place value that shows it
 * @title: the translated title shown in the sidebar and over the page
 * @icon_name: a symbolic icon for the sidebar
 * @page: the page; when it has a "store" property, the window keeps it set
 *   to the open site
 *
 * Adds a place (taxonomies, people, partners, media, site settings …) to
 * the site section of the sidebar. A place exists only once its page does,
 * so the sidebar never offers a dead row.
 */
void
_mh_window_add_sidebar_place (MhWindow   *self,
                              const char *id,
                              const char *title,
                              const char *icon_name,
                              GtkWidget  *page)
{
  g_return_if_fail (MH_IS_WINDOW (self));
  g_return_if_fail (id != NULL && id[0] != '\0');
  g_return_if_fail (title != NULL);
  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (!g_hash_table_contains (self->places, id));
  g_return_if_fail (gtk_stack_get_child_by_name (self->content_stack, id) == NULL);

  gtk_stack_add_named (self->content_stack, wrap_place_page (self, title, page), id);
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (page), "store") != NULL)
    g_object_bind_property (self, "store", page, "store", G_BINDING_SYNC_CREATE);

  g_hash_table_insert (self->places, g_strdup (id),
                       _mh_window_sidebar_add_place (self, id, title, icon_name));
}

/**
 * _mh_window_set_last_export_message:
 * @self: a #MhWindow
 * @message: what the last export did
 *
 * Remembers the toast of the last export as MhWindow:last-export-message.
 */
void
_mh_window_set_last_export_message (MhWindow   *self,
                                    const char *message)
{
  g_return_if_fail (MH_IS_WINDOW (self));

  g_free (self->last_export_message);
  self->last_export_message = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_EXPORT_MESSAGE]);
}

/**
 * _mh_window_show_list:
 * @self: a #MhWindow
 *
 * Makes the entry list visible, also on a folded window.
 */
void
_mh_window_show_list (MhWindow *self)
{
  g_return_if_fail (MH_IS_WINDOW (self));

  mh_window_set_place (self, "");
  adw_leaflet_set_visible_child_name (ADW_LEAFLET (self->leaflet), "content");
  adw_leaflet_set_visible_child_name (ADW_LEAFLET (self->content_leaflet), "list");
}

/**
 * _mh_window_focus_search:
 * @self: a #MhWindow
 *
 * Shows the list and puts the keyboard focus in its search entry.
 */
void
_mh_window_focus_search (MhWindow *self)
{
  g_return_if_fail (MH_IS_WINDOW (self));

  _mh_window_show_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * _mh_window_reset_query:
 * @self: a #MhWindow
 *
 * Lists every entry: no search, no term, the "all" filter.
 */
void
_mh_window_reset_query (MhWindow *self)
{
  g_return_if_fail (MH_IS_WINDOW (self));

  mh_window_set_search_text (self, "");
  mh_window_set_term (self, "");
  mh_window_set_filter (self, "all");
}

/**
 * _mh_window_update_counts:
 * @self: a #MhWindow
 *
 * Counts the entries of each sidebar filter again, once the main loop is
 * idle.
 */
void
_mh_window_update_counts (MhWindow *self)
{
  g_return_if_fail (MH_IS_WINDOW (self));

  if (self->counts_idle_id == 0)
    self->counts_idle_id = g_idle_add_full (COUNTS_PRIORITY, _mh_window_sidebar_count_idle_cb,
                                            self, NULL);
}
