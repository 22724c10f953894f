/* mh-entry-editor-form.c: the entry's own fields in the editor
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text rows are bound both ways to the entry's properties through one
 * GBindingGroup, whose source is the entry being edited. Dates are typed
 * as YYYY-MM-DD (a calendar button fills them in) and shown beside the
 * row the way the site shows them, “10 Jun 2024”; date-times are typed
 * with a space, “2024-06-10 09:30”, and kept with a T. References to other
 * rows of the site (cover image, country, related event, time zone) are
 * chosen in an MhChoicePopover.
 *
 * The slug follows the title while the entry is a draft or in review and
 * its slug is still the one derived from the title; typing a slug of one's
 * own stops that, and “Reset to Title” derives it again. A published
 * entry's slug never changes by itself: the store keeps the old slug as an
 * alias whenever it does change, and every keystroke would leave one.
 */

#define G_LOG_DOMAIN "mh-entry-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "mh-choice.h"
#include "mh-entry-editor-private.h"
#include "mh-slug.h"

typedef enum
{
  TEXT_PLAIN,
  TEXT_DATE_TIME,   /* a space in the row, a T in the entry */
  TEXT_COMMAS,      /* a GStrv, written “a, b” */
  TEXT_WORDS,       /* a GStrv, written “a b” */
} TextKind;

typedef struct
{
  const char *property;
  gsize       row;
  TextKind    kind;
} TextField;

#define W(member) G_STRUCT_OFFSET (MhEntryEditor, member)

static const TextField text_fields[] = {
  { "title",        W (title_row),        TEXT_PLAIN },
  { "slug",         W (slug_row),         TEXT_PLAIN },
  { "date",         W (date_row),         TEXT_DATE_TIME },
  { "language",     W (language_row),     TEXT_PLAIN },
  { "authors",      W (authors_row),      TEXT_COMMAS },
  { "posted-by",    W (posted_by_row),    TEXT_PLAIN },
  { "website",      W (website_row),      TEXT_PLAIN },
  { "series",       W (series_row),       TEXT_PLAIN },
  { "hashtags",     W (hashtags_row),     TEXT_WORDS },
  { "cover-alt",    W (cover_alt_row),    TEXT_PLAIN },
  { "cover-credit", W (cover_credit_row), TEXT_PLAIN },
  { "event-start",  W (event_start_row),  TEXT_DATE_TIME },
  { "event-end",    W (event_end_row),    TEXT_DATE_TIME },
  { "venue",        W (venue_row),        TEXT_PLAIN },
  { "city",         W (city_row),         TEXT_PLAIN },
  { "event-format", W (event_format_row), TEXT_PLAIN },
  { "publisher",    W (publisher_row),    TEXT_PLAIN },
  { "deadline",     W (deadline_row),     TEXT_DATE_TIME },
};

/* The date rows, which get a calendar button and a readable date. */
static const struct
{
  const char *property;
  gsize       row;
} date_fields[] = {
  { "date",        W (date_row) },
  { "event-start", W (event_start_row) },
  { "event-end",   W (event_end_row) },
  { "deadline",    W (deadline_row) },
};

#undef W

#define WIDGET_AT(self, offset) G_STRUCT_MEMBER (GtkWidget *, (self), (offset))

/* The categories of open calls the reference site uses; another value an
 * entry already has is offered too. These are data, not interface text. */
static const char * const call_categories[] = { "Open Call", "Residency", "Grant" };

/* --- transforms ------------------------------------------------------------ */

/**
 * _mh_entry_editor_dup_shown_date:
 * @value: (nullable): a date or date-time as the entry keeps it
 *
 * Returns: (transfer full): @value as it is typed: a space between date
 *   and time, and no seconds when they are zero
 */
char *
_mh_entry_editor_dup_shown_date (const char *value)
{
  char *shown = g_strdup (value != NULL ? value : "");
  gsize len = strlen (shown);

  if (len > 10 && shown[10] == 'T')
    shown[10] = ' ';
  if (len == 19 && g_str_has_suffix (shown, ":00") && shown[13] == ':')
    shown[16] = '\0';
  return shown;
}

