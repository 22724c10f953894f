/* mh-entry-editor.c: edits one entry, saved as you type
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor loads its own copy of the entry (MhEntry) and of its lists
 * (MhEntryDetails) from the store, by id. The form writes into those
 * objects as the editor types: entry rows through a GBindingGroup, lists
 * by changing their GListStores (mh-entry-editor-form.c and
 * mh-entry-editor-lists.c).
 *
 * Autosave. Every change (an entry property, a list, the body) restarts a
 * one-second timer. When it fires, the change becomes an undo step and,
 * when the entry has no problems, it is written with MH_SAVE_AUTOSAVE in a
 * single transaction; the header then says "Saved". An entry with
 * problems cannot be saved: the edits stay in memory, each problem is
 * shown under its field (problems appear a second after the last change,
 * and disappear as soon as they are fixed) and the header says
 * "Not saved". Valid states keep being saved. Leaving an entry that
 * cannot be saved keeps its edits for the rest of the session (the stash)
 * and shows them again when the entry comes back.
 *
 * Undo. The body has the undo of its GtkSourceBuffer: Ctrl+Z while typing
 * there undoes typing. Everywhere else Ctrl+Z undoes the last change of
 * the form (fields and lists, never the body text): a bounded stack of
 * snapshots taken at each autosave point and around explicit actions
 * (a status change, adding, moving or removing a list row), applied with
 * mh_entry_assign() and mh_entry_details_assign() (mh-entry-editor-undo.c).
 * Entry rows and the summary have their own undo switched off so that
 * Ctrl+Z reaches the form's; in the body, Ctrl+Z never undoes the form.
 *
 * The actions and the status workflow are in mh-entry-editor-actions.c;
 * this file holds the state, the problems, saving and loading.
 */

#define G_LOG_DOMAIN "mh-entry-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "mh-entry-editor-private.h"
#include "mh-revision.h"
#include "mh-store-entries.h"

/* A change is written this long after the last one. */
#define SAVE_DELAY_MS 1000

/* After a failed write (the disk, a lock), try again this much later. */
#define RETRY_DELAY_MS 5000

/* The preview is rendered again this long after the file changed. */
#define PREVIEW_DELAY_MS 150

/* Every field of the form, in form order: where its problems are shown
 * and what the history calls it. */
typedef struct
{
  const char *field;
  const char *label;   /* N_() */
  gsize       row;     /* offset of the row in MhEntryEditor, or 0 */
  gsize       group;   /* offset of the group, or 0 */
} FieldInfo;

#define W(member) G_STRUCT_OFFSET (MhEntryEditor, member)

static const FieldInfo field_info[] = {
  { "title", N_("Title"), W (title_row), W (title_group) },
  { "slug", N_("Slug"), W (slug_row), W (title_group) },
  { "status", N_("Status"), 0, 0 },
  { "summary", N_("Summary"), W (summary_view), W (summary_group) },
  { "body", N_("Body"), W (body_view), W (body_group) },
  { "date", N_("Date"), W (date_row), W (publication_group) },
  { "language", N_("Language"), W (language_row), W (publication_group) },
  { "translation-of", N_("Translation of"), 0, W (publication_group) },
  { "authors", N_("Authors"), W (authors_row), W (publication_group) },
  { "posted-by", N_("Posted by"), W (posted_by_row), W (publication_group) },
  { "website", N_("Website"), W (website_row), W (publication_group) },
  { "series", N_("Series"), W (series_row), W (article_group) },
  { "hashtags", N_("Hashtags"), W (hashtags_row), W (article_group) },
  { "cover", N_("Cover image"), W (cover_row), W (cover_group) },
  { "cover-alt", N_("Alternative text"), W (cover_alt_row), W (cover_group) },
  { "cover-credit", N_("Credit"), W (cover_credit_row), W (cover_group) },
  { "event-start", N_("Starts"), W (event_start_row), W (event_group) },
  { "event-end", N_("Ends"), W (event_end_row), W (event_group) },
  { "all-day", N_("All day"), W (all_day_row), W (event_group) },
  { "time-zone", N_("Time zone"), W (time_zone_row), W (event_group) },
  { "venue", N_("Venue"), W (venue_row), W (place_group) },
  { "city", N_("City"), W (city_row), W (place_group) },
  { "country", N_("Country"), W (country_row), W (place_group) },
  { "online", N_("Online"), W (online_row), W (place_group) },
  { "event-format", N_("Format"), W (event_format_row), W (place_group) },
  { "participants-planned", N_("Planned participants"), W (planned_row), W (participants_group) },
  { "participants-actual", N_("Participants who took part"), W (actual_row), W (participants_group) },
  { "participants", N_("Participants"), 0, W (participants_group) },
  { "programme", N_("Programme"), 0, W (programme_group) },
  { "publisher", N_("Publisher"), W (publisher_row), W (report_group) },
  { "report-event", N_("Related event"), W (report_event_row), W (report_group) },
  { "downloads", N_("Downloads"), 0, W (downloads_group) },
  { "call-category", N_("Category"), W (call_category_row), W (call_group) },
  { "deadline", N_("Deadline"), W (deadline_row), W (call_group) },
  { "eligible-countries", N_("Eligible countries"), 0, W (eligible_group) },
  { "terms", N_("Terms"), 0, W (terms_group) },
  { "partners", N_("Partners"), 0, W (partners_group) },
  { "related", N_("Related entries"), 0, W (related_group) },
};

#undef W

#define WIDGET_AT(self, offset) G_STRUCT_MEMBER (GtkWidget *, (self), (offset))

G_DEFINE_FINAL_TYPE (MhEntryEditor, mh_entry_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ENTRY_ID,
  PROP_ENTRY,
  PROP_SAVED,
  PROP_STATE,
  PROP_ERROR_MESSAGE,
  PROP_BODY_FONT,
  PROP_SHOW_PREVIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- small helpers --------------------------------------------------------- */

static const FieldInfo *
find_field (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_info); i++)
    if (g_strcmp0 (field_info[i].field, field) == 0)
      return &field_info[i];
  return NULL;
}

