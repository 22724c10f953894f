/* mh-export-dialog.c: export the site as a static HTML site or a Hugo bundle
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The export itself runs in a worker thread (mh_site_export_async()). Its
 * progress callback is called in that thread: it only stores the latest
 * fraction and message in an ExportJob, under a mutex, and schedules one
 * idle on the main context that hands them to the dialog. The job holds a
 * reference on the dialog until the export has ended, so closing the
 * dialog (which cancels the export) never leaves the callbacks without it.
 *
 * On success the dialog remembers the options in the site file, gives the
 * window a toast through the ::exported signal, and closes.
 */

#define G_LOG_DOMAIN "mh-export-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mh-export-dialog.h"
#include "mh-file-chooser.h"

/* "Export Again" shows the dialog only when the export takes longer than
 * this, or fails: a quick one just ends in the toast. */
#define PRESENT_DELAY_MS   400
#define PULSE_INTERVAL_MS  120
#define MAX_LISTED_PROBLEMS 50
/* Up to this many broken links are listed as they are; more scroll. */
#define MAX_UNSCROLLED_PROBLEMS 8

#define SETTING_DIR    "last_export_dir"
#define SETTING_FORMAT "last_export_format"
#define SETTING_ZIP    "last_export_zip"
#define SETTING_THEME  "last_export_theme"

typedef struct
{
  MhExportDialog *dialog;        /* main thread only; NULL once the export has ended */
  GMainContext   *context;
  GMutex          mutex;
  /* guarded by mutex */
  double          fraction;
  char           *message;
  gboolean        idle_pending;
} ExportJob;

typedef void (*FolderChosenFunc) (MhExportDialog *self,
                                  const char     *path);

struct _MhExportDialog
{
  AdwWindow             parent_instance;

  /* template widgets */
  GtkStack             *button_stack;
  GtkWidget            *error_group;
  GtkLabel             *error_label;
  AdwActionRow         *folder_row;
  GtkWidget            *form_group;
  AdwComboRow          *format_row;
  GtkProgressBar       *progress_bar;
  GtkWidget            *progress_group;
  GtkLabel             *progress_label;
  AdwActionRow         *theme_row;
  AdwActionRow         *zip_row;

  /* owned references */
  MhStore              *store;
  GCancellable         *cancellable;
  GCancellable         *chooser_cancellable;

  /* borrowed references */
  ExportJob            *job;

  /* state */
  char                 *site_path;
  char                 *target_dir;
  char                 *theme_dir;
  char                 *message;
  char                 *error_message;
  MhExportFormat        format;
  double                fraction;
  guint                 present_id;
  guint                 pulse_id;
  guint                 zip : 1;
  guint                 busy : 1;
  guint                 disposed : 1;
};

G_DEFINE_FINAL_TYPE (MhExportDialog, mh_export_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SITE_PATH,
  PROP_STORE,
  PROP_TARGET_DIR,
  PROP_FORMAT,
  PROP_ZIP,
  PROP_ZIP_PATH,
  PROP_THEME_DIR,
  PROP_BUSY,
  PROP_FRACTION,
  PROP_MESSAGE,
  PROP_ERROR_MESSAGE,
  N_PROPS
};

enum {
  EXPORTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void set_progress (MhExportDialog *self,
                          double          fraction,
                          const char     *message);

/* --- the job shared with the worker thread --------------------------------- */

static ExportJob *
export_job_new (MhExportDialog *dialog)
{
  ExportJob *job = g_atomic_rc_box_new0 (ExportJob);

  job->dialog = g_object_ref (dialog);
  job->context = g_main_context_ref_thread_default ();
  g_mutex_init (&job->mutex);

  return job;
}

static void
export_job_clear (ExportJob *job)
{
  g_clear_object (&job->dialog);
  g_main_context_unref (job->context);
  g_mutex_clear (&job->mutex);
  g_free (job->message);
}

static void
export_job_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, (GDestroyNotify) export_job_clear);
}

static gboolean
export_job_progress_idle_cb (gpointer user_data)
{
  ExportJob *job = user_data;
  g_autofree char *message = NULL;
  double fraction;

  g_mutex_lock (&job->mutex);
  fraction = job->fraction;
  message = g_steal_pointer (&job->message);
  job->idle_pending = FALSE;
  g_mutex_unlock (&job->mutex);

  /* A late report of an export that has already ended is dropped. */
  if (job->dialog != NULL && job->dialog->job == job)
    set_progress (job->dialog, fraction, message);

  return G_SOURCE_REMOVE;
}

/* Called in the worker thread: no widgets here. */
static void
export_job_progress_cb (double      fraction,
                        const char *message,
                        gpointer    user_data)
{
  ExportJob *job = user_data;

  g_mutex_lock (&job->mutex);
  job->fraction = fraction;
  if (message != NULL)
    {
      g_free (job->message);
      job->message = g_strdup (message);
    }
  if (!job->idle_pending)
    {
      g_autoptr(GSource) source = g_idle_source_new ();

      job->idle_pending = TRUE;
      g_source_set_callback (source, export_job_progress_idle_cb,
                             g_atomic_rc_box_acquire (job), export_job_unref);
      g_source_set_static_name (source, "[masthead] export progress");
      g_source_attach (source, job->context);
    }
  g_mutex_unlock (&job->mutex);
}

/* --- helpers ---------------------------------------------------------------- */

static const char *
format_to_string (MhExportFormat format)
{
  return format == MH_EXPORT_FORMAT_HUGO ? "hugo" : "html";
}

