/* mh-markdown.c: the one place that talks to cmark
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mh-markdown"

#include "config.h"

#include <cmark.h>
#include <string.h>

#include "mh-markdown.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cmark_node, cmark_node_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cmark_iter, cmark_iter_free)

/**
 * mh_markdown_ref_free:
 * @ref: (nullable): a reference
 */
void
mh_markdown_ref_free (MhMarkdownRef *ref)
{
  if (ref == NULL)
    return;
  g_free (ref->target);
  g_free (ref);
}

static MhMarkdownRef *
ref_for_url (const char *url,
             int         line)
{
  MhMarkdownRef *ref;
  MhMarkdownRefKind kind;

  if (url == NULL)
    return NULL;
  if (g_str_has_prefix (url, "entry:"))
    kind = MH_MARKDOWN_REF_ENTRY;
  else if (g_str_has_prefix (url, "asset:"))
    kind = MH_MARKDOWN_REF_ASSET;
  else
    return NULL;

  ref = g_new0 (MhMarkdownRef, 1);
  ref->kind = kind;
  ref->target = g_uri_unescape_string (strchr (url, ':') + 1, NULL);
  if (ref->target == NULL)
    ref->target = g_strdup (strchr (url, ':') + 1);
  ref->line = line;
  return ref;
}

/* Inline nodes carry no position in cmark 0.30; the line of the nearest
 * block that has one is the best we can say. */
static int
node_line (cmark_node *node)
{
  for (; node != NULL; node = cmark_node_parent (node))
    {
      int line = cmark_node_get_start_line (node);

      if (line > 0)
        return line;
    }
  return 0;
}

/**
 * mh_markdown_find_references:
 * @markdown: (nullable): a Markdown body
 *
 * Finds the links and images that point inside the site: `entry:SLUG` and
 * `asset:NAME`, in the order they appear, with the line of each.
 *
 * Returns: (transfer full) (element-type MhMarkdownRef): the references
 */
GPtrArray *
mh_markdown_find_references (const char *markdown)
{
  GPtrArray *refs = g_ptr_array_new_with_free_func ((GDestroyNotify) mh_markdown_ref_free);
  g_autoptr(cmark_node) doc = NULL;
  g_autoptr(cmark_iter) iter = NULL;
  cmark_event_type event;

  if (markdown == NULL)
    return refs;

  doc = cmark_parse_document (markdown, strlen (markdown),
                              CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8);
  iter = cmark_iter_new (doc);

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (node);
      MhMarkdownRef *ref;

      if (event != CMARK_EVENT_ENTER || (type != CMARK_NODE_LINK && type != CMARK_NODE_IMAGE))
        continue;
      ref = ref_for_url (cmark_node_get_url (node), node_line (node));
      if (ref != NULL)
        g_ptr_array_add (refs, ref);
    }

  return refs;
}
