/* mh-preview-view.c: the published page of the entry being edited
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page comes from mh_site_preview_render() — the export's renderer on
 * the saved site — in a worker thread, and is shown in a WebKitWebView
 * under masthead-preview://site/, whose stylesheet and images are read
 * from the site file by a URI scheme handler. The web view is made the
 * first time the preview is on screen, so a hidden preview costs nothing.
 * Scripts in the page never run (the site has none; raw HTML might), links
 * to the web open in the browser, and the scroll position is kept while
 * the same entry is rendered again.
 */

#define G_LOG_DOMAIN "mh-preview"

#include "config.h"

#include <glib/gi18n.h>
#include <webkit/webkit.h>

#include "mh-preview-view.h"
#include "mh-site-preview.h"

#define SCHEME "masthead-preview"
#define BASE_URL SCHEME "://site/"

struct _MhPreviewView
{
  GtkWidget       parent_instance;

  GtkStack       *stack;
  GtkLabel       *message;
  WebKitWebView  *web_view;

  MhSitePreview  *preview;        /* what the web view shows */
  MhSitePreview  *pending;        /* shown once the scroll position is read */
  GCancellable   *cancellable;    /* the render under way */
  char           *site_path;
  gint64          entry_id;
  gint64          shown_id;       /* the entry of the page in the web view */
  double          scroll_y;       /* to restore once the page is loaded */
  char           *loaded_uri;
  char           *error_message;
  guint           stale : 1;      /* render when next on screen */
};

G_DEFINE_FINAL_TYPE (MhPreviewView, mh_preview_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LOADED_URI,
  PROP_ERROR_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- files of the page ------------------------------------------------------ */

/* masthead-preview://site/assets/… for every preview of the process: the
 * request's web view says which preview it belongs to. */
static void
handle_request_cb (WebKitURISchemeRequest *request,
                   gpointer                user_data)
{
  WebKitWebView *web_view = webkit_uri_scheme_request_get_web_view (request);
  MhPreviewView *self = web_view ? g_object_get_data (G_OBJECT (web_view), "mh-preview") : NULL;
  const char *path = webkit_uri_scheme_request_get_path (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autofree char *media_type = NULL;

  if (self == NULL || self->preview == NULL)
    {
      error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("Nothing is previewed."));
      webkit_uri_scheme_request_finish_error (request, error);
      return;
    }

  while (path != NULL && *path == '/')
    path++;
  bytes = mh_site_preview_read_file (self->preview, path ? path : "", &media_type, &error);
  if (bytes == NULL)
    {
      webkit_uri_scheme_request_finish_error (request, error);
      return;
    }

  stream = g_memory_input_stream_new_from_bytes (bytes);
  webkit_uri_scheme_request_finish (request, stream, g_bytes_get_size (bytes), media_type);
}

static void
ensure_scheme (void)
{
  static gsize registered;

  if (g_once_init_enter (&registered))
    {
      WebKitWebContext *context = webkit_web_context_get_default ();

      webkit_web_context_register_uri_scheme (context, SCHEME, handle_request_cb, NULL, NULL);
      g_once_init_leave (&registered, 1);
    }
}

/* --- the web view ------------------------------------------------------------ */

static gboolean
on_decide_policy_cb (WebKitWebView            *web_view,
                     WebKitPolicyDecision     *decision,
                     WebKitPolicyDecisionType  type,
                     MhPreviewView            *self)
{
  WebKitNavigationAction *action;
  WebKitURIRequest *request;
  const char *uri;
  GtkRoot *root;

  if (type == WEBKIT_POLICY_DECISION_TYPE_RESPONSE)
    return FALSE;

  action = webkit_navigation_policy_decision_get_navigation_action (
             WEBKIT_NAVIGATION_POLICY_DECISION (decision));
  request = webkit_navigation_action_get_request (action);
  uri = webkit_uri_request_get_uri (request);

  /* The page itself, loaded by mh_preview_view_refresh(). */
  if (type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION &&
      webkit_navigation_action_get_navigation_type (action) == WEBKIT_NAVIGATION_TYPE_OTHER &&
      g_strcmp0 (uri, self->loaded_uri) == 0)
    return FALSE;

  /* A link: the web opens in the browser; the site's own pages are not
   * previewed (the entry being edited is). */
  webkit_policy_decision_ignore (decision);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (uri != NULL && webkit_navigation_action_is_user_gesture (action) &&
      (g_str_has_prefix (uri, "https://") || g_str_has_prefix (uri, "http://") ||
       g_str_has_prefix (uri, "mailto:")))
    {
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
      G_GNUC_END_IGNORE_DEPRECATIONS
    }
  return TRUE;
}

static void
on_scrolled_back_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(JSCValue) value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (object),
                                                                           result, NULL);
}

