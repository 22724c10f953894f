/* mh-revision-dialog.c: an entry's history, compared with today's version
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The revisions are listed newest first, with when they were made and the
 * title they had. Choosing one lists the fields that differ from the entry
 * as it is now and shows both as text, one field a line and then the
 * body, with the lines that differ coloured. “Restore” asks first, then
 * makes the entry as it was (the store keeps the current version as a
 * revision, so a restore can be undone from here too) and emits
 * MhRevisionDialog::restored for the editor to read the entry again.
 */

#define G_LOG_DOMAIN "mh-revision-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "mh-entry-editor-private.h"
#include "mh-revision-dialog.h"
#include "mh-revision.h"
#include "mh-store-entries.h"

struct _MhRevisionDialog
{
  AdwWindow          parent_instance;

  /* template widgets */
  AdwToastOverlay   *toast_overlay;
  AdwWindowTitle    *window_title;
  GtkStack          *stack;
  GtkListBox        *revision_list;
  GtkLabel          *changes_label;
  GtkTextView       *compare_view;

  /* owned references */
  MhStore           *store;
  GListModel        *revisions;

  /* state */
  gint64             entry_id;
  gint64             revision_id;
  char              *changes;
  gboolean           unsaved;
};

G_DEFINE_FINAL_TYPE (MhRevisionDialog, mh_revision_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_REVISIONS,
  PROP_REVISION_ID,
  PROP_CHANGES,
  N_PROPS
};

enum {
  RESTORED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The lists of an entry, in form order, with how one row reads. */
static const char * const list_fields[] = {
  "participants", "programme", "downloads", "eligible-countries", "terms", "partners", "related",
};

/* --- the text of a version ---------------------------------------------------- */

static const char *
either (const char *value,
        const char *otherwise)
{
  return value != NULL ? value : otherwise;
}

static char *
dup_row_text (GObject *row)
{
  if (MH_IS_TERM_REF (row))
    return g_strdup (either (mh_term_ref_get_label (MH_TERM_REF (row)),
                             mh_term_ref_get_term (MH_TERM_REF (row))));
  if (MH_IS_ENTRY_REF (row))
    return g_strdup (either (mh_entry_ref_get_label (MH_ENTRY_REF (row)),
                             mh_entry_ref_get_slug (MH_ENTRY_REF (row))));
  if (MH_IS_PARTNER (row))
    {
      MhPartner *partner = MH_PARTNER (row);

      return g_strdup_printf ("%s (%s)",
                              either (mh_partner_get_label (partner),
                                      mh_partner_get_organisation (partner)),
                              either (mh_partner_relation_get_label (
                                        mh_partner_get_relation (partner)), ""));
    }
  if (MH_IS_PARTICIPANT (row))
    {
      MhParticipant *participant = MH_PARTICIPANT (row);

      return g_strdup_printf ("%s, %s%s%s",
                              either (mh_participant_get_label (participant),
                                      mh_participant_get_person (participant)),
                              either (mh_participant_get_role (participant), "participant"),
                              mh_participant_get_group (participant) ? ", " : "",
                              either (mh_participant_get_group (participant), ""));
    }
  if (MH_IS_PROGRAMME_ITEM (row))
    {
      MhProgrammeItem *item = MH_PROGRAMME_ITEM (row);

      return g_strdup_printf ("%s – %s, %s, %s",
                              either (mh_programme_item_get_start (item), ""),
                              either (mh_programme_item_get_end (item), ""),
                              either (mh_programme_item_get_title (item), ""),
                              either (mh_programme_item_get_venue (item), ""));
    }
  if (MH_IS_DOWNLOAD (row))
    {
      MhDownload *download = MH_DOWNLOAD (row);

      return g_strdup_printf ("%s, %s (%s)",
                              either (mh_download_get_asset (download), ""),
                              either (mh_download_get_title (download), ""),
                              either (mh_download_get_language (download), ""));
    }
  return g_strdup ("");
}

static char *
dup_value_text (MhEntry    *entry,
                GParamSpec *pspec)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, pspec->value_type);
  g_object_get_property (G_OBJECT (entry), pspec->name, &value);

  if (g_str_equal (pspec->name, "status"))
    return g_strdup (mh_entry_get_status_label (entry));
  if (G_VALUE_HOLDS_STRING (&value))
    return g_value_dup_string (&value);
  if (G_VALUE_HOLDS_BOOLEAN (&value))
    return g_value_get_boolean (&value) ? g_strdup (_("yes")) : NULL;
  if (G_VALUE_HOLDS_INT (&value))
    return g_value_get_int (&value) >= 0 ? g_strdup_printf ("%d", g_value_get_int (&value)) : NULL;
  if (G_VALUE_HOLDS (&value, G_TYPE_STRV) && g_value_get_boxed (&value) != NULL)
    return g_strjoinv (", ", g_value_get_boxed (&value));
  return NULL;
}

