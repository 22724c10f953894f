/* mh-site-json.c: the site interchange file (import and dump)
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mh-site-json"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "mh-entry-private.h"
#include "mh-site-json.h"
#include "mh-slug.h"
#include "mh-store-private.h"
#include "mh-validate.h"

/* How this file works
 *
 * Every JSON object of the format is described once, by a table of Field
 * rows (key, type, SQL parameter). The same table gives
 *   - the keys an object may have (anything else is "unknown key"),
 *   - how each value is checked and bound into the object's INSERT,
 *   - the order in which dump writes the keys (the order of site-json.md),
 *   - which column of the object's SELECT holds the value to dump: column N
 *     of the SELECT is parameter ?N of the INSERT, column 0 is the row id.
 * Nested objects that live in the same row (an entry's "event") have their
 * own table; arrays of objects stored as rows of another table ("partners")
 * have their own ObjectSpec.
 *
 * Import runs in one transaction and stops at the first problem, which is
 * reported as "SOURCE: $.json.path: what is wrong". Assets are inserted
 * before organisations, people and entries (which refer to them); entry
 * slugs (explicit or derived) are all known before the first entry is
 * inserted, and references from one entry to another are written in a
 * second pass, so forward references work.
 *
 * The canonical dump:
 *   - "format" and "version" first, then "site", "vocabularies",
 *     "organisations", "people", "assets", "entries"; the keys of each
 *     object in the order site-json.md lists them;
 *   - vocabularies by position, terms by weight among their siblings,
 *     everything else (organisations, people, assets, entries) by row id;
 *     lists inside an object by their stored position;
 *   - a key is left out when its value is null, false, an empty string, an
 *     empty array or an empty object, unless the key is required (a
 *     required string is written even when empty). Nothing else is left
 *     out: "status": "draft" and "role": "participant" are written;
 *   - derived slugs are written explicitly; a term's translations are
 *     ordered by language tag (the schema keeps no order for them); an
 *     entry's terms are grouped by vocabulary in the order they first occur;
 *   - a country reference is the bare slug unless that would resolve to
 *     another term, in which case it is "vocabulary/slug";
 *   - the "event", "report" and "open_call" objects only for entries of
 *     that kind;
 *   - two-space indentation, "key": value, one array element per line,
 *     UTF-8 unescaped except for control characters, a final newline.
 * Not in the file at all: entry uuids, created/updated times, revisions.
 */

#define COUNTRIES "countries"
#define ASSET_PREFIX "asset:"

/* --- Describing the format ------------------------------------------------ */

typedef enum
{
  FIELD_TEXT,          /* any string */
  FIELD_KIND,          /* an entry kind; remembered for FIELD_OBJECT */
  FIELD_ENUM,          /* one of field->names */
  FIELD_SLUG,          /* the row's slug, worked out before the row (Importer.slug) */
  FIELD_ALIAS,         /* a slug (list items) */
  FIELD_KEY,           /* a key or name other objects refer to (field->ns) */
  FIELD_LANGUAGE,      /* a BCP 47 tag */
  FIELD_DATE,          /* YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS] */
  FIELD_URL,           /* an absolute http(s) URL */
  FIELD_TIME_ZONE,     /* an IANA identifier */
  FIELD_MEDIA_TYPE,    /* type/subtype */
  FIELD_BOOL,
  FIELD_COUNT,         /* a whole number ≥ 0 */
  FIELD_DATA,          /* base64; binds the SHA-256 at param and the size at param + 1 */
  FIELD_STRINGS,       /* an array of strings, stored as JSON text */
  FIELD_LANGUAGES,     /* an array of language tags, stored as JSON text */
  FIELD_REF,           /* the key or name of an object of field->ns */
  FIELD_ASSET_URI,     /* "asset:NAME" */
  FIELD_COUNTRY,       /* a term reference, looked up in "countries" first */
  FIELD_ENTRY,         /* an entry slug, written after all entries exist (field->sql) */
  FIELD_OBJECT,        /* a nested object stored in the same row (field->fields) */
  FIELD_ROWS,          /* an array of objects, rows of field->spec */
  FIELD_LIST,          /* an array of field->item values, rows of field->sql */
  FIELD_TERMS,         /* an entry's terms: { "vocabulary": ["slug", …] } */
  FIELD_TRANSLATIONS,  /* a term's translations: { "lang": { "name": … } } */
} FieldType;

enum
{
  FIELD_REQUIRED = 1 << 0,
  FIELD_NOT_NULL = 1 << 1,   /* an absent value binds field->fallback (or 0) */
};

typedef enum
{
  NS_VOCABULARY,
  NS_ORGANISATION,
  NS_PERSON,
  NS_ASSET,
  N_NAMESPACES
} Namespace;

typedef struct _Field Field;
typedef struct _ObjectSpec ObjectSpec;
typedef struct _Importer Importer;

struct _Field
{
  const char          *key;
  FieldType            type;
  int                  param;     /* SQL parameter of the INSERT = column of the SELECT */
  guint                flags;
  const char          *fallback;  /* FIELD_NOT_NULL text */
  const char * const  *names;     /* FIELD_ENUM */
  Namespace            ns;        /* FIELD_KEY, FIELD_REF */
  const char          *kind;      /* FIELD_OBJECT: only in entries of this kind */
  const Field         *fields;    /* FIELD_OBJECT */
  const ObjectSpec    *spec;      /* FIELD_ROWS */
  FieldType            item;      /* FIELD_LIST */
  const char          *sql;       /* FIELD_LIST: ?1 owner, ?2 value, ?3 position;
                                   * FIELD_ENTRY: ?1 owner, ?2 target */
  const char          *select;    /* FIELD_LIST: ?1 owner → one text column */
};

struct _ObjectSpec
{
  const Field  *fields;
  const char   *insert_sql;
  const char   *select_sql;       /* ?1 = the owner's id, when it has a parameter */
  int           owner_param;      /* where the owner's id is bound, or 0 */
  int           position_param;   /* where the array index is bound, or 0 */
  const char   *duplicate;        /* message when a PRIMARY KEY/UNIQUE constraint fails */
  gboolean    (*before)           (Importer     *imp,
                                   JsonObject   *obj,
                                   guint         index,
                                   sqlite3_stmt *stmt);
  gboolean    (*after)            (Importer     *imp,
                                   JsonObject   *obj,
                                   guint         index,
                                   gint64        id);
};

/* --- Import state ----------------------------------------------------------- */

/* A key or name defined in the file: where, and its row. */
typedef struct
{
  gint64  id;
  char   *path;
} Named;

typedef struct
{
  guint     index;
  gboolean  alias;
  char     *path;
} EntryName;

typedef struct
{
  guint   count;   /* vocabularies that have a term with this slug */
  gint64  id;      /* the first one's */
} TermSlug;

/* An entry → entry link, written once every entry has its row. */
typedef struct
{
  const char *sql;
  gint64      owner;
  guint       target;
  guint       position;
} Pending;

typedef enum
{
  VALUE_NULL,
  VALUE_TEXT,
  VALUE_INT,
  VALUE_ENTRY,     /* num is the index of an entry in the file */
} ValueType;

typedef struct
{
  ValueType   type;
  const char *text;
  gint64      num;
  char       *owned;
} Value;

struct _Importer
{
  /* borrowed */
  MhStore      *store;
  GCancellable *cancellable;
  const char   *source;

  /* owned */
  GError       *error;
  GString      *path;
  char         *now;
  char         *sentinel;        /* stands for invalid UTF-8, or NULL */
  GHashTable   *member_counts;   /* JsonObject → members parsed (while parsing) */
  GHashTable   *duplicates;      /* JsonObject → first key that occurs twice */

  GHashTable   *names[N_NAMESPACES];   /* key (in the tree) → Named */
  GPtrArray    *row_names;             /* Named of the row being inserted */

  GHashTable   *vocab_slugs;     /* slug or alias → path, in the current vocabulary */
  GHashTable   *terms;           /* "vocabulary/slug" → term id */
  GHashTable   *term_slugs;      /* slug → TermSlug */
  GHashTable   *slug_counters;   /* for unique_slug(), in the current vocabulary */
  char         *derived_slug;

  GPtrArray    *entry_slugs;     /* entry index → slug */
  GHashTable   *entry_names;     /* slug or alias → EntryName */
  GArray       *entry_ids;       /* entry index → row id */
  GArray       *pending;         /* Pending */

  /* the row being imported */
  const char   *slug;
  const char   *kind;
  const char   *lang;
  guint         entry_index;
  guint         pending_mark;
  gint64        vocab_id;
  const char   *vocab_key;
};

typedef struct
{
  MhStore      *store;
  GCancellable *cancellable;
  GError       *error;
  const char   *kind;            /* of the entry row being written */
} Dumper;

static void
named_free (gpointer data)
{
  Named *named = data;

  g_free (named->path);
  g_free (named);
}

static void
entry_name_free (gpointer data)
{
  EntryName *name = data;

  g_free (name->path);
  g_free (name);
}


static void
importer_init (Importer     *imp,
               MhStore      *store,
               const char   *source,
               GCancellable *cancellable)
{
  memset (imp, 0, sizeof *imp);
  imp->store = store;
  imp->source = source;
  imp->cancellable = cancellable;
  imp->path = g_string_new ("$");
  imp->now = _mh_store_now_utc ();
  imp->member_counts = g_hash_table_new (NULL, NULL);
  imp->duplicates = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  for (guint i = 0; i < N_NAMESPACES; i++)
    imp->names[i] = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, named_free);
  imp->row_names = g_ptr_array_new ();
  imp->vocab_slugs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  imp->terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  imp->term_slugs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  imp->slug_counters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  imp->entry_slugs = g_ptr_array_new_with_free_func (g_free);
  imp->entry_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entry_name_free);
  imp->entry_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  imp->pending = g_array_new (FALSE, FALSE, sizeof (Pending));
}

static void
importer_clear (Importer *imp)
{
  g_clear_error (&imp->error);
  g_string_free (imp->path, TRUE);
  g_free (imp->now);
  g_free (imp->sentinel);
  g_clear_pointer (&imp->member_counts, g_hash_table_unref);
  g_hash_table_unref (imp->duplicates);
  for (guint i = 0; i < N_NAMESPACES; i++)
    g_hash_table_unref (imp->names[i]);
  g_ptr_array_unref (imp->row_names);
  g_hash_table_unref (imp->vocab_slugs);
  g_hash_table_unref (imp->terms);
  g_hash_table_unref (imp->term_slugs);
  g_hash_table_unref (imp->slug_counters);
  g_free (imp->derived_slug);
  g_ptr_array_unref (imp->entry_slugs);
  g_hash_table_unref (imp->entry_names);
  g_array_unref (imp->entry_ids);
  g_array_unref (imp->pending);
}

/* --- Writing JSON ----------------------------------------------------------
 *
 * JsonGenerator writes `"key" : value` and `{  }`; the interchange file is
 * meant to be read and diffed by people, so it gets its own small writer. */

static void
write_string (GString    *out,
              const char *str)
{
  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) str; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, (char) *p);
        }
    }
  g_string_append_c (out, '"');
}

static void
write_value (GString  *out,
             JsonNode *node)
{
  GType type = json_node_get_value_type (node);

  if (type == G_TYPE_STRING)
    write_string (out, json_node_get_string (node));
  else if (type == G_TYPE_BOOLEAN)
    g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
  else if (type == G_TYPE_DOUBLE)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append (out, g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
    }
  else
    g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
}

static void
write_indent (GString *out,
              guint    depth)
{
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void write_node (GString  *out,
                        JsonNode *node,
                        guint     depth);

static void
write_object (GString    *out,
              JsonObject *object,
              guint       depth)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;
  guint n = json_object_get_size (object), i = 0;

  if (n == 0)
    {
      g_string_append (out, "{}");
      return;
    }

  g_string_append (out, "{\n");
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &key, &member))
    {
      write_indent (out, depth + 1);
      write_string (out, key);
      g_string_append (out, ": ");
      write_node (out, member, depth + 1);
      g_string_append (out, ++i < n ? ",\n" : "\n");
    }
  write_indent (out, depth);
  g_string_append_c (out, '}');
}

static void
write_array (GString   *out,
             JsonArray *array,
             guint      depth)
{
  guint n = json_array_get_length (array);

  if (n == 0)
    {
      g_string_append (out, "[]");
      return;
    }

  g_string_append (out, "[\n");
  for (guint i = 0; i < n; i++)
    {
      write_indent (out, depth + 1);
      write_node (out, json_array_get_element (array, i), depth + 1);
      g_string_append (out, i + 1 < n ? ",\n" : "\n");
    }
  write_indent (out, depth);
  g_string_append_c (out, ']');
}

static void
write_node (GString  *out,
            JsonNode *node,
            guint     depth)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      write_object (out, json_node_get_object (node), depth);
      break;

    case JSON_NODE_ARRAY:
      write_array (out, json_node_get_array (node), depth);
      break;

    case JSON_NODE_VALUE:
      write_value (out, node);
      break;

    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;
    }
}

/* --- Paths and errors ---------------------------------------------------- */