static MhExportFormat
format_from_string (const char *text)
{
  return g_strcmp0 (text, "hugo") == 0 ? MH_EXPORT_FORMAT_HUGO : MH_EXPORT_FORMAT_HTML;
}

/* A path as people read it: ~/Sites/culture360-site. */
static char *
display_path (const char *path)
{
  const char *home = g_get_home_dir ();
  g_autofree char *name = g_filename_display_name (path);
  gsize len = strlen (home);

  if (len > 1 && g_str_has_prefix (path, home) && path[len] == G_DIR_SEPARATOR)
    {
      g_autofree char *rest = g_filename_display_name (path + len);

      return g_strconcat ("~", rest, NULL);
    }
  return g_steal_pointer (&name);
}

/* Beside the site file, named like it: ~/Sites/culture360.masthead gives
 * ~/Sites/culture360. */
static char *
default_target_dir (const char *site_path)
{
  g_autofree char *dir = g_path_get_dirname (site_path);
  g_autofree char *base = g_path_get_basename (site_path);
  g_autofree char *name = NULL;

  if (g_str_has_suffix (base, ".masthead") && strlen (base) > strlen (".masthead"))
    name = g_strndup (base, strlen (base) - strlen (".masthead"));
  else
    name = g_strconcat (base, "-export", NULL);

  return g_build_filename (dir, name, NULL);
}

static char *
dup_setting (MhStore    *store,
             const char *key)
{
  char *value = store != NULL ? mh_store_get_setting (store, key) : NULL;

  if (value != NULL && value[0] == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

static char *
normalize_dir (const char *path)
{
  if (path == NULL || path[0] == '\0')
    return NULL;
  return g_canonicalize_filename (path, NULL);
}

/* --- the form ----------------------------------------------------------------- */

static void
update_actions (MhExportDialog *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean idle = !self->busy;

  gtk_widget_action_set_enabled (widget, "export.start", idle && self->target_dir != NULL);
  gtk_widget_action_set_enabled (widget, "export.cancel", self->busy);
  gtk_widget_action_set_enabled (widget, "export.choose-folder", idle);
  gtk_widget_action_set_enabled (widget, "export.choose-theme", idle);
  gtk_widget_action_set_enabled (widget, "export.clear-theme", idle && self->theme_dir != NULL);
}

static void
update_folder_row (MhExportDialog *self)
{
  g_autofree char *shown = self->target_dir != NULL ? display_path (self->target_dir) : NULL;

  adw_action_row_set_subtitle (self->folder_row, shown != NULL ? shown : _("None chosen"));
}

static void
update_zip_row (MhExportDialog *self)
{
  g_autofree char *zip_path = mh_export_dialog_dup_zip_path (self);
  g_autofree char *shown = NULL;

  if (zip_path != NULL)
    shown = display_path (zip_path);
  else if (self->target_dir != NULL)
    {
      g_autofree char *name = g_filename_display_basename (self->target_dir);

      /* Translators: the subtitle of the switched-off "Zip File" row; %s is a folder name */
      shown = g_strdup_printf (_("Also write “%s.zip” beside the folder"), name);
    }
  else
    shown = g_strdup (_("Also write the folder as a zip file"));

  adw_action_row_set_subtitle (self->zip_row, shown);
}

static void
update_theme_row (MhExportDialog *self)
{
  g_autofree char *shown = self->theme_dir != NULL ? display_path (self->theme_dir) : NULL;

  adw_action_row_set_subtitle (self->theme_row, shown != NULL ? shown : _("Default theme"));
  gtk_widget_set_visible (GTK_WIDGET (self->theme_row), self->format == MH_EXPORT_FORMAT_HTML);
}

static void
update_format_row (MhExportDialog *self)
{
  const char *subtitle;

  if (self->format == MH_EXPORT_FORMAT_HUGO)
    subtitle = _("Markdown with front matter, for Hugo");
  else
    subtitle = _("Pages, feeds and images, ready for any web server");

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->format_row), subtitle);
  if (adw_combo_row_get_selected (self->format_row) != (guint) self->format)
    adw_combo_row_set_selected (self->format_row, self->format);
}

