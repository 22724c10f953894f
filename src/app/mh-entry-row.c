/* mh-entry-row.c: one row of the entry list
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows are cheap to make — a template without expressions, filled in when
 * the list binds the row to an entry — and cheaper to keep: the entries on
 * screen change in place (mh-entry-list-adapter.c: after each change to
 * the site, and into other entries at each keystroke of a search), and the
 * row updates only the labels of the properties that changed.
 */

#define G_LOG_DOMAIN "mh-entry-row"

#include "config.h"

#include <glib/gi18n.h>

#include "mh-entry-row.h"

struct _MhEntryRow
{
  GtkWidget  parent_instance;

  /* owned references */
  MhEntry   *entry;

  /* template widgets */
  GtkWidget *box;
  GtkLabel  *details_label;
  GtkLabel  *language_label;
  GtkLabel  *status_label;
  GtkLabel  *title_label;
};

G_DEFINE_FINAL_TYPE (MhEntryRow, mh_entry_row, GTK_TYPE_WIDGET)

static void
set_status (MhEntryRow *self,
            MhEntry    *entry)
{
  const char *classes[] = { "status-pill", NULL, NULL };
  g_autofree char *status_class = NULL;

  status_class = g_strdup_printf ("status-%s",
                                  mh_entry_status_to_string (mh_entry_get_status (entry)));
  classes[1] = status_class;
  gtk_label_set_label (self->status_label, mh_entry_get_status_label (entry));
  gtk_widget_set_css_classes (GTK_WIDGET (self->status_label), classes);
}

static void
set_details (MhEntryRow *self,
             MhEntry    *entry)
{
  g_autofree char *date = mh_entry_dup_display_date (entry);
  g_autofree char *details = NULL;
  g_autofree char *language = NULL;

  /* The display date says "Deadline …" for an open call by itself. */
  if (date != NULL && date[0] != '\0')
    /* Translators: the kind and date of an entry in the list: "Report · 10 Jun 2024" */
    details = g_strdup_printf (_("%s · %s"), mh_entry_get_kind_label (entry), date);
  gtk_label_set_label (self->details_label,
                       details != NULL ? details : mh_entry_get_kind_label (entry));

  if (mh_entry_get_language (entry) != NULL)
    language = g_ascii_strup (mh_entry_get_language (entry), -1);
  gtk_label_set_label (self->language_label, language);
  gtk_widget_set_visible (GTK_WIDGET (self->language_label),
                          language != NULL && language[0] != '\0');
}

/* The full title, for when it is cut short. Asked for on hover only:
 * setting a tooltip at each bind makes GTK ask the X server where the
 * pointer is, a round trip per row. */
static gboolean
mh_entry_row_query_tooltip (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard_mode,
                            GtkTooltip *tooltip)
{
  MhEntryRow *self = MH_ENTRY_ROW (widget);

  if (!pango_layout_is_ellipsized (gtk_label_get_layout (self->title_label)))
    return FALSE;

  gtk_tooltip_set_text (tooltip, gtk_label_get_label (self->title_label));
  return TRUE;
}

static void
set_title (MhEntryRow *self,
           MhEntry    *entry)
{
  const char *title = mh_entry_get_title (entry);

  if (title == NULL || title[0] == '\0')
    title = _("Untitled");
  gtk_label_set_label (self->title_label, title);
}

static void
update (MhEntryRow *self)
{
  set_title (self, self->entry);
  set_status (self, self->entry);
  set_details (self, self->entry);
}

/* The properties the details line shows. */
static const char * const details_properties[] = {
  "kind", "date", "event-start", "event-end", "deadline", "language",
};

/* Only what the row shows: an entry that becomes another one in place (a
 * new search) notifies some twenty properties, on some 200 rows. */
static void
on_entry_notify_cb (MhEntryRow *self,
                    GParamSpec *pspec,
                    MhEntry    *entry)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "title"))
    set_title (self, entry);
  else if (g_str_equal (name, "status"))
    set_status (self, entry);
  else if (g_strv_contains (details_properties, name))
    set_details (self, entry);
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  gtk_list_item_set_child (item, mh_entry_row_new ());
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  mh_entry_row_set_entry (MH_ENTRY_ROW (gtk_list_item_get_child (item)),
                          gtk_list_item_get_item (item));
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  mh_entry_row_set_entry (MH_ENTRY_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
mh_entry_row_dispose (GObject *object)
{
  mh_entry_row_set_entry (MH_ENTRY_ROW (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), MH_TYPE_ENTRY_ROW);

  G_OBJECT_CLASS (mh_entry_row_parent_class)->dispose (object);
}

static void
mh_entry_row_class_init (MhEntryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mh_entry_row_dispose;

  widget_class->query_tooltip = mh_entry_row_query_tooltip;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/mh-entry-row.ui");
  gtk_widget_class_bind_template_child (widget_class, MhEntryRow, box);
  gtk_widget_class_bind_template_child (widget_class, MhEntryRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, MhEntryRow, language_label);
  gtk_widget_class_bind_template_child (widget_class, MhEntryRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, MhEntryRow, title_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "entryrow");
}

static void
mh_entry_row_init (MhEntryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * mh_entry_row_new:
 *
 * Returns: (transfer floating): a new, empty row
 */
GtkWidget *
mh_entry_row_new (void)
{
  return g_object_new (MH_TYPE_ENTRY_ROW, NULL);
}

/**
 * mh_entry_row_set_entry:
 * @self: a row
 * @entry: (nullable): the entry to show
 *
 * Shows the title, status, kind, date or deadline and language of @entry,
 * and follows its changes.
 */
void
mh_entry_row_set_entry (MhEntryRow *self,
                        MhEntry    *entry)
{
  g_return_if_fail (MH_IS_ENTRY_ROW (self));
  g_return_if_fail (entry == NULL || MH_IS_ENTRY (entry));

  if (self->entry == entry)
    return;

  if (self->entry != NULL)
    g_signal_handlers_disconnect_by_func (self->entry, on_entry_notify_cb, self);
  g_set_object (&self->entry, entry);
  if (entry == NULL)
    return;

  g_signal_connect_object (entry, "notify", G_CALLBACK (on_entry_notify_cb), self,
                           G_CONNECT_SWAPPED);
  update (self);
}

/**
 * mh_entry_row_factory_new:
 *
 * Returns: (transfer full): a list item factory making #MhEntryRow rows
 */
GtkListItemFactory *
mh_entry_row_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), NULL);

  return factory;
}
