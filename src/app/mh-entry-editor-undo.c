/* mh-entry-editor-undo.c: undo and redo of the form's changes
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An undo step is a snapshot of the entry and its lists (not of the body,
 * which has its GtkSourceBuffer's own undo). Steps are taken at each
 * autosave point and around explicit actions; applying one assigns it to
 * the objects the form shows, with mh_entry_assign() and
 * mh_entry_details_assign(), keeping the body as it is.
 */

#define G_LOG_DOMAIN "mh-entry-editor"

#include "config.h"

#include "mh-entry-editor-private.h"

#define MAX_UNDO_STEPS 100

/* --- snapshots ------------------------------------------------------------- */

/**
 * _mh_editor_snapshot_new:
 * @entry: an entry
 * @details: its lists
 *
 * Returns: (transfer full): copies of both, as an undo step
 */
MhEditorSnapshot *
_mh_editor_snapshot_new (MhEntry        *entry,
                         MhEntryDetails *details)
{
  MhEditorSnapshot *snapshot = g_new0 (MhEditorSnapshot, 1);

  snapshot->entry = mh_entry_copy (entry);
  snapshot->details = mh_entry_details_copy (details);
  return snapshot;
}

/**
 * _mh_editor_snapshot_free:
 * @snapshot: (nullable): an undo step
 */
void
_mh_editor_snapshot_free (MhEditorSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_clear_object (&snapshot->entry);
  g_clear_object (&snapshot->details);
  g_free (snapshot);
}

static gboolean
rows_equal (GObject *a,
            GObject *b)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n = 0;

  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    return FALSE;
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *va = NULL;
      g_autofree char *vb = NULL;

      /* Labels are for display; the store fills them in. */
      if (pspecs[i]->value_type != G_TYPE_STRING || g_str_equal (pspecs[i]->name, "label"))
        continue;
      g_object_get (a, pspecs[i]->name, &va, NULL);
      g_object_get (b, pspecs[i]->name, &vb, NULL);
      if (g_strcmp0 (va, vb) != 0)
        return FALSE;
    }
  return TRUE;
}

/**
 * _mh_entry_list_equal:
 * @a: a list of #MhEntryDetails
 * @b: another
 *
 * Returns: %TRUE when both hold the same rows, labels aside
 */
gboolean
_mh_entry_list_equal (GListModel *a,
                      GListModel *b)
{
  guint n = g_list_model_get_n_items (a);

  if (n != g_list_model_get_n_items (b))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) ra = g_list_model_get_item (a, i);
      g_autoptr(GObject) rb = g_list_model_get_item (b, i);

      if (!rows_equal (ra, rb))
        return FALSE;
    }
  return TRUE;
}

/**
 * _mh_entry_details_equal:
 * @a: details
 * @b: other details
 *
 * Returns: %TRUE when every list holds the same rows (labels aside)
 */
gboolean
_mh_entry_details_equal (MhEntryDetails *a,
                         MhEntryDetails *b)
{
  GListStore *(*getters[]) (MhEntryDetails *) = {
    mh_entry_details_get_terms, mh_entry_details_get_partners, mh_entry_details_get_related,
    mh_entry_details_get_programme, mh_entry_details_get_downloads,
    mh_entry_details_get_eligible_countries, mh_entry_details_get_participants,
  };

  for (guint i = 0; i < G_N_ELEMENTS (getters); i++)
    if (!_mh_entry_list_equal (G_LIST_MODEL (getters[i] (a)), G_LIST_MODEL (getters[i] (b))))
      return FALSE;
  return TRUE;
}

/* The form (not the body) is as @snapshot has it. */
static gboolean
snapshot_matches (MhEditorSnapshot *snapshot,
                  MhEntry          *entry,
                  MhEntryDetails   *details)
{
  g_auto(GStrv) fields = mh_entry_diff_fields (snapshot->entry, entry);

  for (guint i = 0; fields[i] != NULL; i++)
    if (!g_str_equal (fields[i], "body"))
      return FALSE;
  return _mh_entry_details_equal (snapshot->details, details);
}

/* --- undo -------------------------------------------------------------------- */

static gboolean
body_has_focus (MhEntryEditor *self)
{
  return gtk_widget_has_focus (GTK_WIDGET (self->body_view));
}

