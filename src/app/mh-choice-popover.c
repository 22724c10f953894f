/* mh-choice-popover.c: a popover that finds one item of a long list as you type
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The entry editor picks terms, assets, organisations, people, entries and
 * time zones with it. GtkDropDown's own search matches only the start of
 * the text on GTK 4.8 (GtkDropDown:search-match-mode is 4.12); this one
 * finds every word anywhere and ignores case and accents, through
 * mh_choice_matches(), so that “cerna” finds “Pecková Černá”. Terms are
 * indented by their depth in the vocabulary.
 *
 * The items are loaded each time the popover opens, so that a term or an
 * organisation added elsewhere in the meantime is offered too.
 */

#define G_LOG_DOMAIN "mh-choice-popover"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mh-choice.h"
#include "mh-choice-popover.h"

#define INDENT_PER_LEVEL 16

struct _MhChoicePopover
{
  GtkPopover          parent_instance;

  /* widgets */
  GtkSearchEntry     *search_entry;
  GtkListView        *list_view;
  GtkStack           *stack;
  GtkLabel           *placeholder;
  GtkWidget          *box;

  /* owned references */
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;

  /* state */
  MhChoiceLoadFunc    load;
  MhChoiceHideFunc    hide;
  gpointer            user_data;
  char               *query;        /* folded */
};

G_DEFINE_FINAL_TYPE (MhChoicePopover, mh_choice_popover, GTK_TYPE_POPOVER)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
item_label (GObject *item)
{
  if (MH_IS_CHOICE (item))
    return mh_choice_get_label (MH_CHOICE (item));
  if (GTK_IS_STRING_OBJECT (item))
    return gtk_string_object_get_string (GTK_STRING_OBJECT (item));
  return "";
}

/* Every word of the query somewhere in the text, folded the same way. */
static gboolean
text_matches (const char *text,
              const char *folded_query)
{
  g_autofree char *folded = mh_text_fold (text);
  g_auto(GStrv) words = g_strsplit_set (folded_query, " \t/_", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0' && strstr (folded, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  MhChoicePopover *self = user_data;

  if (self->hide != NULL && self->hide (item, self->user_data))
    return FALSE;
  if (self->query == NULL || self->query[0] == '\0')
    return TRUE;
  if (MH_IS_CHOICE (item))
    return mh_choice_matches (item, self->query);
  return text_matches (item_label (item), self->query);
}

static void
update_placeholder (MhChoicePopover *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
choose_item (MhChoicePopover *self,
             GObject         *item)
{
  g_object_ref (item);
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[CHOSEN], 0, item);
  g_object_unref (item);
}

static void
on_search_changed_cb (MhChoicePopover *self,
                      GtkSearchEntry  *entry)
{
  g_free (self->query);
  self->query = mh_text_fold (gtk_editable_get_text (GTK_EDITABLE (entry)));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_placeholder (self);
}

/* Enter in the search entry takes the first match. */
static void
on_search_activate_cb (MhChoicePopover *self,
                       GtkSearchEntry  *entry)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), 0);

  if (item != NULL)
    choose_item (self, item);
}

static void
on_stop_search_cb (MhChoicePopover *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_list_activate_cb (MhChoicePopover *self,
                     guint            position,
                     GtkListView     *view)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (item != NULL)
    choose_item (self, item);
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_item_set_child (list_item, box);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  GObject *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *detail = gtk_widget_get_next_sibling (label);
  const char *detail_text = NULL;
  guint depth = 0;

  if (MH_IS_CHOICE (item))
    {
      detail_text = mh_choice_get_detail (MH_CHOICE (item));
      depth = mh_choice_get_depth (MH_CHOICE (item));
    }

  gtk_label_set_label (GTK_LABEL (label), item_label (item));
  gtk_widget_set_tooltip_text (box, item_label (item));
  gtk_label_set_label (GTK_LABEL (detail), detail_text);
  gtk_widget_set_visible (detail, detail_text != NULL && detail_text[0] != '\0');
  gtk_widget_set_margin_start (box, MIN (depth, 6) * INDENT_PER_LEVEL);
}

static void
on_show_cb (MhChoicePopover *self)
{
  g_clear_pointer (&self->query, g_free);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  mh_choice_popover_reload (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
build_ui (MhChoicePopover *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkSelectionModel *selection;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (on_search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate",
                           G_CALLBACK (on_search_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search",
                           G_CALLBACK (on_stop_search_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), NULL);
  selection = GTK_SELECTION_MODEL (
    gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered))));
  gtk_single_selection_set_autoselect (GTK_SINGLE_SELECTION (selection), FALSE);
  gtk_single_selection_set_can_unselect (GTK_SINGLE_SELECTION (selection), TRUE);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (selection, factory));
  gtk_list_view_set_single_click_activate (self->list_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (on_list_activate_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list_view));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 280);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 280);

  self->placeholder = GTK_LABEL (gtk_label_new (_("Nothing found")));
  gtk_widget_add_css_class (GTK_WIDGET (self->placeholder), "dim-label");
  gtk_label_set_wrap (self->placeholder, TRUE);
  gtk_label_set_justify (self->placeholder, GTK_JUSTIFY_CENTER);
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, scroller, "list");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->placeholder), "empty");
  gtk_stack_set_vhomogeneous (self->stack, TRUE);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search_entry));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  self->box = box;
  gtk_widget_set_size_request (box, 320, -1);
  gtk_popover_set_child (GTK_POPOVER (self), box);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

