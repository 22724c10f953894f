/* mh-store.c: one site, one SQLite file
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mh-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "mh-core-resources.h"
#include "mh-slug.h"
#include "mh-store-private.h"

/* "MHST": marks a SQLite file as a Masthead site (PRAGMA application_id). */
#define MH_APPLICATION_ID 1296585556 /* 0x4d485354 */
#define BUSY_TIMEOUT_MS 2000
#define SQL_RESOURCE_DIR RESOURCE_BASE "/sql/"
/* The oldest schema read as it is when the file cannot be updated: 0002
 * only added prefix indexes to the search, whose queries a file without
 * them answers alike, only more slowly for words of one or two letters. */
#define OLDEST_READABLE_SCHEMA 1

struct _MhStore
{
  GObject     parent_instance;

  /* owned */
  sqlite3    *db;
  GHashTable *statements;   /* SQL text → sqlite3_stmt, finalized on dispose */
  char       *path;
  char       *read_only_reason;

  /* state */
  guint       read_only : 1;
  guint       in_transaction : 1;
  guint       changed_in_transaction : 1;
};

G_DEFINE_FINAL_TYPE (MhStore, mh_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_READ_ONLY,
  PROP_READ_ONLY_REASON,
  PROP_TITLE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

void
_mh_core_register_resources (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      mh_core_register_resource ();
      g_once_init_leave (&once, 1);
    }
}

static char *
display_name (const char *path)
{
  return g_filename_display_basename (path);
}

/* Maps a SQLite failure onto our error domain with a message that says
 * what went wrong with which file and what to do. */
void
_mh_store_set_error (MhStore     *self,
                     GError     **error,
                     const char  *what)
{
  g_autofree char *name = display_name (self->path);
  int rc = sqlite3_extended_errcode (self->db) & 0xff;
  const char *detail = sqlite3_errmsg (self->db);

  switch (rc)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, MH_STORE_ERROR, MH_STORE_ERROR_LOCKED,
                   _("“%s” is being changed by another program. Close the other program "
                     "or wait a moment, then try again."), name);
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, MH_STORE_ERROR, MH_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged (%s). Restore it from a backup, or run "
                     "“masthead-cli check” to see what is wrong."), name, detail);
      break;

    case SQLITE_READONLY:
      g_set_error (error, MH_STORE_ERROR, MH_STORE_ERROR_READ_ONLY,
                   _("“%s” cannot be written (%s)."), name, detail);
      break;

    case SQLITE_CONSTRAINT:
      g_set_error (error, MH_STORE_ERROR, MH_STORE_ERROR_INVALID,
                   _("Could not %s in “%s”: %s"), what, name, detail);
      break;

    default:
      g_set_error (error, MH_STORE_ERROR, MH_STORE_ERROR_FAILED,
                   _("Could not %s in “%s”: %s"), what, name, detail);
      break;
    }
}

sqlite3 *
_mh_store_get_db (MhStore *self)
{
  g_return_val_if_fail (MH_IS_STORE (self), NULL);
  return self->db;
}

/* Returns a cached statement, reset and with its bindings cleared. It stays
 * owned by the store: never finalize it, and reset it when done stepping
 * (or let _mh_store_step_done() do so). */
