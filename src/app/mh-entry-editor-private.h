/* mh-entry-editor-private.h
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <gtksourceview/gtksource.h>

#include "mh-choice-popover.h"
#include "mh-entry-details.h"
#include "mh-entry-editor.h"
#include "mh-preview-view.h"
#include "mh-revision-dialog.h"
#include "mh-store-entries.h"

G_BEGIN_DECLS

/* An undo step: what the entry and its lists were. */
typedef struct
{
  MhEntry        *entry;
  MhEntryDetails *details;
} MhEditorSnapshot;

struct _MhEntryEditor
{
  GtkWidget            parent_instance;

  /* template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkStack            *stack;
  AdwStatusPage       *error_page;
  GtkWidget           *header_box;
  GtkLabel            *status_pill;
  GtkWidget           *state_button;
  GtkWidget           *state_icon;
  GtkLabel            *state_label;
  AdwSplitButton      *status_button;
  GtkMenuButton       *status_menu_button;
  GtkScrolledWindow   *scroller;
  GtkWidget           *form_box;
  GtkLabel            *read_only_label;
  GtkWidget           *title_group;
  AdwEntryRow         *title_row;
  AdwEntryRow         *slug_row;
  GtkWidget           *slug_reset_button;
  GtkWidget           *summary_group;
  GtkTextView         *summary_view;
  GtkWidget           *body_group;
  GtkSourceView       *body_view;
  GtkWidget           *publication_group;
  AdwEntryRow         *date_row;
  AdwEntryRow         *language_row;
  AdwEntryRow         *authors_row;
  AdwEntryRow         *posted_by_row;
  AdwEntryRow         *website_row;
  GtkWidget           *article_group;
  AdwEntryRow         *series_row;
  AdwEntryRow         *hashtags_row;
  GtkWidget           *cover_group;
  AdwActionRow        *cover_row;
  GtkWidget           *cover_clear_button;
  GtkMenuButton       *cover_button;
  AdwEntryRow         *cover_alt_row;
  AdwEntryRow         *cover_credit_row;
  GtkWidget           *event_group;
  AdwEntryRow         *event_start_row;
  AdwEntryRow         *event_end_row;
  GtkWidget           *all_day_row;
  GtkSwitch           *all_day_switch;
  AdwActionRow        *time_zone_row;
  GtkMenuButton       *time_zone_button;
  GtkWidget           *place_group;
  AdwEntryRow         *venue_row;
  AdwEntryRow         *city_row;
  AdwActionRow        *country_row;
  GtkWidget           *country_clear_button;
  GtkMenuButton       *country_button;
  GtkWidget           *online_row;
  GtkSwitch           *online_switch;
  AdwEntryRow         *event_format_row;
  GtkWidget           *participants_group;
  GtkMenuButton       *participants_add_button;
  GtkWidget           *planned_row;
  GtkSpinButton       *planned_spin;
  GtkWidget           *actual_row;
  GtkSpinButton       *actual_spin;
  GtkListBox          *participants_list;
  GtkWidget           *programme_group;
  GtkListBox          *programme_list;
  GtkWidget           *report_group;
  AdwEntryRow         *publisher_row;
  AdwActionRow        *report_event_row;
  GtkWidget           *report_event_clear_button;
  GtkMenuButton       *report_event_button;
  GtkWidget           *downloads_group;
  GtkMenuButton       *downloads_add_button;
  GtkListBox          *downloads_list;
  GtkWidget           *call_group;
  AdwComboRow         *call_category_row;
  AdwEntryRow         *deadline_row;
  GtkWidget           *eligible_group;
  GtkListBox          *eligible_list;
  GtkWidget           *terms_group;
  GtkListBox          *terms_list;
  GtkWidget           *partners_group;
  GtkMenuButton       *partners_add_button;
  GtkListBox          *partners_list;
  GtkWidget           *related_group;
  GtkMenuButton       *related_add_button;
  GtkListBox          *related_list;
  AdwFlap             *preview_flap;
  MhPreviewView       *preview_view;

  /* owned references */
  MhStore             *store;
  MhEntry             *entry;
  MhEntryDetails      *details;
  GtkSourceBuffer     *body_buffer;
  GBindingGroup       *bindings;
  GtkStringList       *call_categories;
  GListModel          *vocabularies;      /* MhChoice, read when an entry is loaded */
  GHashTable          *labels;            /* "vocabulary/slug" or "entry/slug" → label */
  GHashTable          *stash;             /* id → MhEditorSnapshot not saved yet */
  GPtrArray           *problems;          /* MhFieldProblem, all of them, in form order */
  GPtrArray           *undo_stack;        /* MhEditorSnapshot, oldest first */
  GPtrArray           *redo_stack;        /* MhEditorSnapshot, most recent last */
  MhEditorSnapshot    *base;              /* the state the last undo step ended in */
  GHashTable          *problem_labels;    /* group widget → its GtkLabel of problems */
  GHashTable          *term_pickers;      /* vocabulary key → MhChoicePopover (owned by GTK) */
  GCancellable        *files_cancellable; /* files being added, choosers open */
  GtkCssProvider      *body_font_provider;

  /* borrowed references */
  MhRevisionDialog    *revision_dialog;   /* weak pointer */

