/* masthead-cli.c: the Masthead core behind a scriptable command line
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exit status: 0 success, 1 failure, 2 wrong usage. Results go to standard
 * output, messages to standard error; --json prints one JSON document.
 */

#define G_LOG_DOMAIN "masthead-cli"

#include "config.h"

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "mh-demo.h"
#include "mh-entry-list.h"
#include "mh-site-check.h"
#include "mh-site-export.h"
#include "mh-site-info.h"
#include "mh-site-json.h"
#include "mh-store.h"
#include "mh-store-assets.h"
#include "mh-validate.h"

#define EXIT_USAGE 2

typedef struct
{
  const char *name;
  const char *parameters;
  const char *summary;
  int       (*run) (const char *prog, int argc, char **argv);
} Command;

static gboolean opt_json;

static const GOptionEntry json_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print one JSON document"), NULL },
  { NULL }
};

static int
fail (GError *error)
{
  g_printerr ("masthead-cli: %s\n", error->message);
  return EXIT_FAILURE;
}

static int
usage (const char *prog,
       const char *message)
{
  g_printerr ("%s: %s\n", prog, message);
  /* Translators: %s is a command such as “masthead-cli list” */
  g_printerr (_("Try “%s --help” for more information.\n"), prog);
  return EXIT_USAGE;
}

/* Parses a command's options; returns -1 when all went well, or the exit
 * status to end with. Positional arguments are left in argv. */
static int
parse (const char         *prog,
       const char         *parameters,
       const char         *summary,
       const GOptionEntry *entries,
       int                 n_positional,
       int                *argc,
       char             ***argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameters);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_set_prgname (prog);

  if (!g_option_context_parse (context, argc, argv, &error))
    return usage (prog, error->message);

  if (*argc - 1 != n_positional)
    {
      message = g_strdup_printf (*argc - 1 < n_positional ? _("missing arguments: %s")
                                                          : _("too many arguments; expected %s"),
                                 parameters);
      return usage (prog, message);
    }

  return -1;
}

static void
print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static MhStore *
open_for_reading (const char  *path,
                  GError     **error)
{
  return mh_store_open_read_only (path, error);
}

/* --- new ------------------------------------------------------------------ */

static int
cmd_new (const char *prog,
         int         argc,
         char      **argv)
{
  g_autofree char *title = NULL;
  g_autofree char *base_url = NULL;
  g_autofree char *language = NULL;
  g_autoptr(MhStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "title", 't', 0, G_OPTION_ARG_STRING, &title, N_("The site’s title"), N_("TITLE") },
    { "base-url", 0, 0, G_OPTION_ARG_STRING, &base_url,
      N_("Where the site is published, such as https://example.org/"), N_("URL") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("The site’s source language (BCP 47, default en)"), N_("LANG") },
    { NULL }
  };
  int status = parse (prog, "FILE --title TITLE", _("Create a new, empty site."),
                      entries, 1, &argc, &argv);

  if (status >= 0)
    return status;
  if (title == NULL || *title == '\0' || !g_utf8_validate (title, -1, NULL))
    return usage (prog, _("--title is required and must be UTF-8 text"));
  if (base_url != NULL && !mh_web_url_is_valid (base_url))
    return usage (prog, _("--base-url must be an http or https address such as "
                          "https://example.org/"));
  if (language != NULL && !mh_language_tag_is_valid (language))
    return usage (prog, _("--language must be a language tag such as en or pt-BR"));

  store = mh_store_create (argv[1], &error);
  if (store == NULL ||
      !mh_store_begin (store, &error) ||
      !mh_store_set_setting (store, "title", title, &error) ||
      (base_url && !mh_store_set_setting (store, "base_url", base_url, &error)) ||
      !mh_store_set_setting (store, "language", language ? language : "en", &error) ||
      !mh_store_commit (store, &error))
    {
      if (store != NULL)
        {
          g_clear_object (&store);
          g_unlink (argv[1]);
        }
      return fail (error);
    }

  g_printerr (_("Created “%s”.\n"), argv[1]);
  return EXIT_SUCCESS;
}

