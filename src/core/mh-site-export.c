/* mh-site-export.c: the site bundle, as a static HTML site or a Hugo bundle
 *
 * Copyright 2026 The Masthead developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The export decides which files the site has and where; the renderer
 * (mh-site-render.c, mh-site-feeds.c) makes each one, and the writer
 * (mh-export-writer.c) keeps the swap atomic and the export incremental.
 *
 * Incremental: every page gets a fingerprint, a hash of everything it is
 * made from. The site-wide part (theme, settings, vocabularies, partners,
 * assets, and which entries exist where) is hashed once; an entry page adds
 * its own entry and the cards it shows; a listing adds the cards on it. A
 * page whose fingerprint is unchanged since the last export is neither
 * rendered nor written.
 */

#define G_LOG_DOMAIN "mh-site-export"

#include "config.h"

#include <glib/gi18n.h>

#include "mh-hugo-export.h"
#include "mh-site-export.h"
#include "mh-site-feeds.h"
#include "mh-site-model.h"
#include "mh-site-render.h"
#include "mh-validate.h"

#define N_SIMILAR 6

/* Fingerprints are cache keys, not seals: MD5 is fast on 20 MB of bodies. */
#define FINGERPRINT_CHECKSUM G_CHECKSUM_MD5

/* Beside the manifest: the similar content of each entry, worked out last
 * time, valid while the site's structure fingerprint stays the same. */
#define SIMILAR_CACHE ".masthead-similar"

/* A fingerprint in hex, held in place: an export has 30,000 of them. */
typedef struct
{
  char hex[33];
} Fingerprint;

static const char * const sections[] = { "reports", "events", "insights", "opportunities" };

typedef struct
{
  MhSiteModel          *model;
  MhSiteRenderer       *renderer;     /* the first of renderers, for this thread */
  GPtrArray            *renderers;    /* one per rendering thread, made when needed */
  const char           *theme_dir;
  guint                 n_threads;
  MhExportWriter       *writer;
  GCancellable         *cancellable;
  GPtrArray            *problems;
  GPtrArray            *pages;        /* paths of the HTML pages, for the sitemap */
  char                 *global;       /* the site-wide fingerprint */
  char                 *structure;    /* what similar content depends on */
  GBytes               *similar_cache;
  Fingerprint          *cards;        /* per entry index: the fingerprint of its card */
  Fingerprint          *entries;      /* per entry index: the fingerprint of the entry */
  Fingerprint          *page_fps;     /* per entry index: the fingerprint of its page */
  guint8               *reusable;     /* per entry index: REUSE_* flags */
  GArray               *listings;     /* Listing: sections', vocabularies' and terms' pages */
  GPtrArray            *section_entries;
  MhExportProgressFunc  progress;
  gpointer              progress_data;
  guint                 done;
  guint                 total;
} Export;