  /* state */
  gint64               entry_id;
  char                *state;
  char                *body_font;
  char                *error_message;
  char                *save_error;
  GHashTable          *shown;             /* field names whose problem is on screen */
  guint                save_id;
  guint                preview_id;
  guint                loading : 1;
  guint                saving : 1;
  guint                applying : 1;
  guint                dirty : 1;
  guint                body_dirty : 1;
  guint                syncing_body : 1;
  guint                syncing_slug : 1;
  guint                slug_follows_title : 1;
  guint                read_only : 1;
};

/* mh-entry-editor.c */
const char       *_mh_entry_field_get_label           (const char     *field);
const char * const *_mh_entry_editor_form_fields      (void);
void              _mh_entry_editor_changed            (MhEntryEditor  *self);
gboolean          _mh_entry_editor_save               (MhEntryEditor  *self,
                                                       MhSaveFlags     flags);
void              _mh_entry_editor_load               (MhEntryEditor  *self);
void              _mh_entry_editor_sync_body          (MhEntryEditor  *self);
void              _mh_entry_editor_refresh_problems   (MhEntryEditor  *self,
                                                       gboolean        show_all);
void              _mh_entry_editor_update_state       (MhEntryEditor  *self);
void              _mh_entry_editor_add_toast          (MhEntryEditor  *self,
                                                       const char     *title);
const MhFieldProblem *_mh_entry_editor_first_problem  (MhEntryEditor  *self);
void              _mh_entry_editor_focus_first_problem (MhEntryEditor *self);
GtkSourceBuffer  *_mh_entry_editor_get_body_buffer    (MhEntryEditor  *self);
MhEntryDetails   *_mh_entry_editor_get_details        (MhEntryEditor  *self);
GtkWidget        *_mh_entry_editor_get_field_widget   (MhEntryEditor  *self,
                                                       const char     *field);
MhRevisionDialog *_mh_entry_editor_get_revision_dialog (MhEntryEditor *self);
MhChoicePopover  *_mh_entry_editor_get_picker         (MhEntryEditor  *self,
                                                       const char     *name);
const char       *_mh_entry_editor_get_problem_text   (MhEntryEditor  *self,
                                                       const char     *group);

/* mh-entry-editor-actions.c */
void              _mh_entry_editor_class_actions_init (GtkWidgetClass *widget_class);
void              _mh_entry_editor_update_actions     (MhEntryEditor  *self);
void              _mh_entry_editor_update_status      (MhEntryEditor  *self);

/* mh-entry-editor-undo.c */
void              _mh_entry_editor_checkpoint         (MhEntryEditor  *self);
void              _mh_entry_editor_update_undo_actions (MhEntryEditor *self);
void              _mh_entry_editor_undo               (MhEntryEditor  *self);
void              _mh_entry_editor_redo               (MhEntryEditor  *self);
gboolean          _mh_entry_list_equal                (GListModel     *a,
                                                       GListModel     *b);

/* mh-entry-editor-form.c: the fields of the entry itself */
void              _mh_entry_editor_form_init          (MhEntryEditor  *self);
void              _mh_entry_editor_form_bind          (MhEntryEditor  *self);
void              _mh_entry_editor_form_update        (MhEntryEditor  *self,
                                                       const char     *property);
void              _mh_entry_editor_form_slug_title_changed (MhEntryEditor *self);
void              _mh_entry_editor_form_reset_slug    (MhEntryEditor  *self);
void              _mh_entry_editor_form_all_day_changed (MhEntryEditor *self);
void              _mh_entry_editor_form_update_slug_follows (MhEntryEditor *self);
gboolean          _mh_entry_editor_form_slug_taken    (MhEntryEditor  *self,
                                                       const char     *slug);
char             *_mh_entry_editor_dup_label          (MhEntryEditor  *self,
                                                       const char     *kind,
                                                       const char     *key);
GListModel       *_mh_entry_editor_time_zones         (void);
char             *_mh_entry_editor_dup_shown_date     (const char     *value);

/* mh-entry-editor-files.c */
void              _mh_entry_editor_class_files_init   (GtkWidgetClass *widget_class);
void              _mh_entry_editor_add_file           (MhEntryEditor  *self,
                                                       const char     *target,
                                                       GFile          *file);

/* mh-entry-editor-lists.c: the lists of MhEntryDetails */
void              _mh_entry_editor_lists_init         (MhEntryEditor  *self);
void              _mh_entry_editor_lists_bind         (MhEntryEditor  *self);
void              _mh_entry_editor_lists_check        (MhEntryEditor  *self,
                                                       GPtrArray      *problems);
void              _mh_entry_editor_lists_show_problems (MhEntryEditor *self);
void              _mh_entry_editor_lists_add_programme_item (MhEntryEditor *self);

/* Snapshots */
MhEditorSnapshot *_mh_editor_snapshot_new             (MhEntry        *entry,
                                                       MhEntryDetails *details);
void              _mh_editor_snapshot_free            (MhEditorSnapshot *snapshot);
gboolean          _mh_entry_details_equal             (MhEntryDetails *a,
                                                       MhEntryDetails *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MhEditorSnapshot, _mh_editor_snapshot_free)

G_END_DECLS
