/* mh-entry-items.c: the rows of an entry's lists
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mh-entry"

#include "config.h"

#include <glib/gi18n.h>

#include "mh-entry-items.h"

/* Every row type is a GObject whose properties are strings kept in one
 * array, property N (from 1) in fields[N - 1]. These helpers do the work;
 * DEFINE_ROW_TYPE below writes the per-type GObject glue around them. */

static void
row_set (GObject     *object,
         char       **slot,
         const char  *value,
         GParamSpec  *pspec)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*slot, value) == 0)
    return;
  g_free (*slot);
  *slot = g_strdup (value);
  g_object_notify_by_pspec (object, pspec);
}

static void
row_install_properties (GObjectClass       *klass,
                        GParamSpec        **props,
                        const char * const *names,
                        guint               n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    props[i + 1] = g_param_spec_string (names[i], NULL, NULL, NULL,
                                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                        G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (klass, n_fields + 1, props);
}

#define DEFINE_ROW_TYPE(TypeName, type_name, TYPE, N_FIELDS, ...)                        \
  struct _##TypeName                                                                      \
  {                                                                                       \
    GObject  parent_instance;                                                             \
    char    *fields[N_FIELDS];                                                            \
  };                                                                                      \
                                                                                          \
  G_DEFINE_FINAL_TYPE (TypeName, type_name, G_TYPE_OBJECT)                                \
                                                                                          \
  static GParamSpec *type_name##_props[N_FIELDS + 1];                                     \
  static const char * const type_name##_names[N_FIELDS] = { __VA_ARGS__ };                \
                                                                                          \
  static void                                                                             \
  type_name##_finalize (GObject *object)                                                  \
  {                                                                                       \
    TypeName *self = (TypeName *) object;                                                 \
                                                                                          \
    for (guint i = 0; i < N_FIELDS; i++)                                                  \
      g_free (self->fields[i]);                                                           \
    G_OBJECT_CLASS (type_name##_parent_class)->finalize (object);                         \
  }                                                                                       \
                                                                                          \
  static void                                                                             \
  type_name##_get_property (GObject    *object,                                           \
                            guint       prop_id,                                          \
                            GValue     *value,                                            \
                            GParamSpec *pspec)                                            \
  {                                                                                       \
    TypeName *self = (TypeName *) object;                                                 \
                                                                                          \
    if (prop_id >= 1 && prop_id <= N_FIELDS)                                              \
      g_value_set_string (value, self->fields[prop_id - 1]);                              \
    else                                                                                  \
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);                         \
  }                                                                                       \
                                                                                          \
  static void                                                                             \
  type_name##_set_property (GObject      *object,                                         \
                            guint         prop_id,                                        \
                            const GValue *value,                                          \
                            GParamSpec   *pspec)                                          \
  {                                                                                       \
    TypeName *self = (TypeName *) object;                                                 \
                                                                                          \
    if (prop_id >= 1 && prop_id <= N_FIELDS)                                              \
      row_set (object, &self->fields[prop_id - 1], g_value_get_string (value), pspec);   \
    else                                                                                  \
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);                         \
  }                                                                                       \
                                                                                          \
  static void                                                                             \
  type_name##_class_init (TypeName##Class *klass)                                         \
  {                                                                                       \
    GObjectClass *object_class = G_OBJECT_CLASS (klass);                                  \
                                                                                          \
    object_class->finalize = type_name##_finalize;                                        \
    object_class->get_property = type_name##_get_property;                                \
    object_class->set_property = type_name##_set_property;                                \
    row_install_properties (object_class, type_name##_props, type_name##_names,           \
                            N_FIELDS);                                                    \
  }                                                                                       \
                                                                                          \
  static void                                                                             \
  type_name##_init (TypeName *self)                                                       \
  {                                                                                       \
  }

