/* mh-window.c
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mh-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mh-entry-list.h"
#include "mh-entry.h"
#include "mh-export-dialog.h"
#include "mh-store.h"
#include "mh-types.h"
#include "mh-window-private.h"
#include "mh-window.h"

/* Below these window widths the Kind and then the Date column are hidden,
 * so that titles keep room on a narrow window. */
#define NARROW_HIDE_KIND_WIDTH 700
#define NARROW_HIDE_DATE_WIDTH 560
#define KIND_COLUMN_WIDTH      120
#define DATE_COLUMN_WIDTH      220

/* The schema id stays the same in a development (".Devel") build, so it is
 * not derived from APP_ID. */
#define SETTINGS_SCHEMA_ID "io.github.masthead.Masthead"

struct _MhWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  GtkColumnView        *column_view;
  GtkColumnViewColumn  *date_column;
  AdwStatusPage        *empty_page;
  AdwStatusPage        *error_page;
  GtkColumnViewColumn  *kind_column;
  GtkSearchBar         *search_bar;
  GtkToggleButton      *search_button;
  GtkSearchEntry       *search_entry;
  GtkSingleSelection   *selection;
  GtkStack             *stack;
  GtkColumnViewColumn  *status_column;
  GtkColumnViewColumn  *title_column;
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;

  /* owned references */
  MhStore              *store;
  MhEntryList          *entries;
  GSettings            *settings;

  /* borrowed references */
  MhExportDialog       *export_dialog;     /* weak pointer */

  /* state */
  char                 *path;
  char                 *error_message;
  char                 *search_text;
  char                 *last_export_message;
  const char           *visible_page;
  guint                 columns_idle_id;
  int                   columns_width;
};

G_DEFINE_FINAL_TYPE (MhWindow, mh_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PATH,
  PROP_STORE,
  PROP_ENTRIES,
  PROP_ERROR_MESSAGE,
  PROP_VISIBLE_PAGE,
  PROP_SEARCH_TEXT,
  PROP_LAST_EXPORT_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *settings_keys[] = {
  "window-width",
  "window-height",
  "window-maximized",
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

static char **
status_css_classes (gpointer this,
                    int      status)
{
  const char *name = NULL;
  char **classes = g_new0 (char *, 3);

  if (status >= 0 && status < MH_N_ENTRY_STATUSES)
    name = mh_entry_status_to_string ((MhEntryStatus) status);

  classes[0] = g_strdup ("status-pill");
  classes[1] = g_strdup_printf ("status-%s", name != NULL ? name : "unknown");

  return classes;
}

/* GTK 4.8 still counts the fixed width of a hidden column when it measures
 * the view, which leaves a gap and a horizontal scrollbar: a hidden column
 * drops its fixed width too. */
static void
show_column (GtkColumnViewColumn *column,
             gboolean             shown,
             int                  width)
{
  gtk_column_view_column_set_fixed_width (column, shown ? width : -1);
  gtk_column_view_column_set_visible (column, shown);
}

static GtkListItemFactory *
create_cell_factory (GtkBuilderScope *scope,
                     const char      *name)
{
  g_autofree char *resource = g_strdup_printf (RESOURCE_BASE "/ui/mh-entry-%s-cell.ui", name);

  return gtk_builder_list_item_factory_new_from_resource (scope, resource);
}

static void
setup_columns (MhWindow *self)
{
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  const struct
  {
    GtkColumnViewColumn *column;
    const char          *name;
  } cells[] = {
    { self->title_column, "title" },
    { self->kind_column, "kind" },
    { self->status_column, "status" },
    { self->date_column, "date" },
  };
  guint i;

  gtk_builder_cscope_add_callback_symbol (GTK_BUILDER_CSCOPE (scope), "status_css_classes",
                                          G_CALLBACK (status_css_classes));

  for (i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_autoptr(GtkListItemFactory) factory = create_cell_factory (scope, cells[i].name);

      gtk_column_view_column_set_factory (cells[i].column, factory);
    }

  show_column (self->kind_column, TRUE, KIND_COLUMN_WIDTH);
  show_column (self->date_column, TRUE, DATE_COLUMN_WIDTH);
}

static gboolean
update_columns_idle_cb (gpointer user_data)
{
  MhWindow *self = user_data;
  int width = self->columns_width;

  g_assert (MH_IS_WINDOW (self));

  self->columns_idle_id = 0;

  show_column (self->kind_column, width >= NARROW_HIDE_KIND_WIDTH, KIND_COLUMN_WIDTH);
  show_column (self->date_column, width >= NARROW_HIDE_DATE_WIDTH, DATE_COLUMN_WIDTH);

  return G_SOURCE_REMOVE;
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
}

static void
update_empty_page (MhWindow *self)
{
  g_assert (MH_IS_WINDOW (self));

  if (self->search_text != NULL && self->search_text[0] != '\0')
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Results"));
      adw_status_page_set_description (self->empty_page, _("Try a different search."));
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "document-new-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Entries"));
      adw_status_page_set_description (self->empty_page,
                                       _("This site has no reports, events, articles, "
                                         "open calls or pages yet."));
    }
}