static gboolean
is_identifier (const char *key)
{
  if (!g_ascii_isalpha (*key) && *key != '_')
    return FALSE;
  for (const char *p = key; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

static void
append_key (GString    *path,
            const char *key)
{
  if (is_identifier (key))
    {
      g_string_append_c (path, '.');
      g_string_append (path, key);
    }
  else
    {
      g_string_append_c (path, '[');
      write_string (path, key);
      g_string_append_c (path, ']');
    }
}

static gsize
path_push_key (Importer   *imp,
               const char *key)
{
  gsize len = imp->path->len;

  append_key (imp->path, key);
  return len;
}

static gsize
path_push_index (Importer *imp,
                 guint     index)
{
  gsize len = imp->path->len;

  g_string_append_printf (imp->path, "[%u]", index);
  return len;
}

static void
path_pop (Importer *imp,
          gsize     len)
{
  g_string_truncate (imp->path, len);
}

/* The current path, plus @key when it is not NULL. */
static char *
path_with (Importer   *imp,
           const char *key)
{
  GString *path = g_string_new_len (imp->path->str, imp->path->len);

  if (key != NULL)
    append_key (path, key);
  return g_string_free (path, FALSE);
}

static gboolean fail (Importer   *imp,
                      const char *key,
                      int         code,
                      const char *format,
                      ...) G_GNUC_PRINTF (4, 5);

/* Records "SOURCE: PATH: message" (only the first problem) and returns
 * FALSE, so that callers can `return fail (…)`. */
static gboolean
fail (Importer   *imp,
      const char *key,
      int         code,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  g_autofree char *path = NULL;
  va_list args;

  if (imp->error != NULL)
    return FALSE;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  path = path_with (imp, key);
  g_set_error (&imp->error, MH_SITE_JSON_ERROR, code, "%s: %s: %s", imp->source, path, message);
  return FALSE;
}

/* A failure of SQLite, with the JSON path it happened at. */
static gboolean
fail_sql (Importer *imp)
{
  g_autoptr(GError) error = NULL;

  if (imp->error != NULL)
    return FALSE;
  _mh_store_set_error (imp->store, &error, "import the site");
  g_propagate_prefixed_error (&imp->error, g_steal_pointer (&error), "%s: %s: ",
                              imp->source, imp->path->str);
  return FALSE;
}

static gboolean
check_cancelled (Importer *imp)
{
  if (imp->error == NULL && g_cancellable_set_error_if_cancelled (imp->cancellable, &imp->error))
    return FALSE;
  return imp->error == NULL;
}

static const char *
describe_node (JsonNode *node)
{
  GType type;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
      break;
    }

  type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    return _("a string");
  if (type == G_TYPE_BOOLEAN)
    return json_node_get_boolean (node) ? "true" : "false";
  if (type == G_TYPE_DOUBLE)
    return _("a number with a fraction");
  return _("a whole number");
}

static gboolean
is_absent (JsonNode *node)
{
  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

static JsonNode *
member (JsonObject *obj,
        const char *key)
{
  return obj != NULL ? json_object_get_member (obj, key) : NULL;
}

static gboolean
expect_string (Importer    *imp,
               const char  *key,
               JsonNode    *node,
               const char **out)
{
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (imp, key, MH_SITE_JSON_ERROR_INVALID, _("expected a string, found %s"),
                 describe_node (node));
  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
expect_array (Importer    *imp,
              const char  *key,
              JsonNode    *node,
              JsonArray  **out)
{
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (imp, key, MH_SITE_JSON_ERROR_INVALID, _("expected an array, found %s"),
                 describe_node (node));
  *out = json_node_get_array (node);
  return TRUE;
}

static gboolean
expect_object (Importer    *imp,
               const char  *key,
               JsonNode    *node,
               JsonObject **out)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (imp, key, MH_SITE_JSON_ERROR_INVALID, _("expected an object, found %s"),
                 describe_node (node));
  *out = json_node_get_object (node);
  return TRUE;
}

static gboolean
check_keys (Importer    *imp,
            JsonObject  *obj,
            const Field *fields)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, obj);
  while (json_object_iter_next_ordered (&iter, &key, &node))
    {
      const Field *f;

      for (f = fields; f->key != NULL; f++)
        if (g_str_equal (f->key, key))
          break;
      if (f->key == NULL)
        return fail (imp, key, MH_SITE_JSON_ERROR_INVALID, _("unknown key “%s”"), key);
    }
  return TRUE;
}

/* --- Reading the document -----------------------------------------------
 *
 * json-glib's reaction to bytes that are not UTF-8 depends on where they
 * are. To name the string that holds them, each invalid byte is replaced by
 * a code point that does not otherwise occur in the input (a "sentinel")
 * before parsing, and every string of the tree is then searched for it. */

static gboolean
contains_bytes (const char *data,
                gsize       len,
                const char *needle,
                gsize       n)
{
  const char *end = data + len;
  const char *p = data;

  while (p + n <= end && (p = memchr (p, needle[0], end - p)) != NULL)
    {
      if (p + n <= end && memcmp (p, needle, n) == 0)
        return TRUE;
      p++;
    }
  return FALSE;
}

static char *
pick_sentinel (const char *data,
               gsize       len)
{
  for (gunichar c = 0x10FFFD; c > 0x10FF00; c--)
    {
      char utf8[8] = { 0 };
      int n = g_unichar_to_utf8 (c, utf8);

      if (!contains_bytes (data, len, utf8, n))
        return g_strdup (utf8);
    }
  return NULL;
}

static char *
replace_invalid_utf8 (const char *data,
                      gsize       len,
                      const char *sentinel,
                      gsize      *out_len)
{
  GString *out = g_string_sized_new (len + 16);
  const char *p = data;
  const char *end = data + len;

  while (p < end)
    {
      const char *valid_end;

      g_utf8_validate_len (p, end - p, &valid_end);
      g_string_append_len (out, p, valid_end - p);
      if (valid_end < end)
        {
          g_string_append (out, sentinel);
          valid_end++;
        }
      p = valid_end;
    }

  *out_len = out->len;
  return g_string_free (out, FALSE);
}

static gboolean
fail_at_offset (Importer   *imp,
                const char *data,
                gsize       len)
{
  const char *bad;
  guint line = 1;
  const char *line_start = data;

  g_utf8_validate_len (data, len, &bad);
  for (const char *p = data; p < bad; p++)
    if (*p == '\n')
      {
        line++;
        line_start = p + 1;
      }

  g_set_error (&imp->error, MH_SITE_JSON_ERROR, MH_SITE_JSON_ERROR_SYNTAX,
               _("%s: line %u, byte %u: not valid UTF-8"),
               imp->source, line, (guint) (bad - line_start + 1));
  return FALSE;
}

static void
fail_syntax (Importer *imp,
             GError   *parse_error)
{
  guint line = 0, column = 0;
  int consumed = 0;
  const char *message = parse_error->message;

  /* json-glib says "<data>:LINE:COLUMN: Parse error: what". */
  if (sscanf (message, "<data>:%u:%u: %n", &line, &column, &consumed) == 2 && consumed > 0)
    {
      message += consumed;
      if (g_str_has_prefix (message, "Parse error: "))
        message += strlen ("Parse error: ");
      g_set_error (&imp->error, MH_SITE_JSON_ERROR, MH_SITE_JSON_ERROR_SYNTAX,
                   _("%s: line %u, column %u: not valid JSON: %s"),
                   imp->source, line, column, message);
    }
  else
    g_set_error (&imp->error, MH_SITE_JSON_ERROR, MH_SITE_JSON_ERROR_SYNTAX,
                 _("%s: not valid JSON: %s"), imp->source, message);
}

/* json-glib keeps the last of two equal keys without a word; this notices. */
static void
on_object_member_cb (JsonParser *parser,
                     JsonObject *object,
                     const char *name,
                     gpointer    user_data)
{
  Importer *imp = user_data;
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (imp->member_counts, object)) + 1;

  g_hash_table_insert (imp->member_counts, object, GUINT_TO_POINTER (count));
  if (count > json_object_get_size (object) && !g_hash_table_contains (imp->duplicates, object))
    g_hash_table_insert (imp->duplicates, object, g_strdup (name));
}

static gboolean
is_bad_string (Importer   *imp,
               const char *str)
{
  return (imp->sentinel != NULL && strstr (str, imp->sentinel) != NULL) ||
         !g_utf8_validate (str, -1, NULL);
}

static gboolean
fail_bad_string (Importer   *imp,
                 const char *key,
                 const char *str)
{
  g_autofree char *valid = g_utf8_make_valid (str, -1);
  g_autofree char *shown = NULL;
  g_autofree char *excerpt = NULL;

  if (imp->sentinel != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (valid, imp->sentinel, -1);

      shown = g_strjoinv ("\xef\xbf\xbd", parts);   /* U+FFFD REPLACEMENT CHARACTER */
    }
  else
    shown = g_steal_pointer (&valid);

  excerpt = g_utf8_substring (shown, 0, MIN (g_utf8_strlen (shown, -1), 60));
  return fail (imp, key, MH_SITE_JSON_ERROR_SYNTAX, _("not valid UTF-8: “%s”"), excerpt);
}

static gboolean check_tree (Importer *imp,
                            JsonNode *node);

static gboolean
check_object_tree (Importer   *imp,
                   JsonObject *obj)
{
  const char *duplicate = g_hash_table_lookup (imp->duplicates, obj);
  JsonObjectIter iter;
  const char *key;
  JsonNode *child;

  if (duplicate != NULL)
    return fail (imp, duplicate, MH_SITE_JSON_ERROR_INVALID,
                 _("the key “%s” occurs twice in this object"), duplicate);

  json_object_iter_init_ordered (&iter, obj);
  while (json_object_iter_next_ordered (&iter, &key, &child))
    {
      gsize len;
      gboolean ok;

      if (is_bad_string (imp, key))
        return fail_bad_string (imp, NULL, key);
      len = path_push_key (imp, key);
      ok = check_tree (imp, child);
      path_pop (imp, len);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* Looks at every string and key once, before the import, for invalid
 * UTF-8 and for keys given twice, so that both are named by their path. */
static gboolean
check_tree (Importer *imp,
            JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return check_object_tree (imp, json_node_get_object (node));

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            gsize len = path_push_index (imp, i);
            gboolean ok = check_tree (imp, json_array_get_element (array, i));

            path_pop (imp, len);
            if (!ok)
              return FALSE;
          }
        return TRUE;
      }

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING &&
          is_bad_string (imp, json_node_get_string (node)))
        return fail_bad_string (imp, NULL, json_node_get_string (node));
      return TRUE;

    case JSON_NODE_NULL:
      return TRUE;
    }

  g_assert_not_reached ();
}

static JsonNode *
parse_text (Importer   *imp,
            const char *text,
            gsize       len,
            const char *original,
            gsize       original_len)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) parse_error = NULL;
  JsonNode *root;

  g_signal_connect (parser, "object-member", G_CALLBACK (on_object_member_cb), imp);
  if (!json_parser_load_from_data (parser, text, len, &parse_error))
    {
      /* Invalid bytes outside strings: their place says more than the parser. */
      if (imp->sentinel != NULL)
        fail_at_offset (imp, original, original_len);
      else
        fail_syntax (imp, parse_error);
      return NULL;
    }

  root = json_parser_steal_root (parser);
  if (root == NULL)
    g_set_error (&imp->error, MH_SITE_JSON_ERROR, MH_SITE_JSON_ERROR_SYNTAX,
                 _("%s: the file is empty"), imp->source);
  return root;
}

static JsonNode *
parse_document (Importer *imp,
                GBytes   *json)
{
  g_autofree char *clean = NULL;
  g_autoptr(JsonNode) root = NULL;
  gsize len = 0;
  const char *data = g_bytes_get_data (json, &len);
  const char *text;
  gsize text_len;

  if (data == NULL)
    data = "";
  /* A byte order mark, as some Windows editors write. */
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      len -= 3;
    }

  text = data;
  text_len = len;
  if (!g_utf8_validate_len (data, len, NULL))
    {
      imp->sentinel = pick_sentinel (data, len);
      if (imp->sentinel == NULL)
        {
          fail_at_offset (imp, data, len);
          return NULL;
        }
      text = clean = replace_invalid_utf8 (data, len, imp->sentinel, &text_len);
    }

  root = parse_text (imp, text, text_len, data, len);
  g_clear_pointer (&imp->member_counts, g_hash_table_unref);
  if (root == NULL || !check_tree (imp, root))
    return NULL;
  if (imp->sentinel != NULL)
    {
      /* Not reached in practice: invalid bytes are in strings or break the syntax. */
      fail_at_offset (imp, data, len);
      return NULL;
    }
  return g_steal_pointer (&root);
}

/* --- Checking values ------------------------------------------------------ */

static gboolean
valid_token (const char *str,
             gsize       len)
{
  if (len == 0 || len > 127 || !g_ascii_isalnum (str[0]))
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (str[i]) && strchr ("!#$&^_.+-", str[i]) == NULL)
      return FALSE;
  return TRUE;
}

static gboolean
valid_media_type (const char *str)
{
  const char *slash = strchr (str, '/');

  return slash != NULL &&
         valid_token (str, slash - str) &&
         valid_token (slash + 1, strlen (slash + 1));
}

/* Only absolute http and https addresses: they end up in href attributes,
 * where "javascript:" or a relative path would be a trap. */
static gboolean
valid_web_url (const char *str)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  for (const guchar *p = (const guchar *) str; *p != '\0'; p++)
    if (*p <= 0x20 || *p == 0x7f)
      return FALSE;

  uri = g_uri_parse (str, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  return (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0) &&
         host != NULL && *host != '\0';
}

static gboolean
valid_time_zone (const char *str)
{
  GTimeZone *tz;

  if (*str == '\0')
    return FALSE;
  tz = g_time_zone_new_identifier (str);
  if (tz == NULL)
    return FALSE;
  g_time_zone_unref (tz);
  return TRUE;
}

/* Asset names become file names in the export. */
static gboolean
valid_asset_name (const char *str)
{
  if (*str == '\0' || *str == '.' || strlen (str) > 255)
    return FALSE;
  for (const guchar *p = (const guchar *) str; *p != '\0'; p++)
    if (*p < 0x20 || *p == 0x7f || *p == '/' || *p == '\\')
      return FALSE;
  return TRUE;
}

/* Standard base64 with padding; whitespace (line breaks) is ignored. */
static gboolean
valid_base64 (const char *str)
{
  gsize n = 0, padding = 0;

  for (const char *p = str; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        continue;
      if (*p == '=')
        padding++;
      else if (padding > 0 || (!g_ascii_isalnum (*p) && *p != '+' && *p != '/'))
        return FALSE;
      n++;
    }
  return n % 4 == 0 && padding <= 2;
}

static char *
join_choices (const char * const *names)
{
  GString *str = g_string_new (NULL);
  guint n = g_strv_length ((char **) names);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (str, i + 1 < n ? ", " : _(" or "));
      g_string_append (str, names[i]);
    }
  return g_string_free (str, FALSE);
}

