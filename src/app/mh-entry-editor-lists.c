/* mh-entry-editor-lists.c: the lists of an entry in the editor
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each list of MhEntryDetails is a GListStore that a GtkListBox shows
 * through gtk_list_box_bind_model(); a row's widgets write straight into
 * the row object, and MhEntryDetails::changed tells the editor to save.
 * Adding, moving and removing rows are explicit actions, each an undo
 * step of its own. Terms are shown as chips, one row per vocabulary, with
 * a searchable picker over the vocabulary's terms (indented by depth).
 *
 * The store refuses a list row without what it needs (a programme item
 * without a title, a download without a file); the editor checks the
 * same rules first, so that the problem is shown under the list and the
 * rest of the entry keeps being saved once it is fixed.
 */

#define G_LOG_DOMAIN "mh-entry-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mh-choice.h"
#include "mh-entry-editor-private.h"


/* Roles of event participants; the store keeps the key. */
static const struct
{
  const char *key;
  const char *label;   /* N_() */
} roles[] = {
  { "participant", N_("Participant") },
  { "speaker",     N_("Speaker") },
  { "moderator",   N_("Moderator") },
  { "host",        N_("Host") },
  { "mentor",      N_("Mentor") },
  { "fellow",      N_("Fellow") },
};

/* Relations of partners, as the dropdown names them: shorter than the
 * phrases the site shows (mh_partner_relation_get_label()). */
static const struct
{
  const char *key;
  const char *label;   /* N_() */
} relations[] = {
  { "organiser",     N_("Organiser") },
  { "co-organiser",  N_("Co-organiser") },
  { "funder",        N_("Funder") },
  { "support",       N_("Supporter") },
  { "media-partner", N_("Media partner") },
};

/* A picker that adds to a list: which list, and for terms which vocabulary. */
typedef struct
{
  MhEntryEditor *self;
  char          *list;         /* "terms", "eligible-countries", "partners" … */
  char          *vocabulary;   /* for terms */
} ListPicker;

static void
list_picker_free (ListPicker *picker)
{
  g_free (picker->list);
  g_free (picker->vocabulary);
  g_free (picker);
}

static GListStore *
details_list (MhEntryEditor *self,
              const char    *list)
{
  GListStore *store = NULL;

  if (self->details != NULL)
    g_object_get (self->details, list, &store, NULL);
  if (store != NULL)
    g_object_unref (store);   /* the details keep it */
  return store;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* --- bindings between row objects and entries ------------------------------ */

static gboolean
string_to_text (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  /* Dates and times are typed with a space and kept with a T. */
  if (GPOINTER_TO_INT (user_data))
    g_value_take_string (to, _mh_entry_editor_dup_shown_date (text));
  else
    g_value_set_string (to, text != NULL ? text : "");
  return TRUE;
}

static gboolean
text_to_string (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  char *text = g_strdup (g_value_get_string (from));

  if (GPOINTER_TO_INT (user_data))
    {
      g_strstrip (text);
      if (strlen (text) > 10 && text[10] == ' ')
        text[10] = 'T';
    }
  g_value_take_string (to, text);
  return TRUE;
}

static GtkWidget *
bound_entry (gpointer    item,
             const char *property,
             const char *placeholder,
             gboolean    date_time)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_editable_set_enable_undo (GTK_EDITABLE (entry), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  placeholder, -1);
  g_object_bind_property_full (item, property, entry, "text",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               string_to_text, text_to_string,
                               GINT_TO_POINTER (date_time), NULL);
  return entry;
}

/* --- moving and removing rows -------------------------------------------- */

static GtkWidget *
icon_button (const char *icon_name,
             const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
attach_item (gpointer    widget,
             GListStore *store,
             gpointer    item)
{
  g_object_set_data_full (G_OBJECT (widget), "mh-item", g_object_ref (item), g_object_unref);
  g_object_set_data (G_OBJECT (widget), "mh-store", store);
}

static void
focus_row_button (GtkListBox *list,
                  guint       position,
                  const char *which)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, position);
  GtkWidget *button = row != NULL ? g_object_get_data (G_OBJECT (row), which) : NULL;

  if (button != NULL && gtk_widget_get_sensitive (button))
    gtk_widget_grab_focus (button);
  else if (row != NULL)
    gtk_widget_child_focus (GTK_WIDGET (row), GTK_DIR_TAB_FORWARD);
}

static void
move_row (MhEntryEditor *self,
          GtkWidget     *button,
          int            delta)
{
  GListStore *store = g_object_get_data (G_OBJECT (button), "mh-store");
  g_autoptr(GObject) item = g_object_ref (g_object_get_data (G_OBJECT (button), "mh-item"));
  GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  guint position;

  if (!g_list_store_find (store, item, &position) ||
      (delta < 0 && position == 0) || (delta > 0 && position + 1 >= n))
    return;

  _mh_entry_editor_checkpoint (self);
  g_list_store_remove (store, position);
  g_list_store_insert (store, position + delta, item);
  _mh_entry_editor_checkpoint (self);
  focus_row_button (list, position + delta, delta < 0 ? "move-up" : "move-down");
}

static void
on_move_up_clicked_cb (GtkWidget     *button,
                       MhEntryEditor *self)
{
  move_row (self, button, -1);
}

