/* mh-markdown.c: the one place that talks to cmark
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mh-markdown"

#include "config.h"

#include <glib/gi18n.h>
#include <cmark.h>
#include <string.h>

#include "mh-escape.h"
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

/* In cmark 0.30 most inline nodes (text, emphasis, links, images) carry
 * their own position, but some (soft and hard breaks) do not; then the line
 * of the nearest ancestor that has one is the best we can say. */
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

/* Rendering.
 *
 * cmark's HTML renderer has no hook for attributes, so the walk rewrites the
 * tree before rendering, using the two node types whose HTML we choose:
 *
 * - A heading becomes a CUSTOM_BLOCK with empty on_enter/on_exit holding one
 *   CUSTOM_INLINE whose on_enter is `<hN id="…">` and on_exit `</hN>`; the
 *   heading's inlines move into it. The custom block adds line breaks only
 *   where the buffer lacks one, and that gives byte for byte the HTML cmark
 *   writes for a heading, plus the id. (Putting the inlines directly in the
 *   custom block would add a newline after `<hN>` and before `</hN>`.)
 * - A link or an image whose entry:/asset: target does not exist becomes a
 *   CUSTOM_INLINE `<span class="broken-link">…</span>` (`broken-image` for
 *   an image, whose alt text is then shown): the reader sees the words with
 *   nothing to click, and the preview can style the span.
 *
 * Nodes are replaced on their EXIT event, when all their children have been
 * visited, and the iterator is then reset onto the replacement's EXIT (the
 * rule in cmark.h), so the walk is a single pass. */

typedef struct
{
  const MhMarkdownOptions *options;
  GPtrArray               *problems;      /* nullable */
  GHashTable              *ids;           /* id → last suffix tried for it */
  GString                 *heading_text;
  gboolean                 in_heading;
  gboolean                 commonmark;    /* re-rendering Markdown: links only */
} Walk;

/* Ids in document order: the first "foo", then "foo-2", "foo-3"… skipping
 * any already taken ("Foo 2" may have claimed "foo-2"). Remembering the last
 * suffix per base keeps a thousand equal headings linear. */
static char *
unique_id (Walk       *walk,
           const char *text)
{
  g_autofree char *base = mh_heading_id (text);
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (walk->ids, base));
  char *id;

  if (n == 0)
    {
      g_hash_table_insert (walk->ids, g_strdup (base), GUINT_TO_POINTER (1));
      return g_steal_pointer (&base);
    }
  do
    {
      id = g_strdup_printf ("%s-%u", base, ++n);
      if (!g_hash_table_contains (walk->ids, id))
        break;
      g_free (id);
    }
  while (TRUE);
  g_hash_table_insert (walk->ids, g_strdup (base), GUINT_TO_POINTER (n));
  g_hash_table_insert (walk->ids, g_strdup (id), GUINT_TO_POINTER (1));
  return id;
}

/* Puts @replacement where @node is, moves @node's children to the end of
 * @container (@replacement or a node inside it) and frees @node. */
static gboolean
substitute (cmark_node *node,
            cmark_node *replacement,
            cmark_node *container)
{
  cmark_node *child;

  if (!cmark_node_insert_before (node, replacement))
    return FALSE;
  while ((child = cmark_node_first_child (node)) != NULL)
    {
      /* Cannot fail: a custom inline takes any inline. Never loop on it. */
      if (!cmark_node_append_child (container, child))
        break;
    }
  cmark_node_free (node);
  return TRUE;
}

static cmark_node *
custom_node (cmark_node_type  type,
             const char      *on_enter,
             const char      *on_exit)
{
  cmark_node *node = cmark_node_new (type);

  cmark_node_set_on_enter (node, on_enter);
  cmark_node_set_on_exit (node, on_exit);
  return node;
}

static char *
heading_open_tag (Walk       *walk,
                  cmark_node *heading,
                  const char *id)
{
  GString *tag = g_string_new (NULL);

  g_string_printf (tag, "<h%d id=\"", cmark_node_get_heading_level (heading));
  mh_escape_html_append (tag, id);
  g_string_append_c (tag, '"');
  if (walk->options->sourcepos)
    g_string_append_printf (tag, " data-sourcepos=\"%d:%d-%d:%d\"",
                            cmark_node_get_start_line (heading),
                            cmark_node_get_start_column (heading),
                            cmark_node_get_end_line (heading),
                            cmark_node_get_end_column (heading));
  g_string_append_c (tag, '>');
  return g_string_free (tag, FALSE);
}

