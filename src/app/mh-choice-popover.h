/* mh-choice-popover.h
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MH_TYPE_CHOICE_POPOVER (mh_choice_popover_get_type ())

G_DECLARE_FINAL_TYPE (MhChoicePopover, mh_choice_popover, MH, CHOICE_POPOVER, GtkPopover)

/**
 * MhChoiceLoadFunc:
 * @user_data: the data given with the function
 *
 * Returns: (transfer full) (nullable): the items to offer: #MhChoice or
 *   #GtkStringObject
 */
typedef GListModel *(*MhChoiceLoadFunc) (gpointer user_data);

/**
 * MhChoiceHideFunc:
 * @item: an #MhChoice or #GtkStringObject
 * @user_data: the data given with the function
 *
 * Returns: %TRUE to leave @item out, for example because it is chosen
 *   already
 */
typedef gboolean (*MhChoiceHideFunc) (GObject  *item,
                                      gpointer  user_data);

MhChoicePopover *mh_choice_popover_new         (void);
void             mh_choice_popover_set_loader  (MhChoicePopover  *self,
                                                MhChoiceLoadFunc  load,
                                                MhChoiceHideFunc  hide,
                                                gpointer          user_data);
void             mh_choice_popover_set_model   (MhChoicePopover  *self,
                                                GListModel       *model);
GListModel      *mh_choice_popover_get_model   (MhChoicePopover  *self);
void             mh_choice_popover_set_placeholder_text (MhChoicePopover *self,
                                                         const char      *text);
void             mh_choice_popover_reload      (MhChoicePopover  *self);
GtkWidget       *mh_choice_popover_add_button  (MhChoicePopover  *self,
                                                const char       *label);
gboolean         mh_choice_popover_choose      (MhChoicePopover  *self,
                                                const char       *key);

G_END_DECLS