static void
export_clear (Export *self)
{
  g_free (self->page_fps);
  g_free (self->reusable);
  g_clear_pointer (&self->listings, g_array_unref);
  g_clear_pointer (&self->section_entries, g_ptr_array_unref);
  g_free (self->cards);
  g_free (self->entries);
  g_free (self->global);
  g_free (self->structure);
  g_clear_pointer (&self->similar_cache, g_bytes_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  self->renderer = NULL;
  g_clear_pointer (&self->renderers, g_ptr_array_unref);
}

/* --- fingerprints ----------------------------------------------------------- */

static void
hash_string (GChecksum  *sum,
             const char *text)
{
  /* The NUL keeps ("ab", "c") apart from ("a", "bc"). */
  g_checksum_update (sum, (const guchar *) (text ? text : "\x01"), text ? strlen (text) + 1 : 1);
}

/* The decimal digits and their NUL, as "%" G_GINT64_FORMAT would give
 * them; without printf, as fingerprints hash some 100,000 numbers. */
static void
hash_int (GChecksum *sum,
          gint64     value)
{
  char buf[24];
  char *p = buf + sizeof buf;
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;

  *--p = '\0';
  do
    *--p = '0' + magnitude % 10;
  while ((magnitude /= 10) != 0);
  if (value < 0)
    *--p = '-';
  g_checksum_update (sum, (const guchar *) p, buf + sizeof buf - p);
}

static void
hash_strings (GChecksum *sum,
              GPtrArray *strings)
{
  hash_int (sum, strings->len);
  for (guint i = 0; i < strings->len; i++)
    hash_string (sum, g_ptr_array_index (strings, i));
}

static void
hash_term (GChecksum   *sum,
           MhModelTerm *term)
{
  hash_string (sum, term ? term->path : NULL);
  hash_string (sum, term ? term->name : NULL);
}

static void
hash_terms (GChecksum *sum,
            GPtrArray *terms)
{
  hash_int (sum, terms->len);
  for (guint i = 0; i < terms->len; i++)
    hash_term (sum, g_ptr_array_index (terms, i));
}

static void
hash_asset (GChecksum    *sum,
            MhModelAsset *asset)
{
  hash_string (sum, asset ? asset->path : NULL);
  hash_string (sum, asset ? asset->alt : NULL);
  hash_string (sum, asset ? asset->credit : NULL);
}

static char *
fingerprint_site (MhSiteModel    *model,
                  MhSiteRenderer *renderer)
{
  g_autoptr(GChecksum) sum = g_checksum_new (FINGERPRINT_CHECKSUM);
  g_autofree char *theme = mh_site_renderer_theme_fingerprint (renderer);

  hash_string (sum, PACKAGE_VERSION);
  hash_string (sum, theme);
  hash_string (sum, model->title);
  hash_string (sum, model->base_url);
  hash_string (sum, model->language);
  hash_string (sum, model->description);
  hash_strings (sum, model->languages);
  hash_int (sum, model->allow_raw_html);

  for (guint i = 0; i < model->vocabularies->len; i++)
    {
      MhModelVocabulary *v = g_ptr_array_index (model->vocabularies, i);

      hash_string (sum, v->key);
      hash_string (sum, v->name);
      hash_terms (sum, v->terms);
      for (guint j = 0; j < v->terms->len; j++)
        {
          MhModelTerm *t = g_ptr_array_index (v->terms, j);
          hash_term (sum, t->parent);
          hash_string (sum, t->description);
        }
    }
  for (guint i = 0; i < model->organisations->len; i++)
    {
      MhModelOrganisation *o = g_ptr_array_index (model->organisations, i);

      hash_string (sum, o->name);
      hash_string (sum, o->url);
      hash_asset (sum, o->logo);
    }
  for (guint i = 0; i < model->assets->len; i++)
    hash_asset (sum, g_ptr_array_index (model->assets, i));

  /* Which entries exist, and where: links between entries resolve to it. */
  for (guint i = 0; i < model->entries->len; i++)
    {
      MhModelEntry *e = g_ptr_array_index (model->entries, i);

      hash_string (sum, e->path);
      hash_strings (sum, e->aliases);
    }

  return g_strdup (g_checksum_get_string (sum));
}

static void
fingerprint_finish (GChecksum   *sum,
                    Fingerprint *fingerprint)
{
  g_strlcpy (fingerprint->hex, g_checksum_get_string (sum), sizeof fingerprint->hex);
}

/* What a card of the entry shows, and its place in listings. */
static void
fingerprint_card (MhModelEntry *e,
                  Fingerprint  *card)
{
  g_autoptr(GChecksum) sum = g_checksum_new (FINGERPRINT_CHECKSUM);

  hash_string (sum, e->path);
  hash_int (sum, e->kind);
  hash_string (sum, e->title);
  hash_string (sum, e->date);
  hash_string (sum, e->summary);
  hash_string (sum, e->deadline);
  hash_string (sum, e->event_start);
  hash_string (sum, e->event_end);
  hash_string (sum, e->posted_by);
  hash_strings (sum, e->authors);
  hash_terms (sum, e->terms);
  hash_asset (sum, e->cover);
  hash_string (sum, e->cover_alt);
  fingerprint_finish (sum, card);
}

static void
hash_participants (GChecksum *sum,
                   GPtrArray *participants)
{
  hash_int (sum, participants->len);
  for (guint i = 0; i < participants->len; i++)
    {
      MhModelParticipant *p = g_ptr_array_index (participants, i);

      hash_string (sum, p->display_name);
      hash_string (sum, p->organisation);
      hash_string (sum, p->job_title);
      hash_term (sum, p->country);
      hash_string (sum, p->sector);
      hash_string (sum, p->bio);
      hash_asset (sum, p->photo);
      hash_string (sum, p->photo_credit);
      hash_string (sum, p->role);
      hash_string (sum, p->group);
    }
}

static void
hash_event_and_report (GChecksum    *sum,
                       MhModelEntry *e)
{
  hash_string (sum, e->time_zone);
  hash_int (sum, e->all_day);
  hash_int (sum, e->online);
  hash_string (sum, e->venue);
  hash_string (sum, e->city);
  hash_term (sum, e->event_country);
  hash_string (sum, e->event_format);
  hash_int (sum, e->participants_planned);
  hash_int (sum, e->participants_actual);
  hash_participants (sum, e->participants);
  for (guint i = 0; i < e->programme->len; i++)
    {
      MhModelProgramme *item = g_ptr_array_index (e->programme, i);

      hash_string (sum, item->start);
      hash_string (sum, item->end);
      hash_string (sum, item->title);
      hash_string (sum, item->venue);
    }
  hash_string (sum, e->publisher);
  hash_string (sum, e->report_event ? e->report_event->title : NULL);
  for (guint i = 0; i < e->downloads->len; i++)
    {
      MhModelDownload *d = g_ptr_array_index (e->downloads, i);

      hash_asset (sum, d->asset);
      hash_string (sum, d->title);
      hash_string (sum, d->language);
    }
  hash_string (sum, e->call_category);
  hash_terms (sum, e->eligible_countries);
}

/* Everything of the entry itself that its page shows. */
static void
fingerprint_entry (Export       *self,
                   MhModelEntry *e,
                   Fingerprint  *entry)
{
  g_autoptr(GChecksum) sum = g_checksum_new (FINGERPRINT_CHECKSUM);

  hash_string (sum, self->global);
  hash_string (sum, self->cards[e->index].hex);
  hash_string (sum, e->uuid);
  hash_string (sum, e->language);
  /* Every save that changes an entry gives it a new updated-at (to the
   * millisecond): hashing 2 KB of body per entry would cost more than the
   * rest of an incremental export. */
  hash_int (sum, e->body_length);
  hash_string (sum, e->updated_at);
  hash_string (sum, e->cover_credit);
  hash_string (sum, e->series);
  hash_strings (sum, e->hashtags);
  hash_string (sum, e->website);
  hash_string (sum, e->translation_of ? e->translation_of->path : NULL);
  for (guint i = 0; i < e->partners->len; i++)
    {
      MhModelPartner *p = g_ptr_array_index (e->partners, i);

      hash_string (sum, p->organisation->key);
      hash_string (sum, p->relation);
    }
  hash_event_and_report (sum, e);
  fingerprint_finish (sum, entry);
}

static char *
fingerprint_list (Export     *self,
                  const char *what,
                  guint       page,
                  guint       n_pages,
                  GPtrArray  *entries,
                  guint       first,
                  guint       last)
{
  g_autoptr(GChecksum) sum = g_checksum_new (FINGERPRINT_CHECKSUM);

  hash_string (sum, self->global);
  hash_string (sum, what);
  hash_int (sum, page);
  hash_int (sum, n_pages);
  for (guint i = first; i < last; i++)
    hash_string (sum, self->cards[((MhModelEntry *) g_ptr_array_index (entries, i))->index].hex);
  return g_strdup (g_checksum_get_string (sum));
}

/* --- writing ---------------------------------------------------------------- */

static gboolean
add_text (Export      *self,
          const char  *relpath,
          const char  *fingerprint,
          char        *text,
          GError     **error)
{
  g_autofree char *owned = text;

  if (text == NULL)
    return FALSE;
  return mh_export_writer_add (self->writer, relpath, fingerprint, text, strlen (text), error);
}

static gboolean
add_page (Export      *self,
          const char  *dir,
          const char  *fingerprint,
          char        *html,
          GError     **error)
{
  g_autofree char *relpath = g_strconcat (dir, "index.html", NULL);

  g_ptr_array_add (self->pages, g_strdup (dir));
  return add_text (self, relpath, fingerprint, html, error);
}

/* For a page that mh_export_writer_can_reuse() found unchanged. */
static gboolean
keep_page (Export     *self,
           const char *dir,
           const char *fingerprint)
{
  g_autofree char *relpath = g_strconcat (dir, "index.html", NULL);

  if (!mh_export_writer_keep (self->writer, relpath, fingerprint))
    return FALSE;
  g_ptr_array_add (self->pages, g_strdup (dir));
  return TRUE;
}

static void
report_progress (Export     *self,
                 const char *message)
{
  self->done++;
  if (self->progress != NULL && (self->done % 64 == 0 || self->done == self->total))
    self->progress (MIN (1.0, (double) self->done / MAX (1, self->total)), message,
                    self->progress_data);
}

static void
fingerprint_page (Export       *self,
                  MhModelEntry *e,
                  Fingerprint  *page)
{
  g_autoptr(GChecksum) sum = g_checksum_new (FINGERPRINT_CHECKSUM);
  g_autoptr(GPtrArray) similar = mh_site_model_similar (self->model, e, N_SIMILAR);

  hash_string (sum, self->entries[e->index].hex);
  for (guint i = 0; i < similar->len; i++)
    hash_string (sum, self->cards[((MhModelEntry *) g_ptr_array_index (similar, i))->index].hex);
  fingerprint_finish (sum, page);
}

typedef void (*ItemFunc) (Export *self,
                          guint   i);

typedef struct
{
  Export   *self;
  ItemFunc  func;
  guint     n;
  guint     first;
  guint     step;
} ParallelJob;

static gpointer
parallel_thread (gpointer data)
{
  ParallelJob *job = data;

  for (guint i = job->first; i < job->n; i += job->step)
    job->func (job->self, i);
  return NULL;
}

/* Calls @func for each of @n items, on up to one thread per core (a few
 * items stay on this thread); returns when all are done. @func must only
 * write to the item's own slots. */
static void
parallel_for (Export   *self,
              guint     n,
              ItemFunc  func)
{
  guint n_threads = MIN (self->n_threads, MAX (1, n / 64));
  g_autofree ParallelJob *jobs = g_new0 (ParallelJob, n_threads);
  g_autofree GThread **threads = g_new0 (GThread *, n_threads);

  for (guint t = 0; t < n_threads; t++)
    {
      jobs[t] = (ParallelJob) { self, func, n, t, n_threads };
      if (t > 0)
        threads[t] = g_thread_new ("mh-fingerprint", parallel_thread, &jobs[t]);
    }
  parallel_thread (&jobs[0]);
  for (guint t = 1; t < n_threads; t++)
    g_thread_join (threads[t]);
}

/* Entry pages are rendered in batches on every core, each thread with a
 * renderer of its own (templates are not shared between threads), then
 * written in order by this thread, so that the tree is the same whatever
 * the number of cores. */
#define BATCH_SIZE 256

/* What the last export has that can stay, per entry. */
enum
{
  REUSE_PAGE = 1 << 0,   /* its page */
  REUSE_ICS  = 1 << 1,   /* its event.ics */
};

typedef struct
{
  MhModelEntry *entry;
  const char   *fingerprint;   /* the export's, for its page */
  char         *html;          /* NULL: reused from the last export */
  GPtrArray    *problems;
  GError       *error;
} Page;

typedef struct
{
  MhSiteRenderer *renderer;
  Page           *pages;
  guint           n_pages;
  guint           first;
  guint           step;
} RenderJob;

static void
page_clear (Page *page)
{
  g_free (page->html);
  g_clear_pointer (&page->problems, g_ptr_array_unref);
  g_clear_error (&page->error);
}

static gpointer
render_thread (gpointer data)
{
  RenderJob *job = data;

  for (guint i = job->first; i < job->n_pages; i += job->step)
    {
      Page *page = &job->pages[i];

      if (page->problems == NULL)
        continue;
      page->html = mh_site_renderer_entry (job->renderer, page->entry, page->problems,
                                           &page->error);
    }
  return NULL;
}

/* Renderers for up to @n threads, made the first time they are needed:
 * an incremental export often renders a page or two, on this thread. */
static guint
ensure_renderers (Export *self,
                  guint   n)
{
  while (self->renderers->len < MIN (n, self->n_threads))
    {
      MhSiteRenderer *renderer = mh_site_renderer_new (self->model, self->theme_dir, NULL);

      /* Rendering carries on with the renderers there are: the first one
       * is always there. */
      if (renderer == NULL)
        break;
      g_ptr_array_add (self->renderers, renderer);
    }
  return MIN (n, self->renderers->len);
}

/* Another thread pays off from this many pages to render in a batch. */
#define PAGES_PER_THREAD 16

static void
render_pages (Export *self,
              Page   *pages,
              guint   n_pages,
              guint   n_render)
{
  guint n_threads = ensure_renderers (self, MAX (1, n_render / PAGES_PER_THREAD));
  g_autofree RenderJob *jobs = g_new0 (RenderJob, n_threads);
  g_autofree GThread **threads = g_new0 (GThread *, n_threads);

  for (guint t = 0; t < n_threads; t++)
    {
      jobs[t] = (RenderJob) { g_ptr_array_index (self->renderers, t), pages, n_pages, t,
                              n_threads };
      if (t > 0)
        threads[t] = g_thread_new ("mh-render", render_thread, &jobs[t]);
    }
  render_thread (&jobs[0]);
  for (guint t = 1; t < n_threads; t++)
    g_thread_join (threads[t]);
}

static gboolean
write_entry_files (Export        *self,
                   Page          *page,
                   GError       **error)
{
  MhModelEntry *e = page->entry;
  guint8 reusable = self->reusable[e->index];

  /* A page the fingerprint threads found unchanged is kept here, in its
   * turn, so that the sitemap and the manifest list the pages in the same
   * order whether they were kept or made. */
  if (page->problems == NULL && !keep_page (self, e->path, page->fingerprint))
    {
      page->problems = g_ptr_array_new_with_free_func (g_free);
      page->html = mh_site_renderer_entry (self->renderer, e, page->problems, &page->error);
    }

  if (page->problems != NULL)
    {
      if (page->html == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&page->error));
          return FALSE;
        }
      for (guint i = 0; self->problems != NULL && i < page->problems->len; i++)
        g_ptr_array_add (self->problems, g_strdup (g_ptr_array_index (page->problems, i)));
      if (!add_page (self, e->path, page->fingerprint, g_steal_pointer (&page->html), error))
        return FALSE;
    }

  if (e->kind == MH_ENTRY_KIND_EVENT && e->event_start != NULL)
    {
      g_autofree char *ics = g_strconcat (e->path, "event.ics", NULL);

      if (!((reusable & REUSE_ICS) &&
            mh_export_writer_keep (self->writer, ics, self->entries[e->index].hex)) &&
          !add_text (self, ics, self->entries[e->index].hex,
                     mh_site_event_ics (self->model, e), error))
        return FALSE;
    }

  /* Old addresses keep working: a small page that sends readers on. */
  for (guint i = 0; i < e->aliases->len; i++)
    {
      const char *alias = g_ptr_array_index (e->aliases, i);
      g_autofree char *dir = *e->section ? g_strdup_printf ("%s/%s/", e->section, alias)
                                         : g_strdup_printf ("%s/", alias);
      g_autofree char *url = mh_site_model_url (self->model, e->path);
      g_autofree char *relpath = g_strconcat (dir, "index.html", NULL);

      if (!add_text (self, relpath, NULL, mh_site_renderer_redirect (self->renderer, url), error))
        return FALSE;
    }

  report_progress (self, e->title);
  return TRUE;
}

