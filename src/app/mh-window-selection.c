/* mh-window-selection.c: which entries are selected, and the editor pane
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mh-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mh-entry.h"
#include "mh-window-private.h"

/* Selection.
 *
 * The list is read again after every change to the store and for every
 * query. The rows it replaces lose their selection in GTK, and an entry
 * that moved (a new title under the title order) is a replaced row. The
 * window therefore keeps the ids of the selected entries and selects them
 * again after each reload. */

static guint
find_position (MhWindow *self,
               gint64    id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));

  for (guint i = 0; i < n; i++)
    {
      if (mh_entry_list_get_id (self->entries, i) == id)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
read_selected_ids (MhWindow *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  GtkBitsetIter iter;
  guint position;

  g_array_set_size (self->selected_ids, 0);
  if (self->entries == NULL)
    return;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position);
       ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      gint64 id = mh_entry_list_get_id (self->entries, position);

      g_array_append_val (self->selected_ids, id);
    }
}

static void
set_selected_entry (MhWindow *self,
                    MhEntry  *entry)
{
  if (!g_set_object (&self->selected_entry, entry))
    return;

  if (self->editor != NULL)
    g_object_set (self->editor, "entry", entry, NULL);

  g_object_notify (G_OBJECT (self), "selected-entry");
}

/* The editor keeps the entry object it was given while its id stays
 * selected, so that reloading the list does not reload the form under the
 * editor's hands. @reload forces a fresh copy (after a change made by the
 * window, such as a status change). */
static void
update_selected_entry (MhWindow *self,
                       gboolean  reload)
{
  g_autoptr(MhEntry) entry = NULL;
  gint64 id;
  guint position;

  if (self->selected_ids->len != 1 || self->entries == NULL)
    {
      set_selected_entry (self, NULL);
      return;
    }

  id = g_array_index (self->selected_ids, gint64, 0);
  if (!reload && self->selected_entry != NULL && mh_entry_get_id (self->selected_entry) == id)
    return;

  /* A copy: the list updates the entries it shows in place after each
   * change to the site, and must not do so under the editor's hands. */
  position = find_position (self, id);
  if (position != GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(MhEntry) listed = g_list_model_get_item (G_LIST_MODEL (self->entries), position);

      entry = mh_entry_copy (listed);
    }

  if (reload && self->editor != NULL)
    g_object_set (self->editor, "entry", NULL, NULL);
  if (reload)
    g_clear_object (&self->selected_entry);
  set_selected_entry (self, entry);
}

static void
selection_changed (MhWindow *self,
                   gboolean  reload)
{
  update_selected_entry (self, reload);
  _mh_window_update_editor_page (self);
  _mh_window_actions_update (self);
}

static void
on_selection_selection_changed_cb (MhWindow          *self,
                                   guint              position,
                                   guint              n_items,
                                   GtkSelectionModel *model)
{
  g_assert (MH_IS_WINDOW (self));

  if (self->restoring_selection)
    return;

  read_selected_ids (self);
  selection_changed (self, FALSE);
}

static void
restore_selection (MhWindow *self)
{
  g_autoptr(GtkBitset) selected = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) mask = NULL;
  g_autoptr(GHashTable) wanted = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));

  if (self->selected_ids->len == 1)
    {
      guint position = find_position (self, g_array_index (self->selected_ids, gint64, 0));

      if (position != GTK_INVALID_LIST_POSITION)
        gtk_bitset_add (selected, position);
    }
  else
    {
      wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = 0; i < self->selected_ids->len; i++)
        g_hash_table_add (wanted, &g_array_index (self->selected_ids, gint64, i));
      for (guint i = 0; i < n; i++)
        {
          gint64 id = mh_entry_list_get_id (self->entries, i);

          if (g_hash_table_contains (wanted, &id))
            gtk_bitset_add (selected, i);
        }
    }

  mask = gtk_bitset_new_range (0, n);
  self->restoring_selection = TRUE;
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), selected, mask);
  self->restoring_selection = FALSE;

  /* Entries that left the list (deleted, or filtered out) leave the
   * selection too. */
  if (gtk_bitset_get_size (selected) != self->selected_ids->len)
    read_selected_ids (self);
}

static void
on_selection_items_changed_cb (MhWindow   *self,
                               guint       position,
                               guint       removed,
                               guint       added,
                               GListModel *model)
{
  g_autoptr(GtkBitset) selected = NULL;

  g_assert (MH_IS_WINDOW (self));

  /* While the site closes, the positions are not the list's. */
  if (self->adapter == NULL ||
      g_list_model_get_n_items (G_LIST_MODEL (self->selection)) !=
      g_list_model_get_n_items (G_LIST_MODEL (self->entries)))
    return;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (gtk_bitset_get_size (selected) != self->selected_ids->len)
    restore_selection (self);
  selection_changed (self, FALSE);
  _mh_window_update_visible_page (self);
}