static cmark_node *
replace_heading (Walk       *walk,
                 cmark_node *heading)
{
  g_autofree char *id = unique_id (walk, walk->heading_text->str);
  g_autofree char *open = heading_open_tag (walk, heading, id);
  g_autofree char *close = g_strdup_printf ("</h%d>", cmark_node_get_heading_level (heading));
  cmark_node *block = custom_node (CMARK_NODE_CUSTOM_BLOCK, "", "");
  cmark_node *tag = custom_node (CMARK_NODE_CUSTOM_INLINE, open, close);

  cmark_node_append_child (block, tag);
  if (substitute (heading, block, tag))
    return block;
  /* Cannot happen: a custom block may go wherever a heading was. */
  cmark_node_free (block);
  return NULL;
}

static const char *
broken_format (MhMarkdownRefKind kind,
               gboolean          image)
{
  if (kind == MH_MARKDOWN_REF_ENTRY && !image)
    /* Translators: a line number, then an entry's slug */
    return _("line %d: link to the entry “%s”, which does not exist");
  if (kind == MH_MARKDOWN_REF_ENTRY)
    /* Translators: a line number, then an entry's slug */
    return _("line %d: image uses the entry “%s”, which does not exist");
  if (image)
    /* Translators: a line number, then an asset's file name */
    return _("line %d: image uses the asset “%s”, which does not exist");
  /* Translators: a line number, then an asset's file name */
  return _("line %d: link to the asset “%s”, which does not exist");
}

static void
report_broken (Walk                *walk,
               cmark_node          *node,
               const MhMarkdownRef *ref)
{
  gboolean image = cmark_node_get_type (node) == CMARK_NODE_IMAGE;
  const char *context = walk->options->context;
  /* A percent escape may decode to bytes that are not UTF-8. */
  g_autofree char *target = g_utf8_make_valid (ref->target, -1);
  g_autofree char *message = NULL;

  if (walk->problems == NULL)
    return;
  message = g_strdup_printf (broken_format (ref->kind, image), ref->line, target);
  if (context != NULL)
    g_ptr_array_add (walk->problems, g_strdup_printf ("%s: %s", context, message));
  else
    g_ptr_array_add (walk->problems, g_steal_pointer (&message));
}

static cmark_node *
replace_broken (cmark_node *node)
{
  cmark_node *span;

  if (cmark_node_get_type (node) == CMARK_NODE_IMAGE)
    span = custom_node (CMARK_NODE_CUSTOM_INLINE, "<span class=\"broken-image\">", "</span>");
  else
    span = custom_node (CMARK_NODE_CUSTOM_INLINE, "<span class=\"broken-link\">", "</span>");
  if (substitute (node, span, span))
    return span;
  /* Cannot happen (a custom inline goes wherever a link does); if it did,
   * the text stays, with an empty target. */
  cmark_node_free (span);
  cmark_node_set_url (node, "");
  return NULL;
}

/* Links and images: entry:/asset: targets become site URLs (or a broken
 * span, reported); any other URL the browser could run is emptied, whatever
 * allow_raw_html says, since cmark's unsafe mode would let it through. */
static cmark_node *
visit_link (Walk       *walk,
            cmark_node *node)
{
  const char *url = cmark_node_get_url (node);
  g_autoptr(MhMarkdownRef) ref = ref_for_url (url, node_line (node));
  MhMarkdownResolveFunc resolve = walk->options->resolve;
  g_autofree char *resolved = NULL;

  if (ref == NULL)
    {
      if (!mh_url_is_safe (url))
        cmark_node_set_url (node, "");
      return NULL;
    }
  if (resolve != NULL)
    resolved = resolve (ref->kind, ref->target, walk->options->resolve_data);
  if (resolved == NULL)
    {
      report_broken (walk, node, ref);
      if (walk->commonmark)
        {
          cmark_node_set_url (node, "");
          return NULL;
        }
      return replace_broken (node);
    }
  cmark_node_set_url (node, mh_url_is_safe (resolved) ? resolved : "");
  return NULL;
}

/* The heading's plain text, for its id: text and code, with breaks as
 * spaces (image alt text is text too); raw HTML is left out. */
static void
collect_heading_text (Walk       *walk,
                      cmark_node *node)
{
  cmark_node_type type = cmark_node_get_type (node);
  const char *literal;

  if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK)
    g_string_append_c (walk->heading_text, ' ');
  else if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE)
    {
      literal = cmark_node_get_literal (node);
      if (literal != NULL)
        g_string_append (walk->heading_text, literal);
    }
}

/* Returns the node that took @node's place, if any. */
static cmark_node *
visit (Walk             *walk,
       cmark_node       *node,
       cmark_event_type  event)
{
  cmark_node_type type = cmark_node_get_type (node);

  if (walk->commonmark)
    return (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE) && event == CMARK_EVENT_EXIT
           ? visit_link (walk, node) : NULL;

  if (type == CMARK_NODE_HEADING && event == CMARK_EVENT_ENTER)
    {
      g_string_truncate (walk->heading_text, 0);
      walk->in_heading = TRUE;
    }
  else if (type == CMARK_NODE_HEADING)
    {
      walk->in_heading = FALSE;
      return replace_heading (walk, node);
    }
  else if ((type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE) && event == CMARK_EVENT_EXIT)
    return visit_link (walk, node);
  else if (walk->in_heading)
    collect_heading_text (walk, node);
  return NULL;
}