static gboolean
export_entries (Export  *self,
                guint    first,
                guint    n,
                GError **error)
{
  Page pages[BATCH_SIZE] = { 0 };
  gboolean ok = TRUE;
  guint n_render = 0;

  /* A page whose fingerprint is unchanged is kept without rendering;
   * the others get a problems array, which marks them for rendering. */
  for (guint i = 0; i < n; i++)
    {
      Page *page = &pages[i];

      page->entry = g_ptr_array_index (self->model->entries, first + i);
      page->fingerprint = self->page_fps[first + i].hex;
      if (self->reusable[first + i] & REUSE_PAGE)
        continue;
      page->problems = g_ptr_array_new_with_free_func (g_free);
      n_render++;
    }

  if (n_render > 0)
    render_pages (self, pages, n, n_render);

  for (guint i = 0; i < n && ok; i++)
    ok = write_entry_files (self, &pages[i], error);
  for (guint i = 0; i < n; i++)
    page_clear (&pages[i]);

  return ok && !g_cancellable_set_error_if_cancelled (self->cancellable, error);
}

static guint
n_pages_for (guint n)
{
  return MAX (1, (n + MH_SITE_MODEL_PAGE_SIZE - 1) / MH_SITE_MODEL_PAGE_SIZE);
}

static char *
page_dir (const char *base,
          guint       page)
{
  return page == 1 ? g_strdup (base) : g_strdup_printf ("%spage/%u/", base, page);
}