/* --- demo ----------------------------------------------------------------- */

static int
cmd_demo (const char *prog,
          int         argc,
          char      **argv)
{
  gboolean force = FALSE;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, N_("Replace FILE if it exists"), NULL },
    { NULL }
  };
  int status = parse (prog, "FILE", _("Create the demo site (culture360, sample data)."),
                      entries, 1, &argc, &argv);

  if (status >= 0)
    return status;
  if (!mh_demo_create (argv[1], force, &error))
    return fail (error);

  g_printerr (_("Created the demo site in “%s”.\n"), argv[1]);
  return EXIT_SUCCESS;
}

/* --- info ----------------------------------------------------------------- */

static const char *
member_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
}

static void
print_counts (const char *label,
              JsonObject *object,
              gboolean    skip_total)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      gint64 n = json_object_get_int_member (object, l->data);

      if ((skip_total && g_str_equal (l->data, "total")) || n == 0)
        continue;
      g_string_append_printf (line, "%s%s %" G_GINT64_FORMAT, line->len ? ", " : "",
                              (const char *) l->data, n);
    }
  g_print ("%-16s%s\n", label, line->len ? line->str : "—");
}

static void
print_info (JsonObject *info)
{
  JsonObject *entries = json_object_get_object_member (info, "entries");
  g_autoptr(GList) kinds = json_object_get_members (entries);
  const char *base_url = member_string (info, "base_url");

  g_print ("%-16s%s\n", _("Title:"), member_string (info, "title"));
  g_print ("%-16s%s\n", _("File:"), member_string (info, "file"));
  g_print ("%-16s%s\n", _("Base URL:"), base_url ? base_url : "—");
  g_print ("%-16s%s\n", _("Language:"), member_string (info, "language"));
  if (json_object_get_boolean_member (info, "read_only"))
    g_print ("%-16s%s\n", _("Access:"), _("read-only (the file cannot be written)"));
  g_print ("%-16s%" G_GINT64_FORMAT "\n", _("Entries:"),
           json_object_get_int_member (entries, "total"));
  for (GList *l = kinds; l != NULL; l = l->next)
    {
      g_autofree char *label = g_strdup_printf ("  %s", (const char *) l->data);

      if (!g_str_equal (l->data, "total"))
        print_counts (label, json_object_get_object_member (entries, l->data), TRUE);
    }
  print_counts (_("Terms:"), json_object_get_object_member (info, "terms"), FALSE);
  g_print ("%-16s%" G_GINT64_FORMAT "\n", _("People:"),
           json_object_get_int_member (info, "people"));
  g_print ("%-16s%" G_GINT64_FORMAT "\n", _("Participations:"),
           json_object_get_int_member (info, "participations"));
  g_print ("%-16s%" G_GINT64_FORMAT "\n", _("Organisations:"),
           json_object_get_int_member (info, "organisations"));
  g_print ("%-16s%" G_GINT64_FORMAT " (%" G_GINT64_FORMAT " bytes)\n", _("Assets:"),
           json_object_get_int_member (info, "assets"),
           json_object_get_int_member (info, "asset_bytes"));
}

static int
cmd_info (const char *prog,
          int         argc,
          char      **argv)
{
  g_autoptr(MhStore) store = NULL;
  g_autoptr(JsonNode) info = NULL;
  g_autoptr(GError) error = NULL;
  int status = parse (prog, "FILE", _("Show the site’s settings and what it holds."),
                      json_entries, 1, &argc, &argv);

  if (status >= 0)
    return status;
  if ((store = open_for_reading (argv[1], &error)) == NULL ||
      (info = mh_site_info_collect (store, &error)) == NULL)
    return fail (error);

  if (opt_json)
    print_json (info);
  else
    print_info (json_node_get_object (info));
  return EXIT_SUCCESS;
}

/* --- list and search --------------------------------------------------------- */

