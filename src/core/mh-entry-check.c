/* mh-entry-check.c: the rules an entry's fields must follow
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mh-entry"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "mh-entry-private.h"
#include "mh-validate.h"
#include "mh-error.h"
#include "mh-escape.h"
#include "mh-slug.h"

/**
 * mh_field_problem_copy:
 * @problem: a problem
 *
 * Returns: (transfer full): a copy of @problem
 */
MhFieldProblem *
mh_field_problem_copy (const MhFieldProblem *problem)
{
  MhFieldProblem *copy;

  g_return_val_if_fail (problem != NULL, NULL);

  copy = g_new0 (MhFieldProblem, 1);
  copy->field = g_strdup (problem->field);
  copy->message = g_strdup (problem->message);
  return copy;
}

/**
 * mh_field_problem_free:
 * @problem: (nullable): a problem
 */
void
mh_field_problem_free (MhFieldProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->field);
  g_free (problem->message);
  g_free (problem);
}

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


static gboolean
time_zone_is_known (const char *identifier)
{
  GTimeZone *tz = g_time_zone_new_identifier (identifier);

  if (tz == NULL)
    return FALSE;
  g_time_zone_unref (tz);
  return TRUE;
}

/* An end that is a bare date ends on that whole day, so it is only before
 * a start of the same day when both have times. */
static gboolean
ends_before_start (const char *start,
                   const char *end)
{
  int by_day = strncmp (end, start, 10);

  if (by_day != 0)
    return by_day < 0;
  return strlen (start) > 10 && strlen (end) > 10 && strcmp (end, start) < 0;
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

static void
check_identity (MhEntry   *self,
                GPtrArray *problems)
{
  const char *title = mh_entry_get_title (self);
  const char *slug = mh_entry_get_slug (self);
  const char *language = mh_entry_get_language (self);
  const char *date = mh_entry_get_date (self);
  g_autoptr(GError) error = NULL;

  if (is_blank (title))
    add_problem (problems, "title", g_strdup (_("Enter a title.")));
  if (slug != NULL && !mh_slug_validate (slug, &error))
    add_problem (problems, "slug", g_strdup (error->message));
  if (language != NULL && !mh_language_tag_is_valid (language))
    add_problem (problems, "language",
                 /* Translators: %s is what the editor typed */
                 g_strdup_printf (_("The language “%s” is not a language tag such as "
                                    "“en” or “pt-BR”."), language));
  if (slug != NULL && g_strcmp0 (slug, mh_entry_get_translation_of (self)) == 0)
    add_problem (problems, "translation-of",
                 g_strdup (_("An entry cannot be a translation of itself.")));
  if (date != NULL && !mh_date_is_valid (date, TRUE))
    add_problem (problems, "date",
                 g_strdup_printf (_("The date “%s” is not a date. Write it as YYYY-MM-DD, "
                                    "for example 2024-06-10."), date));
}

static void
check_links (MhEntry   *self,
             GPtrArray *problems)
{
  const char *website = mh_entry_get_website (self);

  if (website != NULL && !mh_web_url_is_valid (website))
    add_problem (problems, "website",
                 g_strdup (_("The website must be a full web address that starts with "
                             "http:// or https://, such as https://example.org/.")));
}

static void
check_event_dates (MhEntry   *self,
                   GPtrArray *problems)
{
  const char *start = mh_entry_get_event_start (self);
  const char *end = mh_entry_get_event_end (self);
  gboolean start_ok = start == NULL || mh_date_is_valid (start, TRUE);
  gboolean end_ok = end == NULL || mh_date_is_valid (end, TRUE);

  if (!start_ok)
    add_problem (problems, "event-start",
                 g_strdup_printf (_("The start “%s” is not a date. Write it as YYYY-MM-DD "
                                    "or YYYY-MM-DDTHH:MM, for example 2024-06-10T09:30."),
                                  start));
  if (!end_ok)
    add_problem (problems, "event-end",
                 g_strdup_printf (_("The end “%s” is not a date. Write it as YYYY-MM-DD "
                                    "or YYYY-MM-DDTHH:MM, for example 2024-06-13T18:00."),
                                  end));
  if (start != NULL && end != NULL && start_ok && end_ok && ends_before_start (start, end))
    add_problem (problems, "event-end",
                 g_strdup (_("The event ends before it starts. Check the end date.")));
}

static void
check_event (MhEntry   *self,
             GPtrArray *problems)
{
  const char *time_zone = mh_entry_get_time_zone (self);

  check_event_dates (self, problems);
  if (time_zone != NULL && !time_zone_is_known (time_zone))
    add_problem (problems, "time-zone",
                 g_strdup_printf (_("“%s” is not a time zone. Use a name such as "
                                    "Europe/Prague or Asia/Singapore."), time_zone));
  if (mh_entry_get_participants_planned (self) < -1)
    add_problem (problems, "participants-planned",
                 g_strdup (_("The planned number of participants cannot be negative.")));
  if (mh_entry_get_participants_actual (self) < -1)
    add_problem (problems, "participants-actual",
                 g_strdup (_("The number of participants cannot be negative.")));
}

static void
check_open_call (MhEntry   *self,
                 GPtrArray *problems)
{
  const char *deadline = mh_entry_get_deadline (self);

  if (deadline != NULL && !mh_date_is_valid (deadline, TRUE))
    add_problem (problems, "deadline",
                 g_strdup_printf (_("The deadline “%s” is not a date. Write it as "
                                    "YYYY-MM-DD, for example 2024-05-03."), deadline));
}

/**
 * mh_entry_check_fields:
 * @self: an entry
 *
 * Checks every field against the rules of a site, without a store: an
 * editor can call it on each keystroke and show each message under its
 * field. Fields of every kind are checked when they are set. References to
 * other rows (cover, country, translation-of, report-event) are only
 * checked by the store when saving.
 *
 * Returns: (transfer full) (element-type MhFieldProblem): the problems, in
 *   form order; empty when the entry may be saved
 */
GPtrArray *
mh_entry_check_fields (MhEntry *self)
{
  GPtrArray *problems;

  g_return_val_if_fail (MH_IS_ENTRY (self), NULL);

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) mh_field_problem_free);
  check_identity (self, problems);
  check_links (self, problems);
  check_event (self, problems);
  check_open_call (self, problems);
  return problems;
}

/**
 * mh_entry_validate:
 * @self: an entry
 * @error: return location for an error
 *
 * Like mh_entry_check_fields(), but stops at the first problem, which
 * becomes a %MH_STORE_ERROR_INVALID error whose message names the field.
 * mh_store_save_entry() runs the same check.
 *
 * Returns: %TRUE when the entry may be saved
 */
gboolean
mh_entry_validate (MhEntry  *self,
                   GError  **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  MhFieldProblem *first;

  g_return_val_if_fail (MH_IS_ENTRY (self), FALSE);

  problems = mh_entry_check_fields (self);
  if (problems->len == 0)
    return TRUE;

  first = g_ptr_array_index (problems, 0);
  g_set_error_literal (error, MH_STORE_ERROR, MH_STORE_ERROR_INVALID, first->message);
  return FALSE;
}