static gboolean
check_choice (Importer           *imp,
              const char         *key,
              const char         *str,
              const char * const *names)
{
  g_autofree char *choices = NULL;

  if (g_strv_contains (names, str))
    return TRUE;
  choices = join_choices (names);
  return fail (imp, key, MH_SITE_JSON_ERROR_INVALID, _("unknown value “%s”; expected %s"),
               str, choices);
}

static gboolean
check_kind (Importer   *imp,
            const char *key,
            const char *str)
{
  const char *names[MH_N_ENTRY_KINDS + 1] = { NULL };

  for (guint i = 0; i < MH_N_ENTRY_KINDS; i++)
    names[i] = mh_entry_kind_to_string (i);
  if (!check_choice (imp, key, str, names))
    return FALSE;
  imp->kind = str;
  return TRUE;
}

static gboolean
check_slug (Importer   *imp,
            const char *key,
            const char *slug)
{
  g_autoptr(GError) error = NULL;

  if (!mh_slug_validate (slug, &error))
    return fail (imp, key, MH_SITE_JSON_ERROR_INVALID, "%s", error->message);
  return TRUE;
}

/* A key that defines something others refer to: valid, and not taken. */
static gboolean
check_key (Importer    *imp,
           const Field *f,
           const char  *key,
           const char  *str)
{
  Named *named;

  if (f->ns == NS_ASSET && !valid_asset_name (str))
    return fail (imp, key, MH_SITE_JSON_ERROR_INVALID,
                 _("“%s” cannot be an asset name: it must not be empty, start with a dot, or "
                   "contain slashes or control characters"), str);
  if (f->ns != NS_ASSET && !check_slug (imp, key, str))
    return FALSE;

  named = g_hash_table_lookup (imp->names[f->ns], str);
  if (named != NULL)
    return fail (imp, key, MH_SITE_JSON_ERROR_INVALID, _("duplicate “%s”: already used at %s"),
                 str, named->path);

  named = g_new0 (Named, 1);
  named->path = path_with (imp, key);
  g_hash_table_insert (imp->names[f->ns], (char *) str, named);
  g_ptr_array_add (imp->row_names, named);
  return TRUE;
}

static gboolean
check_string (Importer    *imp,
              const Field *f,
              FieldType    type,
              const char  *key,
              const char  *str)
{
  if (type == FIELD_KIND)
    return check_kind (imp, key, str);
  if (type == FIELD_ENUM)
    return check_choice (imp, key, str, f->names);
  if (type == FIELD_ALIAS)
    return check_slug (imp, key, str);
  if (type == FIELD_KEY)
    return check_key (imp, f, key, str);
  if (type == FIELD_LANGUAGE && !mh_language_tag_is_valid (str))
    return fail (imp, key, MH_SITE_JSON_ERROR_INVALID,
                 _("“%s” is not a language tag such as “en” or “pt-BR”"), str);
  if (type == FIELD_DATE && !mh_date_is_valid (str, TRUE))
    return fail (imp, key, MH_SITE_JSON_ERROR_INVALID,
                 _("“%s” is not a date: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS]"), str);
  if (type == FIELD_URL && !valid_web_url (str))
    return fail (imp, key, MH_SITE_JSON_ERROR_INVALID,
                 _("“%s” is not an absolute http or https address"), str);
  if (type == FIELD_TIME_ZONE && !valid_time_zone (str))
    return fail (imp, key, MH_SITE_JSON_ERROR_INVALID,
                 _("unknown time zone “%s”; expected an identifier such as “Europe/Prague”"), str);
  if (type == FIELD_MEDIA_TYPE && !valid_media_type (str))
    return fail (imp, key, MH_SITE_JSON_ERROR_INVALID,
                 _("“%s” is not a media type such as “image/png”"), str);
  return TRUE;
}

/* --- References ------------------------------------------------------------- */

static const char * const missing_messages[N_NAMESPACES] = {
  N_("no vocabulary with the key “%s”"),
  N_("no organisation with the key “%s”"),
  N_("no person with the key “%s”"),
  N_("no asset named “%s”"),
};

static gboolean
lookup_named (Importer   *imp,
              Namespace   ns,
              const char *key,
              const char *name,
              Value      *v)
{
  Named *named = g_hash_table_lookup (imp->names[ns], name);

  if (named == NULL)
    return fail (imp, key, MH_SITE_JSON_ERROR_INVALID, _(missing_messages[ns]), name);
  v->type = VALUE_INT;
  v->num = named->id;
  return TRUE;
}

static gboolean
lookup_term (Importer   *imp,
             const char *vocab,
             const char *slug,
             gint64     *id)
{
  g_autofree char *full = g_strconcat (vocab, "/", slug, NULL);
  gpointer value;

  if (!g_hash_table_lookup_extended (imp->terms, full, NULL, &value))
    return FALSE;
  *id = (gint64) GPOINTER_TO_SIZE (value);
  return TRUE;
}

/* A term reference is "slug" or "vocabulary/slug". A bare slug is looked up
 * in @vocab; unless @only, a slug that @vocab lacks may name the one term
 * of any vocabulary that has it. */
static gboolean
resolve_term (Importer   *imp,
              const char *key,
              const char *ref,
              const char *vocab,
              gboolean    only,
              gint64     *id)
{
  const char *slash = strchr (ref, '/');
  TermSlug *found;

  if (slash != NULL)
    {
      g_autofree char *ref_vocab = g_strndup (ref, slash - ref);

      if (only && !g_str_equal (ref_vocab, vocab))
        return fail (imp, key, MH_SITE_JSON_ERROR_INVALID,
                     _("“%s” is not a term of the vocabulary “%s”"), ref, vocab);
      if (!lookup_term (imp, ref_vocab, slash + 1, id))
        return fail (imp, key, MH_SITE_JSON_ERROR_INVALID,
                     _("no term “%s” in the vocabulary “%s”"), slash + 1, ref_vocab);
      return TRUE;
    }

  if (lookup_term (imp, vocab, ref, id))
    return TRUE;
  if (only)
    return fail (imp, key, MH_SITE_JSON_ERROR_INVALID,
                 _("no term “%s” in the vocabulary “%s”"), ref, vocab);

  found = g_hash_table_lookup (imp->term_slugs, ref);
  if (found == NULL)
    return fail (imp, key, MH_SITE_JSON_ERROR_INVALID,
                 _("no term “%s” in any vocabulary"), ref);
  if (found->count > 1)
    return fail (imp, key, MH_SITE_JSON_ERROR_INVALID,
                 _("the term “%s” is ambiguous: more than one vocabulary has it; "
                   "write “VOCABULARY/%s”"), ref, ref);
  *id = found->id;
  return TRUE;
}

static gboolean
resolve_entry (Importer   *imp,
               const char *key,
               const char *slug,
               Value      *v)
{
  EntryName *name = g_hash_table_lookup (imp->entry_names, slug);

  if (name == NULL)
    return fail (imp, key, MH_SITE_JSON_ERROR_INVALID, _("no entry with the slug “%s”"), slug);
  if (name->alias)
    return fail (imp, key, MH_SITE_JSON_ERROR_INVALID,
                 _("“%s” is an old slug of the entry “%s”; refer to its current slug"),
                 slug, (const char *) g_ptr_array_index (imp->entry_slugs, name->index));
  if (name->index == imp->entry_index)
    return fail (imp, key, MH_SITE_JSON_ERROR_INVALID, _("an entry cannot refer to itself"));

  v->type = VALUE_ENTRY;
  v->num = name->index;
  return TRUE;
}

/* --- Converting and binding values ---------------------------------------- */

static gboolean
convert_string (Importer    *imp,
                const Field *f,
                FieldType    type,
                JsonNode    *node,
                const char  *key,
                Value       *v)
{
  const char *str;

  if (!expect_string (imp, key, node, &str))
    return FALSE;
  /* An empty optional string means "not set", like a missing key. */
  if (*str == '\0' && !(f->flags & FIELD_REQUIRED) && type != FIELD_ALIAS)
    return TRUE;
  if (!check_string (imp, f, type, key, str))
    return FALSE;
  v->type = VALUE_TEXT;
  v->text = str;
  return TRUE;
}

static gboolean
convert_reference (Importer    *imp,
                   const Field *f,
                   FieldType    type,
                   JsonNode    *node,
                   const char  *key,
                   Value       *v)
{
  const char *str;

  if (!expect_string (imp, key, node, &str))
    return FALSE;
  if (*str == '\0')
    return TRUE;

  if (type == FIELD_REF)
    return lookup_named (imp, f->ns, key, str, v);
  if (type == FIELD_ASSET_URI)
    {
      if (!g_str_has_prefix (str, ASSET_PREFIX))
        return fail (imp, key, MH_SITE_JSON_ERROR_INVALID,
                     _("expected “asset:NAME”, found “%s”"), str);
      return lookup_named (imp, NS_ASSET, key, str + strlen (ASSET_PREFIX), v);
    }
  if (type == FIELD_COUNTRY)
    {
      v->type = VALUE_INT;
      return resolve_term (imp, key, str, COUNTRIES, FALSE, &v->num);
    }
  return resolve_entry (imp, key, str, v);
}

static gboolean
convert_bool (Importer   *imp,
              JsonNode   *node,
              const char *key,
              Value      *v)
{
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail (imp, key, MH_SITE_JSON_ERROR_INVALID, _("expected true or false, found %s"),
                 describe_node (node));
  v->type = VALUE_INT;
  v->num = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
convert_count (Importer   *imp,
               JsonNode   *node,
               const char *key,
               Value      *v)
{
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fail (imp, key, MH_SITE_JSON_ERROR_INVALID, _("expected a whole number, found %s"),
                 describe_node (node));
  v->type = VALUE_INT;
  v->num = json_node_get_int (node);
  if (v->num < 0)
    return fail (imp, key, MH_SITE_JSON_ERROR_INVALID, _("must not be negative (%lld)"),
                 (long long) v->num);
  return TRUE;
}

/* An array of strings, kept as JSON text in one column. */
static gboolean
convert_strings (Importer   *imp,
                 FieldType   type,
                 JsonNode   *node,
                 const char *key,
                 Value      *v)
{
  JsonArray *array = NULL;
  GString *text;
  guint n;

  if (!expect_array (imp, key, node, &array))
    return FALSE;
  n = json_array_get_length (array);
  if (n == 0)
    return TRUE;

  text = g_string_new ("[");
  for (guint i = 0; i < n; i++)
    {
      const char *str = NULL;
      gsize len = key != NULL ? path_push_key (imp, key) : imp->path->len;

      path_push_index (imp, i);
      if (!expect_string (imp, NULL, json_array_get_element (array, i), &str) ||
          (type == FIELD_LANGUAGES && !check_string (imp, NULL, FIELD_LANGUAGE, NULL, str)))
        str = NULL;
      path_pop (imp, len);
      if (str == NULL)
        {
          g_string_free (text, TRUE);
          return FALSE;
        }
      if (i > 0)
        g_string_append_c (text, ',');
      write_string (text, str);
    }
  g_string_append_c (text, ']');

  v->type = VALUE_TEXT;
  v->text = v->owned = g_string_free (text, FALSE);
  return TRUE;
}

static gboolean
convert_value (Importer    *imp,
               const Field *f,
               FieldType    type,
               JsonNode    *node,
               const char  *key,
               Value       *v)
{
  switch (type)
    {
    case FIELD_BOOL:
      return convert_bool (imp, node, key, v);

    case FIELD_COUNT:
      return convert_count (imp, node, key, v);

    case FIELD_STRINGS:
    case FIELD_LANGUAGES:
      return convert_strings (imp, type, node, key, v);

    case FIELD_TEXT:
    case FIELD_KIND:
    case FIELD_ENUM:
    case FIELD_ALIAS:
    case FIELD_KEY:
    case FIELD_LANGUAGE:
    case FIELD_DATE:
    case FIELD_URL:
    case FIELD_TIME_ZONE:
    case FIELD_MEDIA_TYPE:
      return convert_string (imp, f, type, node, key, v);

    case FIELD_REF:
    case FIELD_ASSET_URI:
    case FIELD_COUNTRY:
    case FIELD_ENTRY:
      return convert_reference (imp, f, type, node, key, v);

    case FIELD_SLUG:
    case FIELD_DATA:
    case FIELD_OBJECT:
    case FIELD_ROWS:
    case FIELD_LIST:
    case FIELD_TERMS:
    case FIELD_TRANSLATIONS:
      break;
    }

  g_assert_not_reached ();
}

static void
bind_value (Importer     *imp,
            const Field  *f,
            sqlite3_stmt *stmt,
            const Value  *v)
{
  switch (v->type)
    {
    case VALUE_NULL:
      if (!(f->flags & FIELD_NOT_NULL))
        sqlite3_bind_null (stmt, f->param);
      else if (f->fallback != NULL)
        sqlite3_bind_text (stmt, f->param, f->fallback, -1, SQLITE_STATIC);
      else
        sqlite3_bind_int (stmt, f->param, 0);
      break;

    case VALUE_TEXT:
      sqlite3_bind_text (stmt, f->param, v->text, -1, SQLITE_TRANSIENT);
      break;

    case VALUE_INT:
      sqlite3_bind_int64 (stmt, f->param, v->num);
      break;

    case VALUE_ENTRY:
      {
        /* The target may not have a row yet; written by write_pending(). */
        Pending pending = { f->sql, 0, (guint) v->num, 0 };

        sqlite3_bind_null (stmt, f->param);
        g_array_append_val (imp->pending, pending);
      }
      break;
    }
}

static gboolean
bind_scalar (Importer     *imp,
             JsonObject   *obj,
             const Field  *f,
             sqlite3_stmt *stmt)
{
  JsonNode *node = member (obj, f->key);
  Value v = { VALUE_NULL, NULL, 0, NULL };
  gboolean required = obj != NULL && (f->flags & FIELD_REQUIRED);

  if (node == NULL && required)
    return fail (imp, NULL, MH_SITE_JSON_ERROR_INVALID, _("missing required key “%s”"), f->key);
  if (node != NULL && (required || !JSON_NODE_HOLDS_NULL (node)) &&
      !convert_value (imp, f, f->type, node, f->key, &v))
    {
      g_free (v.owned);
      return FALSE;
    }

  bind_value (imp, f, stmt, &v);
  g_free (v.owned);
  return TRUE;
}

static gboolean
step_insert (Importer     *imp,
             sqlite3_stmt *stmt,
             const char   *duplicate)
{
  int rc = sqlite3_step (stmt);
  int code;

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }

  code = sqlite3_extended_errcode (_mh_store_get_db (imp->store));
  if (duplicate != NULL &&
      (code == SQLITE_CONSTRAINT_PRIMARYKEY || code == SQLITE_CONSTRAINT_UNIQUE))
    fail (imp, NULL, MH_SITE_JSON_ERROR_INVALID, "%s", _(duplicate));
  else
    fail_sql (imp);
  sqlite3_reset (stmt);
  return FALSE;
}

