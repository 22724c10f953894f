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

/* The string fields, in property order: PROP_UUID + FIELD_X is the
 * property of FIELD_X. References to other rows (cover, country,
 * translation-of, report-event) are kept by name or slug; the store maps
 * them to row ids. */
enum {
  FIELD_UUID,
  FIELD_UPDATED_AT,
  FIELD_TITLE,
  FIELD_SLUG,
  FIELD_LANGUAGE,
  FIELD_TRANSLATION_OF,
  FIELD_DATE,
  FIELD_SUMMARY,
  FIELD_BODY,
  FIELD_COVER,
  FIELD_COVER_ALT,
  FIELD_COVER_CREDIT,
  FIELD_POSTED_BY,
  FIELD_SERIES,
  FIELD_WEBSITE,
  FIELD_EVENT_START,
  FIELD_EVENT_END,
  FIELD_TIME_ZONE,
  FIELD_VENUE,
  FIELD_CITY,
  FIELD_COUNTRY,
  FIELD_EVENT_FORMAT,
  FIELD_PUBLISHER,
  FIELD_REPORT_EVENT,
  FIELD_CALL_CATEGORY,
  FIELD_DEADLINE,
  N_FIELDS
};

/* The first writable string field. */
#define FIELD_FIRST_WRITABLE FIELD_TITLE

struct _MhEntry
{
  GObject        parent_instance;

  gint64         id;
  MhEntryKind    kind;
  MhEntryStatus  status;
  char          *fields[N_FIELDS];
  char         **authors;
  char         **hashtags;
  int            participants_planned;
  int            participants_actual;
  guint          all_day : 1;
  guint          online : 1;
};

G_DEFINE_FINAL_TYPE (MhEntry, mh_entry, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (MhFieldProblem, mh_field_problem, mh_field_problem_copy,
                     mh_field_problem_free)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_KIND_LABEL,
  PROP_STATUS,
  PROP_STATUS_LABEL,
  PROP_DISPLAY_DATE,
  PROP_AUTHORS,
  PROP_HASHTAGS,
  PROP_ALL_DAY,
  PROP_ONLINE,
  PROP_PARTICIPANTS_PLANNED,
  PROP_PARTICIPANTS_ACTUAL,
  /* string fields, in FIELD_ order */
  PROP_UUID,
  N_PROPS = PROP_UUID + N_FIELDS
};

#define FIELD_OF_PROP(prop) ((prop) - PROP_UUID)
#define PROP_OF_FIELD(field) ((field) + PROP_UUID)

static GParamSpec *properties[N_PROPS];

static const char * const field_names[N_FIELDS] = {
  "uuid", "updated-at", "title", "slug", "language", "translation-of", "date", "summary",
  "body", "cover", "cover-alt", "cover-credit", "posted-by", "series", "website",
  "event-start", "event-end", "time-zone", "venue", "city", "country", "event-format",
  "publisher", "report-event", "call-category", "deadline",
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

/* An empty list is no list: both read back as %NULL. */
static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  if (a != NULL && a[0] == NULL)
    a = NULL;
  if (b != NULL && b[0] == NULL)
    b = NULL;
  if (a == NULL || b == NULL)
    return a == b;
  return g_strv_equal (a, b);
}

