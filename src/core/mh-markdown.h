/* mh-markdown.h
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  MH_MARKDOWN_REF_ENTRY,   /* [text](entry:SLUG) */
  MH_MARKDOWN_REF_ASSET,   /* ![alt](asset:NAME) or [text](asset:NAME) */
} MhMarkdownRefKind;

typedef struct
{
  MhMarkdownRefKind  kind;
  char              *target;
  int                line;
} MhMarkdownRef;

/* Returns (transfer full) the site URL of entry:SLUG or asset:NAME, or NULL
 * when there is no such entry or asset. */
typedef char *(*MhMarkdownResolveFunc) (MhMarkdownRefKind  kind,
                                        const char        *target,
                                        gpointer           user_data);

typedef struct
{
  gboolean               allow_raw_html;  /* the site's allow_raw_html setting */
  gboolean               sourcepos;       /* data-sourcepos, for the preview's scroll sync */
  MhMarkdownResolveFunc  resolve;         /* nullable: then every internal link is broken */
  gpointer               resolve_data;
  const char            *context;         /* nullable: starts every problem (the slug) */
} MhMarkdownOptions;

void       mh_markdown_ref_free         (MhMarkdownRef           *ref);
GPtrArray *mh_markdown_find_references  (const char              *markdown);
char      *mh_markdown_render           (const char              *markdown,
                                         const MhMarkdownOptions *options,
                                         GPtrArray               *problems);
char      *mh_markdown_to_commonmark    (const char              *markdown,
                                         MhMarkdownResolveFunc    resolve,
                                         gpointer                 resolve_data,
                                         GPtrArray               *problems);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MhMarkdownRef, mh_markdown_ref_free)

G_END_DECLS