static gboolean
string_to_text (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  TextKind kind = GPOINTER_TO_INT (user_data);
  const char *text = g_value_get_string (from);
  char *shown;

  if (text == NULL)
    shown = g_strdup ("");
  else if (kind == TEXT_DATE_TIME)
    shown = _mh_entry_editor_dup_shown_date (text);
  else
    shown = g_strdup (text);
  g_value_take_string (to, shown);
  return TRUE;
}

static gboolean
text_to_string (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  TextKind kind = GPOINTER_TO_INT (user_data);
  char *text = g_strdup (g_value_get_string (from));

  /* A date-time is typed with a space; it is kept with a T, as the site
   * file writes it. Spaces around it are not part of it. */
  if (kind == TEXT_DATE_TIME)
    {
      g_strstrip (text);
      if (strlen (text) > 10 && text[10] == ' ')
        text[10] = 'T';
    }
  g_value_take_string (to, text);
  return TRUE;
}

static gboolean
strv_to_text (GBinding     *binding,
              const GValue *from,
              GValue       *to,
              gpointer      user_data)
{
  TextKind kind = GPOINTER_TO_INT (user_data);
  const char * const *strv = g_value_get_boxed (from);

  g_value_take_string (to, strv != NULL ? g_strjoinv (kind == TEXT_COMMAS ? ", " : " ",
                                                      (char **) strv)
                                        : g_strdup (""));
  return TRUE;
}

static gboolean
text_to_strv (GBinding     *binding,
              const GValue *from,
              GValue       *to,
              gpointer      user_data)
{
  TextKind kind = GPOINTER_TO_INT (user_data);
  const char *text = g_value_get_string (from);
  g_auto(GStrv) parts = g_strsplit_set (text != NULL ? text : "",
                                        kind == TEXT_COMMAS ? "," : ", \t", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  g_value_take_boxed (to, g_strv_builder_end (builder));
  return TRUE;
}

static gboolean
category_to_selected (GBinding     *binding,
                      const GValue *from,
                      GValue       *to,
                      gpointer      user_data)
{
  MhEntryEditor *self = user_data;
  const char *category = g_value_get_string (from);
  GListModel *model = G_LIST_MODEL (self->call_categories);

  g_value_set_uint (to, 0);
  for (guint i = 1; category != NULL && i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->call_categories, i), category) == 0)
      g_value_set_uint (to, i);
  return TRUE;
}

static gboolean
selected_to_category (GBinding     *binding,
                      const GValue *from,
                      GValue       *to,
                      gpointer      user_data)
{
  MhEntryEditor *self = user_data;
  guint selected = g_value_get_uint (from);

  if (selected == GTK_INVALID_LIST_POSITION)
    return FALSE;
  g_value_set_string (to, selected == 0 ? NULL
                                        : gtk_string_list_get_string (self->call_categories,
                                                                      selected));
  return TRUE;
}

/* --- counts: -1 is “not given” and shows as an empty field ---------------- */

static gboolean
on_count_output_cb (GtkSpinButton *spin,
                    gpointer       user_data)
{
  double value = gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin));
  g_autofree char *text = value < 0 ? g_strdup ("") : g_strdup_printf ("%.0f", value);

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
on_count_input_cb (GtkSpinButton *spin,
                   double        *new_value,
                   gpointer       user_data)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));
  char *end = NULL;
  double value;

  if (text[0] == '\0')
    {
      *new_value = -1;
      return TRUE;
    }
  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || value < 0)
    return GTK_INPUT_ERROR;
  *new_value = value;
  return TRUE;
}

/* --- dates ---------------------------------------------------------------- */

/* “10 Jun 2024”, or “10 Jun 2024, 09:30” with a time. */
static char *
dup_readable_date (const char *value)
{
  g_autofree char *date = mh_format_date (value);

  if (date == NULL || !mh_date_is_valid (value, TRUE))
    return NULL;
  if (strlen (value) > 10)
    /* Translators: a date such as “10 Jun 2024”, then a time such as “09:30” */
    return g_strdup_printf (_("%s, %.5s"), date, value + 11);
  return g_steal_pointer (&date);
}

