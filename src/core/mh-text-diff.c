/* mh-text-diff.c: line differences between two texts
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mh-diff"

#include "config.h"

#include <string.h>

#include "mh-text-diff.h"

/* Myers' O((N+M)D) algorithm, keeping the V array of every step for the
 * way back: memory grows with D², so D is bounded, and so is the total
 * work. Past either bound the differing middle is given as "all of the
 * old lines deleted, all of the new ones inserted": still a correct diff,
 * only not the shortest. Lines common to both ends are trimmed first, as
 * most edits are local. */
#define MAX_EDITS 1000
#define MAX_WORK  (G_GINT64_CONSTANT (20) * 1000 * 1000)

G_DEFINE_BOXED_TYPE (MhDiffLine, mh_diff_line, mh_diff_line_copy, mh_diff_line_free)

typedef struct
{
  char  **lines;   /* owned, NULL-terminated */
  guint  *ids;     /* the same lines as small integers: equal lines, equal ids */
  guint   n;
} Side;

/**
 * mh_diff_line_copy:
 * @line: a line
 *
 * Returns: (transfer full): a copy of @line
 */
MhDiffLine *
mh_diff_line_copy (const MhDiffLine *line)
{
  MhDiffLine *copy = g_new (MhDiffLine, 1);

  *copy = *line;
  copy->text = g_strdup (line->text);
  return copy;
}

/**
 * mh_diff_line_free:
 * @line: (nullable): a line
 */
void
mh_diff_line_free (MhDiffLine *line)
{
  if (line == NULL)
    return;
  g_free (line->text);
  g_free (line);
}

static void
side_init (Side       *side,
           const char *text,
           GHashTable *ids)
{
  side->lines = g_strsplit (text ? text : "", "\n", -1);
  side->n = g_strv_length (side->lines);
  /* "a\nb\n" is two lines, and "" none. */
  if (side->n > 0 && *side->lines[side->n - 1] == '\0')
    side->n--;
  side->ids = g_new (guint, side->n + 1);

  for (guint i = 0; i < side->n; i++)
    {
      gpointer id;

      if (!g_hash_table_lookup_extended (ids, side->lines[i], NULL, &id))
        {
          id = GUINT_TO_POINTER (g_hash_table_size (ids));
          g_hash_table_insert (ids, side->lines[i], id);
        }
      side->ids[i] = GPOINTER_TO_UINT (id);
    }
}

static void
side_clear (Side *side)
{
  g_strfreev (side->lines);
  g_free (side->ids);
}

static void
emit (GPtrArray *out,
      MhDiffOp   op,
      guint      old_index,
      guint      new_index,
      const Side *old_side,
      const Side *new_side)
{
  MhDiffLine *line = g_new0 (MhDiffLine, 1);

  line->op = op;
  line->old_line = op == MH_DIFF_INSERT ? 0 : old_index + 1;
  line->new_line = op == MH_DIFF_DELETE ? 0 : new_index + 1;
  line->text = g_strdup (op == MH_DIFF_INSERT ? new_side->lines[new_index]
                                              : old_side->lines[old_index]);
  g_ptr_array_add (out, line);
}

/* The middle part a[a0..a1) against b[b0..b1). */
typedef struct
{
  const Side *a;
  const Side *b;
  guint       a0, a1, b0, b1;
} Middle;

/* Runs the forward pass; fills @trace with V after each step and returns
 * the number of edits, or -1 when a bound was hit. */
static int
forward (const Middle *m,
         GPtrArray    *trace)
{
  int n = m->a1 - m->a0, mm = m->b1 - m->b0;
  int max = MIN (n + mm, MAX_EDITS);
  g_autofree int *v = g_new0 (int, 2 * max + 3);
  int *V = v + max + 1;
  gint64 work = 0;

  for (int d = 0; d <= max; d++)
    {
      for (int k = -d; k <= d; k += 2)
        {
          int x = (k == -d || (k != d && V[k - 1] < V[k + 1])) ? V[k + 1] : V[k - 1] + 1;
          int y = x - k;

          while (x < n && y < mm && m->a->ids[m->a0 + x] == m->b->ids[m->b0 + y])
            x++, y++, work++;
          V[k] = x;
          if (x >= n && y >= mm)
            {
              g_ptr_array_add (trace, g_memdup2 (V - d, sizeof (int) * (2 * d + 1)));
              return d;
            }
        }
      g_ptr_array_add (trace, g_memdup2 (V - d, sizeof (int) * (2 * d + 1)));
      work += d + 1;
      if (work > MAX_WORK)
        return -1;
    }
  return -1;
}