static void
mh_choice_popover_dispose (GObject *object)
{
  MhChoicePopover *self = (MhChoicePopover *) object;

  /* The list view holds the filter model; drop it before the filter. */
  gtk_popover_set_child (GTK_POPOVER (self), NULL);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (mh_choice_popover_parent_class)->dispose (object);
}

static void
mh_choice_popover_finalize (GObject *object)
{
  MhChoicePopover *self = (MhChoicePopover *) object;

  g_free (self->query);

  G_OBJECT_CLASS (mh_choice_popover_parent_class)->finalize (object);
}

static void
mh_choice_popover_class_init (MhChoicePopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mh_choice_popover_dispose;
  object_class->finalize = mh_choice_popover_finalize;

  /**
   * MhChoicePopover::chosen:
   * @self: the popover
   * @item: the #MhChoice or #GtkStringObject that was chosen
   */
  signals[CHOSEN] =
    g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_OBJECT);
}

static void
mh_choice_popover_init (MhChoicePopover *self)
{
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));

  build_ui (self);
  gtk_widget_add_css_class (GTK_WIDGET (self), "choice-popover");
  g_signal_connect (self, "show", G_CALLBACK (on_show_cb), NULL);
}

/**
 * mh_choice_popover_new:
 *
 * Returns: (transfer floating): a new, empty picker
 */
MhChoicePopover *
mh_choice_popover_new (void)
{
  return g_object_new (MH_TYPE_CHOICE_POPOVER, NULL);
}

/**
 * mh_choice_popover_set_loader:
 * @self: a picker
 * @load: (nullable): reads the items each time the popover opens
 * @hide: (nullable): leaves items out
 * @user_data: for both functions; it must outlive the popover
 */
void
mh_choice_popover_set_loader (MhChoicePopover  *self,
                              MhChoiceLoadFunc  load,
                              MhChoiceHideFunc  hide,
                              gpointer          user_data)
{
  g_return_if_fail (MH_IS_CHOICE_POPOVER (self));

  self->load = load;
  self->hide = hide;
  self->user_data = user_data;
}

/**
 * mh_choice_popover_set_model:
 * @self: a picker
 * @model: (nullable): #MhChoice or #GtkStringObject items
 *
 * Offers @model as it is, for lists that do not change (time zones).
 */
void
mh_choice_popover_set_model (MhChoicePopover *self,
                             GListModel      *model)
{
  g_return_if_fail (MH_IS_CHOICE_POPOVER (self));

  gtk_filter_list_model_set_model (self->filtered, model);
  update_placeholder (self);
}

/**
 * mh_choice_popover_get_model:
 * @self: a picker
 *
 * Returns: (transfer none) (nullable): the items offered now, after
 *   searching and hiding
 */
GListModel *
mh_choice_popover_get_model (MhChoicePopover *self)
{
  g_return_val_if_fail (MH_IS_CHOICE_POPOVER (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

/**
 * mh_choice_popover_set_placeholder_text:
 * @self: a picker
 * @text: what the search entry shows while empty, such as “Search countries”
 */
void
mh_choice_popover_set_placeholder_text (MhChoicePopover *self,
                                        const char      *text)
{
  g_return_if_fail (MH_IS_CHOICE_POPOVER (self));

  g_object_set (self->search_entry, "placeholder-text", text, NULL);
}

/**
 * mh_choice_popover_reload:
 * @self: a picker
 *
 * Reads the items again through the loader, and asks the hide function
 * about each again.
 */
void
mh_choice_popover_reload (MhChoicePopover *self)
{
  g_return_if_fail (MH_IS_CHOICE_POPOVER (self));

  if (self->load != NULL)
    {
      g_autoptr(GListModel) model = self->load (self->user_data);

      gtk_filter_list_model_set_model (self->filtered, model);
    }
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_placeholder (self);
}

/**
 * mh_choice_popover_choose:
 * @self: a picker
 * @key: the key of an #MhChoice, or the string of a #GtkStringObject
 *
 * Chooses the item as a click on it would, for tests and keyboard
 * shortcuts. Hidden items cannot be chosen.
 *
 * Returns: %TRUE when an item had that key
 */
gboolean
mh_choice_popover_choose (MhChoicePopover *self,
                          const char      *key)
{
  GListModel *model;

  g_return_val_if_fail (MH_IS_CHOICE_POPOVER (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  g_clear_pointer (&self->query, g_free);
  mh_choice_popover_reload (self);
  model = G_LIST_MODEL (self->filtered);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      const char *item_key = MH_IS_CHOICE (item) ? mh_choice_get_key (MH_CHOICE (item))
                                                 : item_label (item);

      if (g_strcmp0 (item_key, key) == 0)
        {
          choose_item (self, item);
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * mh_choice_popover_add_button:
 * @self: a picker
 * @label: the button's label, with a mnemonic, such as "_Add From Computer…"
 *
 * Adds a button under the list for what the list does not offer; it closes
 * the popover when clicked. Give it an action or connect to ::clicked.
 *
 * Returns: (transfer none): the #GtkButton
 */
GtkWidget *
mh_choice_popover_add_button (MhChoicePopover *self,
                              const char      *label)
{
  GtkWidget *button;

  g_return_val_if_fail (MH_IS_CHOICE_POPOVER (self), NULL);

  button = gtk_button_new_with_mnemonic (label);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_object (button, "clicked", G_CALLBACK (gtk_popover_popdown), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (self->box), button);
  return button;
}