static void
update_date_hint (MhEntryEditor *self,
                  GtkWidget     *row,
                  const char    *property)
{
  GtkLabel *hint = g_object_get_data (G_OBJECT (row), "date-hint");
  g_autofree char *value = NULL;
  g_autofree char *text = NULL;

  if (self->entry != NULL)
    g_object_get (self->entry, property, &value, NULL);
  text = dup_readable_date (value);
  gtk_label_set_label (hint, text);
  gtk_widget_set_visible (GTK_WIDGET (hint), text != NULL);
}

static void
on_calendar_popover_show_cb (GtkPopover    *popover,
                             MhEntryEditor *self)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  const char *property = g_object_get_data (G_OBJECT (calendar), "property");
  g_autofree char *value = NULL;
  g_autoptr(GDateTime) day = NULL;
  int y, m, d;

  if (self->entry != NULL)
    g_object_get (self->entry, property, &value, NULL);
  if (value != NULL && mh_date_is_valid (value, TRUE) &&
      sscanf (value, "%4d-%2d-%2d", &y, &m, &d) == 3)
    day = g_date_time_new_local (y, m, d, 0, 0, 0);
  else
    day = g_date_time_new_now_local ();

  g_object_set_data (G_OBJECT (calendar), "syncing", GINT_TO_POINTER (TRUE));
  gtk_calendar_select_day (calendar, day);
  g_object_set_data (G_OBJECT (calendar), "syncing", NULL);
}

/* A day chosen in the calendar keeps the time that was typed. */
static void
on_day_selected_cb (GtkCalendar   *calendar,
                    MhEntryEditor *self)
{
  const char *property = g_object_get_data (G_OBJECT (calendar), "property");
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *value = NULL;
  g_autofree char *date = NULL;
  g_autofree char *new_value = NULL;

  if (self->entry == NULL || g_object_get_data (G_OBJECT (calendar), "syncing") != NULL)
    return;

  day = gtk_calendar_get_date (calendar);
  date = g_date_time_format (day, "%Y-%m-%d");
  g_object_get (self->entry, property, &value, NULL);
  if (value != NULL && strlen (value) > 10 && mh_date_is_valid (value, TRUE) &&
      !(g_str_has_prefix (property, "event-") && mh_entry_get_all_day (self->entry)))
    new_value = g_strconcat (date, value + 10, NULL);
  else
    new_value = g_steal_pointer (&date);

  _mh_entry_editor_checkpoint (self);
  g_object_set (self->entry, property, new_value, NULL);
  _mh_entry_editor_checkpoint (self);
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (calendar),
                                                             GTK_TYPE_POPOVER)));
}

static void
add_date_button (MhEntryEditor *self,
                 AdwEntryRow   *row,
                 const char    *property)
{
  GtkWidget *hint = gtk_label_new (NULL);
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_set_visible (hint, FALSE);
  gtk_widget_set_valign (hint, GTK_ALIGN_CENTER);

  g_object_set_data (G_OBJECT (calendar), "property", (gpointer) property);
  g_signal_connect_object (calendar, "day-selected", G_CALLBACK (on_day_selected_cb), self, 0);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  g_signal_connect_object (popover, "show", G_CALLBACK (on_calendar_popover_show_cb), self, 0);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Choose a Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose a Date"), -1);

  adw_entry_row_add_suffix (row, hint);
  adw_entry_row_add_suffix (row, button);
  g_object_set_data (G_OBJECT (row), "date-hint", hint);
}

/* --- references to other rows of the site ------------------------------------ */

/**
 * _mh_entry_editor_dup_label:
 * @self: an editor
 * @kind: "entry", or the key of a vocabulary
 * @key: an entry's slug, or a term's slug
 *
 * Returns: (transfer full) (nullable): the title or name to show for @key,
 *   or @key itself when the site does not know it
 */
