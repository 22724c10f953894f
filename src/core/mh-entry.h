/* mh-entry.h
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "mh-types.h"
#include "mh-validate.h"

G_BEGIN_DECLS

#define MH_TYPE_ENTRY (mh_entry_get_type ())
#define MH_TYPE_FIELD_PROBLEM (mh_field_problem_get_type ())

G_DECLARE_FINAL_TYPE (MhEntry, mh_entry, MH, ENTRY, GObject)

/**
 * MhFieldProblem:
 * @field: the property name of the field, such as `event-end`
 * @message: what is wrong, as a translated sentence that names the field
 *
 * One problem found by mh_entry_check_fields(), for display under the field.
 */
typedef struct
{
  char *field;
  char *message;
} MhFieldProblem;

GType           mh_field_problem_get_type   (void) G_GNUC_CONST;
MhFieldProblem *mh_field_problem_copy       (const MhFieldProblem *problem);
void            mh_field_problem_free       (MhFieldProblem       *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MhFieldProblem, mh_field_problem_free)

MhEntry       *mh_entry_new                (MhEntryKind    kind);
MhEntry       *mh_entry_copy               (MhEntry       *self);
void           mh_entry_become             (MhEntry       *self,
                                            MhEntry       *from);
void           mh_entry_assign             (MhEntry       *self,
                                            MhEntry       *from);
char         **mh_entry_diff_fields        (MhEntry       *self,
                                            MhEntry       *other);
gint64         mh_entry_get_id             (MhEntry       *self);
const char    *mh_entry_get_uuid           (MhEntry       *self);
MhEntryKind    mh_entry_get_kind           (MhEntry       *self);
const char    *mh_entry_get_kind_label     (MhEntry       *self);
const char    *mh_entry_get_title          (MhEntry       *self);
void           mh_entry_set_title          (MhEntry       *self,
                                            const char    *title);
const char    *mh_entry_get_slug           (MhEntry       *self);
void           mh_entry_set_slug           (MhEntry       *self,
                                            const char    *slug);
MhEntryStatus  mh_entry_get_status         (MhEntry       *self);
const char    *mh_entry_get_status_label   (MhEntry       *self);
void           mh_entry_set_status         (MhEntry       *self,
                                            MhEntryStatus  status);
const char    *mh_entry_get_language       (MhEntry       *self);
void           mh_entry_set_language       (MhEntry       *self,
                                            const char    *language);
const char    *mh_entry_get_translation_of (MhEntry       *self);
void           mh_entry_set_translation_of (MhEntry       *self,
                                            const char    *slug);
const char    *mh_entry_get_date           (MhEntry       *self);
void           mh_entry_set_date           (MhEntry       *self,
                                            const char    *date);
const char    *mh_entry_get_summary        (MhEntry       *self);
void           mh_entry_set_summary        (MhEntry       *self,
                                            const char    *summary);
const char    *mh_entry_get_body           (MhEntry       *self);
void           mh_entry_set_body           (MhEntry       *self,
                                            const char    *body);
const char    *mh_entry_get_updated_at     (MhEntry       *self);
char          *mh_entry_dup_display_date   (MhEntry       *self);

/* Every kind */
const char    *mh_entry_get_cover          (MhEntry       *self);
void           mh_entry_set_cover          (MhEntry       *self,
                                            const char    *asset_name);
const char    *mh_entry_get_cover_alt      (MhEntry       *self);
void           mh_entry_set_cover_alt      (MhEntry       *self,
                                            const char    *alt);
const char    *mh_entry_get_cover_credit   (MhEntry       *self);
void           mh_entry_set_cover_credit   (MhEntry       *self,
                                            const char    *credit);
const char * const *mh_entry_get_authors   (MhEntry       *self);
void           mh_entry_set_authors        (MhEntry       *self,
                                            const char * const *authors);
const char    *mh_entry_get_posted_by      (MhEntry       *self);
void           mh_entry_set_posted_by      (MhEntry       *self,
                                            const char    *posted_by);
const char    *mh_entry_get_series         (MhEntry       *self);
void           mh_entry_set_series         (MhEntry       *self,
                                            const char    *series);
const char * const *mh_entry_get_hashtags  (MhEntry       *self);
void           mh_entry_set_hashtags       (MhEntry       *self,
                                            const char * const *hashtags);
const char    *mh_entry_get_website        (MhEntry       *self);
void           mh_entry_set_website        (MhEntry       *self,
                                            const char    *url);

/* Events */
const char    *mh_entry_get_event_start    (MhEntry       *self);
void           mh_entry_set_event_start    (MhEntry       *self,
                                            const char    *start);
const char    *mh_entry_get_event_end      (MhEntry       *self);
void           mh_entry_set_event_end      (MhEntry       *self,
                                            const char    *end);
const char    *mh_entry_get_time_zone      (MhEntry       *self);
void           mh_entry_set_time_zone      (MhEntry       *self,
                                            const char    *time_zone);
gboolean       mh_entry_get_all_day        (MhEntry       *self);
void           mh_entry_set_all_day        (MhEntry       *self,
                                            gboolean       all_day);
const char    *mh_entry_get_venue          (MhEntry       *self);
void           mh_entry_set_venue          (MhEntry       *self,
                                            const char    *venue);
const char    *mh_entry_get_city           (MhEntry       *self);
void           mh_entry_set_city           (MhEntry       *self,
                                            const char    *city);
const char    *mh_entry_get_country        (MhEntry       *self);
void           mh_entry_set_country        (MhEntry       *self,
                                            const char    *term_slug);
gboolean       mh_entry_get_online         (MhEntry       *self);
void           mh_entry_set_online         (MhEntry       *self,
                                            gboolean       online);
const char    *mh_entry_get_event_format   (MhEntry       *self);
void           mh_entry_set_event_format   (MhEntry       *self,
                                            const char    *format);
int            mh_entry_get_participants_planned (MhEntry *self);
void           mh_entry_set_participants_planned (MhEntry *self,
                                                  int      count);
int            mh_entry_get_participants_actual  (MhEntry *self);
void           mh_entry_set_participants_actual  (MhEntry *self,
                                                  int      count);

/* Reports */
const char    *mh_entry_get_publisher      (MhEntry       *self);
void           mh_entry_set_publisher      (MhEntry       *self,
                                            const char    *publisher);
const char    *mh_entry_get_report_event   (MhEntry       *self);
void           mh_entry_set_report_event   (MhEntry       *self,
                                            const char    *event_slug);

/* Open calls */
const char    *mh_entry_get_call_category  (MhEntry       *self);
void           mh_entry_set_call_category  (MhEntry       *self,
                                            const char    *category);
const char    *mh_entry_get_deadline       (MhEntry       *self);
void           mh_entry_set_deadline       (MhEntry       *self,
                                            const char    *deadline);

/* Validation (mh-entry-check.c) */
GPtrArray     *mh_entry_check_fields       (MhEntry       *self);
gboolean       mh_entry_validate           (MhEntry       *self,
                                            GError       **error);

char          *mh_format_date              (const char    *iso_date);

G_END_DECLS