/* A listing page: a page of a section or of a term, or a vocabulary's
 * index. Their fingerprints are worked out, and the last export's copies
 * looked up, on every core; they are then kept or made in this order. */
typedef struct
{
  char              *dir;
  const char        *section;      /* a page of this section … */
  GPtrArray         *entries;      /* … which has these entries */
  MhModelTerm       *term;         /* a page of this term */
  MhModelVocabulary *vocabulary;   /* this vocabulary's index */
  guint              page;
  guint              n_pages;
  char              *fingerprint;
  gboolean           reusable;
} Listing;

static void
listing_clear (Listing *listing)
{
  g_free (listing->dir);
  g_free (listing->fingerprint);
}

static void
add_section_listings (Export     *self,
                      const char *section)
{
  GPtrArray *entries = g_ptr_array_new ();
  g_autofree char *base = g_strconcat (section, "/", NULL);
  guint n_pages;

  g_ptr_array_add (self->section_entries, entries);
  for (guint i = 0; i < self->model->entries->len; i++)
    {
      MhModelEntry *e = g_ptr_array_index (self->model->entries, i);

      if (g_str_equal (e->section, section))
        g_ptr_array_add (entries, e);
    }
  if (entries->len == 0)
    return;

  n_pages = n_pages_for (entries->len);
  for (guint page = 1; page <= n_pages; page++)
    {
      Listing listing = { page_dir (base, page), section, entries, NULL, NULL, page, n_pages };

      g_array_append_val (self->listings, listing);
    }
}