char *
_mh_entry_editor_dup_label (MhEntryEditor *self,
                            const char    *kind,
                            const char    *key)
{
  g_autofree char *cache_key = NULL;
  g_autofree char *loaded_key = NULL;
  const char *label;

  if (key == NULL || self->store == NULL)
    return NULL;

  cache_key = g_strdup_printf ("%s/%s", kind, key);
  label = g_hash_table_lookup (self->labels, cache_key);
  if (label != NULL)
    return g_strdup (label);

  if (g_str_equal (kind, "entry"))
    {
      g_autoptr(MhEntry) entry = mh_store_find_entry (self->store, key, NULL);

      if (entry == NULL || mh_entry_get_title (entry) == NULL)
        return g_strdup (key);
      g_hash_table_insert (self->labels, g_steal_pointer (&cache_key),
                           g_strdup (mh_entry_get_title (entry)));
      return g_strdup (mh_entry_get_title (entry));
    }

  /* A vocabulary's terms are read once per entry. */
  loaded_key = g_strdup_printf ("%s/", kind);
  if (!g_hash_table_contains (self->labels, loaded_key))
    {
      g_autoptr(GListModel) terms = mh_store_list_terms (self->store, kind, NULL);

      for (guint i = 0; terms != NULL && i < g_list_model_get_n_items (terms); i++)
        {
          g_autoptr(MhChoice) term = g_list_model_get_item (terms, i);

          g_hash_table_insert (self->labels,
                               g_strdup_printf ("%s/%s", kind, mh_choice_get_key (term)),
                               g_strdup (mh_choice_get_label (term)));
        }
      g_hash_table_insert (self->labels, g_steal_pointer (&loaded_key), g_strdup (""));
    }
  label = g_hash_table_lookup (self->labels, cache_key);
  return g_strdup (label != NULL ? label : key);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static gpointer
read_time_zones (gpointer data)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GtkStringList *zones;
  gboolean tab = FALSE;

  /* tzdata.zi names every zone ("Z Europe/Prague …") and every link
   * ("L Europe/Prague Europe/Bratislava"); zone1970.tab only the zones. */
  if (!g_file_get_contents ("/usr/share/zoneinfo/tzdata.zi", &text, NULL, NULL))
    {
      tab = TRUE;
      g_file_get_contents ("/usr/share/zoneinfo/zone1970.tab", &text, NULL, NULL);
    }
  lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit_set (lines[i], " \t", -1);
      guint n = g_strv_length (words);

      if (tab && lines[i][0] != '#' && n >= 3)
        g_ptr_array_add (names, g_strdup (words[2]));
      else if (!tab && n >= 2 && g_str_equal (words[0], "Z"))
        g_ptr_array_add (names, g_strdup (words[1]));
      else if (!tab && n >= 3 && g_str_equal (words[0], "L"))
        g_ptr_array_add (names, g_strdup (words[2]));
    }
  g_ptr_array_add (names, g_strdup ("UTC"));
  g_ptr_array_sort (names, compare_strings);

  zones = gtk_string_list_new (NULL);
  for (guint i = 0; i < names->len; i++)
    if (i == 0 || g_strcmp0 (g_ptr_array_index (names, i), g_ptr_array_index (names, i - 1)) != 0)
      gtk_string_list_append (zones, g_ptr_array_index (names, i));
  return zones;
}

/**
 * _mh_entry_editor_time_zones:
 *
 * Returns: (transfer none): the IANA time zones this system knows, as
 *   #GtkStringObject items in alphabetical order, read once
 */
GListModel *
_mh_entry_editor_time_zones (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, read_time_zones, NULL);
  return G_LIST_MODEL (once.retval);
}

static GListModel *
load_assets (gpointer user_data)
{
  MhEntryEditor *self = user_data;

  return self->store != NULL ? mh_store_list_assets (self->store, NULL) : NULL;
}

static gboolean
hide_non_images (GObject  *item,
                 gpointer  user_data)
{
  const char *media_type = mh_choice_get_detail (MH_CHOICE (item));

  return media_type == NULL || !g_str_has_prefix (media_type, "image/");
}