/* V of step d at diagonal k, from the trace. */
static int
traced (GPtrArray *trace,
        int        d,
        int        k)
{
  const int *row = g_ptr_array_index (trace, d);

  return row[k + d];
}

/* Walks back from the end, appending the edits in reverse order. */
static void
backtrack (const Middle *m,
           GPtrArray    *trace,
           int           edits,
           GPtrArray    *reversed)
{
  int x = m->a1 - m->a0, y = m->b1 - m->b0;

  for (int d = edits; d > 0; d--)
    {
      int k = x - y;
      gboolean down = k == -d || (k != d && traced (trace, d - 1, k - 1) <
                                            traced (trace, d - 1, k + 1));
      int prev_k = down ? k + 1 : k - 1;
      int prev_x = traced (trace, d - 1, prev_k);
      int prev_y = prev_x - prev_k;

      for (; x > prev_x && y > prev_y; x--, y--)
        emit (reversed, MH_DIFF_EQUAL, m->a0 + x - 1, m->b0 + y - 1, m->a, m->b);
      if (down)
        emit (reversed, MH_DIFF_INSERT, m->a0 + x, m->b0 + y - 1, m->a, m->b);
      else
        emit (reversed, MH_DIFF_DELETE, m->a0 + x - 1, m->b0 + y, m->a, m->b);
      x = prev_x;
      y = prev_y;
    }
  for (; x > 0 && y > 0; x--, y--)
    emit (reversed, MH_DIFF_EQUAL, m->a0 + x - 1, m->b0 + y - 1, m->a, m->b);
}

/* Appends @reversed back to front, and within each run of changes the
 * deletions before the insertions, as people read a replaced passage. */
static void
append_grouped (GPtrArray *out,
                GPtrArray *reversed)
{
  g_autoptr(GPtrArray) inserts = g_ptr_array_new ();

  for (guint i = reversed->len; i > 0; i--)
    {
      MhDiffLine *line = g_ptr_array_index (reversed, i - 1);

      if (line->op == MH_DIFF_INSERT)
        {
          g_ptr_array_add (inserts, line);
          continue;
        }
      if (line->op == MH_DIFF_EQUAL)
        {
          g_ptr_array_extend_and_steal (out, g_steal_pointer (&inserts));
          inserts = g_ptr_array_new ();
        }
      g_ptr_array_add (out, line);
    }
  g_ptr_array_extend_and_steal (out, g_steal_pointer (&inserts));
}

static void
diff_middle (const Middle *m,
             GPtrArray    *out)
{
  g_autoptr(GPtrArray) trace = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) reversed = g_ptr_array_new ();
  int edits = forward (m, trace);

  if (edits < 0)
    {
      for (guint i = m->a0; i < m->a1; i++)
        emit (out, MH_DIFF_DELETE, i, m->b0, m->a, m->b);
      for (guint j = m->b0; j < m->b1; j++)
        emit (out, MH_DIFF_INSERT, m->a1, j, m->a, m->b);
      return;
    }

  backtrack (m, trace, edits, reversed);
  append_grouped (out, reversed);
}

/**
 * mh_text_diff_lines:
 * @old_text: (nullable): the text before, such as a revision's body
 * @new_text: (nullable): the text after
 *
 * Compares two texts line by line, for a compare view. The result is a
 * shortest edit script (Myers' algorithm) as long as the texts differ in
 * at most 1000 lines; beyond that, or when the work would take too long
 * on very large texts, the differing middle is reported as replaced as a
 * whole. Within each changed passage the deleted lines come before the
 * inserted ones.
 *
 * Returns: (transfer full) (element-type MhDiffLine): every line of both
 *   texts in order, each equal, deleted or inserted
 */
GPtrArray *
mh_text_diff_lines (const char *old_text,
                    const char *new_text)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) mh_diff_line_free);
  Side a, b;
  Middle m;
  guint prefix = 0, suffix = 0;

  side_init (&a, old_text, ids);
  side_init (&b, new_text, ids);

  while (prefix < a.n && prefix < b.n && a.ids[prefix] == b.ids[prefix])
    prefix++;
  while (suffix < a.n - prefix && suffix < b.n - prefix &&
         a.ids[a.n - 1 - suffix] == b.ids[b.n - 1 - suffix])
    suffix++;

  for (guint i = 0; i < prefix; i++)
    emit (out, MH_DIFF_EQUAL, i, i, &a, &b);
  m = (Middle) { &a, &b, prefix, a.n - suffix, prefix, b.n - suffix };
  diff_middle (&m, out);
  for (guint i = suffix; i > 0; i--)
    emit (out, MH_DIFF_EQUAL, a.n - i, b.n - i, &a, &b);

  side_clear (&a);
  side_clear (&b);
  return out;
}