static void
add_vocabulary_listings (Export            *self,
                         MhModelVocabulary *v)
{
  Listing index = { g_strconcat (v->key, "/", NULL), NULL, NULL, NULL, v };

  g_array_append_val (self->listings, index);
  for (guint i = 0; i < v->terms->len; i++)
    {
      MhModelTerm *term = g_ptr_array_index (v->terms, i);
      guint n_pages = n_pages_for (term->entries->len);

      for (guint page = 1; page <= n_pages; page++)
        {
          Listing listing = { page_dir (term->path, page), NULL, NULL, term, NULL, page, n_pages };

          g_array_append_val (self->listings, listing);
        }
    }
}

static char *
fingerprint_term (Export      *self,
                  MhModelTerm *term,
                  guint        page,
                  guint        n_pages)
{
  g_autofree char *what = g_strconcat (term->path, "\x02", term->name, "\x02",
                                       term->description ? term->description : "", NULL);
  guint first = (page - 1) * MH_SITE_MODEL_PAGE_SIZE;

  return fingerprint_list (self, what, page, n_pages, term->entries, first,
                           MIN (term->entries->len, first + MH_SITE_MODEL_PAGE_SIZE));
}

static void
fingerprint_and_check_listing (Export *self,
                               guint   i)
{
  Listing *listing = &g_array_index (self->listings, Listing, i);
  g_autofree char *relpath = g_strconcat (listing->dir, "index.html", NULL);

  if (listing->vocabulary != NULL)
    listing->fingerprint = g_strdup (self->global);
  else if (listing->term != NULL)
    listing->fingerprint = fingerprint_term (self, listing->term, listing->page,
                                             listing->n_pages);
  else
    {
      guint first = (listing->page - 1) * MH_SITE_MODEL_PAGE_SIZE;

      listing->fingerprint =
        fingerprint_list (self, listing->section, listing->page, listing->n_pages,
                          listing->entries, first,
                          MIN (listing->entries->len, first + MH_SITE_MODEL_PAGE_SIZE));
    }
  listing->reusable = mh_export_writer_can_reuse (self->writer, relpath, listing->fingerprint);
}

static char *
render_listing (Export   *self,
                Listing  *listing,
                GError  **error)
{
  if (listing->vocabulary != NULL)
    return mh_site_renderer_vocabulary (self->renderer, listing->vocabulary, error);
  if (listing->term != NULL)
    return mh_site_renderer_term (self->renderer, listing->term, listing->page, NULL, error);
  return mh_site_renderer_section (self->renderer, listing->section, listing->page, NULL, error);
}

/* The sections' pages, then each vocabulary's index and its terms' pages. */
static gboolean
export_listings (Export  *self,
                 GError **error)
{
  self->listings = g_array_new (FALSE, FALSE, sizeof (Listing));
  g_array_set_clear_func (self->listings, (GDestroyNotify) listing_clear);
  self->section_entries = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    add_section_listings (self, sections[i]);
  for (guint i = 0; i < self->model->vocabularies->len; i++)
    add_vocabulary_listings (self, g_ptr_array_index (self->model->vocabularies, i));

  parallel_for (self, self->listings->len, fingerprint_and_check_listing);

  for (guint i = 0; i < self->listings->len; i++)
    {
      Listing *listing = &g_array_index (self->listings, Listing, i);

      if (!(listing->reusable && keep_page (self, listing->dir, listing->fingerprint)) &&
          !add_page (self, listing->dir, listing->fingerprint,
                     render_listing (self, listing, error), error))
        return FALSE;
      if (i % 64 == 63 && g_cancellable_set_error_if_cancelled (self->cancellable, error))
        return FALSE;
    }
  return !g_cancellable_set_error_if_cancelled (self->cancellable, error);
}

static gboolean
export_assets (Export  *self,
               GError **error)
{
  for (guint i = 0; i < self->model->assets->len; i++)
    {
      MhModelAsset *asset = g_ptr_array_index (self->model->assets, i);
      g_autoptr(GBytes) bytes = NULL;

      if (mh_export_writer_reuse (self->writer, asset->path, asset->sha256))
        continue;
      bytes = mh_site_model_read_asset (self->model, asset, error);
      if (bytes == NULL ||
          !mh_export_writer_add_bytes (self->writer, asset->path, asset->sha256, bytes, error))
        return FALSE;
    }
  return TRUE;
}

static char *
fingerprint_feeds (Export *self)
{
  g_autoptr(GChecksum) sum = g_checksum_new (FINGERPRINT_CHECKSUM);
  guint n = 0;

  hash_string (sum, self->global);
  for (guint i = 0; i < self->model->entries->len && n < MH_SITE_FEED_SIZE; i++)
    {
      MhModelEntry *e = g_ptr_array_index (self->model->entries, i);

      hash_string (sum, self->entries[i].hex);
      n += e->kind != MH_ENTRY_KIND_PAGE;
    }
  return g_strdup (g_checksum_get_string (sum));
}

/* What mh_site_sitemap() shows: the base URL and where the entries are
 * (both in the site-wide fingerprint), every page in order, and the day
 * each entry last changed, which it takes from the first ten characters of
 * the entry's updated-at, or else its date. Hashing the whole updated-at
 * would make the sitemap change with every edit. */
static char *
fingerprint_sitemap (Export *self)
{
  g_autoptr(GChecksum) sum = g_checksum_new (FINGERPRINT_CHECKSUM);

  hash_string (sum, self->global);
  hash_strings (sum, self->pages);
  for (guint i = 0; i < self->model->entries->len; i++)
    {
      MhModelEntry *e = g_ptr_array_index (self->model->entries, i);
      const char *updated = e->updated_at != NULL ? e->updated_at : e->date;

      if (updated == NULL)
        hash_string (sum, NULL);
      else
        {
          g_checksum_update (sum, (const guchar *) updated, strnlen (updated, 10));
          hash_string (sum, "");
        }
    }
  return g_strdup (g_checksum_get_string (sum));
}