static GListModel *
load_countries (gpointer user_data)
{
  MhEntryEditor *self = user_data;

  return self->store != NULL ? mh_store_list_terms (self->store, "countries", NULL) : NULL;
}

static GListModel *
load_events (gpointer user_data)
{
  MhEntryEditor *self = user_data;

  return self->store != NULL
         ? mh_store_list_entry_choices (self->store, MH_ENTRY_KIND_EVENT, NULL)
         : NULL;
}

static void
on_reference_chosen_cb (MhChoicePopover *popover,
                        GObject         *item,
                        MhEntryEditor   *self)
{
  const char *property = g_object_get_data (G_OBJECT (popover), "property");
  const char *value = MH_IS_CHOICE (item) ? mh_choice_get_key (MH_CHOICE (item))
                                          : gtk_string_object_get_string (GTK_STRING_OBJECT (item));

  if (self->entry == NULL)
    return;
  _mh_entry_editor_checkpoint (self);
  g_object_set (self->entry, property, value, NULL);
  _mh_entry_editor_checkpoint (self);
}

static MhChoicePopover *
add_picker (MhEntryEditor    *self,
            GtkMenuButton    *button,
            const char       *property,
            const char       *placeholder,
            MhChoiceLoadFunc  load,
            MhChoiceHideFunc  hide)
{
  MhChoicePopover *popover = mh_choice_popover_new ();

  mh_choice_popover_set_loader (popover, load, hide, self);
  mh_choice_popover_set_placeholder_text (popover, placeholder);
  g_object_set_data (G_OBJECT (popover), "property", (gpointer) property);
  g_signal_connect_object (popover, "chosen", G_CALLBACK (on_reference_chosen_cb), self, 0);
  gtk_menu_button_set_popover (button, GTK_WIDGET (popover));
  return popover;
}

static void
update_reference_row (MhEntryEditor *self,
                      AdwActionRow  *row,
                      GtkWidget     *clear_button,
                      const char    *kind,
                      const char    *value,
                      const char    *unset)
{
  g_autofree char *label = NULL;

  if (kind != NULL)
    label = _mh_entry_editor_dup_label (self, kind, value);
  adw_action_row_set_subtitle (row, value == NULL ? unset : label != NULL ? label : value);
  if (clear_button != NULL)
    gtk_widget_set_visible (clear_button, value != NULL);
}

/* --- the slug ------------------------------------------------------------------ */

/**
 * _mh_entry_editor_form_slug_taken:
 * @self: an editor
 * @slug: a slug
 *
 * Returns: %TRUE when another entry has @slug, or had it (an alias)
 */
gboolean
_mh_entry_editor_form_slug_taken (MhEntryEditor *self,
                                  const char    *slug)
{
  g_autoptr(MhEntry) other = NULL;

  if (self->store == NULL || self->entry == NULL || slug == NULL)
    return FALSE;
  other = mh_store_find_entry (self->store, slug, NULL);
  return other != NULL && mh_entry_get_id (other) != mh_entry_get_id (self->entry);
}

/* The title's slug, made unique with -2, -3 … as the store would; %NULL
 * while there is no title. */
static char *
derive_slug (MhEntryEditor *self)
{
  g_autofree char *title = g_strdup (mh_entry_get_title (self->entry));
  g_autofree char *base = NULL;
  char *slug;

  if (title == NULL || g_strstrip (title)[0] == '\0')
    return NULL;
  base = mh_slugify (title);
  slug = g_strdup (base);
  for (guint n = 2; n < 1000 && _mh_entry_editor_form_slug_taken (self, slug); n++)
    {
      g_free (slug);
      slug = g_strdup_printf ("%s-%u", base, n);
    }
  return slug;
}

static gboolean
slug_may_follow (MhEntryEditor *self)
{
  MhEntryStatus status = mh_entry_get_status (self->entry);

  return status == MH_ENTRY_STATUS_DRAFT || status == MH_ENTRY_STATUS_REVIEW;
}