static void
set_error_message (MhExportDialog *self,
                   const char     *message)
{
  if (g_strcmp0 (self->error_message, message) == 0)
    return;

  g_free (self->error_message);
  self->error_message = g_strdup (message);

  if (!self->disposed)
    {
      gtk_label_set_text (self->error_label, message != NULL ? message : "");
      gtk_widget_set_visible (self->error_group, message != NULL);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
}

/* --- progress --------------------------------------------------------------- */

/* Until the first entry is written (the site is still being read) the bar
 * only shows that something is going on. */
static gboolean
pulse_cb (gpointer user_data)
{
  MhExportDialog *self = user_data;

  g_assert (MH_IS_EXPORT_DIALOG (self));

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
set_progress (MhExportDialog *self,
              double          fraction,
              const char     *message)
{
  g_assert (MH_IS_EXPORT_DIALOG (self));

  if (message != NULL && g_strcmp0 (message, self->message) != 0)
    {
      g_free (self->message);
      self->message = g_strdup (message);
      if (!self->disposed)
        gtk_label_set_text (self->progress_label, message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
    }

  if (fraction != self->fraction)
    {
      self->fraction = fraction;
      if (fraction > 0)
        g_clear_handle_id (&self->pulse_id, g_source_remove);
      if (!self->disposed && self->pulse_id == 0)
        gtk_progress_bar_set_fraction (self->progress_bar, fraction);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
    }
}

static void
set_busy (MhExportDialog *self,
          gboolean        busy)
{
  g_assert (MH_IS_EXPORT_DIALOG (self));

  if (self->busy == !!busy)
    return;

  self->busy = !!busy;

  g_clear_handle_id (&self->pulse_id, g_source_remove);
  if (!self->disposed)
    {
      gtk_widget_set_sensitive (self->form_group, !busy);
      gtk_widget_set_visible (self->progress_group, busy);
      gtk_stack_set_visible_child_name (self->button_stack, busy ? "stop" : "export");
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      update_actions (self);
      if (busy)
        self->pulse_id = g_timeout_add (PULSE_INTERVAL_MS, pulse_cb, self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* --- file choosers ------------------------------------------------------------ */

static void
on_folder_chosen_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  MhExportDialog *self = MH_EXPORT_DIALOG (object);
  FolderChosenFunc func = (FolderChosenFunc) user_data;
  g_autoptr(GFile) folder = mh_file_chooser_choose_finish (GTK_WIDGET (self), result, NULL);
  g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;

  if (path != NULL && !self->busy)
    func (self, path);
}

static void
choose_folder (MhExportDialog   *self,
               const char       *title,
               const char       *current,
               FolderChosenFunc  func)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) parent = NULL;
  MhFileChooserOptions options = {
    .action = GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
    .title = title,
    .accept_label = _("_Select"),
  };

  g_assert (MH_IS_EXPORT_DIALOG (self));

  /* Open where the current choice is; a folder that does not exist yet
   * (the default target) is shown through its parent. */
  if (current != NULL)
    {
      file = g_file_new_for_path (current);
      parent = g_file_get_parent (file);
      if (g_file_test (current, G_FILE_TEST_IS_DIR))
        options.file = file;
      else if (parent != NULL && g_file_query_exists (parent, NULL))
        options.folder = parent;
    }

  mh_file_chooser_choose (GTK_WIDGET (self), &options, self->chooser_cancellable,
                          on_folder_chosen_cb, (gpointer) func);
}

static void
mh_export_dialog_actions_choose_folder_cb (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *parameter)
{
  MhExportDialog *self = MH_EXPORT_DIALOG (widget);

  choose_folder (self, _("Export to Folder"), self->target_dir, mh_export_dialog_set_target_dir);
}

static void
mh_export_dialog_actions_choose_theme_cb (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  MhExportDialog *self = MH_EXPORT_DIALOG (widget);

  choose_folder (self, _("Choose a Theme Folder"),
                 self->theme_dir != NULL ? self->theme_dir : self->site_path,
                 mh_export_dialog_set_theme_dir);
}

static void
mh_export_dialog_actions_clear_theme_cb (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  mh_export_dialog_set_theme_dir (MH_EXPORT_DIALOG (widget), NULL);
}

/* --- the outcome: a toast, broken links, opening the folder ------------------ */

typedef struct
{
  GWeakRef  parent;
  char     *folder;
  GStrv     problems;
} ResultData;

static void
result_data_free (gpointer  data,
                  GClosure *closure)
{
  ResultData *result = data;

  g_weak_ref_clear (&result->parent);
  g_free (result->folder);
  g_strfreev (result->problems);
  g_free (result);
}

static void
show_message (GtkWindow  *parent,
              const char *heading,
              const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_open_folder_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      g_debug ("Failed to open the export folder: %s", error->message);
      show_message (parent, _("Cannot Open the Folder"), error->message);
    }
}

static void
open_folder (GtkWindow  *parent,
             const char *folder)
{
  g_autofree char *uri = g_filename_to_uri (folder, NULL, NULL);
  g_autoptr(GdkAppLaunchContext) context = NULL;

  g_return_if_fail (uri != NULL);

  if (parent != NULL)
    context = gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (parent)));

  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL,
                                           on_open_folder_cb,
                                           parent != NULL ? g_object_ref (parent) : NULL);
}

static void
free_string_closure (gpointer  data,
                     GClosure *closure)
{
  g_free (data);
}

static void
on_problems_dialog_response_cb (AdwMessageDialog *dialog,
                                const char       *response,
                                gpointer          user_data)
{
  const char *folder = user_data;

  open_folder (gtk_window_get_transient_for (GTK_WINDOW (dialog)), folder);
}

static GtkWidget *
problem_label_new (const char *text)
{
  return g_object_new (GTK_TYPE_LABEL,
                       "label", text,
                       "xalign", 0.0f,
                       "wrap", TRUE,
                       "wrap-mode", PANGO_WRAP_WORD_CHAR,
                       NULL);
}

/* One label a problem, a little apart, so that wrapped ones stay readable. */
static GtkWidget *
list_problems (const char * const *problems)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  guint n = g_strv_length ((GStrv) problems);
  guint i;

  for (i = 0; i < n && i < MAX_LISTED_PROBLEMS; i++)
    gtk_box_append (GTK_BOX (box), problem_label_new (problems[i]));

  if (n > MAX_LISTED_PROBLEMS)
    {
      /* Translators: ends a list of broken links that is cut short */
      g_autofree char *more = g_strdup_printf (ngettext ("…and %u more", "…and %u more",
                                                         n - MAX_LISTED_PROBLEMS),
                                               n - MAX_LISTED_PROBLEMS);

      gtk_box_append (GTK_BOX (box), problem_label_new (more));
    }
  return box;
}