static guint
field_order (const char *field)
{
  const FieldInfo *info = find_field (field);

  return info != NULL ? (guint) (info - field_info) : G_N_ELEMENTS (field_info);
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const MhFieldProblem *pa = *(MhFieldProblem * const *) a;
  const MhFieldProblem *pb = *(MhFieldProblem * const *) b;

  return (int) field_order (pa->field) - (int) field_order (pb->field);
}

/**
 * _mh_entry_field_get_label:
 * @field: a property of #MhEntry or a list of #MhEntryDetails
 *
 * Returns: (transfer none): the field's name as the form shows it, such as
 *   “Cover image”, or @field itself when unknown
 */
const char *
_mh_entry_field_get_label (const char *field)
{
  const FieldInfo *info = find_field (field);

  return info != NULL ? _(info->label) : field;
}

/**
 * _mh_entry_editor_form_fields:
 *
 * Returns: (transfer none) (array zero-terminated=1): the fields of the
 *   form in form order: properties of #MhEntry and lists of #MhEntryDetails
 */
const char * const *
_mh_entry_editor_form_fields (void)
{
  static const char *names[G_N_ELEMENTS (field_info) + 1];

  if (names[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (field_info); i++)
      names[i] = field_info[i].field;
  return names;
}

/**
 * _mh_entry_editor_add_toast:
 * @self: an editor
 * @title: what happened, for people
 */
void
_mh_entry_editor_add_toast (MhEntryEditor *self,
           const char    *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
load_style (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (loaded || display == NULL)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_BASE "/ui/mh-entry-editor.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* --- the preview --------------------------------------------------------------- */

/* A hidden preview is not mapped, so it neither starts WebKit nor renders;
 * it is hidden once the flap has slid away. */
static void
on_reveal_progress_cb (MhEntryEditor *self)
{
  if (!adw_flap_get_reveal_flap (self->preview_flap) &&
      adw_flap_get_reveal_progress (self->preview_flap) <= 0.0)
    gtk_widget_set_visible (GTK_WIDGET (self->preview_view), FALSE);
}

static void
set_show_preview (MhEntryEditor *self,
                  gboolean       show)
{
  if (show == adw_flap_get_reveal_flap (self->preview_flap))
    return;

  if (show)
    gtk_widget_set_visible (GTK_WIDGET (self->preview_view), TRUE);
  adw_flap_set_reveal_flap (self->preview_flap, show);
  on_reveal_progress_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_PREVIEW]);
}

static gboolean
refresh_preview_cb (gpointer user_data)
{
  MhEntryEditor *self = user_data;

  self->preview_id = 0;
  mh_preview_view_refresh (self->preview_view);
  return G_SOURCE_REMOVE;
}

/* Whatever changed in the file — this entry saved, a file added, the
 * site's settings — the page is rendered again, once for a burst. */
static void
on_store_changed_cb (MhEntryEditor *self)
{
  if (self->preview_id == 0)
    self->preview_id = g_timeout_add (PREVIEW_DELAY_MS, refresh_preview_cb, self);
}

/* --- the body ---------------------------------------------------------------- */

/* The CSS of a Pango font description: GTK 4.8 sets fonts on widgets only
 * through CSS. The family is quoted, so a name cannot break out of it. */
static char *
font_css (const char *font)
{
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);
  PangoFontMask mask = pango_font_description_get_set_fields (desc);
  GString *css = g_string_new ("textview {");

  if (mask & PANGO_FONT_MASK_FAMILY)
    {
      g_string_append (css, " font-family: \"");
      for (const char *p = pango_font_description_get_family (desc); *p != '\0'; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_c (css, '\\');
          if (*p != '\n')
            g_string_append_c (css, *p);
        }
      g_string_append (css, "\";");
    }
  /* "Monospace 10.5" is 10.5pt, written with a dot whatever the locale. */
  if ((mask & PANGO_FONT_MASK_SIZE) && pango_font_description_get_size (desc) > 0)
    {
      char size[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (size, sizeof size, "%g",
                       (double) pango_font_description_get_size (desc) / PANGO_SCALE);
      g_string_append_printf (css, " font-size: %s%s;", size,
                              pango_font_description_get_size_is_absolute (desc) ? "px" : "pt");
    }
  if (mask & PANGO_FONT_MASK_WEIGHT)
    g_string_append_printf (css, " font-weight: %d;", pango_font_description_get_weight (desc));
  if (mask & PANGO_FONT_MASK_STYLE)
    g_string_append (css, pango_font_description_get_style (desc) == PANGO_STYLE_NORMAL
                          ? " font-style: normal;" : " font-style: italic;");
  g_string_append (css, " }");
  return g_string_free (css, FALSE);
}

static void
set_body_font (MhEntryEditor *self,
               const char    *font)
{
  g_autofree char *css = NULL;

  if (font != NULL && font[0] == '\0')
    font = NULL;
  if (g_strcmp0 (font, self->body_font) == 0)
    return;

  g_free (self->body_font);
  self->body_font = g_strdup (font);

  if (self->body_font_provider == NULL)
    {
      self->body_font_provider = gtk_css_provider_new ();
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self->body_view)),
                                      GTK_STYLE_PROVIDER (self->body_font_provider),
                                      GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      G_GNUC_END_IGNORE_DEPRECATIONS
    }
  css = font != NULL ? font_css (font) : g_strdup ("");
  gtk_css_provider_load_from_data (self->body_font_provider, css, -1);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY_FONT]);
}

/* Loading replaces the text for good (gtk_text_buffer_set_text() is an
 * irreversible action); a change from elsewhere, such as a stash coming
 * back, is a user action that the body's undo can take back. */
static void
set_body_text (MhEntryEditor *self,
               const char    *text,
               gboolean       irreversible)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->body_buffer);
  GtkTextIter start, end;

  self->syncing_body = TRUE;
  if (irreversible)
    gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
  else
    {
      gtk_text_buffer_begin_user_action (buffer);
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_buffer_delete (buffer, &start, &end);
      gtk_text_buffer_insert (buffer, &start, text != NULL ? text : "", -1);
      gtk_text_buffer_end_user_action (buffer);
    }
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_text_buffer_set_modified (buffer, FALSE);
  self->syncing_body = FALSE;
  self->body_dirty = FALSE;
}