/* Accessors of field INDEX (from 0) of a row type. */
#define ROW_ACCESSORS(TypeName, type_name, TYPE, name, INDEX)                            \
  const char *                                                                            \
  type_name##_get_##name (TypeName *self)                                                 \
  {                                                                                       \
    g_return_val_if_fail (MH_IS_##TYPE (self), NULL);                                     \
    return self->fields[INDEX];                                                           \
  }                                                                                       \
                                                                                          \
  void                                                                                    \
  type_name##_set_##name (TypeName   *self,                                               \
                          const char *value)                                              \
  {                                                                                       \
    g_return_if_fail (MH_IS_##TYPE (self));                                               \
    row_set (G_OBJECT (self), &self->fields[INDEX], value, type_name##_props[INDEX + 1]); \
  }

DEFINE_ROW_TYPE (MhTermRef, mh_term_ref, TERM_REF, 3, "vocabulary", "term", "label")
ROW_ACCESSORS (MhTermRef, mh_term_ref, TERM_REF, vocabulary, 0)
ROW_ACCESSORS (MhTermRef, mh_term_ref, TERM_REF, term, 1)
ROW_ACCESSORS (MhTermRef, mh_term_ref, TERM_REF, label, 2)

DEFINE_ROW_TYPE (MhEntryRef, mh_entry_ref, ENTRY_REF, 2, "slug", "label")
ROW_ACCESSORS (MhEntryRef, mh_entry_ref, ENTRY_REF, slug, 0)
ROW_ACCESSORS (MhEntryRef, mh_entry_ref, ENTRY_REF, label, 1)

DEFINE_ROW_TYPE (MhPartner, mh_partner, PARTNER, 3, "organisation", "relation", "label")
ROW_ACCESSORS (MhPartner, mh_partner, PARTNER, organisation, 0)
ROW_ACCESSORS (MhPartner, mh_partner, PARTNER, relation, 1)
ROW_ACCESSORS (MhPartner, mh_partner, PARTNER, label, 2)

DEFINE_ROW_TYPE (MhProgrammeItem, mh_programme_item, PROGRAMME_ITEM, 4,
                 "start", "end", "title", "venue")
ROW_ACCESSORS (MhProgrammeItem, mh_programme_item, PROGRAMME_ITEM, start, 0)
ROW_ACCESSORS (MhProgrammeItem, mh_programme_item, PROGRAMME_ITEM, end, 1)
ROW_ACCESSORS (MhProgrammeItem, mh_programme_item, PROGRAMME_ITEM, title, 2)
ROW_ACCESSORS (MhProgrammeItem, mh_programme_item, PROGRAMME_ITEM, venue, 3)

DEFINE_ROW_TYPE (MhDownload, mh_download, DOWNLOAD, 3, "asset", "title", "language")
ROW_ACCESSORS (MhDownload, mh_download, DOWNLOAD, asset, 0)
ROW_ACCESSORS (MhDownload, mh_download, DOWNLOAD, title, 1)
ROW_ACCESSORS (MhDownload, mh_download, DOWNLOAD, language, 2)

DEFINE_ROW_TYPE (MhParticipant, mh_participant, PARTICIPANT, 4,
                 "person", "role", "group", "label")
ROW_ACCESSORS (MhParticipant, mh_participant, PARTICIPANT, person, 0)
ROW_ACCESSORS (MhParticipant, mh_participant, PARTICIPANT, role, 1)
ROW_ACCESSORS (MhParticipant, mh_participant, PARTICIPANT, group, 2)
ROW_ACCESSORS (MhParticipant, mh_participant, PARTICIPANT, label, 3)

static const char * const relations[] = {
  "organiser", "co-organiser", "funder", "support", "media-partner", NULL
};

static const char * const relation_labels[] = {
  N_("Organiser"), N_("Co-organiser"), N_("Funder"), N_("With the support of"),
  N_("Media partner"),
};

/**
 * mh_term_ref_new:
 * @vocabulary: (nullable): a vocabulary key, such as `countries`
 * @term: (nullable): a term slug of that vocabulary
 *
 * Returns: (transfer full): a new reference to a term
 */
MhTermRef *
mh_term_ref_new (const char *vocabulary,
                 const char *term)
{
  return g_object_new (MH_TYPE_TERM_REF, "vocabulary", vocabulary, "term", term, NULL);
}

/**
 * mh_entry_ref_new:
 * @slug: (nullable): an entry's slug
 *
 * Returns: (transfer full): a new reference to an entry
 */
MhEntryRef *
mh_entry_ref_new (const char *slug)
{
  return g_object_new (MH_TYPE_ENTRY_REF, "slug", slug, NULL);
}

/**
 * mh_partner_new:
 * @organisation: (nullable): an organisation key
 * @relation: (nullable): one of mh_partner_relations()
 *
 * Returns: (transfer full): a new partner row
 */
MhPartner *
mh_partner_new (const char *organisation,
                const char *relation)
{
  return g_object_new (MH_TYPE_PARTNER, "organisation", organisation, "relation", relation,
                       NULL);
}

/**
 * mh_partner_relations:
 *
 * Returns: (transfer none) (array zero-terminated=1): the relations a
 *   partner may have, in the order a form offers them
 */
const char * const *
mh_partner_relations (void)
{
  return relations;
}

/**
 * mh_partner_relation_get_label:
 * @relation: one of mh_partner_relations()
 *
 * Returns: (transfer none) (nullable): the translated relation, such as
 *   “Co-organiser”, or %NULL when @relation is not one
 */
const char *
mh_partner_relation_get_label (const char *relation)
{
  for (guint i = 0; relations[i] != NULL; i++)
    if (g_strcmp0 (relations[i], relation) == 0)
      return _(relation_labels[i]);
  return NULL;
}

/**
 * mh_programme_item_new:
 * @start: (nullable): when it starts, `YYYY-MM-DD[THH:MM[:SS]]`
 * @end: (nullable): when it ends
 * @title: (nullable): what happens
 * @venue: (nullable): where
 *
 * Returns: (transfer full): a new programme item
 */
MhProgrammeItem *
mh_programme_item_new (const char *start,
                       const char *end,
                       const char *title,
                       const char *venue)
{
  return g_object_new (MH_TYPE_PROGRAMME_ITEM, "start", start, "end", end, "title", title,
                       "venue", venue, NULL);
}

/**
 * mh_download_new:
 * @asset: (nullable): an asset name
 * @title: (nullable): the link text, such as “Full report”
 * @language: (nullable): the language of the file
 *
 * Returns: (transfer full): a new download
 */
MhDownload *
mh_download_new (const char *asset,
                 const char *title,
                 const char *language)
{
  return g_object_new (MH_TYPE_DOWNLOAD, "asset", asset, "title", title, "language", language,
                       NULL);
}

/**
 * mh_participant_new:
 * @person: (nullable): a person key
 * @role: (nullable): such as `speaker`; %NULL saves as `participant`
 * @group: (nullable): a group label such as “Arts sector”
 *
 * Returns: (transfer full): a new participant row
 */
MhParticipant *
mh_participant_new (const char *person,
                    const char *role,
                    const char *group)
{
  return g_object_new (MH_TYPE_PARTICIPANT, "person", person, "role", role, "group", group,
                       NULL);
}
