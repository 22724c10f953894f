/* mh-slug.c: URL segments derived from titles and names
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mh-slug"

#include "config.h"

#include <glib/gi18n.h>

#include "mh-error.h"
#include "mh-slug.h"

/**
 * mh_slugify:
 * @text: (nullable): a title or name, any script
 *
 * Derives a slug: lower-case ASCII letters and digits joined by single
 * hyphens, accents transliterated ("Černá" gives "cerna"). Text with nothing
 * to keep gives "untitled".
 *
 * Returns: (transfer full): a slug that passes mh_slug_validate()
 */
char *
mh_slugify (const char *text)
{
  g_autofree char *ascii = NULL;
  GString *slug;
  gboolean hyphen = FALSE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("untitled");

  ascii = g_str_to_ascii (text, "C");
  slug = g_string_sized_new (strlen (ascii));

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          gboolean sep = hyphen && slug->len > 0;

          /* Stop at the limit, never on a hyphen. */
          if (slug->len + (sep ? 2 : 1) > MH_SLUG_MAX_LENGTH)
            break;
          if (sep)
            g_string_append_c (slug, '-');
          g_string_append_c (slug, g_ascii_tolower (*p));
          hyphen = FALSE;
        }
      else if (*p != '\'')
        hyphen = TRUE;
    }

  if (slug->len == 0)
    g_string_append (slug, "untitled");

  return g_string_free (slug, FALSE);
}

/**
 * mh_slug_validate:
 * @slug: (nullable): a slug to check
 * @error: return location for an error
 *
 * A slug is one URL path segment: lower-case ASCII letters, digits and
 * single inner hyphens, at most %MH_SLUG_MAX_LENGTH characters. Anything that
 * could leave its folder ("../x", "a/b") is refused.
 *
 * Returns: %TRUE if @slug is valid
 */
gboolean
mh_slug_validate (const char  *slug,
                  GError     **error)
{
  gsize len;

  if (slug == NULL || *slug == '\0')
    {
      g_set_error (error, MH_STORE_ERROR, MH_STORE_ERROR_INVALID,
                   _("The slug is empty"));
      return FALSE;
    }

  len = strlen (slug);
  if (len > MH_SLUG_MAX_LENGTH)
    {
      g_set_error (error, MH_STORE_ERROR, MH_STORE_ERROR_INVALID,
                   _("The slug is longer than %d characters"), MH_SLUG_MAX_LENGTH);
      return FALSE;
    }

  for (gsize i = 0; i < len; i++)
    {
      char c = slug[i];
      gboolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    (c == '-' && i > 0 && i + 1 < len && slug[i - 1] != '-');

      if (!ok)
        {
          g_autofree char *shown = g_utf8_make_valid (slug, -1);

          g_set_error (error, MH_STORE_ERROR, MH_STORE_ERROR_INVALID,
                       /* Translators: %s is a slug such as "../x" */
                       _("The slug “%s” may only use lower-case letters a–z, digits and "
                         "single hyphens between them"),
                       shown);
          return FALSE;
        }
    }

  return TRUE;
}