/**
 * _mh_entry_editor_sync_body:
 * @self: an editor
 *
 * Copies the body into the entry. It follows the buffer lazily: copying
 * the whole text on every keystroke is wasted work, so it is copied when
 * it is needed.
 */
void
_mh_entry_editor_sync_body (MhEntryEditor *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->body_buffer);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (!self->body_dirty || self->entry == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  self->syncing_body = TRUE;
  mh_entry_set_body (self->entry, text);
  self->syncing_body = FALSE;
  self->body_dirty = FALSE;
}

static void
on_body_changed_cb (MhEntryEditor *self,
                    GtkTextBuffer *buffer)
{
  if (self->syncing_body || self->loading || self->entry == NULL)
    return;
  self->body_dirty = TRUE;
  _mh_entry_editor_changed (self);
}

static void
update_scheme (MhEntryEditor *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  const char *id = adw_style_manager_get_dark (manager) ? "Adwaita-dark" : "Adwaita";

  gtk_source_buffer_set_style_scheme (self->body_buffer,
                                      gtk_source_style_scheme_manager_get_scheme (schemes, id));
}

static void
set_up_body (MhEntryEditor *self)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();

  self->body_buffer = gtk_source_buffer_new (NULL);
  gtk_source_buffer_set_language (self->body_buffer,
                                  gtk_source_language_manager_get_language (languages, "markdown"));
  gtk_source_buffer_set_highlight_matching_brackets (self->body_buffer, FALSE);
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self->body_view), GTK_TEXT_BUFFER (self->body_buffer));
  g_signal_connect_object (self->body_buffer, "changed", G_CALLBACK (on_body_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_scheme), self, G_CONNECT_SWAPPED);
  update_scheme (self);
}

/* --- the summary ---------------------------------------------------------- */

static void
set_summary_text (MhEntryEditor *self,
                  const char    *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
  g_autofree char *current = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  current = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  if (g_strcmp0 (current, text != NULL ? text : "") == 0)
    return;
  self->syncing_body = TRUE;
  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
  self->syncing_body = FALSE;
}

static void
on_summary_changed_cb (MhEntryEditor *self,
                       GtkTextBuffer *buffer)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->syncing_body || self->loading || self->entry == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  mh_entry_set_summary (self->entry, text);
}

/* --- state and problems -------------------------------------------------- */

/**
 * _mh_entry_editor_first_problem:
 * @self: an editor
 *
 * Returns: (transfer none) (nullable): the first problem shown, in form order
 */
const MhFieldProblem *
_mh_entry_editor_first_problem (MhEntryEditor *self)
{
  for (guint i = 0; i < self->problems->len; i++)
    {
      const MhFieldProblem *problem = g_ptr_array_index (self->problems, i);

      if (g_hash_table_contains (self->shown, problem->field))
        return problem;
    }
  return NULL;
}

static guint
count_shown_problems (MhEntryEditor *self)
{
  guint n = 0;

  for (guint i = 0; i < self->problems->len; i++)
    {
      const MhFieldProblem *problem = g_ptr_array_index (self->problems, i);

      n += g_hash_table_contains (self->shown, problem->field);
    }
  return n;
}