static void
show_problems (GtkWindow          *parent,
               const char         *folder,
               const char * const *problems)
{
  guint n = g_strv_length ((GStrv) problems);
  g_autofree char *heading = g_strdup_printf (ngettext ("%u Broken Link", "%u Broken Links", n), n);
  GtkWidget *list = list_problems (problems);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent, heading,
                                   _("The site was exported, but these links lead nowhere. "
                                     "Fix them in the entries, then export again."));

  /* A scrolled window would not take the height of its wrapped labels
   * here, so a short list goes in as it is and a long one gets a fixed
   * height. */
  if (n > MAX_UNSCROLLED_PROBLEMS)
    list = g_object_new (GTK_TYPE_SCROLLED_WINDOW,
                         "child", list,
                         "hscrollbar-policy", GTK_POLICY_NEVER,
                         "min-content-height", 220,
                         NULL);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"),
                                    "open", _("_Open Folder"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "open");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_data (dialog, "response::open", G_CALLBACK (on_problems_dialog_response_cb),
                         g_strdup (folder), free_string_closure, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_result_toast_button_clicked_cb (AdwToast   *toast,
                                   ResultData *result)
{
  g_autoptr(GtkWindow) parent = g_weak_ref_get (&result->parent);

  if (result->problems != NULL && result->problems[0] != NULL)
    show_problems (parent, result->folder, (const char * const *) result->problems);
  else
    open_folder (parent, result->folder);
}

/* "Exported to “culture360-site” — 12 files written, 40 unchanged" */
static char *
format_result (const char          *folder,
               const MhExportStats *stats,
               guint                n_problems)
{
  g_autofree char *name = g_filename_display_basename (folder);
  g_autofree char *written = NULL;
  g_autofree char *unchanged = NULL;
  g_autofree char *counts = NULL;

  written = g_strdup_printf (ngettext ("%u file written", "%u files written", stats->written),
                             stats->written);
  unchanged = g_strdup_printf (ngettext ("%u unchanged", "%u unchanged", stats->unchanged),
                               stats->unchanged);
  if (stats->removed > 0)
    {
      g_autofree char *removed = g_strdup_printf (ngettext ("%u removed", "%u removed",
                                                            stats->removed),
                                                  stats->removed);

      /* Translators: counts of files: "12 files written, 40 unchanged, 3 removed" */
      counts = g_strdup_printf (_("%s, %s, %s"), written, unchanged, removed);
    }
  else
    /* Translators: counts of files: "12 files written, 40 unchanged" */
    counts = g_strdup_printf (_("%s, %s"), written, unchanged);

  if (n_problems > 0)
    {
      g_autofree char *broken = g_strdup_printf (ngettext ("%u broken link", "%u broken links",
                                                           n_problems),
                                                 n_problems);

      /* Translators: the folder name, the counts of files, "3 broken links" */
      return g_strdup_printf (_("Exported to “%s” — %s — %s"), name, counts, broken);
    }

  /* Translators: the folder name, then the counts of files */
  return g_strdup_printf (_("Exported to “%s” — %s"), name, counts);
}

static AdwToast *
create_result_toast (MhExportDialog *self,
                     const char     *message,
                     GPtrArray      *problems)
{
  g_autofree char *markup = g_markup_escape_text (message, -1);
  gboolean has_problems = problems != NULL && problems->len > 0;
  AdwToast *toast = adw_toast_new (markup);
  ResultData *result = g_new0 (ResultData, 1);
  GStrvBuilder *builder = g_strv_builder_new ();
  guint i;

  for (i = 0; has_problems && i < problems->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (problems, i));

  g_weak_ref_init (&result->parent, gtk_window_get_transient_for (GTK_WINDOW (self)));
  result->folder = g_strdup (self->target_dir);
  result->problems = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  adw_toast_set_button_label (toast, has_problems ? _("_Details") : _("_Open Folder"));
  adw_toast_set_timeout (toast, 10);
  g_signal_connect_data (toast, "button-clicked",
                         G_CALLBACK (on_result_toast_button_clicked_cb),
                         result, result_data_free, 0);
  return toast;
}

/* --- running the export ------------------------------------------------------- */

static void
remember_export (MhExportDialog *self)
{
  g_autofree char *zip_path = mh_export_dialog_dup_zip_path (self);
  g_autoptr(GError) error = NULL;

  /* A read-only site exports fine; it just cannot remember where to. */
  if (self->store == NULL || mh_store_get_read_only (self->store))
    return;

  if (!mh_store_begin (self->store, &error))
    {
      g_debug ("Failed to remember the export: %s", error->message);
      return;
    }

  if (!mh_store_set_setting (self->store, SETTING_DIR, self->target_dir, &error) ||
      !mh_store_set_setting (self->store, SETTING_FORMAT, format_to_string (self->format),
                             &error) ||
      !mh_store_set_setting (self->store, SETTING_ZIP, zip_path, &error) ||
      !mh_store_set_setting (self->store, SETTING_THEME, self->theme_dir, &error))
    {
      g_debug ("Failed to remember the export: %s", error->message);
      mh_store_rollback (self->store);
      return;
    }

  /* A failed commit rolls back by itself. */
  if (!mh_store_commit (self->store, &error))
    g_debug ("Failed to remember the export: %s", error->message);
}

/* What to do, for errors whose message does not already say it. */
static const char *
error_hint (MhExportDialog *self,
            const GError   *error)
{
  if (error->domain == G_IO_ERROR)
    {
      switch (error->code)
        {
        case G_IO_ERROR_PERMISSION_DENIED:
        case G_IO_ERROR_READ_ONLY:
          return _("Choose a folder you are allowed to write to.");
        case G_IO_ERROR_NO_SPACE:
          return _("Free some disk space, or choose a folder on another disk.");
        default:
          return NULL;
        }
    }

  if (self->format == MH_EXPORT_FORMAT_HTML && self->theme_dir != NULL)
    return _("Fix the theme’s templates, or clear the theme folder to use the default theme.");

  return NULL;
}

static void
show_error (MhExportDialog *self,
            const GError   *error)
{
  const char *hint = error_hint (self, error);
  g_autofree char *text = NULL;

  text = hint != NULL ? g_strdup_printf ("%s %s", error->message, hint)
                      : g_strdup (error->message);
  set_error_message (self, text);
}

/* Closes for good. gtk_window_destroy() alone would leave the object
 * alive, undisposed, while an export still holds it, and the window would
 * take it for open: disposing clears the window's weak pointer at once. */
static void
destroy_dialog (MhExportDialog *self)
{
  g_autoptr(MhExportDialog) hold = g_object_ref (self);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  gtk_window_destroy (GTK_WINDOW (self));
  g_object_run_dispose (G_OBJECT (self));
}

static void
end_export (MhExportDialog *self)
{
  self->job = NULL;
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->present_id, g_source_remove);
  set_busy (self, FALSE);
}

