/* mh-entry-editor-actions.c: the editor's actions and its status workflow
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * editor.undo (Ctrl+Z), editor.redo (Ctrl+Shift+Z), editor.save-now
 * (Ctrl+S: write now and keep a version), editor.history,
 * editor.set-status ("s": draft, review, published or archived) and the
 * small actions of the form's buttons. The status button offers the next
 * logical step (Draft → Submit for Review → Publish → Archive) and its
 * menu the others; publishing an entry with problems is refused, with the
 * problems shown under their fields.
 */

#define G_LOG_DOMAIN "mh-entry-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "mh-entry-editor-private.h"
#include "mh-store-entries.h"

/* The next workflow steps from each status; the first is the button's. */
typedef struct
{
  MhEntryStatus  from;
  MhEntryStatus  to;
  const char    *label;   /* N_() */
} StatusStep;

static const StatusStep status_steps[] = {
  { MH_ENTRY_STATUS_DRAFT,     MH_ENTRY_STATUS_REVIEW,    N_("Submit for Review") },
  { MH_ENTRY_STATUS_DRAFT,     MH_ENTRY_STATUS_PUBLISHED, N_("Publish Now") },
  { MH_ENTRY_STATUS_REVIEW,    MH_ENTRY_STATUS_PUBLISHED, N_("Publish") },
  { MH_ENTRY_STATUS_REVIEW,    MH_ENTRY_STATUS_DRAFT,     N_("Back to Draft") },
  { MH_ENTRY_STATUS_PUBLISHED, MH_ENTRY_STATUS_ARCHIVED,  N_("Archive") },
  { MH_ENTRY_STATUS_PUBLISHED, MH_ENTRY_STATUS_DRAFT,     N_("Unpublish") },
  { MH_ENTRY_STATUS_ARCHIVED,  MH_ENTRY_STATUS_PUBLISHED, N_("Publish Again") },
  { MH_ENTRY_STATUS_ARCHIVED,  MH_ENTRY_STATUS_DRAFT,     N_("Back to Draft") },
};

/* --- status ------------------------------------------------------------------ */

/**
 * _mh_entry_editor_update_status:
 * @self: an editor
 *
 * Shows the entry's status in the pill and offers its next steps.
 */
void
_mh_entry_editor_update_status (MhEntryEditor *self)
{
  g_autoptr(GMenu) more = g_menu_new ();
  g_autoptr(GMenu) all = g_menu_new ();
  g_autofree char *pill_class = NULL;
  MhEntryStatus status;
  gboolean primary = TRUE;
  const char *classes[3] = { "status-pill", NULL, NULL };

  if (self->entry == NULL)
    return;

  status = mh_entry_get_status (self->entry);
  pill_class = g_strdup_printf ("status-%s", mh_entry_status_to_string (status));
  classes[1] = pill_class;
  gtk_label_set_label (self->status_pill, mh_entry_get_status_label (self->entry));
  gtk_widget_set_css_classes (GTK_WIDGET (self->status_pill), classes);

  for (guint i = 0; i < G_N_ELEMENTS (status_steps); i++)
    {
      const char *to = mh_entry_status_to_string (status_steps[i].to);
      g_autoptr(GMenuItem) item = NULL;

      if (status_steps[i].from != status)
        continue;
      item = g_menu_item_new (_(status_steps[i].label), NULL);
      g_menu_item_set_action_and_target_value (item, "editor.set-status",
                                               g_variant_new_string (to));
      g_menu_append_item (all, item);
      if (!primary)
        {
          g_menu_append_item (more, item);
          continue;
        }

      adw_split_button_set_label (self->status_button, _(status_steps[i].label));
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->status_button),
                                              g_variant_new_string (to));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->status_button), "editor.set-status");
      if (status_steps[i].to == MH_ENTRY_STATUS_PUBLISHED)
        gtk_widget_add_css_class (GTK_WIDGET (self->status_button), "suggested-action");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->status_button), "suggested-action");
      primary = FALSE;
    }
  adw_split_button_set_menu_model (self->status_button, G_MENU_MODEL (more));
  gtk_menu_button_set_menu_model (self->status_menu_button, G_MENU_MODEL (all));
}

static const char *
status_toast (MhEntryStatus status)
{
  switch (status)
    {
    case MH_ENTRY_STATUS_DRAFT:
      return _("Moved back to drafts");
    case MH_ENTRY_STATUS_REVIEW:
      return _("Submitted for review");
    case MH_ENTRY_STATUS_PUBLISHED:
      return _("Published");
    case MH_ENTRY_STATUS_ARCHIVED:
      return _("Archived");
    default:
      return NULL;
    }
}

