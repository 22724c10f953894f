/* mh-site-settings.c: the site's own settings, edited in place and saved as you type
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form keeps the text of every field as it was typed (text[]), what the
 * file holds for its key (stored[]), and whether it was edited since the
 * last save (pending[]). Every change is checked at once; the problems are
 * shown under the group of the field and the row turns red. One second
 * after the last change, the valid pending fields are written in one
 * transaction; an invalid field stays pending, and the file keeps its old
 * value, until it is corrected. Leaving the page, dropping the widget or
 * switching to another site writes what is pending at once.
 *
 * "languages" is stored as a JSON array that starts with the source
 * language; the form shows only the further ones, so it is saved whenever
 * either row changes, and only when both are valid.
 */

#define G_LOG_DOMAIN "mh-site-settings"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "mh-file-chooser.h"
#include "mh-site-settings.h"
#include "mh-validate.h"

/* A change is written this long after the last keystroke. */
#define SAVE_DELAY_MS 1000


/* In the order of the form: the first problem is the one named by
 * :error-message. */
typedef enum
{
  FIELD_TITLE,
  FIELD_DESCRIPTION,
  FIELD_DEFAULT_AUTHOR,
  FIELD_LANGUAGE,
  FIELD_LANGUAGES,
  FIELD_BASE_URL,
  FIELD_THEME_DIR,
  FIELD_ALLOW_RAW_HTML,
  N_FIELDS
} Field;

typedef enum
{
  GROUP_SITE,
  GROUP_LANGUAGES,
  GROUP_PUBLISHING,
  N_GROUPS
} Group;

typedef struct
{
  const char *key;       /* in the site's settings table */
  const char *property;  /* on MhSiteSettings */
  Group       group;
} FieldInfo;

static const FieldInfo field_info[N_FIELDS] = {
  [FIELD_TITLE]          = { "title",          "title",          GROUP_SITE },
  [FIELD_DESCRIPTION]    = { "description",    "description",    GROUP_SITE },
  [FIELD_DEFAULT_AUTHOR] = { "default_author", "default-author", GROUP_SITE },
  [FIELD_LANGUAGE]       = { "language",       "language",       GROUP_LANGUAGES },
  [FIELD_LANGUAGES]      = { "languages",      "languages",      GROUP_LANGUAGES },
  [FIELD_BASE_URL]       = { "base_url",       "base-url",       GROUP_PUBLISHING },
  [FIELD_THEME_DIR]      = { "theme_dir",      "theme-dir",      GROUP_PUBLISHING },
  [FIELD_ALLOW_RAW_HTML] = { "allow_raw_html", "allow-raw-html", GROUP_PUBLISHING },
};

struct _MhSiteSettings
{
  GtkWidget             parent_instance;

  /* template widgets */
  GtkLabel             *base_url_problem;
  AdwEntryRow          *base_url_row;
  AdwEntryRow          *default_author_row;
  AdwEntryRow          *description_row;
  GtkLabel             *language_problem;
  AdwEntryRow          *language_row;
  GtkWidget            *languages_group;
  GtkLabel             *languages_problem;
  GtkWidget            *languages_problems;
  AdwEntryRow          *languages_row;
  GtkWidget            *page;
  GtkWidget            *publishing_group;
  GtkWidget            *publishing_problems;
  AdwActionRow         *raw_html_row;
  GtkSwitch            *raw_html_switch;
  GtkWidget            *read_only_group;
  GtkLabel             *read_only_label;
  GtkWidget            *site_group;
  GtkWidget            *site_problems;
  GtkLabel             *status_label;
  GtkLabel             *theme_dir_problem;
  AdwActionRow         *theme_row;
  GtkLabel             *title_problem;
  AdwEntryRow          *title_row;

  /* owned references */
  MhStore              *store;
  GCancellable         *chooser_cancellable;

  /* borrowed references: GTK owns the window, the pointer is weak */
  AdwMessageDialog     *raw_html_dialog;

  /* state */
  char                 *text[N_FIELDS];     /* the form, as typed; never NULL */
  char                 *stored[N_FIELDS];   /* the file's value; NULL when unset */
  char                 *problem[N_FIELDS];
  gboolean              pending[N_FIELDS];
  char                 *error_message;
  char                 *save_error;
  guint                 save_id;
  guint                 loading : 1;
  guint                 saving : 1;
  guint                 saved : 1;
  guint                 syncing_switch : 1;
};

G_DEFINE_FINAL_TYPE (MhSiteSettings, mh_site_settings, GTK_TYPE_WIDGET)

/* The form's properties come in the order of Field, from PROP_TITLE on. */
enum {
  PROP_0,
  PROP_STORE,
  PROP_SAVED,
  PROP_ERROR_MESSAGE,
  PROP_EDITABLE,
  PROP_CONFIRMING_RAW_HTML,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_DEFAULT_AUTHOR,
  PROP_LANGUAGE,
  PROP_LANGUAGES,
  PROP_BASE_URL,
  PROP_THEME_DIR,
  PROP_ALLOW_RAW_HTML,
  N_PROPS
};

G_STATIC_ASSERT (PROP_ALLOW_RAW_HTML - PROP_TITLE == FIELD_ALLOW_RAW_HTML);

static GParamSpec *properties[N_PROPS];

/* --- helpers ------------------------------------------------------------------ */

static GtkEditable *
field_editable (MhSiteSettings *self,
                Field           field)
{
  switch (field)
    {
    case FIELD_TITLE:          return GTK_EDITABLE (self->title_row);
    case FIELD_DESCRIPTION:    return GTK_EDITABLE (self->description_row);
    case FIELD_DEFAULT_AUTHOR: return GTK_EDITABLE (self->default_author_row);
    case FIELD_LANGUAGE:       return GTK_EDITABLE (self->language_row);
    case FIELD_LANGUAGES:      return GTK_EDITABLE (self->languages_row);
    case FIELD_BASE_URL:       return GTK_EDITABLE (self->base_url_row);
    case FIELD_THEME_DIR:
    case FIELD_ALLOW_RAW_HTML:
    case N_FIELDS:
    default:
      return NULL;
    }
}

