/* mh-types.c
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "mh-types.h"

static const char * const kind_names[MH_N_ENTRY_KINDS] = {
  "report", "event", "article", "open_call", "page",
};

static const char * const kind_labels[MH_N_ENTRY_KINDS] = {
  N_("Report"), N_("Event"), N_("Article"), N_("Open call"), N_("Page"),
};

static const char * const status_names[MH_N_ENTRY_STATUSES] = {
  "draft", "review", "published", "archived",
};

static const char * const status_labels[MH_N_ENTRY_STATUSES] = {
  N_("Draft"), N_("In review"), N_("Published"), N_("Archived"),
};

static gboolean
lookup (const char * const *names,
        guint               n_names,
        const char         *str,
        int                *value)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    {
      if (g_str_equal (names[i], str))
        {
          *value = (int) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * mh_entry_kind_to_string:
 * @kind: a kind
 *
 * Returns: (transfer none): the name used in the site file and site-json,
 *   such as `open_call`
 */
const char *
mh_entry_kind_to_string (MhEntryKind kind)
{
  g_return_val_if_fail (kind < MH_N_ENTRY_KINDS, NULL);
  return kind_names[kind];
}

/**
 * mh_entry_kind_from_string:
 * @str: (nullable): a kind name such as `report`
 * @kind: (out): where to store the kind
 *
 * Returns: %TRUE if @str names a kind
 */
gboolean
mh_entry_kind_from_string (const char  *str,
                           MhEntryKind *kind)
{
  int value = 0;

  if (!lookup (kind_names, MH_N_ENTRY_KINDS, str, &value))
    return FALSE;
  *kind = (MhEntryKind) value;
  return TRUE;
}

/**
 * mh_entry_kind_get_label:
 * @kind: a kind
 *
 * Returns: (transfer none): the translated name of @kind for people
 */
const char *
mh_entry_kind_get_label (MhEntryKind kind)
{
  g_return_val_if_fail (kind < MH_N_ENTRY_KINDS, NULL);
  return _(kind_labels[kind]);
}

/**
 * mh_entry_status_to_string:
 * @status: a status
 *
 * Returns: (transfer none): the name used in the site file, such as `draft`
 */
const char *
mh_entry_status_to_string (MhEntryStatus status)
{
  g_return_val_if_fail (status < MH_N_ENTRY_STATUSES, NULL);
  return status_names[status];
}

/**
 * mh_entry_status_from_string:
 * @str: (nullable): a status name such as `published`
 * @status: (out): where to store the status
 *
 * Returns: %TRUE if @str names a status
 */
gboolean
mh_entry_status_from_string (const char    *str,
                             MhEntryStatus *status)
{
  int value = 0;

  if (!lookup (status_names, MH_N_ENTRY_STATUSES, str, &value))
    return FALSE;
  *status = (MhEntryStatus) value;
  return TRUE;
}

/**
 * mh_entry_status_get_label:
 * @status: a status
 *
 * Returns: (transfer none): the translated name of @status for people
 */
const char *
mh_entry_status_get_label (MhEntryStatus status)
{
  g_return_val_if_fail (status < MH_N_ENTRY_STATUSES, NULL);
  return _(status_labels[status]);
}