static void
on_move_down_clicked_cb (GtkWidget     *button,
                         MhEntryEditor *self)
{
  move_row (self, button, 1);
}

static void
on_remove_clicked_cb (GtkWidget     *button,
                      MhEntryEditor *self)
{
  GListStore *store = g_object_get_data (G_OBJECT (button), "mh-store");
  GObject *item = g_object_get_data (G_OBJECT (button), "mh-item");
  GtkWidget *list = gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX);
  guint position;

  if (!g_list_store_find (store, item, &position))
    return;

  _mh_entry_editor_checkpoint (self);
  g_list_store_remove (store, position);
  _mh_entry_editor_checkpoint (self);
  if (list != NULL && GTK_IS_LIST_BOX (list))
    focus_row_button (GTK_LIST_BOX (list),
                      position > 0 ? position - 1 : 0, "remove");
}

/* Up, down and remove, at the end of a row. */
static GtkWidget *
row_buttons (MhEntryEditor *self,
             GtkWidget     *row,
             GListStore    *store,
             gpointer       item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *up = icon_button ("go-up-symbolic", _("Move Up"));
  GtkWidget *down = icon_button ("go-down-symbolic", _("Move Down"));
  GtkWidget *remove = icon_button ("user-trash-symbolic", _("Remove"));

  gtk_widget_add_css_class (up, "row-action");
  gtk_widget_add_css_class (down, "row-action");
  gtk_widget_add_css_class (remove, "row-action");
  attach_item (up, store, item);
  attach_item (down, store, item);
  attach_item (remove, store, item);
  g_signal_connect_object (up, "clicked", G_CALLBACK (on_move_up_clicked_cb), self, 0);
  g_signal_connect_object (down, "clicked", G_CALLBACK (on_move_down_clicked_cb), self, 0);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), self, 0);
  g_object_set_data (G_OBJECT (row), "move-up", up);
  g_object_set_data (G_OBJECT (row), "move-down", down);
  g_object_set_data (G_OBJECT (row), "remove", remove);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), up);
  gtk_box_append (GTK_BOX (box), down);
  gtk_box_append (GTK_BOX (box), remove);
  return box;
}

/* The first row cannot go up, nor the last down. */
static void
update_move_buttons (GtkListBox *list)
{
  GtkListBoxRow *row;
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  for (guint i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      GtkWidget *up = g_object_get_data (G_OBJECT (row), "move-up");
      GtkWidget *down = g_object_get_data (G_OBJECT (row), "move-down");

      if (up != NULL)
        gtk_widget_set_sensitive (up, i > 0);
      if (down != NULL)
        gtk_widget_set_sensitive (down, i + 1 < n);
    }
}

static void
on_list_items_changed_cb (GtkListBox *list,
                          guint       position,
                          guint       removed,
                          guint       added,
                          GListModel *model)
{
  update_move_buttons (list);
}

static GtkWidget *
new_row (void)
{
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static GtkWidget *
row_box (GtkOrientation orientation)
{
  GtkWidget *box = gtk_box_new (orientation, 6);

  gtk_widget_add_css_class (box, "list-item");
  return box;
}

static GtkWidget *
item_label (const char *text,
            gboolean    strong)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_tooltip_text (label, text);
  if (strong)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

/* --- partners ------------------------------------------------------------------ */

static void
on_relation_selected_cb (GtkDropDown   *dropdown,
                         GParamSpec    *pspec,
                         MhEntryEditor *self)
{
  MhPartner *partner = g_object_get_data (G_OBJECT (dropdown), "mh-item");
  const char * const *keys = g_object_get_data (G_OBJECT (dropdown), "relation-keys");
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected >= g_strv_length ((char **) keys) ||
      g_strcmp0 (mh_partner_get_relation (partner), keys[selected]) == 0)
    return;
  _mh_entry_editor_checkpoint (self);
  mh_partner_set_relation (partner, keys[selected]);
  _mh_entry_editor_checkpoint (self);
}

/* The relations the store knows, with the editor's short names. */
static GtkWidget *
relation_dropdown (MhEntryEditor *self,
                   MhPartner     *partner)
{
  const char * const *known = mh_partner_relations ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();
  guint selected = GTK_INVALID_LIST_POSITION;
  GtkWidget *dropdown;

  for (guint i = 0; known[i] != NULL; i++)
    {
      const char *label = mh_partner_relation_get_label (known[i]);

      for (guint j = 0; j < G_N_ELEMENTS (relations); j++)
        if (g_str_equal (relations[j].key, known[i]))
          label = _(relations[j].label);
      gtk_string_list_append (labels, label);
      g_strv_builder_add (keys, known[i]);
      if (g_strcmp0 (known[i], mh_partner_get_relation (partner)) == 0)
        selected = i;
    }

  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  g_object_set_data_full (G_OBJECT (dropdown), "relation-keys", g_strv_builder_end (keys),
                          (GDestroyNotify) g_strfreev);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Relation"), -1);
  attach_item (dropdown, mh_entry_details_get_partners (self->details), partner);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_relation_selected_cb),
                           self, 0);
  return dropdown;
}