/* The home page, 404.html, robots.txt and the stylesheet are cheap: they
 * are always made, and the writer keeps the old file when the bytes are the
 * same. The feeds, the search index and the sitemap, made from every entry,
 * are kept by fingerprint. */
static gboolean
export_site_files (Export  *self,
                   GError **error)
{
  g_autoptr(GBytes) css = mh_site_renderer_stylesheet (self->renderer, error);
  g_autofree char *feeds = NULL;
  g_autofree char *search = NULL;
  g_autofree char *sitemap = NULL;

  if (css == NULL ||
      !mh_export_writer_add_bytes (self->writer, "assets/style.css", NULL, css, error) ||
      !add_page (self, "", NULL, mh_site_renderer_home (self->renderer, error), error) ||
      !add_text (self, "404.html", NULL, mh_site_renderer_not_found (self->renderer, error),
                 error) ||
      !add_text (self, "robots.txt", NULL, mh_site_robots (self->model), error) ||
      (!mh_export_writer_reuse (self->writer, SIMILAR_CACHE, self->structure) &&
       !mh_export_writer_add_bytes (self->writer, SIMILAR_CACHE, self->structure,
                                    self->similar_cache, error)))
    return FALSE;

  /* The feeds show the newest entries in full; the search index, every card. */
  feeds = fingerprint_feeds (self);
  search = fingerprint_list (self, "search.json", 1, 1, self->model->entries, 0,
                             self->model->entries->len);
  if ((!mh_export_writer_reuse (self->writer, "feed.xml", feeds) &&
       !add_text (self, "feed.xml", feeds, mh_site_feed_atom (self->model), error)) ||
      (!mh_export_writer_reuse (self->writer, "feed.json", feeds) &&
       !add_text (self, "feed.json", feeds, mh_site_feed_json (self->model), error)) ||
      (!mh_export_writer_reuse (self->writer, "search.json", search) &&
       !add_text (self, "search.json", search, mh_site_search_index (self->model), error)))
    return FALSE;

  sitemap = fingerprint_sitemap (self);
  return mh_export_writer_reuse (self->writer, "sitemap.xml", sitemap) ||
         add_text (self, "sitemap.xml", sitemap, mh_site_sitemap (self->model, self->pages),
                   error);
}

/* What similar content depends on: the entries in order, their terms and
 * their pinned entries. */
static char *
fingerprint_structure (MhSiteModel *model)
{
  g_autoptr(GChecksum) sum = g_checksum_new (FINGERPRINT_CHECKSUM);

  for (guint i = 0; i < model->entries->len; i++)
    {
      MhModelEntry *e = g_ptr_array_index (model->entries, i);

      hash_string (sum, e->path);
      for (guint j = 0; j < e->terms->len; j++)
        hash_int (sum, ((MhModelTerm *) g_ptr_array_index (e->terms, j))->id);
      hash_string (sum, "\x02");
      for (guint j = 0; j < e->related->len; j++)
        hash_string (sum, ((MhModelEntry *) g_ptr_array_index (e->related, j))->path);
      hash_string (sum, "\x03");
    }
  return g_strdup (g_checksum_get_string (sum));
}

/* The entry whose path is the @len bytes at @path, or NULL. */
static MhModelEntry *
lookup_path (GHashTable *by_path,
             GString    *scratch,
             const char *path,
             gsize       len)
{
  g_string_truncate (scratch, 0);
  g_string_append_len (scratch, path, len);
  return g_hash_table_lookup (by_path, scratch->str);
}

/* Fills the model's similar content from the last export's cache when the
 * structure is the same, and returns the cache then. After the structure,
 * each line is the path of an entry and those of its similar entries,
 * separated by tabs; it is read in place, as it is 600 KB on a site of
 * 10,000 entries. */
static GBytes *
load_similar_cache (Export     *self,
                    const char *structure)
{
  g_autoptr(GBytes) bytes = mh_export_writer_read_previous (self->writer, SIMILAR_CACHE);
  g_autoptr(GHashTable) by_path = NULL;
  g_autoptr(GPtrArray) similar = NULL;
  g_autoptr(GString) scratch = NULL;
  gsize len = 0, structure_len = strlen (structure);
  const char *p, *end;

  if (bytes == NULL)
    return NULL;
  p = g_bytes_get_data (bytes, &len);
  end = p + len;
  if (len <= structure_len || memcmp (p, structure, structure_len) != 0 ||
      p[structure_len] != '\n')
    return NULL;

  by_path = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < self->model->entries->len; i++)
    {
      MhModelEntry *e = g_ptr_array_index (self->model->entries, i);
      g_hash_table_insert (by_path, e->path, e);
    }

  similar = g_ptr_array_new ();
  scratch = g_string_new (NULL);
  for (p += structure_len + 1; p < end && *p != '\n'; )
    {
      const char *eol = memchr (p, '\n', end - p);
      const char *tab;
      MhModelEntry *entry;

      if (eol == NULL)
        eol = end;
      tab = memchr (p, '\t', eol - p);
      if (tab == NULL)
        tab = eol;
      if ((entry = lookup_path (by_path, scratch, p, tab - p)) == NULL)
        return NULL;

      g_ptr_array_set_size (similar, 0);
      for (p = tab; p < eol; p = tab)
        {
          MhModelEntry *other;

          p++;
          tab = memchr (p, '\t', eol - p);
          if (tab == NULL)
            tab = eol;
          if ((other = lookup_path (by_path, scratch, p, tab - p)) == NULL)
            return NULL;
          g_ptr_array_add (similar, other);
        }
      mh_site_model_set_similar (self->model, entry, similar, N_SIMILAR);
      p = eol + 1;
    }
  return g_steal_pointer (&bytes);
}