static GtkWidget *
field_row (MhSiteSettings *self,
           Field           field)
{
  switch (field)
    {
    case FIELD_THEME_DIR:      return GTK_WIDGET (self->theme_row);
    case FIELD_ALLOW_RAW_HTML: return GTK_WIDGET (self->raw_html_row);
    case FIELD_TITLE:
    case FIELD_DESCRIPTION:
    case FIELD_DEFAULT_AUTHOR:
    case FIELD_LANGUAGE:
    case FIELD_LANGUAGES:
    case FIELD_BASE_URL:
    case N_FIELDS:
    default:
      return GTK_WIDGET (field_editable (self, field));
    }
}

/* Below the group's rows: one label for each field that is checked. */
static GtkWidget *
group_problems (MhSiteSettings *self,
                Group           group)
{
  g_assert (group < N_GROUPS);

  if (group == GROUP_SITE)
    return self->site_problems;
  else if (group == GROUP_LANGUAGES)
    return self->languages_problems;
  else
    return self->publishing_problems;
}

static GtkLabel *
field_problem_label (MhSiteSettings *self,
                     Field           field)
{
  switch (field)
    {
    case FIELD_TITLE:     return self->title_problem;
    case FIELD_LANGUAGE:  return self->language_problem;
    case FIELD_LANGUAGES: return self->languages_problem;
    case FIELD_BASE_URL:  return self->base_url_problem;
    case FIELD_THEME_DIR: return self->theme_dir_problem;
    case FIELD_DESCRIPTION:
    case FIELD_DEFAULT_AUTHOR:
    case FIELD_ALLOW_RAW_HTML:
    case N_FIELDS:
    default:
      return NULL;
    }
}

static Field
field_from_property (const char *property)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (g_strcmp0 (field_info[i].property, property) == 0)
      return i;
  return N_FIELDS;
}

static char *
stripped (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

/* A path as people read it: ~/Sites/theme. */
static char *
display_path (const char *path)
{
  const char *home = g_get_home_dir ();
  gsize len = strlen (home);

  if (len > 1 && g_str_has_prefix (path, home) && path[len] == G_DIR_SEPARATOR)
    {
      g_autofree char *rest = g_filename_display_name (path + len);

      return g_strconcat ("~", rest, NULL);
    }
  return g_filename_display_name (path);
}

/* The tags of the further-languages row: separated by commas, semicolons
 * or spaces. */
static GStrv
split_languages (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = g_regex_split_simple ("[\\s,;]+", text != NULL ? text : "", 0, 0);

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}

static gboolean
contains_tag (GPtrArray  *tags,
              const char *tag)
{
  for (guint i = 0; i < tags->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (tags, i), tag) == 0)
      return TRUE;
  return FALSE;
}

/* ["en","fr"]: the source language first, then the further ones once each. */
static char *
languages_to_json (const char *language,
                   const char *further)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  g_autoptr(JsonNode) root = NULL;
  g_auto(GStrv) parts = split_languages (further);

  g_ptr_array_add (tags, (gpointer) language);
  for (guint i = 0; parts[i] != NULL; i++)
    if (!contains_tag (tags, parts[i]))
      g_ptr_array_add (tags, parts[i]);

  json_builder_begin_array (builder);
  for (guint i = 0; i < tags->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (tags, i));
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* The row's text for a stored array: every tag but the source language.
 * Anything that is not an array of tags is shown as it is, to be fixed. */
static char *
further_languages_text (const char *json,
                        const char *language)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  JsonArray *array;

  if (json == NULL || json[0] == '\0')
    return g_strdup ("");
  node = json_from_string (json, NULL);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return g_strdup (json);

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *tag = json_node_get_string (json_array_get_element (array, i));

      if (tag == NULL || g_ascii_strcasecmp (tag, language) == 0)
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, tag);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* --- checking ------------------------------------------------------------------- */

static char *
check_base_url (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *host;

  if (url[0] == '\0')
    return NULL;
  if (g_ascii_strncasecmp (url, "https://", strlen ("https://")) != 0 &&
      g_ascii_strncasecmp (url, "http://", strlen ("http://")) != 0)
    return g_strdup (_("The base URL must start with https:// or http://, "
                       "for example https://example.org/"));

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  host = uri != NULL ? g_uri_get_host (uri) : NULL;
  if (host == NULL || host[0] == '\0' || strpbrk (url, " \t\n") != NULL)
    /* Translators: %s is what was typed */
    return g_strdup_printf (_("The base URL “%s” is not a complete web address. "
                              "Write it like https://example.org/"), url);
  return NULL;
}

static char *
check_language (const char *tag)
{
  if (tag[0] == '\0')
    return g_strdup (_("The source language is needed: a language tag such as en, fr or pt-BR."));
  if (!mh_language_tag_is_valid (tag))
    /* Translators: %s is what was typed */
    return g_strdup_printf (_("The source language “%s” is not a language tag. "
                              "Use a tag such as en, fr or pt-BR."), tag);
  return NULL;
}

static char *
check_languages (const char *text)
{
  g_auto(GStrv) tags = split_languages (text);

  for (guint i = 0; tags[i] != NULL; i++)
    if (!mh_language_tag_is_valid (tags[i]))
      /* Translators: %s is one of the tags typed */
      return g_strdup_printf (_("“%s” in further languages is not a language tag. "
                                "Use tags such as fr or pt-BR, separated by commas."), tags[i]);
  return NULL;
}

static char *
check_theme_dir (const char *path)
{
  g_autofree char *shown = NULL;

  if (path[0] == '\0')
    return NULL;

  shown = display_path (path);
  if (!g_path_is_absolute (path))
    /* Translators: %s is a folder path */
    return g_strdup_printf (_("The theme folder “%s” is not a full path. "
                              "Choose the folder with the Choose… button."), shown);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return g_strdup_printf (_("The theme folder “%s” does not exist. Choose another "
                              "folder, or clear it to use the built-in theme."), shown);
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return g_strdup_printf (_("The theme folder “%s” is a file, not a folder. Choose the "
                              "folder that holds the theme."), shown);
  return NULL;
}

