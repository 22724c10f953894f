/* mh-entry.c: one report, event page, article, open call or page
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mh-entry"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "mh-entry-private.h"

/* The string fields, in property order; PROP_TITLE … PROP_UPDATED_AT map
 * onto them one to one. */
enum {
  FIELD_UUID,
  FIELD_TITLE,
  FIELD_SLUG,
  FIELD_LANGUAGE,
  FIELD_DATE,
  FIELD_SUMMARY,
  FIELD_BODY,
  FIELD_EVENT_START,
  FIELD_EVENT_END,
  FIELD_DEADLINE,
  FIELD_UPDATED_AT,
  N_FIELDS
};

struct _MhEntry
{
  GObject        parent_instance;

  gint64         id;
  MhEntryKind    kind;
  MhEntryStatus  status;
  char          *fields[N_FIELDS];
};

G_DEFINE_FINAL_TYPE (MhEntry, mh_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_KIND_LABEL,
  PROP_STATUS,
  PROP_STATUS_LABEL,
  PROP_DISPLAY_DATE,
  /* string fields, in FIELD_ order */
  PROP_UUID,
  PROP_TITLE,
  PROP_SLUG,
  PROP_LANGUAGE,
  PROP_DATE,
  PROP_SUMMARY,
  PROP_BODY,
  PROP_EVENT_START,
  PROP_EVENT_END,
  PROP_DEADLINE,
  PROP_UPDATED_AT,
  N_PROPS
};

#define FIELD_OF_PROP(prop) ((prop) - PROP_UUID)
#define PROP_OF_FIELD(field) ((field) + PROP_UUID)

static GParamSpec *properties[N_PROPS];

static const char * const field_names[N_FIELDS] = {
  "uuid", "title", "slug", "language", "date", "summary", "body",
  "event-start", "event-end", "deadline", "updated-at",
};

static void
set_field (MhEntry    *self,
           guint       field,
           const char *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (self->fields[field], value) == 0)
    return;

  g_free (self->fields[field]);
  self->fields[field] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OF_FIELD (field)]);

  if (field == FIELD_DATE || field == FIELD_EVENT_START || field == FIELD_EVENT_END ||
      field == FIELD_DEADLINE)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_DATE]);
}

static void
mh_entry_finalize (GObject *object)
{
  MhEntry *self = (MhEntry *) object;

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->fields[i]);

  G_OBJECT_CLASS (mh_entry_parent_class)->finalize (object);
}