/**
 * _mh_window_selection_reloaded:
 * @self: a window
 *
 * The list was read again: rows keep their positions but may show other
 * entries now, so the selection is put back on the selected entries.
 */
void
_mh_window_selection_reloaded (MhWindow *self)
{
  g_return_if_fail (MH_IS_WINDOW (self));

  if (self->adapter == NULL ||
      g_list_model_get_n_items (G_LIST_MODEL (self->selection)) !=
      g_list_model_get_n_items (G_LIST_MODEL (self->entries)))
    return;

  restore_selection (self);
  selection_changed (self, FALSE);
  _mh_window_update_visible_page (self);
}

static void
on_list_view_activate_cb (MhWindow    *self,
                          guint        position,
                          GtkListView *list_view)
{
  g_assert (MH_IS_WINDOW (self));

  _mh_window_open_selected (self);
}

static gboolean
open_after_click_idle_cb (gpointer user_data)
{
  MhWindow *self = user_data;

  if (adw_leaflet_get_folded (ADW_LEAFLET (self->content_leaflet)) &&
      self->selected_ids->len == 1)
    _mh_window_open_selected (self);

  return G_SOURCE_REMOVE;
}

/* On a folded window a click on a row opens the entry, as on a phone. The
 * gesture sees the click before the row does; the row selects on release,
 * so the entry is opened right after. */
static void
on_list_click_released_cb (MhWindow        *self,
                           int              n_press,
                           double           x,
                           double           y,
                           GtkGestureClick *gesture)
{
  GdkModifierType state;

  g_assert (MH_IS_WINDOW (self));

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  if (n_press != 1 || (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0)
    return;

  if (adw_leaflet_get_folded (ADW_LEAFLET (self->content_leaflet)))
    g_idle_add_full (G_PRIORITY_HIGH_IDLE, open_after_click_idle_cb, g_object_ref (self),
                     g_object_unref);
}

/* Without an editor widget the pane shows what the selected entry is. */
static void
update_placeholder (MhWindow *self)
{
  const MhWindowFilter *filter;
  g_autofree char *kind_filter = NULL;
  g_autofree char *date = NULL;
  g_autofree char *description = NULL;
  g_autofree char *markup = NULL;

  if (self->selected_entry == NULL)
    {
      adw_status_page_set_icon_name (self->editor_placeholder, "document-edit-symbolic");
      adw_status_page_set_title (self->editor_placeholder, _("No Entry Selected"));
      adw_status_page_set_description (self->editor_placeholder,
                                       _("Choose an entry in the list, or make a new one "
                                         "with Ctrl+N."));
      return;
    }

  kind_filter = g_strdup_printf ("kind:%s", mh_entry_kind_to_string (
                                   mh_entry_get_kind (self->selected_entry)));
  filter = _mh_window_find_filter (kind_filter);
  date = mh_entry_dup_display_date (self->selected_entry);
  /* Translators: what an entry is, under its title: "Report · Published · 12 Sep 2024" */
  description = g_strdup_printf (date != NULL ? _("%s · %s · %s") : _("%s · %s"),
                                 mh_entry_get_kind_label (self->selected_entry),
                                 mh_entry_get_status_label (self->selected_entry), date);
  markup = g_markup_escape_text (description, -1);

  adw_status_page_set_icon_name (self->editor_placeholder, filter->icon_name);
  adw_status_page_set_title (self->editor_placeholder, mh_entry_get_title (self->selected_entry));
  adw_status_page_set_description (self->editor_placeholder, markup);
}

/**
 * _mh_window_selection_init:
 * @self: a #MhWindow
 *
 * Follows the selection of the list and the activation of its rows.
 */
void
_mh_window_selection_init (MhWindow *self)
{
  GtkEventController *shortcuts;
  GtkShortcutTrigger *trigger;
  GtkGesture *click;

  g_return_if_fail (MH_IS_WINDOW (self));

  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (on_selection_selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (on_selection_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list_view, "activate",
                           G_CALLBACK (on_list_view_activate_cb), self, G_CONNECT_SWAPPED);

  /* Delete deletes the selected entries while the list has the focus
   * (and only then: in a text field it deletes text). */
  shortcuts = gtk_shortcut_controller_new ();
  trigger = gtk_shortcut_trigger_parse_string ("Delete|KP_Delete");
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (trigger,
                                                          gtk_named_action_new ("win.delete")));
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), shortcuts);

  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "released", G_CALLBACK (on_list_click_released_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), GTK_EVENT_CONTROLLER (click));
}

/**
 * _mh_window_update_editor_page:
 * @self: a #MhWindow
 *
 * Shows in the third pane the editor of the selected entry, or what the
 * selection is when there is no single entry to edit.
 */