static char *
check_field (MhSiteSettings *self,
             Field           field)
{
  g_autofree char *value = stripped (self->text[field]);

  switch (field)
    {
    case FIELD_TITLE:
      if (value[0] == '\0')
        return g_strdup (_("The site needs a title. It is shown on every page and in feeds."));
      return NULL;

    case FIELD_LANGUAGE:
      return check_language (value);

    case FIELD_LANGUAGES:
      return check_languages (value);

    case FIELD_BASE_URL:
      return check_base_url (value);

    case FIELD_THEME_DIR:
      return check_theme_dir (value);

    case FIELD_DESCRIPTION:
    case FIELD_DEFAULT_AUTHOR:
    case FIELD_ALLOW_RAW_HTML:
    case N_FIELDS:
    default:
      return NULL;
    }
}

/* "languages" starts with the source language, so it waits for it. */
static gboolean
can_save (MhSiteSettings *self,
          Field           field)
{
  return self->problem[field] == NULL &&
         (field != FIELD_LANGUAGES || self->problem[FIELD_LANGUAGE] == NULL);
}

/* What goes into the file for @field, or NULL to unset the key. */
static char *
dup_value (MhSiteSettings *self,
           Field           field)
{
  g_autofree char *value = stripped (self->text[field]);

  switch (field)
    {
    case FIELD_TITLE:
    case FIELD_LANGUAGE:
    case FIELD_ALLOW_RAW_HTML:
      return g_steal_pointer (&value);

    case FIELD_LANGUAGES:
      {
        g_autofree char *language = stripped (self->text[FIELD_LANGUAGE]);

        return languages_to_json (language, value);
      }

    case FIELD_DESCRIPTION:
    case FIELD_DEFAULT_AUTHOR:
    case FIELD_BASE_URL:
    case FIELD_THEME_DIR:
    case N_FIELDS:
    default:
      return value[0] != '\0' ? g_steal_pointer (&value) : NULL;
    }
}

/* --- showing the state ---------------------------------------------------------- */

static void
show_problems (MhSiteSettings *self)
{
  gboolean any[N_GROUPS] = { FALSE };

  for (guint i = 0; i < N_FIELDS; i++)
    {
      GtkWidget *row = field_row (self, i);
      GtkLabel *label = field_problem_label (self, i);
      const char *problem = label != NULL ? self->problem[i] : NULL;

      if (problem != NULL)
        gtk_widget_add_css_class (row, "error");
      else
        gtk_widget_remove_css_class (row, "error");
      if (label != NULL)
        {
          gtk_label_set_text (label, problem);
          gtk_widget_set_visible (GTK_WIDGET (label), problem != NULL);
        }
      any[field_info[i].group] |= problem != NULL;
    }

  for (guint g = 0; g < N_GROUPS; g++)
    gtk_widget_set_visible (group_problems (self, g), any[g]);
}

/* Checks every field; nothing is checked without a site to edit. */
static void
validate (MhSiteSettings *self)
{
  const char *first = NULL;
  gboolean editable = mh_site_settings_get_editable (self);
  gboolean changed = FALSE;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      char *problem = editable ? check_field (self, i) : NULL;

      changed |= g_strcmp0 (problem, self->problem[i]) != 0;
      g_free (self->problem[i]);
      self->problem[i] = problem;
      if (first == NULL)
        first = problem;
    }

  if (g_strcmp0 (first, self->error_message) != 0)
    {
      g_free (self->error_message);
      self->error_message = g_strdup (first);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
    }
  if (changed)
    show_problems (self);
}

static gboolean
has_pending (MhSiteSettings *self,
             gboolean        savable)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (self->pending[i] && can_save (self, i) == savable)
      return TRUE;
  return FALSE;
}

static void
set_status_label (MhSiteSettings *self,
                  const char     *text,
                  const char     *style_class,
                  const char     *tooltip)
{
  GtkWidget *label = GTK_WIDGET (self->status_label);

  gtk_label_set_text (self->status_label, text);
  gtk_widget_set_tooltip_text (label, tooltip);
  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (label, "warning");
  gtk_widget_remove_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, style_class);
}

static void
update_status (MhSiteSettings *self)
{
  gboolean saved = self->save_error == NULL && !has_pending (self, TRUE);

  if (self->save_error != NULL)
    set_status_label (self, _("Could Not Save"), "error", self->save_error);
  else if (!saved)
    set_status_label (self, _("Saving…"), "dim-label", NULL);
  else if (has_pending (self, FALSE))
    set_status_label (self, _("Not Saved"), "warning",
                      _("Changes with a problem are kept here until they are corrected"));
  else
    set_status_label (self, _("Saved"), "dim-label", NULL);

  if (saved != self->saved)
    {
      self->saved = saved;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVED]);
    }
}

static void
update_actions (MhSiteSettings *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean editable = mh_site_settings_get_editable (self);

  gtk_widget_action_set_enabled (widget, "site-settings.choose-theme", editable);
  gtk_widget_action_set_enabled (widget, "site-settings.clear-theme",
                                 editable && self->text[FIELD_THEME_DIR][0] != '\0');
  gtk_widget_action_set_enabled (widget, "site-settings.confirm-raw-html",
                                 self->raw_html_dialog != NULL);
}

static void
update_theme_row (MhSiteSettings *self)
{
  const char *path = self->text[FIELD_THEME_DIR];
  g_autofree char *shown = path[0] != '\0' ? display_path (path) : NULL;

  adw_action_row_set_subtitle (self->theme_row,
                               shown != NULL ? shown : _("None: the built-in theme is used"));
}

static void
sync_raw_html_switch (MhSiteSettings *self)
{
  self->syncing_switch = TRUE;
  gtk_switch_set_active (self->raw_html_switch, mh_site_settings_get_allow_raw_html (self));
  self->syncing_switch = FALSE;
}