static void
on_load_changed_cb (WebKitWebView   *web_view,
                    WebKitLoadEvent  event,
                    MhPreviewView   *self)
{
  g_autofree char *script = NULL;

  if (event != WEBKIT_LOAD_FINISHED || self->scroll_y <= 0)
    return;

  script = g_strdup_printf ("window.scrollTo (0, %.0f);", self->scroll_y);
  webkit_web_view_evaluate_javascript (web_view, script, -1, NULL, NULL, NULL,
                                       on_scrolled_back_cb, NULL);
}

static void
show_message (MhPreviewView *self,
              const char    *message)
{
  gtk_label_set_label (self->message, message);
  gtk_stack_set_visible_child_name (self->stack, "message");
}

static void
on_web_process_terminated_cb (WebKitWebView                     *web_view,
                              WebKitWebProcessTerminationReason  reason,
                              MhPreviewView                     *self)
{
  g_clear_pointer (&self->loaded_uri, g_free);
  self->stale = TRUE;
  show_message (self, _("The preview stopped. It starts again with the next change."));
}

static void
ensure_web_view (MhPreviewView *self)
{
  g_autoptr(WebKitNetworkSession) session = NULL;
  WebKitSettings *settings;

  if (self->web_view != NULL)
    return;

  ensure_scheme ();
  /* Nothing of the preview is kept on disk: no cache, no cookies. */
  session = webkit_network_session_new_ephemeral ();
  self->web_view = g_object_new (WEBKIT_TYPE_WEB_VIEW, "network-session", session, NULL);
  g_object_set_data (G_OBJECT (self->web_view), "mh-preview", self);

  settings = webkit_web_view_get_settings (self->web_view);
  webkit_settings_set_enable_javascript_markup (settings, FALSE);
  webkit_settings_set_enable_developer_extras (settings, FALSE);
  webkit_settings_set_enable_back_forward_navigation_gestures (settings, FALSE);

  g_signal_connect_object (self->web_view, "decide-policy", G_CALLBACK (on_decide_policy_cb),
                           self, 0);
  g_signal_connect_object (self->web_view, "load-changed", G_CALLBACK (on_load_changed_cb),
                           self, 0);
  g_signal_connect_object (self->web_view, "web-process-terminated",
                           G_CALLBACK (on_web_process_terminated_cb), self, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->web_view), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->web_view), TRUE);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->web_view), "page");
}

/* --- rendering ------------------------------------------------------------------ */

typedef struct
{
  char   *site_path;
  gint64  entry_id;
} RenderJob;

static void
render_job_free (RenderJob *job)
{
  g_free (job->site_path);
  g_free (job);
}

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RenderJob *job = task_data;
  GError *error = NULL;
  MhSitePreview *preview;

  preview = mh_site_preview_render (job->site_path, job->entry_id, BASE_URL, cancellable, &error);
  if (preview != NULL)
    g_task_return_pointer (task, preview, (GDestroyNotify) mh_site_preview_free);
  else
    g_task_return_error (task, error);
}

static void
load_page (MhPreviewView *self)
{
  const char *url = mh_site_preview_get_url (self->preview);

  g_debug ("loading %s", url);
  g_free (self->loaded_uri);
  self->loaded_uri = g_strdup (url);
  webkit_web_view_load_html (self->web_view, mh_site_preview_get_html (self->preview), url);
  gtk_stack_set_visible_child_name (self->stack, "page");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED_URI]);
}

