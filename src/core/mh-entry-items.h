/* mh-entry-items.h: the rows of an entry's lists, as small GObjects
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each row is a GObject with string properties, so that a GtkListView or
 * GtkColumnView can show a GListStore of them and bind each cell both ways
 * (`<lookup name="title" type="MhProgrammeItem">`). References to other
 * rows of the site are kept as their key, slug or name, never as row ids;
 * the store maps them when saving and refuses unknown ones. The `label`
 * properties are for display only (a term's or organisation's name, an
 * entry's title, a person's name): the store fills them when it reads a
 * list and ignores them when it saves one. Setters treat "" as %NULL and
 * notify only on change.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define MH_TYPE_TERM_REF (mh_term_ref_get_type ())
#define MH_TYPE_ENTRY_REF (mh_entry_ref_get_type ())
#define MH_TYPE_PARTNER (mh_partner_get_type ())
#define MH_TYPE_PROGRAMME_ITEM (mh_programme_item_get_type ())
#define MH_TYPE_DOWNLOAD (mh_download_get_type ())
#define MH_TYPE_PARTICIPANT (mh_participant_get_type ())

/* A term of a vocabulary: properties vocabulary (key), term (slug), label. */
G_DECLARE_FINAL_TYPE (MhTermRef, mh_term_ref, MH, TERM_REF, GObject)

MhTermRef   *mh_term_ref_new                (const char      *vocabulary,
                                             const char      *term);
const char  *mh_term_ref_get_vocabulary     (MhTermRef       *self);
void         mh_term_ref_set_vocabulary     (MhTermRef       *self,
                                             const char      *vocabulary);
const char  *mh_term_ref_get_term           (MhTermRef       *self);
void         mh_term_ref_set_term           (MhTermRef       *self,
                                             const char      *term);
const char  *mh_term_ref_get_label          (MhTermRef       *self);
void         mh_term_ref_set_label          (MhTermRef       *self,
                                             const char      *label);

/* Another entry: properties slug, label (its title). */
G_DECLARE_FINAL_TYPE (MhEntryRef, mh_entry_ref, MH, ENTRY_REF, GObject)

MhEntryRef  *mh_entry_ref_new               (const char      *slug);
const char  *mh_entry_ref_get_slug          (MhEntryRef      *self);
void         mh_entry_ref_set_slug          (MhEntryRef      *self,
                                             const char      *slug);
const char  *mh_entry_ref_get_label         (MhEntryRef      *self);
void         mh_entry_ref_set_label         (MhEntryRef      *self,
                                             const char      *label);

/* A partner organisation: properties organisation (key), relation
 * (organiser, co-organiser, funder, support or media-partner), label. */
G_DECLARE_FINAL_TYPE (MhPartner, mh_partner, MH, PARTNER, GObject)

MhPartner   *mh_partner_new                 (const char      *organisation,
                                             const char      *relation);
const char  *mh_partner_get_organisation    (MhPartner       *self);
void         mh_partner_set_organisation    (MhPartner       *self,
                                             const char      *organisation);
const char  *mh_partner_get_relation        (MhPartner       *self);
void         mh_partner_set_relation        (MhPartner       *self,
                                             const char      *relation);
const char  *mh_partner_get_label           (MhPartner       *self);
void         mh_partner_set_label           (MhPartner       *self,
                                             const char      *label);
const char * const *mh_partner_relations    (void);
const char  *mh_partner_relation_get_label  (const char      *relation);

/* An item of an event's programme: properties start, end (ISO dates or
 * date-times), title (required), venue. */
G_DECLARE_FINAL_TYPE (MhProgrammeItem, mh_programme_item, MH, PROGRAMME_ITEM, GObject)

MhProgrammeItem *mh_programme_item_new      (const char      *start,
                                             const char      *end,
                                             const char      *title,
                                             const char      *venue);
const char  *mh_programme_item_get_start    (MhProgrammeItem *self);
void         mh_programme_item_set_start    (MhProgrammeItem *self,
                                             const char      *start);
const char  *mh_programme_item_get_end      (MhProgrammeItem *self);
void         mh_programme_item_set_end      (MhProgrammeItem *self,
                                             const char      *end);
const char  *mh_programme_item_get_title    (MhProgrammeItem *self);
void         mh_programme_item_set_title    (MhProgrammeItem *self,
                                             const char      *title);
const char  *mh_programme_item_get_venue    (MhProgrammeItem *self);
void         mh_programme_item_set_venue    (MhProgrammeItem *self,
                                             const char      *venue);

/* A report's download: properties asset (name), title, language. */
G_DECLARE_FINAL_TYPE (MhDownload, mh_download, MH, DOWNLOAD, GObject)

MhDownload  *mh_download_new                (const char      *asset,
                                             const char      *title,
                                             const char      *language);
const char  *mh_download_get_asset          (MhDownload      *self);
void         mh_download_set_asset          (MhDownload      *self,
                                             const char      *asset);
const char  *mh_download_get_title          (MhDownload      *self);
void         mh_download_set_title          (MhDownload      *self,
                                             const char      *title);
const char  *mh_download_get_language       (MhDownload      *self);
void         mh_download_set_language       (MhDownload      *self,
                                             const char      *language);

/* A participant of an event: properties person (key), role (default
 * "participant"), group (a label such as "Arts sector"), label. */
G_DECLARE_FINAL_TYPE (MhParticipant, mh_participant, MH, PARTICIPANT, GObject)

MhParticipant *mh_participant_new           (const char      *person,
                                             const char      *role,
                                             const char      *group);
const char  *mh_participant_get_person      (MhParticipant   *self);
void         mh_participant_set_person      (MhParticipant   *self,
                                             const char      *person);
const char  *mh_participant_get_role        (MhParticipant   *self);
void         mh_participant_set_role        (MhParticipant   *self,
                                             const char      *role);
const char  *mh_participant_get_group       (MhParticipant   *self);
void         mh_participant_set_group       (MhParticipant   *self,
                                             const char      *group);
const char  *mh_participant_get_label       (MhParticipant   *self);
void         mh_participant_set_label       (MhParticipant   *self,
                                             const char      *label);

G_END_DECLS