static void
update_editable (MhSiteSettings *self)
{
  gboolean editable = mh_site_settings_get_editable (self);
  gboolean read_only = self->store != NULL && !editable;

  gtk_widget_set_visible (self->page, self->store != NULL);
  gtk_widget_set_sensitive (self->site_group, editable);
  gtk_widget_set_sensitive (self->languages_group, editable);
  gtk_widget_set_sensitive (self->publishing_group, editable);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), editable);
  gtk_widget_set_visible (self->read_only_group, read_only);

  if (read_only)
    {
      const char *reason = mh_store_get_read_only_reason (self->store);
      g_autofree char *text = NULL;

      if (reason != NULL)
        /* Translators: %s says why, e.g. "the file is read-only. Changes cannot be saved; …" */
        text = g_strdup_printf (_("This site is open read-only: %s"), reason);
      else
        text = g_strdup (_("This site is open read-only"));
      gtk_label_set_text (self->read_only_label, text);
    }
}

/* --- editing -------------------------------------------------------------------- */

static gboolean
save_timeout_cb (gpointer user_data)
{
  MhSiteSettings *self = MH_SITE_SETTINGS (user_data);

  self->save_id = 0;
  mh_site_settings_save (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (MhSiteSettings *self)
{
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
  g_source_set_name_by_id (self->save_id, "[mh] site settings save");
}

/* The one place a field changes: typed, set as a property, or loaded. */
static void
set_field_text (MhSiteSettings *self,
                Field           field,
                const char     *text)
{
  if (text == NULL)
    text = "";
  if (g_strcmp0 (self->text[field], text) == 0)
    return;

  g_free (self->text[field]);
  self->text[field] = g_strdup (text);

  if (!self->loading && mh_site_settings_get_editable (self))
    {
      self->pending[field] = TRUE;
      if (field == FIELD_LANGUAGE)
        self->pending[FIELD_LANGUAGES] = TRUE;
      schedule_save (self);
    }

  if (field == FIELD_THEME_DIR)
    update_theme_row (self);
  else if (field == FIELD_ALLOW_RAW_HTML)
    sync_raw_html_switch (self);

  validate (self);
  update_status (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE + field]);
}

static void
on_row_changed_cb (MhSiteSettings *self,
                   GtkEditable    *editable)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (field_editable (self, i) == editable)
      set_field_text (self, i, gtk_editable_get_text (editable));
}

/* Typing, for a property: ignored while there is nothing to edit. */
static void
set_entry_field (MhSiteSettings *self,
                 Field           field,
                 const char     *text)
{
  if (!mh_site_settings_get_editable (self))
    return;
  gtk_editable_set_text (field_editable (self, field), text != NULL ? text : "");
}

static void
load_field (MhSiteSettings *self,
            Field           field,
            const char     *text)
{
  GtkEditable *editable = field_editable (self, field);

  if (editable != NULL)
    gtk_editable_set_text (editable, text);
  set_field_text (self, field, text);
}

/* Reads the settings from the file into the form; with @all FALSE, a field
 * edited since the last save is kept as it is. */
static void
load_settings (MhSiteSettings *self,
               gboolean        all)
{
  self->loading = TRUE;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_autofree char *text = NULL;

      if (!all && self->pending[i])
        continue;

      g_clear_pointer (&self->stored[i], g_free);
      if (self->store != NULL)
        self->stored[i] = mh_store_get_setting (self->store, field_info[i].key);

      if (i == FIELD_LANGUAGES)
        {
          g_autofree char *language = stripped (self->text[FIELD_LANGUAGE]);

          text = further_languages_text (self->stored[i], language);
        }
      else if (i == FIELD_ALLOW_RAW_HTML)
        text = g_strdup (g_strcmp0 (self->stored[i], "true") == 0 ? "true" : "false");
      else
        text = g_strdup (self->stored[i] != NULL ? self->stored[i] : "");

      load_field (self, i, text);
    }

  self->loading = FALSE;
}

static void
on_store_changed_cb (MhSiteSettings *self,
                     MhStore        *store)
{
  /* Our own saves end in ::changed too. */
  if (self->saving)
    return;
  load_settings (self, FALSE);
}

static gboolean
write_values (MhSiteSettings  *self,
              char           **values,
              const gboolean  *write,
              GError         **error)
{
  gboolean ok;

  self->saving = TRUE;
  ok = mh_store_begin (self->store, error);
  for (guint i = 0; ok && i < N_FIELDS; i++)
    if (write[i])
      ok = mh_store_set_setting (self->store, field_info[i].key, values[i], error);
  if (ok)
    ok = mh_store_commit (self->store, error);
  else
    mh_store_rollback (self->store);
  self->saving = FALSE;

  return ok;
}

/* --- the theme folder -------------------------------------------------------------- */

static void
on_theme_chosen_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  MhSiteSettings *self = MH_SITE_SETTINGS (object);
  g_autoptr(GFile) folder = mh_file_chooser_choose_finish (GTK_WIDGET (self), result, NULL);
  g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;

  if (path != NULL)
    mh_site_settings_set_theme_dir (self, path);
}

static void
mh_site_settings_actions_choose_theme_cb (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  MhSiteSettings *self = MH_SITE_SETTINGS (widget);
  const char *current = self->text[FIELD_THEME_DIR];
  g_autoptr(GFile) folder = NULL;
  MhFileChooserOptions options = {
    .action = GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
    .title = _("Choose a Theme Folder"),
    .accept_label = _("_Select"),
  };

  /* Open at the current theme, or beside the site file. */
  if (current[0] != '\0' && g_file_test (current, G_FILE_TEST_IS_DIR))
    folder = g_file_new_for_path (current);
  else if (self->store != NULL)
    {
      g_autoptr(GFile) site = g_file_new_for_path (mh_store_get_path (self->store));

      folder = g_file_get_parent (site);
    }
  options.folder = folder;

  g_cancellable_cancel (self->chooser_cancellable);
  g_clear_object (&self->chooser_cancellable);
  self->chooser_cancellable = g_cancellable_new ();
  mh_file_chooser_choose (widget, &options, self->chooser_cancellable, on_theme_chosen_cb, NULL);
}

static void
mh_site_settings_actions_clear_theme_cb (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  mh_site_settings_set_theme_dir (MH_SITE_SETTINGS (widget), NULL);
}

/* --- raw HTML -------------------------------------------------------------------- */