/**
 * _mh_entry_editor_update_undo_actions:
 * @self: an editor
 *
 * Enables undo and redo when there is something to undo or redo: typing,
 * while the body has the keyboard; form changes otherwise.
 */
void
_mh_entry_editor_update_undo_actions (MhEntryEditor *self)
{
  gboolean can_undo = FALSE;
  gboolean can_redo = FALSE;

  if (self->entry != NULL && !self->read_only && body_has_focus (self))
    {
      can_undo = gtk_text_buffer_get_can_undo (GTK_TEXT_BUFFER (self->body_buffer));
      can_redo = gtk_text_buffer_get_can_redo (GTK_TEXT_BUFFER (self->body_buffer));
    }
  else if (self->entry != NULL && !self->read_only)
    {
      can_undo = self->undo_stack->len > 0 ||
                 (self->base != NULL && !snapshot_matches (self->base, self->entry, self->details));
      can_redo = self->redo_stack->len > 0;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.undo", can_undo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.redo", can_redo);
}

/**
 * _mh_entry_editor_checkpoint:
 * @self: an editor
 *
 * Makes what changed in the form since the last step an undo step of its
 * own. Called at each autosave point and around explicit actions.
 */
void
_mh_entry_editor_checkpoint (MhEntryEditor *self)
{
  if (self->entry == NULL || self->base == NULL || self->applying)
    return;
  if (snapshot_matches (self->base, self->entry, self->details))
    return;

  g_ptr_array_add (self->undo_stack, g_steal_pointer (&self->base));
  if (self->undo_stack->len > MAX_UNDO_STEPS)
    g_ptr_array_remove_index (self->undo_stack, 0);
  self->base = _mh_editor_snapshot_new (self->entry, self->details);
  g_ptr_array_set_size (self->redo_stack, 0);
  _mh_entry_editor_update_undo_actions (self);
}

/* Gives the form @snapshot's values, keeping the body as it is. */
static void
apply_snapshot (MhEntryEditor    *self,
                MhEditorSnapshot *snapshot)
{
  g_autoptr(MhEntry) values = mh_entry_copy (snapshot->entry);

  _mh_entry_editor_sync_body (self);
  mh_entry_set_body (values, mh_entry_get_body (self->entry));
  self->applying = TRUE;
  mh_entry_assign (self->entry, values);
  mh_entry_details_assign (self->details, snapshot->details);
  self->applying = FALSE;
  _mh_entry_editor_form_update_slug_follows (self);
  _mh_entry_editor_changed (self);
}

static void
step (MhEntryEditor *self,
      GPtrArray     *from,
      GPtrArray     *to)
{
  MhEditorSnapshot *snapshot;

  /* Changes not yet a step become one; that starts a new branch of
   * history, which drops what could be redone. */
  _mh_entry_editor_checkpoint (self);
  if (from->len == 0)
    return;

  g_ptr_array_add (to, _mh_editor_snapshot_new (self->entry, self->details));
  snapshot = g_ptr_array_steal_index (from, from->len - 1);
  apply_snapshot (self, snapshot);
  _mh_editor_snapshot_free (self->base);
  self->base = snapshot;
  _mh_entry_editor_update_undo_actions (self);
}

/**
 * _mh_entry_editor_undo:
 * @self: an editor
 *
 * Takes back typing in the body when the body has the keyboard, otherwise
 * the last change of the form (changes not yet a step first).
 */
void
_mh_entry_editor_undo (MhEntryEditor *self)
{
  GtkTextBuffer *body = GTK_TEXT_BUFFER (self->body_buffer);

  /* In the body, Ctrl+Z only ever takes typing back. */
  if (body_has_focus (self))
    {
      if (gtk_text_buffer_get_can_undo (body))
        gtk_text_buffer_undo (body);
    }
  else if (self->entry != NULL)
    step (self, self->undo_stack, self->redo_stack);
}

/**
 * _mh_entry_editor_redo:
 * @self: an editor
 *
 * Does again what _mh_entry_editor_undo() took back.
 */
void
_mh_entry_editor_redo (MhEntryEditor *self)
{
  GtkTextBuffer *body = GTK_TEXT_BUFFER (self->body_buffer);

  if (body_has_focus (self))
    {
      if (gtk_text_buffer_get_can_redo (body))
        gtk_text_buffer_redo (body);
    }
  else if (self->entry != NULL)
    step (self, self->redo_stack, self->undo_stack);
}
