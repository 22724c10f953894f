/* mh-choice.c: what a form offers to choose from
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mh-store"

#include "config.h"

#include <glib/gi18n.h>

#include "mh-choice.h"
#include "mh-entry-private.h"
#include "mh-store-private.h"

/**
 * MhChoice:
 *
 * One thing a form can pick: a vocabulary, a term, an asset, an
 * organisation, a person or an entry. One type for all of them, so that
 * every GtkDropDown or AdwComboRow of the editor can share one list item
 * factory (`<lookup name="label" type="MhChoice">`), and a GtkCustomFilter
 * can call mh_choice_matches() for accent-insensitive search.
 *
 * - `key` is what the entry stores: a vocabulary key, term slug, asset name,
 *   organisation or person key, or entry slug;
 * - `label` is what people read: a name, a title, a person's name as
 *   published (“KOK Heng Leun”);
 * - `detail` is an optional second line (media type, job and organisation,
 *   website, kind and date);
 * - `depth` and `parent-key` place a term in its tree, for indentation;
 * - `search-text` is label, key and detail folded (lower case, no accents).
 *
 * All properties are read-only.
 */
struct _MhChoice
{
  GObject  parent_instance;

  gint64   id;
  char    *key;
  char    *label;
  char    *detail;
  char    *parent_key;
  char    *search_text;
  char    *sort_key;
  guint    depth;
};