/* Forgets the question, and returns the dialog if it was still open. */
static AdwMessageDialog *
forget_raw_html_dialog (MhSiteSettings *self)
{
  AdwMessageDialog *dialog = g_steal_pointer (&self->raw_html_dialog);

  if (dialog == NULL)
    return NULL;
  g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->raw_html_dialog);
  g_signal_handlers_disconnect_by_data (dialog, self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFIRMING_RAW_HTML]);
  update_actions (self);
  return dialog;
}

static void
close_raw_html_dialog (MhSiteSettings *self)
{
  AdwMessageDialog *dialog = forget_raw_html_dialog (self);

  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
on_raw_html_response_cb (MhSiteSettings   *self,
                         const char       *response,
                         AdwMessageDialog *dialog)
{
  if (dialog != self->raw_html_dialog)
    return;

  forget_raw_html_dialog (self);

  if (g_strcmp0 (response, "allow") == 0 && mh_site_settings_get_editable (self))
    set_field_text (self, FIELD_ALLOW_RAW_HTML, "true");
}

static void
ask_raw_html (MhSiteSettings *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (self->raw_html_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->raw_html_dialog));
      return;
    }

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Allow Raw HTML?"),
                                   _("HTML typed in entry bodies, including scripts, will be "
                                     "published on the site as it is. Anyone who can edit an "
                                     "entry could then change how pages look and behave for "
                                     "every visitor, or run programs in their browsers.\n\n"
                                     "Only turn this on if every editor of this site is "
                                     "trusted."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "allow", _("_Allow Raw HTML"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "allow",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);

  self->raw_html_dialog = ADW_MESSAGE_DIALOG (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->raw_html_dialog);
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_raw_html_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFIRMING_RAW_HTML]);
  update_actions (self);
}

/* Answers the open question as a click would: the dialog's buttons, for
 * code and tests. */
static void
mh_site_settings_actions_confirm_raw_html_cb (GtkWidget  *widget,
                                              const char *action_name,
                                              GVariant   *parameter)
{
  MhSiteSettings *self = MH_SITE_SETTINGS (widget);
  g_autoptr(AdwMessageDialog) dialog = NULL;

  if (self->raw_html_dialog == NULL)
    return;

  dialog = g_object_ref (self->raw_html_dialog);
  adw_message_dialog_response (dialog, g_variant_get_boolean (parameter) ? "allow" : "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
on_raw_html_switch_active_cb (MhSiteSettings *self,
                              GParamSpec     *pspec,
                              GtkSwitch      *sw)
{
  if (self->syncing_switch)
    return;
  mh_site_settings_set_allow_raw_html (self, gtk_switch_get_active (sw));
}

/* --- GtkWidget ------------------------------------------------------------------- */

/* Leaving the page writes what is pending, without waiting. */
static void
flush (MhSiteSettings *self)
{
  if (self->save_id != 0 || has_pending (self, TRUE))
    mh_site_settings_save (self);
}

static void
mh_site_settings_unmap (GtkWidget *widget)
{
  flush (MH_SITE_SETTINGS (widget));
  GTK_WIDGET_CLASS (mh_site_settings_parent_class)->unmap (widget);
}

static void
mh_site_settings_unrealize (GtkWidget *widget)
{
  flush (MH_SITE_SETTINGS (widget));
  GTK_WIDGET_CLASS (mh_site_settings_parent_class)->unrealize (widget);
}

/* The question and the file chooser belong to the window the page leaves. */
static void
mh_site_settings_unroot (GtkWidget *widget)
{
  MhSiteSettings *self = MH_SITE_SETTINGS (widget);

  close_raw_html_dialog (self);
  g_cancellable_cancel (self->chooser_cancellable);
  g_clear_object (&self->chooser_cancellable);

  GTK_WIDGET_CLASS (mh_site_settings_parent_class)->unroot (widget);
}

/* --- GObject --------------------------------------------------------------------- */

static void
mh_site_settings_dispose (GObject *object)
{
  MhSiteSettings *self = MH_SITE_SETTINGS (object);

  if (self->store != NULL)
    flush (self);
  g_clear_handle_id (&self->save_id, g_source_remove);

  close_raw_html_dialog (self);
  g_cancellable_cancel (self->chooser_cancellable);
  g_clear_object (&self->chooser_cancellable);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);

  g_clear_pointer (&self->page, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), MH_TYPE_SITE_SETTINGS);

  G_OBJECT_CLASS (mh_site_settings_parent_class)->dispose (object);
}

static void
mh_site_settings_finalize (GObject *object)
{
  MhSiteSettings *self = MH_SITE_SETTINGS (object);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_free (self->text[i]);
      g_free (self->stored[i]);
      g_free (self->problem[i]);
    }
  g_free (self->error_message);
  g_free (self->save_error);

  G_OBJECT_CLASS (mh_site_settings_parent_class)->finalize (object);
}