/* One line a field, one a list row, then the body: what the compare view
 * diffs. */
static char *
dup_document (MhEntry        *entry,
              MhEntryDetails *details)
{
  const char * const *fields = _mh_entry_editor_form_fields ();
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; fields[i] != NULL; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (entry), fields[i]);
      g_autofree char *value = NULL;

      if (pspec == NULL || g_str_equal (fields[i], "body"))
        continue;
      value = dup_value_text (entry, pspec);
      if (value != NULL && value[0] != '\0')
        g_string_append_printf (text, "%s: %s\n", _mh_entry_field_get_label (fields[i]), value);
    }

  for (guint i = 0; i < G_N_ELEMENTS (list_fields); i++)
    {
      g_autoptr(GListStore) store = NULL;

      g_object_get (details, list_fields[i], &store, NULL);
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (store)); j++)
        {
          g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (store), j);
          g_autofree char *row_text = dup_row_text (row);

          g_string_append_printf (text, "%s: %s\n", _mh_entry_field_get_label (list_fields[i]),
                                  row_text);
        }
    }

  if (mh_entry_get_body (entry) != NULL)
    g_string_append_printf (text, "\n%s\n", mh_entry_get_body (entry));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
dup_changed_fields (MhEntry        *then,
                    MhEntryDetails *then_details,
                    MhEntry        *now,
                    MhEntryDetails *now_details)
{
  g_auto(GStrv) fields = mh_entry_diff_fields (then, now);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; fields[i] != NULL; i++)
    {
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, _mh_entry_field_get_label (fields[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (list_fields); i++)
    {
      g_autoptr(GListStore) a = NULL;
      g_autoptr(GListStore) b = NULL;

      g_object_get (then_details, list_fields[i], &a, NULL);
      g_object_get (now_details, list_fields[i], &b, NULL);
      if (!_mh_entry_list_equal (G_LIST_MODEL (a), G_LIST_MODEL (b)))
        {
          if (names->len > 0)
            g_string_append (names, ", ");
          g_string_append (names, _mh_entry_field_get_label (list_fields[i]));
        }
    }

  if (names->len == 0)
    return g_strdup (_("This version is the same as the entry now."));
  /* Translators: %s lists fields, such as “Title, Body, Terms” */
  return g_strdup_printf (_("Changed since this version: %s."), names->str);
}

/* --- the compare view --------------------------------------------------------- */

static void
set_up_tags (MhRevisionDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->compare_view);
  GdkRGBA added = { 0.18f, 0.76f, 0.49f, 0.22f };
  GdkRGBA removed = { 0.88f, 0.11f, 0.14f, 0.20f };

  gtk_text_buffer_create_tag (buffer, "added", "paragraph-background-rgba", &added, NULL);
  gtk_text_buffer_create_tag (buffer, "removed", "paragraph-background-rgba", &removed,
                              "strikethrough", FALSE, NULL);
  gtk_text_buffer_create_tag (buffer, "same", "foreground-rgba",
                              &(GdkRGBA) { 0.5f, 0.5f, 0.5f, 1.0f }, NULL);
}

/* Unchanged lines this far from a change are shown; longer runs of them
 * are folded into one "…" line. */
#define CONTEXT_LINES 2

static gboolean
near_change (GPtrArray *lines,
             guint      index)
{
  guint from = index >= CONTEXT_LINES ? index - CONTEXT_LINES : 0;
  guint to = MIN (index + CONTEXT_LINES, lines->len - 1);

  for (guint i = from; i <= to; i++)
    if (((MhDiffLine *) g_ptr_array_index (lines, i))->op != MH_DIFF_EQUAL)
      return TRUE;
  return FALSE;
}

