/* mh-site-preview.c: one entry's page, as the export will write it
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The preview and the export call the same renderer on the same model, so
 * the preview is the page: the only differences are that the entry is in
 * the model whatever its status (a draft can be previewed) and, when asked,
 * the site's base URL, so that the page's stylesheet and images come from
 * the site file instead of the web. mh_site_preview_read_file() gives those.
 */

#define G_LOG_DOMAIN "mh-site-preview"

#include "config.h"

#include <glib/gi18n.h>

#include "mh-site-preview.h"
#include "mh-site-model.h"
#include "mh-site-render.h"

#define STYLESHEET_PATH "assets/style.css"

struct _MhSitePreview
{
  MhSiteModel    *model;
  MhSiteRenderer *renderer;
  char           *html;
  char           *url;
  GPtrArray      *problems;
};

/**
 * mh_site_preview_free:
 * @preview: (nullable): a preview
 */
void
mh_site_preview_free (MhSitePreview *preview)
{
  if (preview == NULL)
    return;
  g_clear_pointer (&preview->renderer, mh_site_renderer_free);
  g_clear_pointer (&preview->model, mh_site_model_free);
  g_free (preview->html);
  g_free (preview->url);
  g_clear_pointer (&preview->problems, g_ptr_array_unref);
  g_free (preview);
}

static MhModelEntry *
find_entry (MhSiteModel *model,
            gint64       entry_id)
{
  for (guint i = 0; i < model->entries->len; i++)
    {
      MhModelEntry *entry = g_ptr_array_index (model->entries, i);

      if (entry->id == entry_id)
        return entry;
    }
  return NULL;
}

/**
 * mh_site_preview_render:
 * @site_path: a site file
 * @entry_id: the entry to show, whatever its status
 * @base_url: (nullable): the URL the site's pages are under instead of the
 *   site's own, such as "masthead-preview://site/"; it must end in "/"
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Renders the page of one entry from the saved site, on a read-only
 * connection of its own: safe in a worker thread.
 *
 * Returns: (transfer full): the preview, or %NULL
 */
MhSitePreview *
mh_site_preview_render (const char    *site_path,
                        gint64         entry_id,
                        const char    *base_url,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(MhSitePreview) preview = g_new0 (MhSitePreview, 1);
  MhModelEntry *entry;

  g_return_val_if_fail (site_path != NULL, NULL);
  g_return_val_if_fail (base_url == NULL || g_str_has_suffix (base_url, "/"), NULL);

  preview->model = mh_site_model_load_preview (site_path, entry_id, cancellable, error);
  if (preview->model == NULL)
    return NULL;

  entry = find_entry (preview->model, entry_id);
  if (entry == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The entry is not in the site any more."));
      return NULL;
    }

  if (base_url != NULL)
    {
      g_free (preview->model->base_url);
      preview->model->base_url = g_strdup (base_url);
    }

  preview->renderer = mh_site_renderer_new (preview->model, preview->model->theme_dir, error);
  if (preview->renderer == NULL)
    return NULL;

  preview->problems = g_ptr_array_new_with_free_func (g_free);
  preview->html = mh_site_renderer_entry (preview->renderer, entry, preview->problems, error);
  if (preview->html == NULL)
    return NULL;
  preview->url = mh_site_model_url (preview->model, entry->path);

  return g_steal_pointer (&preview);
}

/**
 * mh_site_preview_get_html:
 * @preview: a preview
 *
 * Returns: the page, byte for byte what the export writes to the entry's
 *   index.html (with the base URL given)
 */
const char *
mh_site_preview_get_html (MhSitePreview *preview)
{
  return preview->html;
}

/**
 * mh_site_preview_get_url:
 * @preview: a preview
 *
 * Returns: the page's URL, under the base URL
 */
const char *
mh_site_preview_get_url (MhSitePreview *preview)
{
  return preview->url;
}

/**
 * mh_site_preview_get_problems:
 * @preview: a preview
 *
 * Returns: (transfer none) (element-type utf8): the broken links of the
 *   page, as the export reports them
 */
GPtrArray *
mh_site_preview_get_problems (MhSitePreview *preview)
{
  return preview->problems;
}

/**
 * mh_site_preview_read_file:
 * @preview: a preview
 * @path: a path under the base URL, such as "assets/style.css" or
 *   "assets/logo.3f2a9c1b.svg"
 * @media_type: (out) (optional) (transfer full): its media type
 * @error: return location for an error
 *
 * Reads a file the page refers to: the theme's stylesheet or an asset.
 * Call it from one thread at a time.
 *
 * Returns: (transfer full): the file, or %NULL with G_IO_ERROR_NOT_FOUND
 */
GBytes *
mh_site_preview_read_file (MhSitePreview  *preview,
                           const char     *path,
                           char          **media_type,
                           GError        **error)
{
  g_return_val_if_fail (preview != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (g_str_equal (path, STYLESHEET_PATH))
    {
      if (media_type != NULL)
        *media_type = g_strdup ("text/css");
      return mh_site_renderer_stylesheet (preview->renderer, error);
    }

  for (guint i = 0; i < preview->model->assets->len; i++)
    {
      MhModelAsset *asset = g_ptr_array_index (preview->model->assets, i);

      if (g_str_equal (asset->path, path))
        {
          if (media_type != NULL)
            *media_type = g_strdup (asset->media_type);
          return mh_site_model_read_asset (preview->model, asset, error);
        }
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               _("The page refers to “%s”, which is not in the site."), path);
  return NULL;
}