static GtkWidget *
create_partner_row (gpointer item,
                    gpointer user_data)
{
  MhEntryEditor *self = user_data;
  MhPartner *partner = item;
  GtkWidget *row = new_row ();
  GtkWidget *box = row_box (GTK_ORIENTATION_HORIZONTAL);

  gtk_box_append (GTK_BOX (box),
                  item_label (mh_partner_get_label (partner)
                                ? mh_partner_get_label (partner)
                                : mh_partner_get_organisation (partner),
                              FALSE));
  gtk_box_append (GTK_BOX (box), relation_dropdown (self, partner));
  gtk_box_append (GTK_BOX (box),
                  row_buttons (self, row, mh_entry_details_get_partners (self->details), item));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

/* --- related entries ------------------------------------------------------------ */

static GtkWidget *
create_related_row (gpointer item,
                    gpointer user_data)
{
  MhEntryEditor *self = user_data;
  MhEntryRef *ref = item;
  GtkWidget *row = new_row ();
  GtkWidget *box = row_box (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *slug = item_label (mh_entry_ref_get_slug (ref), FALSE);

  gtk_widget_add_css_class (slug, "dim-label");
  gtk_widget_add_css_class (slug, "caption");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (labels),
                  item_label (mh_entry_ref_get_label (ref) ? mh_entry_ref_get_label (ref)
                                                           : mh_entry_ref_get_slug (ref),
                              FALSE));
  gtk_box_append (GTK_BOX (labels), slug);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box),
                  row_buttons (self, row, mh_entry_details_get_related (self->details), item));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

/* --- participants -------------------------------------------------------------- */

static void
on_role_selected_cb (GtkDropDown   *dropdown,
                     GParamSpec    *pspec,
                     MhEntryEditor *self)
{
  MhParticipant *participant = g_object_get_data (G_OBJECT (dropdown), "mh-item");
  const char * const *keys = g_object_get_data (G_OBJECT (dropdown), "role-keys");
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected >= g_strv_length ((char **) keys) ||
      g_strcmp0 (mh_participant_get_role (participant), keys[selected]) == 0)
    return;
  _mh_entry_editor_checkpoint (self);
  mh_participant_set_role (participant, keys[selected]);
  _mh_entry_editor_checkpoint (self);
}

static GtkWidget *
role_dropdown (MhEntryEditor *self,
               MhParticipant *participant)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();
  const char *role = mh_participant_get_role (participant);
  guint selected = 0;
  GtkWidget *dropdown;

  if (role == NULL)
    role = "participant";
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      gtk_string_list_append (labels, _(roles[i].label));
      g_strv_builder_add (keys, roles[i].key);
      if (g_str_equal (roles[i].key, role))
        selected = i;
    }
  /* A role of the site's own stays as it is. */
  if (selected == 0 && !g_str_equal (role, "participant"))
    {
      selected = G_N_ELEMENTS (roles);
      gtk_string_list_append (labels, role);
      g_strv_builder_add (keys, role);
    }

  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  g_object_set_data_full (G_OBJECT (dropdown), "role-keys", g_strv_builder_end (keys),
                          (GDestroyNotify) g_strfreev);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Role"), -1);
  attach_item (dropdown, mh_entry_details_get_participants (self->details), participant);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_role_selected_cb), self,
                           0);
  return dropdown;
}

/* The name and the buttons, then the role and the group: two lines, so
 * that a row fits a narrow pane. */
static GtkWidget *
create_participant_row (gpointer item,
                        gpointer user_data)
{
  MhEntryEditor *self = user_data;
  MhParticipant *participant = item;
  GtkWidget *row = new_row ();
  GtkWidget *box = row_box (GTK_ORIENTATION_VERTICAL);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *group = bound_entry (participant, "group", _("Group, such as Arts sector"), FALSE);

  gtk_widget_set_hexpand (group, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (group), 6);
  gtk_box_append (GTK_BOX (top),
                  item_label (mh_participant_get_label (participant)
                                ? mh_participant_get_label (participant)
                                : mh_participant_get_person (participant),
                              TRUE));
  gtk_box_append (GTK_BOX (top),
                  row_buttons (self, row, mh_entry_details_get_participants (self->details),
                               item));
  gtk_box_append (GTK_BOX (bottom), role_dropdown (self, participant));
  gtk_box_append (GTK_BOX (bottom), group);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), bottom);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

/* --- programme ------------------------------------------------------------------- */

static GtkWidget *
create_programme_row (gpointer item,
                      gpointer user_data)
{
  MhEntryEditor *self = user_data;
  GtkWidget *row = new_row ();
  GtkWidget *box = row_box (GTK_ORIENTATION_VERTICAL);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = bound_entry (item, "title", _("Title"), FALSE);
  GtkWidget *start = bound_entry (item, "start", _("Starts"), TRUE);
  GtkWidget *end = bound_entry (item, "end", _("Ends"), TRUE);
  GtkWidget *venue = bound_entry (item, "venue", _("Venue"), FALSE);

  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_set_valign (title, GTK_ALIGN_CENTER);
  /* Room for "2024-06-10 09:30" where there is room, less where not. */
  gtk_editable_set_width_chars (GTK_EDITABLE (start), 8);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (start), 16);
  gtk_editable_set_width_chars (GTK_EDITABLE (end), 8);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (end), 16);
  gtk_editable_set_width_chars (GTK_EDITABLE (venue), 6);
  gtk_widget_set_hexpand (venue, TRUE);
  g_object_set_data (G_OBJECT (row), "title-entry", title);
  g_object_set_data (G_OBJECT (row), "start-entry", start);
  g_object_set_data (G_OBJECT (row), "end-entry", end);

  gtk_box_append (GTK_BOX (top), title);
  gtk_box_append (GTK_BOX (top),
                  row_buttons (self, row, mh_entry_details_get_programme (self->details), item));
  gtk_box_append (GTK_BOX (bottom), start);
  gtk_box_append (GTK_BOX (bottom), end);
  gtk_box_append (GTK_BOX (bottom), venue);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), bottom);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