static sqlite3_stmt *
prepare (Importer   *imp,
         const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = _mh_store_prepare (imp->store, sql, &error);

  if (stmt == NULL && imp->error == NULL)
    g_propagate_prefixed_error (&imp->error, g_steal_pointer (&error), "%s: ", imp->source);
  return stmt;
}

/* Decodes the bytes, stores them once per content hash, and binds the
 * hash and the size. */
static gboolean
bind_data (Importer     *imp,
           JsonObject   *obj,
           const Field  *f,
           sqlite3_stmt *stmt)
{
  JsonNode *node = member (obj, f->key);
  g_autofree guchar *data = NULL;
  g_autofree char *sha256 = NULL;
  sqlite3_stmt *blob;
  const char *text;
  gsize size = 0;

  if (node == NULL)
    return fail (imp, NULL, MH_SITE_JSON_ERROR_INVALID, _("missing required key “%s”"), f->key);
  if (!expect_string (imp, f->key, node, &text))
    return FALSE;
  if (!valid_base64 (text))
    return fail (imp, f->key, MH_SITE_JSON_ERROR_INVALID, _("not valid base64"));

  data = g_base64_decode (text, &size);
  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, size);
  blob = prepare (imp, "INSERT OR IGNORE INTO blobs (sha256, data) VALUES (?1, ?2)");
  if (blob == NULL)
    return FALSE;
  sqlite3_bind_text (blob, 1, sha256, -1, SQLITE_TRANSIENT);
  if (size > 0)
    sqlite3_bind_blob64 (blob, 2, data, size, SQLITE_TRANSIENT);
  else
    sqlite3_bind_zeroblob (blob, 2, 0);
  if (!step_insert (imp, blob, NULL))
    return FALSE;

  sqlite3_bind_text (stmt, f->param, sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, f->param + 1, size);
  return TRUE;
}

/* An event's end, or a programme item's, cannot come before its start. */
static gboolean
check_range (Importer   *imp,
             JsonObject *obj)
{
  JsonNode *start = member (obj, "start");
  JsonNode *end = member (obj, "end");
  const char *s, *e;

  if (is_absent (start) || is_absent (end))
    return TRUE;
  s = json_node_get_string (start);
  e = json_node_get_string (end);
  if (s != NULL && e != NULL && *s != '\0' && *e != '\0' &&
      strncmp (e, s, MIN (strlen (s), strlen (e))) < 0)
    return fail (imp, "end", MH_SITE_JSON_ERROR_INVALID, _("ends (%s) before it starts (%s)"),
                 e, s);
  return TRUE;
}

static gboolean bind_fields (Importer     *imp,
                             JsonObject   *obj,
                             const Field  *fields,
                             sqlite3_stmt *stmt);

static gboolean
check_kind_allows (Importer    *imp,
                   const Field *f)
{
  if (f->kind == NULL || g_strcmp0 (imp->kind, f->kind) == 0)
    return TRUE;
  return fail (imp, NULL, MH_SITE_JSON_ERROR_INVALID,
               _("only entries of kind “%s” may have “%s”"), f->kind, f->key);
}

/* A nested object ("event") whose fields are columns of the same row. */
static gboolean
bind_object (Importer     *imp,
             JsonObject   *obj,
             const Field  *f,
             sqlite3_stmt *stmt)
{
  JsonNode *node = member (obj, f->key);
  JsonObject *nested = NULL;
  gboolean ok;
  gsize len;

  if (is_absent (node))
    return bind_fields (imp, NULL, f->fields, stmt);

  len = path_push_key (imp, f->key);
  ok = expect_object (imp, NULL, node, &nested) &&
       check_kind_allows (imp, f) &&
       check_keys (imp, nested, f->fields) &&
       bind_fields (imp, nested, f->fields, stmt) &&
       check_range (imp, nested);
  path_pop (imp, len);
  return ok;
}

static gboolean
bind_field (Importer     *imp,
            JsonObject   *obj,
            const Field  *f,
            sqlite3_stmt *stmt)
{
  switch (f->type)
    {
    case FIELD_OBJECT:
      return bind_object (imp, obj, f, stmt);

    case FIELD_DATA:
      return bind_data (imp, obj, f, stmt);

    case FIELD_SLUG:
      sqlite3_bind_text (stmt, f->param, imp->slug, -1, SQLITE_TRANSIENT);
      return TRUE;

    case FIELD_ROWS:
    case FIELD_LIST:
    case FIELD_TERMS:
    case FIELD_TRANSLATIONS:
      return TRUE;   /* rows of other tables, after this row exists */

    case FIELD_TEXT:
    case FIELD_KIND:
    case FIELD_ENUM:
    case FIELD_ALIAS:
    case FIELD_KEY:
    case FIELD_LANGUAGE:
    case FIELD_DATE:
    case FIELD_URL:
    case FIELD_TIME_ZONE:
    case FIELD_MEDIA_TYPE:
    case FIELD_BOOL:
    case FIELD_COUNT:
    case FIELD_STRINGS:
    case FIELD_LANGUAGES:
    case FIELD_REF:
    case FIELD_ASSET_URI:
    case FIELD_COUNTRY:
    case FIELD_ENTRY:
      return bind_scalar (imp, obj, f, stmt);
    }

  g_assert_not_reached ();
}

static gboolean
bind_fields (Importer     *imp,
             JsonObject   *obj,
             const Field  *fields,
             sqlite3_stmt *stmt)
{
  for (const Field *f = fields; f->key != NULL; f++)
    if (!bind_field (imp, obj, f, stmt))
      return FALSE;
  return TRUE;
}

/* --- Slugs: collected before the rows, derived when missing ---------------- */

typedef gboolean (*ClaimFunc) (Importer   *imp,
                               const char *key,
                               const char *slug,
                               gpointer    data);

/* Appends -2, -3 … to the slug of @text until it is not in @taken;
 * @counters remembers where each base left off. */
static char *
unique_slug (GHashTable *taken,
             GHashTable *counters,
             const char *text)
{
  g_autofree char *base = mh_slugify (text);
  gsize len = MIN (strlen (base), MH_SLUG_MAX_LENGTH);
  guint n;

  while (len > 1 && base[len - 1] == '-')
    len--;
  base[len] = '\0';
  if (!g_hash_table_contains (taken, base))
    return g_steal_pointer (&base);

  for (n = MAX (2, GPOINTER_TO_UINT (g_hash_table_lookup (counters, base))); ; n++)
    {
      char suffix[16];
      gsize keep;
      char *candidate;

      g_snprintf (suffix, sizeof suffix, "-%u", n);
      keep = MIN (len, MH_SLUG_MAX_LENGTH - strlen (suffix));
      while (keep > 1 && base[keep - 1] == '-')
        keep--;
      candidate = g_strdup_printf ("%.*s%s", (int) keep, base, suffix);
      if (!g_hash_table_contains (taken, candidate))
        {
          g_hash_table_insert (counters, g_strdup (base), GUINT_TO_POINTER (n + 1));
          return candidate;
        }
      g_free (candidate);
    }
}

static gboolean
collect_aliases (Importer   *imp,
                 JsonObject *obj,
                 ClaimFunc   claim,
                 gpointer    data)
{
  JsonNode *node = member (obj, "aliases");
  JsonArray *array = NULL;
  gboolean ok;
  gsize len;

  if (is_absent (node))
    return TRUE;

  len = path_push_key (imp, "aliases");
  ok = expect_array (imp, NULL, node, &array);
  for (guint i = 0; ok && i < json_array_get_length (array); i++)
    {
      gsize item = path_push_index (imp, i);
      const char *slug;

      ok = expect_string (imp, NULL, json_array_get_element (array, i), &slug) &&
           check_slug (imp, NULL, slug) &&
           claim (imp, NULL, slug, data);
      path_pop (imp, item);
    }
  path_pop (imp, len);
  return ok;
}

static gboolean
claim_term_slug_cb (Importer   *imp,
                    const char *key,
                    const char *slug,
                    gpointer    data)
{
  const char *first = g_hash_table_lookup (imp->vocab_slugs, slug);

  if (first != NULL)
    return fail (imp, key, MH_SITE_JSON_ERROR_INVALID,
                 _("duplicate slug “%s”: already used at %s"), slug, first);
  g_hash_table_insert (imp->vocab_slugs, g_strdup (slug), path_with (imp, key));
  return TRUE;
}

static gboolean collect_term_slugs (Importer *imp,
                                    JsonNode *node);

static gboolean
collect_term (Importer   *imp,
              JsonObject *obj)
{
  JsonNode *slug = member (obj, "slug");
  const char *str;
  gboolean ok;
  gsize len;

  if (!is_absent (slug) &&
      !(expect_string (imp, "slug", slug, &str) &&
        check_slug (imp, "slug", str) &&
        claim_term_slug_cb (imp, "slug", str, NULL)))
    return FALSE;
  if (!collect_aliases (imp, obj, claim_term_slug_cb, NULL))
    return FALSE;

  len = path_push_key (imp, "children");
  ok = collect_term_slugs (imp, member (obj, "children"));
  path_pop (imp, len);
  return ok;
}

/* Slugs and aliases given in one vocabulary, so that derived slugs avoid
 * them wherever they occur. Wrong types are left to the import proper. */
static gboolean
collect_term_slugs (Importer *imp,
                    JsonNode *node)
{
  JsonArray *array = NULL;

  if (is_absent (node) || !JSON_NODE_HOLDS_ARRAY (node))
    return TRUE;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      gboolean ok;
      gsize len;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        continue;
      len = path_push_index (imp, i);
      ok = collect_term (imp, json_node_get_object (item));
      path_pop (imp, len);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
claim_entry (Importer   *imp,
             const char *key,
             const char *slug,
             guint       index,
             gboolean    alias)
{
  EntryName *name = g_hash_table_lookup (imp->entry_names, slug);

  if (name != NULL)
    return fail (imp, key, MH_SITE_JSON_ERROR_INVALID,
                 _("duplicate slug “%s”: already used at %s"), slug, name->path);

  name = g_new0 (EntryName, 1);
  name->index = index;
  name->alias = alias;
  name->path = path_with (imp, key);
  g_hash_table_insert (imp->entry_names, g_strdup (slug), name);
  return TRUE;
}

static gboolean
claim_entry_alias_cb (Importer   *imp,
                      const char *key,
                      const char *slug,
                      gpointer    data)
{
  return claim_entry (imp, key, slug, GPOINTER_TO_UINT (data), TRUE);
}

static gboolean
collect_entry (Importer   *imp,
               JsonObject *obj,
               guint       index)
{
  JsonNode *slug = member (obj, "slug");
  const char *str;

  if (!is_absent (slug))
    {
      if (!expect_string (imp, "slug", slug, &str) ||
          !check_slug (imp, "slug", str) ||
          !claim_entry (imp, "slug", str, index, FALSE))
        return FALSE;
      imp->entry_slugs->pdata[index] = g_strdup (str);
    }
  return collect_aliases (imp, obj, claim_entry_alias_cb, GUINT_TO_POINTER (index));
}

static void
derive_entry_slug (Importer   *imp,
                   JsonObject *obj,
                   guint       index,
                   GHashTable *counters)
{
  JsonNode *title = member (obj, "title");
  const char *text = NULL;
  char *slug;
  gsize len;

  if (title != NULL && JSON_NODE_HOLDS_VALUE (title) &&
      json_node_get_value_type (title) == G_TYPE_STRING)
    text = json_node_get_string (title);

  slug = unique_slug (imp->entry_names, counters, text);
  len = path_push_index (imp, index);
  claim_entry (imp, NULL, slug, index, FALSE);
  path_pop (imp, len);
  imp->entry_slugs->pdata[index] = slug;
}

/* Every entry's slug, explicit or derived, before the first row: entries
 * may refer to entries further down the file. */
static gboolean
collect_entry_slugs (Importer  *imp,
                     JsonArray *entries)
{
  g_autoptr(GHashTable) counters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = json_array_get_length (entries);

  g_ptr_array_set_size (imp->entry_slugs, n);
  g_array_set_size (imp->entry_ids, n);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *item = json_array_get_element (entries, i);
      gboolean ok;
      gsize len;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        continue;
      len = path_push_index (imp, i);
      ok = collect_entry (imp, json_node_get_object (item), i);
      path_pop (imp, len);
      if (!ok)
        return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      JsonNode *item = json_array_get_element (entries, i);

      if (JSON_NODE_HOLDS_OBJECT (item) && imp->entry_slugs->pdata[i] == NULL)
        derive_entry_slug (imp, json_node_get_object (item), i, counters);
    }
  return TRUE;
}

/* --- Hooks run around the INSERT of particular objects ---------------------- */

#define ENTRY_PARAM_UUID 33
#define ENTRY_PARAM_CREATED 34
#define ENTRY_PARAM_UPDATED 35

static gboolean
vocabulary_after (Importer   *imp,
                  JsonObject *obj,
                  guint       index,
                  gint64      id)
{
  gboolean ok;
  gsize len;

  imp->vocab_id = id;
  imp->vocab_key = json_object_get_string_member (obj, "key");
  g_hash_table_remove_all (imp->vocab_slugs);
  g_hash_table_remove_all (imp->slug_counters);

  len = path_push_key (imp, "terms");
  ok = collect_term_slugs (imp, member (obj, "terms"));
  path_pop (imp, len);
  return ok;
}