static void
set_status (MhEntryEditor *self,
            MhEntryStatus  status)
{
  MhEntryStatus before;

  if (self->entry == NULL || self->read_only || mh_entry_get_status (self->entry) == status)
    return;

  before = mh_entry_get_status (self->entry);
  _mh_entry_editor_refresh_problems (self, TRUE);
  if (status == MH_ENTRY_STATUS_PUBLISHED && self->problems->len > 0)
    {
      const MhFieldProblem *problem = g_ptr_array_index (self->problems, 0);
      /* Translators: %s is the first problem, such as “Enter a title.” */
      g_autofree char *message = g_strdup_printf (_("Cannot publish yet: %s"), problem->message);

      _mh_entry_editor_update_state (self);
      _mh_entry_editor_add_toast (self, message);
      return;
    }

  _mh_entry_editor_sync_body (self);
  _mh_entry_editor_checkpoint (self);
  mh_entry_set_status (self->entry, status);
  if (!_mh_entry_editor_save (self, MH_SAVE_DEFAULT) && status == MH_ENTRY_STATUS_PUBLISHED)
    {
      /* Translators: %s says why, such as “Cover image: there is no asset …” */
      g_autofree char *message = g_strdup_printf (_("Cannot publish yet: %s"),
                                                  self->error_message ? self->error_message : "");

      mh_entry_set_status (self->entry, before);
      _mh_entry_editor_add_toast (self, message);
    }
  else if (mh_entry_get_status (self->entry) == status && self->save_error == NULL)
    _mh_entry_editor_add_toast (self, status_toast (status));
  _mh_entry_editor_checkpoint (self);
  _mh_entry_editor_form_update_slug_follows (self);
}

static void
undo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _mh_entry_editor_undo (MH_ENTRY_EDITOR (widget));
}

static void
redo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _mh_entry_editor_redo (MH_ENTRY_EDITOR (widget));
}

/* --- actions --------------------------------------------------------------- */

static void
on_revision_restored_cb (MhEntryEditor    *self,
                         const char       *label,
                         MhRevisionDialog *dialog)
{
  gint64 id = self->entry_id;
  /* Translators: %s is when the restored version was made */
  g_autofree char *message = g_strdup_printf (_("Restored the version of %s"), label);

  g_hash_table_remove (self->stash, &id);
  _mh_entry_editor_load (self);
  _mh_entry_editor_add_toast (self, message);
}

static void
history_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  MhEntryEditor *self = MH_ENTRY_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  MhRevisionDialog *dialog;

  if (self->entry == NULL)
    return;
  if (self->revision_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->revision_dialog));
      return;
    }

  mh_entry_editor_flush (self);
  dialog = mh_revision_dialog_new (self->store, self->entry_id, self->dirty);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "restored", G_CALLBACK (on_revision_restored_cb), self,
                           G_CONNECT_SWAPPED);
  self->revision_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->revision_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_status_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MhEntryEditor *self = MH_ENTRY_EDITOR (widget);
  MhEntryStatus status;

  if (!mh_entry_status_from_string (g_variant_get_string (parameter, NULL), &status))
    {
      g_warning ("Unknown status “%s”", g_variant_get_string (parameter, NULL));
      return;
    }
  set_status (self, status);
}

static void
save_now_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  MhEntryEditor *self = MH_ENTRY_EDITOR (widget);

  _mh_entry_editor_sync_body (self);
  _mh_entry_editor_checkpoint (self);
  _mh_entry_editor_save (self, MH_SAVE_DEFAULT);
}

static void
reset_slug_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MhEntryEditor *self = MH_ENTRY_EDITOR (widget);

  _mh_entry_editor_checkpoint (self);
  _mh_entry_editor_form_reset_slug (self);
  _mh_entry_editor_checkpoint (self);
}

static void
clear_field_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  MhEntryEditor *self = MH_ENTRY_EDITOR (widget);
  const char *property = g_str_has_suffix (action_name, "cover") ? "cover"
                         : g_str_has_suffix (action_name, "country") ? "country"
                         : "report-event";

  if (self->entry == NULL)
    return;
  _mh_entry_editor_checkpoint (self);
  g_object_set (self->entry, property, NULL, NULL);
  _mh_entry_editor_checkpoint (self);
}

static void
add_programme_item_action_cb (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  _mh_entry_editor_lists_add_programme_item (MH_ENTRY_EDITOR (widget));
}

static void
show_problem_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  _mh_entry_editor_focus_first_problem (MH_ENTRY_EDITOR (widget));
}

/**
 * _mh_entry_editor_update_actions:
 * @self: an editor
 *
 * Enables the actions that make sense for the entry now.
 */
void
_mh_entry_editor_update_actions (MhEntryEditor *self)
{
  gboolean editable = self->entry != NULL && !self->read_only;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.history", self->entry != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.set-status", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save-now", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.reset-slug", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-file", editable);
  _mh_entry_editor_update_undo_actions (self);
}

/**
 * _mh_entry_editor_class_actions_init:
 * @widget_class: the editor's class
 *
 * Installs the editor's actions and their keys.
 */
void
_mh_entry_editor_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.undo", NULL, undo_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.redo", NULL, redo_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.history", NULL, history_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.set-status", "s", set_status_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.save-now", NULL, save_now_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.reset-slug", NULL, reset_slug_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.clear-cover", NULL, clear_field_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.clear-country", NULL,
                                   clear_field_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.clear-report-event", NULL,
                                   clear_field_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.add-programme-item", NULL,
                                   add_programme_item_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.show-problem", NULL,
                                   show_problem_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "editor.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save-now", NULL);
}