static void
set_strv (MhEntry             *self,
          char              ***slot,
          const char * const  *value,
          guint                prop)
{
  if (strv_equal ((const char * const *) *slot, value))
    return;

  g_strfreev (*slot);
  *slot = value != NULL && value[0] != NULL ? g_strdupv ((char **) value) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_count (MhEntry *self,
           int     *slot,
           int      value,
           guint    prop)
{
  if (*slot == value)
    return;
  *slot = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
mh_entry_finalize (GObject *object)
{
  MhEntry *self = (MhEntry *) object;

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->fields[i]);
  g_strfreev (self->authors);
  g_strfreev (self->hashtags);

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

    case PROP_AUTHORS:
      g_value_set_boxed (value, self->authors);
      break;

    case PROP_HASHTAGS:
      g_value_set_boxed (value, self->hashtags);
      break;

    case PROP_ALL_DAY:
      g_value_set_boolean (value, self->all_day);
      break;

    case PROP_ONLINE:
      g_value_set_boolean (value, self->online);
      break;

    case PROP_PARTICIPANTS_PLANNED:
      g_value_set_int (value, self->participants_planned);
      break;

    case PROP_PARTICIPANTS_ACTUAL:
      g_value_set_int (value, self->participants_actual);
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

    case PROP_AUTHORS:
      mh_entry_set_authors (self, g_value_get_boxed (value));
      break;

    case PROP_HASHTAGS:
      mh_entry_set_hashtags (self, g_value_get_boxed (value));
      break;

    case PROP_ALL_DAY:
      mh_entry_set_all_day (self, g_value_get_boolean (value));
      break;

    case PROP_ONLINE:
      mh_entry_set_online (self, g_value_get_boolean (value));
      break;

    case PROP_PARTICIPANTS_PLANNED:
      mh_entry_set_participants_planned (self, g_value_get_int (value));
      break;

    case PROP_PARTICIPANTS_ACTUAL:
      mh_entry_set_participants_actual (self, g_value_get_int (value));
      break;

    default:
      if (prop_id >= PROP_OF_FIELD (FIELD_FIRST_WRITABLE) && prop_id < N_PROPS)
        set_field (self, FIELD_OF_PROP (prop_id), g_value_get_string (value));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_value_properties (void)
{
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  properties[PROP_AUTHORS] = g_param_spec_boxed ("authors", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_HASHTAGS] = g_param_spec_boxed ("hashtags", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_ALL_DAY] = g_param_spec_boolean ("all-day", NULL, NULL, FALSE, rw);
  properties[PROP_ONLINE] = g_param_spec_boolean ("online", NULL, NULL, FALSE, rw);
  /* -1 is "not given"; smaller values are kept so that validation can
   * name them rather than GObject silently refusing them. */
  properties[PROP_PARTICIPANTS_PLANNED] =
    g_param_spec_int ("participants-planned", NULL, NULL, G_MININT, G_MAXINT, -1, rw);
  properties[PROP_PARTICIPANTS_ACTUAL] =
    g_param_spec_int ("participants-actual", NULL, NULL, G_MININT, G_MAXINT, -1, rw);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      GParamFlags flags = G_PARAM_STATIC_STRINGS;

      if (i < FIELD_FIRST_WRITABLE)
        flags |= G_PARAM_READABLE;
      else
        flags |= rw;
      properties[PROP_OF_FIELD (i)] =
        g_param_spec_string (field_names[i], NULL, NULL, NULL, flags);
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
  install_value_properties ();

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mh_entry_init (MhEntry *self)
{
  self->participants_planned = -1;
  self->participants_actual = -1;
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
 * mh_entry_assign:
 * @self: an entry
 * @from: another entry
 *
 * Gives @self every editable value of @from (everything but the kind, id,
 * uuid and updated-at), notifying only the properties that change. An
 * editor can keep one entry object for its whole life and assign an undo
 * step, or an older revision, to it.
 */
void
mh_entry_assign (MhEntry *self,
                 MhEntry *from)
{
  g_return_if_fail (MH_IS_ENTRY (self));
  g_return_if_fail (MH_IS_ENTRY (from));

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = FIELD_FIRST_WRITABLE; i < N_FIELDS; i++)
    set_field (self, i, from->fields[i]);
  mh_entry_set_status (self, from->status);
  mh_entry_set_authors (self, (const char * const *) from->authors);
  mh_entry_set_hashtags (self, (const char * const *) from->hashtags);
  mh_entry_set_all_day (self, from->all_day);
  mh_entry_set_online (self, from->online);
  mh_entry_set_participants_planned (self, from->participants_planned);
  mh_entry_set_participants_actual (self, from->participants_actual);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * mh_entry_become:
 * @self: an entry
 * @from: another entry, perhaps of another kind
 *
 * Makes @self a copy of @from in place — kind, identity and values —
 * notifying what changes. For a list that keeps its item objects and shows
 * other entries in them (a new search), so that its rows are updated
 * rather than made again.
 */
void
mh_entry_become (MhEntry *self,
                 MhEntry *from)
{
  g_return_if_fail (MH_IS_ENTRY (self));
  g_return_if_fail (MH_IS_ENTRY (from));

  g_object_freeze_notify (G_OBJECT (self));
  if (self->kind != from->kind)
    {
      self->kind = from->kind;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND_LABEL]);
    }
  _mh_entry_set_identity (self, from->id, from->fields[FIELD_UUID],
                          from->fields[FIELD_UPDATED_AT]);
  mh_entry_assign (self, from);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * mh_entry_copy:
 * @self: an entry
 *
 * Returns: (transfer full): a new entry with the same kind, identity and
 *   values, for example to keep as an undo step
 */
MhEntry *
mh_entry_copy (MhEntry *self)
{
  MhEntry *copy;

  g_return_val_if_fail (MH_IS_ENTRY (self), NULL);

  copy = mh_entry_new (self->kind);
  mh_entry_assign (copy, self);
  _mh_entry_set_identity (copy, self->id, self->fields[FIELD_UUID],
                          self->fields[FIELD_UPDATED_AT]);
  return copy;
}

/**
 * mh_entry_diff_fields:
 * @self: an entry
 * @other: another entry, such as an older revision of it
 *
 * Lists the editable properties whose values differ, for a compare view
 * that highlights changed fields.
 *
 * Returns: (transfer full) (array zero-terminated=1): property names such
 *   as `title` or `authors`, in property order; empty when nothing differs
 */
char **
mh_entry_diff_fields (MhEntry *self,
                      MhEntry *other)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  g_return_val_if_fail (MH_IS_ENTRY (self), NULL);
  g_return_val_if_fail (MH_IS_ENTRY (other), NULL);

  if (self->status != other->status)
    g_strv_builder_add (names, "status");
  if (!strv_equal ((const char * const *) self->authors, (const char * const *) other->authors))
    g_strv_builder_add (names, "authors");
  if (!strv_equal ((const char * const *) self->hashtags, (const char * const *) other->hashtags))
    g_strv_builder_add (names, "hashtags");
  if (self->all_day != other->all_day)
    g_strv_builder_add (names, "all-day");
  if (self->online != other->online)
    g_strv_builder_add (names, "online");
  if (self->participants_planned != other->participants_planned)
    g_strv_builder_add (names, "participants-planned");
  if (self->participants_actual != other->participants_actual)
    g_strv_builder_add (names, "participants-actual");
  for (guint i = FIELD_FIRST_WRITABLE; i < N_FIELDS; i++)
    if (g_strcmp0 (self->fields[i], other->fields[i]) != 0)
      g_strv_builder_add (names, field_names[i]);

  return g_strv_builder_end (names);
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

/* The string accessors; each property is documented by its name. A
 * setter treats "" as %NULL and notifies only when the value changes. */
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
STRING_ACCESSORS (translation_of, FIELD_TRANSLATION_OF)
STRING_ACCESSORS (date, FIELD_DATE)
STRING_ACCESSORS (summary, FIELD_SUMMARY)
STRING_ACCESSORS (body, FIELD_BODY)
STRING_ACCESSORS (cover, FIELD_COVER)
STRING_ACCESSORS (cover_alt, FIELD_COVER_ALT)
STRING_ACCESSORS (cover_credit, FIELD_COVER_CREDIT)
STRING_ACCESSORS (posted_by, FIELD_POSTED_BY)
STRING_ACCESSORS (series, FIELD_SERIES)
STRING_ACCESSORS (website, FIELD_WEBSITE)
STRING_ACCESSORS (event_start, FIELD_EVENT_START)
STRING_ACCESSORS (event_end, FIELD_EVENT_END)
STRING_ACCESSORS (time_zone, FIELD_TIME_ZONE)
STRING_ACCESSORS (venue, FIELD_VENUE)
STRING_ACCESSORS (city, FIELD_CITY)
STRING_ACCESSORS (country, FIELD_COUNTRY)
STRING_ACCESSORS (event_format, FIELD_EVENT_FORMAT)
STRING_ACCESSORS (publisher, FIELD_PUBLISHER)
STRING_ACCESSORS (report_event, FIELD_REPORT_EVENT)
STRING_ACCESSORS (call_category, FIELD_CALL_CATEGORY)
STRING_ACCESSORS (deadline, FIELD_DEADLINE)

/**
 * mh_entry_get_authors:
 * @self: an entry
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): the byline
 *   names, or %NULL when there are none
 */
const char * const *
mh_entry_get_authors (MhEntry *self)
{
  g_return_val_if_fail (MH_IS_ENTRY (self), NULL);
  return (const char * const *) self->authors;
}

/**
 * mh_entry_set_authors:
 * @self: an entry
 * @authors: (nullable) (array zero-terminated=1): the byline names, in order
 */
void
mh_entry_set_authors (MhEntry            *self,
                      const char * const *authors)
{
  g_return_if_fail (MH_IS_ENTRY (self));
  set_strv (self, &self->authors, authors, PROP_AUTHORS);
}

/**
 * mh_entry_get_hashtags:
 * @self: an entry
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): hashtags
 *   such as `#ASEFCulture`, or %NULL when there are none
 */
const char * const *
mh_entry_get_hashtags (MhEntry *self)
{
  g_return_val_if_fail (MH_IS_ENTRY (self), NULL);
  return (const char * const *) self->hashtags;
}

/**
 * mh_entry_set_hashtags:
 * @self: an entry
 * @hashtags: (nullable) (array zero-terminated=1): the hashtags, in order
 */
void
mh_entry_set_hashtags (MhEntry            *self,
                       const char * const *hashtags)
{
  g_return_if_fail (MH_IS_ENTRY (self));
  set_strv (self, &self->hashtags, hashtags, PROP_HASHTAGS);
}

/**
 * mh_entry_get_all_day:
 * @self: an entry
 *
 * Returns: whether the event's times are whole days
 */
gboolean
mh_entry_get_all_day (MhEntry *self)
{
  g_return_val_if_fail (MH_IS_ENTRY (self), FALSE);
  return self->all_day;
}

/**
 * mh_entry_set_all_day:
 * @self: an entry
 * @all_day: whether the event's times are whole days
 */
void
mh_entry_set_all_day (MhEntry  *self,
                      gboolean  all_day)
{
  g_return_if_fail (MH_IS_ENTRY (self));

  all_day = !!all_day;
  if (self->all_day == (guint) all_day)
    return;
  self->all_day = all_day;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALL_DAY]);
}

/**
 * mh_entry_get_online:
 * @self: an entry
 *
 * Returns: whether the event takes place online
 */
gboolean
mh_entry_get_online (MhEntry *self)
{
  g_return_val_if_fail (MH_IS_ENTRY (self), FALSE);
  return self->online;
}

/**
 * mh_entry_set_online:
 * @self: an entry
 * @online: whether the event takes place online
 */
void
mh_entry_set_online (MhEntry  *self,
                     gboolean  online)
{
  g_return_if_fail (MH_IS_ENTRY (self));

  online = !!online;
  if (self->online == (guint) online)
    return;
  self->online = online;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLINE]);
}