static GBytes *
similar_cache_text (Export     *self,
                    const char *structure)
{
  GString *text = g_string_new (structure);

  g_string_append_c (text, '\n');
  for (guint i = 0; i < self->model->entries->len; i++)
    {
      MhModelEntry *e = g_ptr_array_index (self->model->entries, i);
      g_autoptr(GPtrArray) similar = mh_site_model_similar (self->model, e, N_SIMILAR);

      g_string_append (text, e->path);
      for (guint j = 0; j < similar->len; j++)
        g_string_append_printf (text, "\t%s", ((MhModelEntry *) g_ptr_array_index (similar, j))->path);
      g_string_append_c (text, '\n');
    }
  return g_string_free_to_bytes (text);
}

/* An entry's fingerprint needs only its own card. */
static void
fingerprint_card_and_entry (Export *self,
                            guint   i)
{
  MhModelEntry *e = g_ptr_array_index (self->model->entries, i);

  fingerprint_card (e, &self->cards[i]);
  fingerprint_entry (self, e, &self->entries[i]);
}

/* A page's fingerprint needs the cards of its similar entries; whether the
 * last export's files can stay is looked up here too, off the main thread. */
static void
fingerprint_and_check_page (Export *self,
                            guint   i)
{
  MhModelEntry *e = g_ptr_array_index (self->model->entries, i);
  g_autofree char *page = g_strconcat (e->path, "index.html", NULL);

  fingerprint_page (self, e, &self->page_fps[i]);
  if (mh_export_writer_can_reuse (self->writer, page, self->page_fps[i].hex))
    self->reusable[i] |= REUSE_PAGE;
  if (e->kind == MH_ENTRY_KIND_EVENT && e->event_start != NULL)
    {
      g_autofree char *ics = g_strconcat (e->path, "event.ics", NULL);

      if (mh_export_writer_can_reuse (self->writer, ics, self->entries[i].hex))
        self->reusable[i] |= REUSE_ICS;
    }
}

static void
compute_fingerprints (Export *self)
{
  guint n = self->model->entries->len;

  self->structure = fingerprint_structure (self->model);
  self->similar_cache = load_similar_cache (self, self->structure);
  if (self->similar_cache == NULL)
    {
      mh_site_model_prepare_similar (self->model, N_SIMILAR);
      self->similar_cache = similar_cache_text (self, self->structure);
    }
  self->global = fingerprint_site (self->model, self->renderer);
  self->cards = g_new (Fingerprint, n);
  self->entries = g_new (Fingerprint, n);
  self->page_fps = g_new (Fingerprint, n);
  self->reusable = g_new0 (guint8, n);
  parallel_for (self, n, fingerprint_card_and_entry);
  parallel_for (self, n, fingerprint_and_check_page);
}

static gboolean
export_html (Export            *self,
             const char        *theme_dir,
             GError           **error)
{
  gint64 start = g_get_monotonic_time ();

  self->n_threads = CLAMP (g_get_num_processors (), 1, 8);
  self->theme_dir = theme_dir;
  self->renderers = g_ptr_array_new_with_free_func ((GDestroyNotify) mh_site_renderer_free);
  self->renderer = mh_site_renderer_new (self->model, theme_dir, error);
  if (self->renderer == NULL)
    return FALSE;
  g_ptr_array_add (self->renderers, self->renderer);
  g_debug ("renderers: %.3f s", (g_get_monotonic_time () - start) / 1e6);

  self->pages = g_ptr_array_new_with_free_func (g_free);
  self->total = self->model->entries->len;
  compute_fingerprints (self);
  g_debug ("fingerprints: %.3f s", (g_get_monotonic_time () - start) / 1e6);

  for (guint i = 0; i < self->model->entries->len; i += BATCH_SIZE)
    if (!export_entries (self, i, MIN (BATCH_SIZE, self->model->entries->len - i), error))
      return FALSE;
  g_debug ("entries: %.3f s", (g_get_monotonic_time () - start) / 1e6);
  if (!export_listings (self, error))
    return FALSE;
  g_debug ("listings: %.3f s", (g_get_monotonic_time () - start) / 1e6);

  if (!export_assets (self, error) || !export_site_files (self, error))
    return FALSE;
  g_debug ("site files: %.3f s", (g_get_monotonic_time () - start) / 1e6);
  return TRUE;
}

static gboolean
check_base_url (const char  *url,
                GError     **error)
{
  if (mh_web_url_is_valid (url))
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("“%s” is not a base URL: give an http or https address such as "
                 "https://example.org/"), url);
  return FALSE;
}

static void
override_base_url (MhSiteModel *model,
                   const char  *base_url)
{
  g_free (model->base_url);
  model->base_url = g_str_has_suffix (base_url, "/") ? g_strdup (base_url)
                                                     : g_strconcat (base_url, "/", NULL);
}

typedef struct
{
  const char     *target_dir;
  const char     *zip_path;
  MhExportWriter *writer;
  GError         *error;
} WriterJob;

static gpointer
new_writer_thread (gpointer data)
{
  WriterJob *job = data;

  job->writer = mh_export_writer_new (job->target_dir, job->zip_path, &job->error);
  return NULL;
}

static gpointer
free_model_thread (gpointer data)
{
  mh_site_model_free (data);
  return NULL;
}

/**
 * mh_site_export:
 * @site_path: the site file
 * @target_dir: the folder the export ends up in
 * @options: (nullable): format, theme, base URL, zip file
 * @progress: (nullable) (scope call): called now and then with how far it is
 * @progress_data: data for @progress
 * @cancellable: (nullable): to stop the export; the target stays as it was
 * @stats: (out) (optional): files written, unchanged and removed
 * @problems: (nullable) (element-type utf8): where broken links found on
 *   the way are reported (they do not stop the export)
 * @error: return location for an error
 *
 * Exports the published part of the site. Blocks: call it from a worker
 * thread, or use mh_site_export_async().
 *
 * Returns: %TRUE on success
 */