static void
set_state (MhEntryEditor *self,
           const char    *state,
           const char    *error_message)
{
  gboolean was_saved = g_strcmp0 (self->state, "saved") == 0;

  g_object_freeze_notify (G_OBJECT (self));
  if (g_strcmp0 (self->state, state) != 0)
    {
      g_free (self->state);
      self->state = g_strdup (state);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
      if (was_saved != g_str_equal (state, "saved"))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVED]);
    }
  if (g_strcmp0 (self->error_message, error_message) != 0)
    {
      g_free (self->error_message);
      self->error_message = g_strdup (error_message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static char *
dup_problems_tooltip (MhEntryEditor *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->problems->len; i++)
    {
      const MhFieldProblem *problem = g_ptr_array_index (self->problems, i);

      if (!g_hash_table_contains (self->shown, problem->field))
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, problem->message);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update_state_label (MhEntryEditor *self)
{
  g_autofree char *label = NULL;
  g_autofree char *tooltip = NULL;
  gboolean bad = FALSE;

  if (self->read_only)
    label = g_strdup (_("Read only"));
  else if (g_str_equal (self->state, "saved"))
    label = g_strdup (_("Saved"));
  else if (g_str_equal (self->state, "saving"))
    label = g_strdup (_("Saving…"));
  else if (g_str_equal (self->state, "invalid"))
    {
      guint n = count_shown_problems (self);

      /* Translators: the entry cannot be saved until its problems are fixed */
      label = g_strdup_printf (ngettext ("Not saved — %u problem", "Not saved — %u problems", n),
                               n);
      tooltip = dup_problems_tooltip (self);
      bad = TRUE;
    }
  else
    {
      /* Translators: %s says why the site file could not be written */
      label = g_strdup_printf (_("Not saved — %s"), self->error_message);
      tooltip = g_strdup (self->error_message);
      bad = TRUE;
    }

  gtk_label_set_label (self->state_label, label);
  gtk_widget_set_tooltip_text (self->state_button, tooltip);
  gtk_widget_set_visible (self->state_icon, bad);
  if (bad)
    {
      gtk_widget_add_css_class (self->state_button, "error");
      gtk_widget_remove_css_class (self->state_button, "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (self->state_button, "error");
      gtk_widget_add_css_class (self->state_button, "dim-label");
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.show-problem", bad);
}

/**
 * _mh_entry_editor_update_state:
 * @self: an editor
 *
 * Works out MhEntryEditor:state and :error-message, and the header's words.
 */
void
_mh_entry_editor_update_state (MhEntryEditor *self)
{
  const MhFieldProblem *problem = _mh_entry_editor_first_problem (self);

  if (self->entry == NULL || !self->dirty)
    set_state (self, "saved", NULL);
  else if (self->save_error != NULL)
    set_state (self, "error", self->save_error);
  else if (problem != NULL)
    set_state (self, "invalid", problem->message);
  else
    set_state (self, "saving", NULL);

  update_state_label (self);
}

/* Puts each shown problem under its field, and marks the field's row. */
static void
show_problems (MhEntryEditor *self)
{
  GHashTableIter iter;
  gpointer group, label;

  g_hash_table_iter_init (&iter, self->problem_labels);
  while (g_hash_table_iter_next (&iter, &group, &label))
    {
      gtk_label_set_label (label, "");
      gtk_widget_set_visible (label, FALSE);
    }
  for (guint i = 0; i < G_N_ELEMENTS (field_info); i++)
    if (field_info[i].row != 0)
      gtk_widget_remove_css_class (WIDGET_AT (self, field_info[i].row), "error");

  for (guint i = 0; i < self->problems->len; i++)
    {
      const MhFieldProblem *problem = g_ptr_array_index (self->problems, i);
      const FieldInfo *info = find_field (problem->field);
      GtkLabel *problem_label;
      g_autofree char *text = NULL;

      if (!g_hash_table_contains (self->shown, problem->field))
        continue;
      if (info == NULL || info->group == 0)
        info = find_field ("title");
      if (info->row != 0)
        gtk_widget_add_css_class (WIDGET_AT (self, info->row), "error");

      problem_label = g_hash_table_lookup (self->problem_labels, WIDGET_AT (self, info->group));
      if (gtk_label_get_label (problem_label)[0] != '\0')
        text = g_strdup_printf ("%s\n%s", gtk_label_get_label (problem_label), problem->message);
      else
        text = g_strdup (problem->message);
      gtk_label_set_label (problem_label, text);
      gtk_widget_set_visible (GTK_WIDGET (problem_label), TRUE);
    }

  _mh_entry_editor_lists_show_problems (self);
}

/**
 * _mh_entry_editor_refresh_problems:
 * @self: an editor
 * @show_all: whether to show every problem
 *
 * Checks everything again. With @show_all every problem is shown; without,
 * only the problems that were shown already stay (updated), so that a
 * field turns red a moment after typing stops, not on the first key.
 */
void
_mh_entry_editor_refresh_problems (MhEntryEditor *self,
                  gboolean       show_all)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GHashTable) fields = g_hash_table_new (g_str_hash, g_str_equal);
  const char *slug;

  if (self->entry == NULL)
    {
      g_ptr_array_set_size (self->problems, 0);
      g_hash_table_remove_all (self->shown);
      show_problems (self);
      return;
    }

  problems = mh_entry_check_fields (self->entry);
  slug = mh_entry_get_slug (self->entry);
  if (slug != NULL && _mh_entry_editor_form_slug_taken (self, slug))
    {
      MhFieldProblem *problem = g_new0 (MhFieldProblem, 1);

      problem->field = g_strdup ("slug");
      problem->message =
        g_strdup_printf (_("Another entry already uses the slug “%s”. Choose another one."),
                         slug);
      g_ptr_array_add (problems, problem);
    }
  _mh_entry_editor_lists_check (self, problems);
  g_ptr_array_sort (problems, compare_problems);

  for (guint i = 0; i < problems->len; i++)
    g_hash_table_add (fields, ((MhFieldProblem *) g_ptr_array_index (problems, i))->field);

  if (show_all)
    {
      g_hash_table_remove_all (self->shown);
      for (guint i = 0; i < problems->len; i++)
        g_hash_table_add (self->shown,
                          g_strdup (((MhFieldProblem *) g_ptr_array_index (problems, i))->field));
    }
  else
    {
      GHashTableIter iter;
      gpointer field;

      g_hash_table_iter_init (&iter, self->shown);
      while (g_hash_table_iter_next (&iter, &field, NULL))
        if (!g_hash_table_contains (fields, field))
          g_hash_table_iter_remove (&iter);
    }

  g_ptr_array_set_size (self->problems, 0);
  g_ptr_array_extend_and_steal (self->problems, g_steal_pointer (&problems));
  show_problems (self);
}

/* --- saving ------------------------------------------------------------------ */

static gboolean
on_save_timeout_cb (gpointer user_data)
{
  MhEntryEditor *self = user_data;

  self->save_id = 0;
  _mh_entry_editor_sync_body (self);
  _mh_entry_editor_checkpoint (self);
  _mh_entry_editor_save (self, MH_SAVE_AUTOSAVE);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (MhEntryEditor *self,
               guint          delay_ms)
{
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (delay_ms, on_save_timeout_cb, self);
}

/**
 * _mh_entry_editor_save:
 * @self: an editor
 * @flags: how the store keeps history
 *
 * Writes the entry and its lists, if they changed and have no problems.
 *
 * Returns: %TRUE when everything is in the file
 */
gboolean
_mh_entry_editor_save (MhEntryEditor *self,
      MhSaveFlags    flags)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->entry == NULL || self->store == NULL)
    return TRUE;
  _mh_entry_editor_sync_body (self);
  if (!self->dirty)
    return TRUE;
  if (self->read_only)
    return FALSE;

  _mh_entry_editor_refresh_problems (self, TRUE);
  if (self->problems->len > 0)
    {
      _mh_entry_editor_update_state (self);
      return FALSE;
    }

  self->saving = TRUE;
  ok = mh_store_save_entry_full (self->store, self->entry, self->details, flags, &error);
  self->saving = FALSE;

  if (ok)
    {
      gint64 id = self->entry_id;

      self->dirty = FALSE;
      g_clear_pointer (&self->save_error, g_free);
      g_hash_table_remove (self->stash, &id);
    }
  else
    {
      g_free (self->save_error);
      self->save_error = g_strdup (error->message);
      if (!g_error_matches (error, MH_STORE_ERROR, MH_STORE_ERROR_INVALID) &&
          !g_error_matches (error, MH_STORE_ERROR, MH_STORE_ERROR_EXISTS))
        {
          /* The header says so; the editor can act on it, and it is retried. */
          g_debug ("Failed to save entry %" G_GINT64_FORMAT ": %s", self->entry_id,
                   error->message);
          schedule_save (self, RETRY_DELAY_MS);
        }
    }
  _mh_entry_editor_update_state (self);
  return ok;
}

/**
 * _mh_entry_editor_changed:
 * @self: an editor
 *
 * Something in the form changed: check it, and save it a moment later.
 */
void
_mh_entry_editor_changed (MhEntryEditor *self)
{
  if (self->entry == NULL || self->loading || self->saving)
    return;

  self->dirty = TRUE;
  g_clear_pointer (&self->save_error, g_free);
  _mh_entry_editor_refresh_problems (self, FALSE);
  schedule_save (self, SAVE_DELAY_MS);
  _mh_entry_editor_update_undo_actions (self);
  _mh_entry_editor_update_state (self);
}

static gboolean
is_derived_property (const char *name)
{
  static const char * const derived[] = {
    "id", "uuid", "updated-at", "display-date", "status-label", "kind-label", "kind",
  };

  for (guint i = 0; i < G_N_ELEMENTS (derived); i++)
    if (g_str_equal (name, derived[i]))
      return TRUE;
  return FALSE;
}

static void
on_entry_notify_cb (MhEntryEditor *self,
                    GParamSpec    *pspec,
                    MhEntry       *entry)
{
  const char *name = pspec->name;

  if (is_derived_property (name))
    return;

  if (g_str_equal (name, "body") && !self->syncing_body)
    set_body_text (self, mh_entry_get_body (entry), FALSE);
  else if (g_str_equal (name, "summary"))
    set_summary_text (self, mh_entry_get_summary (entry));
  else if (g_str_equal (name, "status"))
    _mh_entry_editor_update_status (self);
  else if (g_str_equal (name, "title"))
    _mh_entry_editor_form_slug_title_changed (self);
  else if (g_str_equal (name, "all-day"))
    _mh_entry_editor_form_all_day_changed (self);

  _mh_entry_editor_form_update (self, name);
  _mh_entry_editor_changed (self);
}

static void
on_details_changed_cb (MhEntryEditor  *self,
                       MhEntryDetails *details)
{
  _mh_entry_editor_changed (self);
}

/* --- loading --------------------------------------------------------------- */

static void
stash_unsaved (MhEntryEditor *self)
{
  const MhFieldProblem *problem;
  g_autofree char *message = NULL;
  gint64 *key;

  if (self->entry == NULL || !self->dirty || self->read_only)
    return;

  key = g_new (gint64, 1);
  *key = self->entry_id;
  g_hash_table_replace (self->stash, key, _mh_editor_snapshot_new (self->entry, self->details));

  problem = self->problems->len > 0 ? g_ptr_array_index (self->problems, 0) : NULL;
  /* Translators: the first %s is an entry's title, the second what is wrong */
  message = g_strdup_printf (_("Changes to “%s” are kept but not saved: %s"),
                             mh_entry_get_title (self->entry) ? mh_entry_get_title (self->entry)
                                                              : _("Untitled"),
                             problem != NULL ? problem->message
                                             : (self->save_error ? self->save_error : ""));
  _mh_entry_editor_add_toast (self, message);
}

static void
clear_entry (MhEntryEditor *self)
{
  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->entry != NULL)
    g_signal_handlers_disconnect_by_data (self->entry, self);
  if (self->details != NULL)
    g_signal_handlers_disconnect_by_data (self->details, self);

  g_binding_group_set_source (self->bindings, NULL);
  g_clear_object (&self->entry);
  g_clear_object (&self->details);
  g_clear_pointer (&self->base, _mh_editor_snapshot_free);
  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  g_clear_pointer (&self->save_error, g_free);
  g_hash_table_remove_all (self->labels);
  g_hash_table_remove_all (self->shown);
  g_ptr_array_set_size (self->problems, 0);
  self->dirty = FALSE;
  self->body_dirty = FALSE;

  if (self->revision_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->revision_dialog));
}