static JsonNode *
entry_summary (MhEntry *entry)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "slug");
  json_builder_add_string_value (builder, mh_entry_get_slug (entry));
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, mh_entry_kind_to_string (mh_entry_get_kind (entry)));
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder,
                                 mh_entry_status_to_string (mh_entry_get_status (entry)));
  json_builder_set_member_name (builder, "date");
  json_builder_add_string_value (builder, mh_entry_get_date (entry));
  json_builder_set_member_name (builder, "language");
  json_builder_add_string_value (builder, mh_entry_get_language (entry));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, mh_entry_get_title (entry));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Prints the entries of a list, reading them one by one: a large site
 * streams rather than loading at once. */
static void
print_entries (MhEntryList *list)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_autoptr(JsonArray) array = opt_json ? json_array_sized_new (n) : NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MhEntry) entry = g_list_model_get_item (G_LIST_MODEL (list), i);
      const char *date = mh_entry_get_date (entry);

      if (entry == NULL)
        continue;
      if (array != NULL)
        json_array_add_element (array, entry_summary (entry));
      else
        g_print ("%-10s  %-9s  %-9s  %s  %s\n", date ? date : "—",
                 mh_entry_kind_to_string (mh_entry_get_kind (entry)),
                 mh_entry_status_to_string (mh_entry_get_status (entry)),
                 mh_entry_get_slug (entry), mh_entry_get_title (entry));
    }

  if (array != NULL)
    {
      g_autoptr(JsonNode) node = json_node_init_array (json_node_alloc (), array);
      print_json (node);
    }
}

static int
run_query (const char         *path,
           const MhEntryQuery *query)
{
  g_autoptr(MhStore) store = NULL;
  g_autoptr(MhEntryList) list = NULL;
  g_autoptr(GError) error = NULL;

  if ((store = open_for_reading (path, &error)) == NULL)
    return fail (error);

  list = mh_entry_list_new (store);
  mh_entry_list_set_query (list, query);
  if (!mh_entry_list_reload (list, &error))
    return fail (error);

  print_entries (list);
  return EXIT_SUCCESS;
}

static int
cmd_list (const char *prog,
          int         argc,
          char      **argv)
{
  g_autofree char *kind = NULL;
  g_autofree char *status_name = NULL;
  g_autofree char *term = NULL;
  g_autofree char *vocabulary = NULL;
  MhEntryKind kind_value;
  MhEntryStatus status_value;
  MhEntryQuery query;
  GOptionEntry entries[] = {
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind,
      N_("Only entries of KIND: report, event, article, open_call or page"), N_("KIND") },
    { "status", 's', 0, G_OPTION_ARG_STRING, &status_name,
      N_("Only entries with STATUS: draft, review, published or archived"), N_("STATUS") },
    { "term", 't', 0, G_OPTION_ARG_STRING, &term,
      N_("Only entries tagged with a term or one of its children, such as countries/europe"),
      N_("VOCAB/SLUG") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print one JSON document"), NULL },
    { NULL }
  };
  int status = parse (prog, "FILE", _("List the site’s entries, newest first."),
                      entries, 1, &argc, &argv);

  if (status >= 0)
    return status;

  mh_entry_query_init (&query);
  if (kind != NULL && !mh_entry_kind_from_string (kind, &kind_value))
    return usage (prog, _("--kind must be report, event, article, open_call or page"));
  if (status_name != NULL && !mh_entry_status_from_string (status_name, &status_value))
    return usage (prog, _("--status must be draft, review, published or archived"));
  if (term != NULL)
    {
      char *slash = strchr (term, '/');

      if (slash != NULL)
        {
          vocabulary = g_strndup (term, slash - term);
          query.term = slash + 1;
        }
      else
        query.term = term;
      query.vocabulary = vocabulary;
    }
  if (kind != NULL)
    query.kind = kind_value;
  if (status_name != NULL)
    query.status = status_value;

  return run_query (argv[1], &query);
}

