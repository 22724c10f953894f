/* mh-window-sidebar.c: the window's filters: the sidebar of kinds,
 * statuses and site places, and the term filter
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mh-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mh-choice.h"
#include "mh-window-private.h"

/* Rows are grouped; a group other than the first starts with a header. */
enum {
  GROUP_ALL,
  GROUP_KINDS,
  GROUP_STATUSES,
  GROUP_PLACES,
};

#define GROUP_KEY "mh-sidebar-group"

const MhWindowFilter _mh_window_filters[MH_WINDOW_N_FILTERS] = {
  { "all", N_("All Entries"), "view-list-bullet-symbolic", -1, -1 },
  { "kind:report", N_("Reports"), "x-office-document-symbolic", MH_ENTRY_KIND_REPORT, -1 },
  { "kind:event", N_("Events"), "x-office-calendar-symbolic", MH_ENTRY_KIND_EVENT, -1 },
  { "kind:article", N_("Articles"), "text-x-generic-symbolic", MH_ENTRY_KIND_ARTICLE, -1 },
  { "kind:open_call", N_("Open Calls"), "mail-send-symbolic", MH_ENTRY_KIND_OPEN_CALL, -1 },
  { "kind:page", N_("Pages"), "view-paged-symbolic", MH_ENTRY_KIND_PAGE, -1 },
  { "status:draft", N_("Drafts"), "document-edit-symbolic", -1, MH_ENTRY_STATUS_DRAFT },
  { "status:review", N_("In Review"), "view-reveal-symbolic", -1, MH_ENTRY_STATUS_REVIEW },
  { "status:published", N_("Published"), "emblem-ok-symbolic", -1, MH_ENTRY_STATUS_PUBLISHED },
  { "status:archived", N_("Archived"), "package-x-generic-symbolic", -1,
    MH_ENTRY_STATUS_ARCHIVED },
};

static int
filter_group (const MhWindowFilter *filter)
{
  if (filter->kind >= 0)
    return GROUP_KINDS;
  if (filter->status >= 0)
    return GROUP_STATUSES;
  return GROUP_ALL;
}

static GtkListBoxRow *
create_row (const char  *id,
            const char  *title,
            const char  *icon_name,
            int          group,
            GtkLabel   **count_label)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (title);

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon_name));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  if (count_label != NULL)
    {
      GtkWidget *count = gtk_label_new (NULL);

      gtk_widget_add_css_class (count, "dim-label");
      gtk_widget_add_css_class (count, "numeric");
      gtk_widget_add_css_class (count, "sidebar-count");
      gtk_box_append (GTK_BOX (box), count);
      *count_label = GTK_LABEL (count);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), MH_SIDEBAR_ID_KEY, g_strdup (id), g_free);
  g_object_set_data (G_OBJECT (row), GROUP_KEY, GINT_TO_POINTER (group));

  return GTK_LIST_BOX_ROW (row);
}

static GtkWidget *
create_header (const char *title)
{
  GtkWidget *label;

  if (title == NULL)
    return gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);

  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "sidebar-heading");

  return label;
}

static void
sidebar_header_func (GtkListBoxRow *row,
                     GtkListBoxRow *before,
                     gpointer       user_data)
{
  int group = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), GROUP_KEY));
  int before_group;

  if (before == NULL)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  before_group = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (before), GROUP_KEY));
  if (group == before_group)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  if (gtk_list_box_row_get_header (row) != NULL)
    return;

  switch (group)
    {
    case GROUP_STATUSES:
      gtk_list_box_row_set_header (row, create_header (_("Status")));
      break;

    case GROUP_PLACES:
      gtk_list_box_row_set_header (row, create_header (_("Site")));
      break;

    default:
      gtk_list_box_row_set_header (row, create_header (NULL));
      break;
    }
}

/**
 * _mh_window_find_filter:
 * @id: (nullable): a filter id such as "kind:event"
 *
 * Returns: the filter named @id, or the "all" filter when there is none
 */
const MhWindowFilter *
_mh_window_find_filter (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (_mh_window_filters); i++)
    {
      if (g_strcmp0 (_mh_window_filters[i].id, id) == 0)
        return &_mh_window_filters[i];
    }

  return &_mh_window_filters[0];
}

/**
 * _mh_window_sidebar_init:
 * @self: a #MhWindow
 *
 * Fills the sidebar with the list filters.
 */