/* Edits of this entry that could not be saved before: back into the form. */
static void
restore_stash (MhEntryEditor *self)
{
  gint64 id = self->entry_id;
  MhEditorSnapshot *snapshot = g_hash_table_lookup (self->stash, &id);

  if (snapshot == NULL)
    return;
  self->applying = TRUE;
  mh_entry_assign (self->entry, snapshot->entry);
  mh_entry_details_assign (self->details, snapshot->details);
  self->applying = FALSE;
  set_body_text (self, mh_entry_get_body (snapshot->entry), FALSE);
  _mh_entry_editor_form_update_slug_follows (self);
  self->dirty = TRUE;
}

static void
show_load_error (MhEntryEditor *self,
                 const GError  *error)
{
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
  set_state (self, "error", error->message);
}

/**
 * _mh_entry_editor_load:
 * @self: an editor
 *
 * Reads the entry of MhEntryEditor:entry-id and its lists from the store
 * into the form, with edits kept from before that could not be saved.
 */
void
_mh_entry_editor_load (MhEntryEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MhEntry) entry = NULL;
  g_autoptr(MhEntryDetails) details = NULL;

  clear_entry (self);
  if (self->entry_id == 0 || self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      _mh_entry_editor_update_state (self);
      _mh_entry_editor_update_undo_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRY]);
      return;
    }

  entry = mh_store_get_entry (self->store, self->entry_id, &error);
  if (entry != NULL)
    details = mh_store_get_entry_details (self->store, self->entry_id, &error);
  if (details == NULL)
    {
      show_load_error (self, error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRY]);
      return;
    }

  self->loading = TRUE;
  self->entry = g_steal_pointer (&entry);
  self->details = g_steal_pointer (&details);
  self->read_only = mh_store_get_read_only (self->store);
  g_signal_connect_object (self->entry, "notify", G_CALLBACK (on_entry_notify_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->details, "changed", G_CALLBACK (on_details_changed_cb), self,
                           G_CONNECT_SWAPPED);

  set_body_text (self, mh_entry_get_body (self->entry), TRUE);
  set_summary_text (self, mh_entry_get_summary (self->entry));
  g_binding_group_set_source (self->bindings, self->entry);
  _mh_entry_editor_form_bind (self);
  _mh_entry_editor_lists_bind (self);
  self->base = _mh_editor_snapshot_new (self->entry, self->details);
  self->loading = FALSE;

  restore_stash (self);
  _mh_entry_editor_refresh_problems (self, TRUE);
  _mh_entry_editor_update_status (self);
  _mh_entry_editor_update_state (self);
  _mh_entry_editor_update_undo_actions (self);

  gtk_widget_set_sensitive (self->form_box, !self->read_only);
  gtk_widget_set_visible (GTK_WIDGET (self->read_only_label), self->read_only);
  gtk_label_set_label (self->read_only_label, mh_store_get_read_only_reason (self->store));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_stack_set_visible_child_name (self->stack, "form");
  mh_preview_view_show_entry (self->preview_view, mh_store_get_path (self->store),
                              self->entry_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRY]);
}