static void
export_succeeded (MhExportDialog      *self,
                  const MhExportStats *stats,
                  GPtrArray           *problems)
{
  g_autofree char *message = NULL;
  g_autoptr(AdwToast) toast = NULL;

  remember_export (self);

  message = format_result (self->target_dir, stats, problems != NULL ? problems->len : 0);
  toast = create_result_toast (self, message, problems);

  g_debug ("%s (%.2f s)", message, stats->seconds);
  g_signal_emit (self, signals[EXPORTED], 0, message, toast);

  destroy_dialog (self);
}

static void
on_export_ready_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  ExportJob *job = user_data;
  g_autoptr(MhExportDialog) self = g_steal_pointer (&job->dialog);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  MhExportStats stats = { 0 };
  gboolean ok;

  ok = mh_site_export_finish (result, &stats, &problems, &error);
  export_job_unref (job);

  g_assert (MH_IS_EXPORT_DIALOG (self));
  g_assert (self->job == job);

  end_export (self);

  /* Closed while exporting: the export was cancelled, and there is no one
   * left to tell. */
  if (self->disposed)
    return;

  if (ok)
    export_succeeded (self, &stats, problems);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Export cancelled");
  else
    {
      show_error (self, error);
      gtk_window_present (GTK_WINDOW (self));
    }
}

static gboolean
check_form (MhExportDialog  *self,
            GError         **error)
{
  if (self->target_dir == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Choose a folder to export to."));
      return FALSE;
    }

  if (self->format == MH_EXPORT_FORMAT_HTML && self->theme_dir != NULL &&
      !g_file_test (self->theme_dir, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *shown = display_path (self->theme_dir);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The theme folder “%s” does not exist. Choose it again, or clear it to "
                     "use the default theme."), shown);
      return FALSE;
    }

  return TRUE;
}

static gboolean
start_export (MhExportDialog *self)
{
  g_autofree char *zip_path = mh_export_dialog_dup_zip_path (self);
  g_autoptr(GError) error = NULL;
  MhExportOptions options = { 0 };
  ExportJob *job;

  g_assert (MH_IS_EXPORT_DIALOG (self));

  if (self->busy || self->disposed)
    return FALSE;

  if (!check_form (self, &error))
    {
      show_error (self, error);
      return FALSE;
    }

  set_error_message (self, NULL);

  options.format = self->format;
  options.theme_dir = self->format == MH_EXPORT_FORMAT_HTML ? self->theme_dir : NULL;
  options.zip_path = zip_path;

  self->cancellable = g_cancellable_new ();
  self->job = job = export_job_new (self);

  set_busy (self, TRUE);
  set_progress (self, 0, _("Reading the site…"));

  mh_site_export_async (self->site_path, self->target_dir, &options,
                        export_job_progress_cb, job,
                        self->cancellable, on_export_ready_cb, job);
  return TRUE;
}

static void
mh_export_dialog_actions_start_cb (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  mh_export_dialog_start (MH_EXPORT_DIALOG (widget));
}

static void
mh_export_dialog_actions_cancel_cb (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  mh_export_dialog_cancel (MH_EXPORT_DIALOG (widget));
}

static gboolean
present_cb (gpointer user_data)
{
  MhExportDialog *self = user_data;

  self->present_id = 0;
  gtk_window_present (GTK_WINDOW (self));

  return G_SOURCE_REMOVE;
}

static void
on_format_row_selected_cb (MhExportDialog *self,
                           GParamSpec     *pspec,
                           AdwComboRow    *row)
{
  guint selected = adw_combo_row_get_selected (row);

  g_assert (MH_IS_EXPORT_DIALOG (self));

  if (selected != GTK_INVALID_LIST_POSITION)
    mh_export_dialog_set_format (self, (MhExportFormat) selected);
}

/* --- GObject ------------------------------------------------------------------- */

static void
load_last_export (MhExportDialog *self)
{
  g_autofree char *dir = dup_setting (self->store, SETTING_DIR);
  g_autofree char *format = dup_setting (self->store, SETTING_FORMAT);
  g_autofree char *zip = dup_setting (self->store, SETTING_ZIP);
  g_autofree char *theme = dup_setting (self->store, SETTING_THEME);

  if (dir == NULL && self->site_path != NULL)
    dir = default_target_dir (self->site_path);

  mh_export_dialog_set_target_dir (self, dir);
  mh_export_dialog_set_format (self, format_from_string (format));
  mh_export_dialog_set_zip (self, zip != NULL);
  mh_export_dialog_set_theme_dir (self, theme);
}

