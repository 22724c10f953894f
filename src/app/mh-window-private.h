/* mh-window-private.h
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mh-entry-list-adapter.h"
#include "mh-entry-list.h"
#include "mh-export-dialog.h"
#include "mh-window.h"

G_BEGIN_DECLS

/* The list filters of the sidebar, in their order there. */
typedef struct
{
  const char *id;          /* the MhWindow:filter value */
  const char *title;       /* N_() */
  const char *icon_name;
  int         kind;        /* MhEntryKind or -1 */
  int         status;      /* MhEntryStatus or -1 */
} MhWindowFilter;

#define MH_WINDOW_N_FILTERS (1 + MH_N_ENTRY_KINDS + MH_N_ENTRY_STATUSES)

/* Object data on each sidebar row: its filter or place id, and whether it
 * is a place. */
#define MH_SIDEBAR_ID_KEY    "mh-sidebar-id"
#define MH_SIDEBAR_PLACE_KEY "mh-sidebar-place"

struct _MhWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  GtkWidget            *content_leaflet;
  GtkStack             *content_stack;
  AdwWindowTitle       *editor_title;
  GtkWidget            *entry_menu_button;
  AdwStatusPage        *editor_placeholder;
  GtkStack             *editor_stack;
  AdwStatusPage        *empty_page;
  AdwStatusPage        *error_page;
  AdwWindowTitle       *error_title;
  GtkWidget            *leaflet;
  AdwWindowTitle       *list_title;
  GtkStack             *list_stack;
  GtkListView          *list_view;
  GtkStack             *main_stack;
  GtkMenuButton        *new_entry_button;
  GMenu                *primary_menu;
  GtkSearchEntry       *search_entry;
  GtkMultiSelection    *selection;
  AdwStatusPage        *selection_page;
  GtkListBox           *sidebar_list;
  GtkMenuButton        *sort_button;
  GMenu                *sort_menu;
  GtkLabel             *term_label;
  GtkRevealer          *term_revealer;
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;

  /* owned references */
  MhStore              *store;
  MhEntryList          *entries;
  MhEntryListAdapter   *adapter;           /* entries, as the list view shows them */
  GSettings            *settings;
  MhEntry              *selected_entry;
  GtkWidget            *editor;
  GSignalGroup         *recent_signals;    /* the application's recent sites menu */
  GHashTable           *places;            /* id → its GtkListBoxRow (owned by the list box) */
  GBytes               *undo_snapshot;
  GArray               *undo_ids;          /* gint64: what an undo selects again */
  GArray               *selected_ids;      /* gint64, in list order */

  /* borrowed references */
  MhExportDialog       *export_dialog;     /* weak pointer */
  GtkWidget            *close_dialog;      /* weak pointer: “discard changes?” */
  AdwToast             *undo_toast;        /* weak pointer */
  AdwToast             *last_toast;        /* weak pointer */
  GtkLabel             *count_labels[MH_WINDOW_N_FILTERS];
  GtkListBoxRow        *filter_rows[MH_WINDOW_N_FILTERS];

  /* state */
  gboolean              close_confirmed;  /* the editor's unsaved problems may go */
  char                 *path;
  char                 *error_message;
  char                 *search_text;
  char                 *last_export_message;
  char                 *filter;
  char                 *place;
  char                 *term;              /* "vocabulary/slug" or NULL */
  const char           *visible_page;
  MhEntrySort           sort;
  guint                 counts_idle_id;
  guint                 restoring_selection : 1;
};

extern const MhWindowFilter _mh_window_filters[MH_WINDOW_N_FILTERS];

void                   _mh_window_show_error              (MhWindow     *self,
                                                           const GError *error);
void                   _mh_window_show_store_error        (MhWindow     *self,
                                                           const GError *error);
void                   _mh_window_add_toast               (MhWindow     *self,
                                                           AdwToast     *toast);
void                   _mh_window_set_editor_widget       (MhWindow     *self,
                                                           GtkWidget    *editor);
void                   _mh_window_add_sidebar_place       (MhWindow     *self,
                                                           const char   *id,
                                                           const char   *title,
                                                           const char   *icon_name,
                                                           GtkWidget    *page);
void                   _mh_window_show_list               (MhWindow     *self);
void                   _mh_window_focus_search            (MhWindow     *self);
void                   _mh_window_reset_query             (MhWindow     *self);
void                   _mh_window_set_last_export_message (MhWindow     *self,
                                                           const char   *message);
void                   _mh_window_update_counts           (MhWindow     *self);
void                   _mh_window_update_visible_page     (MhWindow     *self);

/* mh-window-selection.c */
void                   _mh_window_selection_init          (MhWindow     *self);
void                   _mh_window_selection_reloaded      (MhWindow     *self);
GArray                *_mh_window_dup_selected_ids        (MhWindow     *self);
gboolean               _mh_window_select_entry_ids        (MhWindow     *self,
                                                           GArray       *ids);
void                   _mh_window_select_position         (MhWindow     *self,
                                                           guint         position);
void                   _mh_window_release_entry           (MhWindow     *self);
void                   _mh_window_reload_selected_entry   (MhWindow     *self);
void                   _mh_window_open_selected           (MhWindow     *self);
void                   _mh_window_update_editor_page      (MhWindow     *self);

/* mh-window-sidebar.c */
void                   _mh_window_sidebar_init            (MhWindow     *self);
void                   _mh_window_sidebar_sync            (MhWindow     *self);
const MhWindowFilter  *_mh_window_find_filter             (const char   *id);
GtkListBoxRow         *_mh_window_sidebar_add_place       (MhWindow     *self,
                                                           const char   *id,
                                                           const char   *title,
                                                           const char   *icon_name);
gboolean               _mh_window_sidebar_count_idle_cb   (gpointer      user_data);
gint64                 _mh_window_sidebar_get_count       (MhWindow     *self,
                                                           const char   *filter);
void                   _mh_window_fill_terms_menu         (MhWindow     *self);
char                  *_mh_window_dup_term_label          (MhWindow     *self,
                                                           const char   *term);

/* mh-window-actions.c */
void                   _mh_window_class_actions_init      (GtkWidgetClass *widget_class);
void                   _mh_window_actions_init            (MhWindow     *self);
void                   _mh_window_actions_update          (MhWindow     *self);
void                   _mh_window_actions_set_undo        (MhWindow     *self,
                                                           GBytes       *snapshot,
                                                           GArray       *ids,
                                                           const char   *message);

G_END_DECLS