/**
 * _mh_entry_editor_lists_add_programme_item:
 * @self: an editor
 *
 * Adds an item after the last, starting when the last one ended (or when
 * the event starts), and puts the keyboard in its title.
 */
void
_mh_entry_editor_lists_add_programme_item (MhEntryEditor *self)
{
  GListStore *programme;
  g_autoptr(MhProgrammeItem) item = NULL;
  g_autoptr(MhProgrammeItem) last = NULL;
  GtkListBoxRow *row;
  const char *start = NULL;
  guint n;

  if (self->details == NULL)
    return;
  programme = mh_entry_details_get_programme (self->details);
  n = g_list_model_get_n_items (G_LIST_MODEL (programme));
  if (n > 0)
    {
      last = g_list_model_get_item (G_LIST_MODEL (programme), n - 1);
      start = mh_programme_item_get_end (last) ? mh_programme_item_get_end (last)
                                               : mh_programme_item_get_start (last);
    }
  else
    start = mh_entry_get_event_start (self->entry);

  item = mh_programme_item_new (start, NULL, NULL, NULL);
  _mh_entry_editor_checkpoint (self);
  g_list_store_append (programme, item);
  _mh_entry_editor_checkpoint (self);

  row = gtk_list_box_get_row_at_index (self->programme_list, n);
  if (row != NULL)
    gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), "title-entry"));
}

/* --- downloads ------------------------------------------------------------------- */

static GListModel *
load_assets (gpointer user_data)
{
  MhEntryEditor *self = user_data;

  return self->store != NULL ? mh_store_list_assets (self->store, NULL) : NULL;
}

static void
on_download_asset_chosen_cb (MhChoicePopover *popover,
                             GObject         *item,
                             MhEntryEditor   *self)
{
  MhDownload *download = g_object_get_data (G_OBJECT (popover), "mh-item");

  _mh_entry_editor_checkpoint (self);
  mh_download_set_asset (download, mh_choice_get_key (MH_CHOICE (item)));
  _mh_entry_editor_checkpoint (self);
}

/* The file of this download, from the computer. */
static void
on_download_add_file_clicked_cb (GtkWidget     *button,
                                 MhEntryEditor *self)
{
  MhDownload *download = g_object_get_data (G_OBJECT (button), "mh-item");
  GListStore *downloads;
  g_autofree char *target = NULL;
  guint position;

  if (self->details == NULL)
    return;
  downloads = mh_entry_details_get_downloads (self->details);
  if (!g_list_store_find (downloads, download, &position))
    return;

  target = g_strdup_printf ("download:%u", position);
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.add-file", "(ss)", target, "");
}

static GtkWidget *
asset_button (MhEntryEditor *self,
              MhDownload    *download)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *label = gtk_label_new (mh_download_get_asset (download)
                                      ? mh_download_get_asset (download) : _("Choose a File…"));
  MhChoicePopover *popover = mh_choice_popover_new ();
  GtkWidget *add_file;

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), label);
  gtk_menu_button_set_always_show_arrow (GTK_MENU_BUTTON (button), TRUE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, mh_download_get_asset (download));

  mh_choice_popover_set_loader (popover, load_assets, NULL, self);
  mh_choice_popover_set_placeholder_text (popover, _("Search files"));
  g_object_set_data_full (G_OBJECT (popover), "mh-item", g_object_ref (download),
                          g_object_unref);
  g_signal_connect_object (popover, "chosen", G_CALLBACK (on_download_asset_chosen_cb), self, 0);
  add_file = mh_choice_popover_add_button (popover, _("_Add From Computer…"));
  g_object_set_data_full (G_OBJECT (add_file), "mh-item", g_object_ref (download),
                          g_object_unref);
  g_signal_connect_object (add_file, "clicked", G_CALLBACK (on_download_add_file_clicked_cb),
                           self, 0);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), GTK_WIDGET (popover));
  g_object_bind_property (download, "asset", label, "label", G_BINDING_DEFAULT);
  return button;
}

static GtkWidget *
create_download_row (gpointer item,
                     gpointer user_data)
{
  MhEntryEditor *self = user_data;
  GtkWidget *row = new_row ();
  GtkWidget *box = row_box (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *asset = asset_button (self, item);
  GtkWidget *title = bound_entry (item, "title", _("Title, such as Full report"), FALSE);
  GtkWidget *language = bound_entry (item, "language", _("Language"), FALSE);

  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_set_valign (title, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (language, GTK_ALIGN_CENTER);
  gtk_editable_set_width_chars (GTK_EDITABLE (language), 5);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (language), 5);
  gtk_widget_set_tooltip_text (language, _("The language of the file, such as en"));
  g_object_set_data (G_OBJECT (row), "asset-button", asset);
  g_object_set_data (G_OBJECT (row), "language-entry", language);

  gtk_box_append (GTK_BOX (box), asset);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), language);
  gtk_box_append (GTK_BOX (box),
                  row_buttons (self, row, mh_entry_details_get_downloads (self->details), item));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