static void
show_diff (MhRevisionDialog *self,
           const char       *then,
           const char       *now)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->compare_view);
  g_autoptr(GPtrArray) lines = mh_text_diff_lines (then, now);
  gboolean changed = FALSE;
  gboolean folded = FALSE;
  GtkTextIter end;

  for (guint i = 0; i < lines->len; i++)
    changed |= ((MhDiffLine *) g_ptr_array_index (lines, i))->op != MH_DIFF_EQUAL;

  gtk_text_buffer_set_text (buffer, "", 0);
  for (guint i = 0; i < lines->len; i++)
    {
      const MhDiffLine *line = g_ptr_array_index (lines, i);
      const char *prefix = line->op == MH_DIFF_INSERT   ? "+ "
                           : line->op == MH_DIFF_DELETE ? "− "
                                                        : "  ";
      const char *tag = line->op == MH_DIFF_INSERT ? "added"
                        : line->op == MH_DIFF_DELETE ? "removed" : "same";
      g_autofree char *text = NULL;

      gtk_text_buffer_get_end_iter (buffer, &end);
      if (changed && line->op == MH_DIFF_EQUAL && !near_change (lines, i))
        {
          if (!folded)
            gtk_text_buffer_insert_with_tags_by_name (buffer, &end, "  …\n", -1, "same", NULL);
          folded = TRUE;
          continue;
        }
      folded = FALSE;
      text = g_strconcat (prefix, line->text, "\n", NULL);
      gtk_text_buffer_insert_with_tags_by_name (buffer, &end, text, -1, tag, NULL);
    }
}

static void
set_changes (MhRevisionDialog *self,
             const char       *changes)
{
  g_free (self->changes);
  self->changes = g_strdup (changes);
  gtk_label_set_label (self->changes_label, changes);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGES]);
}

static void
compare (MhRevisionDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MhEntry) then = NULL;
  g_autoptr(MhEntryDetails) then_details = NULL;
  g_autoptr(MhEntry) now = NULL;
  g_autoptr(MhEntryDetails) now_details = NULL;
  g_autofree char *then_text = NULL;
  g_autofree char *now_text = NULL;
  g_autofree char *changes = NULL;

  if (self->revision_id == 0)
    {
      set_changes (self, NULL);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->compare_view), "", 0);
      return;
    }

  then = mh_store_get_revision_entry (self->store, self->revision_id, &error);
  if (then != NULL)
    then_details = mh_store_get_revision_details (self->store, self->revision_id, &error);
  if (then_details != NULL)
    now = mh_store_get_entry (self->store, self->entry_id, &error);
  if (now != NULL)
    now_details = mh_store_get_entry_details (self->store, self->entry_id, &error);
  if (now_details == NULL)
    {
      set_changes (self, error->message);
      return;
    }

  changes = dup_changed_fields (then, then_details, now, now_details);
  set_changes (self, changes);
  then_text = dup_document (then, then_details);
  now_text = dup_document (now, now_details);
  show_diff (self, then_text, now_text);
}

/* --- the list of revisions ---------------------------------------------------- */

static GtkWidget *
create_revision_row (gpointer item,
                     gpointer user_data)
{
  MhRevision *revision = item;
  g_autofree char *when = mh_revision_dup_label (revision);
  g_autofree char *what = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *time = gtk_label_new (when);
  GtkWidget *title;

  /* Translators: an entry's title, then its status, such as “Published” */
  what = g_strdup_printf (_("%s · %s"),
                          mh_revision_get_title (revision) ? mh_revision_get_title (revision) : "",
                          mh_entry_status_get_label (mh_revision_get_status (revision)));
  title = gtk_label_new (what);
  gtk_label_set_xalign (GTK_LABEL (time), 0);
  gtk_widget_add_css_class (time, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (title, what);
  gtk_widget_add_css_class (title, "dim-label");
  gtk_widget_add_css_class (title, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), time);
  gtk_box_append (GTK_BOX (box), title);
  g_object_set_data (G_OBJECT (box), "revision-id",
                     GSIZE_TO_POINTER ((gsize) mh_revision_get_id (revision)));
  return box;
}

static gint64
row_revision_id (GtkListBoxRow *row)
{
  GtkWidget *box = gtk_list_box_row_get_child (row);

  return (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (box), "revision-id"));
}

