/* mh-text-diff.h: line differences between two texts
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define MH_TYPE_DIFF_LINE (mh_diff_line_get_type ())

/**
 * MhDiffOp:
 * @MH_DIFF_EQUAL: the line is in both texts
 * @MH_DIFF_DELETE: the line is only in the old text
 * @MH_DIFF_INSERT: the line is only in the new text
 */
typedef enum
{
  MH_DIFF_EQUAL,
  MH_DIFF_DELETE,
  MH_DIFF_INSERT,
} MhDiffOp;

/**
 * MhDiffLine:
 * @op: what happened to the line
 * @old_line: its number in the old text (from 1), or 0 for an insertion
 * @new_line: its number in the new text (from 1), or 0 for a deletion
 * @text: the line, without its line break
 */
typedef struct
{
  MhDiffOp  op;
  guint     old_line;
  guint     new_line;
  char     *text;
} MhDiffLine;

GType        mh_diff_line_get_type (void) G_GNUC_CONST;
MhDiffLine  *mh_diff_line_copy     (const MhDiffLine *line);
void         mh_diff_line_free     (MhDiffLine       *line);
GPtrArray   *mh_text_diff_lines    (const char       *old_text,
                                    const char       *new_text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MhDiffLine, mh_diff_line_free)

G_END_DECLS