/* --- terms, as chips ------------------------------------------------------------- */

static void
on_chip_remove_clicked_cb (GtkWidget     *button,
                           MhEntryEditor *self)
{
  on_remove_clicked_cb (button, self);
}

static GtkWidget *
make_chip (MhEntryEditor *self,
           GListStore    *store,
           MhTermRef     *term)
{
  const char *label = mh_term_ref_get_label (term);
  g_autofree char *remove_label = NULL;
  GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *text = gtk_label_new (label != NULL ? label : mh_term_ref_get_term (term));
  GtkWidget *remove;

  /* Translators: %s is a term, such as “Czech Republic” */
  remove_label = g_strdup_printf (_("Remove “%s”"), label != NULL ? label
                                                                  : mh_term_ref_get_term (term));
  remove = icon_button ("window-close-symbolic", remove_label);
  gtk_widget_add_css_class (remove, "circular");
  attach_item (remove, store, term);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_chip_remove_clicked_cb), self, 0);

  gtk_widget_add_css_class (chip, "chip");
  gtk_box_append (GTK_BOX (chip), text);
  gtk_box_append (GTK_BOX (chip), remove);
  return chip;
}

static void
fill_chips (MhEntryEditor *self,
            GtkWidget     *row)
{
  GtkFlowBox *chips = g_object_get_data (G_OBJECT (row), "chips");
  GtkWidget *none = g_object_get_data (G_OBJECT (row), "none");
  ListPicker *picker = g_object_get_data (G_OBJECT (row), "picker");
  GListStore *store = details_list (self, picker->list);
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (chips))) != NULL)
    gtk_flow_box_remove (chips, child);

  for (guint i = 0; store != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(MhTermRef) term = g_list_model_get_item (G_LIST_MODEL (store), i);
      const char *vocabulary = mh_term_ref_get_vocabulary (term);

      if (g_strcmp0 (vocabulary ? vocabulary : "countries", picker->vocabulary) != 0)
        continue;
      gtk_flow_box_append (chips, make_chip (self, store, term));
      shown++;
    }
  gtk_widget_set_visible (GTK_WIDGET (chips), shown > 0);
  gtk_widget_set_visible (none, shown == 0);
}

static void
fill_all_chips (MhEntryEditor *self)
{
  GtkListBox *lists[] = { self->terms_list, self->eligible_list };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      GtkListBoxRow *row;

      for (guint i = 0; (row = gtk_list_box_get_row_at_index (lists[l], i)) != NULL; i++)
        fill_chips (self, GTK_WIDGET (row));
    }
}

static GListModel *
load_terms (gpointer user_data)
{
  ListPicker *picker = user_data;

  if (picker->self->store == NULL)
    return NULL;
  return mh_store_list_terms (picker->self->store, picker->vocabulary, NULL);
}

/* A term the entry has already is not offered again. */
static gboolean
hide_chosen_term (GObject  *item,
                  gpointer  user_data)
{
  ListPicker *picker = user_data;
  GListStore *store = details_list (picker->self, picker->list);
  const char *key = mh_choice_get_key (MH_CHOICE (item));

  for (guint i = 0; store != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(MhTermRef) term = g_list_model_get_item (G_LIST_MODEL (store), i);
      const char *vocabulary = mh_term_ref_get_vocabulary (term);

      if (g_strcmp0 (vocabulary ? vocabulary : "countries", picker->vocabulary) == 0 &&
          g_strcmp0 (mh_term_ref_get_term (term), key) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
on_term_chosen_cb (MhChoicePopover *popover,
                   GObject         *item,
                   ListPicker      *picker)
{
  MhEntryEditor *self = picker->self;
  GListStore *store = details_list (self, picker->list);
  g_autoptr(MhTermRef) term = NULL;

  if (store == NULL)
    return;
  term = mh_term_ref_new (picker->vocabulary, mh_choice_get_key (MH_CHOICE (item)));
  mh_term_ref_set_label (term, mh_choice_get_label (MH_CHOICE (item)));
  _mh_entry_editor_checkpoint (self);
  g_list_store_append (store, term);
  _mh_entry_editor_checkpoint (self);
}

/* One vocabulary: its name, its chips and an “Add…” button. */
static GtkWidget *
create_chips_row (MhEntryEditor *self,
                  const char    *list,
                  const char    *vocabulary,
                  const char    *title)
{
  GtkWidget *row = new_row ();
  GtkWidget *box = row_box (GTK_ORIENTATION_VERTICAL);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *chips = gtk_flow_box_new ();
  GtkWidget *none = gtk_label_new (_("None"));
  GtkWidget *add = gtk_menu_button_new ();
  MhChoicePopover *popover = mh_choice_popover_new ();
  ListPicker *picker = g_new0 (ListPicker, 1);
  g_autofree char *search = NULL;
  g_autofree char *add_label = NULL;

  picker->self = self;
  picker->list = g_strdup (list);
  picker->vocabulary = g_strdup (vocabulary);
  g_object_set_data_full (G_OBJECT (row), "picker", picker, (GDestroyNotify) list_picker_free);

  /* Translators: %s is a vocabulary, such as “Countries” */
  search = g_strdup_printf (_("Search %s"), title);
  mh_choice_popover_set_loader (popover, load_terms, hide_chosen_term, picker);
  mh_choice_popover_set_placeholder_text (popover, search);
  g_signal_connect (popover, "chosen", G_CALLBACK (on_term_chosen_cb), picker);
  g_hash_table_replace (self->term_pickers,
                        g_str_equal (list, "terms") ? g_strdup_printf ("terms/%s", vocabulary)
                                                    : g_strdup (list),
                        popover);

  gtk_menu_button_set_label (GTK_MENU_BUTTON (add), _("Add…"));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (add), GTK_WIDGET (popover));
  gtk_widget_add_css_class (add, "flat");
  /* Translators: %s is a vocabulary, such as “Themes” */
  add_label = g_strdup_printf (_("Add to %s"), title);
  gtk_widget_set_tooltip_text (add, add_label);

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (chips), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (chips), 40);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (chips), 6);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (chips), 6);
  gtk_widget_add_css_class (chips, "chips");
  gtk_widget_add_css_class (none, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (none), 0);
  g_object_set_data (G_OBJECT (row), "chips", chips);
  g_object_set_data (G_OBJECT (row), "none", none);

  gtk_box_append (GTK_BOX (top), item_label (title, FALSE));
  gtk_box_append (GTK_BOX (top), add);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), chips);
  gtk_box_append (GTK_BOX (box), none);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