sqlite3_stmt *
_mh_store_prepare (MhStore     *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MH_IS_STORE (self), NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      g_critical ("Failed to prepare “%s”: %s", sql, sqlite3_errmsg (self->db));
      _mh_store_set_error (self, error, "read the site");
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/* Steps a statement that returns no rows, then resets it. */
gboolean
_mh_store_step_done (MhStore       *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _mh_store_set_error (self, error, "save the change");
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

const char *
_mh_stmt_text (sqlite3_stmt *stmt,
               int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

gboolean
_mh_store_check_writable (MhStore  *self,
                          GError  **error)
{
  g_autofree char *name = NULL;

  if (!self->read_only)
    return TRUE;

  name = display_name (self->path);
  g_set_error (error, MH_STORE_ERROR, MH_STORE_ERROR_READ_ONLY,
               _("“%s” is open read-only: %s"), name,
               self->read_only_reason ? self->read_only_reason
                                      : _("it was opened for reading only."));
  return FALSE;
}

void
_mh_store_emit_changed (MhStore *self)
{
  if (self->in_transaction)
    self->changed_in_transaction = TRUE;
  else
    g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
exec (MhStore     *self,
      const char  *sql,
      const char  *what,
      GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      _mh_store_set_error (self, error, what);
      return FALSE;
    }
  return TRUE;
}

static gboolean
query_int (MhStore     *self,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK ||
      ((rc = sqlite3_step (stmt)) != SQLITE_ROW && rc != SQLITE_DONE))
    {
      _mh_store_set_error (self, error, "read the site");
      return FALSE;
    }

  *value = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

/* --- Looking at a file before SQLite touches it ----------------------- */

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Refuses files that SQLite would either reject late or, worse, silently
 * treat as a new empty database (an empty file), and files shorter than
 * their own header says (truncated copies). Reads 100 bytes; writes none. */
static gboolean
inspect_file (const char  *path,
              GError     **error)
{
  g_autofree char *name = display_name (path);
  guint8 header[100];
  GStatBuf st;
  guint32 page_size, page_count;
  gssize n;
  int fd;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, MH_STORE_ERROR,
                   saved == ENOENT ? MH_STORE_ERROR_NOT_FOUND : MH_STORE_ERROR_FAILED,
                   saved == ENOENT
                   ? _("“%s” does not exist. Check the name, or create a new site.")
                   : _("Could not open “%s”: %s"),
                   name, g_strerror (saved));
      return FALSE;
    }

  if (!S_ISREG (st.st_mode) || st.st_size < (goffset) sizeof header)
    {
      g_set_error (error, MH_STORE_ERROR, MH_STORE_ERROR_NOT_A_SITE,
                   st.st_size == 0 && S_ISREG (st.st_mode)
                   ? _("“%s” is an empty file, not a Masthead site. Choose a .masthead file.")
                   : _("“%s” is not a Masthead site. Choose a .masthead file."),
                   name);
      return FALSE;
    }

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  n = fd < 0 ? -1 : read (fd, header, sizeof header);
  if (fd >= 0)
    close (fd);
  if (n != (gssize) sizeof header)
    {
      g_set_error (error, MH_STORE_ERROR, MH_STORE_ERROR_FAILED,
                   _("Could not read “%s”: %s"), name, g_strerror (errno));
      return FALSE;
    }

  if (memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, MH_STORE_ERROR, MH_STORE_ERROR_NOT_A_SITE,
                   _("“%s” is not a Masthead site: it is not an SQLite database. "
                     "Choose a .masthead file made by Masthead."), name);
      return FALSE;
    }

  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  page_count = read_be32 (header + 28);

  /* The in-header size is only trusted when its "valid for" counter
   * matches the change counter (file format, section 1.3.7). */
  if (page_size < 512 || (page_size & (page_size - 1)) != 0 ||
      st.st_size % page_size != 0 ||
      (read_be32 (header + 92) == read_be32 (header + 24) &&
       (goffset) page_count * page_size > st.st_size))
    {
      g_autofree char *have = g_strdup_printf ("%" G_GOFFSET_FORMAT, (goffset) st.st_size);
      g_autofree char *want = g_strdup_printf ("%" G_GOFFSET_FORMAT,
                                               (goffset) page_count * page_size);

      g_set_error (error, MH_STORE_ERROR, MH_STORE_ERROR_CORRUPT,
                   /* Translators: the file name, then two numbers of bytes */
                   _("“%s” is damaged: it is shorter than its own header says "
                     "(%s of %s bytes), perhaps an interrupted copy. Restore it from "
                     "a backup."),
                   name, have, want);
      return FALSE;
    }

  return TRUE;
}

/* Root may write anywhere, so the permission bits are read as well: a file
 * that its owner marked read-only is treated as such. */