/**
 * _mh_entry_editor_focus_first_problem:
 * @self: an editor
 *
 * Takes the keyboard to the first field with a problem shown.
 */
void
_mh_entry_editor_focus_first_problem (MhEntryEditor *self)
{
  const MhFieldProblem *problem = _mh_entry_editor_first_problem (self);
  const FieldInfo *info = problem != NULL ? find_field (problem->field) : NULL;

  if (info == NULL)
    return;
  if (info->row != 0)
    gtk_widget_grab_focus (WIDGET_AT (self, info->row));
  else if (info->group != 0)
    gtk_widget_child_focus (WIDGET_AT (self, info->group), GTK_DIR_TAB_FORWARD);
}

/* --- GObject ---------------------------------------------------------------- */

static void
mh_entry_editor_dispose (GObject *object)
{
  MhEntryEditor *self = (MhEntryEditor *) object;

  g_cancellable_cancel (self->files_cancellable);
  g_clear_object (&self->files_cancellable);
  mh_entry_editor_flush (self);
  clear_entry (self);
  g_clear_handle_id (&self->preview_id, g_source_remove);
  g_clear_object (&self->bindings);
  gtk_widget_dispose_template (GTK_WIDGET (self), MH_TYPE_ENTRY_EDITOR);
  g_clear_object (&self->body_buffer);
  g_clear_object (&self->body_font_provider);
  g_clear_object (&self->store);
  g_clear_object (&self->call_categories);
  g_clear_object (&self->vocabularies);

  G_OBJECT_CLASS (mh_entry_editor_parent_class)->dispose (object);
}

static void
mh_entry_editor_finalize (GObject *object)
{
  MhEntryEditor *self = (MhEntryEditor *) object;

  g_free (self->state);
  g_free (self->body_font);
  g_free (self->error_message);
  g_free (self->save_error);
  g_hash_table_unref (self->labels);
  g_hash_table_unref (self->stash);
  g_hash_table_unref (self->shown);
  g_hash_table_unref (self->problem_labels);
  g_hash_table_unref (self->term_pickers);
  g_ptr_array_unref (self->problems);
  g_ptr_array_unref (self->undo_stack);
  g_ptr_array_unref (self->redo_stack);

  G_OBJECT_CLASS (mh_entry_editor_parent_class)->finalize (object);
}

static void
mh_entry_editor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MhEntryEditor *self = MH_ENTRY_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ENTRY_ID:
      g_value_set_int64 (value, self->entry_id);
      break;
    case PROP_ENTRY:
      g_value_set_object (value, mh_entry_editor_get_entry (self));
      break;
    case PROP_SAVED:
      g_value_set_boolean (value, mh_entry_editor_get_saved (self));
      break;
    case PROP_STATE:
      g_value_set_string (value, self->state);
      break;
    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;
    case PROP_BODY_FONT:
      g_value_set_string (value, self->body_font);
      break;
    case PROP_SHOW_PREVIEW:
      g_value_set_boolean (value, adw_flap_get_reveal_flap (self->preview_flap));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mh_entry_editor_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  MhEntryEditor *self = MH_ENTRY_EDITOR (object);
  MhEntry *entry;

  switch (prop_id)
    {
    case PROP_STORE:
      mh_entry_editor_set_store (self, g_value_get_object (value));
      break;
    case PROP_ENTRY_ID:
      mh_entry_editor_set_entry_id (self, g_value_get_int64 (value));
      break;
    case PROP_ENTRY:
      entry = g_value_get_object (value);
      mh_entry_editor_set_entry_id (self, entry != NULL ? mh_entry_get_id (entry) : 0);
      break;
    case PROP_BODY_FONT:
      set_body_font (self, g_value_get_string (value));
      break;
    case PROP_SHOW_PREVIEW:
      set_show_preview (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mh_entry_editor_class_init (MhEntryEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mh_entry_editor_dispose;
  object_class->finalize = mh_entry_editor_finalize;
  object_class->get_property = mh_entry_editor_get_property;
  object_class->set_property = mh_entry_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, MH_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENTRY_ID] =
    g_param_spec_int64 ("entry-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Reading gives the editor's own copy of the entry, as it is being
   * edited. Writing an entry is short for writing its id to "entry-id"
   * (NULL for 0): the editor then reads its own copy from the store. */
  properties[PROP_ENTRY] =
    g_param_spec_object ("entry", NULL, NULL, MH_TYPE_ENTRY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SAVED] =
    g_param_spec_boolean ("saved", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL, "saved",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* A Pango font description such as "Monospace 11" (GSettings
   * editor-font), or NULL for the theme's monospace font. */
  properties[PROP_BODY_FONT] =
    g_param_spec_string ("body-font", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The published page beside the form (GSettings show-preview). */
  properties[PROP_SHOW_PREVIEW] =
    g_param_spec_boolean ("show-preview", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_property_action (widget_class, "editor.show-preview", "show-preview");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.show-preview", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_P, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.show-preview", NULL);
  g_type_ensure (MH_TYPE_PREVIEW_VIEW);

  gtk_source_init ();
  g_type_ensure (GTK_SOURCE_TYPE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/mh-entry-editor.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "entry-editor");

#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, MhEntryEditor, name)
  CHILD (toast_overlay); CHILD (stack); CHILD (error_page); CHILD (header_box);
  CHILD (preview_flap); CHILD (preview_view);
  CHILD (status_pill); CHILD (status_menu_button); CHILD (state_button); CHILD (state_icon);
  CHILD (state_label); CHILD (status_button); CHILD (scroller); CHILD (form_box);
  CHILD (read_only_label); CHILD (title_group); CHILD (title_row); CHILD (slug_row);
  CHILD (slug_reset_button); CHILD (summary_group); CHILD (summary_view); CHILD (body_group);
  CHILD (body_view); CHILD (publication_group); CHILD (date_row); CHILD (language_row);
  CHILD (authors_row); CHILD (posted_by_row); CHILD (website_row); CHILD (article_group);
  CHILD (series_row); CHILD (hashtags_row); CHILD (cover_group); CHILD (cover_row);
  CHILD (cover_clear_button); CHILD (cover_button); CHILD (cover_alt_row);
  CHILD (cover_credit_row); CHILD (event_group); CHILD (event_start_row); CHILD (event_end_row);
  CHILD (all_day_row); CHILD (all_day_switch); CHILD (time_zone_row); CHILD (time_zone_button);
  CHILD (place_group); CHILD (venue_row); CHILD (city_row); CHILD (country_row);
  CHILD (country_clear_button); CHILD (country_button); CHILD (online_row);
  CHILD (online_switch); CHILD (event_format_row); CHILD (participants_group);
  CHILD (participants_add_button); CHILD (planned_row); CHILD (planned_spin);
  CHILD (actual_row); CHILD (actual_spin); CHILD (participants_list); CHILD (programme_group);
  CHILD (programme_list); CHILD (report_group); CHILD (publisher_row); CHILD (report_event_row);
  CHILD (report_event_clear_button); CHILD (report_event_button); CHILD (downloads_group);
  CHILD (downloads_add_button); CHILD (downloads_list); CHILD (call_group);
  CHILD (call_category_row); CHILD (deadline_row); CHILD (eligible_group); CHILD (eligible_list);
  CHILD (terms_group); CHILD (terms_list); CHILD (partners_group); CHILD (partners_add_button);
  CHILD (partners_list); CHILD (related_group); CHILD (related_add_button); CHILD (related_list);
#undef CHILD

  _mh_entry_editor_class_actions_init (widget_class);
  _mh_entry_editor_class_files_init (widget_class);
}

/* Below each group: one label for its problems. */
static void
add_problem_labels (MhEntryEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_info); i++)
    {
      GtkWidget *group;
      GtkWidget *label;

      if (field_info[i].group == 0)
        continue;
      group = WIDGET_AT (self, field_info[i].group);
      if (g_hash_table_contains (self->problem_labels, group))
        continue;

      label = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_set_visible (label, FALSE);
      gtk_widget_add_css_class (label, "error");
      gtk_widget_add_css_class (label, "field-problems");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), label);
      g_hash_table_insert (self->problem_labels, group, label);
    }
}