static void
set_slug (MhEntryEditor *self,
          const char    *slug)
{
  self->syncing_slug = TRUE;
  mh_entry_set_slug (self->entry, slug);
  self->syncing_slug = FALSE;
}

static void
update_slug_reset (MhEntryEditor *self,
                   const char    *slug)
{
  g_autofree char *derived = self->entry != NULL ? derive_slug (self) : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.reset-slug",
                                 derived != NULL && !self->read_only &&
                                 g_strcmp0 (derived, slug) != 0);
}

/**
 * _mh_entry_editor_form_update_slug_follows:
 * @self: an editor
 *
 * Decides again whether the slug follows the title: after loading, undo
 * or a status change.
 */
void
_mh_entry_editor_form_update_slug_follows (MhEntryEditor *self)
{
  g_autofree char *derived = NULL;
  const char *slug;

  if (self->entry == NULL)
    return;
  slug = mh_entry_get_slug (self->entry);
  derived = derive_slug (self);
  self->slug_follows_title = slug_may_follow (self) &&
                             (slug == NULL || g_strcmp0 (slug, derived) == 0);
  update_slug_reset (self, slug);
}

/**
 * _mh_entry_editor_form_slug_title_changed:
 * @self: an editor
 *
 * The title changed: the slug follows it when it should.
 */
void
_mh_entry_editor_form_slug_title_changed (MhEntryEditor *self)
{
  g_autofree char *derived = NULL;

  if (self->entry == NULL || self->loading || self->applying || self->saving)
    return;
  if (self->slug_follows_title && (derived = derive_slug (self)) != NULL)
    set_slug (self, derived);
  update_slug_reset (self, mh_entry_get_slug (self->entry));
}

/**
 * _mh_entry_editor_form_reset_slug:
 * @self: an editor
 *
 * Derives the slug from the title again; a draft's slug then follows the
 * title again.
 */
void
_mh_entry_editor_form_reset_slug (MhEntryEditor *self)
{
  g_autofree char *derived = NULL;

  if (self->entry == NULL)
    return;
  derived = derive_slug (self);
  if (derived == NULL)
    return;
  set_slug (self, derived);
  self->slug_follows_title = slug_may_follow (self);
  update_slug_reset (self, derived);
}

/* An editor typing a slug of their own stops it following the title;
 * typing the derived one back starts it again. */
static void
on_slug_row_changed_cb (MhEntryEditor *self,
                        GtkEditable   *row)
{
  g_autofree char *derived = NULL;
  const char *text = gtk_editable_get_text (row);

  if (self->entry == NULL || self->syncing_slug || self->loading || self->applying ||
      self->saving)
    return;
  derived = derive_slug (self);
  self->slug_follows_title = slug_may_follow (self) &&
                             (text[0] == '\0' || g_strcmp0 (text, derived) == 0);
  update_slug_reset (self, text);
}

/* --- the form -------------------------------------------------------------- */

static void
bind_text_fields (MhEntryEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      GtkWidget *row = WIDGET_AT (self, text_fields[i].row);
      gboolean list = text_fields[i].kind == TEXT_COMMAS || text_fields[i].kind == TEXT_WORDS;

      /* Ctrl+Z undoes the form's last change, not the row's typing. */
      gtk_editable_set_enable_undo (GTK_EDITABLE (row), FALSE);
      g_binding_group_bind_full (self->bindings, text_fields[i].property, row, "text",
                                 G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                                 list ? strv_to_text : string_to_text,
                                 list ? text_to_strv : text_to_string,
                                 GINT_TO_POINTER (text_fields[i].kind), NULL);
    }
}