G_DEFINE_FINAL_TYPE (MhChoice, mh_choice, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KEY,
  PROP_LABEL,
  PROP_DETAIL,
  PROP_DEPTH,
  PROP_PARENT_KEY,
  PROP_SEARCH_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mh_choice_finalize (GObject *object)
{
  MhChoice *self = (MhChoice *) object;

  g_free (self->key);
  g_free (self->label);
  g_free (self->detail);
  g_free (self->parent_key);
  g_free (self->search_text);
  g_free (self->sort_key);

  G_OBJECT_CLASS (mh_choice_parent_class)->finalize (object);
}

static void
mh_choice_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  MhChoice *self = MH_CHOICE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;
    case PROP_DEPTH:
      g_value_set_uint (value, self->depth);
      break;
    case PROP_PARENT_KEY:
      g_value_set_string (value, self->parent_key);
      break;
    case PROP_SEARCH_TEXT:
      g_value_set_string (value, self->search_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mh_choice_class_init (MhChoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = mh_choice_finalize;
  object_class->get_property = mh_choice_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, flags);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  properties[PROP_DETAIL] = g_param_spec_string ("detail", NULL, NULL, NULL, flags);
  properties[PROP_DEPTH] = g_param_spec_uint ("depth", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_PARENT_KEY] = g_param_spec_string ("parent-key", NULL, NULL, NULL, flags);
  properties[PROP_SEARCH_TEXT] = g_param_spec_string ("search-text", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mh_choice_init (MhChoice *self)
{
}

/**
 * mh_text_fold:
 * @text: (nullable): any text
 *
 * Folds @text for searching and sorting: compatibility-decomposed, marks
 * (accents) dropped, case folded. “Černá” and “CERNA” both fold to “cerna”.
 *
 * Returns: (transfer full): the folded text; "" for %NULL
 */
char *
mh_text_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autoptr(GString) bare = NULL;

  if (text == NULL)
    return g_strdup ("");

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");
  bare = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (bare, c);
    }
  return g_utf8_casefold (bare->str, bare->len);
}

static MhChoice *
choice_new (gint64      id,
            const char *key,
            const char *label,
            const char *detail)
{
  MhChoice *self = g_object_new (MH_TYPE_CHOICE, NULL);
  g_autofree char *all = g_strjoin ("\n", label ? label : "", key ? key : "",
                                    detail ? detail : "", NULL);
  g_autofree char *folded_label = mh_text_fold (label);

  self->id = id;
  self->key = g_strdup (key);
  self->label = g_strdup (label);
  self->detail = g_strdup (detail);
  self->search_text = mh_text_fold (all);
  self->sort_key = g_utf8_collate_key (folded_label, -1);
  return self;
}

static int
compare_choices (gconstpointer a,
                 gconstpointer b)
{
  const MhChoice *x = *(MhChoice * const *) a;
  const MhChoice *y = *(MhChoice * const *) b;
  int order = strcmp (x->sort_key, y->sort_key);

  return order != 0 ? order : (x->id > y->id) - (x->id < y->id);
}

static GListModel *
model_from (GPtrArray *choices,
            gboolean   sort)
{
  GListStore *model = g_list_store_new (MH_TYPE_CHOICE);

  if (sort)
    g_ptr_array_sort (choices, compare_choices);
  g_list_store_splice (model, 0, 0, choices->pdata, choices->len);
  return G_LIST_MODEL (model);
}

/* Runs @sql, whose columns are id, key, label, detail, into choices. */
static GPtrArray *
read_choices (MhStore     *self,
              const char  *sql,
              const char  *param,
              GError     **error)
{
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = _mh_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (param != NULL)
    sqlite3_bind_text (stmt, 1, param, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (choices, choice_new (sqlite3_column_int64 (stmt, 0), _mh_stmt_text (stmt, 1),
                                          _mh_stmt_text (stmt, 2), _mh_stmt_text (stmt, 3)));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _mh_store_set_error (self, error, "read the site");
      return NULL;
    }
  return g_steal_pointer (&choices);
}

static GListModel *
list_choices (MhStore     *self,
              const char  *sql,
              gboolean     sort,
              GError     **error)
{
  g_autoptr(GPtrArray) choices = NULL;

  g_return_val_if_fail (MH_IS_STORE (self), NULL);

  choices = read_choices (self, sql, NULL, error);
  return choices ? model_from (choices, sort) : NULL;
}

/**
 * mh_choice_get_id:
 * @self: a choice
 *
 * Returns: the row id in its store (vocabulary, term, asset …)
 */
gint64
mh_choice_get_id (MhChoice *self)
{
  g_return_val_if_fail (MH_IS_CHOICE (self), 0);
  return self->id;
}

/**
 * mh_choice_get_key:
 * @self: a choice
 *
 * Returns: (transfer none): what an entry stores when this is chosen
 */
const char *
mh_choice_get_key (MhChoice *self)
{
  g_return_val_if_fail (MH_IS_CHOICE (self), NULL);
  return self->key;
}

/**
 * mh_choice_get_label:
 * @self: a choice
 *
 * Returns: (transfer none): what people read
 */
const char *
mh_choice_get_label (MhChoice *self)
{
  g_return_val_if_fail (MH_IS_CHOICE (self), NULL);
  return self->label;
}

/**
 * mh_choice_get_detail:
 * @self: a choice
 *
 * Returns: (transfer none) (nullable): a second line, or %NULL
 */
const char *
mh_choice_get_detail (MhChoice *self)
{
  g_return_val_if_fail (MH_IS_CHOICE (self), NULL);
  return self->detail;
}

/**
 * mh_choice_get_depth:
 * @self: a choice
 *
 * Returns: how deep a term is in its tree (0 for a root, and for anything
 *   that is not a term)
 */
guint
mh_choice_get_depth (MhChoice *self)
{
  g_return_val_if_fail (MH_IS_CHOICE (self), 0);
  return self->depth;
}

/**
 * mh_choice_get_parent_key:
 * @self: a choice
 *
 * Returns: (transfer none) (nullable): the slug of a term's parent
 */
const char *
mh_choice_get_parent_key (MhChoice *self)
{
  g_return_val_if_fail (MH_IS_CHOICE (self), NULL);
  return self->parent_key;
}

/**
 * mh_choice_get_search_text:
 * @self: a choice
 *
 * Returns: (transfer none): label, key and detail folded by mh_text_fold()
 */
const char *
mh_choice_get_search_text (MhChoice *self)
{
  g_return_val_if_fail (MH_IS_CHOICE (self), NULL);
  return self->search_text;
}

/**
 * mh_choice_matches:
 * @self: a choice
 * @query: (nullable): what someone typed
 *
 * Returns: %TRUE when every word of @query occurs in the label, key or
 *   detail, ignoring case and accents (“cerna” finds “Černá”)
 */
gboolean
mh_choice_matches (MhChoice   *self,
                   const char *query)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (MH_IS_CHOICE (self), FALSE);

  folded = mh_text_fold (query);
  words = g_strsplit_set (folded, " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && strstr (self->search_text, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

char *
_mh_person_display_name (const char *given_name,
                         const char *family_name,
                         gboolean    family_name_first)
{
  g_autofree char *family = family_name ? g_utf8_strup (family_name, -1) : NULL;

  if (family == NULL || *family == '\0')
    return g_strdup (given_name ? given_name : "");
  if (given_name == NULL || *given_name == '\0')
    return g_steal_pointer (&family);
  if (family_name_first)
    return g_strdup_printf ("%s %s", family, given_name);
  return g_strdup_printf ("%s %s", given_name, family);
}

/**
 * mh_store_list_vocabularies:
 * @self: a store
 * @error: return location for an error
 *
 * Returns: (transfer full): #MhChoice items (key, label = name) in the
 *   site's order, or %NULL
 */
GListModel *
mh_store_list_vocabularies (MhStore  *self,
                            GError  **error)
{
  return list_choices (self,
                       "SELECT id, key, name, NULL FROM vocabularies ORDER BY position, id",
                       FALSE, error);
}

/* Appends @parent's children (and theirs) in order, depth first. */
static void
add_subtree (GPtrArray  *out,
             GHashTable *children,
             gint64      parent,
             const char *parent_key,
             guint       depth)
{
  GPtrArray *kids = g_hash_table_lookup (children, &parent);

  if (kids == NULL || depth > 64)
    return;
  for (guint i = 0; i < kids->len; i++)
    {
      MhChoice *term = g_ptr_array_index (kids, i);

      term->depth = depth;
      term->parent_key = g_strdup (parent_key);
      g_ptr_array_add (out, g_object_ref (term));
      add_subtree (out, children, term->id, term->key, depth + 1);
    }
}

/* The terms by parent id (0 for roots), in weight order. A term whose
 * parent is missing counts as a root. */
static GHashTable *
group_by_parent (MhStore     *self,
                 const char  *vocabulary,
                 GError     **error)
{
  g_autoptr(GHashTable) children = NULL;
  g_autoptr(GPtrArray) terms = NULL;

  terms = read_choices (self,
                        "SELECT t.id, t.slug, t.name, "
                        "coalesce ((SELECT p.id FROM terms p WHERE p.id = t.parent_id), 0) "
                        "FROM terms t JOIN vocabularies v ON v.id = t.vocabulary_id "
                        "WHERE v.key = ?1 ORDER BY t.weight, t.id",
                        vocabulary, error);
  if (terms == NULL)
    return NULL;

  children = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                    (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < terms->len; i++)
    {
      MhChoice *term = g_ptr_array_index (terms, i);
      gint64 parent = g_ascii_strtoll (term->detail, NULL, 10);
      GPtrArray *kids = g_hash_table_lookup (children, &parent);

      g_clear_pointer (&term->detail, g_free);
      if (kids == NULL)
        {
          kids = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (children, g_memdup2 (&parent, sizeof parent), kids);
        }
      g_ptr_array_add (kids, g_object_ref (term));
    }
  return g_steal_pointer (&children);
}

static gboolean
vocabulary_exists (MhStore     *self,
                   const char  *vocabulary,
                   GError     **error)
{
  sqlite3_stmt *stmt = _mh_store_prepare (self, "SELECT 1 FROM vocabularies WHERE key = ?1",
                                          error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, vocabulary, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (!found)
    g_set_error (error, MH_STORE_ERROR, MH_STORE_ERROR_NOT_FOUND,
                 _("There is no vocabulary “%s”"), vocabulary);
  return found;
}

/**
 * mh_store_list_terms:
 * @self: a store
 * @vocabulary: a vocabulary key, such as `countries`
 * @error: return location for an error
 *
 * Lists a vocabulary's terms in tree order: each term is followed by its
 * children (by weight), with `depth` and `parent-key` set, so that a flat
 * list can indent them.
 *
 * Returns: (transfer full): #MhChoice items (key = slug, label = name), or
 *   %NULL
 */
GListModel *
mh_store_list_terms (MhStore     *self,
                     const char  *vocabulary,
                     GError     **error)
{
  g_autoptr(GHashTable) children = NULL;
  g_autoptr(GPtrArray) ordered = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (MH_IS_STORE (self), NULL);
  g_return_val_if_fail (vocabulary != NULL, NULL);

  if (!vocabulary_exists (self, vocabulary, error) ||
      (children = group_by_parent (self, vocabulary, error)) == NULL)
    return NULL;

  add_subtree (ordered, children, 0, NULL, 0);
  return model_from (ordered, FALSE);
}

/**
 * mh_store_list_assets:
 * @self: a store
 * @error: return location for an error
 *
 * Returns: (transfer full): #MhChoice items (key and label = name, detail =
 *   media type) sorted by name, or %NULL
 */
GListModel *
mh_store_list_assets (MhStore  *self,
                      GError  **error)
{
  return list_choices (self, "SELECT id, name, name, media_type FROM assets", TRUE, error);
}

/**
 * mh_store_list_organisations:
 * @self: a store
 * @error: return location for an error
 *
 * Returns: (transfer full): #MhChoice items (key, label = name, detail =
 *   website) sorted by name, ignoring case and accents, or %NULL
 */
GListModel *
mh_store_list_organisations (MhStore  *self,
                             GError  **error)
{
  return list_choices (self, "SELECT id, key, name, url FROM organisations", TRUE, error);
}

static MhChoice *
person_choice (sqlite3_stmt *stmt)
{
  const char *given = _mh_stmt_text (stmt, 2);
  const char *family = _mh_stmt_text (stmt, 3);
  const char *job = _mh_stmt_text (stmt, 5);
  const char *organisation = _mh_stmt_text (stmt, 6);
  g_autofree char *name = _mh_person_display_name (given, family, sqlite3_column_int (stmt, 4));
  g_autofree char *detail = NULL;
  g_autofree char *sort = NULL;
  g_autofree char *folded = NULL;
  MhChoice *choice;

  if (job != NULL && organisation != NULL)
    detail = g_strdup_printf ("%s, %s", job, organisation);
  else
    detail = g_strdup (job ? job : organisation);

  choice = choice_new (sqlite3_column_int64 (stmt, 0), _mh_stmt_text (stmt, 1), name, detail);
  sort = g_strdup_printf ("%s\t%s", family ? family : given, given ? given : "");
  folded = mh_text_fold (sort);
  g_free (choice->sort_key);
  choice->sort_key = g_utf8_collate_key (folded, -1);
  return choice;
}

/**
 * mh_store_list_people:
 * @self: a store
 * @error: return location for an error
 *
 * Lists everyone, sorted by family name and then given name, ignoring
 * case and accents (“Černá” sorts with C).
 *
 * Returns: (transfer full): #MhChoice items (key, label = the name as
 *   published, detail = job title and organisation), or %NULL
 */
GListModel *
mh_store_list_people (MhStore  *self,
                      GError  **error)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (MH_IS_STORE (self), NULL);

  stmt = _mh_store_prepare (self,
                            "SELECT id, key, given_name, family_name, family_name_first, "
                            "job_title, organisation FROM people",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (people, person_choice (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _mh_store_set_error (self, error, "read the people");
      return NULL;
    }
  return model_from (people, TRUE);
}

/**
 * mh_store_list_entry_choices:
 * @self: a store
 * @kind: only entries of this #MhEntryKind, or -1 for all
 * @error: return location for an error
 *
 * Entries to link to: a report's event, a translation's source, related
 * content. For very large sites prefer a searchable #MhEntryList.
 *
 * Returns: (transfer full): #MhChoice items (key = slug, label = title,
 *   detail = deadline, event start or publication date) sorted by title,
 *   or %NULL
 */
GListModel *
mh_store_list_entry_choices (MhStore  *self,
                             int       kind,
                             GError  **error)
{
  g_autoptr(GPtrArray) choices = NULL;

  g_return_val_if_fail (MH_IS_STORE (self), NULL);
  g_return_val_if_fail (kind >= -1 && kind < MH_N_ENTRY_KINDS, NULL);

  choices = read_choices (self,
                          "SELECT id, slug, title, coalesce (call_deadline, event_start, date) "
                          "FROM entries WHERE ?1 IS NULL OR kind = ?1",
                          kind >= 0 ? mh_entry_kind_to_string (kind) : NULL, error);
  if (choices == NULL)
    return NULL;
  return model_from (choices, TRUE);
}