static void
on_scroll_read_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  MhPreviewView *self = user_data;
  g_autoptr(JSCValue) value = NULL;

  value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (object), result, NULL);
  self->scroll_y = value != NULL && jsc_value_is_number (value) ? jsc_value_to_double (value) : 0;
  if (self->pending != NULL)
    {
      g_clear_pointer (&self->preview, mh_site_preview_free);
      self->preview = g_steal_pointer (&self->pending);
      load_page (self);
    }
  g_object_unref (self);
}

static void
on_rendered_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  MhPreviewView *self = MH_PREVIEW_VIEW (object);
  g_autoptr(GError) error = NULL;
  MhSitePreview *preview = g_task_propagate_pointer (G_TASK (result), &error);
  RenderJob *job = g_task_get_task_data (G_TASK (result));
  gboolean same_entry;

  if (preview == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_free (self->error_message);
      self->error_message = g_strdup (error->message);
      show_message (self, error->message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
      return;
    }

  g_clear_pointer (&self->error_message, g_free);
  same_entry = self->shown_id == job->entry_id && self->loaded_uri != NULL;
  self->shown_id = job->entry_id;

  /* Keep the reader's place while the same entry changes. */
  if (same_entry)
    {
      g_clear_pointer (&self->pending, mh_site_preview_free);
      self->pending = preview;
      webkit_web_view_evaluate_javascript (self->web_view, "window.scrollY", -1, NULL, NULL, NULL,
                                           on_scroll_read_cb, g_object_ref (self));
    }
  else
    {
      g_clear_pointer (&self->pending, mh_site_preview_free);
      g_clear_pointer (&self->preview, mh_site_preview_free);
      self->preview = preview;
      self->scroll_y = 0;
      load_page (self);
    }
}

/**
 * mh_preview_view_refresh:
 * @self: a preview
 *
 * Renders the entry again from the saved site, now if the preview is on
 * screen, or when it next is.
 */
void
mh_preview_view_refresh (MhPreviewView *self)
{
  g_autoptr(GTask) task = NULL;
  RenderJob *job;

  g_return_if_fail (MH_IS_PREVIEW_VIEW (self));

  if (self->site_path == NULL || self->entry_id <= 0)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;
  ensure_web_view (self);
  g_debug ("rendering entry %" G_GINT64_FORMAT, self->entry_id);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  job = g_new0 (RenderJob, 1);
  job->site_path = g_strdup (self->site_path);
  job->entry_id = self->entry_id;
  task = g_task_new (self, self->cancellable, on_rendered_cb, NULL);
  g_task_set_source_tag (task, mh_preview_view_refresh);
  g_task_set_task_data (task, job, (GDestroyNotify) render_job_free);
  g_task_run_in_thread (task, render_thread);
}

/**
 * mh_preview_view_show_entry:
 * @self: a preview
 * @site_path: (nullable): the site file
 * @entry_id: the entry, or 0 for none
 *
 * Shows the page of another entry.
 */
void
mh_preview_view_show_entry (MhPreviewView *self,
                            const char    *site_path,
                            gint64         entry_id)
{
  g_return_if_fail (MH_IS_PREVIEW_VIEW (self));

  if (g_strcmp0 (site_path, self->site_path) == 0 && entry_id == self->entry_id)
    return;

  g_free (self->site_path);
  self->site_path = g_strdup (site_path);
  self->entry_id = entry_id;
  if (site_path == NULL || entry_id <= 0)
    {
      g_cancellable_cancel (self->cancellable);
      show_message (self, _("No entry"));
      return;
    }
  mh_preview_view_refresh (self);
}

/**
 * mh_preview_view_get_html:
 * @self: a preview
 *
 * Returns: (nullable): the page shown, as rendered
 */
const char *
mh_preview_view_get_html (MhPreviewView *self)
{
  g_return_val_if_fail (MH_IS_PREVIEW_VIEW (self), NULL);

  return self->preview != NULL ? mh_site_preview_get_html (self->preview) : NULL;
}

/**
 * mh_preview_view_get_loaded_uri:
 * @self: a preview
 *
 * Returns: (nullable): the URL of the page given to the web view last
 */
const char *
mh_preview_view_get_loaded_uri (MhPreviewView *self)
{
  g_return_val_if_fail (MH_IS_PREVIEW_VIEW (self), NULL);

  return self->loaded_uri;
}

