/* mh-validate.c: the rules values of a site follow, in one place
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The importer, the entry checks, the site settings and the command line
 * all accept the same dates, language tags and web addresses.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "mh-escape.h"
#include "mh-validate.h"

/**
 * mh_date_is_valid:
 * @text: (nullable): a date as an entry stores it
 * @allow_time: whether a time may follow the date
 *
 * Accepts `YYYY-MM-DD` for a day that exists and, with @allow_time,
 * `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS`: the forms of the site
 * interchange file.
 *
 * Returns: %TRUE if @text is such a date
 */
gboolean
mh_date_is_valid (const char *text,
                  gboolean    allow_time)
{
  static const char pattern[] = "NNNN-NN-NNTNN:NN:NN";
  gsize len;
  int year, month, day, hour = 0, minute = 0, second = 0;

  if (text == NULL)
    return FALSE;
  len = strlen (text);
  if (len != 10 && (!allow_time || (len != 16 && len != 19)))
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (pattern[i] == 'N' ? !g_ascii_isdigit (text[i]) : text[i] != pattern[i])
      return FALSE;

  year = atoi (text);
  month = atoi (text + 5);
  day = atoi (text + 8);
  if (len > 10)
    {
      hour = atoi (text + 11);
      minute = atoi (text + 14);
    }
  if (len > 16)
    second = atoi (text + 17);

  return year >= 1 && month >= 1 && month <= 12 && day >= 1 &&
         g_date_valid_dmy (day, month, year) && hour < 24 && minute < 60 && second < 60;
}

/**
 * mh_language_tag_is_valid:
 * @text: a language tag such as `en` or `pt-BR`
 *
 * A BCP 47 tag, loosely: a 2–8 letter language, then subtags of 1–8
 * letters or digits.
 *
 * Returns: %TRUE if @text is such a tag
 */
gboolean
mh_language_tag_is_valid (const char *text)
{
  guint subtag = 0, n = 0;

  for (const char *p = text; ; p++)
    {
      if (*p == '-' || *p == '\0')
        {
          if (n == 0 || n > 8 || (subtag == 0 && n < 2))
            return FALSE;
          if (*p == '\0')
            return TRUE;
          subtag++;
          n = 0;
        }
      else if (subtag == 0 ? g_ascii_isalpha (*p) : g_ascii_isalnum (*p))
        n++;
      else
        return FALSE;
    }
}

/**
 * mh_web_url_is_valid:
 * @url: (nullable): an address
 *
 * Returns: %TRUE if @url is an absolute http or https address with a
 *   host, one that a published page may link to
 */
gboolean
mh_web_url_is_valid (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  if (url == NULL || !mh_url_is_safe (url))
    return FALSE;
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  return (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0) &&
         host != NULL && *host != '\0';
}