static gboolean
mh_export_dialog_close_request (GtkWindow *window)
{
  /* Closing the dialog gives up the export; the target stays as it was. */
  destroy_dialog (MH_EXPORT_DIALOG (window));

  return GDK_EVENT_STOP;
}

static void
mh_export_dialog_constructed (GObject *object)
{
  MhExportDialog *self = MH_EXPORT_DIALOG (object);

  G_OBJECT_CLASS (mh_export_dialog_parent_class)->constructed (object);

  load_last_export (self);
  update_folder_row (self);
  update_zip_row (self);
  update_theme_row (self);
  update_format_row (self);
  update_actions (self);
}

static void
mh_export_dialog_dispose (GObject *object)
{
  MhExportDialog *self = MH_EXPORT_DIALOG (object);

  self->disposed = TRUE;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->chooser_cancellable);
  g_clear_object (&self->chooser_cancellable);
  g_clear_handle_id (&self->present_id, g_source_remove);
  g_clear_handle_id (&self->pulse_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), MH_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (mh_export_dialog_parent_class)->dispose (object);
}

static void
mh_export_dialog_finalize (GObject *object)
{
  MhExportDialog *self = MH_EXPORT_DIALOG (object);

  /* The job holds a reference until the export has ended. */
  g_assert (self->job == NULL);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->site_path, g_free);
  g_clear_pointer (&self->target_dir, g_free);
  g_clear_pointer (&self->theme_dir, g_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->error_message, g_free);

  G_OBJECT_CLASS (mh_export_dialog_parent_class)->finalize (object);
}