static void
update_visible_page (MhWindow *self)
{
  const char *page;

  g_assert (MH_IS_WINDOW (self));

  if (self->store == NULL || self->entries == NULL)
    page = "error";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->entries)) > 0)
    page = "entries";
  else
    page = "empty";

  if (g_str_equal (page, "empty"))
    update_empty_page (self);

  if (g_strcmp0 (page, self->visible_page) == 0)
    return;

  self->visible_page = page;
  gtk_stack_set_visible_child_name (self->stack, page);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_PAGE]);
}

static void
update_actions (MhWindow *self)
{
  gboolean has_site;

  g_assert (MH_IS_WINDOW (self));

  has_site = self->store != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", has_site);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_site);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-again",
                                 has_site && mh_export_dialog_has_last_export (self->store));
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_button), has_site);
  gtk_search_bar_set_key_capture_widget (self->search_bar, has_site ? GTK_WIDGET (self) : NULL);
  if (!has_site)
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
on_entries_items_changed_cb (MhWindow   *self,
                             guint       position,
                             guint       removed,
                             guint       added,
                             GListModel *model)
{
  g_assert (MH_IS_WINDOW (self));

  update_visible_page (self);
}

static void
on_store_changed_cb (MhWindow *self,
                     MhStore  *store)
{
  g_assert (MH_IS_WINDOW (self));

  update_title (self);
}

static void
on_search_entry_search_changed_cb (MhWindow       *self,
                                   GtkSearchEntry *entry)
{
  g_assert (MH_IS_WINDOW (self));

  mh_window_set_search_text (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
clear_site (MhWindow *self)
{
  g_assert (MH_IS_WINDOW (self));

  if (self->entries != NULL)
    g_signal_handlers_disconnect_by_data (self->entries, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  if (self->selection != NULL)
    gtk_single_selection_set_model (self->selection, NULL);

  g_clear_object (&self->entries);
  g_clear_object (&self->store);
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
  g_signal_connect_object (self->entries, "items-changed",
                           G_CALLBACK (on_entries_items_changed_cb), self, G_CONNECT_SWAPPED);

  if (self->search_text != NULL && self->search_text[0] != '\0')
    g_object_set (self->entries, "text", self->search_text, NULL);

  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->entries));
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
    {
      entries = mh_entry_list_new (store);
      if (!mh_entry_list_reload (entries, &error))
        g_clear_object (&store);
    }

  if (store == NULL)
    {
      _mh_window_show_error (self, error);
      return;
    }

  set_site (self, store, entries);
  update_title (self);
  update_actions (self);
  update_visible_page (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRIES]);
}

static void
mh_window_actions_find_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  MhWindow *self = MH_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_export_dialog_exported_cb (MhWindow       *self,
                              const char     *message,
                              AdwToast       *toast,
                              MhExportDialog *dialog)
{
  g_assert (MH_IS_WINDOW (self));

  g_free (self->last_export_message);
  self->last_export_message = g_strdup (message);

  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (toast));
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_EXPORT_MESSAGE]);
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