static int
cmd_search (const char *prog,
            int         argc,
            char      **argv)
{
  MhEntryQuery query;
  int status = parse (prog, "FILE QUERY",
                      _("Search the titles, summaries and bodies of entries; accents do not "
                        "matter (Cerna finds Černá). The best matches come first."),
                      json_entries, 2, &argc, &argv);

  if (status >= 0)
    return status;
  if (!g_utf8_validate (argv[2], -1, NULL))
    return usage (prog, _("the query is not valid UTF-8 text"));

  mh_entry_query_init (&query);
  query.text = argv[2];
  return run_query (argv[1], &query);
}

/* --- show ----------------------------------------------------------------- */

static void
print_scalar (GString  *out,
              JsonNode *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    g_string_append (out, "—");
  else if (json_node_get_value_type (node) == G_TYPE_STRING)
    g_string_append (out, json_node_get_string (node));
  else if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    g_string_append (out, json_node_get_boolean (node) ? _("yes") : _("no"));
  else
    g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
}

/* One line for a value: scalars as they are, arrays joined with commas,
 * objects as “key value” pairs. */
static void
print_inline (GString  *out,
              JsonNode *node)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          if (i > 0)
            g_string_append (out, ", ");
          print_inline (out, json_array_get_element (array, i));
        }
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr(GList) members = json_object_get_members (json_node_get_object (node));

      for (GList *l = members; l != NULL; l = l->next)
        {
          g_string_append_printf (out, "%s%s ", l == members ? "" : ", ", (char *) l->data);
          print_inline (out, json_object_get_member (json_node_get_object (node), l->data));
        }
    }
  else
    print_scalar (out, node);
}

static void
print_object (JsonObject *object,
              const char *indent)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (object, l->data);
      g_autoptr(GString) line = g_string_new (NULL);

      if (g_str_equal (l->data, "body"))
        continue;
      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          g_print ("%s%s:\n", indent, (char *) l->data);
          print_object (json_node_get_object (node), "  ");
          continue;
        }
      if (JSON_NODE_HOLDS_ARRAY (node) &&
          json_array_get_length (json_node_get_array (node)) > 0 &&
          JSON_NODE_HOLDS_OBJECT (json_array_get_element (json_node_get_array (node), 0)))
        {
          JsonArray *array = json_node_get_array (node);

          g_print ("%s%s:\n", indent, (char *) l->data);
          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              g_string_truncate (line, 0);
              print_inline (line, json_array_get_element (array, i));
              g_print ("%s  – %s\n", indent, line->str);
            }
          continue;
        }
      print_inline (line, node);
      g_print ("%s%-15s %s\n", indent, (char *) l->data, line->str);
    }
}

static int
cmd_show (const char *prog,
          int         argc,
          char      **argv)
{
  g_autoptr(MhStore) store = NULL;
  g_autoptr(MhEntry) entry = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  const char *body;
  int status = parse (prog, "FILE SLUG",
                      _("Show one entry with all its fields (an old slug finds it too)."),
                      json_entries, 2, &argc, &argv);

  if (status >= 0)
    return status;
  if ((store = open_for_reading (argv[1], &error)) == NULL ||
      (entry = mh_store_find_entry (store, argv[2], &error)) == NULL ||
      (node = mh_site_json_entry_node (store, mh_entry_get_slug (entry), &error)) == NULL)
    return fail (error);

  if (opt_json)
    {
      print_json (node);
      return EXIT_SUCCESS;
    }

  print_object (json_node_get_object (node), "");
  body = member_string (json_node_get_object (node), "body");
  if (body != NULL)
    g_print ("\n%s\n", body);
  return EXIT_SUCCESS;
}

/* --- import and dump -------------------------------------------------------- */

static int
cmd_import (const char *prog,
            int         argc,
            char      **argv)
{
  g_autoptr(GError) error = NULL;
  int status = parse (prog, "FILE SITE.json",
                      _("Create the site FILE from a site interchange file. FILE must not "
                        "exist; a bad SITE.json is refused with the place of the first "
                        "problem, and nothing is created."),
                      NULL, 2, &argc, &argv);

  if (status >= 0)
    return status;
  if (!mh_site_json_import_file (argv[2], argv[1], NULL, &error))
    return fail (error);

  g_printerr (_("Created “%s” from “%s”.\n"), argv[1], argv[2]);
  return EXIT_SUCCESS;
}

