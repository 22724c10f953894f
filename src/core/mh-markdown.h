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

void       mh_markdown_ref_free         (MhMarkdownRef *ref);
GPtrArray *mh_markdown_find_references  (const char    *markdown);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MhMarkdownRef, mh_markdown_ref_free)

G_END_DECLS