static void
mh_export_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MhExportDialog *self = MH_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SITE_PATH:
      g_value_set_string (value, mh_export_dialog_get_site_path (self));
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_TARGET_DIR:
      g_value_set_string (value, mh_export_dialog_get_target_dir (self));
      break;

    case PROP_FORMAT:
      g_value_set_int (value, mh_export_dialog_get_format (self));
      break;

    case PROP_ZIP:
      g_value_set_boolean (value, mh_export_dialog_get_zip (self));
      break;

    case PROP_ZIP_PATH:
      g_value_take_string (value, mh_export_dialog_dup_zip_path (self));
      break;

    case PROP_THEME_DIR:
      g_value_set_string (value, mh_export_dialog_get_theme_dir (self));
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, mh_export_dialog_get_busy (self));
      break;

    case PROP_FRACTION:
      g_value_set_double (value, mh_export_dialog_get_fraction (self));
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, mh_export_dialog_get_message (self));
      break;

    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, mh_export_dialog_get_error_message (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mh_export_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  MhExportDialog *self = MH_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SITE_PATH:
      self->site_path = g_value_dup_string (value);
      break;

    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_TARGET_DIR:
      mh_export_dialog_set_target_dir (self, g_value_get_string (value));
      break;

    case PROP_FORMAT:
      mh_export_dialog_set_format (self, g_value_get_int (value));
      break;

    case PROP_ZIP:
      mh_export_dialog_set_zip (self, g_value_get_boolean (value));
      break;

    case PROP_THEME_DIR:
      mh_export_dialog_set_theme_dir (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mh_export_dialog_class_init (MhExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = mh_export_dialog_constructed;
  object_class->dispose = mh_export_dialog_dispose;
  object_class->finalize = mh_export_dialog_finalize;
  object_class->get_property = mh_export_dialog_get_property;
  object_class->set_property = mh_export_dialog_set_property;

  window_class->close_request = mh_export_dialog_close_request;

  /**
   * MhExportDialog:site-path:
   *
   * The site file to export; the export reads it on a connection of its own.
   */
  properties[PROP_SITE_PATH] =
    g_param_spec_string ("site-path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * MhExportDialog:store:
   *
   * The open site, where the last export's options are kept, or %NULL.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         MH_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * MhExportDialog:target-dir:
   *
   * The folder the export ends up in.
   */
  properties[PROP_TARGET_DIR] =
    g_param_spec_string ("target-dir", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * MhExportDialog:format:
   *
   * A #MhExportFormat: 0 for a static HTML site, 1 for a Hugo content bundle.
   */
  properties[PROP_FORMAT] =
    g_param_spec_int ("format", NULL, NULL,
                      MH_EXPORT_FORMAT_HTML, MH_EXPORT_FORMAT_HUGO, MH_EXPORT_FORMAT_HTML,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  /**
   * MhExportDialog:zip:
   *
   * Whether the export is also written as a zip file beside the folder.
   */
  properties[PROP_ZIP] =
    g_param_spec_boolean ("zip", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /**
   * MhExportDialog:zip-path:
   *
   * The zip file written with the export, or %NULL.
   */
  properties[PROP_ZIP_PATH] =
    g_param_spec_string ("zip-path", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * MhExportDialog:theme-dir:
   *
   * A folder whose templates and CSS replace the default theme's, or %NULL.
   */
  properties[PROP_THEME_DIR] =
    g_param_spec_string ("theme-dir", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * MhExportDialog:busy:
   *
   * Whether an export is running.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * MhExportDialog:fraction:
   *
   * How far the running export is, from 0 to 1.
   */
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL,
                         0, 1, 0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * MhExportDialog:message:
   *
   * What the running export is doing, e.g. the title of an entry.
   */
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * MhExportDialog:error-message:
   *
   * Why the last export failed and what to do, or %NULL.
   */
  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MhExportDialog::exported:
   * @self: a #MhExportDialog
   * @message: what was exported, e.g. "Exported to “site” — 3 files
   *   written, 40 unchanged"
   * @toast: a toast that says so, with a button to open the folder
   *
   * Emitted when an export has succeeded, just before the dialog closes.
   */
  signals[EXPORTED] =
    g_signal_new ("exported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, ADW_TYPE_TOAST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/mh-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MhExportDialog, button_stack);
  gtk_widget_class_bind_template_child (widget_class, MhExportDialog, error_group);
  gtk_widget_class_bind_template_child (widget_class, MhExportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, MhExportDialog, folder_row);
  gtk_widget_class_bind_template_child (widget_class, MhExportDialog, form_group);
  gtk_widget_class_bind_template_child (widget_class, MhExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, MhExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, MhExportDialog, progress_group);
  gtk_widget_class_bind_template_child (widget_class, MhExportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, MhExportDialog, theme_row);
  gtk_widget_class_bind_template_child (widget_class, MhExportDialog, zip_row);
  gtk_widget_class_bind_template_callback (widget_class, on_format_row_selected_cb);

  gtk_widget_class_install_action (widget_class, "export.start", NULL,
                                   mh_export_dialog_actions_start_cb);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL,
                                   mh_export_dialog_actions_cancel_cb);
  gtk_widget_class_install_action (widget_class, "export.choose-folder", NULL,
                                   mh_export_dialog_actions_choose_folder_cb);
  gtk_widget_class_install_action (widget_class, "export.choose-theme", NULL,
                                   mh_export_dialog_actions_choose_theme_cb);
  gtk_widget_class_install_action (widget_class, "export.clear-theme", NULL,
                                   mh_export_dialog_actions_clear_theme_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mh_export_dialog_init (MhExportDialog *self)
{
  self->chooser_cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * mh_export_dialog_new:
 * @parent: the window the dialog belongs to
 * @site_path: the site file to export
 * @store: (nullable): the site, open in @parent; the dialog starts from its
 *   last export and remembers the next one there
 *
 * Returns: (transfer none): a new #MhExportDialog, owned by GTK like any
 *   window
 */
MhExportDialog *
mh_export_dialog_new (GtkWindow  *parent,
                      const char *site_path,
                      MhStore    *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (site_path != NULL, NULL);
  g_return_val_if_fail (store == NULL || MH_IS_STORE (store), NULL);

  return g_object_new (MH_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "site-path", site_path,
                       "store", store,
                       NULL);
}

/**
 * mh_export_dialog_has_last_export:
 * @store: a site
 *
 * Returns: whether @store remembers an export to repeat
 */
gboolean
mh_export_dialog_has_last_export (MhStore *store)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (MH_IS_STORE (store), FALSE);

  dir = dup_setting (store, SETTING_DIR);
  return dir != NULL;
}

/**
 * mh_export_dialog_get_site_path:
 * @self: a #MhExportDialog
 *
 * Returns: the site file to export
 */
const char *
mh_export_dialog_get_site_path (MhExportDialog *self)
{
  g_return_val_if_fail (MH_IS_EXPORT_DIALOG (self), NULL);

  return self->site_path;
}

/**
 * mh_export_dialog_get_target_dir:
 * @self: a #MhExportDialog
 *
 * Returns: (nullable): the folder to export to
 */
const char *
mh_export_dialog_get_target_dir (MhExportDialog *self)
{
  g_return_val_if_fail (MH_IS_EXPORT_DIALOG (self), NULL);

  return self->target_dir;
}

/**
 * mh_export_dialog_set_target_dir:
 * @self: a #MhExportDialog
 * @target_dir: (nullable): the folder to export to; it need not exist yet
 */
void
mh_export_dialog_set_target_dir (MhExportDialog *self,
                                 const char     *target_dir)
{
  g_autofree char *normalized = NULL;

  g_return_if_fail (MH_IS_EXPORT_DIALOG (self));

  normalized = normalize_dir (target_dir);
  if (g_strcmp0 (normalized, self->target_dir) == 0)
    return;

  g_free (self->target_dir);
  self->target_dir = g_steal_pointer (&normalized);
  set_error_message (self, NULL);

  update_folder_row (self);
  update_zip_row (self);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_DIR]);
  if (self->zip)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZIP_PATH]);
}

/**
 * mh_export_dialog_get_format:
 * @self: a #MhExportDialog
 *
 * Returns: a static HTML site or a Hugo content bundle
 */
MhExportFormat
mh_export_dialog_get_format (MhExportDialog *self)
{
  g_return_val_if_fail (MH_IS_EXPORT_DIALOG (self), MH_EXPORT_FORMAT_HTML);

  return self->format;
}

/**
 * mh_export_dialog_set_format:
 * @self: a #MhExportDialog
 * @format: a static HTML site or a Hugo content bundle
 */
void
mh_export_dialog_set_format (MhExportDialog *self,
                             MhExportFormat  format)
{
  g_return_if_fail (MH_IS_EXPORT_DIALOG (self));
  g_return_if_fail (format == MH_EXPORT_FORMAT_HTML || format == MH_EXPORT_FORMAT_HUGO);

  if (format == self->format)
    return;

  self->format = format;
  set_error_message (self, NULL);
  update_format_row (self);
  update_theme_row (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORMAT]);
}

/**
 * mh_export_dialog_get_zip:
 * @self: a #MhExportDialog
 *
 * Returns: whether a zip file is written beside the folder
 */
gboolean
mh_export_dialog_get_zip (MhExportDialog *self)
{
  g_return_val_if_fail (MH_IS_EXPORT_DIALOG (self), FALSE);

  return self->zip;
}

/**
 * mh_export_dialog_set_zip:
 * @self: a #MhExportDialog
 * @zip: whether to write FOLDER.zip beside the folder too
 */
void
mh_export_dialog_set_zip (MhExportDialog *self,
                          gboolean        zip)
{
  g_return_if_fail (MH_IS_EXPORT_DIALOG (self));

  if (self->zip == !!zip)
    return;

  self->zip = !!zip;
  set_error_message (self, NULL);
  update_zip_row (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZIP]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZIP_PATH]);
}

/**
 * mh_export_dialog_dup_zip_path:
 * @self: a #MhExportDialog
 *
 * Returns: (nullable) (transfer full): FOLDER.zip beside the target folder
 *   when #MhExportDialog:zip is set, else %NULL
 */
char *
mh_export_dialog_dup_zip_path (MhExportDialog *self)
{
  g_return_val_if_fail (MH_IS_EXPORT_DIALOG (self), NULL);

  if (!self->zip || self->target_dir == NULL)
    return NULL;
  return g_strconcat (self->target_dir, ".zip", NULL);
}

/**
 * mh_export_dialog_get_theme_dir:
 * @self: a #MhExportDialog
 *
 * Returns: (nullable): the theme folder, or %NULL for the default theme
 */
const char *
mh_export_dialog_get_theme_dir (MhExportDialog *self)
{
  g_return_val_if_fail (MH_IS_EXPORT_DIALOG (self), NULL);

  return self->theme_dir;
}

/**
 * mh_export_dialog_set_theme_dir:
 * @self: a #MhExportDialog
 * @theme_dir: (nullable): a folder whose templates and CSS replace the
 *   default theme's, or %NULL (or "") for the default theme
 */
void
mh_export_dialog_set_theme_dir (MhExportDialog *self,
                                const char     *theme_dir)
{
  g_autofree char *normalized = NULL;

  g_return_if_fail (MH_IS_EXPORT_DIALOG (self));

  normalized = normalize_dir (theme_dir);
  if (g_strcmp0 (normalized, self->theme_dir) == 0)
    return;

  g_free (self->theme_dir);
  self->theme_dir = g_steal_pointer (&normalized);
  set_error_message (self, NULL);

  update_theme_row (self);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THEME_DIR]);
}

/**
 * mh_export_dialog_get_busy:
 * @self: a #MhExportDialog
 *
 * Returns: whether an export is running
 */
gboolean
mh_export_dialog_get_busy (MhExportDialog *self)
{
  g_return_val_if_fail (MH_IS_EXPORT_DIALOG (self), FALSE);

  return self->busy;
}

/**
 * mh_export_dialog_get_fraction:
 * @self: a #MhExportDialog
 *
 * Returns: how far the running export is, from 0 to 1
 */
double
mh_export_dialog_get_fraction (MhExportDialog *self)
{
  g_return_val_if_fail (MH_IS_EXPORT_DIALOG (self), 0);

  return self->fraction;
}

/**
 * mh_export_dialog_get_message:
 * @self: a #MhExportDialog
 *
 * Returns: (nullable): what the export is doing, or %NULL
 */
const char *
mh_export_dialog_get_message (MhExportDialog *self)
{
  g_return_val_if_fail (MH_IS_EXPORT_DIALOG (self), NULL);

  return self->message;
}

/**
 * mh_export_dialog_get_error_message:
 * @self: a #MhExportDialog
 *
 * Returns: (nullable): why the last export failed and what to do, or %NULL
 */
const char *
mh_export_dialog_get_error_message (MhExportDialog *self)
{
  g_return_val_if_fail (MH_IS_EXPORT_DIALOG (self), NULL);

  return self->error_message;
}

/**
 * mh_export_dialog_start:
 * @self: a #MhExportDialog
 *
 * Starts exporting with the current options, in a worker thread. On
 * success the dialog emits #MhExportDialog::exported and closes; on
 * failure it shows why in #MhExportDialog:error-message.
 */
void
mh_export_dialog_start (MhExportDialog *self)
{
  g_return_if_fail (MH_IS_EXPORT_DIALOG (self));

  start_export (self);
}

/**
 * mh_export_dialog_cancel:
 * @self: a #MhExportDialog
 *
 * Stops the running export, if any. The target folder stays as it was and
 * the dialog stays open.
 */
void
mh_export_dialog_cancel (MhExportDialog *self)
{
  g_return_if_fail (MH_IS_EXPORT_DIALOG (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

/**
 * mh_export_dialog_export_again:
 * @self: a #MhExportDialog that has not been shown
 *
 * Exports with the options of the last export, without asking. The dialog
 * only shows when the export takes a while (to show its progress) or
 * fails; otherwise the export just ends in #MhExportDialog::exported.
 */
void
mh_export_dialog_export_again (MhExportDialog *self)
{
  g_return_if_fail (MH_IS_EXPORT_DIALOG (self));

  if (!start_export (self))
    {
      gtk_window_present (GTK_WINDOW (self));
      return;
    }

  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    self->present_id = g_timeout_add (PRESENT_DELAY_MS, present_cb, self);
}