void
_mh_window_sidebar_init (MhWindow *self)
{
  g_return_if_fail (MH_IS_WINDOW (self));

  gtk_list_box_set_header_func (self->sidebar_list, sidebar_header_func, NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (_mh_window_filters); i++)
    {
      const MhWindowFilter *filter = &_mh_window_filters[i];

      self->filter_rows[i] = create_row (filter->id, _(filter->title), filter->icon_name,
                                         filter_group (filter), &self->count_labels[i]);
      gtk_list_box_append (self->sidebar_list, GTK_WIDGET (self->filter_rows[i]));
    }

  _mh_window_sidebar_sync (self);
}

/**
 * _mh_window_sidebar_add_place:
 * @self: a #MhWindow
 * @id: the place's id
 * @title: its translated title
 * @icon_name: its icon
 *
 * Adds a row for a place at the end of the sidebar.
 *
 * Returns: (transfer none): the row
 */
GtkListBoxRow *
_mh_window_sidebar_add_place (MhWindow   *self,
                              const char *id,
                              const char *title,
                              const char *icon_name)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (MH_IS_WINDOW (self), NULL);

  row = create_row (id, title, icon_name, GROUP_PLACES, NULL);
  g_object_set_data (G_OBJECT (row), MH_SIDEBAR_PLACE_KEY, GINT_TO_POINTER (TRUE));
  gtk_list_box_append (self->sidebar_list, GTK_WIDGET (row));

  return row;
}

/**
 * _mh_window_sidebar_sync:
 * @self: a #MhWindow
 *
 * Selects the sidebar row of the current place, or of the current filter.
 */
void
_mh_window_sidebar_sync (MhWindow *self)
{
  GtkListBoxRow *row = NULL;

  g_return_if_fail (MH_IS_WINDOW (self));

  if (self->place[0] != '\0')
    row = g_hash_table_lookup (self->places, self->place);

  if (row == NULL)
    {
      const MhWindowFilter *filter = _mh_window_find_filter (self->filter);

      row = self->filter_rows[filter - _mh_window_filters];
    }

  if (gtk_list_box_get_selected_row (self->sidebar_list) != row)
    gtk_list_box_select_row (self->sidebar_list, row);
}

/**
 * _mh_window_sidebar_count_idle_cb:
 * @user_data: a #MhWindow
 *
 * Counts the entries of every filter and shows the numbers in the sidebar.
 *
 * Returns: %G_SOURCE_REMOVE
 */
gboolean
_mh_window_sidebar_count_idle_cb (gpointer user_data)
{
  MhWindow *self = user_data;

  g_assert (MH_IS_WINDOW (self));

  self->counts_idle_id = 0;

  for (guint i = 0; i < G_N_ELEMENTS (_mh_window_filters); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      MhEntryQuery query;
      gint64 n = -1;

      mh_entry_query_init (&query);
      query.kind = _mh_window_filters[i].kind;
      query.status = _mh_window_filters[i].status;

      if (self->store != NULL)
        n = mh_store_count_entries (self->store, &query, &error);
      if (error != NULL)
        g_warning ("Failed to count entries: %s", error->message);

      if (n >= 0)
        text = g_strdup_printf ("%" G_GINT64_FORMAT, n);
      gtk_label_set_label (self->count_labels[i], text);
    }

  return G_SOURCE_REMOVE;
}

/**
 * _mh_window_sidebar_get_count:
 * @self: a #MhWindow
 * @filter: a filter id
 *
 * Returns: the count the sidebar shows for @filter, or -1 when it shows none
 */
gint64
_mh_window_sidebar_get_count (MhWindow   *self,
                              const char *filter)
{
  const char *text;
  const MhWindowFilter *found;

  g_return_val_if_fail (MH_IS_WINDOW (self), -1);

  found = _mh_window_find_filter (filter);
  if (g_strcmp0 (found->id, filter) != 0)
    return -1;

  text = gtk_label_get_label (self->count_labels[found - _mh_window_filters]);
  if (text == NULL || text[0] == '\0')
    return -1;

  return g_ascii_strtoll (text, NULL, 10);
}

/* Terms of a hierarchical vocabulary are indented under their parent. */
#define TERM_INDENT "\u2003"