static void
on_row_selected_cb (MhRevisionDialog *self,
                    GtkListBoxRow    *row,
                    GtkListBox       *list)
{
  gint64 id = row != NULL ? row_revision_id (row) : 0;

  if (self->revision_id == id)
    return;
  self->revision_id = id;
  compare (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.restore", id != 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVISION_ID]);
}

static void
load_revisions (MhRevisionDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MhEntry) entry = mh_store_get_entry (self->store, self->entry_id, &error);
  GtkListBoxRow *first;

  if (entry != NULL)
    adw_window_title_set_subtitle (self->window_title, mh_entry_get_title (entry));
  g_clear_object (&self->revisions);
  self->revisions = mh_store_list_revisions (self->store, self->entry_id, &error);
  if (self->revisions == NULL)
    {
      g_warning ("Failed to read the history of entry %" G_GINT64_FORMAT ": %s",
                 self->entry_id, error->message);
      self->revisions = G_LIST_MODEL (g_list_store_new (MH_TYPE_REVISION));
    }
  gtk_list_box_bind_model (self->revision_list, self->revisions, create_revision_row, self, NULL);
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (self->revisions) > 0 ? "revisions"
                                                                                    : "empty");
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->changes_label)), TRUE);
  first = gtk_list_box_get_row_at_index (self->revision_list, 0);
  if (first != NULL)
    gtk_list_box_select_row (self->revision_list, first);
  else
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.restore", FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVISIONS]);
}

/* --- restoring -------------------------------------------------------------- */

static char *
dup_revision_label (MhRevisionDialog *self)
{
  for (guint i = 0; i < g_list_model_get_n_items (self->revisions); i++)
    {
      g_autoptr(MhRevision) revision = g_list_model_get_item (self->revisions, i);

      if (mh_revision_get_id (revision) == self->revision_id)
        return mh_revision_dup_label (revision);
    }
  return g_strdup ("");
}

static gboolean
close_idle_cb (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
on_restore_response_cb (MhRevisionDialog *self,
                        const char       *response,
                        AdwMessageDialog *dialog)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = dup_revision_label (self);

  if (!mh_store_restore_revision (self->store, self->revision_id, &error))
    {
      /* Translators: %s says why */
      g_autofree char *message = g_strdup_printf (_("Could not restore this version: %s"),
                                                  error->message);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
      return;
    }
  g_signal_emit (self, signals[RESTORED], 0, label);
  /* The question is still answering, and it is transient for this window:
   * close once it has gone. */
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (self), g_object_unref);
}

static void
restore_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  MhRevisionDialog *self = MH_REVISION_DIALOG (widget);
  g_autofree char *label = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (self->revision_id == 0)
    return;

  label = dup_revision_label (self);
  /* Translators: %s is when the version was made, such as “10 Jun 2024, 14:02” */
  body = g_strdup_printf (_("The entry goes back to how it was on %s. Its current version is "
                            "kept in the history, so you can come back to it.%s"),
                          label,
                          self->unsaved ? _(" Changes that could not be saved are lost.") : "");
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Restore This Version?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "restore");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response::restore", G_CALLBACK (on_restore_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- GObject ------------------------------------------------------------------- */

static void
mh_revision_dialog_dispose (GObject *object)
{
  MhRevisionDialog *self = (MhRevisionDialog *) object;

  /* Taking the rows away selects none; nothing is left to compare. */
  if (self->revision_list != NULL)
    g_signal_handlers_disconnect_by_data (self->revision_list, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), MH_TYPE_REVISION_DIALOG);
  g_clear_object (&self->revisions);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mh_revision_dialog_parent_class)->dispose (object);
}

static void
mh_revision_dialog_finalize (GObject *object)
{
  MhRevisionDialog *self = (MhRevisionDialog *) object;

  g_free (self->changes);

  G_OBJECT_CLASS (mh_revision_dialog_parent_class)->finalize (object);
}