static int
cmd_dump (const char *prog,
          int         argc,
          char      **argv)
{
  g_autofree char *output = NULL;
  g_autoptr(MhStore) store = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to OUT.json instead of standard output"), N_("OUT.json") },
    { NULL }
  };
  int status = parse (prog, "FILE", _("Write the whole site as a site interchange file."),
                      entries, 1, &argc, &argv);

  if (status >= 0)
    return status;
  if ((store = open_for_reading (argv[1], &error)) == NULL)
    return fail (error);

  /* A file is replaced only once the whole dump is written. */
  if (output != NULL)
    {
      file = g_file_new_for_commandline_arg (output);
      out = G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                             &error));
    }
  else
    out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

  if (out == NULL ||
      !mh_site_json_dump (store, out, NULL, &error) ||
      !g_output_stream_close (out, NULL, &error))
    return fail (error);

  return EXIT_SUCCESS;
}

/* --- add-file ----------------------------------------------------------- */

static int
cmd_add_file (const char *prog,
              int         argc,
              char      **argv)
{
  g_autoptr(MhStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  int status = parse (prog, "FILE PATH",
                      _("Store the file at PATH (a PDF, an image…) in the site FILE and print "
                        "its asset name, for “asset:NAME” in Markdown, covers and downloads. "
                        "The name comes from the file’s name; the same file added twice is "
                        "stored once."),
                      NULL, 2, &argc, &argv);

  if (status >= 0)
    return status;

  file = g_file_new_for_commandline_arg (argv[2]);
  if ((store = mh_store_open (argv[1], &error)) == NULL ||
      (name = mh_store_import_asset_file (store, file, NULL, &error)) == NULL)
    return fail (error);

  g_print ("%s\n", name);
  return EXIT_SUCCESS;
}

/* --- check ---------------------------------------------------------------- */

static int
cmd_check (const char *prog,
           int         argc,
           char      **argv)
{
  g_autoptr(MhStore) store = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  int status = parse (prog, "FILE",
                      _("Check the file and its content: database integrity, links to "
                        "entries and assets that do not exist, required fields left empty. "
                        "Exits with 1 when it finds a problem."),
                      NULL, 1, &argc, &argv);

  if (status >= 0)
    return status;
  if ((store = open_for_reading (argv[1], &error)) == NULL ||
      (problems = mh_site_check (store, &error)) == NULL)
    return fail (error);

  for (guint i = 0; i < problems->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (problems, i));

  if (problems->len > 0)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u problem found.\n", "%u problems found.\n",
                               problems->len),
                  problems->len);
      return EXIT_FAILURE;
    }

  g_printerr (_("No problems found.\n"));
  return EXIT_SUCCESS;
}

/* --- export --------------------------------------------------------------- */

static void
on_export_progress_cb (double      fraction,
                       const char *message,
                       gpointer    user_data)
{
  gboolean *tty = user_data;

  /* A line that redraws itself on a terminal; occasional lines in a log. */
  if (*tty)
    g_printerr ("\r\033[K%3.0f%%  %.60s", fraction * 100, message ? message : "");
  else if (fraction >= 1.0)
    g_printerr ("%3.0f%%\n", fraction * 100);
}