static gboolean
term_before (Importer     *imp,
             JsonObject   *obj,
             guint         index,
             sqlite3_stmt *stmt)
{
  JsonNode *slug = member (obj, "slug");
  JsonNode *name = member (obj, "name");

  if (!is_absent (slug))
    imp->slug = json_node_get_string (slug);   /* checked by collect_term() */
  else
    {
      const char *text = NULL;

      if (name != NULL && JSON_NODE_HOLDS_VALUE (name) &&
          json_node_get_value_type (name) == G_TYPE_STRING)
        text = json_node_get_string (name);
      g_free (imp->derived_slug);
      imp->derived_slug = unique_slug (imp->vocab_slugs, imp->slug_counters, text);
      g_hash_table_insert (imp->vocab_slugs, g_strdup (imp->derived_slug), path_with (imp, NULL));
      imp->slug = imp->derived_slug;
    }

  sqlite3_bind_int64 (stmt, 1, imp->vocab_id);
  sqlite3_bind_null (stmt, 2);
  return TRUE;
}

static gboolean
term_after (Importer   *imp,
            JsonObject *obj,
            guint       index,
            gint64      id)
{
  TermSlug *found = g_hash_table_lookup (imp->term_slugs, imp->slug);

  g_hash_table_insert (imp->terms, g_strconcat (imp->vocab_key, "/", imp->slug, NULL),
                       GSIZE_TO_POINTER ((gsize) id));
  if (found == NULL)
    {
      found = g_new0 (TermSlug, 1);
      found->id = id;
      g_hash_table_insert (imp->term_slugs, g_strdup (imp->slug), found);
    }
  found->count++;
  return TRUE;
}

static gboolean
translation_before (Importer     *imp,
                    JsonObject   *obj,
                    guint         index,
                    sqlite3_stmt *stmt)
{
  sqlite3_bind_text (stmt, 4, imp->lang, -1, SQLITE_TRANSIENT);
  return TRUE;
}

static gboolean
has_name (JsonNode *node)
{
  if (is_absent (node))
    return FALSE;
  /* A name of the wrong type is reported when it is bound. */
  return !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
         *json_node_get_string (node) != '\0';
}

static gboolean
person_before (Importer     *imp,
               JsonObject   *obj,
               guint         index,
               sqlite3_stmt *stmt)
{
  if (has_name (member (obj, "given_name")) || has_name (member (obj, "family_name")))
    return TRUE;
  return fail (imp, NULL, MH_SITE_JSON_ERROR_INVALID,
               _("missing required key “family_name” or “given_name”"));
}

static gboolean
entry_before (Importer     *imp,
              JsonObject   *obj,
              guint         index,
              sqlite3_stmt *stmt)
{
  g_autofree char *uuid = g_uuid_string_random ();

  imp->entry_index = index;
  imp->slug = g_ptr_array_index (imp->entry_slugs, index);
  imp->kind = NULL;
  sqlite3_bind_text (stmt, ENTRY_PARAM_UUID, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, ENTRY_PARAM_CREATED, imp->now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, ENTRY_PARAM_UPDATED, imp->now, -1, SQLITE_TRANSIENT);
  return TRUE;
}

static gboolean
entry_after (Importer   *imp,
             JsonObject *obj,
             guint       index,
             gint64      id)
{
  g_array_index (imp->entry_ids, gint64, index) = id;
  return TRUE;
}

/* --- The format, object by object ------------------------------------------ */

/* Text of a reference, as dump writes it. */
#define ASSET_NAME(col) "(SELECT a.name FROM assets a WHERE a.id = " col ")"
#define ENTRY_SLUG(col) "(SELECT s.slug FROM entries s WHERE s.id = " col ")"
/* A country reference is the bare slug when that finds this term again
 * (see resolve_term()), else "vocabulary/slug". */
#define COUNTRY_REF(col) \
  "(SELECT CASE WHEN v.key = '" COUNTRIES "' OR " \
  "(SELECT count(*) FROM terms o WHERE o.slug = t.slug) = 1 " \
  "THEN t.slug ELSE v.key || '/' || t.slug END " \
  "FROM terms t JOIN vocabularies v ON v.id = t.vocabulary_id WHERE t.id = " col ")"

static const char * const status_names[] = {
  "draft", "review", "published", "archived", NULL
};

static const char * const relation_names[] = {
  "organiser", "co-organiser", "funder", "support", "media-partner", NULL
};

static const Field document_fields[] = {
  { "format" }, { "version" }, { "site" }, { "vocabularies" }, { "organisations" },
  { "people" }, { "assets" }, { "entries" }, { NULL }
};

static const Field site_fields[] = {
  { "title",          FIELD_TEXT,      1, FIELD_REQUIRED },
  { "base_url",       FIELD_URL,       2 },
  { "language",       FIELD_LANGUAGE,  3 },
  { "languages",      FIELD_LANGUAGES, 4 },
  { "description",    FIELD_TEXT,      5 },
  { "allow_raw_html", FIELD_BOOL,      6 },
  { NULL }
};

static const ObjectSpec site_spec = {
  .fields = site_fields,
  .insert_sql =
    "INSERT OR REPLACE INTO settings (key, value) SELECT column1, column2 FROM (VALUES "
    "('title', ?1), ('base_url', ?2), ('language', ?3), ('languages', ?4), "
    "('description', ?5), "
    "('allow_raw_html', CASE ?6 WHEN 1 THEN 'true' WHEN 0 THEN 'false' END)) "
    "WHERE column2 IS NOT NULL",
  .select_sql =
    "SELECT NULL, "
    "(SELECT value FROM settings WHERE key = 'title'), "
    "(SELECT value FROM settings WHERE key = 'base_url'), "
    "(SELECT value FROM settings WHERE key = 'language'), "
    "(SELECT value FROM settings WHERE key = 'languages'), "
    "(SELECT value FROM settings WHERE key = 'description'), "
    "(SELECT value = 'true' FROM settings WHERE key = 'allow_raw_html')",
};

static const Field translation_fields[] = {
  { "name",        FIELD_TEXT, 1, FIELD_REQUIRED },
  { "description", FIELD_TEXT, 2 },
  { NULL }
};

/* Column 0 is the language (the key of the object), not an id. */
static const ObjectSpec translation_spec = {
  .fields = translation_fields,
  .insert_sql = "INSERT INTO term_translations (name, description, term_id, lang) "
                "VALUES (?1, ?2, ?3, ?4)",
  .select_sql = "SELECT lang, name, description FROM term_translations "
                "WHERE term_id = ?1 ORDER BY lang",
  .owner_param = 3,
  .before = translation_before,
};

static const ObjectSpec child_term_spec;

static const Field term_fields[] = {
  { "name",         FIELD_TEXT, 4, FIELD_REQUIRED },
  { "slug",         FIELD_SLUG, 3 },
  { "description",  FIELD_TEXT, 5 },
  { "aliases",      FIELD_LIST, .item = FIELD_ALIAS,
    .sql = "INSERT INTO term_aliases (term_id, slug, position) VALUES (?1, ?2, ?3)",
    .select = "SELECT slug FROM term_aliases WHERE term_id = ?1 ORDER BY position, slug" },
  { "translations", FIELD_TRANSLATIONS },
  { "children",     FIELD_ROWS, .spec = &child_term_spec },
  { NULL }
};

#define TERM_INSERT \
  "INSERT INTO terms (vocabulary_id, parent_id, slug, name, description, weight) " \
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
#define TERM_SELECT \
  "SELECT id, vocabulary_id, parent_id, slug, name, description FROM terms "

static const ObjectSpec root_term_spec = {
  .fields = term_fields,
  .insert_sql = TERM_INSERT,
  .select_sql = TERM_SELECT "WHERE vocabulary_id = ?1 AND parent_id IS NULL ORDER BY weight, id",
  .position_param = 6,
  .before = term_before,
  .after = term_after,
};

static const ObjectSpec child_term_spec = {
  .fields = term_fields,
  .insert_sql = TERM_INSERT,
  .select_sql = TERM_SELECT "WHERE parent_id = ?1 ORDER BY weight, id",
  .owner_param = 2,
  .position_param = 6,
  .before = term_before,
  .after = term_after,
};

static const Field vocabulary_fields[] = {
  { "key",          FIELD_KEY,  1, FIELD_REQUIRED, .ns = NS_VOCABULARY },
  { "name",         FIELD_TEXT, 2, FIELD_REQUIRED },
  { "hierarchical", FIELD_BOOL, 3, FIELD_NOT_NULL },
  { "terms",        FIELD_ROWS, .spec = &root_term_spec },
  { NULL }
};

static const ObjectSpec vocabulary_spec = {
  .fields = vocabulary_fields,
  .insert_sql = "INSERT INTO vocabularies (key, name, hierarchical, position) "
                "VALUES (?1, ?2, ?3, ?4)",
  .select_sql = "SELECT id, key, name, hierarchical FROM vocabularies ORDER BY position, id",
  .position_param = 4,
  .after = vocabulary_after,
};

static const Field organisation_fields[] = {
  { "key",  FIELD_KEY,       1, FIELD_REQUIRED, .ns = NS_ORGANISATION },
  { "name", FIELD_TEXT,      2, FIELD_REQUIRED },
  { "url",  FIELD_URL,       3 },
  { "logo", FIELD_ASSET_URI, 4 },
  { NULL }
};

static const ObjectSpec organisation_spec = {
  .fields = organisation_fields,
  .insert_sql = "INSERT INTO organisations (key, name, url, logo_asset_id) "
                "VALUES (?1, ?2, ?3, ?4)",
  .select_sql = "SELECT o.id, o.key, o.name, o.url, " ASSET_NAME ("o.logo_asset_id") " "
                "FROM organisations o ORDER BY o.id",
};

static const Field person_fields[] = {
  { "key",               FIELD_KEY,       1, FIELD_REQUIRED, .ns = NS_PERSON },
  { "given_name",        FIELD_TEXT,      2 },
  { "family_name",       FIELD_TEXT,      3 },
  { "family_name_first", FIELD_BOOL,      4, FIELD_NOT_NULL },
  { "honorific",         FIELD_TEXT,      5 },
  { "organisation",      FIELD_TEXT,      6 },
  { "job_title",         FIELD_TEXT,      7 },
  { "country",           FIELD_COUNTRY,   8 },
  { "sector",            FIELD_TEXT,      9 },
  { "bio",               FIELD_TEXT,      10 },
  { "photo",             FIELD_ASSET_URI, 11 },
  { "photo_credit",      FIELD_TEXT,      12 },
  { "email",             FIELD_TEXT,      13 },
  { "phone",             FIELD_TEXT,      14 },
  { "notes",             FIELD_TEXT,      15 },
  { "public",            FIELD_BOOL,      16, FIELD_NOT_NULL },
  { NULL }
};

static const ObjectSpec person_spec = {
  .fields = person_fields,
  .insert_sql =
    "INSERT INTO people (key, given_name, family_name, family_name_first, honorific, "
    "organisation, job_title, country_term_id, sector, bio, photo_asset_id, photo_credit, "
    "email, phone, notes, public) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
  .select_sql =
    "SELECT p.id, p.key, p.given_name, p.family_name, p.family_name_first, p.honorific, "
    "p.organisation, p.job_title, " COUNTRY_REF ("p.country_term_id") ", p.sector, p.bio, "
    ASSET_NAME ("p.photo_asset_id") ", p.photo_credit, p.email, p.phone, p.notes, p.public "
    "FROM people p ORDER BY p.id",
  .before = person_before,
};

static const Field asset_fields[] = {
  { "name",        FIELD_KEY,        1, FIELD_REQUIRED, .ns = NS_ASSET },
  { "media_type",  FIELD_MEDIA_TYPE, 2, FIELD_REQUIRED },
  { "data_base64", FIELD_DATA,       3, FIELD_REQUIRED },   /* and the size at 4 */
  { "alt",         FIELD_TEXT,       5 },
  { "credit",      FIELD_TEXT,       6 },
  { NULL }
};

static const ObjectSpec asset_spec = {
  .fields = asset_fields,
  .insert_sql = "INSERT INTO assets (name, media_type, sha256, size, alt, credit) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  .select_sql = "SELECT a.id, a.name, a.media_type, b.data, a.size, a.alt, a.credit "
                "FROM assets a LEFT JOIN blobs b ON b.sha256 = a.sha256 ORDER BY a.id",
};

static const Field partner_fields[] = {
  { "organisation", FIELD_REF,  1, FIELD_REQUIRED, .ns = NS_ORGANISATION },
  { "relation",     FIELD_ENUM, 2, FIELD_REQUIRED, .names = relation_names },
  { NULL }
};

static const ObjectSpec partner_spec = {
  .fields = partner_fields,
  .insert_sql = "INSERT INTO entry_partners (organisation_id, relation, entry_id, position) "
                "VALUES (?1, ?2, ?3, ?4)",
  .select_sql = "SELECT NULL, o.key, p.relation FROM entry_partners p "
                "JOIN organisations o ON o.id = p.organisation_id "
                "WHERE p.entry_id = ?1 ORDER BY p.position, o.id",
  .owner_param = 3,
  .position_param = 4,
  .duplicate = N_("this organisation is already a partner with this relation"),
};

static const Field participant_fields[] = {
  { "person", FIELD_REF,  1, FIELD_REQUIRED, .ns = NS_PERSON },
  { "role",   FIELD_TEXT, 2, FIELD_NOT_NULL, .fallback = "participant" },
  { "group",  FIELD_TEXT, 3 },
  { NULL }
};

static const ObjectSpec participant_spec = {
  .fields = participant_fields,
  .insert_sql = "INSERT INTO participations (person_id, role, group_label, entry_id, position) "
                "VALUES (?1, ?2, ?3, ?4, ?5)",
  .select_sql = "SELECT NULL, p.key, a.role, a.group_label FROM participations a "
                "JOIN people p ON p.id = a.person_id "
                "WHERE a.entry_id = ?1 ORDER BY a.position, a.id",
  .owner_param = 4,
  .position_param = 5,
};

static const Field programme_fields[] = {
  { "start", FIELD_DATE, 1 },
  { "end",   FIELD_DATE, 2 },
  { "title", FIELD_TEXT, 3, FIELD_REQUIRED },
  { "venue", FIELD_TEXT, 4 },
  { NULL }
};