static void
walk_document (Walk       *walk,
               cmark_node *doc)
{
  g_autoptr(cmark_iter) iter = cmark_iter_new (doc);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *replacement = visit (walk, cmark_iter_get_node (iter), event);

      if (replacement != NULL)
        cmark_iter_reset (iter, replacement, CMARK_EVENT_EXIT);
    }
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

/**
 * mh_markdown_render:
 * @markdown: (nullable): a Markdown body
 * @options: (nullable): how to render; %NULL for the defaults (safe, no
 *   source positions, no resolver, no context)
 * @problems: (nullable) (element-type utf8): where to add one sentence per
 *   broken link or image (the caller owns the strings; create the array
 *   with g_free() as its free function)
 *
 * Renders @markdown to HTML with cmark, the same way for the preview and
 * the export:
 *
 * - Raw HTML is dropped (cmark writes `<!-- raw HTML omitted -->`) unless
 *   @options allows it.
 * - Every heading gets an id made by mh_heading_id() from its text, unique
 *   in the document (`-2`, `-3`… in document order).
 * - Links and images to `entry:SLUG` and `asset:NAME` get the URL that
 *   @options' resolver gives. When there is none, the problem is reported
 *   ("CONTEXT: line N: link to the entry “SLUG”, which does not exist") and
 *   the link becomes `<span class="broken-link">TEXT</span>` (an image,
 *   `<span class="broken-image">ALT</span>`): the words stay, nothing
 *   points nowhere.
 * - Any other URL that mh_url_is_safe() refuses becomes "", even when raw
 *   HTML is allowed.
 *
 * The output depends on nothing but the arguments. Invalid UTF-8 becomes
 * U+FFFD.
 *
 * Returns: (transfer full): the HTML
 */
char *
mh_markdown_render (const char              *markdown,
                    const MhMarkdownOptions *options,
                    GPtrArray               *problems)
{
  static const MhMarkdownOptions defaults = { 0 };
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) heading_text = g_string_new (NULL);
  g_autoptr(cmark_node) doc = NULL;
  Walk walk = { options != NULL ? options : &defaults, problems, ids, heading_text, FALSE,
                FALSE };
  int flags = CMARK_OPT_VALIDATE_UTF8;
  char *html;

  if (walk.options->sourcepos)
    flags |= CMARK_OPT_SOURCEPOS;
  if (walk.options->allow_raw_html)
    flags |= CMARK_OPT_UNSAFE;
  if (markdown == NULL)
    markdown = "";

  doc = cmark_parse_document (markdown, strlen (markdown), flags);
  walk_document (&walk, doc);
  /* cmark allocates with malloc, which g_free() may free (GLib ≥ 2.46). */
  html = cmark_render_html (doc, flags);
  return html != NULL ? html : g_strdup ("");
}

/**
 * mh_markdown_to_commonmark:
 * @markdown: (nullable): a Markdown body
 * @resolve: (nullable) (scope call): gives the URL of each `entry:` and
 *   `asset:` target, or %NULL when it does not exist
 * @resolve_data: data for @resolve
 * @problems: (nullable) (element-type utf8): where broken links are reported
 *
 * Writes @markdown again as CommonMark with every `entry:` and `asset:`
 * link and image pointing where @resolve says, for a renderer other than
 * ours (Hugo). A broken link keeps its text with an empty target, and is
 * reported; any other URL that mh_url_is_safe() refuses is emptied.
 * Headings and raw HTML are left as they are.
 *
 * Returns: (transfer full): the Markdown
 */
char *
mh_markdown_to_commonmark (const char            *markdown,
                           MhMarkdownResolveFunc  resolve,
                           gpointer               resolve_data,
                           GPtrArray             *problems)
{
  MhMarkdownOptions options = { FALSE, FALSE, resolve, resolve_data, NULL };
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) heading_text = g_string_new (NULL);
  g_autoptr(cmark_node) doc = NULL;
  Walk walk = { &options, problems, ids, heading_text, FALSE, TRUE };
  char *text;

  if (markdown == NULL)
    markdown = "";

  doc = cmark_parse_document (markdown, strlen (markdown),
                              CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8);
  walk_document (&walk, doc);
  text = cmark_render_commonmark (doc, CMARK_OPT_DEFAULT, 0);
  return text != NULL ? text : g_strdup ("");
}