/**
 * mh_entry_get_participants_planned:
 * @self: an entry
 *
 * Returns: how many took part as planned, or -1 when not given
 */
int
mh_entry_get_participants_planned (MhEntry *self)
{
  g_return_val_if_fail (MH_IS_ENTRY (self), -1);
  return self->participants_planned;
}

/**
 * mh_entry_set_participants_planned:
 * @self: an entry
 * @count: how many were selected or invited, or -1 to unset
 */
void
mh_entry_set_participants_planned (MhEntry *self,
                                   int      count)
{
  g_return_if_fail (MH_IS_ENTRY (self));
  set_count (self, &self->participants_planned, count, PROP_PARTICIPANTS_PLANNED);
}

/**
 * mh_entry_get_participants_actual:
 * @self: an entry
 *
 * Returns: how many took part, or -1 when not given
 */
int
mh_entry_get_participants_actual (MhEntry *self)
{
  g_return_val_if_fail (MH_IS_ENTRY (self), -1);
  return self->participants_actual;
}

/**
 * mh_entry_set_participants_actual:
 * @self: an entry
 * @count: how many took part, or -1 to unset
 */
void
mh_entry_set_participants_actual (MhEntry *self,
                                  int      count)
{
  g_return_if_fail (MH_IS_ENTRY (self));
  set_count (self, &self->participants_actual, count, PROP_PARTICIPANTS_ACTUAL);
}

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