static const ObjectSpec programme_spec = {
  .fields = programme_fields,
  .insert_sql = "INSERT INTO programme_items (start, end, title, venue, entry_id, position) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  .select_sql = "SELECT NULL, start, end, title, venue FROM programme_items "
                "WHERE entry_id = ?1 ORDER BY position, id",
  .owner_param = 5,
  .position_param = 6,
};

static const Field download_fields[] = {
  { "asset",    FIELD_REF,      1, FIELD_REQUIRED, .ns = NS_ASSET },
  { "title",    FIELD_TEXT,     2 },
  { "language", FIELD_LANGUAGE, 3 },
  { NULL }
};

static const ObjectSpec download_spec = {
  .fields = download_fields,
  .insert_sql = "INSERT INTO report_downloads (asset_id, title, lang, entry_id, position) "
                "VALUES (?1, ?2, ?3, ?4, ?5)",
  .select_sql = "SELECT NULL, a.name, d.title, d.lang FROM report_downloads d "
                "JOIN assets a ON a.id = d.asset_id "
                "WHERE d.entry_id = ?1 ORDER BY d.position, d.id",
  .owner_param = 4,
  .position_param = 5,
};

static const Field event_fields[] = {
  { "start",                FIELD_DATE,      18 },
  { "end",                  FIELD_DATE,      19 },
  { "time_zone",            FIELD_TIME_ZONE, 20 },
  { "all_day",              FIELD_BOOL,      21 },
  { "venue",                FIELD_TEXT,      22 },
  { "city",                 FIELD_TEXT,      23 },
  { "country",              FIELD_COUNTRY,   24 },
  { "online",               FIELD_BOOL,      25 },
  { "format",               FIELD_TEXT,      26 },
  { "participants_planned", FIELD_COUNT,     27 },
  { "participants_actual",  FIELD_COUNT,     28 },
  { "participants",         FIELD_ROWS, .spec = &participant_spec },
  { "programme",            FIELD_ROWS, .spec = &programme_spec },
  { NULL }
};

static const Field report_fields[] = {
  { "publisher", FIELD_TEXT,  29 },
  { "event",     FIELD_ENTRY, 30, .sql = "UPDATE entries SET report_event_id = ?2 WHERE id = ?1" },
  { "downloads", FIELD_ROWS, .spec = &download_spec },
  { NULL }
};

static const Field open_call_fields[] = {
  { "category",           FIELD_TEXT, 31 },
  { "deadline",           FIELD_DATE, 32 },
  { "eligible_countries", FIELD_LIST, .item = FIELD_COUNTRY,
    .sql = "INSERT INTO call_countries (entry_id, term_id, position) VALUES (?1, ?2, ?3)",
    .select = "SELECT " COUNTRY_REF ("c.term_id") " FROM call_countries c "
              "WHERE c.entry_id = ?1 ORDER BY c.position, c.term_id" },
  { NULL }
};

static const Field entry_fields[] = {
  { "kind",           FIELD_KIND,      1, FIELD_REQUIRED },
  { "title",          FIELD_TEXT,      2, FIELD_REQUIRED },
  { "slug",           FIELD_SLUG,      3 },
  { "aliases",        FIELD_LIST, .item = FIELD_ALIAS,
    .sql = "INSERT INTO entry_aliases (entry_id, slug, position) VALUES (?1, ?2, ?3)",
    .select = "SELECT slug FROM entry_aliases WHERE entry_id = ?1 ORDER BY position, slug" },
  { "status",         FIELD_ENUM,      4, FIELD_NOT_NULL, .fallback = "draft",
    .names = status_names },
  { "language",       FIELD_LANGUAGE,  5 },
  { "translation_of", FIELD_ENTRY,     6,
    .sql = "UPDATE entries SET translation_of = ?2 WHERE id = ?1" },
  { "date",           FIELD_DATE,      7 },
  { "summary",        FIELD_TEXT,      8 },
  { "body",           FIELD_TEXT,      9, FIELD_NOT_NULL, .fallback = "" },
  { "cover",          FIELD_ASSET_URI, 10 },
  { "cover_alt",      FIELD_TEXT,      11 },
  { "cover_credit",   FIELD_TEXT,      12 },
  { "authors",        FIELD_STRINGS,   13 },
  { "posted_by",      FIELD_TEXT,      14 },
  { "series",         FIELD_TEXT,      15 },
  { "hashtags",       FIELD_STRINGS,   16 },
  { "website",        FIELD_URL,       17 },
  { "terms",          FIELD_TERMS },
  { "partners",       FIELD_ROWS, .spec = &partner_spec },
  { "related",        FIELD_LIST, .item = FIELD_ENTRY,
    .sql = "INSERT INTO entry_related (entry_id, related_id, position) VALUES (?1, ?2, ?3)",
    .select = "SELECT e.slug FROM entry_related r JOIN entries e ON e.id = r.related_id "
              "WHERE r.entry_id = ?1 ORDER BY r.position, e.id" },
  { "event",          FIELD_OBJECT, .kind = "event", .fields = event_fields },
  { "report",         FIELD_OBJECT, .kind = "report", .fields = report_fields },
  { "open_call",      FIELD_OBJECT, .kind = "open_call", .fields = open_call_fields },
  { NULL }
};

#define ENTRY_SELECT \
  "SELECT e.id, e.kind, e.title, e.slug, e.status, e.lang, " ENTRY_SLUG ("e.translation_of") ", " \
  "e.date, e.summary, e.body_md, " ASSET_NAME ("e.cover_asset_id") ", e.cover_alt, " \
  "e.cover_credit, e.authors, e.posted_by, e.series, e.hashtags, e.website, e.event_start, " \
  "e.event_end, e.event_time_zone, e.event_all_day, e.event_venue, e.event_city, " \
  COUNTRY_REF ("e.event_country_id") ", e.event_online, e.event_format, " \
  "e.participants_planned, e.participants_actual, e.report_publisher, " \
  ENTRY_SLUG ("e.report_event_id") ", e.call_category, e.call_deadline FROM entries e "

static const ObjectSpec entry_spec = {
  .fields = entry_fields,
  .insert_sql =
    "INSERT INTO entries (kind, title, slug, status, lang, translation_of, date, summary, "
    "body_md, cover_asset_id, cover_alt, cover_credit, authors, posted_by, series, hashtags, "
    "website, event_start, event_end, event_time_zone, event_all_day, event_venue, event_city, "
    "event_country_id, event_online, event_format, participants_planned, participants_actual, "
    "report_publisher, report_event_id, call_category, call_deadline, uuid, created_at, "
    "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
    "?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, "
    "?33, ?34, ?35)",
  .select_sql = ENTRY_SELECT "ORDER BY e.id",
  .before = entry_before,
  .after = entry_after,
};

#define ENTRY_TERMS_INSERT \
  "INSERT INTO entry_terms (entry_id, term_id, position) VALUES (?1, ?2, ?3)"
#define ENTRY_TERMS_SELECT \
  "SELECT v.key, t.slug FROM entry_terms et JOIN terms t ON t.id = et.term_id " \
  "JOIN vocabularies v ON v.id = t.vocabulary_id " \
  "WHERE et.entry_id = ?1 ORDER BY et.position, et.term_id"

/* --- Importing rows ----------------------------------------------------------- */

static gboolean import_row (Importer         *imp,
                            JsonObject       *obj,
                            guint             index,
                            const ObjectSpec *spec,
                            gint64            owner);

static gboolean
import_array (Importer         *imp,
              JsonNode         *node,
              const ObjectSpec *spec,
              gint64            owner)
{
  JsonArray *array = NULL;

  if (!expect_array (imp, NULL, node, &array))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *obj = NULL;
      gsize len = path_push_index (imp, i);
      gboolean ok = check_cancelled (imp) &&
                    expect_object (imp, NULL, json_array_get_element (array, i), &obj) &&
                    import_row (imp, obj, i, spec, owner);

      path_pop (imp, len);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
import_list_item (Importer    *imp,
                  const Field *f,
                  JsonNode    *node,
                  guint        position,
                  gint64       owner,
                  GHashTable  *seen)
{
  Value v = { VALUE_NULL, NULL, 0, NULL };
  sqlite3_stmt *stmt;
  char *seen_key;

  if (!convert_value (imp, f, f->item, node, NULL, &v))
    return FALSE;
  if (v.type == VALUE_NULL)
    return fail (imp, NULL, MH_SITE_JSON_ERROR_INVALID, _("expected a non-empty string"));

  seen_key = v.type == VALUE_TEXT ? g_strdup (v.text)
                                  : g_strdup_printf ("%" G_GINT64_FORMAT, v.num);
  if (!g_hash_table_add (seen, seen_key))
    return fail (imp, NULL, MH_SITE_JSON_ERROR_INVALID, _("“%s” is listed twice"),
                 json_node_get_string (node));

  if (v.type == VALUE_ENTRY)
    {
      Pending pending = { f->sql, owner, (guint) v.num, position };

      g_array_append_val (imp->pending, pending);
      return TRUE;
    }

  stmt = prepare (imp, f->sql);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, owner);
  if (v.type == VALUE_TEXT)
    sqlite3_bind_text (stmt, 2, v.text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 2, v.num);
  sqlite3_bind_int64 (stmt, 3, position);
  return step_insert (imp, stmt, N_("listed twice"));
}

static gboolean
import_list (Importer    *imp,
             const Field *f,
             JsonNode    *node,
             gint64       owner)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *array = NULL;

  if (!expect_array (imp, NULL, node, &array))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize len = path_push_index (imp, i);
      gboolean ok = import_list_item (imp, f, json_array_get_element (array, i), i, owner, seen);

      path_pop (imp, len);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
import_entry_term (Importer   *imp,
                   const char *vocab,
                   JsonNode   *node,
                   gint64      entry_id,
                   guint       position)
{
  sqlite3_stmt *stmt;
  const char *ref;
  gint64 term_id;

  if (!expect_string (imp, NULL, node, &ref) ||
      !resolve_term (imp, NULL, ref, vocab, TRUE, &term_id))
    return FALSE;

  stmt = prepare (imp, ENTRY_TERMS_INSERT);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entry_id);
  sqlite3_bind_int64 (stmt, 2, term_id);
  sqlite3_bind_int64 (stmt, 3, position);
  return step_insert (imp, stmt, N_("this term is listed twice"));
}