/**
 * mh_preview_view_get_web_view:
 * @self: a preview
 *
 * Returns: (nullable) (transfer none): the WebKitWebView, once the preview
 *   has been on screen
 */
GtkWidget *
mh_preview_view_get_web_view (MhPreviewView *self)
{
  g_return_val_if_fail (MH_IS_PREVIEW_VIEW (self), NULL);

  return GTK_WIDGET (self->web_view);
}

/**
 * mh_preview_view_get_error_message:
 * @self: a preview
 *
 * Returns: (nullable): why the last render failed
 */
const char *
mh_preview_view_get_error_message (MhPreviewView *self)
{
  g_return_val_if_fail (MH_IS_PREVIEW_VIEW (self), NULL);

  return self->error_message;
}

/* --- GObject ------------------------------------------------------------------- */

/* A page needs room: the preview asks for a column of its own, not the
 * width of its content. */
#define MIN_WIDTH 480
#define NATURAL_WIDTH 600

static void
mh_preview_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  MhPreviewView *self = MH_PREVIEW_VIEW (widget);

  gtk_widget_measure (GTK_WIDGET (self->stack), orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MAX (*minimum, MIN_WIDTH);
      *natural = MAX (*natural, NATURAL_WIDTH);
    }
}

static void
mh_preview_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  MhPreviewView *self = MH_PREVIEW_VIEW (widget);

  gtk_widget_allocate (GTK_WIDGET (self->stack), width, height, baseline, NULL);
}

static void
mh_preview_view_map (GtkWidget *widget)
{
  MhPreviewView *self = MH_PREVIEW_VIEW (widget);

  GTK_WIDGET_CLASS (mh_preview_view_parent_class)->map (widget);

  if (self->stale)
    mh_preview_view_refresh (self);
}

static void
mh_preview_view_dispose (GObject *object)
{
  MhPreviewView *self = MH_PREVIEW_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->web_view != NULL)
    g_object_set_data (G_OBJECT (self->web_view), "mh-preview", NULL);
  self->web_view = NULL;
  if (self->stack != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->stack));
  self->stack = NULL;
  g_clear_pointer (&self->preview, mh_site_preview_free);
  g_clear_pointer (&self->pending, mh_site_preview_free);

  G_OBJECT_CLASS (mh_preview_view_parent_class)->dispose (object);
}

static void
mh_preview_view_finalize (GObject *object)
{
  MhPreviewView *self = MH_PREVIEW_VIEW (object);

  g_free (self->site_path);
  g_free (self->loaded_uri);
  g_free (self->error_message);

  G_OBJECT_CLASS (mh_preview_view_parent_class)->finalize (object);
}

static void
mh_preview_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MhPreviewView *self = MH_PREVIEW_VIEW (object);

  switch (prop_id)
    {
    case PROP_LOADED_URI:
      g_value_set_string (value, self->loaded_uri);
      break;
    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mh_preview_view_class_init (MhPreviewViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mh_preview_view_dispose;
  object_class->finalize = mh_preview_view_finalize;
  object_class->get_property = mh_preview_view_get_property;
  widget_class->map = mh_preview_view_map;

  properties[PROP_LOADED_URI] =
    g_param_spec_string ("loaded-uri", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->measure = mh_preview_view_measure;
  widget_class->size_allocate = mh_preview_view_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "preview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
mh_preview_view_init (MhPreviewView *self)
{
  self->stack = GTK_STACK (gtk_stack_new ());
  self->message = GTK_LABEL (gtk_label_new (_("No entry")));
  gtk_label_set_wrap (self->message, TRUE);
  gtk_label_set_justify (self->message, GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "dim-label");
  gtk_widget_set_margin_start (GTK_WIDGET (self->message), 24);
  gtk_widget_set_margin_end (GTK_WIDGET (self->message), 24);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->message), "message");
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Preview of the published page"), -1);
}

/**
 * mh_preview_view_new:
 *
 * Returns: (transfer floating): a new preview
 */
GtkWidget *
mh_preview_view_new (void)
{
  return g_object_new (MH_TYPE_PREVIEW_VIEW, NULL);
}