static void
mh_revision_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  MhRevisionDialog *self = MH_REVISION_DIALOG (object);

  switch (prop_id)
    {
    case PROP_REVISIONS:
      g_value_set_object (value, self->revisions);
      break;
    case PROP_REVISION_ID:
      g_value_set_int64 (value, self->revision_id);
      break;
    case PROP_CHANGES:
      g_value_set_string (value, self->changes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mh_revision_dialog_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  MhRevisionDialog *self = MH_REVISION_DIALOG (object);

  switch (prop_id)
    {
    case PROP_REVISION_ID:
      mh_revision_dialog_set_revision_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mh_revision_dialog_class_init (MhRevisionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mh_revision_dialog_dispose;
  object_class->finalize = mh_revision_dialog_finalize;
  object_class->get_property = mh_revision_dialog_get_property;
  object_class->set_property = mh_revision_dialog_set_property;

  properties[PROP_REVISIONS] =
    g_param_spec_object ("revisions", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVISION_ID] =
    g_param_spec_int64 ("revision-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHANGES] =
    g_param_spec_string ("changes", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MhRevisionDialog::restored:
   * @self: the dialog
   * @label: when the restored version was made, for people
   *
   * The entry in the store is now as it was in the chosen version.
   */
  signals[RESTORED] =
    g_signal_new ("restored", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/mh-revision-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MhRevisionDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MhRevisionDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, MhRevisionDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, MhRevisionDialog, revision_list);
  gtk_widget_class_bind_template_child (widget_class, MhRevisionDialog, changes_label);
  gtk_widget_class_bind_template_child (widget_class, MhRevisionDialog, compare_view);

  gtk_widget_class_install_action (widget_class, "history.restore", NULL, restore_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mh_revision_dialog_init (MhRevisionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  set_up_tags (self);
  g_signal_connect_object (self->revision_list, "row-selected", G_CALLBACK (on_row_selected_cb),
                           self, G_CONNECT_SWAPPED);
}

/**
 * mh_revision_dialog_new:
 * @store: the site
 * @entry_id: the entry whose history to show
 * @unsaved: whether the editor holds changes that could not be saved, which
 *   a restore would drop
 *
 * Returns: (transfer full): a new history window, showing the newest
 *   revision compared with the entry as it is now
 */
MhRevisionDialog *
mh_revision_dialog_new (MhStore  *store,
                        gint64    entry_id,
                        gboolean  unsaved)
{
  MhRevisionDialog *self;

  g_return_val_if_fail (MH_IS_STORE (store), NULL);

  self = g_object_new (MH_TYPE_REVISION_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->entry_id = entry_id;
  self->unsaved = unsaved;
  load_revisions (self);
  return self;
}

/**
 * mh_revision_dialog_get_revisions:
 * @self: a history window
 *
 * Returns: (transfer none): the #MhRevision items, newest first
 */
GListModel *
mh_revision_dialog_get_revisions (MhRevisionDialog *self)
{
  g_return_val_if_fail (MH_IS_REVISION_DIALOG (self), NULL);
  return self->revisions;
}

/**
 * mh_revision_dialog_get_revision_id:
 * @self: a history window
 *
 * Returns: the chosen revision, or 0
 */
gint64
mh_revision_dialog_get_revision_id (MhRevisionDialog *self)
{
  g_return_val_if_fail (MH_IS_REVISION_DIALOG (self), 0);
  return self->revision_id;
}

/**
 * mh_revision_dialog_set_revision_id:
 * @self: a history window
 * @revision_id: one of the listed revisions
 *
 * Chooses a revision, as clicking it would.
 */
void
mh_revision_dialog_set_revision_id (MhRevisionDialog *self,
                                    gint64            revision_id)
{
  GtkListBoxRow *row;

  g_return_if_fail (MH_IS_REVISION_DIALOG (self));

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->revision_list, i)) != NULL; i++)
    if (row_revision_id (row) == revision_id)
      {
        gtk_list_box_select_row (self->revision_list, row);
        return;
      }
}

/**
 * mh_revision_dialog_get_changes:
 * @self: a history window
 *
 * Returns: (transfer none) (nullable): the sentence that lists the fields
 *   the chosen revision has otherwise than the entry now
 */
const char *
mh_revision_dialog_get_changes (MhRevisionDialog *self)
{
  g_return_val_if_fail (MH_IS_REVISION_DIALOG (self), NULL);
  return self->changes;
}

/**
 * mh_revision_dialog_dup_compare_text:
 * @self: a history window
 *
 * Returns: (transfer full): the compare view's text, each line starting
 *   with “+ ”, “− ” or two spaces
 */
char *
mh_revision_dialog_dup_compare_text (MhRevisionDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (MH_IS_REVISION_DIALOG (self), NULL);

  buffer = gtk_text_view_get_buffer (self->compare_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}