static gboolean
import_vocabulary_terms (Importer   *imp,
                         const char *vocab,
                         JsonNode   *node,
                         gint64      entry_id,
                         guint      *position)
{
  JsonArray *array = NULL;

  if (!g_hash_table_contains (imp->names[NS_VOCABULARY], vocab))
    return fail (imp, NULL, MH_SITE_JSON_ERROR_INVALID, _(missing_messages[NS_VOCABULARY]),
                 vocab);
  if (!expect_array (imp, NULL, node, &array))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize len = path_push_index (imp, i);
      gboolean ok = import_entry_term (imp, vocab, json_array_get_element (array, i), entry_id,
                                       (*position)++);

      path_pop (imp, len);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* { "vocabulary": ["slug", …], … }; positions run on across vocabularies. */
static gboolean
import_entry_terms (Importer *imp,
                    JsonNode *node,
                    gint64    entry_id)
{
  JsonObject *terms = NULL;
  JsonObjectIter iter;
  const char *vocab;
  JsonNode *list;
  guint position = 0;

  if (!expect_object (imp, NULL, node, &terms))
    return FALSE;

  json_object_iter_init_ordered (&iter, terms);
  while (json_object_iter_next_ordered (&iter, &vocab, &list))
    {
      gsize len = path_push_key (imp, vocab);
      gboolean ok = import_vocabulary_terms (imp, vocab, list, entry_id, &position);

      path_pop (imp, len);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* { "fr": { "name": …, "description": … }, … } */
static gboolean
import_translations (Importer *imp,
                     JsonNode *node,
                     gint64    term_id)
{
  JsonObject *translations = NULL;
  JsonObjectIter iter;
  const char *lang;
  JsonNode *value;

  if (!expect_object (imp, NULL, node, &translations))
    return FALSE;

  json_object_iter_init_ordered (&iter, translations);
  while (json_object_iter_next_ordered (&iter, &lang, &value))
    {
      JsonObject *obj = NULL;
      gsize len = path_push_key (imp, lang);
      gboolean ok = check_string (imp, NULL, FIELD_LANGUAGE, NULL, lang) &&
                    expect_object (imp, NULL, value, &obj);

      imp->lang = lang;
      ok = ok && import_row (imp, obj, 0, &translation_spec, term_id);
      path_pop (imp, len);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean import_children (Importer    *imp,
                                 JsonObject  *obj,
                                 const Field *fields,
                                 gint64       id);

static gboolean
import_child (Importer    *imp,
              const Field *f,
              JsonNode    *node,
              gint64       id)
{
  switch (f->type)
    {
    case FIELD_OBJECT:
      return import_children (imp, json_node_get_object (node), f->fields, id);
    case FIELD_ROWS:
      return import_array (imp, node, f->spec, id);
    case FIELD_LIST:
      return import_list (imp, f, node, id);
    case FIELD_TERMS:
      return import_entry_terms (imp, node, id);
    case FIELD_TRANSLATIONS:
      return import_translations (imp, node, id);

    case FIELD_TEXT:
    case FIELD_KIND:
    case FIELD_ENUM:
    case FIELD_SLUG:
    case FIELD_ALIAS:
    case FIELD_KEY:
    case FIELD_LANGUAGE:
    case FIELD_DATE:
    case FIELD_URL:
    case FIELD_TIME_ZONE:
    case FIELD_MEDIA_TYPE:
    case FIELD_BOOL:
    case FIELD_COUNT:
    case FIELD_DATA:
    case FIELD_STRINGS:
    case FIELD_LANGUAGES:
    case FIELD_REF:
    case FIELD_ASSET_URI:
    case FIELD_COUNTRY:
    case FIELD_ENTRY:
      break;
    }
  return TRUE;
}

/* The parts of @obj stored in other tables, now that its row is @id. */
static gboolean
import_children (Importer    *imp,
                 JsonObject  *obj,
                 const Field *fields,
                 gint64       id)
{
  for (const Field *f = fields; f->key != NULL; f++)
    {
      JsonNode *node = member (obj, f->key);
      gboolean ok;
      gsize len;

      if (is_absent (node))
        continue;
      len = path_push_key (imp, f->key);
      ok = import_child (imp, f, node, id);
      path_pop (imp, len);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static void
set_row_id (Importer *imp,
            gint64    id)
{
  for (guint i = 0; i < imp->row_names->len; i++)
    ((Named *) g_ptr_array_index (imp->row_names, i))->id = id;
  for (guint i = imp->pending_mark; i < imp->pending->len; i++)
    g_array_index (imp->pending, Pending, i).owner = id;
}

/* Checks @obj, inserts its row (with @owner and @index bound where @spec
 * says), then the rows of its arrays and nested objects. */
static gboolean
import_row (Importer         *imp,
            JsonObject       *obj,
            guint             index,
            const ObjectSpec *spec,
            gint64            owner)
{
  sqlite3_stmt *stmt;
  gint64 id;

  if (!check_keys (imp, obj, spec->fields))
    return FALSE;
  stmt = prepare (imp, spec->insert_sql);
  if (stmt == NULL)
    return FALSE;

  g_ptr_array_set_size (imp->row_names, 0);
  imp->pending_mark = imp->pending->len;
  if (spec->before != NULL && !spec->before (imp, obj, index, stmt))
    return FALSE;
  if (spec->owner_param > 0)
    sqlite3_bind_int64 (stmt, spec->owner_param, owner);
  if (spec->position_param > 0)
    sqlite3_bind_int64 (stmt, spec->position_param, index);

  if (!bind_fields (imp, obj, spec->fields, stmt) ||
      !check_range (imp, obj) ||
      !step_insert (imp, stmt, spec->duplicate))
    return FALSE;

  id = sqlite3_last_insert_rowid (_mh_store_get_db (imp->store));
  set_row_id (imp, id);
  if (spec->after != NULL && !spec->after (imp, obj, index, id))
    return FALSE;
  return import_children (imp, obj, spec->fields, id);
}

/* --- Importing the document -------------------------------------------------- */

static gboolean
check_format (Importer   *imp,
              JsonObject *doc)
{
  JsonNode *format = member (doc, "format");
  JsonNode *version = member (doc, "version");
  gint64 number;

  if (format == NULL)
    return fail (imp, NULL, MH_SITE_JSON_ERROR_INVALID,
                 _("missing required key “format”: this is not a Masthead site file"));
  if (!JSON_NODE_HOLDS_VALUE (format) || json_node_get_value_type (format) != G_TYPE_STRING ||
      !g_str_equal (json_node_get_string (format), MH_SITE_JSON_FORMAT))
    return fail (imp, "format", MH_SITE_JSON_ERROR_INVALID,
                 _("expected “%s”: this is not a Masthead site file"), MH_SITE_JSON_FORMAT);

  if (version == NULL)
    return fail (imp, NULL, MH_SITE_JSON_ERROR_INVALID, _("missing required key “%s”"), "version");
  if (!JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64)
    return fail (imp, "version", MH_SITE_JSON_ERROR_INVALID,
                 _("expected a whole number, found %s"), describe_node (version));

  number = json_node_get_int (version);
  if (number > MH_SITE_JSON_VERSION)
    return fail (imp, "version", MH_SITE_JSON_ERROR_INVALID,
                 _("this file is version %lld of the format and needs a newer Masthead "
                   "(this one reads version %d)"), (long long) number, MH_SITE_JSON_VERSION);
  if (number < 1)
    return fail (imp, "version", MH_SITE_JSON_ERROR_INVALID, _("unknown version %lld"),
                 (long long) number);
  return TRUE;
}

static gboolean
import_site (Importer   *imp,
             JsonObject *doc)
{
  JsonNode *node = member (doc, "site");
  JsonObject *site = NULL;
  gboolean ok;
  gsize len;

  if (node == NULL)
    return fail (imp, NULL, MH_SITE_JSON_ERROR_INVALID, _("missing required key “%s”"), "site");

  len = path_push_key (imp, "site");
  ok = expect_object (imp, NULL, node, &site) && import_row (imp, site, 0, &site_spec, 0);
  path_pop (imp, len);
  return ok;
}

static gboolean
import_top_array (Importer         *imp,
                  JsonObject       *doc,
                  const char       *key,
                  const ObjectSpec *spec)
{
  JsonNode *node = member (doc, key);
  gboolean ok;
  gsize len;

  if (is_absent (node))
    return TRUE;
  len = path_push_key (imp, key);
  ok = import_array (imp, node, spec, 0);
  path_pop (imp, len);
  return ok;
}

/* Entry → entry links, once every entry has its row. */
static gboolean
write_pending (Importer *imp)
{
  for (guint i = 0; i < imp->pending->len; i++)
    {
      Pending *pending = &g_array_index (imp->pending, Pending, i);
      sqlite3_stmt *stmt = prepare (imp, pending->sql);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, pending->owner);
      sqlite3_bind_int64 (stmt, 2, g_array_index (imp->entry_ids, gint64, pending->target));
      if (sqlite3_bind_parameter_count (stmt) >= 3)
        sqlite3_bind_int64 (stmt, 3, pending->position);
      if (!step_insert (imp, stmt, NULL))
        return FALSE;
    }
  return TRUE;
}

static gboolean
import_entries (Importer   *imp,
                JsonObject *doc)
{
  JsonNode *node = member (doc, "entries");
  JsonArray *entries = NULL;
  gboolean ok;
  gsize len;

  if (is_absent (node))
    return TRUE;

  len = path_push_key (imp, "entries");
  ok = expect_array (imp, NULL, node, &entries) &&
       collect_entry_slugs (imp, entries) &&
       import_array (imp, node, &entry_spec, 0);
  path_pop (imp, len);
  return ok && write_pending (imp);
}

/* Assets first: organisations, people and entries refer to them. */
static gboolean
import_document (Importer *imp,
                 JsonNode *root)
{
  JsonObject *doc = NULL;

  if (!expect_object (imp, NULL, root, &doc) ||
      !check_format (imp, doc) ||
      !check_keys (imp, doc, document_fields))
    return FALSE;

  return import_site (imp, doc) &&
         import_top_array (imp, doc, "vocabularies", &vocabulary_spec) &&
         import_top_array (imp, doc, "assets", &asset_spec) &&
         import_top_array (imp, doc, "organisations", &organisation_spec) &&
         import_top_array (imp, doc, "people", &person_spec) &&
         import_entries (imp, doc);
}

static gboolean
check_store_empty (MhStore  *store,
                   GError  **error)
{
  sqlite3_stmt *stmt;
  gboolean empty;
  g_autofree char *name = NULL;

  stmt = _mh_store_prepare (store,
                            "SELECT NOT (EXISTS (SELECT 1 FROM entries) OR "
                            "EXISTS (SELECT 1 FROM vocabularies) OR "
                            "EXISTS (SELECT 1 FROM assets) OR "
                            "EXISTS (SELECT 1 FROM organisations) OR "
                            "EXISTS (SELECT 1 FROM people))",
                            error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _mh_store_set_error (store, error, "read the site");
      sqlite3_reset (stmt);
      return FALSE;
    }
  empty = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (empty)
    return TRUE;

  name = g_filename_display_basename (mh_store_get_path (store));
  g_set_error (error, MH_STORE_ERROR, MH_STORE_ERROR_INVALID,
               _("“%s” already has content; a site file can only be imported into a new site"),
               name);
  return FALSE;
}

/* --- Dumping -------------------------------------------------------------------
 *
 * Rows are copied out of their statement before anything else is read:
 * building an object may run the same cached statement again (a term's
 * children), which would reset a statement still being stepped. */

static void
row_free (gpointer row)
{
  if (row != NULL)
    g_ptr_array_unref (row);
}

static GPtrArray *
snapshot_row (sqlite3_stmt *stmt)
{
  int n = sqlite3_column_count (stmt);
  GPtrArray *row = g_ptr_array_new_full (n, (GDestroyNotify) sqlite3_value_free);

  for (int i = 0; i < n; i++)
    g_ptr_array_add (row, sqlite3_value_dup (sqlite3_column_value (stmt, i)));
  return row;
}

static sqlite3_value *
row_value (GPtrArray *row,
           int        column)
{
  return g_ptr_array_index (row, column);
}

static const char *
row_text (GPtrArray *row,
          int        column)
{
  return (const char *) sqlite3_value_text (row_value (row, column));
}

static gint64
row_id (GPtrArray *row)
{
  return sqlite3_value_int64 (row_value (row, 0));
}

/* Every row of @sql, with ?1 bound to @text or else @owner. */
static GPtrArray *
select_rows (Dumper     *d,
             const char *sql,
             gint64      owner,
             const char *text)
{
  sqlite3_stmt *stmt = _mh_store_prepare (d->store, sql, &d->error);
  GPtrArray *rows;
  int rc;

  if (stmt == NULL)
    return NULL;
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  else if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, owner);

  rows = g_ptr_array_new_with_free_func (row_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, snapshot_row (stmt));
  if (rc != SQLITE_DONE)
    {
      _mh_store_set_error (d->store, &d->error, "read the site");
      g_clear_pointer (&rows, g_ptr_array_unref);
    }
  sqlite3_reset (stmt);
  return rows;
}

static JsonNode *
string_node (const char *str)
{
  return json_node_init_string (json_node_alloc (), str);
}

static JsonNode *
object_node (JsonObject *obj)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, obj);
  return node;
}

static JsonNode *
array_node (JsonArray *array)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (node, array);
  return node;
}

static JsonNode *
text_field_node (const Field *f,
                 const char  *text,
                 const char  *prefix)
{
  if (text == NULL || *text == '\0')
    return (f->flags & FIELD_REQUIRED) ? string_node ("") : NULL;
  if (prefix != NULL)
    {
      g_autofree char *full = g_strconcat (prefix, text, NULL);

      return string_node (full);
    }
  return string_node (text);
}

static JsonNode *
data_node (GPtrArray *row,
           int        column)
{
  sqlite3_value *value = row_value (row, column);
  g_autofree char *base64 = g_base64_encode (sqlite3_value_blob (value),
                                             sqlite3_value_bytes (value));

  return string_node (base64);
}

/* A JSON array kept as text in one column. */
static JsonNode *
strings_node (Dumper     *d,
              const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (text == NULL || *text == '\0')
    return NULL;
  node = json_from_string (text, &error);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (&d->error, MH_STORE_ERROR, MH_STORE_ERROR_CORRUPT,
                   _("A stored list is not a JSON array: %s"), text);
      return NULL;
    }
  if (json_array_get_length (json_node_get_array (node)) == 0)
    return NULL;
  return g_steal_pointer (&node);
}

static JsonObject *object_from_row (Dumper      *d,
                                    const Field *fields,
                                    GPtrArray   *row);

static JsonArray *
dump_rows (Dumper           *d,
           const ObjectSpec *spec,
           gint64            owner)
{
  g_autoptr(GPtrArray) rows = select_rows (d, spec->select_sql, owner, NULL);
  g_autoptr(JsonArray) array = NULL;

  if (rows == NULL)
    return NULL;

  array = json_array_sized_new (rows->len);
  for (guint i = 0; i < rows->len; i++)
    {
      JsonObject *obj = NULL;

      if (g_cancellable_set_error_if_cancelled (d->cancellable, &d->error))
        return NULL;
      obj = object_from_row (d, spec->fields, g_ptr_array_index (rows, i));
      if (obj == NULL)
        return NULL;
      json_array_add_object_element (array, obj);
      g_clear_pointer (&g_ptr_array_index (rows, i), g_ptr_array_unref);
    }
  return g_steal_pointer (&array);
}

static JsonNode *
rows_node (Dumper           *d,
           const ObjectSpec *spec,
           gint64            owner)
{
  JsonArray *array = dump_rows (d, spec, owner);

  if (array != NULL && json_array_get_length (array) > 0)
    return array_node (array);
  g_clear_pointer (&array, json_array_unref);
  return NULL;
}

static JsonNode *
list_node (Dumper     *d,
           const char *sql,
           gint64      owner)
{
  g_autoptr(GPtrArray) rows = select_rows (d, sql, owner, NULL);
  JsonArray *array = NULL;

  if (rows == NULL || rows->len == 0)
    return NULL;
  array = json_array_sized_new (rows->len);
  for (guint i = 0; i < rows->len; i++)
    if (row_text (g_ptr_array_index (rows, i), 0) != NULL)
      json_array_add_string_element (array, row_text (g_ptr_array_index (rows, i), 0));
  return array_node (array);
}

/* Grouped by vocabulary, in the order each vocabulary first occurs. */
static JsonNode *
entry_terms_node (Dumper *d,
                  gint64  entry_id)
{
  g_autoptr(GPtrArray) rows = select_rows (d, ENTRY_TERMS_SELECT, entry_id, NULL);
  JsonObject *obj = NULL;

  if (rows == NULL || rows->len == 0)
    return NULL;

  obj = json_object_new ();
  for (guint i = 0; i < rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (rows, i);
      const char *vocab = row_text (row, 0);

      if (!json_object_has_member (obj, vocab))
        json_object_set_array_member (obj, vocab, json_array_new ());
      json_array_add_string_element (json_object_get_array_member (obj, vocab),
                                     row_text (row, 1));
    }
  return object_node (obj);
}

static JsonNode *
translations_node (Dumper *d,
                   gint64  term_id)
{
  g_autoptr(GPtrArray) rows = select_rows (d, translation_spec.select_sql, term_id, NULL);
  g_autoptr(JsonObject) obj = NULL;

  if (rows == NULL || rows->len == 0)
    return NULL;

  obj = json_object_new ();
  for (guint i = 0; i < rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (rows, i);
      JsonObject *translation = object_from_row (d, translation_fields, row);

      if (translation == NULL)
        return NULL;
      json_object_set_object_member (obj, row_text (row, 0), translation);
    }
  return object_node (g_steal_pointer (&obj));
}

static JsonNode *
nested_node (Dumper      *d,
             const Field *f,
             GPtrArray   *row)
{
  JsonObject *obj = NULL;

  if (f->kind != NULL && g_strcmp0 (d->kind, f->kind) != 0)
    return NULL;
  obj = object_from_row (d, f->fields, row);
  if (obj != NULL && json_object_get_size (obj) > 0)
    return object_node (obj);
  g_clear_pointer (&obj, json_object_unref);
  return NULL;
}

/* The value of @f in @row, or NULL when the key is left out. */
static JsonNode *
field_to_node (Dumper      *d,
               const Field *f,
               GPtrArray   *row)
{
  switch (f->type)
    {
    case FIELD_BOOL:
      if (sqlite3_value_int (row_value (row, f->param)) == 0)
        return NULL;
      return json_node_init_boolean (json_node_alloc (), TRUE);

    case FIELD_COUNT:
      if (sqlite3_value_type (row_value (row, f->param)) == SQLITE_NULL)
        return NULL;
      return json_node_init_int (json_node_alloc (),
                                 sqlite3_value_int64 (row_value (row, f->param)));

    case FIELD_DATA:
      return data_node (row, f->param);

    case FIELD_STRINGS:
    case FIELD_LANGUAGES:
      return strings_node (d, row_text (row, f->param));

    case FIELD_ASSET_URI:
      return text_field_node (f, row_text (row, f->param), ASSET_PREFIX);

    case FIELD_KIND:
      d->kind = row_text (row, f->param);
      return text_field_node (f, d->kind, NULL);

    case FIELD_TEXT:
    case FIELD_ENUM:
    case FIELD_SLUG:
    case FIELD_ALIAS:
    case FIELD_KEY:
    case FIELD_LANGUAGE:
    case FIELD_DATE:
    case FIELD_URL:
    case FIELD_TIME_ZONE:
    case FIELD_MEDIA_TYPE:
    case FIELD_REF:
    case FIELD_COUNTRY:
    case FIELD_ENTRY:
      return text_field_node (f, row_text (row, f->param), NULL);

    case FIELD_OBJECT:
      return nested_node (d, f, row);
    case FIELD_ROWS:
      return rows_node (d, f->spec, row_id (row));
    case FIELD_LIST:
      return list_node (d, f->select, row_id (row));
    case FIELD_TERMS:
      return entry_terms_node (d, row_id (row));
    case FIELD_TRANSLATIONS:
      return translations_node (d, row_id (row));
    }

  g_assert_not_reached ();
}

static JsonObject *
object_from_row (Dumper      *d,
                 const Field *fields,
                 GPtrArray   *row)
{
  g_autoptr(JsonObject) obj = json_object_new ();

  for (const Field *f = fields; f->key != NULL; f++)
    {
      JsonNode *node = field_to_node (d, f, row);

      if (d->error != NULL)
        {
          g_clear_pointer (&node, json_node_unref);
          return NULL;
        }
      if (node != NULL)
        json_object_set_member (obj, f->key, node);
    }
  return g_steal_pointer (&obj);
}

static JsonObject *
dump_site (Dumper *d)
{
  g_autoptr(GPtrArray) rows = select_rows (d, site_spec.select_sql, 0, NULL);

  if (rows == NULL)
    return NULL;
  return object_from_row (d, site_spec.fields, g_ptr_array_index (rows, 0));
}

static JsonObject *
dump_document (Dumper *d)
{
  static const struct
  {
    const char       *key;
    const ObjectSpec *spec;
  } arrays[] = {
    { "vocabularies", &vocabulary_spec },
    { "organisations", &organisation_spec },
    { "people", &person_spec },
    { "assets", &asset_spec },
    { "entries", &entry_spec },
  };
  g_autoptr(JsonObject) doc = json_object_new ();
  JsonObject *site = NULL;

  json_object_set_string_member (doc, "format", MH_SITE_JSON_FORMAT);
  json_object_set_int_member (doc, "version", MH_SITE_JSON_VERSION);
  site = dump_site (d);
  if (site == NULL)
    return NULL;
  json_object_set_object_member (doc, "site", site);

  for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
    {
      JsonNode *node = rows_node (d, arrays[i].spec, 0);

      if (d->error != NULL)
        return NULL;
      if (node != NULL)
        json_object_set_member (doc, arrays[i].key, node);
    }
  return g_steal_pointer (&doc);
}

/* One read transaction, so that the dump is a consistent snapshot even
 * while another connection writes; inside the caller's own transaction,
 * that one is used. */
static gboolean
begin_read (MhStore   *store,
            gboolean  *started,
            GError   **error)
{
  sqlite3 *db = _mh_store_get_db (store);

  *started = FALSE;
  if (sqlite3_get_autocommit (db) == 0)
    return TRUE;
  if (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
    {
      _mh_store_set_error (store, error, "read the site");
      return FALSE;
    }
  *started = TRUE;
  return TRUE;
}

static void
end_read (MhStore  *store,
          gboolean  started)
{
  if (started)
    sqlite3_exec (_mh_store_get_db (store), "COMMIT", NULL, NULL, NULL);
}

static char *
dump_string (MhStore       *store,
             GCancellable  *cancellable,
             gsize         *len,
             GError       **error)
{
  Dumper d = { store, cancellable, NULL, NULL };
  g_autoptr(JsonObject) doc = NULL;
  gboolean started;
  GString *out;

  if (!begin_read (store, &started, error))
    return NULL;
  doc = dump_document (&d);
  end_read (store, started);
  if (doc == NULL)
    {
      g_propagate_error (error, d.error);
      return NULL;
    }

  out = g_string_new (NULL);
  write_object (out, doc, 0);
  g_string_append_c (out, '\n');
  if (len != NULL)
    *len = out->len;
  return g_string_free (out, FALSE);
}

/* --- Files ----------------------------------------------------------------------- */

static void
remove_site_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      g_unlink (name);
    }
}