clear_list_box (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static void
on_terms_changed_cb (MhEntryEditor *self)
{
  fill_all_chips (self);
}

static void
build_term_rows (MhEntryEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) vocabularies = NULL;
  GListModel *stores[] = {
    G_LIST_MODEL (mh_entry_details_get_terms (self->details)),
    G_LIST_MODEL (mh_entry_details_get_eligible_countries (self->details)),
  };

  clear_list_box (self->terms_list);
  clear_list_box (self->eligible_list);
  g_hash_table_remove_all (self->term_pickers);

  vocabularies = mh_store_list_vocabularies (self->store, &error);
  if (vocabularies == NULL)
    g_warning ("Failed to read the vocabularies: %s", error->message);
  for (guint i = 0; vocabularies != NULL && i < g_list_model_get_n_items (vocabularies); i++)
    {
      g_autoptr(MhChoice) vocabulary = g_list_model_get_item (vocabularies, i);

      gtk_list_box_append (self->terms_list,
                           create_chips_row (self, "terms", mh_choice_get_key (vocabulary),
                                             mh_choice_get_label (vocabulary)));
    }
  gtk_list_box_append (self->eligible_list,
                       create_chips_row (self, "eligible-countries", "countries",
                                         _("Countries and regions")));

  for (guint i = 0; i < G_N_ELEMENTS (stores); i++)
    g_signal_connect_object (stores[i], "items-changed", G_CALLBACK (on_terms_changed_cb), self,
                             G_CONNECT_SWAPPED);
  fill_all_chips (self);
}

/* --- adding rows ---------------------------------------------------------------- */

static GListModel *
load_list_choices (gpointer user_data)
{
  ListPicker *picker = user_data;
  MhStore *store = picker->self->store;

  if (store == NULL)
    return NULL;
  if (g_str_equal (picker->list, "partners"))
    return mh_store_list_organisations (store, NULL);
  if (g_str_equal (picker->list, "participants"))
    return mh_store_list_people (store, NULL);
  if (g_str_equal (picker->list, "related"))
    return mh_store_list_entry_choices (store, -1, NULL);
  return mh_store_list_assets (store, NULL);
}

/* People already listed, entries already related and the entry itself
 * are not offered. */
static gboolean
hide_listed (GObject  *item,
             gpointer  user_data)
{
  ListPicker *picker = user_data;
  MhEntryEditor *self = picker->self;
  GListStore *store = details_list (self, picker->list);
  const char *key = mh_choice_get_key (MH_CHOICE (item));
  const char *property;

  if (g_str_equal (picker->list, "related"))
    {
      if (self->entry != NULL && g_strcmp0 (key, mh_entry_get_slug (self->entry)) == 0)
        return TRUE;
      property = "slug";
    }
  else if (g_str_equal (picker->list, "participants"))
    property = "person";
  else
    return FALSE;

  for (guint i = 0; store != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (store), i);
      g_autofree char *value = NULL;

      g_object_get (row, property, &value, NULL);
      if (g_strcmp0 (value, key) == 0)
        return TRUE;
    }
  return FALSE;
}

static gpointer
new_list_row (MhEntryEditor *self,
              const char    *list,
              MhChoice      *choice)
{
  const char *key = mh_choice_get_key (choice);
  const char *label = mh_choice_get_label (choice);
  GListStore *partners = mh_entry_details_get_partners (self->details);
  gpointer row;

  if (g_str_equal (list, "partners"))
    {
      /* The first partner usually organises; the others support. */
      row = mh_partner_new (key, g_list_model_get_n_items (G_LIST_MODEL (partners)) == 0
                                 ? "organiser" : "support");
      mh_partner_set_label (row, label);
    }
  else if (g_str_equal (list, "participants"))
    {
      row = mh_participant_new (key, "participant", NULL);
      mh_participant_set_label (row, label);
    }
  else if (g_str_equal (list, "related"))
    {
      row = mh_entry_ref_new (key);
      mh_entry_ref_set_label (row, label);
    }
  else
    row = mh_download_new (key, NULL, self->entry ? mh_entry_get_language (self->entry) : NULL);
  return row;
}