gboolean
mh_site_export (const char             *site_path,
                const char             *target_dir,
                const MhExportOptions  *options,
                MhExportProgressFunc    progress,
                gpointer                progress_data,
                GCancellable           *cancellable,
                MhExportStats          *stats,
                GPtrArray              *problems,
                GError                **error)
{
  static const MhExportOptions defaults = { MH_EXPORT_FORMAT_HTML, NULL, NULL, NULL };
  g_autoptr(MhSiteModel) model = NULL;
  g_autoptr(MhExportWriter) writer = NULL;
  Export self = { 0 };
  WriterJob writer_job;
  GThread *thread;
  gboolean ok;

  g_return_val_if_fail (site_path != NULL, FALSE);
  g_return_val_if_fail (target_dir != NULL, FALSE);

  g_debug ("export of %s started", site_path);
  if (options == NULL)
    options = &defaults;
  if (options->base_url != NULL && !check_base_url (options->base_url, error))
    return FALSE;

  /* Over a previous export, the writer reads its manifest while the model
   * loads; otherwise it starts once the site could be read, so that a site
   * that cannot leaves no folder behind. */
  writer_job = (WriterJob) { target_dir, options->zip_path, NULL, NULL };
  thread = NULL;
  if (g_file_test (target_dir, G_FILE_TEST_IS_DIR))
    thread = g_thread_new ("mh-export-writer", new_writer_thread, &writer_job);
  model = mh_site_model_load (site_path, cancellable, error);
  if (thread != NULL)
    g_thread_join (thread);
  else if (model != NULL)
    new_writer_thread (&writer_job);
  writer = writer_job.writer;
  if (model == NULL || writer == NULL)
    {
      if (model != NULL)
        g_propagate_error (error, g_steal_pointer (&writer_job.error));
      g_clear_error (&writer_job.error);
      return FALSE;
    }
  g_debug ("model loaded: %u entries", model->entries->len);
  if (options->base_url != NULL)
    override_base_url (model, options->base_url);

  self = (Export) { .model = model, .writer = writer, .cancellable = cancellable,
                    .problems = problems, .progress = progress,
                    .progress_data = progress_data };

  if (options->format == MH_EXPORT_FORMAT_HUGO)
    ok = mh_hugo_export (model, writer, cancellable, error);
  else
    ok = export_html (&self, options->theme_dir ? options->theme_dir : model->theme_dir, error);
  export_clear (&self);

  /* Freeing the model takes about as long as putting the new tree in
   * place, which does not need it: both run at once. */
  thread = g_thread_new ("mh-free-model", free_model_thread, g_steal_pointer (&model));
  ok = ok &&
       !g_cancellable_set_error_if_cancelled (cancellable, error) &&
       mh_export_writer_commit (writer, stats, error);
  g_thread_join (thread);
  return ok;
}

/* --- asynchronous ----------------------------------------------------------- */

typedef struct
{
  char                 *site_path;
  char                 *target_dir;
  char                 *theme_dir;
  char                 *base_url;
  char                 *zip_path;
  MhExportFormat        format;
  MhExportProgressFunc  progress;
  gpointer              progress_data;
  MhExportStats         stats;
  GPtrArray            *problems;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_free (data->site_path);
  g_free (data->target_dir);
  g_free (data->theme_dir);
  g_free (data->base_url);
  g_free (data->zip_path);
  g_clear_pointer (&data->problems, g_ptr_array_unref);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  MhExportOptions options = { data->format, data->theme_dir, data->base_url, data->zip_path };
  GError *error = NULL;

  if (mh_site_export (data->site_path, data->target_dir, &options, data->progress,
                      data->progress_data, cancellable, &data->stats, data->problems, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * mh_site_export_async:
 * @site_path: the site file
 * @target_dir: the folder the export ends up in
 * @options: (nullable): format, theme, base URL, zip file
 * @progress: (nullable): called from the worker thread: hand it to the
 *   main context yourself before touching widgets
 * @progress_data: data for @progress; it must outlive the export
 * @cancellable: (nullable): to stop the export
 * @callback: called in the thread-default main context when done
 * @user_data: data for @callback
 *
 * Runs mh_site_export() in a worker thread, on a connection of its own.
 */
void
mh_site_export_async (const char             *site_path,
                      const char             *target_dir,
                      const MhExportOptions  *options,
                      MhExportProgressFunc    progress,
                      gpointer                progress_data,
                      GCancellable           *cancellable,
                      GAsyncReadyCallback     callback,
                      gpointer                user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ExportData *data = g_new0 (ExportData, 1);

  data->site_path = g_strdup (site_path);
  data->target_dir = g_strdup (target_dir);
  if (options != NULL)
    {
      data->format = options->format;
      data->theme_dir = g_strdup (options->theme_dir);
      data->base_url = g_strdup (options->base_url);
      data->zip_path = g_strdup (options->zip_path);
    }
  data->progress = progress;
  data->progress_data = progress_data;
  data->problems = g_ptr_array_new_with_free_func (g_free);

  g_task_set_source_tag (task, mh_site_export_async);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

/**
 * mh_site_export_finish:
 * @result: the result given to the callback
 * @stats: (out) (optional): files written, unchanged and removed
 * @problems: (out) (optional) (transfer full) (element-type utf8): broken
 *   links found on the way
 * @error: return location for an error
 *
 * Returns: %TRUE when the export is in place
 */
gboolean
mh_site_export_finish (GAsyncResult  *result,
                       MhExportStats *stats,
                       GPtrArray    **problems,
                       GError       **error)
{
  ExportData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (stats != NULL)
    *stats = data->stats;
  if (problems != NULL)
    *problems = g_ptr_array_ref (data->problems);
  return g_task_propagate_boolean (G_TASK (result), error);
}