static void
mh_entry_editor_init (MhEntryEditor *self)
{
  GtkTextBuffer *summary;

  gtk_widget_init_template (GTK_WIDGET (self));
  load_style ();

  self->state = g_strdup ("saved");
  self->files_cancellable = g_cancellable_new ();
  g_signal_connect_object (self->preview_flap, "notify::reveal-progress",
                           G_CALLBACK (on_reveal_progress_cb), self, G_CONNECT_SWAPPED);
  self->bindings = g_binding_group_new ();
  self->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->stash = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                       (GDestroyNotify) _mh_editor_snapshot_free);
  self->shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->problem_labels = g_hash_table_new (NULL, NULL);
  self->term_pickers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) mh_field_problem_free);
  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) _mh_editor_snapshot_free);
  self->redo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) _mh_editor_snapshot_free);

  set_up_body (self);
  summary = gtk_text_view_get_buffer (self->summary_view);
  gtk_text_buffer_set_enable_undo (summary, FALSE);
  g_signal_connect_object (summary, "changed", G_CALLBACK (on_summary_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->body_view, "notify::has-focus",
                           G_CALLBACK (_mh_entry_editor_update_undo_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->body_buffer, "notify::can-undo",
                           G_CALLBACK (_mh_entry_editor_update_undo_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->body_buffer, "notify::can-redo",
                           G_CALLBACK (_mh_entry_editor_update_undo_actions), self,
                           G_CONNECT_SWAPPED);

  add_problem_labels (self);
  _mh_entry_editor_form_init (self);
  _mh_entry_editor_lists_init (self);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  _mh_entry_editor_update_actions (self);
  update_state_label (self);
}

/* --- private accessors -------------------------------------------------------- */

/**
 * _mh_entry_editor_get_body_buffer:
 * @self: an editor
 *
 * Returns: (transfer none): the buffer of the body, for tests
 */
GtkSourceBuffer *
_mh_entry_editor_get_body_buffer (MhEntryEditor *self)
{
  g_return_val_if_fail (MH_IS_ENTRY_EDITOR (self), NULL);
  return self->body_buffer;
}

/**
 * _mh_entry_editor_get_details:
 * @self: an editor
 *
 * Returns: (transfer none) (nullable): the lists being edited
 */
MhEntryDetails *
_mh_entry_editor_get_details (MhEntryEditor *self)
{
  g_return_val_if_fail (MH_IS_ENTRY_EDITOR (self), NULL);
  return self->details;
}

/**
 * _mh_entry_editor_get_field_widget:
 * @self: an editor
 * @field: a field of field_info, such as "title"
 *
 * Returns: (transfer none) (nullable): the row of @field, or its group when
 *   it has no row of its own
 */
GtkWidget *
_mh_entry_editor_get_field_widget (MhEntryEditor *self,
                                   const char    *field)
{
  const FieldInfo *info;

  g_return_val_if_fail (MH_IS_ENTRY_EDITOR (self), NULL);

  info = find_field (field);
  if (info == NULL)
    return NULL;
  return WIDGET_AT (self, info->row != 0 ? info->row : info->group);
}

/**
 * _mh_entry_editor_get_problem_text:
 * @self: an editor
 * @field: a field of field_info
 *
 * Returns: (transfer none): what the group of @field says is wrong, or ""
 */
const char *
_mh_entry_editor_get_problem_text (MhEntryEditor *self,
                                   const char    *field)
{
  const FieldInfo *info = find_field (field);
  GtkLabel *label;

  g_return_val_if_fail (info != NULL && info->group != 0, "");
  label = g_hash_table_lookup (self->problem_labels, WIDGET_AT (self, info->group));
  return gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_label (label) : "";
}

/**
 * _mh_entry_editor_get_revision_dialog:
 * @self: an editor
 *
 * Returns: (transfer none) (nullable): the history window, while it is open
 */
MhRevisionDialog *
_mh_entry_editor_get_revision_dialog (MhEntryEditor *self)
{
  g_return_val_if_fail (MH_IS_ENTRY_EDITOR (self), NULL);
  return self->revision_dialog;
}

/* --- public ------------------------------------------------------------------ */

/**
 * mh_entry_editor_new:
 *
 * Returns: (transfer floating): a new editor showing no entry
 */
GtkWidget *
mh_entry_editor_new (void)
{
  return g_object_new (MH_TYPE_ENTRY_EDITOR, NULL);
}

/**
 * mh_entry_editor_get_store:
 * @self: an editor
 *
 * Returns: (transfer none) (nullable): the site
 */
MhStore *
mh_entry_editor_get_store (MhEntryEditor *self)
{
  g_return_val_if_fail (MH_IS_ENTRY_EDITOR (self), NULL);
  return self->store;
}

/**
 * mh_entry_editor_set_store:
 * @self: an editor
 * @store: (nullable): the site
 *
 * Saves what is pending in the old site, then shows no entry.
 */
void
mh_entry_editor_set_store (MhEntryEditor *self,
                           MhStore       *store)
{
  g_return_if_fail (MH_IS_ENTRY_EDITOR (self));
  g_return_if_fail (store == NULL || MH_IS_STORE (store));

  if (self->store == store)
    return;

  /* Files still being added belong to the other site. */
  g_cancellable_cancel (self->files_cancellable);
  g_clear_object (&self->files_cancellable);
  self->files_cancellable = g_cancellable_new ();
  mh_entry_editor_flush (self);
  clear_entry (self);
  g_hash_table_remove_all (self->stash);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_store_changed_cb, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self,
                             G_CONNECT_SWAPPED);
  g_clear_object (&self->vocabularies);
  self->entry_id = 0;
  _mh_entry_editor_load (self);
  _mh_entry_editor_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRY_ID]);
}