void
_mh_window_update_editor_page (MhWindow *self)
{
  guint n;

  g_return_if_fail (MH_IS_WINDOW (self));

  n = self->selected_ids->len;
  gtk_widget_set_sensitive (self->entry_menu_button, n > 0);
  if (n > 1)
    {
      g_autofree char *title =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Entry Selected",
                                      "%u Entries Selected", n), n);

      adw_status_page_set_title (self->selection_page, title);
      adw_window_title_set_title (self->editor_title, title);
      adw_window_title_set_subtitle (self->editor_title, NULL);
      gtk_stack_set_visible_child_name (self->editor_stack, "selection");
      return;
    }

  if (self->selected_entry != NULL)
    {
      adw_window_title_set_title (self->editor_title, mh_entry_get_title (self->selected_entry));
      adw_window_title_set_subtitle (self->editor_title,
                                     mh_entry_get_kind_label (self->selected_entry));
    }
  else
    {
      adw_window_title_set_title (self->editor_title, NULL);
      adw_window_title_set_subtitle (self->editor_title, NULL);
    }
  update_placeholder (self);

  gtk_stack_set_visible_child_name (self->editor_stack,
                                    self->selected_entry != NULL && self->editor != NULL
                                    ? "editor" : "placeholder");
}

/**
 * _mh_window_dup_selected_ids:
 * @self: a #MhWindow
 *
 * Returns: (transfer full) (element-type gint64): the ids of the selected
 *   entries, in list order
 */
GArray *
_mh_window_dup_selected_ids (MhWindow *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (MH_IS_WINDOW (self), ids);

  g_array_append_vals (ids, self->selected_ids->data, self->selected_ids->len);
  return ids;
}

/**
 * _mh_window_select_entry_ids:
 * @self: a #MhWindow
 * @ids: (element-type gint64): entry ids
 *
 * Selects the listed entries among @ids, and only them, and scrolls to the
 * first. A change made by the window (a status change, an undo) may have
 * left the editor's copy behind, so the editor is given a fresh one.
 *
 * Returns: %TRUE when at least one of them is listed
 */
gboolean
_mh_window_select_entry_ids (MhWindow *self,
                             GArray   *ids)
{
  g_return_val_if_fail (MH_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);

  if (self->entries == NULL)
    return FALSE;

  g_array_set_size (self->selected_ids, 0);
  g_array_append_vals (self->selected_ids, ids->data, ids->len);
  restore_selection (self);
  selection_changed (self, TRUE);

  if (self->selected_ids->len == 0)
    return FALSE;

  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                              find_position (self, g_array_index (self->selected_ids, gint64, 0)));
  return TRUE;
}

/**
 * _mh_window_select_position:
 * @self: a #MhWindow
 * @position: a position in the list; past its end, the last entry
 *
 * Selects the entry at @position alone, if the list has any.
 */
void
_mh_window_select_position (MhWindow *self,
                            guint     position)
{
  guint n;

  g_return_if_fail (MH_IS_WINDOW (self));

  n = self->entries != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->entries)) : 0;
  if (n == 0)
    return;

  position = MIN (position, n - 1);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

/**
 * _mh_window_release_entry:
 * @self: a #MhWindow
 *
 * Takes the selected entry out of the editor, which saves what it has,
 * before the window itself changes the entry in the store. Call
 * _mh_window_reload_selected_entry() afterwards.
 */
void
_mh_window_release_entry (MhWindow *self)
{
  g_return_if_fail (MH_IS_WINDOW (self));

  set_selected_entry (self, NULL);
}

/**
 * _mh_window_reload_selected_entry:
 * @self: a #MhWindow
 *
 * Gives the editor a fresh copy of the selected entry, after the window
 * changed it behind the editor's back.
 */
void
_mh_window_reload_selected_entry (MhWindow *self)
{
  g_return_if_fail (MH_IS_WINDOW (self));

  selection_changed (self, TRUE);
}

/**
 * _mh_window_open_selected:
 * @self: a #MhWindow
 *
 * Shows the selected entry in the editor pane, moving there on a folded
 * window, and puts the keyboard focus in the editor.
 */
void
_mh_window_open_selected (MhWindow *self)
{
  g_return_if_fail (MH_IS_WINDOW (self));

  if (self->selected_entry == NULL)
    return;

  mh_window_set_place (self, "");
  adw_leaflet_set_visible_child_name (ADW_LEAFLET (self->leaflet), "content");
  adw_leaflet_set_visible_child_name (ADW_LEAFLET (self->content_leaflet), "editor");
  if (self->editor != NULL)
    gtk_widget_child_focus (self->editor, GTK_DIR_TAB_FORWARD);
}