static void
on_list_choice_chosen_cb (MhChoicePopover *popover,
                          GObject         *item,
                          ListPicker      *picker)
{
  MhEntryEditor *self = picker->self;
  GListStore *store = details_list (self, picker->list);
  g_autoptr(GObject) row = NULL;

  if (store == NULL)
    return;
  row = new_list_row (self, picker->list, MH_CHOICE (item));
  _mh_entry_editor_checkpoint (self);
  g_list_store_append (store, row);
  _mh_entry_editor_checkpoint (self);
}

static MhChoicePopover *
add_list_picker (MhEntryEditor *self,
                 GtkMenuButton *button,
                 const char    *list,
                 const char    *placeholder)
{
  MhChoicePopover *popover = mh_choice_popover_new ();
  ListPicker *picker = g_new0 (ListPicker, 1);

  picker->self = self;
  picker->list = g_strdup (list);
  g_object_set_data_full (G_OBJECT (popover), "picker", picker, (GDestroyNotify) list_picker_free);
  mh_choice_popover_set_loader (popover, load_list_choices, hide_listed, picker);
  mh_choice_popover_set_placeholder_text (popover, placeholder);
  g_signal_connect (popover, "chosen", G_CALLBACK (on_list_choice_chosen_cb), picker);
  gtk_menu_button_set_popover (button, GTK_WIDGET (popover));
  return popover;
}

/* --- problems ----------------------------------------------------------------- */

static void
add_problem (GPtrArray  *problems,
             const char *field,
             char       *message)
{
  MhFieldProblem *problem = g_new0 (MhFieldProblem, 1);

  problem->field = g_strdup (field);
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

static void
check_programme (MhEntryEditor *self,
                 GPtrArray     *problems)
{
  GListModel *programme = G_LIST_MODEL (mh_entry_details_get_programme (self->details));

  for (guint i = 0; i < g_list_model_get_n_items (programme); i++)
    {
      g_autoptr(MhProgrammeItem) item = g_list_model_get_item (programme, i);
      const char *start = mh_programme_item_get_start (item);
      const char *end = mh_programme_item_get_end (item);

      if (is_blank (mh_programme_item_get_title (item)))
        add_problem (problems, "programme",
                     /* Translators: %u counts from 1 */
                     g_strdup_printf (_("Programme item %u needs a title."), i + 1));
      if (start != NULL && !mh_date_is_valid (start, TRUE))
        add_problem (problems, "programme",
                     g_strdup_printf (_("The start of programme item %u, “%s”, is not a date. "
                                        "Write it as YYYY-MM-DD HH:MM."), i + 1, start));
      if (end != NULL && !mh_date_is_valid (end, TRUE))
        add_problem (problems, "programme",
                     g_strdup_printf (_("The end of programme item %u, “%s”, is not a date. "
                                        "Write it as YYYY-MM-DD HH:MM."), i + 1, end));
    }
}

static void
check_downloads (MhEntryEditor *self,
                 GPtrArray     *problems)
{
  GListModel *downloads = G_LIST_MODEL (mh_entry_details_get_downloads (self->details));

  for (guint i = 0; i < g_list_model_get_n_items (downloads); i++)
    {
      g_autoptr(MhDownload) item = g_list_model_get_item (downloads, i);
      const char *language = mh_download_get_language (item);

      if (mh_download_get_asset (item) == NULL)
        add_problem (problems, "downloads",
                     g_strdup_printf (_("Download %u needs a file."), i + 1));
      if (language != NULL && !mh_language_tag_is_valid (language))
        add_problem (problems, "downloads",
                     g_strdup_printf (_("The language of download %u, “%s”, is not a language "
                                        "tag such as “en” or “pt-BR”."), i + 1, language));
    }
}

/**
 * _mh_entry_editor_lists_check:
 * @self: an editor
 * @problems: (element-type MhFieldProblem): where to add what is wrong
 *
 * Checks the rows the store would refuse.
 */
void
_mh_entry_editor_lists_check (MhEntryEditor *self,
                              GPtrArray     *problems)
{
  if (self->details == NULL)
    return;
  check_programme (self, problems);
  check_downloads (self, problems);
}

static void
mark (GtkWidget *widget,
      gboolean   bad)
{
  if (bad)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

/**
 * _mh_entry_editor_lists_show_problems:
 * @self: an editor
 *
 * Marks the fields of list rows whose problems are shown.
 */
void
_mh_entry_editor_lists_show_problems (MhEntryEditor *self)
{
  gboolean programme = g_hash_table_contains (self->shown, "programme");
  gboolean downloads = g_hash_table_contains (self->shown, "downloads");
  GListModel *programme_rows;
  GListModel *download_rows;
  GtkListBoxRow *row;

  if (self->details == NULL)
    return;
  programme_rows = G_LIST_MODEL (mh_entry_details_get_programme (self->details));
  download_rows = G_LIST_MODEL (mh_entry_details_get_downloads (self->details));
  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->programme_list, i)) != NULL; i++)
    {
      g_autoptr(MhProgrammeItem) item = NULL;
      const char *start, *end;

      item = g_list_model_get_item (programme_rows, i);
      if (item == NULL)
        break;
      start = mh_programme_item_get_start (item);
      end = mh_programme_item_get_end (item);
      mark (g_object_get_data (G_OBJECT (row), "title-entry"),
            programme && is_blank (mh_programme_item_get_title (item)));
      mark (g_object_get_data (G_OBJECT (row), "start-entry"),
            programme && start != NULL && !mh_date_is_valid (start, TRUE));
      mark (g_object_get_data (G_OBJECT (row), "end-entry"),
            programme && end != NULL && !mh_date_is_valid (end, TRUE));
    }

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->downloads_list, i)) != NULL; i++)
    {
      g_autoptr(MhDownload) item = NULL;
      const char *language;

      item = g_list_model_get_item (download_rows, i);
      if (item == NULL)
        break;
      language = mh_download_get_language (item);
      mark (g_object_get_data (G_OBJECT (row), "asset-button"),
            downloads && mh_download_get_asset (item) == NULL);
      mark (g_object_get_data (G_OBJECT (row), "language-entry"),
            downloads && language != NULL && !mh_language_tag_is_valid (language));
    }
}