static gboolean
target_free (const char  *path,
             GError     **error)
{
  g_autofree char *name = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    return TRUE;
  name = g_filename_display_name (path);
  g_set_error (error, MH_STORE_ERROR, MH_STORE_ERROR_EXISTS,
               _("“%s” already exists. Choose another name; an import never replaces a site."),
               name);
  return FALSE;
}

/* A name beside @path (same folder, so that the final rename stays on one
 * file system) that nothing uses yet. */
static char *
temp_path_beside (const char *path)
{
  for (;;)
    {
      g_autofree char *tmp = g_strdup_printf ("%s.import-%06x", path, g_random_int () & 0xffffff);
      g_autofree char *wal = g_strconcat (tmp, "-wal", NULL);

      if (!g_file_test (tmp, G_FILE_TEST_EXISTS) && !g_file_test (wal, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&tmp);
    }
}

/* The store is closed: its write-ahead log must have been folded into the
 * file (SQLite does so when the last connection closes). */
static gboolean
check_closed (const char  *tmp,
              GError     **error)
{
  g_autofree char *wal = g_strconcat (tmp, "-wal", NULL);
  g_autofree char *shm = g_strconcat (tmp, "-shm", NULL);
  GStatBuf st;

  if (g_stat (wal, &st) == 0 && st.st_size > 0)
    {
      g_set_error (error, MH_STORE_ERROR, MH_STORE_ERROR_FAILED,
                   _("The new site could not be finished: its write-ahead log was not "
                     "written back. Try again."));
      return FALSE;
    }
  g_unlink (wal);
  g_unlink (shm);
  return TRUE;
}

/* Like rename(), but never replaces a file that appeared meanwhile. */
static gboolean
move_into_place (const char  *tmp,
                 const char  *path,
                 GError     **error)
{
  g_autofree char *name = NULL;
  int saved;

  if (link (tmp, path) == 0)
    {
      g_unlink (tmp);
      return TRUE;
    }
  if (errno == EEXIST || !target_free (path, error))
    return target_free (path, error);

  /* File systems without hard links (FAT, some network shares). */
  if (g_rename (tmp, path) == 0)
    return TRUE;
  saved = errno;
  name = g_filename_display_name (path);
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
               _("Could not write “%s”: %s"), name, g_strerror (saved));
  return FALSE;
}

/* --- Public API ---------------------------------------------------------------- */

/**
 * mh_site_json_import_bytes:
 * @store: a new, empty store that is not inside a transaction
 * @json: the site-json document (see docs/site-json.md)
 * @source_name: (nullable): how to name the document in messages, such as
 *   its file's base name; "site.json" when %NULL
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Imports a whole site into @store in one transaction. On any problem the
 * transaction is rolled back, @store stays empty, and @error (usually in
 * %MH_SITE_JSON_ERROR) starts with @source_name and the JSON path of the
 * problem, such as "site.json: $.entries[2].kind: unknown value …".
 *
 * Returns: %TRUE on success
 */
gboolean
mh_site_json_import_bytes (MhStore       *store,
                           GBytes        *json,
                           const char    *source_name,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(JsonNode) root = NULL;
  Importer imp;
  gboolean ok;

  g_return_val_if_fail (MH_IS_STORE (store), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_mh_store_check_writable (store, error) || !check_store_empty (store, error))
    return FALSE;

  importer_init (&imp, store, source_name != NULL ? source_name : "site.json", cancellable);
  root = parse_document (&imp, json);
  ok = root != NULL && mh_store_begin (store, &imp.error);
  if (ok && import_document (&imp, root))
    {
      _mh_store_emit_changed (store);
      ok = mh_store_commit (store, &imp.error);
    }
  else if (ok)
    {
      mh_store_rollback (store);
      ok = FALSE;
    }

  if (!ok && imp.error == NULL)
    g_set_error (&imp.error, MH_STORE_ERROR, MH_STORE_ERROR_FAILED,
                 _("%s: could not start the import"), imp.source);
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&imp.error));
  importer_clear (&imp);

  if (ok)
    g_object_notify (G_OBJECT (store), "title");
  return ok;
}

/**
 * mh_site_json_import_file:
 * @json_path: a site-json file
 * @site_path: the site file to create; it must not exist
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Creates the site @site_path from @json_path. The site is built in a
 * temporary file beside @site_path and only renamed into place once
 * complete, so that a failure leaves nothing behind, and an existing
 * @site_path is never touched (%MH_STORE_ERROR_EXISTS).
 *
 * Returns: %TRUE on success
 */
gboolean
mh_site_json_import_file (const char    *json_path,
                          const char    *site_path,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(MhStore) store = NULL;
  g_autofree char *source = NULL;
  g_autofree char *tmp = NULL;
  gboolean ok;

  g_return_val_if_fail (json_path != NULL, FALSE);
  g_return_val_if_fail (site_path != NULL, FALSE);

  if (!target_free (site_path, error))
    return FALSE;

  file = g_file_new_for_path (json_path);
  bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (bytes == NULL)
    return FALSE;

  source = g_filename_display_basename (json_path);
  tmp = temp_path_beside (site_path);
  store = mh_store_create (tmp, error);
  ok = store != NULL && mh_site_json_import_bytes (store, bytes, source, cancellable, error);
  g_clear_object (&store);

  ok = ok && check_closed (tmp, error) && move_into_place (tmp, site_path, error);
  if (!ok)
    remove_site_files (tmp);
  return ok;
}

/**
 * mh_site_json_dump_to_string:
 * @store: a store
 * @error: return location for an error
 *
 * Writes the whole site as a canonical site-json document: the same site
 * always gives the same bytes, and importing them gives the same site.
 *
 * Returns: (transfer full) (nullable): the document, ending with a newline
 */
char *
mh_site_json_dump_to_string (MhStore  *store,
                             GError  **error)
{
  g_return_val_if_fail (MH_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return dump_string (store, NULL, NULL, error);
}

/**
 * mh_site_json_dump:
 * @store: a store
 * @out: where to write the document
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Like mh_site_json_dump_to_string(), written to @out (which stays open).
 *
 * Returns: %TRUE on success
 */
gboolean
mh_site_json_dump (MhStore        *store,
                   GOutputStream  *out,
                   GCancellable   *cancellable,
                   GError        **error)
{
  g_autofree char *text = NULL;
  gsize len = 0;

  g_return_val_if_fail (MH_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  text = dump_string (store, cancellable, &len, error);
  if (text == NULL)
    return FALSE;
  return g_output_stream_write_all (out, text, len, NULL, cancellable, error);
}

/**
 * mh_site_json_entry_node:
 * @store: a store
 * @slug: an entry's slug
 * @error: return location for an error
 *
 * The object of one entry exactly as mh_site_json_dump() writes it.
 *
 * Returns: (transfer full) (nullable): the entry object, or %NULL with
 *   %MH_STORE_ERROR_NOT_FOUND when no entry has @slug
 */
JsonNode *
mh_site_json_entry_node (MhStore     *store,
                         const char  *slug,
                         GError     **error)
{
  Dumper d = { store, NULL, NULL, NULL };
  g_autoptr(GPtrArray) rows = NULL;
  JsonObject *obj = NULL;
  gboolean started;

  g_return_val_if_fail (MH_IS_STORE (store), NULL);
  g_return_val_if_fail (slug != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!begin_read (store, &started, error))
    return NULL;
  rows = select_rows (&d, ENTRY_SELECT "WHERE e.slug = ?1", 0, slug);
  if (rows != NULL && rows->len > 0)
    obj = object_from_row (&d, entry_fields, g_ptr_array_index (rows, 0));
  end_read (store, started);

  if (d.error != NULL)
    {
      g_propagate_error (error, d.error);
      return NULL;
    }
  if (obj == NULL)
    {
      g_set_error (error, MH_STORE_ERROR, MH_STORE_ERROR_NOT_FOUND,
                   _("There is no entry “%s”"), slug);
      return NULL;
    }
  return object_node (obj);
}

/**
 * mh_site_json_node_to_string:
 * @node: a JSON node, such as one from mh_site_json_entry_node()
 *
 * Formats @node the way mh_site_json_dump() writes: two-space indentation,
 * `"key": value`, one array element per line, and a final newline.
 *
 * Returns: (transfer full): the text
 */
char *
mh_site_json_node_to_string (JsonNode *node)
{
  GString *out;

  g_return_val_if_fail (node != NULL, NULL);

  out = g_string_new (NULL);
  write_node (out, node, 0);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}