static void
mh_site_settings_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MhSiteSettings *self = MH_SITE_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, mh_site_settings_get_store (self));
      break;

    case PROP_SAVED:
      g_value_set_boolean (value, mh_site_settings_get_saved (self));
      break;

    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, mh_site_settings_get_error_message (self));
      break;

    case PROP_EDITABLE:
      g_value_set_boolean (value, mh_site_settings_get_editable (self));
      break;

    case PROP_CONFIRMING_RAW_HTML:
      g_value_set_boolean (value, self->raw_html_dialog != NULL);
      break;

    case PROP_ALLOW_RAW_HTML:
      g_value_set_boolean (value, mh_site_settings_get_allow_raw_html (self));
      break;

    case PROP_THEME_DIR:
      g_value_set_string (value, mh_site_settings_get_theme_dir (self));
      break;

    case PROP_TITLE:
    case PROP_DESCRIPTION:
    case PROP_DEFAULT_AUTHOR:
    case PROP_LANGUAGE:
    case PROP_LANGUAGES:
    case PROP_BASE_URL:
      g_value_set_string (value, self->text[prop_id - PROP_TITLE]);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mh_site_settings_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  MhSiteSettings *self = MH_SITE_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      mh_site_settings_set_store (self, g_value_get_object (value));
      break;

    case PROP_ALLOW_RAW_HTML:
      mh_site_settings_set_allow_raw_html (self, g_value_get_boolean (value));
      break;

    case PROP_THEME_DIR:
      mh_site_settings_set_theme_dir (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
    case PROP_DESCRIPTION:
    case PROP_DEFAULT_AUTHOR:
    case PROP_LANGUAGE:
    case PROP_LANGUAGES:
    case PROP_BASE_URL:
      set_entry_field (self, prop_id - PROP_TITLE, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_form_property (guint prop_id)
{
  properties[prop_id] =
    g_param_spec_string (field_info[prop_id - PROP_TITLE].property, NULL, NULL,
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));
}

static void
mh_site_settings_class_init (MhSiteSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mh_site_settings_dispose;
  object_class->finalize = mh_site_settings_finalize;
  object_class->get_property = mh_site_settings_get_property;
  object_class->set_property = mh_site_settings_set_property;

  widget_class->unmap = mh_site_settings_unmap;
  widget_class->unrealize = mh_site_settings_unrealize;
  widget_class->unroot = mh_site_settings_unroot;

  /**
   * MhSiteSettings:store:
   *
   * The site whose settings are shown, or %NULL to show nothing.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         MH_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * MhSiteSettings:saved:
   *
   * %TRUE when no valid change waits to be written. A change with a
   * problem is not saved until it is corrected, and does not count.
   */
  properties[PROP_SAVED] =
    g_param_spec_boolean ("saved", NULL, NULL,
                          TRUE,
                          (G_PARAM_READABLE |
                           G_PARAM_STATIC_STRINGS));

  /**
   * MhSiteSettings:error-message:
   *
   * The first problem in the form, in words for the editor, or %NULL.
   */
  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  /**
   * MhSiteSettings:editable:
   *
   * Whether there is a site and it can be written.
   */
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_STATIC_STRINGS));

  /**
   * MhSiteSettings:confirming-raw-html:
   *
   * Whether the question "Allow Raw HTML?" is open; answer it with the
   * `site-settings.confirm-raw-html` action.
   */
  properties[PROP_CONFIRMING_RAW_HTML] =
    g_param_spec_boolean ("confirming-raw-html", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_STATIC_STRINGS));

  /*
   * The form. Setting one of these is what typing into its row does; it is
   * ignored while the site cannot be edited.
   */
  install_form_property (PROP_TITLE);
  install_form_property (PROP_DESCRIPTION);
  install_form_property (PROP_DEFAULT_AUTHOR);
  install_form_property (PROP_BASE_URL);

  /**
   * MhSiteSettings:language:
   *
   * The source language, a BCP 47 tag such as `en` or `pt-BR`.
   */
  install_form_property (PROP_LANGUAGE);

  /**
   * MhSiteSettings:languages:
   *
   * The further languages, separated by commas or spaces; the file keeps
   * them as a JSON array that starts with the source language.
   */
  install_form_property (PROP_LANGUAGES);

  /**
   * MhSiteSettings:theme-dir:
   *
   * A folder whose templates and CSS replace the built-in theme, or %NULL.
   */
  properties[PROP_THEME_DIR] =
    g_param_spec_string ("theme-dir", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * MhSiteSettings:allow-raw-html:
   *
   * Whether HTML in entry bodies is published. Setting it to %TRUE asks
   * first: it changes only when the editor agrees.
   */
  properties[PROP_ALLOW_RAW_HTML] =
    g_param_spec_boolean ("allow-raw-html", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/mh-site-settings.ui");
  gtk_widget_class_bind_template_child (widget_class, MhSiteSettings, base_url_problem);
  gtk_widget_class_bind_template_child (widget_class, MhSiteSettings, base_url_row);
  gtk_widget_class_bind_template_child (widget_class, MhSiteSettings, default_author_row);
  gtk_widget_class_bind_template_child (widget_class, MhSiteSettings, description_row);
  gtk_widget_class_bind_template_child (widget_class, MhSiteSettings, language_problem);
  gtk_widget_class_bind_template_child (widget_class, MhSiteSettings, language_row);
  gtk_widget_class_bind_template_child (widget_class, MhSiteSettings, languages_group);
  gtk_widget_class_bind_template_child (widget_class, MhSiteSettings, languages_problem);
  gtk_widget_class_bind_template_child (widget_class, MhSiteSettings, languages_problems);
  gtk_widget_class_bind_template_child (widget_class, MhSiteSettings, languages_row);
  gtk_widget_class_bind_template_child (widget_class, MhSiteSettings, page);
  gtk_widget_class_bind_template_child (widget_class, MhSiteSettings, publishing_group);
  gtk_widget_class_bind_template_child (widget_class, MhSiteSettings, publishing_problems);
  gtk_widget_class_bind_template_child (widget_class, MhSiteSettings, raw_html_row);
  gtk_widget_class_bind_template_child (widget_class, MhSiteSettings, raw_html_switch);
  gtk_widget_class_bind_template_child (widget_class, MhSiteSettings, read_only_group);
  gtk_widget_class_bind_template_child (widget_class, MhSiteSettings, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, MhSiteSettings, site_group);
  gtk_widget_class_bind_template_child (widget_class, MhSiteSettings, site_problems);
  gtk_widget_class_bind_template_child (widget_class, MhSiteSettings, status_label);
  gtk_widget_class_bind_template_child (widget_class, MhSiteSettings, theme_dir_problem);
  gtk_widget_class_bind_template_child (widget_class, MhSiteSettings, theme_row);
  gtk_widget_class_bind_template_child (widget_class, MhSiteSettings, title_problem);
  gtk_widget_class_bind_template_child (widget_class, MhSiteSettings, title_row);
  gtk_widget_class_bind_template_callback (widget_class, on_raw_html_switch_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_changed_cb);

  gtk_widget_class_install_action (widget_class, "site-settings.choose-theme", NULL,
                                   mh_site_settings_actions_choose_theme_cb);
  gtk_widget_class_install_action (widget_class, "site-settings.clear-theme", NULL,
                                   mh_site_settings_actions_clear_theme_cb);
  gtk_widget_class_install_action (widget_class, "site-settings.confirm-raw-html", "b",
                                   mh_site_settings_actions_confirm_raw_html_cb);
}

static void
mh_site_settings_init (MhSiteSettings *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    self->text[i] = g_strdup (i == FIELD_ALLOW_RAW_HTML ? "false" : "");
  self->saved = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  update_theme_row (self);
  update_editable (self);
  update_actions (self);
}

/* --- public API ------------------------------------------------------------------ */

/**
 * mh_site_settings_new:
 *
 * Returns: (transfer floating): a new, empty #MhSiteSettings; give it a
 *   site with mh_site_settings_set_store()
 */
GtkWidget *
mh_site_settings_new (void)
{
  return g_object_new (MH_TYPE_SITE_SETTINGS, NULL);
}

/**
 * mh_site_settings_get_store:
 * @self: a #MhSiteSettings
 *
 * Returns: (transfer none) (nullable): the site shown
 */
MhStore *
mh_site_settings_get_store (MhSiteSettings *self)
{
  g_return_val_if_fail (MH_IS_SITE_SETTINGS (self), NULL);

  return self->store;
}

/**
 * mh_site_settings_set_store:
 * @self: a #MhSiteSettings
 * @store: (nullable): the site to show, or %NULL to show nothing
 *
 * Writes what is pending to the previous site first.
 */
void
mh_site_settings_set_store (MhSiteSettings *self,
                            MhStore        *store)
{
  g_return_if_fail (MH_IS_SITE_SETTINGS (self));
  g_return_if_fail (store == NULL || MH_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    {
      flush (self);
      g_signal_handlers_disconnect_by_data (self->store, self);
    }
  g_clear_handle_id (&self->save_id, g_source_remove);
  close_raw_html_dialog (self);
  g_cancellable_cancel (self->chooser_cancellable);
  g_clear_object (&self->chooser_cancellable);

  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed",
                             G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);

  memset (self->pending, 0, sizeof self->pending);
  g_clear_pointer (&self->save_error, g_free);
  update_editable (self);
  load_settings (self, TRUE);
  validate (self);
  update_status (self);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

/**
 * mh_site_settings_get_saved:
 * @self: a #MhSiteSettings
 *
 * Returns: %TRUE when every valid change is in the file
 */
gboolean
mh_site_settings_get_saved (MhSiteSettings *self)
{
  g_return_val_if_fail (MH_IS_SITE_SETTINGS (self), TRUE);

  return self->saved;
}

/**
 * mh_site_settings_get_error_message:
 * @self: a #MhSiteSettings
 *
 * Returns: (nullable): the first problem in the form, e.g. "The base URL
 *   must start with https:// or http://, …", or %NULL
 */
const char *
mh_site_settings_get_error_message (MhSiteSettings *self)
{
  g_return_val_if_fail (MH_IS_SITE_SETTINGS (self), NULL);

  return self->error_message;
}

/**
 * mh_site_settings_get_editable:
 * @self: a #MhSiteSettings
 *
 * Returns: whether a site is shown and can be written
 */
gboolean
mh_site_settings_get_editable (MhSiteSettings *self)
{
  g_return_val_if_fail (MH_IS_SITE_SETTINGS (self), FALSE);

  return self->store != NULL && !mh_store_get_read_only (self->store);
}

/**
 * mh_site_settings_save:
 * @self: a #MhSiteSettings
 *
 * Writes every valid change now, in one transaction, instead of waiting for
 * the editor to pause. Changes with a problem stay in the form.
 *
 * Returns: %TRUE when every valid change is in the file
 */
gboolean
mh_site_settings_save (MhSiteSettings *self)
{
  g_autoptr(GError) error = NULL;
  char *values[N_FIELDS] = { NULL };
  gboolean write[N_FIELDS] = { FALSE };
  gboolean any = FALSE;

  g_return_val_if_fail (MH_IS_SITE_SETTINGS (self), FALSE);

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (!mh_site_settings_get_editable (self))
    return TRUE;

  for (guint i = 0; i < N_FIELDS; i++)
    if (self->pending[i] && can_save (self, i))
      {
        values[i] = dup_value (self, i);
        write[i] = g_strcmp0 (values[i], self->stored[i]) != 0;
        any |= write[i];
      }

  if (any && !write_values (self, values, write, &error))
    {
      g_free (self->save_error);
      self->save_error = g_strdup (error->message);
    }
  else
    {
      for (guint i = 0; i < N_FIELDS; i++)
        if (self->pending[i] && can_save (self, i))
          {
            self->pending[i] = FALSE;
            g_free (self->stored[i]);
            self->stored[i] = g_steal_pointer (&values[i]);
          }
      g_clear_pointer (&self->save_error, g_free);
    }

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (values[i]);
  update_status (self);

  return self->saved;
}

/**
 * mh_site_settings_get_title:
 * @self: a #MhSiteSettings
 *
 * Returns: the title as typed
 */
const char *
mh_site_settings_get_title (MhSiteSettings *self)
{
  g_return_val_if_fail (MH_IS_SITE_SETTINGS (self), NULL);

  return self->text[FIELD_TITLE];
}

/**
 * mh_site_settings_set_title:
 * @self: a #MhSiteSettings
 * @title: the site's title; it must not be empty to be saved
 */
void
mh_site_settings_set_title (MhSiteSettings *self,
                            const char     *title)
{
  g_return_if_fail (MH_IS_SITE_SETTINGS (self));

  set_entry_field (self, FIELD_TITLE, title);
}

/**
 * mh_site_settings_get_description:
 * @self: a #MhSiteSettings
 *
 * Returns: the description as typed
 */
const char *
mh_site_settings_get_description (MhSiteSettings *self)
{
  g_return_val_if_fail (MH_IS_SITE_SETTINGS (self), NULL);

  return self->text[FIELD_DESCRIPTION];
}

/**
 * mh_site_settings_set_description:
 * @self: a #MhSiteSettings
 * @description: (nullable): a sentence about the site
 */
void
mh_site_settings_set_description (MhSiteSettings *self,
                                  const char     *description)
{
  g_return_if_fail (MH_IS_SITE_SETTINGS (self));

  set_entry_field (self, FIELD_DESCRIPTION, description);
}

/**
 * mh_site_settings_get_base_url:
 * @self: a #MhSiteSettings
 *
 * Returns: the base URL as typed
 */
const char *
mh_site_settings_get_base_url (MhSiteSettings *self)
{
  g_return_val_if_fail (MH_IS_SITE_SETTINGS (self), NULL);

  return self->text[FIELD_BASE_URL];
}

/**
 * mh_site_settings_set_base_url:
 * @self: a #MhSiteSettings
 * @base_url: (nullable): an http or https URL, or empty
 */
void
mh_site_settings_set_base_url (MhSiteSettings *self,
                               const char     *base_url)
{
  g_return_if_fail (MH_IS_SITE_SETTINGS (self));

  set_entry_field (self, FIELD_BASE_URL, base_url);
}

/**
 * mh_site_settings_get_language:
 * @self: a #MhSiteSettings
 *
 * Returns: the source language as typed
 */
const char *
mh_site_settings_get_language (MhSiteSettings *self)
{
  g_return_val_if_fail (MH_IS_SITE_SETTINGS (self), NULL);

  return self->text[FIELD_LANGUAGE];
}

/**
 * mh_site_settings_set_language:
 * @self: a #MhSiteSettings
 * @language: a language tag such as `en` or `pt-BR`
 */
void
mh_site_settings_set_language (MhSiteSettings *self,
                               const char     *language)
{
  g_return_if_fail (MH_IS_SITE_SETTINGS (self));

  set_entry_field (self, FIELD_LANGUAGE, language);
}

/**
 * mh_site_settings_get_languages:
 * @self: a #MhSiteSettings
 *
 * Returns: the further languages as typed, e.g. "fr, de"
 */
const char *
mh_site_settings_get_languages (MhSiteSettings *self)
{
  g_return_val_if_fail (MH_IS_SITE_SETTINGS (self), NULL);

  return self->text[FIELD_LANGUAGES];
}

/**
 * mh_site_settings_set_languages:
 * @self: a #MhSiteSettings
 * @languages: (nullable): further language tags, separated by commas or spaces
 */
void
mh_site_settings_set_languages (MhSiteSettings *self,
                                const char     *languages)
{
  g_return_if_fail (MH_IS_SITE_SETTINGS (self));

  set_entry_field (self, FIELD_LANGUAGES, languages);
}

/**
 * mh_site_settings_get_theme_dir:
 * @self: a #MhSiteSettings
 *
 * Returns: (nullable): the theme folder, or %NULL for the built-in theme
 */
const char *
mh_site_settings_get_theme_dir (MhSiteSettings *self)
{
  g_return_val_if_fail (MH_IS_SITE_SETTINGS (self), NULL);

  return self->text[FIELD_THEME_DIR][0] != '\0' ? self->text[FIELD_THEME_DIR] : NULL;
}

/**
 * mh_site_settings_set_theme_dir:
 * @self: a #MhSiteSettings
 * @theme_dir: (nullable): an existing folder, or %NULL for the built-in theme
 */
void
mh_site_settings_set_theme_dir (MhSiteSettings *self,
                                const char     *theme_dir)
{
  g_return_if_fail (MH_IS_SITE_SETTINGS (self));

  if (mh_site_settings_get_editable (self))
    set_field_text (self, FIELD_THEME_DIR, theme_dir);
}

/**
 * mh_site_settings_get_allow_raw_html:
 * @self: a #MhSiteSettings
 *
 * Returns: whether HTML in entry bodies is published
 */
gboolean
mh_site_settings_get_allow_raw_html (MhSiteSettings *self)
{
  g_return_val_if_fail (MH_IS_SITE_SETTINGS (self), FALSE);

  return g_strcmp0 (self->text[FIELD_ALLOW_RAW_HTML], "true") == 0;
}

/**
 * mh_site_settings_set_allow_raw_html:
 * @self: a #MhSiteSettings
 * @allow_raw_html: whether HTML in entry bodies is published
 *
 * Turning it off happens at once. Turning it on asks first, in a dialog
 * that says what it means; the setting changes only if the editor agrees.
 */
void
mh_site_settings_set_allow_raw_html (MhSiteSettings *self,
                                     gboolean        allow_raw_html)
{
  g_return_if_fail (MH_IS_SITE_SETTINGS (self));

  if (!mh_site_settings_get_editable (self) ||
      !!allow_raw_html == mh_site_settings_get_allow_raw_html (self))
    sync_raw_html_switch (self);
  else if (allow_raw_html)
    {
      sync_raw_html_switch (self);
      ask_raw_html (self);
    }
  else
    set_field_text (self, FIELD_ALLOW_RAW_HTML, "false");
}

/**
 * mh_site_settings_get_default_author:
 * @self: a #MhSiteSettings
 *
 * Returns: the default author as typed
 */
const char *
mh_site_settings_get_default_author (MhSiteSettings *self)
{
  g_return_val_if_fail (MH_IS_SITE_SETTINGS (self), NULL);

  return self->text[FIELD_DEFAULT_AUTHOR];
}

/**
 * mh_site_settings_set_default_author:
 * @self: a #MhSiteSettings
 * @default_author: (nullable): a name
 */
void
mh_site_settings_set_default_author (MhSiteSettings *self,
                                     const char     *default_author)
{
  g_return_if_fail (MH_IS_SITE_SETTINGS (self));

  set_entry_field (self, FIELD_DEFAULT_AUTHOR, default_author);
}

/**
 * _mh_site_settings_get_row:
 * @self: a #MhSiteSettings
 * @property: the name of a form property, e.g. "base-url"
 *
 * For tests, which must not walk the widget tree.
 *
 * Returns: (transfer none) (nullable): the row that edits @property
 */
GtkWidget *
_mh_site_settings_get_row (MhSiteSettings *self,
                           const char     *property)
{
  Field field;

  g_return_val_if_fail (MH_IS_SITE_SETTINGS (self), NULL);

  field = field_from_property (property);
  return field < N_FIELDS ? field_row (self, field) : NULL;
}