/* --- setting up ---------------------------------------------------------------- */

static void
set_placeholder (GtkListBox *list,
                 const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "list-placeholder");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_list_box_set_placeholder (list, label);
}

/**
 * _mh_entry_editor_lists_init:
 * @self: an editor
 *
 * Sets up the lists' pickers and placeholders, once.
 */
void
_mh_entry_editor_lists_init (MhEntryEditor *self)
{
  MhChoicePopover *downloads;
  GtkWidget *button;

  set_placeholder (self->participants_list, _("No one is listed."));
  set_placeholder (self->programme_list, _("No programme yet."));
  set_placeholder (self->downloads_list, _("No files to download."));
  set_placeholder (self->partners_list, _("No partners."));
  set_placeholder (self->related_list,
                   _("None pinned: the site shows entries with the same terms."));

  add_list_picker (self, self->participants_add_button, "participants", _("Search people"));
  add_list_picker (self, self->partners_add_button, "partners", _("Search organisations"));
  add_list_picker (self, self->related_add_button, "related", _("Search entries"));
  downloads = add_list_picker (self, self->downloads_add_button, "downloads", _("Search files"));
  button = mh_choice_popover_add_button (downloads, _("_Add From Computer…"));
  gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (button),
                                           "editor.add-file(('downloads', ''))");
}

static void
bind_list (MhEntryEditor              *self,
           GtkListBox                 *list,
           GListStore                 *store,
           GtkListBoxCreateWidgetFunc  create)
{
  gtk_list_box_bind_model (list, G_LIST_MODEL (store), create, self, NULL);
  g_signal_connect_object (store, "items-changed", G_CALLBACK (on_list_items_changed_cb), list,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  update_move_buttons (list);
}

/**
 * _mh_entry_editor_lists_bind:
 * @self: an editor
 *
 * Shows the lists of the entry just loaded.
 */
void
_mh_entry_editor_lists_bind (MhEntryEditor *self)
{
  bind_list (self, self->participants_list, mh_entry_details_get_participants (self->details),
             create_participant_row);
  bind_list (self, self->programme_list, mh_entry_details_get_programme (self->details),
             create_programme_row);
  bind_list (self, self->downloads_list, mh_entry_details_get_downloads (self->details),
             create_download_row);
  bind_list (self, self->partners_list, mh_entry_details_get_partners (self->details),
             create_partner_row);
  bind_list (self, self->related_list, mh_entry_details_get_related (self->details),
             create_related_row);
  build_term_rows (self);
}

/**
 * _mh_entry_editor_get_picker:
 * @self: an editor
 * @name: "cover", "country", "report-event", "time-zone", "participants",
 *   "partners", "related", "downloads", "eligible-countries" or
 *   "terms/VOCABULARY"
 *
 * Returns: (transfer none) (nullable): the picker that chooses @name, for
 *   tests
 */
MhChoicePopover *
_mh_entry_editor_get_picker (MhEntryEditor *self,
                             const char    *name)
{
  static const struct
  {
    const char *name;
    gsize       button;
  } buttons[] = {
    { "cover",        G_STRUCT_OFFSET (MhEntryEditor, cover_button) },
    { "country",      G_STRUCT_OFFSET (MhEntryEditor, country_button) },
    { "report-event", G_STRUCT_OFFSET (MhEntryEditor, report_event_button) },
    { "time-zone",    G_STRUCT_OFFSET (MhEntryEditor, time_zone_button) },
    { "participants", G_STRUCT_OFFSET (MhEntryEditor, participants_add_button) },
    { "partners",     G_STRUCT_OFFSET (MhEntryEditor, partners_add_button) },
    { "related",      G_STRUCT_OFFSET (MhEntryEditor, related_add_button) },
    { "downloads",    G_STRUCT_OFFSET (MhEntryEditor, downloads_add_button) },
  };

  g_return_val_if_fail (MH_IS_ENTRY_EDITOR (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    if (g_str_equal (name, buttons[i].name))
      return MH_CHOICE_POPOVER (gtk_menu_button_get_popover (
        G_STRUCT_MEMBER (GtkMenuButton *, self, buttons[i].button)));
  return g_hash_table_lookup (self->term_pickers, name);
}