static void
mh_entry_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  MhEntry *self = MH_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;

    case PROP_KIND_LABEL:
      g_value_set_string (value, mh_entry_get_kind_label (self));
      break;

    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;

    case PROP_STATUS_LABEL:
      g_value_set_string (value, mh_entry_get_status_label (self));
      break;

    case PROP_DISPLAY_DATE:
      g_value_take_string (value, mh_entry_dup_display_date (self));
      break;

    default:
      if (prop_id >= PROP_UUID && prop_id < N_PROPS)
        g_value_set_string (value, self->fields[FIELD_OF_PROP (prop_id)]);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mh_entry_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  MhEntry *self = MH_ENTRY (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_int (value);
      break;

    case PROP_STATUS:
      mh_entry_set_status (self, g_value_get_int (value));
      break;

    default:
      if (prop_id > PROP_UUID && prop_id < PROP_UPDATED_AT)
        set_field (self, FIELD_OF_PROP (prop_id), g_value_get_string (value));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mh_entry_class_init (MhEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mh_entry_finalize;
  object_class->get_property = mh_entry_get_property;
  object_class->set_property = mh_entry_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, 0, MH_N_ENTRY_KINDS - 1, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND_LABEL] =
    g_param_spec_string ("kind-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, 0, MH_N_ENTRY_STATUSES - 1, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_LABEL] =
    g_param_spec_string ("status-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_DATE] =
    g_param_spec_string ("display-date", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      GParamFlags flags = G_PARAM_STATIC_STRINGS;

      if (i == FIELD_UUID || i == FIELD_UPDATED_AT)
        flags |= G_PARAM_READABLE;
      else
        flags |= G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY;
      properties[PROP_OF_FIELD (i)] =
        g_param_spec_string (field_names[i], NULL, NULL, NULL, flags);
    }

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mh_entry_init (MhEntry *self)
{
}

void
_mh_entry_set_identity (MhEntry    *self,
                        gint64      id,
                        const char *uuid,
                        const char *updated_at)
{
  g_return_if_fail (MH_IS_ENTRY (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
  set_field (self, FIELD_UUID, uuid);
  set_field (self, FIELD_UPDATED_AT, updated_at);
}

/**
 * mh_entry_new:
 * @kind: what the entry is
 *
 * Creates an entry that is not in a store yet (its id is 0); save it with
 * mh_store_save_entry().
 *
 * Returns: (transfer full): a new draft entry
 */
MhEntry *
mh_entry_new (MhEntryKind kind)
{
  g_return_val_if_fail (kind < MH_N_ENTRY_KINDS, NULL);
  return g_object_new (MH_TYPE_ENTRY, "kind", kind, NULL);
}

/**
 * mh_entry_get_id:
 * @self: an entry
 *
 * Returns: the row id in its store, or 0 when not saved yet
 */
gint64
mh_entry_get_id (MhEntry *self)
{
  g_return_val_if_fail (MH_IS_ENTRY (self), 0);
  return self->id;
}

/**
 * mh_entry_get_kind:
 * @self: an entry
 *
 * Returns: what the entry is
 */
MhEntryKind
mh_entry_get_kind (MhEntry *self)
{
  g_return_val_if_fail (MH_IS_ENTRY (self), 0);
  return self->kind;
}

/**
 * mh_entry_get_kind_label:
 * @self: an entry
 *
 * Returns: (transfer none): the translated kind, such as “Report”
 */
const char *
mh_entry_get_kind_label (MhEntry *self)
{
  g_return_val_if_fail (MH_IS_ENTRY (self), NULL);
  return mh_entry_kind_get_label (self->kind);
}

/**
 * mh_entry_get_status:
 * @self: an entry
 *
 * Returns: where the entry is in the workflow
 */
MhEntryStatus
mh_entry_get_status (MhEntry *self)
{
  g_return_val_if_fail (MH_IS_ENTRY (self), 0);
  return self->status;
}

/**
 * mh_entry_get_status_label:
 * @self: an entry
 *
 * Returns: (transfer none): the translated status, such as “Published”
 */
const char *
mh_entry_get_status_label (MhEntry *self)
{
  g_return_val_if_fail (MH_IS_ENTRY (self), NULL);
  return mh_entry_status_get_label (self->status);
}

/**
 * mh_entry_set_status:
 * @self: an entry
 * @status: where the entry is in the workflow
 */
void
mh_entry_set_status (MhEntry       *self,
                     MhEntryStatus  status)
{
  g_return_if_fail (MH_IS_ENTRY (self));
  g_return_if_fail (status < MH_N_ENTRY_STATUSES);

  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_LABEL]);
}

#define STRING_ACCESSORS(name, FIELD)                                 \
  const char *                                                        \
  mh_entry_get_##name (MhEntry *self)                                 \
  {                                                                   \
    g_return_val_if_fail (MH_IS_ENTRY (self), NULL);                  \
    return self->fields[FIELD];                                       \
  }                                                                   \
  void                                                                \
  mh_entry_set_##name (MhEntry    *self,                              \
                       const char *value)                             \
  {                                                                   \
    g_return_if_fail (MH_IS_ENTRY (self));                            \
    set_field (self, FIELD, value);                                   \
  }

STRING_ACCESSORS (title, FIELD_TITLE)
STRING_ACCESSORS (slug, FIELD_SLUG)
STRING_ACCESSORS (language, FIELD_LANGUAGE)
STRING_ACCESSORS (date, FIELD_DATE)
STRING_ACCESSORS (summary, FIELD_SUMMARY)
STRING_ACCESSORS (body, FIELD_BODY)
STRING_ACCESSORS (event_start, FIELD_EVENT_START)
STRING_ACCESSORS (event_end, FIELD_EVENT_END)
STRING_ACCESSORS (deadline, FIELD_DEADLINE)

/**
 * mh_entry_get_uuid:
 * @self: an entry
 *
 * Returns: (transfer none) (nullable): the stable id that survives slug
 *   changes, or %NULL when not saved yet
 */
const char *
mh_entry_get_uuid (MhEntry *self)
{
  g_return_val_if_fail (MH_IS_ENTRY (self), NULL);
  return self->fields[FIELD_UUID];
}

/**
 * mh_entry_get_updated_at:
 * @self: an entry
 *
 * Returns: (transfer none) (nullable): when the entry last changed (UTC,
 *   ISO 8601)
 */
const char *
mh_entry_get_updated_at (MhEntry *self)
{
  g_return_val_if_fail (MH_IS_ENTRY (self), NULL);
  return self->fields[FIELD_UPDATED_AT];
}

/**
 * mh_format_date:
 * @iso_date: (nullable): `YYYY-MM-DD`, optionally followed by a time
 *
 * Returns: (transfer full) (nullable): the date as people read it on the
 *   site, such as “10 Jun 2024”, or %NULL when @iso_date is not a date
 */
char *
mh_format_date (const char *iso_date)
{
  g_autoptr(GDateTime) dt = NULL;
  int y, m, d;

  if (iso_date == NULL || sscanf (iso_date, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return NULL;

  dt = g_date_time_new_utc (y, m, d, 0, 0, 0);
  return g_date_time_format (dt, "%-d %b %Y");
}

/**
 * mh_entry_dup_display_date:
 * @self: an entry
 *
 * The date a list or card shows: an event's date range, an open call's
 * deadline, otherwise the publication date.
 *
 * Returns: (transfer full) (nullable): the date for people
 */
char *
mh_entry_dup_display_date (MhEntry *self)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *deadline = NULL;

  g_return_val_if_fail (MH_IS_ENTRY (self), NULL);

  if (self->kind == MH_ENTRY_KIND_EVENT &&
      (start = mh_format_date (self->fields[FIELD_EVENT_START])) != NULL)
    {
      end = mh_format_date (self->fields[FIELD_EVENT_END]);
      /* Translators: a date range, such as “10 Jun 2024 – 13 Jun 2024” */
      return g_strdup_printf (_("%s – %s"), start, end ? end : start);
    }

  if (self->kind == MH_ENTRY_KIND_OPEN_CALL &&
      (deadline = mh_format_date (self->fields[FIELD_DEADLINE])) != NULL)
    /* Translators: %s is a date such as “3 May 2024” */
    return g_strdup_printf (_("Deadline %s"), deadline);

  return mh_format_date (self->fields[FIELD_DATE]);
}
