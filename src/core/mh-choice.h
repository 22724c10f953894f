/* mh-choice.h: what a form offers to choose from
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mh-store.h"

G_BEGIN_DECLS

#define MH_TYPE_CHOICE (mh_choice_get_type ())

G_DECLARE_FINAL_TYPE (MhChoice, mh_choice, MH, CHOICE, GObject)

gint64       mh_choice_get_id                (MhChoice    *self);
const char  *mh_choice_get_key               (MhChoice    *self);
const char  *mh_choice_get_label             (MhChoice    *self);
const char  *mh_choice_get_detail            (MhChoice    *self);
guint        mh_choice_get_depth             (MhChoice    *self);
const char  *mh_choice_get_parent_key        (MhChoice    *self);
const char  *mh_choice_get_search_text       (MhChoice    *self);
gboolean     mh_choice_matches               (MhChoice    *self,
                                              const char  *query);
char        *mh_text_fold                    (const char  *text);

GListModel  *mh_store_list_vocabularies      (MhStore     *self,
                                              GError     **error);
GListModel  *mh_store_list_terms             (MhStore     *self,
                                              const char  *vocabulary,
                                              GError     **error);
GListModel  *mh_store_list_assets            (MhStore     *self,
                                              GError     **error);
GListModel  *mh_store_list_organisations     (MhStore     *self,
                                              GError     **error);
GListModel  *mh_store_list_people            (MhStore     *self,
                                              GError     **error);
GListModel  *mh_store_list_entry_choices     (MhStore     *self,
                                              int          kind,
                                              GError     **error);

G_END_DECLS