static int
cmd_export (const char *prog,
            int         argc,
            char      **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *zip = NULL;
  g_autofree char *theme = NULL;
  g_autofree char *base_url = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  gboolean tty = isatty (STDERR_FILENO);
  MhExportOptions options = { MH_EXPORT_FORMAT_HTML, NULL, NULL, NULL };
  MhExportStats stats = { 0 };
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("html (a ready-to-serve site, the default) or hugo (a Hugo content bundle)"),
      N_("FORMAT") },
    { "zip", 'z', 0, G_OPTION_ARG_FILENAME, &zip, N_("Also write the tree as a zip file"),
      N_("OUT.zip") },
    { "theme", 't', 0, G_OPTION_ARG_FILENAME, &theme,
      N_("A folder of templates and CSS that replace the default theme’s, file by file"),
      N_("THEMEDIR") },
    { "base-url", 'b', 0, G_OPTION_ARG_STRING, &base_url,
      N_("Where the site will be served, instead of the site’s setting"), N_("URL") },
    { NULL }
  };
  int status = parse (prog, "FILE DIR",
                      _("Export the published entries as a site bundle in DIR. The export is "
                        "atomic (DIR changes only once the new tree is complete) and "
                        "incremental (unchanged files are kept as they are)."),
                      entries, 2, &argc, &argv);

  if (status >= 0)
    return status;
  if (format != NULL && g_str_equal (format, "hugo"))
    options.format = MH_EXPORT_FORMAT_HUGO;
  else if (format != NULL && !g_str_equal (format, "html"))
    return usage (prog, _("--format must be html or hugo"));
  options.zip_path = zip;
  options.theme_dir = theme;
  options.base_url = base_url;

  if (!mh_site_export (argv[1], argv[2], &options, on_export_progress_cb, &tty, NULL, &stats,
                       problems, &error))
    {
      if (tty)
        g_printerr ("\n");
      return fail (error);
    }
  if (tty)
    g_printerr ("\r\033[K");

  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s: %s\n", _("warning"), (const char *) g_ptr_array_index (problems, i));
  /* Translators: a summary such as “Exported to “out”: 120 files written, …” */
  g_printerr (_("Exported to “%s”: %u written, %u unchanged, %u removed in %.2f s.\n"),
              argv[2], stats.written, stats.unchanged, stats.removed, stats.seconds);
  return EXIT_SUCCESS;
}

/* --- main ----------------------------------------------------------------- */

static const Command commands[] = {
  { "new", "FILE --title TITLE", N_("Create a new, empty site"), cmd_new },
  { "demo", "FILE [--force]", N_("Create the demo site"), cmd_demo },
  { "info", "FILE", N_("Show settings and counts"), cmd_info },
  { "list", "FILE", N_("List entries (filters: --kind, --status, --term)"), cmd_list },
  { "show", "FILE SLUG", N_("Show one entry"), cmd_show },
  { "search", "FILE QUERY", N_("Full-text search, best matches first"), cmd_search },
  { "import", "FILE SITE.json", N_("Create a site from an interchange file"), cmd_import },
  { "dump", "FILE", N_("Write the site as an interchange file"), cmd_dump },
  { "add-file", "FILE PATH", N_("Store a file in the site, print its asset name"), cmd_add_file },
  { "check", "FILE", N_("Check the file and its content"), cmd_check },
  { "export", "FILE DIR", N_("Export the site as HTML or a Hugo bundle"), cmd_export },
};

static void
print_help (FILE *stream)
{
  fprintf (stream, "%s\n  masthead-cli COMMAND [OPTION…] ARGUMENTS\n\n%s\n", _("Usage:"),
           _("Edit and publish a Masthead site (.masthead) from scripts."));
  fprintf (stream, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-8s %-22s %s\n", commands[i].name, commands[i].parameters,
             _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("“masthead-cli COMMAND --help” describes each command. "
                               "Exit status: 0 success, 1 failure, 2 wrong usage."));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *prog = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_help (argc < 2 ? stderr : stdout);
      return argc < 2 ? EXIT_USAGE : EXIT_SUCCESS;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("masthead-cli %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (argv[1], commands[i].name))
        {
          prog = g_strdup_printf ("masthead-cli %s", commands[i].name);
          return commands[i].run (prog, argc - 1, argv + 1);
        }
    }

  g_printerr (_("masthead-cli: unknown command “%s”\n\n"), argv[1]);
  print_help (stderr);
  return EXIT_USAGE;
}