static GMenu *
create_vocabulary_menu (MhStore    *store,
                        const char *vocabulary)
{
  g_autoptr(GListModel) terms = NULL;
  g_autoptr(GError) error = NULL;
  GMenu *menu = g_menu_new ();
  guint n;

  terms = mh_store_list_terms (store, vocabulary, &error);
  if (terms == NULL)
    {
      g_warning ("Failed to list the terms of %s: %s", vocabulary, error->message);
      return menu;
    }

  n = g_list_model_get_n_items (terms);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MhChoice) term = g_list_model_get_item (terms, i);
      g_autoptr(GString) label = g_string_new (NULL);
      g_autofree char *target = g_strdup_printf ("%s/%s", vocabulary, mh_choice_get_key (term));
      g_autoptr(GMenuItem) item = NULL;

      for (guint depth = 0; depth < mh_choice_get_depth (term); depth++)
        g_string_append (label, TERM_INDENT);
      g_string_append (label, mh_choice_get_label (term));

      item = g_menu_item_new (label->str, NULL);
      g_menu_item_set_action_and_target_value (item, "win.term", g_variant_new_string (target));
      g_menu_append_item (menu, item);
    }

  return menu;
}

/**
 * _mh_window_fill_terms_menu:
 * @self: a #MhWindow
 *
 * Builds the "Filter by Term" part of the sort and filter menu from the
 * site's vocabularies: a submenu of terms for each. A site without
 * vocabularies gets no such part.
 */
void
_mh_window_fill_terms_menu (MhWindow *self)
{
  g_autoptr(GListModel) vocabularies = NULL;
  g_autoptr(GMenu) section = NULL;
  g_autoptr(GMenuItem) any = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  g_return_if_fail (MH_IS_WINDOW (self));

  /* The first section sorts; a second one, if any, is the terms. */
  while (g_menu_model_get_n_items (G_MENU_MODEL (self->sort_menu)) > 1)
    g_menu_remove (self->sort_menu, 1);

  if (self->store == NULL)
    return;

  vocabularies = mh_store_list_vocabularies (self->store, &error);
  if (vocabularies == NULL)
    {
      g_warning ("Failed to list the vocabularies: %s", error->message);
      return;
    }

  section = g_menu_new ();
  n = g_list_model_get_n_items (vocabularies);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MhChoice) vocabulary = g_list_model_get_item (vocabularies, i);
      g_autoptr(GMenu) terms = create_vocabulary_menu (self->store,
                                                       mh_choice_get_key (vocabulary));

      if (g_menu_model_get_n_items (G_MENU_MODEL (terms)) > 0)
        g_menu_append_submenu (section, mh_choice_get_label (vocabulary), G_MENU_MODEL (terms));
    }

  if (g_menu_model_get_n_items (G_MENU_MODEL (section)) == 0)
    return;

  any = g_menu_item_new (_("Any Term"), NULL);
  g_menu_item_set_action_and_target_value (any, "win.term", g_variant_new_string (""));
  g_menu_prepend_item (section, any);
  g_menu_append_section (self->sort_menu, _("Filter by Term"), G_MENU_MODEL (section));
}

static char *
find_choice_label (GListModel *choices,
                   const char *key)
{
  guint n = choices != NULL ? g_list_model_get_n_items (choices) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MhChoice) choice = g_list_model_get_item (choices, i);

      if (g_strcmp0 (mh_choice_get_key (choice), key) == 0)
        return g_strdup (mh_choice_get_label (choice));
    }

  return NULL;
}

/**
 * _mh_window_dup_term_label:
 * @self: a #MhWindow
 * @term: a term filter, "VOCABULARY/SLUG"
 *
 * Returns: (transfer full): what the bar over a list filtered by @term
 *   says, with the names of the term and its vocabulary when the site has
 *   them
 */
char *
_mh_window_dup_term_label (MhWindow   *self,
                           const char *term)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GListModel) vocabularies = NULL;
  g_autoptr(GListModel) terms = NULL;
  g_autofree char *vocabulary_name = NULL;
  g_autofree char *term_name = NULL;

  g_return_val_if_fail (MH_IS_WINDOW (self), NULL);
  g_return_val_if_fail (term != NULL, NULL);

  parts = g_strsplit (term, "/", 2);
  if (self->store != NULL && parts[0] != NULL && parts[1] != NULL)
    {
      vocabularies = mh_store_list_vocabularies (self->store, NULL);
      terms = mh_store_list_terms (self->store, parts[0], NULL);
      vocabulary_name = find_choice_label (vocabularies, parts[0]);
      term_name = find_choice_label (terms, parts[1]);
    }

  if (vocabulary_name != NULL && term_name != NULL)
    /* Translators: over a list filtered by a term: "Tagged Czech Republic (Countries)" */
    return g_strdup_printf (_("Tagged %s (%s)"), term_name, vocabulary_name);

  /* Translators: over a list filtered by a term the site does not know;
   * %s is "vocabulary/slug" */
  return g_strdup_printf (_("Tagged %s"), term);
}