/**
 * mh_entry_editor_get_entry_id:
 * @self: an editor
 *
 * Returns: the id of the entry being edited, or 0
 */
gint64
mh_entry_editor_get_entry_id (MhEntryEditor *self)
{
  g_return_val_if_fail (MH_IS_ENTRY_EDITOR (self), 0);
  return self->entry_id;
}

/**
 * mh_entry_editor_set_entry_id:
 * @self: an editor
 * @entry_id: an entry of the store, or 0 for none
 *
 * Saves what is pending for the current entry first. Edits that cannot be
 * saved (the entry has problems) are kept in memory and come back when the
 * entry is edited again.
 */
void
mh_entry_editor_set_entry_id (MhEntryEditor *self,
                              gint64         entry_id)
{
  g_return_if_fail (MH_IS_ENTRY_EDITOR (self));

  if (self->entry_id == entry_id)
    return;

  if (!mh_entry_editor_flush (self))
    stash_unsaved (self);
  self->entry_id = entry_id;
  _mh_entry_editor_load (self);
  _mh_entry_editor_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRY_ID]);
}

/**
 * mh_entry_editor_get_entry:
 * @self: an editor
 *
 * Returns: (transfer none) (nullable): the editor's copy of the entry, as
 *   edited so far
 */
MhEntry *
mh_entry_editor_get_entry (MhEntryEditor *self)
{
  g_return_val_if_fail (MH_IS_ENTRY_EDITOR (self), NULL);

  _mh_entry_editor_sync_body (self);
  return self->entry;
}

/**
 * mh_entry_editor_get_saved:
 * @self: an editor
 *
 * Returns: %TRUE when every change is in the site file
 */
gboolean
mh_entry_editor_get_saved (MhEntryEditor *self)
{
  g_return_val_if_fail (MH_IS_ENTRY_EDITOR (self), TRUE);
  return g_strcmp0 (self->state, "saved") == 0;
}

/**
 * mh_entry_editor_get_state:
 * @self: an editor
 *
 * Returns: (transfer none): "saved", "saving" (a change waits for the
 *   timer), "invalid" (a change cannot be saved until a problem is fixed)
 *   or "error" (writing failed; see MhEntryEditor:error-message)
 */
const char *
mh_entry_editor_get_state (MhEntryEditor *self)
{
  g_return_val_if_fail (MH_IS_ENTRY_EDITOR (self), NULL);
  return self->state;
}

/**
 * mh_entry_editor_get_error_message:
 * @self: an editor
 *
 * Returns: (transfer none) (nullable): why the last change is not saved:
 *   the first problem in form order, which names its field, or what went
 *   wrong writing the file
 */
const char *
mh_entry_editor_get_error_message (MhEntryEditor *self)
{
  g_return_val_if_fail (MH_IS_ENTRY_EDITOR (self), NULL);
  return self->error_message;
}

/**
 * mh_entry_editor_flush:
 * @self: an editor
 *
 * Writes a pending change now instead of a moment later. The window calls
 * it before it shows another entry or closes.
 *
 * Returns: %TRUE when everything is in the file; %FALSE when the entry has
 *   problems (its edits stay in the editor) or the file could not be written
 */
gboolean
mh_entry_editor_flush (MhEntryEditor *self)
{
  g_return_val_if_fail (MH_IS_ENTRY_EDITOR (self), FALSE);

  if (self->entry == NULL)
    return TRUE;

  gtk_spin_button_update (self->planned_spin);
  gtk_spin_button_update (self->actual_spin);
  _mh_entry_editor_sync_body (self);
  if (self->save_id == 0 && !self->dirty)
    return TRUE;
  _mh_entry_editor_checkpoint (self);
  return _mh_entry_editor_save (self, MH_SAVE_AUTOSAVE);
}