static void
mh_window_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  MhWindow *self = MH_WINDOW (widget);

  GTK_WIDGET_CLASS (mh_window_parent_class)->size_allocate (widget, width, height, baseline);

  /* Column visibility changes the layout, which is not allowed while
   * allocating: apply it right after this frame instead. */
  if (width != self->columns_width)
    {
      self->columns_width = width;
      if (self->columns_idle_id == 0)
        self->columns_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_columns_idle_cb,
                                                 self, NULL);
    }
}

static gboolean
mh_window_close_request (GtkWindow *window)
{
  save_window_state (MH_WINDOW (window));

  return GTK_WINDOW_CLASS (mh_window_parent_class)->close_request (window);
}

static void
mh_window_constructed (GObject *object)
{
  MhWindow *self = MH_WINDOW (object);

  G_OBJECT_CLASS (mh_window_parent_class)->constructed (object);

  restore_window_state (self);
  load_site (self);
}

static void
mh_window_dispose (GObject *object)
{
  MhWindow *self = MH_WINDOW (object);

  g_clear_handle_id (&self->columns_idle_id, g_source_remove);
  if (self->export_dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->export_dialog),
                                    (gpointer *) &self->export_dialog);
      gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->export_dialog)));
    }
  clear_site (self);
  g_clear_object (&self->settings);

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

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
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

  widget_class->size_allocate = mh_window_size_allocate;

  window_class->close_request = mh_window_close_request;

  /**
   * MhWindow:path:
   *
   * The site file this window shows.
   */
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * MhWindow:store:
   *
   * The open site, or %NULL when it could not be opened.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         MH_TYPE_STORE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * MhWindow:entries:
   *
   * The listed entries (a #GListModel of #MhEntry, fetched on demand), or
   * %NULL when the site could not be opened.
   */
  properties[PROP_ENTRIES] =
    g_param_spec_object ("entries", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * MhWindow:error-message:
   *
   * Why the site could not be opened, or %NULL.
   */
  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * MhWindow:visible-page:
   *
   * What the window shows: "entries", "empty" or "error".
   */
  properties[PROP_VISIBLE_PAGE] =
    g_param_spec_string ("visible-page", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * MhWindow:search-text:
   *
   * The full-text search applied to the list; empty for none.
   */
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * MhWindow:last-export-message:
   *
   * What the last export from this window did, as its toast said, or %NULL.
   */
  properties[PROP_LAST_EXPORT_MESSAGE] =
    g_param_spec_string ("last-export-message", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/mh-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MhWindow, column_view);
  gtk_widget_class_bind_template_child (widget_class, MhWindow, date_column);
  gtk_widget_class_bind_template_child (widget_class, MhWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, MhWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, MhWindow, kind_column);
  gtk_widget_class_bind_template_child (widget_class, MhWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, MhWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, MhWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MhWindow, selection);
  gtk_widget_class_bind_template_child (widget_class, MhWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, MhWindow, status_column);
  gtk_widget_class_bind_template_child (widget_class, MhWindow, title_column);
  gtk_widget_class_bind_template_child (widget_class, MhWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MhWindow, window_title);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.find", NULL, mh_window_actions_find_cb);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, mh_window_actions_export_cb);
  gtk_widget_class_install_action (widget_class, "win.export-again", NULL,
                                   mh_window_actions_export_again_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-again", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);

  g_type_ensure (MH_TYPE_ENTRY);
}

static void
mh_window_init (MhWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->search_text = g_strdup ("");

  setup_columns (self);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
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
 * Filters the list to the entries matching @text, and shows it in the
 * search bar.
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
  if (text[0] != '\0' && self->store != NULL)
    gtk_search_bar_set_search_mode (self->search_bar, TRUE);

  if (self->entries != NULL)
    g_object_set (self->entries, "text", text[0] != '\0' ? text : NULL, NULL);

  update_visible_page (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_TEXT]);
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
  update_actions (self);
  update_visible_page (self);

  if (had_site)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRIES]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
}