static void
bind_other_fields (MhEntryEditor *self)
{
  const GBindingFlags both = G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE;

  g_binding_group_bind (self->bindings, "all-day", self->all_day_switch, "active", both);
  g_binding_group_bind (self->bindings, "online", self->online_switch, "active", both);
  g_binding_group_bind (self->bindings, "participants-planned", self->planned_spin, "value", both);
  g_binding_group_bind (self->bindings, "participants-actual", self->actual_spin, "value", both);
  g_binding_group_bind_full (self->bindings, "call-category", self->call_category_row, "selected",
                             both, category_to_selected, selected_to_category, self, NULL);

  g_signal_connect (self->planned_spin, "output", G_CALLBACK (on_count_output_cb), NULL);
  g_signal_connect (self->planned_spin, "input", G_CALLBACK (on_count_input_cb), NULL);
  g_signal_connect (self->actual_spin, "output", G_CALLBACK (on_count_output_cb), NULL);
  g_signal_connect (self->actual_spin, "input", G_CALLBACK (on_count_input_cb), NULL);
}

static GListModel *
load_time_zones (gpointer user_data)
{
  return g_object_ref (_mh_entry_editor_time_zones ());
}

static void
add_pickers (MhEntryEditor *self)
{
  MhChoicePopover *cover;
  GtkWidget *button;

  cover = add_picker (self, self->cover_button, "cover", _("Search images"), load_assets,
                      hide_non_images);
  button = mh_choice_popover_add_button (cover, _("_Add Image From Computer…"));
  gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (button),
                                           "editor.add-file(('cover', ''))");

  add_picker (self, self->country_button, "country", _("Search countries"), load_countries,
              NULL);
  add_picker (self, self->report_event_button, "report-event", _("Search events"), load_events,
              NULL);
  add_picker (self, self->time_zone_button, "time-zone", _("Search time zones, such as Prague"),
              load_time_zones, NULL);
  gtk_menu_button_set_label (self->country_button, _("Choose…"));
  gtk_menu_button_set_label (self->time_zone_button, _("Choose…"));
}

/**
 * _mh_entry_editor_form_init:
 * @self: an editor
 *
 * Sets up the rows of the entry's own fields, once.
 */
void
_mh_entry_editor_form_init (MhEntryEditor *self)
{
  self->call_categories = gtk_string_list_new (NULL);
  /* Translators: an open call without a category */
  gtk_string_list_append (self->call_categories, C_("call category", "None"));
  for (guint i = 0; i < G_N_ELEMENTS (call_categories); i++)
    gtk_string_list_append (self->call_categories, call_categories[i]);
  adw_combo_row_set_model (self->call_category_row, G_LIST_MODEL (self->call_categories));

  for (guint i = 0; i < G_N_ELEMENTS (date_fields); i++)
    add_date_button (self, ADW_ENTRY_ROW (WIDGET_AT (self, date_fields[i].row)),
                     date_fields[i].property);
  bind_text_fields (self);
  bind_other_fields (self);
  add_pickers (self);
  g_signal_connect_object (self->slug_row, "changed", G_CALLBACK (on_slug_row_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
show_kind_groups (MhEntryEditor *self,
                  MhEntryKind    kind)
{
  gboolean event = kind == MH_ENTRY_KIND_EVENT;
  gboolean report = kind == MH_ENTRY_KIND_REPORT;
  gboolean call = kind == MH_ENTRY_KIND_OPEN_CALL;

  gtk_widget_set_visible (self->article_group, kind == MH_ENTRY_KIND_ARTICLE);
  gtk_widget_set_visible (self->event_group, event);
  gtk_widget_set_visible (self->place_group, event);
  gtk_widget_set_visible (self->participants_group, event);
  gtk_widget_set_visible (self->programme_group, event);
  gtk_widget_set_visible (self->report_group, report);
  gtk_widget_set_visible (self->downloads_group, report);
  gtk_widget_set_visible (self->call_group, call);
  gtk_widget_set_visible (self->eligible_group, call);
  /* A standing page has no byline. */
  gtk_widget_set_visible (GTK_WIDGET (self->authors_row), kind != MH_ENTRY_KIND_PAGE);
  gtk_widget_set_visible (GTK_WIDGET (self->posted_by_row), kind != MH_ENTRY_KIND_PAGE);
  /* An open call's website is where to apply. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->website_row),
                                 call ? _("_Website (where to apply)") : _("_Website"));
}

/* An all-day event is typed without times. */
static void
update_event_titles (MhEntryEditor *self)
{
  gboolean all_day = mh_entry_get_all_day (self->entry);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->event_start_row),
                                 all_day ? _("_Starts (YYYY-MM-DD)")
                                         : _("_Starts (YYYY-MM-DD HH:MM)"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->event_end_row),
                                 all_day ? _("_Ends (YYYY-MM-DD)") : _("_Ends (YYYY-MM-DD HH:MM)"));
}

/**
 * _mh_entry_editor_form_all_day_changed:
 * @self: an editor
 *
 * An event made all-day loses the times of its start and end; undo brings
 * them back.
 */
void
_mh_entry_editor_form_all_day_changed (MhEntryEditor *self)
{
  static const char * const properties[] = { "event-start", "event-end" };

  if (self->entry == NULL || self->applying || self->loading ||
      !mh_entry_get_all_day (self->entry))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
    {
      g_autofree char *value = NULL;

      g_object_get (self->entry, properties[i], &value, NULL);
      if (value != NULL && strlen (value) > 10 && mh_date_is_valid (value, TRUE))
        {
          value[10] = '\0';
          g_object_set (self->entry, properties[i], value, NULL);
        }
    }
}

/* An unknown category of an existing entry is offered as it is. */
static void
offer_category (MhEntryEditor *self,
                const char    *category)
{
  GListModel *model = G_LIST_MODEL (self->call_categories);

  if (category == NULL)
    return;
  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->call_categories, i), category) == 0)
      return;
  gtk_string_list_append (self->call_categories, category);
}