static gboolean
file_is_writable (const char *path)
{
  GStatBuf st;

  if (g_access (path, W_OK) != 0)
    return FALSE;
  if (g_stat (path, &st) == 0 && (st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
    return FALSE;
  return TRUE;
}

/* --- Migrations --------------------------------------------------------- */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
apply_migrations (MhStore  *self,
                  gint64    from_version,
                  GError  **error)
{
  g_auto(GStrv) names = NULL;
  gint64 version = from_version;
  guint n;

  names = g_resources_enumerate_children (SQL_RESOURCE_DIR, 0, error);
  if (names == NULL)
    return FALSE;

  n = g_strv_length (names);
  qsort (names, n, sizeof (char *), compare_names);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *resource = g_strconcat (SQL_RESOURCE_DIR, names[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *sql = NULL;
      g_autofree char *pragma = NULL;
      gint64 step = g_ascii_strtoll (names[i], NULL, 10);

      if (step <= version)
        continue;

      bytes = g_resources_lookup_data (resource, 0, error);
      if (bytes == NULL)
        return FALSE;
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      pragma = g_strdup_printf ("PRAGMA user_version = %" G_GINT64_FORMAT, step);

      if (!exec (self, sql, "update the file format", error) ||
          !exec (self, pragma, "update the file format", error))
        return FALSE;
      version = step;
    }

  g_assert (version == MH_STORE_SCHEMA_VERSION);
  return TRUE;
}

/* Takes the write lock, brings the schema up to date, and leaves the
 * file in WAL mode. */
static gboolean
prepare_for_writing (MhStore  *self,
                     gint64    version,
                     GError  **error)
{
  if (!exec (self, "BEGIN IMMEDIATE", "open the site", error))
    return FALSE;

  if (version < MH_STORE_SCHEMA_VERSION)
    {
      if ((version == 0 && !exec (self, "PRAGMA application_id = " G_STRINGIFY (MH_APPLICATION_ID),
                                  "create the site", error)) ||
          !apply_migrations (self, version, error))
        {
          exec (self, "ROLLBACK", "open the site", NULL);
          return FALSE;
        }
    }

  if (!exec (self, "COMMIT", "open the site", error))
    {
      exec (self, "ROLLBACK", "open the site", NULL);
      return FALSE;
    }

  return exec (self, "PRAGMA journal_mode = WAL", "open the site", error);
}

static gboolean
check_identity (MhStore  *self,
                gint64   *version,
                GError  **error)
{
  g_autofree char *name = display_name (self->path);
  gint64 app_id = 0, n_tables = 0;

  if (!query_int (self, "PRAGMA application_id", &app_id, error) ||
      !query_int (self, "PRAGMA user_version", version, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &n_tables, error))
    return FALSE;

  if (app_id != MH_APPLICATION_ID)
    {
      g_set_error (error, MH_STORE_ERROR, MH_STORE_ERROR_NOT_A_SITE,
                   n_tables == 0
                   ? _("“%s” is an empty SQLite database, not a Masthead site. "
                       "Choose a .masthead file made by Masthead.")
                   : _("“%s” is an SQLite database of another program, not a Masthead "
                       "site. Choose a .masthead file made by Masthead."),
                   name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
open_connection (MhStore  *self,
                 int       flags,
                 GError  **error)
{
  g_autofree char *name = display_name (self->path);

  if (sqlite3_open_v2 (self->path, &self->db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      g_set_error (error, MH_STORE_ERROR, MH_STORE_ERROR_FAILED,
                   _("Could not open “%s”: %s"), name,
                   self->db ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  /* Reading pages through a memory map rather than one read(2) each:
   * an export reads the whole file. */
  exec (self, "PRAGMA mmap_size = 1073741824", "open the site", NULL);
  if (!_mh_store_register_search (self->db))
    {
      _mh_store_set_error (self, error, "open the site");
      return FALSE;
    }
  return exec (self, "PRAGMA foreign_keys = ON", "open the site", error);
}

static MhStore *
store_new (const char *path)
{
  _mh_core_register_resources ();
  return g_object_new (MH_TYPE_STORE, "path", path, NULL);
}

static MhStore *
open_existing (const char  *path,
               gboolean     force_read_only,
               GError     **error)
{
  g_autoptr(MhStore) self = NULL;
  gboolean writable_file;
  gint64 version = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!inspect_file (path, error))
    return NULL;

  self = store_new (path);

  /* A reason is given only when the file itself cannot be written; a
   * store opened for reading only has none. */
  self->read_only = force_read_only;
  if (!file_is_writable (path))
    {
      self->read_only = TRUE;
      self->read_only_reason = g_strdup (_("the file is read-only. Changes cannot be saved; "
                                           "make a copy to edit it."));
    }

  writable_file = self->read_only_reason == NULL;
  if (!open_connection (self, writable_file ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY,
                        error) ||
      !check_identity (self, &version, error))
    return NULL;

  if (version > MH_STORE_SCHEMA_VERSION)
    {
      self->read_only = TRUE;
      if (self->read_only_reason == NULL)
        self->read_only_reason =
          g_strdup_printf (_("it was made by a newer version of Masthead (file format "
                             "%d; this version writes format %d). Update Masthead to "
                             "edit it."),
                           (int) MIN (version, G_MAXINT), MH_STORE_SCHEMA_VERSION);
    }

  /* A writable file opened for reading keeps a read-write connection that
   * SQLite itself refuses to write with: unlike a read-only connection, it
   * removes the -wal and -shm files it made when it closes. */
  if (self->read_only && writable_file &&
      !exec (self, "PRAGMA query_only = ON", "open the site", error))
    return NULL;
  else if (!self->read_only && !prepare_for_writing (self, version, error))
    return NULL;
  else if (self->read_only && version < OLDEST_READABLE_SCHEMA)
    {
      g_autofree char *name = display_name (path);

      g_set_error (error, MH_STORE_ERROR, MH_STORE_ERROR_READ_ONLY,
                   _("“%s” is in an older file format and needs updating, but it "
                     "cannot be written now. Open it for editing once to update it."),
                   name);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/* --- GObject -------------------------------------------------------------- */

static void
mh_store_finalize (GObject *object)
{
  MhStore *self = (MhStore *) object;

  /* Statements first: a connection with open statements cannot close. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      if (!self->read_only)
        sqlite3_exec (self->db, "PRAGMA optimize", NULL, NULL, NULL);
      sqlite3_close (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->read_only_reason, g_free);

  G_OBJECT_CLASS (mh_store_parent_class)->finalize (object);
}

static void
mh_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  MhStore *self = MH_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    case PROP_READ_ONLY_REASON:
      g_value_set_string (value, self->read_only_reason);
      break;

    case PROP_TITLE:
      g_value_take_string (value, mh_store_dup_title (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mh_store_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  MhStore *self = MH_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mh_store_class_init (MhStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mh_store_finalize;
  object_class->get_property = mh_store_get_property;
  object_class->set_property = mh_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY_REASON] =
    g_param_spec_string ("read-only-reason", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MhStore::changed:
   *
   * Emitted after a change was committed to the file.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
mh_store_init (MhStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
}

/* --- Public API ----------------------------------------------------------- */

/**
 * mh_store_create:
 * @path: where to create the site file; it must not exist yet
 * @error: return location for an error
 *
 * Creates an empty site of the current schema version, in WAL mode.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
MhStore *
mh_store_create (const char  *path,
                 GError     **error)
{
  g_autoptr(MhStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = display_name (path);

      g_set_error (error, MH_STORE_ERROR, MH_STORE_ERROR_EXISTS,
                   _("“%s” already exists. Choose another name, or open it instead."), name);
      return NULL;
    }

  self = store_new (path);
  if (!open_connection (self, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error) ||
      !prepare_for_writing (self, 0, error))
    {
      g_clear_object (&self);
      g_unlink (path);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * mh_store_open:
 * @path: a `.masthead` file
 * @error: return location for an error
 *
 * Opens an existing site for editing, updating an older schema in one
 * transaction. A file that cannot be written (permissions, or a schema
 * newer than this program) opens read-only; see
 * mh_store_get_read_only_reason(). An older schema that cannot be updated
 * then is read as it is: schema 1 lacks only the search's prefix indexes,
 * so its searches give the same results, more slowly for words of one or
 * two letters. A file that is not a site, is damaged,
 * or is locked by another writer gives an error and stays unchanged.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
MhStore *
mh_store_open (const char  *path,
               GError     **error)
{
  return open_existing (path, FALSE, error);
}

/**
 * mh_store_open_read_only:
 * @path: a `.masthead` file
 * @error: return location for an error
 *
 * Like mh_store_open(), but never writes to the file, so an older schema
 * is read as it is, without being updated.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
MhStore *
mh_store_open_read_only (const char  *path,
                         GError     **error)
{
  return open_existing (path, TRUE, error);
}

/**
 * mh_store_get_path:
 * @self: a store
 *
 * Returns: (transfer none): the file name of the site
 */
const char *
mh_store_get_path (MhStore *self)
{
  g_return_val_if_fail (MH_IS_STORE (self), NULL);
  return self->path;
}

/**
 * mh_store_get_read_only:
 * @self: a store
 *
 * Returns: %TRUE when changes cannot be saved
 */
gboolean
mh_store_get_read_only (MhStore *self)
{
  g_return_val_if_fail (MH_IS_STORE (self), TRUE);
  return self->read_only;
}

/**
 * mh_store_get_read_only_reason:
 * @self: a store
 *
 * Returns: (transfer none) (nullable): why the file cannot be written (its
 *   permissions, or a newer file format), as a sentence fragment for people;
 *   %NULL when it can be, even if this store was opened for reading only
 */
const char *
mh_store_get_read_only_reason (MhStore *self)
{
  g_return_val_if_fail (MH_IS_STORE (self), NULL);
  return self->read_only_reason;
}

/**
 * mh_store_get_setting:
 * @self: a store
 * @key: a setting such as `title` or `base_url`
 *
 * Returns: (transfer full) (nullable): the value, or %NULL when unset
 */
char *
mh_store_get_setting (MhStore    *self,
                      const char *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (MH_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = _mh_store_prepare (self, "SELECT value FROM settings WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup (_mh_stmt_text (stmt, 0));
  sqlite3_reset (stmt);

  return value;
}

/**
 * mh_store_set_setting:
 * @self: a store
 * @key: a setting
 * @value: (nullable): the value, or %NULL to unset it
 * @error: return location for an error
 *
 * Returns: %TRUE on success
 */
gboolean
mh_store_set_setting (MhStore     *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (MH_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!_mh_store_check_writable (self, error))
    return FALSE;

  if (value == NULL)
    stmt = _mh_store_prepare (self, "DELETE FROM settings WHERE key = ?1", error);
  else
    stmt = _mh_store_prepare (self,
                              "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (value != NULL)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  if (!_mh_store_step_done (self, stmt, error))
    return FALSE;

  if (g_str_equal (key, "title"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  _mh_store_emit_changed (self);
  return TRUE;
}

/**
 * mh_store_dup_title:
 * @self: a store
 *
 * Returns: (transfer full): the site's title, or the file name when the
 *   site has none
 */
char *
mh_store_dup_title (MhStore *self)
{
  char *title;

  g_return_val_if_fail (MH_IS_STORE (self), NULL);

  title = mh_store_get_setting (self, "title");
  if (title == NULL || *title == '\0')
    {
      g_free (title);
      title = display_name (self->path);
    }
  return title;
}

/**
 * mh_store_set_title:
 * @self: a store
 * @title: the site's title
 * @error: return location for an error
 *
 * Returns: %TRUE on success
 */
gboolean
mh_store_set_title (MhStore     *self,
                    const char  *title,
                    GError     **error)
{
  return mh_store_set_setting (self, "title", title, error);
}

/**
 * mh_store_begin:
 * @self: a store
 * @error: return location for an error
 *
 * Starts a write transaction; end it with mh_store_commit() or
 * mh_store_rollback(). The ::changed signal waits for the commit.
 *
 * Returns: %TRUE on success
 */
gboolean
mh_store_begin (MhStore  *self,
                GError  **error)
{
  g_return_val_if_fail (MH_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);

  if (!_mh_store_check_writable (self, error) ||
      !exec (self, "BEGIN IMMEDIATE", "start a change", error))
    return FALSE;

  self->in_transaction = TRUE;
  self->changed_in_transaction = FALSE;
  return TRUE;
}

/**
 * mh_store_commit:
 * @self: a store
 * @error: return location for an error
 *
 * Returns: %TRUE when the transaction reached the file
 */
gboolean
mh_store_commit (MhStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (MH_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);

  if (!exec (self, "COMMIT", "save the changes", error))
    {
      mh_store_rollback (self);
      return FALSE;
    }

  self->in_transaction = FALSE;
  if (self->changed_in_transaction)
    g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/**
 * mh_store_rollback:
 * @self: a store
 *
 * Drops every change since mh_store_begin().
 */
void
mh_store_rollback (MhStore *self)
{
  g_return_if_fail (MH_IS_STORE (self));

  if (!self->in_transaction)
    return;
  if (sqlite3_get_autocommit (self->db) == 0)
    exec (self, "ROLLBACK", "undo the changes", NULL);
  self->in_transaction = FALSE;
  self->changed_in_transaction = FALSE;
}

/**
 * mh_store_check_integrity:
 * @self: a store
 * @problems: (element-type utf8): where each problem found is appended
 * @error: return location for an error
 *
 * Runs SQLite's integrity and foreign-key checks.
 *
 * Returns: %TRUE when the checks ran (whether or not they found problems)
 */
gboolean
mh_store_check_integrity (MhStore    *self,
                          GPtrArray  *problems,
                          GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (MH_IS_STORE (self), FALSE);

  if (sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check", -1, &stmt, NULL) != SQLITE_OK)
    {
      _mh_store_set_error (self, error, "check the file");
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = _mh_stmt_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        g_ptr_array_add (problems, g_strdup_printf (_("Database: %s"), line));
    }
  if (rc != SQLITE_DONE)
    {
      _mh_store_set_error (self, error, "check the file");
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &stmt, NULL) != SQLITE_OK)
    {
      _mh_store_set_error (self, error, "check the file");
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (problems,
                     g_strdup_printf (_("Database: row %lld of table %s refers to a missing row of %s"),
                                      (long long) sqlite3_column_int64 (stmt, 1),
                                      _mh_stmt_text (stmt, 0), _mh_stmt_text (stmt, 2)));

  return rc == SQLITE_DONE;
}