/**
 * _mh_entry_editor_form_bind:
 * @self: an editor
 *
 * Shows the rows of the loaded entry's kind and the values that are not
 * bound: chosen references, readable dates, the slug's state.
 */
void
_mh_entry_editor_form_bind (MhEntryEditor *self)
{
  static const char * const shown[] = {
    "cover", "country", "report-event", "time-zone", "date", "event-start", "event-end",
    "deadline", "all-day",
  };
  MhEntryKind kind = mh_entry_get_kind (self->entry);

  show_kind_groups (self, kind);
  offer_category (self, mh_entry_get_call_category (self->entry));
  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    _mh_entry_editor_form_update (self, shown[i]);
  _mh_entry_editor_form_update_slug_follows (self);
}

/**
 * _mh_entry_editor_form_update:
 * @self: an editor
 * @property: the entry property that changed
 *
 * Updates what shows @property and is not bound to it.
 */
void
_mh_entry_editor_form_update (MhEntryEditor *self,
                              const char    *property)
{
  if (self->entry == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (date_fields); i++)
    if (g_str_equal (property, date_fields[i].property))
      update_date_hint (self, WIDGET_AT (self, date_fields[i].row), property);

  if (g_str_equal (property, "cover"))
    update_reference_row (self, self->cover_row, self->cover_clear_button, NULL,
                          mh_entry_get_cover (self->entry), _("None"));
  else if (g_str_equal (property, "country"))
    update_reference_row (self, self->country_row, self->country_clear_button, "countries",
                          mh_entry_get_country (self->entry), _("None"));
  else if (g_str_equal (property, "report-event"))
    update_reference_row (self, self->report_event_row, self->report_event_clear_button, "entry",
                          mh_entry_get_report_event (self->entry), _("None"));
  else if (g_str_equal (property, "time-zone"))
    /* Translators: an event without a time zone is read as UTC */
    update_reference_row (self, self->time_zone_row, NULL, NULL,
                          mh_entry_get_time_zone (self->entry), _("UTC (none chosen)"));
  else if (g_str_equal (property, "call-category"))
    offer_category (self, mh_entry_get_call_category (self->entry));
  else if (g_str_equal (property, "slug"))
    update_slug_reset (self, mh_entry_get_slug (self->entry));
  else if (g_str_equal (property, "all-day"))
    update_event_titles (self);
}
